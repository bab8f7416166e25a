//! `/password/{secret}`: choosing a password with a one-time link (a new
//! account, or a link sent by those who manage the account). Using the link
//! ends every session of the account.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use samverka_app::Error;
use samverka_app::accounts::resets;
use serde::Deserialize;

use crate::http::error::PageError;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::forms::{error_for, field_messages};
use crate::ui::render::{html, invalid, see_other};

pub fn router() -> Router<AppState> {
    Router::new().route("/password/{secret}", get(link_form).post(use_link))
}

#[derive(Template)]
#[template(path = "accounts/password_link.html")]
struct LinkPage {
    page: Page,
    action: String,
    works: bool,
    errors: Vec<(&'static str, String)>,
}

impl LinkPage {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

async fn link_form(
    State(state): State<AppState>,
    page: Page,
    Path(secret): Path<String>,
) -> Result<Response, PageError> {
    let works = resets::link_works(&state.app, &secret).await?;
    let title = page.t.t("link-title");
    html(LinkPage {
        page: page.titled(title),
        action: format!("/password/{secret}"),
        works,
        errors: Vec::new(),
    })
}

#[derive(Deserialize)]
struct LinkForm {
    #[serde(default)]
    password: String,
}

async fn use_link(
    State(state): State<AppState>,
    page: Page,
    Path(secret): Path<String>,
    Form(form): Form<LinkForm>,
) -> Result<Response, PageError> {
    let t = page.t;
    match resets::use_link(&state.app, &secret, &form.password).await {
        Ok(()) => Ok(see_other("/login")),
        Err(Error::Invalid(errors)) => invalid(LinkPage {
            page: page.titled(t.t("link-title")),
            action: format!("/password/{secret}"),
            works: true,
            errors: field_messages(&t, &errors),
        }),
        Err(Error::Conflict(_)) => invalid(LinkPage {
            page: page.titled(t.t("link-title")),
            action: String::new(),
            works: false,
            errors: Vec::new(),
        }),
        Err(e) => Err(e.into()),
    }
}
