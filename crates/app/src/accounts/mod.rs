//! Accounts: logging in, who a request belongs to, managing accounts and
//! their roles, passwords and password links, API tokens, and the audit trail.

pub mod audit;
pub mod context;
pub mod login;
mod mails;
pub mod manage;
pub mod me;
pub mod passwords;
pub mod resets;
pub mod sessions;
pub mod tokens;

pub use samverka_store::accounts::users::StoredGrant;
