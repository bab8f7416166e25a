//! `/api/v1/instruments`: surveys (*enkäter*) and their versions, each a
//! definition document; making a survey or a new version from a document,
//! changing a draft and publishing it.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::Error;
use samverka_app::surveys::instruments::{self, InstrumentVersion, InstrumentView};
use samverka_core::surveys::definition::Definition;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::ApiUser;
use crate::registry::api::ListMeta;

/// One version of a survey.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionJson {
    /// Id.
    pub id: i64,
    /// Its number: 1, 2, … in the order made.
    pub version: i64,
    /// The definition document's own key.
    pub key: String,
    /// The day it was published (ISO); `null` for a draft, which may still change.
    pub published_on: Option<String>,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
}

/// A survey (*enkät*) with its versions.
#[derive(Debug, Serialize, ToSchema)]
pub struct InstrumentJson {
    /// Id.
    pub id: i64,
    /// Its key, unique in its region (or among the built-in surveys).
    pub key: String,
    /// The region that owns it; `null` for a built-in survey offered to every region.
    pub region_id: Option<i64>,
    /// Whether it is one of samverka's built-in surveys.
    pub builtin: bool,
    /// The newest version's title, by language tag.
    pub title: BTreeMap<String, String>,
    /// The newest version's languages.
    pub languages: Vec<String>,
    /// The number of the newest published version; `null` when every version is a draft.
    pub latest_published: Option<i64>,
    /// Its versions, oldest first.
    pub versions: Vec<VersionJson>,
}

