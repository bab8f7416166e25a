//! `/api/v1/meetings`: meetings of the groups within the caller's reach,
//! with attendance, and the minutes as written to those who may read them;
//! recording and changing meetings, publishing the minutes (once: a second
//! publish is 409), and recording decisions; under the rules of the pages.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::governance::meetings;
use samverka_core::governance::drafts::{DecisionDraft, MeetingDraft};
use samverka_core::governance::{AttendanceStatus, Meeting};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::api_error::{ApiError, ErrorBody, body_fields};
use crate::http::extract::{ApiJson, ApiUser};
use crate::registry::api::ListMeta;

/// Which group's or region's meetings.
#[derive(Debug, Deserialize, IntoParams)]
pub struct MeetingFilter {
    /// Only this group.
    pub group: Option<i64>,
    /// Only this region.
    pub region: Option<i64>,
}

/// A meeting of a group.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingJson {
    /// Id.
    pub id: i64,
    /// The group.
    pub group_id: i64,
    /// Date (ISO).
    pub held_on: String,
    /// `planned`, `held` or `cancelled`.
    pub status: String,
    /// Agenda items, one per line.
    pub agenda: Option<String>,
    /// Minutes in Markdown: once published, or to those who may edit the group.
    pub minutes_md: Option<String>,
    /// When the minutes were published (ISO).
    pub minutes_published_on: Option<String>,
    /// Recorded attendance.
    pub attendance: Vec<AttendanceJson>,
}

/// One member's recorded attendance.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AttendanceJson {
    /// The person.
    pub person_id: i64,
    /// `present`, `absent` or `excused`.
    pub status: String,
}

/// A list of meetings.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingList {
    /// The meetings, by date.
    pub meetings: Vec<MeetingJson>,
    /// Totals.
    pub meta: ListMeta,
}

