//! CSRF protection for every form: a secret token per session that each
//! form carries in a hidden `csrf` field (or, for file uploads, in the
//! form's action URL). The guard checks it before any handler runs, so a
//! form cannot be added without protection. The API is exempt: it takes
//! bearer tokens only, never cookies.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::RngCore;
use tower_sessions::Session;

use crate::error::AppError;

const KEY: &str = "csrf";
const MAX_FORM: usize = 5 * 1024 * 1024;

/// The session's CSRF token, made on first use.
pub async fn token(session: &Session) -> String {
    if let Ok(Some(t)) = session.get::<String>(KEY).await {
        return t;
    }
    let t = new_token();
    if let Err(e) = session.insert(KEY, &t).await {
        tracing::warn!("could not store CSRF token: {e}");
    }
    t
}

/// Replaces the session's token (after login).
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

/// Rejects any state-changing request outside `/api/` whose form does not
/// carry the session's token.
pub async fn guard(req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !unsafe_method || req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let Some(session) = req.extensions().get::<Session>().cloned() else {
        return AppError::CsrfRejected.into_response();
    };
    let expected = match session.get::<String>(KEY).await {
        Ok(Some(t)) => t,
        _ => return AppError::CsrfRejected.into_response(),
    };
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
            Some(g) if same(&g, &expected) => next.run(req).await,
            _ => AppError::CsrfRejected.into_response(),
        };
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return AppError::CsrfRejected.into_response();
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM).await else {
        return AppError::BadRequest("too-large".into()).into_response();
    };
    let given = url_pairs(&bytes)
        .into_iter()
        .find(|(k, _)| k == KEY)
        .map(|(_, v)| v);
    match given {
        Some(g) if same(&g, &expected) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        _ => AppError::CsrfRejected.into_response(),
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
