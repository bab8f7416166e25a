//! Persistence for samverka: one code path over SQLite and PostgreSQL
//! (sqlx's `any` driver), embedded migrations per backend, and the queries
//! the product needs, grouped by area.
//!
//! Reads take a [`Conn`]: a pooled connection or a write transaction, so
//! that a use case can re-check its preconditions inside the transaction it
//! writes in. Writes take a [`Tx`] and record their audit entry in it.

pub mod accounts;
pub mod audit;
pub mod backup;
mod bulk;
pub mod codec;
mod db;
mod error;
pub mod governance;
pub mod platform;
pub mod registry;
mod rows;
pub mod surveys;
pub mod testing;

pub use audit::Who;
pub use db::{Backend, Conn, Db, DbOptions, ReadConn, Tx, TxOf, WriteConn, commit, now, rollback};
pub use error::StoreError;

/// Result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Marks SQL built at run time from this crate's own constants (column lists,
/// table names) as safe; values always go in as bound parameters.
pub(crate) fn trusted(sql: String) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(sql)
}
