//! Survey instruments (*enkätformulär*): a region's list of the surveys it
//! may use with their versions, a new survey (from scratch, as a copy, or
//! imported from a JSON document), a new draft of a published survey, the
//! editor, the preview as a respondent sees it, publishing a draft and
//! exporting a version as the JSON document counties share.

mod editor;
mod preview;

use askama::Template;
use axum::extract::{Multipart, Path};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use samverka_app::Error;
use samverka_app::surveys::editor::{self as app, InstrumentLine, VersionView};
use samverka_app::surveys::instruments;
use samverka_core::FieldErrors;
use serde::Deserialize;
use tower_sessions::Session;

use super::rounds::title_in;
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::forms::{error_for, field_messages, message};
use crate::ui::page::flash;
use crate::ui::render::{after_action, after_post, html, invalid};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/instruments", get(list_instruments))
        .route(
            "/regions/{id}/instruments/new",
            get(new_instrument).post(create_instrument),
        )
        .route("/regions/{id}/instruments/copy", post(copy_instrument))
        .route("/regions/{id}/instruments/import", post(import_instrument))
        .route("/instruments/{id}/drafts", post(new_draft))
        .route(
            "/instruments/versions/{id}/edit",
            get(editor::edit_version).post(editor::save_version),
        )
        .route(
            "/instruments/versions/{id}/preview",
            get(preview::preview_version).post(preview::preview_step),
        )
        .route(
            "/instruments/versions/{id}/publish",
            get(confirm_publish).post(publish_version),
        )
        .route("/instruments/versions/{id}/export", get(export_version))
}

fn edit_href(version_id: i64) -> String {
    format!("/instruments/versions/{version_id}/edit")
}

fn list_href(region_id: i64) -> String {
    format!("/regions/{region_id}/instruments")
}

/// Where a version's pages lead back to: its region's list, or for a
/// built-in survey the list of the actor's first region.
fn back_href(user: &CurrentUser, v: &VersionView) -> String {
    let region = v
        .instrument
        .region_id
        .or_else(|| user.actor.grants.iter().find_map(|g| g.region_id));
    region.map_or_else(|| "/".to_string(), list_href)
}

/// The survey's name and version in words: "Besöksenkät, version 2".
fn version_name(t: &Tr, v: &VersionView) -> String {
    t.t2(
        "round-survey-version",
        ("survey", &title_in(t, &v.version.definition.title)),
        ("version", &v.version.version),
    )
}

/// The frame of a version's page: in its region's tabs when it has a region.
fn framed(page: Page, title: String, v: &VersionView) -> Page {
    match &v.region {
        Some(r) => page
            .titled(title)
            .in_region(r.id, &r.name, v.may_change, "rounds"),
        None => page.titled(title),
    }
}

struct VersionLine {
    id: i64,
    number: i64,
    state: String,
    draft: bool,
    created: String,
}

struct InstrumentBlock {
    id: i64,
    title: String,
    key: String,
    builtin: bool,
    versions: Vec<VersionLine>,
    may_change: bool,
    /// The newest version is published: a new draft can be made.
    newest_published: Option<i64>,
}

#[derive(Template)]
#[template(path = "surveys/instruments.html")]
struct InstrumentsPage {
    page: Page,
    region_id: i64,
    can_manage: bool,
    instruments: Vec<InstrumentBlock>,
}

fn instrument_block(t: &Tr, line: &InstrumentLine) -> InstrumentBlock {
    let newest = line.versions.last();
    InstrumentBlock {
        id: line.instrument.id,
        title: newest.map_or_else(
            || line.instrument.key.clone(),
            |v| title_in(t, &v.definition.title),
        ),
        key: line.instrument.key.clone(),
        builtin: line.instrument.region_id.is_none(),
        versions: line
            .versions
            .iter()
            .rev()
            .map(|v| VersionLine {
                id: v.id,
                number: v.version,
                state: match v.published_on {
                    Some(day) => t.t1("instrument-published-on", "date", day),
                    None => t.t("instrument-draft"),
                },
                draft: !v.is_published(),
                created: v.created_at.get(..10).unwrap_or_default().to_string(),
            })
            .collect(),
        may_change: line.may_change,
        newest_published: newest.filter(|v| v.is_published()).map(|v| v.id),
    }
}

