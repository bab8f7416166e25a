//! Surveys and their versions: importing a definition document (as a new
//! draft or published version), exporting one, publishing a draft, and the
//! built-in surveys every region is offered.

use samverka_core::surveys::builtin;
use samverka_core::surveys::definition::Definition;
use samverka_store::surveys::instruments;
pub use samverka_store::surveys::instruments::{Instrument, InstrumentVersion};

use super::definition_refused;
use crate::{Ctx, Error, Result};

/// A survey with its versions, oldest first.
#[derive(Debug, Clone)]
pub struct InstrumentView {
    /// The survey.
    pub instrument: Instrument,
    /// Its versions.
    pub versions: Vec<InstrumentVersion>,
}

/// Whether the actor may read a survey: a region's by those who read the
/// region; a built-in one by anyone with a grant.
pub(crate) fn may_read(ctx: &Ctx, instrument: &Instrument) -> bool {
    match instrument.region_id {
        Some(region) => ctx.actor.can_view_region(region),
        None => may_read_builtin(ctx),
    }
}

/// Whether the actor may read the built-in surveys: anyone with a grant.
fn may_read_builtin(ctx: &Ctx) -> bool {
    ctx.actor.is_admin() || !ctx.actor.grants.is_empty()
}

/// Whether the actor may change a survey: a region's by those who manage
/// the region; a built-in one by administrators.
pub(crate) fn may_change(ctx: &Ctx, instrument: &Instrument) -> bool {
    match instrument.region_id {
        Some(region) => ctx.actor.can_manage_region(region),
        None => ctx.actor.is_admin(),
    }
}

/// The surveys a region may use (its own and the built-in ones), with
/// their versions.
pub async fn list(ctx: &Ctx, region_id: i64) -> Result<Vec<InstrumentView>> {
    Error::require(ctx.actor.can_view_region(region_id))?;
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for instrument in instruments::list(&mut c, Some(region_id)).await? {
        let versions = instruments::versions(&mut c, instrument.id).await?;
        out.push(InstrumentView { instrument, versions });
    }
    Ok(out)
}

/// The surveys offered in the regions the actor reads (one region, or
/// every one), each once: the built-in ones first, then each region's own.
/// Asking for a region the actor may not read is refused.
pub async fn list_reachable(ctx: &Ctx, region: Option<i64>) -> Result<Vec<InstrumentView>> {
    if let Some(r) = region {
        return list(ctx, r).await;
    }
    let regions = crate::governance::reach::whole_regions(ctx, None).await?;
    let mut c = ctx.read().await?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut offered = Vec::new();
    if regions.is_empty() && may_read_builtin(ctx) {
        offered = instruments::list(&mut c, None).await?;
    }
    for r in &regions {
        offered.extend(instruments::list(&mut c, Some(r.id)).await?);
    }
    offered.sort_by(|a, b| (a.region_id, &a.key, a.id).cmp(&(b.region_id, &b.key, b.id)));
    for instrument in offered {
        if seen.insert(instrument.id) {
            let versions = instruments::versions(&mut c, instrument.id).await?;
            out.push(InstrumentView { instrument, versions });
        }
    }
    Ok(out)
}

/// One survey with its versions (those who may read it).
pub async fn get(ctx: &Ctx, instrument_id: i64) -> Result<InstrumentView> {
    let mut c = ctx.read().await?;
    let instrument = instruments::get(&mut c, instrument_id).await?;
    Error::require(may_read(ctx, &instrument))?;
    let versions = instruments::versions(&mut c, instrument.id).await?;
    Ok(InstrumentView { instrument, versions })
}

