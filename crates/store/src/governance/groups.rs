//! Governing groups and which centres each governs.

use std::collections::HashMap;

use samverka_core::governance::{Group, GroupInput, GroupKind};

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, Tx, codec, now, rows};

const COLUMNS: &str =
    "id, region_id, kind, name, municipality_id, reports_to, health_forum, starts_on, closed_on";

#[derive(sqlx::FromRow, serde::Deserialize)]
struct Row {
    id: i64,
    region_id: i64,
    kind: String,
    name: String,
    municipality_id: Option<i64>,
    reports_to: Option<i64>,
    health_forum: i64,
    starts_on: Option<String>,
    closed_on: Option<String>,
}

impl Row {
    fn into_group(self, centre_ids: Vec<i64>) -> Result<Group> {
        Ok(Group {
            id: self.id,
            region_id: self.region_id,
            kind: codec::code("groups.kind", &self.kind)?,
            name: self.name,
            municipality_id: self.municipality_id,
            reports_to: self.reports_to,
            health_forum: codec::flag("groups.health_forum", self.health_forum)?,
            starts_on: codec::opt_date("groups.starts_on", self.starts_on.as_deref())?,
            closed_on: codec::opt_date("groups.closed_on", self.closed_on.as_deref())?,
            centre_ids,
        })
    }
}

async fn set_centres(tx: &mut Tx, region_id: i64, group_id: i64, centre_ids: &[i64]) -> Result<()> {
    sqlx::query("DELETE FROM group_centres WHERE group_id = $1")
        .bind(group_id)
        .execute(&mut **tx)
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
        sqlx::query("INSERT INTO group_centres (group_id, centre_id) VALUES ($1, $2)")
            .bind(group_id)
            .bind(c)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn check_reports_to(tx: &mut Tx, region_id: i64, reports_to: Option<i64>) -> Result<()> {
    if let Some(up) = reports_to {
        rows::in_region(
            tx,
            "SELECT region_id FROM groups WHERE id = $1",
            up,
            region_id,
            "reports_to",
        )
        .await?;
    }
    Ok(())
}

/// Creates a group.
pub async fn create(tx: &mut Tx, who: &Who, region_id: i64, g: &GroupInput) -> Result<i64> {
    check_reports_to(tx, region_id, g.reports_to).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO groups (region_id, kind, name, municipality_id, reports_to, health_forum, starts_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(region_id)
    .bind(g.kind.code())
    .bind(&g.name)
    .bind(g.municipality_id)
    .bind(g.reports_to)
    .bind(codec::flag_value(g.health_forum))
    .bind(codec::opt_date_text(g.starts_on))
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    set_centres(tx, region_id, id, &g.centre_ids).await?;
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Create, AuditEntity::Group, Some(id), Some(region_id)).after(g),
    )
    .await?;
    Ok(id)
}

/// Changes a group and the centres it governs.
pub async fn update(tx: &mut Tx, who: &Who, before: &Group, g: &GroupInput) -> Result<()> {
    check_reports_to(tx, before.region_id, g.reports_to).await?;
    sqlx::query(
        "UPDATE groups SET kind = $1, name = $2, municipality_id = $3, reports_to = $4, health_forum = $5,
                starts_on = $6 WHERE id = $7",
    )
    .bind(g.kind.code())
    .bind(&g.name)
    .bind(g.municipality_id)
    .bind(g.reports_to)
    .bind(codec::flag_value(g.health_forum))
    .bind(codec::opt_date_text(g.starts_on))
    .bind(before.id)
    .execute(&mut **tx)
    .await?;
    set_centres(tx, before.region_id, before.id, &g.centre_ids).await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Update,
            AuditEntity::Group,
            Some(before.id),
            Some(before.region_id),
        )
        .before(before)
        .after(g),
    )
    .await
}

