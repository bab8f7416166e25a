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
    // A second run keeps the data, says so, and prints every demo login again.
    let again = samverka(&db, &["demo", "--no-serve"]);
    assert!(again.status.success());
    let second = stdout(&again);
    assert!(second.contains("already has data"), "{second}");
    for line in text.lines().filter(|l| l.contains("@") && l.contains("demo-")) {
        let mut words = line.split_whitespace();
        let (email, password) = (words.next().unwrap(), words.next().unwrap());
        assert!(
            second.lines().any(|l| l.contains(email) && l.contains(password)),
            "{email} / {password} again: {second}"
        );
    }
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
    assert!(stdout(&out).contains("2 rader"), "{}", stdout(&out));
    std::fs::write(&csv, "kommun;år;folkmängd;barn_0_6\nHeby;2025;14400;1001\n").unwrap();
    let out = samverka(&db, &["import-population", csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 rad med"), "{}", stdout(&out));
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

#[test]
fn user_add_on_an_existing_account_keeps_the_password_rules() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rules.db");
    assert!(samverka(&db, &["demo", "--no-serve"]).status.success());
    let before = stdout(&samverka(&db, &["user", "list"]));
    let out = samverka(
        &db,
        &[
            "user",
            "add",
            "lan@uppsala.demo.samverka.se",
            "--role",
            "reader",
            "--region",
            "Region Sydslätt (fiktiv)",
            "--password",
            "x",
        ],
    );
    assert!(!out.status.success(), "a one-character password was accepted");
    assert!(stderr(&out).contains("at least"), "{}", stderr(&out));
    // Nothing changed: no new role, the account as it was.
    assert_eq!(stdout(&samverka(&db, &["user", "list"])), before);
}

#[test]
fn accounts_are_listed_blocked_and_unblocked_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("block.db");
    assert!(samverka(&db, &["demo", "--no-serve"]).status.success());
    let line = |db: &Path, email: &str| {
        stdout(&samverka(db, &["user", "list"]))
            .lines()
            .find(|l| l.starts_with(email))
            .map(str::to_string)
            .unwrap_or_default()
    };
    let lan = "lan@uppsala.demo.samverka.se";
    assert!(line(&db, "admin@demo.samverka.se").contains("\tactive\t"));
    assert!(
        line(&db, lan).contains("county-coordinator"),
        "{}",
        line(&db, lan)
    );
    assert!(line(&db, lan).contains("\tactive\t"), "{}", line(&db, lan));

    let out = samverka(&db, &["user", "disable", lan]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Blocked"), "{}", stdout(&out));
    assert!(line(&db, lan).contains("\tblocked\t"), "{}", line(&db, lan));

    let out = samverka(&db, &["user", "enable", lan]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(line(&db, lan).contains("\tactive\t"), "{}", line(&db, lan));

    let nobody = samverka(&db, &["user", "disable", "ingen@example.se"]);
    assert!(!nobody.status.success());
    assert!(stderr(&nobody).contains("no account"), "{}", stderr(&nobody));
}

#[test]
fn import_refuses_an_incomplete_or_altered_backup_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("src.db");
    let file = dir.path().join("full.json");
    assert!(samverka(&db, &["demo", "--no-serve"]).status.success());
    assert!(
        samverka(&db, &["export", file.to_str().unwrap()])
            .status
            .success()
    );
    let full: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let target = dir.path().join("target.db");
    let try_import = |doc: &serde_json::Value, name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, serde_json::to_vec(doc).unwrap()).unwrap();
        samverka(&target, &["import", path.to_str().unwrap()])
    };

    for table in ["meetings", "audit_log"] {
        let mut doc = full.clone();
        doc["tables"].as_object_mut().unwrap().remove(table);
        let out = try_import(&doc, &format!("without-{table}.json"));
        assert!(!out.status.success(), "a backup without {table} was accepted");
        let err = stderr(&out);
        assert!(err.contains(&format!("{table}: the table is missing")), "{err}");
    }

    let mut doc = full.clone();
    doc["tables"]["grants"][0]["role"] = serde_json::json!("superuser");
    let out = try_import(&doc, "unknown-role.json");
    assert!(!out.status.success(), "an unknown role was accepted");
    assert!(
        stderr(&out).contains("\"superuser\" is not a known code"),
        "{}",
        stderr(&out)
    );

    let mut doc = full.clone();
    doc["tables"]["grants"][0]["user_id"] = serde_json::json!(999_999);
    let out = try_import(&doc, "dangling.json");
    assert!(!out.status.success(), "a grant of no account was accepted");

    let mut doc = full.clone();
    doc["version"] = serde_json::json!(99);
    let out = try_import(&doc, "future.json");
    assert!(!out.status.success(), "a future format version was accepted");
    assert!(stderr(&out).contains("version"), "{}", stderr(&out));

    // Nothing was written by the refused imports: the complete file still goes in.
    let out = samverka(&target, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A small survey as counties share it: a screening question and a block
/// shown only after a yes.
const SURVEY: &str = r#"{
  "key": "delad_enkat",
  "title": {"sv": "Delad enkät", "en": "Shared survey"},
  "languages": ["sv", "en"],
  "blocks": [
    {"key": "start", "questions": [
      {"key": "visited", "type": "yes_no", "required": true,
       "text": {"sv": "Har du besökt oss?", "en": "Have you visited us?"},
       "end_survey_if": {"question": "visited", "equals": "no"}}]},
    {"key": "more", "show_if": {"question": "visited", "equals": "yes"}, "questions": [
      {"key": "times", "type": "number", "required": false, "min": 0, "max": 100,
       "text": {"sv": "Hur många gånger?", "en": "How many times?"}}]}]}"#;

