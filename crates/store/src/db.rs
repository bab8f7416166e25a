use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Transaction};

use crate::{Result, StoreError};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database server is behind a [`Db`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file (or memory).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// A write transaction on either backend. Every write function of this
/// crate takes one, so that a change and its audit entry (and any mail it
/// queues) are stored together or not at all.
pub type Tx = Transaction<'static, Any>;

/// A write transaction on a connection held elsewhere ([`WriteConn`]).
pub type TxOf<'c> = Transaction<'c, Any>;

/// The writer's connection, held for one write transaction after another
/// by a task that writes often (the survey responses' writer), and given
/// back at once by [`WriteConn::release`]. Dropped instead, a connection
/// goes back to its pool through a task of the runtime, which on a busy
/// runtime waits its turn while the next writer waits for the connection.
#[derive(Debug)]
pub struct WriteConn {
    conn: PoolConnection<Any>,
    backend: Backend,
}

impl WriteConn {
    /// Starts a write transaction, as [`Db::write`] does.
    pub async fn begin(&mut self) -> Result<TxOf<'_>> {
        Ok(match self.backend {
            Backend::Sqlite => sqlx::Connection::begin_with(&mut *self.conn, "BEGIN IMMEDIATE").await?,
            Backend::Postgres => {
                let mut tx = sqlx::Connection::begin(&mut *self.conn).await?;
                lock_writer(&mut tx).await?;
                tx
            }
        })
    }

    /// Gives the connection back to its pool now. (`return_to_pool` is what
    /// sqlx's own drop runs, spawned; it is public but left out of sqlx's
    /// documentation.)
    pub async fn release(mut self) {
        self.conn.return_to_pool().await;
    }
}

/// On PostgreSQL, one writer at a time: a transaction-scoped advisory lock,
/// released at commit or rollback ([`Db::write`]).
async fn lock_writer(tx: &mut TxOf<'_>) -> Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(7340)")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A connection to read with: a pooled connection, or a transaction
/// (`&mut tx` derefs to one), so reads can re-check preconditions inside a
/// write transaction.
pub type Conn = sqlx::AnyConnection;

/// A connection taken from the pool for reading.
pub type ReadConn = PoolConnection<Any>;

/// Commits a write transaction.
pub async fn commit(tx: Tx) -> Result<()> {
    tx.commit().await?;
    Ok(())
}

/// Rolls a write transaction back: nothing of it is kept.
pub async fn rollback(tx: Tx) -> Result<()> {
    tx.rollback().await?;
    Ok(())
}

/// How to open a database.
#[derive(Debug, Clone)]
pub struct DbOptions {
    /// How long a request waits for a free connection before the database
    /// counts as unavailable.
    pub acquire_timeout: Duration,
    /// How long an SQLite writer waits for the write lock.
    pub busy_timeout: Duration,
    /// The most connections kept open (SQLite files and PostgreSQL).
    pub max_connections: u32,
}

impl Default for DbOptions {
    fn default() -> Self {
        DbOptions {
            acquire_timeout: Duration::from_secs(10),
            busy_timeout: Duration::from_secs(10),
            max_connections: 8,
        }
    }
}

/// The database: a connection pool and which backend it talks to.
///
/// An SQLite file gets a second pool of one connection that every write
/// transaction takes. Writers queue for it in order (instead of polling
/// the file's lock), and as the only connection that writes its page cache
/// stays valid from one transaction to the next: SQLite empties a
/// connection's cache when another connection has written since it last
/// looked, so writes that wandered over the pool read their pages again.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    /// SQLite files: the one connection that writes.
    writer: Option<AnyPool>,
    backend: Backend,
}

/// Pages the SQLite writer keeps in memory, in KiB (SQLite's default is
/// 2 000 KiB for every connection).
const WRITER_CACHE_KIB: u32 = 64 * 1024;

