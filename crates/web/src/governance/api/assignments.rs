//! `/api/v1/assignments`: dated assignments (history included) within the
//! caller's reach; adding one to a person and ending one, under the rules
//! of the pages.

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::governance::assignments;
use samverka_core::governance::Assignment;
use samverka_core::governance::drafts::AssignmentDraft;
use samverka_core::hours::format_hours;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::RegionFilter;
use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiUser};
use crate::registry::api::ListMeta;

/// A dated assignment (*uppdrag*).
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentJson {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// `local_coordinator`, `management_member`, `management_chair`, `steering_member`,
    /// `preparation_member`, `county_steering_member`, `county_coordinator`,
    /// `collaboration_strategist` or `staff_member`.
    pub kind: String,
    /// Region id.
    pub region_id: i64,
    /// The centre (centre roles).
    pub centre_id: Option<i64>,
    /// The group (group seats).
    pub group_id: Option<i64>,
    /// Share of a full-time post in percent (coordinators).
    pub share_percent: Option<i64>,
    /// Who pays for the post.
    pub paid_by: Option<String>,
    /// Hours a week at the centre ("15,5"), for staff.
    pub hours_per_week: Option<String>,
    /// First day (ISO).
    pub starts_on: String,
    /// Last day (ISO); null while it lasts.
    pub ends_on: Option<String>,
}

/// A list of assignments.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentList {
    /// The assignments, oldest first.
    pub assignments: Vec<AssignmentJson>,
    /// Totals.
    pub meta: ListMeta,
}

fn to_json(x: Assignment) -> AssignmentJson {
    AssignmentJson {
        id: x.id,
        person_id: x.person_id,
        kind: x.kind.code().to_string(),
        region_id: x.region_id,
        centre_id: x.centre_id,
        group_id: x.group_id,
        share_percent: x.share_percent,
        paid_by: x.paid_by,
        hours_per_week: x.minutes_per_week.map(format_hours),
        starts_on: x.starts_on.to_string(),
        ends_on: x.ends_on.map(|d| d.to_string()),
    }
}

/// Assignments, history included, in the regions and groups the caller may read.
#[utoipa::path(get, path = "/assignments", tag = "governance", params(RegionFilter),
    responses((status = 200, body = AssignmentList), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_assignments(
    api: ApiUser,
    Query(f): Query<RegionFilter>,
) -> Result<Json<AssignmentList>, ApiError> {
    let out: Vec<AssignmentJson> = assignments::list_reachable(&api, f.region)
        .await?
        .into_iter()
        .map(to_json)
        .collect();
    let total = out.len();
    Ok(Json(AssignmentList {
        assignments: out,
        meta: ListMeta { total },
    }))
}

/// An assignment as sent to add one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AssignmentBody {
    /// The kind (see [`AssignmentJson::kind`]).
    pub kind: String,
    /// The centre (centre roles).
    pub centre_id: Option<i64>,
    /// The group (group seats; optional for coordinators: their network).
    pub group_id: Option<i64>,
    /// Share of a full-time post in percent (coordinators).
    pub share_percent: Option<i64>,
    /// Who pays for the post.
    pub paid_by: Option<String>,
    /// Hours a week at the centre ("15,5"), for staff.
    pub hours_per_week: Option<String>,
    /// First day (ISO).
    pub starts_on: String,
    /// Last day (ISO).
    pub ends_on: Option<String>,
}

/// Adds an assignment to a person: any kind for those who manage the
/// region, staff at their own centres for a local coordinator.
#[utoipa::path(post, path = "/people/{id}/assignments", tag = "governance", request_body = AssignmentBody,
    params(("id" = i64, Path, description = "Person id")),
    responses((status = 201, body = AssignmentJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_assignment(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<AssignmentBody>,
) -> Result<Response, ApiError> {
    let draft = AssignmentDraft {
        kind: b.kind,
        centre_id: b.centre_id.map(|c| c.to_string()).unwrap_or_default(),
        group_id: b.group_id.map(|g| g.to_string()).unwrap_or_default(),
        share_percent: b.share_percent.map(|s| s.to_string()).unwrap_or_default(),
        paid_by: b.paid_by.unwrap_or_default(),
        hours_per_week: b.hours_per_week.unwrap_or_default(),
        starts_on: b.starts_on,
        ends_on: b.ends_on.unwrap_or_default(),
    };
    let aid = assignments::create(&api, id, &draft).await?;
    let a = assignments::get(&api, aid).await?;
    Ok((StatusCode::CREATED, Json(to_json(a))).into_response())
}

/// When an assignment ends.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EndBody {
    /// The last day (ISO); not before it started.
    pub ends_on: String,
}

/// Ends an assignment (those who manage the region; a local coordinator for staff at their own centres).
#[utoipa::path(post, path = "/assignments/{id}/end", tag = "governance", request_body = EndBody,
    params(("id" = i64, Path, description = "Assignment id")),
    responses((status = 200, body = AssignmentJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn end_assignment(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<EndBody>,
) -> Result<Json<AssignmentJson>, ApiError> {
    assignments::end(&api, id, &b.ends_on).await?;
    Ok(Json(to_json(assignments::get(&api, id).await?)))
}
