//! A centre's premises (*lokaler*): adding and changing them. Whoever may
//! change a centre may change its premises.

use samverka_core::premises::PremisesDraft;
use samverka_core::{Centre, Premises, Region};
use samverka_store::registry::{premises, regions};

use super::units::editable_centre;
use crate::{Ctx, Result};

/// A centre the actor may add premises to, with its region and the
/// premises it has: whoever may add units may add premises.
pub async fn centre_for_premises(ctx: &Ctx, centre_id: i64) -> Result<(Centre, Region, Vec<Premises>)> {
    super::units::centre_for_units(ctx, centre_id).await
}

/// Adds premises to a centre; a name the centre has already is refused.
pub async fn create(ctx: &Ctx, centre_id: i64, draft: &PremisesDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let centre = editable_centre(ctx, &mut tx, centre_id).await?;
    let existing = premises::of_centre(&mut tx, centre.id).await?;
    let input = draft.validate(centre.id, &existing, None)?;
    let id = premises::create(&mut tx, &ctx.who, &centre, &input).await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// Premises the actor may change, with their centre and region.
pub async fn editable(ctx: &Ctx, id: i64) -> Result<(Premises, Centre, Region)> {
    let mut c = ctx.read().await?;
    let place = premises::get(&mut c, id).await?;
    let centre = editable_centre(ctx, &mut c, place.centre_id).await?;
    let region = regions::get(&mut c, centre.region_id).await?;
    Ok((place, centre, region))
}

/// Changes premises (and so the place of every unit in them); returns
/// their centre's id.
pub async fn update(ctx: &Ctx, id: i64, draft: &PremisesDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let before = premises::get(&mut tx, id).await?;
    let centre = editable_centre(ctx, &mut tx, before.centre_id).await?;
    let existing = premises::of_centre(&mut tx, centre.id).await?;
    let input = draft.validate(centre.id, &existing, Some(before.id))?;
    premises::update(&mut tx, &ctx.who, centre.region_id, &before, &input).await?;
    ctx.commit(tx).await?;
    Ok(centre.id)
}
