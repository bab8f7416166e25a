use thiserror::Error;

/// What can go wrong in the store.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The record does not exist.
    #[error("not found")]
    NotFound,
    /// A unique rule was broken; `constraint` names it (e.g. `users.email`).
    #[error("already exists: {constraint}")]
    Conflict {
        /// The rule, as the database names it.
        constraint: String,
    },
    /// The change cannot be made as asked: a field refers to something that
    /// is not there or not in the same region.
    #[error("invalid {field}: {code}")]
    Invalid {
        /// The field at fault, as forms and the API name it.
        field: &'static str,
        /// A stable code (`invalid-choice`, ...).
        code: &'static str,
    },
    /// A stored value cannot be read: the data is damaged or was written by
    /// something else. Never papered over with a default.
    #[error("stored data cannot be read: {0}")]
    Corrupt(String),
    /// The database does not answer, is busy past the timeout, or refuses
    /// connections: worth trying again later.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// The database could not be opened.
    #[error("cannot open the database: {0}")]
    Open(String),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Any other database error.
    #[error("database error: {0}")]
    Db(sqlx::Error),
}

impl StoreError {
    /// A field refers to something that is not there (or not in the region).
    pub fn invalid(field: &'static str) -> StoreError {
        StoreError::Invalid {
            field,
            code: "invalid-choice",
        }
    }

    /// A unique or state rule was broken: `constraint` names it.
    pub(crate) fn conflict(constraint: &str) -> StoreError {
        StoreError::Conflict {
            constraint: constraint.into(),
        }
    }
}

/// SQLSTATE classes and SQLite result codes that mean "the database is not
/// there right now" rather than "the request is wrong".
fn unavailable_code(code: &str) -> bool {
    // PostgreSQL: 08 connection exception, 53 insufficient resources,
    // 57 operator intervention (shutdown, cannot connect now), 3D000 no such
    // database, 55000 with connections not allowed.
    let pg = code.len() == 5
        && (code.starts_with("08") || code.starts_with("53") || code.starts_with("57") || code == "3D000");
    // SQLite primary result codes (extended codes keep them in the low byte):
    // 5 busy, 6 locked, 10 I/O error, 13 full, 14 cannot open.
    let sqlite = code
        .parse::<i64>()
        .is_ok_and(|n| matches!(n & 0xff, 5 | 6 | 10 | 13 | 14));
    pg || sqlite
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict {
                constraint: d
                    .constraint()
                    .map(str::to_string)
                    .unwrap_or_else(|| d.message().to_string()),
            },
            sqlx::Error::Database(d) if d.code().is_some_and(|c| unavailable_code(&c)) => {
                StoreError::Unavailable(d.message().to_string())
            }
            // PostgreSQL refusing connections to a database that is being
            // maintained ("is not currently accepting connections", 55000).
            sqlx::Error::Database(d)
                if d.message().contains("accepting connections")
                    || d.message().contains("does not allow connections") =>
            {
                StoreError::Unavailable(d.message().to_string())
            }
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::WorkerCrashed
            | sqlx::Error::BeginFailed => StoreError::Unavailable(e.to_string()),
            sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) | sqlx::Error::ColumnNotFound(_) => {
                StoreError::Corrupt(e.to_string())
            }
            _ => StoreError::Db(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_connections_and_busy_files_are_unavailable_not_bugs() {
        assert!(unavailable_code("08006"));
        assert!(unavailable_code("57P01"));
        assert!(unavailable_code("5"));
        assert!(unavailable_code("517"), "SQLITE_BUSY_SNAPSHOT");
        assert!(!unavailable_code("23505"), "a unique violation is a conflict");
        assert!(!unavailable_code("19"), "a constraint failure is not an outage");
        assert!(matches!(
            StoreError::from(sqlx::Error::PoolTimedOut),
            StoreError::Unavailable(_)
        ));
    }
}
