//! Persistence for samverka: one code path over SQLite and PostgreSQL
//! (sqlx's `any` driver), embedded migrations per backend, and the queries
//! the product needs. Every write that changes the registry records an
//! audit entry in the same transaction.

pub mod assignments;
pub mod audit;
pub mod backup;
pub mod centres;
mod db;
mod error;
pub mod facts;
pub mod groups;
pub mod introductions;
pub mod leases;
pub mod mail;
pub mod matters;
pub mod meetings;
pub mod municipalities;
pub mod people;
pub mod regions;
pub mod sessions;
pub mod testing;
pub mod users;

pub use audit::Who;
pub use db::{Backend, Db, Tx, now};
pub use error::StoreError;

/// Result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub(crate) fn opt_bool(v: Option<i64>) -> Option<bool> {
    v.map(|x| x != 0)
}

pub(crate) fn bool_opt(v: Option<bool>) -> Option<i64> {
    v.map(i64::from)
}

pub(crate) fn parse_date(v: Option<String>) -> Option<chrono::NaiveDate> {
    v.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub(crate) fn date_text(v: Option<chrono::NaiveDate>) -> Option<String> {
    v.map(|d| d.format("%Y-%m-%d").to_string())
}

/// Marks SQL built at run time from this crate's own constants (column lists,
/// table names) as safe; values always go in as bound parameters.
pub(crate) fn trusted(sql: String) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(sql)
}
