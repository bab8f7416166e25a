//! Responses (*svar*) to a round and their answers, and the counts that
//! results read.
//!
//! A response is anonymous: it keeps its round, centre, language, channel
//! and the day it came in, and nothing else: no time of day, no address,
//! no browser, no token, no session, no person, and no audit entry. Its
//! answers are one row per chosen option (multiple choice in the question's
//! order), or one row with the number, the text, or the yes/no and its
//! comment.
//!
//! `answer_counts` is kept up to date in the transaction that stores each
//! response: per round, centre (0 for none), language and channel, how
//! many responses there are (question and option `''`), how many answered
//! each question (option `''`) and how many chose each option (a number
//! counts under its decimal key). Results read it, never the raw answers.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use samverka_core::surveys::response::{Answer, Answers};
use samverka_core::surveys::round::Channel;
use serde::Serialize;

use crate::bulk::{self, Cell, Column};
use crate::{Conn, Result, StoreError, Tx, TxOf, codec, rows};

/// The kinds of answer row, as stored in `answers.kind`.
const CHOICE: &str = "choice";
const CHOICES: &str = "choices";
const NUMBER: &str = "number";
const TEXT: &str = "text";
const YES_NO: &str = "yes_no";

/// Whether a text is a stored answer kind (for the backup's checks).
pub(crate) fn known_kind(s: &str) -> bool {
    [CHOICE, CHOICES, NUMBER, TEXT, YES_NO].contains(&s)
}

/// Which responses to count: `None` in a field means all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountFilter {
    /// Only responses at these centres (never those without a centre).
    pub centre_ids: Option<Vec<i64>>,
    /// Only responses in these languages.
    pub languages: Option<Vec<String>>,
    /// Only responses that came in through these channels.
    pub channels: Option<Vec<Channel>>,
}

/// How many responses chose an option of a question, over the responses a
/// [`CountFilter`] selects. Option `''` counts the responses that answered
/// the question; question and option `''` count the responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct OptionCount {
    /// The question's key (`''` for the responses themselves).
    pub question_key: String,
    /// The option's key, a number's decimal, or `''` for the question.
    pub option_key: String,
    /// How many.
    pub count: i64,
}

/// An [`OptionCount`] at one centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CentreCount {
    /// The centre; `None` for responses without one.
    pub centre_id: Option<i64>,
    /// The question's key (`''` for the responses themselves).
    pub question_key: String,
    /// The option's key, a number's decimal, or `''` for the question.
    pub option_key: String,
    /// How many.
    pub count: i64,
}

/// A free text (*fritextsvar*): the answer to a text question, or the
/// comment to a yes/no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FreeText {
    /// The centre the response was for.
    pub centre_id: Option<i64>,
    /// The language it was answered in.
    pub language: String,
    /// `yes` or `no` for a comment to a yes/no question.
    pub option_key: Option<String>,
    /// The text.
    pub text: String,
}

/// One response with its answers, as an export reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredResponse {
    /// Id: the order responses came in, for paging.
    pub id: i64,
    /// The centre it was for.
    pub centre_id: Option<i64>,
    /// The language it was answered in.
    pub language: String,
    /// How it came in.
    pub channel: Channel,
    /// The day it came in.
    pub submitted_on: NaiveDate,
    /// The answers.
    pub answers: Answers,
}

/// A count a response adds one to: (question, option).
type CountKey = (String, String);

/// One stored answer row.
struct AnswerRow<'a> {
    question: &'a str,
    position: i64,
    kind: &'static str,
    option_key: Option<&'a str>,
    number: Option<i64>,
    text: Option<&'a str>,
    comment: Option<&'a str>,
}

impl<'a> AnswerRow<'a> {
    fn new(question: &'a str, kind: &'static str) -> AnswerRow<'a> {
        AnswerRow {
            question,
            position: 0,
            kind,
            option_key: None,
            number: None,
            text: None,
            comment: None,
        }
    }
}

