//! Centres and their units. Nothing here is ever deleted: centres and units
//! are closed with a date (and can be reopened), and every change leaves an
//! audit entry.

use chrono::NaiveDate;
use samverka_core::centre::{CentreInput, UnitInput};
use samverka_core::{Centre, PrincipalKind, Unit};

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

const CENTRE_COLUMNS: &str =
    "id, region_id, municipality_id, name, address, opened_on, closed_on, shared_opening_minutes";
const UNIT_COLUMNS: &str = "id, centre_id, service, name, principal_kind, principal_name, premises_id, \
                            full_operation, minutes_per_week, closed_on";

#[derive(sqlx::FromRow, serde::Deserialize)]
struct CentreRow {
    id: i64,
    region_id: i64,
    municipality_id: i64,
    name: String,
    address: Option<String>,
    opened_on: Option<String>,
    closed_on: Option<String>,
    shared_opening_minutes: Option<i64>,
}

impl TryFrom<CentreRow> for Centre {
    type Error = StoreError;
    fn try_from(r: CentreRow) -> Result<Centre> {
        Ok(Centre {
            id: r.id,
            region_id: r.region_id,
            municipality_id: r.municipality_id,
            name: r.name,
            address: r.address,
            opened_on: codec::opt_date("centres.opened_on", r.opened_on.as_deref())?,
            closed_on: codec::opt_date("centres.closed_on", r.closed_on.as_deref())?,
            shared_opening_minutes: r.shared_opening_minutes,
        })
    }
}

#[derive(sqlx::FromRow, serde::Deserialize)]
struct UnitRow {
    id: i64,
    centre_id: i64,
    service: String,
    name: Option<String>,
    principal_kind: Option<String>,
    principal_name: Option<String>,
    premises_id: Option<i64>,
    full_operation: Option<i64>,
    minutes_per_week: Option<i64>,
    closed_on: Option<String>,
}

impl TryFrom<UnitRow> for Unit {
    type Error = StoreError;
    fn try_from(r: UnitRow) -> Result<Unit> {
        Ok(Unit {
            id: r.id,
            centre_id: r.centre_id,
            service: codec::code("units.service", &r.service)?,
            name: r.name,
            principal_kind: codec::opt_code("units.principal_kind", r.principal_kind.as_deref())?,
            principal_name: r.principal_name,
            premises_id: r.premises_id,
            full_operation: codec::opt_flag("units.full_operation", r.full_operation)?,
            minutes_per_week: r.minutes_per_week,
            closed_on: codec::opt_date("units.closed_on", r.closed_on.as_deref())?,
        })
    }
}

/// Centres of a region (every region, for `None`), by name.
pub async fn list(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Centre>> {
    let region = rows::for_region(region_id, "region_id = $1");
    let sql = format!("SELECT {CENTRE_COLUMNS} FROM centres WHERE {region}");
    let mut centres =
        rows::all_json::<CentreRow, Centre>(c, "centres", &sql, CENTRE_COLUMNS, "id", region_id).await?;
    centres.sort_by_cached_key(|c| samverka_core::text::sort_key(&c.name));
    Ok(centres)
}

/// Every unit of every centre of a region (every region, for `None`), closed ones included.
pub async fn units_in_region(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Unit>> {
    let region = rows::for_region(
        region_id,
        "centre_id IN (SELECT id FROM centres WHERE region_id = $1)",
    );
    let sql = format!("SELECT {UNIT_COLUMNS} FROM units WHERE {region}");
    rows::all_json::<UnitRow, Unit>(c, "units", &sql, UNIT_COLUMNS, "centre_id, id", region_id).await
}

/// One centre.
pub async fn get(c: &mut Conn, id: i64) -> Result<Centre> {
    let sql = format!("SELECT {CENTRE_COLUMNS} FROM centres WHERE id = $1");
    rows::one::<CentreRow, Centre>(c, crate::trusted(sql), id).await
}

/// A centre's units, closed ones included, in the order they were added.
pub async fn units(c: &mut Conn, centre_id: i64) -> Result<Vec<Unit>> {
    let sql = format!("SELECT {UNIT_COLUMNS} FROM units WHERE centre_id = $1 ORDER BY id");
    rows::all::<UnitRow, Unit>(c, crate::trusted(sql), centre_id).await
}

/// One unit.
pub async fn get_unit(c: &mut Conn, id: i64) -> Result<Unit> {
    let sql = format!("SELECT {UNIT_COLUMNS} FROM units WHERE id = $1");
    rows::one::<UnitRow, Unit>(c, crate::trusted(sql), id).await
}

async fn check_municipality(tx: &mut Tx, region_id: i64, municipality_id: i64) -> Result<()> {
    rows::in_region(
        tx,
        "SELECT region_id FROM municipalities WHERE id = $1",
        municipality_id,
        region_id,
        "municipality_id",
    )
    .await
}

/// Creates a centre in a region.
pub async fn create(tx: &mut Tx, who: &Who, region_id: i64, input: &CentreInput) -> Result<i64> {
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
    .bind(codec::opt_date_text(input.opened_on))
    .bind(input.shared_opening_minutes)
    .bind(&ts)
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Centre,
            Some(id),
            Some(region_id),
        )
        .after(input),
    )
    .await?;
    Ok(id)
}

