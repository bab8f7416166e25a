//! Export and import of a whole database as one JSON document: the backup
//! format, and the way to move from SQLite to PostgreSQL (or back).
//!
//! An import is checked whole before anything is written: the format and
//! version, every table and column, every stored code and date, and every
//! reference between rows. Then it is written in one transaction.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use samverka_core::code::Coded;
use samverka_core::governance::{
    AssignmentKind, AttendanceStatus, DecisionCategory, GroupKind, MatterStatus, MeetingStatus,
};
use samverka_core::surveys::round::{Channel, RespondentGroup};
use samverka_core::{BaseService, PrincipalKind, Role, ServiceType};
use serde_json::{Map, Value, json};
use sqlx::Row;

use crate::audit::{AuditAction, AuditEntity};
use crate::{Backend, Db, Result, StoreError};

/// The format name written into every export.
pub const FORMAT: &str = "samverka-backup";
/// The format version; bumped when a migration changes the tables below.
/// Version 5 has premises (*lokaler*) where older versions had a building
/// text and an entrance on each unit; version 6 marks invented population;
/// version 7 has surveys (older files have none); version 8 the regions'
/// survey threshold.
pub const VERSION: i64 = 8;
/// The first version with premises records.
const PREMISES_VERSION: i64 = 5;
/// The first version with surveys.
const SURVEYS_VERSION: i64 = 7;
/// The first version with the regions' survey threshold.
const SURVEY_SETTINGS_VERSION: i64 = 8;
/// The oldest version this samverka reads (columns added since are left empty).
pub const OLDEST_VERSION: i64 = 2;

/// Tables that are deliberately not in the backup: short-lived or rebuilt.
pub const NOT_BACKED_UP: &[&str] = &[
    "sessions",
    "leases",
    "login_failures",
    "password_resets",
    // Rebuilt from the answers on import, so the counts always agree with them.
    "answer_counts",
    "answer_totals",
    // Files made on request, removed after a week.
    "export_jobs",
    "export_chunks",
    "_sqlx_migrations",
];

#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
    /// 0 or 1.
    Flag,
    /// ISO date.
    Date,
    /// A code of one of the domain's enums.
    Code(fn(&str) -> bool),
    /// A JSON document, as text.
    Json,
}
use Kind::{Code, Date, Flag, Int, Json, Text};

/// The value a column added in a later version takes when an older file lacks it.
#[derive(Clone, Copy)]
enum Fallback {
    /// Empty.
    Null,
    /// A number (or a yes/no).
    Int(i64),
    /// A text or a code.
    Text(&'static str),
}

impl Fallback {
    fn value(self) -> Value {
        match self {
            Fallback::Null => Value::Null,
            Fallback::Int(n) => json!(n),
            Fallback::Text(t) => json!(t),
        }
    }
}

#[derive(Clone, Copy)]
struct Col {
    name: &'static str,
    kind: Kind,
    null: bool,
    refs: Option<&'static str>,
    since: i64,
    fallback: Fallback,
}

const fn col(name: &'static str, kind: Kind) -> Col {
    Col {
        name,
        kind,
        null: false,
        refs: None,
        since: OLDEST_VERSION,
        fallback: Fallback::Null,
    }
}

impl Col {
    const fn null(self) -> Col {
        Col { null: true, ..self }
    }
    const fn refs(self, table: &'static str) -> Col {
        Col {
            refs: Some(table),
            ..self
        }
    }
    const fn since(self, version: i64) -> Col {
        Col {
            since: version,
            ..self
        }
    }
    /// Added in `version`; older files get `fallback` (what the migration gave existing rows).
    const fn since_or(self, version: i64, fallback: Fallback) -> Col {
        Col {
            since: version,
            fallback,
            ..self
        }
    }
}

fn known<T: Coded>(s: &str) -> bool {
    T::from_code(s).is_some()
}

fn known_responsible(s: &str) -> bool {
    samverka_core::governance::Responsible::parse(s).is_some()
}

fn partners(s: &str) -> bool {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .all(|p| BaseService::ALL.iter().any(|b| b.code() == p))
}

struct Table {
    name: &'static str,
    key: &'static [&'static str],
    cols: &'static [Col],
    /// The first version with the table: older files lack it, and it is
    /// imported empty.
    since: i64,
}