/// The rows of one response's answers, and the counts it adds (question,
/// option). Refuses ([`StoreError::invalid`] on `answers`) a multiple
/// choice that is empty or names an option twice, and a blank question key.
fn rows_of(answers: &Answers) -> Result<(Vec<AnswerRow<'_>>, Vec<CountKey>)> {
    let mut out = Vec::new();
    let mut counts = vec![(String::new(), String::new())];
    for (question, answer) in answers.iter() {
        if question.is_empty() {
            return Err(StoreError::invalid("answers"));
        }
        counts.push((question.to_string(), String::new()));
        match answer {
            Answer::Choice(key) => {
                out.push(AnswerRow {
                    option_key: Some(key),
                    ..AnswerRow::new(question, CHOICE)
                });
                counts.push((question.to_string(), key.clone()));
            }
            Answer::Choices(keys) => {
                if keys.is_empty() {
                    return Err(StoreError::invalid("answers"));
                }
                for (position, key) in (0..).zip(keys) {
                    if keys.iter().filter(|k| *k == key).count() > 1 {
                        return Err(StoreError::invalid("answers"));
                    }
                    out.push(AnswerRow {
                        position,
                        option_key: Some(key),
                        ..AnswerRow::new(question, CHOICES)
                    });
                    counts.push((question.to_string(), key.clone()));
                }
            }
            Answer::Number(n) => {
                out.push(AnswerRow {
                    number: Some(*n),
                    ..AnswerRow::new(question, NUMBER)
                });
                counts.push((question.to_string(), n.to_string()));
            }
            Answer::Text(text) => out.push(AnswerRow {
                text: Some(text),
                ..AnswerRow::new(question, TEXT)
            }),
            Answer::YesNo { value, comment } => {
                let key = if *value { "yes" } else { "no" };
                out.push(AnswerRow {
                    option_key: Some(key),
                    comment: comment.as_deref(),
                    ..AnswerRow::new(question, YES_NO)
                });
                counts.push((question.to_string(), key.to_string()));
            }
        }
    }
    Ok((out, counts))
}

/// `$from, $from+1, …` for `n` values.
fn params(from: usize, n: usize) -> String {
    let list: Vec<String> = (from..from + n).map(|i| format!("${i}")).collect();
    list.join(", ")
}

/// `($from, $from+1, …)` for `n` values.
fn placeholders(from: usize, n: usize) -> String {
    format!("({})", params(from, n))
}

/// Stores one response to a round with its answers, and adds it to the
/// counts, in the caller's transaction. `submitted_on` is the day it came
/// in by the server's clock; nothing finer is kept, and nothing about who
/// sent it.
///
/// [`StoreError::NotFound`] for a round that is not there;
/// [`StoreError::invalid`] on `centre_id` for a centre not in the round, on
/// `language` when blank, on `answers` for an empty or repeated multiple
/// choice. Checking the answers against the version's definition is the
/// caller's part (`samverka_core::surveys::response::validate`).
pub async fn insert(
    tx: &mut TxOf<'_>,
    round_id: i64,
    centre_id: Option<i64>,
    language: &str,
    channel: Channel,
    submitted_on: NaiveDate,
    answers: &Answers,
) -> Result<()> {
    let one = Incoming {
        round_id,
        centre_id,
        language,
        channel,
        submitted_on,
        answers,
    };
    insert_counted(tx, std::slice::from_ref(&one)).await
}

/// A response to store with others and count ([`insert_counted`]).
#[derive(Debug, Clone, Copy)]
pub struct Incoming<'a> {
    /// The round.
    pub round_id: i64,
    /// The centre it is for, if any.
    pub centre_id: Option<i64>,
    /// The language it was answered in.
    pub language: &'a str,
    /// How it came in.
    pub channel: Channel,
    /// The day it came in, by the server's clock.
    pub submitted_on: NaiveDate,
    /// Its answers, checked against the round's version.
    pub answers: &'a Answers,
}

/// Stores responses with their answers and adds them to the counts, in the
/// caller's transaction: [`insert`] for each, in a few statements for all
/// of them (each round checked in one query, the rows of each table a few
/// hundred a statement, the counts summed first). Refuses as [`insert`]
/// does, the whole list for one bad response.
pub async fn insert_counted(tx: &mut TxOf<'_>, list: &[Incoming<'_>]) -> Result<()> {
    let mut rounds: BTreeMap<i64, Vec<Option<i64>>> = BTreeMap::new();
    for r in list {
        if r.language.trim().is_empty() {
            return Err(StoreError::invalid("language"));
        }
        rounds.entry(r.round_id).or_default().push(r.centre_id);
    }
    for (round_id, centres) in rounds {
        check_targets(tx, round_id, &centres).await?;
    }
    let ids = response_rows(tx, list).await?;
    let mut rows = Vec::new();
    let mut counts: BTreeMap<CountRow<'_>, i64> = BTreeMap::new();
    for (r, id) in list.iter().zip(ids) {
        let (answer_rows, keys) = rows_of(r.answers)?;
        rows.extend(answer_rows.into_iter().map(|a| (id, a)));
        for (question, option) in keys {
            let key = (
                r.round_id,
                r.centre_id.unwrap_or(0),
                r.language,
                r.channel.code(),
                question,
                option,
            );
            *counts.entry(key).or_default() += 1;
        }
    }
    write_answers(tx, &rows).await?;
    add_counts(tx, &counts).await
}

