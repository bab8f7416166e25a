//! Paper forms (*pappersenkäter*): a round's survey as a clean printable
//! form in each of its languages, with the routing written out ("answer
//! only if…"), and the page where staff key in the answers of a paper form
//! through the same validation as every other response, marked as paper.

use askama::Template;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use samverka_app::Error;
use samverka_app::surveys::responses::submit_paper;
use samverka_app::surveys::rounds::{self, RoundView};
use samverka_core::surveys::definition::{Condition, Definition, Question, is_rtl};
use samverka_core::surveys::response::{AnswerError, from_form, read};
use serde::Deserialize;
use tower_sessions::Session;

use super::answer::language;
use super::respond::{QuestionView, Words, answer_errors, question_view};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::forms::{error_for, field_messages};
use crate::ui::page::flash;
use crate::ui::render::{html, invalid, see_other};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rounds/{id}/paper", get(print_form))
        .route("/rounds/{id}/paper/new", get(entry_form).post(enter))
}

/// `?lang=` and `?centre=`.
#[derive(Debug, Deserialize)]
pub struct PaperQuery {
    lang: Option<String>,
    centre: Option<i64>,
}

/// Writes a condition out in words, naming questions by their numbers on
/// the form.
struct Describer<'a> {
    def: &'a Definition,
    lang: &'a str,
    words: &'a Words,
}

impl Describer<'_> {
    fn number(&self, key: &str) -> String {
        self.def
            .questions()
            .position(|q| q.key == key)
            .map_or_else(|| key.to_string(), |i| (i + 1).to_string())
    }

    fn option(&self, question: &str, key: &str) -> String {
        let text = self
            .def
            .question(question)
            .and_then(|q| {
                q.options()
                    .iter()
                    .find(|o| o.key == key)
                    .map(|o| o.text.get(self.lang).to_string())
            })
            .unwrap_or_else(|| key.to_string());
        format!("«{text}»")
    }

    fn describe(&self, c: &Condition, nested: bool) -> String {
        let w = self.words;
        match c {
            Condition::Equals { question, value } => w.args(
                "paper-if-equals",
                &[
                    ("question", self.number(question)),
                    ("option", self.option(question, value)),
                ],
            ),
            Condition::NotEquals { question, value } => w.args(
                "paper-if-not-equals",
                &[
                    ("question", self.number(question)),
                    ("option", self.option(question, value)),
                ],
            ),
            Condition::AnyOf { question, values } => {
                let options: Vec<String> = values.iter().map(|v| self.option(question, v)).collect();
                w.args(
                    "paper-if-any-of",
                    &[
                        ("question", self.number(question)),
                        ("options", options.join(", ")),
                    ],
                )
            }
            Condition::Answered { question, answered } => w.args(
                if *answered {
                    "paper-if-answered"
                } else {
                    "paper-if-not-answered"
                },
                &[("question", self.number(question))],
            ),
            Condition::All(list) | Condition::Any(list) => {
                let joiner = if matches!(c, Condition::All(_)) {
                    w.t("paper-and")
                } else {
                    w.t("paper-or")
                };
                let parts: Vec<String> = list.iter().map(|c| self.describe(c, true)).collect();
                let joined = parts.join(&format!(" {joiner} "));
                if nested && parts.len() > 1 {
                    format!("({joined})")
                } else {
                    joined
                }
            }
        }
    }
}

/// One question on the printed form.
struct PaperQuestion {
    number: usize,
    view: QuestionView,
    only_if: Option<String>,
    ends_if: Option<String>,
    range: Option<String>,
}

struct PaperBlock {
    title: Option<String>,
    only_if: Option<String>,
    questions: Vec<PaperQuestion>,
}

#[derive(Template)]
#[template(path = "surveys/paper.html")]
struct PaperPage {
    lang: String,
    dir: &'static str,
    title: String,
    intro: Option<String>,
    centre: Option<String>,
    blocks: Vec<PaperBlock>,
    closing: String,
    other_languages: Vec<(String, String, &'static str, String)>,
    words: Words,
    /// The reader's language, for the link back (the form is in `lang`).
    ui_lang: &'static str,
    back: String,
    back_href: String,
}

fn paper_question(d: &Describer<'_>, number: usize, q: &Question) -> PaperQuestion {
    let words = d.words;
    let range = match (q.min, q.max) {
        (Some(min), Some(max)) => Some(words.args(
            "paper-range",
            &[("min", min.to_string()), ("max", max.to_string())],
        )),
        _ => None,
    };
    PaperQuestion {
        number,
        view: question_view(q, d.lang, &Default::default(), None),
        only_if: q
            .show_if
            .as_ref()
            .map(|c| words.args("paper-only-if", &[("condition", d.describe(c, false))])),
        ends_if: q
            .end_survey_if
            .as_ref()
            .map(|c| words.args("paper-ends-if", &[("condition", d.describe(c, false))])),
        range,
    }
}

/// `GET /rounds/{id}/paper?lang=&centre=`: the survey as a paper form.
async fn print_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<PaperQuery>,
) -> Result<Response, PageError> {
    let v = rounds::view(&user, id).await?;
    let def = &v.version.definition;
    let lang = language(def, q.lang.as_deref(), None);
    let words = Words::new(&lang);
    let describer = Describer {
        def,
        lang: &lang,
        words: &words,
    };
    let mut number = 0;
    let blocks = def
        .blocks
        .iter()
        .map(|b| PaperBlock {
            title: b.title.as_ref().map(|t| t.get(&lang).to_string()),
            only_if: b.show_if.as_ref().map(|c| {
                words.args(
                    "paper-block-only-if",
                    &[("condition", describer.describe(c, false))],
                )
            }),
            questions: b
                .questions
                .iter()
                .map(|q| {
                    number += 1;
                    paper_question(&describer, number, q)
                })
                .collect(),
        })
        .collect();
    let centre = q.centre.and_then(|c| v.centre(c)).map(|c| c.name.clone());
    let t = page.t;
    html(PaperPage {
        dir: if is_rtl(&lang) { "rtl" } else { "ltr" },
        title: def.title.get(&lang).to_string(),
        intro: def.intro.as_ref().map(|t| t.get(&lang).to_string()),
        centre,
        blocks,
        closing: def
            .closing
            .as_ref()
            .map(|t| t.get(&lang).to_string())
            .unwrap_or_else(|| words.t("survey-thanks")),
        other_languages: def
            .languages
            .iter()
            .filter(|l| l.tag() != lang)
            .map(|l| {
                let href = match q.centre {
                    Some(c) => format!("/rounds/{id}/paper?lang={}&centre={c}", l.tag()),
                    None => format!("/rounds/{id}/paper?lang={}", l.tag()),
                };
                (
                    href,
                    Words::new(l.tag()).t("survey-language-name"),
                    l.dir(),
                    l.tag().to_string(),
                )
            })
            .collect(),
        lang,
        words,
        ui_lang: t.lang.code(),
        back: t.t("poster-back"),
        back_href: format!("/rounds/{id}"),
    })
}

