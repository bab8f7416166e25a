//! The shapes the query modules share: one row by a key, every row for a
//! key, an update that must change exactly one row, and a reference that
//! must point into a region. The SQL stays with the callers; these only run
//! it with its one bound value and convert what comes back; and many rows
//! read as one JSON value, for the pages that read thousands.

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

/// The condition of a read "for one region, or every region for `None`",
/// whose region is bound as `$1`: `condition` (using `$1`) for one region,
/// so that the database uses its index; `$1 IS NULL`, true for every row,
/// for all. (SQLite uses no index for `$1 IS NULL OR condition`.)
pub(crate) fn for_region(region_id: Option<i64>, condition: &str) -> &str {
    if region_id.is_some() {
        condition
    } else {
        "$1 IS NULL"
    }
}

/// SQL that reads every row of `inner` as one JSON array of objects, one
/// per row, keyed by the names of `columns`, ordered by `order_by` (given
/// in those names). Read the text with [`from_json`].
///
/// Why: sqlx's `any` driver spends about a microsecond on each row and half
/// of one on each value it hands over, far more than the database takes to
/// find them; a page that reads a region's thousands of rows spent most of
/// its time there. Both databases build the array themselves
/// (`json_group_array` in SQLite, `json_agg` in PostgreSQL, each ordered
/// inside the aggregate, which both honour), so a read hands over one value
/// whatever its size. The rest of the query is the same on both.
///
/// `columns` is a comma-separated list as a `SELECT` names them: `a.id` and
/// `x AS id` are both read as `id`.
pub(crate) fn json_rows(c: &Conn, inner: &str, columns: &str, order_by: &str) -> String {
    let object: String = column_names(columns)
        .map(|name| format!("'{name}', r.{name}"))
        .collect::<Vec<_>>()
        .join(", ");
    let order = if order_by.trim().is_empty() {
        String::new()
    } else {
        format!(" ORDER BY {order_by}")
    };
    if c.backend_name().eq_ignore_ascii_case("sqlite") {
        format!("SELECT json_group_array(json_object({object}){order}) FROM ({inner}) AS r")
    } else {
        format!(
            "SELECT COALESCE(json_agg(json_build_object({object}){order}), '[]')::text FROM ({inner}) AS r"
        )
    }
}

/// The names a `SELECT` list gives its columns: what follows `AS`, or the
/// last part of a qualified name. Commas inside brackets do not split.
fn column_names(columns: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, ch) in columns.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&columns[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&columns[start..]);
    parts.into_iter().map(|part| {
        let part = part.trim();
        let upper = part.to_ascii_uppercase();
        let name = match upper.rfind(" AS ") {
            Some(at) => &part[at + 4..],
            None => part.rsplit('.').next().unwrap_or(part),
        };
        name.trim()
    })
}

/// Every row `inner` selects for `key`, read as one JSON value (see
/// [`json_rows`]) and converted, in the order of `order_by`. For reads of
/// hundreds of rows or more; `inner` must not order them itself.
pub(crate) async fn all_json<'q, R, T>(
    c: &mut Conn,
    what: &str,
    inner: &str,
    columns: &str,
    order_by: &str,
    key: impl Encode<'q, Any> + Type<Any> + 'q,
) -> Result<Vec<T>>
where
    R: serde::de::DeserializeOwned,
    T: TryFrom<R, Error = StoreError>,
{
    json_for::<R>(c, what, inner, columns, order_by, key)
        .await?
        .into_iter()
        .map(T::try_from)
        .collect()
}

/// Every row `inner` selects for `key`, read as one JSON value (see
/// [`json_rows`]), as read.
pub(crate) async fn json_for<'q, R: serde::de::DeserializeOwned>(
    c: &mut Conn,
    what: &str,
    inner: &str,
    columns: &str,
    order_by: &str,
    key: impl Encode<'q, Any> + Type<Any> + 'q,
) -> Result<Vec<R>> {
    let sql = json_rows(c, inner, columns, order_by);
    let text: String = sqlx::query_scalar(crate::trusted(sql))
        .bind(key)
        .fetch_one(&mut *c)
        .await?;
    from_json(what, &text)
}

/// Every row `inner` selects, read as one JSON value (see [`json_rows`]),
/// with `ids` bound first (`$1`, `$2`, …) and then `texts`.
pub(crate) async fn json_bound<R: serde::de::DeserializeOwned>(
    c: &mut Conn,
    what: &str,
    (inner, columns, order_by): (&str, &str, &str),
    ids: &[i64],
    texts: &[&str],
) -> Result<Vec<R>> {
    let sql = json_rows(c, inner, columns, order_by);
    let mut q = sqlx::query_scalar::<_, String>(crate::trusted(sql));
    for id in ids {
        q = q.bind(*id);
    }
    for text in texts {
        q = q.bind(*text);
    }
    let text = q.fetch_one(&mut *c).await?;
    from_json(what, &text)
}

/// The rows of a [`json_rows`] read; [`StoreError::Corrupt`] naming `what`
/// when a row does not have the shape `R` expects.
pub(crate) fn from_json<R: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<Vec<R>> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::column_names;

    #[test]
    fn columns_are_named_as_a_select_names_them() {
        let names: Vec<&str> =
            column_names("a.id, kind,\n  COALESCE(x, 0) AS total, u.service as service").collect();
        assert_eq!(names, ["id", "kind", "total", "service"]);
    }
}
