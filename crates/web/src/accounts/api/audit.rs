//! `/api/v1/audit`: the audit trail, for county coordinators and admins.

use axum::Json;
use axum::extract::Query;
use samverka_app::AuditEntry;
use samverka_app::accounts::audit;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::ApiUser;

/// One change.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditJson {
    /// Entry id (newer is larger).
    pub id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who: an e-mail address, or `kommandorad` for the command line.
    pub actor: String,
    /// `create`, `update`, `close`, `import`, ...
    pub action: String,
    /// `region`, `centre`, `unit`, `population`, `user`, `person`, `group`, `assignment`, `meeting`,
    /// `decision`, `matter` or `introduction`.
    pub entity: String,
    /// The record's id.
    pub entity_id: Option<i64>,
    /// The region.
    pub region_id: Option<i64>,
    /// The record before.
    #[schema(value_type = Object)]
    pub before: Option<serde_json::Value>,
    /// The record after.
    #[schema(value_type = Object)]
    pub after: Option<serde_json::Value>,
}

impl From<AuditEntry> for AuditJson {
    fn from(e: AuditEntry) -> Self {
        AuditJson {
            id: e.id,
            at: e.at,
            actor: e.actor,
            action: e.action.code().to_string(),
            entity: e.entity.code().to_string(),
            entity_id: e.entity_id,
            region_id: e.region_id,
            before: e.before,
            after: e.after,
        }
    }
}

/// A page of the trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditList {
    /// Newest first.
    pub entries: Vec<AuditJson>,
    /// Paging.
    pub meta: AuditMeta,
}

/// Paging of the trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditMeta {
    /// Entries on this page.
    pub total: usize,
    /// Pass as `before` for the next, older page; null on the last page.
    pub next_before: Option<i64>,
}

/// Which part of the trail.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AuditFilter {
    /// The region (required unless the caller is an admin).
    pub region: Option<i64>,
    /// Entries older than this id.
    pub before: Option<i64>,
    /// Page size, 1–500 (default 100).
    pub limit: Option<i64>,
}

/// The audit trail of a region, newest first.
#[utoipa::path(get, path = "/audit", tag = "audit", params(AuditFilter),
    responses((status = 200, body = AuditList), (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_audit(api: ApiUser, Query(f): Query<AuditFilter>) -> Result<Json<AuditList>, ApiError> {
    let limit = f.limit.unwrap_or(100).clamp(1, 500);
    let entries = audit::trail(&api, f.region, f.before, limit).await?;
    let next_before = (entries.len() as i64 == limit)
        .then(|| entries.last().map(|e| e.id))
        .flatten();
    let entries: Vec<AuditJson> = entries.into_iter().map(AuditJson::from).collect();
    Ok(Json(AuditList {
        meta: AuditMeta {
            total: entries.len(),
            next_before,
        },
        entries,
    }))
}
