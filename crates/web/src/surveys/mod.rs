//! The survey area: the pages a respondent answers on, and the pages and
//! API of instruments, rounds, results and exports, side by side.

pub mod api;
pub mod pages;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;
use crate::ui::nav::{Area, Tab};

/// The survey tabs.
pub const AREA: Area = Area {
    name: "surveys",
    tabs: &[Tab {
        key: "rounds",
        path: "/rounds",
        label: "nav-rounds",
        manage_only: false,
    }],
};

/// The pages anyone with a link answers on (a centre's anonymous link, or
/// a personal invitation's one-time link): no session, no login.
pub fn respondent() -> Router<AppState> {
    use pages::answer::{start_invited, start_link, step_invited, step_link};
    Router::new()
        .route("/s/{code}", get(start_link).post(step_link))
        .route("/i/{token}", get(start_invited).post(step_invited))
}

/// The area's pages for those logged in (the caller adds the login check).
pub fn pages() -> Router<AppState> {
    pages::router()
}
