//! Migrations: a fresh database gets every table, and migrating again is harmless.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{bare_centre, centre, count, new_centre, rd, uppsala};
use samverka_store::Db;
use samverka_store::accounts::sessions;
use samverka_store::registry::regions;
use samverka_store::testing::TestDb;

const TABLES: &[&str] = &[
    "regions",
    "municipalities",
    "population",
    "centres",
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
