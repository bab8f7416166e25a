//! `/regions/{id}/audit`: the audit trail of a region, newest first.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use samverka_store::audit;
use serde::Deserialize;

use super::{html, managed_region};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::view::Page;

pub fn router() -> Router<AppState> {
    Router::new().route("/regions/{id}/audit", get(show_audit))
}

const PAGE_SIZE: i64 = 50;

pub struct EntryLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    region_id: i64,
    entries: Vec<EntryLine>,
    older: Option<i64>,
}

#[derive(Deserialize)]
struct AuditQuery {
    before: Option<i64>,
}

async fn show_audit(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<AuditQuery>,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    let entries = audit::list(&state.db, Some(region.id), q.before, PAGE_SIZE).await?;
    let t = page.t;
    let older = (entries.len() as i64 == PAGE_SIZE)
        .then(|| entries.last().map(|e| e.id))
        .flatten();
    let pretty =
        |v: &Option<serde_json::Value>| v.as_ref().and_then(|v| serde_json::to_string_pretty(v).ok());
    let lines = entries
        .iter()
        .map(|e| EntryLine {
            at: e.at.replace('T', " ").trim_end_matches('Z').to_string(),
            actor: e.actor.clone(),
            action: t.t(&format!("audit-action-{}", e.action)),
            entity: format!(
                "{} {}",
                t.t(&format!("audit-entity-{}", e.entity)),
                e.entity_id.map(|i| format!("#{i}")).unwrap_or_default()
            ),
            before: pretty(&e.before),
            after: pretty(&e.after),
        })
        .collect();
    let title = t.t("audit-title");
    html(AuditPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, true, "audit"),
        region_id: region.id,
        entries: lines,
        older,
    })
}
