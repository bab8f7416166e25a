//! Access (*tillgänglighet*): children aged 0–6 per centre in each
//! municipality, and importing the population numbers behind it.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;
use samverka_core::population::{LineError, PopulationLine, parse_population_csv};
use samverka_core::{AccessRow, Municipality, Region};
use samverka_store::registry::municipalities::{self, Numbers};
use samverka_store::registry::regions;

use crate::{Ctx, Error, Result};

/// The access table of a region for a year.
#[derive(Debug, Clone)]
pub struct AccessTable {
    /// The region.
    pub region: Region,
    /// The year shown.
    pub year: i64,
    /// Years with population numbers, newest first.
    pub years: Vec<i64>,
    /// Every municipality with its numbers.
    pub rows: Vec<(Municipality, AccessRow)>,
}

/// The year a table shows when none is asked for: the newest year with
/// population numbers, or this year when there are none. Pages and the API
/// both use it.
fn default_year(years: &[i64], today: chrono::NaiveDate) -> i64 {
    years.first().copied().unwrap_or_else(|| i64::from(today.year()))
}

fn check_year(year: i64) -> Result<i64> {
    if (1900..=2200).contains(&year) {
        Ok(year)
    } else {
        Err(Error::field("year", "invalid-choice"))
    }
}

/// A region's access table for a year (default: see [`default_year`]).
pub async fn table(ctx: &Ctx, region_id: i64, year: Option<i64>) -> Result<AccessTable> {
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, region_id).await?;
    Error::require(ctx.actor.can_view_region(region.id))?;
    let years = municipalities::population_years(&mut c, Some(region.id)).await?;
    let year = match year {
        Some(y) => check_year(y)?,
        None => default_year(&years, ctx.today),
    };
    let rows = municipalities::access(&mut c, Some(region.id), year).await?;
    Ok(AccessTable {
        region,
        year,
        years,
        rows,
    })
}

/// The access tables of every region the actor may read (or one), for a
/// year (default per region: see [`default_year`]).
pub async fn tables(ctx: &Ctx, region: Option<i64>, year: Option<i64>) -> Result<Vec<AccessTable>> {
    if let Some(y) = year {
        check_year(y)?;
    }
    let ids: Vec<i64> = {
        let mut c = ctx.read().await?;
        regions::list(&mut c)
            .await?
            .into_iter()
            .filter(|r| ctx.actor.can_view_region(r.id) && region.is_none_or(|id| id == r.id))
            .map(|r| r.id)
            .collect()
    };
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(table(ctx, id, year).await?);
    }
    Ok(out)
}

/// Finds each line's municipality (by four-digit code or by name) among the
/// known ones; every unknown or ambiguous one is reported.
fn resolve<'a>(
    lines: &'a [PopulationLine],
    known: &[Municipality],
) -> std::result::Result<Vec<(&'a PopulationLine, i64, i64)>, Vec<LineError>> {
    let mut resolved = Vec::with_capacity(lines.len());
    let mut errors = Vec::new();
    for l in lines {
        let key = l.municipality.trim().to_lowercase();
        let matches: Vec<&Municipality> = known
            .iter()
            .filter(|m| m.code == key || m.name.to_lowercase() == key)
            .collect();
        match matches.as_slice() {
            [m] => resolved.push((l, m.id, m.region_id)),
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
    if errors.is_empty() {
        Ok(resolved)
    } else {
        Err(errors)
    }
}

/// Imports population numbers from a CSV file into a region (any region for
/// `None`, which only the command line and administrators may use), in one
/// transaction: every line must be right and name a municipality of the
/// region, or nothing is imported and every problem is reported. Returns how
/// many lines were imported.
pub async fn import_population(
    ctx: &Ctx,
    region_id: Option<i64>,
    bytes: &[u8],
) -> Result<std::result::Result<usize, Vec<LineError>>> {
    match region_id {
        Some(r) => Error::require(ctx.actor.can_manage_region(r))?,
        None => Error::require(ctx.actor.is_admin())?,
    }
    let lines = match parse_population_csv(bytes) {
        Ok(lines) => lines,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut tx = ctx.write().await?;
    if let Some(r) = region_id {
        regions::get(&mut tx, r).await?;
    }
    let known = municipalities::list(&mut tx, region_id).await?;
    let resolved = match resolve(&lines, &known) {
        Ok(r) => r,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut by_region: BTreeMap<i64, Vec<Numbers>> = BTreeMap::new();
    for (l, municipality_id, region) in &resolved {
        by_region.entry(*region).or_default().push(Numbers {
            municipality_id: *municipality_id,
            year: l.year,
            total: l.total,
            children_0_6: l.children_0_6,
            invented: false,
        });
    }
    for (region, numbers) in &by_region {
        municipalities::set_population(&mut tx, &ctx.who, *region, numbers).await?;
    }
    ctx.commit(tx).await?;
    Ok(Ok(resolved.len()))
}

/// The municipalities of a region by id (for pages that name them).
pub async fn municipality_names(ctx: &Ctx, region_id: i64) -> Result<HashMap<i64, String>> {
    let mut c = ctx.read().await?;
    Error::require(ctx.actor.can_view_region(region_id))?;
    Ok(municipalities::list(&mut c, Some(region_id))
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_year_is_the_newest_with_numbers() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        assert_eq!(default_year(&[2024, 2023], today), 2024);
        assert_eq!(default_year(&[], today), 2026);
    }
}