#[derive(Template)]
#[template(path = "surveys/paper_entry.html")]
struct EntryPage {
    page: Page,
    action: String,
    cancel: String,
    lang: String,
    dir: &'static str,
    centre: String,
    centres: Vec<(String, String)>,
    languages: Vec<(String, String)>,
    questions: Vec<(usize, QuestionView)>,
    summary: Vec<(String, String, String)>,
    errors: Vec<(&'static str, String)>,
    words: Words,
}

impl EntryPage {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

/// The entry form for a round, with what was typed and its problems.
fn entry_page(
    page: Page,
    v: &RoundView,
    lang: String,
    centre: String,
    fields: &[(String, String)],
    answer_problems: &[AnswerError],
    errors: Vec<(&'static str, String)>,
) -> EntryPage {
    let t = page.t;
    let def = &v.version.definition;
    let words = Words::new(&lang);
    let answers = read(def, &from_form(def, fields));
    let message = |key: &str| {
        answer_problems
            .iter()
            .find(|e| e.question.as_deref() == Some(key))
            .map(|e| words.error(e.code))
    };
    let questions: Vec<(usize, QuestionView)> = def
        .questions()
        .enumerate()
        .map(|(i, q)| (i + 1, question_view(q, &lang, &answers, message(&q.key))))
        .collect();
    let summary = questions
        .iter()
        .filter_map(|(n, q)| {
            q.error
                .clone()
                .map(|m| (q.key.clone(), format!("{n}. {}", q.text), m))
        })
        .collect();
    let id = v.round.id;
    EntryPage {
        page: page
            .titled(t.t1("paper-entry-title", "round", &v.round.title))
            .in_region(v.region.id, &v.region.name, v.can_manage, "rounds"),
        action: format!("/rounds/{id}/paper/new"),
        cancel: format!("/rounds/{id}"),
        dir: if is_rtl(&lang) { "rtl" } else { "ltr" },
        centres: v
            .centres
            .iter()
            .filter(|c| c.can_enter_paper)
            .map(|c| (c.centre_id.to_string(), c.name.clone()))
            .collect(),
        languages: def
            .languages
            .iter()
            .map(|l| (l.tag().to_string(), Words::new(l.tag()).t("survey-language-name")))
            .collect(),
        centre,
        lang,
        questions,
        summary,
        errors,
        words,
    }
}

/// `GET /rounds/{id}/paper/new?centre=&lang=`: an empty entry form.
async fn entry_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<PaperQuery>,
) -> Result<Response, PageError> {
    let v = rounds::view(&user, id).await?;
    if !v.centres.iter().any(|c| c.can_enter_paper) {
        return Err(Error::Forbidden.into());
    }
    let lang = language(&v.version.definition, q.lang.as_deref(), None);
    let centre = q.centre.map(|c| c.to_string()).unwrap_or_default();
    html(entry_page(page, &v, lang, centre, &[], &[], Vec::new()))
}

/// `POST /rounds/{id}/paper/new`: one paper form's answers; after saving,
/// an empty form for the next one at the same centre and in the same
/// language.
async fn enter(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(mut fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    // The form's own fields start with `_`; the CSRF token is checked already.
    fields.retain(|(k, _)| k != "csrf");
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let v = rounds::view(&user, id).await?;
    let def = &v.version.definition;
    let lang = language(def, field("_lang").as_deref(), None);
    let centre = field("_centre").unwrap_or_default();
    let t = page.t;
    let Ok(centre_id) = centre.trim().parse::<i64>() else {
        let errors = vec![("centre_id", t.t("field-error-required"))];
        return invalid(entry_page(page, &v, lang, centre, &fields, &[], errors));
    };
    let raw = from_form(def, &fields);
    match submit_paper(&user, id, centre_id, &lang, &raw).await {
        Ok(()) => {
            flash(&session, t.t("paper-flash-saved")).await;
            Ok(see_other(&format!(
                "/rounds/{id}/paper/new?centre={centre_id}&lang={lang}"
            )))
        }
        Err(Error::InvalidAt(problems)) => {
            let problems = answer_errors(problems);
            invalid(entry_page(page, &v, lang, centre, &fields, &problems, Vec::new()))
        }
        Err(Error::Invalid(errors)) => {
            let messages = field_messages(&t, &errors);
            invalid(entry_page(page, &v, lang, centre, &fields, &[], messages))
        }
        Err(e) => Err(e.into()),
    }
}
