//! Survey pages.

pub mod answer;
pub mod exports;
mod instruments;
mod paper;
pub mod respond;
pub mod results;
mod rounds;

use axum::Router;

use crate::state::AppState;

/// Every survey page behind the login.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(rounds::router())
        .merge(paper::router())
        .merge(results::router())
        .merge(instruments::router())
        .merge(exports::router())
}
