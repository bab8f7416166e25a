//! `/instruments/versions/{id}/preview`: a version as a respondent sees it,
//! page by page with its routing, through the same pages and checks as a
//! real response (`answer::step_through`), marked as a preview; posting goes
//! back to the preview and nothing is ever stored.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use samverka_app::surveys::editor::{self as app, VersionView};
use samverka_core::surveys::response::Answers;
use serde::Deserialize;

use super::{back_href, edit_href, version_name};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::surveys::pages::answer::{Step, language, page_for, step_through, thanks};
use crate::surveys::pages::respond::PreviewFrame;
use crate::ui::Page;

/// `?lang=` and `?page=` (a block's key) of the preview.
#[derive(Debug, Default, Deserialize)]
pub(super) struct PreviewQuery {
    lang: Option<String>,
    page: Option<String>,
}

fn action(id: i64) -> String {
    format!("/instruments/versions/{id}/preview")
}

/// The banner over each page: what this is, and the way back.
fn frame(user: &CurrentUser, page: &Page, v: &VersionView) -> PreviewFrame {
    let t = page.t;
    let back = if v.editable() {
        (edit_href(v.version.id), t.t("preview-back-to-editor"))
    } else {
        (back_href(user, v), t.t("preview-back-to-list"))
    };
    PreviewFrame {
        lang: t.lang.code(),
        heading: t.t("preview-heading"),
        text: t.t1("preview-text", "name", version_name(&t, v)),
        back,
        csrf: page.csrf.clone(),
    }
}

fn render(status: StatusCode, page: impl Template) -> Result<Response, PageError> {
    Ok((status, Html(page.render()?)).into_response())
}

/// `GET /instruments/versions/{id}/preview?lang=ar&page=start`: the first
/// page (or the page of the block asked for, when it is one with no
/// answers given) in the language asked for (Swedish when the survey has
/// no such language).
pub(super) async fn preview_version(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<PreviewQuery>,
) -> Result<Response, PageError> {
    let v = app::open(&user, id).await?;
    let def = &v.version.definition;
    let lang = language(def, q.lang.as_deref(), None);
    let block = q.page.unwrap_or_default();
    let mut survey = page_for(def, &Answers::new(), &block, &lang, &[], &action(id))?;
    survey.preview = Some(frame(&user, &page, &v));
    render(StatusCode::OK, survey)
}

/// `POST /instruments/versions/{id}/preview`: the next or previous page,
/// or the end as the respondent would read it; nothing is stored.
pub(super) async fn preview_step(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Form(mut fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let v = app::open(&user, id).await?;
    // The form's own token is not an answer (the first field of its name).
    if let Some(at) = fields.iter().position(|(k, _)| k == "csrf") {
        fields.remove(at);
    }
    let def = &v.version.definition;
    match step_through(def, &fields, &action(id))? {
        Step::Show(mut survey, status) => {
            survey.preview = Some(frame(&user, &page, &v));
            render(status, *survey)
        }
        Step::Done { lang, answers } => {
            let mut end = thanks(def, &lang, &answers);
            end.preview = Some(frame(&user, &page, &v));
            render(StatusCode::OK, end)
        }
    }
}
