//! The registry's API: centres with their units and premises, municipalities with access.

mod centres;
mod municipalities;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub use centres::ListMeta;

/// The registry's API routes, with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(centres::list_centres, centres::create_centre))
        .routes(routes!(centres::get_centre, centres::update_centre))
        .routes(routes!(centres::close_centre))
        .routes(routes!(centres::reopen_centre))
        .routes(routes!(centres::create_unit))
        .routes(routes!(centres::update_unit))
        .routes(routes!(centres::close_unit))
        .routes(routes!(centres::reopen_unit))
        .routes(routes!(centres::create_premises))
        .routes(routes!(centres::update_premises))
        .routes(routes!(municipalities::list_municipalities))
}
