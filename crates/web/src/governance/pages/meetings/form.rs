//! The meeting form: a new meeting, and editing date, status, agenda,
//! minutes and attendance.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::Path;
use axum::response::Response;
use chrono::NaiveDate;
use samverka_app::governance::meetings::{self, Members};
use samverka_core::governance::drafts::MeetingDraft;
use samverka_core::governance::{AttendanceStatus, Group, Meeting, MeetingStatus};
use samverka_core::{FieldErrors, Region};
use tower_sessions::Session;

use super::members::{attendance_name, lines, status_name};
use crate::governance::words::messages;
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::ui::Page;
use crate::ui::forms::error_for;
use crate::ui::render::{after_post, html};

/// One member's row of radio buttons in the edit form.
pub(super) struct AttendanceChoice {
    pub(super) person_id: i64,
    pub(super) name: String,
    pub(super) role: String,
    pub(super) employer: String,
    pub(super) value: String,
}

#[derive(Template)]
#[template(path = "governance/meeting_form.html")]
pub(super) struct MeetingForm {
    pub(super) page: Page,
    pub(super) action: String,
    pub(super) cancel: String,
    pub(super) editing: bool,
    pub(super) draft: MeetingDraft,
    pub(super) statuses: Vec<(&'static str, String)>,
    pub(super) choices: Vec<(&'static str, String)>,
    pub(super) members: Vec<AttendanceChoice>,
    pub(super) errors: Vec<(&'static str, String)>,
}

impl MeetingForm {
    pub(super) fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

fn meeting_form(
    page: Page,
    user: &CurrentUser,
    (group, region): (&Group, &Region),
    meeting: Option<&Meeting>,
    draft: MeetingDraft,
    members: Vec<AttendanceChoice>,
    errors: &FieldErrors,
) -> MeetingForm {
    let t = page.t;
    let (title, action, cancel) = match meeting {
        Some(m) => (
            t.t2("meeting-edit-title", ("group", &group.name), ("date", &m.held_on)),
            format!("/meetings/{}/edit", m.id),
            format!("/meetings/{}", m.id),
        ),
        None => (
            t.t1("meeting-new-title", "group", &group.name),
            format!("/groups/{}/meetings/new", group.id),
            format!("/groups/{}/meetings", group.id),
        ),
    };
    let statuses = MeetingStatus::ALL
        .iter()
        .map(|s| (s.code(), status_name(&t, *s)))
        .collect();
    let mut choices: Vec<(&'static str, String)> = AttendanceStatus::ALL
        .iter()
        .map(|s| (s.code(), attendance_name(&t, Some(*s))))
        .collect();
    choices.push(("", attendance_name(&t, None)));
    let in_region = user.actor.can_view_region(region.id);
    let manage = user.actor.can_manage_region(region.id);
    MeetingForm {
        page: page
            .titled(title)
            .in_region_if(in_region, region.id, &region.name, manage, "groups"),
        action,
        cancel,
        editing: meeting.is_some(),
        draft,
        statuses,
        choices,
        members,
        errors: messages(&t, errors),
    }
}

fn attendance_choices(
    t: &Tr,
    members: &Members,
    day: NaiveDate,
    recorded: &HashMap<i64, AttendanceStatus>,
    draft: &MeetingDraft,
) -> Vec<AttendanceChoice> {
    lines(members, t, day, recorded)
        .into_iter()
        .map(|m| AttendanceChoice {
            value: draft.attendance.get(&m.person_id).cloned().unwrap_or_default(),
            person_id: m.person_id,
            name: m.name,
            role: m.role,
            employer: m.employer,
        })
        .collect()
}

pub(super) async fn new_meeting_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (group, region) = meetings::new_form(&user, id).await?;
    let draft = MeetingDraft {
        status: MeetingStatus::Planned.code().into(),
        ..MeetingDraft::default()
    };
    html(meeting_form(
        page,
        &user,
        (&group, &region),
        None,
        draft,
        Vec::new(),
        &FieldErrors::default(),
    ))
}

pub(super) async fn create_meeting(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let draft = MeetingDraft::from_pairs(pairs);
    let t = page.t;
    let result = meetings::create(&user, id, &draft).await;
    let saved = |meeting_id| (t.t("meeting-flash-created"), format!("/meetings/{meeting_id}"));
    after_post(&session, result, saved, async |errors| {
        let (group, region) = meetings::new_form(&user, id).await?;
        Ok(meeting_form(
            page,
            &user,
            (&group, &region),
            None,
            draft,
            Vec::new(),
            &errors,
        ))
    })
    .await
}

pub(super) async fn edit_meeting_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let e = meetings::edit_form(&user, id).await?;
    let draft = MeetingDraft::of(&e.meeting, &e.recorded);
    let choices = attendance_choices(&page.t, &e.members, e.meeting.held_on, &e.recorded, &draft);
    html(meeting_form(
        page,
        &user,
        (&e.group, &e.region),
        Some(&e.meeting),
        draft,
        choices,
        &FieldErrors::default(),
    ))
}

pub(super) async fn update_meeting(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let draft = MeetingDraft::from_pairs(pairs);
    let t = page.t;
    let result = meetings::update(&user, id, &draft).await;
    let saved = |()| (t.t("flash-saved"), format!("/meetings/{id}"));
    after_post(&session, result, saved, async |errors| {
        let e = meetings::edit_form(&user, id).await?;
        let day = draft.date().unwrap_or(e.meeting.held_on);
        let choices = attendance_choices(&t, &e.members, day, &e.recorded, &draft);
        Ok(meeting_form(
            page,
            &user,
            (&e.group, &e.region),
            Some(&e.meeting),
            draft,
            choices,
            &errors,
        ))
    })
    .await
}
