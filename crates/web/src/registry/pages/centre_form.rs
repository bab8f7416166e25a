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
use crate::ui::render::{after_action, after_post, html};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/regions/{id}/centres/new",
            get(new_centre_form).post(create_centre),
        )
        .route("/centres/{id}/edit", get(edit_centre_form).post(update_centre))
        .route("/centres/{id}/close", get(close_centre_form).post(close_centre))
        .route(
            "/centres/{id}/reopen",
            get(reopen_centre_form).post(reopen_centre),
        )
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

/// The form that closes a centre or a unit: what happens, the day, and a
/// box to tick to confirm.
#[derive(Template)]
#[template(path = "registry/close_form.html")]
pub(crate) struct CloseForm {
    pub page: Page,
    pub action: String,
    pub cancel: String,
    pub consequences: Vec<String>,
    pub confirm_label: String,
    pub closed_on: String,
    pub error: Option<String>,
    pub confirm_error: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct CloseDraft {
    #[serde(default)]
    pub closed_on: String,
    /// The ticked confirmation box.
    #[serde(default)]
    pub confirm: Option<String>,
}

impl CloseDraft {
    /// Closing from a page needs the box ticked; without it, nothing is closed.
    pub fn confirmed(&self) -> samverka_app::Result<()> {
        match self.confirm.as_deref() {
            Some(v) if !v.is_empty() => Ok(()),
            _ => Err(samverka_app::Error::field("confirm", "confirm-close")),
        }
    }
}

/// The page that asks before reopening a centre or a unit.
#[derive(Template)]
#[template(path = "registry/reopen_form.html")]
pub(crate) struct ReopenForm {
    pub page: Page,
    pub action: String,
    pub cancel: String,
    pub consequences: Vec<String>,
}

/// The messages of a list of keys, in order.
pub(crate) fn messages(t: &crate::http::i18n::Tr, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| t.t(k)).collect()
}

/// The form that closes a centre, with the day as entered and its problems.
fn close_form(
    page: Page,
    (c, region): (&Centre, &Region),
    closed_on: String,
    errors: &samverka_core::FieldErrors,
) -> CloseForm {
    let t = page.t;
    CloseForm {
        page: page
            .titled(t.t1("centre-close-title", "name", &c.name))
            .in_region(region.id, &region.name, true, "overview"),
        action: format!("/centres/{}/close", c.id),
        cancel: format!("/centres/{}", c.id),
        consequences: messages(
            &t,
            &[
                "centre-close-kept",
                "centre-close-counts",
                "centre-close-frozen",
                "centre-close-undo",
            ],
        ),
        confirm_label: t.t1("centre-close-confirm", "name", &c.name),
        closed_on,
        error: field_error(&t, errors, "closed_on"),
        confirm_error: field_error(&t, errors, "confirm"),
    }
}

async fn close_centre_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (c, region) = centres::closable(&user, id).await?;
    let none = samverka_core::FieldErrors::default();
    html(close_form(page, (&c, &region), user.today.to_string(), &none))
}

async fn close_centre(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<CloseDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = match form.confirmed() {
        Ok(()) => centres::close(&user, id, &form.closed_on).await,
        // Who may not close it, or what is already closed, hears that first.
        Err(e) => centres::closable(&user, id).await.and(Err(e)),
    };
    let saved = |()| (t.t("flash-closed"), format!("/centres/{id}"));
    after_post(&session, result, saved, async |errors| {
        let (c, region) = centres::closable(&user, id).await?;
        Ok(close_form(page, (&c, &region), form.closed_on, &errors))
    })
    .await
}

async fn reopen_centre_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (c, region) = centres::reopenable(&user, id).await?;
    let t = page.t;
    html(ReopenForm {
        page: page
            .titled(t.t1("centre-reopen-title", "name", &c.name))
            .in_region(region.id, &region.name, true, "overview"),
        action: format!("/centres/{}/reopen", c.id),
        cancel: format!("/centres/{}", c.id),
        consequences: messages(
            &t,
            &["centre-reopen-counts", "centre-reopen-units", "reopen-audit"],
        ),
    })
}

async fn reopen_centre(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = centres::reopen(&user, id).await;
    let saved = |()| (t.t("flash-reopened"), format!("/centres/{id}"));
    after_action(&session, result, saved).await
}
