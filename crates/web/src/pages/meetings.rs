//! Meetings (*sammanträden*) of governing groups: each group's list of
//! meetings, recording a meeting, its page (agenda, attendance, minutes,
//! decisions), editing it, publishing the minutes with e-mail notices, and
//! recording decisions.
//!
//! Who may read the minutes is decided in one place, [`may_read_minutes`].

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use samverka_core::governance::{AssignmentKind, AttendanceStatus, DecisionCategory, MeetingStatus};
use samverka_core::validation::{optional_text, required_text};
use samverka_core::{Actor, FieldErrors, Role, Unit};
use samverka_store::groups::{self, Group};
use samverka_store::mail::Mail;
use samverka_store::meetings::{self, Meeting, MinutesAudience};
use samverka_store::people::Person;
use samverka_store::regions::{self, Region};
use samverka_store::{assignments, centres, people};
use tower_sessions::Session;

use super::decisions::{self, DecisionLine};
use super::governance::{editable_group, viewable_group};
use super::{html, invalid, require};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::view::{self, Page};

/// Longest agenda accepted, in characters.
const AGENDA_MAX: usize = 10_000;
/// Longest minutes accepted, in characters.
const MINUTES_MAX: usize = 200_000;
/// Longest decision text accepted, in characters.
const DECISION_MAX: usize = 5_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{id}/meetings", get(list_meetings))
        .route(
            "/groups/{id}/meetings/new",
            get(new_meeting_form).post(create_meeting),
        )
        .route("/meetings/{id}", get(show_meeting))
        .route("/meetings/{id}/edit", get(edit_meeting_form).post(update_meeting))
        .route("/meetings/{id}/publish", post(publish_minutes))
        .route("/meetings/{id}/decisions", post(add_decision))
}

// ---------------------------------------------------------------------------
// Rules

/// Whether an actor may read a meeting's minutes. Unpublished minutes: only
/// those who may edit the group. Published minutes: also everyone who may read
/// the group, the local coordinators (by grant) of every centre the group
/// governs, and the members of those centres' management groups.
pub(crate) fn may_read_minutes(
    actor: &Actor,
    group: &Group,
    published: bool,
    audience: &MinutesAudience,
) -> bool {
    if actor.can_edit_group(group.region_id, group.id, group.kind, &group.centre_ids) {
        return true;
    }
    if !published {
        return false;
    }
    actor.can_view_group(group.region_id, group.id)
        || actor.grants.iter().any(|g| {
            g.role == Role::LocalCoordinator
                && g.region_id == Some(group.region_id)
                && g.centre_id.is_some_and(|c| audience.centre_ids.contains(&c))
        })
        || actor
            .seats
            .iter()
            .any(|s| s.region_id == group.region_id && audience.management_group_ids.contains(&s.group_id))
}

/// Whether an actor may open a meeting's page at all: those who may read the
/// group, and — once the minutes are published — their whole audience.
fn may_open_meeting(actor: &Actor, group: &Group, published: bool, audience: &MinutesAudience) -> bool {
    actor.can_view_group(group.region_id, group.id) || may_read_minutes(actor, group, published, audience)
}

/// Minutes in Markdown as safe HTML: Markdown first, then every tag and
/// attribute outside a safe list removed (scripts, event handlers,
/// `javascript:` links, frames, styles). Headings move two levels down, so
/// that the minutes' own `#` sits under the page's "Protokoll" heading.
pub(crate) fn render_markdown(md: &str) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
    fn demote(level: HeadingLevel) -> HeadingLevel {
        match level {
            HeadingLevel::H1 => HeadingLevel::H3,
            HeadingLevel::H2 => HeadingLevel::H4,
            HeadingLevel::H3 => HeadingLevel::H5,
            _ => HeadingLevel::H6,
        }
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let events = Parser::new_ext(md, options).map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        other => other,
    });
    let mut raw = String::new();
    html::push_html(&mut raw, events);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&raw)
        .to_string()
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

// ---------------------------------------------------------------------------
// Who sits in the group

/// The registry a group's attendance is read against.
struct Members {
    people: HashMap<i64, Person>,
    units: HashMap<i64, Unit>,
    /// The group's seats (assignments), every one ever held.
    seats: Vec<samverka_core::governance::Assignment>,
}

/// One person in an attendance list.
struct Member {
    person_id: i64,
    name: String,
    role: String,
    employer: String,
}

