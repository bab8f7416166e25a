//! Adding, editing and closing a centre's units (*verksamheter*).

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use samverka_app::registry::units;
use samverka_core::centre::{Unit, UnitDraft};
use samverka_core::hours::format_hours;
use samverka_core::{Centre, Premises, PrincipalKind, Region, ServiceType};
use tower_sessions::Session;

use super::centre_form::{CloseDraft, CloseForm, ReopenForm, messages};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::forms::{error_for, field_error, field_messages, yes_no_choices, yes_no_code};
use crate::ui::render::{after_action, after_post, html};
use crate::ui::{Page, words as view};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/centres/{id}/units/new", get(new_unit_form).post(create_unit))
        .route("/units/{id}/edit", get(edit_unit_form).post(update_unit))
        .route("/units/{id}/close", get(close_unit_form).post(close_unit))
        .route("/units/{id}/reopen", get(reopen_unit_form).post(reopen_unit))
}

#[derive(Template)]
#[template(path = "registry/unit_form.html")]
struct UnitForm {
    page: Page,
    action: String,
    cancel: String,
    draft: UnitDraft,
    services: Vec<(&'static str, String)>,
    principals: Vec<(&'static str, String)>,
    yes_no: Vec<(&'static str, String)>,
    /// The premises to choose from: unknown, the centre's, new ones.
    premises: Vec<(String, String)>,
    errors: Vec<(&'static str, String)>,
}

impl UnitForm {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

/// Options of a select or radio group: value and label.
type Choices = Vec<(&'static str, String)>;

fn choices(t: &Tr) -> (Choices, Choices, Choices) {
    let mut services: Choices = samverka_core::BaseService::ALL
        .iter()
        .map(|b| {
            (
                ServiceType::Base(*b).code(),
                view::service_name(t, ServiceType::Base(*b)),
            )
        })
        .collect();
    services.push(("other", view::service_name(t, ServiceType::Other)));
    let mut principals = vec![("", t.t("value-unknown"))];
    principals.extend(
        PrincipalKind::ALL
            .iter()
            .map(|k| (k.code(), view::principal_name(t, Some(*k)))),
    );
    (services, principals, yes_no_choices(t))
}

/// The unit form's premises choices: unknown, each of the centre's premises,
/// and new ones described in the same form.
fn premises_choices(t: &Tr, list: &[Premises]) -> Vec<(String, String)> {
    std::iter::once((String::new(), t.t("value-unknown")))
        .chain(list.iter().map(|p| (p.id.to_string(), p.label())))
        .chain(std::iter::once((
            samverka_core::premises::NEW_CHOICE.to_string(),
            t.t("unit-premises-new"),
        )))
        .collect()
}

/// Which form: a new unit of the centre, or a change to a unit.
#[derive(Clone, Copy)]
enum Target {
    New,
    Edit(i64),
}

fn form(
    page: Page,
    user: &CurrentUser,
    (centre, region, premises): (&Centre, &Region, &[Premises]),
    target: Target,
    draft: UnitDraft,
    errors: Choices,
) -> UnitForm {
    let (title, action) = match target {
        Target::New => (
            page.t.t1("unit-new-title", "centre", &centre.name),
            format!("/centres/{}/units/new", centre.id),
        ),
        Target::Edit(id) => (
            page.t.t1("unit-edit-title", "centre", &centre.name),
            format!("/units/{id}/edit"),
        ),
    };
    let (services, principals, yes_no) = choices(&page.t);
    let premises = premises_choices(&page.t, premises);
    let manage = user.actor.can_manage_region(region.id);
    UnitForm {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "overview"),
        action,
        cancel: format!("/centres/{}", centre.id),
        draft,
        services,
        principals,
        yes_no,
        premises,
        errors,
    }
}

async fn new_unit_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let (centre, region, premises) = units::centre_for_units(&user, id).await?;
    let draft = UnitDraft {
        full_operation: "yes".into(),
        ..UnitDraft::default()
    };
    html(form(
        page,
        &user,
        (&centre, &region, &premises),
        Target::New,
        draft,
        Vec::new(),
    ))
}

async fn create_unit(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<UnitDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = units::create(&user, id, &draft).await;
    let saved = |_| (t.t("flash-saved"), format!("/centres/{id}"));
    after_post(&session, result, saved, async |errors| {
        let (centre, region, premises) = units::centre_for_units(&user, id).await?;
        let messages = field_messages(&t, &errors);
        Ok(form(
            page,
            &user,
            (&centre, &region, &premises),
            Target::New,
            draft,
            messages,
        ))
    })
    .await
}

async fn edit_unit_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let (u, centre, region, premises) = units::editable(&user, id).await?;
    let draft = UnitDraft {
        service: u.service.code().into(),
        name: u.name.clone().unwrap_or_default(),
        principal_kind: u.principal_kind.map(|k| k.code().to_string()).unwrap_or_default(),
        principal_name: u.principal_name.clone().unwrap_or_default(),
        premises_id: u.premises_id.map(|p| p.to_string()).unwrap_or_default(),
        full_operation: yes_no_code(u.full_operation),
        hours_per_week: u.minutes_per_week.map(format_hours).unwrap_or_default(),
        ..UnitDraft::default()
    };
    html(form(
        page,
        &user,
        (&centre, &region, &premises),
        Target::Edit(id),
        draft,
        Vec::new(),
    ))
}

async fn update_unit(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<UnitDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = units::update(&user, id, &draft).await;
    let saved = |centre_id| (t.t("flash-saved"), format!("/centres/{centre_id}"));
    after_post(&session, result, saved, async |errors| {
        let (_, centre, region, premises) = units::editable(&user, id).await?;
        let messages = field_messages(&t, &errors);
        Ok(form(
            page,
            &user,
            (&centre, &region, &premises),
            Target::Edit(id),
            draft,
            messages,
        ))
    })
    .await
}

/// The form that closes a unit, with the day as entered and its problems.
fn close_form(
    page: Page,
    user: &CurrentUser,
    (u, centre, region): (&Unit, &Centre, &Region),
    closed_on: String,
    errors: &samverka_core::FieldErrors,
) -> CloseForm {
    let t = page.t;
    let manage = user.actor.can_manage_region(region.id);
    let service = view::service_name(&t, u.service);
    CloseForm {
        page: page
            .titled(t.t1("unit-close-title", "service", &service))
            .in_region(region.id, &region.name, manage, "overview"),
        action: format!("/units/{}/close", u.id),
        cancel: format!("/centres/{}", centre.id),
        consequences: messages(&t, &["unit-close-kept", "unit-close-counts", "unit-close-undo"]),
        confirm_label: t.args(
            "unit-close-confirm",
            &[("service", service), ("centre", centre.name.clone())],
        ),
        closed_on,
        error: field_error(&t, errors, "closed_on"),
        confirm_error: field_error(&t, errors, "confirm"),
    }
}

async fn close_unit_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let (u, centre, region) = units::closable(&user, id).await?;
    let today = user.today.to_string();
    let none = samverka_core::FieldErrors::default();
    html(close_form(page, &user, (&u, &centre, &region), today, &none))
}

async fn close_unit(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<CloseDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = match form.confirmed() {
        Ok(()) => units::close(&user, id, &form.closed_on).await,
        // Who may not close it, or what is already closed, hears that first.
        Err(e) => units::closable(&user, id).await.and(Err(e)),
    };
    let saved = |centre_id| (t.t("flash-closed"), format!("/centres/{centre_id}"));
    after_post(&session, result, saved, async |errors| {
        let (u, centre, region) = units::closable(&user, id).await?;
        Ok(close_form(
            page,
            &user,
            (&u, &centre, &region),
            form.closed_on,
            &errors,
        ))
    })
    .await
}

async fn reopen_unit_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let (u, centre, region) = units::reopenable(&user, id).await?;
    let t = page.t;
    html(ReopenForm {
        page: page
            .titled(t.args(
                "unit-reopen-title",
                &[
                    ("service", view::service_name(&t, u.service)),
                    ("centre", centre.name.clone()),
                ],
            ))
            .in_region(region.id, &region.name, true, "overview"),
        action: format!("/units/{}/reopen", u.id),
        cancel: format!("/centres/{}", centre.id),
        consequences: messages(&t, &["unit-reopen-counts", "reopen-audit"]),
    })
}

async fn reopen_unit(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = units::reopen(&user, id).await;
    let saved = |centre_id| (t.t("flash-reopened"), format!("/centres/{centre_id}"));
    after_action(&session, result, saved).await
}
