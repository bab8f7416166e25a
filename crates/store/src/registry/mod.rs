//! The registry: regions with their rules, municipalities and population,
//! centres with their premises and units.

pub mod centres;
pub mod municipalities;
pub mod premises;
pub mod regions;
