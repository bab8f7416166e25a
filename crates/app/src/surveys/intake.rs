//! Group commit for anonymous responses: the responses sent through links
//! at the same moment are stored in one write transaction, so that one
//! flush to disk acknowledges all of them instead of one flush each.
//!
//! Each response is queued, then a task of its own waits for its turn at the
//! writer and stores everything queued by then (its own response, unless an
//! earlier turn took it already). A response is acknowledged only once the
//! transaction that holds it is committed, so a crash never loses one that
//! was answered 201. The turn is taken in a spawned task, so a sender who
//! hangs up mid-write cancels nothing of the others'. With one sender at a
//! time, each turn stores one response, as a plain write would.
//!
//! A batch is written in a few statements for all its responses
//! (`responses::insert_counted`). If it fails, its responses are stored
//! again one transaction each, so that one bad response (its round deleted
//! meanwhile, say) is refused alone.

use std::sync::Mutex;

use chrono::NaiveDate;
use samverka_core::surveys::response::Answers;
use samverka_core::surveys::round::Channel;
use samverka_store::surveys::responses;
use tokio::sync::oneshot;

use crate::ctx::commit_anonymous;
use crate::{App, Error, Result};

/// At most this many responses in one transaction.
const MOST: usize = 256;

/// One response waiting to be stored.
pub(crate) struct Pending {
    pub round_id: i64,
    pub centre_id: Option<i64>,
    pub language: String,
    pub day: NaiveDate,
    pub answers: Answers,
    done: Option<oneshot::Sender<Result<()>>>,
}

/// The queue of responses waiting for the writer, and the writer's turn.
#[derive(Default)]
pub(crate) struct Intake {
    queue: Mutex<Vec<Pending>>,
    turn: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for Intake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Intake").finish_non_exhaustive()
    }
}

/// Stores one anonymous response with those sent at the same moment;
/// returns once the transaction holding it is committed.
pub(crate) async fn store(
    app: &App,
    round_id: i64,
    centre_id: Option<i64>,
    language: &str,
    day: NaiveDate,
    answers: Answers,
) -> Result<()> {
    let (done, outcome) = oneshot::channel();
    let pending = Pending {
        round_id,
        centre_id,
        language: language.to_string(),
        day,
        answers,
        done: Some(done),
    };
    let intake = app.intake();
    intake.queue.lock().map_err(|_| Error::Internal)?.push(pending);
    let app = app.clone();
    tokio::spawn(async move { take_turn(&app).await });
    outcome.await.map_err(|_| Error::Internal)?
}

/// Waits for the writer and stores what is queued (up to [`MOST`]).
async fn take_turn(app: &App) {
    let intake = app.intake();
    let _turn = intake.turn.lock().await;
    let mut batch = match intake.queue.lock() {
        Ok(mut queue) => {
            let take = queue.len().min(MOST);
            queue.drain(..take).collect::<Vec<_>>()
        }
        Err(_) => return,
    };
    if batch.is_empty() {
        return;
    }
    if batch.len() == 1 {
        let outcome = write(app, &batch).await;
        answer(&mut batch[0], outcome);
        return;
    }
    match write(app, &batch).await {
        Ok(()) => batch.iter_mut().for_each(|p| answer(p, Ok(()))),
        Err(e) => {
            tracing::warn!(
                "a batch of {} responses failed ({e}); storing them one by one",
                batch.len()
            );
            for p in &mut batch {
                let outcome = write(app, std::slice::from_ref(p)).await;
                answer(p, outcome);
            }
        }
    }
}

fn answer(p: &mut Pending, outcome: Result<()>) {
    if let Some(done) = p.done.take() {
        // The sender may have hung up; the response is stored all the same.
        let _ = done.send(outcome);
    }
}

