//! Backup: export a whole database and import it into a new one, across
//! backends; the format covers the whole schema, and an import is checked
//! whole before anything is written.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{answers, choice, choices, new_round, published_survey, round_input, survey_definition, yes_no};
use common::{
    audit_all, bare_centre, bare_unit, cli, close_centre, close_unit, count, date, exec, full_centre,
    full_premises, full_unit, gavleborg, grant, new_centre, new_premises, new_unit, new_user, rd,
    region_with,
};
use samverka_core::centre::UnitInput;
use samverka_core::governance::{
    Assignment, AssignmentKind, AttendanceStatus, DecisionCategory, GovernanceSettings, GroupInput,
    GroupKind, MatterStatus, MatterStep, MeetingStatus, PersonInput,
};
use samverka_core::premises::PremisesInput;
use samverka_core::surveys::response::Answer;
use samverka_core::surveys::round::Channel;
use samverka_core::{BaseService, PrincipalKind, Role, RuleSet, ServiceType};
use samverka_store::accounts::{resets, sessions, throttle, tokens, users};
use samverka_store::backup::{self, ImportError};
use samverka_store::governance::meetings::MeetingFields;
use samverka_store::governance::{assignments, decisions, groups, introductions, matters, meetings, people};
use samverka_store::platform::mail::{self, Mail};
use samverka_store::registry::municipalities::{self, Numbers};
use samverka_store::registry::{centres, premises, regions};
use samverka_store::surveys::instruments;
use samverka_store::surveys::invitations::{self, NewInvitation, Reminder};
use samverka_store::surveys::{responses, rounds};
use samverka_store::testing::TestDb;
use samverka_store::{Backend, Db, Who, commit};
use serde_json::{Value, json};

/// Fills a database with a bit of everything, including awkward text and
/// every shape of missing data, and every column added in version 3.
async fn fill(db: &Db) {
    let (r1, m) = region_with(db, "Region Uppsala", &[("0331", "Heby"), ("0380", "Uppsala")]).await;
    let (r2, g) = gavleborg(db).await;
    let mut tx = db.write().await.expect("begin");
    regions::update_rules(&mut tx, &cli(), r2, &RuleSet::skane())
        .await
        .expect("rules");
    regions::update_governance(
        &mut tx,
        &cli(),
        r1,
        &GovernanceSettings {
            min_management_meetings: 6,
            min_steering_meetings: 2,
            minutes_within_days: 10,
            introduction_within_days: 60,
            matter_within_days: 45,
            management_quorum: 2,
            ..GovernanceSettings::skane()
        },
    )
    .await
    .expect("governance");
    commit(tx).await.expect("commit");

    let savja = new_centre(db, &cli(), r1, &full_centre(m[1], "Sävja \"FC\" – åäö ÅÄÖ 😀"))
        .await
        .expect("centre");
    let heby = new_centre(db, &cli(), r1, &bare_centre(m[0], "Heby"))
        .await
        .expect("centre");
    let gavle = new_centre(db, &cli(), r2, &bare_centre(g[0], "Gävle"))
        .await
        .expect("centre");
    let house = new_premises(db, &cli(), savja, &full_premises())
        .await
        .expect("premises");
    let hall = PremisesInput {
        name: "Kommunhuset".into(),
        address: None,
        shared_entrance: Some(false),
    };
    let hall = new_premises(db, &cli(), heby, &hall).await.expect("premises");
    new_unit(
        db,
        &cli(),
        savja,
        &UnitInput {
            premises_id: Some(house),
            ..full_unit()
        },
    )
    .await
    .expect("unit");
    let no = UnitInput {
        service: ServiceType::Base(BaseService::SocialServices),
        principal_kind: Some(PrincipalKind::Municipality),
        premises_id: Some(hall),
        full_operation: Some(false),
        minutes_per_week: Some(0),
        ..bare_unit(ServiceType::Base(BaseService::SocialServices))
    };
    let closed_unit = new_unit(db, &cli(), heby, &no).await.expect("unit");
    new_unit(db, &cli(), gavle, &bare_unit(ServiceType::Other))
        .await
        .expect("unit");
    close_unit(db, &cli(), closed_unit, date(2023, 3, 31))
        .await
        .expect("close unit");
    close_centre(db, &cli(), heby, date(2024, 12, 31))
        .await
        .expect("close");

    let mut tx = db.write().await.expect("begin");
    municipalities::set_population(
        &mut tx,
        &cli(),
        r1,
        &[
            Numbers {
                municipality_id: m[0],
                year: 2024,
                total: 14_352,
                children_0_6: 995,
                invented: false,
            },
            Numbers {
                municipality_id: m[1],
                year: 2023,
                total: 247_000,
                children_0_6: 17_000,
                invented: true,
            },
        ],
    )
    .await
    .expect("population");
    commit(tx).await.expect("commit");

    let admin = new_user(
        db,
        &cli(),
        "admin@example.se",
        "Admin",
        Some("$argon2id$v=19$m=19456,t=2,p=1$abc$def"),
        &[grant(Role::Admin, None, None)],
    )
    .await
    .expect("admin");
    let who = Who::user(admin, "admin@example.se");
    let local = new_user(
        db,
        &who,
        "Åsa@Example.se",
        "Åsa Öberg",
        None,
        &[
            grant(Role::LocalCoordinator, Some(r1), Some(savja)),
            grant(Role::Reader, Some(r2), None),
        ],
    )
    .await
    .expect("local");
    let mut tx = db.write().await.expect("begin");
    tokens::create(
        &mut tx,
        &who,
        local,
        "token-hash-1",
        "rapport",
        Some(date(2030, 12, 31)),
    )
    .await
    .expect("token");
    let cli_token = tokens::create(&mut tx, &who, admin, "token-hash-2", "cli", None)
        .await
        .expect("token");
    tokens::touch(&mut tx, cli_token, "2025-01-02T03:04:05Z")
        .await
        .expect("touch");
    users::set_disabled(&mut tx, &who, local, true)
        .await
        .expect("disable");
    users::set_region_disabled(&mut tx, &who, local, r2, true)
        .await
        .expect("disable in a region");
    resets::create(&mut tx, local, "reset-hash", 4_000_000_000)
        .await
        .expect("reset");
    commit(tx).await.expect("commit");
    let mut c = rd(db).await;
    sessions::save(&mut c, "session-1", Some(admin), "{}", 4_000_000_000)
        .await
        .expect("session");
    throttle::record(&mut c, "acct:x", 1_000, 900)
        .await
        .expect("throttle");
    drop(c);
    fill_governance(db, r1, savja).await;
    fill_surveys(db, r1, savja, heby).await;
}

