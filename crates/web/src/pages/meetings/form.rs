//! The meeting form: a new meeting, and editing date, status, agenda, minutes and attendance.

use super::*;

/// A meeting as typed into the form.
#[derive(Debug, Clone, Default)]
pub(super) struct MeetingDraft {
    pub(super) held_on: String,
    pub(super) status: String,
    pub(super) agenda: String,
    pub(super) minutes: String,
    /// Person id → `present`, `absent`, `excused` or empty (not recorded).
    pub(super) attendance: HashMap<i64, String>,
}

impl MeetingDraft {
    pub(super) fn from_pairs(pairs: Vec<(String, String)>) -> MeetingDraft {
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

    pub(super) fn of(m: &Meeting, recorded: &HashMap<i64, AttendanceStatus>) -> MeetingDraft {
        MeetingDraft {
            held_on: m.held_on.to_string(),
            status: m.status.code().into(),
            agenda: m.agenda.clone().unwrap_or_default(),
            minutes: m.minutes_md.clone().unwrap_or_default(),
            attendance: recorded.iter().map(|(p, s)| (*p, s.code().to_string())).collect(),
        }
    }

    pub(super) fn date(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(self.held_on.trim(), "%Y-%m-%d").ok()
    }
}

/// A checked meeting, ready for the store.
pub(super) struct ValidMeeting {
    pub(super) held_on: NaiveDate,
    pub(super) status: MeetingStatus,
    pub(super) agenda: Option<String>,
    pub(super) minutes: Option<String>,
    pub(super) attendance: Vec<(i64, AttendanceStatus)>,
}

/// Checks a draft. Attendance is kept only for `allowed` people.
pub(super) fn validate(d: &MeetingDraft, allowed: &[i64]) -> Result<ValidMeeting, FieldErrors> {
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
pub(super) struct AttendanceChoice {
    pub(super) person_id: i64,
    pub(super) name: String,
    pub(super) role: String,
    pub(super) employer: String,
    pub(super) value: String,
}

#[derive(Template)]
#[template(path = "meeting_form.html")]
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
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

pub(super) struct FormContext<'a> {
    pub(super) group: &'a Group,
    pub(super) region: &'a Region,
    pub(super) user: &'a CurrentUser,
}

pub(super) fn meeting_form(
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
        errors: crate::view::field_messages(&t, errors),
    }
}

pub(super) async fn new_meeting_form(
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

pub(super) async fn create_meeting(
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
pub(super) struct Loaded {
    pub(super) meeting: Meeting,
    pub(super) group: Group,
    pub(super) region: Region,
    pub(super) audience: MinutesAudience,
    pub(super) can_edit: bool,
}

pub(super) async fn load(state: &AppState, user: &CurrentUser, id: i64) -> Result<Loaded, AppError> {
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
pub(super) async fn editable(state: &AppState, user: &CurrentUser, id: i64) -> Result<Loaded, AppError> {
    let l = load(state, user, id).await?;
    require(l.can_edit)?;
    Ok(l)
}

pub(super) fn attendance_choices(
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

pub(super) async fn edit_meeting_form(
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

pub(super) async fn update_meeting(
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
