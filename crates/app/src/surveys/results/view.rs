//! A round's results page (*resultatsida*): the round's results for a
//! query, the rounds it can be compared with, the chosen one beside it,
//! the trend over the survey's rounds and the collaboration spider's radar.

use std::collections::{BTreeMap, BTreeSet};

use samverka_core::surveys::breakdown::{self, Counted, Merge, Place, Selection};
use samverka_core::surveys::definition::Definition;
use samverka_core::surveys::results::{self as stats, Comparison, Mean, Shown, Threshold};
use samverka_store::Conn;
use samverka_store::registry::{centres, municipalities, regions};
use samverka_store::surveys::instruments::{self, Instrument, InstrumentVersion};
use samverka_store::surveys::rounds::{self, Round};

use super::{ResultsFilter, RoundTallies, TREND_ROUNDS, centre_of, internal, read_counts, threshold_for};
use crate::{Ctx, Error, Result};

/// What a results page asks for (*resultatvy*): the filter, merged scale
/// steps, another round to compare with, and whether to show the trend.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultsQuery {
    /// Which responses.
    pub filter: ResultsFilter,
    /// Scale steps shown as one.
    pub merge: Merge,
    /// Another round to show beside this one (*jämför med*).
    pub compare: Option<i64>,
    /// Show the trend over the survey's earlier rounds.
    pub trend: bool,
}

/// A municipality or centre a reader may choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// What a reader may choose to see of a round.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    /// The whole region (and its municipalities).
    pub region: bool,
    /// The municipalities with centres in the round, when `region`.
    pub municipalities: Vec<Choice>,
    /// The round's centres the reader may read.
    pub centres: Vec<Choice>,
}

/// One round counted for the selection.
#[derive(Debug, Clone)]
pub struct CountedRound {
    /// The round.
    pub round: Round,
    /// How many responses, if it may be shown.
    pub responses: Shown<u32>,
    /// Each question of its version, in order.
    pub questions: Vec<Counted>,
}

/// A round beside the one shown: per question the two share, the columns
/// labelled with each round's id.
#[derive(Debug, Clone)]
pub struct Beside {
    /// The other round.
    pub other: CountedRound,
    /// One comparison per question both rounds ask (with options), in this
    /// round's order.
    pub questions: Vec<Comparison>,
}

/// A scale's mean per round, for a radar chart (*spindeldiagram*): one
/// axis per scale question, one line per round.
#[derive(Debug, Clone)]
pub struct Radar {
    /// The questions on the axes, in order.
    pub axes: Vec<String>,
    /// The highest step of the scales.
    pub max: u32,
    /// Per round, oldest first: its id and the mean on each axis.
    pub lines: Vec<(i64, Vec<Shown<Mean>>)>,
}

/// A round's results page (*resultatsida*): everything shown, suppressed
/// where it must be.
#[derive(Debug, Clone)]
pub struct ResultsPage {
    /// The name of the round's region.
    pub region_name: String,
    /// The round and its counts for the selection.
    pub counted: CountedRound,
    /// The survey.
    pub instrument: Instrument,
    /// The version the round asked.
    pub version: InstrumentVersion,
    /// What was shown.
    pub selection: Selection,
    /// The filter and options asked for.
    pub query: ResultsQuery,
    /// The smallest number of answers shown.
    pub threshold: Threshold,
    /// What the reader may choose.
    pub choices: Choices,
    /// Rounds of the region that share questions with this one, newest first.
    pub comparable: Vec<Round>,
    /// The round chosen to compare with.
    pub beside: Option<Beside>,
    /// The survey's rounds in the trend, oldest first (this one included);
    /// empty when no trend was asked for.
    pub trend_rounds: Vec<Round>,
    /// Per question of this round with options, its trend (columns labelled
    /// with round ids).
    pub trend: Vec<Comparison>,
    /// The radar of the collaboration spider (a survey of scale questions
    /// with "spider" in its key), over the trend's rounds or this one.
    pub radar: Option<Radar>,
}

/// Whether a survey is shown as a radar chart: the collaboration spider.
fn is_spider(instrument: &Instrument) -> bool {
    instrument.key.contains("spider") || instrument.key.contains("spindel")
}

/// The selection a reader sees when none is asked for: the region for its
/// readers, else their first centre in the round.
fn default_selection(ctx: &Ctx, round: &Round) -> Selection {
    if ctx.actor.can_read_survey_results(round.region_id, None) {
        return Selection::Region;
    }
    round
        .centres
        .iter()
        .find(|c| {
            ctx.actor
                .can_read_survey_results(round.region_id, Some(c.centre_id))
        })
        .map_or(Selection::Region, |c| Selection::Centre(c.centre_id))
}

