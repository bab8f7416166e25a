//! Anonymous survey responses through the API on SQLite, under load.
//!
//! Run it with
//!
//! ```text
//! cargo bench -p samverka-web --bench responses
//! ```
//!
//! It starts the real server (full router, every middleware, the database
//! opened as `samverka serve` opens it, `SAMVERKA_SUBMIT_RATE` 0) on an
//! SQLite file with the county demo, installs the built-in surveys and
//! opens a round of the adult visitor survey (`visitor_adult`) at every
//! centre of Region Uppsala. Then `SAMVERKA_BENCH_CLIENTS` clients
//! (default 32) each send whole responses (`POST /api/v1/responses` through
//! a centre's link, plausible answers that follow the survey's routing)
//! one after another on keep-alive connections for `SAMVERKA_BENCH_SECONDS`
//! (default 10). It prints the responses taken per second, the median and
//! 99th percentile of one, the failures by status, and counts the stored
//! rows afterwards (nothing may be lost).
//!
//! Beside it, in the same run, a plain durable insert loop stores the same
//! responses through the store directly, one write transaction each (what
//! the endpoint does without HTTP, JSON and checks), for the same time: the
//! endpoint should reach at least half of its rate.
//!
//! A measurement, not a test: it never fails because something is slow.

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::Rng;
use rand::seq::IndexedRandom;
use samverka_app::surveys::rounds::RoundDraft;
use samverka_app::surveys::{instruments, rounds};
use samverka_core::surveys::definition::{Definition, Question, QuestionType};
use samverka_core::surveys::response::{Answers, validate};
use samverka_core::surveys::round::Channel;
use samverka_core::surveys::routing::route;
use samverka_web::WebConfig;
use serde_json::{Value, json};
use support::{Data, Server, median, ms, percentile};

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(default)
        .max(1)
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

/// What the clients did.
#[derive(Debug, Default)]
struct Tally {
    taken: u64,
    failures: BTreeMap<u16, u64>,
    times: Vec<Duration>,
}

fn main() {
    let seconds = Duration::from_secs(setting("SAMVERKA_BENCH_SECONDS", 10));
    let clients = setting("SAMVERKA_BENCH_CLIENTS", 32);
    let web = WebConfig {
        submit_rate: 0,
        ..WebConfig::default()
    };
    let server = Server::start_with(Data::County, web);
    let app = server.app.clone();
    let (round_id, baseline_round, codes, def) = server.runtime.block_on(async {
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
        let mut rounds_made = Vec::new();
        for title in ["Besökarenkät (API)", "Besökarenkät (insättning)"] {
            let id = rounds::create(
                &ctx,
                region.id,
                &RoundDraft {
                    version_id: version.id,
                    title: title.into(),
                    respondent_group: "visitors".into(),
                    opens_on: ctx.today.to_string(),
                    closes_on: (ctx.today + chrono::Duration::days(30)).to_string(),
                    centre_ids: centres.iter().map(|c| c.centre.id).collect(),
                },
            )
            .await
            .expect("a round");
            rounds_made.push(id);
        }
        let round = rounds::get(&ctx, rounds_made[0]).await.expect("the round");
        let codes: Vec<String> = round.centres.iter().map(|c| c.link_code.clone()).collect();
        (rounds_made[0], rounds_made[1], codes, version.definition.clone())
    });

    let mut rng = rand::rng();
    let bodies: Arc<Vec<(Answers, Value)>> = Arc::new((0..2000).map(|_| response(&def, &mut rng)).collect());
    let codes = Arc::new(codes);
    let answers_per_response =
        bodies.iter().map(|(a, _)| a.len()).sum::<usize>() as f64 / bodies.len() as f64;
    eprintln!(
        "{} centres, {answers_per_response:.1} answers per response, {clients} clients for {} s",
        codes.len(),
        seconds.as_secs()
    );

    // The endpoint under load, from a runtime of its own.
    let load = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the clients' runtime");
    let url = server.url("/api/v1/responses");
    let started = Instant::now();
    let tally = load.block_on(async {
        let http = reqwest::Client::new();
        let mut tasks = Vec::new();
        for client in 0..clients {
            let (http, url, bodies, codes) = (http.clone(), url.clone(), bodies.clone(), codes.clone());
            tasks.push(tokio::spawn(async move {
                let mut tally = Tally::default();
                let mut i = client as usize * 7919;
                while started.elapsed() < seconds {
                    i += 1;
                    let (_, answers) = &bodies[i % bodies.len()];
                    let body = json!({"link": codes[i % codes.len()], "language": "sv", "answers": answers});
                    let sent = Instant::now();
                    let status = match http.post(&url).json(&body).send().await {
                        Ok(res) => {
                            let status = res.status().as_u16();
                            let _ = res.bytes().await;
                            status
                        }
                        Err(_) => 0,
                    };
                    tally.times.push(sent.elapsed());
                    if status == 201 {
                        tally.taken += 1;
                    } else {
                        *tally.failures.entry(status).or_default() += 1;
                    }
                }
                tally
            }));
        }
        let mut all = Tally::default();
        for task in tasks {
            let t = task.await.expect("a client");
            all.taken += t.taken;
            all.times.extend(t.times);
            for (status, n) in t.failures {
                *all.failures.entry(status).or_default() += n;
            }
        }
        all
    });
    let elapsed = started.elapsed().as_secs_f64();
    let rate = tally.taken as f64 / elapsed;
    println!(
        "POST /api/v1/responses: {} taken in {elapsed:.1} s = {rate:.0}/s; median {:.2} ms, p99 {:.2} ms; failures {:?}",
        tally.taken,
        median(&tally.times).map_or(0.0, ms),
        percentile(&tally.times, 99).map_or(0.0, ms),
        tally.failures
    );

    // The same rows through the store, one durable transaction each.
    let (stored, inserted, insert_secs) = server.runtime.block_on(async {
        let url = server.file.to_str().expect("a UTF-8 path");
        let db = samverka_store::Db::open(url).await.expect("the database");
        let mut c = db.read().await.expect("a connection");
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE round_id = $1")
            .bind(round_id)
            .fetch_one(&mut *c)
            .await
            .expect("the count");
        drop(c);
        let round = {
            let mut c = db.read().await.expect("a connection");
            samverka_store::surveys::rounds::get(&mut c, baseline_round)
                .await
                .expect("the round")
        };
        let started = Instant::now();
        let mut n = 0u64;
        while started.elapsed() < seconds {
            let (answers, _) = &bodies[n as usize % bodies.len()];
            let centre = round.centres[n as usize % round.centres.len()].centre_id;
            let mut tx = db.write().await.expect("a transaction");
            samverka_store::surveys::responses::insert(
                &mut tx,
                round.id,
                Some(centre),
                "sv",
                Channel::Link,
                chrono::Utc::now().date_naive(),
                answers,
            )
            .await
            .expect("an insert");
            samverka_store::commit(tx).await.expect("a commit");
            n += 1;
        }
        (stored, n, started.elapsed().as_secs_f64())
    });
    let plain = inserted as f64 / insert_secs;
    println!("plain durable insert loop: {inserted} in {insert_secs:.1} s = {plain:.0}/s");
    println!(
        "stored {stored} of {} taken ({}); the endpoint reached {:.0} % of the plain loop",
        tally.taken,
        if stored as u64 == tally.taken {
            "nothing lost"
        } else {
            "MISMATCH"
        },
        100.0 * rate / plain
    );
}
