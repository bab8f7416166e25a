//! `/api/v1/rounds/{id}/results` and `/texts`: a round's results per
//! question and its free texts, read only through the results use case,
//! which hides every breakdown with too few answers (and any that would
//! reveal one by subtraction).

use axum::Json;
use axum::extract::{Path, Query};
use samverka_app::Error;
use samverka_app::surveys::results::{self, ResultsFilter};
use samverka_app::surveys::rounds;
use samverka_core::surveys::breakdown::{QuestionResult, Selection};
use samverka_core::surveys::results::{Choice, Shown};
use samverka_core::surveys::round::Channel;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::api_error::{ApiError, ErrorBody};
use crate::http::extract::ApiUser;

/// Which responses to count.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ResultsQuery {
    /// Only responses through this centre's link (or invitations and paper forms for it).
    pub centre: Option<i64>,
    /// Only responses for this municipality's centres (not with `centre`).
    pub municipality: Option<i64>,
    /// Only responses in this language (a tag such as `sv` or `ar`).
    pub language: Option<String>,
    /// Only responses that came in this way: `link`, `invitation` or `paper`.
    pub channel: Option<String>,
}

/// One option's share.
#[derive(Debug, Serialize, ToSchema)]
pub struct OptionResultJson {
    /// The option's key.
    pub key: String,
    /// How many chose it.
    pub count: u32,
    /// Whole percent of `n`, rounded half up.
    pub percent: u32,
}

/// One question's result.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionResultJson {
    /// The question's key (the same key trends across versions).
    pub key: String,
    /// Its type (`single_choice`, `scale5`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// `true` when too few answered to show anything (or showing it would
    /// reveal another small group): then there are no numbers at all.
    pub suppressed: bool,
    /// How many answered it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// `single` (one option per answer: shares of the answers) or
    /// `multiple` (several per answer: shares of those who answered).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// The options in their order, with counts and shares (questions with options only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<OptionResultJson>>,
    /// The option or options chosen most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highest: Option<Vec<String>>,
    /// The option or options chosen least.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lowest: Option<Vec<String>>,
    /// What the rounded shares add up to, when it is not 100 (single choice only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent_total: Option<u32>,
}

/// Which part of the round is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct SelectionJson {
    /// `region`, `municipality` or `centre`.
    pub level: String,
    /// The municipality's or centre's id.
    pub id: Option<i64>,
}

/// A round's results.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsJson {
    /// The round.
    pub round_id: i64,
    /// The survey it asked.
    pub instrument_id: i64,
    /// The number of the version the results come from.
    pub version: i64,
    /// What is shown.
    pub selection: SelectionJson,
    /// The language filter, if any.
    pub language: Option<String>,
    /// The channel filter, if any.
    pub channel: Option<String>,
    /// The fewest answers a breakdown must have to be shown.
    pub threshold: u32,
    /// Every question, in the survey's order.
    pub questions: Vec<QuestionResultJson>,
}

/// The question and centre whose free texts to read.
#[derive(Debug, Deserialize, IntoParams)]
pub struct TextsQuery {
    /// The question's key (a text question, or a yes/no question's comments).
    pub question: String,
    /// The centre.
    pub centre: i64,
}

/// One free text.
#[derive(Debug, Serialize, ToSchema)]
pub struct TextJson {
    /// The language it was written in.
    pub language: String,
    /// For a comment to a yes/no question: `yes` or `no`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// The text.
    pub text: String,
}

/// A question's free texts at a centre.
#[derive(Debug, Serialize, ToSchema)]
pub struct TextsJson {
    /// The round.
    pub round_id: i64,
    /// The question.
    pub question: String,
    /// The centre.
    pub centre_id: i64,
    /// `true` when too few answered at the centre: then no text is given.
    pub suppressed: bool,
    /// The texts, in alphabetical order (never the order they came in).
    pub texts: Vec<TextJson>,
}

