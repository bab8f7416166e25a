//! `/regions/{id}`: the county overview (*länsöversikt*) — every centre, its
//! services, principals, co-location and computed classification, and a
//! column per governance signal for the year (this year unless `?year=`).

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use samverka_app::governance::signals::chosen_year;
use samverka_app::registry::centres::{self, CentreView};
use samverka_core::{BaseService, Classification, ServiceType};
use serde::Deserialize;

use crate::governance::words::{self as signals, LegendItem, SignalHeader, SignalView};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::render::html;
use crate::ui::{Page, words as view};

pub fn router() -> Router<AppState> {
    Router::new().route("/regions/{id}", get(show_overview))
}

/// One cell of the service columns.
pub struct Cell {
    pub text: String,
    /// `yes`, `no` or `unknown`, for styling.
    pub kind: &'static str,
}

pub struct Row {
    pub id: i64,
    pub name: String,
    pub municipality: String,
    pub services: Vec<Cell>,
    pub others: Cell,
    pub principals: String,
    pub colocation: String,
    pub classification: String,
    pub class_code: &'static str,
    pub closed_on: Option<String>,
    /// The governance signals of the year, in [`samverka_core::governance::SignalKind::CENTRE`] order.
    pub signals: Vec<SignalView>,
}

pub struct Totals {
    pub services: Vec<String>,
    pub others: String,
    pub unknown_note: Option<String>,
}

#[derive(Template)]
#[template(path = "registry/overview.html")]
struct OverviewPage {
    page: Page,
    region_id: i64,
    rules: String,
    can_create: bool,
    show_closed: bool,
    headers: Vec<(&'static str, String)>,
    rows: Vec<Row>,
    totals: Totals,
    summary: Vec<(String, usize, &'static str)>,
    year: i32,
    signal_headers: Vec<SignalHeader>,
    legend: Vec<LegendItem>,
    /// Per signal: centres that meet it, of all shown ("5/17").
    signal_totals: Vec<String>,
}

#[derive(Deserialize)]
struct OverviewQuery {
    #[serde(default)]
    closed: Option<String>,
    #[serde(default)]
    year: Option<String>,
}

/// The non-public parties taking part in a centre: other services and
/// base services run by a private or non-profit principal.
pub fn other_parties(c: &CentreView) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for u in c.current_units() {
        let name = match u.service {
            ServiceType::Other => u.name.clone().or_else(|| u.principal_name.clone()),
            ServiceType::Base(_) if u.principal_kind.is_some_and(|k| !k.is_public()) => {
                u.principal_name.clone()
            }
            ServiceType::Base(_) => None,
        };
        if let Some(n) = name
            && !names.contains(&n)
        {
            names.push(n);
        }
    }
    names
}

fn service_cell(t: &Tr, c: &CentreView, s: BaseService) -> Cell {
    let units: Vec<_> = c
        .current_units()
        .filter(|u| u.service == ServiceType::Base(s))
        .collect();
    if c.current_units().next().is_none() {
        return Cell {
            text: t.t("value-missing"),
            kind: "unknown",
        };
    }
    if units.is_empty() {
        return Cell {
            text: t.t("value-no"),
            kind: "no",
        };
    }
    let runners: Vec<String> = units
        .iter()
        .filter(|u| u.principal_kind.is_some_and(|k| !k.is_public()))
        .filter_map(|u| u.principal_name.clone())
        .collect();
    let text = if runners.is_empty() {
        t.t("value-yes")
    } else {
        format!("{} ({})", t.t("value-yes"), runners.join(", "))
    };
    Cell { text, kind: "yes" }
}

fn class_code(c: Option<Classification>) -> &'static str {
    c.map_or("undetermined", Classification::code)
}

async fn show_overview(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<OverviewQuery>,
) -> Result<Response, PageError> {
    let show_closed = q.closed.is_some();
    let year = chosen_year(q.year.as_deref(), user.today);
    let o = centres::overview(&user, id, year, show_closed).await?;
    let region = o.region;
    let centres = o.centres;
    let mut by_centre = o.signals;
    let t = page.t;
    let total = centres.len();
    let mut met = [0usize; 7];
    let mut counts = [0usize; 4];
    let mut others_count = 0;
    let mut unknown = 0;
    let rows: Vec<Row> = centres
        .iter()
        .map(|c| {
            let services: Vec<Cell> = BaseService::ALL.iter().map(|s| service_cell(&t, c, *s)).collect();
            for (i, cell) in services.iter().enumerate() {
                if cell.kind == "yes" {
                    counts[i] += 1;
                }
            }
            let known = c.current_units().next().is_some();
            if !known {
                unknown += 1;
            }
            let parties = other_parties(c);
            if !parties.is_empty() {
                others_count += 1;
            }
            let others = if !known {
                Cell {
                    text: t.t("value-missing"),
                    kind: "unknown",
                }
            } else if parties.is_empty() {
                Cell {
                    text: "–".into(),
                    kind: "no",
                }
            } else {
                Cell {
                    text: parties.join(", "),
                    kind: "yes",
                }
            };
            let mut principals: Vec<String> = Vec::new();
            for u in c.current_units() {
                if let Some(p) = &u.principal_name
                    && !principals.contains(p)
                {
                    principals.push(p.clone());
                }
            }
            let centre_signals = by_centre.remove(&c.centre.id).unwrap_or_default();
            for (i, s) in centre_signals.iter().enumerate() {
                if s.level == samverka_core::governance::Level::Green
                    && let Some(n) = met.get_mut(i)
                {
                    *n += 1;
                }
            }
            Row {
                id: c.centre.id,
                name: c.centre.name.clone(),
                municipality: c.municipality.clone(),
                services,
                others,
                principals: if principals.is_empty() {
                    t.t("value-missing")
                } else {
                    principals.join(", ")
                },
                colocation: view::colocation_name(&t, c.colocation),
                classification: view::classification_name(&t, c.outcome.classification),
                class_code: class_code(c.outcome.classification),
                closed_on: c.centre.closed_on.map(|d| d.to_string()),
                signals: centre_signals.iter().map(|s| signals::view(&t, s)).collect(),
            }
        })
        .collect();
    let summary = [
        Some(Classification::FamilyCentre),
        Some(Classification::FamilyCentreLike),
        Some(Classification::FamilyCentredWork),
        None,
    ]
    .into_iter()
    .map(|class| {
        let n = centres
            .iter()
            .filter(|c| c.outcome.classification == class)
            .count();
        (view::classification_name(&t, class), n, class_code(class))
    })
    .collect();
    let totals = Totals {
        services: counts.iter().map(|n| format!("{n}/{total}")).collect(),
        others: others_count.to_string(),
        unknown_note: (unknown > 0).then(|| t.t1("overview-unknown-note", "count", unknown)),
    };
    let headers = BaseService::ALL
        .iter()
        .map(|s| (s.abbreviation(), view::service_name(&t, ServiceType::Base(*s))))
        .collect();
    let manage = o.manage;
    let title = t.t1("overview-title", "region", &region.name);
    html(OverviewPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "overview"),
        region_id: region.id,
        rules: view::preset_name(&t, region.rules.preset()),
        can_create: manage,
        show_closed,
        headers,
        rows,
        totals,
        summary,
        year,
        signal_headers: signals::headers(&t, &region.governance),
        legend: signals::legend(&t),
        signal_totals: met.iter().map(|n| format!("{n}/{total}")).collect(),
    })
}
