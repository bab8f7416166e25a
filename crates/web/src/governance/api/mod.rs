//! The governance area's API: people, assignments, groups, meetings,
//! decisions, matters, introductions and signals, read and written through
//! the same use cases as the pages.

mod assignments;
mod decisions;
mod groups;
mod introductions;
mod matters;
mod meetings;
mod people;
mod signals;

use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Only one region.
#[derive(Debug, Deserialize, IntoParams)]
pub struct RegionFilter {
    /// Only this region (default: every region the caller may read).
    pub region: Option<i64>,
}

/// The area's API routes, with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(people::list_people, people::create_person))
        .routes(routes!(people::update_person))
        .routes(routes!(people::erase_person))
        .routes(routes!(people::export_person))
        .routes(routes!(assignments::list_assignments))
        .routes(routes!(assignments::create_assignment))
        .routes(routes!(assignments::end_assignment))
        .routes(routes!(groups::list_groups, groups::create_group))
        .routes(routes!(groups::update_group))
        .routes(routes!(meetings::list_meetings))
        .routes(routes!(meetings::get_meeting, meetings::update_meeting))
        .routes(routes!(meetings::create_meeting))
        .routes(routes!(meetings::publish_minutes))
        .routes(routes!(meetings::add_decision))
        .routes(routes!(decisions::list_decisions))
        .routes(routes!(matters::list_matters))
        .routes(routes!(matters::create_matter))
        .routes(routes!(matters::advance_matter))
        .routes(routes!(introductions::list_introductions))
        .routes(routes!(introductions::create_session))
        .routes(routes!(signals::list_signals))
}