/// `GET /regions/{id}/instruments`: the surveys the region may use.
async fn list_instruments(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let o = app::overview(&user, id).await?;
    let t = page.t;
    let title = t.t1("instruments-title", "region", &o.region.name);
    html(InstrumentsPage {
        page: page
            .titled(title)
            .in_region(o.region.id, &o.region.name, o.can_manage, "rounds"),
        region_id: o.region.id,
        can_manage: o.can_manage,
        instruments: o.instruments.iter().map(|l| instrument_block(&t, l)).collect(),
    })
}

/// What the forms for a new survey were typed with.
#[derive(Debug, Clone, Default, Deserialize)]
struct Typed {
    #[serde(default)]
    survey_key: String,
    #[serde(default)]
    survey_title: String,
    #[serde(default)]
    first_question: String,
    #[serde(default)]
    copy_version: String,
    #[serde(default)]
    copy_key: String,
    #[serde(default)]
    document: String,
}

struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "surveys/instrument_new.html")]
struct NewPage {
    page: Page,
    region_id: i64,
    form: Typed,
    versions: Vec<Choice>,
    /// Which form the problems are of: `new`, `copy` or `import`.
    posted: &'static str,
    errors: Vec<(&'static str, String)>,
    /// An imported document's problems: where, and what.
    import_errors: Vec<(String, String)>,
}

impl NewPage {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

async fn new_page(
    user: &CurrentUser,
    page: Page,
    region_id: i64,
    form: Typed,
    posted: &'static str,
    errors: Vec<(&'static str, String)>,
    import_errors: Vec<(String, String)>,
) -> Result<NewPage, PageError> {
    let o = app::overview(user, region_id).await?;
    Error::require(o.can_manage)?;
    let t = page.t;
    let versions = o
        .instruments
        .iter()
        .flat_map(|l| l.versions.iter().map(move |v| (l, v)))
        .map(|(l, v)| Choice {
            value: v.id.to_string(),
            label: t.t2(
                if l.instrument.region_id.is_none() {
                    "round-version-builtin"
                } else {
                    "round-survey-version"
                },
                ("survey", &title_in(&t, &v.definition.title)),
                ("version", &v.version),
            ),
            selected: form.copy_version == v.id.to_string(),
        })
        .collect();
    Ok(NewPage {
        page: page
            .titled(t.t("instrument-new-title"))
            .in_region(o.region.id, &o.region.name, true, "rounds"),
        region_id,
        form,
        versions,
        posted,
        errors,
        import_errors,
    })
}

/// `GET /regions/{id}/instruments/new`: a new survey, from scratch, as a
/// copy, or from a JSON document.
async fn new_instrument(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    html(new_page(&user, page, id, Typed::default(), "", Vec::new(), Vec::new()).await?)
}

fn flash_created(t: &Tr) -> impl FnOnce((i64, i64)) -> (String, String) {
    let message = t.t("instrument-flash-created");
    move |(_, version)| (message, edit_href(version))
}

/// What a post of the form for a new survey or of the copy form ends in:
/// the new draft's editor, or the forms again with the problems at the
/// posted form's fields (the use case's field names `renamed`).
#[expect(
    clippy::too_many_arguments,
    reason = "one handler's whole answer, in one place for both forms"
)]
async fn after_new(
    user: &CurrentUser,
    session: &Session,
    page: Page,
    region_id: i64,
    form: Typed,
    posted: &'static str,
    renamed: &[(&str, &'static str)],
    result: Result<(i64, i64), Error>,
) -> Result<Response, PageError> {
    let t = page.t;
    after_post(session, result, flash_created(&t), async |errors: FieldErrors| {
        let errors = field_messages(&t, &errors.renamed(renamed));
        new_page(user, page, region_id, form, posted, errors, Vec::new()).await
    })
    .await
}

/// `POST /regions/{id}/instruments/new`: a new survey from its title and
/// first question, straight into the editor.
async fn create_instrument(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<Typed>,
) -> Result<Response, PageError> {
    let result = app::create(
        &user,
        id,
        &form.survey_key,
        &form.survey_title,
        &form.first_question,
    )
    .await;
    let renamed = [
        ("key", "survey_key"),
        ("title", "survey_title"),
        ("question", "first_question"),
    ];
    after_new(&user, &session, page, id, form, "new", &renamed, result).await
}

/// `POST /regions/{id}/instruments/copy`: a copy of a version, as a new
/// survey (`copy_key` given) or as the region's own version of the same
/// survey (a built-in one's "make our own version").
async fn copy_instrument(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<Typed>,
) -> Result<Response, PageError> {
    let Ok(version) = form.copy_version.trim().parse::<i64>() else {
        let errors = vec![("copy_version", message(&page.t, "invalid-choice"))];
        return invalid(new_page(&user, page, id, form, "copy", errors, Vec::new()).await?);
    };
    // The list's "make our own version" sends no key field at all.
    let key = (!form.copy_key.trim().is_empty()).then_some(form.copy_key.as_str());
    let result = app::copy(&user, id, version, key).await;
    after_new(
        &user,
        &session,
        page,
        id,
        form,
        "copy",
        &[("key", "copy_key")],
        result,
    )
    .await
}

/// `POST /regions/{id}/instruments/import` (multipart, the CSRF token in
/// the address): a JSON document from a file or pasted, stored as a draft
/// to look over before publishing.
async fn import_instrument(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let t = page.t;
    let (mut file, mut pasted) = (String::new(), String::new());
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field.bytes().await.map_err(|_| PageError::BadRequest)?;
        // Not UTF-8: not a document samverka wrote; the check says so.
        let text = String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| "\u{fffd}".into());
        match name.as_str() {
            "file" => file = text,
            "document" => pasted = text,
            _ => {}
        }
    }
    let document = if file.trim().is_empty() { &pasted } else { &file };
    let form = Typed {
        document: pasted.clone(),
        ..Typed::default()
    };
    if document.trim().is_empty() {
        let errors = vec![("document", message(&t, "required"))];
        return invalid(new_page(&user, page, id, form, "import", errors, Vec::new()).await?);
    }
    match instruments::import(&user, id, document, false).await {
        Ok(ids) => {
            let (message, to) = flash_created(&t)(ids);
            flash(&session, message).await;
            Ok(crate::ui::render::see_other(&to))
        }
        Err(Error::InvalidAt(problems)) => {
            let lines = problems
                .into_iter()
                .map(|(path, code)| (path, message(&t, code)))
                .collect();
            invalid(new_page(&user, page, id, form, "import", Vec::new(), lines).await?)
        }
        Err(Error::NotSaved) => html(new_page(&user, page, id, form, "", Vec::new(), Vec::new()).await?),
        Err(e) => Err(e.into()),
    }
}

/// `POST /instruments/{id}/drafts`: a draft to edit the survey with (a
/// copy of its newest version, or the draft it has), opened in the editor.
async fn new_draft(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let message = page.t.t("instrument-flash-draft");
    after_action(&session, app::new_draft(&user, id).await, |version| {
        (message, edit_href(version))
    })
    .await
}

#[derive(Template)]
#[template(path = "surveys/instrument_publish.html")]
struct PublishPage {
    page: Page,
    action: String,
    back: String,
}

/// `GET /instruments/versions/{id}/publish`: what publishing means, and
/// the button.
async fn confirm_publish(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let v = app::open_draft(&user, id).await?;
    let t = page.t;
    let name = version_name(&t, &v);
    html(PublishPage {
        page: framed(page, t.t1("instrument-publish-title", "name", &name), &v),
        action: format!("/instruments/versions/{id}/publish"),
        back: edit_href(id),
    })
}

/// `POST /instruments/versions/{id}/publish`: publishes the draft today.
async fn publish_version(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let v = app::open_draft(&user, id).await?;
    let result = instruments::publish(&user, id).await.map_err(|e| match e {
        Error::Conflict(_) => Error::Conflict("version-published"),
        other => other,
    });
    let to = back_href(&user, &v);
    let message = page
        .t
        .t1("instrument-flash-published", "name", version_name(&page.t, &v));
    after_action(&session, result, |()| (message, to)).await
}

/// `GET /instruments/versions/{id}/export`: the version as a JSON file.
async fn export_version(user: CurrentUser, Path(id): Path<i64>) -> Result<Response, PageError> {
    let v = app::open(&user, id).await?;
    let document = instruments::export(&user, id).await?;
    let key: String = v
        .version
        .definition
        .key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let name = format!(
        "{}-v{}.json",
        if key.is_empty() { "survey" } else { &key },
        v.version.version
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        document,
    )
        .into_response())
}
