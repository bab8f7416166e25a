//! The registry: regions and their rules, centres with their premises and
//! units, municipalities, population and access.

pub mod access;
pub mod centres;
pub mod premises;
pub mod regions;
pub mod settings;
pub mod units;

pub use centres::CentreView;
