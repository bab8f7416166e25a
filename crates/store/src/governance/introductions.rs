//! Introduction sessions and who was introduced to which assignment.

use std::collections::HashMap;

use chrono::NaiveDate;
use samverka_core::governance::IntroductionSession;
use serde_json::json;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, Tx, codec, now, rows};

/// Records a session and the assignments whose holders took part. An
/// assignment introduced earlier keeps its first introduction.
pub async fn create_session(
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
    .bind(codec::date_text(held_on))
    .bind(held_by)
    .bind(title)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    for a in assignment_ids {
        rows::in_region(
            tx,
            "SELECT region_id FROM assignments WHERE id = $1",
            *a,
            region_id,
            "assignment_ids",
        )
        .await?;
        sqlx::query(
            "INSERT INTO introductions (assignment_id, session_id, introduced_on) VALUES ($1, $2, $3)
             ON CONFLICT (assignment_id) DO NOTHING",
        )
        .bind(a)
        .bind(id)
        .bind(codec::date_text(held_on))
        .execute(&mut **tx)
        .await?;
    }
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Introduction,
            Some(id),
            Some(region_id),
        )
        .after(json!({ "held_on": held_on, "title": title, "assignment_ids": assignment_ids })),
    )
    .await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    region_id: i64,
    held_on: String,
    held_by: Option<i64>,
    title: String,
}

/// The sessions of a region, newest first.
pub async fn sessions(c: &mut Conn, region_id: i64) -> Result<Vec<IntroductionSession>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, region_id, held_on, held_by, title FROM introduction_sessions WHERE region_id = $1
         ORDER BY held_on DESC, id DESC",
    )
    .bind(region_id)
    .fetch_all(c)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(IntroductionSession {
                id: r.id,
                region_id: r.region_id,
                held_on: codec::date("introduction_sessions.held_on", &r.held_on)?,
                held_by: r.held_by,
                title: r.title,
            })
        })
        .collect()
}

/// When each assignment of a region (every region for `None`) was introduced.
pub async fn introduced_on(c: &mut Conn, region_id: Option<i64>) -> Result<HashMap<i64, NaiveDate>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT i.assignment_id, i.introduced_on FROM introductions i JOIN assignments a ON a.id = i.assignment_id
         WHERE ($1 IS NULL OR a.region_id = $1)",
    )
    .bind(region_id)
    .fetch_all(c)
    .await?;
    rows.into_iter()
        .map(|(a, d)| Ok((a, codec::date("introductions.introduced_on", &d)?)))
        .collect()
}

/// How many assignments each session of a region introduced: session id → count.
pub async fn participant_counts(c: &mut Conn, region_id: i64) -> Result<HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT i.session_id, CAST(COUNT(*) AS BIGINT) FROM introductions i
         JOIN introduction_sessions s ON s.id = i.session_id WHERE s.region_id = $1 GROUP BY i.session_id",
    )
    .bind(region_id)
    .fetch_all(c)
    .await?;
    Ok(rows.into_iter().collect())
}
