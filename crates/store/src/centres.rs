//! Centres and their units. Nothing here is ever deleted: centres and units
//! are closed with a date, and every change leaves an audit entry.

use chrono::NaiveDate;
use samverka_core::centre::{CentreInput, UnitInput};
use samverka_core::{Centre, PrincipalKind, ServiceType, Unit};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, Who};
use crate::{Db, Result, StoreError, Tx, bool_opt, date_text, now, opt_bool, parse_date};

const CENTRE_COLUMNS: &str =
    "id, region_id, municipality_id, name, address, opened_on, closed_on, shared_opening_minutes";
const UNIT_COLUMNS: &str = "id, centre_id, service, name, principal_kind, principal_name, building, \
                            shared_entrance, full_operation, minutes_per_week, closed_on";

fn centre_from_row(r: &AnyRow) -> Result<Centre> {
    Ok(Centre {
        id: r.try_get("id")?,
        region_id: r.try_get("region_id")?,
        municipality_id: r.try_get("municipality_id")?,
        name: r.try_get("name")?,
        address: r.try_get("address")?,
        opened_on: parse_date(r.try_get("opened_on")?),
        closed_on: parse_date(r.try_get("closed_on")?),
        shared_opening_minutes: r.try_get("shared_opening_minutes")?,
    })
}

fn unit_from_row(r: &AnyRow) -> Result<Unit> {
    let service: String = r.try_get("service")?;
    let kind: Option<String> = r.try_get("principal_kind")?;
    Ok(Unit {
        id: r.try_get("id")?,
        centre_id: r.try_get("centre_id")?,
        service: ServiceType::parse(&service).unwrap_or(ServiceType::Other),
        name: r.try_get("name")?,
        principal_kind: kind.as_deref().and_then(PrincipalKind::parse),
        principal_name: r.try_get("principal_name")?,
        building: r.try_get("building")?,
        shared_entrance: opt_bool(r.try_get("shared_entrance")?),
        full_operation: opt_bool(r.try_get("full_operation")?),
        minutes_per_week: r.try_get("minutes_per_week")?,
        closed_on: parse_date(r.try_get("closed_on")?),
    })
}

/// Centres of the given regions (every region, for `None`), by name.
pub async fn list(db: &Db, region_id: Option<i64>) -> Result<Vec<Centre>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {CENTRE_COLUMNS} FROM centres WHERE ($1 IS NULL OR region_id = $1)"
    )))
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let mut centres: Vec<Centre> = rows.iter().map(centre_from_row).collect::<Result<_>>()?;
    centres.sort_by_cached_key(|c| samverka_core::text::sort_key(&c.name));
    Ok(centres)
}

/// Every unit of every centre of a region (every region, for `None`), closed ones included.
pub async fn units_in_region(db: &Db, region_id: Option<i64>) -> Result<Vec<Unit>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {UNIT_COLUMNS} FROM units
         WHERE ($1 IS NULL OR centre_id IN (SELECT id FROM centres WHERE region_id = $1))
         ORDER BY centre_id, id"
    )))
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(unit_from_row).collect()
}

/// One centre.
pub async fn get(db: &Db, id: i64) -> Result<Centre> {
    let row = sqlx::query(crate::trusted(format!(
        "SELECT {CENTRE_COLUMNS} FROM centres WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    centre_from_row(&row)
}

/// A centre's units, closed ones included, in the order they were added.
pub async fn units(db: &Db, centre_id: i64) -> Result<Vec<Unit>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {UNIT_COLUMNS} FROM units WHERE centre_id = $1 ORDER BY id"
    )))
    .bind(centre_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(unit_from_row).collect()
}

