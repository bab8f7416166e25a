//! Creating, editing and closing centres.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use samverka_app::registry::centres;
use samverka_core::centre::CentreDraft;
use samverka_core::hours::format_hours;
use samverka_core::{Centre, Municipality, Region};
use serde::Deserialize;
use tower_sessions::Session;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::forms::{error_for, field_error, field_messages};
use crate::ui::render::{after_post, html};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/regions/{id}/centres/new",
            get(new_centre_form).post(create_centre),
        )
        .route("/centres/{id}/edit", get(edit_centre_form).post(update_centre))
        .route("/centres/{id}/close", get(close_centre_form).post(close_centre))
}

/// The centre form, new or edit, with any problems.
#[derive(Template)]
#[template(path = "registry/centre_form.html")]
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
        error_for(&self.errors, field)
    }
}

/// The centre form: a new centre of the region, or (with the centre) a
/// change to one.
fn centre_form(
    page: Page,
    user: &CurrentUser,
    region: &Region,
    centre: Option<&Centre>,
    draft: CentreDraft,
    municipalities: Vec<Municipality>,
    errors: Vec<(&'static str, String)>,
) -> CentreForm {
    let t = page.t;
    let (title, manage, action, cancel) = match centre {
        None => (
            t.t("centre-new-title"),
            true,
            format!("/regions/{}/centres/new", region.id),
            format!("/regions/{}", region.id),
        ),
        Some(c) => (
            t.t1("centre-edit-title", "name", &c.name),
            user.actor.can_manage_region(c.region_id),
            format!("/centres/{}/edit", c.id),
            format!("/centres/{}", c.id),
        ),
    };
    CentreForm {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "overview"),
        action,
        cancel,
        draft,
        municipalities,
        errors,
    }
}

async fn new_centre_form(
    user: CurrentUser,
    page: Page,
    Path(region_id): Path<i64>,
) -> Result<Response, PageError> {
    let (region, munis) = centres::new_form(&user, region_id).await?;
    let draft = CentreDraft::default();
    html(centre_form(page, &user, &region, None, draft, munis, Vec::new()))
}

async fn create_centre(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(region_id): Path<i64>,
    Form(draft): Form<CentreDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = centres::create(&user, region_id, &draft).await;
    let saved = |id| (t.t("flash-saved"), format!("/centres/{id}"));
    after_post(&session, result, saved, async |errors| {
        let (region, munis) = centres::new_form(&user, region_id).await?;
        let messages = field_messages(&t, &errors);
        Ok(centre_form(page, &user, &region, None, draft, munis, messages))
    })
    .await
}

async fn edit_centre_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let (c, region, munis) = centres::editable(&user, id).await?;
    let draft = CentreDraft {
        name: c.name.clone(),
        municipality_id: c.municipality_id.to_string(),
        address: c.address.clone().unwrap_or_default(),
        opened_on: c.opened_on.map(|d| d.to_string()).unwrap_or_default(),
        shared_opening_hours: c.shared_opening_minutes.map(format_hours).unwrap_or_default(),
    };
    html(centre_form(
        page,
        &user,
        &region,
        Some(&c),
        draft,
        munis,
        Vec::new(),
    ))
}

async fn update_centre(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<CentreDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = centres::update(&user, id, &draft).await;
    let saved = |()| (t.t("flash-saved"), format!("/centres/{id}"));
    after_post(&session, result, saved, async |errors| {
        let (c, region, munis) = centres::editable(&user, id).await?;
        let messages = field_messages(&t, &errors);
        Ok(centre_form(
            page,
            &user,
            &region,
            Some(&c),
            draft,
            munis,
            messages,
        ))
    })
    .await
}

/// The form that closes a centre or a unit.
#[derive(Template)]
#[template(path = "registry/close_form.html")]
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

/// The form that closes a centre, with the day as entered and its problem.
fn close_form(
    page: Page,
    (c, region): (&Centre, &Region),
    closed_on: String,
    error: Option<String>,
) -> CloseForm {
    let t = page.t;
    CloseForm {
        page: page
            .titled(t.t1("centre-close-title", "name", &c.name))
            .in_region(region.id, &region.name, true, "overview"),
        action: format!("/centres/{}/close", c.id),
        cancel: format!("/centres/{}", c.id),
        explanation: t.t("centre-close-explanation"),
        closed_on,
        error,
    }
}

async fn close_centre_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (c, region) = centres::closable(&user, id).await?;
    html(close_form(page, (&c, &region), user.today.to_string(), None))
}

async fn close_centre(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<CloseDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = centres::close(&user, id, &form.closed_on).await;
    let saved = |()| (t.t("flash-closed"), format!("/centres/{id}"));
    after_post(&session, result, saved, async |errors| {
        let (c, region) = centres::closable(&user, id).await?;
        let error = field_error(&t, &errors, "closed_on");
        Ok(close_form(page, (&c, &region), form.closed_on, error))
    })
    .await
}