/// Every table that holds data worth keeping, in an order that satisfies
/// foreign keys on import.
const TABLES: &[Table] = &[
    Table {
        name: "regions",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("name", Text),
            col("code", Text).null(),
            col("like_partners", Code(partners)),
            col("require_shared_entrance", Flag),
            col("min_shared_opening_minutes", Int).null(),
            col("min_management_meetings", Int),
            col("min_steering_meetings", Int),
            col("minutes_within_days", Int),
            col("introduction_within_days", Int),
            col("matter_within_days", Int),
            col("created_at", Text),
            col("management_quorum", Int).since_or(4, Fallback::Int(1)),
            col("min_coordinator_percent", Int).since_or(4, Fallback::Int(20)),
            col("coordinator_equal_funding", Flag).since_or(4, Fallback::Int(0)),
            col("chair_one_year", Flag).since_or(4, Fallback::Int(1)),
            col("chair_rotates", Flag).since_or(4, Fallback::Int(1)),
            col("chair_not_coordinator", Flag).since_or(4, Fallback::Int(0)),
            col("introducer_coordinator", Code(known_responsible))
                .since_or(4, Fallback::Text("county_coordination")),
            col("introducer_manager", Code(known_responsible))
                .since_or(4, Fallback::Text("county_coordination")),
            col("introducer_steering", Code(known_responsible))
                .since_or(4, Fallback::Text("county_coordination")),
            col("introducer_staff", Code(known_responsible)).since_or(4, Fallback::Text("local_coordinator")),
            col("survey_min_answers", Int).since_or(SURVEY_SETTINGS_VERSION, Fallback::Int(5)),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "municipalities",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("region_id", Int).refs("regions"),
            col("code", Text),
            col("name", Text),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "population",
        key: &["municipality_id", "year"],
        cols: &[
            col("municipality_id", Int).refs("municipalities"),
            col("year", Int),
            col("total", Int),
            col("children_0_6", Int),
            col("invented", Flag).since_or(6, Fallback::Int(0)),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "centres",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("region_id", Int).refs("regions"),
            col("municipality_id", Int).refs("municipalities"),
            col("name", Text),
            col("address", Text).null(),
            col("opened_on", Date).null(),
            col("closed_on", Date).null(),
            col("shared_opening_minutes", Int).null(),
            col("created_at", Text),
            col("updated_at", Text),
        ],
        since: OLDEST_VERSION,
    },
    // Older files have none: `upgrade` makes them from the units' buildings.
    Table {
        name: "premises",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("centre_id", Int).refs("centres"),
            col("name", Text),
            col("address", Text).null(),
            col("shared_entrance", Flag).null(),
            col("created_at", Text),
            col("updated_at", Text),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "units",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("centre_id", Int).refs("centres"),
            col("service", Code(known::<ServiceType>)),
            col("name", Text).null(),
            col("principal_kind", Code(known::<PrincipalKind>)).null(),
            col("principal_name", Text).null(),
            col("full_operation", Flag).null(),
            col("minutes_per_week", Int).null(),
            col("closed_on", Date).null(),
            col("created_at", Text),
            col("updated_at", Text),
            col("premises_id", Int)
                .null()
                .refs("premises")
                .since(PREMISES_VERSION),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "users",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("email", Text),
            col("name", Text),
            col("password_hash", Text).null(),
            col("disabled", Flag),
            col("created_at", Text),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "grants",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("user_id", Int).refs("users"),
            col("role", Code(known::<Role>)),
            col("region_id", Int).null().refs("regions"),
            col("centre_id", Int).null().refs("centres"),
            col("created_at", Text),
            col("disabled_at", Text).null().since(3),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "api_tokens",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("user_id", Int).refs("users"),
            col("token_hash", Text),
            col("label", Text),
            col("created_at", Text),
            col("revoked_at", Text).null(),
            col("expires_on", Date).null().since(3),
            col("last_used_at", Text).null().since(3),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "people",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("region_id", Int).refs("regions"),
            col("name", Text),
            col("email", Text).null(),
            col("phone", Text).null(),
            col("profession", Text).null(),
            col("employer_kind", Code(known::<PrincipalKind>)).null(),
            col("employer_name", Text).null(),
            col("unit_id", Int).null().refs("units"),
            col("user_id", Int).null().refs("users"),
            col("erased_at", Text).null(),
            col("created_at", Text),
            col("updated_at", Text),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "groups",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("region_id", Int).refs("regions"),
            col("kind", Code(known::<GroupKind>)),
            col("name", Text),
            col("municipality_id", Int).null().refs("municipalities"),
            col("reports_to", Int).null().refs("groups"),
            col("health_forum", Flag),
            col("closed_on", Date).null(),
            col("created_at", Text),
            col("starts_on", Date).null().since(4),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "group_centres",
        key: &["group_id", "centre_id"],
        cols: &[
            col("group_id", Int).refs("groups"),
            col("centre_id", Int).refs("centres"),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "assignments",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("person_id", Int).refs("people"),
            col("kind", Code(known::<AssignmentKind>)),
            col("region_id", Int).refs("regions"),
            col("centre_id", Int).null().refs("centres"),
            col("group_id", Int).null().refs("groups"),
            col("share_percent", Int).null(),
            col("paid_by", Text).null(),
            col("minutes_per_week", Int).null(),
            col("starts_on", Date),
            col("ends_on", Date).null(),
            col("created_at", Text),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "meetings",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("group_id", Int).refs("groups"),
            col("held_on", Date),
            col("status", Code(known::<MeetingStatus>)),
            col("agenda", Text).null(),
            col("minutes_md", Text).null(),
            col("minutes_published_on", Date).null(),
            col("created_at", Text),
            col("updated_at", Text),
            col("minutes_html", Text).null().since(3),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "attendance",
        key: &["meeting_id", "person_id"],
        cols: &[
            col("meeting_id", Int).refs("meetings"),
            col("person_id", Int).refs("people"),
            col("status", Code(known::<AttendanceStatus>)),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "decisions",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("meeting_id", Int).refs("meetings"),
            col("category", Code(known::<DecisionCategory>)),
            col("text", Text),
            col("created_at", Text),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "decision_centres",
        key: &["decision_id", "centre_id"],
        cols: &[
            col("decision_id", Int).refs("decisions"),
            col("centre_id", Int).refs("centres"),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "matters",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("region_id", Int).refs("regions"),
            col("from_group_id", Int).null().refs("groups"),
            col("to_group_id", Int).refs("groups"),
            col("title", Text),
            col("body", Text).null(),
            col("status", Code(known::<MatterStatus>)),
            col("decision_id", Int).null().refs("decisions"),
            col("created_at", Text),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "matter_events",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("matter_id", Int).refs("matters"),
            col("status", Code(known::<MatterStatus>)),
            col("on_date", Date),
            col("person_id", Int).null().refs("people"),
            col("note", Text).null(),
            col("created_at", Text),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "introduction_sessions",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("region_id", Int).refs("regions"),
            col("held_on", Date),
            col("held_by", Int).null().refs("people"),
            col("title", Text),
            col("created_at", Text),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "introductions",
        key: &["assignment_id"],
        cols: &[
            col("assignment_id", Int).refs("assignments"),
            col("session_id", Int).null().refs("introduction_sessions"),
            col("introduced_on", Date),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "instruments",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("region_id", Int).null().refs("regions"),
            col("key", Text),
            col("created_at", Text),
        ],
        since: SURVEYS_VERSION,
    },
    Table {
        name: "instrument_versions",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("instrument_id", Int).refs("instruments"),
            col("version", Int),
            col("definition", Json),
            col("published_on", Date).null(),
            col("created_at", Text),
        ],
        since: SURVEYS_VERSION,
    },
    Table {
        name: "rounds",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("region_id", Int).refs("regions"),
            col("version_id", Int).refs("instrument_versions"),
            col("title", Text),
            col("respondent_group", Code(known::<RespondentGroup>)),
            col("opens_on", Date),
            col("closes_on", Date),
            col("created_at", Text),
        ],
        since: SURVEYS_VERSION,
    },
    Table {
        name: "round_centres",
        key: &["round_id", "centre_id"],
        cols: &[
            col("round_id", Int).refs("rounds"),
            col("centre_id", Int).refs("centres"),
            col("link_code", Text),
        ],
        since: SURVEYS_VERSION,
    },
    Table {
        name: "invitations",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("round_id", Int).refs("rounds"),
            col("person_id", Int).refs("people"),
            col("centre_id", Int).null().refs("centres"),
            col("token_hash", Text),
            col("sent_on", Date),
            col("reminded_on", Date).null(),
            col("used", Flag),
        ],
        since: SURVEYS_VERSION,
    },
    Table {
        name: "responses",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("round_id", Int).refs("rounds"),
            col("centre_id", Int).null().refs("centres"),
            col("language", Text),
            col("channel", Code(known::<Channel>)),
            col("submitted_on", Date),
        ],
        since: SURVEYS_VERSION,
    },
    Table {
        name: "answers",
        key: &["response_id", "question_key", "position"],
        cols: &[
            col("response_id", Int).refs("responses"),
            col("question_key", Text),
            col("position", Int),
            col("kind", Code(crate::surveys::responses::known_kind)),
            col("option_key", Text).null(),
            col("number", Int).null(),
            col("text", Text).null(),
            col("comment", Text).null(),
        ],
        since: SURVEYS_VERSION,
    },
    Table {
        name: "mail_outbox",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("to_address", Text),
            col("subject", Text),
            col("body", Text),
            col("created_at", Text),
            col("sent_at", Text).null(),
            col("attempts", Int),
            col("last_error", Text).null(),
        ],
        since: OLDEST_VERSION,
    },
    Table {
        name: "audit_log",
        key: &["id"],
        cols: &[
            col("id", Int),
            col("at", Text),
            col("user_id", Int).null().refs("users"),
            col("actor", Text),
            col("action", Code(known::<AuditAction>)),
            col("entity", Code(known::<AuditEntity>)),
            col("entity_id", Int).null(),
            col("region_id", Int).null().refs("regions"),
            col("before_json", Json).null(),
            col("after_json", Json).null(),
        ],
        since: OLDEST_VERSION,
    },
];