/// Changes a centre's details.
pub async fn update(tx: &mut Tx, who: &Who, before: &Centre, input: &CentreInput) -> Result<()> {
    check_municipality(tx, before.region_id, input.municipality_id).await?;
    sqlx::query(
        "UPDATE centres SET municipality_id = $1, name = $2, address = $3, opened_on = $4,
                shared_opening_minutes = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(input.municipality_id)
    .bind(&input.name)
    .bind(&input.address)
    .bind(codec::opt_date_text(input.opened_on))
    .bind(input.shared_opening_minutes)
    .bind(now())
    .bind(before.id)
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Update,
            AuditEntity::Centre,
            Some(before.id),
            Some(before.region_id),
        )
        .before(before)
        .after(input),
    )
    .await
}

/// Closes an open centre from a date; it stays in the registry and its
/// history. [`StoreError::Conflict`] when it was closed already (by someone
/// else in the meantime).
pub async fn close(tx: &mut Tx, who: &Who, before: &Centre, on: NaiveDate) -> Result<()> {
    set_closed(
        tx,
        who,
        Closable::Centre,
        before.id,
        before.region_id,
        before,
        Some(on),
    )
    .await
}

/// Reopens a closed centre: it counts again from today as if never closed.
/// Conditional on it being closed, so a double click cannot reopen twice.
pub async fn reopen(tx: &mut Tx, who: &Who, before: &Centre) -> Result<()> {
    set_closed(
        tx,
        who,
        Closable::Centre,
        before.id,
        before.region_id,
        before,
        None,
    )
    .await
}

/// Checks that the unit's premises, if any, are its centre's;
/// [`StoreError::invalid`] on `premises_id` otherwise.
async fn check_premises(tx: &mut Tx, centre_id: i64, input: &UnitInput) -> Result<()> {
    let Some(id) = input.premises_id else {
        return Ok(());
    };
    let of: Option<i64> = sqlx::query_scalar("SELECT centre_id FROM premises WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    if of != Some(centre_id) {
        return Err(StoreError::invalid("premises_id"));
    }
    Ok(())
}

/// Adds a unit to a centre, in premises of that centre (or of unknown place).
pub async fn create_unit(tx: &mut Tx, who: &Who, centre: &Centre, input: &UnitInput) -> Result<i64> {
    check_premises(tx, centre.id, input).await?;
    let ts = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO units (centre_id, service, name, principal_kind, principal_name, premises_id,
                            full_operation, minutes_per_week, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(centre.id)
    .bind(input.service.code())
    .bind(&input.name)
    .bind(input.principal_kind.map(PrincipalKind::code))
    .bind(&input.principal_name)
    .bind(input.premises_id)
    .bind(codec::opt_flag_value(input.full_operation))
    .bind(input.minutes_per_week)
    .bind(&ts)
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Unit,
            Some(id),
            Some(centre.region_id),
        )
        .after(input),
    )
    .await?;
    Ok(id)
}

