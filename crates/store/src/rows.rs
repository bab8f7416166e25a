//! The shapes the query modules share: one row by a key, every row for a
//! key, an update that must change exactly one row, and a reference that
//! must point into a region. The SQL stays with the callers; these only run
//! it with its one bound value and convert what comes back.

use sqlx::any::{AnyQueryResult, AnyRow};
use sqlx::{Any, Encode, FromRow, SqlSafeStr, Type};

use crate::{Conn, Result, StoreError};

/// The row `sql` selects for `key`, as read; [`StoreError::NotFound`] when
/// there is none.
pub(crate) async fn row<'q, R>(
    c: &mut Conn,
    sql: impl SqlSafeStr,
    key: impl Encode<'q, Any> + Type<Any> + 'q,
) -> Result<R>
where
    R: for<'r> FromRow<'r, AnyRow> + Send + Unpin,
{
    sqlx::query_as(sql)
        .bind(key)
        .fetch_optional(c)
        .await?
        .ok_or(StoreError::NotFound)
}

/// The row `sql` selects for `key`, converted; [`StoreError::NotFound`] when
/// there is none.
pub(crate) async fn one<'q, R, T>(
    c: &mut Conn,
    sql: impl SqlSafeStr,
    key: impl Encode<'q, Any> + Type<Any> + 'q,
) -> Result<T>
where
    R: for<'r> FromRow<'r, AnyRow> + Send + Unpin,
    T: TryFrom<R, Error = StoreError>,
{
    row::<R>(c, sql, key).await?.try_into()
}

/// The row `sql` selects for `key`, converted, if there is one.
pub(crate) async fn optional<'q, R, T>(
    c: &mut Conn,
    sql: impl SqlSafeStr,
    key: impl Encode<'q, Any> + Type<Any> + 'q,
) -> Result<Option<T>>
where
    R: for<'r> FromRow<'r, AnyRow> + Send + Unpin,
    T: TryFrom<R, Error = StoreError>,
{
    let row: Option<R> = sqlx::query_as(sql).bind(key).fetch_optional(c).await?;
    row.map(T::try_from).transpose()
}

/// Every row `sql` selects for `key`, converted, in the order it gives them.
pub(crate) async fn all<'q, R, T>(
    c: &mut Conn,
    sql: impl SqlSafeStr,
    key: impl Encode<'q, Any> + Type<Any> + 'q,
) -> Result<Vec<T>>
where
    R: for<'r> FromRow<'r, AnyRow> + Send + Unpin,
    T: TryFrom<R, Error = StoreError>,
{
    let rows: Vec<R> = sqlx::query_as(sql).bind(key).fetch_all(c).await?;
    rows.into_iter().map(T::try_from).collect()
}

/// Checks that a conditional update ("... WHERE id = $n AND closed_on IS
/// NULL") changed exactly one row; [`StoreError::Conflict`] on `constraint`
/// when it changed none (someone else changed the record first).
pub(crate) fn changed_one(done: AnyQueryResult, constraint: &str) -> Result<()> {
    if done.rows_affected() != 1 {
        return Err(StoreError::conflict(constraint));
    }
    Ok(())
}

/// Checks that the record `sql` gives the `region_id` of (for `id`) is in
/// `region_id`; [`StoreError::invalid`] on `field` when it is in another
/// region or not there at all.
pub(crate) async fn in_region(
    c: &mut Conn,
    sql: &'static str,
    id: i64,
    region_id: i64,
    field: &'static str,
) -> Result<()> {
    let region: Option<i64> = sqlx::query_scalar(sql).bind(id).fetch_optional(c).await?;
    if region != Some(region_id) {
        return Err(StoreError::invalid(field));
    }
    Ok(())
}
