//! The account's own page: changing one's password.

use samverka_core::FieldErrors;
use samverka_core::account::password_problem;
use samverka_store::accounts::{sessions, users};

use super::passwords;
use crate::{Ctx, Error, Result};

/// Changes the acting account's own password, after checking the current
/// one. Every other session of the account ends (`keep_session` is the
/// caller's own, which stays logged in).
pub async fn change_password(ctx: &Ctx, current: &str, new: &str, keep_session: Option<&str>) -> Result<()> {
    let user_id = ctx.user_id().ok_or(Error::Forbidden)?;
    let mut errors = FieldErrors::default();
    if let Some(code) = password_problem(new) {
        errors.add("new_password", code);
    }
    let stored = {
        let mut c = ctx.read().await?;
        users::get(&mut c, user_id).await?
    };
    if !passwords::verify(current, stored.password_hash.as_deref()).await? {
        errors.add("current_password", "wrong-password");
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let hash = passwords::hash(new).await?;
    let mut tx = ctx.write().await?;
    users::set_password(&mut tx, &ctx.who, user_id, &hash).await?;
    sessions::end_for_user(&mut tx, user_id, keep_session).await?;
    ctx.commit(tx).await
}
