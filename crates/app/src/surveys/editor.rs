//! What the instrument editor needs besides importing, saving and
//! publishing (in [`super::instruments`]): a region's surveys with what the
//! actor may do with each, one version to edit or preview, a new survey
//! from scratch or as a copy, and a new draft of a published survey.
//!
//! A published version never changes: editing it means a new draft version
//! (a copy of the newest), and a built-in survey is edited by copying it
//! into the region's own survey of the same key.

use samverka_core::FieldErrors;
use samverka_core::region::Region;
use samverka_core::surveys::definition::{Definition, key_from};
use samverka_core::validation::required_text;
use samverka_store::registry::regions;
use samverka_store::surveys::instruments::{self, Instrument, InstrumentVersion};
use samverka_store::{Conn, Tx};

use super::instruments::{may_change, may_read};
use crate::{Ctx, Error, Result};

/// The longest title of a new survey, in characters.
const TITLE_MAX: usize = 200;
/// The longest first question of a new survey, in characters.
const QUESTION_MAX: usize = 1000;

/// A survey on a region's list, with what the actor may do with it.
#[derive(Debug, Clone)]
pub struct InstrumentLine {
    /// The survey.
    pub instrument: Instrument,
    /// Its versions, oldest first.
    pub versions: Vec<InstrumentVersion>,
    /// Whether the actor may edit and publish it.
    pub may_change: bool,
}

/// The surveys a region may use (*enkätformulär*).
#[derive(Debug, Clone)]
pub struct InstrumentsOverview {
    /// The region.
    pub region: Region,
    /// Whether the actor manages the region (makes, copies and imports
    /// surveys for it).
    pub can_manage: bool,
    /// The built-in surveys, then the region's own, each by key.
    pub instruments: Vec<InstrumentLine>,
}

/// The surveys a region may use, with their versions (those who read the
/// region).
pub async fn overview(ctx: &Ctx, region_id: i64) -> Result<InstrumentsOverview> {
    let list = super::instruments::list(ctx, region_id).await?;
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, region_id).await?;
    Ok(InstrumentsOverview {
        region,
        can_manage: ctx.actor.can_manage_region(region_id),
        instruments: list
            .into_iter()
            .map(|v| InstrumentLine {
                may_change: may_change(ctx, &v.instrument),
                instrument: v.instrument,
                versions: v.versions,
            })
            .collect(),
    })
}

/// One version as the editor, the preview and the publish step show it.
#[derive(Debug, Clone)]
pub struct VersionView {
    /// The survey.
    pub instrument: Instrument,
    /// The version.
    pub version: InstrumentVersion,
    /// Whether it is the survey's newest version.
    pub newest: bool,
    /// Whether the actor may edit and publish the survey.
    pub may_change: bool,
    /// The survey's region; `None` for a built-in survey.
    pub region: Option<Region>,
}

impl VersionView {
    /// Whether the actor may edit this version now: a draft of a survey
    /// they may change.
    pub fn editable(&self) -> bool {
        self.may_change && !self.version.is_published()
    }
}

/// One version with its survey and region (those who may read the survey).
pub async fn open(ctx: &Ctx, version_id: i64) -> Result<VersionView> {
    let mut c = ctx.read().await?;
    let version = instruments::get_version(&mut c, version_id).await?;
    let instrument = instruments::get(&mut c, version.instrument_id).await?;
    Error::require(may_read(ctx, &instrument))?;
    let newest = instruments::versions(&mut c, instrument.id)
        .await?
        .last()
        .is_some_and(|v| v.id == version.id);
    let region = match instrument.region_id {
        Some(r) => Some(regions::get(&mut c, r).await?),
        None => None,
    };
    Ok(VersionView {
        may_change: may_change(ctx, &instrument),
        instrument,
        version,
        newest,
        region,
    })
}

/// A draft to edit or publish (those who may change its survey); a
/// published version is refused (409 `version-published`).
pub async fn open_draft(ctx: &Ctx, version_id: i64) -> Result<VersionView> {
    let v = open(ctx, version_id).await?;
    Error::require(v.may_change)?;
    if v.version.is_published() {
        return Err(Error::Conflict("version-published"));
    }
    Ok(v)
}

/// The region's own survey with this key, if it has one.
async fn region_instrument(c: &mut Conn, region_id: i64, key: &str) -> Result<Option<Instrument>> {
    Ok(instruments::list(c, Some(region_id))
        .await?
        .into_iter()
        .find(|i| i.region_id == Some(region_id) && i.key == key))
}

