//! Survey pages.

pub mod answer;
pub mod respond;
