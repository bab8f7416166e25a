//! The command line, run as a person would: the real binary on a real SQLite file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn demo_fills_the_database_and_prints_the_logins() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = samverka(&db, &["demo", "--no-serve"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("lan@uppsala.demo.samverka.se"), "{text}");
    assert!(text.contains("demo-lan"), "{text}");
    // A second run keeps the data and says so.
    let again = samverka(&db, &["demo", "--no-serve"]);
    assert!(again.status.success());
    assert!(stdout(&again).contains("already has data"), "{}", stdout(&again));
}

#[test]
fn accounts_and_tokens_are_made_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("users.db");
    assert!(samverka(&db, &["demo", "--no-serve"]).status.success());
    let out = samverka(
        &db,
        &[
            "user",
            "add",
            "ny.samordnare@heby.se",
            "--role",
            "local-coordinator",
            "--region",
            "Region Uppsala",
            "--centre",
            "Familjecentralen i Heby",
            "--password",
            "ett långt lösenord",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let token = samverka(&db, &["user", "token", "ny.samordnare@heby.se"]);
    assert!(token.status.success(), "{}", stderr(&token));
    let last = stdout(&token).lines().last().unwrap_or("").to_string();
    assert!(
        last.starts_with("svk_") && last.len() > 30,
        "the token is the last line: {last}"
    );

    let bad_centre = samverka(
        &db,
        &[
            "user",
            "add",
            "x@y.se",
            "--role",
            "local-coordinator",
            "--region",
            "Region Uppsala",
            "--centre",
            "Ingenstans",
        ],
    );
    assert!(!bad_centre.status.success());
    assert!(
        stderr(&bad_centre).contains("no centre called Ingenstans"),
        "{}",
        stderr(&bad_centre)
    );
    let no_region = samverka(&db, &["user", "add", "x@y.se", "--role", "reader"]);
    assert!(!no_region.status.success());
    assert!(stderr(&no_region).contains("--region"), "{}", stderr(&no_region));
}

#[test]
fn export_and_import_restore_the_same_contents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let copy = dir.path().join("b.db");
    let file = dir.path().join("backup.json");
    let file2 = dir.path().join("backup2.json");
    assert!(samverka(&db, &["demo", "--no-serve"]).status.success());
    let out = samverka(&db, &["export", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = samverka(&copy, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        samverka(&copy, &["export", file2.to_str().unwrap()])
            .status
            .success()
    );
    let a: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let b: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file2).unwrap()).unwrap();
    assert_eq!(a["tables"], b["tables"]);
    // Importing twice is refused: the target is no longer empty.
    let again = samverka(&copy, &["import", file.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("not empty"), "{}", stderr(&again));
}

#[test]
fn a_bad_population_file_imports_nothing_and_says_which_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pop.db");
    assert!(samverka(&db, &["demo", "--no-serve"]).status.success());
    let csv = dir.path().join("pop.csv");
    std::fs::write(
        &csv,
        "kommun;år;folkmängd;barn_0_6\nHeby;2025;14400;1000\nAtlantis;2025;10;1\n",
    )
    .unwrap();
    let out = samverka(&db, &["import-population", csv.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Rad 3"), "{}", stderr(&out));
    assert!(stderr(&out).contains("Atlantis"), "{}", stderr(&out));
    std::fs::write(
        &csv,
        "kommun;år;folkmängd;barn_0_6\nHeby;2025;14400;1000\n0380;2025;250000;17000\n",
    )
    .unwrap();
    let out = samverka(&db, &["import-population", csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains('2'), "{}", stdout(&out));
}

#[test]
fn a_database_that_cannot_be_opened_gives_one_clear_line() {
    let out = samverka(Path::new("/nonexistent/folder/x.db"), &["migrate"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("cannot open the database"), "{err}");
}

#[test]
fn a_wrong_flag_is_explained_not_a_backtrace() {
    let out = samverka(Path::new("x.db"), &["serve", "--bogus"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
