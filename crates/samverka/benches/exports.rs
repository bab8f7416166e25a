//! How long a round's file of responses takes, and how much memory, for a
//! round of a million responses on SQLite, as CSV and as XLSX.
//!
//! Run it with
//!
//! ```text
//! cargo bench -p samverka --bench exports
//! ```
//!
//! What it does: loads the synthetic national data set into an SQLite file
//! in a temporary folder (`samverka_demo::load_national_with`, with a
//! lighter survey history of [`HISTORY`] responses per centre and year),
//! then opens one round of the built-in adult visitor survey
//! (`visitor_adult`) at every centre of the region with the most centres
//! and writes a million responses to it in bulk, as the demo writes its
//! own (`Seeder::responses_bulk`, then the round's counts rebuilt once).
//! Every response is answered page by page under the survey's routing by
//! the demo's generator, in four languages and two channels. The load is
//! timed and done once per run.
//!
//! Then it exports the whole round's responses twice, to a `.csv` and to
//! an `.xlsx` file beside the database, each by running the built
//! `samverka export-round ROUND FILE` (the code the export jobs run) in a
//! process of its own. That process is started by a small helper process
//! (this bench again, with [`MEASURE`]) that waits for it and reads
//! `getrusage(RUSAGE_CHILDREN)`: its peak resident memory (`ru_maxrss`),
//! raw, nothing subtracted. The wall time is the command's from start to
//! exit, opening the database included.
//!
//! With `SAMVERKA_BENCH_DB=FILE` the data is loaded into that SQLite file
//! and kept, and a later run that finds the file exports from it as it is
//! (for profiling an export without loading again).
//!
//! It prints the rows written, the file's size, the seconds and the peak
//! memory of each against the issue's budgets (30 s and 300 MB each). It
//! is a measurement, not a test: it never fails because an export is slow.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::time::Instant;

use chrono::Days;
use nix::sys::resource::{UsageWho, getrusage};
use rand::rngs::StdRng;
use rand::{Rng, RngCore, SeedableRng};
use samverka_app::registry::centres;
use samverka_app::seed::{NewResponse, RoundCentre, RoundInput, Seeder};
use samverka_app::surveys::rounds;
use samverka_app::{App, AppConfig, SystemClock};
use samverka_core::surveys::response::Answers;
use samverka_core::surveys::round::{Channel, RespondentGroup};
use samverka_demo::{Mood, respond};

/// Responses of the exported round.
const RESPONSES: usize = 1_000_000;
/// Responses per centre and year of the national demo's own survey history
/// (its full size has 200; fewer keep the load short, and the exported
/// round still shares its tables with 100 000 others).
const HISTORY: usize = 20;
/// Responses written per statement batch.
const BATCH: usize = 2_000;
/// Responses written per transaction.
const PER_COMMIT: usize = 100_000;
/// The budget of each export in seconds.
const SECONDS: f64 = 30.0;
/// The budget of each export's peak memory in megabytes.
const MEGABYTES: f64 = 300.0;
/// The exported round's title, by which a kept database's round is found.
const TITLE: &str = "Besöksenkät, riksmätning";
/// The first argument that makes this binary the helper that runs one
/// export and reports its time and peak memory.
const MEASURE: &str = "--measure-export";

/// The helper: runs `command`, waits for it, and prints on one line its
/// wall time in seconds, its peak resident memory in kilobytes and its exit
/// code. It has no other children, so the largest child's peak is its.
fn measure(command: &[String]) -> ExitCode {
    let Some((program, args)) = command.split_first() else {
        eprintln!("{MEASURE} needs a command");
        return ExitCode::FAILURE;
    };
    let started = Instant::now();
    let status = Command::new(program)
        .args(args)
        .status()
        .expect("the export command starts");
    let seconds = started.elapsed().as_secs_f64();
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).expect("the export's resource use");
    println!("{seconds} {} {}", usage.max_rss(), status.code().unwrap_or(-1));
    ExitCode::SUCCESS
}

