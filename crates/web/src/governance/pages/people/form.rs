//! Adding and changing a person.

use askama::Template;
use axum::Form;
use axum::extract::Path;
use axum::response::Response;
use samverka_app::governance::people::{self, PersonChoices};
use samverka_core::governance::drafts::PersonDraft;
use samverka_core::{PrincipalKind, Region};
use tower_sessions::Session;

use super::unit_label;
use crate::governance::words::messages;
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::ui::forms::error_for;
use crate::ui::render::{after_post, html};
use crate::ui::{Page, words as view};

#[derive(Template)]
#[template(path = "governance/person_form.html")]
pub(crate) struct PersonForm {
    pub(crate) page: Page,
    pub(crate) action: String,
    pub(crate) cancel: String,
    pub(crate) draft: PersonDraft,
    pub(crate) principals: Vec<(&'static str, String)>,
    pub(crate) units: Vec<(String, String)>,
    pub(crate) accounts: Vec<(String, String)>,
    pub(crate) errors: Vec<(&'static str, String)>,
}

impl PersonForm {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

pub(crate) fn principal_choices(t: &Tr) -> Vec<(&'static str, String)> {
    let mut out = vec![("", t.t("value-unknown"))];
    out.extend(
        PrincipalKind::ALL
            .iter()
            .map(|k| (k.code(), view::principal_name(t, Some(*k)))),
    );
    out
}

struct FormParts {
    title: String,
    action: String,
    cancel: String,
}

fn person_form(
    page: Page,
    region: &Region,
    parts: FormParts,
    draft: PersonDraft,
    choices: &PersonChoices,
    errors: Vec<(&'static str, String)>,
) -> PersonForm {
    let t = page.t;
    let mut units: Vec<(String, String)> = choices
        .units
        .iter()
        .map(|(u, centre)| (u.id.to_string(), unit_label(&t, u, centre)))
        .collect();
    units.sort_by_cached_key(|(_, l)| samverka_core::text::sort_key(l));
    PersonForm {
        page: page
            .titled(parts.title)
            .in_region(region.id, &region.name, true, "people"),
        action: parts.action,
        cancel: parts.cancel,
        draft,
        principals: principal_choices(&t),
        units,
        accounts: choices
            .accounts
            .iter()
            .map(|a| (a.id.to_string(), format!("{} ({})", a.name, a.email)))
            .collect(),
        errors,
    }
}

fn new_parts(t: &Tr, region: &Region) -> FormParts {
    FormParts {
        title: t.t("people-new-title"),
        action: format!("/regions/{}/people/new", region.id),
        cancel: format!("/regions/{}/people", region.id),
    }
}

pub(crate) async fn new_person_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (region, choices) = people::new_form(&user, id).await?;
    let parts = new_parts(&page.t, &region);
    html(person_form(
        page,
        &region,
        parts,
        PersonDraft::default(),
        &choices,
        Vec::new(),
    ))
}

pub(crate) async fn create_person(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<PersonDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = people::create(&user, id, &draft).await;
    let saved = |pid| (t.t("people-flash-created"), format!("/people/{pid}"));
    after_post(&session, result, saved, async |errors| {
        let (region, choices) = people::new_form(&user, id).await?;
        let parts = new_parts(&t, &region);
        Ok(person_form(
            page,
            &region,
            parts,
            draft,
            &choices,
            messages(&t, &errors),
        ))
    })
    .await
}

fn edit_parts(t: &Tr, id: i64, name: &str) -> FormParts {
    FormParts {
        title: t.t1("people-edit-title", "name", name),
        action: format!("/people/{id}/edit"),
        cancel: format!("/people/{id}"),
    }
}

pub(crate) async fn edit_person_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (p, region, choices) = people::edit_form(&user, id).await?;
    let parts = edit_parts(&page.t, id, &p.name);
    html(person_form(
        page,
        &region,
        parts,
        PersonDraft::of(&p),
        &choices,
        Vec::new(),
    ))
}

pub(crate) async fn update_person(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<PersonDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = people::update(&user, id, &draft).await;
    let saved = |()| (t.t("flash-saved"), format!("/people/{id}"));
    after_post(&session, result, saved, async |errors| {
        let (p, region, choices) = people::edit_form(&user, id).await?;
        let parts = edit_parts(&t, id, &p.name);
        Ok(person_form(
            page,
            &region,
            parts,
            draft,
            &choices,
            messages(&t, &errors),
        ))
    })
    .await
}
