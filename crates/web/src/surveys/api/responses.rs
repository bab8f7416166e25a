//! `POST /api/v1/responses`: one whole survey response, sent by anyone with
//! a centre's anonymous link or an invitation's token. No token, session
//! or cookie: the route sits outside those layers, and the client's
//! address is used only by the in-memory limit on responses per minute.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use samverka_app::Error;
use samverka_app::surveys::responses;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::ApiJson;
use crate::state::AppState;

/// One whole response. Either `link` or `token`. The day it came in is the
/// server's: a body with any other field (a date, a time, an id) is refused.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseBody {
    /// The code of a centre's anonymous link (the last part of `/s/{code}`).
    pub link: Option<String>,
    /// A personal invitation's token; it is spent on answering, and the
    /// response keeps no trace of it.
    pub token: Option<String>,
    /// The language answered in: one of the survey's (`sv`, `en`, `ar`, …).
    pub language: String,
    /// Question key -> answer: an option key (`"large_extent"`), a list of
    /// option keys, a whole number, a text, or for yes/no `"yes"`/`"no"` or
    /// `{"value": "yes", "comment": "…"}`. Leave out what was not answered.
    #[schema(value_type = Object)]
    pub answers: Map<String, Value>,
}

/// A response taken.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResponseReceived {
    /// Always `received`: nothing about the stored response is given back.
    pub status: String,
}

/// Takes one whole response through an anonymous link or with an
/// invitation's token. 422 names each question at fault (a required
/// visible question skipped, a hidden one answered, an unknown option, …);
/// 409 when the round is not open (`round-not-open`, `round-closed`) or the
/// token was used (`token-used`); 404 for an unknown link or token; 429
/// when one address sends too many in a minute.
#[utoipa::path(post, path = "/responses", tag = "surveys", request_body = ResponseBody,
    responses((status = 201, body = ResponseReceived), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn submit_response(
    State(state): State<AppState>,
    parts: Parts,
    ApiJson(body): ApiJson<ResponseBody>,
) -> Result<Response, ApiError> {
    let address = crate::http::client::address(&parts, &state.config.trusted_proxies);
    state.submit_allowed(address).map_err(ApiError::TooMany)?;
    let given = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    match (given(body.link), given(body.token)) {
        (Some(link), None) => {
            responses::submit_by_link(&state.app, &link, &body.language, &body.answers).await?;
        }
        (None, Some(token)) => {
            responses::submit_by_token(&state.app, &token, &body.language, &body.answers).await?;
        }
        (Some(_), Some(_)) => return Err(Error::field("token", "one-or-other").into()),
        (None, None) => return Err(Error::field("link", "required").into()),
    }
    let received = ResponseReceived {
        status: "received".into(),
    };
    Ok((StatusCode::CREATED, Json(received)).into_response())
}
