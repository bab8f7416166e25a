//! Dated assignments of people. History is kept: an assignment is ended,
//! never overwritten.

use chrono::NaiveDate;
use samverka_core::governance::Assignment;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

pub(crate) const COLUMNS: &str = "id, person_id, kind, region_id, centre_id, group_id, share_percent, paid_by, minutes_per_week, starts_on, ends_on";

#[derive(sqlx::FromRow, serde::Deserialize)]
pub(crate) struct Row {
    id: i64,
    person_id: i64,
    kind: String,
    region_id: i64,
    centre_id: Option<i64>,
    group_id: Option<i64>,
    share_percent: Option<i64>,
    paid_by: Option<String>,
    minutes_per_week: Option<i64>,
    starts_on: String,
    ends_on: Option<String>,
}

impl TryFrom<Row> for Assignment {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Assignment> {
        Ok(Assignment {
            id: r.id,
            person_id: r.person_id,
            kind: codec::code("assignments.kind", &r.kind)?,
            region_id: r.region_id,
            centre_id: r.centre_id,
            group_id: r.group_id,
            share_percent: r.share_percent,
            paid_by: r.paid_by,
            minutes_per_week: r.minutes_per_week,
            starts_on: codec::date("assignments.starts_on", &r.starts_on)?,
            ends_on: codec::opt_date("assignments.ends_on", r.ends_on.as_deref())?,
        })
    }
}

/// Records an assignment (its `id` is ignored).
pub async fn create(tx: &mut Tx, who: &Who, a: &Assignment) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO assignments (person_id, kind, region_id, centre_id, group_id, share_percent, paid_by,
                                  minutes_per_week, starts_on, ends_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(a.person_id)
    .bind(a.kind.code())
    .bind(a.region_id)
    .bind(a.centre_id)
    .bind(a.group_id)
    .bind(a.share_percent)
    .bind(&a.paid_by)
    .bind(a.minutes_per_week)
    .bind(codec::date_text(a.starts_on))
    .bind(codec::opt_date_text(a.ends_on))
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Assignment,
            Some(id),
            Some(a.region_id),
        )
        .after(a),
    )
    .await?;
    Ok(id)
}

/// Ends an assignment on a day: it lasts no later than `on`.
/// [`StoreError::Conflict`] when it already ends on or before that day
/// (ended by someone else in the meantime).
pub async fn end(tx: &mut Tx, who: &Who, before: &Assignment, on: NaiveDate) -> Result<()> {
    let done = sqlx::query(
        "UPDATE assignments SET ends_on = $1 WHERE id = $2 AND (ends_on IS NULL OR ends_on > $1)",
    )
    .bind(codec::date_text(on))
    .bind(before.id)
    .execute(&mut **tx)
    .await?;
    rows::changed_one(done, "assignments.ends_on")?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::End,
            AuditEntity::Assignment,
            Some(before.id),
            Some(before.region_id),
        )
        .before(before)
        .after(serde_json::json!({ "ends_on": codec::date_text(on) })),
    )
    .await
}

/// One assignment.
pub async fn get(c: &mut Conn, id: i64) -> Result<Assignment> {
    let sql = format!("SELECT {COLUMNS} FROM assignments WHERE id = $1");
    rows::one::<Row, Assignment>(c, crate::trusted(sql), id).await
}

/// Every assignment of a region (every region for `None`), oldest first.
pub async fn list(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Assignment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM assignments WHERE ($1 IS NULL OR region_id = $1) ORDER BY starts_on, id"
    );
    rows::all::<Row, Assignment>(c, crate::trusted(sql), region_id).await
}

/// A person's assignments, oldest first.
pub async fn of_person(c: &mut Conn, person_id: i64) -> Result<Vec<Assignment>> {
    let sql = format!("SELECT {COLUMNS} FROM assignments WHERE person_id = $1 ORDER BY starts_on, id");
    rows::all::<Row, Assignment>(c, crate::trusted(sql), person_id).await
}

/// A group's seats (assignments), every one ever held, oldest first.
pub async fn of_group(c: &mut Conn, group_id: i64) -> Result<Vec<Assignment>> {
    let sql = format!("SELECT {COLUMNS} FROM assignments WHERE group_id = $1 ORDER BY starts_on, id");
    rows::all::<Row, Assignment>(c, crate::trusted(sql), group_id).await
}
