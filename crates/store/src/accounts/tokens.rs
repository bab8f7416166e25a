//! API tokens, stored as hashes only.

use chrono::NaiveDate;
use samverka_core::Account;
use samverka_core::account::ApiToken;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    user_id: i64,
    label: String,
    created_at: String,
    expires_on: Option<String>,
    last_used_at: Option<String>,
    revoked_at: Option<String>,
}

impl TryFrom<Row> for ApiToken {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<ApiToken> {
        Ok(ApiToken {
            id: r.id,
            user_id: r.user_id,
            label: r.label,
            created_at: r.created_at,
            expires_on: codec::opt_date("api_tokens.expires_on", r.expires_on.as_deref())?,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
        })
    }
}

const COLUMNS: &str = "id, user_id, label, created_at, expires_on, last_used_at, revoked_at";

/// Stores a new token's hash.
pub async fn create(
    tx: &mut Tx,
    who: &Who,
    user_id: i64,
    token_hash: &str,
    label: &str,
    expires_on: Option<NaiveDate>,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, token_hash, label, created_at, expires_on) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user_id)
    .bind(token_hash)
    .bind(label)
    .bind(now())
    .bind(codec::opt_date_text(expires_on))
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Token, AuditEntity::User, Some(user_id), None)
            .after(serde_json::json!({ "token_id": id, "label": label, "expires_on": expires_on })),
    )
    .await?;
    Ok(id)
}

/// Revokes a token that still works; false when it was revoked already.
pub async fn revoke(tx: &mut Tx, who: &Who, token: &ApiToken) -> Result<bool> {
    let n = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(now())
        .bind(token.id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Ok(false);
    }
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::RevokeToken,
            AuditEntity::User,
            Some(token.user_id),
            None,
        )
        .after(serde_json::json!({ "token_id": token.id, "label": token.label })),
    )
    .await?;
    Ok(true)
}

/// One token.
pub async fn get(c: &mut Conn, id: i64) -> Result<ApiToken> {
    let sql = format!("SELECT {COLUMNS} FROM api_tokens WHERE id = $1");
    rows::one::<Row, ApiToken>(c, crate::trusted(sql), id).await
}

/// An account's tokens, newest first.
pub async fn of_user(c: &mut Conn, user_id: i64) -> Result<Vec<ApiToken>> {
    let sql = format!("SELECT {COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC");
    rows::all::<Row, ApiToken>(c, crate::trusted(sql), user_id).await
}

#[derive(sqlx::FromRow)]
struct UserTokenRow {
    token_id: i64,
    token_user_id: i64,
    label: String,
    created_at: String,
    expires_on: Option<String>,
    last_used_at: Option<String>,
    revoked_at: Option<String>,
    id: i64,
    email: String,
    name: String,
    disabled: i64,
}

/// The token a hash belongs to, with its account, if the token exists
/// (working or not: the caller decides).
pub async fn find(c: &mut Conn, token_hash: &str) -> Result<Option<(ApiToken, Account)>> {
    let row: Option<UserTokenRow> = sqlx::query_as(
        "SELECT t.id AS token_id, t.user_id AS token_user_id, t.label, t.created_at, t.expires_on, t.last_used_at,
                t.revoked_at, u.id, u.email, u.name, u.disabled
         FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(c)
    .await?;
    row.map(|r| {
        let token = ApiToken::try_from(Row {
            id: r.token_id,
            user_id: r.token_user_id,
            label: r.label,
            created_at: r.created_at,
            expires_on: r.expires_on,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
        })?;
        let account = Account {
            id: r.id,
            email: r.email,
            name: r.name,
            disabled: codec::flag("users.disabled", r.disabled)?,
            password_hash: None,
        };
        Ok((token, account))
    })
    .transpose()
}

/// Notes when a token was used. Callers do this at most once an hour per
/// token, so that reading through the API does not write on every call.
pub async fn touch(c: &mut Conn, id: i64, at: &str) -> Result<()> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(at)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}