/// The tables of surveys, new in version 7.
const SURVEY_TABLES: [&str; 7] = [
    "instruments",
    "instrument_versions",
    "rounds",
    "round_centres",
    "invitations",
    "responses",
    "answers",
];

/// A built-in survey and a region's own (with a draft), a round at two
/// centres, invitations (one used, one reminded) and responses with every
/// kind of answer, one without a centre.
async fn fill_surveys(db: &Db, region: i64, centre: i64, other: i64) {
    let (_, version) = published_survey(db, None, "brukarenkat").await;
    let (own, _) = published_survey(db, Some(region), "personalenkat").await;
    let round = new_round(
        db,
        &round_input(region, version, &[(centre, "savja-åäö"), (other, "heby-1")]),
    )
    .await
    .expect("round");
    let mut tx = db.write().await.expect("begin");
    let mut draft = survey_definition();
    draft.key = "personal_2026".into();
    instruments::add_version(&mut tx, &cli(), &own, &draft, None)
        .await
        .expect("draft");
    let person = people::create(
        &mut tx,
        &cli(),
        region,
        &PersonInput {
            name: "Inbjuden".into(),
            ..Default::default()
        },
    )
    .await
    .expect("person");
    let invited = invitations::create(
        &mut tx,
        &cli(),
        &round,
        &[
            NewInvitation {
                person_id: person,
                centre_id: Some(centre),
                token_hash: "invitation-hash-1".into(),
            },
            NewInvitation {
                person_id: person,
                centre_id: None,
                token_hash: "invitation-hash-2".into(),
            },
        ],
        date(2025, 9, 1),
    )
    .await
    .expect("invitations");
    invitations::mark_reminded(
        &mut tx,
        &cli(),
        &round,
        &[Reminder {
            invitation_id: invited[1],
            token_hash: None,
        }],
        date(2025, 9, 20),
    )
    .await
    .expect("remind");
    let (_, at) = invitations::use_token(&mut tx, "invitation-hash-1")
        .await
        .expect("use");
    let full = answers(&[
        ("welcome", yes_no(false, Some("Trångt – \"för\" små rum 😀"))),
        ("services", choices(&["soc", "bvc"])),
        ("visits", Answer::Number(7)),
        ("overall", choice("high")),
        ("means", Answer::Text("En plats\nför alla".into())),
    ]);
    for (centre, channel, given) in [
        (at, Channel::Invitation, full.clone()),
        (Some(centre), Channel::Link, full),
        (None, Channel::Paper, answers(&[("welcome", yes_no(true, None))])),
    ] {
        responses::insert(
            &mut tx,
            round.id,
            centre,
            "sv",
            channel,
            date(2025, 9, 21),
            &given,
        )
        .await
        .expect("response");
    }
    commit(tx).await.expect("commit");
}

/// The whole `answer_counts` table, in key order.
async fn answer_counts(db: &Db) -> Vec<(i64, i64, String, String, String, String, i64)> {
    let mut found: Vec<(i64, i64, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT round_id, centre_id, language, channel, question_key, option_key, count FROM answer_counts",
    )
    .fetch_all(&mut *rd(db).await)
    .await
    .expect("counts");
    found.sort();
    found
}

