//! API tokens (*API-nycklar*): made, named and given an expiry by their
//! owner; listed and revoked by the owner and by those who manage the account.

use samverka_core::FieldErrors;
use samverka_core::account::ApiToken;
use samverka_core::validation::{optional_date, required_text};
use samverka_store::accounts::{tokens, users};

use super::passwords;
use crate::{Ctx, Error, Result};

async fn may_manage_tokens_of(ctx: &Ctx, c: &mut samverka_store::Conn, user_id: i64) -> Result<()> {
    if ctx.user_id() == Some(user_id) || ctx.actor.is_admin() {
        users::get(c, user_id).await?;
        return Ok(());
    }
    let grants = users::grants(c, user_id).await?;
    if grants.is_empty() {
        return Err(Error::NotFound);
    }
    Error::require(super::manage::manages_account(ctx, &grants))
}

/// An account's tokens, newest first (never their secrets).
pub async fn list(ctx: &Ctx, user_id: i64) -> Result<Vec<ApiToken>> {
    let mut c = ctx.read().await?;
    may_manage_tokens_of(ctx, &mut c, user_id).await?;
    Ok(tokens::of_user(&mut c, user_id).await?)
}

/// A new token as typed: a name and an optional last day.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct TokenDraft {
    /// What the token is for ("Rapportverktyg").
    #[serde(default)]
    pub label: String,
    /// The last day it works (ISO date), or empty for no expiry.
    #[serde(default)]
    pub expires_on: String,
}

/// Makes a token for an account: by its owner (or the command line). The
/// secret is returned once and only its hash is kept.
pub async fn create(ctx: &Ctx, user_id: i64, draft: &TokenDraft) -> Result<(ApiToken, String)> {
    Error::require(ctx.user_id() == Some(user_id) || (ctx.account.is_none() && ctx.actor.is_admin()))?;
    let mut errors = FieldErrors::default();
    let label = required_text(&mut errors, "label", &draft.label, 100);
    let expires_on = optional_date(&mut errors, "expires_on", &draft.expires_on);
    if expires_on.is_some_and(|d| d < ctx.today) {
        errors.add("expires_on", "date-in-past");
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let secret = passwords::new_secret("svk_");
    let mut tx = ctx.write().await?;
    users::get(&mut tx, user_id).await?;
    let id = tokens::create(
        &mut tx,
        &ctx.who,
        user_id,
        &passwords::hash_secret(&secret),
        &label,
        expires_on,
    )
    .await?;
    let token = tokens::get(&mut tx, id).await?;
    ctx.commit(tx).await?;
    Ok((token, secret))
}

/// Revokes a token (its owner, or someone who manages the account). Revoking
/// a revoked token changes nothing.
pub async fn revoke(ctx: &Ctx, token_id: i64) -> Result<ApiToken> {
    let mut tx = ctx.write().await?;
    let token = tokens::get(&mut tx, token_id).await?;
    may_manage_tokens_of(ctx, &mut tx, token.user_id).await?;
    tokens::revoke(&mut tx, &ctx.who, &token).await?;
    let after = tokens::get(&mut tx, token_id).await?;
    ctx.commit(tx).await?;
    Ok(after)
}
