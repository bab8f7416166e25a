//! A round's results (*enkätresultat*): the only way answers are read.
//! Counts come from the totals kept as responses arrive, never from the raw
//! answers; every breakdown is suppressed by core's rules before anything
//! leaves this module. The free texts are the one exception to "counts
//! only", and they are handed out per centre, only where that centre's
//! answers to the question are shown.

use std::collections::BTreeMap;

use samverka_core::surveys::breakdown::{self, Counted, Merge, Place, QuestionResult, Selection, Tally};
use samverka_core::surveys::definition::{Definition, Question};
use samverka_core::surveys::results::{ResultsError, Shown, Threshold};
use samverka_core::surveys::round::Channel;
use samverka_store::Conn;
use samverka_store::registry::centres;
use samverka_store::surveys::counts::{self, RoundCount};
use samverka_store::surveys::instruments;
use samverka_store::surveys::responses::{self, CountFilter, FreeText};
use samverka_store::surveys::rounds;
pub use samverka_store::surveys::rounds::Round;

use crate::{Ctx, Error, Result};

mod view;

pub use view::{Beside, Choice, Choices, CountedRound, Radar, ResultsPage, ResultsQuery, page};

/// The most rounds a trend shows: the round and those before it.
pub const TREND_ROUNDS: usize = 10;

/// Which responses to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultsFilter {
    /// The region, a municipality or a centre (`None`: the region).
    pub selection: Option<Selection>,
    /// Only responses in this language.
    pub language: Option<String>,
    /// Only responses that came in this way.
    pub channel: Option<Channel>,
}

/// A round's results for a filter.
#[derive(Debug, Clone)]
pub struct RoundResults {
    /// The round.
    pub round: rounds::Round,
    /// What it asked.
    pub definition: Definition,
    /// What was shown.
    pub selection: Selection,
    /// Each question's result, suppressed where too few answered.
    pub questions: Vec<QuestionResult>,
    /// The smallest number of answers shown.
    pub threshold: Threshold,
}

/// The smallest number of answers a breakdown of a region's survey results
/// may show (*minsta antal svar*): the one place it is decided, from the
/// region's setting; core never lets it go below 5.
pub async fn threshold_for(c: &mut Conn, region_id: i64) -> Result<Threshold> {
    Ok(samverka_store::registry::regions::get(c, region_id)
        .await?
        .survey_threshold())
}

fn centre_of(selection: Selection) -> Option<i64> {
    match selection {
        Selection::Centre(id) => Some(id),
        _ => None,
    }
}

/// The centres of a round with their municipalities.
async fn places_of(c: &mut Conn, round: &Round) -> Result<Vec<Place>> {
    Ok(centres::list(c, Some(round.region_id))
        .await?
        .into_iter()
        .filter(|centre| round.has_centre(centre.id))
        .map(|centre| Place {
            centre_id: centre.id,
            municipality_id: centre.municipality_id,
        })
        .collect())
}

fn count_filter(filter: &ResultsFilter) -> CountFilter {
    CountFilter {
        centre_ids: None,
        languages: filter.language.clone().map(|l| vec![l]),
        channels: filter.channel.map(|ch| vec![ch]),
    }
}

/// The centres whose responses a selection holds (`None`: all, and those
/// without a centre).
fn centres_of(selection: Selection, places: &[Place]) -> Option<Vec<i64>> {
    match selection {
        Selection::Region => None,
        Selection::Municipality(m) => Some(
            places
                .iter()
                .filter(|p| p.municipality_id == m)
                .map(|p| p.centre_id)
                .collect(),
        ),
        Selection::Centre(c) => Some(vec![c]),
    }
}

/// The kept counts of rounds for a selection, by round: per centre the
/// answered counts (for the tree), and the options' counts summed over the
/// selection. Two queries, whatever the number of rounds.
async fn read_counts(
    c: &mut Conn,
    round_ids: &[i64],
    filter: &ResultsFilter,
    selection: Selection,
    places: &[Place],
) -> Result<BTreeMap<i64, RoundTallies>> {
    let mut out: BTreeMap<i64, RoundTallies> = BTreeMap::new();
    let base = count_filter(filter);
    for t in counts::answered_by_centre(c, round_ids, &base).await? {
        out.entry(t.round_id).or_default().answered.push(tally(t));
    }
    let chosen = CountFilter {
        centre_ids: centres_of(selection, places),
        ..base
    };
    for t in counts::chosen(c, round_ids, &chosen).await? {
        out.entry(t.round_id).or_default().chosen.push(tally(t));
    }
    Ok(out)
}