/// The tables and columns the backup format covers (for the schema test).
pub fn covered() -> BTreeMap<String, BTreeSet<String>> {
    TABLES
        .iter()
        .map(|t| {
            (
                t.name.to_string(),
                t.cols.iter().map(|c| c.name.to_string()).collect(),
            )
        })
        .collect()
}

/// The tables and columns of the live schema, as the database reports them.
pub async fn live_schema(db: &Db) -> Result<BTreeMap<String, BTreeSet<String>>> {
    let mut c = db.read().await?;
    let pairs: Vec<(String, String)> = match db.backend() {
        Backend::Sqlite => {
            sqlx::query_as(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            )
            .fetch_all(&mut *c)
            .await?
        }
        Backend::Postgres => {
            sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = current_schema()",
            )
            .fetch_all(&mut *c)
            .await?
        }
    };
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (t, col) in pairs {
        out.entry(t).or_default().insert(col);
    }
    Ok(out)
}

/// Reads the whole database into one JSON document. `progress` is called
/// after each table with its name and row count.
pub async fn export(db: &Db, mut progress: impl FnMut(&str, usize)) -> Result<Value> {
    let mut c = db.read().await?;
    let mut tables = Map::new();
    for t in TABLES {
        let names: Vec<&str> = t.cols.iter().map(|c| c.name).collect();
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {}",
            names.join(", "),
            t.name,
            t.key.join(", ")
        );
        let rows = sqlx::query(crate::trusted(sql)).fetch_all(&mut *c).await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let mut obj = Map::new();
            for (i, col) in t.cols.iter().enumerate() {
                let v = match col.kind {
                    Int | Flag => r.try_get::<Option<i64>, _>(i)?.map_or(Value::Null, Value::from),
                    Text | Date | Code(_) | Json => r
                        .try_get::<Option<String>, _>(i)?
                        .map_or(Value::Null, Value::from),
                };
                obj.insert(col.name.to_string(), v);
            }
            out.push(Value::Object(obj));
        }
        progress(t.name, out.len());
        tables.insert(t.name.to_string(), Value::Array(out));
    }
    Ok(json!({
        "format": FORMAT,
        "version": VERSION,
        "exported_at": crate::now(),
        "tables": tables,
    }))
}