/// A centre's link code: random, as a round's links are.
fn link_code(rng: &mut StdRng) -> String {
    let mut b = [0u8; 10];
    rng.fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The national demo, and a round of a million responses at every centre
/// of its largest region; the round's id and its centres.
async fn load(app: &App) -> (i64, usize) {
    let started = Instant::now();
    samverka_demo::load_national_with(app, HISTORY, &|_, _| {})
        .await
        .expect("the national demo");
    eprintln!(
        "national demo ({HISTORY} responses per centre and year) loaded in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let ctx = app.cli();
    let mut by_region: std::collections::BTreeMap<i64, Vec<i64>> = std::collections::BTreeMap::new();
    for view in centres::list(&ctx, centres::Filter::default())
        .await
        .expect("the centres")
    {
        by_region
            .entry(view.centre.region_id)
            .or_default()
            .push(view.centre.id);
    }
    let (region_id, centre_ids) = by_region
        .into_iter()
        .max_by_key(|(_, ids)| ids.len())
        .expect("a region with centres");

    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(0xe4_905);
    let mut seed = Seeder::begin(&ctx).await.expect("a write transaction");
    let (_, version_id, def) = seed
        .builtin_versions()
        .await
        .expect("the built-in surveys")
        .into_iter()
        .find(|(key, _, _)| key == "visitor_adult")
        .expect("the adult visitor survey");
    let closes = ctx.today - Days::new(14);
    let opens = closes - Days::new(60);
    let round_id = seed
        .round(&RoundInput {
            region_id,
            version_id,
            title: TITLE.to_string(),
            respondent_group: RespondentGroup::Visitors,
            opens_on: opens,
            closes_on: closes,
            centres: centre_ids
                .iter()
                .map(|c| RoundCentre {
                    centre_id: *c,
                    link_code: link_code(&mut rng),
                })
                .collect(),
        })
        .await
        .expect("the round");

    // Centres differ in size (weights 1 to 9) and in mood, as real ones do.
    let ends: Vec<u64> = centre_ids
        .iter()
        .scan(0u64, |sum, _| {
            *sum += rng.random_range(1..=9);
            Some(*sum)
        })
        .collect();
    let total = ends.last().copied().unwrap_or(1);
    let mut batch: Vec<(i64, &'static str, Channel, chrono::NaiveDate, Answers)> = Vec::with_capacity(BATCH);
    for n in 0..RESPONSES {
        let at = rng.random_range(0..total);
        let i = ends.partition_point(|end| *end <= at);
        let centre = centre_ids[i];
        let mood = Mood(0.4 + 0.25 * ((i % 7) as f64 / 6.0 - 0.5));
        let language = match rng.random_range(0..100) {
            0..80 => "sv",
            80..88 => "en",
            88..96 => "ar",
            _ => "fa",
        };
        let answers = respond(&def, language, &mut rng, mood, &|_| None).expect("a valid response");
        let channel = if rng.random_range(0..100) < 12 {
            Channel::Paper
        } else {
            Channel::Link
        };
        let on = opens + Days::new(rng.random_range(0..=60));
        batch.push((centre, language, channel, on, answers));
        if batch.len() == BATCH || n + 1 == RESPONSES {
            let list: Vec<NewResponse<'_>> = batch
                .iter()
                .map(|(centre, language, channel, on, answers)| NewResponse {
                    centre_id: Some(*centre),
                    language,
                    channel: *channel,
                    submitted_on: *on,
                    answers,
                })
                .collect();
            seed.responses_bulk(round_id, &list).await.expect("the responses");
            batch.clear();
        }
        if (n + 1) % PER_COMMIT == 0 {
            seed.commit().await.expect("committed");
            seed = Seeder::begin(&ctx).await.expect("a write transaction");
        }
    }
    let written = started.elapsed();
    seed.rebuild_counts(round_id).await.expect("the round's counts");
    seed.commit().await.expect("committed");
    eprintln!(
        "round {round_id}: {RESPONSES} responses at {} centres written in {:.1} s, counts rebuilt in {:.1} s",
        centre_ids.len(),
        written.as_secs_f64(),
        (started.elapsed() - written).as_secs_f64()
    );
    (round_id, centre_ids.len())
}

/// The round a kept database already holds, and its centres.
async fn kept(app: &App) -> (i64, usize) {
    let found = rounds::list_reachable(&app.cli(), None)
        .await
        .expect("the rounds")
        .into_iter()
        .find(|r| r.round.title == TITLE)
        .expect("the kept database has the bench's round");
    (found.round.id, found.round.centres.len())
}

/// One export as measured.
struct Measured {
    rows: Option<u64>,
    bytes: u64,
    seconds: f64,
    peak_kb: i64,
}

/// Runs `samverka export-round ROUND FILE` on `db` through the helper.
fn export(db: &Path, round: i64, file: &Path) -> Measured {
    let me = std::env::current_exe().expect("this bench's path");
    let out = Command::new(me)
        .arg(MEASURE)
        .arg(env!("CARGO_BIN_EXE_samverka"))
        .arg("--database-url")
        .arg(db)
        .arg("export-round")
        .arg(round.to_string())
        .arg(file)
        .env("LANG", "sv_SE.UTF-8")
        .env("SAMVERKA_LOG", "warn")
        .output()
        .expect("the helper runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let report = String::from_utf8_lossy(&out.stdout);
    let fields: Vec<&str> = report.split_whitespace().collect();
    let [seconds, peak_kb, code] = fields[..] else {
        panic!("the helper said {report:?}; the export said {stderr}");
    };
    if code != "0" {
        panic!("the export of {} failed ({code}): {stderr}", file.display());
    }
    // "Wrote N rows to FILE in S s."
    let rows = stderr
        .split_whitespace()
        .skip_while(|w| *w != "Wrote")
        .nth(1)
        .and_then(|n| n.parse().ok());
    Measured {
        rows,
        bytes: std::fs::metadata(file).map(|m| m.len()).unwrap_or(0),
        seconds: seconds.parse().expect("seconds"),
        peak_kb: peak_kb.parse().expect("kilobytes"),
    }
}

fn mb(bytes: f64) -> f64 {
    bytes / (1024.0 * 1024.0)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(MEASURE) {
        return measure(&args[2..]);
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = std::env::var_os("SAMVERKA_BENCH_DB").map_or_else(|| dir.path().join("bench.db"), PathBuf::from);
    let reuse = db.exists();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let started = Instant::now();
    let (round, centres) = runtime.block_on(async {
        let url = db.to_str().expect("a UTF-8 path");
        let app = App::open(url, AppConfig::default(), Arc::new(SystemClock))
            .await
            .expect("the SQLite database");
        let loaded = if reuse {
            eprintln!("exporting from {} as it is", db.display());
            kept(&app).await
        } else {
            load(&app).await
        };
        app.close().await;
        loaded
    });
    drop(runtime);
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "data loaded in {:.1} s; the database is {:.0} MB",
        started.elapsed().as_secs_f64(),
        mb(size as f64)
    );

    let mut results = Vec::new();
    for (name, file) in [("CSV", "svar.csv"), ("XLSX", "svar.xlsx")] {
        let file = dir.path().join(file);
        eprintln!("exporting round {round} to {}...", file.display());
        results.push((name, export(&db, round, &file)));
    }

    println!(
        "export of a round's responses ({RESPONSES} responses at {centres} centres), SQLite, `samverka export-round`:"
    );
    println!(
        "  {:<5} {:>9} {:>9} {:>9} {:>11} {:>9} {:>11}",
        "file", "rows", "size MB", "seconds", "(30 s)", "peak MB", "(300 MB)"
    );
    for (name, m) in &results {
        let peak = m.peak_kb as f64 / 1024.0;
        let verdict = |within: bool| if within { "within" } else { "OVER" };
        println!(
            "  {name:<5} {:>9} {:>9.0} {:>9.1} {:>11} {:>9.0} {:>11}",
            m.rows.map_or_else(|| "?".to_string(), |n| n.to_string()),
            mb(m.bytes as f64),
            m.seconds,
            verdict(m.seconds <= SECONDS),
            peak,
            verdict(peak <= MEGABYTES),
        );
        if m.rows != Some(RESPONSES as u64) {
            println!("  ({name}: {RESPONSES} rows were expected)");
        }
    }
    ExitCode::SUCCESS
}
