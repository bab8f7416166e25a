//! HTTP for samverka: server-rendered pages (Swedish first), the JSON API
//! under `/api/v1` with its OpenAPI document, login sessions stored in the
//! database, CSRF protection. Every handler extracts the request, calls one
//! use case of `samverka-app`, and renders a page or JSON; none reaches the
//! store.
//!
//! The areas (`registry`, `governance`, `accounts`) each have their pages
//! and API side by side; what every area needs lives in `http` and `ui`.
//!
//! Who may use what: deny by default. Every route but the public ones
//! (`/login`, `/logout`, `/password/*`, `/lang/*`, `/healthz`, `/static/*`,
//! `/api/v1/openapi.json`, `/api/v1/docs`, and answering a survey: `/s/{code}`
//! and `POST /api/v1/responses`) needs a logged-in account (pages)
//! or a bearer token (API), and each use case checks the account's grants
//! and seats itself.

pub mod accounts;
pub mod governance;
pub mod http;
pub mod registry;
mod state;
pub mod surveys;
pub mod ui;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

pub use state::{AppState, WebConfig};

/// The OpenAPI description's frame; the paths come from the areas' routers.
#[derive(OpenApi)]
#[openapi(
    info(title = "samverka API", description = "Registry, classification, access and governance of Swedish family centres."),
    modifiers(&BearerAuth),
    tags((name = "centres", description = "Family centres and their units"),
         (name = "municipalities", description = "Access: children aged 0–6 per centre"),
         (name = "governance", description = "People, assignments, groups, meetings, decisions, matters, introductions and signals"),
         (name = "surveys", description = "Survey instruments, rounds, responses and results"),
         (name = "tokens", description = "API tokens"),
         (name = "audit", description = "Who changed what"))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Every API route under `/api/v1`, with the OpenAPI document built from
/// the same declarations.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let areas = OpenApiRouter::new()
        .merge(registry::api::router())
        .merge(governance::api::router())
        .merge(accounts::api::router())
        .merge(surveys::api::router());
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", areas)
        .split_for_parts()
}

/// The API routes anyone may call without a token, session or cookie (a
/// survey response), with their part of the OpenAPI document.
pub fn public_api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::new()
        .nest("/api/v1", surveys::api::public())
        .split_for_parts()
}

/// The whole application: every route, with its middleware.
pub fn router(state: AppState) -> Router {
    let limits = state.app.config().session;
    let idle = tower_sessions::cookie::time::Duration::seconds(
        i64::try_from(limits.idle.as_secs()).unwrap_or(i64::MAX),
    );
    let session_layer = SessionManagerLayer::new(http::session_store::DbSessionStore::new(state.app.clone()))
        .with_name("samverka_session")
        .with_secure(state.config.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(idle));

    let pages = Router::new()
        .merge(registry::pages())
        .merge(governance::pages())
        .merge(accounts::pages())
        .merge(surveys::pages())
        .route_layer(middleware::from_fn(http::auth::require_login_page));
    let (api, mut doc) = api();
    let (public_api, public_doc) = public_api();
    doc.merge(public_doc);
    let api = api
        .route_layer(middleware::from_fn(http::auth::require_login_api))
        .layer(middleware::from_fn(http::api_error::json_errors));

    let mut origin_guard = tower_http::csrf::CsrfLayer::new();
    for origin in &state.config.trusted_origins {
        match origin_guard.clone().add_trusted_origin(origin) {
            Ok(layer) => origin_guard = layer,
            Err(e) => tracing::warn!("ignoring trusted origin {origin}: {e}"),
        }
    }

    // Everything with a session: pages, login and the API (which ignores cookies).
    let with_session = Router::new()
        .merge(accounts::public())
        .merge(pages)
        .merge(api)
        .fallback(http::error::not_found)
        .layer(middleware::from_fn(http::error::keep_frame))
        .layer(middleware::from_fn(http::i18n::switch_on_post))
        .layer(middleware::from_fn_with_state(state.clone(), http::csrf::guard))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            http::auth::authenticate,
        ))
        .layer(session_layer)
        .layer(origin_guard.clone());

    // Answering a survey through its link: no session, no cookie, no login.
    let respondent = surveys::respondent().layer(origin_guard);
    // Sending a survey response through the API: no session, token or cookie either.
    let public_api = public_api.layer(middleware::from_fn(http::api_error::json_errors));

    // The health check, static files and the API description never touch a session.
    let docs: Router<AppState> = utoipa_swagger_ui::SwaggerUi::new("/api/v1/docs")
        .url("/api/v1/openapi.json", doc)
        .into();
    Router::new()
        .merge(respondent)
        .merge(public_api)
        .merge(with_session)
        .merge(http::static_files::router())
        .merge(docs)
        .layer(middleware::from_fn(http::error::render_error_pages))
        .layer(middleware::from_fn(http::i18n::negotiate))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            http::headers::security,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves the application on a bound listener until Ctrl-C or SIGTERM, with
/// the scheduled jobs (mail, sweeping) running beside it.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let jobs = samverka_app::jobs::spawn(&state.app);
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let result = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await;
    jobs.stop();
    result
}

async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
