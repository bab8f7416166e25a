//! The mail outbox: notices are stored in the same transaction as the change
//! that causes them, and a sender job (holding a lease, so one instance sends)
//! delivers them.

use serde::Serialize;
use sqlx::Row;

use crate::{Db, Result, Tx, now};

/// One e-mail to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mail {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// A queued e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Queued {
    /// Id.
    pub id: i64,
    /// The mail.
    pub mail: Mail,
    /// How many times sending failed so far.
    pub attempts: i64,
}

/// Queues a mail inside the caller's transaction.
pub async fn enqueue_in(tx: &mut Tx, m: &Mail) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO mail_outbox (to_address, subject, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&m.to)
    .bind(&m.subject)
    .bind(&m.body)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?)
}

/// Unsent mails, oldest first, skipping those that failed too often.
pub async fn unsent(db: &Db, limit: i64) -> Result<Vec<Queued>> {
    let rows = sqlx::query(
        "SELECT id, to_address, subject, body, attempts FROM mail_outbox
         WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Queued {
                id: r.try_get(0)?,
                mail: Mail {
                    to: r.try_get(1)?,
                    subject: r.try_get(2)?,
                    body: r.try_get(3)?,
                },
                attempts: r.try_get(4)?,
            })
        })
        .collect()
}

/// Marks a mail as sent.
pub async fn mark_sent(db: &Db, id: i64) -> Result<()> {
    sqlx::query("UPDATE mail_outbox SET sent_at = $1 WHERE id = $2")
        .bind(now())
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Records a failed attempt.
pub async fn mark_failed(db: &Db, id: i64, error: &str) -> Result<()> {
    sqlx::query("UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2")
        .bind(error)
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Every queued mail, sent or not, oldest first (for tests and the admin view).
pub async fn all(db: &Db) -> Result<Vec<Queued>> {
    let rows = sqlx::query("SELECT id, to_address, subject, body, attempts FROM mail_outbox ORDER BY id")
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Queued {
                id: r.try_get(0)?,
                mail: Mail {
                    to: r.try_get(1)?,
                    subject: r.try_get(2)?,
                    body: r.try_get(3)?,
                },
                attempts: r.try_get(4)?,
            })
        })
        .collect()
}
