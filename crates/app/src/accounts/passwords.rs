//! Passwords (argon2id, hashed off the async workers) and secrets for API
//! tokens and one-time links (random, stored as SHA-256 hashes).

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// Hashes a password with argon2id and a random salt.
pub fn hash_now(password: &str) -> std::result::Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Checks a password against a stored hash.
pub fn verify_now(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// Hashes a password on a blocking thread (argon2 takes tens of milliseconds
/// of CPU on purpose, which must not stall the server).
pub async fn hash(password: &str) -> Result<String> {
    let p = password.to_string();
    tokio::task::spawn_blocking(move || hash_now(&p))
        .await
        .map_err(|_| Error::Internal)?
        .map_err(|e| {
            tracing::error!("password hashing failed: {e}");
            Error::Internal
        })
}

/// A hash to verify against when there is no account, so that answering
/// takes as long either way.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_now("not a real password at all").unwrap_or_default());

/// Checks a password on a blocking thread; `None` checks against a dummy
/// hash and fails, taking as long.
pub async fn verify(password: &str, hash: Option<&str>) -> Result<bool> {
    let p = password.to_string();
    let h = hash.map(str::to_string);
    tokio::task::spawn_blocking(move || match h {
        Some(h) => verify_now(&p, &h),
        None => {
            verify_now(&p, &DUMMY_HASH);
            false
        }
    })
    .await
    .map_err(|_| Error::Internal)
}

/// A new random secret with a prefix (`svk_` for API tokens), URL-safe.
pub fn new_secret(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// The stored form of a secret.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A random password for accounts made on the command line.
pub fn random_password() -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_now("rätt häst batteri").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_now("rätt häst batteri", &h));
        assert!(!verify_now("fel", &h));
        assert!(!verify_now("x", "not a hash"));
    }

    #[test]
    fn secrets_are_stored_hashed() {
        let token = new_secret("svk_");
        assert!(token.starts_with("svk_") && token.len() > 40);
        assert_ne!(hash_secret(&token), token);
        assert_eq!(hash_secret(&token), hash_secret(&token));
        assert_eq!(random_password().len(), 16);
    }
}
