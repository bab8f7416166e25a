//! `samverka export-round`, run as a person would: the real binary on an
//! SQLite file with a round of twelve responses.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use samverka_app::surveys::rounds::RoundDraft;
use samverka_app::surveys::{instruments, responses, rounds};
use samverka_app::{App, AppConfig, FixedClock};
use serde_json::json;

fn samverka(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samverka"))
        .arg("--database-url")
        .arg(db)
        .args(args)
        .env("SAMVERKA_LOG", "warn")
        .env("LANG", "sv_SE.UTF-8")
        .output()
        .expect("run samverka")
}

const DOCUMENT: &str = r#"{
  "key": "cli_test", "title": {"sv": "Besöksenkät"}, "languages": ["sv"],
  "blocks": [{"key": "start", "questions": [
    {"key": "welcome", "type": "yes_no", "required": true, "text": {"sv": "Kände du dig välkommen?"}}]}]}"#;

/// The demo county with a round at Sävja and Gottsunda, six responses each
/// (and one at Heby); the round's id and Heby's.
async fn fill(db: &Path) -> (i64, i64) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let app = App::open(
        &db.display().to_string(),
        AppConfig::default(),
        Arc::new(FixedClock::on(today)),
    )
    .await
    .unwrap();
    samverka_demo::load_county(&app).await.unwrap();
    let ctx = app.cli();
    let region = samverka_app::registry::regions::find(&ctx, "Region Uppsala")
        .await
        .unwrap()
        .id;
    let (_, version) = instruments::import(&ctx, region, DOCUMENT, true).await.unwrap();
    let all = samverka_app::registry::centres::list(
        &ctx,
        samverka_app::registry::centres::Filter {
            region: Some(region),
            include_closed: false,
        },
    )
    .await
    .unwrap();
    let id = |name: &str| all.iter().find(|c| c.centre.name == name).unwrap().centre.id;
    let centres = [
        id("Sävja familjecentral"),
        id("Gottsunda familjecentral"),
        id("Familjecentralen i Heby"),
    ];
    let round = rounds::create(
        &ctx,
        region,
        &RoundDraft {
            version_id: version,
            title: "Besök".into(),
            respondent_group: "visitors".into(),
            opens_on: "2026-11-01".into(),
            closes_on: "2026-12-15".into(),
            centre_ids: centres.to_vec(),
        },
    )
    .await
    .unwrap();
    let links = rounds::get(&ctx, round).await.unwrap().centres;
    for (centre, count) in centres.iter().zip([6, 6, 1]) {
        let code = &links.iter().find(|c| c.centre_id == *centre).unwrap().link_code;
        for i in 0..count {
            let answer = json!({"welcome": if i % 3 == 0 { "no" } else { "yes" }});
            responses::submit_by_link(&app, code, "sv", answer.as_object().unwrap())
                .await
                .unwrap();
        }
    }
    app.close().await;
    (round, centres[2])
}

#[test]
fn export_round_writes_the_file_its_extension_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("runda.db");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (round, heby) = runtime.block_on(fill(&db));
    let round = round.to_string();

    let csv = dir.path().join("svar.csv");
    let out = samverka(&db, &["export-round", &round, csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Wrote 13 rows"));
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "municipality;centre;welcome;welcome__comment");
    assert_eq!(lines.len(), 2 + 13);
    assert!(!text.contains("Heby"), "a single response names no centre");

    let xlsx = dir.path().join("resultat.xlsx");
    let out = samverka(
        &db,
        &[
            "export-round",
            &round,
            xlsx.to_str().unwrap(),
            "--kind",
            "results",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    let pdf = dir.path().join("svar.pdf");
    let out = samverka(&db, &["export-round", &round, pdf.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(".csv or .xlsx"));

    let few = dir.path().join("heby.csv");
    let out = samverka(
        &db,
        &[
            "export-round",
            &round,
            few.to_str().unwrap(),
            "--centre",
            &heby.to_string(),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("too few responses"));
    assert!(!few.exists(), "nothing is left behind");
}
