//! `/api/v1/signals`: governance signals per centre for a year.

use axum::Json;
use axum::extract::Query;
use samverka_app::governance::signals;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::governance::words::{reason_code, reason_text};
use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::ApiUser;
use crate::http::i18n::Tr;
use crate::registry::api::ListMeta;

/// Which signals.
#[derive(Debug, Deserialize, IntoParams)]
pub struct SignalFilter {
    /// Only this region.
    pub region: Option<i64>,
    /// The year (default: the current year).
    pub year: Option<i32>,
}

/// One signal.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignalJson {
    /// `management_meetings`, `steering_meetings`, `coordinator_appointed`, `chair_appointed`,
    /// `minutes_published`, `introductions_in_time` or `matters_answered`.
    pub kind: String,
    /// `green`, `yellow`, `red`, or `unknown` when the data needed is missing.
    pub level: String,
    /// Why, as a code: `meetings`, `no_group`, `no_governance_data`, `coordinator_share`, ...
    pub reason_code: String,
    /// Why, in words, in the caller's language (Accept-Language: sv or en).
    pub reason: String,
}

/// The signals of one centre.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentreSignalsJson {
    /// The centre.
    pub centre_id: i64,
    /// Its name.
    pub centre: String,
    /// Its region.
    pub region_id: i64,
    /// The signals, in the order the overview shows them.
    pub signals: Vec<SignalJson>,
}

/// The signals of every open centre the caller may read, for a year.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignalList {
    /// The year.
    pub year: i32,
    /// Per centre.
    pub signals: Vec<CentreSignalsJson>,
    /// Totals (centres).
    pub meta: ListMeta,
}

/// Governance signals per centre for a year.
#[utoipa::path(get, path = "/signals", tag = "governance", params(SignalFilter),
    responses((status = 200, body = SignalList), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_signals(
    api: ApiUser,
    t: Tr,
    Query(f): Query<SignalFilter>,
) -> Result<Json<SignalList>, ApiError> {
    let year = f.year.unwrap_or_else(|| chrono::Datelike::year(&api.today));
    let mut out = Vec::new();
    for (region, centres) in signals::list(&api, f.region, year).await? {
        out.extend(centres.into_iter().map(|(c, list)| {
            CentreSignalsJson {
                centre_id: c.id,
                centre: c.name,
                region_id: region.id,
                signals: list
                    .iter()
                    .map(|s| SignalJson {
                        kind: s.kind.code().to_string(),
                        level: s.level.code().to_string(),
                        reason_code: reason_code(&s.reason).to_string(),
                        reason: reason_text(&t, &s.reason),
                    })
                    .collect(),
            }
        }));
    }
    let total = out.len();
    Ok(Json(SignalList {
        year,
        signals: out,
        meta: ListMeta { total },
    }))
}
