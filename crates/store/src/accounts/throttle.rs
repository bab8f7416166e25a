//! Failed logins, counted per account and per client address, so that
//! guessing passwords is slow whichever server instance answers. Only
//! failures are counted; keys are hashes, never the address itself.

use crate::{Conn, Result};

/// Failures recorded under a key: how many, since when (unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Failures {
    /// Failed attempts in the current window.
    pub failures: i64,
    /// When the window started.
    pub since: i64,
}

/// The failures recorded under each key that has any.
pub async fn get(c: &mut Conn, key: &str) -> Result<Option<Failures>> {
    Ok(
        sqlx::query_as("SELECT failures, since FROM login_failures WHERE throttle_key = $1")
            .bind(key)
            .fetch_optional(c)
            .await?,
    )
}

/// Records one failure under a key: a new window when the old one is over.
pub async fn record(c: &mut Conn, key: &str, now: i64, window_seconds: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO login_failures (throttle_key, failures, since) VALUES ($1, 1, $2)
         ON CONFLICT (throttle_key) DO UPDATE SET
           failures = CASE WHEN login_failures.since <= $3 THEN 1 ELSE login_failures.failures + 1 END,
           since = CASE WHEN login_failures.since <= $3 THEN $2 ELSE login_failures.since END",
    )
    .bind(key)
    .bind(now)
    .bind(now - window_seconds)
    .execute(c)
    .await?;
    Ok(())
}

/// Forgets a key's failures (after a successful login to that account).
pub async fn clear(c: &mut Conn, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE throttle_key = $1")
        .bind(key)
        .execute(c)
        .await?;
    Ok(())
}

/// Removes windows that ended before `before` (unix seconds).
pub async fn delete_old(c: &mut Conn, before: i64) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM login_failures WHERE since < $1")
        .bind(before)
        .execute(c)
        .await?
        .rows_affected())
}
