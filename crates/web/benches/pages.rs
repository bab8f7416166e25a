//! How fast the heaviest pages answer at national scale.
//!
//! Run it with
//!
//! ```text
//! cargo bench -p samverka-web --bench pages
//! ```
//!
//! What it measures: once, it makes an SQLite file in a temporary directory,
//! loads the synthetic national data set into it (`samverka_demo::load_national`:
//! 21 regions, 290 municipalities, 500 centres, ten years of population, and
//! people, groups and two years of meetings),
//! starts the real server (the full router with every middleware, on
//! 127.0.0.1 and a free port) and logs in over HTTP as the demo
//! administrator. It then picks the region with the most centres and times,
//! through real HTTP on a keep-alive connection, the whole round trip of
//!
//! - `GET /regions/{id}`: the county overview (*länsöversikt*) with every
//!   centre's classification and its seven governance signals,
//! - `GET /regions/{id}/access?year=2024`: the access page, and
//! - `GET /centres/{id}/governance`: a centre's "who decides" page,
//!
//! from sending the request to having read the whole body, session lookup
//! and session save included. Criterion prints its usual estimates; at the
//! end the bench prints the median of the individual requests of each page
//! against the 50 ms budget. It is a measurement, not a test: it never
//! fails because a page is slow.
//!
//! Criterion's own arguments work as usual, e.g. `cargo bench -p samverka-web
//! --bench pages -- access` runs only the access page.

mod support;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use criterion::Criterion;
use samverka_app::registry::centres::{self, Filter};
use support::{Data, Server, fetch, log_in, median, ms, percentile};
use tokio::runtime::Runtime;

/// The time each page should answer within, at the median.
const BUDGET: Duration = Duration::from_millis(50);

/// The year the access page is asked for.
const YEAR: i64 = 2024;

/// Everything the measurements need, made once.
struct Fixture {
    /// The server on the national data.
    server: Server,
    /// Runs the client and criterion's async timing loop.
    client_rt: Runtime,
    /// Logged in as the administrator.
    client: reqwest::Client,
    region_id: i64,
    region_name: String,
    centre_count: usize,
    /// A centre of that region, for its "who decides" page.
    centre_id: i64,
}

fn setup() -> Fixture {
    let server = Server::start(Data::National);
    let ((region_id, region_name, centre_count), centre_id) =
        server.runtime.block_on(busiest_region(&server));
    let client_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("the client runtime");
    let client = client_rt.block_on(log_in(&server.base, "admin@demo.samverka.se", "demo-admin"));
    Fixture {
        server,
        client_rt,
        client,
        region_id,
        region_name,
        centre_count,
        centre_id,
    }
}

/// The region with the most centres (the lowest id on a tie): id, name,
/// centres; and the first of its centres.
async fn busiest_region(server: &Server) -> ((i64, String, usize), i64) {
    let ctx = server.app.cli();
    let all = centres::list(&ctx, Filter::default()).await.expect("the centres");
    let mut per_region: HashMap<i64, usize> = HashMap::new();
    for c in &all {
        *per_region.entry(c.centre.region_id).or_default() += 1;
    }
    let (id, count) = per_region
        .into_iter()
        .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)))
        .expect("at least one centre");
    let (region, views, _) = centres::in_region(&ctx, id).await.expect("the region");
    let first = views.first().map(|v| v.centre.id).expect("a centre");
    ((id, region.name, count), first)
}

struct PageBench {
    name: &'static str,
    url: String,
    /// Every timed request, warm-up included.
    times: Arc<Mutex<Vec<Duration>>>,
}

fn main() {
    let f = setup();
    let pages = [
        PageBench {
            name: "overview",
            url: format!("{}/regions/{}", f.server.base, f.region_id),
            times: Arc::default(),
        },
        PageBench {
            name: "access",
            url: format!("{}/regions/{}/access?year={YEAR}", f.server.base, f.region_id),
            times: Arc::default(),
        },
        PageBench {
            name: "who-decides",
            url: format!("{}/centres/{}/governance", f.server.base, f.centre_id),
            times: Arc::default(),
        },
    ];

    for p in &pages {
        let (status, len) = f.client_rt.block_on(fetch(&f.client, &p.url));
        assert_eq!(status, 200, "{} answered {status}", p.url);
        eprintln!("{:<8} {} -> 200, {len} bytes", p.name, p.url);
    }

    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    {
        let mut group = c.benchmark_group(format!("pages ({}, {} centres)", f.region_name, f.centre_count));
        for p in &pages {
            group.bench_function(p.name, |b| {
                b.to_async(&f.client_rt).iter_custom(|iters| {
                    let client = f.client.clone();
                    let url = p.url.clone();
                    let times = Arc::clone(&p.times);
                    async move {
                        let mut total = Duration::ZERO;
                        let mut these = Vec::with_capacity(usize::try_from(iters).unwrap_or(0));
                        for _ in 0..iters {
                            let start = Instant::now();
                            let (status, len) = fetch(&client, &url).await;
                            let took = start.elapsed();
                            assert_eq!(status, 200, "{url} answered {status}");
                            std::hint::black_box(len);
                            total += took;
                            these.push(took);
                        }
                        times.lock().expect("the timings").extend(these);
                        total
                    }
                });
            });
        }
        group.finish();
    }
    c.final_summary();

    println!();
    println!(
        "Medians per request, {} (id {}, {} centres), SQLite, real HTTP:",
        f.region_name, f.region_id, f.centre_count
    );
    for p in &pages {
        let times = p.times.lock().expect("the timings");
        let (Some(mid), Some(p90)) = (median(&times), percentile(&times, 90)) else {
            println!("  {:<8} not run", p.name);
            continue;
        };
        let verdict = if mid < BUDGET { "within" } else { "OVER" };
        println!(
            "  {:<8} median {:>7.2} ms  p90 {:>7.2} ms  (n = {:>5})  {verdict} the {} ms budget   GET {}",
            p.name,
            ms(mid),
            ms(p90),
            times.len(),
            BUDGET.as_millis(),
            p.url.trim_start_matches(&f.server.base),
        );
    }
}
