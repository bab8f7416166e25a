//! Introductions (*introduktion*) of new people: a region's pending and
//! overdue introductions grouped by who is responsible (the county
//! coordination, or the local coordinator of a centre) with their due dates,
//! the recent sessions, and recording a session with its participants.
//!
//! County coordinators record any session; a local coordinator records
//! sessions for the staff assignments of their own centres only.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::{Datelike, NaiveDate};
use samverka_core::governance::{Assignment, IntroductionState, Responsible};
use samverka_core::validation::{optional_date, required_text};
use samverka_core::{FieldErrors, Role};
use samverka_store::regions::Region;
use samverka_store::{assignments, centres, groups, introductions, people};
use tower_sessions::Session;

use super::matters::acting_person;
use super::signals::{Due, due_introductions, today};
use super::{html, invalid, require, viewable_region};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/introductions", get(list_introductions))
        .route(
            "/regions/{id}/introductions/new",
            get(new_session_form).post(create_session),
        )
}

/// The first day of the previous year: introductions of assignments starting since then are listed.
fn listed_since(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year() - 1, 1, 1).unwrap_or(today)
}

/// The name of an assignment kind.
pub(crate) fn kind_name(t: &Tr, a: &Assignment) -> String {
    t.t(&format!("intro-kind-{}", a.kind.code()))
}

/// What the account may record sessions for in a region.
enum Scope {
    /// Everything (county coordinators, admins).
    All,
    /// Staff assignments of these centres (a local coordinator's own).
    Centres(Vec<i64>),
}

fn scope(user: &CurrentUser, region_id: i64) -> Option<Scope> {
    if user.actor.can_manage_region(region_id) {
        return Some(Scope::All);
    }
    let own: Vec<i64> = user
        .actor
        .grants
        .iter()
        .filter(|g| g.role == Role::LocalCoordinator && g.region_id == Some(region_id))
        .filter_map(|g| g.centre_id)
        .collect();
    (!own.is_empty()).then_some(Scope::Centres(own))
}

impl Scope {
    fn covers(&self, d: &Due) -> bool {
        match self {
            Scope::All => true,
            Scope::Centres(ids) => {
                d.responsible == Responsible::LocalCoordinator
                    && d.assignment.centre_id.is_some_and(|c| ids.contains(&c))
            }
        }
    }
}

/// Names of what the page mentions.
struct Names {
    people: HashMap<i64, String>,
    centres: HashMap<i64, String>,
    groups: HashMap<i64, String>,
}

impl Names {
    async fn load(state: &AppState, region: &Region) -> Result<Names, AppError> {
        let (p, c, g) = tokio::try_join!(
            people::list(&state.db, region.id),
            centres::list(&state.db, Some(region.id)),
            groups::list(&state.db, Some(region.id)),
        )?;
        Ok(Names {
            people: p.into_iter().map(|x| (x.id, x.name)).collect(),
            centres: c.into_iter().map(|x| (x.id, x.name)).collect(),
            groups: g.into_iter().map(|x| (x.id, x.name)).collect(),
        })
    }

    fn person(&self, id: i64) -> String {
        self.people.get(&id).cloned().unwrap_or_default()
    }

    fn place(&self, t: &Tr, a: &Assignment) -> String {
        a.centre_id
            .and_then(|c| self.centres.get(&c))
            .or_else(|| a.group_id.and_then(|g| self.groups.get(&g)))
            .cloned()
            .unwrap_or_else(|| t.t("value-missing"))
    }
}

/// What waits for introduction in a region now: pending and overdue, started since the listing window opened.
async fn waiting_now(state: &AppState, region: &Region, today: NaiveDate) -> Result<Vec<Due>, AppError> {
    let (all, introduced) = tokio::try_join!(
        assignments::list(&state.db, Some(region.id)),
        introductions::introduced_on(&state.db, Some(region.id)),
    )?;
    let since = listed_since(today);
    let mut due: Vec<Due> = due_introductions(
        &all,
        &introduced,
        region.governance.introduction_within_days,
        today,
    )
    .into_iter()
    .filter(|d| d.waiting() && d.assignment.starts_on >= since)
    .collect();
    due.sort_by_key(|d| (d.assignment.starts_on, d.assignment.id));
    Ok(due)
}

struct Line {
    person: String,
    assignment: String,
    place: String,
    starts: String,
    due: String,
    overdue: bool,
}

