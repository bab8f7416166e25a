use std::sync::Arc;

use samverka_store::Db;

/// Settings of the web layer, from the command line or environment.
#[derive(Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (on whenever the site is served over HTTPS).
    pub secure_cookies: bool,
    /// Origins besides the server's own that may post forms (e.g. behind a proxy).
    pub trusted_origins: Vec<String>,
    /// Login attempts one address may make in a burst before it must wait.
    pub login_burst: u32,
    /// Seconds before one more login attempt is allowed after a burst.
    pub login_refill_seconds: u64,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Where e-mail goes: an SMTP URL (`smtp://user:pass@host:587`, STARTTLS
    /// unless `?tls=none`; `smtps://` for TLS from the start). `None` writes
    /// each mail as an `.eml` file into [`WebConfig::outbox_dir`] instead.
    pub smtp_url: Option<String>,
    /// The sender of every mail, e.g. `samverka <noreply@region.se>`.
    pub mail_from: String,
    /// The folder mails are written to when no SMTP server is set.
    pub outbox_dir: std::path::PathBuf,
    /// The site's address as readers reach it, for links in mails (no trailing slash needed).
    pub public_url: String,
}

impl std::fmt::Debug for WebConfig {
    /// Like the derived form, but the SMTP URL (which may hold a password) is hidden.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebConfig")
            .field("secure_cookies", &self.secure_cookies)
            .field("trusted_origins", &self.trusted_origins)
            .field("login_burst", &self.login_burst)
            .field("login_refill_seconds", &self.login_refill_seconds)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("smtp_url", &self.smtp_url.as_ref().map(|_| "***"))
            .field("mail_from", &self.mail_from)
            .field("outbox_dir", &self.outbox_dir)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            trusted_origins: Vec::new(),
            login_burst: 10,
            login_refill_seconds: 6,
            max_body_bytes: 5 * 1024 * 1024,
            smtp_url: None,
            mail_from: "samverka <noreply@samverka.local>".into(),
            outbox_dir: std::path::PathBuf::from("./outbox"),
            public_url: "http://127.0.0.1:8080".into(),
        }
    }
}

/// What every handler can reach: the database and the settings.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// The settings.
    pub config: Arc<WebConfig>,
}

impl AppState {
    /// Builds the state.
    pub fn new(db: Db, config: WebConfig) -> AppState {
        AppState {
            db,
            config: Arc::new(config),
        }
    }
}
