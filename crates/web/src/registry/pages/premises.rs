//! Adding and changing a centre's premises (*lokaler*).

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use samverka_app::registry::premises;
use samverka_core::premises::PremisesDraft;
use samverka_core::{Centre, Premises, Region};
use tower_sessions::Session;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::forms::{error_for, field_messages, yes_no_choices, yes_no_code};
use crate::ui::render::{after_post, html};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{id}/premises/new",
            get(new_premises_form).post(create_premises),
        )
        .route(
            "/premises/{id}/edit",
            get(edit_premises_form).post(update_premises),
        )
}

/// The premises form, new or edit, with any problems.
#[derive(Template)]
#[template(path = "registry/premises_form.html")]
struct PremisesForm {
    page: Page,
    action: String,
    cancel: String,
    /// Editing: the change applies to every unit in the premises.
    editing: bool,
    draft: PremisesDraft,
    yes_no: Vec<(&'static str, String)>,
    errors: Vec<(&'static str, String)>,
}

impl PremisesForm {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

/// The form: new premises of the centre, or (with the premises) a change to them.
fn premises_form(
    page: Page,
    user: &CurrentUser,
    (centre, region): (&Centre, &Region),
    editing: Option<&Premises>,
    draft: PremisesDraft,
    errors: Vec<(&'static str, String)>,
) -> PremisesForm {
    let t = page.t;
    let (title, action) = match editing {
        None => (
            t.t1("premises-new-title", "centre", &centre.name),
            format!("/centres/{}/premises/new", centre.id),
        ),
        Some(p) => (
            t.t1("premises-edit-title", "name", &p.name),
            format!("/premises/{}/edit", p.id),
        ),
    };
    let yes_no = yes_no_choices(&t);
    let manage = user.actor.can_manage_region(region.id);
    PremisesForm {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "overview"),
        action,
        cancel: format!("/centres/{}", centre.id),
        editing: editing.is_some(),
        draft,
        yes_no,
        errors,
    }
}

async fn new_premises_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (centre, region, _) = premises::centre_for_premises(&user, id).await?;
    let draft = PremisesDraft::default();
    html(premises_form(
        page,
        &user,
        (&centre, &region),
        None,
        draft,
        Vec::new(),
    ))
}

async fn create_premises(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<PremisesDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = premises::create(&user, id, &draft).await;
    let saved = |_| (t.t("flash-saved"), format!("/centres/{id}#premises-heading"));
    after_post(&session, result, saved, async |errors| {
        let (centre, region, _) = premises::centre_for_premises(&user, id).await?;
        let messages = field_messages(&t, &errors);
        Ok(premises_form(
            page,
            &user,
            (&centre, &region),
            None,
            draft,
            messages,
        ))
    })
    .await
}

async fn edit_premises_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (p, centre, region) = premises::editable(&user, id).await?;
    let draft = PremisesDraft {
        name: p.name.clone(),
        address: p.address.clone().unwrap_or_default(),
        shared_entrance: yes_no_code(p.shared_entrance),
    };
    html(premises_form(
        page,
        &user,
        (&centre, &region),
        Some(&p),
        draft,
        Vec::new(),
    ))
}

async fn update_premises(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(draft): Form<PremisesDraft>,
) -> Result<Response, PageError> {
    let t = page.t;
    let result = premises::update(&user, id, &draft).await;
    let saved = |centre_id| {
        (
            t.t("flash-saved"),
            format!("/centres/{centre_id}#premises-heading"),
        )
    };
    after_post(&session, result, saved, async |errors| {
        let (p, centre, region) = premises::editable(&user, id).await?;
        let messages = field_messages(&t, &errors);
        Ok(premises_form(
            page,
            &user,
            (&centre, &region),
            Some(&p),
            draft,
            messages,
        ))
    })
    .await
}
