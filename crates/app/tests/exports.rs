//! Exports of a round through the use cases, on SQLite and PostgreSQL: a
//! file of responses or results never shows what the results hide, in CSV
//! and in XLSX; a file is asked for as a job that the export maker makes
//! and only the asker reads; a job whose maker died is made by another.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::sync::Arc;

use chrono::NaiveDate;
use samverka_app::accounts::context::for_user;
use samverka_app::jobs::exports::run_once;
use samverka_app::surveys::exports::{
    self, ExportFilter, ExportFormat, ExportKind, ExportRequest, ExportStatus, Progress,
};
use samverka_app::surveys::rounds::RoundDraft;
use samverka_app::surveys::{instruments, responses, rounds};
use samverka_app::testing::{TestDb, app_on};
use samverka_app::{App, AppConfig, Ctx, Error};
use samverka_core::centre::CentreInput;
use samverka_core::{Grant, Role, RuleSet};
use serde_json::{Map, Value, json};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

/// Did you feel welcome (with a comment), how much (only after a yes), and
/// a free text.
const DOCUMENT: &str = r#"{
  "key": "besok", "title": {"sv": "Besöksenkät", "en": "Visitor survey"},
  "languages": ["sv", "en"],
  "blocks": [{"key": "start", "questions": [
    {"key": "welcome", "type": "yes_no", "required": true,
     "text": {"sv": "Kände du dig välkommen?", "en": "Did you feel welcome?"}},
    {"key": "how_much", "type": "scale5", "required": true,
     "show_if": {"question": "welcome", "equals": "yes"},
     "text": {"sv": "Hur mycket?", "en": "How much?"}},
    {"key": "words", "type": "long_text", "required": false,
     "text": {"sv": "Något mer?", "en": "Anything else?"}}]}]}"#;

/// A region with centres Östra and Västra in one municipality and Tvåby in
/// another; a county coordinator, a reader of the region and the local
/// coordinator of Östra.
struct World {
    app: App,
    county: Ctx,
    reader: Ctx,
    local: Ctx,
    centres: [i64; 3],
    round: i64,
}

const NAMES: [&str; 3] = ["Ettby östra", "Ettby västra", "Tvåby"];

async fn world(t: &TestDb) -> World {
    let app = app_on(t, AppConfig::default(), today());
    let mut s = samverka_app::seed::Seeder::begin(&app.cli())
        .await
        .expect("seeder");
    let region = s
        .region("Region Test", Some("99"), &RuleSet::default())
        .await
        .expect("region");
    let m1 = s
        .municipality(region, "9901", "Ettby")
        .await
        .expect("municipality");
    let m2 = s
        .municipality(region, "9902", "Tvåby")
        .await
        .expect("municipality");
    let mut centres = [0; 3];
    for (i, m) in [m1, m1, m2].into_iter().enumerate() {
        let input = CentreInput {
            name: NAMES[i].into(),
            municipality_id: m,
            address: None,
            opened_on: None,
            shared_opening_minutes: None,
        };
        centres[i] = s.centre(region, &input).await.expect("centre");
    }
    let hash = samverka_app::seed::hash_password("långt lösenord 1").expect("hash");
    let grant = |role, centre_id| Grant {
        role,
        region_id: Some(region),
        centre_id,
    };
    let county = s
        .account(
            "lan@test.se",
            "Länet",
            &hash,
            &[grant(Role::CountyCoordinator, None)],
        )
        .await
        .expect("account");
    let reader = s
        .account("las@test.se", "Läsaren", &hash, &[grant(Role::Reader, None)])
        .await
        .expect("account");
    let local = s
        .account(
            "lokal@test.se",
            "Lokal",
            &hash,
            &[grant(Role::LocalCoordinator, Some(centres[0]))],
        )
        .await
        .expect("account");
    s.commit().await.expect("seeded");
    let ctx = |id| {
        let app = app.clone();
        async move { for_user(&app, id).await.expect("ctx").expect("an account") }
    };
    let county = ctx(county).await;
    let (_, version) = instruments::import(&county, region, DOCUMENT, true)
        .await
        .expect("imported");
    let round = rounds::create(
        &county,
        region,
        &RoundDraft {
            version_id: version,
            title: "Besök hösten 2026".into(),
            respondent_group: "visitors".into(),
            opens_on: "2026-11-01".into(),
            closes_on: "2026-12-15".into(),
            centre_ids: centres.to_vec(),
        },
    )
    .await
    .expect("a round");
    World {
        reader: ctx(reader).await,
        local: ctx(local).await,
        county,
        app,
        centres,
        round,
    }
}

fn raw(v: Value) -> Map<String, Value> {
    v.as_object().expect("an object").clone()
}

