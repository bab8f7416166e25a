//! Extractors: who is calling (for pages and for the API), and the API's
//! JSON bodies, whose rejection is the API's error shape.

use std::ops::Deref;
use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use samverka_app::Ctx;
use serde::de::DeserializeOwned;

use super::api_error::ApiError;
use super::error::PageError;

/// The logged-in account behind a page request, as the use cases take it.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Arc<Ctx>);

impl Deref for CurrentUser {
    type Target = Ctx;
    fn deref(&self) -> &Ctx {
        &self.0
    }
}

impl CurrentUser {
    /// The account's name, as the page header shows it.
    pub fn name(&self) -> &str {
        self.0.account.as_ref().map_or("", |a| a.name.as_str())
    }

    /// The account's id.
    pub fn id(&self) -> i64 {
        self.0.user_id().unwrap_or(0)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<CurrentUser>()
            .cloned()
            .ok_or(PageError::Unauthorized)
    }
}

/// The account behind an API call (a bearer token).
#[derive(Debug, Clone)]
pub struct ApiUser(pub Arc<Ctx>);

impl Deref for ApiUser {
    type Target = Ctx;
    fn deref(&self) -> &Ctx {
        &self.0
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<CurrentUser>()
            .map(|u| ApiUser(u.0.clone()))
            .ok_or(ApiError::Unauthorized)
    }
}

/// A JSON request body; a body that is not the JSON the call takes is
/// refused with the API's error shape (400, saying what is wrong).
#[derive(Debug, Clone)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(e) => Err(ApiError::BadJson(rejection_text(&e))),
        }
    }
}

fn rejection_text(e: &JsonRejection) -> String {
    e.body_text()
}