/// People, groups, a meeting with attendance, minutes and a decision, a
/// matter, an introduction and a queued notice.
async fn fill_governance(db: &Db, region: i64, centre: i64) {
    let who = cli();
    let mut tx = db.write().await.expect("tx");
    let person = people::create(
        &mut tx,
        &who,
        region,
        &PersonInput {
            name: "Åsa Öberg".into(),
            email: Some("asa@example.se".into()),
            ..Default::default()
        },
    )
    .await
    .expect("person");
    let steering = groups::create(
        &mut tx,
        &who,
        region,
        &GroupInput {
            kind: GroupKind::Steering,
            name: "Styrgrupp".into(),
            municipality_id: None,
            reports_to: None,
            health_forum: true,
            starts_on: Some(date(2023, 1, 15)),
            centre_ids: vec![centre],
        },
    )
    .await
    .expect("steering");
    let management = groups::create(
        &mut tx,
        &who,
        region,
        &GroupInput {
            kind: GroupKind::Management,
            name: "Ledningsgrupp".into(),
            municipality_id: None,
            reports_to: Some(steering),
            health_forum: false,
            starts_on: None,
            centre_ids: vec![centre],
        },
    )
    .await
    .expect("management");
    let seat = assignments::create(
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
    let meeting = meetings::create(
        &mut tx,
        &who,
        region,
        management,
        &MeetingFields {
            held_on: date(2024, 3, 1),
            status: MeetingStatus::Held,
            agenda: Some("Budget"),
            minutes: Some((
                "# Protokoll\n\nBudget *antagen*.",
                "<h1>Protokoll</h1>\n<p>Budget <em>antagen</em>.</p>",
            )),
        },
        &[],
    )
    .await
    .expect("meeting");
    meetings::set_attendance(&mut tx, meeting, &[(person, AttendanceStatus::Excused)])
        .await
        .expect("attendance");
    let decision = decisions::create(
        &mut tx,
        &who,
        region,
        meeting,
        DecisionCategory::BudgetChange,
        "Ny budget",
        &[centre],
    )
    .await
    .expect("decision");
    let matter = matters::create(
        &mut tx,
        &who,
        &matters::NewMatter {
            region_id: region,
            from_group_id: Some(management),
            to_group_id: steering,
            title: "Lokaler",
            body: None,
            on: date(2024, 3, 2),
            person_id: Some(person),
        },
    )
    .await
    .expect("matter");
    for (status, day, decided) in [
        (MatterStatus::Submitted, 3, None),
        (MatterStatus::OnAgenda, 4, None),
        (MatterStatus::Decided, 5, Some(decision)),
    ] {
        let before = matters::get(&mut tx, matter).await.expect("matter");
        matters::advance(
            &mut tx,
            &who,
            &before,
            &MatterStep {
                status,
                on: date(2024, 3, day),
                person_id: Some(person),
                note: Some(format!("steg {day}")),
            },
            decided,
        )
        .await
        .expect("advance");
    }
    introductions::create_session(
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
    meetings::publish(
        &mut tx,
        &who,
        region,
        meeting,
        date(2024, 3, 6),
        &[Mail {
            to: "asa@example.se".into(),
            subject: "Protokoll".into(),
            body: "Hej".into(),
        }],
    )
    .await
    .expect("publish");
    let sent = mail::enqueue(
        &mut tx,
        &Mail {
            to: "admin@example.se".into(),
            subject: "Rapport".into(),
            body: "Hej igen".into(),
        },
    )
    .await
    .expect("mail");
    mail::mark_failed(&mut tx, sent, "connection refused")
        .await
        .expect("failed");
    mail::mark_sent(&mut tx, sent).await.expect("sent");
    commit(tx).await.expect("commit");
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

/// The problems an import was refused for; panics when it was not refused.
fn refusal(res: Result<(), ImportError>, what: &str) -> Vec<String> {
    match res {
        Err(ImportError::Refused(r)) => {
            assert!(!r.problems.is_empty(), "{what}: refused without a reason");
            r.problems
        }
        other => panic!("{what}: expected a refusal, got {other:?}"),
    }
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
        for table in backup::NOT_BACKED_UP {
            assert!(
                !src_tables.contains_key(*table),
                "{}: {table} is not backed up",
                t.name()
            );
        }
        // Every column added in version 3 (and after) holds a value somewhere.
        for (table, column) in [
            ("units", "premises_id"),
            ("grants", "disabled_at"),
            ("api_tokens", "expires_on"),
            ("api_tokens", "last_used_at"),
            ("meetings", "minutes_html"),
            ("instruments", "region_id"),
            ("instrument_versions", "published_on"),
            ("invitations", "centre_id"),
            ("invitations", "reminded_on"),
            ("responses", "centre_id"),
            ("answers", "option_key"),
            ("answers", "number"),
            ("answers", "text"),
            ("answers", "comment"),
        ] {
            assert!(
                src_tables[table]
                    .as_array()
                    .expect("rows")
                    .iter()
                    .any(|r| !r[column].is_null()),
                "{}: the fixture fills {table}.{column}",
                t.name()
            );
        }

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

        // The counts are rebuilt from the answers, as they were.
        let counts = answer_counts(&t.db).await;
        assert!(counts.len() > 10, "{route}: the fixture counts answers");
        assert_eq!(answer_counts(&target.db).await, counts, "{route}: answer counts");

        // What people read back is the same.
        let mut a = rd(&t.db).await;
        let mut b = rd(&target.db).await;
        assert_eq!(
            regions::list(&mut b).await.expect("regions"),
            regions::list(&mut a).await.expect("regions"),
            "{route}"
        );
        assert_eq!(
            centres::list(&mut b, None).await.expect("centres"),
            centres::list(&mut a, None).await.expect("centres"),
            "{route}"
        );
        assert_eq!(
            centres::units_in_region(&mut b, None).await.expect("units"),
            centres::units_in_region(&mut a, None).await.expect("units"),
            "{route}"
        );
        assert_eq!(
            premises::in_region(&mut b, None).await.expect("premises"),
            premises::in_region(&mut a, None).await.expect("premises"),
            "{route}"
        );
        for year in [2023, 2024] {
            assert_eq!(
                municipalities::access(&mut b, None, year).await.expect("access"),
                municipalities::access(&mut a, None, year).await.expect("access"),
                "{route}: access {year}"
            );
        }
        assert_eq!(
            groups::list(&mut b, None).await.expect("groups"),
            groups::list(&mut a, None).await.expect("groups"),
            "{route}"
        );
        assert_eq!(
            meetings::list(&mut b, None).await.expect("meetings"),
            meetings::list(&mut a, None).await.expect("meetings"),
            "{route}"
        );
        let minutes = meetings::list(&mut b, None).await.expect("meetings");
        assert!(
            minutes[0]
                .minutes_html
                .as_deref()
                .is_some_and(|h| h.contains("<em>antagen</em>")),
            "{route}: the rendered minutes come along"
        );
        assert_eq!(
            decisions::list(&mut b, None).await.expect("decisions"),
            decisions::list(&mut a, None).await.expect("decisions"),
            "{route}"
        );
        assert_eq!(
            matters::list(&mut b, None).await.expect("matters"),
            matters::list(&mut a, None).await.expect("matters"),
            "{route}"
        );
        assert_eq!(
            assignments::list(&mut b, None).await.expect("assignments"),
            assignments::list(&mut a, None).await.expect("assignments"),
            "{route}"
        );
        assert_eq!(
            mail::all(&mut b).await.expect("mail"),
            mail::all(&mut a).await.expect("mail"),
            "{route}"
        );
        let round = rounds::list(&mut a, None).await.expect("rounds").remove(0);
        assert_eq!(
            rounds::list(&mut b, None).await.expect("rounds"),
            std::slice::from_ref(&round),
            "{route}"
        );
        assert_eq!(
            responses::page(&mut b, round.id, None, 100)
                .await
                .expect("responses"),
            responses::page(&mut a, round.id, None, 100)
                .await
                .expect("responses"),
            "{route}: responses with their answers"
        );
        assert_eq!(
            invitations::rates(&mut b, round.id).await.expect("rates"),
            invitations::rates(&mut a, round.id).await.expect("rates"),
            "{route}"
        );
        let asa = users::find_by_email(&mut b, "åsa@example.se")
            .await
            .expect("find")
            .expect("åsa");
        assert!(asa.disabled, "{route}");
        assert_eq!(
            users::grants(&mut b, asa.id).await.expect("grants"),
            users::grants(&mut a, asa.id).await.expect("grants"),
            "{route}: grants, with their block in one region"
        );
        assert_eq!(
            users::active_grants(&mut b, asa.id).await.expect("grants").len(),
            1,
            "{route}: the block in region 2 survives"
        );
        let (token, _) = tokens::find(&mut b, "token-hash-1")
            .await
            .expect("token")
            .expect("kept");
        assert!(
            token.revoked_at.is_some(),
            "{route}: a revoked token stays revoked"
        );
        assert_eq!(token.expires_on, Some(date(2030, 12, 31)), "{route}");
        let (token, account) = tokens::find(&mut b, "token-hash-2")
            .await
            .expect("token")
            .expect("kept");
        assert_eq!(
            (
                token.revoked_at,
                token.last_used_at.as_deref(),
                account.email.as_str()
            ),
            (None, Some("2025-01-02T03:04:05Z"), "admin@example.se"),
            "{route}: a live token still works"
        );
        assert_eq!(
            sessions::load(&mut b, "session-1").await.expect("load"),
            None,
            "{route}"
        );
        assert_eq!(
            throttle::get(&mut b, "acct:x").await.expect("throttle"),
            None,
            "{route}"
        );
        assert_eq!(
            resets::find(&mut b, "reset-hash", 0).await.expect("reset"),
            None,
            "{route}"
        );
        drop((a, b));
        assert_eq!(
            audit_all(&target.db).await,
            audit_all(&t.db).await,
            "{route}: audit trail"
        );

        // New records after the import get new ids, not ones already taken.
        let mut b = rd(&target.db).await;
        let max_centre = centres::list(&mut b, None)
            .await
            .expect("list")
            .iter()
            .map(|c| c.id)
            .max();
        let region = regions::find(&mut b, "Region Uppsala").await.expect("region").id;
        let muni = municipalities::list(&mut b, Some(region)).await.expect("munis")[0].id;
        drop(b);
        let max_audit = audit_all(&target.db).await[0].id;
        let new = new_centre(&target.db, &cli(), region, &bare_centre(muni, "Ny"))
            .await
            .unwrap_or_else(|e| panic!("{route}: creating after import failed: {e}"));
        assert!(
            Some(new) > max_centre,
            "{route}: new centre id {new} after {max_centre:?}"
        );
        assert!(audit_all(&target.db).await[0].id > max_audit, "{route}");
        new_user(
            &target.db,
            &cli(),
            "ny@example.se",
            "Ny",
            None,
            &[grant(Role::Reader, Some(region), None)],
        )
        .await
        .unwrap_or_else(|e| panic!("{route}: creating an account after import failed: {e}"));
        let mut tx = target.db.write().await.expect("begin");
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
        people::create(
            &mut tx,
            &cli(),
            region,
            &PersonInput {
                name: "Ny person".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{route}: creating a person after import failed: {e}"));
        commit(tx).await.expect("commit");

        target.cleanup().await;
        t.cleanup().await;
    }
}

#[tokio::test]
async fn the_backup_format_covers_every_table_and_column_of_the_live_schema() {
    for t in TestDb::all().await {
        let n = t.name();
        let without = |mut live: BTreeMap<String, BTreeSet<String>>| {
            for table in backup::NOT_BACKED_UP {
                assert!(
                    live.remove(*table).is_some(),
                    "{n}: {table} is not a table (any more)"
                );
            }
            live
        };
        let live = backup::live_schema(&t.db).await.expect("live schema");
        assert_eq!(
            without(live),
            backup::covered(),
            "{n}: every table and column of the schema is backed up, or listed in NOT_BACKED_UP"
        );

        // What a migration that forgot backup.rs would do: the test notices.
        exec(&t.db, "ALTER TABLE centres ADD COLUMN note TEXT").await;
        let live = without(backup::live_schema(&t.db).await.expect("live schema"));
        assert_ne!(live, backup::covered(), "{n}: a new column is noticed");
        let covered = backup::covered();
        let missing: Vec<&String> = live["centres"].difference(&covered["centres"]).collect();
        assert_eq!(missing, ["note"], "{n}");
        exec(&t.db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)").await;
        let live = without(backup::live_schema(&t.db).await.expect("live schema"));
        assert!(
            live.contains_key("notes") && !backup::covered().contains_key("notes"),
            "{n}: a new table is noticed"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn an_incomplete_or_altered_backup_is_refused_and_nothing_is_written() {
    let source = TestDb::sqlite().await;
    fill(&source.db).await;
    let good = backup::export(&source.db, |_, _| {}).await.expect("export");
    let first_person = good["tables"]["people"][0]["id"].as_i64().expect("a person");
    for t in TestDb::all().await {
        let n = t.name();
        let empty = tables(&t.db).await;
        assert!(t.db.is_empty().await.expect("is_empty"), "{n}");

        let mut no_meetings = good.clone();
        no_meetings["tables"]
            .as_object_mut()
            .expect("tables")
            .remove("meetings");
        let mut no_audit = good.clone();
        no_audit["tables"]
            .as_object_mut()
            .expect("tables")
            .remove("audit_log");
        let mut boss = good.clone();
        boss["tables"]["grants"][0]["role"] = json!("boss");
        let mut orphan = good.clone();
        orphan["tables"]["assignments"][0]["person_id"] = json!(first_person + 1_000);
        let mut bad_date = good.clone();
        bad_date["tables"]["assignments"][0]["starts_on"] = json!("2025-02-30");
        let mut loose_date = good.clone();
        loose_date["tables"]["centres"][0]["opened_on"] = json!("2010-8-1");
        let mut bad_flag = good.clone();
        bad_flag["tables"]["users"][0]["disabled"] = json!(7);
        let first_response = good["tables"]["responses"][0]["id"].as_i64().expect("a response");
        let mut stray_answer = good.clone();
        stray_answer["tables"]["answers"][0]["response_id"] = json!(first_response + 1_000);
        let mut bad_channel = good.clone();
        bad_channel["tables"]["responses"][0]["channel"] = json!("email");
        let mut unknown_column = good.clone();
        unknown_column["tables"]["centres"][0]["colour"] = json!("blue");
        let cases = [
            (
                "a file without meetings",
                no_meetings,
                "meetings: the table is missing".to_string(),
            ),
            (
                "a file without the audit trail",
                no_audit,
                "audit_log: the table is missing".to_string(),
            ),
            (
                "an unknown role",
                boss,
                "grants row 1: role \"boss\" is not a known code".to_string(),
            ),
            (
                "an assignment of a missing person",
                orphan,
                format!(
                    "assignments row 1: person_id refers to people {}, which is not in the file",
                    first_person + 1_000
                ),
            ),
            (
                "a bad date",
                bad_date,
                "assignments row 1: starts_on \"2025-02-30\" is not a date".to_string(),
            ),
            (
                "a date not written the ISO way",
                loose_date,
                "centres row 1: opened_on \"2010-8-1\" is not a date".to_string(),
            ),
            (
                "a bad yes/no",
                bad_flag,
                "users row 1: disabled 7 is not 0 or 1".to_string(),
            ),
            (
                "an answer of a response not in the file",
                stray_answer,
                format!(
                    "answers row 1: response_id refers to responses {}, which is not in the file",
                    first_response + 1_000
                ),
            ),
            (
                "an unknown channel",
                bad_channel,
                "responses row 1: channel \"email\" is not a known code".to_string(),
            ),
            (
                "an unknown column",
                unknown_column,
                "centres row 1: unknown column colour".to_string(),
            ),
        ];
        for (what, doc, expected) in &cases {
            // Through text, as a backup file would be.
            let doc: Value = serde_json::from_str(&doc.to_string()).expect("reparse");
            let problems = refusal(
                backup::import(&t.db, &doc, |_, _| {}).await,
                &format!("{n}: {what}"),
            );
            assert!(
                problems.iter().any(|p| p == expected),
                "{n}: {what}: expected {expected:?} among {problems:#?}"
            );
            if *what != "a file without meetings" {
                assert_eq!(
                    problems.len(),
                    1,
                    "{n}: {what}: only the one problem, got {problems:#?}"
                );
            }
            assert!(
                t.db.is_empty().await.expect("is_empty"),
                "{n}: {what} left data behind"
            );
            assert_eq!(tables(&t.db).await, empty, "{n}: {what} wrote nothing at all");
        }

        // Every problem is named at once.
        let mut many = good.clone();
        many["tables"]
            .as_object_mut()
            .expect("tables")
            .remove("audit_log");
        many["tables"]["grants"][0]["role"] = json!("boss");
        many["tables"]["assignments"][0]["starts_on"] = json!("2025-02-30");
        let problems = refusal(backup::import(&t.db, &many, |_, _| {}).await, n);
        assert_eq!(problems.len(), 3, "{n}: {problems:#?}");
        let message = ImportError::Refused(backup::ImportRefused {
            problems: problems.clone(),
        })
        .to_string();
        assert!(
            message.contains("role \"boss\"") && message.contains("audit_log"),
            "{n}: {message}"
        );

        // After all those refusals the correct document still imports, exactly.
        backup::import(&t.db, &good, |_, _| {})
            .await
            .expect("good import");
        assert_eq!(tables(&t.db).await, good["tables"], "{n}");
        t.cleanup().await;
    }
    source.cleanup().await;
}

#[tokio::test]
async fn a_version_2_backup_imports_with_the_new_columns_empty() {
    let source = TestDb::sqlite().await;
    fill(&source.db).await;
    let exported = backup::export(&source.db, |_, _| {}).await.expect("export");
    let mut doc = as_version_4(&exported);
    doc["version"] = json!(2);
    let added = [
        ("grants", "disabled_at"),
        ("api_tokens", "expires_on"),
        ("api_tokens", "last_used_at"),
        ("meetings", "minutes_html"),
    ];
    for (table, column) in added {
        for row in doc["tables"][table].as_array_mut().expect("rows") {
            row.as_object_mut().expect("row").remove(column);
        }
    }
    for t in TestDb::all().await {
        let n = t.name();
        backup::import(&t.db, &doc, |_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{n}: a version 2 file imports: {e}"));
        let got = tables(&t.db).await;
        for (table, column) in added {
            let rows = got[table].as_array().expect("rows");
            assert!(!rows.is_empty(), "{n}: {table}");
            assert!(
                rows.iter().all(|r| r[column].is_null()),
                "{n}: {table}.{column} is left empty"
            );
        }
        assert_eq!(
            count(&t.db, "audit_log").await,
            i64::try_from(doc["tables"]["audit_log"].as_array().expect("rows").len()).expect("few"),
            "{n}"
        );
        t.cleanup().await;
    }

    // The same file claiming version 3 lacks columns version 3 has.
    doc["version"] = json!(3);
    let t = TestDb::sqlite().await;
    let problems = refusal(backup::import(&t.db, &doc, |_, _| {}).await, "version 3");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the column disabled_at is missing")),
        "{problems:#?}"
    );
    assert!(t.db.is_empty().await.expect("is_empty"));
    t.cleanup().await;
    source.cleanup().await;
}

/// A version 7 export as version 6 wrote it: no surveys.
fn as_version_6(doc: &Value) -> Value {
    let mut doc = doc.clone();
    doc["version"] = json!(6);
    let tables = doc["tables"].as_object_mut().expect("tables");
    for table in SURVEY_TABLES {
        tables.remove(table).expect("a survey table");
    }
    let surveys = ["instrument", "instrument_version", "round"];
    tables["audit_log"]
        .as_array_mut()
        .expect("rows")
        .retain(|e| !surveys.contains(&e["entity"].as_str().unwrap_or("")));
    doc
}

#[tokio::test]
async fn a_version_6_backup_imports_with_no_surveys() {
    let source = TestDb::sqlite().await;
    fill(&source.db).await;
    let exported = backup::export(&source.db, |_, _| {}).await.expect("export");
    let doc = as_version_6(&exported);
    for t in TestDb::all().await {
        let n = t.name();
        let mut reported = Vec::new();
        backup::import(&t.db, &doc, |table, rows| {
            reported.push((table.to_string(), rows))
        })
        .await
        .unwrap_or_else(|e| panic!("{n}: a version 6 file imports: {e}"));
        let got = tables(&t.db).await;
        for (table, rows) in got.as_object().expect("tables") {
            if SURVEY_TABLES.contains(&table.as_str()) {
                assert_eq!(rows, &json!([]), "{n}: {table} is empty");
                assert!(
                    reported.contains(&(table.clone(), 0)),
                    "{n}: {table} reported empty"
                );
            } else {
                assert_eq!(rows, &doc["tables"][table], "{n}: {table}");
            }
        }
        assert!(answer_counts(&t.db).await.is_empty(), "{n}");
        // Surveys can be made after such an import.
        let region = got["regions"][0]["id"].as_i64().expect("a region");
        let (_, version) = published_survey(&t.db, Some(region), "ny").await;
        assert!(version > 0, "{n}");
        t.cleanup().await;
    }

    // A version 7 file must have them.
    let mut doc = doc;
    doc["version"] = json!(7);
    let t = TestDb::sqlite().await;
    let problems = refusal(backup::import(&t.db, &doc, |_, _| {}).await, "version 7");
    for table in SURVEY_TABLES {
        assert!(
            problems.contains(&format!("{table}: the table is missing")),
            "{table}: {problems:#?}"
        );
    }
    assert!(t.db.is_empty().await.expect("is_empty"));
    t.cleanup().await;
    source.cleanup().await;
}

/// A version 5 export as version 4 wrote it: no premises, and on each unit
/// the building as text and whether it uses the shared entrance.
fn as_version_4(doc: &Value) -> Value {
    let mut doc = as_version_6(doc);
    doc["version"] = json!(4);
    let tables = doc["tables"].as_object_mut().expect("tables");
    let premises = tables.remove("premises").expect("premises");
    let premises = premises.as_array().expect("rows");
    for row in tables["units"].as_array_mut().expect("rows") {
        let row = row.as_object_mut().expect("row");
        let at = row
            .remove("premises_id")
            .and_then(|id| premises.iter().find(|p| p["id"] == id).cloned());
        let building = at.as_ref().map(|p| match p["address"].as_str() {
            Some(a) => json!(format!("  {}, {a} ", p["name"].as_str().expect("name"))),
            None => p["name"].clone(),
        });
        row.insert("building".into(), building.unwrap_or(Value::Null));
        row.insert(
            "shared_entrance".into(),
            at.map_or(Value::Null, |p| p["shared_entrance"].clone()),
        );
    }
    doc
}

#[tokio::test]
async fn a_version_4_backup_turns_its_building_texts_into_premises_as_the_migration_does() {
    let source = TestDb::sqlite().await;
    fill(&source.db).await;
    let exported = backup::export(&source.db, |_, _| {}).await.expect("export");
    let mut doc = as_version_4(&exported);
    // Two units of one centre typed the same building (spaces aside) and gave
    // different answers about the door: one premises, door unknown.
    let units = doc["tables"]["units"].as_array_mut().expect("rows");
    let mut twin = units[0].clone();
    twin["id"] = json!(900);
    twin["building"] = json!("Sävjahuset \"A\" – åäö, Sävja centrum 1");
    twin["shared_entrance"] = json!(0);
    units.push(twin);
    for t in TestDb::all().await {
        let n = t.name();
        backup::import(&t.db, &doc, |_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{n}: a version 4 file imports: {e}"));
        let mut c = rd(&t.db).await;
        let made = premises::in_region(&mut c, None).await.expect("premises");
        let names: Vec<(&str, Option<bool>)> = made
            .iter()
            .map(|p| (p.name.as_str(), p.shared_entrance))
            .collect();
        assert_eq!(
            names,
            [
                ("Sävjahuset \"A\" – åäö, Sävja centrum 1", None),
                ("Kommunhuset", Some(false)),
            ],
            "{n}: one record per centre and text; the door unknown where the units disagreed"
        );
        let units = centres::units_in_region(&mut c, None).await.expect("units");
        let savja: Vec<Option<i64>> = units
            .iter()
            .filter(|u| u.centre_id == made[0].centre_id)
            .map(|u| u.premises_id)
            .collect();
        assert_eq!(savja, [Some(made[0].id), Some(made[0].id)], "{n}");
        assert!(
            units.iter().filter(|u| u.premises_id.is_none()).count() == 1,
            "{n}: the unit of unknown place stays so"
        );
        drop(c);
        // New premises get fresh ids after the imported ones.
        let next = new_premises(&t.db, &cli(), made[0].centre_id, &full_premises())
            .await
            .expect("new premises after an import");
        assert!(made.iter().all(|p| p.id < next), "{n}");
        t.cleanup().await;
    }
    source.cleanup().await;
}

#[tokio::test]
async fn an_import_into_a_database_with_data_is_refused_and_changes_nothing() {
    for t in TestDb::all().await {
        let n = t.name();
        let source = TestDb::sqlite().await;
        fill(&source.db).await;
        let doc = backup::export(&source.db, |_, _| {}).await.expect("export");
        let not_empty = "the target database is not empty; import only into a new database";

        // A region alone makes the database non-empty.
        gavleborg(&t.db).await;
        let before = tables(&t.db).await;
        let problems = refusal(backup::import(&t.db, &doc, |_, _| {}).await, n);
        assert_eq!(problems, [not_empty], "{n}");
        assert_eq!(tables(&t.db).await, before, "{n}: nothing changed");

        // So does an account alone.
        let fresh = TestDb::sqlite().await;
        new_user(&fresh.db, &cli(), "x@example.se", "X", None, &[])
            .await
            .expect("user");
        let before = tables(&fresh.db).await;
        let problems = refusal(backup::import(&fresh.db, &doc, |_, _| {}).await, n);
        assert_eq!(problems, [not_empty], "{n}: an account alone");
        assert_eq!(tables(&fresh.db).await, before, "{n}: nothing changed");

        // Importing the same document twice: the second time is refused.
        let empty = other_backend(t.db.backend()).await;
        backup::import(&empty.db, &doc, |_, _| {})
            .await
            .expect("first import");
        let problems = refusal(backup::import(&empty.db, &doc, |_, _| {}).await, n);
        assert_eq!(problems, [not_empty], "{n}: second import");
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
    let source = TestDb::sqlite().await;
    fill(&source.db).await;
    let good = backup::export(&source.db, |_, _| {}).await.expect("export");
    for t in TestDb::all().await {
        let n = t.name();
        let empty = tables(&t.db).await;

        let mut wrong_format = good.clone();
        wrong_format["format"] = json!("something-else");
        let mut no_format = good.clone();
        no_format.as_object_mut().expect("object").remove("format");
        let mut wrong_version = good.clone();
        wrong_version["version"] = json!(backup::VERSION + 1);
        let mut old_version = good.clone();
        old_version["version"] = json!(backup::OLDEST_VERSION - 1);
        let mut no_tables = good.clone();
        no_tables["tables"] = json!([1, 2, 3]);
        // A bad value in the last table: what came before must not stay behind.
        let mut bad_value = good.clone();
        bad_value["tables"]["audit_log"][0]["id"] = json!("one");
        let mut fraction = good.clone();
        fraction["tables"]["units"][0]["minutes_per_week"] = json!(1.5);
        let mut too_big = good.clone();
        too_big["tables"]["population"][0]["total"] = json!(u64::MAX);
        let mut not_json = good.clone();
        not_json["tables"]["audit_log"][0]["after_json"] = json!("{not json");
        let mut unknown_table = good.clone();
        unknown_table["tables"]["secrets"] = json!([]);
        let mut twice = good.clone();
        let first = twice["tables"]["centres"][0].clone();
        twice["tables"]["centres"]
            .as_array_mut()
            .expect("rows")
            .push(first);
        let cases = [
            ("another format", wrong_format),
            ("no format", no_format),
            ("a newer version", wrong_version),
            ("a version too old", old_version),
            ("no tables", no_tables),
            ("a value of the wrong type", bad_value),
            ("a fraction where a whole number belongs", fraction),
            ("a number too large", too_big),
            ("a copy that is not JSON", not_json),
            ("an unknown table", unknown_table),
            ("the same id twice", twice),
            ("not an object", json!("samverka-backup")),
        ];
        for (what, doc) in &cases {
            refusal(
                backup::import(&t.db, doc, |_, _| {}).await,
                &format!("{n}: {what}"),
            );
            assert_eq!(tables(&t.db).await, empty, "{n}: {what} left data behind");
            assert_eq!(count(&t.db, "regions").await, 0, "{n}: {what}");
        }

        // After all those refusals the good document still imports.
        backup::import(&t.db, &good, |_, _| {})
            .await
            .expect("good import");
        assert_eq!(tables(&t.db).await, good["tables"], "{n}");
        t.cleanup().await;
    }
    source.cleanup().await;
}
