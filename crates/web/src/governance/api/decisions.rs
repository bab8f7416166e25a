//! `/api/v1/decisions`: decisions in the regions the caller may read.

use axum::Json;
use axum::extract::Query;
use samverka_app::governance::decisions;
use samverka_core::governance::DecisionCategory;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::ApiUser;
use crate::registry::api::ListMeta;

/// Which decisions.
#[derive(Debug, Deserialize, IntoParams)]
pub struct DecisionFilter {
    /// Only this region.
    pub region: Option<i64>,
    /// Only decisions of meetings in this year.
    pub year: Option<i32>,
    /// Only this category: `agreement_change`, `budget_change`, `new_centre`, `matter_from_group`,
    /// `activity_plan_adopted`, `annual_report_received` or `other`.
    pub category: Option<String>,
}

/// A decision recorded in a meeting.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionJson {
    /// Id.
    pub id: i64,
    /// The meeting.
    pub meeting_id: i64,
    /// The group that decided.
    pub group_id: i64,
    /// The meeting's date (ISO).
    pub decided_on: String,
    /// The category code.
    pub category: String,
    /// What was decided.
    pub text: String,
    /// The centres it concerns.
    pub centre_ids: Vec<i64>,
}

/// A list of decisions.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionList {
    /// The decisions, newest first.
    pub decisions: Vec<DecisionJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// Decisions in the regions the caller may read, filterable by year and category.
#[utoipa::path(get, path = "/decisions", tag = "governance", params(DecisionFilter),
    responses((status = 200, body = DecisionList), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_decisions(
    api: ApiUser,
    Query(f): Query<DecisionFilter>,
) -> Result<Json<DecisionList>, ApiError> {
    let category = match f.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => {
            Some(DecisionCategory::parse(c).ok_or(samverka_app::Error::field("category", "invalid-choice"))?)
        }
    };
    let out: Vec<DecisionJson> = decisions::list(&api, f.region, f.year, category)
        .await?
        .into_iter()
        .map(|d| DecisionJson {
            id: d.id,
            meeting_id: d.meeting_id,
            group_id: d.group_id,
            decided_on: d.decided_on.to_string(),
            category: d.category.code().to_string(),
            text: d.text,
            centre_ids: d.centre_ids,
        })
        .collect();
    let total = out.len();
    Ok(Json(DecisionList {
        decisions: out,
        meta: ListMeta { total },
    }))
}
