//! Dated assignments of people. History is kept: an assignment is ended,
//! never overwritten.

use chrono::NaiveDate;
use samverka_core::governance::{Assignment, AssignmentKind};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, Who};
use crate::{Db, Result, StoreError, Tx, date_text, now, parse_date};

const COLUMNS: &str = "id, person_id, kind, region_id, centre_id, group_id, share_percent, paid_by, minutes_per_week, starts_on, ends_on";

fn from_row(r: &AnyRow) -> Result<Assignment> {
    let kind: String = r.try_get("kind")?;
    let starts: String = r.try_get("starts_on")?;
    Ok(Assignment {
        id: r.try_get("id")?,
        person_id: r.try_get("person_id")?,
        kind: AssignmentKind::parse(&kind)
            .ok_or_else(|| StoreError::Invalid(format!("unknown assignment {kind}")))?,
        region_id: r.try_get("region_id")?,
        centre_id: r.try_get("centre_id")?,
        group_id: r.try_get("group_id")?,
        share_percent: r.try_get("share_percent")?,
        paid_by: r.try_get("paid_by")?,
        minutes_per_week: r.try_get("minutes_per_week")?,
        starts_on: parse_date(Some(starts)).unwrap_or(NaiveDate::MIN),
        ends_on: parse_date(r.try_get("ends_on")?),
    })
}

/// Records an assignment inside the caller's transaction (its `id` is ignored).
pub async fn create_in(tx: &mut Tx, who: &Who, a: &Assignment) -> Result<i64> {
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
    .bind(date_text(Some(a.starts_on)))
    .bind(date_text(a.ends_on))
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "assignment",
            entity_id: Some(id),
            region_id: Some(a.region_id),
            before: None,
            after: serde_json::to_value(a).ok(),
        },
    )
    .await?;
    Ok(id)
}

/// Records an assignment.
pub async fn create(db: &Db, who: &Who, a: &Assignment) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = create_in(&mut tx, who, a).await?;
    tx.commit().await?;
    Ok(id)
}

/// Ends an assignment on a day.
pub async fn end(db: &Db, who: &Who, id: i64, on: NaiveDate) -> Result<()> {
    let before = get(db, id).await?;
    if on < before.starts_on {
        return Err(StoreError::Invalid("ends_on".into()));
    }
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE assignments SET ends_on = $1 WHERE id = $2")
        .bind(date_text(Some(on)))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "end",
            entity: "assignment",
            entity_id: Some(id),
            region_id: Some(before.region_id),
            before: serde_json::to_value(&before).ok(),
            after: Some(serde_json::json!({ "ends_on": date_text(Some(on)) })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One assignment.
pub async fn get(db: &Db, id: i64) -> Result<Assignment> {
    let row = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM assignments WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Every assignment of a region (every region for `None`), oldest first.
pub async fn list(db: &Db, region_id: Option<i64>) -> Result<Vec<Assignment>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM assignments WHERE ($1 IS NULL OR region_id = $1) ORDER BY starts_on, id"
    )))
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// A person's assignments, oldest first.
pub async fn of_person(db: &Db, person_id: i64) -> Result<Vec<Assignment>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM assignments WHERE person_id = $1 ORDER BY starts_on, id"
    )))
    .bind(person_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(from_row).collect()
}
