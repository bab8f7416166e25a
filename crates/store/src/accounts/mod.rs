//! Accounts: logins, grants, API tokens, sessions and the login throttle.

pub mod resets;
pub mod sessions;
pub mod throttle;
pub mod tokens;
pub mod users;
