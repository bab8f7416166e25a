//! The HTTP tests of samverka, in one binary laid out like the areas: real
//! requests against a real server and database, with the demo county loaded.
//!
//! Every test runs on SQLite and, when a server answers, on PostgreSQL
//! (`TestApp::all()`). Test data is made through the application (the
//! loader and the builders in `support`) or through the pages and the API;
//! assertions may read the store directly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod accounts;
mod governance;
mod http;
mod platform;
mod registry;
mod surveys;
