//! A region's governance rules, kept as data.

use serde::{Deserialize, Serialize};

/// The numbers a region's guideline sets for governance (*riktlinje*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GovernanceSettings {
    /// Meetings a management group must hold a year (default 4).
    pub min_management_meetings: i64,
    /// Meetings a steering group must hold a year (default 1).
    pub min_steering_meetings: i64,
    /// Days after a meeting within which its minutes should be published (default 14).
    pub minutes_within_days: i64,
    /// Days after a new assignment starts within which the person should be introduced (default 90).
    pub introduction_within_days: i64,
    /// Days a matter may wait for its steering group before it is flagged (default 90).
    pub matter_within_days: i64,
}

impl Default for GovernanceSettings {
    fn default() -> Self {
        GovernanceSettings {
            min_management_meetings: 4,
            min_steering_meetings: 1,
            minutes_within_days: 14,
            introduction_within_days: 90,
            matter_within_days: 90,
        }
    }
}
