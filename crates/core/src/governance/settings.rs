//! A region's governance rules, kept as data: the numbers its guideline
//! sets, the thresholds the region chose for itself, and who introduces whom.

use serde::{Deserialize, Serialize};

use super::introduction::Responsible;
use super::signals::SignalKind;

/// Where a threshold comes from: the guideline itself, or the region's own
/// choice for following it up (the guidelines say nothing of minutes within
/// 14 days, say; a region may still want them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The region's guideline sets it (*riktlinjen*).
    Guideline,
    /// The region chose it for its follow-up (*regionens eget val*).
    Region,
}

impl Source {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Source::Guideline => "guideline",
            Source::Region => "region",
        }
    }
}

/// Who introduces people new to each role, per region (*vem introducerar vem*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Introducers {
    /// New local coordinators.
    pub coordinator: Responsible,
    /// New managers in a management group.
    pub manager: Responsible,
    /// New members of a steering or preparation group.
    pub steering: Responsible,
    /// New staff at a centre.
    pub staff: Responsible,
}

/// The numbers and choices a region's guideline sets for governance (*riktlinje*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GovernanceSettings {
    /// Meetings a management group must hold a year (guideline; default 4).
    pub min_management_meetings: i64,
    /// Meetings a steering group must hold a year (guideline; default 1).
    pub min_steering_meetings: i64,
    /// Managers who must take part for a management-group meeting to count as held (default 1).
    pub management_quorum: i64,
    /// The smallest share of a post, in percent, the local coordinator must
    /// have on every day (guideline; Uppsala 20). 0: any recorded share will do.
    pub min_coordinator_percent: i64,
    /// Whether the parties must fund the coordinator equally (Skåne).
    pub coordinator_equal_funding: bool,
    /// Flag a chair appointed without an end or for more than about a year.
    pub chair_one_year: bool,
    /// Flag the same chair two years in a row.
    pub chair_rotates: bool,
    /// Flag the local coordinator as chair of the management group.
    pub chair_not_coordinator: bool,
    /// Days after a meeting within which its minutes should be published
    /// (the region's own choice; 0 turns the rule off; default 14).
    pub minutes_within_days: i64,
    /// Days after someone new starts within which they should be introduced
    /// (the region's own choice; 0 turns the rule off; default 90).
    pub introduction_within_days: i64,
    /// Days a matter may wait for its steering group before it is flagged
    /// (the region's own choice; 0 turns the rule off; default 90).
    pub matter_within_days: i64,
    /// Who introduces people new to each role.
    pub introducers: Introducers,
}

impl Default for GovernanceSettings {
    fn default() -> Self {
        GovernanceSettings::uppsala()
    }
}

impl GovernanceSettings {
    /// As Region Uppsala's guideline sets it: four management-group meetings
    /// and one steering-group meeting a year, a coordinator on at least 20 %
    /// of a post, a chair appointed yearly; the county coordination
    /// introduces new coordinators, managers and steering members.
    pub fn uppsala() -> GovernanceSettings {
        GovernanceSettings {
            min_management_meetings: 4,
            min_steering_meetings: 1,
            management_quorum: 1,
            min_coordinator_percent: 20,
            coordinator_equal_funding: false,
            chair_one_year: true,
            chair_rotates: true,
            chair_not_coordinator: false,
            minutes_within_days: 14,
            introduction_within_days: 90,
            matter_within_days: 90,
            introducers: Introducers {
                coordinator: Responsible::CountyCoordination,
                manager: Responsible::CountyCoordination,
                steering: Responsible::CountyCoordination,
                staff: Responsible::LocalCoordinator,
            },
        }
    }

    /// As Region Skåne's guidance sets it: the parties fund the coordinator
    /// equally and the steering group introduces a new coordinator.
    pub fn skane() -> GovernanceSettings {
        GovernanceSettings {
            min_coordinator_percent: 0,
            coordinator_equal_funding: true,
            chair_not_coordinator: true,
            introducers: Introducers {
                coordinator: Responsible::SteeringGroup,
                manager: Responsible::CountyCoordination,
                steering: Responsible::CountyCoordination,
                staff: Responsible::LocalCoordinator,
            },
            ..GovernanceSettings::uppsala()
        }
    }