/// Östra: 7 responses, Västra: 3, Tvåby: 6. Every other one says yes (and
/// rates how much); every one writes a text naming its centre.
async fn answer(w: &World, counts: [usize; 3]) {
    let round = rounds::get(&w.county, w.round).await.expect("round");
    for (i, count) in counts.into_iter().enumerate() {
        let code = &round
            .centres
            .iter()
            .find(|c| c.centre_id == w.centres[i])
            .expect("a link")
            .link_code;
        for k in 0..count {
            let answer = if k % 2 == 0 {
                json!({"welcome": {"value": "yes", "comment": format!("ja-{i}-{k}")},
                       "how_much": "large_extent", "words": format!("text-{i}-{k}")})
            } else {
                json!({"welcome": "no", "words": format!("text-{i}-{k}")})
            };
            responses::submit_by_link(&w.app, code, "sv", &raw(answer))
                .await
                .expect("taken");
        }
    }
}

fn ask(kind: ExportKind, format: ExportFormat) -> ExportRequest {
    ExportRequest {
        kind,
        format,
        filter: ExportFilter::default(),
        language: "sv".into(),
    }
}

async fn file(ctx: &Ctx, round: i64, request: &ExportRequest) -> Result<Vec<u8>, Error> {
    exports::write(ctx, round, request, Vec::new(), Arc::new(Progress::default())).await
}

/// The rows of a CSV file, each as its cells.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .map(|rec| rec.expect("a row").iter().map(str::to_string).collect())
        .collect()
}

/// The rows of an XLSX file's first sheet, each as its cells' texts (inline
/// strings and numbers), read from the sheet's XML.
fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("the first sheet")
        .read_to_string(&mut xml)
        .expect("read");
    let unescape = |s: &str| s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    xml.split("<row ")
        .skip(1)
        .map(|row| {
            let mut cells: Vec<String> = Vec::new();
            for cell in row.split("<c ").skip(1) {
                // The column from the cell's reference (r="C7"): empty cells are not written.
                let at = cell.find("r=\"").map_or(0, |i| i + 3);
                let column = cell[at..]
                    .chars()
                    .take_while(char::is_ascii_uppercase)
                    .fold(0usize, |n, ch| n * 26 + (ch as usize - 'A' as usize + 1))
                    - 1;
                let inner = |open: &str, close: &str| {
                    cell.find(open).map(|at| {
                        let rest = &cell[at + open.len()..];
                        let start = rest.find('>').map_or(0, |g| g + 1);
                        unescape(&rest[start..rest.find(close).unwrap_or(rest.len())])
                    })
                };
                if cells.len() <= column {
                    cells.resize(column + 1, String::new());
                }
                cells[column] = inner("<t", "</t>")
                    .or_else(|| inner("<v", "</v>"))
                    .unwrap_or_default();
            }
            cells.resize(cells.len().max(6), String::new());
            cells
        })
        .collect()
}

/// Data rows (after the two header rows) by their centre column.
fn centres_named(rows: &[Vec<String>]) -> Vec<String> {
    let mut names: Vec<String> = rows[2..].iter().map(|r| r[1].clone()).collect();
    names.sort();
    names.dedup();
    names
}

