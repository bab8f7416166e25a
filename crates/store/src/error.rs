use thiserror::Error;

/// What can go wrong in the store.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The record does not exist (or is not visible in this scope).
    #[error("not found")]
    NotFound,
    /// A unique rule was broken; the text names the rule (e.g. `users.email`).
    #[error("already exists: {0}")]
    Conflict(String),
    /// The request cannot be carried out as asked; the text says why.
    #[error("{0}")]
    Invalid(String),
    /// The database could not be opened or reached.
    #[error("cannot open the database: {0}")]
    Open(String),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Any other database error.
    #[error("database error: {0}")]
    Db(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict(
                d.constraint()
                    .map(str::to_string)
                    .unwrap_or_else(|| d.message().to_string()),
            ),
            _ => StoreError::Db(e),
        }
    }
}
