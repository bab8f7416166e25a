//! A region's settings: its classification rules and its governance numbers.

use samverka_core::Region;
use samverka_core::classification::RulesDraft;
use samverka_core::governance::settings::GovernanceDraft;
use samverka_store::registry::regions;

use crate::{Ctx, Error, Result};

async fn managed_in(ctx: &Ctx, tx: &mut samverka_store::Tx, id: i64) -> Result<Region> {
    let region = regions::get(tx, id).await?;
    Error::require(ctx.actor.can_manage_region(region.id))?;
    Ok(region)
}

/// Changes a region's classification rules (county coordinators and admins);
/// its centres are classified by them from then on.
pub async fn update_rules(ctx: &Ctx, region_id: i64, draft: &RulesDraft) -> Result<()> {
    let mut tx = ctx.write().await?;
    let region = managed_in(ctx, &mut tx, region_id).await?;
    let rules = draft.validate()?;
    regions::update_rules(&mut tx, &ctx.who, region.id, &rules).await?;
    ctx.commit(tx).await
}

/// Changes a region's governance numbers (county coordinators and admins);
/// every signal is measured against them from then on.
pub async fn update_governance(ctx: &Ctx, region_id: i64, draft: &GovernanceDraft) -> Result<()> {
    let mut tx = ctx.write().await?;
    let region = managed_in(ctx, &mut tx, region_id).await?;
    let g = draft.validate()?;
    regions::update_governance(&mut tx, &ctx.who, region.id, &g).await?;
    ctx.commit(tx).await
}

/// Changes the smallest number of answers the region's survey results show
/// (those who manage the region); 5 at the least.
pub async fn update_survey_threshold(ctx: &Ctx, region_id: i64, value: &str) -> Result<()> {
    let mut tx = ctx.write().await?;
    let region = managed_in(ctx, &mut tx, region_id).await?;
    let n = samverka_core::region::validate_survey_threshold(value)?;
    regions::update_survey_min_answers(&mut tx, &ctx.who, region.id, n).await?;
    ctx.commit(tx).await
}
