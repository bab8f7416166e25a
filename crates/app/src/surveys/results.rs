//! A round's results (*enkätresultat*): the only way answers are read.
//! Counts come from the totals kept as responses arrive, never from the raw
//! answers; every breakdown is suppressed by core's rules before anything
//! leaves this module.

use samverka_core::surveys::breakdown::{self, Place, QuestionResult, Selection, Tally};
use samverka_core::surveys::definition::Definition;
use samverka_core::surveys::results::{Shown, Threshold};
use samverka_core::surveys::round::Channel;
use samverka_store::registry::centres;
use samverka_store::surveys::responses::{self, CountFilter, FreeText};
use samverka_store::surveys::{instruments, rounds};

use crate::{Ctx, Error, Result};

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

fn centre_of(selection: Selection) -> Option<i64> {
    match selection {
        Selection::Centre(id) => Some(id),
        _ => None,
    }
}

/// The results of a round for a filter (those who may read them: the whole
/// region's readers; a local coordinator their own centres only).
pub async fn of_round(ctx: &Ctx, round_id: i64, filter: &ResultsFilter) -> Result<RoundResults> {
    let selection = filter.selection.unwrap_or(Selection::Region);
    let mut c = ctx.read().await?;
    let round = rounds::get(&mut c, round_id).await?;
    Error::require(
        ctx.actor
            .can_read_survey_results(round.region_id, centre_of(selection)),
    )?;
    let definition = instruments::get_version(&mut c, round.version_id)
        .await?
        .definition;
    let places: Vec<Place> = centres::list(&mut c, Some(round.region_id))
        .await?
        .into_iter()
        .filter(|centre| round.has_centre(centre.id))
        .map(|centre| Place {
            centre_id: centre.id,
            municipality_id: centre.municipality_id,
        })
        .collect();
    let counts = responses::counts_by_centre(
        &mut c,
        round.id,
        &CountFilter {
            centre_ids: None,
            languages: filter.language.clone().map(|l| vec![l]),
            channels: filter.channel.map(|ch| vec![ch]),
        },
    )
    .await?;
    let tallies: Vec<Tally> = counts
        .into_iter()
        .filter(|t| !t.question_key.is_empty())
        .map(|t| Tally {
            centre_id: t.centre_id,
            question: t.question_key,
            option: t.option_key,
            count: u32::try_from(t.count).unwrap_or(u32::MAX),
        })
        .collect();
    let threshold = Threshold::default();
    let questions =
        breakdown::results(&definition, &tallies, &places, selection, threshold).map_err(|e| {
            tracing::error!("results of round {round_id}: {e}");
            Error::Internal
        })?;
    Ok(RoundResults {
        round,
        definition,
        selection,
        questions,
        threshold,
    })
}

/// The free texts given at a centre to one question (its text answers or
/// its yes/no comments): for those who may read the centre's results, and
/// only when the centre's answers to the question are shown at all.
pub async fn texts(ctx: &Ctx, round_id: i64, question: &str, centre_id: i64) -> Result<Shown<Vec<FreeText>>> {
    let filter = ResultsFilter {
        selection: Some(Selection::Centre(centre_id)),
        ..ResultsFilter::default()
    };
    let results = of_round(ctx, round_id, &filter).await?;
    let Some(result) = results.questions.iter().find(|q| q.key == question) else {
        return Err(Error::NotFound);
    };
    if result.answered.is_suppressed() {
        return Ok(Shown::Suppressed);
    }
    let mut c = ctx.read().await?;
    Ok(Shown::Value(
        responses::texts(&mut c, round_id, question, Some(&[centre_id])).await?,
    ))
}
