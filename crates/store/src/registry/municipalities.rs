//! Municipalities and their population numbers.

use std::collections::HashMap;

use samverka_core::{AccessRow, Municipality};

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, Tx, rows};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    region_id: i64,
    code: String,
    name: String,
}

impl From<Row> for Municipality {
    fn from(r: Row) -> Municipality {
        Municipality {
            id: r.id,
            region_id: r.region_id,
            code: r.code,
            name: r.name,
        }
    }
}

/// The municipalities of a region (all, for `None`), sorted the Swedish way.
pub async fn list(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Municipality>> {
    let region = rows::for_region(region_id, "region_id = $1");
    let rows: Vec<Row> = sqlx::query_as(crate::trusted(format!(
        "SELECT id, region_id, code, name FROM municipalities WHERE {region}"
    )))
    .bind(region_id)
    .fetch_all(c)
    .await?;
    let mut list: Vec<Municipality> = rows.into_iter().map(Municipality::from).collect();
    list.sort_by_cached_key(|m| samverka_core::text::sort_key(&m.name));
    Ok(list)
}

/// Creates a municipality.
pub async fn create(tx: &mut Tx, region_id: i64, code: &str, name: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO municipalities (region_id, code, name) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(region_id)
    .bind(code)
    .bind(name)
    .fetch_one(&mut **tx)
    .await?)
}

/// One year's numbers for one municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbers {
    /// The municipality.
    pub municipality_id: i64,
    /// The year.
    pub year: i64,
    /// Total population.
    pub total: i64,
    /// Children aged 0–6.
    pub children_0_6: i64,
    /// Made up (the demo's numbers for a year nobody counted), not official.
    pub invented: bool,
}

/// Sets population numbers, replacing earlier ones of the same municipality
/// and year (and whether they are invented), and records one audit entry per
/// region touched.
pub async fn set_population(tx: &mut Tx, who: &Who, region_id: i64, numbers: &[Numbers]) -> Result<()> {
    for n in numbers {
        sqlx::query(
            "INSERT INTO population (municipality_id, year, total, children_0_6, invented) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (municipality_id, year) DO UPDATE
             SET total = excluded.total, children_0_6 = excluded.children_0_6, invented = excluded.invented",
        )
        .bind(n.municipality_id)
        .bind(n.year)
        .bind(n.total)
        .bind(n.children_0_6)
        .bind(i64::from(n.invented))
        .execute(&mut **tx)
        .await?;
    }
    let years: std::collections::BTreeSet<i64> = numbers.iter().map(|n| n.year).collect();
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Import,
            AuditEntity::Population,
            None,
            Some(region_id),
        )
        .after(serde_json::json!({ "lines": numbers.len(), "years": years })),
    )
    .await
}

/// Years with population numbers in a region, newest first.
pub async fn population_years(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT p.year FROM population p JOIN municipalities m ON m.id = p.municipality_id
         WHERE ($1 IS NULL OR m.region_id = $1) ORDER BY p.year DESC",
    )
    .bind(region_id)
    .fetch_all(c)
    .await?)
}

/// The access table of a region for a year: every municipality with its
/// numbers (if imported) and the centres open at some point that year.
pub async fn access(
    c: &mut Conn,
    region_id: Option<i64>,
    year: i64,
) -> Result<Vec<(Municipality, AccessRow)>> {
    let munis = list(&mut *c, region_id).await?;
    let pop: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT p.municipality_id, p.total, p.children_0_6, p.invented FROM population p
         JOIN municipalities m ON m.id = p.municipality_id
         WHERE ($1 IS NULL OR m.region_id = $1) AND p.year = $2",
    )
    .bind(region_id)
    .bind(year)
    .fetch_all(&mut *c)
    .await?;
    let counts: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT municipality_id, CAST(COUNT(*) AS BIGINT) FROM centres
         WHERE ($1 IS NULL OR region_id = $1)
           AND (opened_on IS NULL OR opened_on <= $2) AND (closed_on IS NULL OR closed_on >= $3)
         GROUP BY municipality_id",
    )
    .bind(region_id)
    .bind(format!("{year:04}-12-31"))
    .bind(format!("{year:04}-01-01"))
    .fetch_all(&mut *c)
    .await?;
    let numbers: HashMap<i64, (i64, i64, bool)> = pop
        .into_iter()
        .map(|(m, t, ch, invented)| (m, (t, ch, invented != 0)))
        .collect();
    let centres: HashMap<i64, i64> = counts.into_iter().collect();
    Ok(munis
        .into_iter()
        .map(|m| {
            let n = numbers.get(&m.id);
            let row = AccessRow {
                municipality_id: m.id,
                name: m.name.clone(),
                population: n.map(|x| x.0),
                children_0_6: n.map(|x| x.1),
                invented: n.is_some_and(|x| x.2),
                centres: centres.get(&m.id).copied().unwrap_or(0),
            };
            (m, row)
        })
        .collect())
}
