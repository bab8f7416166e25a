//! The one mapping from what went wrong to a page: each error becomes a
//! status and a localised page with a way back ([`render_error_pages`]
//! dresses the bare error responses). The API maps the same errors to its
//! JSON shape in [`super::api_error`].

use askama::Template;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use samverka_app::Error;

use super::csrf::CsrfToken;
use super::extract::CurrentUser;
use super::i18n::{Lang, Tr};

/// What went wrong while answering a page request.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PageError {
    /// A use case refused or failed.
    #[error("{0}")]
    App(#[from] Error),
    /// Not logged in.
    #[error("unauthorized")]
    Unauthorized,
    /// A form came without its CSRF token, or with a stale one.
    #[error("csrf token missing or wrong")]
    CsrfRejected,
    /// The request cannot be understood (a malformed form or address).
    #[error("bad request")]
    BadRequest,
    /// Too many attempts; try again after this many seconds.
    #[error("too many requests")]
    TooMany(u64),
}

impl From<askama::Error> for PageError {
    fn from(e: askama::Error) -> Self {
        tracing::error!("template error: {e}");
        PageError::App(Error::Internal)
    }
}

impl PageError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::App(e) => app_status(e),
            PageError::Unauthorized => StatusCode::UNAUTHORIZED,
            PageError::CsrfRejected => StatusCode::FORBIDDEN,
            PageError::BadRequest => StatusCode::BAD_REQUEST,
            PageError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    /// The message key of the heading; the detail is the same key with `-detail`.
    fn message_key(&self) -> String {
        match self {
            PageError::App(Error::NotFound) => "error-not-found".into(),
            PageError::App(Error::Forbidden) => "error-forbidden".into(),
            PageError::App(Error::Conflict(_)) => "error-conflict".into(),
            PageError::App(Error::Invalid(_) | Error::InvalidAt(_)) => "error-bad-request".into(),
            PageError::App(Error::Unavailable) => "error-unavailable".into(),
            PageError::App(Error::Internal) => "error-internal".into(),
            PageError::App(Error::NotSaved) => "error-not-saved".into(),
            PageError::Unauthorized => "error-unauthorized".into(),
            PageError::CsrfRejected => "error-csrf".into(),
            PageError::BadRequest => "error-bad-request".into(),
            PageError::TooMany(_) => "error-too-many".into(),
        }
    }

    fn detail(&self, t: &Tr) -> String {
        match self {
            PageError::App(Error::Conflict(code)) => {
                let key = format!("conflict-{code}");
                if t.has(&key) {
                    t.t(&key)
                } else {
                    t.t("error-conflict-detail")
                }
            }
            PageError::App(Error::Invalid(errors)) => errors
                .0
                .iter()
                .map(|e| crate::ui::forms::message(t, e.code))
                .collect::<Vec<_>>()
                .join(" "),
            PageError::App(Error::InvalidAt(errors)) => errors
                .iter()
                .map(|(at, code)| format!("{at}: {}", crate::ui::forms::message(t, code)))
                .collect::<Vec<_>>()
                .join(" "),
            PageError::TooMany(seconds) => {
                t.t1("error-too-many-detail", "minutes", seconds.div_ceil(60).max(1))
            }
            other => t.t(&format!("{}-detail", other.message_key())),
        }
    }
}

/// The HTTP status of an application error, on pages and in the API alike.
pub fn app_status(e: &Error) -> StatusCode {
    match e {
        Error::NotFound => StatusCode::NOT_FOUND,
        Error::Forbidden => StatusCode::FORBIDDEN,
        Error::Conflict(_) => StatusCode::CONFLICT,
        Error::Invalid(_) | Error::InvalidAt(_) => StatusCode::UNPROCESSABLE_ENTITY,
        Error::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Error::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        Error::NotSaved => StatusCode::CONFLICT,
    }
}

/// Marks a response as an error, for [`render_error_pages`] to dress.
#[derive(Clone, Debug)]
struct ErrorMarker(PageError);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut res = (self.status(), self.to_string()).into_response();
        match &self {
            PageError::App(Error::Unavailable) => {
                res.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
            }
            PageError::TooMany(s) => {
                if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
                    res.headers_mut().insert(header::RETRY_AFTER, v);
                }
            }
            _ => {}
        }
        res.extensions_mut().insert(ErrorMarker(self));
        res
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: crate::ui::Page,
    status: u16,
    detail: String,
}

