//! Introductions (*introduktion*) of new people: a region's pending and
//! overdue introductions grouped by who is responsible (the county
//! coordination, or the local coordinator of a centre) with their due dates,
//! the recent sessions, and recording a session with its participants.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use samverka_app::governance::introductions::{self, Names, SessionForm as Data, listed_since};
use samverka_core::governance::drafts::SessionDraft;
use samverka_core::governance::{Assignment, Due, IntroductionState, Responsible};
use tower_sessions::Session;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::forms::{error_for, field_messages};
use crate::ui::render::{after_post, html};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/introductions", get(list_introductions))
        .route(
            "/regions/{id}/introductions/new",
            get(new_session_form).post(create_session),
        )
}

pub(crate) fn kind_name(t: &Tr, a: &Assignment) -> String {
    t.t(&format!("intro-kind-{}", a.kind.code()))
}

fn person(names: &Names, id: i64) -> String {
    names.people.get(&id).cloned().unwrap_or_default()
}

fn place(names: &Names, t: &Tr, a: &Assignment) -> String {
    a.centre_id
        .and_then(|c| names.centres.get(&c))
        .or_else(|| a.group_id.and_then(|g| names.groups.get(&g)))
        .cloned()
        .unwrap_or_else(|| t.t("value-missing"))
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
#[template(path = "governance/introductions.html")]
struct IntroductionsPage {
    page: Page,
    region_id: i64,
    lead: String,
    sections: Vec<Section>,
    sessions: Vec<SessionLine>,
    can_record: bool,
}

async fn list_introductions(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let d = introductions::list(&user, id).await?;
    let region = d.region;
    let today = user.today;
    let within = region.governance.introduction_within_days;
    let (waiting, names, sessions, counts) = (d.waiting, d.names, d.sessions, d.participants);
    let t = page.t;
    // County coordination first, then each centre's local coordinator by centre name.
    let mut by_key: Vec<((u8, String), Vec<&Due>)> = Vec::new();
    for d in &waiting {
        let key = match d.responsible {
            Responsible::CountyCoordination => (0, String::new()),
            Responsible::SteeringGroup => (1, String::new()),
            Responsible::LocalCoordinator => (
                2,
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
                    person: person(&names, d.assignment.person_id),
                    assignment: kind_name(&t, &d.assignment),
                    place: place(&names, &t, &d.assignment),
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
                .map(|p| person(&names, p))
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
        can_record: d.can_record,
    })
}

/// A session as entered.
struct Candidate {
    id: String,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "governance/introduction_form.html")]
struct SessionFormPage {
    page: Page,
    action: String,
    cancel: String,
    form: SessionDraft,
    people: Vec<(String, String)>,
    candidates: Vec<Candidate>,
    errors: Vec<(&'static str, String)>,
}

impl SessionFormPage {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

fn form_page(
    page: Page,
    user: &CurrentUser,
    d: &Data,
    form: SessionDraft,
    errors: Vec<(&'static str, String)>,
) -> SessionFormPage {
    let t = page.t;
    let region = &d.region;
    let within = region.governance.introduction_within_days;
    let mut people: Vec<(i64, String)> = d.names.people.iter().map(|(id, n)| (*id, n.clone())).collect();
    people.sort_by_cached_key(|(_, n)| samverka_core::text::sort_key(n));
    let manage = user.actor.can_manage_region(region.id);
    SessionFormPage {
        page: page
            .titled(t.t("intro-new-title"))
            .in_region(region.id, &region.name, manage, "introductions"),
        action: format!("/regions/{}/introductions/new", region.id),
        cancel: format!("/regions/{}/introductions", region.id),
        people: people.into_iter().map(|(id, n)| (id.to_string(), n)).collect(),
        candidates: d
            .candidates
            .iter()
            .map(|c: &Due| {
                let id = c.assignment.id.to_string();
                Candidate {
                    checked: form.participants.contains(&id),
                    label: t.args(
                        "intro-candidate",
                        &[
                            ("person", person(&d.names, c.assignment.person_id)),
                            ("assignment", kind_name(&t, &c.assignment)),
                            ("where", place(&d.names, &t, &c.assignment)),
                            ("due", c.due_on(within).to_string()),
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

async fn new_session_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let d = introductions::session_form(&user, id).await?;
    let form = SessionDraft {
        held_on: user.today.to_string(),
        held_by: d.me.map(|p| p.to_string()).unwrap_or_default(),
        ..SessionDraft::default()
    };
    html(form_page(page, &user, &d, form, Vec::new()))
}

async fn create_session(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = SessionDraft::from_pairs(pairs);
    let t = page.t;
    let result = introductions::record_session(&user, id, &form).await;
    let saved = |_| (t.t("intro-flash-saved"), format!("/regions/{id}/introductions"));
    after_post(&session, result, saved, async |errors| {
        let d = introductions::session_form(&user, id).await?;
        let messages = field_messages(&t, &errors);
        Ok(form_page(page, &user, &d, form, messages))
    })
    .await
}
