//! Matters (*ärenden*) to steering groups: a region's list with how long each
//! has waited (flagged past the region's deadline), one matter's path with
//! every step's date and person, raising a matter from a management or
//! preparation group, and moving a matter one step forward.
//!
//! Who may take a step: sending a draft belongs to the raising side (those
//! who may edit the raising group); putting it on the agenda, deciding and
//! reporting back belong to the steering side (those who may edit the
//! steering group). Every step records today's date and the person linked to
//! the acting account, if there is one.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use samverka_core::FieldErrors;
use samverka_core::governance::{GroupKind, MatterStatus};
use samverka_core::validation::{optional_text, required_text};
use samverka_store::groups::{self, Group};
use samverka_store::matters::{self, Matter};
use samverka_store::meetings::{self, Decision};
use samverka_store::regions::{self, Region};
use samverka_store::{Db, people};
use serde::Deserialize;
use tower_sessions::Session;

use super::governance::editable_group;
use super::signals::{matter_late as is_late, matter_waited as waited, today};
use super::{html, invalid, require, viewable_region};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/matters", get(list_matters))
        .route("/matters/{id}", get(show_matter))
        .route("/matters/{id}/advance", post(advance_matter))
        .route(
            "/groups/{id}/matters/new",
            get(new_matter_form).post(create_matter),
        )
}

/// A status in words.
pub(crate) fn status_name(t: &Tr, s: MatterStatus) -> String {
    t.t(&format!("matter-status-{}", s.code()))
}

/// The person in the region's registry linked to the acting account, if any.
pub(crate) async fn acting_person(
    db: &Db,
    user: &CurrentUser,
    region_id: i64,
) -> Result<Option<i64>, AppError> {
    Ok(people::list(db, region_id)
        .await?
        .into_iter()
        .find(|p| p.user_id == Some(user.user.id) && !p.erased)
        .map(|p| p.id))
}

fn may_edit(user: &CurrentUser, g: &Group) -> bool {
    user.actor
        .can_edit_group(g.region_id, g.id, g.kind, &g.centre_ids)
}

/// Whether the account may take the step to `next`.
fn may_take(user: &CurrentUser, m: &Matter, from: Option<&Group>, to: &Group, next: MatterStatus) -> bool {
    match next {
        MatterStatus::Draft => false,
        MatterStatus::Submitted => match from {
            Some(g) => may_edit(user, g),
            None => user.actor.can_manage_region(m.region_id),
        },
        MatterStatus::OnAgenda | MatterStatus::Decided | MatterStatus::ReportedBack => may_edit(user, to),
    }
}

struct MatterLine {
    id: i64,
    title: String,
    status: String,
    from: String,
    to: String,
    submitted: String,
    waiting: String,
    late: bool,
}

#[derive(Template)]
#[template(path = "matters.html")]
struct MattersPage {
    page: Page,
    lead: String,
    matters: Vec<MatterLine>,
    raise_from: Vec<(i64, String)>,
}

async fn list_matters(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let region = viewable_region(&state, &user, id).await?;
    let (all, gs) = tokio::try_join!(
        matters::list(&state.db, Some(region.id)),
        groups::list(&state.db, Some(region.id)),
    )?;
    let names: HashMap<i64, &str> = gs.iter().map(|g| (g.id, g.name.as_str())).collect();
    let t = page.t;
    let today = today();
    let days = region.governance.matter_within_days;
    let missing = t.t("value-missing");
    let mut lines: Vec<MatterLine> = all
        .iter()
        .map(|m| MatterLine {
            id: m.id,
            title: m.title.clone(),
            status: status_name(&t, m.status),
            from: m
                .from_group_id
                .and_then(|g| names.get(&g))
                .map(|n| n.to_string())
                .unwrap_or_else(|| t.t("matter-no-group")),
            to: names
                .get(&m.to_group_id)
                .map(|n| n.to_string())
                .unwrap_or_else(|| missing.clone()),
            submitted: m
                .reached(MatterStatus::Submitted)
                .map(|d| d.to_string())
                .unwrap_or_else(|| "–".into()),
            waiting: waited(m, today)
                .map(|d| d.to_string())
                .unwrap_or_else(|| "–".into()),
            late: is_late(m, days, today),
        })
        .collect();
    lines.sort_by_key(|l| (!l.late, -l.id));
    let raise_from = gs
        .iter()
        .filter(|g| g.closed_on.is_none() && matches!(g.kind, GroupKind::Management | GroupKind::Preparation))
        .filter(|g| may_edit(&user, g))
        .map(|g| (g.id, g.name.clone()))
        .collect();
    let manage = user.actor.can_manage_region(region.id);
    let title = t.t1("matter-list-title", "region", &region.name);
    html(MattersPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "matters"),
        lead: t.t1("matter-list-lead", "days", days),
        matters: lines,
        raise_from,
    })
}

