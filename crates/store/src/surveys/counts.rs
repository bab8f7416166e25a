//! The kept counts as a round's results read them: the counts of several
//! rounds in one query (a round with the earlier rounds of its survey, for
//! a trend), and the answered counts of one question (the gate of its free
//! texts). Never the raw answers.
//!
//! Without a language or channel in the filter they are read from
//! `answer_totals`, the counts summed over languages and channels (an
//! eighth of the rows or fewer); with one, from `answer_counts`.

use serde::{Deserialize, Serialize};

use super::responses::{CountFilter, Value, and_filter, and_in};
use crate::{Conn, Result, Tx, rows};

/// How many responses of a round at a centre chose an option of a
/// question (option `''`: answered it; question and option `''`: the
/// responses themselves).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundCount {
    /// The round.
    pub round_id: i64,
    /// The centre; `None` for responses without one.
    pub centre_id: Option<i64>,
    /// The question's key (`''` for the responses themselves).
    pub question_key: String,
    /// The option's key, a number's decimal, or `''` for the question.
    pub option_key: String,
    /// How many.
    pub count: i64,
}

#[derive(Deserialize)]
struct Row {
    round_id: i64,
    centre_id: i64,
    question_key: String,
    option_key: String,
    count: i64,
}

/// Runs a [`rows::json_rows`] read with the values bound in order.
async fn read(c: &mut Conn, inner: &str, values: Vec<Value>) -> Result<Vec<Row>> {
    let columns = "round_id, centre_id, question_key, option_key, count";
    let sql = rows::json_rows(c, inner, columns, "");
    let mut q = sqlx::query_scalar::<_, String>(crate::trusted(sql));
    for v in values {
        q = match v {
            Value::Int(n) => q.bind(n),
            Value::Text(t) => q.bind(t),
        };
    }
    let text = q.fetch_one(&mut *c).await?;
    rows::from_json("answer_counts", &text)
}

fn counted(found: Vec<Row>) -> Vec<RoundCount> {
    found
        .into_iter()
        .map(|r| RoundCount {
            round_id: r.round_id,
            centre_id: (r.centre_id != 0).then_some(r.centre_id),
            question_key: r.question_key,
            option_key: r.option_key,
            count: r.count,
        })
        .collect()
}

/// The table to read for a filter: the totals unless it names a language
/// or a channel.
fn table(filter: &CountFilter) -> &'static str {
    if filter.languages.is_none() && filter.channels.is_none() {
        "answer_totals"
    } else {
        "answer_counts"
    }
}

/// Sums `answer_counts` over languages and channels into `answer_totals`,
/// for one round or all (`None`).
pub async fn rebuild_totals(tx: &mut Tx, round_id: Option<i64>) -> Result<()> {
    sqlx::query("DELETE FROM answer_totals WHERE ($1 IS NULL OR round_id = $1)")
        .bind(round_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO answer_totals (round_id, option_key, question_key, centre_id, count)
         SELECT round_id, option_key, question_key, centre_id, SUM(count) FROM answer_counts
          WHERE ($1 IS NULL OR round_id = $1)
          GROUP BY round_id, option_key, question_key, centre_id",
    )
    .bind(round_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The conditions of the rounds and a filter, with their values in order.
fn conditions(round_ids: &[i64], filter: &CountFilter) -> (String, Vec<Value>) {
    let mut sql = String::from("1 = 1");
    let mut values = Vec::new();
    let rounds = round_ids.iter().map(|r| Value::Int(*r)).collect();
    and_in(&mut sql, &mut values, 1, "round_id", rounds);
    and_filter(&mut sql, &mut values, 1, filter);
    (sql, values)
}

/// How many responses of the given rounds answered each question, and how
/// many responses there are (question `''`), per round and centre, over
/// the responses `filter` selects (its centres aside): what the tree of
/// breakdowns needs. One query, read from the key of `answer_totals` (or
/// the index `answer_counts_results`) alone, in its order.
pub async fn answered_by_centre(
    c: &mut Conn,
    round_ids: &[i64],
    filter: &CountFilter,
) -> Result<Vec<RoundCount>> {
    let all_centres = CountFilter {
        centre_ids: None,
        ..filter.clone()
    };
    let (sql, values) = conditions(round_ids, &all_centres);
    let table = table(filter);
    let inner = format!(
        "SELECT round_id, centre_id, question_key, option_key, CAST(SUM(count) AS BIGINT) AS count
           FROM {table} WHERE {sql} AND option_key = ''
          GROUP BY round_id, option_key, question_key, centre_id"
    );
    Ok(counted(read(c, &inner, values).await?))
}

/// How many responses of the given rounds chose each option, summed over
/// the responses `filter` selects, its centres included (`None`: every
/// centre, and responses without one): per round, question and option,
/// with no centre. One query, read from the index alone.
pub async fn chosen(c: &mut Conn, round_ids: &[i64], filter: &CountFilter) -> Result<Vec<RoundCount>> {
    let (sql, values) = conditions(round_ids, filter);
    let table = table(filter);
    let inner = format!(
        "SELECT round_id, 0 AS centre_id, question_key, option_key, CAST(SUM(count) AS BIGINT) AS count
           FROM {table} WHERE {sql} AND option_key > ''
          GROUP BY round_id, option_key, question_key"
    );
    Ok(counted(read(c, &inner, values).await?))
}

/// How many answered one question of a round, per centre (all languages and
/// channels): what decides whether a centre's answers to it are shown.
pub async fn answered(c: &mut Conn, round_id: i64, question_key: &str) -> Result<Vec<RoundCount>> {
    let inner = "SELECT round_id, centre_id, question_key, option_key, CAST(SUM(count) AS BIGINT) AS count
                   FROM answer_totals WHERE round_id = $1 AND option_key = '' AND question_key = $2
                  GROUP BY round_id, option_key, question_key, centre_id";
    let values = vec![Value::Int(round_id), Value::Text(question_key.to_string())];
    Ok(counted(read(c, inner, values).await?))
}
