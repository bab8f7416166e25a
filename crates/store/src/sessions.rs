//! Login sessions, kept in the database so any server instance can serve any request.

use crate::{Db, Result};

/// A session's stored data (JSON) and expiry (unix seconds), if it exists.
pub async fn load(db: &Db, id: &str) -> Result<Option<(String, i64)>> {
    let row: Option<(String, i64)> = sqlx::query_as("SELECT data, expires_at FROM sessions WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row)
}

/// Stores or replaces a session.
pub async fn save(db: &Db, id: &str, data: &str, expires_at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
    )
    .bind(id)
    .bind(data)
    .bind(expires_at)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Stores a session only if its id is new; false when the id was taken.
pub async fn create(db: &Db, id: &str, data: &str, expires_at: i64) -> Result<bool> {
    let n = sqlx::query(
        "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(data)
    .bind(expires_at)
    .execute(db.pool())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Removes a session.
pub async fn delete(db: &Db, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Removes sessions that expired before `now` (unix seconds); returns how many.
pub async fn delete_expired(db: &Db, now: i64) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(now)
        .execute(db.pool())
        .await?
        .rows_affected())
}
