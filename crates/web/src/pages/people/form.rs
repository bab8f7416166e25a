//! Adding and changing a person.

use super::*;

/// The person form as sent.
#[derive(Deserialize, Default, Clone)]
pub(super) struct PersonDraft {
    #[serde(default)]
    pub(super) name: String,
    #[serde(default)]
    pub(super) email: String,
    #[serde(default)]
    pub(super) phone: String,
    #[serde(default)]
    pub(super) profession: String,
    #[serde(default)]
    pub(super) employer_kind: String,
    #[serde(default)]
    pub(super) employer_name: String,
    #[serde(default)]
    pub(super) unit_id: String,
    #[serde(default)]
    pub(super) user_id: String,
}

impl PersonDraft {
    fn of(p: &Person) -> PersonDraft {
        PersonDraft {
            name: p.name.clone(),
            email: p.email.clone().unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            profession: p.profession.clone().unwrap_or_default(),
            employer_kind: p.employer_kind.map(|k| k.code().to_string()).unwrap_or_default(),
            employer_name: p.employer_name.clone().unwrap_or_default(),
            unit_id: p.unit_id.map(|u| u.to_string()).unwrap_or_default(),
            user_id: p.user_id.map(|u| u.to_string()).unwrap_or_default(),
        }
    }

    /// Checks the form against the region's units and accounts.
    fn validate(
        &self,
        units: &[(String, String)],
        accounts: &[(String, String)],
    ) -> Result<PersonInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required_text(&mut errors, "name", &self.name, 200);
        let email = optional_text(&mut errors, "email", &self.email, 254);
        if let Some(e) = &email
            && !valid_email(e)
        {
            errors.add("email", "invalid-email");
        }
        let phone = optional_text(&mut errors, "phone", &self.phone, 40);
        if let Some(p) = &phone
            && !valid_phone(p)
        {
            errors.add("phone", "invalid-phone");
        }
        let profession = optional_text(&mut errors, "profession", &self.profession, 200);
        let employer_kind = match self.employer_kind.trim() {
            "" => None,
            code => {
                let k = PrincipalKind::parse(code);
                if k.is_none() {
                    errors.add("employer_kind", "invalid-choice");
                }
                k
            }
        };
        let employer_name = optional_text(&mut errors, "employer_name", &self.employer_name, 200);
        let unit_id = choice(&mut errors, "unit_id", &self.unit_id, units);
        let user_id = choice(&mut errors, "user_id", &self.user_id, accounts);
        errors.into_result(PersonInput {
            name,
            email,
            phone,
            profession,
            employer_kind,
            employer_name,
            unit_id,
            user_id,
        })
    }
}

/// An optional id that must be one of the offered choices.
pub(super) fn choice(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    offered: &[(String, String)],
) -> Option<i64> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match v.parse::<i64>() {
        Ok(id) if offered.iter().any(|(o, _)| *o == v) => Some(id),
        _ => {
            errors.add(field, "invalid-choice");
            None
        }
    }
}

pub(super) fn valid_email(e: &str) -> bool {
    let mut parts = e.splitn(2, '@');
    let (local, domain) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !e.contains(char::is_whitespace)
}

pub(super) fn valid_phone(p: &str) -> bool {
    p.chars().any(|c| c.is_ascii_digit())
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '/'))
}

