//! Exports of a round (*export av en enkätomgång*): a file of its responses
//! (one row per response, one column per question) or of its results (one
//! row per question and option), as CSV or XLSX; and the rule that keeps a
//! file of responses from showing what the results hide.
//!
//! # What a file of responses shows
//!
//! A row is one response, in no order that tells when it came: a row carries
//! no response id, no date and no time (the round's period says when), and
//! the file's rows are not in the order the responses came in. Its place
//! (centre and municipality) and each of its answers are shown only as far
//! as the results of the same selection show them; the breakdowns are the
//! results' own tree (the region, its municipalities, their centres), and
//! the same suppression with its complements decides ([`disclosure`]):
//!
//! - The whole file is refused when the selection (the region, a
//!   municipality or a centre, in a language or through a channel) has too
//!   few responses to be shown.
//! - A row names its centre (and that centre's municipality) only when the
//!   centre's number of responses is shown in the tree of responses. The
//!   other rows name none: together they are the selection less the named
//!   centres, so their number is a difference of shown numbers, and by the
//!   complementary rule never one small centre alone.
//! - An answer to a question shows in a row of a named centre only when the
//!   question's own results show that centre (routing makes each question's
//!   number of answers differ); in the rows that name no centre only when
//!   the question's results show the selection and every named centre, so
//!   that what those rows show of the question is again a difference of
//!   numbers the results show. Elsewhere the cell is marked as hidden, in
//!   every row of the group alike, so the mark says nothing about who
//!   answered.
//! - Free texts (text questions and the comments to yes/no) follow their
//!   question's rule; the file is made only for those who may read the
//!   results of the whole selection, so they may read its free texts.
//!
//! Language and channel are filters of the file, as on the results page,
//! not columns: a rare language beside a centre could single a respondent
//! out. What the rule cannot do is stop a reader from crossing two
//! questions (gender by satisfaction, say) into cells smaller than the
//! threshold: that is what a file of responses is for, and why it is given
//! only to those who read the whole selection's results.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::breakdown::{ANSWERED, Place, Selection, Tally};
use super::definition::{Definition, Question, QuestionType};
use super::response::{Answer, Answers};
use super::results::{Cell, ResultsError, Suppression, Threshold, suppress};
use crate::governance::coded_enum;

/// What a file holds (*innehåll*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// One row per response, one column per question.
    Responses,
    /// One row per question and option: answers, counts and shares.
    Results,
}

coded_enum!(ExportKind, "export kind" {
    Responses => "responses",
    Results => "results",
});

/// The file's format (*filformat*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Semicolon-separated text in UTF-8 with a byte-order mark, as
    /// spreadsheet programs set to Swedish read it.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

coded_enum!(ExportFormat, "export format" {
    Csv => "csv",
    Xlsx => "xlsx",
});

impl ExportFormat {
    /// The file name's extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.code()
    }

    /// The format a file name's extension names (`runda.CSV` is CSV).
    pub fn of_file_name(name: &str) -> Option<ExportFormat> {
        let (_, ext) = name.rsplit_once('.')?;
        ExportFormat::parse(&ext.to_ascii_lowercase())
    }

    /// The media type a download is sent with.
    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// Where a job of making a file is (*status*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportStatus {
    /// Waiting for an instance to take it.
    Queued,
    /// Being made.
    Running,
    /// Made: the file can be downloaded until it expires.
    Done,
    /// It could not be made.
    Failed,
}

coded_enum!(ExportStatus, "export status" {
    Queued => "queued",
    Running => "running",
    Done => "done",
    Failed => "failed",
});

impl ExportStatus {
    /// Whether the job is over (made or failed).
    pub fn is_finished(self) -> bool {
        matches!(self, ExportStatus::Done | ExportStatus::Failed)
    }
}

/// Which places and answers a file of responses of one selection may show
/// (see the module documentation): made by [`disclosure`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclosure {
    /// The centres whose rows name them.
    named: BTreeSet<i64>,
    /// Per question key: the named centres whose rows show its answers,
    /// and whether the rows that name no centre show them.
    questions: BTreeMap<String, (BTreeSet<i64>, bool)>,
    /// How many responses the selection has.
    responses: u32,
}

