//! CSRF protection for every form: a secret token that each form carries in
//! a hidden `csrf` field (or, for file uploads, in the form's action URL).
//! A logged-in session keeps its token in the session (written once, at
//! login); a visitor who is not logged in gets it in a cookie of its own, so
//! that showing the login page writes nothing to the database. The guard
//! checks the token before any handler runs, so a form cannot be added
//! without protection. The API is exempt: it takes bearer tokens only.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::RngCore;
use tower_sessions::Session;

use super::error::PageError;
use crate::state::AppState;

const KEY: &str = "csrf";
/// The cookie that carries a visitor's token before they log in.
pub const COOKIE: &str = "samverka_csrf";
const MAX_FORM: usize = 5 * 1024 * 1024;

/// The token the page's forms carry, put into the request by [`guard`].
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Gives the session a new token (at login).
pub async fn renew(session: &Session) {
    session.insert(KEY, new_token()).await.ok();
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn cookie_token(req: &Request) -> Option<String> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix("samverka_csrf="))
        .find(|t| {
            t.len() >= 32
                && t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(str::to_string)
}

/// Finds the request's token (the session's, or the visitor cookie's, or a
/// new one set as a cookie on the answer) and rejects any state-changing
/// request outside `/api/` whose form does not carry it.
pub async fn guard(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let session = req.extensions().get::<Session>().cloned();
    let from_session = match &session {
        Some(s) => match s.get::<String>(KEY).await {
            Ok(t) => t,
            Err(_) => return PageError::App(samverka_app::Error::Unavailable).into_response(),
        },
        None => None,
    };
    let from_cookie = cookie_token(&req);
    let (expected, set_cookie) = match (from_session, from_cookie) {
        (Some(t), _) => (t, false),
        (None, Some(t)) => (t, false),
        (None, None) => (new_token(), true),
    };
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    req.extensions_mut().insert(CsrfToken(expected.clone()));
    // A refused form is answered with the page's frame: who is logged in and
    // the token the menu's forms need (handlers' errors get them from
    // `keep_frame`, further in).
    let user = req.extensions().get::<super::extract::CurrentUser>().cloned();
    let token = expected.clone();
    let refused = move || {
        let mut res = PageError::CsrfRejected.into_response();
        if let Some(u) = user.clone() {
            res.extensions_mut().insert(u);
        }
        res.extensions_mut().insert(CsrfToken(token.clone()));
        res
    };
    let res = if !unsafe_method {
        next.run(req).await
    } else if set_cookie {
        // A form post with no token anywhere cannot be genuine.
        refused()
    } else {
        check(req, next, &expected, refused).await
    };
    if set_cookie {
        let secure = if state.config.secure_cookies {
            "; Secure"
        } else {
            ""
        };
        let mut res = res;
        if let Ok(v) = HeaderValue::from_str(&format!(
            "{COOKIE}={expected}; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400{secure}"
        )) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
        return res;
    }
    res
}

async fn check(req: Request, next: Next, expected: &str, refused: impl Fn() -> Response) -> Response {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    if content_type.starts_with("multipart/form-data") {
        let given = req.uri().query().and_then(|q| {
            url_pairs(q.as_bytes())
                .into_iter()
                .find(|(k, _)| k == KEY)
                .map(|(_, v)| v)
        });
        return match given {
            Some(g) if same(&g, expected) => next.run(req).await,
            _ => refused(),
        };
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return refused();
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM).await else {
        return PageError::BadRequest.into_response();
    };
    let given = url_pairs(&bytes)
        .into_iter()
        .find(|(k, _)| k == KEY)
        .map(|(_, v)| v);
    match given {
        Some(g) if same(&g, expected) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        _ => refused(),
    }
}

fn url_pairs(bytes: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_form_pairs() {
        let pairs = url_pairs(b"name=S%C3%A4vja+fc&csrf=abc-_123&x=");
        assert_eq!(pairs[0], ("name".into(), "Sävja fc".into()));
        assert_eq!(pairs[1], ("csrf".into(), "abc-_123".into()));
        assert_eq!(pairs[2], ("x".into(), "".into()));
    }

    #[test]
    fn compares_tokens_fully() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }
}
