//! The kept counts (`answer_counts`) as a round's results read them: the
//! counts of several rounds in one query (a round with the earlier rounds
//! of its survey, for a trend), and the answered counts of one question
//! (the gate of its free texts). Never the raw answers.

use samverka_core::surveys::round::Channel;
use serde::{Deserialize, Serialize};

use super::responses::CountFilter;
use crate::{Conn, Result, rows};

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

/// A value bound to a query built here.
enum Value {
    Int(i64),
    Text(String),
}

/// `($from, $from+1, …)` for `n` values.
fn list(from: usize, n: usize) -> String {
    let items: Vec<String> = (from..from + n).map(|i| format!("${i}")).collect();
    format!("({})", items.join(", "))
}

/// Adds `AND column IN (...)` for the items (none matches nothing).
fn any_of(sql: &mut String, values: &mut Vec<Value>, column: &str, items: Vec<Value>) {
    if items.is_empty() {
        sql.push_str(" AND 1 = 0");
        return;
    }
    sql.push_str(&format!(
        " AND {column} IN {}",
        list(values.len() + 1, items.len())
    ));
    values.extend(items);
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

/// The conditions of the rounds and a filter (its centres aside), with
/// their values in order.
fn conditions(round_ids: &[i64], filter: &CountFilter) -> (String, Vec<Value>) {
    let mut sql = String::from("1 = 1");
    let mut values = Vec::new();
    any_of(
        &mut sql,
        &mut values,
        "round_id",
        round_ids.iter().map(|r| Value::Int(*r)).collect(),
    );
    if let Some(languages) = &filter.languages {
        any_of(
            &mut sql,
            &mut values,
            "language",
            languages.iter().map(|l| Value::Text(l.clone())).collect(),
        );
    }
    if let Some(channels) = &filter.channels {
        any_of(
            &mut sql,
            &mut values,
            "channel",
            channels
                .iter()
                .map(|ch: &Channel| Value::Text(ch.code().to_string()))
                .collect(),
        );
    }
    (sql, values)
}

/// How many responses of the given rounds answered each question, and how
/// many responses there are (question `''`), per round and centre, over
/// the responses `filter` selects (its centres aside): what the tree of
/// breakdowns needs. One query, read from the index `answer_counts_results`
/// alone, in its order.
pub async fn answered_by_centre(
    c: &mut Conn,
    round_ids: &[i64],
    filter: &CountFilter,
) -> Result<Vec<RoundCount>> {
    let (sql, values) = conditions(round_ids, filter);
    let inner = format!(
        "SELECT round_id, centre_id, question_key, option_key, CAST(SUM(count) AS BIGINT) AS count
           FROM answer_counts WHERE {sql} AND option_key = ''
          GROUP BY round_id, option_key, question_key, centre_id"
    );
    Ok(counted(read(c, &inner, values).await?))
}

/// How many responses of the given rounds chose each option, summed over
/// the responses `filter` selects, its centres included (`None`: every
/// centre, and responses without one): per round, question and option,
/// with no centre. One query, read from the index alone.
pub async fn chosen(c: &mut Conn, round_ids: &[i64], filter: &CountFilter) -> Result<Vec<RoundCount>> {
    let (mut sql, mut values) = conditions(round_ids, filter);
    if let Some(centres) = &filter.centre_ids {
        any_of(
            &mut sql,
            &mut values,
            "centre_id",
            centres.iter().map(|c| Value::Int(*c)).collect(),
        );
    }
    let inner = format!(
        "SELECT round_id, 0 AS centre_id, question_key, option_key, CAST(SUM(count) AS BIGINT) AS count
           FROM answer_counts WHERE {sql} AND option_key > ''
          GROUP BY round_id, option_key, question_key"
    );
    Ok(counted(read(c, &inner, values).await?))
}

/// How many answered one question of a round, per centre (all languages and
/// channels): what decides whether a centre's answers to it are shown.
pub async fn answered(c: &mut Conn, round_id: i64, question_key: &str) -> Result<Vec<RoundCount>> {
    let inner = "SELECT round_id, centre_id, question_key, option_key, CAST(SUM(count) AS BIGINT) AS count
                   FROM answer_counts WHERE round_id = $1 AND option_key = '' AND question_key = $2
                  GROUP BY round_id, option_key, question_key, centre_id";
    let values = vec![Value::Int(round_id), Value::Text(question_key.to_string())];
    Ok(counted(read(c, inner, values).await?))
}
