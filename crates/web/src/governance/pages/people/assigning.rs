//! Adding and ending assignments.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query};
use axum::response::Response;
use samverka_app::governance::assignments::{self, Choices, Rights};
use samverka_app::governance::people;
use samverka_core::governance::drafts::{AssignmentDraft, group_kind_for};
use samverka_core::governance::{Assignment, AssignmentKind};
use serde::Deserialize;
use tower_sessions::Session;

use super::person::person_page;
use super::registry::KindQuery;
use crate::governance::words::{display_name, kind_name, messages};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::ui::Page;
use crate::ui::forms::error_for;
use crate::ui::render::{after_post, html};

#[derive(Template)]
#[template(path = "governance/person_assignment_form.html")]
pub(crate) struct AssignmentForm {
    pub(crate) page: Page,
    pub(crate) person_id: i64,
    /// The kinds offered when none is chosen yet.
    pub(crate) kinds: Vec<(&'static str, String)>,
    /// The chosen kind's code and name.
    pub(crate) kind: Option<(&'static str, String)>,
    pub(crate) show_centre: bool,
    pub(crate) show_group: bool,
    pub(crate) group_required: bool,
    pub(crate) show_share: bool,
    pub(crate) show_hours: bool,
    pub(crate) suggest_year: bool,
    pub(crate) centres: Vec<(String, String)>,
    pub(crate) groups: Vec<(String, String)>,
    pub(crate) draft: AssignmentDraft,
    pub(crate) errors: Vec<(&'static str, String)>,
}

impl AssignmentForm {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

fn assignment_form(
    page: Page,
    rights: &Rights,
    kind: Option<AssignmentKind>,
    choices: Choices,
    draft: AssignmentDraft,
    errors: Vec<(&'static str, String)>,
) -> AssignmentForm {
    let t = page.t;
    let title = t.t1(
        "people-assignment-new-title",
        "name",
        display_name(&t, &rights.person),
    );
    AssignmentForm {
        page: page
            .titled(title)
            .in_region(rights.region.id, &rights.region.name, rights.manage, "people"),
        person_id: rights.person.id,
        kinds: rights
            .kinds()
            .into_iter()
            .map(|k| (k.code(), kind_name(&t, k)))
            .collect(),
        kind: kind.map(|k| (k.code(), kind_name(&t, k))),
        show_centre: kind.is_some_and(AssignmentKind::is_centre_role),
        show_group: kind.is_some_and(|k| group_kind_for(k).is_some()),
        group_required: kind.is_some_and(|k| k.group_kind().is_some()),
        show_share: kind.is_some_and(AssignmentKind::has_share),
        show_hours: kind == Some(AssignmentKind::StaffMember),
        suggest_year: kind == Some(AssignmentKind::ManagementChair),
        centres: choices
            .centres
            .into_iter()
            .map(|c| (c.id.to_string(), c.name))
            .collect(),
        groups: choices
            .groups
            .into_iter()
            .map(|g| (g.id.to_string(), g.name))
            .collect(),
        draft,
        errors,
    }
}

pub(crate) async fn new_assignment_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<KindQuery>,
) -> Result<Response, PageError> {
    let rights = assignments::rights(&user, id).await?;
    let offered = rights.kinds();
    let kind = AssignmentKind::parse(&q.kind)
        .filter(|k| offered.contains(k))
        .or_else(|| (offered.len() == 1).then(|| offered[0]));
    let choices = match kind {
        Some(k) => assignments::choices(&user, &rights, k).await?,
        None => Choices::default(),
    };
    let draft = AssignmentDraft {
        kind: kind.map(|k| k.code().to_string()).unwrap_or_default(),
        starts_on: user.today.to_string(),
        ..AssignmentDraft::default()
    };
    html(assignment_form(page, &rights, kind, choices, draft, Vec::new()))
}

pub(crate) async fn create_assignment(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<AssignmentDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = assignments::create(&user, id, &draft).await;
    let saved = |_| (t.t("people-flash-assignment-added"), format!("/people/{id}"));
    after_post(&session, result, saved, async |errors| {
        let rights = assignments::rights(&user, id).await?;
        let kind = AssignmentKind::parse(&draft.kind).filter(|k| rights.kinds().contains(k));
        let choices = match kind {
            Some(k) => assignments::choices(&user, &rights, k).await?,
            None => Choices::default(),
        };
        Ok(assignment_form(
            page,
            &rights,
            kind,
            choices,
            draft,
            messages(&t, &errors),
        ))
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct EndForm {
    #[serde(default)]
    pub(crate) ends_on: String,
}

pub(crate) async fn end_assignment(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<EndForm>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = assignments::end(&user, id, &form.ends_on).await;
    let saved = |a: Assignment| {
        let to = format!("/people/{}", a.person_id);
        (t.t("people-flash-assignment-ended"), to)
    };
    after_post(&session, result, saved, async |errors| {
        let a = assignments::get(&user, id).await?;
        let d = people::get(&user, a.person_id).await?;
        let message = messages(&t, &errors).remove(0).1;
        Ok(person_page(&user, page, &d, Some((id, form.ends_on, message))))
    })
    .await
}
