//! How fast a round's results page answers for a round with a million
//! responses, with each filter.
//!
//! Run it with
//!
//! ```text
//! cargo bench -p samverka-web --bench results
//! ```
//!
//! What it does: loads the synthetic national data set into an SQLite file
//! (`samverka_demo::load_national`), installs the built-in surveys, and in
//! the region with the most centres makes ten yearly rounds of the adult
//! visitor survey at all its centres. The newest round gets a million
//! responses, each earlier one a hundred thousand, spread over the centres,
//! four languages and two channels. Only the kept counts are written
//! (`answer_counts`, and `answer_totals` summed from them), as storing those
//! responses would leave them: the results page reads nothing else, and
//! writing a million raw responses belongs to the export bench. It then logs in over HTTP as the demo administrator
//! and times `GET /rounds/{id}/results` with each filter (the whole region,
//! a municipality, a centre, a language, a channel, merged steps, a round
//! beside it, the trend over the ten rounds), from sending the request to
//! having read the whole body, and prints the median and the 90th
//! percentile of each against the budget (100 ms at the median). It is a
//! measurement, not a test: it never fails because a page is slow.

mod support;

use std::time::{Duration, Instant};

use samverka_app::surveys::instruments;
use samverka_app::surveys::rounds::{self, RoundDraft};
use samverka_core::surveys::definition::{Definition, QuestionType};
use support::{Data, Server, fetch, log_in, median, ms, percentile};

/// The budget at the median.
const BUDGET: Duration = Duration::from_millis(100);
/// Requests timed per filter (after three not timed).
const RUNS: usize = 30;
/// Responses of the newest round.
const RESPONSES: u64 = 1_000_000;
/// Responses of each earlier round.
const EARLIER: u64 = 100_000;
/// Yearly rounds.
const ROUNDS: i32 = 10;

/// A small deterministic generator (xorshift), so every run counts the same.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Weights 1..=9 for `n` options.
    fn weights(&mut self, n: usize) -> Vec<u64> {
        (0..n).map(|_| 1 + self.next() % 9).collect()
    }
}

/// `total` split by weights (the rest to the first).
fn split(total: u64, weights: &[u64]) -> Vec<u64> {
    let sum: u64 = weights.iter().sum::<u64>().max(1);
    let mut parts: Vec<u64> = weights.iter().map(|w| total * w / sum).collect();
    let given: u64 = parts.iter().sum();
    if let Some(first) = parts.first_mut() {
        *first += total - given;
    }
    parts
}

