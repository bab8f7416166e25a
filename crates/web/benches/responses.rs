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
//! (default 96) each send whole responses (`POST /api/v1/responses` through
//! a centre's link, plausible answers that follow the survey's routing)
//! one after another on keep-alive connections for `SAMVERKA_BENCH_SECONDS`
//! (default 10). It prints the responses taken per second, the median and
//! 99th percentile of one, the failures by status, and counts the stored
//! rows afterwards (nothing may be lost).
//!
//! Each client waits for its response's commit before it sends the next,
//! so the rate is the clients over the time a response takes: responses
//! that arrive together share one commit, and with 32 clients the writer
//! waits for work between batches. 96 is where a commit's batch is large
//! enough for the rate the target asks (3 000/s) within its p99 (50 ms).
//!
//! Beside it, in the same run, a plain durable insert loop stores the same
//! responses through the store directly, one write transaction each (what
//! the endpoint does without HTTP, JSON and checks), for the same time: the
//! endpoint should reach at least half of its rate.
//!
//! A measurement, not a test: it never fails because something is slow.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use samverka_core::surveys::round::Channel;
use samverka_web::WebConfig;
use serde_json::json;
use support::visitors::{Tally, check_stored, drive, responses, send, setting, stored, visitor_rounds};
use support::{Data, Server};

fn main() {
    let seconds = Duration::from_secs(setting("SAMVERKA_BENCH_SECONDS", 10));
    let clients = setting("SAMVERKA_BENCH_CLIENTS", 96);
    let web = WebConfig {
        submit_rate: 0,
        ..WebConfig::default()
    };
    let server = Server::start_with(Data::County, web);
    let rounds = visitor_rounds(&server, &["Besökarenkät (API)", "Besökarenkät (insättning)"]);
    let bodies = Arc::new(responses(&rounds.definition, 2000));
    let codes = Arc::new(rounds.codes.clone());
    let answers_per_response =
        bodies.iter().map(|(a, _)| a.len()).sum::<usize>() as f64 / bodies.len() as f64;
    eprintln!(
        "{} centres, {answers_per_response:.1} answers per response, {clients} clients for {} s",
        codes.len(),
        seconds.as_secs()
    );

    // The endpoint under load.
    let url = server.url("/api/v1/responses");
    let http = reqwest::Client::new();
    let (tally, elapsed) = drive(clients, seconds, move |_, i, mut tally: Tally| {
        let (http, url, bodies, codes) = (http.clone(), url.clone(), bodies.clone(), codes.clone());
        async move {
            let (_, answers) = &bodies[i as usize % bodies.len()];
            let i = i as usize;
            let body = json!({"link": codes[i % codes.len()], "language": "sv", "answers": answers});
            let sent = Instant::now();
            let (status, _) = send(http.post(&url).json(&body)).await;
            tally.times.push(sent.elapsed());
            tally.requests += 1;
            if status == 201 {
                tally.taken += 1;
            } else {
                *tally.failures.entry(status).or_default() += 1;
            }
            tally
        }
    });
    tally.print("POST /api/v1/responses", elapsed);
    let rate = tally.taken as f64 / elapsed.as_secs_f64();
    let kept = stored(&server, rounds.ids[0]);

    // The same rows through the store, one durable transaction each.
    let bodies = responses(&rounds.definition, 2000);
    let (inserted, insert_secs) = server.runtime.block_on(async {
        let url = server.file.to_str().expect("a UTF-8 path");
        let db = samverka_store::Db::open(url).await.expect("the database");
        let round = {
            let mut c = db.read().await.expect("a connection");
            samverka_store::surveys::rounds::get(&mut c, rounds.ids[1])
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
        (n, started.elapsed().as_secs_f64())
    });
    let plain = inserted as f64 / insert_secs;
    println!("plain durable insert loop: {inserted} in {insert_secs:.1} s = {plain:.0}/s");
    println!(
        "the endpoint reached {:.0} % of the plain loop",
        100.0 * rate / plain
    );
    check_stored(kept, tally.taken);
}
