//! Survey pages.

pub mod answer;
pub mod exports;
pub mod respond;

use axum::Router;

use crate::state::AppState;

/// Every survey page behind the login.
pub fn router() -> Router<AppState> {
    Router::new().merge(exports::router())
}
