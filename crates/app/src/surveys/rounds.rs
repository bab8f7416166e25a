//! Rounds (*enkätomgångar*): a published survey version sent to a region's
//! centres for a period, each centre with an anonymous link of its own.

use base64::Engine as _;
use rand::RngCore;
use samverka_core::FieldErrors;
use samverka_core::code::Coded;
use samverka_core::surveys::round::RespondentGroup;
use samverka_core::validation::{optional_date, required_text};
use std::collections::HashMap;

use samverka_core::region::Region;
use samverka_core::surveys::definition::Texts;
use samverka_store::registry::{centres, regions};
use samverka_store::surveys::instruments::{self, InstrumentVersion};
use samverka_store::surveys::invitations::{self, Rate};
use samverka_store::surveys::responses::{self, TotalsOf};
use samverka_store::surveys::rounds::{self, RoundInput};
pub use samverka_store::surveys::rounds::{Round, RoundCentre};

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

/// A published version a round may ask, as the round form offers it.
#[derive(Debug, Clone)]
pub struct VersionChoice {
    /// The version's id.
    pub version_id: i64,
    /// Its survey's title.
    pub title: Texts,
    /// Its number.
    pub version: i64,
    /// Whether it is one of samverka's built-in surveys.
    pub builtin: bool,
}

/// A region's rounds as its list shows them.
#[derive(Debug, Clone)]
pub struct RoundsOverview {
    /// The region.
    pub region: Region,
    /// Its rounds, newest first, each with its survey's title and version
    /// and how many responses it has.
    pub rounds: Vec<(Round, Texts, i64, i64)>,
    /// Whether the actor may make rounds here.
    pub can_manage: bool,
}

/// The published versions a region's rounds may ask, by id.
async fn version_choices(c: &mut samverka_store::Conn, region_id: i64) -> Result<Vec<VersionChoice>> {
    let mut out = Vec::new();
    for instrument in instruments::list(c, Some(region_id)).await? {
        for v in instruments::versions(c, instrument.id).await? {
            if v.is_published() {
                out.push(VersionChoice {
                    version_id: v.id,
                    title: v.definition.title.clone(),
                    version: v.version,
                    builtin: instrument.region_id.is_none(),
                });
            }
        }
    }
    Ok(out)
}

/// A region's rounds with their surveys and response totals (those who
/// read the region).
pub async fn overview(ctx: &Ctx, region_id: i64) -> Result<RoundsOverview> {
    Error::require(ctx.actor.can_view_region(region_id))?;
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, region_id).await?;
    let choices = version_choices(&mut c, region_id).await?;
    let mut totals: HashMap<i64, i64> = HashMap::new();
    for (round, _, n) in responses::totals(&mut c, TotalsOf::Region(region_id)).await? {
        *totals.entry(round).or_default() += n;
    }
    let rounds = rounds::list(&mut c, Some(region_id))
        .await?
        .into_iter()
        .map(|r| {
            let (title, version) = choices
                .iter()
                .find(|v| v.version_id == r.version_id)
                .map(|v| (v.title.clone(), v.version))
                .unwrap_or_default();
            let n = totals.get(&r.id).copied().unwrap_or(0);
            (r, title, version, n)
        })
        .collect();
    Ok(RoundsOverview {
        region,
        rounds,
        can_manage: ctx.actor.can_manage_region(region_id),
    })
}

/// What the form for a new round offers: the region, its open centres and
/// the published versions (those who manage the region).
#[derive(Debug, Clone)]
pub struct RoundForm {
    /// The region.
    pub region: Region,
    /// Its open centres, by name: `(id, name)`.
    pub centres: Vec<(i64, String)>,
    /// The versions to choose from.
    pub versions: Vec<VersionChoice>,
}

/// The form for a new round.
pub async fn form(ctx: &Ctx, region_id: i64) -> Result<RoundForm> {
    Error::require(ctx.actor.can_manage_region(region_id))?;
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, region_id).await?;
    let mut centres: Vec<(i64, String)> = centres::list(&mut c, Some(region_id))
        .await?
        .into_iter()
        .filter(|centre| centre.closed_on.is_none())
        .map(|centre| (centre.id, centre.name))
        .collect();
    centres.sort_by_cached_key(|(_, name)| samverka_core::text::sort_key(name));
    let versions = version_choices(&mut c, region_id).await?;
    Ok(RoundForm {
        region,
        centres,
        versions,
    })
}