/// A file from before premises (version 4 and older) in today's shape, the
/// way migration 0005 turns a database: per centre, one premises record per
/// distinct trimmed building text (exact matches merged), with the units'
/// entrance where they all gave the same answer, and each unit pointing at
/// its premises. Rows too broken to read are left for [`check`] to name.
fn upgrade(doc: &Value) -> std::borrow::Cow<'_, Value> {
    let version = doc.get("version").and_then(Value::as_i64).unwrap_or(VERSION);
    let Some(units) = doc.pointer("/tables/units").and_then(Value::as_array) else {
        return std::borrow::Cow::Borrowed(doc);
    };
    if version >= PREMISES_VERSION || doc.pointer("/tables/premises").is_some() {
        return std::borrow::Cow::Borrowed(doc);
    }
    /// One premises record in the making: its id, the units' entrances and stamps.
    struct Made {
        id: i64,
        first_unit: i64,
        entrances: Vec<Value>,
        created_at: Option<String>,
        updated_at: Option<String>,
    }
    let mut made: BTreeMap<(i64, String), Made> = BTreeMap::new();
    let building = |row: &Map<String, Value>| {
        row.get("building")
            .and_then(Value::as_str)
            .map(|b| b.trim_matches(' ').to_string())
            .filter(|b| !b.is_empty())
    };
    for row in units.iter().filter_map(Value::as_object) {
        let (Some(centre), Some(name)) = (row.get("centre_id").and_then(Value::as_i64), building(row)) else {
            continue;
        };
        let unit = row.get("id").and_then(Value::as_i64).unwrap_or(i64::MAX);
        let text = |k: &str| row.get(k).and_then(Value::as_str).map(str::to_string);
        let m = made.entry((centre, name)).or_insert_with(|| Made {
            id: 0,
            first_unit: unit,
            entrances: Vec::new(),
            created_at: None,
            updated_at: None,
        });
        m.first_unit = m.first_unit.min(unit);
        m.entrances
            .push(row.get("shared_entrance").cloned().unwrap_or(Value::Null));
        m.created_at = [m.created_at.take(), text("created_at")]
            .into_iter()
            .flatten()
            .min();
        m.updated_at = [m.updated_at.take(), text("updated_at")]
            .into_iter()
            .flatten()
            .max();
    }
    // Numbered by centre, then by their first unit, as the migration numbers them.
    let mut order: Vec<(i64, i64, (i64, String))> =
        made.iter().map(|(k, m)| (k.0, m.first_unit, k.clone())).collect();
    order.sort();
    let mut premises = Vec::with_capacity(order.len());
    for (n, (_, _, key)) in (1..).zip(order) {
        let Some(m) = made.get_mut(&key) else { continue };
        m.id = n;
        let first = m.entrances.first().cloned().unwrap_or(Value::Null);
        let agreed = if m.entrances.iter().all(|e| *e == first) {
            first
        } else {
            Value::Null
        };
        premises.push(json!({
            "id": n,
            "centre_id": key.0,
            "name": key.1,
            "address": null,
            "shared_entrance": agreed,
            "created_at": m.created_at,
            "updated_at": m.updated_at,
        }));
    }
    let mut out = doc.clone();
    if let Some(rows) = out.pointer_mut("/tables/units").and_then(Value::as_array_mut) {
        for row in rows.iter_mut().filter_map(Value::as_object_mut) {
            let id = match (row.get("centre_id").and_then(Value::as_i64), building(row)) {
                (Some(centre), Some(name)) => made.get(&(centre, name)).map(|m| m.id),
                _ => None,
            };
            row.remove("building");
            row.remove("shared_entrance");
            row.insert("premises_id".into(), id.map_or(Value::Null, Value::from));
        }
    }
    if let Some(tables) = out.get_mut("tables").and_then(Value::as_object_mut) {
        tables.insert("premises".into(), Value::Array(premises));
    }
    std::borrow::Cow::Owned(out)
}

