//! Meetings (*sammanträden*) of governing groups: each group's list of
//! meetings, recording a meeting, its page (agenda, attendance, minutes,
//! decisions), editing it, publishing the minutes with e-mail notices, and
//! recording decisions. Who may read the minutes is decided once, in core
//! (`Actor::may_read_minutes`), and applied by the application.

mod form;
mod listing;
mod members;
mod publishing;
mod recording;
mod show;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{id}/meetings", get(listing::list_meetings))
        .route(
            "/groups/{id}/meetings/new",
            get(form::new_meeting_form).post(form::create_meeting),
        )
        .route("/meetings/{id}", get(show::show_meeting))
        .route(
            "/meetings/{id}/edit",
            get(form::edit_meeting_form).post(form::update_meeting),
        )
        .route("/meetings/{id}/publish", post(publishing::publish_minutes))
        .route("/meetings/{id}/decisions", post(recording::add_decision))
}
