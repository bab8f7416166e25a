//! The one mapping from what went wrong to a page: each error becomes a
//! status and a localised page with a way back ([`render_error_pages`]
//! dresses the bare error responses). The API maps the same errors to its
//! JSON shape in [`super::api_error`].

use askama::Template;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use samverka_app::Error;

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
            PageError::App(Error::Invalid(_)) => "error-bad-request".into(),
            PageError::App(Error::Unavailable) => "error-unavailable".into(),
            PageError::App(Error::Internal) => "error-internal".into(),
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
        Error::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        Error::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Error::Internal => StatusCode::INTERNAL_SERVER_ERROR,
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
    t: Tr,
    status: u16,
    heading: String,
    detail: String,
    here: String,
}

/// Replaces bare error responses of the pages with a page in the reader's
/// language, with the way home and the language switch. Also dresses the
/// router's own 404 and 405 answers.
pub async fn render_error_pages(req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let api = req.uri().path().starts_with("/api/");
    let here_raw = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    let res = next.run(req).await;
    if api {
        return res;
    }
    let err = match res.extensions().get::<ErrorMarker>().cloned() {
        Some(ErrorMarker(e)) => e,
        None if res.status() == StatusCode::NOT_FOUND && !is_html(&res) => PageError::App(Error::NotFound),
        None if res.status() == StatusCode::METHOD_NOT_ALLOWED => PageError::BadRequest,
        None if matches!(
            res.status(),
            StatusCode::BAD_REQUEST
                | StatusCode::UNPROCESSABLE_ENTITY
                | StatusCode::UNSUPPORTED_MEDIA_TYPE
                | StatusCode::PAYLOAD_TOO_LARGE
        ) && !is_html(&res) =>
        {
            PageError::BadRequest
        }
        None => return res,
    };
    let t = Tr::new(lang);
    let here = serde_urlencoded::to_string([("next", here_raw.as_str())]).unwrap_or_default();
    let page = ErrorPage {
        t,
        status: err.status().as_u16(),
        heading: t.t(&err.message_key()),
        detail: err.detail(&t),
        here,
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
