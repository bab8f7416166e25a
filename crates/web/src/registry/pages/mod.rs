//! The registry's pages.

mod access;
mod centre;
mod centre_form;
mod home;
mod overview;
mod population;
mod premises;
mod settings;
mod units;

use axum::Router;

use crate::state::AppState;

/// Every registry page.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(overview::router())
        .merge(access::router())
        .merge(centre::router())
        .merge(centre_form::router())
        .merge(units::router())
        .merge(premises::router())
        .merge(settings::router())
        .merge(population::router())
}
