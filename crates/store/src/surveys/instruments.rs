//! Surveys (*enkäter*, the glossary's `Instrument`) and their versions
//! (*enkätversioner*): each version holds its definition as one JSON
//! document. A version is a draft until it is published; a published
//! version never changes, so every round that used it can be read as it
//! was asked.

use chrono::NaiveDate;
use samverka_core::surveys::definition::Definition;
use serde::Serialize;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

/// A survey (*enkät*): a region's own, or a built-in one offered to every
/// region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Instrument {
    /// Id.
    pub id: i64,
    /// The region that owns it; `None` for a built-in survey.
    pub region_id: Option<i64>,
    /// A key unique within its region (or among the built-in ones), e.g.
    /// `brukarenkat`.
    pub key: String,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
}

/// One version of a survey (*enkätversion*) with its definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstrumentVersion {
    /// Id.
    pub id: i64,
    /// The survey.
    pub instrument_id: i64,
    /// 1, 2, …: the order the versions were made in.
    pub version: i64,
    /// The questions, their routing and texts.
    pub definition: Definition,
    /// The day it was published; `None` for a draft.
    pub published_on: Option<NaiveDate>,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
}

impl InstrumentVersion {
    /// Whether it is published (and so can no longer change).
    pub fn is_published(&self) -> bool {
        self.published_on.is_some()
    }
}

const COLUMNS: &str = "id, region_id, key, created_at";
const VERSION_COLUMNS: &str = "id, instrument_id, version, definition, published_on, created_at";

#[derive(sqlx::FromRow)]
struct InstrumentRow {
    id: i64,
    region_id: Option<i64>,
    key: String,
    created_at: String,
}

impl TryFrom<InstrumentRow> for Instrument {
    type Error = StoreError;
    fn try_from(r: InstrumentRow) -> Result<Instrument> {
        Ok(Instrument {
            id: r.id,
            region_id: r.region_id,
            key: r.key,
            created_at: r.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    id: i64,
    instrument_id: i64,
    version: i64,
    definition: String,
    published_on: Option<String>,
    created_at: String,
}

impl TryFrom<VersionRow> for InstrumentVersion {
    type Error = StoreError;
    fn try_from(r: VersionRow) -> Result<InstrumentVersion> {
        // Read as stored, without the checks: a draft may be unfinished.
        let definition: Definition = serde_json::from_str(&r.definition)
            .map_err(|e| StoreError::Corrupt(format!("instrument_versions.definition of {}: {e}", r.id)))?;
        Ok(InstrumentVersion {
            id: r.id,
            instrument_id: r.instrument_id,
            version: r.version,
            definition,
            published_on: codec::opt_date("instrument_versions.published_on", r.published_on.as_deref())?,
            created_at: r.created_at,
        })
    }
}

/// What the audit trail keeps of a version: not the whole document.
fn summary(
    instrument: &Instrument,
    version: i64,
    def: &Definition,
    published_on: Option<NaiveDate>,
) -> serde_json::Value {
    serde_json::json!({
        "instrument_id": instrument.id,
        "instrument_key": instrument.key,
        "version": version,
        "definition_key": def.key,
        "title": def.title,
        "published_on": published_on,
    })
}

fn definition_text(def: &Definition) -> Result<String> {
    serde_json::to_string(def).map_err(|_| StoreError::invalid("definition"))
}

/// Refuses a definition that [`Definition::check`] finds fault with: only
/// a complete document can be published.
fn publishable(def: &Definition) -> Result<()> {
    if def.check().is_empty() {
        Ok(())
    } else {
        Err(StoreError::invalid("definition"))
    }
}

/// Makes a survey for a region, or a built-in one (`region_id` `None`). A
/// key the region (or the built-in surveys) has already is a
/// [`StoreError::Conflict`] on `instruments.key`.
pub async fn create(tx: &mut Tx, who: &Who, region_id: Option<i64>, key: &str) -> Result<i64> {
    let key = key.trim();
    if key.is_empty() {
        return Err(StoreError::invalid("key"));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO instruments (region_id, key, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(region_id)
    .bind(key)
    .bind(now())
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| match StoreError::from(e) {
        StoreError::Conflict { .. } => StoreError::conflict("instruments.key"),
        other => other,
    })?;
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Create, AuditEntity::Instrument, Some(id), region_id)
            .after(serde_json::json!({ "region_id": region_id, "key": key })),
    )
    .await?;
    Ok(id)
}

/// One survey.
pub async fn get(c: &mut Conn, id: i64) -> Result<Instrument> {
    let sql = format!("SELECT {COLUMNS} FROM instruments WHERE id = $1");
    rows::one::<InstrumentRow, Instrument>(c, crate::trusted(sql), id).await
}

/// The surveys a region can use: its own and the built-in ones, the
/// built-in first, each by key; for `None`, the built-in ones alone.
pub async fn list(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Instrument>> {
    // `region_id = NULL` is never true, so `None` leaves the built-in ones.
    let sql = format!("SELECT {COLUMNS} FROM instruments WHERE region_id = $1 OR region_id IS NULL");
    let mut list = rows::all::<InstrumentRow, Instrument>(c, crate::trusted(sql), region_id).await?;
    // The same order on both backends (their text collations differ).
    list.sort_by(|a, b| (a.region_id.is_some(), &a.key, a.id).cmp(&(b.region_id.is_some(), &b.key, b.id)));
    Ok(list)
}

/// Adds the next version (1, 2, …) of a survey, as a draft (`published_on`
/// `None`) or published on that day. A published version's definition must
/// pass [`Definition::check`] ([`StoreError::invalid`] on `definition`).
/// Returns the version's id.
pub async fn add_version(
    tx: &mut Tx,
    who: &Who,
    instrument: &Instrument,
    definition: &Definition,
    published_on: Option<NaiveDate>,
) -> Result<i64> {
    if published_on.is_some() {
        publishable(definition)?;
    }
    let text = definition_text(definition)?;
    // Writers hold the write lock, so the next number is ours; the unique
    // rule backs it up.
    let next: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM instrument_versions WHERE instrument_id = $1",
    )
    .bind(instrument.id)
    .fetch_one(&mut **tx)
    .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO instrument_versions (instrument_id, version, definition, published_on, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(instrument.id)
    .bind(next)
    .bind(text)
    .bind(codec::opt_date_text(published_on))
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::InstrumentVersion,
            Some(id),
            instrument.region_id,
        )
        .after(summary(instrument, next, definition, published_on)),
    )
    .await?;
    Ok(id)
}

/// Replaces the definition of a draft version of `instrument`. A published
/// version cannot change: [`StoreError::Conflict`] on
/// `instrument_versions.published_on` (also when it was published by
/// someone else a moment ago); [`StoreError::NotFound`] when the version is
/// not one of the survey's.
pub async fn update_draft(
    tx: &mut Tx,
    who: &Who,
    instrument: &Instrument,
    version_id: i64,
    definition: &Definition,
) -> Result<()> {
    let before = get_version(tx, version_id).await?;
    if before.instrument_id != instrument.id {
        return Err(StoreError::NotFound);
    }
    let done = sqlx::query(
        "UPDATE instrument_versions SET definition = $1
         WHERE id = $2 AND instrument_id = $3 AND published_on IS NULL",
    )
    .bind(definition_text(definition)?)
    .bind(version_id)
    .bind(instrument.id)
    .execute(&mut **tx)
    .await?;
    rows::changed_one(done, "instrument_versions.published_on")?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Update,
            AuditEntity::InstrumentVersion,
            Some(version_id),
            instrument.region_id,
        )
        .before(summary(instrument, before.version, &before.definition, None))
        .after(summary(instrument, before.version, definition, None)),
    )
    .await
}

