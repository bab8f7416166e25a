//! People (*personer*) and their dated assignments (*uppdrag*): the region's
//! registry, a person's page with the whole history, adding and ending
//! assignments, and the GDPR export and erasure.

mod assigning;
mod form;
mod gdpr;
mod person;
pub(crate) mod registry;

use axum::Router;
use axum::routing::{get, post};
use samverka_app::governance::Places;
use samverka_core::governance::Assignment;

use crate::http::i18n::Tr;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/people", get(registry::list_people))
        .route(
            "/regions/{id}/people/new",
            get(form::new_person_form).post(form::create_person),
        )
        .route("/people/{id}", get(person::show_person))
        .route(
            "/people/{id}/edit",
            get(form::edit_person_form).post(form::update_person),
        )
        .route(
            "/people/{id}/assignments/new",
            get(assigning::new_assignment_form).post(assigning::create_assignment),
        )
        .route("/assignments/{id}/end", post(assigning::end_assignment))
        .route(
            "/people/{id}/erase",
            get(gdpr::erase_form).post(gdpr::erase_person),
        )
        .route("/people/{id}/export", get(gdpr::export_person))
}

/// The place's name and a link to it.
pub(crate) fn place_of(t: &Tr, places: &Places, a: &Assignment) -> (String, Option<String>) {
    if let Some(g) = a.group_id.and_then(|g| places.groups.get(&g)) {
        return (g.name.clone(), Some(format!("/groups/{}", g.id)));
    }
    if let Some(c) = a.centre_id {
        let name = places
            .centres
            .get(&c)
            .cloned()
            .unwrap_or_else(|| t.t("value-missing"));
        return (name, Some(format!("/centres/{c}")));
    }
    (t.t("people-where-county"), None)
}

/// A unit's label: its name or service, and its centre.
pub(crate) fn unit_label(t: &Tr, u: &samverka_core::Unit, centre: &str) -> String {
    let name = u
        .name
        .clone()
        .unwrap_or_else(|| crate::ui::words::service_name(t, u.service));
    if centre.is_empty() {
        name
    } else {
        format!("{name} – {centre}")
    }
}
