//! One-time links to choose a password: mailed to a new account, or sent by
//! a county coordinator or administrator who manages the account.

use samverka_core::account::password_problem;
use samverka_store::Tx;
use samverka_store::Who;
use samverka_store::accounts::{resets, sessions, users};
use samverka_store::platform::mail::{self, Mail};

use super::passwords;
use crate::ctx::commit_anonymous;
use crate::{App, Ctx, Error, Result};

/// Days a link works.
const VALID_DAYS: i64 = 7;

/// Makes a new link for an account inside the caller's transaction; returns its secret.
pub(crate) async fn new_link(ctx: &Ctx, tx: &mut Tx, user_id: i64) -> Result<String> {
    let secret = passwords::new_secret("");
    let expires = ctx.app.now().timestamp() + VALID_DAYS * 24 * 3600;
    resets::create(tx, user_id, &passwords::hash_secret(&secret), expires).await?;
    Ok(secret)
}

/// Mails an account a link to choose a new password (those who manage the
/// account). The current password keeps working until the link is used.
pub async fn send_link(ctx: &Ctx, user_id: i64) -> Result<()> {
    let mut tx = ctx.write().await?;
    let account = users::get(&mut tx, user_id).await?;
    let grants = users::grants(&mut tx, user_id).await?;
    Error::require(super::manage::manages_account(ctx, &grants))?;
    let secret = new_link(ctx, &mut tx, user_id).await?;
    let (subject, body) = super::mails::password_link(ctx, &secret);
    mail::enqueue(
        &mut tx,
        &Mail {
            to: account.email,
            subject,
            body,
        },
    )
    .await?;
    ctx.commit(tx).await
}

/// Whether a link still works (for showing its form).
pub async fn link_works(app: &App, secret: &str) -> Result<bool> {
    let mut c = app.db().read().await?;
    Ok(
        resets::find(&mut c, &passwords::hash_secret(secret), app.now().timestamp())
            .await?
            .is_some(),
    )
}

/// Sets a new password with a link: the link is used up and every session
/// of the account ends. 409 `link-used` when the link no longer works.
pub async fn use_link(app: &App, secret: &str, password: &str) -> Result<()> {
    if let Some(code) = password_problem(password) {
        return Err(Error::field("password", code));
    }
    let hash = passwords::hash(password).await?;
    let token_hash = passwords::hash_secret(secret);
    let now = app.now().timestamp();
    let mut tx = app.db().write().await?;
    let Some(user_id) = resets::find(&mut tx, &token_hash, now).await? else {
        return Err(Error::Conflict("link-used"));
    };
    if !resets::use_up(&mut tx, &token_hash, now).await? {
        return Err(Error::Conflict("link-used"));
    }
    let account = users::get(&mut tx, user_id).await?;
    users::set_password(&mut tx, &Who::user(account.id, &account.email), user_id, &hash).await?;
    sessions::end_for_user(&mut tx, user_id, None).await?;
    commit_anonymous(tx).await
}
