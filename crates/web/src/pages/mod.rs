//! The server-rendered pages, one module per area, each with its own router.

mod access;
mod accounts;
mod audit;
mod centres;
mod decisions;
mod governance;
mod groups;
mod home;
mod introductions;
mod matters;
mod meetings;
mod overview;
mod people;
mod population;
mod settings;
pub(crate) mod signals;
mod units;
mod who_decides;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_embed::RustEmbed;
use samverka_store::regions::{self, Region};

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;

/// Pages that need a login (the caller adds the login check).
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(overview::router())
        .merge(access::router())
        .merge(centres::router())
        .merge(units::router())
        .merge(settings::router())
        .merge(population::router())
        .merge(accounts::router())
        .merge(audit::router())
        .merge(people::router())
        .merge(groups::router())
        .merge(who_decides::router())
        .merge(meetings::router())
        .merge(decisions::router())
        .merge(matters::router())
        .merge(introductions::router())
        .merge(signals::router())
}

/// Pages open to everyone: health check and static files.
pub fn public_router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/static/{*path}", get(static_file))
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!("health check: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

#[derive(RustEmbed)]
#[folder = "static/"]
struct Static;

async fn static_file(Path(path): Path<String>) -> Response {
    match Static::get(&path) {
        Some(file) => {
            let mime = if path.ends_with(".css") {
                "text/css; charset=utf-8"
            } else if path.ends_with(".svg") {
                "image/svg+xml"
            } else if path.ends_with(".js") {
                "text/javascript; charset=utf-8"
            } else {
                "application/octet-stream"
            };
            (
                [
                    (header::CONTENT_TYPE, mime),
                    (header::CACHE_CONTROL, "public, max-age=3600"),
                ],
                file.data,
            )
                .into_response()
        }
        None => AppError::NotFound.into_response(),
    }
}

/// Allows or forbids.
pub(crate) fn require(allowed: bool) -> Result<(), AppError> {
    if allowed { Ok(()) } else { Err(AppError::Forbidden) }
}

/// A region the account may read.
pub(crate) async fn viewable_region(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<Region, AppError> {
    let region = regions::get(&state.db, id).await?;
    require(user.actor.can_view_region(region.id))?;
    Ok(region)
}

/// A region the account manages.
pub(crate) async fn managed_region(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<Region, AppError> {
    let region = regions::get(&state.db, id).await?;
    require(user.actor.can_manage_region(region.id))?;
    Ok(region)
}

/// Renders a template as an HTML response.
pub(crate) fn html(t: impl askama::Template) -> Result<Response, AppError> {
    Ok(axum::response::Html(t.render()?).into_response())
}

/// Renders a form again with its problems, as 422.
pub(crate) fn invalid(t: impl askama::Template) -> Result<Response, AppError> {
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        axum::response::Html(t.render()?),
    )
        .into_response())
}
