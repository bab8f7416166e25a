//! The survey area's API: instruments, rounds, responses and results,
//! through the same use cases as the pages.

mod exports;
mod instruments;
mod responses;
mod results;
mod rounds;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// The area's API routes behind the login, with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(exports::router())
        .routes(routes!(
            instruments::list_instruments,
            instruments::create_instrument
        ))
        .routes(routes!(instruments::get_instrument))
        .routes(routes!(instruments::add_version))
        .routes(routes!(instruments::update_version))
        .routes(routes!(instruments::publish_version))
        .routes(routes!(rounds::list_rounds, rounds::create_round))
        .routes(routes!(rounds::get_round))
        .routes(routes!(results::round_results))
        .routes(routes!(results::round_texts))
}

/// The API routes anyone may call, without a token, session or cookie:
/// sending a survey response.
pub fn public() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(responses::submit_response))
}
