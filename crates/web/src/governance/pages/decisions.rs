//! Decision logs (*beslutslogg*): every decision of a region, of one group, or
//! concerning one centre, filterable by year and category with a plain GET
//! form (works without JavaScript).

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use chrono::Datelike;
use samverka_app::governance::decisions::{self as log, DecisionLog as Data};
use samverka_core::governance::{Decision, DecisionCategory};
use serde::Deserialize;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::render::html;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/decisions", get(region_log))
        .route("/groups/{id}/decisions", get(group_log))
        .route("/centres/{id}/decisions", get(centre_log))
}

pub(crate) fn category_name(t: &Tr, c: DecisionCategory) -> String {
    t.t(&format!("decision-category-{}", c.code()))
}

/// One decision as a log shows it.
pub(crate) struct DecisionLine {
    /// The meeting it was taken in.
    pub meeting_id: i64,
    /// The meeting's date.
    pub decided_on: String,
    /// The group that decided.
    pub group: String,
    /// Category, in words.
    pub category: String,
    /// What was decided.
    pub text: String,
    /// The centres it concerns, by name, comma separated (empty when none).
    pub centres: String,
}

/// Decisions in words, with the names of their centres and groups.
pub(crate) fn lines<'a>(
    t: &Tr,
    decisions: impl Iterator<Item = &'a Decision>,
    centre_names: &HashMap<i64, String>,
    group_names: &HashMap<i64, String>,
) -> Vec<DecisionLine> {
    decisions
        .map(|d| {
            let mut names: Vec<&str> = d
                .centre_ids
                .iter()
                .filter_map(|c| centre_names.get(c).map(String::as_str))
                .collect();
            names.sort_by_cached_key(|n| samverka_core::text::sort_key(n));
            DecisionLine {
                meeting_id: d.meeting_id,
                decided_on: d.decided_on.to_string(),
                group: group_names.get(&d.group_id).cloned().unwrap_or_default(),
                category: category_name(t, d.category),
                text: d.text.clone(),
                centres: names.join(", "),
            }
        })
        .collect()
}

/// The filter of a log: `?year=2025&category=budget_change` (both optional).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct LogQuery {
    year: Option<String>,
    category: Option<String>,
}

impl LogQuery {
    fn year(&self) -> Option<i32> {
        self.year.as_deref().and_then(|y| y.trim().parse().ok())
    }

    fn category(&self) -> Option<DecisionCategory> {
        self.category.as_deref().and_then(DecisionCategory::parse)
    }
}

#[derive(Template)]
#[template(path = "governance/decisions.html")]
struct DecisionLog {
    page: Page,
    action: String,
    lead: String,
    /// Years with decisions, newest first, and whether each is the chosen one.
    years: Vec<(i32, bool)>,
    categories: Vec<(&'static str, String)>,
    category: &'static str,
    show_group: bool,
    rows: Vec<DecisionLine>,
    caption: String,
}

/// What a log is about.
struct Scope {
    action: String,
    title: String,
    lead: String,
    tab: &'static str,
    show_group: bool,
}

fn render(
    user: &CurrentUser,
    page: Page,
    scope: Scope,
    q: &LogQuery,
    d: &Data,
) -> Result<Response, PageError> {
    let mut years: Vec<i32> = d.decisions.iter().map(|x| x.decided_on.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let (year, category) = (q.year(), q.category());
    let shown = d.decisions.iter().filter(|x| {
        year.is_none_or(|y| x.decided_on.year() == y) && category.is_none_or(|c| x.category == c)
    });
    let t = page.t;
    let rows = lines(&t, shown, &d.centres, &d.groups);
    let caption = t.t1("decisions-caption", "count", rows.len());
    let manage = user.actor.can_manage_region(d.region.id);
    html(DecisionLog {
        page: page.titled(scope.title).in_region_if(
            d.in_region,
            d.region.id,
            &d.region.name,
            manage,
            scope.tab,
        ),
        action: scope.action,
        lead: scope.lead,
        years: years.into_iter().map(|y| (y, Some(y) == year)).collect(),
        categories: DecisionCategory::ALL
            .iter()
            .map(|c| (c.code(), category_name(&t, *c)))
            .collect(),
        category: category.map_or("", |c| c.code()),
        show_group: scope.show_group,
        rows,
        caption,
    })
}

async fn region_log(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LogQuery>,
) -> Result<Response, PageError> {
    let d = log::of_region(&user, id).await?;
    let scope = Scope {
        action: format!("/regions/{}/decisions", d.region.id),
        title: page.t.t1("decisions-region-title", "region", &d.region.name),
        lead: page.t.t("decisions-region-lead"),
        tab: "decisions",
        show_group: true,
    };
    render(&user, page, scope, &q, &d)
}

async fn group_log(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LogQuery>,
) -> Result<Response, PageError> {
    let (name, d) = log::of_group(&user, id).await?;
    let scope = Scope {
        action: format!("/groups/{id}/decisions"),
        title: page.t.t1("decisions-group-title", "group", &name),
        lead: page.t.t("decisions-group-lead"),
        tab: "groups",
        show_group: false,
    };
    render(&user, page, scope, &q, &d)
}

async fn centre_log(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LogQuery>,
) -> Result<Response, PageError> {
    let (name, d) = log::of_centre(&user, id).await?;
    let scope = Scope {
        action: format!("/centres/{id}/decisions"),
        title: page.t.t1("decisions-centre-title", "centre", &name),
        lead: page.t.t("decisions-centre-lead"),
        tab: "overview",
        show_group: true,
    };
    render(&user, page, scope, &q, &d)
}