/// Writes the responses' own rows (without their answers) in few
/// statements; their ids, in order. The ids are taken first (on SQLite
/// those after the highest, which the write transaction keeps; on
/// PostgreSQL from the table's sequence), then the rows go in with them
/// (`crate::bulk`).
async fn response_rows(tx: &mut TxOf<'_>, list: &[Incoming<'_>]) -> Result<Vec<i64>> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = if bulk::on_sqlite(tx) {
        let top: i64 = sqlx::query_scalar("SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM responses")
            .fetch_one(&mut **tx)
            .await?;
        (top + 1..).take(list.len()).collect()
    } else {
        sqlx::query_scalar(
            "SELECT nextval(pg_get_serial_sequence('responses', 'id')) FROM generate_series(1, $1)",
        )
        .bind(i64::try_from(list.len()).map_err(|_| StoreError::invalid("answers"))?)
        .fetch_all(&mut **tx)
        .await?
    };
    if ids.len() != list.len() {
        return Err(StoreError::Corrupt("fewer response ids than responses".into()));
    }
    let mut cells = Vec::with_capacity(list.len() * 6);
    let days: Vec<String> = list.iter().map(|r| codec::date_text(r.submitted_on)).collect();
    for ((r, id), day) in list.iter().zip(&ids).zip(&days) {
        cells.extend([
            Cell::from(*id),
            r.round_id.into(),
            r.centre_id.into(),
            r.language.into(),
            r.channel.code().into(),
            day.as_str().into(),
        ]);
    }
    bulk::insert(
        tx,
        "responses",
        &[
            ("id", true),
            ("round_id", true),
            ("centre_id", true),
            ("language", false),
            ("channel", false),
            ("submitted_on", false),
        ],
        "",
        &cells,
    )
    .await?;
    Ok(ids)
}

/// 404 for a round that is not there; invalid `centre_id` for one of
/// `centres` that is not in it. One query: the round's centres.
async fn check_targets(tx: &mut TxOf<'_>, round_id: i64, centres: &[Option<i64>]) -> Result<()> {
    let found: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT r.id, rc.centre_id FROM rounds r LEFT JOIN round_centres rc ON rc.round_id = r.id
          WHERE r.id = $1",
    )
    .bind(round_id)
    .fetch_all(&mut **tx)
    .await?;
    if found.is_empty() {
        return Err(StoreError::NotFound);
    }
    let taking_part: std::collections::BTreeSet<i64> = found.iter().filter_map(|(_, c)| *c).collect();
    if centres.iter().flatten().any(|c| !taking_part.contains(c)) {
        return Err(StoreError::invalid("centre_id"));
    }
    Ok(())
}

/// A count of `answer_counts`: round, centre (0: none), language, channel,
/// question and option.
type CountRow<'a> = (i64, i64, &'a str, &'a str, String, String);

/// Adds counts to `answer_counts` and, summed over languages and channels,
/// to `answer_totals`, hundreds a statement (`crate::bulk`).
async fn add_counts(tx: &mut TxOf<'_>, counts: &BTreeMap<CountRow<'_>, i64>) -> Result<()> {
    if counts.is_empty() {
        return Ok(());
    }
    let mut totals: BTreeMap<(i64, &str, &str, i64), i64> = BTreeMap::new();
    for ((round, centre, _, _, question, option), n) in counts {
        *totals
            .entry((*round, option.as_str(), question.as_str(), *centre))
            .or_default() += n;
    }
    let mut by_language = Vec::with_capacity(counts.len() * 7);
    for ((r, c, l, ch, q, o), n) in counts {
        by_language.extend([
            Cell::from(*r),
            (*c).into(),
            (*l).into(),
            (*ch).into(),
            q.as_str().into(),
            o.as_str().into(),
            (*n).into(),
        ]);
    }
    bulk::insert(
        tx,
        "answer_counts",
        &[
            ("round_id", true),
            ("centre_id", true),
            ("language", false),
            ("channel", false),
            ("question_key", false),
            ("option_key", false),
            ("count", true),
        ],
        "ON CONFLICT (round_id, centre_id, language, channel, question_key, option_key)
         DO UPDATE SET count = answer_counts.count + excluded.count",
        &by_language,
    )
    .await?;
    let mut summed = Vec::with_capacity(totals.len() * 5);
    for ((r, o, q, c), n) in &totals {
        summed.extend([Cell::from(*r), (*o).into(), (*q).into(), (*c).into(), (*n).into()]);
    }
    bulk::insert(
        tx,
        "answer_totals",
        &[
            ("round_id", true),
            ("option_key", false),
            ("question_key", false),
            ("centre_id", true),
            ("count", true),
        ],
        "ON CONFLICT (round_id, option_key, question_key, centre_id)
         DO UPDATE SET count = answer_totals.count + excluded.count",
        &summed,
    )
    .await
}