/// Publishes a draft version of `instrument` on `on`: from then on it never
/// changes. Its definition must pass [`Definition::check`]
/// ([`StoreError::invalid`] on `definition`); a version already published
/// is a [`StoreError::Conflict`] on `instrument_versions.published_on`.
pub async fn publish(
    tx: &mut Tx,
    who: &Who,
    instrument: &Instrument,
    version_id: i64,
    on: NaiveDate,
) -> Result<()> {
    let before = get_version(tx, version_id).await?;
    if before.instrument_id != instrument.id {
        return Err(StoreError::NotFound);
    }
    if before.is_published() {
        return Err(StoreError::conflict("instrument_versions.published_on"));
    }
    publishable(&before.definition)?;
    let done = sqlx::query(
        "UPDATE instrument_versions SET published_on = $1
         WHERE id = $2 AND instrument_id = $3 AND published_on IS NULL",
    )
    .bind(codec::date_text(on))
    .bind(version_id)
    .bind(instrument.id)
    .execute(&mut **tx)
    .await?;
    rows::changed_one(done, "instrument_versions.published_on")?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Publish,
            AuditEntity::InstrumentVersion,
            Some(version_id),
            instrument.region_id,
        )
        .after(summary(instrument, before.version, &before.definition, Some(on))),
    )
    .await
}

/// One version, with its definition.
pub async fn get_version(c: &mut Conn, id: i64) -> Result<InstrumentVersion> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM instrument_versions WHERE id = $1");
    rows::one::<VersionRow, InstrumentVersion>(c, crate::trusted(sql), id).await
}

/// Every version of a survey, oldest first.
pub async fn versions(c: &mut Conn, instrument_id: i64) -> Result<Vec<InstrumentVersion>> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM instrument_versions WHERE instrument_id = $1 ORDER BY version"
    );
    rows::all::<VersionRow, InstrumentVersion>(c, crate::trusted(sql), instrument_id).await
}
