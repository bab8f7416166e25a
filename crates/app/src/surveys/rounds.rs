//! Rounds (*enkätomgångar*): a published survey version sent to a region's
//! centres for a period, each centre with an anonymous link of its own.

use base64::Engine as _;
use rand::RngCore;
use samverka_core::FieldErrors;
use samverka_core::code::Coded;
use samverka_core::surveys::round::RespondentGroup;
use samverka_core::validation::{optional_date, required_text};
use samverka_store::surveys::instruments;
use samverka_store::surveys::rounds::{self, Round, RoundCentre, RoundInput};

use crate::{Ctx, Error, Result};

/// The longest title of a round.
const TITLE_MAX: usize = 200;

/// A round as a form or the API gives it.
#[derive(Debug, Clone, Default)]
pub struct RoundDraft {
    /// The published version it asks.
    pub version_id: i64,
    /// Its name.
    pub title: String,
    /// Who it asks (a [`RespondentGroup`] code).
    pub respondent_group: String,
    /// The first day (`YYYY-MM-DD`).
    pub opens_on: String,
    /// The last day (`YYYY-MM-DD`).
    pub closes_on: String,
    /// The region's centres taking part.
    pub centre_ids: Vec<i64>,
}

/// A new anonymous link's code: 80 random bits, URL-safe (14 characters),
/// short enough to type from a poster.
fn link_code() -> String {
    let mut bytes = [0u8; 10];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Makes a round in a region (those who manage it). The version must be
/// published (409 `version-draft`) and be the region's or a built-in one;
/// every centre must be the region's. Returns the round's id.
pub async fn create(ctx: &Ctx, region_id: i64, draft: &RoundDraft) -> Result<i64> {
    Error::require(ctx.actor.can_manage_region(region_id))?;
    let mut errors = FieldErrors::default();
    let title = required_text(&mut errors, "title", &draft.title, TITLE_MAX);
    let group = RespondentGroup::from_code(draft.respondent_group.trim());
    if group.is_none() {
        errors.add("respondent_group", "invalid-choice");
    }
    let opens_on = optional_date(&mut errors, "opens_on", &draft.opens_on);
    let closes_on = optional_date(&mut errors, "closes_on", &draft.closes_on);
    if draft.opens_on.trim().is_empty() {
        errors.add("opens_on", "required");
    }
    if draft.closes_on.trim().is_empty() {
        errors.add("closes_on", "required");
    }
    if let (Some(o), Some(c)) = (opens_on, closes_on)
        && c < o
    {
        errors.add("closes_on", "before-opening");
    }
    let mut centre_ids = draft.centre_ids.clone();
    centre_ids.sort_unstable();
    centre_ids.dedup();
    if centre_ids.is_empty() {
        errors.add("centre_ids", "choose-one");
    }
    let (Some(group), Some(opens_on), Some(closes_on), true) =
        (group, opens_on, closes_on, errors.is_empty())
    else {
        return Err(Error::Invalid(errors));
    };
    let mut tx = ctx.write().await?;
    let version = instruments::get_version(&mut tx, draft.version_id)
        .await
        .map_err(|_| Error::field("version_id", "invalid-choice"))?;
    let instrument = instruments::get(&mut tx, version.instrument_id).await?;
    if instrument.region_id.is_some_and(|r| r != region_id) {
        return Err(Error::field("version_id", "invalid-choice"));
    }
    if !version.is_published() {
        return Err(Error::Conflict("version-draft"));
    }
    let input = RoundInput {
        region_id,
        version_id: version.id,
        title,
        respondent_group: group,
        opens_on,
        closes_on,
        centres: centre_ids
            .into_iter()
            .map(|centre_id| RoundCentre {
                centre_id,
                link_code: link_code(),
            })
            .collect(),
    };
    let id = rounds::create(&mut tx, &ctx.who, &input).await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// A region's rounds (those who read the region).
pub async fn list(ctx: &Ctx, region_id: i64) -> Result<Vec<Round>> {
    Error::require(ctx.actor.can_view_region(region_id))?;
    let mut c = ctx.read().await?;
    Ok(rounds::list(&mut c, Some(region_id)).await?)
}

/// One round with its links (those who read its region).
pub async fn get(ctx: &Ctx, id: i64) -> Result<Round> {
    let mut c = ctx.read().await?;
    let round = rounds::get(&mut c, id).await?;
    Error::require(ctx.actor.can_view_region(round.region_id))?;
    Ok(round)
}
