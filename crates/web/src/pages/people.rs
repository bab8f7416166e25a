//! People (*personer*) and their dated assignments (*uppdrag*): the region's
//! registry, a person's page with the whole history, adding and ending
//! assignments, and the GDPR export and erasure.
//!
//! Shared words for the governance pages (kinds of assignment and group,
//! erased names, employers) live here too.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use samverka_core::governance::{Assignment, AssignmentKind, GroupKind, IntroductionState, Responsible};
use samverka_core::hours::format_hours;
use samverka_core::validation::{optional_date, optional_hours, optional_text, required_text};
use samverka_core::{FieldErrors, PrincipalKind, Role};
use samverka_store::groups::{self, Group};
use samverka_store::people::{self, Person, PersonInput};
use samverka_store::regions::{self, Region};
use samverka_store::{assignments, centres, introductions, users};
use serde::Deserialize;
use tower_sessions::Session;

use super::{html, invalid, require};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/people", get(list_people))
        .route(
            "/regions/{id}/people/new",
            get(new_person_form).post(create_person),
        )
        .route("/people/{id}", get(show_person))
        .route("/people/{id}/edit", get(edit_person_form).post(update_person))
        .route(
            "/people/{id}/assignments/new",
            get(new_assignment_form).post(create_assignment),
        )
        .route("/assignments/{id}/end", post(end_assignment))
        .route("/people/{id}/erase", get(erase_form).post(erase_person))
        .route("/people/{id}/export", get(export_person))
}

// ---------------------------------------------------------------------------
// Words shared by the governance pages
// ---------------------------------------------------------------------------

/// The name of a kind of assignment ("Lokal samordnare").
pub(crate) fn kind_name(t: &Tr, k: AssignmentKind) -> String {
    t.t(&format!("people-kind-{}", k.code()))
}

/// The name of a kind of group ("Styrgrupp").
pub(crate) fn group_kind_name(t: &Tr, k: GroupKind) -> String {
    t.t(&format!("groups-kind-{}", k.code()))
}

/// A person's name as shown: "f.d. medlem" once erased.
pub(crate) fn display_name(t: &Tr, p: &Person) -> String {
    if p.erased {
        t.t("people-erased-name")
    } else {
        p.name.clone()
    }
}

/// A person's employer in words, or `None` when nothing is recorded.
pub(crate) fn employer_of(t: &Tr, p: &Person) -> Option<String> {
    match (&p.employer_name, p.employer_kind) {
        (Some(n), Some(k)) => Some(format!("{n} ({})", view::principal_name(t, Some(k)))),
        (Some(n), None) => Some(n.clone()),
        (None, Some(k)) => Some(view::principal_name(t, Some(k))),
        (None, None) => None,
    }
}

/// The share of a post and who pays, or the hours a week, in words.
pub(crate) fn scope_text(t: &Tr, a: &Assignment) -> String {
    let mut parts = Vec::new();
    if let Some(s) = a.share_percent {
        parts.push(t.t1("people-share", "percent", s));
    }
    if let Some(p) = &a.paid_by {
        parts.push(t.t1("people-paid-by", "payer", p));
    }
    if let Some(m) = a.minutes_per_week {
        parts.push(t.t1("people-hours-week", "hours", format_hours(m)));
    }
    parts.join(", ")
}

/// Problems of a form in words: this area's own messages first, then the shared ones.
pub(crate) fn messages(t: &Tr, errors: &FieldErrors) -> Vec<(&'static str, String)> {
    errors
        .0
        .iter()
        .map(|e| {
            let own = format!("people-error-{}", e.code);
            let text = if t.has(&own) {
                t.t(&own)
            } else {
                t.t(&format!("field-error-{}", e.code))
            };
            (e.field, text)
        })
        .collect()
}