impl Members {
    async fn load(state: &AppState, group: &Group) -> Result<Members, AppError> {
        let (people, assignments, units) = tokio::try_join!(
            people::list(&state.db, group.region_id),
            assignments::list(&state.db, Some(group.region_id)),
            centres::units_in_region(&state.db, Some(group.region_id)),
        )?;
        Ok(Members {
            people: people.into_iter().map(|p| (p.id, p)).collect(),
            units: units.into_iter().map(|u| (u.id, u)).collect(),
            seats: assignments
                .into_iter()
                .filter(|a| a.group_id == Some(group.id) && a.kind.group_kind().is_some())
                .collect(),
        })
    }

    /// Who holds a seat on a day, with whether they chair; one entry per person.
    fn seated_on(&self, day: NaiveDate) -> Vec<(i64, bool)> {
        let mut out: Vec<(i64, bool)> = Vec::new();
        for a in self.seats.iter().filter(|a| a.active_on(day)) {
            let chair = a.kind == AssignmentKind::ManagementChair;
            match out.iter_mut().find(|(p, _)| *p == a.person_id) {
                Some((_, c)) => *c |= chair,
                None => out.push((a.person_id, chair)),
            }
        }
        out
    }

    /// The attendance list of a meeting on `day`: everyone seated that day,
    /// and anyone else whose attendance was recorded, by name.
    fn lines(&self, t: &Tr, day: NaiveDate, recorded: &HashMap<i64, AttendanceStatus>) -> Vec<Member> {
        let mut ids: Vec<(i64, Option<bool>)> = self
            .seated_on(day)
            .into_iter()
            .map(|(p, chair)| (p, Some(chair)))
            .collect();
        for p in recorded.keys() {
            if !ids.iter().any(|(id, _)| id == p) {
                ids.push((*p, None));
            }
        }
        let mut out: Vec<Member> = ids
            .into_iter()
            .map(|(id, chair)| {
                let person = self.people.get(&id);
                Member {
                    person_id: id,
                    name: person
                        .map(|p| p.name.clone())
                        .unwrap_or_else(|| t.t("value-missing")),
                    role: t.t(match chair {
                        Some(true) => "meeting-role-chair",
                        Some(false) => "meeting-role-member",
                        None => "meeting-role-not-seated",
                    }),
                    employer: person.map(|p| self.employer(t, p)).unwrap_or_default(),
                }
            })
            .collect();
        out.sort_by_cached_key(|m| samverka_core::text::sort_key(&m.name));
        out
    }

    /// Employer and service, e.g. "Region Uppsala, BVC Sävja".
    fn employer(&self, t: &Tr, p: &Person) -> String {
        let mut parts: Vec<String> = Vec::new();
        match (&p.employer_name, p.employer_kind) {
            (Some(n), _) => parts.push(n.clone()),
            (None, Some(k)) => parts.push(view::principal_name(t, Some(k))),
            (None, None) => {}
        }
        if let Some(u) = p.unit_id.and_then(|id| self.units.get(&id)) {
            parts.push(u.name.clone().unwrap_or_else(|| view::service_name(t, u.service)));
        }
        if parts.is_empty() {
            t.t("value-missing")
        } else {
            parts.join(", ")
        }
    }
}

fn status_name(t: &Tr, s: MeetingStatus) -> String {
    t.t(&format!("meeting-status-{}", s.code()))
}

fn attendance_name(t: &Tr, s: Option<AttendanceStatus>) -> String {
    t.t(&format!(
        "meeting-attendance-{}",
        s.map_or("unknown", |s| s.code())
    ))
}

/// "4 närvarande, 1 anmält förhinder, 1 frånvarande, 1 ej registrerade av 7 ledamöter".
fn attendance_summary(t: &Tr, seated: &[(i64, bool)], recorded: &HashMap<i64, AttendanceStatus>) -> String {
    let count = |s: Option<AttendanceStatus>| {
        seated
            .iter()
            .filter(|(p, _)| recorded.get(p).copied() == s)
            .count()
    };
    t.args(
        "meeting-attendance-summary",
        &[
            ("present", count(Some(AttendanceStatus::Present)).to_string()),
            ("excused", count(Some(AttendanceStatus::Excused)).to_string()),
            ("absent", count(Some(AttendanceStatus::Absent)).to_string()),
            ("unknown", count(None).to_string()),
            ("members", seated.len().to_string()),
        ],
    )
}

