//! `/api/v1/centres`: the registry of centres with their units,
//! co-location and classification.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use samverka_core::centre::{CentreDraft, UnitDraft};
use samverka_core::hours::format_hours;
use samverka_store::{centres, regions};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::ApiError;
use crate::auth::CurrentUser;
use crate::i18n::Tr;
use crate::registry::{self, CentreView};
use crate::state::AppState;
use crate::view;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/centres", get(list_centres).post(create_centre))
        .route("/centres/{id}", get(get_centre).put(update_centre))
        .route("/centres/{id}/units", post(create_unit))
        .route("/units/{id}", put(update_unit))
}

/// A unit (*verksamhet*) of a centre.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitJson {
    /// Id.
    pub id: i64,
    /// `mhv`, `bhv`, `of`, `soc` or `other`.
    pub service: String,
    /// The unit's own name, or the other party's name.
    pub name: Option<String>,
    /// `region`, `municipality`, `private_provider`, `non_profit`, or null when unknown.
    pub principal_kind: Option<String>,
    /// The principal's name.
    pub principal_name: Option<String>,
    /// Building or address; units with the same building share one.
    pub building: Option<String>,
    /// Uses the centre's shared entrance; null when unknown.
    pub shared_entrance: Option<bool>,
    /// Its whole ordinary operation is at the centre; null when unknown.
    pub full_operation: Option<bool>,
    /// Hours per week at the centre, as Swedish text ("15,5"); null when unknown.
    pub hours_per_week: Option<String>,
    /// When it left the centre.
    pub closed_on: Option<String>,
}

/// A centre with its units and computed classification.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentreJson {
    /// Id.
    pub id: i64,
    /// Region id.
    pub region_id: i64,
    /// Municipality id.
    pub municipality_id: i64,
    /// Municipality name.
    pub municipality: String,
    /// Name.
    pub name: String,
    /// Address.
    pub address: Option<String>,
    /// Opening date (ISO).
    pub opened_on: Option<String>,
    /// Closing date (ISO); null while open.
    pub closed_on: Option<String>,
    /// Hours per week all services are open at once ("15,5"); null when unknown.
    pub shared_opening_hours: Option<String>,
    /// `familjecentral`, `familjecentralsliknande`, `familjecentrerat_arbete`, or null when missing data leaves it open.
    pub classification: Option<String>,
    /// Why, in the caller's language (Accept-Language: sv or en).
    pub classification_reasons: Vec<String>,
    /// `inte_alls` (separate buildings), `till_viss_del` (some share one), `till_stor_del` (one building),
    /// `helt_och_hallet` (one building and entrance), or null when unknown.
    pub colocation: Option<String>,
    /// The units, closed ones included.
    pub units: Vec<UnitJson>,
}

/// A list of centres.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentreList {
    /// The centres.
    pub centres: Vec<CentreJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// Counts for a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListMeta {
    /// How many items.
    pub total: usize,
}

fn to_json(t: &Tr, c: &CentreView) -> CentreJson {
    CentreJson {
        id: c.centre.id,
        region_id: c.centre.region_id,
        municipality_id: c.centre.municipality_id,
        municipality: c.municipality.clone(),
        name: c.centre.name.clone(),
        address: c.centre.address.clone(),
        opened_on: c.centre.opened_on.map(|d| d.to_string()),
        closed_on: c.centre.closed_on.map(|d| d.to_string()),
        shared_opening_hours: c.centre.shared_opening_minutes.map(format_hours),
        classification: c.outcome.classification.map(|x| x.code().to_string()),
        classification_reasons: c
            .outcome
            .findings
            .iter()
            .map(|f| view::finding_text(t, f))
            .collect(),
        colocation: c.colocation.map(|x| x.code().to_string()),
        units: c
            .units
            .iter()
            .map(|u| UnitJson {
                id: u.id,
                service: u.service.code().to_string(),
                name: u.name.clone(),
                principal_kind: u.principal_kind.map(|k| k.code().to_string()),
                principal_name: u.principal_name.clone(),
                building: u.building.clone(),
                shared_entrance: u.shared_entrance,
                full_operation: u.full_operation,
                hours_per_week: u.minutes_per_week.map(format_hours),
                closed_on: u.closed_on.map(|d| d.to_string()),
            })
            .collect(),
    }
}

/// Filters for the list of centres.
#[derive(Debug, Deserialize, IntoParams)]
pub struct CentreFilter {
    /// Only this region.
    pub region: Option<i64>,
    /// Include closed centres (default false).
    pub include_closed: Option<bool>,
}