/// One centre of a round as its page shows it.
#[derive(Debug, Clone)]
pub struct RoundCentreView {
    /// The centre.
    pub centre_id: i64,
    /// Its name.
    pub name: String,
    /// The anonymous link's code.
    pub link_code: String,
    /// Its responses.
    pub responses: i64,
    /// Whether the actor may key in its paper forms.
    pub can_enter_paper: bool,
    /// Whether the actor may read its results.
    pub can_read_results: bool,
}

/// A round with what its page shows: the survey asked, each centre with
/// its link and responses, and the invitations' response rates.
#[derive(Debug, Clone)]
pub struct RoundView {
    /// The region.
    pub region: Region,
    /// The round.
    pub round: Round,
    /// The version asked, with its definition.
    pub version: InstrumentVersion,
    /// Its centres, by name.
    pub centres: Vec<RoundCentreView>,
    /// Invitations per centre (`None`: not for a centre): sent and answered.
    pub rates: Vec<Rate>,
    /// Whether the actor manages the round's region.
    pub can_manage: bool,
    /// The site's address, for the links.
    pub public_url: String,
}

impl RoundView {
    /// One of the round's centres.
    pub fn centre(&self, centre_id: i64) -> Option<&RoundCentreView> {
        self.centres.iter().find(|c| c.centre_id == centre_id)
    }

    /// The anonymous link of a centre as a full address.
    pub fn link(&self, centre: &RoundCentreView) -> String {
        format!("{}/s/{}", self.public_url.trim_end_matches('/'), centre.link_code)
    }
}

/// A round's page (those who read its region).
pub async fn view(ctx: &Ctx, id: i64) -> Result<RoundView> {
    let mut c = ctx.read().await?;
    let round = rounds::get(&mut c, id).await?;
    let region_id = round.region_id;
    Error::require(ctx.actor.can_view_region(region_id))?;
    let region = regions::get(&mut c, region_id).await?;
    let version = instruments::get_version(&mut c, round.version_id).await?;
    let names: HashMap<i64, String> = centres::list(&mut c, Some(region_id))
        .await?
        .into_iter()
        .map(|centre| (centre.id, centre.name))
        .collect();
    let totals: HashMap<i64, i64> = responses::totals(&mut c, TotalsOf::Round(id))
        .await?
        .into_iter()
        .map(|(_, centre, n)| (centre, n))
        .collect();
    let rates = invitations::rates(&mut c, id).await?;
    let mut centres: Vec<RoundCentreView> = round
        .centres
        .iter()
        .map(|rc| RoundCentreView {
            centre_id: rc.centre_id,
            name: names.get(&rc.centre_id).cloned().unwrap_or_default(),
            link_code: rc.link_code.clone(),
            responses: totals.get(&rc.centre_id).copied().unwrap_or(0),
            can_enter_paper: ctx.actor.can_edit_centre(region_id, rc.centre_id),
            can_read_results: ctx.actor.can_read_survey_results(region_id, Some(rc.centre_id)),
        })
        .collect();
    centres.sort_by_cached_key(|c| samverka_core::text::sort_key(&c.name));
    Ok(RoundView {
        region,
        round,
        version,
        centres,
        rates,
        can_manage: ctx.actor.can_manage_region(region_id),
        public_url: ctx.app.config().public_url.clone(),
    })
}

/// A round with the survey and version number it asks.
#[derive(Debug, Clone)]
pub struct RoundSummary {
    /// The round.
    pub round: Round,
    /// The survey.
    pub instrument_id: i64,
    /// The number (1, 2, …) of the version it asks.
    pub version: i64,
}

