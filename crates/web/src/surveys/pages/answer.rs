//! Answering a survey through a centre's anonymous link (`/s/{code}`): one
//! block per page, back and forward keeping every answer in hidden fields,
//! the whole response checked and stored when the last page is sent. No
//! session, no cookie, no login, no script: the route sits outside the
//! session and CSRF layers (a cross-site post could only send an answer
//! anyone may send; the origin check still refuses other sites' posts).

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use samverka_app::Error;
use samverka_app::surveys::responses::{self, Survey};
use samverka_core::surveys::definition::{Block, Definition, is_rtl};
use samverka_core::surveys::response::{AnswerError, Answers, from_form, validate_page};
use samverka_core::surveys::routing::route;
use serde::Deserialize;
use serde_json::Map;

use super::respond::{PreviewFrame, SurveyPage, Words, answer_errors};
use crate::http::error::PageError;
use crate::state::AppState;

/// A message in the respondent's language: thanks, or a closed survey.
#[derive(Template)]
#[template(path = "surveys/message.html")]
pub(crate) struct MessagePage {
    lang: String,
    dir: &'static str,
    title: String,
    heading: String,
    text: Vec<String>,
    /// Set when the survey is a preview for someone editing it.
    pub(crate) preview: Option<PreviewFrame>,
}

/// `?lang=` on the first page.
#[derive(Debug, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

/// The survey's language for a request: the one asked for (`?lang=`, a
/// form's `_lang`) if the survey has it, else the first of the browser's
/// languages (`Accept-Language` of `headers`; `None` where the browser's
/// languages do not count, as on the paper forms staff print and key in)
/// that the survey has, else Swedish.
pub(super) fn language(def: &Definition, asked: Option<&str>, headers: Option<&HeaderMap>) -> String {
    let has = |tag: &str| def.language(tag).is_some();
    if let Some(tag) = asked.map(str::trim).filter(|t| has(t)) {
        return tag.to_string();
    }
    let accepted = headers
        .and_then(|h| h.get(header::ACCEPT_LANGUAGE))
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    accepted
        .split(',')
        .filter_map(|part| part.split(';').next())
        .map(str::trim)
        .flat_map(|tag| [tag.to_string(), tag.split('-').next().unwrap_or(tag).to_string()])
        .find(|tag| has(tag))
        .unwrap_or_else(|| "sv".to_string())
}

fn html(status: StatusCode, page: impl Template) -> Result<Response, PageError> {
    Ok((status, Html(page.render()?)).into_response())
}

fn message(def: &Definition, lang: &str, heading: String, text: Vec<String>) -> MessagePage {
    MessagePage {
        lang: lang.to_string(),
        dir: if is_rtl(lang) { "rtl" } else { "ltr" },
        title: def.title.get(lang).to_string(),
        heading,
        text,
        preview: None,
    }
}

/// The thanks after the last page, with the closing text the route ends
/// in (a screening question's own, or the survey's).
pub(crate) fn thanks(def: &Definition, lang: &str, answers: &Answers) -> MessagePage {
    let words = Words::new(lang);
    let closing = route(def, answers).closing().map(|t| t.get(lang).to_string());
    let text = vec![closing.unwrap_or_else(|| words.t("survey-thanks"))];
    message(def, lang, words.t("survey-thanks-title"), text)
}

/// A survey that is not open, or a personal link used already, in the
/// words of its respondents' language.
fn not_open(e: Error) -> Result<Response, PageError> {
    match e {
        Error::Conflict(code @ ("round-not-open" | "round-closed" | "token-used")) => {
            let words = Words::new("sv");
            let heading = if code == "token-used" {
                words.t("survey-used")
            } else {
                words.t("survey-closed")
            };
            Ok((
                StatusCode::CONFLICT,
                Html(
                    MessagePage {
                        lang: "sv".into(),
                        dir: "ltr",
                        title: "samverka".into(),
                        heading,
                        text: Vec::new(),
                        preview: None,
                    }
                    .render()?,
                ),
            )
                .into_response())
        }
        other => Err(other.into()),
    }
}

