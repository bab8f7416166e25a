//! Logging in and out, passwords (argon2id), API tokens (stored hashed), and
//! who the current request belongs to.

use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use askama::Template;
use axum::extract::{FromRequestParts, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine;
use rand::RngCore;
use samverka_core::Actor;
use samverka_store::users::{self, User};
use samverka_store::{Db, Who};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_sessions::Session;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::{AppState, WebConfig};
use crate::view::Page;

const USER_KEY: &str = "uid";

/// Hashes a password with argon2id and a random salt.
pub fn hash_password(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Checks a password against a stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// Makes a new API token: the secret to show once, and the hash to store.
pub fn new_api_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = format!(
        "svk_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    );
    let hash = hash_token(&token);
    (token, hash)
}

/// The stored form of an API token.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The account behind the current request, with what it may do.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// The account.
    pub user: User,
    /// Its grants.
    pub actor: Actor,
}

impl CurrentUser {
    /// How this account appears in the audit trail.
    pub fn who(&self) -> Who {
        Who::user(self.user.id, &self.user.email)
    }
}

async fn load(db: &Db, user: User) -> Result<Option<Arc<CurrentUser>>, AppError> {
    if user.disabled {
        return Ok(None);
    }
    let today = chrono::Utc::now().date_naive();
    let (grants, seats) = tokio::try_join!(
        users::grants(db, user.id),
        samverka_store::people::seats_of_user(db, user.id, today)
    )?;
    let actor = Actor {
        user_id: user.id,
        grants,
        seats,
    };
    Ok(Some(Arc::new(CurrentUser { user, actor })))
}

/// Finds who is calling: a bearer token for `/api/`, the session cookie elsewhere.
pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let found = if req.uri().path().starts_with("/api/") {
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        match token {
            Some(t) => match users::user_by_token(&state.db, &hash_token(t)).await {
                Ok(Some(u)) => load(&state.db, u).await,
                Ok(None) => Ok(None),
                Err(e) => Err(e.into()),
            },
            None => Ok(None),
        }
    } else {
        match req.extensions().get::<Session>() {
            Some(session) => match session.get::<i64>(USER_KEY).await {
                Ok(Some(id)) => match users::get(&state.db, id).await {
                    Ok(u) => load(&state.db, u).await,
                    Err(samverka_store::StoreError::NotFound) => Ok(None),
                    Err(e) => Err(e.into()),
                },
                _ => Ok(None),
            },
            None => Ok(None),
        }
    };
    match found {
        Ok(Some(user)) => {
            req.extensions_mut().insert(user);
        }
        Ok(None) => {}
        Err(e) => return e.into_response(),
    }
    next.run(req).await
}

/// Sends visitors who are not logged in to the login page.
pub async fn require_login_page(req: Request, next: Next) -> Response {
    if req.extensions().get::<Arc<CurrentUser>>().is_some() {
        return next.run(req).await;
    }
    let target = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let next_param: String = serde_urlencoded::to_string([("next", target)]).unwrap_or_default();
    Redirect::to(&format!("/login?{next_param}")).into_response()
}

/// Answers API calls without a valid token with 401.
pub async fn require_login_api(req: Request, next: Next) -> Response {
    if req.extensions().get::<Arc<CurrentUser>>().is_some() {
        return next.run(req).await;
    }
    let t = Tr::new(
        req.extensions()
            .get::<crate::i18n::Lang>()
            .copied()
            .unwrap_or_default(),
    );
    let mut res = (
        StatusCode::UNAUTHORIZED,
        Json(serde_json::json!({ "errors": [{ "detail": t.t("api-error-unauthorized") }] })),
    )
        .into_response();
    res.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        header::HeaderValue::from_static("Bearer"),
    );
    res
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Arc<CurrentUser>>()
            .map(|u| (**u).clone())
            .ok_or(AppError::Unauthorized)
    }
}

/// Login, logout and language switching: open to everyone.
pub fn public_router(config: &WebConfig) -> Router<AppState> {
    let limiter = GovernorConfigBuilder::default()
        .per_second(config.login_refill_seconds.max(1))
        .burst_size(config.login_burst.max(1))
        .finish()
        .map(Arc::new);
    let login_post = post(login);
    let login_post = match limiter {
        Some(conf) => login_post.layer(GovernorLayer::new(conf)),
        None => login_post,
    };
    Router::new()
        .route("/login", get(login_form).merge(login_post))
        .route("/logout", post(logout))
        .route("/lang/{code}", get(crate::i18n::switch))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Page,
    next: String,
    email: String,
    failed: bool,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// A local path to go to next, or `/`. Control characters are refused:
/// browsers drop tabs and line breaks from URLs (so `/<tab>/evil.example`
/// would leave the site), and a line break cannot be put in `Location`.
pub(crate) fn safe_next(next: Option<String>) -> String {
    next.filter(|n| {
        n.starts_with('/')
            && !n.starts_with("//")
            && !n.starts_with("/\\")
            && !n.chars().any(char::is_control)
    })
    .unwrap_or_else(|| "/".into())
}

async fn login_form(page: Page, Query(q): Query<NextQuery>) -> Result<Response, AppError> {
    if page.user.is_some() {
        return Ok(Redirect::to(&safe_next(q.next)).into_response());
    }
    let title = page.t.t("login-title");
    let html = LoginPage {
        page: page.titled(title),
        next: safe_next(q.next),
        email: String::new(),
        failed: false,
    }
    .render()?;
    Ok(Html(html).into_response())
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// A hash to verify against when the account does not exist, so that
/// answering takes as long either way.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("not a real password").unwrap_or_default());

async fn login(
    State(state): State<AppState>,
    session: Session,
    page: Page,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let user = users::find_by_email(&state.db, &form.email).await?;
    let ok = match &user {
        Some(u) if !u.disabled => u
            .password_hash
            .as_deref()
            .is_some_and(|h| verify_password(&form.password, h)),
        _ => {
            verify_password(&form.password, &DUMMY_HASH);
            false
        }
    };
    match (ok, user) {
        (true, Some(u)) => {
            session.cycle_id().await.map_err(|_| AppError::Internal)?;
            session
                .insert(USER_KEY, u.id)
                .await
                .map_err(|_| AppError::Internal)?;
            crate::csrf::renew(&session).await;
            tracing::info!(user = u.id, "logged in");
            Ok(Redirect::to(&safe_next(form.next)).into_response())
        }
        _ => {
            tracing::info!("failed login");
            let title = page.t.t("login-title");
            let html = LoginPage {
                page: page.titled(title),
                next: safe_next(form.next),
                email: form.email.trim().to_string(),
                failed: true,
            }
            .render()?;
            Ok((StatusCode::UNAUTHORIZED, Html(html)).into_response())
        }
    }
}

async fn logout(session: Session) -> Result<Response, AppError> {
    session.flush().await.map_err(|_| AppError::Internal)?;
    Ok(Redirect::to("/login").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_password("rätt häst batteri").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("rätt häst batteri", &h));
        assert!(!verify_password("fel", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn tokens_are_stored_hashed() {
        let (token, hash) = new_api_token();
        assert!(token.starts_with("svk_"));
        assert_ne!(token, hash);
        assert_eq!(hash_token(&token), hash);
    }

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/centres/1".into())), "/centres/1");
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(None), "/");
    }
}