/// A round as the API gives it: the survey and its version by number.
#[derive(Debug, Clone, Default)]
pub struct RoundOrder {
    /// The region that runs it; when left out, the survey's region, or the
    /// actor's only region for a built-in survey.
    pub region_id: Option<i64>,
    /// The survey.
    pub instrument_id: i64,
    /// The version's number; when left out, the newest published.
    pub version: Option<i64>,
    /// Its name; when left out, the survey's Swedish title.
    pub title: Option<String>,
    /// Who it asks (a [`RespondentGroup`] code).
    pub respondent_group: String,
    /// The first day (`YYYY-MM-DD`).
    pub opens_on: String,
    /// The last day (`YYYY-MM-DD`).
    pub closes_on: String,
    /// The region's centres taking part.
    pub centre_ids: Vec<i64>,
}

/// Makes a round of a survey's version chosen by number (those who manage
/// the region); see [`create`] for the rules. A version number the survey
/// lacks is refused on `version`, a survey without a published version
/// with 409 `version-draft`. Returns the round's id.
pub async fn order(ctx: &Ctx, order: &RoundOrder) -> Result<i64> {
    let view = super::instruments::get(ctx, order.instrument_id)
        .await
        .map_err(|e| match e {
            Error::NotFound => Error::field("instrument_id", "invalid-choice"),
            other => other,
        })?;
    let regions = ctx.actor.region_ids();
    let region_id = match (order.region_id, view.instrument.region_id, regions.as_slice()) {
        (Some(r), _, _) | (None, Some(r), _) | (None, None, &[r]) => r,
        _ => return Err(Error::field("region_id", "required")),
    };
    Error::require(ctx.actor.can_manage_region(region_id))?;
    let version: &InstrumentVersion = match order.version {
        Some(n) => view
            .versions
            .iter()
            .find(|v| v.version == n)
            .ok_or(Error::field("version", "invalid-choice"))?,
        None => view
            .versions
            .iter()
            .rev()
            .find(|v| v.is_published())
            .ok_or(Error::Conflict("version-draft"))?,
    };
    let title = match order.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => version.definition.title.get("sv").to_string(),
    };
    let draft = RoundDraft {
        version_id: version.id,
        title,
        respondent_group: order.respondent_group.clone(),
        opens_on: order.opens_on.clone(),
        closes_on: order.closes_on.clone(),
        centre_ids: order.centre_ids.clone(),
    };
    create(ctx, region_id, &draft).await.map_err(|e| match e {
        Error::Invalid(errors) => Error::Invalid(errors.renamed(&[("version_id", "instrument_id")])),
        other => other,
    })
}

/// The rounds of the regions the actor reads (one region, or every one),
/// newest first, each with its survey and version number. Asking for a
/// region the actor may not read is refused.
pub async fn list_reachable(ctx: &Ctx, region: Option<i64>) -> Result<Vec<RoundSummary>> {
    let regions: Vec<i64> = match region {
        Some(r) => {
            Error::require(ctx.actor.can_view_region(r))?;
            vec![r]
        }
        None => crate::governance::reach::whole_regions(ctx, None)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect(),
    };
    let mut c = ctx.read().await?;
    let mut all = Vec::new();
    for r in regions {
        all.extend(rounds::list(&mut c, Some(r)).await?);
    }
    all.sort_by_key(|r| std::cmp::Reverse((r.opens_on, r.id)));
    let mut versions: std::collections::HashMap<i64, (i64, i64)> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(all.len());
    for round in all {
        let (instrument_id, version) = match versions.get(&round.version_id) {
            Some(v) => *v,
            None => {
                let v = instruments::get_version(&mut c, round.version_id).await?;
                versions.insert(v.id, (v.instrument_id, v.version));
                (v.instrument_id, v.version)
            }
        };
        out.push(RoundSummary {
            round,
            instrument_id,
            version,
        });
    }
    Ok(out)
}

/// One round with its survey and version number (those who read its region).
pub async fn summary(ctx: &Ctx, id: i64) -> Result<RoundSummary> {
    let round = get(ctx, id).await?;
    let mut c = ctx.read().await?;
    let version = instruments::get_version(&mut c, round.version_id).await?;
    Ok(RoundSummary {
        round,
        instrument_id: version.instrument_id,
        version: version.version,
    })
}
