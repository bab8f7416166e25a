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
//! - `GET /centres/{id}`: a centre's page with its signals, for the first
//!   centre of that region and (`centre-small`) of the region with the
//!   fewest centres, which shows whether the page grows with its region,
//! - `GET /centres/{id}/governance`: a centre's "who decides" page,
//!
//! from sending the request to having read the whole body, session lookup
//! and session save included. Criterion prints its usual estimates; at the
//! end the bench prints the median of the individual requests of each page
//! against its budget (10 ms for the overview, 5 ms for a centre page, 50 ms
//! for the others), and beside them the median of a plain SQL read of what
//! the overview shows — the region's centres and units, and per group the
//! counts of the year's meetings and attendance and of its seats — on a
//! connection of its own to the same file. It is a measurement, not a test:
//! it never fails because a page is slow.
//!
//! Criterion's own arguments work as usual, e.g. `cargo bench -p samverka-web
//! --bench pages -- access` runs only the access page.

mod support;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Datelike;
use criterion::Criterion;
use samverka_app::registry::centres::{self, Filter};
use support::{Data, Server, fetch, log_in, median, ms, percentile};
use tokio::runtime::Runtime;

/// The time most pages should answer within, at the median.
const BUDGET: Duration = Duration::from_millis(50);
/// The county overview's budget.
const OVERVIEW_BUDGET: Duration = Duration::from_millis(10);
/// A centre page's budget.
const CENTRE_BUDGET: Duration = Duration::from_millis(5);

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
    /// A centre of that region, for its page and its "who decides" page.
    centre_id: i64,
    /// A centre of the region with the fewest centres, and how many it has.
    small_centre: (i64, usize),
}

fn setup() -> Fixture {
    let server = Server::start(Data::National);
    let ((region_id, region_name, centre_count), centre_id) =
        server.runtime.block_on(busiest_region(&server));
    let small_centre = server.runtime.block_on(smallest_region(&server));
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
        small_centre,
    }
}

/// The first centre of the region with the fewest centres, and how many.
async fn smallest_region(server: &Server) -> (i64, usize) {
    let ctx = server.app.cli();
    let all = centres::list(&ctx, Filter::default()).await.expect("the centres");
    let mut per_region: HashMap<i64, Vec<i64>> = HashMap::new();
    for c in &all {
        per_region
            .entry(c.centre.region_id)
            .or_default()
            .push(c.centre.id);
    }
    per_region
        .into_values()
        .min_by_key(|ids| (ids.len(), ids.iter().min().copied()))
        .and_then(|ids| ids.iter().min().map(|first| (*first, ids.len())))
        .expect("a region with centres")
}

/// What the overview shows, read in plain SQL: the region's centres and
/// units, and per group the counts of the year's meetings (by status, with
/// those present) and of its seats by kind. Rows are fetched, not decoded.
async fn plain_read(db: &samverka_store::Db, region_id: i64, year: i32) -> Duration {
    let from = format!("{year}-01-01");
    let to = format!("{year}-12-31");
    let mut c = db.read().await.expect("a connection");
    let started = Instant::now();
    let n = sqlx::query("SELECT * FROM centres WHERE region_id = $1")
        .bind(region_id)
        .fetch_all(&mut *c)
        .await
        .expect("centres")
        .len()
        + sqlx::query("SELECT u.* FROM units u JOIN centres c ON c.id = u.centre_id WHERE c.region_id = $1")
            .bind(region_id)
            .fetch_all(&mut *c)
            .await
            .expect("units")
            .len()
        + sqlx::query(
            "SELECT m.group_id, m.status, COUNT(DISTINCT m.id), SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END)
               FROM meetings m JOIN groups g ON g.id = m.group_id LEFT JOIN attendance a ON a.meeting_id = m.id
              WHERE g.region_id = $1 AND m.held_on >= $2 AND m.held_on <= $3 GROUP BY m.group_id, m.status",
        )
        .bind(region_id)
        .bind(&from)
        .bind(&to)
        .fetch_all(&mut *c)
        .await
        .expect("meetings per group")
        .len()
        + sqlx::query(
            "SELECT group_id, kind, COUNT(*) FROM assignments WHERE region_id = $1 AND group_id IS NOT NULL
              GROUP BY group_id, kind",
        )
        .bind(region_id)
        .fetch_all(&mut *c)
        .await
        .expect("seats per group")
        .len();
    let took = started.elapsed();
    std::hint::black_box(n);
    took
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
            name: "centre",
            url: format!("{}/centres/{}", f.server.base, f.centre_id),
            times: Arc::default(),
        },
        PageBench {
            name: "centre-small",
            url: format!("{}/centres/{}", f.server.base, f.small_centre.0),
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
            println!("  {:<12} not run", p.name);
            continue;
        };
        let budget = match p.name {
            "overview" => OVERVIEW_BUDGET,
            "centre" | "centre-small" => CENTRE_BUDGET,
            _ => BUDGET,
        };
        let verdict = if mid < budget { "within" } else { "OVER" };
        println!(
            "  {:<12} median {:>7.2} ms  p90 {:>7.2} ms  (n = {:>5})  {verdict} the {} ms budget   GET {}",
            p.name,
            ms(mid),
            ms(p90),
            times.len(),
            budget.as_millis(),
            p.url.trim_start_matches(&f.server.base),
        );
    }
    println!(
        "  (centre-small: a centre of a region with {} centres)",
        f.small_centre.1
    );

    // The plain SQL read of what the overview shows, on its own connection.
    let year = f.server.app.today().year();
    let plain: Vec<Duration> = f.server.runtime.block_on(async {
        let url = f.server.file.to_str().expect("a UTF-8 path");
        let db = samverka_store::Db::open(url).await.expect("the database");
        let mut times = Vec::new();
        for _ in 0..300 {
            times.push(plain_read(&db, f.region_id, year).await);
        }
        times
    });
    if let (Some(mid), Some(overview)) = (
        median(&plain),
        median(&pages[0].times.lock().expect("the timings")),
    ) {
        println!(
            "  plain SQL read of the overview's data: median {:.2} ms; the overview takes {:.1} times that",
            ms(mid),
            ms(overview) / ms(mid)
        );
    }
}
