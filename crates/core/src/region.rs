//! Regions (counties) and their municipalities.

use serde::Serialize;

use crate::classification::RuleSet;
use crate::governance::GovernanceSettings;

/// A region (*region* / *län*) with its rules, kept as data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    /// Id.
    pub id: i64,
    /// Name, e.g. "Region Uppsala".
    pub name: String,
    /// Official county code, e.g. "03".
    pub code: Option<String>,
    /// How its centres are classified.
    pub rules: RuleSet,
    /// Its governance rules: meetings, deadlines.
    pub governance: GovernanceSettings,
}

/// A municipality (*kommun*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Municipality {
    /// Id.
    pub id: i64,
    /// The region it lies in.
    pub region_id: i64,
    /// Official four-digit code (SCB), e.g. "0380".
    pub code: String,
    /// Name, e.g. "Uppsala".
    pub name: String,
}
