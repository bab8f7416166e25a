//! One JSON error shape for the whole API:
//! `{"errors": [{"field": "name", "detail": "..."}]}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_core::FieldErrors;
use samverka_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

use crate::i18n::Tr;

/// One problem.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorItem {
    /// The request field at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What is wrong, in words a person can act on.
    pub detail: String,
}

/// The body of every API error.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The problems.
    pub errors: Vec<ErrorItem>,
}

/// An API error: a status and its problems.
#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
}

impl ApiError {
    /// One problem with no field.
    pub fn new(status: StatusCode, detail: String) -> ApiError {
        ApiError {
            status,
            body: ErrorBody {
                errors: vec![ErrorItem { field: None, detail }],
            },
        }
    }

    /// 403.
    pub fn forbidden(t: &Tr) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, t.t("api-error-forbidden"))
    }

    /// 404.
    pub fn not_found(t: &Tr) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, t.t("api-error-not-found"))
    }

    /// 422 with a problem per field.
    pub fn fields(t: &Tr, errors: &FieldErrors) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            body: ErrorBody {
                errors: errors
                    .0
                    .iter()
                    .map(|e| ErrorItem {
                        field: Some(e.field.to_string()),
                        detail: t.t(&format!("field-error-{}", e.code)),
                    })
                    .collect(),
            },
        }
    }

    /// Maps a store error, logging unexpected ones in full and telling the caller little.
    pub fn store(t: &Tr, e: StoreError) -> ApiError {
        match e {
            StoreError::NotFound => ApiError::not_found(t),
            StoreError::Conflict(_) => ApiError::new(StatusCode::CONFLICT, t.t("api-error-conflict")),
            StoreError::Invalid(field) => {
                let mut errors = FieldErrors::default();
                let field: &'static str = match field.as_str() {
                    "municipality_id" => "municipality_id",
                    "centre_id" => "centre_id",
                    _ => "request",
                };
                errors.add(field, "invalid-choice");
                ApiError::fields(t, &errors)
            }
            other => {
                tracing::error!("api store error: {other}");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, t.t("api-error-internal"))
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