/// The count rows a round's responses would leave: per centre, language
/// and channel, the responses, each question answered and each option
/// chosen.
fn count_rows(
    def: &Definition,
    centres: &[i64],
    responses: u64,
    dice: &mut Dice,
) -> Vec<(i64, String, String, String, String, i64)> {
    let languages = [("sv", 80), ("en", 8), ("ar", 8), ("fa", 4)];
    let channels = [("link", 85), ("paper", 15)];
    let per_centre = split(responses, &dice.weights(centres.len()));
    let mut rows = Vec::new();
    for (centre, n) in centres.iter().zip(per_centre) {
        for (language, lw) in languages {
            for (channel, cw) in channels {
                let n = n * lw * cw / 10_000;
                if n == 0 {
                    continue;
                }
                let mut push = |q: &str, o: &str, count: u64| {
                    if count > 0 {
                        rows.push((
                            *centre,
                            language.to_string(),
                            channel.to_string(),
                            q.to_string(),
                            o.to_string(),
                            i64::try_from(count).unwrap_or(i64::MAX),
                        ));
                    }
                };
                push("", "", n);
                for q in def.questions() {
                    // Questions behind a condition are answered by fewer.
                    let rate = if q.show_if.is_some() { 30 } else { 95 };
                    let answered = n * rate / 100;
                    push(&q.key, "", answered);
                    let keys = q.option_keys();
                    match q.kind {
                        QuestionType::MultipleChoice => {
                            for k in keys {
                                push(&q.key, k, answered * (10 + dice.next() % 50) / 100);
                            }
                        }
                        _ if q.kind.has_options() => {
                            for (k, c) in keys.iter().zip(split(answered, &dice.weights(keys.len()))) {
                                push(&q.key, k, c);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    rows
}

/// Ten rounds of the adult visitor survey in the busiest region, their
/// counts written; the newest round's id, the previous one's, a
/// municipality and a centre of the region.
async fn fill(server: &Server) -> (i64, i64, i64, i64) {
    let ctx = server.app.cli();
    instruments::install_builtin(&ctx)
        .await
        .expect("the built-in surveys");
    let url = server.file.to_str().expect("a UTF-8 path");
    let db = samverka_store::Db::connect(url).await.expect("the database");
    let mut c = db.read().await.expect("a connection");
    let centres: Vec<(i64, i64, i64)> = sqlx::query_as("SELECT id, region_id, municipality_id FROM centres")
        .fetch_all(&mut *c)
        .await
        .expect("the centres");
    let mut per_region: std::collections::BTreeMap<i64, Vec<(i64, i64)>> = std::collections::BTreeMap::new();
    for (id, region, municipality) in centres {
        per_region.entry(region).or_default().push((id, municipality));
    }
    let (region, places) = per_region
        .into_iter()
        .max_by_key(|(_, v)| v.len())
        .expect("a region");
    let version: i64 = sqlx::query_scalar(
        "SELECT v.id FROM instrument_versions v JOIN instruments i ON i.id = v.instrument_id
          WHERE i.key = 'visitor_adult' AND i.region_id IS NULL ORDER BY v.version DESC LIMIT 1",
    )
    .fetch_one(&mut *c)
    .await
    .expect("the adult visitor survey");
    drop(c);
    let def = instruments::version(&ctx, version)
        .await
        .expect("its definition")
        .1
        .definition;
    let centre_ids: Vec<i64> = places.iter().map(|(id, _)| *id).collect();
    let mut dice = Dice(0x5eed);
    let mut ids = Vec::new();
    let started = Instant::now();
    let mut written = 0usize;
    for year in (2026 - ROUNDS + 1)..=2026 {
        let id = rounds::create(
            &ctx,
            region,
            &RoundDraft {
                version_id: version,
                title: format!("Besökarenkät {year}"),
                respondent_group: "visitors".into(),
                opens_on: format!("{year}-10-01"),
                closes_on: format!("{year}-11-30"),
                centre_ids: centre_ids.clone(),
            },
        )
        .await
        .expect("a round");
        let responses = if year == 2026 { RESPONSES } else { EARLIER };
        let rows = count_rows(&def, &centre_ids, responses, &mut dice);
        written += rows.len();
        let mut tx = db.write().await.expect("a transaction");
        for chunk in rows.chunks(500) {
            let values: Vec<String> = (0..chunk.len())
                .map(|i| {
                    let b = i * 6;
                    format!(
                        "($1, ${}, ${}, ${}, ${}, ${}, ${})",
                        b + 2,
                        b + 3,
                        b + 4,
                        b + 5,
                        b + 6,
                        b + 7
                    )
                })
                .collect();
            let sql = format!(
                "INSERT INTO answer_counts (round_id, centre_id, language, channel, question_key, option_key, count) VALUES {}",
                values.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id);
            for (centre, language, channel, question, option, count) in chunk {
                q = q
                    .bind(*centre)
                    .bind(language.as_str())
                    .bind(channel.as_str())
                    .bind(question.as_str())
                    .bind(option.as_str())
                    .bind(*count);
            }
            q.execute(&mut *tx).await.expect("the counts");
        }
        samverka_store::surveys::counts::rebuild_totals(&mut tx, Some(id))
            .await
            .expect("the totals");
        samverka_store::commit(tx).await.expect("committed");
        ids.push(id);
    }
    let mut c = db.read().await.expect("a connection");
    sqlx::query("ANALYZE").execute(&mut *c).await.ok();
    eprintln!(
        "{ROUNDS} rounds at {} centres: {written} count rows in {:.1} s",
        centre_ids.len(),
        started.elapsed().as_secs_f64()
    );
    for (what, wanted) in [("one round", &ids[ids.len() - 1..]), ("ten rounds", &ids[..])] {
        let mut times = Vec::new();
        for _ in 0..10 {
            let started = Instant::now();
            let found = (
                samverka_store::surveys::counts::answered_by_centre(&mut c, wanted, &Default::default())
                    .await
                    .expect("the answered counts"),
                samverka_store::surveys::counts::chosen(&mut c, wanted, &Default::default())
                    .await
                    .expect("the options' counts"),
            );
            times.push(started.elapsed());
            std::hint::black_box(found);
        }
        eprintln!(
            "the kept counts of {what}, read alone: median {:.1} ms",
            ms(median(&times).unwrap_or_default())
        );
    }
    let newest = ids[ids.len() - 1];
    let previous = ids[ids.len() - 2];
    (newest, previous, places[0].1, places[0].0)
}

fn main() {
    let server = Server::start(Data::National);
    let (round, previous, municipality, centre) = server.runtime.block_on(fill(&server));
    let client_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("the client runtime");
    let client = client_rt.block_on(log_in(&server.base, "admin@demo.samverka.se", "demo-admin"));
    let filters = [
        ("region", String::new()),
        ("municipality", format!("at=m{municipality}")),
        ("centre", format!("at=c{centre}")),
        ("language", "language=ar".to_string()),
        ("channel", "channel=paper".to_string()),
        ("merged", "merge=both".to_string()),
        ("beside", format!("compare={previous}")),
        ("trend", "trend=1".to_string()),
    ];
    println!("results page of a round with {RESPONSES} responses, {RUNS} requests each:");
    for (name, query) in filters {
        let url = server.url(&format!("/rounds/{round}/results?{query}"));
        let mut times = Vec::with_capacity(RUNS);
        let mut size = 0;
        for i in 0..RUNS + 3 {
            let started = Instant::now();
            let (status, len) = client_rt.block_on(fetch(&client, &url));
            let took = started.elapsed();
            assert_eq!(status, 200, "{name}: {url}");
            size = len;
            if i >= 3 {
                times.push(took);
            }
        }
        let m = median(&times).unwrap_or_default();
        println!(
            "  {name:<13} median {:7.1} ms  p90 {:7.1} ms  ({} kB)  {}",
            ms(m),
            ms(percentile(&times, 90).unwrap_or_default()),
            size / 1024,
            if m <= BUDGET {
                "within 100 ms"
            } else {
                "OVER 100 ms"
            }
        );
    }
}
