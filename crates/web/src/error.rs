//! One error type for the pages, turned into a localized error page by
//! [`render_error_pages`]. The API has its own JSON errors (`api::ApiError`).

use askama::Template;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use samverka_store::StoreError;

use crate::i18n::{Lang, Tr};

/// What went wrong while answering a page request.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    /// No such page or record.
    #[error("not found")]
    NotFound,
    /// Logged in, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// Not logged in.
    #[error("unauthorized")]
    Unauthorized,
    /// A form came without its CSRF token, or with a stale one.
    #[error("csrf token missing or wrong")]
    CsrfRejected,
    /// The request cannot be understood; the text is a message key suffix.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The change collides with existing data.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Something broke on our side; details are in the log only.
    #[error("internal error")]
    Internal,
}

impl AppError {
    fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::CsrfRejected => StatusCode::FORBIDDEN,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message_key(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Forbidden => "error-forbidden",
            AppError::Unauthorized => "error-unauthorized",
            AppError::CsrfRejected => "error-csrf",
            AppError::BadRequest(_) => "error-bad-request",
            AppError::Conflict(_) => "error-conflict",
            AppError::Internal => "error-internal",
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(c) => AppError::Conflict(c),
            StoreError::Invalid(m) => AppError::BadRequest(m),
            other => {
                tracing::error!("store error: {other}");
                AppError::Internal
            }
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        tracing::error!("template error: {e}");
        AppError::Internal
    }
}

/// Marks a response as an error, for [`render_error_pages`] to dress.
#[derive(Clone, Debug)]
struct ErrorMarker(AppError);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut res = (self.status(), self.to_string()).into_response();
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
}

/// Replaces bare error responses of the pages with a page in the reader's language.
pub async fn render_error_pages(req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let res = next.run(req).await;
    let Some(ErrorMarker(err)) = res.extensions().get::<ErrorMarker>().cloned() else {
        return res;
    };
    let t = Tr::new(lang);
    let page = ErrorPage {
        t,
        status: err.status().as_u16(),
        heading: t.t(err.message_key()),
        detail: t.t(&format!("{}-detail", err.message_key())),
    };
    match page.render() {
        Ok(html) => (err.status(), Html(html)).into_response(),
        Err(_) => res,
    }
}
