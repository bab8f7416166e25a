//! Logging in and out. Failed attempts are throttled per account and per
//! client address (successful ones never are); a throttled attempt gets a
//! page in the reader's language saying how long to wait.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use samverka_app::accounts::login::{self, LoginOutcome};
use serde::Deserialize;
use tower_sessions::Session;

use crate::http::auth::{safe_next, start_session};
use crate::http::client;
use crate::http::error::PageError;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::render::{html, see_other};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login_post))
        .route("/logout", post(logout))
}

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    page: Page,
    next: String,
    email: String,
    failed: bool,
    throttled: Option<String>,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn login_form(page: Page, Query(q): Query<NextQuery>) -> Result<Response, PageError> {
    if page.user.is_some() {
        return Ok(see_other(&safe_next(q.next)));
    }
    let title = page.t.t("login-title");
    html(LoginPage {
        page: page.titled(title),
        next: safe_next(q.next),
        email: String::new(),
        failed: false,
        throttled: None,
    })
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// The client address, from the request's parts.
struct ClientAddr(Option<std::net::IpAddr>);

impl axum::extract::FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(client::address(parts, &state.config.trusted_proxies)))
    }
}

async fn login_post(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    session: Session,
    page: Page,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    match login::login(&state.app, &form.email, &form.password, addr).await? {
        LoginOutcome::Accepted(account) => {
            start_session(&session, account.id, state.app.now().timestamp()).await?;
            tracing::info!(user = account.id, "logged in");
            Ok(see_other(&safe_next(form.next)))
        }
        outcome => {
            let t = page.t;
            let (status, throttled, wait) = match outcome {
                LoginOutcome::Throttled { retry_after } => (
                    StatusCode::TOO_MANY_REQUESTS,
                    Some(t.t1("login-throttled", "minutes", retry_after.div_ceil(60).max(1))),
                    Some(retry_after),
                ),
                _ => (StatusCode::UNAUTHORIZED, None, None),
            };
            let body = LoginPage {
                page: page.titled(t.t("login-title")),
                next: safe_next(form.next),
                email: form.email.trim().to_string(),
                failed: throttled.is_none(),
                throttled,
            }
            .render()?;
            let mut res = (status, Html(body)).into_response();
            if let Some(w) = wait
                && let Ok(v) = HeaderValue::from_str(&w.to_string())
            {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            Ok(res)
        }
    }
}

async fn logout(session: Session) -> Result<Response, PageError> {
    session
        .flush()
        .await
        .map_err(|_| PageError::App(samverka_app::Error::Unavailable))?;
    Ok(see_other("/login"))
}