/// Why an import was refused: every problem found (up to a limit), in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the file cannot be imported:\n  {}", problems.join("\n  "))]
pub struct ImportRefused {
    /// The problems, one per line.
    pub problems: Vec<String>,
}

/// Problems listed at most.
const MAX_PROBLEMS: usize = 50;

struct Checker {
    problems: Vec<String>,
}

impl Checker {
    fn add(&mut self, p: String) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(p);
        }
    }
}

fn key_of(row: &Map<String, Value>, key: &[&str]) -> String {
    key.iter()
        .map(|k| row.get(*k).map(Value::to_string).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("/")
}

/// Checks a whole document; the tables' rows on success.
fn check(doc: &Value) -> std::result::Result<(i64, HashMap<&'static str, &Vec<Value>>), ImportRefused> {
    let mut ck = Checker { problems: Vec::new() };
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportRefused {
            problems: vec!["the file is not a samverka export (its \"format\" is missing or wrong)".into()],
        });
    }
    let version = doc.get("version").and_then(Value::as_i64).unwrap_or(0);
    if !(OLDEST_VERSION..=VERSION).contains(&version) {
        return Err(ImportRefused {
            problems: vec![format!(
                "the file has export version {}; this samverka reads versions {OLDEST_VERSION} to {VERSION}",
                doc.get("version")
                    .map(Value::to_string)
                    .unwrap_or_else(|| "(none)".into())
            )],
        });
    }
    let Some(tables) = doc.get("tables").and_then(Value::as_object) else {
        return Err(ImportRefused {
            problems: vec!["the file has no \"tables\"".into()],
        });
    };
    let known_tables: HashSet<&str> = TABLES.iter().map(|t| t.name).collect();
    for name in tables.keys() {
        if !known_tables.contains(name.as_str()) {
            ck.add(format!("{name}: not a table of samverka"));
        }
    }
    let mut rows_of: HashMap<&'static str, &Vec<Value>> = HashMap::new();
    let mut ids: HashMap<&'static str, HashSet<i64>> = HashMap::new();
    for t in TABLES {
        let Some(rows) = tables.get(t.name).and_then(Value::as_array) else {
            // A table newer than the file is imported empty.
            if t.since <= version || tables.contains_key(t.name) {
                ck.add(format!("{}: the table is missing", t.name));
            }
            continue;
        };
        rows_of.insert(t.name, rows);
        let mut keys = HashSet::new();
        let own = ids.entry(t.name).or_default();
        for (i, row) in rows.iter().enumerate() {
            let at = format!("{} row {}", t.name, i + 1);
            let Some(obj) = row.as_object() else {
                ck.add(format!("{at}: not an object"));
                continue;
            };
            for k in obj.keys() {
                if !t.cols.iter().any(|c| c.name == k) {
                    ck.add(format!("{at}: unknown column {k}"));
                }
            }
            for c in t.cols {
                let fallback;
                let v = match obj.get(c.name) {
                    Some(v) => v,
                    None if c.since > version => {
                        fallback = c.fallback.value();
                        &fallback
                    }
                    None => {
                        ck.add(format!("{at}: the column {} is missing", c.name));
                        continue;
                    }
                };
                let ok = match (c.kind, v) {
                    (_, Value::Null) => c.null,
                    (Int, Value::Number(n)) => n.is_i64(),
                    (Flag, Value::Number(n)) => matches!(n.as_i64(), Some(0 | 1)),
                    (Text, Value::String(_)) => true,
                    (Date, Value::String(s)) => crate::codec::date(c.name, s).is_ok(),
                    (Code(valid), Value::String(s)) => valid(s),
                    (Json, Value::String(s)) => serde_json::from_str::<Value>(s).is_ok(),
                    _ => false,
                };
                if !ok {
                    let what = match (c.kind, v) {
                        (_, Value::Null) => "is empty but must have a value".to_string(),
                        (Code(_), Value::String(s)) => format!("{s:?} is not a known code"),
                        (Date, Value::String(s)) => format!("{s:?} is not a date"),
                        (Flag, _) => format!("{v} is not 0 or 1"),
                        (Json, _) => "is not a JSON document".to_string(),
                        _ => format!("{v} has the wrong type"),
                    };
                    ck.add(format!("{at}: {} {what}", c.name));
                }
            }
            if !keys.insert(key_of(obj, t.key)) {
                ck.add(format!(
                    "{at}: {} {} appears twice",
                    t.key.join(", "),
                    key_of(obj, t.key)
                ));
            }
            if t.key == ["id"]
                && let Some(id) = obj.get("id").and_then(Value::as_i64)
            {
                own.insert(id);
            }
        }
    }
    for t in TABLES {
        let Some(rows) = rows_of.get(t.name) else { continue };
        for (i, row) in rows.iter().enumerate() {
            let Some(obj) = row.as_object() else { continue };
            for c in t.cols {
                let (Some(target), Some(v)) = (c.refs, obj.get(c.name).and_then(Value::as_i64)) else {
                    continue;
                };
                if !ids.get(target).is_some_and(|s| s.contains(&v)) {
                    ck.add(format!(
                        "{} row {}: {} refers to {target} {v}, which is not in the file",
                        t.name,
                        i + 1,
                        c.name
                    ));
                }
            }
        }
    }
    if ck.problems.is_empty() {
        Ok((version, rows_of))
    } else {
        Err(ImportRefused {
            problems: ck.problems,
        })
    }
}