/// Lists the centres the caller may see, with units and classification.
#[utoipa::path(get, path = "/api/v1/centres", tag = "centres", params(CentreFilter),
    responses((status = 200, body = CentreList), (status = 401, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_centres(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<CentreFilter>,
) -> Result<Json<CentreList>, ApiError> {
    let all = regions::list(&state.db)
        .await
        .map_err(|e| ApiError::store(&t, e))?;
    let mut out = Vec::new();
    for region in all
        .iter()
        .filter(|r| user.actor.can_view_region(r.id) && f.region.is_none_or(|id| id == r.id))
    {
        let (views, _) = registry::region_centres(&state.db, region)
            .await
            .map_err(|_| ApiError::store(&t, samverka_store::StoreError::NotFound))?;
        out.extend(
            views
                .iter()
                .filter(|c| f.include_closed.unwrap_or(false) || c.centre.closed_on.is_none())
                .map(|c| to_json(&t, c)),
        );
    }
    let total = out.len();
    Ok(Json(CentreList {
        centres: out,
        meta: ListMeta { total },
    }))
}

/// One centre.
#[utoipa::path(get, path = "/api/v1/centres/{id}", tag = "centres", params(("id" = i64, Path, description = "Centre id")),
    responses((status = 200, body = CentreJson), (status = 403, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_centre(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Path(id): Path<i64>,
) -> Result<Json<CentreJson>, ApiError> {
    let (c, region) = registry::centre(&state.db, id)
        .await
        .map_err(|_| ApiError::not_found(&t))?;
    if !user.actor.can_view_region(region.id) {
        return Err(ApiError::forbidden(&t));
    }
    Ok(Json(to_json(&t, &c)))
}

/// A centre as sent to create or change one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CentreBody {
    /// Region (only when creating).
    pub region_id: Option<i64>,
    /// Municipality id; must be in the centre's region.
    pub municipality_id: i64,
    /// Name.
    pub name: String,
    /// Address.
    pub address: Option<String>,
    /// Opening date (ISO).
    pub opened_on: Option<String>,
    /// Hours per week all services are open at once ("15,5" or "15.5").
    pub shared_opening_hours: Option<String>,
}

impl CentreBody {
    fn draft(&self) -> CentreDraft {
        CentreDraft {
            name: self.name.clone(),
            municipality_id: self.municipality_id.to_string(),
            address: self.address.clone().unwrap_or_default(),
            opened_on: self.opened_on.clone().unwrap_or_default(),
            shared_opening_hours: self.shared_opening_hours.clone().unwrap_or_default(),
        }
    }
}

pub(super) fn bad_json(t: &Tr, e: JsonRejection) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        format!("{} ({})", t.t("api-error-bad-json"), e.body_text()),
    )
}

/// Creates a centre (county coordinators and admins).
#[utoipa::path(post, path = "/api/v1/centres", tag = "centres", request_body = CentreBody,
    responses((status = 201, body = CentreJson), (status = 403, body = super::error::ErrorBody), (status = 422, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_centre(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    body: Result<Json<CentreBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body.map_err(|e| bad_json(&t, e))?;
    let Some(region_id) = body.region_id else {
        let mut e = samverka_core::FieldErrors::default();
        e.add("region_id", "required");
        return Err(ApiError::fields(&t, &e));
    };
    if !user.actor.can_manage_region(region_id) {
        return Err(ApiError::forbidden(&t));
    }
    let input = body.draft().validate().map_err(|e| ApiError::fields(&t, &e))?;
    let id = centres::create(&state.db, &user.who(), region_id, &input)
        .await
        .map_err(|e| ApiError::store(&t, e))?;
    let (c, _) = registry::centre(&state.db, id)
        .await
        .map_err(|_| ApiError::not_found(&t))?;
    Ok((StatusCode::CREATED, Json(to_json(&t, &c))).into_response())
}

/// Changes a centre (its local coordinators, county coordinators, admins).
#[utoipa::path(put, path = "/api/v1/centres/{id}", tag = "centres", request_body = CentreBody, params(("id" = i64, Path, description = "Centre id")),
    responses((status = 200, body = CentreJson), (status = 403, body = super::error::ErrorBody), (status = 422, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_centre(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Path(id): Path<i64>,
    body: Result<Json<CentreBody>, JsonRejection>,
) -> Result<Json<CentreJson>, ApiError> {
    editable(&state, &user, &t, id).await?;
    let Json(body) = body.map_err(|e| bad_json(&t, e))?;
    let input = body.draft().validate().map_err(|e| ApiError::fields(&t, &e))?;
    centres::update(&state.db, &user.who(), id, &input)
        .await
        .map_err(|e| ApiError::store(&t, e))?;
    let (view, _) = registry::centre(&state.db, id)
        .await
        .map_err(|_| ApiError::not_found(&t))?;
    Ok(Json(to_json(&t, &view)))
}

/// A unit as sent to add or change one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UnitBody {
    /// `mhv`, `bhv`, `of`, `soc` or `other`.
    pub service: String,
    /// Own name (required for `other`).
    pub name: Option<String>,
    /// `region`, `municipality`, `private_provider`, `non_profit`.
    pub principal_kind: Option<String>,
    /// Principal's name.
    pub principal_name: Option<String>,
    /// Building or address.
    pub building: Option<String>,
    /// Uses the shared entrance; omit when unknown.
    pub shared_entrance: Option<bool>,
    /// Whole ordinary operation at the centre; omit when unknown.
    pub full_operation: Option<bool>,
    /// Hours per week at the centre ("15,5").
    pub hours_per_week: Option<String>,
}

impl UnitBody {
    fn draft(&self) -> UnitDraft {
        let b = |v: Option<bool>| match v {
            Some(true) => "yes".to_string(),
            Some(false) => "no".to_string(),
            None => String::new(),
        };
        UnitDraft {
            service: self.service.clone(),
            name: self.name.clone().unwrap_or_default(),
            principal_kind: self.principal_kind.clone().unwrap_or_default(),
            principal_name: self.principal_name.clone().unwrap_or_default(),
            building: self.building.clone().unwrap_or_default(),
            shared_entrance: b(self.shared_entrance),
            full_operation: b(self.full_operation),
            hours_per_week: self.hours_per_week.clone().unwrap_or_default(),
        }
    }
}

async fn editable(state: &AppState, user: &CurrentUser, t: &Tr, centre_id: i64) -> Result<(), ApiError> {
    let c = centres::get(&state.db, centre_id)
        .await
        .map_err(|e| ApiError::store(t, e))?;
    if !user.actor.can_edit_centre(c.region_id, c.id) {
        return Err(ApiError::forbidden(t));
    }
    if c.closed_on.is_some() {
        return Err(ApiError::new(StatusCode::CONFLICT, t.t("api-error-closed")));
    }
    Ok(())
}

/// Adds a unit to a centre; answers with the whole centre.
#[utoipa::path(post, path = "/api/v1/centres/{id}/units", tag = "centres", request_body = UnitBody, params(("id" = i64, Path, description = "Centre id")),
    responses((status = 201, body = CentreJson), (status = 403, body = super::error::ErrorBody), (status = 422, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_unit(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Path(id): Path<i64>,
    body: Result<Json<UnitBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    editable(&state, &user, &t, id).await?;
    let Json(body) = body.map_err(|e| bad_json(&t, e))?;
    let input = body.draft().validate().map_err(|e| ApiError::fields(&t, &e))?;
    centres::create_unit(&state.db, &user.who(), id, &input)
        .await
        .map_err(|e| ApiError::store(&t, e))?;
    let (view, _) = registry::centre(&state.db, id)
        .await
        .map_err(|_| ApiError::not_found(&t))?;
    Ok((StatusCode::CREATED, Json(to_json(&t, &view))).into_response())
}

/// Changes a unit; answers with the whole centre.
#[utoipa::path(put, path = "/api/v1/units/{id}", tag = "centres", request_body = UnitBody, params(("id" = i64, Path, description = "Unit id")),
    responses((status = 200, body = CentreJson), (status = 403, body = super::error::ErrorBody), (status = 422, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_unit(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Path(id): Path<i64>,
    body: Result<Json<UnitBody>, JsonRejection>,
) -> Result<Json<CentreJson>, ApiError> {
    let unit = centres::get_unit(&state.db, id)
        .await
        .map_err(|e| ApiError::store(&t, e))?;
    editable(&state, &user, &t, unit.centre_id).await?;
    let Json(body) = body.map_err(|e| bad_json(&t, e))?;
    let input = body.draft().validate().map_err(|e| ApiError::fields(&t, &e))?;
    centres::update_unit(&state.db, &user.who(), id, &input)
        .await
        .map_err(|e| ApiError::store(&t, e))?;
    let (view, _) = registry::centre(&state.db, unit.centre_id)
        .await
        .map_err(|_| ApiError::not_found(&t))?;
    Ok(Json(to_json(&t, &view)))
}