/// The current time as stored: RFC 3339, UTC, whole seconds.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Turns what a person gives as `DATABASE_URL` into a URL sqlx understands:
/// a bare file path becomes an SQLite URL that creates the file.
pub fn normalise_url(url: &str) -> (String, Backend) {
    let u = url.trim();
    if u.starts_with("postgres://") || u.starts_with("postgresql://") {
        return (u.to_string(), Backend::Postgres);
    }
    if u == "sqlite::memory:" || u.starts_with("sqlite::memory:") {
        return (u.to_string(), Backend::Sqlite);
    }
    let path = u
        .strip_prefix("sqlite://")
        .or_else(|| u.strip_prefix("sqlite:"))
        .unwrap_or(u);
    let with_mode = if path.contains("mode=") {
        format!("sqlite://{path}")
    } else if path.contains('?') {
        format!("sqlite://{path}&mode=rwc")
    } else {
        format!("sqlite://{path}?mode=rwc")
    };
    (with_mode, Backend::Sqlite)
}

impl Db {
    /// Opens the database that `url` names (a PostgreSQL URL, an SQLite URL, or
    /// a file path) without migrating it.
    pub async fn open(url: &str) -> Result<Db> {
        Db::open_with(url, &DbOptions::default()).await
    }

    /// Opens with explicit options.
    pub async fn open_with(url: &str, opts: &DbOptions) -> Result<Db> {
        install_default_drivers();
        let (url, backend) = normalise_url(url);
        let memory = url.contains(":memory:");
        if !memory {
            // One direct connection first, so that a wrong address or password is
            // reported as such instead of as a pool timeout.
            use sqlx::Connection;
            let probe = tokio::time::timeout(Duration::from_secs(10), sqlx::AnyConnection::connect(&url))
                .await
                .map_err(|_| StoreError::Open("the database did not answer within 10 seconds".into()))?
                .map_err(|e| StoreError::Open(describe_open_error(&e)))?;
            probe.close().await.ok();
        }
        let options = AnyPoolOptions::new().acquire_timeout(opts.acquire_timeout);
        let (pool, writer) = match backend {
            Backend::Sqlite => {
                let readers = sqlite_pool(
                    options,
                    &url,
                    opts,
                    if memory { 1 } else { opts.max_connections },
                    "",
                )
                .await?;
                let writer = if memory {
                    None
                } else {
                    // Writers wait for the writer as long as they waited for
                    // the file's lock before.
                    let options =
                        AnyPoolOptions::new().acquire_timeout(opts.busy_timeout.max(opts.acquire_timeout));
                    let cache = format!("PRAGMA cache_size = -{WRITER_CACHE_KIB};");
                    Some(sqlite_pool(options, &url, opts, 1, &cache).await?)
                };
                (readers, writer)
            }
            Backend::Postgres => {
                let pool = options
                    .max_connections(opts.max_connections)
                    .connect(&url)
                    .await
                    .map_err(|e| StoreError::Open(describe_open_error(&e)))?;
                (pool, None)
            }
        };
        Ok(Db {
            pool,
            writer,
            backend,
        })
    }

    /// Opens and migrates: what the server and every command does at start.
    pub async fn connect(url: &str) -> Result<Db> {
        let db = Db::open(url).await?;
        db.migrate().await?;
        Ok(db)
    }

    /// Opens with options and migrates.
    pub async fn connect_with(url: &str, opts: &DbOptions) -> Result<Db> {
        let db = Db::open_with(url, opts).await?;
        db.migrate().await?;
        Ok(db)
    }