fn minutes_state(t: &Tr, m: &Meeting) -> String {
    match (
        m.minutes_md.as_deref().map(str::trim).filter(|s| !s.is_empty()),
        m.minutes_published_on,
    ) {
        (_, Some(d)) => t.t1("meeting-minutes-published-on", "date", d),
        (Some(_), None) => t.t("meeting-minutes-draft"),
        (None, None) => t.t("meeting-minutes-none"),
    }
}

fn has_minutes(m: &Meeting) -> bool {
    m.minutes_md.as_deref().is_some_and(|s| !s.trim().is_empty())
}

// ---------------------------------------------------------------------------
// A group's meetings

struct MeetingRow {
    id: i64,
    held_on: String,
    status: String,
    attendance: String,
    minutes: String,
}

#[derive(Template)]
#[template(path = "meetings.html")]
struct MeetingsPage {
    page: Page,
    group_id: i64,
    rows: Vec<MeetingRow>,
    can_edit: bool,
}

async fn list_meetings(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (group, region) = viewable_group(&state, &user, id).await?;
    let (list, attendance) = tokio::try_join!(
        meetings::of_group(&state.db, group.id),
        meetings::attendance_of_group(&state.db, group.id),
    )?;
    let members = Members::load(&state, &group).await?;
    let t = page.t;
    let empty = HashMap::new();
    let rows = list
        .iter()
        .rev()
        .map(|m| {
            let recorded = attendance.get(&m.id).unwrap_or(&empty);
            MeetingRow {
                id: m.id,
                held_on: m.held_on.to_string(),
                status: status_name(&t, m.status),
                attendance: match m.status {
                    MeetingStatus::Held => attendance_summary(&t, &members.seated_on(m.held_on), recorded),
                    _ => "–".into(),
                },
                minutes: minutes_state(&t, m),
            }
        })
        .collect();
    let can_edit = user
        .actor
        .can_edit_group(group.region_id, group.id, group.kind, &group.centre_ids);
    html(MeetingsPage {
        page: decisions::framed(
            page.titled(t.t1("meetings-title", "group", &group.name)),
            &user,
            region.id,
            &region.name,
            "groups",
        ),
        group_id: group.id,
        rows,
        can_edit,
    })
}

// ---------------------------------------------------------------------------
// The meeting form (new and edit)

/// A meeting as typed into the form.
#[derive(Debug, Clone, Default)]
struct MeetingDraft {
    held_on: String,
    status: String,
    agenda: String,
    minutes: String,
    /// Person id → `present`, `absent`, `excused` or empty (not recorded).
    attendance: HashMap<i64, String>,
}

impl MeetingDraft {
    fn from_pairs(pairs: Vec<(String, String)>) -> MeetingDraft {
        let mut d = MeetingDraft::default();
        for (k, v) in pairs {
            match k.as_str() {
                "held_on" => d.held_on = v,
                "status" => d.status = v,
                "agenda" => d.agenda = v,
                "minutes" => d.minutes = v,
                other => {
                    if let Some(id) = other.strip_prefix("att-").and_then(|i| i.parse().ok()) {
                        d.attendance.insert(id, v);
                    }
                }
            }
        }
        d
    }

    fn of(m: &Meeting, recorded: &HashMap<i64, AttendanceStatus>) -> MeetingDraft {
        MeetingDraft {
            held_on: m.held_on.to_string(),
            status: m.status.code().into(),
            agenda: m.agenda.clone().unwrap_or_default(),
            minutes: m.minutes_md.clone().unwrap_or_default(),
            attendance: recorded.iter().map(|(p, s)| (*p, s.code().to_string())).collect(),
        }
    }

    fn date(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(self.held_on.trim(), "%Y-%m-%d").ok()
    }
}

/// A checked meeting, ready for the store.
struct ValidMeeting {
    held_on: NaiveDate,
    status: MeetingStatus,
    agenda: Option<String>,
    minutes: Option<String>,
    attendance: Vec<(i64, AttendanceStatus)>,
}

