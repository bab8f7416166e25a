//! `/api/v1/centres`: the registry of centres with their units,
//! co-location and classification.

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::registry::centres::{self, CentreView, Filter};
use samverka_app::registry::{premises, units};
use samverka_core::Classification;
use samverka_core::centre::{CentreDraft, UnitDraft};
use samverka_core::hours::format_hours;
use samverka_core::premises::PremisesDraft;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiUser};
use crate::http::i18n::Tr;
use crate::ui::forms::yes_no_code;
use crate::ui::words as view;

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
    /// The id of the centre's premises (`premises` of the centre) it works in;
    /// units in the same premises share a building. Null when unknown.
    pub premises_id: Option<i64>,
    /// Its whole ordinary operation is at the centre; null when unknown.
    pub full_operation: Option<bool>,
    /// Hours per week at the centre, as Swedish text ("15,5"); null when unknown.
    pub hours_per_week: Option<String>,
    /// When it left the centre.
    pub closed_on: Option<String>,
}

/// Premises (*lokaler*) of a centre: a building its units work in.
#[derive(Debug, Serialize, ToSchema)]
pub struct PremisesJson {
    /// Id.
    pub id: i64,
    /// Name, unique within the centre.
    pub name: String,
    /// Street address; null when not recorded.
    pub address: Option<String>,
    /// Every unit here is reached through one shared entrance; null when unknown.
    pub shared_entrance: Option<bool>,
    /// The units (open ones) that work here.
    pub unit_ids: Vec<i64>,
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
    /// Why, in the caller's language (Accept-Language: sv or en): first the rule that
    /// decided the class, then the supporting facts in a fixed order.
    pub classification_reasons: Vec<String>,
    /// When the class is undetermined: the lowest and highest class the missing data allows.
    pub classification_range: Option<[String; 2]>,
    /// When the class is undetermined: every class the missing data still allows, lowest
    /// first (e.g. `["familjecentrerat_arbete", "familjecentralsliknande"]`); null when
    /// the class is known.
    #[schema(example = json!(["familjecentrerat_arbete", "familjecentralsliknande"]))]
    pub classification_possible: Option<Vec<String>>,
    /// `inte_alls` (separate buildings), `till_viss_del` (some share one), `till_stor_del` (one building),
    /// `helt_och_hallet` (one building and entrance), or null when unknown.
    pub colocation: Option<String>,
    /// The units, closed ones included.
    pub units: Vec<UnitJson>,
    /// The centre's premises, by name.
    pub premises: Vec<PremisesJson>,
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
        classification_reasons: view::reasons(t, &c.outcome),
        classification_possible: c.outcome.possible.map(|(lo, hi)| {
            [
                Classification::FamilyCentredWork,
                Classification::FamilyCentreLike,
                Classification::FamilyCentre,
            ]
            .into_iter()
            .filter(|x| (lo..=hi).contains(x))
            .map(|x| x.code().to_string())
            .collect()
        }),
        classification_range: c
            .outcome
            .possible
            .map(|(lo, hi)| [lo.code().to_string(), hi.code().to_string()]),
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
                premises_id: u.premises_id,
                full_operation: u.full_operation,
                hours_per_week: u.minutes_per_week.map(format_hours),
                closed_on: u.closed_on.map(|d| d.to_string()),
            })
            .collect(),
        premises: c
            .premises
            .iter()
            .map(|p| PremisesJson {
                id: p.id,
                name: p.name.clone(),
                address: p.address.clone(),
                shared_entrance: p.shared_entrance,
                unit_ids: c
                    .current_units()
                    .filter(|u| u.premises_id == Some(p.id))
                    .map(|u| u.id)
                    .collect(),
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
#[utoipa::path(get, path = "/centres", tag = "centres", params(CentreFilter),
    responses((status = 200, body = CentreList), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_centres(
    api: ApiUser,
    t: Tr,
    Query(f): Query<CentreFilter>,
) -> Result<Json<CentreList>, ApiError> {
    let views = centres::list(
        &api,
        Filter {
            region: f.region,
            include_closed: f.include_closed.unwrap_or(false),
        },
    )
    .await?;
    let out: Vec<CentreJson> = views.iter().map(|c| to_json(&t, c)).collect();
    let total = out.len();
    Ok(Json(CentreList {
        centres: out,
        meta: ListMeta { total },
    }))
}

/// One centre.
#[utoipa::path(get, path = "/centres/{id}", tag = "centres", params(("id" = i64, Path, description = "Centre id")),
    responses((status = 200, body = CentreJson), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_centre(api: ApiUser, t: Tr, Path(id): Path<i64>) -> Result<Json<CentreJson>, ApiError> {
    let d = centres::get(&api, id).await?;
    Ok(Json(to_json(&t, &d.view)))
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

/// Creates a centre (county coordinators and admins).
#[utoipa::path(post, path = "/centres", tag = "centres", request_body = CentreBody,
    responses((status = 201, body = CentreJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_centre(
    api: ApiUser,
    t: Tr,
    ApiJson(body): ApiJson<CentreBody>,
) -> Result<Response, ApiError> {
    let Some(region_id) = body.region_id else {
        return Err(samverka_app::Error::field("region_id", "required").into());
    };
    let id = centres::create(&api, region_id, &body.draft()).await?;
    let d = centres::get(&api, id).await?;
    Ok((StatusCode::CREATED, Json(to_json(&t, &d.view))).into_response())
}

/// Changes a centre (its local coordinators, county coordinators, admins).
#[utoipa::path(put, path = "/centres/{id}", tag = "centres", request_body = CentreBody, params(("id" = i64, Path, description = "Centre id")),
    responses((status = 200, body = CentreJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_centre(
    api: ApiUser,
    t: Tr,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CentreBody>,
) -> Result<Json<CentreJson>, ApiError> {
    centres::update(&api, id, &body.draft()).await?;
    let d = centres::get(&api, id).await?;
    Ok(Json(to_json(&t, &d.view)))
}

/// When a centre or unit closes.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CloseBody {
    /// The closing date (ISO); not before the centre opened.
    pub closed_on: String,
}

/// Closes a centre from a date (county coordinators and admins); it stays in the registry.
#[utoipa::path(post, path = "/centres/{id}/close", tag = "centres", request_body = CloseBody, params(("id" = i64, Path, description = "Centre id")),
    responses((status = 200, body = CentreJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn close_centre(
    api: ApiUser,
    t: Tr,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CloseBody>,
) -> Result<Json<CentreJson>, ApiError> {
    centres::close(&api, id, &body.closed_on).await?;
    let d = centres::get(&api, id).await?;
    Ok(Json(to_json(&t, &d.view)))
}

/// A unit as sent to add or change one. Unknown fields are refused (400), so
/// that the `building` and `shared_entrance` of older clients are not lost
/// silently: premises carry them now.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitBody {
    /// `mhv`, `bhv`, `of`, `soc` or `other`.
    pub service: String,
    /// Own name (required for `other`).
    pub name: Option<String>,
    /// `region`, `municipality`, `private_provider`, `non_profit`.
    pub principal_kind: Option<String>,
    /// Principal's name.
    pub principal_name: Option<String>,
    /// The premises it works in: the id of one of its centre's premises
    /// (create them with `POST /centres/{id}/premises`); omit when unknown.
    pub premises_id: Option<i64>,
    /// Whole ordinary operation at the centre; omit when unknown.
    pub full_operation: Option<bool>,
    /// Hours per week at the centre ("15,5").
    pub hours_per_week: Option<String>,
}

impl UnitBody {
    fn draft(&self) -> UnitDraft {
        UnitDraft {
            service: self.service.clone(),
            name: self.name.clone().unwrap_or_default(),
            principal_kind: self.principal_kind.clone().unwrap_or_default(),
            principal_name: self.principal_name.clone().unwrap_or_default(),
            premises_id: self.premises_id.map(|p| p.to_string()).unwrap_or_default(),
            full_operation: yes_no_code(self.full_operation),
            hours_per_week: self.hours_per_week.clone().unwrap_or_default(),
            ..UnitDraft::default()
        }
    }
}

/// Premises as sent to add or change them.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PremisesBody {
    /// Name; unique within the centre (case and spacing aside).
    pub name: String,
    /// Street address.
    pub address: Option<String>,
    /// One shared entrance for every unit here; omit when unknown.
    pub shared_entrance: Option<bool>,
}

impl PremisesBody {
    fn draft(&self) -> PremisesDraft {
        PremisesDraft {
            name: self.name.clone(),
            address: self.address.clone().unwrap_or_default(),
            shared_entrance: yes_no_code(self.shared_entrance),
        }
    }
}

/// Adds premises to a centre (whoever may change the centre); answers with the whole centre.
#[utoipa::path(post, path = "/centres/{id}/premises", tag = "centres", request_body = PremisesBody, params(("id" = i64, Path, description = "Centre id")),
    responses((status = 201, body = CentreJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_premises(
    api: ApiUser,
    t: Tr,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PremisesBody>,
) -> Result<Response, ApiError> {
    premises::create(&api, id, &body.draft()).await?;
    let d = centres::get(&api, id).await?;
    Ok((StatusCode::CREATED, Json(to_json(&t, &d.view))).into_response())
}

/// Changes premises, and so the place of every unit in them; answers with the whole centre.
#[utoipa::path(put, path = "/premises/{id}", tag = "centres", request_body = PremisesBody, params(("id" = i64, Path, description = "Premises id")),
    responses((status = 200, body = CentreJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_premises(
    api: ApiUser,
    t: Tr,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PremisesBody>,
) -> Result<Json<CentreJson>, ApiError> {
    let centre_id = premises::update(&api, id, &body.draft()).await?;
    let d = centres::get(&api, centre_id).await?;
    Ok(Json(to_json(&t, &d.view)))
}

/// Adds a unit to a centre; answers with the whole centre.
#[utoipa::path(post, path = "/centres/{id}/units", tag = "centres", request_body = UnitBody, params(("id" = i64, Path, description = "Centre id")),
    responses((status = 201, body = CentreJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_unit(
    api: ApiUser,
    t: Tr,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<UnitBody>,
) -> Result<Response, ApiError> {
    units::create(&api, id, &body.draft()).await?;
    let d = centres::get(&api, id).await?;
    Ok((StatusCode::CREATED, Json(to_json(&t, &d.view))).into_response())
}

/// Changes a unit; answers with the whole centre.
#[utoipa::path(put, path = "/units/{id}", tag = "centres", request_body = UnitBody, params(("id" = i64, Path, description = "Unit id")),
    responses((status = 200, body = CentreJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_unit(
    api: ApiUser,
    t: Tr,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<UnitBody>,
) -> Result<Json<CentreJson>, ApiError> {
    let centre_id = units::update(&api, id, &body.draft()).await?;
    let d = centres::get(&api, centre_id).await?;
    Ok(Json(to_json(&t, &d.view)))
}

/// Ends a unit's part in its centre from a date; answers with the whole centre.
#[utoipa::path(post, path = "/units/{id}/close", tag = "centres", request_body = CloseBody, params(("id" = i64, Path, description = "Unit id")),
    responses((status = 200, body = CentreJson), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn close_unit(
    api: ApiUser,
    t: Tr,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CloseBody>,
) -> Result<Json<CentreJson>, ApiError> {
    let centre_id = units::close(&api, id, &body.closed_on).await?;
    let d = centres::get(&api, centre_id).await?;
    Ok(Json(to_json(&t, &d.view)))
}

/// Reopens a closed centre (county coordinators and admins of its region): undoes a
/// closing, with an audit entry. 409 `not-closed` when it is open.
#[utoipa::path(post, path = "/centres/{id}/reopen", tag = "centres", params(("id" = i64, Path, description = "Centre id")),
    responses((status = 200, body = CentreJson), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn reopen_centre(api: ApiUser, t: Tr, Path(id): Path<i64>) -> Result<Json<CentreJson>, ApiError> {
    centres::reopen(&api, id).await?;
    let d = centres::get(&api, id).await?;
    Ok(Json(to_json(&t, &d.view)))
}

/// Reopens a closed unit of an open centre (county coordinators and admins of its
/// region), with an audit entry; answers with the whole centre. 409 `not-closed` when
/// the unit is open, `closed` when its centre is closed.
#[utoipa::path(post, path = "/units/{id}/reopen", tag = "centres", params(("id" = i64, Path, description = "Unit id")),
    responses((status = 200, body = CentreJson), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn reopen_unit(api: ApiUser, t: Tr, Path(id): Path<i64>) -> Result<Json<CentreJson>, ApiError> {
    let centre_id = units::reopen(&api, id).await?;
    let d = centres::get(&api, centre_id).await?;
    Ok(Json(to_json(&t, &d.view)))
}
