//! `/api/v1/municipalities?year=`: access per municipality.

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use chrono::Datelike;
use samverka_store::{municipalities, regions};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::ApiError;
use crate::auth::CurrentUser;
use crate::i18n::Tr;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/municipalities", get(list_municipalities))
}

/// One municipality's access numbers for a year.
#[derive(Debug, Serialize, ToSchema)]
pub struct MunicipalityJson {
    /// Id.
    pub id: i64,
    /// Region id.
    pub region_id: i64,
    /// Official code (SCB).
    pub code: String,
    /// Name.
    pub name: String,
    /// The year the numbers are for.
    pub year: i64,
    /// Total population; null when not imported.
    pub population: Option<i64>,
    /// Children aged 0–6; null when not imported.
    pub children_0_6: Option<i64>,
    /// Centres open at some point that year.
    pub centres: i64,
    /// Children aged 0–6 per centre, rounded; null without centres or numbers.
    pub children_per_centre: Option<i64>,
}

/// The list.
#[derive(Debug, Serialize, ToSchema)]
pub struct MunicipalityList {
    /// The municipalities.
    pub municipalities: Vec<MunicipalityJson>,
    /// Totals.
    pub meta: super::centres::ListMeta,
}

/// Which year and region.
#[derive(Debug, Deserialize, IntoParams)]
pub struct MunicipalityFilter {
    /// The year (default: the current year).
    pub year: Option<i64>,
    /// Only this region.
    pub region: Option<i64>,
}

/// Access per municipality: population, children 0–6, centres, children per centre.
#[utoipa::path(get, path = "/api/v1/municipalities", tag = "municipalities", params(MunicipalityFilter),
    responses((status = 200, body = MunicipalityList), (status = 401, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_municipalities(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<MunicipalityFilter>,
) -> Result<Json<MunicipalityList>, ApiError> {
    let year = f.year.unwrap_or_else(|| i64::from(chrono::Utc::now().year()));
    let all = regions::list(&state.db)
        .await
        .map_err(|e| ApiError::store(&t, e))?;
    let mut out = Vec::new();
    for region in all
        .iter()
        .filter(|r| user.actor.can_view_region(r.id) && f.region.is_none_or(|id| id == r.id))
    {
        let munis = municipalities::list(&state.db, Some(region.id))
            .await
            .map_err(|e| ApiError::store(&t, e))?;
        let rows = municipalities::access(&state.db, Some(region.id), year)
            .await
            .map_err(|e| ApiError::store(&t, e))?;
        for (m, r) in munis.iter().zip(rows.iter()) {
            out.push(MunicipalityJson {
                id: m.id,
                region_id: m.region_id,
                code: m.code.clone(),
                name: m.name.clone(),
                year,
                population: r.population,
                children_0_6: r.children_0_6,
                centres: r.centres,
                children_per_centre: r.children_per_centre(),
            });
        }
    }
    let total = out.len();
    Ok(Json(MunicipalityList {
        municipalities: out,
        meta: super::centres::ListMeta { total },
    }))
}
