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
    /// Survey responses one client address may send in a minute through
    /// anonymous links (a flood from one source is stopped; the addresses
    /// are kept in memory only, never stored or logged). 0: no limit.
    pub submit_rate: u32,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            trusted_origins: Vec::new(),
            max_body_bytes: 5 * 1024 * 1024,
            trusted_proxies: Vec::new(),
            submit_rate: 30,
        }
    }
}

/// Counts anonymous survey responses per client address, in memory.
type SubmitLimit = governor::DefaultKeyedRateLimiter<IpAddr>;

/// What every handler can reach: the application and the web settings.
#[derive(Clone)]
pub struct AppState {
    /// The application: every use case goes through it.
    pub app: App,
    /// The settings.
    pub config: Arc<WebConfig>,
    /// The limit on anonymous responses per address (none when the rate is 0).
    submit_limit: Option<Arc<SubmitLimit>>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("app", &self.app)
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Above this many addresses remembered, those that are back to a full
/// allowance are forgotten.
const REMEMBERED_ADDRESSES: usize = 10_000;

impl AppState {
    /// Builds the state.
    pub fn new(app: App, config: WebConfig) -> AppState {
        let submit_limit = std::num::NonZeroU32::new(config.submit_rate)
            .map(|rate| Arc::new(governor::RateLimiter::keyed(governor::Quota::per_minute(rate))));
        AppState {
            app,
            config: Arc::new(config),
            submit_limit,
        }
    }

    /// Whether one more anonymous response may come from `address` now;
    /// if not, in how many seconds. An unknown address is not limited.
    pub fn submit_allowed(&self, address: Option<IpAddr>) -> Result<(), u64> {
        let (Some(limit), Some(address)) = (&self.submit_limit, address) else {
            return Ok(());
        };
        if limit.len() > REMEMBERED_ADDRESSES {
            limit.retain_recent();
        }
        limit.check_key(&address).map_err(|not_until| {
            not_until
                .wait_time_from(governor::clock::Clock::now(
                    &governor::clock::DefaultClock::default(),
                ))
                .as_secs()
                .max(1)
        })
    }
}