fn to_json(m: Meeting, attendance: Option<&HashMap<i64, AttendanceStatus>>) -> MeetingJson {
    let mut att: Vec<AttendanceJson> = attendance
        .map(|a| {
            a.iter()
                .map(|(p, s)| AttendanceJson {
                    person_id: *p,
                    status: s.code().to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    att.sort_by_key(|a| a.person_id);
    MeetingJson {
        id: m.id,
        group_id: m.group_id,
        held_on: m.held_on.to_string(),
        status: m.status.code().to_string(),
        agenda: m.agenda,
        minutes_md: m.minutes_md,
        minutes_published_on: m.minutes_published_on.map(|d| d.to_string()),
        attendance: att,
    }
}

/// Meetings of the groups the caller may read.
#[utoipa::path(get, path = "/meetings", tag = "governance", params(MeetingFilter),
    responses((status = 200, body = MeetingList), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_meetings(
    api: ApiUser,
    Query(f): Query<MeetingFilter>,
) -> Result<Json<MeetingList>, ApiError> {
    let list = meetings::list_reachable(&api, f.region, f.group).await?;
    let out: Vec<MeetingJson> = list.into_iter().map(|m| to_json(m, None)).collect();
    let total = out.len();
    Ok(Json(MeetingList {
        meetings: out,
        meta: ListMeta { total },
    }))
}

async fn one(api: &ApiUser, id: i64) -> Result<MeetingJson, ApiError> {
    let d = meetings::get(api, id).await?;
    let mut m = d.meeting;
    if !d.may_read_minutes {
        m.minutes_md = None;
    }
    Ok(to_json(m, Some(&d.recorded)))
}

/// One meeting with its attendance.
#[utoipa::path(get, path = "/meetings/{id}", tag = "governance", params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingJson), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_meeting(api: ApiUser, Path(id): Path<i64>) -> Result<Json<MeetingJson>, ApiError> {
    Ok(Json(one(&api, id).await?))
}

/// A meeting as sent to record or change one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MeetingBody {
    /// Date (ISO); a held meeting cannot lie in the future.
    pub held_on: String,
    /// `planned`, `held` or `cancelled`.
    pub status: String,
    /// Agenda items, one per line.
    pub agenda: Option<String>,
    /// Minutes in Markdown (at most 100 000 bytes and ten levels of nesting).
    pub minutes_md: Option<String>,
    /// Attendance of the members seated on the day; naming anyone else is refused (422).
    #[serde(default)]
    pub attendance: Vec<AttendanceJson>,
}

impl MeetingBody {
    fn draft(&self) -> MeetingDraft {
        MeetingDraft {
            held_on: self.held_on.clone(),
            status: self.status.clone(),
            agenda: self.agenda.clone().unwrap_or_default(),
            minutes: self.minutes_md.clone().unwrap_or_default(),
            attendance: self
                .attendance
                .iter()
                .map(|a| (a.person_id, a.status.clone()))
                .collect(),
        }
    }
}

/// Records a meeting of a group (those who may edit the group).
#[utoipa::path(post, path = "/groups/{id}/meetings", tag = "governance", request_body = MeetingBody,
    params(("id" = i64, Path, description = "Group id")),
    responses((status = 201, body = MeetingJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_meeting(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<MeetingBody>,
) -> Result<Response, ApiError> {
    let mid = meetings::create(&api, id, &body.draft())
        .await
        .map_err(body_fields(MEETING_FIELDS))?;
    Ok((StatusCode::CREATED, Json(one(&api, mid).await?)).into_response())
}

/// Changes a meeting: date, status, agenda, minutes and attendance (those who may edit the group).
#[utoipa::path(put, path = "/meetings/{id}", tag = "governance", request_body = MeetingBody,
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_meeting(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<MeetingBody>,
) -> Result<Json<MeetingJson>, ApiError> {
    meetings::update(&api, id, &body.draft())
        .await
        .map_err(body_fields(MEETING_FIELDS))?;
    Ok(Json(one(&api, id).await?))
}

/// The meeting form's field names and the body's.
const MEETING_FIELDS: &[(&str, &str)] = &[("minutes", "minutes_md")];

/// The decision form's field names and the body's.
const DECISION_FIELDS: &[(&str, &str)] = &[
    ("decision-category", "category"),
    ("decision-text", "text"),
    ("decision-centres", "centre_ids"),
];

/// What publishing did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Published {
    /// The meeting, now published.
    pub meeting: MeetingJson,
    /// How many e-mail notices were queued.
    pub notices: usize,
}

/// Publishes the minutes and queues one notice per recipient (those who may
/// edit the group). A second publish is refused with 409 and sends nothing.
#[utoipa::path(post, path = "/meetings/{id}/publish", tag = "governance", params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = Published), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn publish_minutes(api: ApiUser, Path(id): Path<i64>) -> Result<Json<Published>, ApiError> {
    let notices = meetings::publish(&api, id).await?;
    Ok(Json(Published {
        meeting: one(&api, id).await?,
        notices,
    }))
}

/// A decision as sent to record one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DecisionBody {
    /// The category code (see the decisions list).
    pub category: String,
    /// What was decided.
    pub text: String,
    /// The centres it concerns (among those the group governs).
    #[serde(default)]
    pub centre_ids: Vec<i64>,
}

/// A recorded decision's id.
#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    /// The new record's id.
    pub id: i64,
}

/// Records a decision of a meeting (those who may edit the group; not for a cancelled meeting).
#[utoipa::path(post, path = "/meetings/{id}/decisions", tag = "governance", request_body = DecisionBody,
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 201, body = Created), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn add_decision(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<Response, ApiError> {
    let draft = DecisionDraft {
        category: body.category,
        text: body.text,
        centre_ids: body.centre_ids.iter().map(i64::to_string).collect(),
    };
    let did = meetings::add_decision(&api, id, &draft)
        .await
        .map_err(body_fields(DECISION_FIELDS))?;
    Ok((StatusCode::CREATED, Json(Created { id: did })).into_response())
}