/// Today, as the governance pages count it.
pub(crate) fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Where an assignment is held: a centre, a group or the county.
pub(crate) struct Places {
    /// Centre id → name.
    pub centres: HashMap<i64, String>,
    /// The region's groups by id.
    pub groups: HashMap<i64, Group>,
}

impl Places {
    /// Loads a region's centres and groups.
    pub(crate) async fn load(state: &AppState, region_id: i64) -> Result<Places, AppError> {
        let (centre_list, group_list) = tokio::try_join!(
            centres::list(&state.db, Some(region_id)),
            groups::list(&state.db, Some(region_id)),
        )?;
        Ok(Places {
            centres: centre_list.into_iter().map(|c| (c.id, c.name)).collect(),
            groups: group_list.into_iter().map(|g| (g.id, g)).collect(),
        })
    }

    /// The place's name and a link to it.
    pub(crate) fn of(&self, t: &Tr, a: &Assignment) -> (String, Option<String>) {
        if let Some(g) = a.group_id.and_then(|g| self.groups.get(&g)) {
            return (g.name.clone(), Some(format!("/groups/{}", g.id)));
        }
        if let Some(c) = a.centre_id {
            let name = self
                .centres
                .get(&c)
                .cloned()
                .unwrap_or_else(|| t.t("value-missing"));
            return (name, Some(format!("/centres/{c}")));
        }
        (t.t("people-where-county"), None)
    }
}

// ---------------------------------------------------------------------------
// The region's registry
// ---------------------------------------------------------------------------

/// One assignment in a list.
struct AssignmentLine {
    id: i64,
    kind: String,
    place: String,
    place_href: Option<String>,
    scope: String,
    starts_on: String,
    ends_on: Option<String>,
    status: String,
    introduction: Option<String>,
    introduction_late: bool,
    can_end: bool,
}

struct PersonLine {
    id: i64,
    name: String,
    erased: bool,
    current: Vec<AssignmentLine>,
    email: Option<String>,
    phone: Option<String>,
    employer: String,
}