/// Writes answer rows, each with its response's id.
async fn write_answers(tx: &mut TxOf<'_>, rows: &[(i64, AnswerRow<'_>)]) -> Result<()> {
    const COLUMNS: &[Column] = &[
        ("response_id", true),
        ("question_key", false),
        ("position", true),
        ("kind", false),
        ("option_key", false),
        ("number", true),
        ("text", false),
        ("comment", false),
    ];
    let mut cells = Vec::with_capacity(rows.len() * COLUMNS.len());
    for (id, r) in rows {
        cells.extend([
            Cell::from(*id),
            r.question.into(),
            r.position.into(),
            r.kind.into(),
            r.option_key.into(),
            r.number.into(),
            r.text.into(),
            r.comment.into(),
        ]);
    }
    bulk::insert(tx, "answers", COLUMNS, "", &cells).await
}

/// A response to store with many others ([`insert_many`]).
#[derive(Debug, Clone, Copy)]
pub struct NewResponse<'a> {
    /// The centre it is for.
    pub centre_id: Option<i64>,
    /// The language it was answered in.
    pub language: &'a str,
    /// How it came in.
    pub channel: Channel,
    /// The day it came in.
    pub submitted_on: NaiveDate,
    /// Its answers, checked by the caller.
    pub answers: &'a Answers,
}

/// Stores many responses to a round at once in the caller's transaction,
/// for loading data in bulk (the demo's national scale, benchmarks): the
/// rows go in statements of hundreds (`crate::bulk`), and `answer_counts` is
/// left alone: call [`rebuild_counts`] for the round before committing.
/// The caller checks the answers and that each centre takes part.
pub async fn insert_many(tx: &mut TxOf<'_>, round_id: i64, list: &[NewResponse<'_>]) -> Result<()> {
    if list.iter().any(|r| r.language.trim().is_empty()) {
        return Err(StoreError::invalid("language"));
    }
    let incoming: Vec<Incoming<'_>> = list
        .iter()
        .map(|r| Incoming {
            round_id,
            centre_id: r.centre_id,
            language: r.language,
            channel: r.channel,
            submitted_on: r.submitted_on,
            answers: r.answers,
        })
        .collect();
    let mut rows = Vec::new();
    for (r, id) in list.iter().zip(response_rows(tx, &incoming).await?) {
        rows.extend(rows_of(r.answers)?.0.into_iter().map(|a| (id, a)));
    }
    write_answers(tx, &rows).await
}

/// Recounts `answer_counts` (and `answer_totals` from it) from the stored
/// answers, for one round or all (`None`): after an import, or to repair.
pub async fn rebuild_counts(tx: &mut Tx, round_id: Option<i64>) -> Result<()> {
    sqlx::query("DELETE FROM answer_counts WHERE ($1 IS NULL OR round_id = $1)")
        .bind(round_id)
        .execute(&mut **tx)
        .await?;
    let keys = "r.round_id, COALESCE(r.centre_id, 0), r.language, r.channel";
    let sql = format!(
        "INSERT INTO answer_counts (round_id, centre_id, language, channel, question_key, option_key, count)
         SELECT {keys}, '', '', COUNT(*) FROM responses r
          WHERE ($1 IS NULL OR r.round_id = $1) GROUP BY {keys}
         UNION ALL
         SELECT {keys}, a.question_key, '', COUNT(DISTINCT a.response_id)
           FROM answers a JOIN responses r ON r.id = a.response_id
          WHERE ($1 IS NULL OR r.round_id = $1) GROUP BY {keys}, a.question_key
         UNION ALL
         SELECT {keys}, a.question_key, COALESCE(a.option_key, CAST(a.number AS TEXT)), COUNT(*)
           FROM answers a JOIN responses r ON r.id = a.response_id
          WHERE ($1 IS NULL OR r.round_id = $1) AND (a.option_key IS NOT NULL OR a.number IS NOT NULL)
          GROUP BY {keys}, a.question_key, COALESCE(a.option_key, CAST(a.number AS TEXT))"
    );
    sqlx::query(crate::trusted(sql))
        .bind(round_id)
        .execute(&mut **tx)
        .await?;
    super::counts::rebuild_totals(tx, round_id).await
}

