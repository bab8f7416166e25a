//! A centre's page, and creating, editing and closing centres.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use samverka_core::FieldErrors;
use samverka_core::centre::{CentreDraft, validate_closing};
use samverka_core::hours::format_hours;
use samverka_store::municipalities::{self, Municipality};
use samverka_store::{StoreError, centres};
use serde::Deserialize;
use tower_sessions::Session;

use super::{html, invalid, managed_region, require};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::registry;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/centres/{id}", get(show_centre))
        .route(
            "/regions/{id}/centres/new",
            get(new_centre_form).post(create_centre),
        )
        .route("/centres/{id}/edit", get(edit_centre_form).post(update_centre))
        .route("/centres/{id}/close", get(close_centre_form).post(close_centre))
}

pub struct UnitLine {
    pub id: i64,
    pub service: String,
    pub name: String,
    pub principal: String,
    pub building: String,
    pub shared_entrance: String,
    pub full_operation: String,
    pub hours: String,
    pub closed_on: Option<String>,
}

#[derive(Template)]
#[template(path = "centre.html")]
struct CentrePage {
    page: Page,
    id: i64,
    municipality: String,
    address: String,
    opened_on: String,
    closed_on: Option<String>,
    shared_hours: String,
    classification: String,
    class_code: &'static str,
    possible: Option<String>,
    findings: Vec<String>,
    rules: String,
    colocation: String,
    units: Vec<UnitLine>,
    can_edit: bool,
    can_close: bool,
    /// The centre's governance signals this year, rendered (autoescaped) by `signals.rs`.
    signals_html: String,
}

async fn show_centre(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (c, region) = registry::centre(&state.db, id).await?;
    require(user.actor.can_view_region(region.id))?;
    let t = page.t;
    let missing = t.t("value-missing");
    let units = c
        .units
        .iter()
        .map(|u| UnitLine {
            id: u.id,
            service: view::service_name(&t, u.service),
            name: u.name.clone().unwrap_or_default(),
            principal: match (&u.principal_name, u.principal_kind) {
                (Some(n), k) => format!("{n} ({})", view::principal_name(&t, k)),
                (None, Some(k)) => view::principal_name(&t, Some(k)),
                (None, None) => missing.clone(),
            },
            building: u.building.clone().unwrap_or_else(|| missing.clone()),
            shared_entrance: view::yes_no(&t, u.shared_entrance),
            full_operation: view::yes_no(&t, u.full_operation),
            hours: u
                .minutes_per_week
                .map(format_hours)
                .unwrap_or_else(|| missing.clone()),
            closed_on: u.closed_on.map(|d| d.to_string()),
        })
        .collect();
    let possible = c.outcome.possible.map(|(lo, hi)| {
        t.args(
            "centre-possible",
            &[
                ("low", view::classification_name(&t, Some(lo))),
                ("high", view::classification_name(&t, Some(hi))),
            ],
        )
    });
    let year = chrono::Datelike::year(&super::signals::today());
    let signals_html = super::signals::centre_signals_html(&state, &t, &region, c.centre.id, year).await?;
    let can_edit = user.actor.can_edit_centre(region.id, c.centre.id) && c.centre.closed_on.is_none();
    let can_close = user.actor.can_manage_region(region.id) && c.centre.closed_on.is_none();
    let manage = user.actor.can_manage_region(region.id);
    let title = c.centre.name.clone();
    html(CentrePage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "overview"),
        id: c.centre.id,
        municipality: c.municipality.clone(),
        address: c.centre.address.clone().unwrap_or_else(|| missing.clone()),
        opened_on: c
            .centre
            .opened_on
            .map(|d| d.to_string())
            .unwrap_or_else(|| missing.clone()),
        closed_on: c.centre.closed_on.map(|d| d.to_string()),
        shared_hours: c
            .centre
            .shared_opening_minutes
            .map(format_hours)
            .unwrap_or_else(|| missing.clone()),
        classification: view::classification_name(&t, c.outcome.classification),
        class_code: c.outcome.classification.map_or("undetermined", |x| x.code()),
        possible,
        findings: c
            .outcome
            .findings
            .iter()
            .map(|f| view::finding_text(&t, f))
            .collect(),
        rules: view::preset_name(&t, c.outcome.preset),
        colocation: view::colocation_name(&t, c.colocation),
        units,
        can_edit,
        can_close,
        signals_html,
    })
}

/// The centre form, new or edit, with any problems.
#[derive(Template)]
#[template(path = "centre_form.html")]
struct CentreForm {
    page: Page,
    action: String,
    cancel: String,
    draft: CentreDraft,
    municipalities: Vec<Municipality>,
    errors: Vec<(&'static str, String)>,
}

impl CentreForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

/// Turns a store refusal about a field into a form problem.
fn store_field_error(e: StoreError) -> Result<FieldErrors, AppError> {
    match e {
        StoreError::Invalid(field) if field == "municipality_id" => {
            let mut errors = FieldErrors::default();
            errors.add("municipality_id", "invalid-choice");
            Ok(errors)
        }
        other => Err(other.into()),
    }
}

async fn new_centre_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(region_id): Path<i64>,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, region_id).await?;
    let munis = municipalities::list(&state.db, Some(region.id)).await?;
    let title = page.t.t("centre-new-title");
    html(CentreForm {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, true, "overview"),
        action: format!("/regions/{}/centres/new", region.id),
        cancel: format!("/regions/{}", region.id),
        draft: CentreDraft::default(),
        municipalities: munis,
        errors: Vec::new(),
    })
}

