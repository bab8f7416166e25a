//! The registry of the demo data sets: regions, municipalities, centres,
//! their units and premises, population, and the demo accounts.

pub(crate) mod county;
pub(crate) mod national;