struct StepLine {
    code: &'static str,
    status: String,
    date: String,
    person: String,
    note: String,
    reached: bool,
}

struct NextStep {
    code: &'static str,
    button: String,
    needs_decision: bool,
}

#[derive(Template)]
#[template(path = "matter.html")]
struct MatterPage {
    page: Page,
    id: i64,
    region_id: i64,
    status: String,
    from: String,
    to: String,
    to_id: i64,
    body: Option<String>,
    decision: Option<String>,
    waiting: Option<String>,
    late: bool,
    steps: Vec<StepLine>,
    next: Option<NextStep>,
    decisions: Vec<(i64, String)>,
    decision_id: String,
    note: String,
    done: bool,
    errors: Vec<(&'static str, String)>,
}

impl MatterPage {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// A matter with its groups and region, readable by the account.
struct Loaded {
    matter: Matter,
    from: Option<Group>,
    to: Group,
    region: Region,
}

async fn load(state: &AppState, user: &CurrentUser, id: i64) -> Result<Loaded, AppError> {
    let matter = matters::get(&state.db, id).await?;
    let to = groups::get(&state.db, matter.to_group_id).await?;
    let from = match matter.from_group_id {
        Some(g) => Some(groups::get(&state.db, g).await?),
        None => None,
    };
    let a = &user.actor;
    require(
        a.can_view_region(matter.region_id)
            || a.can_view_group(to.region_id, to.id)
            || from.as_ref().is_some_and(|g| a.can_view_group(g.region_id, g.id)),
    )?;
    let region = regions::get(&state.db, matter.region_id).await?;
    Ok(Loaded {
        matter,
        from,
        to,
        region,
    })
}

fn decision_label(d: &Decision) -> String {
    format!("{} – {}", d.decided_on, d.text)
}

async fn steering_decisions(db: &Db, l: &Loaded) -> Result<Vec<Decision>, AppError> {
    Ok(meetings::decisions(db, Some(l.region.id))
        .await?
        .into_iter()
        .filter(|d| d.group_id == l.to.id)
        .collect())
}

async fn matter_page(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    l: &Loaded,
    form: &AdvanceForm,
    errors: Vec<(&'static str, String)>,
) -> Result<MatterPage, AppError> {
    let t = page.t;
    let today = today();
    let m = &l.matter;
    let (people, decisions) = tokio::try_join!(
        async { Ok::<_, AppError>(people::list(&state.db, l.region.id).await?) },
        steering_decisions(&state.db, l),
    )?;
    let names: HashMap<i64, &str> = people.iter().map(|p| (p.id, p.name.as_str())).collect();
    let steps = MatterStatus::ALL
        .iter()
        .map(|s| match m.steps.iter().find(|x| x.status == *s) {
            Some(step) => StepLine {
                code: s.code(),
                status: status_name(&t, *s),
                date: step.on.to_string(),
                person: step
                    .person_id
                    .and_then(|p| names.get(&p))
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| t.t("matter-no-person")),
                note: step.note.clone().unwrap_or_default(),
                reached: true,
            },
            None => StepLine {
                code: s.code(),
                status: status_name(&t, *s),
                date: t.t("matter-not-yet"),
                person: String::new(),
                note: String::new(),
                reached: false,
            },
        })
        .collect();
    let next = m
        .status
        .next()
        .filter(|n| may_take(user, m, l.from.as_ref(), &l.to, *n))
        .map(|n| NextStep {
            code: n.code(),
            button: t.t(&format!("matter-advance-{}", n.code())),
            needs_decision: n == MatterStatus::Decided,
        });
    let decision = m
        .decision_id
        .and_then(|id| decisions.iter().find(|d| d.id == id))
        .map(decision_label);
    let waiting_key = if m.status.is_waiting() {
        "matter-waiting-days"
    } else {
        "matter-waited-days"
    };
    let waiting = waited(m, today).map(|d| t.t1(waiting_key, "days", d));
    let manage = user.actor.can_manage_region(l.region.id);
    Ok(MatterPage {
        page: page
            .titled(m.title.clone())
            .in_region(l.region.id, &l.region.name, manage, "matters"),
        id: m.id,
        region_id: l.region.id,
        status: status_name(&t, m.status),
        from: l
            .from
            .as_ref()
            .map(|g| g.name.clone())
            .unwrap_or_else(|| t.t("matter-no-group")),
        to: l.to.name.clone(),
        to_id: l.to.id,
        body: m.body.clone(),
        decision,
        waiting,
        late: is_late(m, l.region.governance.matter_within_days, today),
        steps,
        next,
        decisions: decisions.iter().map(|d| (d.id, decision_label(d))).collect(),
        decision_id: form.decision_id.clone(),
        note: form.note.clone(),
        done: m.status.next().is_none(),
        errors,
    })
}

async fn show_matter(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let l = load(&state, &user, id).await?;
    html(matter_page(&state, &user, page, &l, &AdvanceForm::default(), Vec::new()).await?)
}

/// The step asked for, and what comes with it.
#[derive(Debug, Default, Deserialize)]
struct AdvanceForm {
    /// The status to move to; must be the next one.
    #[serde(default)]
    to: String,
    /// The steering group's decision (when deciding).
    #[serde(default)]
    decision_id: String,
    /// A note on the step.
    #[serde(default)]
    note: String,
}

async fn advance_matter(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<AdvanceForm>,
) -> Result<Response, AppError> {
    let l = load(&state, &user, id).await?;
    let m = &l.matter;
    // Nobody who may edit neither side may move the matter at all.
    let either = l.from.as_ref().is_some_and(|g| may_edit(&user, g))
        || may_edit(&user, &l.to)
        || user.actor.can_manage_region(m.region_id);
    require(either)?;
    let Some(next) = m.status.next().filter(|n| n.code() == form.to.trim()) else {
        return Err(AppError::Conflict("matter-step".into()));
    };
    require(may_take(&user, m, l.from.as_ref(), &l.to, next))?;
    let t = page.t;
    let mut errors = FieldErrors::default();
    let note = optional_text(&mut errors, "note", &form.note, 2000);
    let mut decision_id = None;
    if next == MatterStatus::Decided {
        let decisions = steering_decisions(&state.db, &l).await?;
        decision_id = form
            .decision_id
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|d| decisions.iter().any(|x| x.id == *d));
        if decision_id.is_none() {
            errors.add("decision_id", "matter-no-decision");
        }
    }
    if !errors.is_empty() {
        let messages = crate::view::field_messages(&t, &errors);
        return invalid(matter_page(&state, &user, page, &l, &form, messages).await?);
    }
    let person = acting_person(&state.db, &user, m.region_id).await?;
    let mut tx = state.db.begin().await?;
    matters::advance_in(
        &mut tx,
        &user.who(),
        m.id,
        next,
        today(),
        person,
        decision_id,
        note.as_deref(),
    )
    .await?;
    tx.commit().await.map_err(samverka_store::StoreError::from)?;
    view::flash(
        &session,
        t.t1("matter-flash-advanced", "status", status_name(&t, next)),
    )
    .await;
    Ok(Redirect::to(&format!("/matters/{id}")).into_response())
}

/// The steering groups a group may raise matters to: the one it reports to,
/// and any that governs one of its centres.
fn targets<'a>(group: &Group, all: &'a [Group]) -> Vec<&'a Group> {
    all.iter()
        .filter(|g| g.closed_on.is_none() && g.kind.receives_matters() && g.id != group.id)
        .filter(|g| {
            Some(g.id) == group.reports_to || g.centre_ids.iter().any(|c| group.centre_ids.contains(c))
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
struct MatterForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    to_group_id: String,
}

#[derive(Template)]
#[template(path = "matter_form.html")]
struct MatterFormPage {
    page: Page,
    action: String,
    cancel: String,
    form: MatterForm,
    targets: Vec<(String, String)>,
    errors: Vec<(&'static str, String)>,
}

impl MatterFormPage {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// A group matters may be raised from, that the account may edit.
async fn raising_group(state: &AppState, user: &CurrentUser, id: i64) -> Result<(Group, Region), AppError> {
    let (group, region) = editable_group(state, user, id).await?;
    if !matches!(group.kind, GroupKind::Management | GroupKind::Preparation) {
        return Err(AppError::BadRequest("group-kind".into()));
    }
    if group.closed_on.is_some() {
        return Err(AppError::Conflict("closed".into()));
    }
    Ok((group, region))
}

fn form_page(
    page: Page,
    user: &CurrentUser,
    group: &Group,
    region: &Region,
    all: &[Group],
    form: MatterForm,
    errors: Vec<(&'static str, String)>,
) -> MatterFormPage {
    let t = page.t;
    let manage = user.actor.can_manage_region(region.id);
    MatterFormPage {
        page: page
            .titled(t.t1("matter-new-title", "group", &group.name))
            .in_region(region.id, &region.name, manage, "matters"),
        action: format!("/groups/{}/matters/new", group.id),
        cancel: format!("/regions/{}/matters", region.id),
        form,
        targets: targets(group, all)
            .into_iter()
            .map(|g| (g.id.to_string(), g.name.clone()))
            .collect(),
        errors,
    }
}

async fn new_matter_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (group, region) = raising_group(&state, &user, id).await?;
    let all = groups::list(&state.db, Some(region.id)).await?;
    let choices = targets(&group, &all);
    let preselected = group
        .reports_to
        .filter(|r| choices.iter().any(|g| g.id == *r))
        .or_else(|| (choices.len() == 1).then(|| choices[0].id));
    let form = MatterForm {
        to_group_id: preselected.map(|g| g.to_string()).unwrap_or_default(),
        ..MatterForm::default()
    };
    html(form_page(page, &user, &group, &region, &all, form, Vec::new()))
}

async fn create_matter(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<MatterForm>,
) -> Result<Response, AppError> {
    let (group, region) = raising_group(&state, &user, id).await?;
    let all = groups::list(&state.db, Some(region.id)).await?;
    let mut errors = FieldErrors::default();
    let title = required_text(&mut errors, "title", &form.title, 200);
    let body = optional_text(&mut errors, "body", &form.body, 5000);
    let to = form.to_group_id.trim();
    let to_group = if to.is_empty() {
        errors.add("to_group_id", "required");
        None
    } else {
        let found = to.parse::<i64>().ok().and_then(|g| {
            targets(&group, &all)
                .into_iter()
                .find(|x| x.id == g)
                .map(|x| x.id)
        });
        if found.is_none() {
            errors.add("to_group_id", "invalid-choice");
        }
        found
    };
    let t = page.t;
    match to_group {
        Some(to_group) if errors.is_empty() => {
            let person = acting_person(&state.db, &user, region.id).await?;
            let mut tx = state.db.begin().await?;
            let matter = matters::create_in(
                &mut tx,
                &user.who(),
                region.id,
                Some(group.id),
                to_group,
                &title,
                body.as_deref(),
                today(),
                person,
            )
            .await?;
            tx.commit().await.map_err(samverka_store::StoreError::from)?;
            view::flash(&session, t.t("matter-flash-created")).await;
            Ok(Redirect::to(&format!("/matters/{matter}")).into_response())
        }
        _ => {
            let messages = crate::view::field_messages(&t, &errors);
            invalid(form_page(page, &user, &group, &region, &all, form, messages))
        }
    }
}
