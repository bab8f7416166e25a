//! The audit trail: who changed which record, when, before and after.

use serde::Serialize;
use serde_json::Value;
use sqlx::Row;

use crate::{Db, Result, Tx, now};

/// Who makes a change: an account, or the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// The account's id, when a person logged in or used a token.
    pub user_id: Option<i64>,
    /// How the change is shown in the trail: the account's e-mail, or `kommandorad`.
    pub label: String,
}

impl Who {
    /// A change made with the `samverka` command.
    pub fn cli() -> Who {
        Who {
            user_id: None,
            label: "kommandorad".into(),
        }
    }

    /// A change made by an account.
    pub fn user(id: i64, email: &str) -> Who {
        Who {
            user_id: Some(id),
            label: email.to_string(),
        }
    }
}

/// One change to record.
#[derive(Debug, Clone)]
pub struct Change {
    /// What was done: `create`, `update`, `close`, `import`, ...
    pub action: &'static str,
    /// What kind of record: `centre`, `unit`, `region`, `user`, `grant`, `population`, ...
    pub entity: &'static str,
    /// The record's id.
    pub entity_id: Option<i64>,
    /// The region it belongs to, so the county coordinator can read it.
    pub region_id: Option<i64>,
    /// The record before the change.
    pub before: Option<Value>,
    /// The record after the change.
    pub after: Option<Value>,
}

/// Writes one audit entry inside the caller's transaction, so the change and
/// its trail are stored together or not at all.
pub async fn record(tx: &mut Tx, who: &Who, change: Change) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, user_id, actor, action, entity, entity_id, region_id, before_json, after_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(now())
    .bind(who.user_id)
    .bind(&who.label)
    .bind(change.action)
    .bind(change.entity)
    .bind(change.entity_id)
    .bind(change.region_id)
    .bind(change.before.map(|v| v.to_string()))
    .bind(change.after.map(|v| v.to_string()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One entry of the audit trail, as read back.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AuditEntry {
    /// Entry id; newer entries have larger ids.
    pub id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The account, if any.
    pub user_id: Option<i64>,
    /// Who, as shown.
    pub actor: String,
    /// What was done.
    pub action: String,
    /// What kind of record.
    pub entity: String,
    /// Which record.
    pub entity_id: Option<i64>,
    /// Which region.
    pub region_id: Option<i64>,
    /// Before the change.
    pub before: Option<Value>,
    /// After the change.
    pub after: Option<Value>,
}

/// The newest entries first, for one region (or all, for `None`), paged by id.
pub async fn list(
    db: &Db,
    region_id: Option<i64>,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>> {
    let rows = sqlx::query(
        "SELECT id, at, user_id, actor, action, entity, entity_id, region_id, before_json, after_json
         FROM audit_log
         WHERE ($1 IS NULL OR region_id = $1) AND ($2 IS NULL OR id < $2)
         ORDER BY id DESC LIMIT $3",
    )
    .bind(region_id)
    .bind(before_id)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            let json = |col: &str| -> Result<Option<Value>> {
                let text: Option<String> = r.try_get(col)?;
                Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
            };
            Ok(AuditEntry {
                id: r.try_get("id")?,
                at: r.try_get("at")?,
                user_id: r.try_get("user_id")?,
                actor: r.try_get("actor")?,
                action: r.try_get("action")?,
                entity: r.try_get("entity")?,
                entity_id: r.try_get("entity_id")?,
                region_id: r.try_get("region_id")?,
                before: json("before_json")?,
                after: json("after_json")?,
            })
        })
        .collect()
}
