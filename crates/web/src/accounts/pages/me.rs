//! `/account`: one's own account: changing the password (which ends every
//! other session of the account), and the API tokens: made with a name and
//! an optional last day, shown once, listed, revoked.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use samverka_app::Error;
use samverka_app::accounts::{me, tokens};
use samverka_core::account::ApiToken;
use serde::Deserialize;
use tower_sessions::Session;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::forms::{error_for, field_messages};
use crate::ui::render::{after_post, html, invalid, see_other};
use crate::ui::{Page, flash};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account", get(show_account))
        .route("/account/password", post(change_password))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
}

/// One token as the pages list it.
pub struct TokenLine {
    pub id: i64,
    pub label: String,
    pub created: String,
    pub expires: String,
    pub last_used: String,
    pub status: String,
    pub active: bool,
}

fn day_of(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| samverka_core::clock::swedish_date(t.with_timezone(&chrono::Utc)).to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// Tokens in words.
pub fn token_lines(t: &Tr, list: &[ApiToken], today: NaiveDate) -> Vec<TokenLine> {
    list.iter()
        .map(|tk| {
            let active = tk.is_active(today);
            TokenLine {
                id: tk.id,
                label: tk.label.clone(),
                created: day_of(&tk.created_at),
                expires: tk
                    .expires_on
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| t.t("tokens-no-expiry")),
                last_used: tk
                    .last_used_at
                    .as_deref()
                    .map(day_of)
                    .unwrap_or_else(|| t.t("tokens-never-used")),
                status: t.t(if tk.revoked_at.is_some() {
                    "tokens-revoked"
                } else if active {
                    "tokens-active"
                } else {
                    "tokens-expired"
                }),
                active,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "accounts/me.html")]
struct MePage {
    page: Page,
    email: String,
    tokens: Vec<TokenLine>,
    revoke_base: String,
    new_secret: Option<String>,
    token_form: tokens::TokenDraft,
    errors: Vec<(&'static str, String)>,
}

impl MePage {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

async fn me_page(
    user: &CurrentUser,
    page: Page,
    new_secret: Option<String>,
    token_form: tokens::TokenDraft,
    errors: Vec<(&'static str, String)>,
) -> Result<MePage, PageError> {
    let list = tokens::list(user, user.id()).await?;
    let t = page.t;
    let email = user.account.as_ref().map(|a| a.email.clone()).unwrap_or_default();
    Ok(MePage {
        page: page.titled(t.t("me-title")),
        email,
        tokens: token_lines(&t, &list, user.today),
        revoke_base: "/account/tokens".into(),
        new_secret,
        token_form,
        errors,
    })
}

async fn show_account(user: CurrentUser, page: Page) -> Result<Response, PageError> {
    html(me_page(&user, page, None, tokens::TokenDraft::default(), Vec::new()).await?)
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

async fn change_password(
    user: CurrentUser,
    session: Session,
    page: Page,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    let keep = session.id().map(|i| i.to_string());
    let t = page.t;
    let result =
        me::change_password(&user, &form.current_password, &form.new_password, keep.as_deref()).await;
    let saved = |()| (t.t("flash-password-changed"), "/account".into());
    after_post(&session, result, saved, async |errors| {
        let messages = field_messages(&t, &errors);
        me_page(&user, page, None, tokens::TokenDraft::default(), messages).await
    })
    .await
}

async fn create_token(
    user: CurrentUser,
    page: Page,
    Form(form): Form<tokens::TokenDraft>,
) -> Result<Response, PageError> {
    match tokens::create(&user, user.id(), &form).await {
        // The secret is shown once, on this answer, and never stored.
        Ok((_, secret)) => html(
            me_page(
                &user,
                page.not_again(),
                Some(secret),
                tokens::TokenDraft::default(),
                Vec::new(),
            )
            .await?,
        ),
        Err(Error::Invalid(errors)) => {
            let messages = field_messages(&page.t, &errors);
            invalid(me_page(&user, page, None, form, messages).await?)
        }
        // Shown again in another language: as typed, nothing made.
        Err(Error::NotSaved) => html(me_page(&user, page, None, form, Vec::new()).await?),
        Err(e) => Err(e.into()),
    }
}

async fn revoke_token(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let list = tokens::list(&user, user.id()).await?;
    if !list.iter().any(|t| t.id == id) {
        return Err(PageError::App(Error::NotFound));
    }
    tokens::revoke(&user, id).await?;
    flash(&session, page.t.t("flash-token-revoked")).await;
    Ok(see_other("/account"))
}
