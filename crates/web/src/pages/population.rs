//! `/regions/{id}/population`: importing population numbers from a CSV file.

use askama::Template;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use samverka_core::population::parse_population_csv;
use samverka_store::municipalities;
use tower_sessions::Session;

use super::{html, invalid, managed_region};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/regions/{id}/population",
        get(population_form).post(import_population),
    )
}

#[derive(Template)]
#[template(path = "population.html")]
struct PopulationPage {
    page: Page,
    region_id: i64,
    errors: Vec<String>,
}

async fn population_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    let title = page.t.t("population-title");
    html(PopulationPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, true, "access"),
        region_id: id,
        errors: Vec::new(),
    })
}

async fn import_population(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    let t = page.t;
    let mut bytes = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            bytes = field
                .bytes()
                .await
                .map_err(|_| AppError::BadRequest("upload".into()))?
                .to_vec();
        }
    }
    let result = match parse_population_csv(&bytes) {
        Ok(lines) => {
            municipalities::import_population(&state.db, &user.who(), Some(region.id), &lines).await?
        }
        Err(errors) => Err(errors),
    };
    match result {
        Ok(n) => {
            view::flash(&session, t.t1("flash-population-imported", "count", n)).await;
            Ok(Redirect::to(&format!("/regions/{id}/access")).into_response())
        }
        Err(errors) => invalid(PopulationPage {
            page: page
                .titled(t.t("population-title"))
                .in_region(region.id, &region.name, true, "access"),
            region_id: id,
            errors: errors
                .iter()
                .map(|e| crate::i18n::population_error_text(&t, e))
                .collect(),
        }),
    }
}
