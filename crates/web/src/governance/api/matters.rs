//! `/api/v1/matters`: matters to steering groups in the regions the caller
//! may read; raising one and moving one a step (under the rules of the pages).

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::governance::matters;
use samverka_core::governance::Matter;
use samverka_core::governance::drafts::{AdvanceDraft, MatterDraft};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::RegionFilter;
use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiUser};
use crate::registry::api::ListMeta;

/// One step of a matter.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatterStepJson {
    /// The status reached: `draft`, `submitted`, `on_agenda`, `decided` or `reported_back`.
    pub status: String,
    /// When (ISO).
    pub on: String,
    /// Who took the step (a person), when the account had one linked.
    pub person_id: Option<i64>,
    /// A note.
    pub note: Option<String>,
}

/// A matter raised to a steering group.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatterJson {
    /// Id.
    pub id: i64,
    /// Region id.
    pub region_id: i64,
    /// The group that raised it.
    pub from_group_id: Option<i64>,
    /// The steering group it is raised to.
    pub to_group_id: i64,
    /// Title.
    pub title: String,
    /// What is asked.
    pub body: Option<String>,
    /// Where it stands (a step status code).
    pub status: String,
    /// The decision that answered it.
    pub decision_id: Option<i64>,
    /// Days it waited (or has waited so far) for the steering group; null before it was sent.
    pub waiting_days: Option<i64>,
    /// Whether it still waits past the region's deadline.
    pub overdue: bool,
    /// Every step so far, oldest first.
    pub steps: Vec<MatterStepJson>,
}

/// A list of matters.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatterList {
    /// The matters, newest first.
    pub matters: Vec<MatterJson>,
    /// Totals.
    pub meta: ListMeta,
}

fn to_json(m: Matter, limit: i64, today: chrono::NaiveDate) -> MatterJson {
    MatterJson {
        id: m.id,
        region_id: m.region_id,
        from_group_id: m.from_group_id,
        to_group_id: m.to_group_id,
        title: m.title.clone(),
        body: m.body.clone(),
        status: m.status.code().to_string(),
        decision_id: m.decision_id,
        waiting_days: m.waited(today),
        overdue: m.is_late(limit, today),
        steps: m
            .steps
            .into_iter()
            .map(|s| MatterStepJson {
                status: s.status.code().to_string(),
                on: s.on.to_string(),
                person_id: s.person_id,
                note: s.note,
            })
            .collect(),
    }
}

/// Matters to steering groups in the regions the caller may read.
#[utoipa::path(get, path = "/matters", tag = "governance", params(RegionFilter),
    responses((status = 200, body = MatterList), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_matters(api: ApiUser, Query(f): Query<RegionFilter>) -> Result<Json<MatterList>, ApiError> {
    let out: Vec<MatterJson> = matters::list_all(&api, f.region)
        .await?
        .into_iter()
        .map(|(m, limit)| to_json(m, limit, api.today))
        .collect();
    let total = out.len();
    Ok(Json(MatterList {
        matters: out,
        meta: ListMeta { total },
    }))
}

async fn one(api: &ApiUser, id: i64) -> Result<MatterJson, ApiError> {
    let d = matters::get(api, id).await?;
    Ok(to_json(
        d.matter,
        d.region.governance.matter_within_days,
        api.today,
    ))
}

/// A matter as raised.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MatterBody {
    /// Title.
    pub title: String,
    /// What is asked.
    pub body: Option<String>,
    /// The steering group it goes to (one the group reports to or that governs one of its centres).
    pub to_group_id: i64,
}

/// Raises a matter, as a draft, from a management or preparation group the caller may edit.
#[utoipa::path(post, path = "/groups/{id}/matters", tag = "governance", request_body = MatterBody,
    params(("id" = i64, Path, description = "The raising group's id")),
    responses((status = 201, body = MatterJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_matter(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<MatterBody>,
) -> Result<Response, ApiError> {
    let draft = MatterDraft {
        title: b.title,
        body: b.body.unwrap_or_default(),
        to_group_id: b.to_group_id.to_string(),
    };
    let mid = matters::create(&api, id, &draft).await?;
    Ok((StatusCode::CREATED, Json(one(&api, mid).await?)).into_response())
}

/// A step to take.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AdvanceBody {
    /// The status to move to: the next one.
    pub to: String,
    /// The steering group's decision (when deciding).
    pub decision_id: Option<i64>,
    /// A note on the step.
    pub note: Option<String>,
}

/// Moves a matter one step (sending: the raising side; the rest: the steering group).
/// 409 when someone else took the step first.
#[utoipa::path(post, path = "/matters/{id}/advance", tag = "governance", request_body = AdvanceBody,
    params(("id" = i64, Path, description = "Matter id")),
    responses((status = 200, body = MatterJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn advance_matter(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<AdvanceBody>,
) -> Result<Json<MatterJson>, ApiError> {
    let draft = AdvanceDraft {
        to: b.to,
        decision_id: b.decision_id.map(|d| d.to_string()).unwrap_or_default(),
        note: b.note.unwrap_or_default(),
    };
    matters::advance(&api, id, &draft).await?;
    Ok(Json(one(&api, id).await?))
}
