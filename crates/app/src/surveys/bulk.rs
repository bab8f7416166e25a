//! Responses loaded in bulk (*massinläsning*): many responses to one round
//! in one transaction, for demo data at national scale and for benchmarks.
//! Each response is checked against the round's version as one sent through
//! a link would be; the answers go to the database thousands of rows a
//! statement, and the round's counts are rebuilt once at the end.

use chrono::NaiveDate;
use samverka_core::surveys::response::{Answers, validate};
use samverka_core::surveys::round::Channel;
use samverka_store::surveys::responses::{self, NewResponse};
use samverka_store::surveys::{instruments, rounds};

use super::answers_refused;
use crate::{Ctx, Error, Result};

/// Responses checked and stored per batch.
const BATCH: usize = 10_000;

/// One response to load.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The centre it is for (one of the round's), or none.
    pub centre_id: Option<i64>,
    /// The language it was answered in (one the version offers).
    pub language: String,
    /// How it came in.
    pub channel: Channel,
    /// The day it came in.
    pub submitted_on: NaiveDate,
    /// The answers.
    pub answers: Answers,
}

/// Loads `n` responses to a round, the `i`-th made by `make(i)` (those who
/// manage the round's region): all or none, in one transaction, with the
/// round's counts rebuilt before it commits. `progress(done)` is called
/// after each batch. A response that its version would refuse refuses the
/// whole load, naming the question.
pub async fn load(
    ctx: &Ctx,
    round_id: i64,
    n: usize,
    mut make: impl FnMut(usize) -> Loaded,
    progress: impl Fn(usize),
) -> Result<()> {
    let mut tx = ctx.write().await?;
    let round = rounds::get(&mut tx, round_id).await?;
    Error::require(ctx.actor.can_manage_region(round.region_id))?;
    let definition = instruments::get_version(&mut tx, round.version_id)
        .await?
        .definition;
    let mut done = 0;
    while done < n {
        let batch: Vec<Loaded> = (done..n.min(done + BATCH)).map(&mut make).collect();
        for r in &batch {
            if r.centre_id.is_some_and(|c| !round.has_centre(c)) {
                return Err(Error::field("centre_id", "invalid-choice"));
            }
            let checked = validate(&definition, &r.language, &r.answers.to_raw()).map_err(answers_refused)?;
            if checked != r.answers {
                return Err(Error::field("answers", "invalid"));
            }
        }
        let list: Vec<NewResponse<'_>> = batch
            .iter()
            .map(|r| NewResponse {
                centre_id: r.centre_id,
                language: &r.language,
                channel: r.channel,
                submitted_on: r.submitted_on,
                answers: &r.answers,
            })
            .collect();
        responses::insert_many(&mut tx, round.id, &list).await?;
        done += batch.len();
        progress(done);
    }
    responses::rebuild_counts(&mut tx, Some(round.id)).await?;
    ctx.commit(tx).await
}