impl Disclosure {
    /// Whether rows of responses through `centre` name it.
    pub fn names(&self, centre: Option<i64>) -> bool {
        centre.is_some_and(|c| self.named.contains(&c))
    }

    /// Whether a row of a response through `centre` shows its answer to
    /// `question`.
    pub fn shows(&self, question: &str, centre: Option<i64>) -> bool {
        self.questions.get(question).is_some_and(|(centres, rest)| {
            match centre.filter(|c| self.named.contains(c)) {
                Some(c) => centres.contains(&c),
                None => *rest,
            }
        })
    }

    /// Which of `columns` a row of a response through `centre` shows: what
    /// [`Disclosure::shows`] says of each column's question, for
    /// [`row_shown`].
    pub fn shown(&self, columns: &[Column<'_>], centre: Option<i64>) -> Vec<bool> {
        columns
            .iter()
            .map(|col| self.shows(&col.question.key, centre))
            .collect()
    }

    /// How many responses the selection has: the rows of the file.
    pub fn responses(&self) -> u32 {
        self.responses
    }
}

/// The id of a selection's cell in the tree, as the results name it.
fn cell_id(selection: Selection) -> String {
    match selection {
        Selection::Region => "region".into(),
        Selection::Municipality(id) => format!("municipality:{id}"),
        Selection::Centre(id) => format!("centre:{id}"),
    }
}

/// The tree of one count over the round's places: the region (`total`,
/// which includes responses through no centre), each municipality (the sum
/// of its centres) and each centre (`at`). The same tree the results build.
fn tree(places: &[Place], total: u32, at: impl Fn(i64) -> u32) -> Vec<Cell> {
    let mut cells = vec![Cell::root("region", total)];
    let municipalities: BTreeSet<i64> = places.iter().map(|p| p.municipality_id).collect();
    for m in municipalities {
        let id = format!("municipality:{m}");
        let inside: Vec<i64> = places
            .iter()
            .filter(|p| p.municipality_id == m)
            .map(|p| p.centre_id)
            .collect();
        cells.push(Cell::child(
            id.clone(),
            "region",
            inside.iter().map(|c| at(*c)).sum(),
        ));
        cells.extend(
            inside
                .into_iter()
                .map(|c| Cell::child(format!("centre:{c}"), id.clone(), at(c))),
        );
    }
    cells
}

/// The suppression of one question's tree (`""`: the responses themselves).
fn suppressed(
    question: &str,
    tallies: &[Tally],
    places: &[Place],
    threshold: Threshold,
) -> Result<Suppression, ResultsError> {
    let mine = || {
        tallies
            .iter()
            .filter(move |t| t.question == question && t.option == ANSWERED)
    };
    let total = mine().map(|t| t.count).sum();
    let cells = tree(places, total, |c| {
        mine().filter(|t| t.centre_id == Some(c)).map(|t| t.count).sum()
    });
    suppress(&cells, threshold)
}

/// What a file of responses of `selection` may show, from the round's kept
/// counts: `tallies` holds, per centre, the responses (question and option
/// [`ANSWERED`]) and the answers to each question (option [`ANSWERED`]) of
/// the responses the file's filters select; `places` are the round's
/// centres. `None` when the selection has too few responses to be shown.
pub fn disclosure(
    def: &Definition,
    tallies: &[Tally],
    places: &[Place],
    selection: Selection,
    threshold: Threshold,
) -> Result<Option<Disclosure>, ResultsError> {
    let at = cell_id(selection);
    let responses = suppressed(ANSWERED, tallies, places, threshold)?;
    if responses.is_suppressed(&at) {
        return Ok(None);
    }
    let inside = |p: &&Place| match selection {
        Selection::Region => true,
        Selection::Municipality(m) => p.municipality_id == m,
        Selection::Centre(c) => p.centre_id == c,
    };
    let named: BTreeSet<i64> = places
        .iter()
        .filter(inside)
        .map(|p| p.centre_id)
        .filter(|c| !responses.is_suppressed(&format!("centre:{c}")))
        .collect();
    let count = tallies
        .iter()
        .filter(|t| t.question == ANSWERED && t.option == ANSWERED)
        .filter(|t| match selection {
            Selection::Region => true,
            _ => t
                .centre_id
                .is_some_and(|c| places.iter().filter(inside).any(|p| p.centre_id == c)),
        })
        .map(|t| t.count)
        .sum();
    let mut questions = BTreeMap::new();
    for q in def.questions() {
        let hidden = suppressed(&q.key, tallies, places, threshold)?;
        let shown = if hidden.is_suppressed(&at) {
            (BTreeSet::new(), false)
        } else {
            let centres: BTreeSet<i64> = named
                .iter()
                .copied()
                .filter(|c| !hidden.is_suppressed(&format!("centre:{c}")))
                .collect();
            let rest = centres.len() == named.len();
            (centres, rest)
        };
        questions.insert(q.key.clone(), shown);
    }
    Ok(Some(Disclosure {
        named,
        questions,
        responses: count,
    }))
}

/// What a column of a file of responses holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// The answer to the question.
    Answer,
    /// The comment to a yes/no question.
    Comment,
}

