//! The regions an actor may see or manage.

use samverka_core::Region;
use samverka_store::registry::regions;

use crate::{Ctx, Error, Result};

/// Every region the actor may read, by name.
pub async fn visible(ctx: &Ctx) -> Result<Vec<Region>> {
    let mut c = ctx.read().await?;
    Ok(regions::list(&mut c)
        .await?
        .into_iter()
        .filter(|r| ctx.actor.can_view_region(r.id))
        .collect())
}

/// A region the actor may read.
pub async fn viewable(ctx: &Ctx, id: i64) -> Result<Region> {
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, id).await?;
    Error::require(ctx.actor.can_view_region(region.id))?;
    Ok(region)
}

/// A region the actor manages.
pub async fn managed(ctx: &Ctx, id: i64) -> Result<Region> {
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, id).await?;
    Error::require(ctx.actor.can_manage_region(region.id))?;
    Ok(region)
}

/// A region by name or code, for the command line.
pub async fn find(ctx: &Ctx, name_or_code: &str) -> Result<Region> {
    let mut c = ctx.read().await?;
    let region = regions::find(&mut c, name_or_code).await?;
    Error::require(ctx.actor.can_view_region(region.id))?;
    Ok(region)
}
