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

/// A region's governance numbers as typed into the settings form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct GovernanceDraft {
    /// Meetings a management group must hold a year.
    #[serde(default)]
    pub min_management_meetings: String,
    /// Meetings a steering group must hold a year.
    #[serde(default)]
    pub min_steering_meetings: String,
    /// Days within which minutes should be published.
    #[serde(default)]
    pub minutes_within_days: String,
    /// Days within which new people should be introduced.
    #[serde(default)]
    pub introduction_within_days: String,
    /// Days a matter may wait.
    #[serde(default)]
    pub matter_within_days: String,
}

impl GovernanceDraft {
    /// The form filled in with a region's current numbers.
    pub fn of(g: &GovernanceSettings) -> GovernanceDraft {
        GovernanceDraft {
            min_management_meetings: g.min_management_meetings.to_string(),
            min_steering_meetings: g.min_steering_meetings.to_string(),
            minutes_within_days: g.minutes_within_days.to_string(),
            introduction_within_days: g.introduction_within_days.to_string(),
            matter_within_days: g.matter_within_days.to_string(),
        }
    }

    /// Checks every number (whole numbers 0–365); returns all problems at once.
    pub fn validate(&self) -> Result<GovernanceSettings, crate::FieldErrors> {
        let mut errors = crate::FieldErrors::default();
        let mut number = |field: &'static str, text: &str| -> i64 {
            match text.trim().parse::<i64>() {
                Ok(n) if (0..=365).contains(&n) => n,
                _ => {
                    errors.add(field, "gov-number");
                    0
                }
            }
        };
        let g = GovernanceSettings {
            min_management_meetings: number("min_management_meetings", &self.min_management_meetings),
            min_steering_meetings: number("min_steering_meetings", &self.min_steering_meetings),
            minutes_within_days: number("minutes_within_days", &self.minutes_within_days),
            introduction_within_days: number("introduction_within_days", &self.introduction_within_days),
            matter_within_days: number("matter_within_days", &self.matter_within_days),
        };
        errors.into_result(g)
    }
}
