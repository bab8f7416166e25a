//! Login accounts and their API tokens.

use chrono::NaiveDate;
use serde::Serialize;

/// A login account (*konto*). Staff names and e-mail addresses are personal
/// data: they are shown only to those who manage accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    /// Id.
    pub id: i64,
    /// E-mail address, stored in lower case; the login name.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Whether an administrator blocked the account everywhere.
    pub disabled: bool,
    /// The argon2id hash of the password, if one is set.
    #[serde(skip)]
    pub password_hash: Option<String>,
}

/// The key e-mail addresses are stored and looked up by.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Whether a text looks like an e-mail address one can send to.
pub fn is_email(email: &str) -> bool {
    let e = email.trim();
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && e.len() <= 254
        && !e.contains(char::is_whitespace)
        && !domain.contains('@')
}

/// The shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password accepted, in characters (argon2 hashes anything, but
/// a megabyte "password" is an attack, not a password).
pub const MAX_PASSWORD_CHARS: usize = 200;

/// Checks a new password against the account rules: the code of the problem, if any.
pub fn password_problem(password: &str) -> Option<&'static str> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        Some("password-too-short")
    } else if n > MAX_PASSWORD_CHARS {
        Some("too-long")
    } else {
        None
    }
}

/// An API token (*API-nyckel*) as its owner and the account's managers see
/// it: never the secret, which is shown once when made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiToken {
    /// Id.
    pub id: i64,
    /// The account it acts as.
    pub user_id: i64,
    /// The name its owner gave it.
    pub label: String,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// The last day it works, if it expires.
    pub expires_on: Option<NaiveDate>,
    /// When it was last used (RFC 3339), if ever.
    pub last_used_at: Option<String>,
    /// When it was revoked (RFC 3339), if it was.
    pub revoked_at: Option<String>,
}

impl ApiToken {
    /// Whether the token still works on `today`.
    pub fn is_active(&self, today: NaiveDate) -> bool {
        self.revoked_at.is_none() && self.expires_on.is_none_or(|e| e >= today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_passwords_follow_the_account_rules() {
        assert!(is_email("anna.svensson@region.se"));
        assert!(!is_email("anna"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@region.se"));
        assert!(!is_email("@region.se"));
        assert_eq!(password_problem("x"), Some("password-too-short"));
        assert_eq!(password_problem("rätt häst batteri"), None);
        assert_eq!(password_problem(&"x".repeat(201)), Some("too-long"));
        assert_eq!(email_key(" Anna@Region.SE "), "anna@region.se");
    }
}
