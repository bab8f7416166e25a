//! `/api/v1/rounds/{id}/exports` and `/api/v1/exports/{id}`: files of a
//! round's responses or results, made in the background. Asking for one
//! answers 202 with the job; the job says how far it is; its file is
//! downloaded when it is done. Only the account that asked sees the job.

use axum::Json;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use samverka_app::Error;
use samverka_app::surveys::exports::{
    self, ExportFilter, ExportFormat, ExportJob, ExportKind, ExportRequest,
};
use samverka_core::surveys::round::Channel;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiUser};
use crate::state::AppState;
use crate::surveys::pages::exports::file_response;

/// The routes, with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_export))
        .routes(routes!(get_export))
        .routes(routes!(download_export))
}

/// A file asked for.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportBody {
    /// `responses` (one row per response, one column per question) or
    /// `results` (one row per question and option).
    pub kind: String,
    /// `csv` or `xlsx`.
    pub format: String,
    /// Only this municipality's centres.
    pub municipality: Option<i64>,
    /// Only this centre.
    pub centre: Option<i64>,
    /// Only responses in this language (one the survey offers).
    pub language: Option<String>,
    /// Only responses that came in this way: `link`, `invitation` or `paper`.
    pub channel: Option<String>,
    /// The language of the file's texts: `sv` (default) or `en`.
    pub texts: Option<String>,
}

/// A job of making a file.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportJson {
    /// Id.
    pub id: i64,
    /// The round.
    pub round_id: i64,
    /// `responses` or `results`.
    pub kind: String,
    /// `csv` or `xlsx`.
    pub format: String,
    /// Only this municipality's centres.
    pub municipality: Option<i64>,
    /// Only this centre.
    pub centre: Option<i64>,
    /// Only responses in this language.
    pub language: Option<String>,
    /// Only responses that came in this way.
    pub channel: Option<String>,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    /// Rows written so far.
    pub done: i64,
    /// Rows the file will have (0 until known).
    pub total: i64,
    /// How far it is, in whole percent.
    pub percent: i64,
    /// Why it failed: `too-few-responses`, `forbidden`, `gave-up`, `internal`, ...
    pub error: Option<String>,
    /// The file's name, once made.
    pub file_name: Option<String>,
    /// The file's size in bytes, once made.
    pub size: Option<i64>,
    /// Where to download it, once made.
    pub file_url: Option<String>,
    /// When it was asked for (RFC 3339, UTC).
    pub created_at: String,
    /// When it was made or failed.
    pub finished_at: Option<String>,
    /// When the job and its file are removed.
    pub expires_at: String,
}

impl From<ExportJob> for ExportJson {
    fn from(j: ExportJob) -> ExportJson {
        let file_url =
            (j.status == exports::ExportStatus::Done).then(|| format!("/api/v1/exports/{}/file", j.id));
        ExportJson {
            id: j.id,
            round_id: j.round_id,
            kind: j.request.kind.code().into(),
            format: j.request.format.code().into(),
            municipality: j.request.filter.municipality,
            centre: j.request.filter.centre,
            language: j.request.filter.language.clone(),
            channel: j.request.filter.channel.map(|c| c.code().to_string()),
            status: j.status.code().into(),
            done: j.done,
            total: j.total,
            percent: j.percent(),
            error: j.error,
            file_name: j.file_name,
            size: j.size,
            file_url,
            created_at: j.created_at,
            finished_at: j.finished_at,
            expires_at: j.expires_at,
        }
    }
}

impl ExportBody {
    fn request(self) -> Result<ExportRequest, Error> {
        let mut errors = samverka_core::FieldErrors::default();
        let kind = ExportKind::parse(&self.kind);
        if kind.is_none() {
            errors.add("kind", "invalid-choice");
        }
        let format = ExportFormat::parse(&self.format);
        if format.is_none() {
            errors.add("format", "invalid-choice");
        }
        let channel = match self.channel.as_deref() {
            None => None,
            Some(c) => {
                let parsed = <Channel as samverka_core::code::Coded>::from_code(c.trim());
                if parsed.is_none() {
                    errors.add("channel", "invalid-choice");
                }
                parsed
            }
        };
        let texts = self.texts.unwrap_or_else(|| "sv".into());
        if texts != "sv" && texts != "en" {
            errors.add("texts", "invalid-choice");
        }
        let (Some(kind), Some(format), true) = (kind, format, errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        Ok(ExportRequest {
            kind,
            format,
            filter: ExportFilter {
                municipality: self.municipality,
                centre: self.centre,
                language: self.language,
                channel,
            },
            language: texts,
        })
    }
}

/// Asks for a file of a round's responses or results (those who may read
/// the results of the selection). 202 with the job; 409
/// `too-few-responses` when the selection has too few responses to show.
#[utoipa::path(post, path = "/rounds/{id}/exports", tag = "surveys", request_body = ExportBody,
    params(("id" = i64, Path, description = "Round id")),
    responses((status = 202, body = ExportJson, description = "Queued; follow `Location` to see how far it is"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_export(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ExportBody>,
) -> Result<Response, ApiError> {
    let job = exports::request(&api, id, &body.request()?).await?;
    let shown = exports::get(&api, job).await?;
    Ok((
        StatusCode::ACCEPTED,
        [(header::LOCATION, format!("/api/v1/exports/{job}"))],
        Json(ExportJson::from(shown)),
    )
        .into_response())
}

/// A job and how far it is (the account that asked for it; 404 for others).
#[utoipa::path(get, path = "/exports/{id}", tag = "surveys",
    params(("id" = i64, Path, description = "Export job id")),
    responses((status = 200, body = ExportJson), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_export(api: ApiUser, Path(id): Path<i64>) -> Result<Json<ExportJson>, ApiError> {
    Ok(Json(exports::get(&api, id).await?.into()))
}

/// The file of a job that is done, as CSV or XLSX (409 `export-not-ready` before).
#[utoipa::path(get, path = "/exports/{id}/file", tag = "surveys",
    params(("id" = i64, Path, description = "Export job id")),
    responses((status = 200, description = "The file (text/csv or XLSX)", content_type = "application/octet-stream"),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn download_export(api: ApiUser, Path(id): Path<i64>) -> Result<Response, ApiError> {
    Ok(file_response(exports::download(&api, id).await?))
}
