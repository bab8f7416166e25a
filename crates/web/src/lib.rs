//! HTTP for samverka: server-rendered pages (Swedish first), the JSON API
//! under `/api/v1` with its OpenAPI document, login sessions stored in the
//! database, CSRF protection and permissions.
//!
//! Route map and who may use each route: see [`router`].

pub mod api;
pub mod auth;
mod csrf;
mod error;
pub mod i18n;
pub mod mailer;
mod pages;
mod registry;
mod session_store;
mod state;
mod view;

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::middleware;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use error::AppError;
pub use state::{AppState, WebConfig};

/// The whole application: every route, with its middleware.
///
/// Who may use what (deny by default — every route not listed as public
/// requires a logged-in account, and each handler checks the account's grants):
///
/// | routes | who |
/// |---|---|
/// | `/login`, `/healthz`, `/static/*`, `/lang`, `/api/v1/openapi.json`, `/api/v1/docs` | anyone |
/// | `/`, `/regions/{id}`, `/regions/{id}/access`, `/centres/{id}` | accounts with a grant in the region |
/// | `/centres/{id}/edit`, `/centres/{id}/units/*`, `/units/{id}/*` | the centre's local coordinators, the region's county coordinators, admins |
/// | `/regions/{id}/centres/new`, `/centres/{id}/close`, `/regions/{id}/settings`, `/regions/{id}/population`, `/regions/{id}/accounts`, `/regions/{id}/audit` | the region's county coordinators, admins |
/// | `/groups/{id}/meetings`, `/groups/{id}/decisions` | accounts that may read the group (a grant in the region, or a seat in the group) |
/// | `/groups/{id}/meetings/new`, `/meetings/{id}/edit`, `/meetings/{id}/publish`, `/meetings/{id}/decisions` | those who may edit the group: the region's county coordinators, the group's members, and for a management group the local coordinators of its centres |
/// | `/meetings/{id}` | those who may read the group; once the minutes are published also the local coordinators and management-group members of the centres the group governs. Unpublished minutes only for those who may edit the group |
/// | `/regions/{id}/decisions` | accounts with a grant in the region |
/// | `/regions/{id}/signals`, `/regions/{id}/matters`, `/regions/{id}/introductions` | accounts with a grant in the region |
/// | `/matters/{id}` | accounts with a grant in the region, and those who may read the raising or the steering group |
/// | `/groups/{id}/matters/new` | those who may edit the (management or preparation) group |
/// | `/matters/{id}/advance` | the next step only: sending a draft — those who may edit the raising group; on the agenda, decided, reported back — those who may edit the steering group |
/// | `/regions/{id}/introductions/new` | the region's county coordinators and admins; local coordinators for the staff of their own centres |
/// | `/regions/{id}/settings/governance` | the region's county coordinators, admins |
/// | `/centres/{id}/decisions` | accounts with a grant in the region, and members of a group governing the centre |
/// | `/regions/{id}/people`, `/people/{id}`, `/regions/{id}/groups`, `/centres/{id}/governance`, `/regions/{id}/contacts.csv`, `/regions/{id}/contacts.xlsx` | accounts with a grant in the region |
/// | `/groups/{id}` | accounts with a grant in the region, and the group's own members |
/// | `/regions/{id}/people/new`, `/people/{id}/edit`, `/people/{id}/erase`, `/people/{id}/export`, `/regions/{id}/groups/new`, `/groups/{id}/edit` | the region's county coordinators, admins |
/// | `/people/{id}/assignments/new`, `/assignments/{id}/end` | the region's county coordinators and admins (any assignment); a local coordinator for staff assignments at their own centres |
/// | `/api/v1/*` (but the document) | a bearer token; the same rules as the pages |
pub fn router(state: AppState) -> Router {
    let session_layer = SessionManagerLayer::new(session_store::DbSessionStore::new(state.db.clone()))
        .with_name("samverka_session")
        .with_secure(state.config.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(
            tower_sessions::cookie::time::Duration::hours(8),
        ));

    let pages = pages::router().route_layer(middleware::from_fn(auth::require_login_page));
    let api = api::router().route_layer(middleware::from_fn(auth::require_login_api));

    let mut origin_guard = tower_http::csrf::CsrfLayer::new();
    for origin in &state.config.trusted_origins {
        match origin_guard.clone().add_trusted_origin(origin) {
            Ok(layer) => origin_guard = layer,
            Err(e) => tracing::warn!("ignoring trusted origin {origin}: {e}"),
        }
    }

    Router::new()
        .merge(auth::public_router(&state.config))
        .merge(pages::public_router())
        .merge(pages)
        .nest("/api/v1", api)
        .merge(api::docs_router())
        .layer(middleware::from_fn_with_state(state.clone(), auth::authenticate))
        .layer(middleware::from_fn(csrf::guard))
        .layer(session_layer)
        .layer(origin_guard)
        .layer(middleware::from_fn(error::render_error_pages))
        .layer(middleware::from_fn(i18n::negotiate))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'",
            ),
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves the application on a bound listener until Ctrl-C or SIGTERM.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let mail_sender = tokio::spawn(mailer::run(state.clone()));
    let db = state.db.clone();
    let sweeper = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            let now = chrono::Utc::now().timestamp();
            if let Err(e) = samverka_store::sessions::delete_expired(&db, now).await {
                tracing::warn!("could not remove expired sessions: {e}");
            }
        }
    });
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let result = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await;
    sweeper.abort();
    mail_sender.abort();
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
