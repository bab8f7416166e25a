//! The survey area's API: instruments, rounds, responses and results,
//! through the same use cases as the pages.

pub mod exports;

use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

/// The area's API routes behind the login, with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(exports::router())
}
