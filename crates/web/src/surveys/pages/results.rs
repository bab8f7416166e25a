//! `/rounds/{id}/results`: a round's results (*enkätresultat*) as a page,
//! filtered by a GET form (selection, language, channel, merged scale
//! steps, a round to compare with, the trend), so a view can be linked.
//! Per question: the number of answers, the distribution as counts and
//! whole percent in a table beside an SVG chart, the highest and lowest
//! option and the mean; a hidden breakdown shows a note and no numbers.
//! `/rounds/{id}/results/texts`: a centre's free texts to one question.

mod series;
mod view;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use samverka_app::Error;
use samverka_app::surveys::results::{self, ResultsFilter, ResultsQuery};
use samverka_core::code::Coded;
use samverka_core::surveys::breakdown::{Merge, Selection};
use samverka_core::surveys::results::Shown;
use samverka_core::surveys::round::Channel;
use serde::Deserialize;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::render::html;

pub use view::ResultsView;

/// The results pages.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rounds/{id}/results", get(show_results))
        .route("/rounds/{id}/results/texts", get(show_texts))
}

/// The filter form's fields, as the query string has them.
#[derive(Debug, Default, Deserialize)]
struct Params {
    /// `region`, `m{id}` (a municipality) or `c{id}` (a centre).
    at: Option<String>,
    language: Option<String>,
    channel: Option<String>,
    merge: Option<String>,
    compare: Option<String>,
    trend: Option<String>,
}

/// A field's value, `None` when empty.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The selection a form value names.
fn selection(code: &str) -> Option<Selection> {
    if code == "region" {
        return Some(Selection::Region);
    }
    let (kind, id) = code.split_at_checked(1)?;
    let id: i64 = id.parse().ok()?;
    match kind {
        "m" => Some(Selection::Municipality(id)),
        "c" => Some(Selection::Centre(id)),
        _ => None,
    }
}

/// The form value of a selection.
pub(crate) fn selection_code(s: Selection) -> String {
    match s {
        Selection::Region => "region".into(),
        Selection::Municipality(id) => format!("m{id}"),
        Selection::Centre(id) => format!("c{id}"),
    }
}

/// The query the form asks for; a value that is none of the choices is
/// refused with its field named.
fn query(p: &Params) -> Result<ResultsQuery, Error> {
    let mut errors = samverka_core::FieldErrors::default();
    let at = given(&p.at).map(|v| selection(v).ok_or(()));
    let channel = given(&p.channel).map(|v| Channel::from_code(v).ok_or(()));
    let merge = given(&p.merge).map(|v| Merge::from_code(v).ok_or(()));
    let compare = given(&p.compare).map(|v| v.parse::<i64>().map_err(|_| ()));
    for (field, bad) in [
        ("at", matches!(at, Some(Err(())))),
        ("channel", matches!(channel, Some(Err(())))),
        ("merge", matches!(merge, Some(Err(())))),
        ("compare", matches!(compare, Some(Err(())))),
    ] {
        if bad {
            errors.add(field, "invalid-choice");
        }
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    Ok(ResultsQuery {
        filter: ResultsFilter {
            selection: at.and_then(Result::ok),
            language: given(&p.language).map(str::to_string),
            channel: channel.and_then(Result::ok),
        },
        merge: merge.and_then(Result::ok).unwrap_or_default(),
        compare: compare.and_then(Result::ok),
        trend: given(&p.trend).is_some(),
    })
}

async fn show_results(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(p): Query<Params>,
) -> Result<Response, PageError> {
    let q = query(&p)?;
    let results = results::page(&user, id, &q).await?;
    let manage = user.actor.can_manage_region(results.counted.round.region_id);
    html(view::build(page, &results, manage))
}

#[derive(Debug, Deserialize)]
struct TextParams {
    question: String,
    centre: i64,
}

/// One free text as the list shows it.
struct TextLine {
    text: String,
    lang: String,
    answer: Option<String>,
}

#[derive(Template)]
#[template(path = "surveys/results_texts.html")]
struct TextsPage {
    page: Page,
    round_id: i64,
    round_title: String,
    centre_id: i64,
    question: String,
    /// `None` when hidden.
    texts: Option<Vec<TextLine>>,
}

async fn show_texts(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(p): Query<TextParams>,
) -> Result<Response, PageError> {
    let found = results::centre_texts(&user, id, &p.question, p.centre).await?;
    let t = page.t;
    let lang = t.lang.code();
    let texts = match found.texts {
        Shown::Value(list) => Some(
            list.into_iter()
                .map(|x| TextLine {
                    text: x.text,
                    lang: x.language,
                    answer: x.option_key.map(|k| t.t(&format!("res-yes-no-{k}"))),
                })
                .collect(),
        ),
        Shown::Suppressed => None,
    };
    let title = t.t1("res-texts-title", "centre", &found.centre);
    html(TextsPage {
        page: page.titled(title),
        round_id: id,
        round_title: found.round.title,
        centre_id: p.centre,
        question: found.question.text.get(lang).to_string(),
        texts,
    })
}