/// Changes a unit; its premises must be its centre's.
pub async fn update_unit(
    tx: &mut Tx,
    who: &Who,
    region_id: i64,
    before: &Unit,
    input: &UnitInput,
) -> Result<()> {
    check_premises(tx, before.centre_id, input).await?;
    sqlx::query(
        "UPDATE units SET service = $1, name = $2, principal_kind = $3, principal_name = $4, premises_id = $5,
                full_operation = $6, minutes_per_week = $7, updated_at = $8 WHERE id = $9",
    )
    .bind(input.service.code())
    .bind(&input.name)
    .bind(input.principal_kind.map(PrincipalKind::code))
    .bind(&input.principal_name)
    .bind(input.premises_id)
    .bind(codec::opt_flag_value(input.full_operation))
    .bind(input.minutes_per_week)
    .bind(now())
    .bind(before.id)
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Update,
            AuditEntity::Unit,
            Some(before.id),
            Some(region_id),
        )
        .before(before)
        .after(input),
    )
    .await
}

/// Ends a unit's part in its centre from a date; [`StoreError::Conflict`]
/// when it had ended already.
pub async fn close_unit(tx: &mut Tx, who: &Who, region_id: i64, before: &Unit, on: NaiveDate) -> Result<()> {
    set_closed(tx, who, Closable::Unit, before.id, region_id, before, Some(on)).await
}

/// Reopens a closed unit: it is part of its centre again. Conditional on it
/// being closed.
pub async fn reopen_unit(tx: &mut Tx, who: &Who, region_id: i64, before: &Unit) -> Result<()> {
    set_closed(tx, who, Closable::Unit, before.id, region_id, before, None).await
}

/// What can be closed and reopened: a centre or one of its units.
#[derive(Clone, Copy)]
enum Closable {
    Centre,
    Unit,
}

impl Closable {
    fn table(self) -> &'static str {
        match self {
            Closable::Centre => "centres",
            Closable::Unit => "units",
        }
    }

    fn entity(self) -> AuditEntity {
        match self {
            Closable::Centre => AuditEntity::Centre,
            Closable::Unit => AuditEntity::Unit,
        }
    }
}

/// Closes a centre or unit from a day (`Some`), or reopens it (`None`), as
/// a conditional update: closing needs it open, reopening needs it closed,
/// and anything else is [`StoreError::Conflict`]. Audited in the same transaction.
async fn set_closed(
    tx: &mut Tx,
    who: &Who,
    what: Closable,
    id: i64,
    region_id: i64,
    before: &impl serde::Serialize,
    on: Option<NaiveDate>,
) -> Result<()> {
    let table = what.table();
    let (done, action, conflict) = match on {
        Some(day) => {
            let sql = format!(
                "UPDATE {table} SET closed_on = $1, updated_at = $2 WHERE id = $3 AND closed_on IS NULL"
            );
            let done = sqlx::query(crate::trusted(sql))
                .bind(codec::date_text(day))
                .bind(now())
                .bind(id)
                .execute(&mut **tx)
                .await?;
            (done, AuditAction::Close, format!("{table}.closed_on"))
        }
        None => {
            let sql = format!(
                "UPDATE {table} SET closed_on = NULL, updated_at = $1 WHERE id = $2 AND closed_on IS NOT NULL"
            );
            let done = sqlx::query(crate::trusted(sql))
                .bind(now())
                .bind(id)
                .execute(&mut **tx)
                .await?;
            (done, AuditAction::Reopen, format!("{table}.reopen"))
        }
    };
    rows::changed_one(done, &conflict)?;
    audit::record(
        tx,
        who,
        Change::new(action, what.entity(), Some(id), Some(region_id))
            .before(before)
            .after(serde_json::json!({ "closed_on": on.map(codec::date_text) })),
    )
    .await
}