#[tokio::test]
async fn a_file_of_responses_names_no_small_centre_and_hides_few_answered_questions_in_both_formats() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        answer(&w, [7, 3, 6]).await;
        for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
            let bytes = file(&w.county, w.round, &ask(ExportKind::Responses, format))
                .await
                .expect("a file");
            let rows = match format {
                ExportFormat::Csv => csv_rows(&bytes),
                ExportFormat::Xlsx => xlsx_rows(&bytes),
            };
            assert_eq!(
                rows[0],
                [
                    "municipality",
                    "centre",
                    "welcome",
                    "welcome__comment",
                    "how_much",
                    "words"
                ],
                "{n} {format:?}"
            );
            assert_eq!(rows[1][2], "Kände du dig välkommen?", "{n} {format:?}");
            assert_eq!(rows.len(), 2 + 16, "{n} {format:?}: one row per response");
            // Västra's three are too few, and Östra beside them in Ettby
            // would give them away: neither is named. Tvåby's six are.
            assert_eq!(centres_named(&rows), ["(dolt)", "Tvåby"], "{n} {format:?}");
            let text = rows.concat().join("\n");
            for hidden in ["Ettby östra", "Ettby västra"] {
                assert!(
                    !text.contains(hidden),
                    "{n} {format:?}: {hidden} is nowhere in the file"
                );
            }
            for row in &rows[2..] {
                let centre = &row[1];
                let words = &row[5];
                let from = words.split('-').nth(1).unwrap_or_default();
                if from == "2" {
                    assert_eq!(centre, "Tvåby", "{n} {format:?}");
                } else {
                    assert_eq!(centre, "(dolt)", "{n} {format:?}: {words}");
                }
                // How much: 4, 2 and 3 answers at the centres; no centre shows
                // it, so neither may the rows that name none.
                assert_eq!(row[4], "(dolt)", "{n} {format:?}: {row:?}");
            }
        }
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_region_that_raises_its_threshold_gets_files_of_responses_that_hide_more() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        answer(&w, [7, 3, 6]).await;
        let region = rounds::get(&w.county, w.round).await.expect("round").region_id;
        samverka_app::registry::settings::update_survey_threshold(&w.county, region, "7")
            .await
            .expect("seven is allowed");
        for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
            let bytes = file(&w.county, w.round, &ask(ExportKind::Responses, format))
                .await
                .expect("a file");
            let rows = match format {
                ExportFormat::Csv => csv_rows(&bytes),
                ExportFormat::Xlsx => xlsx_rows(&bytes),
            };
            assert_eq!(rows.len(), 2 + 16, "{n} {format:?}: one row per response");
            // Tvåby's six were shown at five; at seven they are too few, and
            // so is their municipality.
            let text = rows.concat().join("\n");
            assert!(
                !text.contains("Tvåby"),
                "{n} {format:?}: six answers are below the region's seven"
            );
            assert_eq!(centres_named(&rows), ["(dolt)"], "{n} {format:?}");
            // How much: 4, 2 and 3 at the centres. No row names a centre now,
            // so the file shows what the region's results show: 9 answers.
            let how_much: Vec<&str> = rows[2..].iter().map(|r| r[4].as_str()).collect();
            assert_eq!(
                how_much
                    .iter()
                    .filter(|v| !v.is_empty() && **v != "(dolt)")
                    .count(),
                9,
                "{n} {format:?}: {how_much:?}"
            );

            // A centre's own file is refused when it is below the threshold.
            let mut request = ask(ExportKind::Responses, format);
            request.filter.centre = Some(w.centres[2]);
            let refused = file(&w.county, w.round, &request).await;
            assert!(
                matches!(refused, Err(Error::Conflict("too-few-responses"))),
                "{n} {format:?}: {refused:?}"
            );
        }
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_file_of_results_marks_what_the_results_hide() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        answer(&w, [7, 3, 6]).await;
        for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
            let mut request = ask(ExportKind::Results, format);
            request.filter.centre = Some(w.centres[2]);
            let bytes = file(&w.county, w.round, &request).await.expect("a file");
            let rows = match format {
                ExportFormat::Csv => csv_rows(&bytes),
                ExportFormat::Xlsx => xlsx_rows(&bytes),
            };
            assert_eq!(
                rows[0],
                [
                    "question",
                    "question_text",
                    "option",
                    "option_text",
                    "answered",
                    "count",
                    "percent"
                ],
                "{n}"
            );
            let of = |q: &str, o: &str| {
                rows.iter()
                    .find(|r| r[0] == q && r[2] == o)
                    .unwrap_or_else(|| panic!("{n} {format:?}: {q} {o}"))
                    .clone()
            };
            assert_eq!(
                of("welcome", "yes")[4..],
                ["6", "3", "50"],
                "{n} {format:?}: Tvåby's six"
            );
            assert_eq!(
                of("how_much", "large_extent")[4..],
                ["(dolt)", "(dolt)", "(dolt)"],
                "{n} {format:?}: three answers"
            );
            assert_eq!(of("how_much", "large_extent")[3], "Till stor del", "{n}");
        }
        t.cleanup().await;
    }
}

