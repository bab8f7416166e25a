//! Backup: export a whole database and import it into a new one, across backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{audit_all, cli, count, date, full_centre, full_unit, gavleborg, region_with};
use samverka_core::centre::UnitInput;
use samverka_core::population::PopulationLine;
use samverka_core::{BaseService, Grant, PrincipalKind, Role, RuleSet, ServiceType};
use samverka_store::testing::TestDb;
use samverka_store::{
    Backend, Db, StoreError, Who, backup, centres, municipalities, regions, sessions, users,
};
use serde_json::{Value, json};

/// Fills a database with a bit of everything, including awkward text and
/// every shape of missing data.
async fn fill(db: &Db) {
    let (r1, m) = region_with(db, "Region Uppsala", &[("0331", "Heby"), ("0380", "Uppsala")]).await;
    let (r2, g) = gavleborg(db).await;
    regions::update_rules(db, &cli(), r2, &RuleSet::skane())
        .await
        .expect("rules");

    let sävja = centres::create(db, &cli(), r1, &full_centre(m[1], "Sävja \"FC\" – åäö ÅÄÖ 😀"))
        .await
        .expect("centre");
    let heby = centres::create(db, &cli(), r1, &common::bare_centre(m[0], "Heby"))
        .await
        .expect("centre");
    let gavle = centres::create(db, &cli(), r2, &common::bare_centre(g[0], "Gävle"))
        .await
        .expect("centre");
    centres::create_unit(db, &cli(), sävja, &full_unit())
        .await
        .expect("unit");
    let no = UnitInput {
        service: ServiceType::Base(BaseService::SocialServices),
        principal_kind: Some(PrincipalKind::Municipality),
        shared_entrance: Some(false),
        full_operation: Some(false),
        minutes_per_week: Some(0),
        ..common::bare_unit(ServiceType::Base(BaseService::SocialServices))
    };
    let closed_unit = centres::create_unit(db, &cli(), heby, &no).await.expect("unit");
    centres::create_unit(db, &cli(), gavle, &common::bare_unit(ServiceType::Other))
        .await
        .expect("unit");
    centres::close_unit(db, &cli(), closed_unit, date(2023, 3, 31))
        .await
        .expect("close unit");
    centres::close(db, &cli(), heby, date(2024, 12, 31))
        .await
        .expect("close");

    let lines = [
        PopulationLine {
            line: 2,
            municipality: "Heby".into(),
            year: 2024,
            total: 14_352,
            children_0_6: 995,
        },
        PopulationLine {
            line: 3,
            municipality: "0380".into(),
            year: 2023,
            total: 247_000,
            children_0_6: 17_000,
        },
    ];
    municipalities::import_population(db, &cli(), Some(r1), &lines)
        .await
        .expect("import")
        .expect("known");

    let admin = users::create(
        db,
        &cli(),
        "admin@example.se",
        "Admin",
        Some("$argon2id$v=19$m=19456,t=2,p=1$abc$def"),
        &[Grant {
            role: Role::Admin,
            region_id: None,
            centre_id: None,
        }],
    )
    .await
    .expect("admin");
    let who = Who::user(admin, "admin@example.se");
    let local = users::create(
        db,
        &who,
        "Åsa@Example.se",
        "Åsa Öberg",
        None,
        &[Grant {
            role: Role::LocalCoordinator,
            region_id: Some(r1),
            centre_id: Some(sävja),
        }],
    )
    .await
    .expect("local");
    users::create_token(db, &who, local, "token-hash-1", "rapport")
        .await
        .expect("token");
    users::create_token(db, &who, admin, "token-hash-2", "cli")
        .await
        .expect("token");
    users::set_disabled(db, &who, local, true, Some(r1))
        .await
        .expect("disable");
    sessions::save(db, "session-1", "{}", 4_000_000_000)
        .await
        .expect("session");
    fill_governance(db, r1, sävja).await;
}

