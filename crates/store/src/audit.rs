//! The audit trail: who changed which record, when, before and after.

use serde::Serialize;
use serde_json::Value;

use crate::codec;
use crate::{Conn, Result, StoreError, Tx, now};

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

macro_rules! codes {
    ($(#[$meta:meta])* $name:ident, $kind:literal { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the trail.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }
        }

        impl samverka_core::Coded for $name {
            const KIND: &'static str = $kind;
            fn code(self) -> &'static str {
                $name::code(self)
            }
            fn from_code(text: &str) -> Option<Self> {
                $name::ALL.iter().copied().find(|v| v.code() == text)
            }
        }
    };
}

codes!(
    /// What was done.
    AuditAction, "audit action" {
        /// Created a record.
        Create => "create",
        /// Changed a record.
        Update => "update",
        /// Closed a centre or unit, or disbanded a group.
        Close => "close",
        /// Reopened what was closed.
        Reopen => "reopen",
        /// Imported data (population numbers).
        Import => "import",
        /// Gave an account a role.
        Grant => "grant",
        /// Took an account's roles in a region away.
        Revoke => "revoke",
        /// Blocked an account (in a region, or everywhere).
        Disable => "disable",
        /// Unblocked an account.
        Enable => "enable",
        /// Set a new password.
        Password => "password",
        /// Made an API token.
        Token => "token",
        /// Revoked an API token.
        RevokeToken => "revoke_token",
        /// Published minutes.
        Publish => "publish",
        /// Moved a matter a step forward.
        Advance => "advance",
        /// Ended an assignment.
        End => "end",
        /// Erased a person's data on request.
        Erase => "erase",
        /// Exported a person's data on request.
        Export => "export",
        /// Invited people to answer a survey round.
        Invite => "invite",
        /// Reminded the invited who have not answered.
        Remind => "remind",
    }
);

codes!(
    /// What kind of record.
    AuditEntity, "audit entity" {
        /// A region and its rules.
        Region => "region",
        /// A centre.
        Centre => "centre",
        /// A unit of a centre.
        Unit => "unit",
        /// Premises (*lokaler*) of a centre.
        Premises => "premises",
        /// Population numbers.
        Population => "population",
        /// A login account.
        User => "user",
        /// A person in the registry.
        Person => "person",
        /// A governing group.
        Group => "group",
        /// An assignment.
        Assignment => "assignment",
        /// A meeting.
        Meeting => "meeting",
        /// A decision.
        Decision => "decision",
        /// A matter.
        Matter => "matter",
        /// An introduction session.
        Introduction => "introduction",
        /// A survey (*enkät*).
        Instrument => "instrument",
        /// A version of a survey (*enkätversion*).
        InstrumentVersion => "instrument_version",
        /// A survey round (*enkätomgång*) and its invitations.
        Round => "round",
    }
);

/// One change to record.
#[derive(Debug, Clone)]
pub struct Change {
    /// What was done.
    pub action: AuditAction,
    /// What kind of record.
    pub entity: AuditEntity,
    /// The record's id.
    pub entity_id: Option<i64>,
    /// The region it belongs to, so the county coordinator can read it.
    pub region_id: Option<i64>,
    /// The record before the change.
    pub before: Option<Value>,
    /// The record after the change.
    pub after: Option<Value>,
}

impl Change {
    /// A change with no copies yet.
    pub fn new(
        action: AuditAction,
        entity: AuditEntity,
        entity_id: Option<i64>,
        region_id: Option<i64>,
    ) -> Change {
        Change {
            action,
            entity,
            entity_id,
            region_id,
            before: None,
            after: None,
        }
    }

    /// With a copy of the record before.
    pub fn before(mut self, v: impl Serialize) -> Change {
        self.before = serde_json::to_value(v).ok();
        self
    }

    /// With a copy of the record after.
    pub fn after(mut self, v: impl Serialize) -> Change {
        self.after = serde_json::to_value(v).ok();
        self
    }
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
    .bind(change.action.code())
    .bind(change.entity.code())
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
    pub action: AuditAction,
    /// What kind of record.
    pub entity: AuditEntity,
    /// Which record.
    pub entity_id: Option<i64>,
    /// Which region.
    pub region_id: Option<i64>,
    /// Before the change.
    pub before: Option<Value>,
    /// After the change.
    pub after: Option<Value>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    at: String,
    user_id: Option<i64>,
    actor: String,
    action: String,
    entity: String,
    entity_id: Option<i64>,
    region_id: Option<i64>,
    before_json: Option<String>,
    after_json: Option<String>,
}