#[derive(Template)]
#[template(path = "people.html")]
struct PeoplePage {
    page: Page,
    region_id: i64,
    people: Vec<PersonLine>,
    kinds: Vec<(&'static str, String)>,
    kind: String,
    can_manage: bool,
    contact_kinds: Vec<(&'static str, String)>,
}

#[derive(Deserialize, Default)]
struct KindQuery {
    #[serde(default)]
    kind: String,
}

fn all_kinds(t: &Tr) -> Vec<(&'static str, String)> {
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

async fn viewable(state: &AppState, user: &CurrentUser, region_id: i64) -> Result<Region, AppError> {
    super::viewable_region(state, user, region_id).await
}

async fn list_people(
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
fn line(
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

// ---------------------------------------------------------------------------
// A person's page
// ---------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    page: Page,
    id: i64,
    erased: bool,
    email: Option<String>,
    phone: Option<String>,
    profession: Option<String>,
    employer: Option<String>,
    unit: Option<String>,
    account: Option<String>,
    current: Vec<AssignmentLine>,
    ended: Vec<AssignmentLine>,
    can_manage: bool,
    can_add: bool,
    today: String,
    /// A rejected end date: assignment id, value sent, message.
    end_error: Option<(i64, String, String)>,
    errors: Vec<(String, String)>,
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
async fn staff_centres(
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
fn is_local_coordinator(user: &CurrentUser, region_id: i64) -> bool {
    user.actor
        .grants
        .iter()
        .any(|g| g.role == Role::LocalCoordinator && g.region_id == Some(region_id))
}

async fn person_page(
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

fn unit_label(t: &Tr, u: &samverka_core::Unit, places: &Places) -> String {
    let service = view::service_name(t, u.service);
    let name = u.name.clone().unwrap_or(service);
    match places.centres.get(&u.centre_id) {
        Some(c) => format!("{name} – {c}"),
        None => name,
    }
}

/// A person the account may read, with their region.
async fn viewable_person(state: &AppState, user: &CurrentUser, id: i64) -> Result<Person, AppError> {
    let p = people::get(&state.db, id).await?;
    require(user.actor.can_view_region(p.region_id))?;
    Ok(p)
}

/// A person the account may change (county coordinators and admins).
async fn managed_person(state: &AppState, user: &CurrentUser, id: i64) -> Result<Person, AppError> {
    let p = people::get(&state.db, id).await?;
    require(user.actor.can_manage_region(p.region_id))?;
    Ok(p)
}

async fn show_person(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let p = viewable_person(&state, &user, id).await?;
    html(person_page(&state, &user, page, &p, None).await?)
}

// ---------------------------------------------------------------------------
// Adding and changing a person
// ---------------------------------------------------------------------------

/// The person form as sent.
#[derive(Deserialize, Default, Clone)]
struct PersonDraft {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    profession: String,
    #[serde(default)]
    employer_kind: String,
    #[serde(default)]
    employer_name: String,
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    user_id: String,
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
fn choice(
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

fn valid_email(e: &str) -> bool {
    let mut parts = e.splitn(2, '@');
    let (local, domain) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !e.contains(char::is_whitespace)
}

fn valid_phone(p: &str) -> bool {
    p.chars().any(|c| c.is_ascii_digit())
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '/'))
}

#[derive(Template)]
#[template(path = "person_form.html")]
struct PersonForm {
    page: Page,
    action: String,
    cancel: String,
    draft: PersonDraft,
    principals: Vec<(&'static str, String)>,
    units: Vec<(String, String)>,
    accounts: Vec<(String, String)>,
    errors: Vec<(&'static str, String)>,
}

impl PersonForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// Choices of a select: value and label.
type Options = Vec<(String, String)>;

/// What the person form offers: the region's open units and its accounts.
struct PersonChoices {
    units: Options,
    accounts: Options,
}

/// The region's units and its accounts, as (id, label) choices.
async fn person_choices(state: &AppState, t: &Tr, region_id: i64) -> Result<PersonChoices, AppError> {
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

fn principal_choices(t: &Tr) -> Vec<(&'static str, String)> {
    let mut out = vec![("", t.t("value-unknown"))];
    out.extend(
        PrincipalKind::ALL
            .iter()
            .map(|k| (k.code(), view::principal_name(t, Some(*k)))),
    );
    out
}

#[expect(clippy::too_many_arguments, reason = "the parts of one form")]
fn person_form(
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

async fn new_person_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let region = super::managed_region(&state, &user, id).await?;
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

async fn create_person(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<PersonDraft>,
) -> Result<Response, AppError> {
    let region = super::managed_region(&state, &user, id).await?;
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

async fn edit_person_form(
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

async fn update_person(
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

// ---------------------------------------------------------------------------
// Assignments
// ---------------------------------------------------------------------------

/// The assignment form as sent.
#[derive(Deserialize, Default, Clone)]
struct AssignmentDraft {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    centre_id: String,
    #[serde(default)]
    group_id: String,
    #[serde(default)]
    share_percent: String,
    #[serde(default)]
    paid_by: String,
    #[serde(default)]
    hours_per_week: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
}

/// What the assignment form offers for one kind.
struct AssignmentChoices {
    centres: Vec<(String, String)>,
    groups: Vec<(String, String)>,
}

/// The group kind a kind of assignment may name: its seat's group, or the
/// coordinators' network for coordinators (optional).
fn group_kind_for(kind: AssignmentKind) -> Option<GroupKind> {
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
struct AssignmentForm {
    page: Page,
    person_id: i64,
    /// The kinds offered when none is chosen yet.
    kinds: Vec<(&'static str, String)>,
    /// The chosen kind's code and name.
    kind: Option<(&'static str, String)>,
    show_centre: bool,
    show_group: bool,
    group_required: bool,
    show_share: bool,
    show_hours: bool,
    suggest_year: bool,
    centres: Vec<(String, String)>,
    groups: Vec<(String, String)>,
    draft: AssignmentDraft,
    errors: Vec<(&'static str, String)>,
}

impl AssignmentForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// Who may add assignments to a person, and which kinds.
struct AssignmentRights {
    person: Person,
    region: Region,
    manage: bool,
    /// Centres the account may add staff to.
    staff_centres: Vec<(i64, String)>,
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

async fn assignment_rights(
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

async fn assignment_choices(
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

fn assignment_form(
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

async fn new_assignment_form(
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

async fn create_assignment(
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
struct EndForm {
    #[serde(default)]
    ends_on: String,
}

async fn end_assignment(
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

// ---------------------------------------------------------------------------
// GDPR: erasure and export
// ---------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "person_erase.html")]
struct EraseForm {
    page: Page,
    id: i64,
    assignment_count: usize,
}

async fn erase_form(
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
    let count = assignments::of_person(&state.db, id).await?.len();
    let t = page.t;
    html(EraseForm {
        page: page
            .titled(t.t1("people-erase-title", "name", &p.name))
            .in_region(region.id, &region.name, true, "people"),
        id,
        assignment_count: count,
    })
}

async fn erase_person(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let p = managed_person(&state, &user, id).await?;
    if !p.erased {
        people::erase(&state.db, &user.who(), id).await?;
    }
    view::flash(&session, page.t.t("people-flash-erased")).await;
    Ok(Redirect::to(&format!("/people/{id}")).into_response())
}

async fn export_person(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let p = managed_person(&state, &user, id).await?;
    let (region, history, records) = tokio::try_join!(
        async { Ok::<_, AppError>(regions::get(&state.db, p.region_id).await?) },
        async { Ok::<_, AppError>(assignments::of_person(&state.db, id).await?) },
        async { Ok::<_, AppError>(people::records(&state.db, id).await?) },
    )?;
    let places = Places::load(&state, region.id).await?;
    let t = Tr::default();
    let unit = match p.unit_id {
        Some(u) => Some(unit_label(&t, &centres::get_unit(&state.db, u).await?, &places)),
        None => None,
    };
    let account = match p.user_id {
        Some(u) => users::get(&state.db, u)
            .await
            .ok()
            .map(|u| serde_json::json!({ "id": u.id, "email": u.email, "name": u.name })),
        None => None,
    };
    let assignments_json: Vec<serde_json::Value> = history
        .iter()
        .map(|a| {
            let (place, _) = places.of(&t, a);
            let mut v = serde_json::to_value(a).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("place".into(), place.into());
            }
            v
        })
        .collect();
    let group_name = |g: i64| places.groups.get(&g).map(|g| g.name.clone());
    let attendance: Vec<serde_json::Value> = records
        .attendance
        .iter()
        .map(|r| {
            serde_json::json!({
                "meeting_id": r.meeting_id, "group_id": r.group_id, "group": group_name(r.group_id),
                "held_on": r.held_on, "status": r.status,
            })
        })
        .collect();
    let body = serde_json::json!({
        "exported_on": today(),
        "region": region.name,
        "person": {
            "id": p.id,
            "name": p.name,
            "email": p.email,
            "phone": p.phone,
            "profession": p.profession,
            "employer_kind": p.employer_kind.map(PrincipalKind::code),
            "employer_name": p.employer_name,
            "unit": unit,
            "account": account,
            "erased": p.erased,
        },
        "assignments": assignments_json,
        "attendance": attendance,
        "introductions": records.introductions,
        "introduction_sessions_held": records.sessions_held,
        "matter_steps": records.matter_steps,
    });
    people::record_export(&state.db, &user.who(), id).await?;
    let text = serde_json::to_string_pretty(&body).map_err(|_| AppError::Internal)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"person-{id}.json\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        text,
    )
        .into_response())
}
