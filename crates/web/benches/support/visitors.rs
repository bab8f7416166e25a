//! What the visitor benches share: rounds of the adult visitor survey at
//! every centre of Region Uppsala, plausible responses that follow its
//! routing, clients that send for a while, and counting what was stored.

use std::collections::BTreeMap;
use std::future::Future;
use std::time::{Duration, Instant};

use rand::Rng;
use rand::seq::IndexedRandom;
use samverka_app::surveys::rounds::RoundDraft;
use samverka_app::surveys::{instruments, rounds};
use samverka_core::surveys::definition::{Definition, Question, QuestionType};
use samverka_core::surveys::response::{Answers, validate};
use samverka_core::surveys::routing::route;
use serde_json::{Value, json};

use super::{Server, median, ms, percentile};

/// A number from the environment (at least 1), or `default`.
pub fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(default)
        .max(1)
}

/// Rounds of the adult visitor survey open today at every centre of
/// Region Uppsala, one per title.
pub struct VisitorRounds {
    /// The rounds' ids, in the order of the titles.
    pub ids: Vec<i64>,
    /// The first round's anonymous link codes, one per centre.
    pub codes: Vec<String>,
    /// What the survey asks.
    pub definition: Definition,
}

/// Installs the built-in surveys and opens a round for each title.
pub fn visitor_rounds(server: &Server, titles: &[&str]) -> VisitorRounds {
    let app = server.app.clone();
    server.runtime.block_on(async {
        let ctx = app.cli();
        instruments::install_builtin(&ctx)
            .await
            .expect("the built-in surveys");
        let region = samverka_app::registry::regions::find(&ctx, "Region Uppsala")
            .await
            .expect("Region Uppsala");
        let (_, centres, _) = samverka_app::registry::centres::in_region(&ctx, region.id)
            .await
            .expect("its centres");
        let adult = instruments::list(&ctx, region.id)
            .await
            .expect("the surveys")
            .into_iter()
            .find(|v| v.instrument.key == "visitor_adult")
            .expect("the adult visitor survey");
        let version = adult.versions.last().expect("a version");
        let mut ids = Vec::new();
        for title in titles {
            let id = rounds::create(
                &ctx,
                region.id,
                &RoundDraft {
                    version_id: version.id,
                    title: (*title).into(),
                    respondent_group: "visitors".into(),
                    opens_on: ctx.today.to_string(),
                    closes_on: (ctx.today + chrono::Duration::days(30)).to_string(),
                    centre_ids: centres.iter().map(|c| c.centre.id).collect(),
                },
            )
            .await
            .expect("a round");
            ids.push(id);
        }
        let round = rounds::get(&ctx, ids[0]).await.expect("the round");
        VisitorRounds {
            ids,
            codes: round.centres.iter().map(|c| c.link_code.clone()).collect(),
            definition: version.definition.clone(),
        }
    })
}

/// One answer a visitor might give to `q`.
fn pick(q: &Question, rng: &mut impl Rng) -> Option<Value> {
    if rng.random_bool(0.08) {
        return None; // left unanswered
    }
    let keys = q.option_keys();
    Some(match q.kind {
        QuestionType::MultipleChoice => {
            let chosen: Vec<&str> = keys.iter().copied().filter(|_| rng.random_bool(0.4)).collect();
            if chosen.is_empty() {
                return None;
            }
            json!(chosen)
        }
        QuestionType::YesNo => json!(if rng.random_bool(0.7) { "yes" } else { "no" }),
        QuestionType::Number => json!(rng.random_range(q.min.unwrap_or(0)..=q.max.unwrap_or(20))),
        QuestionType::ShortText | QuestionType::LongText => {
            if rng.random_bool(0.7) {
                return None;
            }
            json!("Personalen är vänlig och det finns alltid någon att prata med.")
        }
        _ => json!(keys.choose(rng)?),
    })
}

