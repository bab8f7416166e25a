//! Writing many rows in few statements: what a batch of survey responses
//! and a bulk load need.
//!
//! On SQLite the rows go in as multi-row `VALUES` with anonymous `?`
//! parameters, in statements of a power of two rows up to [`ROWS`] (300
//! rows go as 256, 32, 8 and 4), so that a connection prepares a statement
//! of each size once and keeps it.
//! Numbered parameters (`$1`) would not do: sqlx asks SQLite for each
//! parameter's name, and SQLite finds a name by walking the statement's
//! list of them, so binding costs the square of their number. Anonymous
//! parameters have no names.
//! (Rows bound as one JSON array cost more: SQLite parses each row's text
//! again for every column it extracts; that was about 30 % of the survey
//! responses' writer in perf.)
//!
//! On PostgreSQL, whose parameters are always numbered, the rows go in as
//! one JSON array through `jsonb_array_elements`: one statement and one
//! value bound however many rows there are.

use crate::{Result, StoreError, TxOf};

/// One value of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell<'a> {
    /// An integer, or NULL.
    Int(Option<i64>),
    /// A text, or NULL.
    Text(Option<&'a str>),
}

impl From<i64> for Cell<'_> {
    fn from(n: i64) -> Self {
        Cell::Int(Some(n))
    }
}

impl From<Option<i64>> for Cell<'_> {
    fn from(n: Option<i64>) -> Self {
        Cell::Int(n)
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Self {
        Cell::Text(Some(s))
    }
}

impl<'a> From<Option<&'a str>> for Cell<'a> {
    fn from(s: Option<&'a str>) -> Self {
        Cell::Text(s)
    }
}

/// A column: its name, and whether it holds integers.
pub(crate) type Column = (&'static str, bool);

/// The most rows in one SQLite statement (with at most 32 766 parameters).
const ROWS: usize = 512;

/// Whether `c` talks to SQLite (else PostgreSQL).
pub(crate) fn on_sqlite(c: &sqlx::AnyConnection) -> bool {
    c.backend_name().eq_ignore_ascii_case("sqlite")
}

/// Inserts into `table` the rows of `cells` (the `columns`' values of the
/// first row, then of the second, ...), each statement followed by `then`
/// (an `ON CONFLICT` clause, or nothing).
pub(crate) async fn insert(
    tx: &mut TxOf<'_>,
    table: &str,
    columns: &[Column],
    then: &str,
    cells: &[Cell<'_>],
) -> Result<()> {
    let width = columns.len();
    if width == 0 || !cells.len().is_multiple_of(width) {
        return Err(StoreError::Corrupt(format!(
            "{table}: cells do not make whole rows"
        )));
    }
    if cells.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    let names = names.join(", ");
    if on_sqlite(tx) {
        let row = format!("({})", vec!["?"; width].join(", "));
        let mut rest = cells;
        while !rest.is_empty() {
            let n = chunk_rows(rest.len() / width);
            let (chunk, after) = rest.split_at(n * width);
            rest = after;
            let rows = vec![row.as_str(); n].join(", ");
            let sql = format!("INSERT INTO {table} ({names}) VALUES {rows} {then}");
            let mut query = sqlx::query(crate::trusted(sql));
            for cell in chunk {
                query = match *cell {
                    Cell::Int(n) => query.bind(n),
                    Cell::Text(s) => query.bind(s.map(str::to_string)),
                };
            }
            query.execute(&mut **tx).await?;
        }
        return Ok(());
    }
    let values: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, (_, int))| {
            if *int {
                format!("CAST(value->>{i} AS BIGINT)")
            } else {
                format!("(value->>{i})")
            }
        })
        .collect();
    let sql = format!(
        "INSERT INTO {table} ({names}) SELECT {} FROM jsonb_array_elements(CAST($1 AS jsonb)) {then}",
        values.join(", ")
    );
    sqlx::query(crate::trusted(sql))
        .bind(json_rows(cells, width)?)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The rows of the next statement when `left` rows are left: the largest
/// power of two up to [`ROWS`] and `left`.
fn chunk_rows(left: usize) -> usize {
    if left >= ROWS { ROWS } else { 1 << left.ilog2() }
}

/// The rows of `cells` as the text of a JSON array of arrays.
fn json_rows(cells: &[Cell<'_>], width: usize) -> Result<String> {
    let rows: Vec<Vec<serde_json::Value>> = cells
        .chunks(width)
        .map(|row| {
            row.iter()
                .map(|cell| match *cell {
                    Cell::Int(n) => serde_json::Value::from(n),
                    Cell::Text(s) => serde_json::Value::from(s),
                })
                .collect()
        })
        .collect();
    serde_json::to_string(&rows).map_err(|e| StoreError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::chunk_rows;

    #[test]
    fn rows_go_in_statements_of_a_power_of_two_rows() {
        let mut sizes = Vec::new();
        let mut left = 1300;
        while left > 0 {
            let n = chunk_rows(left);
            sizes.push(n);
            left -= n;
        }
        assert_eq!(sizes, [512, 512, 256, 16, 4]);
        assert_eq!(chunk_rows(1), 1);
    }
}
