//! Storage for login sessions (the web layer's session store calls these):
//! rows in the database, so any instance serves any request.

use samverka_store::accounts::sessions;

use crate::{App, Result};

/// A session's stored data (JSON) and expiry (unix seconds), if it exists.
pub async fn load(app: &App, id: &str) -> Result<Option<(String, i64)>> {
    let mut c = app.db().read().await?;
    Ok(sessions::load(&mut c, id).await?)
}

/// Stores or replaces a session.
pub async fn save(app: &App, id: &str, user_id: Option<i64>, data: &str, expires_at: i64) -> Result<()> {
    let mut c = app.db().read().await?;
    Ok(sessions::save(&mut c, id, user_id, data, expires_at).await?)
}

/// Stores a session only if its id is new; false when the id was taken.
pub async fn create(app: &App, id: &str, user_id: Option<i64>, data: &str, expires_at: i64) -> Result<bool> {
    let mut c = app.db().read().await?;
    Ok(sessions::create(&mut c, id, user_id, data, expires_at).await?)
}

/// Removes a session.
pub async fn delete(app: &App, id: &str) -> Result<()> {
    let mut c = app.db().read().await?;
    Ok(sessions::delete(&mut c, id).await?)
}

/// How many sessions an account has.
pub async fn count_for_user(app: &App, user_id: i64) -> Result<i64> {
    let mut c = app.db().read().await?;
    Ok(sessions::count_for_user(&mut c, user_id).await?)
}
