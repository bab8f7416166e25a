//! Security and cache headers on every answer.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

/// Sets the security headers (a content security policy without inline
/// scripts or styles; HSTS when cookies are secure, i.e. behind HTTPS), and
/// `Cache-Control: no-store` on every page and API answer that does not set
/// its own: pages carry names and phone numbers, and must not come back from
/// the browser's cache after logging out.
pub async fn security(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: header::HeaderName, value: &'static str| {
        if !h.contains_key(&name) {
            h.insert(name, HeaderValue::from_static(value));
        }
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "same-origin");
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    set(h, header::CACHE_CONTROL, "no-store");
    if state.config.secure_cookies {
        set(
            h,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    res
}
