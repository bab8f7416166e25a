//! A centre's units (*verksamheter*): adding, changing and closing them. A
//! unit works in premises of its own centre, chosen from the centre's list
//! or described in the same form and created with it.

use samverka_core::centre::{UnitDraft, UnitInput, validate_closing};
use samverka_core::{Centre, Premises, Region, Unit};
use samverka_store::registry::{centres, premises, regions};
use samverka_store::{Conn, Tx};

use crate::{Ctx, Error, Result};

/// An open centre whose units (and premises) the actor may change.
pub(crate) async fn editable_centre(ctx: &Ctx, c: &mut Conn, id: i64) -> Result<Centre> {
    let centre = centres::get(c, id).await?;
    Error::require(ctx.actor.can_edit_centre(centre.region_id, centre.id))?;
    if centre.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    Ok(centre)
}

/// A centre the actor may add units to, with its region and the premises
/// a unit may choose from.
pub async fn centre_for_units(ctx: &Ctx, centre_id: i64) -> Result<(Centre, Region, Vec<Premises>)> {
    let mut c = ctx.read().await?;
    let centre = editable_centre(ctx, &mut c, centre_id).await?;
    let region = regions::get(&mut c, centre.region_id).await?;
    let list = premises::of_centre(&mut c, centre.id).await?;
    Ok((centre, region, list))
}

/// Validates a unit of `centre` against the centre's premises, read in the
/// write transaction, and creates the new premises the form asked for.
async fn checked(ctx: &Ctx, tx: &mut Tx, centre: &Centre, draft: &UnitDraft) -> Result<UnitInput> {
    let existing = premises::of_centre(tx, centre.id).await?;
    let (mut input, new) = draft.validate(centre.id, &existing)?;
    if let Some(p) = new {
        input.premises_id = Some(premises::create(tx, &ctx.who, centre, &p).await?);
    }
    Ok(input)
}

/// Adds a unit to a centre, in premises of that centre: chosen, or new
/// ones created in the same transaction.
pub async fn create(ctx: &Ctx, centre_id: i64, draft: &UnitDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let centre = editable_centre(ctx, &mut tx, centre_id).await?;
    let input = checked(ctx, &mut tx, &centre, draft).await?;
    let id = centres::create_unit(&mut tx, &ctx.who, &centre, &input).await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// A unit the actor may change, with its centre, region and the premises it
/// may choose from.
pub async fn editable(ctx: &Ctx, unit_id: i64) -> Result<(Unit, Centre, Region, Vec<Premises>)> {
    let mut c = ctx.read().await?;
    let unit = centres::get_unit(&mut c, unit_id).await?;
    let centre = editable_centre(ctx, &mut c, unit.centre_id).await?;
    let region = regions::get(&mut c, centre.region_id).await?;
    let list = premises::of_centre(&mut c, centre.id).await?;
    Ok((unit, centre, region, list))
}

/// Changes a unit (moving it to other premises of its centre, or to new
/// ones created in the same transaction); returns its centre's id.
pub async fn update(ctx: &Ctx, unit_id: i64, draft: &UnitDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let before = centres::get_unit(&mut tx, unit_id).await?;
    let centre = editable_centre(ctx, &mut tx, before.centre_id).await?;
    let input = checked(ctx, &mut tx, &centre, draft).await?;
    centres::update_unit(&mut tx, &ctx.who, centre.region_id, &before, &input).await?;
    ctx.commit(tx).await?;
    Ok(centre.id)
}

/// An open unit the actor may close, with its centre and region.
pub async fn closable(ctx: &Ctx, unit_id: i64) -> Result<(Unit, Centre, Region)> {
    let (unit, centre, region, _) = editable(ctx, unit_id).await?;
    if unit.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    Ok((unit, centre, region))
}

/// Ends a unit's part in its centre from a date; returns the centre's id.
pub async fn close(ctx: &Ctx, unit_id: i64, closed_on: &str) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let before = centres::get_unit(&mut tx, unit_id).await?;
    let centre = editable_centre(ctx, &mut tx, before.centre_id).await?;
    if before.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    let on = validate_closing(None, closed_on)?;
    centres::close_unit(&mut tx, &ctx.who, centre.region_id, &before, on).await?;
    ctx.commit(tx).await?;
    Ok(centre.id)
}

/// A closed unit of an open centre the actor may reopen, with its centre and region.
pub async fn reopenable(ctx: &Ctx, unit_id: i64) -> Result<(Unit, Centre, Region)> {
    let mut c = ctx.read().await?;
    let unit = centres::get_unit(&mut c, unit_id).await?;
    let centre = centres::get(&mut c, unit.centre_id).await?;
    Error::require(ctx.actor.can_manage_region(centre.region_id))?;
    if centre.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    if unit.closed_on.is_none() {
        return Err(Error::Conflict("not-closed"));
    }
    let region = regions::get(&mut c, centre.region_id).await?;
    Ok((unit, centre, region))
}

/// Reopens a closed unit of an open centre (county coordinators and admins
/// of its region), with an audit entry; returns the centre's id. 409
/// `not-closed` when the unit is open, `closed` when its centre is closed.
pub async fn reopen(ctx: &Ctx, unit_id: i64) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let before = centres::get_unit(&mut tx, unit_id).await?;
    let centre = centres::get(&mut tx, before.centre_id).await?;
    Error::require(ctx.actor.can_manage_region(centre.region_id))?;
    if centre.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    if before.closed_on.is_none() {
        return Err(Error::Conflict("not-closed"));
    }
    centres::reopen_unit(&mut tx, &ctx.who, centre.region_id, &before).await?;
    ctx.commit(tx).await?;
    Ok(centre.id)
}
