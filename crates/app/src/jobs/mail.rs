//! The mail sender: a background job that delivers the outbox. Notices are
//! queued in the same transaction as the change that causes them; this job
//! sends them later, over SMTP when [`MailConfig::smtp_url`](crate::MailConfig)
//! is set and otherwise as `.eml` files in the outbox folder (development and tests).
//!
//! Every instance runs the loop, but each round first takes the database lease
//! `mail-sender`, so only one instance sends at a time.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use rand::RngCore;
use samverka_store::platform::mail;

use crate::App;

/// The lease the sender holds while it works.
pub const LEASE: &str = "mail-sender";
/// Seconds between rounds.
const INTERVAL_SECONDS: u64 = 15;
/// How long a lease lasts unless renewed, in seconds.
const LEASE_SECONDS: i64 = 60;
/// Mails sent per round at most.
const BATCH: i64 = 50;

/// Why a round of sending could not run at all (single mails that fail are
/// recorded on the mail and retried later).
#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    /// The database did not answer.
    #[error("database: {0}")]
    Store(#[from] samverka_store::StoreError),
    /// The sender address in the settings is not an address.
    #[error("the sender address {0:?} is not a valid mailbox")]
    From(String),
    /// The SMTP URL in the settings cannot be used.
    #[error("the SMTP URL cannot be used: {0}")]
    Smtp(String),
    /// The outbox folder cannot be created.
    #[error("the outbox folder {0} cannot be created: {1}")]
    Outbox(String, String),
}

/// Where mails go.
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>),
}

impl Transport {
    fn from_config(config: &crate::MailConfig) -> Result<Transport, MailerError> {
        match config
            .smtp_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            Some(url) => {
                let url = smtp_url_with_tls(url);
                let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
                    .map_err(|e| MailerError::Smtp(e.to_string()))?;
                Ok(Transport::Smtp(builder.build()))
            }
            None => {
                let dir = &config.outbox_dir;
                std::fs::create_dir_all(dir)
                    .map_err(|e| MailerError::Outbox(dir.display().to_string(), e.to_string()))?;
                Ok(Transport::File(AsyncFileTransport::<Tokio1Executor>::new(dir)))
            }
        }
    }

    async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::File(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}

/// `smtp://` URLs use STARTTLS unless they say otherwise: lettre's own
/// default for a bare `smtp://` is an unencrypted connection, which would send
/// the password in clear. `?tls=none` asks for that explicitly (a relay on localhost).
fn smtp_url_with_tls(url: &str) -> String {
    let Some(rest) = url.strip_prefix("smtp://") else {
        return url.to_string();
    };
    if url.contains("tls=none") {
        let cleaned = url
            .replace("?tls=none&", "?")
            .replace("&tls=none", "")
            .replace("?tls=none", "");
        return cleaned;
    }
    if url.contains("tls=") {
        return url.to_string();
    }
    let sep = if rest.contains('?') { '&' } else { '?' };
    format!("{url}{sep}tls=required")
}

fn message(from: &Mailbox, m: &mail::Mail) -> Result<Message, String> {
    let to: Mailbox = m.to.parse().map_err(|e| format!("recipient {:?}: {e}", m.to))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(m.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(m.body.clone())
        .map_err(|e| e.to_string())
}

/// Sends up to 50 queued mails now, marking each sent or failed. Returns how
/// many were sent. The background job calls this while it holds the lease;
/// tests call it directly.
pub async fn send_pending(app: &App) -> Result<usize, MailerError> {
    let config = &app.config().mail;
    let mut c = app.db().read().await?;
    let queued = mail::unsent(&mut c, BATCH).await?;
    if queued.is_empty() {
        return Ok(0);
    }
    let from: Mailbox = config
        .from
        .parse()
        .map_err(|_| MailerError::From(config.from.clone()))?;
    let transport = Transport::from_config(config)?;
    let mut sent = 0;
    for q in queued {
        let result = match message(&from, &q.mail) {
            Ok(msg) => transport.send(msg).await,
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => {
                mail::mark_sent(&mut c, q.id).await?;
                sent += 1;
            }
            Err(e) => {
                tracing::warn!("mail {} to {} could not be sent: {e}", q.id, q.mail.to);
                mail::mark_failed(&mut c, q.id, &e).await?;
            }
        }
    }
    Ok(sent)
}

/// A random name for this instance, as the lease holder.
pub(crate) fn instance_id() -> String {
    let mut bytes = [0u8; 12];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Runs forever: every 15 seconds, takes (or renews) the lease and sends
/// what is queued. Started by [`super::spawn`].
pub async fn run(app: App) {
    super::leased(
        app,
        LEASE,
        Duration::from_secs(INTERVAL_SECONDS),
        LEASE_SECONDS,
        async |app: &App| match send_pending(app).await {
            Ok(0) => {}
            Ok(n) => tracing::info!("sent {n} mail(s)"),
            Err(e) => tracing::warn!("mail sender: {e}"),
        },
    )
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_smtp_urls_ask_for_starttls_unless_told_otherwise() {
        assert_eq!(
            smtp_url_with_tls("smtp://u:p@mail.example:587"),
            "smtp://u:p@mail.example:587?tls=required"
        );
        assert_eq!(
            smtp_url_with_tls("smtp://localhost:25?tls=none"),
            "smtp://localhost:25"
        );
        assert_eq!(
            smtp_url_with_tls("smtp://h/ehlo?tls=opportunistic"),
            "smtp://h/ehlo?tls=opportunistic"
        );
        assert_eq!(smtp_url_with_tls("smtps://h"), "smtps://h");
    }

    #[test]
    fn a_starttls_url_is_accepted_by_lettre() {
        let url = smtp_url_with_tls("smtp://user:secret@mail.example:587");
        assert!(AsyncSmtpTransport::<Tokio1Executor>::from_url(&url).is_ok());
        let plain = smtp_url_with_tls("smtp://localhost:2525?tls=none");
        assert!(AsyncSmtpTransport::<Tokio1Executor>::from_url(&plain).is_ok());
    }
}
