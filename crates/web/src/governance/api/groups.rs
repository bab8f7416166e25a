//! `/api/v1/groups`: governing groups within the caller's reach; creating
//! and changing groups (those who manage the region).

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::governance::groups;
use samverka_core::governance::Group;
use samverka_core::governance::drafts::GroupDraft;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::RegionFilter;
use crate::http::api_error::{ApiError, ErrorBody, body_fields};
use crate::http::extract::{ApiJson, ApiUser};
use crate::registry::api::ListMeta;

/// A governing group.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupJson {
    /// Id.
    pub id: i64,
    /// Region id.
    pub region_id: i64,
    /// `management`, `preparation`, `steering`, `county_steering` or `coordinator_network`.
    pub kind: String,
    /// Name.
    pub name: String,
    /// The municipality of a municipal steering group.
    pub municipality_id: Option<i64>,
    /// The group it reports to.
    pub reports_to: Option<i64>,
    /// Whether a steering group is the local health-and-care forum acting as one.
    pub health_forum: bool,
    /// When it started (ISO), when recorded.
    pub starts_on: Option<String>,
    /// When it was disbanded (ISO).
    pub closed_on: Option<String>,
    /// The centres it governs.
    pub centre_ids: Vec<i64>,
}

/// A list of groups.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupList {
    /// The groups, by name.
    pub groups: Vec<GroupJson>,
    /// Totals.
    pub meta: ListMeta,
}

fn to_json(g: Group) -> GroupJson {
    GroupJson {
        id: g.id,
        region_id: g.region_id,
        kind: g.kind.code().to_string(),
        name: g.name,
        municipality_id: g.municipality_id,
        reports_to: g.reports_to,
        health_forum: g.health_forum,
        starts_on: g.starts_on.map(|d| d.to_string()),
        closed_on: g.closed_on.map(|d| d.to_string()),
        centre_ids: g.centre_ids,
    }
}

/// Groups the caller may read.
#[utoipa::path(get, path = "/groups", tag = "governance", params(RegionFilter),
    responses((status = 200, body = GroupList), (status = 401, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_groups(api: ApiUser, Query(f): Query<RegionFilter>) -> Result<Json<GroupList>, ApiError> {
    let out: Vec<GroupJson> = groups::list_reachable(&api, f.region)
        .await?
        .into_iter()
        .map(to_json)
        .collect();
    let total = out.len();
    Ok(Json(GroupList {
        groups: out,
        meta: ListMeta { total },
    }))
}

/// A group as sent to create or change one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct GroupBody {
    /// The region (only when creating).
    pub region_id: Option<i64>,
    /// `management`, `preparation`, `steering`, `county_steering` or `coordinator_network`.
    pub kind: String,
    /// Name.
    pub name: String,
    /// The municipality (required for a steering group).
    pub municipality_id: Option<i64>,
    /// The group it reports to.
    pub reports_to: Option<i64>,
    /// A health-and-care forum acting as steering group.
    #[serde(default)]
    pub health_forum: bool,
    /// When the group started, YYYY-MM-DD (signals judge only the part of a year it existed).
    #[serde(default)]
    pub starts_on: Option<String>,
    /// The centres it governs.
    #[serde(default)]
    pub centre_ids: Vec<i64>,
}

impl GroupBody {
    fn draft(&self) -> GroupDraft {
        GroupDraft {
            kind: self.kind.clone(),
            name: self.name.clone(),
            municipality_id: self.municipality_id.map(|m| m.to_string()).unwrap_or_default(),
            reports_to: self.reports_to.map(|g| g.to_string()).unwrap_or_default(),
            health_forum: self.health_forum,
            starts_on: self.starts_on.clone().unwrap_or_default(),
            centres: self.centre_ids.iter().map(i64::to_string).collect(),
        }
    }
}

/// Creates a group (those who manage the region).
#[utoipa::path(post, path = "/groups", tag = "governance", request_body = GroupBody,
    responses((status = 201, body = GroupJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_group(api: ApiUser, ApiJson(body): ApiJson<GroupBody>) -> Result<Response, ApiError> {
    let Some(region) = body.region_id else {
        return Err(samverka_app::Error::field("region_id", "required").into());
    };
    let id = groups::create(&api, region, &body.draft())
        .await
        .map_err(body_fields(GROUP_FIELDS))?;
    let (g, _) = groups::viewable(&api, id).await?;
    Ok((StatusCode::CREATED, Json(to_json(g))).into_response())
}

/// The group form's field names and the body's.
const GROUP_FIELDS: &[(&str, &str)] = &[("centre", "centre_ids")];

/// Changes a group and the centres it governs (those who manage the region).
#[utoipa::path(put, path = "/groups/{id}", tag = "governance", request_body = GroupBody,
    params(("id" = i64, Path, description = "Group id")),
    responses((status = 200, body = GroupJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn update_group(
    api: ApiUser,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<GroupBody>,
) -> Result<Json<GroupJson>, ApiError> {
    groups::update(&api, id, &body.draft())
        .await
        .map_err(body_fields(GROUP_FIELDS))?;
    let (g, _) = groups::viewable(&api, id).await?;
    Ok(Json(to_json(g)))
}
