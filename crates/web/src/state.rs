use std::sync::Arc;

use samverka_store::Db;

/// Settings of the web layer, from the command line or environment.
#[derive(Debug, Clone)]
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
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            trusted_origins: Vec::new(),
            login_burst: 10,
            login_refill_seconds: 6,
            max_body_bytes: 5 * 1024 * 1024,
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