/// A value bound to a query built here.
pub(super) enum Value {
    Int(i64),
    Text(String),
}

/// The conditions of a [`CountFilter`] on `answer_counts` (the round is
/// `$1`), with the values to bind after the round.
fn filter_sql(filter: &CountFilter) -> (String, Vec<Value>) {
    let mut sql = String::from("round_id = $1");
    let mut values: Vec<Value> = Vec::new();
    and_filter(&mut sql, &mut values, 2, filter);
    (sql, values)
}

/// Adds `AND column IN (...)` to `sql` for the items, their placeholders
/// numbered on from `first` plus the values bound before them (none
/// matches nothing).
pub(super) fn and_in(
    sql: &mut String,
    values: &mut Vec<Value>,
    first: usize,
    column: &str,
    items: Vec<Value>,
) {
    if items.is_empty() {
        sql.push_str(" AND 1 = 0");
        return;
    }
    let at = values.len() + first;
    sql.push_str(&format!(" AND {column} IN {}", placeholders(at, items.len())));
    values.extend(items);
}

/// Adds the conditions of a [`CountFilter`] to `sql`, their placeholders
/// numbered on from `first` plus the values bound before them.
pub(super) fn and_filter(sql: &mut String, values: &mut Vec<Value>, first: usize, filter: &CountFilter) {
    if let Some(centres) = &filter.centre_ids {
        let items = centres.iter().map(|c| Value::Int(*c)).collect();
        and_in(sql, values, first, "centre_id", items);
    }
    if let Some(languages) = &filter.languages {
        let items = languages.iter().map(|l| Value::Text(l.clone())).collect();
        and_in(sql, values, first, "language", items);
    }
    if let Some(channels) = &filter.channels {
        let items = channels
            .iter()
            .map(|c| Value::Text(c.code().to_string()))
            .collect();
        and_in(sql, values, first, "channel", items);
    }
}

/// A query with the values of [`filter_sql`] (and any after them) bound in order.
fn bind_values<'q, O>(
    mut q: sqlx::query::QueryScalar<'q, sqlx::Any, O, sqlx::any::AnyArguments>,
    values: Vec<Value>,
) -> sqlx::query::QueryScalar<'q, sqlx::Any, O, sqlx::any::AnyArguments> {
    for v in values {
        q = match v {
            Value::Int(n) => q.bind(n),
            Value::Text(t) => q.bind(t),
        };
    }
    q
}

/// Runs a [`rows::json_rows`] read with the round and the filter's values bound.
async fn read_json<R: serde::de::DeserializeOwned>(
    c: &mut Conn,
    what: &str,
    inner: &str,
    columns: &str,
    round_id: i64,
    values: Vec<Value>,
) -> Result<Vec<R>> {
    let sql = rows::json_rows(c, inner, columns, "");
    let q = bind_values(
        sqlx::query_scalar::<_, String>(crate::trusted(sql)).bind(round_id),
        values,
    );
    let text = q.fetch_one(&mut *c).await?;
    rows::from_json(what, &text)
}

/// The counts of a round over the responses `filter` selects: per question
/// and option, by question and option key.
pub async fn counts(c: &mut Conn, round_id: i64, filter: &CountFilter) -> Result<Vec<OptionCount>> {
    let (condition, values) = filter_sql(filter);
    let inner = format!(
        "SELECT question_key, option_key, CAST(SUM(count) AS BIGINT) AS count FROM answer_counts
         WHERE {condition} GROUP BY question_key, option_key"
    );
    let mut found: Vec<OptionCount> = read_json(
        c,
        "answer_counts",
        &inner,
        "question_key, option_key, count",
        round_id,
        values,
    )
    .await?;
    found.sort_by(|a, b| (&a.question_key, &a.option_key).cmp(&(&b.question_key, &b.option_key)));
    Ok(found)
}

