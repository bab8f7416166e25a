//! Logging in with a password, throttled per account and per client
//! address. Only failures count, so colleagues who log in correctly one after
//! another are never held up; the counts live in the database, so every
//! server instance sees the same.

use std::net::IpAddr;

use samverka_core::Account;
use samverka_core::account::email_key;
use samverka_store::accounts::{throttle, users};

use super::passwords;
use crate::{App, Result};

/// How a login attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginOutcome {
    /// The password was right; the account may log in.
    Accepted(Account),
    /// Wrong address or password (the two are not told apart).
    Refused,
    /// Too many failures lately from this address or for this account: the
    /// password was not even checked. Try again after this many seconds.
    Throttled {
        /// Seconds to wait.
        retry_after: u64,
    },
}

fn key(kind: &str, value: &str) -> String {
    format!("{kind}:{}", &passwords::hash_secret(value)[..32])
}

/// Checks an e-mail address and password. `client` is the caller's address
/// (from the trusted proxy's header when there is one).
pub async fn login(app: &App, email: &str, password: &str, client: Option<IpAddr>) -> Result<LoginOutcome> {
    let limits = app.config().login;
    let now = app.now().timestamp();
    let account_key = key("account", &email_key(email));
    let address_key = client.map(|ip| key("address", &ip.to_string()));
    let mut c = app.db().read().await?;
    let mut wait: u64 = 0;
    let account_window = i64::try_from(limits.account_window.as_secs()).unwrap_or(i64::MAX);
    let address_window = i64::try_from(limits.address_window.as_secs()).unwrap_or(i64::MAX);
    let account_failures = throttle::get(&mut c, &account_key).await?;
    if let Some(f) = account_failures
        && f.failures >= i64::from(limits.account_failures)
        && now < f.since + account_window
    {
        wait = wait.max(u64::try_from(f.since + account_window - now).unwrap_or(1));
    }
    if let Some(k) = &address_key
        && let Some(f) = throttle::get(&mut c, k).await?
        && f.failures >= i64::from(limits.address_failures)
        && now < f.since + address_window
    {
        wait = wait.max(u64::try_from(f.since + address_window - now).unwrap_or(1));
    }
    if wait > 0 {
        tracing::info!("login throttled");
        return Ok(LoginOutcome::Throttled { retry_after: wait });
    }
    let account = users::find_by_email(&mut c, email).await?;
    let usable = account.as_ref().filter(|a| !a.disabled);
    let ok = passwords::verify(password, usable.and_then(|a| a.password_hash.as_deref())).await?;
    match (ok, account) {
        (true, Some(a)) if !a.disabled => {
            if account_failures.is_some() {
                throttle::clear(&mut c, &account_key).await?;
            }
            Ok(LoginOutcome::Accepted(a))
        }
        _ => {
            throttle::record(&mut c, &account_key, now, account_window).await?;
            if let Some(k) = &address_key {
                throttle::record(&mut c, k, now, address_window).await?;
            }
            tracing::info!("failed login");
            Ok(LoginOutcome::Refused)
        }
    }
}