/// Adds the next version of a survey from a definition document (those
/// who may change it): a draft, or published today. A document with
/// errors is refused with each error at its path, and nothing is stored.
/// Returns the version's id.
pub async fn add_version(ctx: &Ctx, instrument_id: i64, document: &str, publish: bool) -> Result<i64> {
    let definition = Definition::from_json(document).map_err(definition_refused)?;
    let mut tx = ctx.write().await?;
    let instrument = instruments::get(&mut tx, instrument_id).await?;
    Error::require(may_change(ctx, &instrument))?;
    let id = instruments::add_version(
        &mut tx,
        &ctx.who,
        &instrument,
        &definition,
        publish.then_some(ctx.today),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// One version with its survey.
pub async fn version(ctx: &Ctx, version_id: i64) -> Result<(Instrument, InstrumentVersion)> {
    let mut c = ctx.read().await?;
    let version = instruments::get_version(&mut c, version_id).await?;
    let instrument = instruments::get(&mut c, version.instrument_id).await?;
    Error::require(may_read(ctx, &instrument))?;
    Ok((instrument, version))
}

/// Reads a definition document (JSON) and stores it as the next version of
/// the region's survey with the document's key, made if the region has
/// none: a draft, or published today. A document with errors is refused
/// with each error at its path, and nothing is stored. Returns the
/// survey's and the version's ids.
pub async fn import(ctx: &Ctx, region_id: i64, document: &str, publish: bool) -> Result<(i64, i64)> {
    Error::require(ctx.actor.can_manage_region(region_id))?;
    let definition = Definition::from_json(document).map_err(definition_refused)?;
    let mut tx = ctx.write().await?;
    let existing = instruments::list(&mut tx, Some(region_id))
        .await?
        .into_iter()
        .find(|i| i.region_id == Some(region_id) && i.key == definition.key);
    let instrument = match existing {
        Some(i) => i,
        None => {
            let id = instruments::create(&mut tx, &ctx.who, Some(region_id), &definition.key).await?;
            instruments::get(&mut tx, id).await?
        }
    };
    let version_id = instruments::add_version(
        &mut tx,
        &ctx.who,
        &instrument,
        &definition,
        publish.then_some(ctx.today),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok((instrument.id, version_id))
}

/// A version's definition as the JSON document counties share.
pub async fn export(ctx: &Ctx, version_id: i64) -> Result<String> {
    let (_, version) = self::version(ctx, version_id).await?;
    serde_json::to_string_pretty(&version.definition).map_err(|_| Error::Internal)
}

/// Replaces a draft's definition; a published version never changes (409
/// `already-published`).
pub async fn update_draft(ctx: &Ctx, version_id: i64, document: &str) -> Result<()> {
    let definition = Definition::from_json(document).map_err(definition_refused)?;
    let mut tx = ctx.write().await?;
    let version = instruments::get_version(&mut tx, version_id).await?;
    let instrument = instruments::get(&mut tx, version.instrument_id).await?;
    Error::require(may_change(ctx, &instrument))?;
    instruments::update_draft(&mut tx, &ctx.who, &instrument, version_id, &definition).await?;
    ctx.commit(tx).await
}

/// Publishes a draft today; from then on it never changes (409
/// `already-published` the second time).
pub async fn publish(ctx: &Ctx, version_id: i64) -> Result<()> {
    let mut tx = ctx.write().await?;
    let version = instruments::get_version(&mut tx, version_id).await?;
    let instrument = instruments::get(&mut tx, version.instrument_id).await?;
    Error::require(may_change(ctx, &instrument))?;
    instruments::publish(&mut tx, &ctx.who, &instrument, version_id, ctx.today).await?;
    ctx.commit(tx).await
}

/// Makes sure every built-in survey is offered, as published in its
/// newest wording: a survey missing gets made, and one whose newest version
/// differs from samverka's own gets a new version (administrators and the
/// command line). Returns how many versions were added.
pub async fn install_builtin(ctx: &Ctx) -> Result<usize> {
    Error::require(ctx.actor.is_admin())?;
    let mut tx = ctx.write().await?;
    let mut added = 0;
    let offered: Vec<Instrument> = instruments::list(&mut tx, None).await?;
    for (key, definition) in builtin::all() {
        let instrument = match offered.iter().find(|i| i.key == key) {
            Some(i) => i.clone(),
            None => {
                let id = instruments::create(&mut tx, &ctx.who, None, key).await?;
                instruments::get(&mut tx, id).await?
            }
        };
        let newest = instruments::versions(&mut tx, instrument.id).await?.pop();
        if newest.is_some_and(|v| v.definition == definition && v.is_published()) {
            continue;
        }
        instruments::add_version(&mut tx, &ctx.who, &instrument, &definition, Some(ctx.today)).await?;
        added += 1;
    }
    ctx.commit(tx).await?;
    Ok(added)
}
