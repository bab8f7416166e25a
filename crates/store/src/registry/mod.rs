//! The registry: regions with their rules, municipalities and population,
//! centres and their units.

pub mod centres;
pub mod municipalities;
pub mod regions;
