//! Login accounts and their grants.

use samverka_core::account::email_key;
use samverka_core::{Account, Grant, Role};
use serde::Serialize;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    email: String,
    name: String,
    disabled: i64,
    password_hash: Option<String>,
}

impl TryFrom<Row> for Account {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Account> {
        Ok(Account {
            id: r.id,
            email: r.email,
            name: r.name,
            disabled: codec::flag("users.disabled", r.disabled)?,
            password_hash: r.password_hash,
        })
    }
}

/// One grant as stored, with whether a county coordinator blocked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredGrant {
    /// Id.
    pub id: i64,
    /// The grant.
    pub grant: Grant,
    /// When it was blocked in its region (RFC 3339), if it was.
    pub disabled_at: Option<String>,
}

#[derive(sqlx::FromRow)]
struct GrantRow {
    id: i64,
    role: String,
    region_id: Option<i64>,
    centre_id: Option<i64>,
    disabled_at: Option<String>,
}

impl TryFrom<GrantRow> for StoredGrant {
    type Error = StoreError;
    fn try_from(r: GrantRow) -> Result<StoredGrant> {
        Ok(StoredGrant {
            id: r.id,
            grant: Grant {
                role: codec::code::<Role>("grants.role", &r.role)?,
                region_id: r.region_id,
                centre_id: r.centre_id,
            },
            disabled_at: r.disabled_at,
        })
    }
}

const COLUMNS: &str = "id, email, name, disabled, password_hash";

/// Creates an account (without grants).
pub async fn create(
    tx: &mut Tx,
    who: &Who,
    email: &str,
    name: &str,
    password_hash: Option<&str>,
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
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Create, AuditEntity::User, Some(id), None)
            .after(serde_json::json!({ "email": email_key(email), "name": name.trim() })),
    )
    .await?;
    Ok(id)
}

/// Gives an account one more grant (a centre grant must name a centre of its region).
pub async fn add_grant(tx: &mut Tx, who: &Who, user_id: i64, grant: &Grant) -> Result<()> {
    if let Some(centre) = grant.centre_id {
        let region: Option<i64> = sqlx::query_scalar("SELECT region_id FROM centres WHERE id = $1")
            .bind(centre)
            .fetch_optional(&mut **tx)
            .await?;
        if region.is_none() || region != grant.region_id {
            return Err(StoreError::invalid("centre"));
        }
    }
    let exists: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM grants WHERE user_id = $1 AND role = $2
           AND COALESCE(region_id, 0) = COALESCE($3, 0) AND COALESCE(centre_id, 0) = COALESCE($4, 0)",
    )
    .bind(user_id)
    .bind(grant.role.code())
    .bind(grant.region_id)
    .bind(grant.centre_id)
    .fetch_optional(&mut **tx)
    .await?;
    if exists.is_some() {
        return Ok(());
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
        Change::new(
            AuditAction::Grant,
            AuditEntity::User,
            Some(user_id),
            grant.region_id,
        )
        .after(grant),
    )
    .await
}

/// Removes every grant an account holds in a region.
pub async fn revoke_region(tx: &mut Tx, who: &Who, user_id: i64, region_id: i64) -> Result<()> {
    let before: Vec<Grant> = grants(tx, user_id)
        .await?
        .into_iter()
        .map(|g| g.grant)
        .filter(|g| g.region_id == Some(region_id))
        .collect();
    sqlx::query("DELETE FROM grants WHERE user_id = $1 AND region_id = $2")
        .bind(user_id)
        .bind(region_id)
        .execute(&mut **tx)
        .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Revoke,
            AuditEntity::User,
            Some(user_id),
            Some(region_id),
        )
        .before(before),
    )
    .await
}

/// Blocks or unblocks an account's grants in one region (what a county
/// coordinator does): the account keeps working elsewhere. False when it
/// already was so.
pub async fn set_region_disabled(
    tx: &mut Tx,
    who: &Who,
    user_id: i64,
    region_id: i64,
    disabled: bool,
) -> Result<bool> {
    let n = if disabled {
        sqlx::query("UPDATE grants SET disabled_at = $1 WHERE user_id = $2 AND region_id = $3 AND disabled_at IS NULL")
            .bind(now())
            .bind(user_id)
            .bind(region_id)
            .execute(&mut **tx)
            .await?
    } else {
        sqlx::query("UPDATE grants SET disabled_at = NULL WHERE user_id = $1 AND region_id = $2 AND disabled_at IS NOT NULL")
            .bind(user_id)
            .bind(region_id)
            .execute(&mut **tx)
            .await?
    }
    .rows_affected();
    if n == 0 {
        return Ok(false);
    }
    audit::record(
        tx,
        who,
        Change::new(
            if disabled {
                AuditAction::Disable
            } else {
                AuditAction::Enable
            },
            AuditEntity::User,
            Some(user_id),
            Some(region_id),
        )
        .after(serde_json::json!({ "region_id": region_id, "disabled": disabled })),
    )
    .await?;
    Ok(true)
}

