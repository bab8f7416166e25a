//! Leases: a scheduled job takes one in the database, so it runs on one
//! instance at a time however many serve the same database.

use crate::{Conn, Result};

/// Takes or renews the named lease for `holder` until `now + ttl_seconds`.
/// True when `holder` holds it afterwards: it was free, expired, or already theirs.
pub async fn acquire(c: &mut Conn, name: &str, holder: &str, now: i64, ttl_seconds: i64) -> Result<bool> {
    let n = sqlx::query(
        "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE leases.expires_at < $4 OR leases.holder = excluded.holder",
    )
    .bind(name)
    .bind(holder)
    .bind(now + ttl_seconds)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Gives a lease back early.
pub async fn release(c: &mut Conn, name: &str, holder: &str) -> Result<()> {
    sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
        .bind(name)
        .bind(holder)
        .execute(c)
        .await?;
    Ok(())
}