/// Stores `batch` in one write transaction.
async fn write(app: &App, batch: &[Pending]) -> Result<()> {
    let list: Vec<responses::Incoming<'_>> = batch
        .iter()
        .map(|p| responses::Incoming {
            round_id: p.round_id,
            centre_id: p.centre_id,
            language: &p.language,
            channel: Channel::Link,
            submitted_on: p.day,
            answers: &p.answers,
        })
        .collect();
    let mut tx = app.db().write().await?;
    responses::insert_counted(&mut tx, &list).await?;
    commit_anonymous(tx).await
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use samverka_core::RuleSet;
    use samverka_core::centre::CentreInput;
    use samverka_core::surveys::response::validate;
    use samverka_core::surveys::results::Shown;
    use samverka_store::testing::TestDb;

    use crate::seed::Seeder;
    use crate::surveys::results::{ResultsFilter, of_round};
    use crate::surveys::rounds::RoundDraft;
    use crate::surveys::{instruments, rounds};
    use crate::{App, AppConfig, Error, FixedClock};

    const DOCUMENT: &str = r#"{"key": "kort", "title": {"sv": "Kort"}, "languages": ["sv"],
      "blocks": [{"key": "b", "questions": [
        {"key": "ok", "type": "yes_no", "required": true, "text": {"sv": "Bra?"}}]}]}"#;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_batch_with_one_bad_response_stores_the_others_and_refuses_it_alone() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        for t in TestDb::all().await {
            let n = t.name();
            let app = App::new(
                t.db.clone(),
                AppConfig::default(),
                Arc::new(FixedClock::on(today)),
            );
            let ctx = app.cli();
            let mut s = Seeder::begin(&ctx).await.expect("seeder");
            let region = s
                .region("Region Test", Some("99"), &RuleSet::default())
                .await
                .expect("region");
            let m = s
                .municipality(region, "9901", "Ettby")
                .await
                .expect("municipality");
            let centre = s
                .centre(
                    region,
                    &CentreInput {
                        name: "Ettby".into(),
                        municipality_id: m,
                        address: None,
                        opened_on: None,
                        shared_opening_minutes: None,
                    },
                )
                .await
                .expect("centre");
            s.commit().await.expect("seeded");
            let (_, version) = instruments::import(&ctx, region, DOCUMENT, true)
                .await
                .expect("imported");
            let round = rounds::create(
                &ctx,
                region,
                &RoundDraft {
                    version_id: version,
                    title: "Kort".into(),
                    respondent_group: "visitors".into(),
                    opens_on: "2026-11-01".into(),
                    closes_on: "2026-12-15".into(),
                    centre_ids: vec![centre],
                },
            )
            .await
            .expect("a round");
            let def =
                samverka_core::surveys::definition::Definition::from_json(DOCUMENT).expect("a definition");
            let raw = serde_json::json!({"ok": "yes"});
            let answers = validate(&def, "sv", raw.as_object().expect("an object")).expect("valid");

            // While the writer is busy, ten good responses and one for a
            // round that is not there queue up: one batch of eleven.
            let busy = app.intake().turn.lock().await;
            let mut sent = Vec::new();
            for i in 0..11 {
                let (app, answers) = (app.clone(), answers.clone());
                let to = if i == 5 { round + 1000 } else { round };
                sent.push(tokio::spawn(async move {
                    super::store(&app, to, Some(centre), "sv", today, answers).await
                }));
            }
            while app.intake().queue.lock().expect("the queue").len() < 11 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            drop(busy);
            for (i, s) in sent.into_iter().enumerate() {
                let outcome = s.await.expect("a sender");
                if i == 5 {
                    assert_eq!(outcome, Err(Error::NotFound), "{n}");
                } else {
                    assert_eq!(outcome, Ok(()), "{n}: response {i}");
                }
            }
            let results = of_round(&ctx, round, &ResultsFilter::default())
                .await
                .expect("results");
            assert_eq!(results.questions[0].answered, Shown::Value(10), "{n}");
            app.close().await;
            t.cleanup().await;
        }
    }
}