/// One group with its centres.
pub async fn get(c: &mut Conn, id: i64) -> Result<Group> {
    let sql = format!("SELECT {COLUMNS} FROM groups WHERE id = $1");
    let row: Row = rows::row(c, crate::trusted(sql), id).await?;
    let centre_ids: Vec<i64> =
        sqlx::query_scalar("SELECT centre_id FROM group_centres WHERE group_id = $1 ORDER BY centre_id")
            .bind(id)
            .fetch_all(&mut *c)
            .await?;
    row.into_group(centre_ids)
}

/// Every group of a region (every region for `None`) with its centres, by name.
pub async fn list(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Group>> {
    let region = rows::for_region(region_id, "region_id = $1");
    // A region has hundreds of groups and links: each read is one JSON value.
    let inner = format!("SELECT {COLUMNS} FROM groups WHERE {region}");
    let group_rows: Vec<Row> = rows::json_for(c, "groups", &inner, COLUMNS, "id", region_id).await?;
    let inner = format!(
        "SELECT gc.group_id, gc.centre_id FROM group_centres gc
          WHERE gc.group_id IN (SELECT id FROM groups WHERE {region})"
    );
    let links: Vec<Link> = rows::json_for(
        c,
        "group_centres",
        &inner,
        "group_id, centre_id",
        "centre_id",
        region_id,
    )
    .await?;
    with_centres(
        group_rows,
        links.into_iter().map(|l| (l.group_id, l.centre_id)).collect(),
    )
}

/// A group's link to a centre it governs.
#[derive(serde::Deserialize)]
struct Link {
    group_id: i64,
    centre_id: i64,
}

/// The groups that may govern one centre: those it belongs to, the groups
/// they report to, the steering groups of its municipality, and the
/// preparation groups working for any of them. For this centre,
/// [`samverka_core::governance::chains`] finds the same chain in these as in
/// all of its region's groups.
pub async fn around_centre(c: &mut Conn, centre_id: i64, municipality_id: i64) -> Result<Vec<Group>> {
    let near = format!(
        "WITH direct AS (SELECT group_id AS id FROM group_centres WHERE centre_id = $1),
              top AS (SELECT id FROM direct
                      UNION SELECT reports_to FROM groups WHERE id IN (SELECT id FROM direct) AND reports_to IS NOT NULL
                      UNION SELECT id FROM groups WHERE kind = '{steering}' AND municipality_id = $2),
              near AS (SELECT id FROM top
                       UNION SELECT id FROM groups WHERE kind = '{preparation}' AND reports_to IN (SELECT id FROM top))",
        steering = GroupKind::Steering.code(),
        preparation = GroupKind::Preparation.code(),
    );
    let rows: Vec<Row> = sqlx::query_as(crate::trusted(format!(
        "{near} SELECT {COLUMNS} FROM groups WHERE id IN (SELECT id FROM near) ORDER BY id"
    )))
    .bind(centre_id)
    .bind(municipality_id)
    .fetch_all(&mut *c)
    .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as(crate::trusted(format!(
        "{near} SELECT group_id, centre_id FROM group_centres WHERE group_id IN (SELECT id FROM near) ORDER BY centre_id"
    )))
    .bind(centre_id)
    .bind(municipality_id)
    .fetch_all(&mut *c)
    .await?;
    with_centres(rows, links)
}

/// Groups with the centres linked to them, by name.
fn with_centres(rows: Vec<Row>, links: Vec<(i64, i64)>) -> Result<Vec<Group>> {
    let mut by_group: HashMap<i64, Vec<i64>> = HashMap::new();
    for (g, centre) in links {
        by_group.entry(g).or_default().push(centre);
    }
    let mut groups: Vec<Group> = rows
        .into_iter()
        .map(|r| {
            let centres = by_group.remove(&r.id).unwrap_or_default();
            r.into_group(centres)
        })
        .collect::<Result<_>>()?;
    groups.sort_by_cached_key(|g| samverka_core::text::sort_key(&g.name));
    Ok(groups)
}
