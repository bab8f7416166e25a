//! Concurrent writes of different centres on SQLite.
//!
//! Run it with
//!
//! ```text
//! cargo bench -p samverka-web --bench writes
//! ```
//!
//! It starts the real server (full router, every middleware, the database
//! opened as `samverka serve` opens it) on an SQLite file with the county
//! demo and gives two clients an API token each: the county coordinator of
//! Region Uppsala and the administrator. For 30 seconds both save a centre
//! of their own (`PUT /api/v1/centres/{id}`, a new address each time) as
//! fast as the server answers, one request at a time each, on keep-alive
//! connections. It prints how many saves each client made, how many
//! failed (any answer but 200, by status), the writes per second together,
//! and the median and 99th percentile of a save. The goal: no errors.
//! Afterwards it reads both centres back to check the last save of each
//! stuck.
//!
//! `SAMVERKA_BENCH_SECONDS` sets the duration (default 30). It is a
//! measurement, not a test: it never fails because something is slow.

mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use samverka_app::accounts::{manage, tokens};
use samverka_app::registry::centres;
use support::{Data, Server, median, ms, percentile};

/// What one client did.
#[derive(Debug, Default)]
struct Tally {
    saves: u64,
    failures: BTreeMap<u16, u64>,
    times: Vec<Duration>,
    last_address: String,
}

fn seconds() -> Duration {
    let s = std::env::var("SAMVERKA_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(30);
    Duration::from_secs(s.max(1))
}

/// A token for the account with this address.
async fn token_for(server: &Server, email: &str) -> String {
    let ctx = server.app.cli();
    let account = manage::find(&ctx, email).await.expect("the demo account");
    let draft = tokens::TokenDraft {
        label: "bench".into(),
        expires_on: String::new(),
    };
    tokens::create(&ctx, account.id, &draft).await.expect("a token").1
}

/// Saves one centre again and again until the time is up.
async fn keep_saving(
    base: String,
    token: String,
    centre: (i64, i64, String),
    for_how_long: Duration,
) -> Tally {
    let (id, municipality_id, name) = centre;
    let client = reqwest::Client::new();
    let url = format!("{base}/api/v1/centres/{id}");
    let mut tally = Tally::default();
    let started = Instant::now();
    let mut n = 0u64;
    while started.elapsed() < for_how_long {
        n += 1;
        let address = format!("Benchgatan {n}");
        let body = serde_json::json!({
            "municipality_id": municipality_id,
            "name": name,
            "address": address,
        });
        let at = Instant::now();
        let res = client
            .put(&url)
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .expect("the request");
        let status = res.status().as_u16();
        let _ = res.bytes().await.expect("the body");
        tally.times.push(at.elapsed());
        if status == 200 {
            tally.saves += 1;
            tally.last_address = address;
        } else {
            *tally.failures.entry(status).or_default() += 1;
        }
    }
    tally
}

fn main() {
    let server = Server::start(Data::County);
    let for_how_long = seconds();
    let (tokens, targets) = server.runtime.block_on(async {
        let coordinator = token_for(&server, "lan@uppsala.demo.samverka.se").await;
        let admin = token_for(&server, "admin@demo.samverka.se").await;
        let ctx = server.app.cli();
        let region = samverka_app::registry::regions::find(&ctx, "Region Uppsala")
            .await
            .expect("Region Uppsala");
        let (_, views, _) = centres::in_region(&ctx, region.id).await.expect("its centres");
        let pick = |i: usize| {
            let c = &views[i].centre;
            (c.id, c.municipality_id, c.name.clone())
        };
        ([coordinator, admin], [pick(0), pick(1)])
    });

    let client_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("the client runtime");
    let started = Instant::now();
    let tallies: Vec<Tally> = client_rt.block_on(async {
        let mut tasks = Vec::new();
        for (token, centre) in tokens.iter().zip(targets.iter()) {
            tasks.push(tokio::spawn(keep_saving(
                server.base.clone(),
                token.clone(),
                centre.clone(),
                for_how_long,
            )));
        }
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await.expect("a client"));
        }
        out
    });
    let elapsed = started.elapsed().as_secs_f64();

    println!();
    println!(
        "Two clients saving different centres for {} s, SQLite file, real HTTP:",
        for_how_long.as_secs()
    );
    let mut all_times = Vec::new();
    let mut saves = 0;
    let mut failures = 0;
    for ((who, tally), centre) in ["county coordinator", "administrator"]
        .iter()
        .zip(&tallies)
        .zip(&targets)
    {
        let failed: u64 = tally.failures.values().sum();
        println!(
            "  {who:<18} centre {:>3}: {:>6} saves, {failed} failed {:?}",
            centre.0, tally.saves, tally.failures
        );
        saves += tally.saves;
        failures += failed;
        all_times.extend(tally.times.iter().copied());
    }
    let (mid, p99) = (
        median(&all_times).unwrap_or_default(),
        percentile(&all_times, 99).unwrap_or_default(),
    );
    println!(
        "  together: {saves} saves, {failures} errors, {:.0} writes/s; a save takes {:.2} ms at the median, {:.2} ms at p99",
        saves as f64 / elapsed,
        ms(mid),
        ms(p99)
    );

    let stuck = server.runtime.block_on(async {
        let ctx = server.app.cli();
        let mut ok = true;
        for (tally, centre) in tallies.iter().zip(&targets) {
            let d = centres::get(&ctx, centre.0).await.expect("the centre");
            ok &= d.view.centre.address.as_deref() == Some(tally.last_address.as_str());
        }
        ok
    });
    println!(
        "  the last save of each client is what the centre holds now: {}",
        if stuck { "yes" } else { "NO" }
    );
}
