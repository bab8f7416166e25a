//! Export and import of a whole database as one JSON document: the backup
//! format, and the way to move from SQLite to PostgreSQL (or back).

use serde_json::{Map, Value, json};
use sqlx::Row;

use crate::{Backend, Db, Result, StoreError};

/// The format name written into every export.
pub const FORMAT: &str = "samverka-backup";
/// The format version; bumped when a migration changes the tables below.
pub const VERSION: i64 = 2;

#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
}
use Kind::{Int, Text};

/// A table's columns with their kinds.
type Columns = &'static [(&'static str, Kind)];

/// Every table that holds data worth keeping, in an order that satisfies
/// foreign keys on import. Sessions are left out: they are short-lived.
const TABLES: &[(&str, &str, Columns)] = &[
    (
        "regions",
        "id",
        &[
            ("id", Int),
            ("name", Text),
            ("code", Text),
            ("like_partners", Text),
            ("require_shared_entrance", Int),
            ("min_shared_opening_minutes", Int),
            ("min_management_meetings", Int),
            ("min_steering_meetings", Int),
            ("minutes_within_days", Int),
            ("introduction_within_days", Int),
            ("matter_within_days", Int),
            ("created_at", Text),
        ],
    ),
    (
        "municipalities",
        "id",
        &[("id", Int), ("region_id", Int), ("code", Text), ("name", Text)],
    ),
    (
        "population",
        "municipality_id, year",
        &[
            ("municipality_id", Int),
            ("year", Int),
            ("total", Int),
            ("children_0_6", Int),
        ],
    ),
    (
        "centres",
        "id",
        &[
            ("id", Int),
            ("region_id", Int),
            ("municipality_id", Int),
            ("name", Text),
            ("address", Text),
            ("opened_on", Text),
            ("closed_on", Text),
            ("shared_opening_minutes", Int),
            ("created_at", Text),
            ("updated_at", Text),
        ],
    ),
    (
        "units",
        "id",
        &[
            ("id", Int),
            ("centre_id", Int),
            ("service", Text),
            ("name", Text),
            ("principal_kind", Text),
            ("principal_name", Text),
            ("building", Text),
            ("shared_entrance", Int),
            ("full_operation", Int),
            ("minutes_per_week", Int),
            ("closed_on", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
    ),
    (
        "users",
        "id",
        &[
            ("id", Int),
            ("email", Text),
            ("name", Text),
            ("password_hash", Text),
            ("disabled", Int),
            ("created_at", Text),
        ],
    ),
    (
        "grants",
        "id",
        &[
            ("id", Int),
            ("user_id", Int),
            ("role", Text),
            ("region_id", Int),
            ("centre_id", Int),
            ("created_at", Text),
        ],
    ),
    (
        "api_tokens",
        "id",
        &[
            ("id", Int),
            ("user_id", Int),
            ("token_hash", Text),
            ("label", Text),
            ("created_at", Text),
            ("revoked_at", Text),
        ],
    ),
    (
        "people",
        "id",
        &[
            ("id", Int),
            ("region_id", Int),
            ("name", Text),
            ("email", Text),
            ("phone", Text),
            ("profession", Text),
            ("employer_kind", Text),
            ("employer_name", Text),
            ("unit_id", Int),
            ("user_id", Int),
            ("erased_at", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
    ),
    (
        "groups",
        "id",
        &[
            ("id", Int),
            ("region_id", Int),
            ("kind", Text),
            ("name", Text),
            ("municipality_id", Int),
            ("reports_to", Int),
            ("health_forum", Int),
            ("closed_on", Text),
            ("created_at", Text),
        ],
    ),
    (
        "group_centres",
        "group_id, centre_id",
        &[("group_id", Int), ("centre_id", Int)],
    ),
    (
        "assignments",
        "id",
        &[
            ("id", Int),
            ("person_id", Int),
            ("kind", Text),
            ("region_id", Int),
            ("centre_id", Int),
            ("group_id", Int),
            ("share_percent", Int),
            ("paid_by", Text),
            ("minutes_per_week", Int),
            ("starts_on", Text),
            ("ends_on", Text),
            ("created_at", Text),
        ],
    ),
    (
        "meetings",
        "id",
        &[
            ("id", Int),
            ("group_id", Int),
            ("held_on", Text),
            ("status", Text),
            ("agenda", Text),
            ("minutes_md", Text),
            ("minutes_published_on", Text),
            ("created_at", Text),
            ("updated_at", Text),
        ],
    ),
    (
        "attendance",
        "meeting_id, person_id",
        &[("meeting_id", Int), ("person_id", Int), ("status", Text)],
    ),
    (
        "decisions",
        "id",
        &[
            ("id", Int),
            ("meeting_id", Int),
            ("category", Text),
            ("text", Text),
            ("created_at", Text),
        ],
    ),
    (
        "decision_centres",
        "decision_id, centre_id",
        &[("decision_id", Int), ("centre_id", Int)],
    ),
    (
        "matters",
        "id",
        &[
            ("id", Int),
            ("region_id", Int),
            ("from_group_id", Int),
            ("to_group_id", Int),
            ("title", Text),
            ("body", Text),
            ("status", Text),
            ("decision_id", Int),
            ("created_at", Text),
        ],
    ),
    (
        "matter_events",
        "id",
        &[
            ("id", Int),
            ("matter_id", Int),
            ("status", Text),
            ("on_date", Text),
            ("person_id", Int),
            ("note", Text),
            ("created_at", Text),
        ],
    ),
    (
        "introduction_sessions",
        "id",
        &[
            ("id", Int),
            ("region_id", Int),
            ("held_on", Text),
            ("held_by", Int),
            ("title", Text),
            ("created_at", Text),
        ],
    ),
    (
        "introductions",
        "assignment_id",
        &[
            ("assignment_id", Int),
            ("session_id", Int),
            ("introduced_on", Text),
        ],
    ),
    (
        "mail_outbox",
        "id",
        &[
            ("id", Int),
            ("to_address", Text),
            ("subject", Text),
            ("body", Text),
            ("created_at", Text),
            ("sent_at", Text),
            ("attempts", Int),
            ("last_error", Text),
        ],
    ),
    (
        "audit_log",
        "id",
        &[
            ("id", Int),
            ("at", Text),
            ("user_id", Int),
            ("actor", Text),
            ("action", Text),
            ("entity", Text),
            ("entity_id", Int),
            ("region_id", Int),
            ("before_json", Text),
            ("after_json", Text),
        ],
    ),
];

/// Reads the whole database into one JSON document. `progress` is called
/// after each table with its name and row count.
pub async fn export(db: &Db, mut progress: impl FnMut(&str, usize)) -> Result<Value> {
    let mut tables = Map::new();
    for (table, order, columns) in TABLES {
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let sql = format!("SELECT {} FROM {table} ORDER BY {order}", names.join(", "));
        let rows = sqlx::query(crate::trusted(sql.clone()))
            .fetch_all(db.pool())
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let mut obj = Map::new();
            for (i, (name, kind)) in columns.iter().enumerate() {
                let v = match kind {
                    Int => r.try_get::<Option<i64>, _>(i)?.map_or(Value::Null, Value::from),
                    Text => r
                        .try_get::<Option<String>, _>(i)?
                        .map_or(Value::Null, Value::from),
                };
                obj.insert((*name).to_string(), v);
            }
            out.push(Value::Object(obj));
        }
        progress(table, out.len());
        tables.insert((*table).to_string(), Value::Array(out));
    }
    Ok(json!({
        "format": FORMAT,
        "version": VERSION,
        "exported_at": crate::now(),
        "tables": tables,
    }))
}

/// Writes an exported document into an empty database, in one transaction:
/// either all of it is imported or nothing is.
pub async fn import(db: &Db, doc: &Value, mut progress: impl FnMut(&str, usize)) -> Result<()> {
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(StoreError::Invalid("the file is not a samverka export".into()));
    }
    if doc.get("version").and_then(Value::as_i64) != Some(VERSION) {
        return Err(StoreError::Invalid(format!(
            "the file has export version {:?}; this samverka reads version {VERSION}",
            doc.get("version")
        )));
    }
    let tables = doc
        .get("tables")
        .and_then(Value::as_object)
        .ok_or_else(|| StoreError::Invalid("the file has no tables".into()))?;
    if !db.is_empty().await? {
        return Err(StoreError::Invalid(
            "the target database is not empty; import only into a new database".into(),
        ));
    }
    let mut tx = db.begin().await?;
    for (table, _, columns) in TABLES {
        let rows = tables
            .get(*table)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let params: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            params.join(", ")
        );
        for row in rows {
            let mut q = sqlx::query(crate::trusted(sql.clone()));
            for (name, kind) in columns.iter() {
                let v = row.get(*name).unwrap_or(&Value::Null);
                q = match (kind, v) {
                    (_, Value::Null) => match kind {
                        Int => q.bind(None::<i64>),
                        Text => q.bind(None::<String>),
                    },
                    (Int, Value::Number(n)) if n.is_i64() => q.bind(n.as_i64()),
                    (Text, Value::String(s)) => q.bind(s.clone()),
                    _ => {
                        return Err(StoreError::Invalid(format!(
                            "{table}.{name} has a value of the wrong type"
                        )));
                    }
                };
            }
            q.execute(&mut *tx).await?;
        }
        if db.backend() == Backend::Postgres && columns.first().is_some_and(|(n, _)| *n == "id") {
            sqlx::query(crate::trusted(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
            )))
            .execute(&mut *tx)
            .await?;
        }
        progress(table, rows.len());
    }
    tx.commit().await?;
    Ok(())
}
