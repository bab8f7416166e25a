//! Matters (*ärenden*) to steering groups: a region's list with how long each
//! has waited (flagged past the region's deadline, exactly as the signal
//! counts it), one matter's path with every step's date and person, raising
//! a matter from a management or preparation group, and moving a matter
//! one step forward.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use samverka_app::governance::matters::{self, MatterPage as Data};
use samverka_core::Region;
use samverka_core::governance::drafts::{AdvanceDraft, MatterDraft};
use samverka_core::governance::{Decision, Group, MatterStatus};
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
#[template(path = "governance/matters.html")]
struct MattersPage {
    page: Page,
    lead: String,
    matters: Vec<MatterLine>,
    raise_from: Vec<(i64, String)>,
}

async fn list_matters(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let l = matters::list(&user, id).await?;
    let t = page.t;
    let today = user.today;
    let days = l.region.governance.matter_within_days;
    let missing = t.t("value-missing");
    let mut lines: Vec<MatterLine> = l
        .matters
        .iter()
        .map(|m| MatterLine {
            id: m.id,
            title: m.title.clone(),
            status: status_name(&t, m.status),
            from: m
                .from_group_id
                .and_then(|g| l.groups.get(&g))
                .cloned()
                .unwrap_or_else(|| t.t("matter-no-group")),
            to: l
                .groups
                .get(&m.to_group_id)
                .cloned()
                .unwrap_or_else(|| missing.clone()),
            submitted: m
                .reached(MatterStatus::Submitted)
                .map(|d| d.to_string())
                .unwrap_or_else(|| "–".into()),
            waiting: m
                .waited(today)
                .map(|d| d.to_string())
                .unwrap_or_else(|| "–".into()),
            late: m.is_late(days, today),
        })
        .collect();
    lines.sort_by_key(|l| (!l.late, -l.id));
    let manage = user.actor.can_manage_region(l.region.id);
    let title = t.t1("matter-list-title", "region", &l.region.name);
    html(MattersPage {
        page: page
            .titled(title)
            .in_region(l.region.id, &l.region.name, manage, "matters"),
        lead: t.t1("matter-list-lead", "days", days),
        matters: lines,
        raise_from: l.raise_from.into_iter().map(|g| (g.id, g.name)).collect(),
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
#[template(path = "governance/matter.html")]
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
        error_for(&self.errors, field)
    }
}

fn decision_label(d: &Decision) -> String {
    format!("{} – {}", d.decided_on, d.text)
}

fn matter_page(
    user: &CurrentUser,
    page: Page,
    d: &Data,
    form: &AdvanceDraft,
    errors: Vec<(&'static str, String)>,
) -> MatterPage {
    let t = page.t;
    let today = user.today;
    let m = &d.matter;
    let steps = MatterStatus::ALL
        .iter()
        .map(|s| match m.steps.iter().find(|x| x.status == *s) {
            Some(step) => StepLine {
                code: s.code(),
                status: status_name(&t, *s),
                date: step.on.to_string(),
                person: step
                    .person_id
                    .and_then(|p| d.people.get(&p))
                    .cloned()
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
    let next = d.next.map(|n| NextStep {
        code: n.code(),
        button: t.t(&format!("matter-advance-{}", n.code())),
        needs_decision: n == MatterStatus::Decided,
    });
    let decision = m
        .decision_id
        .and_then(|id| d.decisions.iter().find(|x| x.id == id))
        .map(decision_label);
    let waiting_key = if m.status.is_waiting() {
        "matter-waiting-days"
    } else {
        "matter-waited-days"
    };
    let waiting = m.waited(today).map(|n| t.t1(waiting_key, "days", n));
    let manage = user.actor.can_manage_region(d.region.id);
    let in_region = user.actor.can_view_region(d.region.id);
    MatterPage {
        page: page.titled(m.title.clone()).in_region_if(
            in_region,
            d.region.id,
            &d.region.name,
            manage,
            "matters",
        ),
        id: m.id,
        region_id: d.region.id,
        status: status_name(&t, m.status),
        from: d
            .from
            .as_ref()
            .map(|g| g.name.clone())
            .unwrap_or_else(|| t.t("matter-no-group")),
        to: d.to.name.clone(),
        to_id: d.to.id,
        body: m.body.clone(),
        decision,
        waiting,
        late: m.is_late(d.region.governance.matter_within_days, today),
        steps,
        next,
        decisions: d.decisions.iter().map(|x| (x.id, decision_label(x))).collect(),
        decision_id: form.decision_id.clone(),
        note: form.note.clone(),
        done: m.status.next().is_none(),
        errors,
    }
}

async fn show_matter(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let d = matters::get(&user, id).await?;
    html(matter_page(&user, page, &d, &AdvanceDraft::default(), Vec::new()))
}

async fn advance_matter(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<AdvanceDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = matters::advance(&user, id, &form).await;
    let saved = |next| {
        (
            t.t1("matter-flash-advanced", "status", status_name(&t, next)),
            format!("/matters/{id}"),
        )
    };
    after_post(&session, result, saved, async |errors| {
        let d = matters::get(&user, id).await?;
        let messages = field_messages(&t, &errors);
        Ok(matter_page(&user, page, &d, &form, messages))
    })
    .await
}

#[derive(Template)]
#[template(path = "governance/matter_form.html")]
struct MatterFormPage {
    page: Page,
    action: String,
    cancel: String,
    form: MatterDraft,
    targets: Vec<(String, String)>,
    errors: Vec<(&'static str, String)>,
}

impl MatterFormPage {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

fn form_page(
    page: Page,
    user: &CurrentUser,
    group: &Group,
    region: &Region,
    targets: &[Group],
    form: MatterDraft,
    errors: Vec<(&'static str, String)>,
) -> MatterFormPage {
    let t = page.t;
    let manage = user.actor.can_manage_region(region.id);
    let in_region = user.actor.can_view_region(region.id);
    MatterFormPage {
        page: page
            .titled(t.t1("matter-new-title", "group", &group.name))
            .in_region_if(in_region, region.id, &region.name, manage, "matters"),
        action: format!("/groups/{}/matters/new", group.id),
        cancel: format!("/regions/{}/matters", region.id),
        form,
        targets: targets
            .iter()
            .map(|g| (g.id.to_string(), g.name.clone()))
            .collect(),
        errors,
    }
}

async fn new_matter_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let (group, region, targets, preselected) = matters::raise_form(&user, id).await?;
    let form = MatterDraft {
        to_group_id: preselected.map(|g| g.to_string()).unwrap_or_default(),
        ..MatterDraft::default()
    };
    html(form_page(
        page,
        &user,
        &group,
        &region,
        &targets,
        form,
        Vec::new(),
    ))
}

async fn create_matter(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<MatterDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = matters::create(&user, id, &form).await;
    let saved = |matter| (t.t("matter-flash-created"), format!("/matters/{matter}"));
    after_post(&session, result, saved, async |errors| {
        let (group, region, targets, _) = matters::raise_form(&user, id).await?;
        let messages = field_messages(&t, &errors);
        Ok(form_page(page, &user, &group, &region, &targets, form, messages))
    })
    .await
}
