//! `/`: the regions the account can see; straight to the overview when there is one.

use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;
use samverka_app::registry::regions;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::render::{html, see_other};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(show_home))
}

#[derive(Template)]
#[template(path = "registry/home.html")]
struct HomePage {
    page: Page,
    regions: Vec<(i64, String)>,
}

async fn show_home(user: CurrentUser, page: Page) -> Result<Response, PageError> {
    let visible: Vec<(i64, String)> = regions::visible(&user)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    if let [(id, _)] = visible.as_slice() {
        return Ok(see_other(&format!("/regions/{id}")));
    }
    let title = page.t.t("home-title");
    html(HomePage {
        page: page.titled(title),
        regions: visible,
    })
}