/// Where the language switch of a page leads back to: the address itself for
/// a GET, else the page the form was on (the `Referer`, same origin only by
/// the referrer policy), so that switching language on a form shown again
/// after errors opens that form instead of a POST-only address.
pub(crate) fn come_back_to(method: &Method, uri: &Uri, headers: &HeaderMap) -> String {
    let own = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    if method == Method::GET || method == Method::HEAD {
        return own.to_string();
    }
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.parse::<Uri>().ok())
        .and_then(|r| r.path_and_query().map(|p| p.as_str().to_string()))
        .filter(|p| p.starts_with('/') && !p.starts_with("//") && !p.starts_with("/lang/"))
        .unwrap_or_else(|| own.to_string())
}

/// Keeps who is logged in on an error answer, for [`render_error_pages`] to
/// show the page's menu (the session layers run inside it).
pub async fn keep_frame(req: Request, next: Next) -> Response {
    let user = req.extensions().get::<CurrentUser>().cloned();
    let csrf = req.extensions().get::<CsrfToken>().cloned();
    let mut res = next.run(req).await;
    if res.status().is_client_error() || res.status().is_server_error() {
        if let Some(u) = user {
            res.extensions_mut().insert(u);
        }
        if let Some(c) = csrf {
            res.extensions_mut().insert(c);
        }
    }
    res
}

/// The answer to an address no route knows: the 404 page (JSON under `/api/`).
pub async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        super::api_error::ApiError::App(Error::NotFound).into_response()
    } else {
        PageError::App(Error::NotFound).into_response()
    }
}

/// Replaces bare error responses of the pages with a page in the reader's
/// language, with the menu, the way home and the language switch. Also
/// dresses the router's own 404 and 405 answers; a malformed id in an
/// address (`/centres/abc`) is a page that does not exist, 404.
pub async fn render_error_pages(req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let api = req.uri().path().starts_with("/api/");
    let here_raw = come_back_to(req.method(), req.uri(), req.headers());
    let res = next.run(req).await;
    if api {
        return res;
    }
    let (res, err) = match res.extensions().get::<ErrorMarker>().cloned() {
        Some(ErrorMarker(e)) => (res, e),
        None if res.status() == StatusCode::NOT_FOUND && !is_html(&res) => {
            (res, PageError::App(Error::NotFound))
        }
        None if res.status() == StatusCode::METHOD_NOT_ALLOWED => (res, PageError::BadRequest),
        None if res.status() == StatusCode::BAD_REQUEST && !is_html(&res) => {
            // axum's own answer to a path parameter of the wrong type.
            let (parts, body) = res.into_parts();
            let bytes = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
            let res = Response::from_parts(parts, axum::body::Body::from(bytes.clone()));
            if bytes.starts_with(b"Invalid URL") {
                let mut res = res;
                *res.status_mut() = StatusCode::NOT_FOUND;
                (res, PageError::App(Error::NotFound))
            } else {
                (res, PageError::BadRequest)
            }
        }
        None if matches!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY
                | StatusCode::UNSUPPORTED_MEDIA_TYPE
                | StatusCode::PAYLOAD_TOO_LARGE
        ) && !is_html(&res) =>
        {
            (res, PageError::BadRequest)
        }
        None => return res,
    };
    let t = Tr::new(lang);
    let here = serde_urlencoded::to_string([("next", here_raw.as_str())]).unwrap_or_default();
    let user = res.extensions().get::<CurrentUser>().cloned();
    let csrf = res
        .extensions()
        .get::<CsrfToken>()
        .map(|c| c.0.clone())
        .unwrap_or_default();
    let page = ErrorPage {
        page: crate::ui::Page {
            t,
            title: t.t(&err.message_key()),
            user,
            csrf,
            here,
            again: None,
            region_nav: None,
            flash: None,
        },
        status: err.status().as_u16(),
        detail: err.detail(&t),
    };
    let status = if res.status().is_client_error() || res.status().is_server_error() {
        res.status()
    } else {
        err.status()
    };
    match page.render() {
        Ok(html) => {
            let mut out = (status, Html(html)).into_response();
            for name in [header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
                if let Some(v) = res.headers().get(&name) {
                    out.headers_mut().insert(name, v.clone());
                }
            }
            out
        }
        Err(_) => res,
    }
}

fn is_html(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}
