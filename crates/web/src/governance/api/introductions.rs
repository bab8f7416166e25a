//! `/api/v1/introductions`: assignments that need an introduction, in the
//! regions the caller may read; recording an introduction session.

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::governance::introductions;
use samverka_core::governance::IntroductionState;
use samverka_core::governance::drafts::SessionDraft;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::RegionFilter;
use super::meetings::Created;
use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiUser};
use crate::registry::api::ListMeta;

/// One assignment that needs an introduction, and where it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct IntroductionJson {
    /// The assignment.
    pub assignment_id: i64,
    /// The person.
    pub person_id: i64,
    /// The assignment's kind.
    pub kind: String,
    /// Who introduces: `county_coordination` or `local_coordinator`.
    pub responsible: String,
    /// The centre (staff, local coordinators).
    pub centre_id: Option<i64>,
    /// The group (group seats).
    pub group_id: Option<i64>,
    /// When the assignment started (ISO).
    pub starts_on: String,
    /// The deadline (ISO).
    pub due_on: String,
    /// `done`, `done_late`, `pending` or `overdue`.
    pub state: String,
    /// When the person was introduced (ISO).
    pub introduced_on: Option<String>,
}

/// A list of introductions.
#[derive(Debug, Serialize, ToSchema)]
pub struct IntroductionList {
    /// Every assignment that needs an introduction, oldest first.
    pub introductions: Vec<IntroductionJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// Assignments that need an introduction, with state and due date, in the regions the caller may read.
#[utoipa::path(get, path = "/introductions", tag = "governance", params(RegionFilter),
    responses((status = 200, body = IntroductionList), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_introductions(
    api: ApiUser,
    Query(f): Query<RegionFilter>,
) -> Result<Json<IntroductionList>, ApiError> {
    let out: Vec<IntroductionJson> = introductions::list_all(&api, f.region)
        .await?
        .into_iter()
        .map(|(d, within)| {
            let (state, introduced_on) = match d.state {
                IntroductionState::Done { on } => ("done", Some(on)),
                IntroductionState::DoneLate { on, .. } => ("done_late", Some(on)),
                IntroductionState::Pending { .. } => ("pending", None),
                IntroductionState::Overdue { .. } => ("overdue", None),
            };
            IntroductionJson {
                assignment_id: d.assignment.id,
                person_id: d.assignment.person_id,
                kind: d.assignment.kind.code().to_string(),
                responsible: d.responsible.code().to_string(),
                centre_id: d.assignment.centre_id,
                group_id: d.assignment.group_id,
                starts_on: d.assignment.starts_on.to_string(),
                due_on: d.due_on(within).to_string(),
                state: state.to_string(),
                introduced_on: introduced_on.map(|d| d.to_string()),
            }
        })
        .collect();
    let total = out.len();
    Ok(Json(IntroductionList {
        introductions: out,
        meta: ListMeta { total },
    }))
}

/// An introduction session as sent to record one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SessionBody {
    /// Date (ISO); not in the future.
    pub held_on: String,
    /// Who held it (a person of the region).
    pub held_by: Option<i64>,
    /// Title.
    pub title: String,
    /// The assignments introduced (among those waiting that the caller may record).
    pub assignment_ids: Vec<i64>,
}

/// Records an introduction session (county coordinators; a local coordinator for their own centres' staff).
#[utoipa::path(post, path = "/regions/{id}/introduction-sessions", tag = "governance", request_body = SessionBody,
    params(("id" = i64, Path, description = "Region id")),
    responses((status = 201, body = Created), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_session(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<SessionBody>,
) -> Result<Response, ApiError> {
    let draft = SessionDraft {
        held_on: b.held_on,
        held_by: b.held_by.map(|p| p.to_string()).unwrap_or_default(),
        title: b.title,
        participants: b.assignment_ids.iter().map(i64::to_string).collect(),
    };
    let sid = introductions::record_session(&api, id, &draft).await?;
    Ok((StatusCode::CREATED, Json(Created { id: sid })).into_response())
}
