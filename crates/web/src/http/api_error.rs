//! One JSON error shape for the whole API, 400s included:
//! `{"errors": [{"field": "name", "detail": "..."}]}`, in the caller's
//! language (`Accept-Language`). Handlers return [`ApiError`] (an
//! application error converts with `?`); [`json_errors`] words it, and gives
//! any other error answer under `/api/` the same shape.

use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use samverka_app::Error;
use serde::Serialize;
use utoipa::ToSchema;

use super::i18n::{Lang, Tr};

/// One problem.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorItem {
    /// The request field at fault, when one is (`blocks[1].name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What is wrong, in words a person can act on.
    pub detail: String,
    /// What is wrong as a stable code, when there is one (`required`,
    /// `refers-forward`, `token-used`): for programs, whatever the language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// The body of every API error.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The problems.
    pub errors: Vec<ErrorItem>,
}

/// What went wrong answering an API call.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// A use case refused or failed.
    App(Error),
    /// The body is not the JSON the call takes; the text says why.
    BadJson(String),
    /// No valid token.
    Unauthorized,
    /// Too many requests from one address; try again in this many seconds.
    TooMany(u64),
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError::App(e)
    }
}

/// Renames the fields of an invalid-input error to the API body's names
/// (`(form field, body field)` pairs); other errors pass unchanged.
pub fn body_fields(names: &'static [(&'static str, &'static str)]) -> impl Fn(Error) -> Error {
    move |e| match e {
        Error::Invalid(errors) => Error::Invalid(errors.renamed(names)),
        other => other,
    }
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::App(e) => super::error::app_status(e),
            ApiError::BadJson(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    fn body(&self, t: &Tr) -> ErrorBody {
        let one = |detail: String| ErrorBody {
            errors: vec![ErrorItem {
                field: None,
                detail,
                code: None,
            }],
        };
        match self {
            ApiError::App(Error::Invalid(errors)) => ErrorBody {
                errors: errors
                    .0
                    .iter()
                    .map(|f| ErrorItem {
                        field: Some(f.field.to_string()),
                        detail: crate::ui::forms::message(t, f.code),
                        code: Some(f.code.to_string()),
                    })
                    .collect(),
            },
            ApiError::App(Error::InvalidAt(errors)) => ErrorBody {
                errors: errors
                    .iter()
                    .map(|(at, code)| ErrorItem {
                        field: Some(at.clone()),
                        detail: crate::ui::forms::message(t, code),
                        code: Some(code.to_string()),
                    })
                    .collect(),
            },
            ApiError::App(Error::Conflict(code)) => {
                let key = format!("conflict-{code}");
                let mut body = one(if t.has(&key) {
                    t.t(&key)
                } else {
                    t.t("api-error-conflict")
                });
                body.errors[0].code = Some(code.to_string());
                body
            }
            ApiError::App(Error::NotFound) => one(t.t("api-error-not-found")),
            ApiError::App(Error::Forbidden) => one(t.t("api-error-forbidden")),
            ApiError::App(Error::Unavailable) => one(t.t("api-error-unavailable")),
            ApiError::App(Error::Internal) => one(t.t("api-error-internal")),
            ApiError::App(Error::NotSaved) => one(t.t("api-error-conflict")),
            ApiError::BadJson(why) => one(format!("{} ({why})", t.t("api-error-bad-json"))),
            ApiError::Unauthorized => one(t.t("api-error-unauthorized")),
            ApiError::TooMany(seconds) => one(t.t1("api-error-too-many", "seconds", *seconds)),
        }
    }
}

#[derive(Clone, Debug)]
struct Marker(ApiError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status(), Json(self.body(&Tr::default()))).into_response();
        match &self {
            ApiError::App(Error::Unavailable) => {
                res.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
            }
            ApiError::Unauthorized => {
                res.headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            ApiError::TooMany(seconds) => {
                res.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(*seconds));
            }
            _ => {}
        }
        res.extensions_mut().insert(Marker(self));
        res
    }
}

/// Words every error answer of the API in the caller's language, and gives
/// those the handlers did not make (an unknown route, a wrong method, a bad
/// path or query) the same JSON shape.
pub async fn json_errors(req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let t = Tr::new(lang);
    let (parts, body) = res.into_parts();
    let body_json = if let Some(Marker(e)) = parts.extensions.get::<Marker>() {
        e.body(&t)
    } else {
        let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
        let text = String::from_utf8_lossy(&text).trim().to_string();
        let key = match status {
            StatusCode::NOT_FOUND => "api-error-not-found",
            StatusCode::METHOD_NOT_ALLOWED => "api-error-method",
            StatusCode::UNAUTHORIZED => "api-error-unauthorized",
            StatusCode::FORBIDDEN => "api-error-forbidden",
            StatusCode::PAYLOAD_TOO_LARGE => "api-error-too-large",
            StatusCode::SERVICE_UNAVAILABLE => "api-error-unavailable",
            s if s.is_server_error() => "api-error-internal",
            _ => "api-error-bad-request",
        };
        let detail = if text.is_empty() || status.is_server_error() || text.starts_with('{') {
            t.t(key)
        } else {
            format!("{} ({text})", t.t(key))
        };
        ErrorBody {
            errors: vec![ErrorItem {
                field: None,
                detail,
                code: None,
            }],
        }
    };
    let mut out = (status, Json(body_json)).into_response();
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            out.headers_mut().insert(name.clone(), value.clone());
        }
    }
    out
}
