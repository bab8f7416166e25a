//! The registry: regions and their rules, centres and their units,
//! municipalities, population and access.

pub mod access;
pub mod centres;
pub mod regions;
pub mod settings;
pub mod units;

pub use centres::CentreView;
