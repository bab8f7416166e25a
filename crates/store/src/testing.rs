//! Databases for tests: a fresh SQLite file always, and a fresh PostgreSQL
//! database when a server answers. Used by this crate's tests and by the
//! web crate's HTTP tests, so that every store and HTTP test runs on both.

use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::Connection;

use crate::{Backend, Db};

/// A database made for one test.
pub struct TestDb {
    /// The open, migrated database.
    pub db: Db,
    /// Its URL, for starting a server or a command against it.
    pub url: String,
    drop_pg: Option<(String, String)>,
    sqlite_file: Option<std::path::PathBuf>,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    )
}

/// The PostgreSQL server tests use: `SAMVERKA_TEST_POSTGRES`, or the local
/// server with trust authentication. Set it to `skip` to run on SQLite only.
pub fn postgres_admin_url() -> Option<String> {
    match std::env::var("SAMVERKA_TEST_POSTGRES") {
        Ok(v) if v == "skip" => None,
        Ok(v) if !v.is_empty() => Some(v),
        _ => Some("postgres://postgres@127.0.0.1:5432/test".to_string()),
    }
}

/// Whether PostgreSQL tests must run (CI sets `SAMVERKA_REQUIRE_POSTGRES=1`):
/// then an unreachable server fails the test instead of skipping it.
fn postgres_required() -> bool {
    std::env::var("SAMVERKA_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

impl TestDb {
    /// A fresh SQLite file in the system's temporary folder.
    pub async fn sqlite() -> TestDb {
        TestDb::sqlite_until(None).await
    }

    /// Opens a test database and migrates it: fully, or up to `until`.
    async fn open(url: &str, until: Option<i64>) -> Db {
        match until {
            None => Db::connect(url).await.expect("test database"),
            Some(version) => {
                let db = Db::open(url).await.expect("test database");
                db.migrate_until(version).await.expect("older migrations");
                db
            }
        }
    }

    async fn sqlite_until(until: Option<i64>) -> TestDb {
        let dir = std::env::temp_dir().join("samverka-tests");
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join(format!("t{}.db", unique()));
        let url = format!("sqlite://{}", file.display());
        let db = TestDb::open(&url, until).await;
        TestDb {
            db,
            url,
            drop_pg: None,
            sqlite_file: Some(file),
        }
    }

    /// A fresh PostgreSQL database, or `None` (with a loud line on stderr)
    /// when no server answers and CI does not require one.
    pub async fn postgres() -> Option<TestDb> {
        TestDb::postgres_until(None).await
    }

    async fn postgres_until(until: Option<i64>) -> Option<TestDb> {
        sqlx::any::install_default_drivers();
        let admin = postgres_admin_url()?;
        let mut conn = match sqlx::AnyConnection::connect(&admin).await {
            Ok(c) => c,
            Err(e) if !postgres_required() => {
                eprintln!("SKIPPED on PostgreSQL: no server at {admin} ({e})");
                return None;
            }
            Err(e) => panic!(
                "PostgreSQL is required (SAMVERKA_REQUIRE_POSTGRES=1) but {admin} does not answer: {e}"
            ),
        };
        let name = format!("samverka_t_{}", unique());
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await
            .expect("create test database");
        conn.close().await.ok();
        let base = admin
            .rsplit_once('/')
            .map(|(b, _)| b.to_string())
            .unwrap_or(admin.clone());
        let url = format!("{base}/{name}");
        let db = TestDb::open(&url, until).await;
        Some(TestDb {
            db,
            url,
            drop_pg: Some((admin, name)),
            sqlite_file: None,
        })
    }

    /// SQLite, then PostgreSQL when available: run the test body on each.
    pub async fn all() -> Vec<TestDb> {
        let mut v = vec![TestDb::sqlite().await];
        v.extend(TestDb::postgres().await);
        v
    }

    /// Like [`TestDb::all`], migrated only up to and including `version`:
    /// a database as an older release left it. `db.migrate()` brings it up
    /// to date.
    pub async fn all_until(version: i64) -> Vec<TestDb> {
        let mut v = vec![TestDb::sqlite_until(Some(version)).await];
        v.extend(TestDb::postgres_until(Some(version)).await);
        v
    }

    /// The backend's name, for assertion messages.
    pub fn name(&self) -> &'static str {
        match self.db.backend() {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    /// Takes a PostgreSQL database away as an outage would: no new
    /// connections are allowed and every open one is ended (`false`), or
    /// brings it back (`true`). Returns whether it could (only on PostgreSQL).
    pub async fn allow_connections(&self, allow: bool) -> bool {
        let Some((admin, name)) = &self.drop_pg else {
            return false;
        };
        let Ok(mut conn) = sqlx::AnyConnection::connect(admin).await else {
            return false;
        };
        let sql = format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS {allow}");
        let ok = sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&mut conn)
            .await
            .is_ok();
        if ok && !allow {
            let sql = format!(
                "SELECT CAST(COUNT(pg_terminate_backend(pid)) AS BIGINT) FROM pg_stat_activity \
                 WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            );
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&mut conn)
                .await
                .ok();
        }
        conn.close().await.ok();
        ok
    }

    /// Closes and removes the database.
    pub async fn cleanup(self) {
        self.db.close().await;
        if let Some((admin, name)) = self.drop_pg
            && let Ok(mut conn) = sqlx::AnyConnection::connect(&admin).await
        {
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}")))
                .execute(&mut conn)
                .await
                .ok();
        }
        if let Some(file) = self.sqlite_file {
            for suffix in ["", "-wal", "-shm"] {
                std::fs::remove_file(format!("{}{suffix}", file.display())).ok();
            }
        }
    }
}
