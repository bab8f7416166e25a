//! Governing groups and which centres each governs.

use std::collections::HashMap;

use samverka_core::governance::GroupKind;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, Who};
use crate::{Db, Result, StoreError, Tx, now};

/// A group (*ledningsgrupp*, *styrgrupp*, *beredningsgrupp*, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// Id.
    pub id: i64,
    /// Region.
    pub region_id: i64,
    /// Kind.
    pub kind: GroupKind,
    /// Name, e.g. "Styrgrupp familjecentraler Heby".
    pub name: String,
    /// The municipality of a municipal steering group.
    pub municipality_id: Option<i64>,
    /// The group this one reports to (a management group's steering group).
    pub reports_to: Option<i64>,
    /// Whether a steering group is the local health-and-care management forum acting as one.
    pub health_forum: bool,
    /// When it was disbanded.
    pub closed_on: Option<String>,
    /// The centres it governs.
    pub centre_ids: Vec<i64>,
}

/// A group as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupInput {
    /// Kind.
    pub kind: GroupKind,
    /// Name.
    pub name: String,
    /// Municipality (steering groups).
    pub municipality_id: Option<i64>,
    /// The group it reports to.
    pub reports_to: Option<i64>,
    /// Health-and-care forum acting as steering group.
    pub health_forum: bool,
    /// Centres it governs.
    pub centre_ids: Vec<i64>,
}

fn from_row(r: &AnyRow) -> Result<Group> {
    let kind: String = r.try_get("kind")?;
    let forum: i64 = r.try_get("health_forum")?;
    Ok(Group {
        id: r.try_get("id")?,
        region_id: r.try_get("region_id")?,
        kind: GroupKind::parse(&kind)
            .ok_or_else(|| StoreError::Invalid(format!("unknown group kind {kind}")))?,
        name: r.try_get("name")?,
        municipality_id: r.try_get("municipality_id")?,
        reports_to: r.try_get("reports_to")?,
        health_forum: forum != 0,
        closed_on: r.try_get("closed_on")?,
        centre_ids: Vec::new(),
    })
}

const COLUMNS: &str = "id, region_id, kind, name, municipality_id, reports_to, health_forum, closed_on";

async fn set_centres(tx: &mut Tx, region_id: i64, group_id: i64, centre_ids: &[i64]) -> Result<()> {
    sqlx::query("DELETE FROM group_centres WHERE group_id = $1")
        .bind(group_id)
        .execute(&mut **tx)
        .await?;
    for c in centre_ids {
        let region: Option<i64> = sqlx::query_scalar("SELECT region_id FROM centres WHERE id = $1")
            .bind(c)
            .fetch_optional(&mut **tx)
            .await?;
        if region != Some(region_id) {
            return Err(StoreError::Invalid("centre_ids".into()));
        }
        sqlx::query("INSERT INTO group_centres (group_id, centre_id) VALUES ($1, $2)")
            .bind(group_id)
            .bind(c)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Creates a group inside the caller's transaction.
pub async fn create_in(tx: &mut Tx, who: &Who, region_id: i64, g: &GroupInput) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO groups (region_id, kind, name, municipality_id, reports_to, health_forum, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(region_id)
    .bind(g.kind.code())
    .bind(&g.name)
    .bind(g.municipality_id)
    .bind(g.reports_to)
    .bind(i64::from(g.health_forum))
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    set_centres(tx, region_id, id, &g.centre_ids).await?;
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "group",
            entity_id: Some(id),
            region_id: Some(region_id),
            before: None,
            after: serde_json::to_value(g).ok(),
        },
    )
    .await?;
    Ok(id)
}

/// Creates a group.
pub async fn create(db: &Db, who: &Who, region_id: i64, g: &GroupInput) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = create_in(&mut tx, who, region_id, g).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a group and the centres it governs.
pub async fn update(db: &Db, who: &Who, id: i64, g: &GroupInput) -> Result<()> {
    let before = get(db, id).await?;
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE groups SET kind = $1, name = $2, municipality_id = $3, reports_to = $4, health_forum = $5 WHERE id = $6")
        .bind(g.kind.code())
        .bind(&g.name)
        .bind(g.municipality_id)
        .bind(g.reports_to)
        .bind(i64::from(g.health_forum))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    set_centres(&mut tx, before.region_id, id, &g.centre_ids).await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "update",
            entity: "group",
            entity_id: Some(id),
            region_id: Some(before.region_id),
            before: serde_json::to_value(&before).ok(),
            after: serde_json::to_value(g).ok(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One group with its centres.
pub async fn get(db: &Db, id: i64) -> Result<Group> {
    let row = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM groups WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    let mut g = from_row(&row)?;
    g.centre_ids =
        sqlx::query_scalar("SELECT centre_id FROM group_centres WHERE group_id = $1 ORDER BY centre_id")
            .bind(id)
            .fetch_all(db.pool())
            .await?;
    Ok(g)
}

/// Every group of a region (every region for `None`) with its centres, by name.
pub async fn list(db: &Db, region_id: Option<i64>) -> Result<Vec<Group>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM groups WHERE ($1 IS NULL OR region_id = $1)"
    )))
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let links = sqlx::query(
        "SELECT gc.group_id, gc.centre_id FROM group_centres gc JOIN groups g ON g.id = gc.group_id
         WHERE ($1 IS NULL OR g.region_id = $1) ORDER BY gc.centre_id",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let mut by_group: HashMap<i64, Vec<i64>> = HashMap::new();
    for l in &links {
        by_group.entry(l.try_get(0)?).or_default().push(l.try_get(1)?);
    }
    let mut groups: Vec<Group> = rows
        .iter()
        .map(|r| {
            let mut g = from_row(r)?;
            g.centre_ids = by_group.remove(&g.id).unwrap_or_default();
            Ok(g)
        })
        .collect::<Result<_>>()?;
    groups.sort_by_cached_key(|g| samverka_core::text::sort_key(&g.name));
    Ok(groups)
}