async fn choices(ctx: &Ctx, c: &mut Conn, round: &Round) -> Result<Choices> {
    let region = ctx.actor.can_read_survey_results(round.region_id, None);
    let all = centres::list(c, Some(round.region_id)).await?;
    let taking_part: Vec<_> = all.into_iter().filter(|x| round.has_centre(x.id)).collect();
    let used: BTreeSet<i64> = taking_part.iter().map(|x| x.municipality_id).collect();
    let municipalities = if region {
        municipalities::list(c, Some(round.region_id))
            .await?
            .into_iter()
            .filter(|m| used.contains(&m.id))
            .map(|m| Choice {
                id: m.id,
                name: m.name,
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut centres: Vec<Choice> = taking_part
        .into_iter()
        .filter(|x| ctx.actor.can_read_survey_results(round.region_id, Some(x.id)))
        .map(|x| Choice {
            id: x.id,
            name: x.name,
        })
        .collect();
    centres.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Choices {
        region,
        municipalities,
        centres,
    })
}

/// Counts rounds for the selection from tallies read together.
struct Counter<'a> {
    tallies: BTreeMap<i64, RoundTallies>,
    places: &'a BTreeMap<i64, Vec<Place>>,
    selection: Selection,
    threshold: Threshold,
    merge: Merge,
}

impl Counter<'_> {
    fn round(&self, round: &Round, def: &Definition) -> Result<CountedRound> {
        let none = RoundTallies::default();
        let tallies = self.tallies.get(&round.id).unwrap_or(&none);
        let places = self.places.get(&round.id).map_or(&[][..], Vec::as_slice);
        let bad = internal(round.id);
        Ok(CountedRound {
            round: round.clone(),
            responses: breakdown::responses(&tallies.answered, places, self.selection, self.threshold)
                .map_err(&bad)?,
            questions: breakdown::count_summed(
                def,
                &tallies.answered,
                &tallies.chosen,
                places,
                self.selection,
                self.threshold,
                self.merge,
            )
            .map_err(&bad)?,
        })
    }
}

/// The question of a counted round with this key, if it has options.
fn with_options<'a>(r: &'a CountedRound, key: &str) -> Option<&'a Counted> {
    r.questions
        .iter()
        .find(|q| q.key() == key && q.distribution().is_some())
}

