//! The accounts area's pages.

mod admin;
mod audit;
mod login;
mod me;
mod password_link;
mod region_accounts;

use axum::Router;
use axum::routing::get;
use samverka_core::Role;

use crate::http::i18n::Tr;
use crate::state::AppState;

/// Pages that need a login.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(region_accounts::router())
        .merge(me::router())
        .merge(admin::router())
        .merge(audit::router())
}

/// Pages open to everyone.
pub fn public_router() -> Router<AppState> {
    Router::new()
        .merge(login::router())
        .merge(password_link::router())
        .route("/lang/{code}", get(crate::http::i18n::switch))
}

/// A role's name.
pub(crate) fn role_name(t: &Tr, r: Role) -> String {
    t.t(&format!("role-{}", r.code()))
}