impl TryFrom<Row> for AuditEntry {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<AuditEntry> {
        Ok(AuditEntry {
            id: r.id,
            at: r.at,
            user_id: r.user_id,
            actor: r.actor,
            action: codec::code("audit_log.action", &r.action)?,
            entity: codec::code("audit_log.entity", &r.entity)?,
            entity_id: r.entity_id,
            region_id: r.region_id,
            before: codec::opt_json("audit_log.before_json", r.before_json.as_deref())?,
            after: codec::opt_json("audit_log.after_json", r.after_json.as_deref())?,
        })
    }
}

const COLUMNS: &str = "id, at, user_id, actor, action, entity, entity_id, region_id, before_json, after_json";

/// The newest entries first, for one region (or all, for `None`), paged by id.
pub async fn list(
    c: &mut Conn,
    region_id: Option<i64>,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>> {
    let rows: Vec<Row> = sqlx::query_as(crate::trusted(format!(
        "SELECT {COLUMNS} FROM audit_log
         WHERE ($1 IS NULL OR region_id = $1) AND ($2 IS NULL OR id < $2)
         ORDER BY id DESC LIMIT $3"
    )))
    .bind(region_id)
    .bind(before_id)
    .bind(limit)
    .fetch_all(c)
    .await?;
    rows.into_iter().map(AuditEntry::try_from).collect()
}

/// Every entry about one record, oldest first.
pub async fn about(c: &mut Conn, entity: AuditEntity, entity_id: i64) -> Result<Vec<AuditEntry>> {
    let rows: Vec<Row> = sqlx::query_as(crate::trusted(format!(
        "SELECT {COLUMNS} FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id"
    )))
    .bind(entity.code())
    .bind(entity_id)
    .fetch_all(c)
    .await?;
    rows.into_iter().map(AuditEntry::try_from).collect()
}

/// The entries of a region (and those of no region) whose copies contain one
/// of the given texts, oldest first: for erasing a person's data from the trail.
pub async fn containing(c: &mut Conn, region_id: i64, needles: &[String]) -> Result<Vec<AuditEntry>> {
    let mut out: Vec<AuditEntry> = Vec::new();
    for needle in needles.iter().filter(|n| !n.is_empty()) {
        // Search the JSON text as serde_json writes the string (quotes and
        // backslashes escaped), with LIKE's own wildcards escaped.
        let encoded = serde_json::to_string(needle).unwrap_or_default();
        let inner = encoded.trim_matches('"');
        let pattern = format!(
            "%{}%",
            inner
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let rows: Vec<Row> = sqlx::query_as(crate::trusted(format!(
            "SELECT {COLUMNS} FROM audit_log
             WHERE (region_id = $1 OR region_id IS NULL)
               AND (before_json LIKE $2 ESCAPE '\\' OR after_json LIKE $2 ESCAPE '\\') ORDER BY id"
        )))
        .bind(region_id)
        .bind(pattern)
        .fetch_all(&mut *c)
        .await?;
        for r in rows {
            let e = AuditEntry::try_from(r)?;
            if !out.iter().any(|x| x.id == e.id) {
                out.push(e);
            }
        }
    }
    out.sort_by_key(|e| e.id);
    Ok(out)
}

/// Replaces an entry's copies (and nothing else): used only to erase
/// personal data from the trail on request.
pub async fn rewrite_copies(
    tx: &mut Tx,
    id: i64,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<()> {
    sqlx::query("UPDATE audit_log SET before_json = $1, after_json = $2 WHERE id = $3")
        .bind(before.map(Value::to_string))
        .bind(after.map(Value::to_string))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Replaces the actor shown on entries made by an account (when the person
/// behind it is erased).
pub async fn rename_actor(tx: &mut Tx, user_id: i64, label: &str) -> Result<()> {
    sqlx::query("UPDATE audit_log SET actor = $1 WHERE user_id = $2")
        .bind(label)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
