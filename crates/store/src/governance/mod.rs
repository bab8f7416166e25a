//! Governance: people and their assignments, groups, meetings with
//! attendance and minutes, decisions, matters and introductions.

pub mod assignments;
pub mod decisions;
pub mod groups;
pub mod introductions;
pub mod matters;
pub mod meetings;
pub mod people;
pub mod signals;
