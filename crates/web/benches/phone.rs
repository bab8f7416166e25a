//! The whole visitor flow as a phone without JavaScript walks it, on
//! SQLite, under load.
//!
//! Run it with
//!
//! ```text
//! cargo bench -p samverka-web --bench phone
//! ```
//!
//! It starts the real server (full router, every middleware, the database
//! opened as `samverka serve` opens it, `SAMVERKA_SUBMIT_RATE` 0) on an
//! SQLite file with the county demo and opens a round of the adult visitor
//! survey at every centre of Region Uppsala. Then `SAMVERKA_BENCH_CLIENTS`
//! visitors at a time (default 32) each walk the survey as a page without
//! JavaScript does: `GET /s/{code}` for the first page, then a form post
//! per page with that page's answers and the earlier pages' answers in the
//! hidden fields, until the last post answers with the thank-you page. No
//! visitor keeps a cookie (there is none to keep), and each walk is a new
//! visitor. It runs for `SAMVERKA_BENCH_SECONDS` (default 10) and prints the
//! completed responses per second, the requests per second, the median and
//! 99th percentile of one request and of a whole walk, and counts the
//! stored responses afterwards (nothing may be lost).
//!
//! A measurement, not a test: it never fails because something is slow.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use samverka_core::surveys::response::to_form;
use samverka_core::surveys::routing::route;
use samverka_web::WebConfig;
use support::visitors::{Tally, check_stored, drive, responses, send, setting, stored, visitor_rounds};
use support::{Data, Server};

/// One visitor's walk: the form fields of each page's post, in order.
type Walk = Vec<Vec<(String, String)>>;

/// The posts of a walk through `answers`: per page, the page's own fields
/// and those of the pages before it (as the hidden fields carry them).
fn walk(
    def: &samverka_core::surveys::definition::Definition,
    answers: &samverka_core::surveys::response::Answers,
) -> Walk {
    let all = to_form(answers);
    let r = route(def, answers);
    let mut seen: Vec<&str> = Vec::new();
    r.pages()
        .iter()
        .map(|page| {
            seen.extend(page.questions.iter().map(|q| q.key.as_str()));
            let mut fields = vec![
                ("_lang".to_string(), "sv".to_string()),
                ("_page".to_string(), page.block.key.clone()),
            ];
            fields.extend(
                all.iter()
                    .filter(|(name, _)| {
                        let key = name.strip_suffix("__comment").unwrap_or(name);
                        seen.contains(&key)
                    })
                    .cloned(),
            );
            fields
        })
        .collect()
}

fn main() {
    let seconds = Duration::from_secs(setting("SAMVERKA_BENCH_SECONDS", 10));
    let clients = setting("SAMVERKA_BENCH_CLIENTS", 32);
    let web = WebConfig {
        submit_rate: 0,
        ..WebConfig::default()
    };
    let server = Server::start_with(Data::County, web);
    let rounds = visitor_rounds(&server, &["Besökarenkät (telefon)"]);
    let walks: Arc<Vec<Walk>> = Arc::new(
        responses(&rounds.definition, 2000)
            .iter()
            .map(|(answers, _)| walk(&rounds.definition, answers))
            .collect(),
    );
    let pages = walks.iter().map(Vec::len).sum::<usize>() as f64 / walks.len() as f64;
    let urls: Arc<Vec<String>> = Arc::new(
        rounds
            .codes
            .iter()
            .map(|c| server.url(&format!("/s/{c}")))
            .collect(),
    );
    eprintln!(
        "{} centres, {pages:.1} pages per walk, {clients} visitors at a time for {} s",
        urls.len(),
        seconds.as_secs()
    );

    // No cookie store: a visitor sends nothing but the form.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client");
    let (tally, elapsed) = drive(clients, seconds, move |_, i, mut tally: Tally| {
        let (http, walks, urls) = (http.clone(), walks.clone(), urls.clone());
        async move {
            let walk = &walks[i as usize % walks.len()];
            let url = &urls[i as usize % urls.len()];
            let began = Instant::now();
            let sent = Instant::now();
            let (status, _) = send(http.get(format!("{url}?lang=sv"))).await;
            tally.times.push(sent.elapsed());
            tally.requests += 1;
            if status != 200 {
                *tally.failures.entry(status).or_default() += 1;
                return tally;
            }
            for (n, fields) in walk.iter().enumerate() {
                let sent = Instant::now();
                let (status, body) = send(http.post(url).form(fields)).await;
                tally.times.push(sent.elapsed());
                tally.requests += 1;
                let last = n + 1 == walk.len();
                // Every page but the last leads to the next page; the last
                // to the thanks, which has no page of its own.
                if status != 200 || last == body.contains(r#"name="_page""#) {
                    *tally.failures.entry(status).or_default() += 1;
                    return tally;
                }
            }
            tally.walks.push(began.elapsed());
            tally.taken += 1;
            tally
        }
    });
    tally.print(
        "visitor flow without JavaScript (GET, a post per page, thanks)",
        elapsed,
    );
    check_stored(stored(&server, rounds.ids[0]), tally.taken);
}
