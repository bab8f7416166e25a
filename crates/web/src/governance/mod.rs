//! The governance area: people and their assignments, groups, who decides
//! for a centre, meetings and minutes, decisions, matters, introductions and
//! the signals; pages and API side by side.

pub mod api;
pub mod pages;
pub mod words;

use axum::Router;

use crate::state::AppState;
use crate::ui::nav::{Area, Tab};

/// The governance tabs.
pub const AREA: Area = Area {
    name: "governance",
    tabs: &[
        Tab {
            key: "signals",
            path: "/signals",
            label: "nav-signals",
            manage_only: false,
        },
        Tab {
            key: "groups",
            path: "/groups",
            label: "nav-groups",
            manage_only: false,
        },
        Tab {
            key: "people",
            path: "/people",
            label: "nav-people",
            manage_only: false,
        },
        Tab {
            key: "decisions",
            path: "/decisions",
            label: "nav-decisions",
            manage_only: false,
        },
        Tab {
            key: "matters",
            path: "/matters",
            label: "nav-matters",
            manage_only: false,
        },
        Tab {
            key: "introductions",
            path: "/introductions",
            label: "nav-introductions",
            manage_only: false,
        },
    ],
};

/// The area's pages (the caller adds the login check).
pub fn pages() -> Router<AppState> {
    pages::router()
}
