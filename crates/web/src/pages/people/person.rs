//! A person's page: details, the whole assignment history and introductions.

use super::*;

#[derive(Template)]
#[template(path = "person.html")]
pub(super) struct PersonPage {
    pub(super) page: Page,
    pub(super) id: i64,
    pub(super) erased: bool,
    pub(super) email: Option<String>,
    pub(super) phone: Option<String>,
    pub(super) profession: Option<String>,
    pub(super) employer: Option<String>,
    pub(super) unit: Option<String>,
    pub(super) account: Option<String>,
    pub(super) current: Vec<AssignmentLine>,
    pub(super) ended: Vec<AssignmentLine>,
    pub(super) can_manage: bool,
    pub(super) can_add: bool,
    pub(super) today: String,
    /// A rejected end date: assignment id, value sent, message.
    pub(super) end_error: Option<(i64, String, String)>,
    pub(super) errors: Vec<(String, String)>,
}

impl PersonPage {
    fn end_error_for(&self, id: &i64) -> Option<&String> {
        self.end_error
            .as_ref()
            .filter(|(a, _, _)| a == id)
            .map(|(_, _, m)| m)
    }

    fn end_value_for(&self, id: &i64) -> String {
        self.end_error
            .as_ref()
            .filter(|(a, _, _)| a == id)
            .map(|(_, v, _)| v.clone())
            .unwrap_or_else(|| self.today.clone())
    }
}

/// The centres in a region whose staff the account may add: all for those
/// who manage it, a local coordinator's own centres otherwise.
pub(super) async fn staff_centres(
    state: &AppState,
    user: &CurrentUser,
    region_id: i64,
) -> Result<Vec<(i64, String)>, AppError> {
    let list = centres::list(&state.db, Some(region_id)).await?;
    Ok(list
        .into_iter()
        .filter(|c| c.closed_on.is_none() && user.actor.can_edit_centre(region_id, c.id))
        .map(|c| (c.id, c.name))
        .collect())
}

/// Whether the account is a local coordinator in the region (and so may add staff).
pub(super) fn is_local_coordinator(user: &CurrentUser, region_id: i64) -> bool {
    user.actor
        .grants
        .iter()
        .any(|g| g.role == Role::LocalCoordinator && g.region_id == Some(region_id))
}

pub(super) async fn person_page(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    person: &Person,
    end_error: Option<(i64, String, String)>,
) -> Result<PersonPage, AppError> {
    let region = regions::get(&state.db, person.region_id).await?;
    let t = page.t;
    let (history, introduced, places) = tokio::try_join!(
        async { Ok::<_, AppError>(assignments::of_person(&state.db, person.id).await?) },
        async { Ok::<_, AppError>(introductions::introduced_on(&state.db, Some(region.id)).await?) },
        Places::load(state, region.id),
    )?;
    let can_manage = user.actor.can_manage_region(region.id);
    let day = today();
    let within = region.governance.introduction_within_days;
    let may_end = |a: &Assignment| {
        !person.erased
            && (can_manage
                || (a.kind == AssignmentKind::StaffMember
                    && a.centre_id
                        .is_some_and(|c| user.actor.can_edit_centre(region.id, c))))
    };
    let mut current = Vec::new();
    let mut ended = Vec::new();
    for a in history.iter().rev() {
        let is_ended = a.ends_on.is_some_and(|e| e < day);
        let l = line(
            &t,
            a,
            &places,
            Some(&introduced),
            day,
            within,
            !is_ended && may_end(a),
        );
        if is_ended { ended.push(l) } else { current.push(l) }
    }
    let unit = match person.unit_id {
        Some(u) => Some(unit_label(&t, &centres::get_unit(&state.db, u).await?, &places)),
        None => None,
    };
    let account = match person.user_id {
        Some(u) if can_manage => users::get(&state.db, u)
            .await
            .ok()
            .map(|u| format!("{} ({})", u.name, u.email)),
        _ => None,
    };
    let errors = end_error
        .as_ref()
        .map(|(id, _, m)| vec![(format!("ends_on-{id}"), m.clone())])
        .unwrap_or_default();
    let can_add = !person.erased && (can_manage || is_local_coordinator(user, region.id));
    Ok(PersonPage {
        page: page
            .titled(display_name(&t, person))
            .in_region(region.id, &region.name, can_manage, "people"),
        id: person.id,
        erased: person.erased,
        email: person.email.clone(),
        phone: person.phone.clone(),
        profession: person.profession.clone(),
        employer: employer_of(&t, person),
        unit,
        account,
        current,
        ended,
        can_manage,
        can_add,
        today: day.to_string(),
        end_error,
        errors,
    })
}

pub(super) fn unit_label(t: &Tr, u: &samverka_core::Unit, places: &Places) -> String {
    let service = view::service_name(t, u.service);
    let name = u.name.clone().unwrap_or(service);
    match places.centres.get(&u.centre_id) {
        Some(c) => format!("{name} – {c}"),
        None => name,
    }
}

/// A person the account may read, with their region.
pub(super) async fn viewable_person(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<Person, AppError> {
    let p = people::get(&state.db, id).await?;
    require(user.actor.can_view_region(p.region_id))?;
    Ok(p)
}

/// A person the account may change (county coordinators and admins).
pub(super) async fn managed_person(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<Person, AppError> {
    let p = people::get(&state.db, id).await?;
    require(user.actor.can_manage_region(p.region_id))?;
    Ok(p)
}

pub(super) async fn show_person(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let p = viewable_person(&state, &user, id).await?;
    html(person_page(&state, &user, page, &p, None).await?)
}
