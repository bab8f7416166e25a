//! Decisions (*beslut*) recorded in meetings, and the centres they concern.

use std::collections::HashMap;

use samverka_core::governance::{Decision, DecisionCategory};
use serde_json::json;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, Tx, codec, now, rows};

/// Records a decision of a meeting of a group of a region; every centre must be of the region.
pub async fn create(
    tx: &mut Tx,
    who: &Who,
    region_id: i64,
    meeting_id: i64,
    category: DecisionCategory,
    text: &str,
    centre_ids: &[i64],
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO decisions (meeting_id, category, text, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(meeting_id)
    .bind(category.code())
    .bind(text)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    for c in centre_ids {
        rows::in_region(
            tx,
            "SELECT region_id FROM centres WHERE id = $1",
            *c,
            region_id,
            "centre_ids",
        )
        .await?;
        sqlx::query("INSERT INTO decision_centres (decision_id, centre_id) VALUES ($1, $2)")
            .bind(id)
            .bind(c)
            .execute(&mut **tx)
            .await?;
    }
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Decision,
            Some(id),
            Some(region_id),
        )
        .after(json!({
            "meeting_id": meeting_id, "category": category.code(), "text": text, "centre_ids": centre_ids,
        })),
    )
    .await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    meeting_id: i64,
    group_id: i64,
    held_on: String,
    category: String,
    text: String,
}

/// Every decision of a region (every region for `None`), newest first.
pub async fn list(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Decision>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT d.id, d.meeting_id, m.group_id, m.held_on, d.category, d.text
         FROM decisions d JOIN meetings m ON m.id = d.meeting_id JOIN groups g ON g.id = m.group_id
         WHERE ($1 IS NULL OR g.region_id = $1) ORDER BY m.held_on DESC, d.id DESC",
    )
    .bind(region_id)
    .fetch_all(&mut *c)
    .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT dc.decision_id, dc.centre_id FROM decision_centres dc JOIN centres c ON c.id = dc.centre_id
         WHERE ($1 IS NULL OR c.region_id = $1) ORDER BY dc.centre_id",
    )
    .bind(region_id)
    .fetch_all(&mut *c)
    .await?;
    let mut centres: HashMap<i64, Vec<i64>> = HashMap::new();
    for (d, centre) in links {
        centres.entry(d).or_default().push(centre);
    }
    rows.into_iter()
        .map(|r| {
            Ok(Decision {
                id: r.id,
                meeting_id: r.meeting_id,
                group_id: r.group_id,
                decided_on: codec::date("meetings.held_on", &r.held_on)?,
                category: codec::code("decisions.category", &r.category)?,
                text: r.text,
                centre_ids: centres.remove(&r.id).unwrap_or_default(),
            })
        })
        .collect()
}
