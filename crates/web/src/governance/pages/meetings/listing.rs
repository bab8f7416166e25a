//! A group's meetings.

use std::collections::HashMap;

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use samverka_app::governance::meetings;
use samverka_core::governance::MeetingStatus;

use super::members::{attendance_summary, minutes_state, status_name};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::ui::Page;
use crate::ui::render::html;

pub(super) struct MeetingRow {
    pub(super) id: i64,
    pub(super) held_on: String,
    pub(super) status: String,
    pub(super) attendance: String,
    pub(super) minutes: String,
}

#[derive(Template)]
#[template(path = "governance/meetings.html")]
pub(super) struct MeetingsPage {
    pub(super) page: Page,
    pub(super) group_id: i64,
    pub(super) rows: Vec<MeetingRow>,
    pub(super) can_edit: bool,
}

pub(super) async fn list_meetings(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let g = meetings::of_group(&user, id).await?;
    let t = page.t;
    let empty = HashMap::new();
    let rows = g
        .meetings
        .iter()
        .rev()
        .map(|m| {
            let recorded = g.attendance.get(&m.id).unwrap_or(&empty);
            MeetingRow {
                id: m.id,
                held_on: m.held_on.to_string(),
                status: status_name(&t, m.status),
                attendance: match m.status {
                    MeetingStatus::Held => attendance_summary(&t, &g.members.seated_on(m.held_on), recorded),
                    _ => "–".into(),
                },
                minutes: minutes_state(&t, m),
            }
        })
        .collect();
    let in_region = user.actor.can_view_region(g.region.id);
    let manage = user.actor.can_manage_region(g.region.id);
    html(MeetingsPage {
        page: page
            .titled(t.t1("meetings-title", "group", &g.group.name))
            .in_region_if(in_region, g.region.id, &g.region.name, manage, "groups"),
        group_id: g.group.id,
        rows,
        can_edit: g.can_edit,
    })
}
