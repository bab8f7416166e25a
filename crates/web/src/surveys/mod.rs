//! The survey area: the pages a respondent answers on (and, to come, the
//! instrument editor, rounds, results and their API), side by side.

pub mod pages;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// The pages anyone with a link answers on: no session, no login.
pub fn respondent() -> Router<AppState> {
    Router::new().route("/s/{code}", get(pages::answer::start).post(pages::answer::step))
}
