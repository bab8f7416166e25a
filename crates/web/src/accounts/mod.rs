//! The accounts area: logging in and out, the region's accounts, one's own
//! account (password, API tokens), password links, the administrators'
//! list of all accounts, and the audit trail; pages and API side by side.

pub mod api;
pub mod pages;

use axum::Router;

use crate::state::AppState;
use crate::ui::nav::{Area, Tab};

/// The accounts area's tabs.
pub const AREA: Area = Area {
    name: "accounts",
    tabs: &[
        Tab {
            key: "accounts",
            path: "/accounts",
            label: "nav-accounts",
            manage_only: true,
        },
        Tab {
            key: "audit",
            path: "/audit",
            label: "nav-audit",
            manage_only: true,
        },
    ],
};

/// Pages that need a login (the caller adds the login check).
pub fn pages() -> Router<AppState> {
    pages::router()
}

/// Pages open to everyone: login, logout, language, password links.
pub fn public() -> Router<AppState> {
    pages::public_router()
}