/// Where a respondent came from: a centre's anonymous link, or a personal
/// invitation's one-time token.
#[derive(Debug, Clone)]
pub enum Source {
    /// `/s/{code}`.
    Link(String),
    /// `/i/{token}`.
    Token(String),
}

impl Source {
    async fn survey(&self, state: &AppState) -> Result<Survey, Error> {
        match self {
            Source::Link(code) => responses::by_link(&state.app, code).await,
            Source::Token(token) => responses::by_token(&state.app, token).await,
        }
    }

    async fn submit(
        &self,
        state: &AppState,
        lang: &str,
        raw: &Map<String, serde_json::Value>,
    ) -> Result<(), Error> {
        match self {
            Source::Link(code) => responses::submit_by_link(&state.app, code, lang, raw).await,
            Source::Token(token) => responses::submit_by_token(&state.app, token, lang, raw).await,
        }
    }

    /// Where the pages post.
    fn action(&self) -> String {
        match self {
            Source::Link(code) => format!("/s/{code}"),
            Source::Token(token) => format!("/i/{token}"),
        }
    }
}

/// `GET /s/{code}`.
pub async fn start_link(
    state: State<AppState>,
    Path(code): Path<String>,
    q: Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    start(state, Source::Link(code), q, headers).await
}

/// `GET /i/{token}`.
pub async fn start_invited(
    state: State<AppState>,
    Path(token): Path<String>,
    q: Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    start(state, Source::Token(token), q, headers).await
}

/// `POST /s/{code}`.
pub async fn step_link(
    state: State<AppState>,
    Path(code): Path<String>,
    parts: axum::http::request::Parts,
    form: Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    step(state, Source::Link(code), parts, form).await
}

/// `POST /i/{token}`.
pub async fn step_invited(
    state: State<AppState>,
    Path(token): Path<String>,
    parts: axum::http::request::Parts,
    form: Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    step(state, Source::Token(token), parts, form).await
}

/// The first page.
async fn start(
    State(state): State<AppState>,
    source: Source,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let survey = match source.survey(&state).await {
        Ok(s) => s,
        Err(e) => return not_open(e),
    };
    let lang = language(&survey.definition, q.lang.as_deref(), Some(&headers));
    let answers = Answers::new();
    let r = route(&survey.definition, &answers);
    let first = r
        .first_page()
        .map(|p| p.block.key.clone())
        .ok_or(PageError::BadRequest)?;
    let page = SurveyPage::build(
        &survey.definition,
        &lang,
        &r,
        &first,
        &answers,
        &[],
        source.action(),
    )
    .ok_or(PageError::BadRequest)?;
    html(StatusCode::OK, page)
}