/// People, groups, a meeting with attendance and a decision, a matter, an
/// introduction and a queued notice.
async fn fill_governance(db: &Db, region: i64, centre: i64) {
    use samverka_core::governance::{
        Assignment, AssignmentKind, AttendanceStatus, DecisionCategory, GroupKind, MatterStatus,
        MeetingStatus,
    };
    use samverka_store::{assignments, groups, introductions, mail, matters, meetings, people};
    let who = cli();
    let mut tx = db.begin().await.expect("tx");
    let person = people::create_in(
        &mut tx,
        &who,
        region,
        &people::PersonInput {
            name: "Åsa Öberg".into(),
            email: Some("asa@example.se".into()),
            ..Default::default()
        },
    )
    .await
    .expect("person");
    let steering = groups::create_in(
        &mut tx,
        &who,
        region,
        &groups::GroupInput {
            kind: GroupKind::Steering,
            name: "Styrgrupp".into(),
            municipality_id: None,
            reports_to: None,
            health_forum: true,
            centre_ids: vec![centre],
        },
    )
    .await
    .expect("steering");
    let management = groups::create_in(
        &mut tx,
        &who,
        region,
        &groups::GroupInput {
            kind: GroupKind::Management,
            name: "Ledningsgrupp".into(),
            municipality_id: None,
            reports_to: Some(steering),
            health_forum: false,
            centre_ids: vec![centre],
        },
    )
    .await
    .expect("management");
    let seat = assignments::create_in(
        &mut tx,
        &who,
        &Assignment {
            id: 0,
            person_id: person,
            kind: AssignmentKind::ManagementMember,
            region_id: region,
            centre_id: None,
            group_id: Some(management),
            share_percent: None,
            paid_by: None,
            minutes_per_week: None,
            starts_on: date(2024, 1, 1),
            ends_on: None,
        },
    )
    .await
    .expect("assignment");
    let meeting = meetings::create_in(
        &mut tx,
        &who,
        management,
        date(2024, 3, 1),
        MeetingStatus::Held,
        Some("Budget"),
    )
    .await
    .expect("meeting");
    meetings::set_attendance_in(&mut tx, meeting, &[(person, AttendanceStatus::Excused)])
        .await
        .expect("attendance");
    let decision = meetings::add_decision_in(
        &mut tx,
        &who,
        meeting,
        DecisionCategory::BudgetChange,
        "Ny budget",
        &[centre],
    )
    .await
    .expect("decision");
    let matter = matters::create_in(
        &mut tx,
        &who,
        region,
        Some(management),
        steering,
        "Lokaler",
        None,
        date(2024, 3, 2),
        Some(person),
    )
    .await
    .expect("matter");
    matters::advance_in(
        &mut tx,
        &who,
        matter,
        MatterStatus::Submitted,
        date(2024, 3, 3),
        Some(person),
        None,
        None,
    )
    .await
    .expect("advance");
    let _ = decision;
    introductions::create_session_in(
        &mut tx,
        &who,
        region,
        date(2024, 2, 1),
        Some(person),
        "Intro",
        &[seat],
    )
    .await
    .expect("introduction");
    mail::enqueue_in(
        &mut tx,
        &mail::Mail {
            to: "asa@example.se".into(),
            subject: "Protokoll".into(),
            body: "Hej".into(),
        },
    )
    .await
    .expect("mail");
    tx.commit().await.expect("commit");
}

/// The other backend's fresh database, or a second SQLite one without PostgreSQL.
async fn other_backend(source: Backend) -> TestDb {
    match source {
        Backend::Sqlite => match TestDb::postgres().await {
            Some(pg) => pg,
            None => TestDb::sqlite().await,
        },
        Backend::Postgres => TestDb::sqlite().await,
    }
}

async fn tables(db: &Db) -> Value {
    backup::export(db, |_, _| {}).await.expect("export")["tables"].clone()
}