    /// Where the threshold of a signal comes from.
    pub fn source(kind: SignalKind) -> Source {
        match kind {
            SignalKind::MinutesPublished | SignalKind::IntroductionsInTime | SignalKind::MattersAnswered => {
                Source::Region
            }
            _ => Source::Guideline,
        }
    }

    /// Whether the region follows a signal up at all (the region's own
    /// thresholds can be turned off).
    pub fn follows(&self, kind: SignalKind) -> bool {
        match kind {
            SignalKind::MinutesPublished => self.minutes_within_days > 0,
            SignalKind::IntroductionsInTime => self.introduction_within_days > 0,
            SignalKind::MattersAnswered => self.matter_within_days > 0,
            _ => true,
        }
    }

    /// The signals of a centre the region follows, in the overview's order.
    pub fn centre_kinds(&self) -> Vec<SignalKind> {
        SignalKind::CENTRE
            .iter()
            .copied()
            .filter(|k| self.follows(*k))
            .collect()
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
    /// Managers needed for a meeting to count.
    #[serde(default)]
    pub management_quorum: String,
    /// The coordinator's smallest share of a post.
    #[serde(default)]
    pub min_coordinator_percent: String,
    /// Equal funding of the coordinator (a checkbox: present when ticked).
    #[serde(default)]
    pub coordinator_equal_funding: Option<String>,
    /// Flag chairs appointed for longer than a year.
    #[serde(default)]
    pub chair_one_year: Option<String>,
    /// Flag the same chair two years in a row.
    #[serde(default)]
    pub chair_rotates: Option<String>,
    /// Flag the local coordinator as chair.
    #[serde(default)]
    pub chair_not_coordinator: Option<String>,
    /// Days within which minutes should be published.
    #[serde(default)]
    pub minutes_within_days: String,
    /// Days within which new people should be introduced.
    #[serde(default)]
    pub introduction_within_days: String,
    /// Days a matter may wait.
    #[serde(default)]
    pub matter_within_days: String,
    /// Who introduces new coordinators.
    #[serde(default)]
    pub introducer_coordinator: String,
    /// Who introduces new managers.
    #[serde(default)]
    pub introducer_manager: String,
    /// Who introduces new steering members.
    #[serde(default)]
    pub introducer_steering: String,
    /// Who introduces new staff.
    #[serde(default)]
    pub introducer_staff: String,
}

fn ticked(b: bool) -> Option<String> {
    b.then(|| "on".to_string())
}

impl GovernanceDraft {
    /// The form filled in with a region's current numbers.
    pub fn of(g: &GovernanceSettings) -> GovernanceDraft {
        GovernanceDraft {
            min_management_meetings: g.min_management_meetings.to_string(),
            min_steering_meetings: g.min_steering_meetings.to_string(),
            management_quorum: g.management_quorum.to_string(),
            min_coordinator_percent: g.min_coordinator_percent.to_string(),
            coordinator_equal_funding: ticked(g.coordinator_equal_funding),
            chair_one_year: ticked(g.chair_one_year),
            chair_rotates: ticked(g.chair_rotates),
            chair_not_coordinator: ticked(g.chair_not_coordinator),
            minutes_within_days: g.minutes_within_days.to_string(),
            introduction_within_days: g.introduction_within_days.to_string(),
            matter_within_days: g.matter_within_days.to_string(),
            introducer_coordinator: g.introducers.coordinator.code().into(),
            introducer_manager: g.introducers.manager.code().into(),
            introducer_steering: g.introducers.steering.code().into(),
            introducer_staff: g.introducers.staff.code().into(),
        }
    }

