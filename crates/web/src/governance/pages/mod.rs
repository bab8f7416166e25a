//! The governance area's pages.

mod decisions;
mod groups;
mod introductions;
mod matters;
mod meetings;
pub(crate) mod people;
mod signals;
mod who_decides;

use axum::Router;

use crate::state::AppState;

/// Every governance page.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(people::router())
        .merge(groups::router())
        .merge(who_decides::router())
        .merge(meetings::router())
        .merge(decisions::router())
        .merge(matters::router())
        .merge(introductions::router())
        .merge(signals::router())
}
