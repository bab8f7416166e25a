//! Adding and ending assignments.

use super::*;

/// The assignment form as sent.
#[derive(Deserialize, Default, Clone)]
pub(super) struct AssignmentDraft {
    #[serde(default)]
    pub(super) kind: String,
    #[serde(default)]
    pub(super) centre_id: String,
    #[serde(default)]
    pub(super) group_id: String,
    #[serde(default)]
    pub(super) share_percent: String,
    #[serde(default)]
    pub(super) paid_by: String,
    #[serde(default)]
    pub(super) hours_per_week: String,
    #[serde(default)]
    pub(super) starts_on: String,
    #[serde(default)]
    pub(super) ends_on: String,
}

/// What the assignment form offers for one kind.
pub(super) struct AssignmentChoices {
    pub(super) centres: Vec<(String, String)>,
    pub(super) groups: Vec<(String, String)>,
}

/// The group kind a kind of assignment may name: its seat's group, or the
/// coordinators' network for coordinators (optional).
pub(super) fn group_kind_for(kind: AssignmentKind) -> Option<GroupKind> {
    kind.group_kind().or(match kind {
        AssignmentKind::LocalCoordinator | AssignmentKind::CountyCoordinator => {
            Some(GroupKind::CoordinatorNetwork)
        }
        _ => None,
    })
}

impl AssignmentDraft {
    fn validate(
        &self,
        person: &Person,
        kind: AssignmentKind,
        choices: &AssignmentChoices,
    ) -> Result<Assignment, FieldErrors> {
        let mut errors = FieldErrors::default();
        let centre_id = if kind.is_centre_role() {
            let c = choice(&mut errors, "centre_id", &self.centre_id, &choices.centres);
            if c.is_none() && errors.get("centre_id").is_none() {
                errors.add("centre_id", "required");
            }
            c
        } else {
            None
        };
        let group_id = if group_kind_for(kind).is_some() {
            let g = choice(&mut errors, "group_id", &self.group_id, &choices.groups);
            if kind.group_kind().is_some() && g.is_none() && errors.get("group_id").is_none() {
                errors.add("group_id", "required");
            }
            g
        } else {
            None
        };
        let (share_percent, paid_by) = if kind.has_share() {
            let share = match self.share_percent.trim().trim_end_matches('%').trim() {
                "" => None,
                v => match v.parse::<i64>() {
                    Ok(n) if (1..=100).contains(&n) => Some(n),
                    _ => {
                        errors.add("share_percent", "invalid-percent");
                        None
                    }
                },
            };
            (share, optional_text(&mut errors, "paid_by", &self.paid_by, 200))
        } else {
            (None, None)
        };
        let minutes_per_week = if kind == AssignmentKind::StaffMember {
            optional_hours(&mut errors, "hours_per_week", &self.hours_per_week)
        } else {
            None
        };
        let starts_on = optional_date(&mut errors, "starts_on", &self.starts_on);
        if starts_on.is_none() && errors.get("starts_on").is_none() {
            errors.add("starts_on", "required");
        }
        let ends_on = optional_date(&mut errors, "ends_on", &self.ends_on);
        if let (Some(s), Some(e)) = (starts_on, ends_on)
            && e < s
        {
            errors.add("ends_on", "end-before-start");
        }
        let Some(starts_on) = starts_on else {
            return Err(errors);
        };
        errors.into_result(Assignment {
            id: 0,
            person_id: person.id,
            kind,
            region_id: person.region_id,
            centre_id,
            group_id,
            share_percent,
            paid_by,
            minutes_per_week,
            starts_on,
            ends_on,
        })
    }
}