/// A column of a file of responses after the place columns: a question's
/// answer, or the comment to a yes/no question.
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    /// The question.
    pub question: &'a Question,
    /// Answer or comment.
    pub kind: ColumnKind,
}

impl Column<'_> {
    /// The column's name in the file's first header row: the question's
    /// key, or `key__comment` (keys never hold `__`, so it is unique).
    pub fn key(&self) -> String {
        match self.kind {
            ColumnKind::Answer => self.question.key.clone(),
            ColumnKind::Comment => format!("{}__comment", self.question.key),
        }
    }
}

/// The question columns of a file of responses, in the order a respondent
/// meets the questions: one per question, and after each yes/no question
/// one for its comment.
pub fn columns(def: &Definition) -> Vec<Column<'_>> {
    let mut out = Vec::new();
    for question in def.questions() {
        out.push(Column {
            question,
            kind: ColumnKind::Answer,
        });
        if question.kind == QuestionType::YesNo {
            out.push(Column {
                question,
                kind: ColumnKind::Comment,
            });
        }
    }
    out
}

/// One cell of a row of responses.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value<'a> {
    /// No answer.
    Empty,
    /// An option's key (several joined by `;`, in the question's order).
    Code(Cow<'a, str>),
    /// A number.
    Number(i64),
    /// A free text or comment, as the respondent wrote it.
    Text(&'a str),
    /// An answer the file may not show here.
    Hidden,
}

/// The cells of one response's row under `columns`, for a response through
/// `centre`: what [`Disclosure::shows`] allows, [`Value::Hidden`] elsewhere.
pub fn row<'a>(
    columns: &[Column<'_>],
    disclosure: &Disclosure,
    centre: Option<i64>,
    answers: &'a Answers,
) -> Vec<Value<'a>> {
    row_shown(columns, &disclosure.shown(columns, centre), answers)
}

/// Like [`row`], with what [`Disclosure::shown`] gave for the row's centre
/// (worked out once for all of a centre's rows): a column `shown` does not
/// say `true` of is [`Value::Hidden`].
pub fn row_shown<'a>(columns: &[Column<'_>], shown: &[bool], answers: &'a Answers) -> Vec<Value<'a>> {
    columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let q = col.question;
            if shown.get(i) != Some(&true) {
                return Value::Hidden;
            }
            match (answers.get(&q.key), col.kind) {
                (None, _) => Value::Empty,
                (Some(Answer::YesNo { comment, .. }), ColumnKind::Comment) => {
                    comment.as_deref().map_or(Value::Empty, Value::Text)
                }
                (Some(_), ColumnKind::Comment) => Value::Empty,
                (Some(answer), ColumnKind::Answer) => cell(q, answer),
            }
        })
        .collect()
}

/// An answer's cell.
fn cell<'a>(q: &Question, answer: &'a Answer) -> Value<'a> {
    match answer {
        Answer::Choice(key) => Value::Code(Cow::Borrowed(key)),
        Answer::Choices(keys) => {
            // In the question's order, whatever order they were stored in.
            let order = q.option_keys();
            let mut sorted: Vec<&String> = keys.iter().collect();
            sorted.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
            Value::Code(Cow::Owned(
                sorted.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(";"),
            ))
        }
        Answer::Number(n) => Value::Number(*n),
        Answer::Text(text) => Value::Text(text),
        Answer::YesNo { value, .. } => Value::Code(Cow::Borrowed(if *value { "yes" } else { "no" })),
    }
}

#[cfg(test)]
mod tests;
