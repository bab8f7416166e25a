//! The JSON API under `/api/v1`, described by an OpenAPI document at
//! `/api/v1/openapi.json` (browsable at `/api/v1/docs`). Callers authenticate
//! with a bearer token (`samverka user token EMAIL`); the permission rules
//! are those of the pages.

mod audit;
mod centres;
mod error;
mod governance;
mod municipalities;

use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

pub use error::ApiError;

use crate::state::AppState;

/// The OpenAPI description of the API.
#[derive(OpenApi)]
#[openapi(
    info(title = "samverka API", description = "Registry, classification and access of Swedish family centres."),
    paths(
        centres::list_centres,
        centres::create_centre,
        centres::get_centre,
        centres::update_centre,
        centres::create_unit,
        centres::update_unit,
        municipalities::list_municipalities,
        audit::list_audit,
        governance::list_people,
        governance::list_assignments,
        governance::list_groups,
        governance::list_meetings,
        governance::list_decisions,
        governance::list_matters,
        governance::list_introductions,
        governance::list_signals,
    ),
    modifiers(&BearerAuth),
    tags((name = "centres", description = "Family centres and their units"),
         (name = "municipalities", description = "Access: children aged 0–6 per centre"),
         (name = "audit", description = "Who changed what"),
         (name = "governance", description = "People, assignments, groups, meetings, decisions, matters, introductions and signals"))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// API routes that need a token (the caller adds the check).
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(centres::router())
        .merge(municipalities::router())
        .merge(audit::router())
        .merge(governance::router())
}

/// The OpenAPI document and Swagger UI, mounted at the top level.
pub fn docs_router() -> Router<AppState> {
    utoipa_swagger_ui::SwaggerUi::new("/api/v1/docs")
        .url("/api/v1/openapi.json", ApiDoc::openapi())
        .into()
}