    /// Checks every field; returns all problems at once. Counts and days are
    /// whole numbers 0–365, the quorum 1–20, the share 0–100.
    pub fn validate(&self) -> Result<GovernanceSettings, crate::FieldErrors> {
        let mut errors = crate::FieldErrors::default();
        let mut number =
            |field: &'static str, text: &str, range: std::ops::RangeInclusive<i64>, code: &'static str| {
                match text.trim().parse::<i64>() {
                    Ok(n) if range.contains(&n) => n,
                    _ => {
                        errors.add(field, code);
                        *range.start()
                    }
                }
            };
        let d = self;
        let min_management_meetings = number(
            "min_management_meetings",
            &d.min_management_meetings,
            0..=365,
            "gov-number",
        );
        let min_steering_meetings = number(
            "min_steering_meetings",
            &d.min_steering_meetings,
            0..=365,
            "gov-number",
        );
        let management_quorum = number("management_quorum", &d.management_quorum, 1..=20, "gov-quorum");
        let min_coordinator_percent = number(
            "min_coordinator_percent",
            &d.min_coordinator_percent,
            0..=100,
            "gov-percent",
        );
        let minutes_within_days = number(
            "minutes_within_days",
            &d.minutes_within_days,
            0..=365,
            "gov-number",
        );
        let introduction_within_days = number(
            "introduction_within_days",
            &d.introduction_within_days,
            0..=365,
            "gov-number",
        );
        let matter_within_days = number("matter_within_days", &d.matter_within_days, 0..=365, "gov-number");
        let mut who = |field: &'static str, text: &str| -> Responsible {
            Responsible::parse(text).unwrap_or_else(|| {
                errors.add(field, "invalid-choice");
                Responsible::CountyCoordination
            })
        };
        let introducers = Introducers {
            coordinator: who("introducer_coordinator", &self.introducer_coordinator),
            manager: who("introducer_manager", &self.introducer_manager),
            steering: who("introducer_steering", &self.introducer_steering),
            staff: who("introducer_staff", &self.introducer_staff),
        };
        let g = GovernanceSettings {
            min_management_meetings,
            min_steering_meetings,
            management_quorum,
            min_coordinator_percent,
            coordinator_equal_funding: self.coordinator_equal_funding.is_some(),
            chair_one_year: self.chair_one_year.is_some(),
            chair_rotates: self.chair_rotates.is_some(),
            chair_not_coordinator: self.chair_not_coordinator.is_some(),
            minutes_within_days,
            introduction_within_days,
            matter_within_days,
            introducers,
        };
        errors.into_result(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_round_trips_and_refuses_nonsense() {
        for g in [GovernanceSettings::uppsala(), GovernanceSettings::skane()] {
            assert_eq!(GovernanceDraft::of(&g).validate(), Ok(g));
        }
        let bad = GovernanceDraft {
            management_quorum: "0".into(),
            min_coordinator_percent: "120".into(),
            introducer_staff: "grannen".into(),
            ..GovernanceDraft::of(&GovernanceSettings::uppsala())
        };
        let e = bad.validate().expect_err("refused");
        assert_eq!(e.get("management_quorum"), Some("gov-quorum"));
        assert_eq!(e.get("min_coordinator_percent"), Some("gov-percent"));
        assert_eq!(e.get("introducer_staff"), Some("invalid-choice"));
    }

    #[test]
    fn the_regions_own_thresholds_say_so_and_can_be_turned_off() {
        assert_eq!(
            GovernanceSettings::source(SignalKind::ManagementMeetings),
            Source::Guideline
        );
        assert_eq!(
            GovernanceSettings::source(SignalKind::MinutesPublished),
            Source::Region
        );
        let off = GovernanceSettings {
            minutes_within_days: 0,
            ..GovernanceSettings::uppsala()
        };
        assert!(!off.follows(SignalKind::MinutesPublished));
        assert!(!off.centre_kinds().contains(&SignalKind::MinutesPublished));
        assert!(off.centre_kinds().contains(&SignalKind::ManagementMeetings));
    }

    #[test]
    fn presets_differ_where_the_regions_do() {
        assert_eq!(GovernanceSettings::uppsala().min_coordinator_percent, 20);
        assert_eq!(
            GovernanceSettings::uppsala().introducers.coordinator,
            Responsible::CountyCoordination
        );
        assert_eq!(
            GovernanceSettings::skane().introducers.coordinator,
            Responsible::SteeringGroup
        );
        assert!(GovernanceSettings::skane().coordinator_equal_funding);
    }
}
