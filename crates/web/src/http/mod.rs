//! What every area's HTTP needs: who is calling (sessions, tokens, the
//! client's address), CSRF protection, languages, the one mapping from the
//! application's errors to pages and to the API's JSON, security and cache
//! headers, the health check and static files.

pub mod api_error;
pub mod auth;
pub mod client;
pub mod csrf;
pub mod error;
pub mod extract;
pub mod headers;
pub mod i18n;
pub mod session_store;
pub mod static_files;
