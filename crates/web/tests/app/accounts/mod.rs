//! The accounts area: logging in, the region's accounts, the audit trail
//! and API tokens.

mod audit;
mod lockout;
mod login;
mod passwords;
mod region_accounts;
mod sessions;
mod tokens;
