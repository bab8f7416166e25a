//! Adding, editing and closing a centre's units (*verksamheter*).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use samverka_core::centre::{UnitDraft, validate_closing};
use samverka_core::hours::format_hours;
use samverka_core::{Centre, PrincipalKind, ServiceType};
use samverka_store::{centres, regions};
use tower_sessions::Session;

use super::centres::{CloseDraft, CloseForm};
use super::{html, invalid, require};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/centres/{id}/units/new", get(new_unit_form).post(create_unit))
        .route("/units/{id}/edit", get(edit_unit_form).post(update_unit))
        .route("/units/{id}/close", get(close_unit_form).post(close_unit))
}

#[derive(Template)]
#[template(path = "unit_form.html")]
struct UnitForm {
    page: Page,
    action: String,
    cancel: String,
    draft: UnitDraft,
    services: Vec<(&'static str, String)>,
    principals: Vec<(&'static str, String)>,
    yes_no: Vec<(&'static str, String)>,
    errors: Vec<(&'static str, String)>,
}

impl UnitForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// Options of a select or radio group: value and label.
type Choices = Vec<(&'static str, String)>;

fn choices(t: &Tr) -> (Choices, Choices, Choices) {
    let mut services: Vec<(&'static str, String)> = samverka_core::BaseService::ALL
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
    let yes_no = vec![
        ("", t.t("value-unknown")),
        ("yes", t.t("value-yes")),
        ("no", t.t("value-no")),
    ];
    (services, principals, yes_no)
}

/// A centre whose units the account may change.
struct Editable {
    centre: Centre,
    region: String,
    manage: bool,
}

fn form(
    page: Page,
    e: &Editable,
    action: String,
    draft: UnitDraft,
    errors: Choices,
    title: String,
) -> UnitForm {
    let (services, principals, yes_no) = choices(&page.t);
    UnitForm {
        page: page
            .titled(title)
            .in_region(e.centre.region_id, &e.region, e.manage, "overview"),
        action,
        cancel: format!("/centres/{}", e.centre.id),
        draft,
        services,
        principals,
        yes_no,
        errors,
    }
}

async fn editable_centre(state: &AppState, user: &CurrentUser, id: i64) -> Result<Editable, AppError> {
    let c = centres::get(&state.db, id).await?;
    require(user.actor.can_edit_centre(c.region_id, c.id))?;
    if c.closed_on.is_some() {
        return Err(AppError::Conflict("closed".into()));
    }
    let region = regions::get(&state.db, c.region_id).await?;
    let manage = user.actor.can_manage_region(c.region_id);
    Ok(Editable {
        centre: c,
        region: region.name,
        manage,
    })
}

async fn new_unit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let e = editable_centre(&state, &user, id).await?;
    let draft = UnitDraft {
        full_operation: "yes".into(),
        ..UnitDraft::default()
    };
    let title = page.t.t1("unit-new-title", "centre", &e.centre.name);
    html(form(
        page,
        &e,
        format!("/centres/{id}/units/new"),
        draft,
        Vec::new(),
        title,
    ))
}

async fn create_unit(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<UnitDraft>,
) -> Result<Response, AppError> {
    let e = editable_centre(&state, &user, id).await?;
    match draft.validate() {
        Ok(input) => {
            centres::create_unit(&state.db, &user.who(), e.centre.id, &input).await?;
            view::flash(&session, page.t.t("flash-saved")).await;
            Ok(Redirect::to(&format!("/centres/{id}")).into_response())
        }
        Err(errors) => {
            let t = page.t;
            let title = t.t1("unit-new-title", "centre", &e.centre.name);
            invalid(form(
                page,
                &e,
                format!("/centres/{id}/units/new"),
                draft,
                crate::view::field_messages(&t, &errors),
                title,
            ))
        }
    }
}

fn bool_code(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

async fn edit_unit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let u = centres::get_unit(&state.db, id).await?;
    let e = editable_centre(&state, &user, u.centre_id).await?;
    let draft = UnitDraft {
        service: u.service.code().into(),
        name: u.name.clone().unwrap_or_default(),
        principal_kind: u.principal_kind.map(|k| k.code().to_string()).unwrap_or_default(),
        principal_name: u.principal_name.clone().unwrap_or_default(),
        building: u.building.clone().unwrap_or_default(),
        shared_entrance: bool_code(u.shared_entrance),
        full_operation: bool_code(u.full_operation),
        hours_per_week: u.minutes_per_week.map(format_hours).unwrap_or_default(),
    };
    let title = page.t.t1("unit-edit-title", "centre", &e.centre.name);
    html(form(
        page,
        &e,
        format!("/units/{id}/edit"),
        draft,
        Vec::new(),
        title,
    ))
}

async fn update_unit(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<UnitDraft>,
) -> Result<Response, AppError> {
    let u = centres::get_unit(&state.db, id).await?;
    let e = editable_centre(&state, &user, u.centre_id).await?;
    match draft.validate() {
        Ok(input) => {
            centres::update_unit(&state.db, &user.who(), id, &input).await?;
            view::flash(&session, page.t.t("flash-saved")).await;
            Ok(Redirect::to(&format!("/centres/{}", e.centre.id)).into_response())
        }
        Err(errors) => {
            let t = page.t;
            let title = t.t1("unit-edit-title", "centre", &e.centre.name);
            invalid(form(
                page,
                &e,
                format!("/units/{id}/edit"),
                draft,
                crate::view::field_messages(&t, &errors),
                title,
            ))
        }
    }
}

async fn close_unit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let u = centres::get_unit(&state.db, id).await?;
    let e = editable_centre(&state, &user, u.centre_id).await?;
    if u.closed_on.is_some() {
        return Err(AppError::Conflict("closed".into()));
    }
    let t = page.t;
    html(CloseForm {
        page: page
            .titled(t.t1("unit-close-title", "service", view::service_name(&t, u.service)))
            .in_region(e.centre.region_id, &e.region, e.manage, "overview"),
        action: format!("/units/{id}/close"),
        cancel: format!("/centres/{}", e.centre.id),
        explanation: t.t("unit-close-explanation"),
        closed_on: chrono::Utc::now().date_naive().to_string(),
        error: None,
    })
}

async fn close_unit(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<CloseDraft>,
) -> Result<Response, AppError> {
    let u = centres::get_unit(&state.db, id).await?;
    let e = editable_centre(&state, &user, u.centre_id).await?;
    if u.closed_on.is_some() {
        return Err(AppError::Conflict("closed".into()));
    }
    let t = page.t;
    match validate_closing(None, &form.closed_on) {
        Ok(date) => {
            centres::close_unit(&state.db, &user.who(), id, date).await?;
            view::flash(&session, t.t("flash-closed")).await;
            Ok(Redirect::to(&format!("/centres/{}", e.centre.id)).into_response())
        }
        Err(errors) => invalid(CloseForm {
            page: page
                .titled(t.t1("unit-close-title", "service", view::service_name(&t, u.service)))
                .in_region(e.centre.region_id, &e.region, e.manage, "overview"),
            action: format!("/units/{id}/close"),
            cancel: format!("/centres/{}", e.centre.id),
            explanation: t.t("unit-close-explanation"),
            closed_on: form.closed_on,
            error: view::field_error(&t, &errors, "closed_on"),
        }),
    }
}