/// Checks a draft. Attendance is kept only for `allowed` people.
fn validate(d: &MeetingDraft, allowed: &[i64]) -> Result<ValidMeeting, FieldErrors> {
    let mut errors = FieldErrors::default();
    let held_on = if d.held_on.trim().is_empty() {
        errors.add("held_on", "required");
        None
    } else {
        let parsed = d.date();
        if parsed.is_none() {
            errors.add("held_on", "invalid-date");
        }
        parsed
    };
    let status = MeetingStatus::parse(&d.status);
    if status.is_none() {
        errors.add("status", "invalid-choice");
    }
    if status == Some(MeetingStatus::Held) && held_on.is_some_and(|h| h > today()) {
        errors.add("held_on", "meeting-held-in-future");
    }
    let agenda = optional_text(&mut errors, "agenda", &d.agenda, AGENDA_MAX);
    let minutes = optional_text(&mut errors, "minutes", &d.minutes, MINUTES_MAX);
    let mut attendance = Vec::new();
    let mut ids: Vec<&i64> = d.attendance.keys().collect();
    ids.sort_unstable();
    for id in ids {
        let value = d.attendance[id].trim();
        if value.is_empty() || value == "unknown" || !allowed.contains(id) {
            continue;
        }
        match AttendanceStatus::parse(value) {
            Some(s) => attendance.push((*id, s)),
            None => errors.add("attendance", "invalid-choice"),
        }
    }
    match (held_on, status) {
        (Some(held_on), Some(status)) if errors.is_empty() => Ok(ValidMeeting {
            held_on,
            status,
            agenda,
            minutes,
            attendance,
        }),
        _ => Err(errors),
    }
}

/// One member's row of radio buttons in the edit form.
struct AttendanceChoice {
    person_id: i64,
    name: String,
    role: String,
    employer: String,
    value: String,
}

