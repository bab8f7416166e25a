//! `/api/v1/people`: people, with the same reach as the pages (the whole
//! registry of a region the caller may read, and the fellow members of the
//! groups they sit in); adding, changing and erasing people (those who
//! manage the region).

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::governance::{gdpr, people};
use samverka_core::governance::Person;
use samverka_core::governance::drafts::PersonDraft;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::RegionFilter;
use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiUser};
use crate::registry::api::ListMeta;

/// A person. Contact details are given to those who may read the person's
/// region or one of the person's groups — the only people the caller sees.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonJson {
    /// Id.
    pub id: i64,
    /// Region id.
    pub region_id: i64,
    /// Name ("f.d. medlem" once erased).
    pub name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Profession.
    pub profession: Option<String>,
    /// `region`, `municipality`, `private_provider` or `non_profit`.
    pub employer_kind: Option<String>,
    /// Employer's name.
    pub employer_name: Option<String>,
    /// The unit the person works in.
    pub unit_id: Option<i64>,
    /// Whether the person's data was erased on request.
    pub erased: bool,
}

/// A list of people.
#[derive(Debug, Serialize, ToSchema)]
pub struct PeopleList {
    /// The people, by name.
    pub people: Vec<PersonJson>,
    /// Totals.
    pub meta: ListMeta,
}

fn to_json(p: Person) -> PersonJson {
    PersonJson {
        id: p.id,
        region_id: p.region_id,
        name: p.name,
        email: p.email,
        phone: p.phone,
        profession: p.profession,
        employer_kind: p.employer_kind.map(|k| k.code().to_string()),
        employer_name: p.employer_name,
        unit_id: p.unit_id,
        erased: p.erased,
    }
}

/// People in the registries the caller may read.
#[utoipa::path(get, path = "/people", tag = "governance", params(RegionFilter),
    responses((status = 200, body = PeopleList), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_people(api: ApiUser, Query(f): Query<RegionFilter>) -> Result<Json<PeopleList>, ApiError> {
    let out: Vec<PersonJson> = people::list_reachable(&api, f.region)
        .await?
        .into_iter()
        .map(to_json)
        .collect();
    let total = out.len();
    Ok(Json(PeopleList {
        people: out,
        meta: ListMeta { total },
    }))
}

/// A person as sent to add or change one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PersonBody {
    /// The region (only when adding).
    pub region_id: Option<i64>,
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Profession.
    pub profession: Option<String>,
    /// `region`, `municipality`, `private_provider` or `non_profit`.
    pub employer_kind: Option<String>,
    /// Employer's name.
    pub employer_name: Option<String>,
    /// The unit the person works in (an open unit of the region).
    pub unit_id: Option<i64>,
    /// The login account linked to the person (one with a grant in the region).
    pub user_id: Option<i64>,
}

impl PersonBody {
    fn draft(&self) -> PersonDraft {
        PersonDraft {
            name: self.name.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            profession: self.profession.clone().unwrap_or_default(),
            employer_kind: self.employer_kind.clone().unwrap_or_default(),
            employer_name: self.employer_name.clone().unwrap_or_default(),
            unit_id: self.unit_id.map(|u| u.to_string()).unwrap_or_default(),
            user_id: self.user_id.map(|u| u.to_string()).unwrap_or_default(),
        }
    }
}

async fn one(api: &ApiUser, id: i64) -> Result<PersonJson, ApiError> {
    Ok(to_json(people::get(api, id).await?.person))
}

/// Adds a person to a region's registry (those who manage the region).
#[utoipa::path(post, path = "/people", tag = "governance", request_body = PersonBody,
    responses((status = 201, body = PersonJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_person(api: ApiUser, ApiJson(body): ApiJson<PersonBody>) -> Result<Response, ApiError> {
    let Some(region) = body.region_id else {
        return Err(samverka_app::Error::field("region_id", "required").into());
    };
    let id = people::create(&api, region, &body.draft()).await?;
    Ok((StatusCode::CREATED, Json(one(&api, id).await?)).into_response())
}

/// Changes a person's details (those who manage the region; not an erased person).
#[utoipa::path(put, path = "/people/{id}", tag = "governance", request_body = PersonBody,
    params(("id" = i64, Path, description = "Person id")),
    responses((status = 200, body = PersonJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_person(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PersonBody>,
) -> Result<Json<PersonJson>, ApiError> {
    people::update(&api, id, &body.draft()).await?;
    Ok(Json(one(&api, id).await?))
}

/// Erases a person's data on request (those who manage the region): the
/// record stays as "f.d. medlem", and the audit trail's copies are anonymised.
#[utoipa::path(post, path = "/people/{id}/erase", tag = "governance", params(("id" = i64, Path, description = "Person id")),
    responses((status = 200, body = PersonJson), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn erase_person(api: ApiUser, Path(id): Path<i64>) -> Result<Json<PersonJson>, ApiError> {
    gdpr::erase(&api, id).await?;
    Ok(Json(one(&api, id).await?))
}

/// Everything held about a person, for an access request (those who manage the region).
#[utoipa::path(get, path = "/people/{id}/export", tag = "governance", params(("id" = i64, Path, description = "Person id")),
    responses((status = 200, body = Object), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn export_person(api: ApiUser, Path(id): Path<i64>) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(gdpr::export(&api, id).await?))
}