#[derive(serde::Deserialize)]
struct CentreCountRow {
    centre_id: i64,
    question_key: String,
    option_key: String,
    count: i64,
}

/// The counts of a round over the responses `filter` selects, per centre
/// (responses without a centre first), question and option.
pub async fn counts_by_centre(c: &mut Conn, round_id: i64, filter: &CountFilter) -> Result<Vec<CentreCount>> {
    let (condition, values) = filter_sql(filter);
    let inner = format!(
        "SELECT centre_id, question_key, option_key, CAST(SUM(count) AS BIGINT) AS count FROM answer_counts
         WHERE {condition} GROUP BY centre_id, question_key, option_key"
    );
    let found: Vec<CentreCountRow> = read_json(
        c,
        "answer_counts",
        &inner,
        "centre_id, question_key, option_key, count",
        round_id,
        values,
    )
    .await?;
    let mut out: Vec<CentreCount> = found
        .into_iter()
        .map(|r| CentreCount {
            centre_id: (r.centre_id != 0).then_some(r.centre_id),
            question_key: r.question_key,
            option_key: r.option_key,
            count: r.count,
        })
        .collect();
    out.sort_by(|a, b| {
        (a.centre_id, &a.question_key, &a.option_key).cmp(&(b.centre_id, &b.question_key, &b.option_key))
    });
    Ok(out)
}

#[derive(serde::Deserialize)]
struct TextRow {
    centre_id: Option<i64>,
    language: String,
    option_key: Option<String>,
    text: String,
}

/// The free texts given to one question of a round (the texts of a text
/// question, the comments of a yes/no), at the given centres or all
/// (`None`). Ordered by text, so that the order they came in stays unknown.
pub async fn texts(
    c: &mut Conn,
    round_id: i64,
    question_key: &str,
    centre_ids: Option<&[i64]>,
) -> Result<Vec<FreeText>> {
    let mut values = vec![Value::Text(question_key.to_string())];
    let centres = match centre_ids {
        None => String::new(),
        Some([]) => " AND 1 = 0".to_string(),
        Some(ids) => {
            values.extend(ids.iter().map(|i| Value::Int(*i)));
            format!(" AND r.centre_id IN {}", placeholders(3, ids.len()))
        }
    };
    let inner = format!(
        "SELECT r.centre_id AS centre_id, r.language AS language,
                CASE WHEN a.kind = '{YES_NO}' THEN a.option_key END AS option_key,
                COALESCE(a.text, a.comment) AS text
           FROM answers a JOIN responses r ON r.id = a.response_id
          WHERE r.round_id = $1 AND a.question_key = $2 AND (a.text IS NOT NULL OR a.comment IS NOT NULL){centres}"
    );
    let found: Vec<TextRow> = read_json(
        c,
        "answers",
        &inner,
        "centre_id, language, option_key, text",
        round_id,
        values,
    )
    .await?;
    let mut out: Vec<FreeText> = found
        .into_iter()
        .map(|r| FreeText {
            centre_id: r.centre_id,
            language: r.language,
            option_key: r.option_key,
            text: r.text,
        })
        .collect();
    out.sort_by(|a, b| (&a.text, a.centre_id, &a.language).cmp(&(&b.text, b.centre_id, &b.language)));
    Ok(out)
}

/// How many responses a round has.
pub async fn count(c: &mut Conn, round_id: i64) -> Result<i64> {
    let n: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM answer_counts
         WHERE round_id = $1 AND question_key = '' AND option_key = ''",
    )
    .bind(round_id)
    .fetch_one(c)
    .await?;
    Ok(n)
}

/// The rounds whose responses [`totals`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalsOf {
    /// Every round of a region (its list of rounds).
    Region(i64),
    /// One round (its page).
    Round(i64),
}

/// How many responses each centre of the rounds asked for has:
/// `(round, centre, responses)`, only where there are any.
pub async fn totals(c: &mut Conn, of: TotalsOf) -> Result<Vec<(i64, i64, i64)>> {
    let (rounds, id) = match of {
        TotalsOf::Region(region) => ("round_id IN (SELECT id FROM rounds WHERE region_id = $1)", region),
        TotalsOf::Round(round) => ("round_id = $1", round),
    };
    let sql = format!(
        "SELECT round_id, centre_id, CAST(SUM(count) AS BIGINT) FROM answer_counts
         WHERE question_key = '' AND option_key = '' AND {rounds}
         GROUP BY round_id, centre_id"
    );
    Ok(sqlx::query_as(crate::trusted(sql)).bind(id).fetch_all(c).await?)
}

