//! Survey pages.

pub mod answer;
mod instruments;
mod paper;
pub mod respond;
mod rounds;

use axum::Router;

use crate::state::AppState;

/// Every survey page behind the login.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(rounds::router())
        .merge(paper::router())
        .merge(instruments::router())
}
