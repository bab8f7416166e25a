//! The governance area: people and their assignments, groups, "Vem
//! beslutar?", the contact list, GDPR requests, meetings and minutes,
//! decisions, signals, matters and introductions.

mod api;
mod contacts;
mod decisions;
mod gdpr;
mod groups;
mod introductions;
mod matters;
mod meetings;
mod people;
mod signals;
mod who_decides;