#[tokio::test]
async fn too_few_responses_or_someone_elses_centre_give_no_file() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        answer(&w, [2, 1, 1]).await;
        let csv = ask(ExportKind::Responses, ExportFormat::Csv);
        assert_eq!(
            exports::request(&w.county, w.round, &csv).await,
            Err(Error::Conflict("too-few-responses")),
            "{n}: four responses in all"
        );
        assert_eq!(
            file(&w.county, w.round, &csv).await,
            Err(Error::Conflict("too-few-responses")),
            "{n}"
        );
        answer(&w, [7, 3, 6]).await;
        assert_eq!(
            exports::request(&w.local, w.round, &csv).await,
            Err(Error::Forbidden),
            "{n}: a local coordinator does not read the region"
        );
        let mut theirs = csv.clone();
        theirs.filter.centre = Some(w.centres[2]);
        assert_eq!(
            exports::request(&w.local, w.round, &theirs).await,
            Err(Error::Forbidden),
            "{n}"
        );
        let mut own = csv.clone();
        own.filter.centre = Some(w.centres[0]);
        assert_eq!(
            exports::request(&w.local, w.round, &own).await,
            Err(Error::Conflict("too-few-responses")),
            "{n}: their centre is hidden beside the small one"
        );
        let mut elsewhere = csv.clone();
        elsewhere.filter.centre = Some(w.centres[0] + 1000);
        assert!(
            matches!(
                exports::request(&w.county, w.round, &elsewhere).await,
                Err(Error::Invalid(_))
            ),
            "{n}: not a centre of the round"
        );
        assert_eq!(
            exports::request(&w.app.cli(), w.round, &csv).await,
            Err(Error::Forbidden),
            "{n}: the command line writes files directly, it queues no jobs"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_job_is_made_by_the_export_maker_and_only_its_asker_reads_it() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        answer(&w, [7, 3, 6]).await;
        let request = ask(ExportKind::Responses, ExportFormat::Csv);
        let id = exports::request(&w.county, w.round, &request)
            .await
            .expect("queued");
        let queued = exports::get(&w.county, id).await.expect("job");
        assert_eq!(
            (queued.status, queued.percent()),
            (ExportStatus::Queued, 0),
            "{n}"
        );
        assert_eq!(
            exports::download(&w.county, id).await.map(|_| ()),
            Err(Error::Conflict("export-not-ready")),
            "{n}"
        );
        assert_eq!(
            run_once(&w.app, "instance-a").await.expect("ran"),
            Some(id),
            "{n}"
        );
        assert_eq!(
            run_once(&w.app, "instance-a").await.expect("ran"),
            None,
            "{n}: nothing waits"
        );
        let done = exports::get(&w.county, id).await.expect("job");
        assert_eq!(
            (done.status, done.done, done.total),
            (ExportStatus::Done, 16, 16),
            "{n}"
        );
        assert_eq!(
            done.file_name.as_deref(),
            Some(format!("svar-omgang-{}.csv", w.round).as_str())
        );
        let mut d = exports::download(&w.county, id).await.expect("download");
        assert_eq!(d.content_type, "text/csv; charset=utf-8", "{n}");
        let mut bytes = Vec::new();
        while let Some(chunk) = d.next_chunk().await.expect("chunk") {
            bytes.extend(chunk);
        }
        assert_eq!(i64::try_from(bytes.len()).unwrap(), d.size, "{n}");
        let direct = file(&w.county, w.round, &request).await.expect("a file");
        assert_eq!(
            bytes, direct,
            "{n}: one stretch, so the same rows in the same order"
        );

        for other in [&w.reader, &w.local] {
            assert_eq!(
                exports::get(other, id).await.map(|_| ()),
                Err(Error::NotFound),
                "{n}"
            );
            assert_eq!(
                exports::download(other, id).await.map(|_| ()),
                Err(Error::NotFound),
                "{n}"
            );
        }
        assert_eq!(
            exports::of_round(&w.county, w.round).await.expect("list").len(),
            1,
            "{n}"
        );
        assert!(
            exports::of_round(&w.reader, w.round)
                .await
                .expect("list")
                .is_empty(),
            "{n}"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_job_whose_maker_died_is_made_again_by_another_instance() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        answer(&w, [7, 3, 6]).await;
        let request = ask(ExportKind::Results, ExportFormat::Xlsx);
        let id = exports::request(&w.county, w.round, &request)
            .await
            .expect("queued");
        // An instance claims it and dies.
        let mut c = t.db.read().await.expect("connection");
        let now = w.app.now().timestamp();
        let claim = samverka_store::surveys::exports::claim(&mut c, "died", now, 60, 3)
            .await
            .expect("claim")
            .expect("claimed");
        drop(c);
        assert_eq!(claim.job_id, id, "{n}");
        assert_eq!(
            run_once(&w.app, "alive").await.expect("ran"),
            None,
            "{n}: its lease still runs"
        );
        // Two minutes later the lease has run out.
        let later = App::new(
            t.db.clone(),
            AppConfig::default(),
            Arc::new(samverka_app::FixedClock(
                w.app.now() + chrono::Duration::minutes(2),
            )),
        );
        assert_eq!(run_once(&later, "alive").await.expect("ran"), Some(id), "{n}");
        let done = exports::get(&w.county, id).await.expect("job");
        assert_eq!(done.status, ExportStatus::Done, "{n}");
        let mut d = exports::download(&w.county, id).await.expect("download");
        let first = d.next_chunk().await.expect("chunk").expect("a chunk");
        assert!(first.starts_with(b"PK"), "{n}: a workbook");
        t.cleanup().await;
    }
}