/// One answer row as a stretch's JSON holds it: question, position, kind,
/// option, number, text, comment. The question and the kind are read in
/// place; what an answer keeps is moved into it, never copied (a file of a
/// million responses reads twenty million of these).
#[derive(serde::Deserialize)]
struct AnswerJson<'a>(
    #[serde(borrow)] Cow<'a, str>,
    i64,
    #[serde(borrow)] Cow<'a, str>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
);

/// One response as a stretch's JSON holds it: id, centre, language,
/// channel, day, and its answer rows.
#[derive(serde::Deserialize)]
struct ResponseJson<'a>(
    i64,
    Option<i64>,
    String,
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Vec<AnswerJson<'a>>,
);

/// One answer from its rows (one question's, in position order), taking
/// what it keeps out of them.
fn answer_of(response_id: i64, rows: &mut [AnswerJson<'_>]) -> Result<Answer> {
    let corrupt =
        |question: &str, why: &str| StoreError::Corrupt(format!("answers {response_id}/{question}: {why}"));
    let several = rows.len() > 1;
    let [first, ..] = rows else {
        return Err(corrupt("", "no rows"));
    };
    if first.2 != CHOICES && several {
        return Err(corrupt(&first.0, "several rows for one answer"));
    }
    let AnswerJson(question, _, kind, option, number, text, comment) = first;
    let mut option = || option.take().ok_or_else(|| corrupt(question, "no option"));
    Ok(match &**kind {
        CHOICE => Answer::Choice(option()?),
        CHOICES => {
            let mut keys = Vec::with_capacity(rows.len());
            for AnswerJson(question, _, kind, option, ..) in rows.iter_mut() {
                match (&**kind, option.take()) {
                    (CHOICES, Some(k)) => keys.push(k),
                    _ => return Err(corrupt(question, "a multiple choice row without an option")),
                }
            }
            Answer::Choices(keys)
        }
        NUMBER => Answer::Number(number.ok_or_else(|| corrupt(question, "no number"))?),
        TEXT => Answer::Text(text.take().ok_or_else(|| corrupt(question, "no text"))?),
        YES_NO => Answer::YesNo {
            value: match option()?.as_str() {
                "yes" => true,
                "no" => false,
                other => return Err(corrupt(question, &format!("{other:?} is not yes or no"))),
            },
            comment: comment.take(),
        },
        other => return Err(corrupt(question, &format!("unknown kind {other:?}"))),
    })
}

/// A response as read, its answer rows made into [`Answers`].
fn stored(row: ResponseJson<'_>) -> Result<StoredResponse> {
    let ResponseJson(id, centre_id, language, channel, submitted_on, mut rows) = row;
    // By question, then position: as a rule the order they came in already.
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut answers = Answers::new();
    for group in rows.chunk_by_mut(|a, b| a.0 == b.0) {
        let answer = answer_of(id, group)?;
        answers.insert(std::mem::take(&mut group[0].0).into_owned(), answer);
    }
    Ok(StoredResponse {
        id,
        centre_id,
        language,
        channel: codec::code::<Channel>("responses.channel", &channel)?,
        submitted_on: codec::date("responses.submitted_on", &submitted_on)?,
        answers,
    })
}

/// A stretch of a round's responses as the database gave them, not read
/// yet ([`between_raw`]): the reading ([`RawStretch::responses`]) may then
/// run on another thread while the database makes the next stretch.
#[derive(Debug)]
pub struct RawStretch(String);

impl RawStretch {
    /// The responses with their answers, by id.
    pub fn responses(&self) -> Result<Vec<StoredResponse>> {
        let found: Vec<ResponseJson<'_>> =
            serde_json::from_str(&self.0).map_err(|e| StoreError::Corrupt(format!("responses: {e}")))?;
        found.into_iter().map(stored).collect()
    }
}

/// Which stretch of a round's responses (in id order) a read takes.
enum Stretch {
    /// Up to this many after an id (from the start for `None`).
    After(Option<i64>, i64),
    /// Those after an id (from the start for `None`) up to and including another.
    Between(Option<i64>, i64),
}

/// Reads a stretch of the responses a [`CountFilter`] selects, with their
/// answers, in one query: the database builds one JSON array of the
/// responses, each with the array of its answer rows (the index of
/// `answers` starts with the response), and hands it over as one value.
async fn read_stretch(
    c: &mut Conn,
    round_id: i64,
    filter: &CountFilter,
    stretch: Stretch,
) -> Result<RawStretch> {
    let (condition, mut values) = filter_sql(filter);
    let at = values.len() + 2;
    let (bounds, limit) = match stretch {
        Stretch::After(after, limit) => {
            values.extend([Value::Int(after.unwrap_or(0)), Value::Int(limit)]);
            (format!("id > ${at}"), format!(" LIMIT ${}", at + 1))
        }
        Stretch::Between(after, through) => {
            values.extend([Value::Int(after.unwrap_or(0)), Value::Int(through)]);
            (format!("id > ${at} AND id <= ${}", at + 1), String::new())
        }
    };
    let chosen = format!(
        "SELECT id, centre_id, language, channel, submitted_on FROM responses
          WHERE {condition} AND {bounds} ORDER BY id{limit}"
    );
    let answer = "a.question_key, a.position, a.kind, a.option_key, a.number, a.text, a.comment";
    let response = "r.id, r.centre_id, r.language, r.channel, r.submitted_on";
    let sql = if c.backend_name().eq_ignore_ascii_case("sqlite") {
        // The outer arrays are joined as text around each response's array
        // of answers: json() around it (to keep it an array) parsed every
        // answer again only to write it out once more.
        format!(
            "SELECT '[' || COALESCE(group_concat('[' || r.id || ',' || COALESCE(r.centre_id, 'null')
                 || ',' || json_quote(r.language) || ',' || json_quote(r.channel)
                 || ',' || json_quote(r.submitted_on) || ',' || (
                 SELECT json_group_array(json_array({answer})) FROM answers a WHERE a.response_id = r.id)
                 || ']', ','), '') || ']'
               FROM ({chosen}) AS r"
        )
    } else {
        format!(
            "SELECT COALESCE(json_agg(json_build_array({response}, (
                 SELECT COALESCE(json_agg(json_build_array({answer})), '[]'::json)
                   FROM answers a WHERE a.response_id = r.id)) ORDER BY r.id), '[]')::text
               FROM ({chosen}) AS r"
        )
    };
    let q = bind_values(
        sqlx::query_scalar::<_, String>(crate::trusted(sql)).bind(round_id),
        values,
    );
    Ok(RawStretch(q.fetch_one(&mut *c).await?))
}

