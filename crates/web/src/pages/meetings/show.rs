//! A meeting's page: agenda, attendance, minutes (Markdown, sanitised) and decisions.

use super::*;

pub(super) struct AttendanceLine {
    pub(super) name: String,
    pub(super) role: String,
    pub(super) employer: String,
    pub(super) status: String,
    pub(super) status_code: &'static str,
}

/// The decision form as typed.
#[derive(Debug, Clone, Default)]
pub(super) struct DecisionDraft {
    pub(super) category: String,
    pub(super) text: String,
    pub(super) centre_ids: Vec<i64>,
}

#[derive(Template)]
#[template(path = "meeting.html")]
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
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// What the meeting page shows besides the meeting: a failed publish or decision form.
#[derive(Default)]
pub(super) struct Extra {
    pub(super) draft: DecisionDraft,
    pub(super) errors: FieldErrors,
    pub(super) publish_error: Option<String>,
}

pub(super) async fn meeting_page(
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
        errors: crate::view::field_messages(&t, &extra.errors),
    })
}

pub(super) async fn show_meeting(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let l = load(&state, &user, id).await?;
    html(meeting_page(&state, &user, page, l, Extra::default()).await?)
}
