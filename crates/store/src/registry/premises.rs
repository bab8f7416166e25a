//! Premises (*lokaler*) of centres: the buildings units work in. Never
//! deleted; every change leaves an audit entry.

use samverka_core::Centre;
use samverka_core::premises::{Premises, PremisesInput};

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

const COLUMNS: &str = "id, centre_id, name, address, shared_entrance";

#[derive(sqlx::FromRow, serde::Deserialize)]
struct PremisesRow {
    id: i64,
    centre_id: i64,
    name: String,
    address: Option<String>,
    shared_entrance: Option<i64>,
}

impl TryFrom<PremisesRow> for Premises {
    type Error = StoreError;
    fn try_from(r: PremisesRow) -> Result<Premises> {
        Ok(Premises {
            id: r.id,
            centre_id: r.centre_id,
            name: r.name,
            address: r.address,
            shared_entrance: codec::opt_flag("premises.shared_entrance", r.shared_entrance)?,
        })
    }
}

fn by_name(mut list: Vec<Premises>) -> Vec<Premises> {
    list.sort_by_cached_key(|p| (p.centre_id, samverka_core::text::sort_key(&p.name), p.id));
    list
}

/// A centre's premises, by name.
pub async fn of_centre(c: &mut Conn, centre_id: i64) -> Result<Vec<Premises>> {
    let sql = format!("SELECT {COLUMNS} FROM premises WHERE centre_id = $1");
    Ok(by_name(
        rows::all::<PremisesRow, Premises>(c, crate::trusted(sql), centre_id).await?,
    ))
}

/// The premises of every centre of a region (every region, for `None`), by
/// centre and name.
pub async fn in_region(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Premises>> {
    let region = rows::for_region(
        region_id,
        "centre_id IN (SELECT id FROM centres WHERE region_id = $1)",
    );
    let sql = format!("SELECT {COLUMNS} FROM premises WHERE {region}");
    Ok(by_name(
        rows::all_json::<PremisesRow, Premises>(c, "premises", &sql, COLUMNS, "id", region_id).await?,
    ))
}

/// One centre's premises.
pub async fn get(c: &mut Conn, id: i64) -> Result<Premises> {
    let sql = format!("SELECT {COLUMNS} FROM premises WHERE id = $1");
    rows::one::<PremisesRow, Premises>(c, crate::trusted(sql), id).await
}

/// Adds premises to a centre. A name the centre has already is a
/// [`StoreError::Conflict`].
pub async fn create(tx: &mut Tx, who: &Who, centre: &Centre, input: &PremisesInput) -> Result<i64> {
    let ts = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO premises (centre_id, name, address, shared_entrance, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(centre.id)
    .bind(&input.name)
    .bind(&input.address)
    .bind(codec::opt_flag_value(input.shared_entrance))
    .bind(&ts)
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Premises,
            Some(id),
            Some(centre.region_id),
        )
        .after(serde_json::json!({ "centre_id": centre.id, "premises": input })),
    )
    .await?;
    Ok(id)
}

/// Changes premises: every unit in them moves with them.
pub async fn update(
    tx: &mut Tx,
    who: &Who,
    region_id: i64,
    before: &Premises,
    input: &PremisesInput,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE premises SET name = $1, address = $2, shared_entrance = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(&input.name)
    .bind(&input.address)
    .bind(codec::opt_flag_value(input.shared_entrance))
    .bind(now())
    .bind(before.id)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::NotFound);
    }
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Update,
            AuditEntity::Premises,
            Some(before.id),
            Some(region_id),
        )
        .before(before)
        .after(input),
    )
    .await
}
