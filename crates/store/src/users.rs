//! Login accounts, their grants and their API tokens.

use samverka_core::{Grant, Role};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, Who};
use crate::{Db, Result, StoreError, Tx, now};

/// A login account. Staff names and e-mail addresses are personal data:
/// they are shown only to those who manage accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Id.
    pub id: i64,
    /// E-mail address, stored in lower case; the login name.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Whether the account is blocked from logging in.
    pub disabled: bool,
    /// The argon2id hash of the password, if one is set.
    #[serde(skip)]
    pub password_hash: Option<String>,
}

fn user_from_row(r: &AnyRow) -> Result<User> {
    let disabled: i64 = r.try_get("disabled")?;
    Ok(User {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        name: r.try_get("name")?,
        disabled: disabled != 0,
        password_hash: r.try_get("password_hash")?,
    })
}

/// The key e-mail addresses are stored and looked up by.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Creates an account with its grants in one transaction.
pub async fn create(
    db: &Db,
    who: &Who,
    email: &str,
    name: &str,
    password_hash: Option<&str>,
    grants: &[Grant],
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = create_in(&mut tx, who, email, name, password_hash, grants).await?;
    tx.commit().await?;
    Ok(id)
}

/// Creates an account inside the caller's transaction.
pub async fn create_in(
    tx: &mut Tx,
    who: &Who,
    email: &str,
    name: &str,
    password_hash: Option<&str>,
    grants: &[Grant],
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, disabled, created_at) VALUES ($1, $2, $3, 0, $4) RETURNING id",
    )
    .bind(email_key(email))
    .bind(name.trim())
    .bind(password_hash)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    let regions: Vec<Option<i64>> = grants.iter().map(|g| g.region_id).collect();
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "user",
            entity_id: Some(id),
            region_id: regions.first().copied().flatten(),
            before: None,
            after: Some(
                serde_json::json!({ "email": email_key(email), "name": name.trim(), "grants": grants }),
            ),
        },
    )
    .await?;
    for g in grants {
        add_grant_in(tx, who, id, g).await?;
    }
    Ok(id)
}

/// Gives an account one more grant.
pub async fn add_grant(db: &Db, who: &Who, user_id: i64, grant: &Grant) -> Result<()> {
    let mut tx = db.begin().await?;
    add_grant_in(&mut tx, who, user_id, grant).await?;
    tx.commit().await?;
    Ok(())
}

async fn add_grant_in(tx: &mut Tx, who: &Who, user_id: i64, grant: &Grant) -> Result<()> {
    if let Some(centre) = grant.centre_id {
        let region: Option<i64> = sqlx::query_scalar("SELECT region_id FROM centres WHERE id = $1")
            .bind(centre)
            .fetch_optional(&mut **tx)
            .await?;
        if region.is_none() || region != grant.region_id {
            return Err(StoreError::Invalid("centre_id".into()));
        }
    }
    sqlx::query(
        "INSERT INTO grants (user_id, role, region_id, centre_id, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(user_id)
    .bind(grant.role.code())
    .bind(grant.region_id)
    .bind(grant.centre_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change {
            action: "grant",
            entity: "user",
            entity_id: Some(user_id),
            region_id: grant.region_id,
            before: None,
            after: serde_json::to_value(grant).ok(),
        },
    )
    .await?;
    Ok(())
}

/// Removes every grant an account holds in a region.
pub async fn revoke_region(db: &Db, who: &Who, user_id: i64, region_id: i64) -> Result<()> {
    let before = grants(db, user_id).await?;
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM grants WHERE user_id = $1 AND region_id = $2")
        .bind(user_id)
        .bind(region_id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "revoke",
            entity: "user",
            entity_id: Some(user_id),
            region_id: Some(region_id),
            before: serde_json::to_value(
                before
                    .iter()
                    .filter(|g| g.region_id == Some(region_id))
                    .collect::<Vec<_>>(),
            )
            .ok(),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Blocks or unblocks an account.
pub async fn set_disabled(
    db: &Db,
    who: &Who,
    user_id: i64,
    disabled: bool,
    region_id: Option<i64>,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let n = sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
        .bind(i64::from(disabled))
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    if disabled {
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
            .bind(now())
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
    }
    audit::record(
        &mut tx,
        who,
        Change {
            action: if disabled { "disable" } else { "enable" },
            entity: "user",
            entity_id: Some(user_id),
            region_id,
            before: None,
            after: Some(serde_json::json!({ "disabled": disabled })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a new password hash; [`StoreError::NotFound`] for an unknown account.
pub async fn set_password(db: &Db, who: &Who, user_id: i64, hash: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    let n = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    audit::record(
        &mut tx,
        who,
        Change {
            action: "password",
            entity: "user",
            entity_id: Some(user_id),
            region_id: None,
            before: None,
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An account by e-mail.
pub async fn find_by_email(db: &Db, email: &str) -> Result<Option<User>> {
    let row = sqlx::query("SELECT id, email, name, disabled, password_hash FROM users WHERE email = $1")
        .bind(email_key(email))
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(user_from_row).transpose()
}

/// An account by id.
pub async fn get(db: &Db, id: i64) -> Result<User> {
    let row = sqlx::query("SELECT id, email, name, disabled, password_hash FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    user_from_row(&row)
}

/// An account's grants.
pub async fn grants(db: &Db, user_id: i64) -> Result<Vec<Grant>> {
    let rows = sqlx::query("SELECT role, region_id, centre_id FROM grants WHERE user_id = $1 ORDER BY id")
        .bind(user_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(grant_from_row).collect()
}

fn grant_from_row(r: &AnyRow) -> Result<Grant> {
    let role: String = r.try_get("role")?;
    Ok(Grant {
        role: Role::parse(&role).ok_or_else(|| StoreError::Invalid(format!("unknown role {role}")))?,
        region_id: r.try_get("region_id")?,
        centre_id: r.try_get("centre_id")?,
    })
}

/// Accounts holding any grant in a region, with those grants, by name.
pub async fn list_in_region(db: &Db, region_id: i64) -> Result<Vec<(User, Vec<Grant>)>> {
    let rows = sqlx::query(
        "SELECT u.id, u.email, u.name, u.disabled, u.password_hash, g.role, g.region_id, g.centre_id
         FROM users u JOIN grants g ON g.user_id = u.id WHERE g.region_id = $1 ORDER BY u.id, g.id",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<(User, Vec<Grant>)> = Vec::new();
    for r in &rows {
        let user = user_from_row(r)?;
        let grant = grant_from_row(r)?;
        match out.last_mut() {
            Some((u, g)) if u.id == user.id => g.push(grant),
            _ => out.push((user, vec![grant])),
        }
    }
    out.sort_by_cached_key(|(u, _)| samverka_core::text::sort_key(&u.name));
    Ok(out)
}

/// Stores a new API token's hash.
pub async fn create_token(db: &Db, who: &Who, user_id: i64, token_hash: &str, label: &str) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(user_id)
    .bind(token_hash)
    .bind(label)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "token",
            entity: "user",
            entity_id: Some(user_id),
            region_id: None,
            before: None,
            after: Some(serde_json::json!({ "token_id": id, "label": label })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The active account a token hash belongs to, if the token is valid.
pub async fn user_by_token(db: &Db, token_hash: &str) -> Result<Option<User>> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.name, u.disabled, u.password_hash FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled = 0",
    )
    .bind(token_hash)
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(user_from_row).transpose()
}