#[derive(Template)]
#[template(path = "person_form.html")]
pub(super) struct PersonForm {
    pub(super) page: Page,
    pub(super) action: String,
    pub(super) cancel: String,
    pub(super) draft: PersonDraft,
    pub(super) principals: Vec<(&'static str, String)>,
    pub(super) units: Vec<(String, String)>,
    pub(super) accounts: Vec<(String, String)>,
    pub(super) errors: Vec<(&'static str, String)>,
}

impl PersonForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// Choices of a select: value and label.
pub(super) type Options = Vec<(String, String)>;

/// What the person form offers: the region's open units and its accounts.
pub(super) struct PersonChoices {
    pub(super) units: Options,
    pub(super) accounts: Options,
}

/// The region's units and its accounts, as (id, label) choices.
pub(super) async fn person_choices(
    state: &AppState,
    t: &Tr,
    region_id: i64,
) -> Result<PersonChoices, AppError> {
    let (units, places, accounts) = tokio::try_join!(
        async { Ok::<_, AppError>(centres::units_in_region(&state.db, Some(region_id)).await?) },
        Places::load(state, region_id),
        async { Ok::<_, AppError>(users::list_in_region(&state.db, region_id).await?) },
    )?;
    let mut unit_choices: Vec<(String, String)> = units
        .iter()
        .filter(|u| u.closed_on.is_none())
        .map(|u| (u.id.to_string(), unit_label(t, u, &places)))
        .collect();
    unit_choices.sort_by_cached_key(|(_, l)| samverka_core::text::sort_key(l));
    let account_choices = accounts
        .iter()
        .map(|(u, _)| (u.id.to_string(), format!("{} ({})", u.name, u.email)))
        .collect();
    Ok(PersonChoices {
        units: unit_choices,
        accounts: account_choices,
    })
}

pub(super) fn principal_choices(t: &Tr) -> Vec<(&'static str, String)> {
    let mut out = vec![("", t.t("value-unknown"))];
    out.extend(
        PrincipalKind::ALL
            .iter()
            .map(|k| (k.code(), view::principal_name(t, Some(*k)))),
    );
    out
}

#[expect(clippy::too_many_arguments, reason = "the parts of one form")]
pub(super) fn person_form(
    page: Page,
    region: &Region,
    title: String,
    action: String,
    cancel: String,
    draft: PersonDraft,
    choices: PersonChoices,
    errors: Vec<(&'static str, String)>,
) -> PersonForm {
    let principals = principal_choices(&page.t);
    PersonForm {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, true, "people"),
        action,
        cancel,
        draft,
        principals,
        units: choices.units,
        accounts: choices.accounts,
        errors,
    }
}

pub(super) async fn new_person_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let region = crate::pages::managed_region(&state, &user, id).await?;
    let t = page.t;
    let choices = person_choices(&state, &t, region.id).await?;
    html(person_form(
        page,
        &region,
        t.t("people-new-title"),
        format!("/regions/{}/people/new", region.id),
        format!("/regions/{}/people", region.id),
        PersonDraft::default(),
        choices,
        Vec::new(),
    ))
}

pub(super) async fn create_person(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<PersonDraft>,
) -> Result<Response, AppError> {
    let region = crate::pages::managed_region(&state, &user, id).await?;
    let t = page.t;
    let choices = person_choices(&state, &t, region.id).await?;
    match draft.validate(&choices.units, &choices.accounts) {
        Ok(input) => {
            let pid = people::create(&state.db, &user.who(), region.id, &input).await?;
            view::flash(&session, t.t("people-flash-created")).await;
            Ok(Redirect::to(&format!("/people/{pid}")).into_response())
        }
        Err(errors) => invalid(person_form(
            page,
            &region,
            t.t("people-new-title"),
            format!("/regions/{}/people/new", region.id),
            format!("/regions/{}/people", region.id),
            draft,
            choices,
            messages(&t, &errors),
        )),
    }
}

pub(super) async fn edit_person_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let p = managed_person(&state, &user, id).await?;
    if p.erased {
        return Err(AppError::Conflict("erased".into()));
    }
    let region = regions::get(&state.db, p.region_id).await?;
    let t = page.t;
    let choices = person_choices(&state, &t, region.id).await?;
    html(person_form(
        page,
        &region,
        t.t1("people-edit-title", "name", &p.name),
        format!("/people/{id}/edit"),
        format!("/people/{id}"),
        PersonDraft::of(&p),
        choices,
        Vec::new(),
    ))
}

pub(super) async fn update_person(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<PersonDraft>,
) -> Result<Response, AppError> {
    let p = managed_person(&state, &user, id).await?;
    if p.erased {
        return Err(AppError::Conflict("erased".into()));
    }
    let region = regions::get(&state.db, p.region_id).await?;
    let t = page.t;
    let choices = person_choices(&state, &t, region.id).await?;
    match draft.validate(&choices.units, &choices.accounts) {
        Ok(input) => {
            people::update(&state.db, &user.who(), id, &input).await?;
            view::flash(&session, t.t("flash-saved")).await;
            Ok(Redirect::to(&format!("/people/{id}")).into_response())
        }
        Err(errors) => invalid(person_form(
            page,
            &region,
            t.t1("people-edit-title", "name", &p.name),
            format!("/people/{id}/edit"),
            format!("/people/{id}"),
            draft,
            choices,
            messages(&t, &errors),
        )),
    }
}
