//! The registry area: centres and their units, the overview, access and
//! population numbers, and the region's classification rules.

mod access;
mod api_close;
mod centres;
mod overview;
mod population;
mod reopen;
mod settings;
mod units;
