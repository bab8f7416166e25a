//! `/regions/{id}/population`: importing population numbers from a CSV file.

use askama::Template;
use axum::Router;
use axum::extract::{Multipart, Path};
use axum::response::Response;
use axum::routing::get;
use samverka_app::registry::{access, regions};
use tower_sessions::Session;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::render::{html, invalid, see_other};
use crate::ui::{Page, flash, words as view};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/regions/{id}/population",
        get(population_form).post(import_population),
    )
}

#[derive(Template)]
#[template(path = "registry/population.html")]
struct PopulationPage {
    page: Page,
    region_id: i64,
    errors: Vec<String>,
}

async fn population_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let region = regions::managed(&user, id).await?;
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
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let region = regions::managed(&user, id).await?;
    let t = page.t;
    let mut bytes = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            bytes = field.bytes().await.map_err(|_| PageError::BadRequest)?.to_vec();
        }
    }
    let outcome = match access::import_population(&user, Some(region.id), &bytes).await {
        // Shown again in another language: the form, nothing imported.
        Err(samverka_app::Error::NotSaved) => {
            return html(PopulationPage {
                page: page
                    .titled(t.t("population-title"))
                    .in_region(region.id, &region.name, true, "access"),
                region_id: id,
                errors: Vec::new(),
            });
        }
        other => other?,
    };
    match outcome {
        Ok(n) => {
            flash(&session, t.t1("flash-population-imported", "count", n)).await;
            Ok(see_other(&format!("/regions/{id}/access")))
        }
        Err(errors) => invalid(PopulationPage {
            page: page
                .titled(t.t("population-title"))
                .in_region(region.id, &region.name, true, "access"),
            region_id: id,
            errors: errors
                .iter()
                .map(|e| view::population_error_text(&t, e))
                .collect(),
        }),
    }
}
