//! Introduction sessions and who was introduced to which assignment.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::Row;

use crate::audit::{self, Change, Who};
use crate::{Db, Result, StoreError, Tx, date_text, now, parse_date};

/// An introduction session (*introduktionstillfälle*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    /// Id.
    pub id: i64,
    /// Region.
    pub region_id: i64,
    /// When.
    pub held_on: NaiveDate,
    /// Who held it.
    pub held_by: Option<i64>,
    /// Title.
    pub title: String,
}

/// Records a session and the assignments whose holders took part, inside the caller's transaction.
pub async fn create_session_in(
    tx: &mut Tx,
    who: &Who,
    region_id: i64,
    held_on: NaiveDate,
    held_by: Option<i64>,
    title: &str,
    assignment_ids: &[i64],
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO introduction_sessions (region_id, held_on, held_by, title, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(region_id)
    .bind(date_text(Some(held_on)))
    .bind(held_by)
    .bind(title)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    for a in assignment_ids {
        let r: Option<i64> = sqlx::query_scalar("SELECT region_id FROM assignments WHERE id = $1")
            .bind(a)
            .fetch_optional(&mut **tx)
            .await?;
        if r != Some(region_id) {
            return Err(StoreError::Invalid("assignment_ids".into()));
        }
        sqlx::query(
            "INSERT INTO introductions (assignment_id, session_id, introduced_on) VALUES ($1, $2, $3)
             ON CONFLICT (assignment_id) DO NOTHING",
        )
        .bind(a)
        .bind(id)
        .bind(date_text(Some(held_on)))
        .execute(&mut **tx)
        .await?;
    }
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "introduction",
            entity_id: Some(id),
            region_id: Some(region_id),
            before: None,
            after: Some(
                serde_json::json!({ "held_on": held_on, "title": title, "assignment_ids": assignment_ids }),
            ),
        },
    )
    .await?;
    Ok(id)
}

/// Records a session.
pub async fn create_session(
    db: &Db,
    who: &Who,
    region_id: i64,
    held_on: NaiveDate,
    held_by: Option<i64>,
    title: &str,
    assignment_ids: &[i64],
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = create_session_in(&mut tx, who, region_id, held_on, held_by, title, assignment_ids).await?;
    tx.commit().await?;
    Ok(id)
}

/// The sessions of a region, newest first.
pub async fn sessions(db: &Db, region_id: i64) -> Result<Vec<Session>> {
    let rows = sqlx::query(
        "SELECT id, region_id, held_on, held_by, title FROM introduction_sessions WHERE region_id = $1 ORDER BY held_on DESC, id DESC",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Session {
                id: r.try_get(0)?,
                region_id: r.try_get(1)?,
                held_on: parse_date(r.try_get(2)?).unwrap_or(NaiveDate::MIN),
                held_by: r.try_get(3)?,
                title: r.try_get(4)?,
            })
        })
        .collect()
}

/// When each assignment of a region (every region for `None`) was introduced.
pub async fn introduced_on(db: &Db, region_id: Option<i64>) -> Result<HashMap<i64, NaiveDate>> {
    let rows = sqlx::query(
        "SELECT i.assignment_id, i.introduced_on FROM introductions i JOIN assignments a ON a.id = i.assignment_id
         WHERE ($1 IS NULL OR a.region_id = $1)",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = HashMap::new();
    for r in &rows {
        if let Some(d) = parse_date(r.try_get(1)?) {
            out.insert(r.try_get::<i64, _>(0)?, d);
        }
    }
    Ok(out)
}

/// How many assignments each session of a region introduced: session id → count.
pub async fn participant_counts(db: &Db, region_id: i64) -> Result<HashMap<i64, i64>> {
    let rows = sqlx::query(
        "SELECT i.session_id, CAST(COUNT(*) AS BIGINT) FROM introductions i
         JOIN introduction_sessions s ON s.id = i.session_id WHERE s.region_id = $1 GROUP BY i.session_id",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = HashMap::new();
    for r in &rows {
        out.insert(r.try_get::<i64, _>(0)?, r.try_get::<i64, _>(1)?);
    }
    Ok(out)
}
