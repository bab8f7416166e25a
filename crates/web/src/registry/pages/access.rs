//! `/regions/{id}/access?year=`: children aged 0–6 per centre, per municipality.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use samverka_app::registry::access;
use samverka_core::access::{AccessTotals, format_count, format_permille};
use serde::Deserialize;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::render::html;

pub fn router() -> Router<AppState> {
    Router::new().route("/regions/{id}/access", get(show_access))
}

pub struct Line {
    pub name: String,
    pub population: String,
    pub children: String,
    pub share: String,
    pub centres: String,
    pub per_centre: String,
    pub missing: bool,
}

#[derive(Template)]
#[template(path = "registry/access.html")]
struct AccessPage {
    page: Page,
    region_id: i64,
    year: i64,
    years: Vec<i64>,
    lines: Vec<Line>,
    total: Line,
    no_numbers: bool,
    can_import: bool,
    /// The table's caption, which says when figures are invented.
    caption: String,
    /// A note beside the table when some figures are invented (the demo's).
    invented_note: Option<String>,
}

#[derive(Deserialize)]
struct YearQuery {
    year: Option<String>,
}

async fn show_access(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    let year = match q.year.as_deref().map(str::trim).filter(|y| !y.is_empty()) {
        Some(y) => Some(y.parse::<i64>().map_err(|_| PageError::BadRequest)?),
        None => None,
    };
    let table = access::table(&user, id, year).await?;
    let region = table.region;
    let year = table.year;
    let years = table.years;
    let rows: Vec<samverka_core::AccessRow> = table.rows.into_iter().map(|(_, r)| r).collect();
    let t = page.t;
    let missing = t.t("value-missing");
    let opt = |v: Option<i64>| v.map(format_count).unwrap_or_else(|| missing.clone());
    let lines = rows
        .iter()
        .map(|r| Line {
            name: r.name.clone(),
            population: opt(r.population),
            children: opt(r.children_0_6),
            share: r
                .child_share_permille()
                .map(format_permille)
                .unwrap_or_else(|| missing.clone()),
            centres: r.centres.to_string(),
            per_centre: match (r.children_0_6, r.centres) {
                (Some(_), 0) => t.t("access-no-centre"),
                _ => opt(r.children_per_centre()),
            },
            missing: r.population.is_none(),
        })
        .collect();
    let totals = AccessTotals::of(&rows);
    let no_numbers = totals.population.is_none() && totals.children_0_6.is_none();
    let total = Line {
        name: t.t("access-total"),
        population: opt(totals.population),
        children: opt(totals.children_0_6),
        share: totals
            .child_share_permille()
            .map(format_permille)
            .unwrap_or_else(|| missing.clone()),
        centres: totals.centres.to_string(),
        per_centre: opt(totals.children_per_centre()),
        missing: !totals.complete,
    };
    let invented: Vec<&str> = rows
        .iter()
        .filter(|r| r.invented)
        .map(|r| r.name.as_str())
        .collect();
    let invented_note = match invented.len() {
        0 => None,
        n if n == rows.len() => Some(t.t1("access-invented-all", "year", year)),
        _ => Some(t.t2(
            "access-invented-some",
            ("year", &year),
            ("names", &invented.join(", ")),
        )),
    };
    let caption = if totals.invented {
        t.t1("access-caption-invented", "year", year)
    } else {
        t.t1("access-caption", "year", year)
    };
    let manage = user.actor.can_manage_region(region.id);
    let title = t.t1("access-title", "year", year);
    html(AccessPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "access"),
        region_id: region.id,
        year,
        years,
        lines,
        total,
        no_numbers,
        can_import: manage,
        caption,
        invented_note,
    })
}