#[derive(Template)]
#[template(path = "meeting_form.html")]
struct MeetingForm {
    page: Page,
    action: String,
    cancel: String,
    editing: bool,
    draft: MeetingDraft,
    statuses: Vec<(&'static str, String)>,
    choices: Vec<(&'static str, String)>,
    members: Vec<AttendanceChoice>,
    errors: Vec<(&'static str, String)>,
}

impl MeetingForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

fn messages(t: &Tr, errors: &FieldErrors) -> Vec<(&'static str, String)> {
    errors
        .0
        .iter()
        .map(|e| (e.field, t.t(&format!("field-error-{}", e.code))))
        .collect()
}

struct FormContext<'a> {
    group: &'a Group,
    region: &'a Region,
    user: &'a CurrentUser,
}

fn meeting_form(
    page: Page,
    ctx: &FormContext<'_>,
    meeting: Option<&Meeting>,
    draft: MeetingDraft,
    members: Vec<AttendanceChoice>,
    errors: &FieldErrors,
) -> MeetingForm {
    let t = page.t;
    let (title, action, cancel) = match meeting {
        Some(m) => (
            t.t2(
                "meeting-edit-title",
                ("group", &ctx.group.name),
                ("date", &m.held_on),
            ),
            format!("/meetings/{}/edit", m.id),
            format!("/meetings/{}", m.id),
        ),
        None => (
            t.t1("meeting-new-title", "group", &ctx.group.name),
            format!("/groups/{}/meetings/new", ctx.group.id),
            format!("/groups/{}/meetings", ctx.group.id),
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
    MeetingForm {
        page: decisions::framed(
            page.titled(title),
            ctx.user,
            ctx.region.id,
            &ctx.region.name,
            "groups",
        ),
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

async fn new_meeting_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (group, region) = editable_group(&state, &user, id).await?;
    let draft = MeetingDraft {
        status: MeetingStatus::Planned.code().into(),
        ..MeetingDraft::default()
    };
    let ctx = FormContext {
        group: &group,
        region: &region,
        user: &user,
    };
    html(meeting_form(
        page,
        &ctx,
        None,
        draft,
        Vec::new(),
        &FieldErrors::default(),
    ))
}

async fn create_meeting(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (group, region) = editable_group(&state, &user, id).await?;
    let draft = MeetingDraft::from_pairs(pairs);
    match validate(&draft, &[]) {
        Ok(v) => {
            let meeting_id = meetings::create(
                &state.db,
                &user.who(),
                group.id,
                v.held_on,
                v.status,
                v.agenda.as_deref(),
            )
            .await?;
            view::flash(&session, page.t.t("meeting-flash-created")).await;
            Ok(Redirect::to(&format!("/meetings/{meeting_id}")).into_response())
        }
        Err(errors) => {
            let ctx = FormContext {
                group: &group,
                region: &region,
                user: &user,
            };
            invalid(meeting_form(page, &ctx, None, draft, Vec::new(), &errors))
        }
    }
}

/// A meeting with its group, region and the audience of its minutes.
struct Loaded {
    meeting: Meeting,
    group: Group,
    region: Region,
    audience: MinutesAudience,
    can_edit: bool,
}

async fn load(state: &AppState, user: &CurrentUser, id: i64) -> Result<Loaded, AppError> {
    let meeting = meetings::get(&state.db, id).await?;
    let group = groups::get(&state.db, meeting.group_id).await?;
    let (all, region) = tokio::try_join!(
        groups::list(&state.db, Some(group.region_id)),
        regions::get(&state.db, group.region_id),
    )?;
    let audience = MinutesAudience::of(&group, &all);
    let can_edit = user
        .actor
        .can_edit_group(group.region_id, group.id, group.kind, &group.centre_ids);
    Ok(Loaded {
        meeting,
        group,
        region,
        audience,
        can_edit,
    })
}

/// A meeting the account may change (403 otherwise).
async fn editable(state: &AppState, user: &CurrentUser, id: i64) -> Result<Loaded, AppError> {
    let l = load(state, user, id).await?;
    require(l.can_edit)?;
    Ok(l)
}

fn attendance_choices(
    t: &Tr,
    members: &Members,
    day: NaiveDate,
    recorded: &HashMap<i64, AttendanceStatus>,
    draft: &MeetingDraft,
) -> Vec<AttendanceChoice> {
    members
        .lines(t, day, recorded)
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

async fn edit_meeting_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let l = editable(&state, &user, id).await?;
    let recorded = meetings::attendance(&state.db, id).await?;
    let members = Members::load(&state, &l.group).await?;
    let draft = MeetingDraft::of(&l.meeting, &recorded);
    let choices = attendance_choices(&page.t, &members, l.meeting.held_on, &recorded, &draft);
    let ctx = FormContext {
        group: &l.group,
        region: &l.region,
        user: &user,
    };
    html(meeting_form(
        page,
        &ctx,
        Some(&l.meeting),
        draft,
        choices,
        &FieldErrors::default(),
    ))
}

async fn update_meeting(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let l = editable(&state, &user, id).await?;
    let recorded = meetings::attendance(&state.db, id).await?;
    let members = Members::load(&state, &l.group).await?;
    let draft = MeetingDraft::from_pairs(pairs);
    let day = draft.date().unwrap_or(l.meeting.held_on);
    let mut allowed: Vec<i64> = members.seated_on(day).into_iter().map(|(p, _)| p).collect();
    allowed.extend(members.seated_on(l.meeting.held_on).into_iter().map(|(p, _)| p));
    allowed.extend(recorded.keys().copied());
    match validate(&draft, &allowed) {
        Ok(v) => {
            meetings::update(
                &state.db,
                &user.who(),
                id,
                v.held_on,
                v.status,
                v.agenda.as_deref(),
                v.minutes.as_deref(),
                &v.attendance,
            )
            .await?;
            view::flash(&session, page.t.t("flash-saved")).await;
            Ok(Redirect::to(&format!("/meetings/{id}")).into_response())
        }
        Err(errors) => {
            let choices = attendance_choices(&page.t, &members, day, &recorded, &draft);
            let ctx = FormContext {
                group: &l.group,
                region: &l.region,
                user: &user,
            };
            invalid(meeting_form(
                page,
                &ctx,
                Some(&l.meeting),
                draft,
                choices,
                &errors,
            ))
        }
    }
}

// ---------------------------------------------------------------------------
// The meeting's page

struct AttendanceLine {
    name: String,
    role: String,
    employer: String,
    status: String,
    status_code: &'static str,
}

/// The decision form as typed.
#[derive(Debug, Clone, Default)]
struct DecisionDraft {
    category: String,
    text: String,
    centre_ids: Vec<i64>,
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    page: Page,
    id: i64,
    group_id: i64,
    group_name: String,
    held_on: String,
    status: String,
    status_code: &'static str,
    minutes_state: String,
    agenda: Vec<String>,
    attendance: Vec<AttendanceLine>,
    attendance_summary: String,
    minutes_html: Option<String>,
    minutes_note: Option<String>,
    decisions: Vec<DecisionLine>,
    can_edit: bool,
    can_publish: bool,
    publish_error: Option<String>,
    categories: Vec<(&'static str, String)>,
    centres: Vec<(i64, String)>,
    draft: DecisionDraft,
    errors: Vec<(&'static str, String)>,
}

impl MeetingPage {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// What the meeting page shows besides the meeting: a failed publish or decision form.
#[derive(Default)]
struct Extra {
    draft: DecisionDraft,
    errors: FieldErrors,
    publish_error: Option<String>,
}

async fn meeting_page(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    l: Loaded,
    extra: Extra,
) -> Result<MeetingPage, AppError> {
    let published = l.meeting.minutes_published_on.is_some();
    require(may_open_meeting(&user.actor, &l.group, published, &l.audience))?;
    let t = page.t;
    let m = &l.meeting;
    let (recorded, all_decisions, centre_list) = tokio::try_join!(
        meetings::attendance(&state.db, m.id),
        meetings::decisions(&state.db, Some(l.group.region_id)),
        centres::list(&state.db, Some(l.group.region_id)),
    )?;
    let members = Members::load(state, &l.group).await?;
    let seated = members.seated_on(m.held_on);
    let attendance = members
        .lines(&t, m.held_on, &recorded)
        .into_iter()
        .map(|line| {
            let s = recorded.get(&line.person_id).copied();
            AttendanceLine {
                name: line.name,
                role: line.role,
                employer: line.employer,
                status: attendance_name(&t, s),
                status_code: s.map_or("unknown", |s| s.code()),
            }
        })
        .collect();
    let readable = may_read_minutes(&user.actor, &l.group, published, &l.audience);
    let (minutes_html, minutes_note) = match (has_minutes(m), readable) {
        (true, true) => (m.minutes_md.as_deref().map(render_markdown), None),
        (true, false) => (None, Some(t.t("meeting-minutes-not-published"))),
        (false, _) => (None, Some(t.t("meeting-minutes-none"))),
    };
    let names: HashMap<i64, String> = centre_list.iter().map(|c| (c.id, c.name.clone())).collect();
    let group_names: HashMap<i64, String> = HashMap::from([(l.group.id, l.group.name.clone())]);
    let decisions = decisions::lines(
        &t,
        all_decisions.iter().filter(|d| d.meeting_id == m.id),
        &names,
        &group_names,
    );
    let mut centres: Vec<(i64, String)> = l
        .audience
        .centre_ids
        .iter()
        .filter_map(|c| names.get(c).map(|n| (*c, n.clone())))
        .collect();
    centres.sort_by_cached_key(|(_, n)| samverka_core::text::sort_key(n));
    let can_publish =
        l.can_edit && m.status == MeetingStatus::Held && has_minutes(m) && m.minutes_published_on.is_none();
    let categories = DecisionCategory::ALL
        .iter()
        .map(|c| (c.code(), decisions::category_name(&t, *c)))
        .collect();
    Ok(MeetingPage {
        page: decisions::framed(
            page.titled(t.t2("meeting-title", ("group", &l.group.name), ("date", &m.held_on))),
            user,
            l.region.id,
            &l.region.name,
            "groups",
        ),
        id: m.id,
        group_id: l.group.id,
        group_name: l.group.name.clone(),
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
        attendance_summary: attendance_summary(&t, &seated, &recorded),
        minutes_html,
        minutes_note,
        decisions,
        can_edit: l.can_edit,
        can_publish,
        publish_error: extra.publish_error,
        categories,
        centres,
        draft: extra.draft,
        errors: messages(&t, &extra.errors),
    })
}

async fn show_meeting(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let l = load(&state, &user, id).await?;
    html(meeting_page(&state, &user, page, l, Extra::default()).await?)
}

// ---------------------------------------------------------------------------
// Publishing

/// The notice one recipient gets when minutes are published (always in Swedish).
fn notice(public_url: &str, group: &Group, meeting: &Meeting, to: &str) -> Mail {
    let t = Tr::new(Lang::Sv);
    let link = format!("{}/meetings/{}", public_url.trim_end_matches('/'), meeting.id);
    let date = meeting.held_on.to_string();
    Mail {
        to: to.to_string(),
        subject: t.t2("meeting-notice-subject", ("group", &group.name), ("date", &date)),
        body: t.args(
            "meeting-notice-body",
            &[
                ("group", group.name.clone()),
                ("date", date.clone()),
                ("link", link),
            ],
        ),
    }
}

async fn publish_minutes(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let l = editable(&state, &user, id).await?;
    let m = &l.meeting;
    let refusal = if m.minutes_published_on.is_some() {
        Some("meeting-publish-already")
    } else if m.status != MeetingStatus::Held {
        Some("meeting-publish-not-held")
    } else if !has_minutes(m) {
        Some("meeting-publish-no-minutes")
    } else {
        None
    };
    if let Some(key) = refusal {
        let extra = Extra {
            publish_error: Some(page.t.t(key)),
            ..Extra::default()
        };
        return invalid(meeting_page(&state, &user, page, l, extra).await?);
    }
    let on = today();
    let recipients = meetings::notice_recipients(&state.db, l.group.id, on).await?;
    let notices: Vec<Mail> = recipients
        .iter()
        .map(|to| notice(&state.config.public_url, &l.group, m, to))
        .collect();
    meetings::publish(&state.db, &user.who(), id, on, &notices).await?;
    view::flash(
        &session,
        page.t.t1("meeting-flash-published", "count", notices.len()),
    )
    .await;
    Ok(Redirect::to(&format!("/meetings/{id}")).into_response())
}

// ---------------------------------------------------------------------------
// Decisions

async fn add_decision(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let l = editable(&state, &user, id).await?;
    if l.meeting.status == MeetingStatus::Cancelled {
        return Err(AppError::Conflict("cancelled".into()));
    }
    let mut draft = DecisionDraft::default();
    let mut errors = FieldErrors::default();
    for (k, v) in pairs {
        match k.as_str() {
            "category" => draft.category = v,
            "text" => draft.text = v,
            "centre_ids" => match v.trim().parse::<i64>() {
                Ok(c) if l.audience.centre_ids.contains(&c) => draft.centre_ids.push(c),
                _ => errors.add("decision-centres", "invalid-choice"),
            },
            _ => {}
        }
    }
    let category = DecisionCategory::parse(&draft.category);
    if category.is_none() {
        errors.add(
            "decision-category",
            if draft.category.trim().is_empty() {
                "required"
            } else {
                "invalid-choice"
            },
        );
    }
    let text = required_text(&mut errors, "decision-text", &draft.text, DECISION_MAX);
    match category {
        Some(category) if errors.is_empty() => {
            draft.centre_ids.sort_unstable();
            draft.centre_ids.dedup();
            meetings::add_decision(&state.db, &user.who(), id, category, &text, &draft.centre_ids).await?;
            view::flash(&session, page.t.t("meeting-flash-decision")).await;
            Ok(Redirect::to(&format!("/meetings/{id}#decisions")).into_response())
        }
        _ => {
            let extra = Extra {
                draft,
                errors,
                publish_error: None,
            };
            invalid(meeting_page(&state, &user, page, l, extra).await?)
        }
    }
}

#[cfg(test)]
mod tests {
    use samverka_core::governance::GroupKind;
    use samverka_core::{Grant, Seat};

    use super::*;

    const REGION: i64 = 1;
    const STEERING: i64 = 10;
    const MGMT_SAVJA: i64 = 20;
    const MGMT_OTHER: i64 = 30;
    const SAVJA: i64 = 100;
    const GIMO: i64 = 101;
    const HEBY: i64 = 102;

    fn steering() -> Group {
        Group {
            id: STEERING,
            region_id: REGION,
            kind: GroupKind::Steering,
            name: "Styrgrupp".into(),
            municipality_id: None,
            reports_to: None,
            health_forum: false,
            closed_on: None,
            centre_ids: vec![SAVJA, GIMO],
        }
    }

    fn audience() -> MinutesAudience {
        MinutesAudience {
            centre_ids: vec![SAVJA, GIMO],
            management_group_ids: vec![MGMT_SAVJA],
        }
    }

    fn seat(group_id: i64, kind: GroupKind, centres: Vec<i64>) -> Seat {
        Seat {
            group_id,
            group_kind: kind,
            region_id: REGION,
            centre_ids: centres,
        }
    }

    fn actor(grants: Vec<Grant>, seats: Vec<Seat>) -> Actor {
        Actor {
            user_id: 1,
            grants,
            seats,
        }
    }

    fn grant(role: Role, centre: Option<i64>) -> Grant {
        Grant {
            role,
            region_id: Some(REGION),
            centre_id: centre,
        }
    }

    #[test]
    fn unpublished_minutes_are_for_those_who_edit_the_group_only() {
        let g = steering();
        let a = audience();
        let county = actor(vec![grant(Role::CountyCoordinator, None)], vec![]);
        let member = actor(
            vec![],
            vec![seat(STEERING, GroupKind::Steering, vec![SAVJA, GIMO])],
        );
        let reader = actor(vec![grant(Role::Reader, None)], vec![]);
        let local_savja = actor(vec![grant(Role::LocalCoordinator, Some(SAVJA))], vec![]);
        let manager = actor(vec![], vec![seat(MGMT_SAVJA, GroupKind::Management, vec![SAVJA])]);
        assert!(may_read_minutes(&county, &g, false, &a));
        assert!(may_read_minutes(&member, &g, false, &a));
        assert!(
            !may_read_minutes(&reader, &g, false, &a),
            "a reader may see the meeting, not draft minutes"
        );
        assert!(
            !may_read_minutes(&local_savja, &g, false, &a),
            "coordinators do not prepare the steering group"
        );
        assert!(!may_read_minutes(&manager, &g, false, &a));
    }

    #[test]
    fn published_minutes_reach_the_coordinators_and_managers_of_governed_centres() {
        let g = steering();
        let a = audience();
        let reader = actor(vec![grant(Role::Reader, None)], vec![]);
        let local_gimo = actor(vec![grant(Role::LocalCoordinator, Some(GIMO))], vec![]);
        let manager = actor(vec![], vec![seat(MGMT_SAVJA, GroupKind::Management, vec![SAVJA])]);
        assert!(may_read_minutes(&reader, &g, true, &a));
        assert!(may_read_minutes(&local_gimo, &g, true, &a));
        assert!(may_read_minutes(&manager, &g, true, &a));
        assert!(may_open_meeting(&manager, &g, true, &a));
        assert!(
            !may_open_meeting(&manager, &g, false, &a),
            "before publishing the page is closed to them"
        );
    }

    #[test]
    fn published_minutes_stay_closed_to_everyone_else() {
        let g = steering();
        let a = audience();
        let nobody = actor(vec![], vec![]);
        let other_manager = actor(vec![], vec![seat(MGMT_OTHER, GroupKind::Management, vec![HEBY])]);
        let local_heby_elsewhere = Actor {
            user_id: 3,
            grants: vec![Grant {
                role: Role::LocalCoordinator,
                region_id: Some(2),
                centre_id: Some(SAVJA),
            }],
            seats: vec![],
        };
        assert!(!may_read_minutes(&nobody, &g, true, &a));
        assert!(!may_read_minutes(&other_manager, &g, true, &a));
        assert!(
            !may_read_minutes(&local_heby_elsewhere, &g, true, &a),
            "a grant in another region does not count, even for the same centre id"
        );
        assert!(!may_open_meeting(&other_manager, &g, true, &a));
    }

    #[test]
    fn scripts_in_minutes_come_out_inert() {
        let html = render_markdown(
            "# Protokoll\n\n<script>alert('x')</script>\n\n[länk](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n**Beslut:** budget",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("<strong>Beslut:</strong>"), "{html}");
        assert!(
            html.contains("<h3>Protokoll</h3>"),
            "headings sit under the page's own: {html}"
        );
    }

    #[test]
    fn the_notice_names_the_group_and_the_date_and_links_to_the_meeting() {
        let meeting = Meeting {
            id: 42,
            group_id: STEERING,
            held_on: NaiveDate::from_ymd_opt(2025, 3, 10).expect("date"),
            status: MeetingStatus::Held,
            agenda: None,
            minutes_md: Some("Protokoll".into()),
            minutes_published_on: None,
        };
        let m = notice("https://samverka.region.se/", &steering(), &meeting, "a@b.se");
        assert_eq!(m.to, "a@b.se");
        assert!(
            m.subject.contains("Styrgrupp") && m.subject.contains("2025-03-10"),
            "{}",
            m.subject
        );
        assert!(
            m.body.contains("https://samverka.region.se/meetings/42\n"),
            "{}",
            m.body
        );
        assert!(
            m.body.contains("Hej!\n\nProtokollet"),
            "paragraphs are kept: {}",
            m.body
        );
    }

    #[test]
    fn a_held_meeting_cannot_be_in_the_future_and_attendance_is_checked() {
        let future = (today() + chrono::Days::new(3)).to_string();
        let d = MeetingDraft {
            held_on: future.clone(),
            status: "held".into(),
            ..MeetingDraft::default()
        };
        let e = validate(&d, &[]).err().expect("refused");
        assert_eq!(e.get("held_on"), Some("meeting-held-in-future"));
        let planned = MeetingDraft {
            held_on: future,
            status: "planned".into(),
            attendance: HashMap::from([(1, "present".into()), (2, "absent".into()), (3, "maybe".into())]),
            ..MeetingDraft::default()
        };
        let e = validate(&planned, &[1, 3]).err().expect("bad attendance refused");
        assert_eq!(e.get("attendance"), Some("invalid-choice"));
        let fine = MeetingDraft {
            attendance: HashMap::from([(1, "present".into()), (2, "absent".into()), (4, String::new())]),
            ..planned
        };
        let v = validate(&fine, &[1, 4]).expect("valid");
        assert_eq!(
            v.attendance,
            vec![(1, AttendanceStatus::Present)],
            "only members, only recorded answers"
        );
    }
}
