//! The use cases of samverka (*tjänstelagret*): one function per thing a
//! user does. Each takes a [`Ctx`] (who acts, with their grants and seats;
//! the identity written to the audit trail; today's date from one clock) and
//! does, itself: the permission check, the write transaction, the re-check of
//! every precondition inside that transaction, and the audit entry and queued
//! mail in the same transaction.
//!
//! Pages, the API, the command line and scheduled jobs call these functions
//! and nothing else; none of them reaches the store.

pub mod accounts;
pub mod backup;
mod ctx;
mod error;
pub mod governance;
pub mod jobs;
pub mod registry;
pub mod seed;
pub mod surveys;
#[cfg(feature = "testing")]
pub mod testing;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
pub use ctx::Ctx;
pub use error::{Error, Result};
pub use samverka_core::clock::{Clock, FixedClock};
use samverka_store::Db;
pub use samverka_store::DbOptions;
pub use samverka_store::audit::{AuditAction, AuditEntity, AuditEntry};

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Where e-mail goes.
#[derive(Clone)]
pub struct MailConfig {
    /// An SMTP URL (`smtp://user:pass@host:587`, STARTTLS unless `?tls=none`;
    /// `smtps://` for TLS from the start). `None` writes each mail as an
    /// `.eml` file into [`MailConfig::outbox_dir`] instead.
    pub smtp_url: Option<String>,
    /// The sender of every mail, e.g. `samverka <noreply@region.se>`.
    pub from: String,
    /// The folder mails are written to when no SMTP server is set.
    pub outbox_dir: PathBuf,
}

impl std::fmt::Debug for MailConfig {
    /// Like the derived form, but the SMTP URL (which may hold a password) is hidden.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig")
            .field("smtp_url", &self.smtp_url.as_ref().map(|_| "***"))
            .field("from", &self.from)
            .field("outbox_dir", &self.outbox_dir)
            .finish()
    }
}

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig {
            smtp_url: None,
            from: "samverka <noreply@samverka.local>".into(),
            outbox_dir: PathBuf::from("./outbox"),
        }
    }
}

/// How hard guessing passwords is made: failed logins allowed per client
/// address and per account within a window, before further attempts must wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLimits {
    /// Failed attempts one address may make within [`LoginLimits::address_window`].
    pub address_failures: u32,
    /// The window for an address.
    pub address_window: Duration,
    /// Failed attempts allowed on one account within [`LoginLimits::account_window`].
    pub account_failures: u32,
    /// The window for an account.
    pub account_window: Duration,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            address_failures: 10,
            address_window: Duration::from_secs(60),
            account_failures: 5,
            account_window: Duration::from_secs(15 * 60),
        }
    }
}

/// How long a login lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    /// A session ends after this long without a request.
    pub idle: Duration,
    /// A session ends this long after the login, however busy.
    pub absolute: Duration,
    /// The inactivity deadline is moved forward at most this often (so that
    /// reading pages does not write the session on every request).
    pub refresh_every: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        SessionLimits {
            idle: Duration::from_secs(8 * 3600),
            absolute: Duration::from_secs(12 * 3600),
            refresh_every: Duration::from_secs(5 * 60),
        }
    }
}

/// The application's settings.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// The site's address as readers reach it, for links in mails (no trailing slash needed).
    pub public_url: String,
    /// Mail.
    pub mail: MailConfig,
    /// Login throttling.
    pub login: LoginLimits,
    /// Session lifetimes.
    pub session: SessionLimits,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            public_url: "http://127.0.0.1:8080".into(),
            mail: MailConfig::default(),
            login: LoginLimits::default(),
            session: SessionLimits::default(),
        }
    }
}

struct Inner {
    db: Db,
    clock: Arc<dyn Clock>,
    config: AppConfig,
    /// The published survey definitions read so far (they never change).
    definitions: surveys::responses::Definitions,
    /// Where the anonymous links read lately lead.
    links: surveys::responses::Links,
    /// Anonymous responses waiting to be stored together.
    intake: surveys::intake::Intake,
}

/// The application: the database, the clock and the settings. Cheap to clone.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("backend", &self.inner.db.backend())
            .field("config", &self.inner.config)
            .finish()
    }
}

/// Why the application could not start.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StartError(String);

impl App {
    /// Opens (and migrates) the database that `url` names and brings stored
    /// renderings up to date.
    pub async fn open(url: &str, config: AppConfig, clock: Arc<dyn Clock>) -> Result<App, StartError> {
        App::open_with(url, &DbOptions::default(), config, clock).await
    }

    /// Like [`App::open`], with database options.
    pub async fn open_with(
        url: &str,
        opts: &DbOptions,
        config: AppConfig,
        clock: Arc<dyn Clock>,
    ) -> Result<App, StartError> {
        let db = Db::connect_with(url, opts)
            .await
            .map_err(|e| StartError(e.to_string()))?;
        let app = App::new(db, config, clock);
        governance::meetings::render_old_minutes(&app)
            .await
            .map_err(|e| StartError(format!("cannot render stored minutes: {e}")))?;
        Ok(app)
    }

    /// An application on an open database.
    pub fn new(db: Db, config: AppConfig, clock: Arc<dyn Clock>) -> App {
        App {
            inner: Arc::new(Inner {
                db,
                clock,
                config,
                definitions: surveys::responses::Definitions::default(),
                links: surveys::responses::Links::default(),
                intake: surveys::intake::Intake::default(),
            }),
        }
    }

    /// The settings.
    pub fn config(&self) -> &AppConfig {
        &self.inner.config
    }

    /// The current moment.
    pub fn now(&self) -> DateTime<Utc> {
        self.inner.clock.now()
    }

    /// Today's date in Sweden.
    pub fn today(&self) -> NaiveDate {
        self.inner.clock.today()
    }

    pub(crate) fn db(&self) -> &Db {
        &self.inner.db
    }

    pub(crate) fn definitions(&self) -> &surveys::responses::Definitions {
        &self.inner.definitions
    }

    pub(crate) fn links(&self) -> &surveys::responses::Links {
        &self.inner.links
    }

    pub(crate) fn intake(&self) -> &surveys::intake::Intake {
        &self.inner.intake
    }

    /// Whether the database answers (for health checks).
    pub async fn ping(&self) -> Result<()> {
        Ok(self.inner.db.ping().await?)
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.inner.db.close().await;
    }

    /// Whether the database holds nothing yet (no regions, no accounts).
    pub async fn is_empty(&self) -> Result<bool> {
        Ok(self.inner.db.is_empty().await?)
    }

    /// The context of the command line: every right, audited as `kommandorad`.
    pub fn cli(&self) -> Ctx {
        Ctx::cli(self.clone())
    }

    /// Which database server is behind the application.
    pub fn backend_name(&self) -> &'static str {
        match self.inner.db.backend() {
            samverka_store::Backend::Sqlite => "sqlite",
            samverka_store::Backend::Postgres => "postgres",
        }
    }
}
