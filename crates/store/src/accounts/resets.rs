//! One-time links to set a password: only the hash of the secret is stored,
//! each link works once and expires.

use crate::{Conn, Result, Tx, now};

/// Stores a new link's hash for an account, valid until `expires_at` (unix
/// seconds). Earlier unused links of the account stop working.
pub async fn create(tx: &mut Tx, user_id: i64, token_hash: &str, expires_at: i64) -> Result<()> {
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now())
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(token_hash)
    .bind(now())
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The account a working link belongs to, if the link works at `now_unix`.
pub async fn find(c: &mut Conn, token_hash: &str, now_unix: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at >= $2",
    )
    .bind(token_hash)
    .bind(now_unix)
    .fetch_optional(c)
    .await?)
}

/// Uses a link up: true when it still worked (one use only, even when two
/// requests arrive at once).
pub async fn use_up(tx: &mut Tx, token_hash: &str, now_unix: i64) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at >= $3",
    )
    .bind(now())
    .bind(token_hash)
    .bind(now_unix)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(n == 1)
}