#[tokio::test]
async fn an_export_imports_into_the_other_backend_unchanged() {
    for t in TestDb::all().await {
        fill(&t.db).await;
        let mut reported = Vec::new();
        let doc = backup::export(&t.db, |table, rows| reported.push((table.to_string(), rows)))
            .await
            .expect("export");
        assert_eq!(doc["format"], json!(backup::FORMAT), "{}", t.name());
        assert_eq!(doc["version"], json!(backup::VERSION), "{}", t.name());
        let src_tables = doc["tables"].as_object().expect("tables").clone();
        for (table, rows) in &reported {
            let n = src_tables[table].as_array().expect("rows").len();
            assert_eq!(*rows, n, "{}: progress counts {table}", t.name());
            assert!(n > 0, "{}: the fixture fills {table}", t.name());
        }
        assert!(
            !src_tables.contains_key("sessions"),
            "{}: sessions are not backed up",
            t.name()
        );

        // Through text, as a backup file would be.
        let doc: Value = serde_json::from_str(&doc.to_string()).expect("reparse");
        let target = other_backend(t.db.backend()).await;
        let route = format!("{} -> {}", t.name(), target.name());
        let mut imported = Vec::new();
        backup::import(&target.db, &doc, |table, rows| {
            imported.push((table.to_string(), rows))
        })
        .await
        .unwrap_or_else(|e| panic!("{route}: import failed: {e}"));
        assert_eq!(
            imported, reported,
            "{route}: import reports the same tables and counts"
        );

        let dst_tables = tables(&target.db).await;
        for (table, rows) in &src_tables {
            assert_eq!(&dst_tables[table], rows, "{route}: table {table} differs");
        }
        assert_eq!(
            dst_tables.as_object().expect("tables").len(),
            src_tables.len(),
            "{route}"
        );

        // What people read back is the same.
        assert_eq!(
            regions::list(&target.db).await.expect("regions"),
            regions::list(&t.db).await.expect("regions"),
            "{route}"
        );
        assert_eq!(
            centres::list(&target.db, None).await.expect("centres"),
            centres::list(&t.db, None).await.expect("centres"),
            "{route}"
        );
        assert_eq!(
            centres::units_in_region(&target.db, None).await.expect("units"),
            centres::units_in_region(&t.db, None).await.expect("units"),
            "{route}"
        );
        assert_eq!(
            audit_all(&target.db).await,
            audit_all(&t.db).await,
            "{route}: audit trail"
        );
        for year in [2023, 2024] {
            assert_eq!(
                municipalities::access(&target.db, None, year)
                    .await
                    .expect("access"),
                municipalities::access(&t.db, None, year).await.expect("access"),
                "{route}: access {year}"
            );
        }
        let asa = users::find_by_email(&target.db, "åsa@example.se")
            .await
            .expect("find")
            .expect("åsa");
        assert!(asa.disabled, "{route}");
        assert_eq!(
            users::grants(&target.db, asa.id).await.expect("grants"),
            users::grants(&t.db, asa.id).await.expect("grants"),
            "{route}"
        );
        assert_eq!(
            users::user_by_token(&target.db, "token-hash-1")
                .await
                .expect("token"),
            None,
            "{route}"
        );
        assert_eq!(
            users::user_by_token(&target.db, "token-hash-2")
                .await
                .expect("token")
                .map(|u| u.email),
            Some("admin@example.se".into()),
            "{route}: a live token still works"
        );
        assert_eq!(
            sessions::load(&target.db, "session-1").await.expect("load"),
            None,
            "{route}"
        );

        // New records after the import get new ids, not ones already taken.
        let max_centre = centres::list(&target.db, None)
            .await
            .expect("list")
            .iter()
            .map(|c| c.id)
            .max();
        let max_audit = audit_all(&target.db).await[0].id;
        let region = regions::find(&target.db, "Region Uppsala")
            .await
            .expect("region")
            .id;
        let muni = municipalities::list(&target.db, Some(region))
            .await
            .expect("munis")[0]
            .id;
        let new = centres::create(&target.db, &cli(), region, &common::bare_centre(muni, "Ny"))
            .await
            .unwrap_or_else(|e| panic!("{route}: creating after import failed: {e}"));
        assert!(
            Some(new) > max_centre,
            "{route}: new centre id {new} after {max_centre:?}"
        );
        assert!(audit_all(&target.db).await[0].id > max_audit, "{route}");
        users::create(&target.db, &cli(), "ny@example.se", "Ny", None, &[])
            .await
            .unwrap_or_else(|e| panic!("{route}: creating an account after import failed: {e}"));
        let mut tx = target.db.begin().await.expect("begin");
        regions::create(
            &mut tx,
            &cli(),
            "Region Halland",
            Some("13"),
            &RuleSet::national(),
        )
        .await
        .unwrap_or_else(|e| panic!("{route}: creating a region after import failed: {e}"));
        municipalities::create(&mut tx, region, "0305", "Håbo")
            .await
            .unwrap_or_else(|e| panic!("{route}: creating a municipality after import failed: {e}"));
        tx.commit().await.expect("commit");

        target.cleanup().await;
        t.cleanup().await;
    }
}

