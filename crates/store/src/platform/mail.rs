//! The mail outbox: notices are stored in the same transaction as the change
//! that causes them, and a sender job (holding a lease, so one instance sends)
//! delivers them. A sent mail keeps its recipient, subject and dates but not
//! its body: bodies carry one-time links (a survey invitation's `/i/…`, a
//! password link) that anyone reading the database could otherwise use.

use serde::Serialize;

use crate::{Conn, Result, Tx, now};

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
    /// The mail (its body empty once sent).
    pub mail: Mail,
    /// How many times sending failed so far.
    pub attempts: i64,
    /// When it was sent (RFC 3339), if it was.
    pub sent_at: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    to_address: String,
    subject: String,
    body: String,
    attempts: i64,
    sent_at: Option<String>,
}

impl From<Row> for Queued {
    fn from(r: Row) -> Queued {
        Queued {
            id: r.id,
            mail: Mail {
                to: r.to_address,
                subject: r.subject,
                body: r.body,
            },
            attempts: r.attempts,
            sent_at: r.sent_at,
        }
    }
}

/// Queues a mail inside the caller's transaction.
pub async fn enqueue(tx: &mut Tx, m: &Mail) -> Result<i64> {
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
pub async fn unsent(c: &mut Conn, limit: i64) -> Result<Vec<Queued>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, to_address, subject, body, attempts, sent_at FROM mail_outbox
         WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(c)
    .await?;
    Ok(rows.into_iter().map(Queued::from).collect())
}

/// Marks a mail as sent and empties its body, which may hold a one-time
/// link: what stays is who was mailed what subject, and when.
pub async fn mark_sent(c: &mut Conn, id: i64) -> Result<()> {
    sqlx::query("UPDATE mail_outbox SET sent_at = $1, body = '' WHERE id = $2")
        .bind(now())
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Records a failed attempt.
pub async fn mark_failed(c: &mut Conn, id: i64, error: &str) -> Result<()> {
    sqlx::query("UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2")
        .bind(error)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Every queued mail, sent (without its body) or not, oldest first (for tests).
pub async fn all(c: &mut Conn) -> Result<Vec<Queued>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, to_address, subject, body, attempts, sent_at FROM mail_outbox ORDER BY id",
    )
    .fetch_all(c)
    .await?;
    Ok(rows.into_iter().map(Queued::from).collect())
}
