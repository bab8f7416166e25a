//! Whether a session cookie makes the cheapest answers expensive.
//!
//! Run it with
//!
//! ```text
//! cargo bench -p samverka-web --bench cookies
//! ```
//!
//! It starts the real server (full router, every middleware) on an SQLite
//! file with the county demo, logs in as the demo administrator, and then
//! asks, through real HTTP on keep-alive connections with four requests in
//! flight, for the stylesheet (`/static/style.css`) and the health check
//! (`/healthz`), without any cookie and with the logged-in session cookie,
//! in ten short rounds that alternate which goes first; it takes the median
//! round of each, so that a busy moment of the machine spoils one round and
//! not the result. It prints the requests per second of
//! each and how fast the logged-in requests are compared to the anonymous
//! ones; the goal is at least 80 %, i.e. no session work (let alone a
//! session write) on these paths. It also counts the administrator's session
//! rows before and after, which must stay one.
//!
//! `SAMVERKA_BENCH_SECONDS` sets the seconds per path (default 20).
//! It is a measurement, not a test: it never fails because something is slow.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use support::{Data, Server, client, fetch, log_in};

/// Requests in flight at once.
const IN_FLIGHT: usize = 4;

/// Rounds per path, each measuring both ways.
const ROUNDS: u32 = 10;

/// The median of some rates.
fn median_rate(mut rates: Vec<f64>) -> f64 {
    rates.sort_by(f64::total_cmp);
    rates.get(rates.len() / 2).copied().unwrap_or(0.0)
}

fn seconds() -> Duration {
    let s = std::env::var("SAMVERKA_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(20);
    Duration::from_secs(s.max(1))
}

/// Requests per second for `url` with `client`, `IN_FLIGHT` at a time.
async fn throughput(client: &reqwest::Client, url: &str, for_how_long: Duration) -> f64 {
    // Warm the connections first.
    for _ in 0..20 {
        let (status, _) = fetch(client, url).await;
        assert_eq!(status, 200, "{url} answered {status}");
    }
    let done = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..IN_FLIGHT {
        let client = client.clone();
        let url = url.to_string();
        let done = Arc::clone(&done);
        tasks.push(tokio::spawn(async move {
            while started.elapsed() < for_how_long {
                let (status, len) = fetch(&client, &url).await;
                assert_eq!(status, 200, "{url} answered {status}");
                std::hint::black_box(len);
                done.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for t in tasks {
        t.await.expect("a client task");
    }
    done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    let server = Server::start(Data::County);
    let client_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("the client runtime");
    let anonymous = client();
    let logged_in = client_rt.block_on(log_in(&server.base, "admin@demo.samverka.se", "demo-admin"));
    let for_how_long = seconds();
    let sessions = || {
        server.runtime.block_on(async {
            let admin = samverka_app::accounts::manage::find(&server.app.cli(), "admin@demo.samverka.se")
                .await
                .expect("the administrator");
            samverka_app::accounts::sessions::count_for_user(&server.app, admin.id)
                .await
                .expect("the session count")
        })
    };
    let sessions_before = sessions();

    println!();
    println!(
        "Requests per second (median of {ROUNDS} rounds), {IN_FLIGHT} in flight, {} s per path, SQLite, real HTTP:",
        for_how_long.as_secs()
    );
    for path in ["/static/style.css", "/healthz"] {
        let url = server.url(path);
        // Many short rounds, alternating which goes first, and the median of
        // each: a busy moment of the machine then spoils one round, not the result.
        let round = for_how_long / (2 * ROUNDS);
        let (mut without, mut with) = (Vec::new(), Vec::new());
        for r in 0..ROUNDS {
            if r % 2 == 0 {
                without.push(client_rt.block_on(throughput(&anonymous, &url, round)));
                with.push(client_rt.block_on(throughput(&logged_in, &url, round)));
            } else {
                with.push(client_rt.block_on(throughput(&logged_in, &url, round)));
                without.push(client_rt.block_on(throughput(&anonymous, &url, round)));
            }
        }
        let (without, with) = (median_rate(without), median_rate(with));
        let share = with / without * 100.0;
        let verdict = if share >= 80.0 { "meets" } else { "BELOW" };
        println!(
            "  GET {path:<18} without a cookie {without:>9.0}/s   with the session cookie {with:>9.0}/s   = {share:>5.1} %  ({verdict} the 80 % goal)"
        );
    }
    let sessions_after = sessions();
    println!("  session rows before {sessions_before}, after {sessions_after}");
}