    /// Runs the embedded migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// Runs the embedded migrations up to and including `version` only: for
    /// tests that fill a database as an older release left it and then see
    /// what a later migration makes of it.
    #[doc(hidden)]
    pub async fn migrate_until(&self, version: i64) -> Result<()> {
        let all = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        let migrator = sqlx::migrate::Migrator {
            migrations: all
                .iter()
                .filter(|m| m.version <= version)
                .cloned()
                .collect::<Vec<_>>()
                .into(),
            ..sqlx::migrate::Migrator::DEFAULT
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// The backend.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A connection to read with.
    pub async fn read(&self) -> Result<ReadConn> {
        Ok(self.pool.acquire().await?)
    }

    /// Starts a write transaction, holding the database's write lock from
    /// the start. On SQLite that is `BEGIN IMMEDIATE`, so that concurrent
    /// writers wait for each other (up to the busy timeout) instead of
    /// failing with "database is locked" when a read inside the transaction
    /// turns into a write; on PostgreSQL an advisory lock does the same.
    pub async fn write(&self) -> Result<Tx> {
        Ok(match self.backend {
            Backend::Sqlite => {
                self.writer
                    .as_ref()
                    .unwrap_or(&self.pool)
                    .begin_with("BEGIN IMMEDIATE")
                    .await?
            }
            Backend::Postgres => {
                // The same on PostgreSQL: one writer at a time (a transaction-
                // scoped advisory lock, released at commit or rollback), so a
                // read that re-checks a precondition inside the transaction
                // sees every write committed before it, and no update is lost.
                let mut tx = self.pool.begin().await?;
                lock_writer(&mut tx).await?;
                tx
            }
        })
    }

    /// The connection write transactions take, to hold for several of them
    /// ([`WriteConn`]).
    pub async fn write_conn(&self) -> Result<WriteConn> {
        let pool = self.writer.as_ref().unwrap_or(&self.pool);
        Ok(WriteConn {
            conn: pool.acquire().await?,
            backend: self.backend,
        })
    }

    /// A read-only transaction that sees the database as it was when it
    /// first read, however long it lasts: for reads that must agree with
    /// each other (an export's counts and its rows). Writers are not held
    /// up. End it with [`rollback`].
    pub async fn snapshot(&self) -> Result<Tx> {
        Ok(match self.backend {
            // In WAL mode a deferred transaction's first read fixes what it sees.
            Backend::Sqlite => self.pool.begin().await?,
            Backend::Postgres => {
                self.pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?
            }
        })
    }

    /// Closes every connection (checkpointing an SQLite file).
    pub async fn close(&self) {
        if let Some(writer) = &self.writer {
            writer.close().await;
        }
        self.pool.close().await;
    }

    /// True when the database holds no regions and no accounts yet: safe to
    /// fill with demo data or to import a backup into.
    pub async fn is_empty(&self) -> Result<bool> {
        let n: i64 =
            sqlx::query_scalar("SELECT (SELECT COUNT(*) FROM regions) + (SELECT COUNT(*) FROM users)")
                .fetch_one(&self.pool)
                .await?;
        Ok(n == 0)
    }

    /// Answers when the database answers: for health checks.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}

/// A pool of at most `connections` to the SQLite database at `url`, each
/// set up as samverka needs (WAL, full sync, foreign keys, the busy
/// timeout) and with `more` pragmas.
async fn sqlite_pool(
    options: AnyPoolOptions,
    url: &str,
    opts: &DbOptions,
    connections: u32,
    more: &str,
) -> Result<AnyPool> {
    let pragmas = format!(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {}; {more}",
        opts.busy_timeout.as_millis()
    );
    options
        .max_connections(connections)
        // A file on this machine: nothing to test before a connection is
        // used (the test is a round trip to the connection's thread).
        .test_before_acquire(false)
        .after_connect(move |conn, _| {
            let pragmas = pragmas.clone();
            Box::pin(async move {
                sqlx::raw_sql(sqlx::AssertSqlSafe(pragmas)).execute(conn).await?;
                Ok(())
            })
        })
        .connect(url)
        .await
        .map_err(|e| StoreError::Open(describe_open_error(&e)))
}

fn describe_open_error(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Io(io) => io.to_string(),
        sqlx::Error::Database(d) => d.message().to_string(),
        sqlx::Error::Configuration(c) => c.to_string(),
        sqlx::Error::PoolTimedOut => "timed out waiting for the database".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_become_sqlite_urls() {
        assert_eq!(normalise_url("samverka.db").0, "sqlite://samverka.db?mode=rwc");
        assert_eq!(normalise_url("sqlite://x.db").0, "sqlite://x.db?mode=rwc");
        assert_eq!(
            normalise_url("sqlite:///tmp/x.db?mode=ro").0,
            "sqlite:///tmp/x.db?mode=ro"
        );
        assert_eq!(normalise_url("postgres://h/db").1, Backend::Postgres);
    }
}