/// A round's results page: the round's results for the query, the rounds
/// it can be compared with, the chosen one beside it, and the trend over
/// the survey's rounds (all its versions; a question trends by its key).
/// Reads the kept counts only, the round's and its trend's in one query.
/// Those who may read: as [`of_round`]; a local coordinator sees their own
/// centres only, and without a selection sees the first of them.
pub async fn page(ctx: &Ctx, round_id: i64, query: &ResultsQuery) -> Result<ResultsPage> {
    let mut c = ctx.read().await?;
    let round = rounds::get(&mut c, round_id).await?;
    Error::require(ctx.actor.can_view_region(round.region_id))?;
    let selection = query
        .filter
        .selection
        .unwrap_or_else(|| default_selection(ctx, &round));
    Error::require(
        ctx.actor
            .can_read_survey_results(round.region_id, centre_of(selection)),
    )?;
    let version = instruments::get_version(&mut c, round.version_id).await?;
    let instrument = instruments::get(&mut c, version.instrument_id).await?;
    let threshold = threshold_for(&mut c, round.region_id).await?;
    let choices = choices(ctx, &mut c, &round).await?;
    let region_name = regions::get(&mut c, round.region_id).await?.name;

    // The region's rounds and the definitions they asked.
    let region_rounds = rounds::list(&mut c, Some(round.region_id)).await?;
    let mut definitions: BTreeMap<i64, InstrumentVersion> = BTreeMap::new();
    definitions.insert(version.id, version.clone());
    for r in &region_rounds {
        if !definitions.contains_key(&r.version_id) {
            let v = instruments::get_version(&mut c, r.version_id).await?;
            definitions.insert(v.id, v);
        }
    }
    let def_of = |r: &Round| definitions.get(&r.version_id).map(|v| &v.definition);
    let option_keys = |d: &Definition| -> BTreeSet<String> {
        d.questions()
            .filter(|q| q.kind.has_options())
            .map(|q| q.key.clone())
            .collect()
    };
    let own_keys = option_keys(&version.definition);
    let comparable: Vec<Round> = region_rounds
        .iter()
        .filter(|r| r.id != round.id)
        .filter(|r| def_of(r).is_some_and(|d| !option_keys(d).is_disjoint(&own_keys)))
        .cloned()
        .collect();
    let other = match query.compare {
        Some(id) => Some(
            comparable
                .iter()
                .find(|r| r.id == id)
                .cloned()
                .ok_or_else(|| Error::field("compare", "invalid-choice"))?,
        ),
        None => None,
    };

    // The survey's rounds up to this one, oldest first: the trend.
    let spider = is_spider(&instrument);
    let mut trend_rounds: Vec<Round> = if query.trend || spider {
        let mut same: Vec<Round> = region_rounds
            .iter()
            .filter(|r| {
                definitions
                    .get(&r.version_id)
                    .is_some_and(|v| v.instrument_id == instrument.id)
            })
            .filter(|r| (r.opens_on, r.id) <= (round.opens_on, round.id))
            .cloned()
            .collect();
        same.sort_by_key(|r| (r.opens_on, r.id));
        let skip = same.len().saturating_sub(TREND_ROUNDS);
        same.split_off(skip)
    } else {
        Vec::new()
    };
    if trend_rounds.is_empty() {
        trend_rounds.push(round.clone());
    }

    let mut wanted: Vec<i64> = trend_rounds.iter().map(|r| r.id).collect();
    if let Some(o) = &other {
        wanted.push(o.id);
    }
    let mut places: BTreeMap<i64, Vec<Place>> = BTreeMap::new();
    let region_places: Vec<Place> = centres::list(&mut c, Some(round.region_id))
        .await?
        .into_iter()
        .map(|x| Place {
            centre_id: x.id,
            municipality_id: x.municipality_id,
        })
        .collect();
    for r in trend_rounds.iter().chain(other.iter()) {
        places.insert(
            r.id,
            region_places
                .iter()
                .filter(|p| r.has_centre(p.centre_id))
                .copied()
                .collect(),
        );
    }
    let tallies = read_counts(&mut c, &wanted, &query.filter, selection, &region_places).await?;
    drop(c);
    let counter = Counter {
        tallies,
        places: &places,
        selection,
        threshold,
        merge: query.merge,
    };

    let mut in_trend = Vec::with_capacity(trend_rounds.len());
    for r in &trend_rounds {
        let def = def_of(r).ok_or(Error::Internal)?;
        in_trend.push(counter.round(r, def)?);
    }
    let counted = match in_trend.iter().find(|r| r.round.id == round.id) {
        Some(r) => r.clone(),
        None => counter.round(&round, &version.definition)?,
    };
    let bad = internal(round.id);
    let beside = match &other {
        Some(o) => {
            let def = def_of(o).ok_or(Error::Internal)?;
            let other = counter.round(o, def)?;
            let mut questions = Vec::new();
            for q in &counted.questions {
                let (Some(mine), Some(theirs)) = (
                    q.distribution(),
                    with_options(&other, q.key()).and_then(Counted::distribution),
                ) else {
                    continue;
                };
                let gate_theirs = with_options(&other, q.key())
                    .map(Counted::gate)
                    .ok_or(Error::Internal)?;
                questions.push(
                    stats::side_by_side([
                        (round.id.to_string(), mine, q.gate()),
                        (o.id.to_string(), theirs, gate_theirs),
                    ])
                    .map_err(&bad)?,
                );
            }
            Some(Beside { other, questions })
        }
        None => None,
    };

    let trend = if query.trend && in_trend.len() > 1 {
        let mut out = Vec::new();
        for q in counted.questions.iter().filter(|q| q.distribution().is_some()) {
            let columns: Vec<(String, &stats::Distribution, stats::Gate)> = in_trend
                .iter()
                .filter_map(|r| {
                    let x = with_options(r, q.key())?;
                    Some((r.round.id.to_string(), x.distribution()?, x.gate()))
                })
                .collect();
            if columns.len() > 1 {
                out.push(stats::trend(columns).map_err(&bad)?);
            }
        }
        out
    } else {
        Vec::new()
    };

    let radar = spider.then(|| {
        let axes: Vec<String> = version
            .definition
            .questions()
            .filter(|q| q.ordered_keys().is_some())
            .map(|q| q.key.clone())
            .collect();
        let max = version
            .definition
            .questions()
            .filter_map(|q| q.ordered_keys())
            .map(|k| u32::try_from(k.len()).unwrap_or(0))
            .max()
            .unwrap_or(0);
        let lines = in_trend
            .iter()
            .map(|r| {
                let means = axes
                    .iter()
                    .map(|key| {
                        r.questions
                            .iter()
                            .find(|q| q.key() == key)
                            .and_then(Counted::mean)
                            .unwrap_or(Shown::Suppressed)
                    })
                    .collect();
                (r.round.id, means)
            })
            .collect();
        Radar { axes, max, lines }
    });
    let radar = radar.filter(|r| r.axes.len() >= 3);

    let trend_rounds = if query.trend || radar.is_some() {
        trend_rounds
    } else {
        Vec::new()
    };
    Ok(ResultsPage {
        region_name,
        counted,
        instrument,
        version,
        selection,
        query: query.clone(),
        threshold,
        choices,
        comparable,
        beside,
        trend_rounds,
        trend,
        radar,
    })
}
