//! `/api/v1/municipalities?year=`: access per municipality.

use axum::Json;
use axum::extract::Query;
use samverka_app::registry::access;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::ApiUser;

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
    /// True when the population numbers are invented (demo data), not official statistics.
    pub invented: bool,
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
    pub meta: super::ListMeta,
}

/// Which year and region.
#[derive(Debug, Deserialize, IntoParams)]
pub struct MunicipalityFilter {
    /// The year (default, per region: the newest year with population numbers, as on the access page).
    pub year: Option<i64>,
    /// Only this region.
    pub region: Option<i64>,
}

/// Access per municipality: population, children 0–6, centres, children per centre.
#[utoipa::path(get, path = "/municipalities", tag = "municipalities", params(MunicipalityFilter),
    responses((status = 200, body = MunicipalityList), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_municipalities(
    api: ApiUser,
    Query(f): Query<MunicipalityFilter>,
) -> Result<Json<MunicipalityList>, ApiError> {
    let mut out = Vec::new();
    for table in access::tables(&api, f.region, f.year).await? {
        for (m, r) in table.rows {
            out.push(MunicipalityJson {
                id: m.id,
                region_id: m.region_id,
                code: m.code,
                name: m.name,
                year: table.year,
                population: r.population,
                children_0_6: r.children_0_6,
                invented: r.invented,
                centres: r.centres,
                children_per_centre: r.children_per_centre(),
            });
        }
    }
    let total = out.len();
    Ok(Json(MunicipalityList {
        municipalities: out,
        meta: super::ListMeta { total },
    }))
}