/// What went wrong with an import.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The document was refused; nothing was written.
    #[error(transparent)]
    Refused(#[from] ImportRefused),
    /// The database refused or failed; nothing was written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        ImportError::Store(e.into())
    }
}

/// Writes an exported document into an empty database: the whole document is
/// checked first, then written in one transaction, so either all of it is
/// imported or nothing is.
pub async fn import(db: &Db, doc: &Value, mut progress: impl FnMut(&str, usize)) -> Result<(), ImportError> {
    let doc = upgrade(doc);
    let (_, rows_of) = check(&doc)?;
    if !db.is_empty().await? {
        return Err(ImportRefused {
            problems: vec!["the target database is not empty; import only into a new database".into()],
        }
        .into());
    }
    let mut tx = db.write().await?;
    for t in TABLES {
        let rows = rows_of.get(t.name).map(|r| r.as_slice()).unwrap_or(&[]);
        let names: Vec<&str> = t.cols.iter().map(|c| c.name).collect();
        let params: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            t.name,
            names.join(", "),
            params.join(", ")
        );
        // A column that refers to its own table is filled in afterwards, so
        // that rows may refer to rows later in the file.
        let deferred: Vec<&Col> = t.cols.iter().filter(|c| c.refs == Some(t.name)).collect();
        for row in rows {
            let mut q = sqlx::query(crate::trusted(sql.clone()));
            for c in t.cols {
                let fallback = c.fallback.value();
                let v = row.get(c.name).unwrap_or(&fallback);
                let v = if deferred.iter().any(|d| d.name == c.name) {
                    &Value::Null
                } else {
                    v
                };
                q = match (c.kind, v) {
                    (Int | Flag, Value::Number(n)) => q.bind(n.as_i64()),
                    (Int | Flag, _) => q.bind(None::<i64>),
                    (_, Value::String(s)) => q.bind(s.clone()),
                    (_, _) => q.bind(None::<String>),
                };
            }
            q.execute(&mut *tx).await?;
        }
        for d in &deferred {
            for row in rows {
                if let (Some(v), Some(id)) = (
                    row.get(d.name).and_then(Value::as_i64),
                    row.get("id").and_then(Value::as_i64),
                ) {
                    sqlx::query(crate::trusted(format!(
                        "UPDATE {} SET {} = $1 WHERE id = $2",
                        t.name, d.name
                    )))
                    .bind(v)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        if db.backend() == Backend::Postgres && t.key == ["id"] {
            sqlx::query(crate::trusted(format!(
                "SELECT setval(pg_get_serial_sequence('{0}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM {0}), false)",
                t.name
            )))
            .execute(&mut *tx)
            .await?;
        }
        progress(t.name, rows.len());
    }
    crate::surveys::responses::rebuild_counts(&mut tx, None).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Value {
        let tables: Map<String, Value> = TABLES.iter().map(|t| (t.name.to_string(), json!([]))).collect();
        json!({ "format": FORMAT, "version": VERSION, "tables": tables })
    }

    #[test]
    fn an_empty_but_complete_document_passes() {
        assert!(check(&minimal()).is_ok());
    }

    #[test]
    fn a_missing_table_an_unknown_code_and_a_broken_reference_are_all_named() {
        let mut doc = minimal();
        let tables = doc["tables"].as_object_mut().expect("tables");
        tables.remove("meetings");
        tables.insert(
            "users".into(),
            json!([{ "id": 1, "email": "a@b.se", "name": "A", "password_hash": null, "disabled": 0, "created_at": "x" }]),
        );
        tables.insert(
            "grants".into(),
            json!([{ "id": 1, "user_id": 1, "role": "boss", "region_id": 7, "centre_id": null, "created_at": "x", "disabled_at": null }]),
        );
        let e = check(&doc).expect_err("refused");
        let all = e.problems.join("\n");
        assert!(all.contains("meetings: the table is missing"), "{all}");
        assert!(all.contains("role \"boss\" is not a known code"), "{all}");
        assert!(all.contains("region_id refers to regions 7"), "{all}");
    }

    #[test]
    fn a_version_2_file_may_lack_the_columns_added_since() {
        let mut doc = minimal();
        doc["version"] = json!(2);
        doc["tables"]["users"] = json!([{ "id": 1, "email": "a@b.se", "name": "A", "password_hash": null, "disabled": 0, "created_at": "x" }]);
        doc["tables"]["api_tokens"] = json!([{ "id": 1, "user_id": 1, "token_hash": "h", "label": "l", "created_at": "x", "revoked_at": null }]);
        assert!(check(&doc).is_ok());
        doc["version"] = json!(3);
        assert!(check(&doc).is_err(), "version 3 must have them");
        doc["version"] = json!(1);
        assert!(check(&doc).is_err());
    }

    #[test]
    fn a_version_4_file_gets_premises_from_its_building_texts() {
        let mut doc = minimal();
        doc["version"] = json!(4);
        doc["tables"].as_object_mut().expect("tables").remove("premises");
        let unit = |id: i64, centre: i64, building: Value, entrance: Value| {
            json!({ "id": id, "centre_id": centre, "service": "bhv", "name": null, "principal_kind": null,
                    "principal_name": null, "building": building, "shared_entrance": entrance,
                    "full_operation": 1, "minutes_per_week": null, "closed_on": null,
                    "created_at": format!("2024-01-0{id}T00:00:00Z"), "updated_at": "2024-02-01T00:00:00Z" })
        };
        doc["tables"]["units"] = json!([
            unit(1, 2, json!("Huset A"), json!(1)),
            unit(2, 2, json!(" Huset A "), json!(1)),
            unit(3, 2, json!("Huset A, Storgatan 1"), json!(1)),
            unit(4, 1, json!("Huset A"), json!(0)),
            unit(5, 1, json!("Huset A"), json!(null)),
            unit(6, 1, json!(""), json!(1)),
            unit(7, 1, json!(null), json!(null)),
        ]);
        let up = upgrade(&doc);
        let premises = up["tables"]["premises"].as_array().expect("premises");
        let named: Vec<(i64, i64, &str, &Value)> = premises
            .iter()
            .map(|p| {
                (
                    p["id"].as_i64().unwrap_or(0),
                    p["centre_id"].as_i64().unwrap_or(0),
                    p["name"].as_str().unwrap_or(""),
                    &p["shared_entrance"],
                )
            })
            .collect();
        assert_eq!(
            named,
            vec![
                (1, 1, "Huset A", &Value::Null),
                (2, 2, "Huset A", &json!(1)),
                (3, 2, "Huset A, Storgatan 1", &json!(1)),
            ],
            "exact (trimmed) texts merge per centre; disagreeing entrances are unknown"
        );
        assert_eq!(premises[1]["created_at"], json!("2024-01-01T00:00:00Z"));
        let units = up["tables"]["units"].as_array().expect("units");
        let ids: Vec<&Value> = units.iter().map(|u| &u["premises_id"]).collect();
        assert_eq!(
            ids,
            vec![
                &json!(2),
                &json!(2),
                &json!(3),
                &json!(1),
                &json!(1),
                &Value::Null,
                &Value::Null
            ]
        );
        assert!(units.iter().all(|u| u.get("building").is_none()));
        assert!(check(&up).is_err(), "the centres are not in this file");
        // A current file is read as it is.
        let now = minimal();
        assert!(matches!(upgrade(&now), std::borrow::Cow::Borrowed(_)));
    }
}
