//! The region's registry of people, filterable by kind of assignment.

use super::*;

/// One assignment in a list.
pub(super) struct AssignmentLine {
    pub(super) id: i64,
    pub(super) kind: String,
    pub(super) place: String,
    pub(super) place_href: Option<String>,
    pub(super) scope: String,
    pub(super) starts_on: String,
    pub(super) ends_on: Option<String>,
    pub(super) status: String,
    pub(super) introduction: Option<String>,
    pub(super) introduction_late: bool,
    pub(super) can_end: bool,
}

pub(super) struct PersonLine {
    pub(super) id: i64,
    pub(super) name: String,
    pub(super) erased: bool,
    pub(super) current: Vec<AssignmentLine>,
    pub(super) email: Option<String>,
    pub(super) phone: Option<String>,
    pub(super) employer: String,
}

#[derive(Template)]
#[template(path = "people.html")]
pub(super) struct PeoplePage {
    pub(super) page: Page,
    pub(super) region_id: i64,
    pub(super) people: Vec<PersonLine>,
    pub(super) kinds: Vec<(&'static str, String)>,
    pub(super) kind: String,
    pub(super) can_manage: bool,
    pub(super) contact_kinds: Vec<(&'static str, String)>,
}

#[derive(Deserialize, Default)]
pub(super) struct KindQuery {
    #[serde(default)]
    pub(super) kind: String,
}

pub(super) fn all_kinds(t: &Tr) -> Vec<(&'static str, String)> {
    AssignmentKind::ALL
        .iter()
        .map(|k| (k.code(), kind_name(t, *k)))
        .collect()
}

/// The group kinds the contact list can be filtered by.
pub(crate) fn contact_kinds(t: &Tr) -> Vec<(&'static str, String)> {
    GroupKind::ALL
        .iter()
        .map(|k| (k.code(), group_kind_name(t, *k)))
        .collect()
}

pub(super) async fn viewable(
    state: &AppState,
    user: &CurrentUser,
    region_id: i64,
) -> Result<Region, AppError> {
    crate::pages::viewable_region(state, user, region_id).await
}

pub(super) async fn list_people(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<KindQuery>,
) -> Result<Response, AppError> {
    let region = viewable(&state, &user, id).await?;
    let t = page.t;
    let filter = AssignmentKind::parse(&q.kind);
    let (people_list, all, places) = tokio::try_join!(
        async { Ok::<_, AppError>(people::list(&state.db, region.id).await?) },
        async { Ok::<_, AppError>(assignments::list(&state.db, Some(region.id)).await?) },
        Places::load(&state, region.id),
    )?;
    let day = today();
    let mut by_person: HashMap<i64, Vec<&Assignment>> = HashMap::new();
    for a in all.iter().filter(|a| a.active_on(day)) {
        by_person.entry(a.person_id).or_default().push(a);
    }
    let missing = t.t("value-missing");
    let lines = people_list
        .iter()
        .filter(|p| {
            filter.is_none_or(|k| {
                by_person
                    .get(&p.id)
                    .is_some_and(|v| v.iter().any(|a| a.kind == k))
            })
        })
        .map(|p| {
            let current = by_person
                .get(&p.id)
                .map(|v| {
                    v.iter()
                        .map(|a| line(&t, a, &places, None, day, 0, false))
                        .collect()
                })
                .unwrap_or_default();
            PersonLine {
                id: p.id,
                name: display_name(&t, p),
                erased: p.erased,
                current,
                email: p.email.clone(),
                phone: p.phone.clone(),
                employer: employer_of(&t, p).unwrap_or_else(|| missing.clone()),
            }
        })
        .collect();
    let can_manage = user.actor.can_manage_region(region.id);
    html(PeoplePage {
        page: page
            .titled(t.t("people-title"))
            .in_region(region.id, &region.name, can_manage, "people"),
        region_id: region.id,
        people: lines,
        kinds: all_kinds(&t),
        kind: filter.map(|k| k.code().to_string()).unwrap_or_default(),
        can_manage,
        contact_kinds: contact_kinds(&t),
    })
}

/// One assignment as a line, with its introduction when it needs one.
pub(super) fn line(
    t: &Tr,
    a: &Assignment,
    places: &Places,
    introduced: Option<&HashMap<i64, NaiveDate>>,
    day: NaiveDate,
    within_days: i64,
    can_end: bool,
) -> AssignmentLine {
    let (place, place_href) = places.of(t, a);
    let status = if a.starts_on > day {
        t.t1("people-status-planned", "date", a.starts_on)
    } else if a.ends_on.is_some_and(|e| e < day) {
        t.t("people-status-ended")
    } else {
        t.t("people-status-current")
    };
    let (introduction, introduction_late) = match (introduced, Responsible::for_kind(a.kind)) {
        (Some(map), Some(who)) => {
            let state = IntroductionState::of(a.starts_on, map.get(&a.id).copied(), within_days, day);
            let by = t.t(&format!("people-intro-by-{}", who.code()));
            let text = match state {
                IntroductionState::Done { on } => t.t1("people-intro-done", "date", on),
                IntroductionState::DoneLate { on, due } => t.args(
                    "people-intro-late",
                    &[("date", on.to_string()), ("due", due.to_string())],
                ),
                IntroductionState::Pending { due } => t.t1("people-intro-pending", "due", due),
                IntroductionState::Overdue { due } => t.t1("people-intro-overdue", "due", due),
            };
            (Some(format!("{text} {by}")), state.is_late())
        }
        _ => (None, false),
    };
    AssignmentLine {
        id: a.id,
        kind: kind_name(t, a.kind),
        place,
        place_href,
        scope: scope_text(t, a),
        starts_on: a.starts_on.to_string(),
        ends_on: a.ends_on.map(|d| d.to_string()),
        status,
        introduction,
        introduction_late,
        can_end,
    }
}