/// One round's kept counts as [`read_counts`] reads them.
#[derive(Debug, Default)]
struct RoundTallies {
    answered: Vec<Tally>,
    chosen: Vec<Tally>,
}

fn tally(t: RoundCount) -> Tally {
    Tally {
        centre_id: t.centre_id,
        question: t.question_key,
        option: t.option_key,
        count: u32::try_from(t.count).unwrap_or(u32::MAX),
    }
}

fn internal(round_id: i64) -> impl Fn(ResultsError) -> Error {
    move |e| {
        tracing::error!("results of round {round_id}: {e}");
        Error::Internal
    }
}

/// A round whose results the actor may read for a selection, and what it
/// asked.
async fn readable(
    ctx: &Ctx,
    c: &mut Conn,
    round_id: i64,
    selection: Selection,
) -> Result<(Round, Definition)> {
    let round = rounds::get(c, round_id).await?;
    Error::require(
        ctx.actor
            .can_read_survey_results(round.region_id, centre_of(selection)),
    )?;
    let definition = instruments::get_version(c, round.version_id).await?.definition;
    Ok((round, definition))
}

/// The results of a round for a filter (those who may read them: the whole
/// region's readers; a local coordinator their own centres only).
pub async fn of_round(ctx: &Ctx, round_id: i64, filter: &ResultsFilter) -> Result<RoundResults> {
    let selection = filter.selection.unwrap_or(Selection::Region);
    let mut c = ctx.read().await?;
    let (round, definition) = readable(ctx, &mut c, round_id, selection).await?;
    let places = places_of(&mut c, &round).await?;
    let tallies = read_counts(&mut c, &[round.id], filter, selection, &places)
        .await?
        .remove(&round.id)
        .unwrap_or_default();
    let threshold = threshold_for(&mut c, round.region_id).await?;
    let questions = breakdown::count_summed(
        &definition,
        &tallies.answered,
        &tallies.chosen,
        &places,
        selection,
        threshold,
        Merge::None,
    )
    .map_err(internal(round_id))?
    .iter()
    .map(Counted::result)
    .collect();
    Ok(RoundResults {
        round,
        definition,
        selection,
        questions,
        threshold,
    })
}

/// A centre's free texts to one question of a round, with what a page
/// says around them.
#[derive(Debug, Clone)]
pub struct CentreTexts {
    /// The round.
    pub round: Round,
    /// The question.
    pub question: Question,
    /// The centre's name.
    pub centre: String,
    /// The texts, hidden when the centre's answers to the question are.
    pub texts: Shown<Vec<FreeText>>,
}

/// The free texts given at a centre to one question (its text answers or
/// its yes/no comments): for those who may read the centre's results, and
/// only when the centre's answers to the question are shown at all. Reads
/// only that question's kept counts to decide.
pub async fn texts(ctx: &Ctx, round_id: i64, question: &str, centre_id: i64) -> Result<Shown<Vec<FreeText>>> {
    Ok(centre_texts(ctx, round_id, question, centre_id).await?.texts)
}

/// [`texts`] with the round, the question and the centre's name.
pub async fn centre_texts(ctx: &Ctx, round_id: i64, question: &str, centre_id: i64) -> Result<CentreTexts> {
    let mut c = ctx.read().await?;
    let (round, definition) = readable(ctx, &mut c, round_id, Selection::Centre(centre_id)).await?;
    if !round.has_centre(centre_id) {
        return Err(Error::NotFound);
    }
    let Some(q) = definition.question(question) else {
        return Err(Error::NotFound);
    };
    let places = places_of(&mut c, &round).await?;
    let centre = centres::get(&mut c, centre_id).await?.name;
    let tallies: Vec<Tally> = counts::answered(&mut c, round.id, question)
        .await?
        .into_iter()
        .map(tally)
        .collect();
    let threshold = threshold_for(&mut c, round.region_id).await?;
    let counted = breakdown::count_one(q, &tallies, &places, Selection::Centre(centre_id), threshold)
        .map_err(internal(round_id))?;
    let texts = if counted.is_shown() {
        Shown::Value(responses::texts(&mut c, round_id, question, Some(&[centre_id])).await?)
    } else {
        Shown::Suppressed
    };
    Ok(CentreTexts {
        question: q.clone(),
        round,
        centre,
        texts,
    })
}
