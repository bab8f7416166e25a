//! Matters (*ärenden*) raised to steering groups, with every step dated and signed.

use chrono::NaiveDate;
use samverka_core::governance::MatterStatus;
use serde::Serialize;
use sqlx::Row;

use crate::audit::{self, Change, Who};
use crate::{Db, Result, StoreError, Tx, date_text, now, parse_date};

/// A matter and its path so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matter {
    /// Id.
    pub id: i64,
    /// Region.
    pub region_id: i64,
    /// The group that raised it (a management or preparation group), if any.
    pub from_group_id: Option<i64>,
    /// The steering group it is raised to.
    pub to_group_id: i64,
    /// Title.
    pub title: String,
    /// What is asked.
    pub body: Option<String>,
    /// Where it stands.
    pub status: MatterStatus,
    /// The decision that answered it.
    pub decision_id: Option<i64>,
    /// Every step so far, oldest first.
    pub steps: Vec<MatterStep>,
}

impl Matter {
    /// The day it reached a status, if it did.
    pub fn reached(&self, status: MatterStatus) -> Option<NaiveDate> {
        self.steps.iter().find(|s| s.status == status).map(|s| s.on)
    }
}

/// One step of a matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatterStep {
    /// The status reached.
    pub status: MatterStatus,
    /// When.
    pub on: NaiveDate,
    /// By whom.
    pub person_id: Option<i64>,
    /// A note.
    pub note: Option<String>,
}

async fn add_step(
    tx: &mut Tx,
    matter: i64,
    status: MatterStatus,
    on: NaiveDate,
    person: Option<i64>,
    note: Option<&str>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO matter_events (matter_id, status, on_date, person_id, note, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(matter)
    .bind(status.code())
    .bind(date_text(Some(on)))
    .bind(person)
    .bind(note)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Raises a matter as a draft, inside the caller's transaction.
#[expect(clippy::too_many_arguments, reason = "each is a column the caller sets")]
pub async fn create_in(
    tx: &mut Tx,
    who: &Who,
    region_id: i64,
    from_group_id: Option<i64>,
    to_group_id: i64,
    title: &str,
    body: Option<&str>,
    on: NaiveDate,
    person_id: Option<i64>,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO matters (region_id, from_group_id, to_group_id, title, body, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(region_id)
    .bind(from_group_id)
    .bind(to_group_id)
    .bind(title)
    .bind(body)
    .bind(MatterStatus::Draft.code())
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    add_step(tx, id, MatterStatus::Draft, on, person_id, None).await?;
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "matter",
            entity_id: Some(id),
            region_id: Some(region_id),
            before: None,
            after: Some(serde_json::json!({ "title": title, "from_group_id": from_group_id, "to_group_id": to_group_id })),
        },
    )
    .await?;
    Ok(id)
}

/// Moves a matter one step forward, inside the caller's transaction. A
/// decision can be linked when it is decided.
#[expect(clippy::too_many_arguments, reason = "each is a column the caller sets")]
pub async fn advance_in(
    tx: &mut Tx,
    who: &Who,
    id: i64,
    to: MatterStatus,
    on: NaiveDate,
    person_id: Option<i64>,
    decision_id: Option<i64>,
    note: Option<&str>,
) -> Result<()> {
    let row = sqlx::query("SELECT status, region_id FROM matters WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let current: String = row.try_get(0)?;
    let region: i64 = row.try_get(1)?;
    let current = MatterStatus::parse(&current).unwrap_or(MatterStatus::Draft);
    if current.next() != Some(to) {
        return Err(StoreError::Invalid("status".into()));
    }
    sqlx::query("UPDATE matters SET status = $1, decision_id = COALESCE($2, decision_id) WHERE id = $3")
        .bind(to.code())
        .bind(decision_id)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    add_step(tx, id, to, on, person_id, note).await?;
    audit::record(
        tx,
        who,
        Change {
            action: "advance",
            entity: "matter",
            entity_id: Some(id),
            region_id: Some(region),
            before: Some(serde_json::json!({ "status": current.code() })),
            after: Some(serde_json::json!({ "status": to.code(), "on": on, "decision_id": decision_id })),
        },
    )
    .await?;
    Ok(())
}

/// Moves a matter one step forward.
pub async fn advance(
    db: &Db,
    who: &Who,
    id: i64,
    to: MatterStatus,
    on: NaiveDate,
    person_id: Option<i64>,
    decision_id: Option<i64>,
) -> Result<()> {
    let mut tx = db.begin().await?;
    advance_in(&mut tx, who, id, to, on, person_id, decision_id, None).await?;
    tx.commit().await?;
    Ok(())
}

/// Every matter of a region (every region for `None`) with its steps, newest first.
pub async fn list(db: &Db, region_id: Option<i64>) -> Result<Vec<Matter>> {
    let rows = sqlx::query(
        "SELECT id, region_id, from_group_id, to_group_id, title, body, status, decision_id FROM matters
         WHERE ($1 IS NULL OR region_id = $1) ORDER BY id DESC",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let steps = sqlx::query(
        "SELECT e.matter_id, e.status, e.on_date, e.person_id, e.note FROM matter_events e
         JOIN matters m ON m.id = e.matter_id WHERE ($1 IS NULL OR m.region_id = $1) ORDER BY e.id",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let mut by_matter: std::collections::HashMap<i64, Vec<MatterStep>> = std::collections::HashMap::new();
    for s in &steps {
        let status: String = s.try_get(1)?;
        by_matter.entry(s.try_get(0)?).or_default().push(MatterStep {
            status: MatterStatus::parse(&status).unwrap_or(MatterStatus::Draft),
            on: parse_date(s.try_get(2)?).unwrap_or(NaiveDate::MIN),
            person_id: s.try_get(3)?,
            note: s.try_get(4)?,
        });
    }
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get(0)?;
            let status: String = r.try_get(6)?;
            Ok(Matter {
                id,
                region_id: r.try_get(1)?,
                from_group_id: r.try_get(2)?,
                to_group_id: r.try_get(3)?,
                title: r.try_get(4)?,
                body: r.try_get(5)?,
                status: MatterStatus::parse(&status).unwrap_or(MatterStatus::Draft),
                decision_id: r.try_get(7)?,
                steps: by_matter.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
}

/// One matter with its steps.
pub async fn get(db: &Db, id: i64) -> Result<Matter> {
    let r = sqlx::query(
        "SELECT id, region_id, from_group_id, to_group_id, title, body, status, decision_id FROM matters WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    let steps = sqlx::query(
        "SELECT status, on_date, person_id, note FROM matter_events WHERE matter_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    let status: String = r.try_get(6)?;
    Ok(Matter {
        id: r.try_get(0)?,
        region_id: r.try_get(1)?,
        from_group_id: r.try_get(2)?,
        to_group_id: r.try_get(3)?,
        title: r.try_get(4)?,
        body: r.try_get(5)?,
        status: MatterStatus::parse(&status).unwrap_or(MatterStatus::Draft),
        decision_id: r.try_get(7)?,
        steps: steps
            .iter()
            .map(|s| {
                let status: String = s.try_get(0)?;
                Ok(MatterStep {
                    status: MatterStatus::parse(&status).unwrap_or(MatterStatus::Draft),
                    on: parse_date(s.try_get(1)?).unwrap_or(NaiveDate::MIN),
                    person_id: s.try_get(2)?,
                    note: s.try_get(3)?,
                })
            })
            .collect::<Result<_>>()?,
    })
}
