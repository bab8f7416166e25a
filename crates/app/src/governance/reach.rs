//! What an actor may read of a region's governance records: the whole
//! region (a grant in it), or only the groups they sit in. The API lists
//! through this, so that lists and pages answer alike.

use std::collections::HashSet;

use samverka_core::Region;
use samverka_store::registry::regions;

use crate::{Ctx, Result};

/// What the actor may read in one region.
#[derive(Debug, Clone)]
pub struct Reach {
    /// The region.
    pub region: Region,
    /// The whole region.
    pub whole: bool,
    /// Otherwise: the groups the actor sits in.
    pub groups: HashSet<i64>,
}

impl Reach {
    /// Whether a group's records are within reach.
    pub fn group(&self, id: i64) -> bool {
        self.whole || self.groups.contains(&id)
    }
}

/// The regions the actor may read at all, whole or through seats (one, or every one).
pub async fn regions(ctx: &Ctx, only: Option<i64>) -> Result<Vec<Reach>> {
    let mut c = ctx.read().await?;
    Ok(regions::list(&mut c)
        .await?
        .into_iter()
        .filter(|r| only.is_none_or(|id| id == r.id))
        .filter_map(|region| {
            let whole = ctx.actor.can_view_region(region.id);
            let groups: HashSet<i64> = ctx
                .actor
                .seats
                .iter()
                .filter(|s| s.region_id == region.id)
                .map(|s| s.group_id)
                .collect();
            (whole || !groups.is_empty()).then_some(Reach {
                region,
                whole,
                groups,
            })
        })
        .collect())
}

/// The regions the actor may read whole.
pub async fn whole_regions(ctx: &Ctx, only: Option<i64>) -> Result<Vec<Region>> {
    Ok(regions(ctx, only)
        .await?
        .into_iter()
        .filter(|r| r.whole)
        .map(|r| r.region)
        .collect())
}