/// One unit.
pub async fn get_unit(db: &Db, id: i64) -> Result<Unit> {
    let row = sqlx::query(crate::trusted(format!(
        "SELECT {UNIT_COLUMNS} FROM units WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    unit_from_row(&row)
}

async fn check_municipality(tx: &mut Tx, region_id: i64, municipality_id: i64) -> Result<()> {
    let region: Option<i64> = sqlx::query_scalar("SELECT region_id FROM municipalities WHERE id = $1")
        .bind(municipality_id)
        .fetch_optional(&mut **tx)
        .await?;
    if region != Some(region_id) {
        return Err(StoreError::Invalid("municipality_id".into()));
    }
    Ok(())
}

fn json<T: serde::Serialize>(v: &T) -> Option<serde_json::Value> {
    serde_json::to_value(v).ok()
}

/// Creates a centre in a region.
pub async fn create(db: &Db, who: &Who, region_id: i64, input: &CentreInput) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = create_in(&mut tx, who, region_id, input).await?;
    tx.commit().await?;
    Ok(id)
}

/// Creates a centre inside the caller's transaction (for bulk work such as the demo).
pub async fn create_in(tx: &mut Tx, who: &Who, region_id: i64, input: &CentreInput) -> Result<i64> {
    check_municipality(tx, region_id, input.municipality_id).await?;
    let ts = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO centres (region_id, municipality_id, name, address, opened_on, shared_opening_minutes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(region_id)
    .bind(input.municipality_id)
    .bind(&input.name)
    .bind(&input.address)
    .bind(date_text(input.opened_on))
    .bind(input.shared_opening_minutes)
    .bind(&ts)
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "centre",
            entity_id: Some(id),
            region_id: Some(region_id),
            before: None,
            after: json(input),
        },
    )
    .await?;
    Ok(id)
}

/// Changes a centre's details.
pub async fn update(db: &Db, who: &Who, id: i64, input: &CentreInput) -> Result<()> {
    let before = get(db, id).await?;
    let mut tx = db.begin().await?;
    check_municipality(&mut tx, before.region_id, input.municipality_id).await?;
    sqlx::query(
        "UPDATE centres SET municipality_id = $1, name = $2, address = $3, opened_on = $4,
                shared_opening_minutes = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(input.municipality_id)
    .bind(&input.name)
    .bind(&input.address)
    .bind(date_text(input.opened_on))
    .bind(input.shared_opening_minutes)
    .bind(now())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "update",
            entity: "centre",
            entity_id: Some(id),
            region_id: Some(before.region_id),
            before: json(&before),
            after: json(input),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Closes a centre from a date. It stays in the registry and its history.
pub async fn close(db: &Db, who: &Who, id: i64, on: NaiveDate) -> Result<()> {
    let before = get(db, id).await?;
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE centres SET closed_on = $1, updated_at = $2 WHERE id = $3")
        .bind(date_text(Some(on)))
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "close",
            entity: "centre",
            entity_id: Some(id),
            region_id: Some(before.region_id),
            before: json(&before),
            after: Some(serde_json::json!({ "closed_on": date_text(Some(on)) })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds a unit to a centre.
pub async fn create_unit(db: &Db, who: &Who, centre_id: i64, input: &UnitInput) -> Result<i64> {
    let centre = get(db, centre_id).await?;
    let mut tx = db.begin().await?;
    let id = create_unit_in(&mut tx, who, &centre, input).await?;
    tx.commit().await?;
    Ok(id)
}

/// Adds a unit inside the caller's transaction.
pub async fn create_unit_in(tx: &mut Tx, who: &Who, centre: &Centre, input: &UnitInput) -> Result<i64> {
    let ts = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO units (centre_id, service, name, principal_kind, principal_name, building, shared_entrance,
                            full_operation, minutes_per_week, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(centre.id)
    .bind(input.service.code())
    .bind(&input.name)
    .bind(input.principal_kind.map(PrincipalKind::code))
    .bind(&input.principal_name)
    .bind(&input.building)
    .bind(bool_opt(input.shared_entrance))
    .bind(bool_opt(input.full_operation))
    .bind(input.minutes_per_week)
    .bind(&ts)
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "unit",
            entity_id: Some(id),
            region_id: Some(centre.region_id),
            before: None,
            after: json(input),
        },
    )
    .await?;
    Ok(id)
}

/// Changes a unit.
pub async fn update_unit(db: &Db, who: &Who, id: i64, input: &UnitInput) -> Result<()> {
    let before = get_unit(db, id).await?;
    let centre = get(db, before.centre_id).await?;
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE units SET service = $1, name = $2, principal_kind = $3, principal_name = $4, building = $5,
                shared_entrance = $6, full_operation = $7, minutes_per_week = $8, updated_at = $9 WHERE id = $10",
    )
    .bind(input.service.code())
    .bind(&input.name)
    .bind(input.principal_kind.map(PrincipalKind::code))
    .bind(&input.principal_name)
    .bind(&input.building)
    .bind(bool_opt(input.shared_entrance))
    .bind(bool_opt(input.full_operation))
    .bind(input.minutes_per_week)
    .bind(now())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "update",
            entity: "unit",
            entity_id: Some(id),
            region_id: Some(centre.region_id),
            before: json(&before),
            after: json(input),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends a unit's part in its centre from a date.
pub async fn close_unit(db: &Db, who: &Who, id: i64, on: NaiveDate) -> Result<()> {
    let before = get_unit(db, id).await?;
    let centre = get(db, before.centre_id).await?;
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE units SET closed_on = $1, updated_at = $2 WHERE id = $3")
        .bind(date_text(Some(on)))
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "close",
            entity: "unit",
            entity_id: Some(id),
            region_id: Some(centre.region_id),
            before: json(&before),
            after: Some(serde_json::json!({ "closed_on": date_text(Some(on)) })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
