//! HTTP tests: real requests against a real server and database.
//!
//! Every test runs on SQLite and, when a server answers, on PostgreSQL
//! (`TestApp::all()`), with the demo county loaded.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

mod access;
mod accounts;
mod api;
mod audit;
mod centres;
mod csrf;
mod errors;
mod login;
mod permissions;
mod smoke;
