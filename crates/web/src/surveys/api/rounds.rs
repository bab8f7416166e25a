//! `/api/v1/rounds`: survey rounds (*enkätomgångar*), each with the
//! anonymous link of every centre taking part.

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::surveys::rounds::{self, RoundOrder, RoundSummary};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::governance::api::RegionFilter;
use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiUser};
use crate::registry::api::ListMeta;

/// A centre's anonymous link: answers through it count for the centre.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundLinkJson {
    /// The centre.
    pub centre_id: i64,
    /// The link's code, for `POST /responses` (`link`).
    pub code: String,
    /// The survey's address for respondents (`/s/{code}`), as on the poster and QR code.
    pub url: String,
}

/// A survey round.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundJson {
    /// Id.
    pub id: i64,
    /// The region that runs it.
    pub region_id: i64,
    /// The survey it asks.
    pub instrument_id: i64,
    /// The number of the survey's version it asks.
    pub version: i64,
    /// Its name.
    pub title: String,
    /// Who it asks: `visitors`, `staff`, `local_coordinators`, `management`, `steering` or `others`.
    pub respondent_group: String,
    /// The first day answers are taken (ISO).
    pub opens_on: String,
    /// The last day answers are taken (ISO).
    pub closes_on: String,
    /// Today: `not_open` (before the first day), `open` or `closed` (after the last).
    pub status: String,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    /// Each centre's anonymous link, by centre id.
    pub links: Vec<RoundLinkJson>,
}

/// A list of rounds.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundList {
    /// The rounds, newest first.
    pub rounds: Vec<RoundJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// A round to make.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundBody {
    /// The survey to ask.
    pub instrument_id: i64,
    /// The number of a published version; default: the newest published.
    pub version: Option<i64>,
    /// Who it asks: `visitors`, `staff`, `local_coordinators`, `management`, `steering` or `others`.
    pub respondent_group: String,
    /// The region's centres taking part; each gets an anonymous link.
    pub centre_ids: Vec<i64>,
    /// The first day answers are taken (`YYYY-MM-DD`).
    pub opens_on: String,
    /// The last day answers are taken (`YYYY-MM-DD`).
    pub closes_on: String,
    /// Its name; default: the survey's Swedish title.
    pub title: Option<String>,
    /// The region that runs it; default: the survey's region, or the caller's
    /// only region for a built-in survey.
    pub region_id: Option<i64>,
}

fn round_json(api: &ApiUser, v: RoundSummary) -> RoundJson {
    let base = api.app().config().public_url.trim_end_matches('/').to_string();
    let r = v.round;
    let status = if api.today < r.opens_on {
        "not_open"
    } else if api.today > r.closes_on {
        "closed"
    } else {
        "open"
    };
    RoundJson {
        id: r.id,
        region_id: r.region_id,
        instrument_id: v.instrument_id,
        version: v.version,
        title: r.title,
        respondent_group: r.respondent_group.code().to_string(),
        opens_on: r.opens_on.to_string(),
        closes_on: r.closes_on.to_string(),
        status: status.to_string(),
        created_at: r.created_at,
        links: r
            .centres
            .into_iter()
            .map(|c| RoundLinkJson {
                centre_id: c.centre_id,
                url: format!("{base}/s/{}", c.link_code),
                code: c.link_code,
            })
            .collect(),
    }
}

/// Rounds of the regions the caller reads, newest first, with their links.
#[utoipa::path(get, path = "/rounds", tag = "surveys", params(RegionFilter),
    responses((status = 200, body = RoundList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_rounds(api: ApiUser, Query(f): Query<RegionFilter>) -> Result<Json<RoundList>, ApiError> {
    let views = rounds::list_reachable(&api, f.region).await?;
    let out: Vec<RoundJson> = views.into_iter().map(|v| round_json(&api, v)).collect();
    let total = out.len();
    Ok(Json(RoundList {
        rounds: out,
        meta: ListMeta { total },
    }))
}

/// One round with its links.
#[utoipa::path(get, path = "/rounds/{id}", tag = "surveys", params(("id" = i64, Path, description = "The round's id")),
    responses((status = 200, body = RoundJson), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_round(api: ApiUser, Path(id): Path<i64>) -> Result<Json<RoundJson>, ApiError> {
    let v = rounds::summary(&api, id).await?;
    Ok(Json(round_json(&api, v)))
}

/// Sends a published survey version to centres of a region for a period
/// (those who manage the region); each centre gets an anonymous link. 409
/// when the version is a draft.
#[utoipa::path(post, path = "/rounds", tag = "surveys", request_body = RoundBody,
    responses((status = 201, body = RoundJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_round(api: ApiUser, ApiJson(b): ApiJson<RoundBody>) -> Result<Response, ApiError> {
    let order = RoundOrder {
        region_id: b.region_id,
        instrument_id: b.instrument_id,
        version: b.version,
        title: b.title,
        respondent_group: b.respondent_group,
        opens_on: b.opens_on,
        closes_on: b.closes_on,
        centre_ids: b.centre_ids,
    };
    let id = rounds::order(&api, &order).await?;
    let v = rounds::summary(&api, id).await?;
    Ok((StatusCode::CREATED, Json(round_json(&api, v))).into_response())
}
