//! Who the current request belongs to: a bearer token for `/api/`, the
//! session cookie elsewhere. Sessions live in the database; a session's
//! expiry is moved forward at most every few minutes (reading pages does not
//! write the session row), and it ends for good after an absolute lifetime.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use samverka_app::accounts::context;
use samverka_app::{Ctx, Error};
use tower_sessions::Session;

use super::api_error::ApiError;
use super::error::PageError;
use super::extract::CurrentUser;
use crate::state::AppState;

/// Session key: the account's id.
pub const USER_KEY: &str = "uid";
/// Session key: when the account logged in (unix seconds).
pub const LOGIN_AT_KEY: &str = "login_at";
/// Session key: when the session's expiry was last moved forward (unix seconds).
pub const TOUCHED_KEY: &str = "touched";

/// Starts a logged-in session for an account: a new session id (against
/// fixation), the login time, and a new CSRF token, written once.
pub async fn start_session(session: &Session, user_id: i64, now: i64) -> Result<(), PageError> {
    let internal = |_| PageError::App(Error::Internal);
    session.cycle_id().await.map_err(internal)?;
    session.insert(USER_KEY, user_id).await.map_err(internal)?;
    session.insert(LOGIN_AT_KEY, now).await.map_err(internal)?;
    session.insert(TOUCHED_KEY, now).await.map_err(internal)?;
    super::csrf::renew(session).await;
    Ok(())
}

/// What the session says about the caller.
enum FromSession {
    Nobody,
    User(i64),
    Broken,
}

async fn session_user(state: &AppState, session: &Session) -> FromSession {
    let uid = match session.get::<i64>(USER_KEY).await {
        Ok(Some(id)) => id,
        Ok(None) => return FromSession::Nobody,
        Err(e) => {
            tracing::warn!("session could not be read: {e}");
            return FromSession::Broken;
        }
    };
    let limits = state.app.config().session;
    let now = state.app.now().timestamp();
    let login_at = session.get::<i64>(LOGIN_AT_KEY).await.ok().flatten().unwrap_or(0);
    let absolute = i64::try_from(limits.absolute.as_secs()).unwrap_or(i64::MAX);
    if now - login_at > absolute {
        // Past its absolute lifetime: the session ends, however busy it was.
        session.flush().await.ok();
        return FromSession::Nobody;
    }
    let touched = session.get::<i64>(TOUCHED_KEY).await.ok().flatten().unwrap_or(0);
    let refresh = i64::try_from(limits.refresh_every.as_secs()).unwrap_or(i64::MAX);
    if now - touched >= refresh {
        // Marks the session changed: it is saved with a new inactivity deadline.
        session.insert(TOUCHED_KEY, now).await.ok();
    }
    FromSession::User(uid)
}

/// Finds who is calling and puts [`CurrentUser`] into the request.
pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let found: Result<Option<Ctx>, Error> = if api {
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .map(str::to_string);
        match token {
            Some(t) => context::for_token(&state.app, &t).await,
            None => Ok(None),
        }
    } else {
        match req.extensions().get::<Session>().cloned() {
            Some(session) => match session_user(&state, &session).await {
                FromSession::Nobody => Ok(None),
                FromSession::Broken => Err(Error::Unavailable),
                FromSession::User(uid) => match context::for_user(&state.app, uid).await {
                    Ok(Some(ctx)) => Ok(Some(ctx)),
                    Ok(None) => {
                        // The account is gone or blocked everywhere: the session ends.
                        session.flush().await.ok();
                        Ok(None)
                    }
                    Err(e) => Err(e),
                },
            },
            None => Ok(None),
        }
    };
    match found {
        Ok(Some(ctx)) => {
            req.extensions_mut().insert(CurrentUser(Arc::new(ctx)));
        }
        Ok(None) => {}
        Err(e) if api => return ApiError::App(e).into_response(),
        Err(e) => return PageError::App(e).into_response(),
    }
    next.run(req).await
}

/// Sends visitors who are not logged in to the login page.
pub async fn require_login_page(req: Request, next: Next) -> Response {
    if req.extensions().get::<CurrentUser>().is_some() {
        return next.run(req).await;
    }
    let target = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let next_param: String = serde_urlencoded::to_string([("next", target)]).unwrap_or_default();
    Redirect::to(&format!("/login?{next_param}")).into_response()
}

/// Answers API calls without a valid token with 401.
pub async fn require_login_api(req: Request, next: Next) -> Response {
    if req.extensions().get::<CurrentUser>().is_some() {
        return next.run(req).await;
    }
    ApiError::Unauthorized.into_response()
}

/// A local path to go to next, or `/`. Control characters are refused:
/// browsers drop tabs and line breaks from URLs (so `/<tab>/evil.example`
/// would leave the site), and a line break cannot be put in `Location`.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| {
        n.starts_with('/')
            && !n.starts_with("//")
            && !n.starts_with("/\\")
            && !n.chars().any(char::is_control)
    })
    .unwrap_or_else(|| "/".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/centres/1".into())), "/centres/1");
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\t/evil.example".into())), "/");
        assert_eq!(safe_next(None), "/");
    }
}
