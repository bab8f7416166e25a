//! `/`: the regions the account can see; straight to the overview when there is one.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use samverka_store::regions;

use super::html;
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::view::Page;

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(show_home))
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    regions: Vec<(i64, String)>,
}

async fn show_home(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> Result<Response, AppError> {
    let all = regions::list(&state.db).await?;
    let visible: Vec<(i64, String)> = all
        .into_iter()
        .filter(|r| user.actor.can_view_region(r.id))
        .map(|r| (r.id, r.name))
        .collect();
    if let [(id, _)] = visible.as_slice() {
        return Ok(Redirect::to(&format!("/regions/{id}")).into_response());
    }
    let title = page.t.t("home-title");
    html(HomePage {
        page: page.titled(title),
        regions: visible,
    })
}