/// The answers of one block's questions in a post's answers.
fn on_page(raw: &Map<String, serde_json::Value>, block: &Block) -> Map<String, serde_json::Value> {
    raw.iter()
        .filter(|(k, _)| block.questions.iter().any(|q| &q.key == *k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// The answers a post carries for the blocks other than `except`, page by
/// page in order: each page's answers checked against those before it; a
/// page whose answers do not hold up (changed by hand) is dropped, to be
/// asked again.
fn answers_so_far(
    def: &Definition,
    lang: &str,
    raw: &Map<String, serde_json::Value>,
    except: &str,
) -> Answers {
    let mut answers = Answers::new();
    for block in def.blocks.iter().filter(|b| b.key != except) {
        let page = on_page(raw, block);
        if page.is_empty() {
            continue;
        }
        if let Ok(next) = validate_page(def, lang, &answers, &block.key, &page) {
            answers = next;
        }
    }
    answers
}

/// Where a post of one survey page leads.
pub(crate) enum Step {
    /// A page to show (the next, the previous, the same in another
    /// language or with its problems), with its status.
    Show(Box<SurveyPage>, StatusCode),
    /// The last page was sent and every page holds: the whole response,
    /// in its language.
    Done {
        /// The language answered in.
        lang: String,
        /// Every answer.
        answers: Answers,
    },
}

/// The page `block` of `def` under `answers` (the first page when `block`
/// is not one under them), posting to `action`.
pub(crate) fn page_for(
    def: &Definition,
    answers: &Answers,
    block: &str,
    lang: &str,
    errors: &[AnswerError],
    action: &str,
) -> Result<SurveyPage, PageError> {
    let r = route(def, answers);
    SurveyPage::build(def, lang, &r, block, answers, errors, action.to_string())
        .or_else(|| {
            let first = r.first_page()?.block.key.clone();
            SurveyPage::build(def, lang, &r, &first, answers, &[], action.to_string())
        })
        .ok_or(PageError::BadRequest)
}

/// Reads the post of one page of `def` (its answers, the earlier pages'
/// carried along, and the button pressed) and decides where it leads,
/// through the same checks page by page as the whole response gets.
pub(crate) fn step_through(
    def: &Definition,
    fields: &[(String, String)],
    action: &str,
) -> Result<Step, PageError> {
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let mut lang = language(def, field("_lang"), None);
    let page = field("_page")
        .and_then(|b| def.block(b))
        .ok_or(PageError::BadRequest)?;
    let block = page.key.clone();
    let raw = from_form(def, fields);
    let earlier = answers_so_far(def, &lang, &raw, &block);
    let checked = validate_page(def, &lang, &earlier, &block, &on_page(&raw, page));
    let show = |answers: &Answers, block: &str, lang: &str, errors: &[AnswerError], status: StatusCode| {
        let page = page_for(def, answers, block, lang, errors, action)?;
        Ok(Step::Show(Box::new(page), status))
    };

    // Another language: the same page, as typed, nothing checked.
    if let Some(to) = field("_switch").filter(|l| def.language(l).is_some()) {
        lang = to.to_string();
        let answers = checked.unwrap_or_else(|refused| refused.answers);
        return show(&answers, &block, &lang, &[], StatusCode::OK);
    }
    if field("_go") == Some("back") {
        let answers = checked.unwrap_or_else(|refused| refused.answers);
        let r = route(def, &answers);
        let before = r
            .page_before(&block)
            .map(|p| p.block.key.clone())
            .unwrap_or(block.clone());
        return show(&answers, &before, &lang, &[], StatusCode::OK);
    }
    let answers = match checked {
        Ok(a) => a,
        Err(refused) => {
            return show(
                &refused.answers,
                &block,
                &lang,
                &refused.errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let r = route(def, &answers);
    let ends_here = r.end().is_some_and(|e| e.block.key == block);
    if let (Some(next), false) = (r.page_after(&block), ends_here) {
        let next = next.block.key.clone();
        return show(&answers, &next, &lang, &[], StatusCode::OK);
    }
    Ok(Step::Done { lang, answers })
}

/// A post: the next or previous page, the same page in another language or
/// with its problems, or — after the last page — the response stored and
/// thanks.
async fn step(
    State(state): State<AppState>,
    source: Source,
    parts: axum::http::request::Parts,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let survey: Survey = match source.survey(&state).await {
        Ok(s) => s,
        Err(e) => return not_open(e),
    };
    let def = &survey.definition;
    let action = source.action();
    let (lang, answers) = match step_through(def, &fields, &action)? {
        Step::Show(page, status) => return html(status, *page),
        Step::Done { lang, answers } => (lang, answers),
    };
    // The last page: the whole response, unless this address has sent
    // too many in the last minute.
    let address = crate::http::client::address(&parts, &state.config.trusted_proxies);
    state.submit_allowed(address).map_err(PageError::TooMany)?;
    match source.submit(&state, &lang, &answers.to_raw()).await {
        Ok(()) => html(StatusCode::OK, thanks(def, &lang, &answers)),
        Err(Error::InvalidAt(errors)) => {
            // Someone changed an earlier page's hidden answers: ask again,
            // saying what is wrong with each.
            let errors = answer_errors(errors);
            let first = route(def, &answers)
                .first_page()
                .map(|p| p.block.key.clone())
                .unwrap_or_default();
            let page = page_for(def, &answers, &first, &lang, &errors, &action)?;
            html(StatusCode::UNPROCESSABLE_ENTITY, page)
        }
        Err(e) => not_open(e),
    }
}
