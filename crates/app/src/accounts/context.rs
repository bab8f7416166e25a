//! Who a request belongs to: the account behind a session or an API token,
//! with its grants and its seats in governing groups today.

use chrono::Duration;
use samverka_core::{Account, Actor};
use samverka_store::Conn;
use samverka_store::accounts::{tokens, users};
use samverka_store::governance::people;

use super::passwords;
use crate::{App, Ctx, Result};

async fn actor_of(c: &mut Conn, account: &Account, app: &App) -> Result<Actor> {
    let grants = users::active_grants(c, account.id).await?;
    let seats = people::seats_of_user(c, account.id, app.today()).await?;
    Ok(Actor {
        user_id: account.id,
        grants,
        seats,
    })
}

/// The context of a logged-in account; `None` when the account is gone or
/// blocked everywhere.
pub async fn for_user(app: &App, user_id: i64) -> Result<Option<Ctx>> {
    let mut c = app.db().read().await?;
    let account = match users::get(&mut c, user_id).await {
        Ok(a) => a,
        Err(samverka_store::StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if account.disabled {
        return Ok(None);
    }
    let actor = actor_of(&mut c, &account, app).await?;
    Ok(Some(Ctx::account(app.clone(), strip(account), actor)))
}

/// The context of an API token; `None` when the token is unknown, revoked,
/// expired, or its account blocked. Notes the token's use at most once an hour.
pub async fn for_token(app: &App, secret: &str) -> Result<Option<Ctx>> {
    let mut c = app.db().read().await?;
    let Some((token, account)) = tokens::find(&mut c, &passwords::hash_secret(secret)).await? else {
        return Ok(None);
    };
    if account.disabled || !token.is_active(app.today()) {
        return Ok(None);
    }
    let now = app.now();
    let stale = token
        .last_used_at
        .as_deref()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .is_none_or(|t| now.signed_duration_since(t) > Duration::hours(1));
    if stale {
        let at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        if let Err(e) = tokens::touch(&mut c, token.id, &at).await {
            tracing::warn!("could not note the use of token {}: {e}", token.id);
        }
    }
    let actor = actor_of(&mut c, &account, app).await?;
    Ok(Some(Ctx::account(app.clone(), account, actor)))
}

/// The account as a request carries it: never the password hash.
fn strip(mut a: Account) -> Account {
    a.password_hash = None;
    a
}