#[derive(Template)]
#[template(path = "person_assignment_form.html")]
pub(super) struct AssignmentForm {
    pub(super) page: Page,
    pub(super) person_id: i64,
    /// The kinds offered when none is chosen yet.
    pub(super) kinds: Vec<(&'static str, String)>,
    /// The chosen kind's code and name.
    pub(super) kind: Option<(&'static str, String)>,
    pub(super) show_centre: bool,
    pub(super) show_group: bool,
    pub(super) group_required: bool,
    pub(super) show_share: bool,
    pub(super) show_hours: bool,
    pub(super) suggest_year: bool,
    pub(super) centres: Vec<(String, String)>,
    pub(super) groups: Vec<(String, String)>,
    pub(super) draft: AssignmentDraft,
    pub(super) errors: Vec<(&'static str, String)>,
}

impl AssignmentForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// Who may add assignments to a person, and which kinds.
pub(super) struct AssignmentRights {
    pub(super) person: Person,
    pub(super) region: Region,
    pub(super) manage: bool,
    /// Centres the account may add staff to.
    pub(super) staff_centres: Vec<(i64, String)>,
}

impl AssignmentRights {
    fn kinds(&self) -> Vec<AssignmentKind> {
        if self.manage {
            AssignmentKind::ALL.to_vec()
        } else {
            vec![AssignmentKind::StaffMember]
        }
    }
}

pub(super) async fn assignment_rights(
    state: &AppState,
    user: &CurrentUser,
    person_id: i64,
) -> Result<AssignmentRights, AppError> {
    let person = people::get(&state.db, person_id).await?;
    let region = regions::get(&state.db, person.region_id).await?;
    require(user.actor.can_view_region(region.id))?;
    let manage = user.actor.can_manage_region(region.id);
    let staff_centres = staff_centres(state, user, region.id).await?;
    require(manage || (is_local_coordinator(user, region.id) && !staff_centres.is_empty()))?;
    if person.erased {
        return Err(AppError::Conflict("erased".into()));
    }
    Ok(AssignmentRights {
        person,
        region,
        manage,
        staff_centres,
    })
}

pub(super) async fn assignment_choices(
    state: &AppState,
    rights: &AssignmentRights,
    kind: AssignmentKind,
) -> Result<AssignmentChoices, AppError> {
    let centres = if kind.is_centre_role() {
        if kind == AssignmentKind::StaffMember {
            rights
                .staff_centres
                .iter()
                .map(|(id, n)| (id.to_string(), n.clone()))
                .collect()
        } else {
            centres::list(&state.db, Some(rights.region.id))
                .await?
                .into_iter()
                .filter(|c| c.closed_on.is_none())
                .map(|c| (c.id.to_string(), c.name))
                .collect()
        }
    } else {
        Vec::new()
    };
    let groups = match group_kind_for(kind) {
        Some(gk) => groups::list(&state.db, Some(rights.region.id))
            .await?
            .into_iter()
            .filter(|g| g.kind == gk && g.closed_on.is_none())
            .map(|g| (g.id.to_string(), g.name))
            .collect(),
        None => Vec::new(),
    };
    Ok(AssignmentChoices { centres, groups })
}

pub(super) fn assignment_form(
    page: Page,
    rights: &AssignmentRights,
    kind: Option<AssignmentKind>,
    choices: AssignmentChoices,
    draft: AssignmentDraft,
    errors: Vec<(&'static str, String)>,
) -> AssignmentForm {
    let t = page.t;
    let title = t.t1(
        "people-assignment-new-title",
        "name",
        display_name(&t, &rights.person),
    );
    AssignmentForm {
        page: page
            .titled(title)
            .in_region(rights.region.id, &rights.region.name, rights.manage, "people"),
        person_id: rights.person.id,
        kinds: rights
            .kinds()
            .into_iter()
            .map(|k| (k.code(), kind_name(&t, k)))
            .collect(),
        kind: kind.map(|k| (k.code(), kind_name(&t, k))),
        show_centre: kind.is_some_and(AssignmentKind::is_centre_role),
        show_group: kind.is_some_and(|k| group_kind_for(k).is_some()),
        group_required: kind.is_some_and(|k| k.group_kind().is_some()),
        show_share: kind.is_some_and(AssignmentKind::has_share),
        show_hours: kind == Some(AssignmentKind::StaffMember),
        suggest_year: kind == Some(AssignmentKind::ManagementChair),
        centres: choices.centres,
        groups: choices.groups,
        draft,
        errors,
    }
}

pub(super) async fn new_assignment_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<KindQuery>,
) -> Result<Response, AppError> {
    let rights = assignment_rights(&state, &user, id).await?;
    let offered = rights.kinds();
    let kind = AssignmentKind::parse(&q.kind)
        .filter(|k| offered.contains(k))
        .or_else(|| (offered.len() == 1).then(|| offered[0]));
    let choices = match kind {
        Some(k) => assignment_choices(&state, &rights, k).await?,
        None => AssignmentChoices {
            centres: Vec::new(),
            groups: Vec::new(),
        },
    };
    let draft = AssignmentDraft {
        kind: kind.map(|k| k.code().to_string()).unwrap_or_default(),
        starts_on: today().to_string(),
        ..AssignmentDraft::default()
    };
    html(assignment_form(page, &rights, kind, choices, draft, Vec::new()))
}

pub(super) async fn create_assignment(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<AssignmentDraft>,
) -> Result<Response, AppError> {
    let rights = assignment_rights(&state, &user, id).await?;
    let kind = AssignmentKind::parse(&draft.kind);
    if !rights.manage {
        // A local coordinator adds staff, at their own centres only.
        require(kind == Some(AssignmentKind::StaffMember))?;
        if let Ok(c) = draft.centre_id.trim().parse::<i64>() {
            require(rights.staff_centres.iter().any(|(id, _)| *id == c))?;
        }
    }
    let t = page.t;
    let Some(kind) = kind else {
        let mut errors = FieldErrors::default();
        errors.add("kind", "required");
        let choices = AssignmentChoices {
            centres: Vec::new(),
            groups: Vec::new(),
        };
        return invalid(assignment_form(
            page,
            &rights,
            None,
            choices,
            draft,
            messages(&t, &errors),
        ));
    };
    let choices = assignment_choices(&state, &rights, kind).await?;
    match draft.validate(&rights.person, kind, &choices) {
        Ok(a) => {
            assignments::create(&state.db, &user.who(), &a).await?;
            view::flash(&session, t.t("people-flash-assignment-added")).await;
            Ok(Redirect::to(&format!("/people/{id}")).into_response())
        }
        Err(errors) => invalid(assignment_form(
            page,
            &rights,
            Some(kind),
            choices,
            draft,
            messages(&t, &errors),
        )),
    }
}

#[derive(Deserialize)]
pub(super) struct EndForm {
    #[serde(default)]
    pub(super) ends_on: String,
}

pub(super) async fn end_assignment(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<EndForm>,
) -> Result<Response, AppError> {
    let a = assignments::get(&state.db, id).await?;
    require(user.actor.can_view_region(a.region_id))?;
    let allowed = user.actor.can_manage_region(a.region_id)
        || (a.kind == AssignmentKind::StaffMember
            && a.centre_id
                .is_some_and(|c| user.actor.can_edit_centre(a.region_id, c)));
    require(allowed)?;
    let person = people::get(&state.db, a.person_id).await?;
    let t = page.t;
    let mut errors = FieldErrors::default();
    let on = optional_date(&mut errors, "ends_on", &form.ends_on);
    match on {
        Some(d) if d >= a.starts_on => {
            assignments::end(&state.db, &user.who(), id, d).await?;
            view::flash(&session, t.t("people-flash-assignment-ended")).await;
            Ok(Redirect::to(&format!("/people/{}", person.id)).into_response())
        }
        other => {
            let code = match other {
                Some(_) => "end-before-start",
                None if errors.is_empty() => "required",
                None => "invalid-date",
            };
            let mut e = FieldErrors::default();
            e.add("ends_on", code);
            let message = messages(&t, &e).remove(0).1;
            invalid(person_page(&state, &user, page, &person, Some((id, form.ends_on, message))).await?)
        }
    }
}
