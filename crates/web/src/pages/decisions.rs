//! Decision logs (*beslutslogg*): every decision of a region, of one group, or
//! concerning one centre, filterable by year and category with a plain GET
//! form (works without JavaScript).

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use chrono::Datelike;
use samverka_core::governance::DecisionCategory;
use samverka_store::meetings::{self, Decision};
use samverka_store::{centres, groups, regions};
use serde::Deserialize;

use super::governance::viewable_group;
use super::{html, require, viewable_region};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::Page;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/decisions", get(region_log))
        .route("/groups/{id}/decisions", get(group_log))
        .route("/centres/{id}/decisions", get(centre_log))
}

/// A page with the region's tabs, for accounts that may read the region (a
/// member who sees the group only through a seat gets no tabs that lead to 403).
pub(crate) fn framed(
    page: Page,
    user: &CurrentUser,
    region_id: i64,
    region_name: &str,
    tab: &'static str,
) -> Page {
    if user.actor.can_view_region(region_id) {
        let manage = user.actor.can_manage_region(region_id);
        page.in_region(region_id, region_name, manage, tab)
    } else {
        page
    }
}

/// The name of a decision category.
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
#[template(path = "decisions.html")]
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
    region_id: i64,
    region_name: String,
    tab: &'static str,
    show_group: bool,
}

async fn render(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    scope: Scope,
    q: &LogQuery,
    keep: impl Fn(&Decision) -> bool,
) -> Result<Response, AppError> {
    let (all, group_list, centre_list) = tokio::try_join!(
        meetings::decisions(&state.db, Some(scope.region_id)),
        groups::list(&state.db, Some(scope.region_id)),
        centres::list(&state.db, Some(scope.region_id)),
    )?;
    let mine: Vec<&Decision> = all.iter().filter(|d| keep(d)).collect();
    let mut years: Vec<i32> = mine.iter().map(|d| d.decided_on.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let (year, category) = (q.year(), q.category());
    let shown = mine.into_iter().filter(|d| {
        year.is_none_or(|y| d.decided_on.year() == y) && category.is_none_or(|c| d.category == c)
    });
    let t = page.t;
    let centre_names: HashMap<i64, String> = centre_list.into_iter().map(|c| (c.id, c.name)).collect();
    let group_names: HashMap<i64, String> = group_list.into_iter().map(|g| (g.id, g.name)).collect();
    let rows = lines(&t, shown, &centre_names, &group_names);
    let caption = t.t1("decisions-caption", "count", rows.len());
    html(DecisionLog {
        page: framed(
            page.titled(scope.title),
            user,
            scope.region_id,
            &scope.region_name,
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
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LogQuery>,
) -> Result<Response, AppError> {
    let region = viewable_region(&state, &user, id).await?;
    let scope = Scope {
        action: format!("/regions/{}/decisions", region.id),
        title: page.t.t1("decisions-region-title", "region", &region.name),
        lead: page.t.t("decisions-region-lead"),
        region_id: region.id,
        region_name: region.name.clone(),
        tab: "decisions",
        show_group: true,
    };
    render(&state, &user, page, scope, &q, |_| true).await
}

async fn group_log(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LogQuery>,
) -> Result<Response, AppError> {
    let (group, region) = viewable_group(&state, &user, id).await?;
    let scope = Scope {
        action: format!("/groups/{}/decisions", group.id),
        title: page.t.t1("decisions-group-title", "group", &group.name),
        lead: page.t.t("decisions-group-lead"),
        region_id: region.id,
        region_name: region.name.clone(),
        tab: "groups",
        show_group: false,
    };
    render(&state, &user, page, scope, &q, |d| d.group_id == group.id).await
}

async fn centre_log(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LogQuery>,
) -> Result<Response, AppError> {
    let centre = centres::get(&state.db, id).await?;
    let governs = user
        .actor
        .seats
        .iter()
        .any(|s| s.region_id == centre.region_id && s.centre_ids.contains(&centre.id));
    require(user.actor.can_view_region(centre.region_id) || governs)?;
    let region = regions::get(&state.db, centre.region_id).await?;
    let scope = Scope {
        action: format!("/centres/{}/decisions", centre.id),
        title: page.t.t1("decisions-centre-title", "centre", &centre.name),
        lead: page.t.t("decisions-centre-lead"),
        region_id: region.id,
        region_name: region.name.clone(),
        tab: "overview",
        show_group: true,
    };
    render(&state, &user, page, scope, &q, |d| {
        d.centre_ids.contains(&centre.id)
    })
    .await
}