async fn create_centre(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(region_id): Path<i64>,
    Form(draft): Form<CentreDraft>,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, region_id).await?;
    let result = match draft.validate() {
        Ok(input) => match centres::create(&state.db, &user.who(), region.id, &input).await {
            Ok(id) => Ok(id),
            Err(e) => Err(store_field_error(e)?),
        },
        Err(errors) => Err(errors),
    };
    match result {
        Ok(id) => {
            view::flash(&session, page.t.t("flash-saved")).await;
            Ok(Redirect::to(&format!("/centres/{id}")).into_response())
        }
        Err(errors) => {
            let munis = municipalities::list(&state.db, Some(region.id)).await?;
            let t = page.t;
            invalid(CentreForm {
                page: page.titled(t.t("centre-new-title")).in_region(
                    region.id,
                    &region.name,
                    true,
                    "overview",
                ),
                action: format!("/regions/{}/centres/new", region.id),
                cancel: format!("/regions/{}", region.id),
                draft,
                municipalities: munis,
                errors: crate::view::field_messages(&t, &errors),
            })
        }
    }
}

async fn editable(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<(samverka_core::Centre, String), AppError> {
    let c = centres::get(&state.db, id).await?;
    require(user.actor.can_edit_centre(c.region_id, c.id))?;
    if c.closed_on.is_some() {
        return Err(AppError::Conflict("closed".into()));
    }
    let region = samverka_store::regions::get(&state.db, c.region_id).await?;
    Ok((c, region.name))
}

async fn edit_centre_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (c, region_name) = editable(&state, &user, id).await?;
    let munis = municipalities::list(&state.db, Some(c.region_id)).await?;
    let draft = CentreDraft {
        name: c.name.clone(),
        municipality_id: c.municipality_id.to_string(),
        address: c.address.clone().unwrap_or_default(),
        opened_on: c.opened_on.map(|d| d.to_string()).unwrap_or_default(),
        shared_opening_hours: c.shared_opening_minutes.map(format_hours).unwrap_or_default(),
    };
    let title = page.t.t1("centre-edit-title", "name", &c.name);
    let manage = user.actor.can_manage_region(c.region_id);
    html(CentreForm {
        page: page
            .titled(title)
            .in_region(c.region_id, &region_name, manage, "overview"),
        action: format!("/centres/{id}/edit"),
        cancel: format!("/centres/{id}"),
        draft,
        municipalities: munis,
        errors: Vec::new(),
    })
}

async fn update_centre(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<CentreDraft>,
) -> Result<Response, AppError> {
    let (c, region_name) = editable(&state, &user, id).await?;
    let result = match draft.validate() {
        Ok(input) => match centres::update(&state.db, &user.who(), id, &input).await {
            Ok(()) => Ok(()),
            Err(e) => Err(store_field_error(e)?),
        },
        Err(errors) => Err(errors),
    };
    match result {
        Ok(()) => {
            view::flash(&session, page.t.t("flash-saved")).await;
            Ok(Redirect::to(&format!("/centres/{id}")).into_response())
        }
        Err(errors) => {
            let munis = municipalities::list(&state.db, Some(c.region_id)).await?;
            let t = page.t;
            let manage = user.actor.can_manage_region(c.region_id);
            invalid(CentreForm {
                page: page.titled(t.t1("centre-edit-title", "name", &c.name)).in_region(
                    c.region_id,
                    &region_name,
                    manage,
                    "overview",
                ),
                action: format!("/centres/{id}/edit"),
                cancel: format!("/centres/{id}"),
                draft,
                municipalities: munis,
                errors: crate::view::field_messages(&t, &errors),
            })
        }
    }
}

/// The form that closes a centre or a unit.
#[derive(Template)]
#[template(path = "close_form.html")]
pub(crate) struct CloseForm {
    pub page: Page,
    pub action: String,
    pub cancel: String,
    pub explanation: String,
    pub closed_on: String,
    pub error: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct CloseDraft {
    #[serde(default)]
    pub closed_on: String,
}

async fn close_centre_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = centres::get(&state.db, id).await?;
    let region = managed_region(&state, &user, c.region_id).await?;
    if c.closed_on.is_some() {
        return Err(AppError::Conflict("closed".into()));
    }
    let t = page.t;
    html(CloseForm {
        page: page
            .titled(t.t1("centre-close-title", "name", &c.name))
            .in_region(region.id, &region.name, true, "overview"),
        action: format!("/centres/{id}/close"),
        cancel: format!("/centres/{id}"),
        explanation: t.t("centre-close-explanation"),
        closed_on: chrono::Utc::now().date_naive().to_string(),
        error: None,
    })
}

async fn close_centre(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<CloseDraft>,
) -> Result<Response, AppError> {
    let c = centres::get(&state.db, id).await?;
    let region = managed_region(&state, &user, c.region_id).await?;
    if c.closed_on.is_some() {
        return Err(AppError::Conflict("closed".into()));
    }
    let t = page.t;
    match validate_closing(c.opened_on, &form.closed_on) {
        Ok(date) => {
            centres::close(&state.db, &user.who(), id, date).await?;
            view::flash(&session, t.t("flash-closed")).await;
            Ok(Redirect::to(&format!("/centres/{id}")).into_response())
        }
        Err(errors) => invalid(CloseForm {
            page: page
                .titled(t.t1("centre-close-title", "name", &c.name))
                .in_region(region.id, &region.name, true, "overview"),
            action: format!("/centres/{id}/close"),
            cancel: format!("/centres/{id}"),
            explanation: t.t("centre-close-explanation"),
            closed_on: form.closed_on,
            error: view::field_error(&t, &errors, "closed_on"),
        }),
    }
}