#[tokio::test]
async fn an_import_into_a_database_with_data_is_refused_and_changes_nothing() {
    for t in TestDb::all().await {
        let n = t.name();
        let source = TestDb::sqlite().await;
        fill(&source.db).await;
        let doc = backup::export(&source.db, |_, _| {}).await.expect("export");

        // A region alone makes the database non-empty.
        gavleborg(&t.db).await;
        let before = tables(&t.db).await;
        let res = backup::import(&t.db, &doc, |_, _| {}).await;
        assert!(matches!(res, Err(StoreError::Invalid(_))), "{n}: got {res:?}");
        assert_eq!(tables(&t.db).await, before, "{n}: nothing changed");

        // So does an account alone.
        let fresh = TestDb::sqlite().await;
        users::create(&fresh.db, &cli(), "x@example.se", "X", None, &[])
            .await
            .expect("user");
        let before = tables(&fresh.db).await;
        let res = backup::import(&fresh.db, &doc, |_, _| {}).await;
        assert!(
            matches!(res, Err(StoreError::Invalid(_))),
            "{n}: an account alone, got {res:?}"
        );
        assert_eq!(tables(&fresh.db).await, before, "{n}: nothing changed");

        // Importing the same document twice: the second time is refused.
        let empty = other_backend(t.db.backend()).await;
        backup::import(&empty.db, &doc, |_, _| {})
            .await
            .expect("first import");
        let res = backup::import(&empty.db, &doc, |_, _| {}).await;
        assert!(
            matches!(res, Err(StoreError::Invalid(_))),
            "{n}: second import, got {res:?}"
        );
        assert_eq!(
            tables(&empty.db).await,
            doc["tables"],
            "{n}: the first import is intact"
        );

        empty.cleanup().await;
        fresh.cleanup().await;
        source.cleanup().await;
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_document_of_the_wrong_format_is_refused() {
    for t in TestDb::all().await {
        let n = t.name();
        let source = TestDb::sqlite().await;
        fill(&source.db).await;
        let good = backup::export(&source.db, |_, _| {}).await.expect("export");
        let empty = tables(&t.db).await;

        let mut wrong_format = good.clone();
        wrong_format["format"] = json!("something-else");
        let mut no_format = good.clone();
        no_format.as_object_mut().expect("object").remove("format");
        let mut wrong_version = good.clone();
        wrong_version["version"] = json!(backup::VERSION + 1);
        let mut no_tables = good.clone();
        no_tables["tables"] = json!([1, 2, 3]);
        // A bad value in the last table: what came before must not stay behind.
        let mut bad_value = good.clone();
        bad_value["tables"]["audit_log"][0]["id"] = json!("one");
        let mut fraction = good.clone();
        fraction["tables"]["units"][0]["minutes_per_week"] = json!(1.5);
        let mut too_big = good.clone();
        too_big["tables"]["population"][0]["total"] = json!(u64::MAX);
        let cases = [
            ("another format", wrong_format),
            ("no format", no_format),
            ("a newer version", wrong_version),
            ("no tables", no_tables),
            ("a value of the wrong type", bad_value),
            ("a fraction where a whole number belongs", fraction),
            ("a number too large", too_big),
            ("not an object", json!("samverka-backup")),
        ];
        for (what, doc) in &cases {
            let res = backup::import(&t.db, doc, |_, _| {}).await;
            assert!(
                matches!(res, Err(StoreError::Invalid(_))),
                "{n}: {what} gave {res:?}"
            );
            assert_eq!(tables(&t.db).await, empty, "{n}: {what} left data behind");
            assert_eq!(count(&t.db, "regions").await, 0, "{n}: {what}");
        }

        // After all those refusals the good document still imports.
        backup::import(&t.db, &good, |_, _| {})
            .await
            .expect("good import");
        assert_eq!(tables(&t.db).await, good["tables"], "{n}");
        source.cleanup().await;
        t.cleanup().await;
    }
}
