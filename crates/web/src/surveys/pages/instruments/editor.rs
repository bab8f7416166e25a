//! `/instruments/versions/{id}/edit`: the instrument editor (*enkätredigeraren*)
//! for a draft, without JavaScript: one form with the whole draft, where
//! every button (save, add, remove, move up or down, add a language) is a
//! submit of its own (`op=up:blocks[1]`). Each post puts the fields into
//! the draft, makes the button's change, and saves the result through the
//! use case that checks it; a draft with problems is shown again as it was
//! posted, each problem next to its field and in a summary, with nothing
//! saved.

mod form;
mod problems;
mod view;

use std::collections::HashMap;

use axum::Form;
use axum::extract::Path;
use axum::response::Response;
use samverka_app::Error;
use samverka_app::surveys::editor::{self as app, VersionView};
use samverka_app::surveys::instruments;
use samverka_core::surveys::definition::{Definition, Edit, EditError};
use tower_sessions::Session;

use self::view::{Input, Links, editor_page, id_of};
use super::{back_href, edit_href, framed, version_name};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::ui::Page;
use crate::ui::page::flash;
use crate::ui::render::{html, invalid, see_other};

fn page_of(
    user: &CurrentUser,
    page: Page,
    v: &VersionView,
    def: &Definition,
    errors: &[(String, &'static str)],
    typed: &HashMap<String, String>,
    new_language: String,
) -> view::EditorPage {
    let t = page.t;
    let id = v.version.id;
    let title = t.t1("editor-title", "name", version_name(&t, v));
    editor_page(
        framed(page, title, v),
        def,
        Input {
            action: edit_href(id),
            links: Links {
                preview: format!("/instruments/versions/{id}/preview"),
                export: format!("/instruments/versions/{id}/export"),
                publish: format!("/instruments/versions/{id}/publish"),
                list: back_href(user, v),
            },
            errors,
            typed,
            new_language,
        },
    )
}

/// `GET /instruments/versions/{id}/edit`: the draft as saved.
pub(super) async fn edit_version(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let v = app::open_draft(&user, id).await?;
    let def = v.version.definition.clone();
    html(page_of(
        &user,
        page,
        &v,
        &def,
        &[],
        &HashMap::new(),
        String::new(),
    ))
}

/// The flash message after a button's change was saved.
fn done_key(edit: Option<&Edit>) -> &'static str {
    match edit {
        None => "editor-flash-saved",
        Some(Edit::AddBlock(_) | Edit::AddQuestion(..) | Edit::AddOption(..)) => "editor-flash-added",
        Some(Edit::OwnLabels(..)) => "editor-flash-saved",
        Some(Edit::Remove(_)) => "editor-flash-removed",
        Some(Edit::MoveUp(_) | Edit::MoveDown(_)) => "editor-flash-moved",
        Some(Edit::AddLanguage(_)) => "editor-flash-language-added",
        Some(Edit::RemoveLanguage(_)) => "editor-flash-language-removed",
    }
}

/// `POST /instruments/versions/{id}/edit`: the whole draft as the form has
/// it, with the button pressed; saved and shown again (303) when it holds,
/// otherwise shown as posted with its problems (422).
pub(super) async fn save_version(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let v = app::open_draft(&user, id).await?;
    let fields = form::Fields::new(pairs);
    let edit = form::edit(&fields)?;
    let posted = form::read(&fields)?;
    let (mut def, mut errors) = (posted.definition, posted.errors);
    let mut focus = None;
    // A field that cannot be read leaves the draft as it is: the change
    // waits until the fields are right.
    if let (Some(edit), true) = (&edit, errors.is_empty()) {
        match def.apply(edit) {
            Ok(place) => focus = place.map(|p| id_of(&p.path())),
            Err(e @ (EditError::BadLanguage | EditError::DuplicateLanguage)) => {
                errors.push(("new_language".into(), e.code()));
            }
            Err(_) => return Err(PageError::BadRequest),
        }
    }
    if matches!(edit, Some(Edit::AddLanguage(_) | Edit::RemoveLanguage(_))) {
        focus = Some("languages".into());
    }
    let new_language = if errors.iter().any(|(p, _)| p == "new_language") {
        fields.get("new_language").unwrap_or_default().to_string()
    } else {
        String::new()
    };
    if errors.is_empty() {
        let document = serde_json::to_string(&def).map_err(|_| PageError::App(Error::Internal))?;
        match instruments::update_draft(&user, id, &document).await {
            Ok(()) => {
                flash(&session, page.t.t(done_key(edit.as_ref()))).await;
                let fragment = focus.map(|f| format!("#{f}")).unwrap_or_default();
                return Ok(see_other(&format!("{}{fragment}", edit_href(id))));
            }
            Err(Error::InvalidAt(problems)) => errors = problems,
            // Shown again in another language: as posted, nothing saved.
            Err(Error::NotSaved) => {
                return html(page_of(&user, page, &v, &def, &[], &posted.typed, new_language));
            }
            Err(e) => return Err(e.into()),
        }
    }
    invalid(page_of(
        &user,
        page,
        &v,
        &def,
        &errors,
        &posted.typed,
        new_language,
    ))
}