/// A list of surveys.
#[derive(Debug, Serialize, ToSchema)]
pub struct InstrumentList {
    /// The built-in surveys first, then each region's own, by key.
    pub instruments: Vec<InstrumentJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// A survey and one version's definition document.
#[derive(Debug, Serialize, ToSchema)]
pub struct InstrumentDocument {
    /// The survey.
    pub instrument: InstrumentJson,
    /// The version shown.
    pub version: VersionJson,
    /// Its definition document, as `POST /instruments` takes it (see API-DESIGN.md).
    #[schema(value_type = Object)]
    pub definition: Definition,
}

/// Which surveys.
#[derive(Debug, Deserialize, IntoParams)]
pub struct InstrumentFilter {
    /// Only those offered in this region (its own and the built-in ones);
    /// default: every region the caller may read.
    pub region: Option<i64>,
}

/// Which version.
#[derive(Debug, Deserialize, IntoParams)]
pub struct VersionQuery {
    /// The version's number; default: the newest published (the newest draft when none is).
    pub version: Option<i64>,
}

/// Where a new survey goes, and whether it is published at once.
#[derive(Debug, Deserialize, IntoParams)]
pub struct CreateQuery {
    /// The region that will own it; may be left out by a caller with a grant in one region only.
    pub region: Option<i64>,
    /// Publish the version today (a published version never changes); default: a draft.
    #[serde(default)]
    pub publish: bool,
}

/// Whether a new version is published at once.
#[derive(Debug, Deserialize, IntoParams)]
pub struct PublishQuery {
    /// Publish the version today (a published version never changes); default: a draft.
    #[serde(default)]
    pub publish: bool,
}

fn version_json(v: &InstrumentVersion) -> VersionJson {
    VersionJson {
        id: v.id,
        version: v.version,
        key: v.definition.key.clone(),
        published_on: v.published_on.map(|d| d.to_string()),
        created_at: v.created_at.clone(),
    }
}

fn instrument_json(view: &InstrumentView) -> InstrumentJson {
    let newest = view.versions.last();
    InstrumentJson {
        id: view.instrument.id,
        key: view.instrument.key.clone(),
        region_id: view.instrument.region_id,
        builtin: view.instrument.region_id.is_none(),
        title: newest.map(|v| v.definition.title.0.clone()).unwrap_or_default(),
        languages: newest
            .map(|v| {
                v.definition
                    .languages
                    .iter()
                    .map(|l| l.tag().to_string())
                    .collect()
            })
            .unwrap_or_default(),
        latest_published: view
            .versions
            .iter()
            .rev()
            .find(|v| v.is_published())
            .map(|v| v.version),
        versions: view.versions.iter().map(version_json).collect(),
    }
}

/// Which version of a survey to show.
enum Pick {
    /// By number; `None`: the newest published, else the newest.
    Number(Option<i64>),
    /// By id.
    Id(i64),
}

/// A survey with one version's document.
async fn document(api: &ApiUser, instrument_id: i64, pick: Pick) -> Result<InstrumentDocument, ApiError> {
    let view = instruments::get(api, instrument_id).await?;
    let version = match pick {
        Pick::Number(Some(n)) => view.versions.iter().find(|v| v.version == n),
        Pick::Number(None) => view
            .versions
            .iter()
            .rev()
            .find(|v| v.is_published())
            .or(view.versions.last()),
        Pick::Id(id) => view.versions.iter().find(|v| v.id == id),
    }
    .ok_or(Error::NotFound)?;
    Ok(InstrumentDocument {
        instrument: instrument_json(&view),
        version: version_json(version),
        definition: version.definition.clone(),
    })
}

/// The id of a survey's version by number.
async fn version_id(api: &ApiUser, instrument_id: i64, number: i64) -> Result<i64, ApiError> {
    let view = instruments::get(api, instrument_id).await?;
    let found = view.versions.iter().find(|v| v.version == number);
    Ok(found.ok_or(Error::NotFound)?.id)
}

/// The surveys offered in the regions the caller reads: the built-in ones and each region's own.
#[utoipa::path(get, path = "/instruments", tag = "surveys", params(InstrumentFilter),
    responses((status = 200, body = InstrumentList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_instruments(
    api: ApiUser,
    Query(f): Query<InstrumentFilter>,
) -> Result<Json<InstrumentList>, ApiError> {
    let out: Vec<InstrumentJson> = instruments::list_reachable(&api, f.region)
        .await?
        .iter()
        .map(instrument_json)
        .collect();
    let total = out.len();
    Ok(Json(InstrumentList {
        instruments: out,
        meta: ListMeta { total },
    }))
}

/// A survey, its versions and one version's definition document.
#[utoipa::path(get, path = "/instruments/{id}", tag = "surveys", params(("id" = i64, Path, description = "The survey's id"), VersionQuery),
    responses((status = 200, body = InstrumentDocument), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_instrument(
    api: ApiUser,
    Path(id): Path<i64>,
    Query(q): Query<VersionQuery>,
) -> Result<Json<InstrumentDocument>, ApiError> {
    Ok(Json(document(&api, id, Pick::Number(q.version)).await?))
}

/// Makes a survey from a definition document (the body), or — when the
/// region has a survey with the document's key — its next version. 422
/// lists every problem at its path in the document (`blocks[1].questions[0].show_if`).
#[utoipa::path(post, path = "/instruments", tag = "surveys", params(CreateQuery),
    request_body(content = Object, description = "A definition document (see API-DESIGN.md)", content_type = "application/json"),
    responses((status = 201, body = InstrumentDocument), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_instrument(
    api: ApiUser,
    Query(q): Query<CreateQuery>,
    document_text: String,
) -> Result<Response, ApiError> {
    let region = match (q.region, api.actor.region_ids().as_slice()) {
        (Some(r), _) | (None, &[r]) => r,
        _ => return Err(Error::field("region", "required").into()),
    };
    let (instrument_id, version) = instruments::import(&api, region, &document_text, q.publish).await?;
    let doc = document(&api, instrument_id, Pick::Id(version)).await?;
    Ok((StatusCode::CREATED, Json(doc)).into_response())
}

/// Adds the next version of a survey from a definition document (the body).
/// A built-in survey's versions are made by administrators only.
#[utoipa::path(post, path = "/instruments/{id}/versions", tag = "surveys",
    params(("id" = i64, Path, description = "The survey's id"), PublishQuery),
    request_body(content = Object, description = "A definition document (see API-DESIGN.md)", content_type = "application/json"),
    responses((status = 201, body = InstrumentDocument), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn add_version(
    api: ApiUser,
    Path(id): Path<i64>,
    Query(q): Query<PublishQuery>,
    document_text: String,
) -> Result<Response, ApiError> {
    let version = instruments::add_version(&api, id, &document_text, q.publish).await?;
    let doc = document(&api, id, Pick::Id(version)).await?;
    Ok((StatusCode::CREATED, Json(doc)).into_response())
}

/// Replaces a draft version's definition document (the body). A published
/// version never changes: 409.
#[utoipa::path(put, path = "/instruments/{id}/versions/{version}", tag = "surveys",
    params(("id" = i64, Path, description = "The survey's id"), ("version" = i64, Path, description = "The version's number")),
    request_body(content = Object, description = "A definition document (see API-DESIGN.md)", content_type = "application/json"),
    responses((status = 200, body = InstrumentDocument), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_version(
    api: ApiUser,
    Path((id, number)): Path<(i64, i64)>,
    document_text: String,
) -> Result<Json<InstrumentDocument>, ApiError> {
    let version = version_id(&api, id, number).await?;
    instruments::update_draft(&api, version, &document_text).await?;
    Ok(Json(document(&api, id, Pick::Id(version)).await?))
}

/// Publishes a draft version today; from then on it never changes (409 the second time).
#[utoipa::path(post, path = "/instruments/{id}/versions/{version}/publish", tag = "surveys",
    params(("id" = i64, Path, description = "The survey's id"), ("version" = i64, Path, description = "The version's number")),
    responses((status = 200, body = InstrumentDocument), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn publish_version(
    api: ApiUser,
    Path((id, number)): Path<(i64, i64)>,
) -> Result<Json<InstrumentDocument>, ApiError> {
    let version = version_id(&api, id, number).await?;
    instruments::publish(&api, version).await?;
    Ok(Json(document(&api, id, Pick::Id(version)).await?))
}
