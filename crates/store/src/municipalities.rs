//! Municipalities and their population numbers.

use samverka_core::AccessRow;
use samverka_core::population::{LineError, PopulationLine};
use serde::Serialize;
use sqlx::Row;

use crate::audit::{self, Change, Who};
use crate::{Db, Result, Tx};

/// A municipality (*kommun*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Municipality {
    /// Id.
    pub id: i64,
    /// The region it lies in.
    pub region_id: i64,
    /// Official four-digit code (SCB), e.g. "0380".
    pub code: String,
    /// Name, e.g. "Uppsala".
    pub name: String,
}

/// The municipalities of a region (all, for `None`), sorted the Swedish way.
pub async fn list(db: &Db, region_id: Option<i64>) -> Result<Vec<Municipality>> {
    let rows = sqlx::query(
        "SELECT id, region_id, code, name FROM municipalities WHERE ($1 IS NULL OR region_id = $1)",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let mut list: Vec<Municipality> = rows
        .iter()
        .map(|r| {
            Ok(Municipality {
                id: r.try_get("id")?,
                region_id: r.try_get("region_id")?,
                code: r.try_get("code")?,
                name: r.try_get("name")?,
            })
        })
        .collect::<Result<_>>()?;
    list.sort_by_key(|m| samverka_core::text::sort_key(&m.name));
    Ok(list)
}

/// Creates a municipality inside a transaction.
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

/// Sets one year's numbers for a municipality, replacing earlier ones.
pub async fn set_population(
    tx: &mut Tx,
    municipality_id: i64,
    year: i64,
    total: i64,
    children: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO population (municipality_id, year, total, children_0_6) VALUES ($1, $2, $3, $4)
         ON CONFLICT (municipality_id, year) DO UPDATE SET total = excluded.total, children_0_6 = excluded.children_0_6",
    )
    .bind(municipality_id)
    .bind(year)
    .bind(total)
    .bind(children)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Imports population lines in one transaction: every line must name a
/// municipality (by code or name) of the region (any region, for `None`),
/// or nothing is imported and every unknown one is reported.
pub async fn import_population(
    db: &Db,
    who: &Who,
    region_id: Option<i64>,
    lines: &[PopulationLine],
) -> Result<Result<usize, Vec<LineError>>> {
    let known = list(db, region_id).await?;
    let mut resolved = Vec::with_capacity(lines.len());
    let mut errors = Vec::new();
    for l in lines {
        let key = l.municipality.trim().to_lowercase();
        let matches: Vec<&Municipality> = known
            .iter()
            .filter(|m| m.code == key || m.name.to_lowercase() == key)
            .collect();
        match matches.as_slice() {
            [m] => resolved.push((*m, l)),
            [] => errors.push(LineError {
                line: l.line,
                column: Some("municipality"),
                code: "unknown-municipality",
                value: l.municipality.clone(),
            }),
            _ => errors.push(LineError {
                line: l.line,
                column: Some("municipality"),
                code: "ambiguous-municipality",
                value: l.municipality.clone(),
            }),
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut tx = db.begin().await?;
    let mut regions: Vec<i64> = resolved.iter().map(|(m, _)| m.region_id).collect();
    regions.sort_unstable();
    regions.dedup();
    for (m, l) in &resolved {
        set_population(&mut tx, m.id, l.year, l.total, l.children_0_6).await?;
    }
    for region in regions {
        let count = resolved.iter().filter(|(m, _)| m.region_id == region).count();
        audit::record(
            &mut tx,
            who,
            Change {
                action: "import",
                entity: "population",
                entity_id: None,
                region_id: Some(region),
                before: None,
                after: Some(serde_json::json!({
                    "lines": count,
                    "years": resolved.iter().filter(|(m, _)| m.region_id == region).map(|(_, l)| l.year).collect::<std::collections::BTreeSet<_>>(),
                })),
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Ok(resolved.len()))
}

/// Years with population numbers in a region, newest first.
pub async fn population_years(db: &Db, region_id: Option<i64>) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT p.year FROM population p JOIN municipalities m ON m.id = p.municipality_id
         WHERE ($1 IS NULL OR m.region_id = $1) ORDER BY p.year DESC",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?)
}

/// The access table of a region for a year: every municipality with its
/// numbers (if imported) and the centres open at some point that year.
pub async fn access(db: &Db, region_id: Option<i64>, year: i64) -> Result<Vec<AccessRow>> {
    let munis = list(db, region_id).await?;
    let pop = sqlx::query(
        "SELECT p.municipality_id, p.total, p.children_0_6 FROM population p
         JOIN municipalities m ON m.id = p.municipality_id
         WHERE ($1 IS NULL OR m.region_id = $1) AND p.year = $2",
    )
    .bind(region_id)
    .bind(year)
    .fetch_all(db.pool())
    .await?;
    let counts = sqlx::query(
        "SELECT municipality_id, COUNT(*) AS n FROM centres
         WHERE ($1 IS NULL OR region_id = $1)
           AND (opened_on IS NULL OR opened_on <= $2) AND (closed_on IS NULL OR closed_on >= $3)
         GROUP BY municipality_id",
    )
    .bind(region_id)
    .bind(format!("{year:04}-12-31"))
    .bind(format!("{year:04}-01-01"))
    .fetch_all(db.pool())
    .await?;
    let mut numbers = std::collections::HashMap::new();
    for r in &pop {
        numbers.insert(
            r.try_get::<i64, _>(0)?,
            (r.try_get::<i64, _>(1)?, r.try_get::<i64, _>(2)?),
        );
    }
    let mut centres = std::collections::HashMap::new();
    for r in &counts {
        centres.insert(r.try_get::<i64, _>(0)?, r.try_get::<i64, _>(1)?);
    }
    Ok(munis
        .into_iter()
        .map(|m| {
            let n = numbers.get(&m.id);
            AccessRow {
                municipality_id: m.id,
                name: m.name,
                population: n.map(|x| x.0),
                children_0_6: n.map(|x| x.1),
                centres: centres.get(&m.id).copied().unwrap_or(0),
            }
        })
        .collect())
}
