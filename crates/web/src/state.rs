use std::net::IpAddr;
use std::sync::Arc;

use samverka_app::App;

/// Settings of the web layer, from the command line or environment.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Mark cookies `Secure` and send HSTS (on whenever the site is served over HTTPS).
    pub secure_cookies: bool,
    /// Origins besides the server's own that may post forms (e.g. behind a proxy).
    pub trusted_origins: Vec<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Reverse proxies whose `X-Forwarded-For` header names the client's
    /// address (for the login throttle). Empty: the peer address is the client.
    pub trusted_proxies: Vec<IpAddr>,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            trusted_origins: Vec::new(),
            max_body_bytes: 5 * 1024 * 1024,
            trusted_proxies: Vec::new(),
        }
    }
}

/// What every handler can reach: the application and the web settings.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The application: every use case goes through it.
    pub app: App,
    /// The settings.
    pub config: Arc<WebConfig>,
}

impl AppState {
    /// Builds the state.
    pub fn new(app: App, config: WebConfig) -> AppState {
        AppState {
            app,
            config: Arc::new(config),
        }
    }
}
