//! Decision logs (*beslutslogg*): every decision of a region, of one group,
//! or concerning one centre.

use std::collections::HashMap;

use chrono::Datelike;
use samverka_core::Region;
use samverka_core::governance::{Decision, DecisionCategory};
use samverka_store::Conn;
use samverka_store::governance::{decisions, groups};
use samverka_store::registry::{centres, regions};

use super::groups::viewable_in;
use super::viewable_region;
use crate::{Ctx, Error, Result};

/// A decision log.
#[derive(Debug, Clone)]
pub struct DecisionLog {
    /// The region.
    pub region: Region,
    /// The decisions, newest first.
    pub decisions: Vec<Decision>,
    /// Centre id → name.
    pub centres: HashMap<i64, String>,
    /// Group id → name.
    pub groups: HashMap<i64, String>,
    /// The actor may read the whole region (for the page's tabs).
    pub in_region: bool,
}

async fn log(
    ctx: &Ctx,
    c: &mut Conn,
    region: Region,
    keep: impl Fn(&Decision) -> bool,
) -> Result<DecisionLog> {
    let list = decisions::list(c, Some(region.id))
        .await?
        .into_iter()
        .filter(|d| keep(d))
        .collect();
    let centres = centres::list(c, Some(region.id))
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let groups = groups::list(c, Some(region.id))
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    Ok(DecisionLog {
        in_region: ctx.actor.can_view_region(region.id),
        region,
        decisions: list,
        centres,
        groups,
    })
}

/// Every decision of a region the actor may read.
pub async fn of_region(ctx: &Ctx, region_id: i64) -> Result<DecisionLog> {
    let mut c = ctx.read().await?;
    let region = viewable_region(ctx, &mut c, region_id).await?;
    log(ctx, &mut c, region, |_| true).await
}

/// The decisions of a group the actor may read, with the group's name.
pub async fn of_group(ctx: &Ctx, group_id: i64) -> Result<(String, DecisionLog)> {
    let mut c = ctx.read().await?;
    let (group, region) = viewable_in(ctx, &mut c, group_id).await?;
    let l = log(ctx, &mut c, region, |d| d.group_id == group.id).await?;
    Ok((group.name, l))
}

/// The decisions concerning a centre: for those who may read its region and
/// the members of a group that governs it. With the centre's name.
pub async fn of_centre(ctx: &Ctx, centre_id: i64) -> Result<(String, DecisionLog)> {
    let mut c = ctx.read().await?;
    let centre = centres::get(&mut c, centre_id).await?;
    let governs = ctx
        .actor
        .seats
        .iter()
        .any(|s| s.region_id == centre.region_id && s.centre_ids.contains(&centre.id));
    Error::require(ctx.actor.can_view_region(centre.region_id) || governs)?;
    let region = regions::get(&mut c, centre.region_id).await?;
    let l = log(ctx, &mut c, region, |d| d.centre_ids.contains(&centre.id)).await?;
    Ok((centre.name, l))
}

/// Decisions in the regions the actor may read whole, by year and category.
pub async fn list(
    ctx: &Ctx,
    region: Option<i64>,
    year: Option<i32>,
    category: Option<DecisionCategory>,
) -> Result<Vec<Decision>> {
    let regions = super::reach::whole_regions(ctx, region).await?;
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for r in regions {
        out.extend(
            decisions::list(&mut c, Some(r.id))
                .await?
                .into_iter()
                .filter(|d| year.is_none_or(|y| d.decided_on.year() == y))
                .filter(|d| category.is_none_or(|k| d.category == k)),
        );
    }
    Ok(out)
}