/// Makes the region's survey with `key`: a key the region has already is
/// refused at the form's field `key`.
async fn new_instrument(ctx: &Ctx, tx: &mut Tx, region_id: i64, key: &str) -> Result<Instrument> {
    let id = instruments::create(tx, &ctx.who, Some(region_id), key)
        .await
        .map_err(|e| match Error::from(e) {
            Error::Conflict(_) => Error::field("key", "key-taken"),
            other => other,
        })?;
    Ok(instruments::get(tx, id).await?)
}

/// The problem with a survey key, if any, as the check sees it.
fn key_problem(definition: &Definition) -> Option<&'static str> {
    definition
        .check()
        .into_iter()
        .find(|e| e.path == "key")
        .map(|e| e.code.code())
}

/// Makes a new survey for a region (those who manage it) as a first draft
/// in Swedish: its title and first question, to go on with in the editor.
/// The key is made of the title when left blank. Problems come at the
/// fields `key`, `title` and `question`; a key the region has already is
/// `key-taken`. Returns the survey's and the draft's ids.
pub async fn create(
    ctx: &Ctx,
    region_id: i64,
    key: &str,
    title: &str,
    first_question: &str,
) -> Result<(i64, i64)> {
    Error::require(ctx.actor.can_manage_region(region_id))?;
    let mut errors = FieldErrors::default();
    let title = required_text(&mut errors, "title", title, TITLE_MAX);
    let question = required_text(&mut errors, "question", first_question, QUESTION_MAX);
    let key = match key.trim() {
        "" => key_from(&title).unwrap_or_default(),
        given => given.to_string(),
    };
    let definition = Definition::starter(&key, &title, &question);
    if let Some(code) = key_problem(&definition) {
        errors.add("key", if key.is_empty() { "required" } else { code });
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let mut tx = ctx.write().await?;
    let instrument = new_instrument(ctx, &mut tx, region_id, &key).await?;
    let version = instruments::add_version(&mut tx, &ctx.who, &instrument, &definition, None).await?;
    ctx.commit(tx).await?;
    Ok((instrument.id, version))
}

/// Copies a version of a built-in survey or of the region's own into a
/// new draft of the region's (those who manage the region).
///
/// With `new_key` `None` the copy is the region's own version of the same
/// survey: the next draft of the region's survey with the version's key,
/// made if the region has none ("edit a built-in survey"); if that survey
/// has a draft already, the copy is refused (409 `draft-exists`). With a
/// key, the copy starts a new survey (a key the region has already is
/// refused at the field `key`). Returns the survey's and the draft's ids.
pub async fn copy(ctx: &Ctx, region_id: i64, version_id: i64, new_key: Option<&str>) -> Result<(i64, i64)> {
    Error::require(ctx.actor.can_manage_region(region_id))?;
    let mut tx = ctx.write().await?;
    let source = instruments::get_version(&mut tx, version_id).await?;
    let from = instruments::get(&mut tx, source.instrument_id).await?;
    Error::require(may_read(ctx, &from) && from.region_id.is_none_or(|r| r == region_id))?;
    let mut definition = source.definition;
    let instrument = match new_key.map(str::trim) {
        Some(key) => {
            definition.key = key.to_string();
            if let Some(code) = key_problem(&definition) {
                return Err(Error::field(
                    "key",
                    if key.is_empty() { "required" } else { code },
                ));
            }
            new_instrument(ctx, &mut tx, region_id, key).await?
        }
        None => match region_instrument(&mut tx, region_id, &definition.key).await? {
            Some(own) => {
                let newest = instruments::versions(&mut tx, own.id).await?.pop();
                if newest.is_some_and(|v| !v.is_published()) {
                    return Err(Error::Conflict("draft-exists"));
                }
                own
            }
            None => new_instrument(ctx, &mut tx, region_id, &definition.key).await?,
        },
    };
    let version = instruments::add_version(&mut tx, &ctx.who, &instrument, &definition, None).await?;
    ctx.commit(tx).await?;
    Ok((instrument.id, version))
}

/// A draft to edit a survey with (those who may change it): a new draft
/// version copied from the newest version when that is published, or the
/// newest version itself when it is a draft already (so that a second
/// click opens the same draft). Returns the draft's id.
pub async fn new_draft(ctx: &Ctx, instrument_id: i64) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let instrument = instruments::get(&mut tx, instrument_id).await?;
    Error::require(may_change(ctx, &instrument))?;
    let newest = instruments::versions(&mut tx, instrument_id)
        .await?
        .pop()
        .ok_or(Error::NotFound)?;
    if !newest.is_published() {
        return Ok(newest.id);
    }
    let id = instruments::add_version(&mut tx, &ctx.who, &instrument, &newest.definition, None).await?;
    ctx.commit(tx).await?;
    Ok(id)
}