fn question_json(q: QuestionResult) -> QuestionResultJson {
    let mut out = QuestionResultJson {
        key: q.key,
        kind: q.kind.code().to_string(),
        suppressed: true,
        n: None,
        choice: None,
        options: None,
        highest: None,
        lowest: None,
        percent_total: None,
    };
    let n = match q.answered {
        Shown::Value(n) => n,
        Shown::Suppressed => return out,
    };
    match q.shares {
        None => {}
        Some(Shown::Suppressed) => return out,
        Some(Shown::Value(shares)) => {
            out.choice = Some(
                match shares.choice {
                    Choice::Single => "single",
                    Choice::Multiple => "multiple",
                }
                .to_string(),
            );
            out.options = Some(
                shares
                    .rows
                    .into_iter()
                    .map(|r| OptionResultJson {
                        key: r.key,
                        count: r.count,
                        percent: r.percent,
                    })
                    .collect(),
            );
            out.highest = Some(shares.highest);
            out.lowest = Some(shares.lowest);
            out.percent_total = shares.rounding.map(|r| r.total);
        }
    }
    out.suppressed = false;
    out.n = Some(n);
    out
}

fn selection_json(s: Selection) -> SelectionJson {
    let (level, id) = match s {
        Selection::Region => ("region", None),
        Selection::Municipality(id) => ("municipality", Some(id)),
        Selection::Centre(id) => ("centre", Some(id)),
    };
    SelectionJson {
        level: level.to_string(),
        id,
    }
}

/// A round's results per question, for the region, a municipality or a
/// centre, perhaps of one language or channel. A local coordinator reads
/// their own centres only (403 otherwise).
#[utoipa::path(get, path = "/rounds/{id}/results", tag = "surveys",
    params(("id" = i64, Path, description = "The round's id"), ResultsQuery),
    responses((status = 200, body = ResultsJson), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn round_results(
    api: ApiUser,
    Path(id): Path<i64>,
    Query(q): Query<ResultsQuery>,
) -> Result<Json<ResultsJson>, ApiError> {
    let selection = match (q.centre, q.municipality) {
        (Some(_), Some(_)) => return Err(Error::field("municipality", "one-or-other").into()),
        (Some(c), None) => Selection::Centre(c),
        (None, Some(m)) => Selection::Municipality(m),
        (None, None) => Selection::Region,
    };
    let channel = match q.channel.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(Channel::parse(c).ok_or(Error::field("channel", "invalid-choice"))?),
    };
    let language = q.language.map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
    let filter = ResultsFilter {
        selection: Some(selection),
        language: language.clone(),
        channel,
    };
    let found = results::of_round(&api, id, &filter).await?;
    let round = rounds::summary(&api, id).await?;
    Ok(Json(ResultsJson {
        round_id: id,
        instrument_id: round.instrument_id,
        version: round.version,
        selection: selection_json(found.selection),
        language,
        channel: channel.map(|c| c.code().to_string()),
        threshold: found.threshold.get(),
        questions: found.questions.into_iter().map(question_json).collect(),
    }))
}

/// The free texts given at a centre to one question — for those who may
/// read the centre's results, and only when its answers to the question
/// are shown at all.
#[utoipa::path(get, path = "/rounds/{id}/texts", tag = "surveys",
    params(("id" = i64, Path, description = "The round's id"), TextsQuery),
    responses((status = 200, body = TextsJson), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn round_texts(
    api: ApiUser,
    Path(id): Path<i64>,
    Query(q): Query<TextsQuery>,
) -> Result<Json<TextsJson>, ApiError> {
    let shown = results::texts(&api, id, &q.question, q.centre).await?;
    let suppressed = shown.is_suppressed();
    let texts = shown
        .into_value()
        .unwrap_or_default()
        .into_iter()
        .map(|t| TextJson {
            language: t.language,
            answer: t.option_key,
            text: t.text,
        })
        .collect();
    Ok(Json(TextsJson {
        round_id: id,
        question: q.question,
        centre_id: q.centre,
        suppressed,
        texts,
    }))
}
