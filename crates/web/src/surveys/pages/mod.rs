//! Survey pages.

pub mod answer;
pub mod respond;
pub mod results;

use axum::Router;

use crate::state::AppState;

/// Every survey page behind the login.
pub fn router() -> Router<AppState> {
    Router::new().merge(results::router())
}