struct Section {
    heading: String,
    anchor: String,
    overdue: usize,
    lines: Vec<Line>,
}

struct SessionLine {
    held_on: String,
    title: String,
    held_by: String,
    participants: i64,
}

#[derive(Template)]
#[template(path = "introductions.html")]
struct IntroductionsPage {
    page: Page,
    region_id: i64,
    lead: String,
    sections: Vec<Section>,
    sessions: Vec<SessionLine>,
    can_record: bool,
}

async fn list_introductions(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let region = viewable_region(&state, &user, id).await?;
    let today = today();
    let within = region.governance.introduction_within_days;
    let (waiting, names, sessions, counts) = tokio::try_join!(
        waiting_now(&state, &region, today),
        Names::load(&state, &region),
        async { Ok::<_, AppError>(introductions::sessions(&state.db, region.id).await?) },
        async { Ok::<_, AppError>(introductions::participant_counts(&state.db, region.id).await?) },
    )?;
    let t = page.t;
    // County coordination first, then each centre's local coordinator by centre name.
    let mut by_key: Vec<((u8, String), Vec<&Due>)> = Vec::new();
    for d in &waiting {
        let key = match d.responsible {
            Responsible::CountyCoordination => (0, String::new()),
            Responsible::LocalCoordinator => (
                1,
                d.assignment
                    .centre_id
                    .and_then(|c| names.centres.get(&c))
                    .cloned()
                    .unwrap_or_default(),
            ),
        };
        match by_key.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(d),
            None => by_key.push((key, vec![d])),
        }
    }
    by_key.sort_by(|a, b| {
        (a.0.0, samverka_core::text::sort_key(&a.0.1)).cmp(&(b.0.0, samverka_core::text::sort_key(&b.0.1)))
    });
    let sections = by_key
        .into_iter()
        .enumerate()
        .map(|(i, ((kind, centre), list))| {
            let heading = match (kind, centre.is_empty()) {
                (0, _) => t.t("intro-county"),
                (_, false) => t.t1("intro-local", "centre", &centre),
                (_, true) => t.t("intro-local-unknown"),
            };
            let lines: Vec<Line> = list
                .iter()
                .map(|d| Line {
                    person: names.person(d.assignment.person_id),
                    assignment: kind_name(&t, &d.assignment),
                    place: names.place(&t, &d.assignment),
                    starts: d.assignment.starts_on.to_string(),
                    due: d.due_on(within).to_string(),
                    overdue: matches!(d.state, IntroductionState::Overdue { .. }),
                })
                .collect();
            Section {
                heading,
                anchor: format!("responsible-{i}"),
                overdue: lines.iter().filter(|l| l.overdue).count(),
                lines,
            }
        })
        .collect();
    let sessions = sessions
        .iter()
        .take(10)
        .map(|s| SessionLine {
            held_on: s.held_on.to_string(),
            title: s.title.clone(),
            held_by: s
                .held_by
                .map(|p| names.person(p))
                .unwrap_or_else(|| t.t("intro-nobody")),
            participants: counts.get(&s.id).copied().unwrap_or(0),
        })
        .collect();
    let manage = user.actor.can_manage_region(region.id);
    let title = t.t1("intro-title", "region", &region.name);
    html(IntroductionsPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "introductions"),
        region_id: region.id,
        lead: t.args(
            "intro-lead",
            &[
                ("days", within.to_string()),
                ("since", listed_since(today).to_string()),
            ],
        ),
        sections,
        sessions,
        can_record: scope(&user, region.id).is_some(),
    })
}

/// A session as entered.
#[derive(Debug, Default)]
struct SessionForm {
    held_on: String,
    held_by: String,
    title: String,
    participants: Vec<String>,
}

impl SessionForm {
    fn parse(bytes: &[u8]) -> Result<SessionForm, AppError> {
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(bytes).map_err(|_| AppError::BadRequest("form".into()))?;
        let mut f = SessionForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "held_on" => f.held_on = v,
                "held_by" => f.held_by = v,
                "title" => f.title = v,
                "participant" => f.participants.push(v),
                _ => {}
            }
        }
        Ok(f)
    }
}

struct Candidate {
    id: String,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "introduction_form.html")]
