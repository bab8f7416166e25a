//! A meeting's page: agenda, attendance, minutes (rendered once when saved)
//! and decisions.

use std::collections::HashMap;

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use samverka_app::governance::meetings::{self, MeetingPage as Data};
use samverka_core::FieldErrors;
use samverka_core::governance::DecisionCategory;
use samverka_core::governance::drafts::DecisionDraft;

use super::members::{attendance_name, attendance_summary, lines, minutes_state, status_name};
use crate::governance::pages::decisions::{self, DecisionLine};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::ui::Page;
use crate::ui::forms::error_for;
use crate::ui::render::html;

pub(super) struct AttendanceLine {
    pub(super) name: String,
    pub(super) role: String,
    pub(super) employer: String,
    pub(super) status: String,
    pub(super) status_code: &'static str,
}

#[derive(Template)]
#[template(path = "governance/meeting.html")]
pub(super) struct MeetingPage {
    pub(super) page: Page,
    pub(super) id: i64,
    pub(super) group_id: i64,
    pub(super) group_name: String,
    pub(super) held_on: String,
    pub(super) status: String,
    pub(super) status_code: &'static str,
    pub(super) minutes_state: String,
    pub(super) agenda: Vec<String>,
    pub(super) attendance: Vec<AttendanceLine>,
    pub(super) attendance_summary: String,
    pub(super) minutes_html: Option<String>,
    pub(super) minutes_note: Option<String>,
    pub(super) decisions: Vec<DecisionLine>,
    pub(super) can_edit: bool,
    pub(super) can_publish: bool,
    pub(super) publish_error: Option<String>,
    pub(super) categories: Vec<(&'static str, String)>,
    pub(super) centres: Vec<(i64, String)>,
    pub(super) draft: DecisionDraft,
    pub(super) errors: Vec<(&'static str, String)>,
}

impl MeetingPage {
    pub(super) fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }

    pub(super) fn centre_chosen(&self, id: &i64) -> bool {
        self.draft.chosen().contains(id)
    }
}

/// What the meeting page shows besides the meeting: a failed publish or decision form.
#[derive(Default)]
pub(super) struct Extra {
    pub(super) draft: DecisionDraft,
    pub(super) errors: FieldErrors,
    pub(super) publish_error: Option<String>,
}

pub(super) fn meeting_page(user: &CurrentUser, page: Page, d: &Data, extra: Extra) -> MeetingPage {
    let t = page.t;
    let m = &d.meeting;
    let seated = d.members.seated_on(m.held_on);
    let attendance = lines(&d.members, &t, m.held_on, &d.recorded)
        .into_iter()
        .map(|line| {
            let s = d.recorded.get(&line.person_id).copied();
            AttendanceLine {
                name: line.name,
                role: line.role,
                employer: line.employer,
                status: attendance_name(&t, s),
                status_code: s.map_or("unknown", |s| s.code()),
            }
        })
        .collect();
    let (minutes_html, minutes_note) = match (m.has_minutes(), d.may_read_minutes) {
        (true, true) => (m.minutes_html.clone(), None),
        (true, false) => (None, Some(t.t("meeting-minutes-not-published"))),
        (false, _) => (None, Some(t.t("meeting-minutes-none"))),
    };
    let group_names: HashMap<i64, String> = HashMap::from([(d.group.id, d.group.name.clone())]);
    let decision_lines = decisions::lines(&t, d.decisions.iter(), &d.centres, &group_names);
    let mut centres: Vec<(i64, String)> = d
        .audience
        .centre_ids
        .iter()
        .filter_map(|c| d.centres.get(c).map(|n| (*c, n.clone())))
        .collect();
    centres.sort_by_cached_key(|(_, n)| samverka_core::text::sort_key(n));
    let categories = DecisionCategory::ALL
        .iter()
        .map(|c| (c.code(), decisions::category_name(&t, *c)))
        .collect();
    let manage = user.actor.can_manage_region(d.region.id);
    MeetingPage {
        page: page
            .titled(t.t2("meeting-title", ("group", &d.group.name), ("date", &m.held_on)))
            .in_region_if(d.in_region, d.region.id, &d.region.name, manage, "groups"),
        id: m.id,
        group_id: d.group.id,
        group_name: d.group.name.clone(),
        held_on: m.held_on.to_string(),
        status: status_name(&t, m.status),
        status_code: m.status.code(),
        minutes_state: minutes_state(&t, m),
        agenda: m
            .agenda
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        attendance,
        attendance_summary: attendance_summary(&t, &seated, &d.recorded),
        minutes_html,
        minutes_note,
        decisions: decision_lines,
        can_edit: d.can_edit,
        can_publish: d.can_publish(),
        publish_error: extra.publish_error,
        categories,
        centres,
        draft: extra.draft,
        errors: crate::ui::forms::field_messages(&t, &extra.errors),
    }
}

pub(super) async fn show_meeting(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let d = meetings::get(&user, id).await?;
    html(meeting_page(&user, page, &d, Extra::default()))
}
