//! Group commit for anonymous responses: the responses sent through links
//! at the same moment are stored in one write transaction, so that one
//! flush to disk acknowledges all of them instead of one flush each.
//!
//! Each response is queued for the writer, a thread of its own that drives
//! the writes itself (`Handle::block_on`): it takes everything queued (up to
//! [`MOST`]), stores it in one transaction, tells each sender, and takes
//! what has queued meanwhile. A transaction is a dozen round trips to the
//! database; run as a task, each of them would wait behind the requests'
//! tasks on a busy runtime before it could send the next, and so would the
//! start of each batch, while the writer — the one thing every response
//! waits for — stood idle. A response is acknowledged only once the
//! transaction that holds it is committed, so a crash never loses one that
//! was answered 201, and a sender who hangs up cancels nothing. With one
//! sender at a time, each batch holds one response, as a plain write would.
//!
//! A batch is written in a few statements for all its responses
//! (`responses::insert_counted`). If it fails, its responses are stored
//! again one transaction each, so that one bad response (its round deleted
//! meanwhile, say) is refused alone.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use samverka_core::surveys::response::Answers;
use samverka_core::surveys::round::Channel;
use samverka_store::surveys::responses;
use samverka_store::{Db, WriteConn};
use tokio::sync::{mpsc, oneshot};

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

/// The way to the writer thread (started with the first response), and
/// what it shares with the senders.
#[derive(Default)]
pub(crate) struct Intake {
    writer: Mutex<Option<mpsc::UnboundedSender<Pending>>>,
    shared: Arc<Shared>,
}

/// What the writer shares with the senders.
#[derive(Default)]
struct Shared {
    /// Responses sent and not yet taken into a batch.
    waiting: AtomicUsize,
    /// Held by the writer while it takes and writes a batch (tests hold it
    /// to make responses queue up).
    busy: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for Intake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Intake").finish_non_exhaustive()
    }
}

impl Intake {
    /// The way to the writer, starting it (again, if it has stopped).
    fn writer(&self, db: &Db) -> Result<mpsc::UnboundedSender<Pending>> {
        let mut writer = self.writer.lock().map_err(|_| Error::Internal)?;
        if let Some(w) = writer.as_ref().filter(|w| !w.is_closed()) {
            return Ok(w.clone());
        }
        let runtime = tokio::runtime::Handle::try_current().map_err(|_| Error::Internal)?;
        let (w, queue) = mpsc::unbounded_channel();
        let (db, shared) = (db.clone(), self.shared.clone());
        std::thread::Builder::new()
            .name("samverka-intake".into())
            .spawn(move || runtime.block_on(write_batches(db, shared, queue)))
            .map_err(|e| {
                tracing::error!("the writer of responses did not start: {e}");
                Error::Internal
            })?;
        *writer = Some(w.clone());
        Ok(w)
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
    let writer = intake.writer(app.db())?;
    intake.shared.waiting.fetch_add(1, Ordering::SeqCst);
    if writer.send(pending).is_err() {
        intake.shared.waiting.fetch_sub(1, Ordering::SeqCst);
        return Err(Error::Internal);
    }
    // Dropped unanswered only if the writer died: an error, never a 201.
    outcome.await.map_err(|_| Error::Internal)?
}

/// The writer: takes what is queued (up to [`MOST`]), stores it, and again,
/// until every sender is gone (the app with them).
async fn write_batches(db: Db, shared: Arc<Shared>, mut queue: mpsc::UnboundedReceiver<Pending>) {
    while let Some(first) = queue.recv().await {
        let _busy = shared.busy.lock().await;
        let mut batch = vec![first];
        while batch.len() < MOST {
            match queue.try_recv() {
                Ok(p) => batch.push(p),
                Err(_) => break,
            }
        }
        shared.waiting.fetch_sub(batch.len(), Ordering::SeqCst);
        store_batch(&db, batch).await;
    }
}

/// Stores a batch in one transaction; if that fails, each response in one
/// of its own. Tells each sender how its response fared.
async fn store_batch(db: &Db, mut batch: Vec<Pending>) {
    if batch.len() == 1 {
        let outcome = write(db, &batch).await;
        answer(&mut batch[0], outcome);
        return;
    }
    match write(db, &batch).await {
        Ok(()) => batch.iter_mut().for_each(|p| answer(p, Ok(()))),
        Err(e) => {
            tracing::warn!(
                "a batch of {} responses failed ({e}); storing them one by one",
                batch.len()
            );
            for p in &mut batch {
                let outcome = write(db, std::slice::from_ref(p)).await;
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
async fn write(db: &Db, batch: &[Pending]) -> Result<()> {
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
    let mut conn = db.write_conn().await?;
    let outcome = write_on(&mut conn, &list).await;
    conn.release().await;
    outcome
}

/// Stores `list` in one write transaction on `conn`.
async fn write_on(conn: &mut WriteConn, list: &[responses::Incoming<'_>]) -> Result<()> {
    let mut tx = conn.begin().await?;
    responses::insert_counted(&mut tx, list).await?;
    Ok(tx.commit().await.map_err(samverka_store::StoreError::from)?)
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
            let busy = app.intake().shared.busy.lock().await;
            let mut sent = Vec::new();
            for i in 0..11 {
                let (app, answers) = (app.clone(), answers.clone());
                let to = if i == 5 { round + 1000 } else { round };
                sent.push(tokio::spawn(async move {
                    super::store(&app, to, Some(centre), "sv", today, answers).await
                }));
            }
            while app
                .intake()
                .shared
                .waiting
                .load(std::sync::atomic::Ordering::SeqCst)
                < 11
            {
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