struct SessionFormPage {
    page: Page,
    action: String,
    cancel: String,
    form: SessionForm,
    people: Vec<(String, String)>,
    candidates: Vec<Candidate>,
    errors: Vec<(&'static str, String)>,
}

impl SessionFormPage {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// The region, the account's scope, and the assignments it may record.
async fn recordable(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<(Region, Vec<Due>, Names), AppError> {
    let region = viewable_region(state, user, id).await?;
    let scope = scope(user, region.id);
    require(scope.is_some())?;
    let scope = scope.ok_or(AppError::Forbidden)?;
    let (waiting, names) =
        tokio::try_join!(waiting_now(state, &region, today()), Names::load(state, &region))?;
    let mine = waiting.into_iter().filter(|d| scope.covers(d)).collect();
    Ok((region, mine, names))
}

fn form_page(
    page: Page,
    user: &CurrentUser,
    region: &Region,
    candidates: &[Due],
    names: &Names,
    form: SessionForm,
    errors: Vec<(&'static str, String)>,
) -> SessionFormPage {
    let t = page.t;
    let within = region.governance.introduction_within_days;
    let mut people: Vec<(i64, String)> = names.people.iter().map(|(id, n)| (*id, n.clone())).collect();
    people.sort_by_cached_key(|(_, n)| samverka_core::text::sort_key(n));
    let manage = user.actor.can_manage_region(region.id);
    SessionFormPage {
        page: page
            .titled(t.t("intro-new-title"))
            .in_region(region.id, &region.name, manage, "introductions"),
        action: format!("/regions/{}/introductions/new", region.id),
        cancel: format!("/regions/{}/introductions", region.id),
        people: people.into_iter().map(|(id, n)| (id.to_string(), n)).collect(),
        candidates: candidates
            .iter()
            .map(|d| {
                let id = d.assignment.id.to_string();
                Candidate {
                    checked: form.participants.contains(&id),
                    label: t.args(
                        "intro-candidate",
                        &[
                            ("person", names.person(d.assignment.person_id)),
                            ("assignment", kind_name(&t, &d.assignment)),
                            ("where", names.place(&t, &d.assignment)),
                            ("due", d.due_on(within).to_string()),
                        ],
                    ),
                    id,
                }
            })
            .collect(),
        form,
        errors,
    }
}

async fn new_session_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (region, candidates, names) = recordable(&state, &user, id).await?;
    let me = acting_person(&state.db, &user, region.id).await?;
    let form = SessionForm {
        held_on: today().to_string(),
        held_by: me.map(|p| p.to_string()).unwrap_or_default(),
        ..SessionForm::default()
    };
    html(form_page(
        page,
        &user,
        &region,
        &candidates,
        &names,
        form,
        Vec::new(),
    ))
}

async fn create_session(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let form = SessionForm::parse(&body)?;
    let (region, candidates, names) = recordable(&state, &user, id).await?;
    let mut errors = FieldErrors::default();
    let held_on = if form.held_on.trim().is_empty() {
        errors.add("held_on", "required");
        None
    } else {
        optional_date(&mut errors, "held_on", &form.held_on)
    };
    if held_on.is_some_and(|d| d > today()) {
        errors.add("held_on", "intro-date-future");
    }
    let held_by = match form.held_by.trim() {
        "" => None,
        text => {
            let found = text.parse::<i64>().ok().filter(|p| names.people.contains_key(p));
            if found.is_none() {
                errors.add("held_by", "invalid-choice");
            }
            found
        }
    };
    let title = required_text(&mut errors, "title", &form.title, 200);
    let mut chosen: Vec<i64> = Vec::new();
    for p in &form.participants {
        match p
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|a| candidates.iter().any(|d| d.assignment.id == *a))
        {
            Some(a) if !chosen.contains(&a) => chosen.push(a),
            Some(_) => {}
            None => {
                if errors.get("participants").is_none() {
                    errors.add("participants", "invalid-choice");
                }
            }
        }
    }
    if form.participants.is_empty() {
        errors.add("participants", "choose-one");
    }
    let t = page.t;
    match held_on {
        Some(on) if errors.is_empty() => {
            introductions::create_session(&state.db, &user.who(), region.id, on, held_by, &title, &chosen)
                .await?;
            view::flash(&session, t.t("intro-flash-saved")).await;
            Ok(Redirect::to(&format!("/regions/{}/introductions", region.id)).into_response())
        }
        _ => {
            let messages = crate::view::field_messages(&t, &errors);
            invalid(form_page(
                page,
                &user,
                &region,
                &candidates,
                &names,
                form,
                messages,
            ))
        }
    }
}
