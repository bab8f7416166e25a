//! Matters (*ärenden*) raised to steering groups, with every step dated and signed.

use std::collections::HashMap;

use chrono::NaiveDate;
use samverka_core::governance::{Matter, MatterStatus, MatterStep};
use serde_json::json;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

async fn add_step(tx: &mut Tx, matter: i64, step: &MatterStep) -> Result<()> {
    sqlx::query(
        "INSERT INTO matter_events (matter_id, status, on_date, person_id, note, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(matter)
    .bind(step.status.code())
    .bind(codec::date_text(step.on))
    .bind(step.person_id)
    .bind(&step.note)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A new matter as raised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMatter<'a> {
    /// Region.
    pub region_id: i64,
    /// The raising group.
    pub from_group_id: Option<i64>,
    /// The steering group.
    pub to_group_id: i64,
    /// Title.
    pub title: &'a str,
    /// What is asked.
    pub body: Option<&'a str>,
    /// The day it was raised.
    pub on: NaiveDate,
    /// The person who raised it.
    pub person_id: Option<i64>,
}

/// Raises a matter as a draft.
pub async fn create(tx: &mut Tx, who: &Who, m: &NewMatter<'_>) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO matters (region_id, from_group_id, to_group_id, title, body, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(m.region_id)
    .bind(m.from_group_id)
    .bind(m.to_group_id)
    .bind(m.title)
    .bind(m.body)
    .bind(MatterStatus::Draft.code())
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    add_step(
        tx,
        id,
        &MatterStep {
            status: MatterStatus::Draft,
            on: m.on,
            person_id: m.person_id,
            note: None,
        },
    )
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Matter,
            Some(id),
            Some(m.region_id),
        )
        .after(json!({
            "title": m.title, "from_group_id": m.from_group_id, "to_group_id": m.to_group_id,
        })),
    )
    .await?;
    Ok(id)
}

/// Moves a matter from `from` one step forward, inside the caller's
/// transaction: "where it still stands at `from`". [`StoreError::Conflict`]
/// when someone else took the step first. A decision can be linked when it is decided.
pub async fn advance(
    tx: &mut Tx,
    who: &Who,
    matter: &Matter,
    step: &MatterStep,
    decision_id: Option<i64>,
) -> Result<()> {
    if matter.status.next() != Some(step.status) {
        return Err(StoreError::conflict("matters.status"));
    }
    let done = sqlx::query(
        "UPDATE matters SET status = $1, decision_id = COALESCE($2, decision_id) WHERE id = $3 AND status = $4",
    )
    .bind(step.status.code())
    .bind(decision_id)
    .bind(matter.id)
    .bind(matter.status.code())
    .execute(&mut **tx)
    .await?;
    rows::changed_one(done, "matters.status")?;
    add_step(tx, matter.id, step).await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Advance,
            AuditEntity::Matter,
            Some(matter.id),
            Some(matter.region_id),
        )
        .before(json!({ "status": matter.status.code() }))
        .after(json!({ "status": step.status.code(), "on": step.on, "decision_id": decision_id })),
    )
    .await
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    region_id: i64,
    from_group_id: Option<i64>,
    to_group_id: i64,
    title: String,
    body: Option<String>,
    status: String,
    decision_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct StepRow {
    matter_id: i64,
    status: String,
    on_date: String,
    person_id: Option<i64>,
    note: Option<String>,
}

impl TryFrom<StepRow> for MatterStep {
    type Error = StoreError;
    fn try_from(s: StepRow) -> Result<MatterStep> {
        Ok(MatterStep {
            status: codec::code("matter_events.status", &s.status)?,
            on: codec::date("matter_events.on_date", &s.on_date)?,
            person_id: s.person_id,
            note: s.note,
        })
    }
}

impl Row {
    fn into_matter(self, steps: Vec<MatterStep>) -> Result<Matter> {
        Ok(Matter {
            id: self.id,
            region_id: self.region_id,
            from_group_id: self.from_group_id,
            to_group_id: self.to_group_id,
            title: self.title,
            body: self.body,
            status: codec::code("matters.status", &self.status)?,
            decision_id: self.decision_id,
            steps,
        })
    }
}

/// Every matter of a region (every region for `None`) with its steps, newest first.
pub async fn list(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Matter>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, region_id, from_group_id, to_group_id, title, body, status, decision_id FROM matters
         WHERE ($1 IS NULL OR region_id = $1) ORDER BY id DESC",
    )
    .bind(region_id)
    .fetch_all(&mut *c)
    .await?;
    let steps: Vec<StepRow> = sqlx::query_as(
        "SELECT e.matter_id, e.status, e.on_date, e.person_id, e.note FROM matter_events e
         JOIN matters m ON m.id = e.matter_id WHERE ($1 IS NULL OR m.region_id = $1) ORDER BY e.id",
    )
    .bind(region_id)
    .fetch_all(&mut *c)
    .await?;
    let mut by_matter: HashMap<i64, Vec<MatterStep>> = HashMap::new();
    for s in steps {
        by_matter.entry(s.matter_id).or_default().push(s.try_into()?);
    }
    rows.into_iter()
        .map(|r| {
            let steps = by_matter.remove(&r.id).unwrap_or_default();
            r.into_matter(steps)
        })
        .collect()
}

/// One matter with its steps.
pub async fn get(c: &mut Conn, id: i64) -> Result<Matter> {
    let row: Row = rows::row(
        c,
        "SELECT id, region_id, from_group_id, to_group_id, title, body, status, decision_id FROM matters WHERE id = $1",
        id,
    )
    .await?;
    let steps = rows::all::<StepRow, MatterStep>(
        c,
        "SELECT matter_id, status, on_date, person_id, note FROM matter_events WHERE matter_id = $1 ORDER BY id",
        id,
    )
    .await?;
    row.into_matter(steps)
}
