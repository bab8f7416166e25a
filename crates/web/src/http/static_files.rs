//! The health check and the static files: served without sessions, so a
//! browser's cookie costs them nothing.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_embed::RustEmbed;

use crate::state::AppState;

/// `/healthz` and `/static/*`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/static/{*path}", get(static_file))
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.app.ping().await {
        Ok(()) => ([(header::CACHE_CONTROL, "no-store")], "ok").into_response(),
        Err(e) => {
            tracing::error!("health check: {e}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::CACHE_CONTROL, "no-store"), (header::RETRY_AFTER, "30")],
                "database unavailable",
            )
                .into_response()
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
        None => (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, "no-store")],
            "not found",
        )
            .into_response(),
    }
}
