//! The registry area: the county overview, centres and their units, access
//! per municipality, population imports and the region's rules; pages and
//! API side by side.

pub mod api;
pub mod pages;

use axum::Router;

use crate::state::AppState;
use crate::ui::nav::{Area, Tab};

/// The registry's tabs.
pub const AREA: Area = Area {
    name: "registry",
    tabs: &[
        Tab {
            key: "overview",
            path: "",
            label: "nav-overview",
            manage_only: false,
        },
        Tab {
            key: "access",
            path: "/access",
            label: "nav-access",
            manage_only: false,
        },
        Tab {
            key: "settings",
            path: "/settings",
            label: "nav-settings",
            manage_only: true,
        },
    ],
};

/// The area's pages (the caller adds the login check).
pub fn pages() -> Router<AppState> {
    pages::router()
}