/// Blocks or unblocks an account everywhere (what an administrator does).
/// Blocking revokes its API tokens. False when it already was so.
pub async fn set_disabled(tx: &mut Tx, who: &Who, user_id: i64, disabled: bool) -> Result<bool> {
    let n = sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2 AND disabled <> $1")
        .bind(codec::flag_value(disabled))
        .bind(user_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if n == 0 {
        get(tx, user_id).await?;
        return Ok(false);
    }
    if disabled {
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
            .bind(now())
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
    }
    audit::record(
        tx,
        who,
        Change::new(
            if disabled {
                AuditAction::Disable
            } else {
                AuditAction::Enable
            },
            AuditEntity::User,
            Some(user_id),
            None,
        )
        .after(serde_json::json!({ "disabled": disabled })),
    )
    .await?;
    Ok(true)
}

/// Sets a new password hash; [`StoreError::NotFound`] for an unknown account.
pub async fn set_password(tx: &mut Tx, who: &Who, user_id: i64, hash: &str) -> Result<()> {
    let n = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(user_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Password, AuditEntity::User, Some(user_id), None),
    )
    .await
}

/// Changes an account's name.
pub async fn set_name(tx: &mut Tx, who: &Who, user_id: i64, name: &str) -> Result<()> {
    let before = get(tx, user_id).await?;
    sqlx::query("UPDATE users SET name = $1 WHERE id = $2")
        .bind(name.trim())
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Update, AuditEntity::User, Some(user_id), None)
            .before(serde_json::json!({ "name": before.name }))
            .after(serde_json::json!({ "name": name.trim() })),
    )
    .await
}

/// An account by e-mail.
pub async fn find_by_email(c: &mut Conn, email: &str) -> Result<Option<Account>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    rows::optional::<Row, Account>(c, crate::trusted(sql), email_key(email)).await
}

/// An account by id.
pub async fn get(c: &mut Conn, id: i64) -> Result<Account> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    rows::one::<Row, Account>(c, crate::trusted(sql), id).await
}

/// Every account, by e-mail.
pub async fn list(c: &mut Conn) -> Result<Vec<Account>> {
    let rows: Vec<Row> = sqlx::query_as(crate::trusted(format!(
        "SELECT {COLUMNS} FROM users ORDER BY email"
    )))
    .fetch_all(c)
    .await?;
    rows.into_iter().map(Account::try_from).collect()
}

/// An account's grants, blocked ones included.
pub async fn grants(c: &mut Conn, user_id: i64) -> Result<Vec<StoredGrant>> {
    rows::all::<GrantRow, StoredGrant>(
        c,
        "SELECT id, role, region_id, centre_id, disabled_at FROM grants WHERE user_id = $1 ORDER BY id",
        user_id,
    )
    .await
}

/// The grants an account may use now: not blocked in their region.
pub async fn active_grants(c: &mut Conn, user_id: i64) -> Result<Vec<Grant>> {
    Ok(grants(c, user_id)
        .await?
        .into_iter()
        .filter(|g| g.disabled_at.is_none())
        .map(|g| g.grant)
        .collect())
}

#[derive(sqlx::FromRow)]
struct AccountGrantRow {
    id: i64,
    email: String,
    name: String,
    disabled: i64,
    password_hash: Option<String>,
    grant_id: i64,
    role: String,
    region_id: Option<i64>,
    centre_id: Option<i64>,
    disabled_at: Option<String>,
}

/// Accounts holding any grant in a region, with their grants there, by name.
pub async fn list_in_region(c: &mut Conn, region_id: i64) -> Result<Vec<(Account, Vec<StoredGrant>)>> {
    let rows: Vec<AccountGrantRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.disabled, u.password_hash, g.id AS grant_id, g.role, g.region_id,
                g.centre_id, g.disabled_at
         FROM users u JOIN grants g ON g.user_id = u.id WHERE g.region_id = $1 ORDER BY u.id, g.id",
    )
    .bind(region_id)
    .fetch_all(c)
    .await?;
    let mut out: Vec<(Account, Vec<StoredGrant>)> = Vec::new();
    for r in rows {
        let grant = StoredGrant::try_from(GrantRow {
            id: r.grant_id,
            role: r.role,
            region_id: r.region_id,
            centre_id: r.centre_id,
            disabled_at: r.disabled_at,
        })?;
        let account = Account::try_from(Row {
            id: r.id,
            email: r.email,
            name: r.name,
            disabled: r.disabled,
            password_hash: r.password_hash,
        })?;
        match out.last_mut() {
            Some((a, g)) if a.id == account.id => g.push(grant),
            _ => out.push((account, vec![grant])),
        }
    }
    out.sort_by_cached_key(|(a, _)| samverka_core::text::sort_key(&a.name));
    Ok(out)
}
