//! `/api/v1/tokens`: API tokens: listed, made (by their owner, with a name
//! and an optional last day) and revoked (by the owner, or by those who
//! manage the account). A secret is shown once, when the token is made.

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samverka_app::accounts::tokens::{self, TokenDraft};
use samverka_core::account::ApiToken;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiUser};

/// An API token (never its secret).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenJson {
    /// Id.
    pub id: i64,
    /// The account it acts as.
    pub user_id: i64,
    /// Its name.
    pub label: String,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// Its last day (ISO), or null when it does not expire.
    pub expires_on: Option<String>,
    /// When it was last used (RFC 3339, to the hour), or null.
    pub last_used_at: Option<String>,
    /// When it was revoked (RFC 3339), or null.
    pub revoked_at: Option<String>,
    /// Whether it works today.
    pub active: bool,
}

fn to_json(t: &ApiToken, today: chrono::NaiveDate) -> TokenJson {
    TokenJson {
        id: t.id,
        user_id: t.user_id,
        label: t.label.clone(),
        created_at: t.created_at.clone(),
        expires_on: t.expires_on.map(|d| d.to_string()),
        last_used_at: t.last_used_at.clone(),
        revoked_at: t.revoked_at.clone(),
        active: t.is_active(today),
    }
}

/// A list of tokens.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenList {
    /// Newest first.
    pub tokens: Vec<TokenJson>,
}

/// Whose tokens.
#[derive(Debug, Deserialize, IntoParams)]
pub struct TokenFilter {
    /// The account (default: the caller's own).
    pub user: Option<i64>,
}

/// An account's tokens: the caller's own, or an account they manage.
#[utoipa::path(get, path = "/tokens", tag = "tokens", params(TokenFilter),
    responses((status = 200, body = TokenList), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_tokens(api: ApiUser, Query(f): Query<TokenFilter>) -> Result<Json<TokenList>, ApiError> {
    let user = f.user.or(api.user_id()).unwrap_or(0);
    let list = tokens::list(&api, user).await?;
    Ok(Json(TokenList {
        tokens: list.iter().map(|t| to_json(t, api.today)).collect(),
    }))
}

/// A token to make.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenBody {
    /// Its name ("Rapportverktyg").
    pub label: String,
    /// Its last day (ISO), or null for no expiry.
    pub expires_on: Option<String>,
}

/// A new token, with its secret (shown this once).
#[derive(Debug, Serialize, ToSchema)]
pub struct NewToken {
    /// The token.
    pub token: TokenJson,
    /// The secret to send as `Authorization: Bearer <secret>`.
    pub secret: String,
}

/// Makes a token for the caller's own account.
#[utoipa::path(post, path = "/tokens", tag = "tokens", request_body = TokenBody,
    responses((status = 201, body = NewToken), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_token(api: ApiUser, ApiJson(body): ApiJson<TokenBody>) -> Result<Response, ApiError> {
    let draft = TokenDraft {
        label: body.label,
        expires_on: body.expires_on.unwrap_or_default(),
    };
    let user = api.user_id().unwrap_or(0);
    let (token, secret) = tokens::create(&api, user, &draft).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewToken {
            token: to_json(&token, api.today),
            secret,
        }),
    )
        .into_response())
}

/// Revokes a token (its owner, or those who manage the account).
#[utoipa::path(post, path = "/tokens/{id}/revoke", tag = "tokens", params(("id" = i64, Path, description = "Token id")),
    responses((status = 200, body = TokenJson), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn revoke_token(api: ApiUser, Path(id): Path<i64>) -> Result<Json<TokenJson>, ApiError> {
    let t = tokens::revoke(&api, id).await?;
    Ok(Json(to_json(&t, api.today)))
}