/// A whole response that follows the survey's routing, as checked answers
/// and as the API's body.
fn response(def: &Definition, rng: &mut impl Rng) -> (Answers, Value) {
    let mut raw = serde_json::Map::new();
    for q in def.questions() {
        let answers = validate(def, "sv", &raw).unwrap_or_default();
        if !route(def, &answers).is_visible(&q.key) {
            continue;
        }
        if let Some(v) = pick(q, rng) {
            raw.insert(q.key.clone(), v);
        }
    }
    let answers = validate(def, "sv", &raw).expect("answers that follow the routing");
    (answers.clone(), Value::Object(answers.to_raw()))
}

/// `n` different responses to `def`.
pub fn responses(def: &Definition, n: usize) -> Vec<(Answers, Value)> {
    let mut rng = rand::rng();
    (0..n).map(|_| response(def, &mut rng)).collect()
}

/// What the clients did.
#[derive(Debug, Default)]
pub struct Tally {
    /// Responses completed.
    pub taken: u64,
    /// Failed requests by status (0: no answer).
    pub failures: BTreeMap<u16, u64>,
    /// The time of each timed unit (a request, or a visitor's whole walk).
    pub times: Vec<Duration>,
    /// Requests sent.
    pub requests: u64,
    /// The time of each whole walk through the survey, when a response
    /// takes several requests.
    pub walks: Vec<Duration>,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.taken += other.taken;
        self.requests += other.requests;
        self.times.extend(other.times);
        self.walks.extend(other.walks);
        for (status, n) in other.failures {
            *self.failures.entry(status).or_default() += n;
        }
    }

    /// One line: how many per second, the median and the 99th percentile.
    pub fn print(&self, what: &str, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        println!(
            "{what}: {} completed in {secs:.1} s = {:.0}/s ({:.0} requests/s); median {:.2} ms, p99 {:.2} ms; failures {:?}",
            self.taken,
            self.taken as f64 / secs,
            self.requests as f64 / secs,
            median(&self.times).map_or(0.0, ms),
            percentile(&self.times, 99).map_or(0.0, ms),
            self.failures
        );
        if !self.walks.is_empty() {
            println!(
                "  a whole walk, first page to thanks: median {:.2} ms, p99 {:.2} ms",
                median(&self.walks).map_or(0.0, ms),
                percentile(&self.walks, 99).map_or(0.0, ms),
            );
        }
    }
}

/// Runs `clients` clients, each calling `work(client, i)` with `i` counting
/// up, for `seconds`, from a runtime of their own (not the server's); each
/// call adds to the client's tally.
pub fn drive<F, Fut>(clients: u64, seconds: Duration, work: F) -> (Tally, Duration)
where
    F: Fn(u64, u64, Tally) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Tally> + Send + 'static,
{
    let load = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the clients' runtime");
    let started = Instant::now();
    let tally = load.block_on(async {
        let mut tasks = Vec::new();
        for client in 0..clients {
            let work = work.clone();
            tasks.push(tokio::spawn(async move {
                let mut tally = Tally::default();
                let mut i = client * 7919;
                while started.elapsed() < seconds {
                    i += 1;
                    tally = work(client, i, tally).await;
                }
                tally
            }));
        }
        let mut all = Tally::default();
        for task in tasks {
            all.add(task.await.expect("a client"));
        }
        all
    });
    (tally, started.elapsed())
}

/// Sends a request and reads the whole answer: its status (0 when none
/// came) and body.
pub async fn send(request: reqwest::RequestBuilder) -> (u16, String) {
    match request.send().await {
        Ok(res) => {
            let status = res.status().as_u16();
            (status, res.text().await.unwrap_or_default())
        }
        Err(_) => (0, String::new()),
    }
}

/// The responses stored for a round, read from the file itself.
pub fn stored(server: &Server, round_id: i64) -> i64 {
    server.runtime.block_on(async {
        let url = server.file.to_str().expect("a UTF-8 path");
        let db = samverka_store::Db::open(url).await.expect("the database");
        let mut c = db.read().await.expect("a connection");
        sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE round_id = $1")
            .bind(round_id)
            .fetch_one(&mut *c)
            .await
            .expect("the count")
    })
}

/// Says whether every completed response was stored.
pub fn check_stored(stored: i64, taken: u64) {
    println!(
        "stored {stored} of {taken} completed ({})",
        if stored as u64 == taken {
            "nothing lost"
        } else {
            "MISMATCH"
        }
    );
}
