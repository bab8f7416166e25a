//! Survey pages.

pub mod respond;