#[test]
fn a_survey_exported_from_one_database_imports_into_another_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let original = dir.path().join("survey.json");
    let (first, second) = (dir.path().join("first.json"), dir.path().join("second.json"));
    std::fs::write(&original, SURVEY).unwrap();
    for db in [&a, &b] {
        assert!(samverka(db, &["demo", "--no-serve"]).status.success());
    }
    let import = |db: &Path, file: &Path| {
        samverka(
            db,
            &[
                "instrument",
                "import",
                file.to_str().unwrap(),
                "--region",
                "Region Uppsala",
                "--publish",
            ],
        )
    };
    let id_of = |db: &Path| {
        let list = stdout(&samverka(
            db,
            &["instrument", "list", "--region", "Region Uppsala"],
        ));
        let line = list
            .lines()
            .find(|l| l.contains("\tdelad_enkat\t"))
            .unwrap_or_else(|| panic!("not listed: {list}"))
            .to_string();
        assert!(line.contains("\tv1\tDelad enkät"), "{line}");
        line.split('\t').next().unwrap().to_string()
    };

    let out = import(&a, &original);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("version 1 (published)"), "{}", stdout(&out));
    let out = samverka(&a, &["instrument", "export", &id_of(&a), first.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = import(&b, &first);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = samverka(
        &b,
        &["instrument", "export", &id_of(&b), second.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let read = |p: &Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    assert_eq!(read(&first), read(&original), "exported as it was imported");
    assert_eq!(read(&second), read(&first), "the same after a round trip");

    // A document with a problem: each named by its place, nothing stored.
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        SURVEY.replace(
            r#""question": "visited", "equals": "yes""#,
            r#""question": "times", "equals": "yes""#,
        ),
    )
    .unwrap();
    let before = stdout(&samverka(&a, &["instrument", "list"]));
    let out = import(&a, &bad);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("blocks[1].show_if.question:"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&samverka(&a, &["instrument", "list"])), before);
    let out = samverka(&a, &["instrument", "export", "999999", "-"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no survey"), "{}", stderr(&out));
}