/// Up to `limit` responses of a round with their answers, by id, after the
/// response `after` (from the start for `None`): keyset pages, one query
/// each. A reader passes the last id of a page to get the next, and stops
/// at a page shorter than `limit`.
pub async fn page(
    c: &mut Conn,
    round_id: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<StoredResponse>> {
    read_stretch(c, round_id, &CountFilter::default(), Stretch::After(after, limit))
        .await?
        .responses()
}

/// The responses of a round that `filter` selects after the response
/// `after` (from the start for `None`) up to and including `through`, with
/// their answers, by id: one stretch of [`page_ends`], in one query.
pub async fn between(
    c: &mut Conn,
    round_id: i64,
    filter: &CountFilter,
    after: Option<i64>,
    through: i64,
) -> Result<Vec<StoredResponse>> {
    between_raw(c, round_id, filter, after, through)
        .await?
        .responses()
}

/// Like [`between`], the responses left to read: an export reads one
/// stretch while the database makes the next.
pub async fn between_raw(
    c: &mut Conn,
    round_id: i64,
    filter: &CountFilter,
    after: Option<i64>,
    through: i64,
) -> Result<RawStretch> {
    read_stretch(c, round_id, filter, Stretch::Between(after, through)).await
}

/// Where a round's responses that `filter` selects divide into stretches of
/// `size` (in id order): the id of every `size`-th response and of the last
/// one. An export reads the stretches ([`between`] one end and the next) in
/// an order of its own, so the order of its rows does not follow the order
/// the responses came in.
pub async fn page_ends(c: &mut Conn, round_id: i64, filter: &CountFilter, size: i64) -> Result<Vec<i64>> {
    let (condition, values) = filter_sql(filter);
    let at = values.len() + 2;
    let sql = format!(
        "SELECT id FROM (
             SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n, COUNT(*) OVER () AS total
               FROM responses WHERE {condition}) AS s
          WHERE n % ${at} = 0 OR n = total ORDER BY id"
    );
    let q = bind_values(
        sqlx::query_scalar::<_, i64>(crate::trusted(sql)).bind(round_id),
        values,
    );
    Ok(q.bind(size.max(1)).fetch_all(&mut *c).await?)
}
