//! Migrations: a fresh database gets every table, and migrating again is harmless.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{bare_centre, centre, count, new_centre, rd, uppsala};
use samverka_store::Db;
use samverka_store::accounts::sessions;
use samverka_store::registry::{centres, premises, regions};
use samverka_store::testing::TestDb;

const TABLES: &[&str] = &[
    "regions",
    "municipalities",
    "population",
    "centres",
    "premises",
    "units",
    "users",
    "grants",
    "api_tokens",
    "sessions",
    "audit_log",
    "people",
    "groups",
    "group_centres",
    "assignments",
    "meetings",
    "attendance",
    "decisions",
    "decision_centres",
    "matters",
    "matter_events",
    "introduction_sessions",
    "introductions",
    "mail_outbox",
    "leases",
    "login_failures",
    "password_resets",
    "instruments",
    "instrument_versions",
    "rounds",
    "round_centres",
    "invitations",
    "responses",
    "answers",
    "answer_counts",
    "answer_totals",
    "export_jobs",
    "export_chunks",
];

/// How many migrations the backend folders hold (they are kept in step).
fn migrations() -> i64 {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite");
    let n = std::fs::read_dir(dir)
        .expect("migrations")
        .filter(|e| e.is_ok())
        .count();
    let pg = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres");
    assert_eq!(
        n,
        std::fs::read_dir(pg).expect("migrations").count(),
        "one migration per backend"
    );
    i64::try_from(n).expect("a few")
}

#[tokio::test]
async fn a_fresh_database_is_migrated_and_empty() {
    for t in TestDb::all().await {
        let n = t.name();
        for table in TABLES {
            assert_eq!(count(&t.db, table).await, 0, "{n}: {table} starts empty");
        }
        let applied = count(&t.db, "_sqlx_migrations").await;
        assert_eq!(applied, migrations(), "{n}: every migration recorded once");
        assert!(
            regions::list(&mut *rd(&t.db).await)
                .await
                .expect("regions")
                .is_empty(),
            "{n}"
        );
        assert!(t.db.is_empty().await.expect("is_empty"), "{n}");
        t.db.ping().await.expect("ping");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn migrating_twice_is_harmless_and_keeps_the_data() {
    for t in TestDb::all().await {
        let n = t.name();
        let (region, munis) = uppsala(&t.db).await;
        let id = new_centre(
            &t.db,
            &common::cli(),
            region,
            &bare_centre(munis[0], "Heby familjecentral"),
        )
        .await
        .expect("create centre");
        sessions::save(&mut *rd(&t.db).await, "s1", None, "{}", 4_000_000_000)
            .await
            .expect("save session");

        t.db.migrate()
            .await
            .unwrap_or_else(|e| panic!("{n}: second migrate failed: {e}"));
        t.db.migrate()
            .await
            .unwrap_or_else(|e| panic!("{n}: third migrate failed: {e}"));
        assert_eq!(
            count(&t.db, "_sqlx_migrations").await,
            migrations(),
            "{n}: nothing ran twice"
        );

        // A restart: open and migrate the same database again.
        let again = Db::connect(&t.url)
            .await
            .unwrap_or_else(|e| panic!("{n}: reopening failed: {e}"));
        assert_eq!(again.backend(), t.db.backend(), "{n}");
        let c = centre(&again, id).await.expect("centre survives");
        assert_eq!(c.name, "Heby familjecentral", "{n}");
        let mut conn = again.read().await.expect("read");
        assert_eq!(
            regions::get(&mut conn, region).await.expect("region").name,
            "Region Uppsala",
            "{n}"
        );
        assert!(
            sessions::load(&mut conn, "s1").await.expect("load").is_some(),
            "{n}: session survives"
        );
        drop(conn);
        again.close().await;
        t.cleanup().await;
    }
}

#[tokio::test]
async fn migration_5_turns_each_centres_building_texts_into_premises() {
    for t in TestDb::all_until(4).await {
        let n = t.name();
        let (region, munis) = uppsala(&t.db).await;
        let mut ids = Vec::new();
        for name in ["Sävja", "Gimo"] {
            ids.push(
                new_centre(&t.db, &common::cli(), region, &bare_centre(munis[0], name))
                    .await
                    .expect("centre"),
            );
        }
        let (savja, gimo) = (ids[0], ids[1]);
        // As release 4 stored units: a building text and an entrance on each.
        for (id, centre, building, entrance) in [
            (1, savja, Some("Huset A"), Some(1)),
            (2, savja, Some(" Huset A "), Some(1)),
            (3, savja, Some("Huset A, Storgatan 1"), None),
            (4, savja, Some("huset a"), Some(1)),
            (5, gimo, Some("Huset A"), Some(1)),
            (6, gimo, Some("Huset A"), Some(0)),
            (7, gimo, Some("  "), Some(1)),
            (8, gimo, None, None),
        ] {
            let sql = format!(
                "INSERT INTO units (id, centre_id, service, building, shared_entrance, created_at, updated_at)
                 VALUES ({id}, {centre}, 'bhv', {}, {}, '2024-01-0{id}T00:00:00Z', '2024-02-01T00:00:00Z')",
                building.map_or("NULL".to_string(), |b| format!("'{b}'")),
                entrance.map_or("NULL".to_string(), |e: i64| e.to_string()),
            );
            common::exec(&t.db, &sql).await;
        }
        t.db.migrate().await.expect("migration 5");

        let mut c = rd(&t.db).await;
        let at_savja = premises::of_centre(&mut c, savja).await.expect("premises");
        let seen: Vec<(&str, Option<bool>)> = at_savja
            .iter()
            .map(|p| (p.name.as_str(), p.shared_entrance))
            .collect();
        assert_eq!(
            seen,
            [
                ("Huset A", Some(true)),
                ("huset a", Some(true)),
                ("Huset A, Storgatan 1", None)
            ],
            "{n}: exact (trimmed) matches merged, nothing more"
        );
        let at_gimo = premises::of_centre(&mut c, gimo).await.expect("premises");
        assert_eq!(at_gimo.len(), 1, "{n}: blank text is no building");
        assert_eq!(
            (at_gimo[0].name.as_str(), at_gimo[0].shared_entrance),
            ("Huset A", None),
            "{n}: units that disagree about the door leave it unknown"
        );
        assert_ne!(
            at_gimo[0].id, at_savja[0].id,
            "{n}: one centre's premises are its own"
        );
        let id_of = |name: &str| at_savja.iter().find(|p| p.name == name).map(|p| p.id);
        let placed: Vec<Option<i64>> = centres::units_in_region(&mut c, None)
            .await
            .expect("units")
            .iter()
            .map(|u| u.premises_id)
            .collect();
        assert_eq!(
            placed,
            [
                id_of("Huset A"),
                id_of("Huset A"),
                id_of("Huset A, Storgatan 1"),
                id_of("huset a"),
                Some(at_gimo[0].id),
                Some(at_gimo[0].id),
                None,
                None,
            ],
            "{n}"
        );
        drop(c);
        let columns = samverka_store::backup::live_schema(&t.db).await.expect("schema");
        assert!(
            !columns["units"].contains("building") && !columns["units"].contains("shared_entrance"),
            "{n}: one source of truth"
        );
        t.cleanup().await;
    }
}
