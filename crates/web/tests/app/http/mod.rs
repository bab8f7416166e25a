//! What every area shares: CSRF protection, error answers and security
//! headers, who may use which page and API route, the API's conventions and
//! its OpenAPI document, and a smoke test.

mod api;
mod csrf;
mod errors;
mod nowrap;
mod permissions;
mod smoke;
