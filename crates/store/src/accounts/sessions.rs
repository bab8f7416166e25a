//! Login sessions, kept in the database so any server instance can serve any
//! request. Each row knows its account, so that a password change or a block
//! can end the account's sessions.

use crate::{Conn, Result};

/// A session's stored data (JSON) and expiry (unix seconds), if it exists.
pub async fn load(c: &mut Conn, id: &str) -> Result<Option<(String, i64)>> {
    let row: Option<(String, i64)> = sqlx::query_as("SELECT data, expires_at FROM sessions WHERE id = $1")
        .bind(id)
        .fetch_optional(c)
        .await?;
    Ok(row)
}

/// Stores or replaces a session.
pub async fn save(c: &mut Conn, id: &str, user_id: Option<i64>, data: &str, expires_at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, data = excluded.data, expires_at = excluded.expires_at",
    )
    .bind(id)
    .bind(user_id)
    .bind(data)
    .bind(expires_at)
    .execute(c)
    .await?;
    Ok(())
}

/// Stores a session only if its id is new; false when the id was taken.
pub async fn create(
    c: &mut Conn,
    id: &str,
    user_id: Option<i64>,
    data: &str,
    expires_at: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "INSERT INTO sessions (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(user_id)
    .bind(data)
    .bind(expires_at)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Removes a session.
pub async fn delete(c: &mut Conn, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Ends every session of an account but one (`keep`, the caller's own).
pub async fn end_for_user(c: &mut Conn, user_id: i64, keep: Option<&str>) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND ($2 IS NULL OR id <> $2)")
            .bind(user_id)
            .bind(keep)
            .execute(c)
            .await?
            .rows_affected(),
    )
}

/// How many sessions an account has (for tests and the account page).
pub async fn count_for_user(c: &mut Conn, user_id: i64) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .fetch_one(c)
            .await?,
    )
}

/// How many sessions there are, anonymous ones included (for tests and monitoring).
pub async fn count_all(c: &mut Conn) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM sessions")
            .fetch_one(c)
            .await?,
    )
}

/// Removes sessions that expired before `now` (unix seconds); returns how many.
pub async fn delete_expired(c: &mut Conn, now: i64) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(now)
        .execute(c)
        .await?
        .rows_affected())
}
