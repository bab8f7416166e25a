//! Governance signals (*signaler*): per centre and per group for a year,
//! computed from the records, each with a reason a person can read. Green,
//! yellow or red — and unknown ("kan inte bedömas") where data is missing,
//! never a guess.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::assignment::Assignment;
use super::introduction::IntroductionState;
use super::matter::{MatterStatus, waiting_days};
use super::meeting::MeetingStatus;
use super::settings::GovernanceSettings;

/// How a signal looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The guideline is met.
    Green,
    /// Not yet met, but still can be; or met late.
    Yellow,
    /// Not met.
    Red,
    /// Cannot be assessed: the data is missing.
    Unknown,
}

impl Level {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Level::Green => "green",
            Level::Yellow => "yellow",
            Level::Red => "red",
            Level::Unknown => "unknown",
        }
    }
}

/// Which rule a signal checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// The management group held its minimum number of meetings.
    ManagementMeetings,
    /// The steering group held its minimum number of meetings.
    SteeringMeetings,
    /// A local coordinator is appointed with a share of a post.
    CoordinatorAppointed,
    /// The management group has a chair for the year.
    ChairAppointed,
    /// Minutes were published within the region's number of days.
    MinutesPublished,
    /// New people were introduced within the deadline.
    IntroductionsInTime,
    /// Matters to the steering group were answered within the deadline.
    MattersAnswered,
}

impl SignalKind {
    /// Every signal of a centre, in the order the overview shows them.
    pub const CENTRE: [SignalKind; 7] = [
        SignalKind::ManagementMeetings,
        SignalKind::SteeringMeetings,
        SignalKind::CoordinatorAppointed,
        SignalKind::ChairAppointed,
        SignalKind::MinutesPublished,
        SignalKind::IntroductionsInTime,
        SignalKind::MattersAnswered,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            SignalKind::ManagementMeetings => "management_meetings",
            SignalKind::SteeringMeetings => "steering_meetings",
            SignalKind::CoordinatorAppointed => "coordinator_appointed",
            SignalKind::ChairAppointed => "chair_appointed",
            SignalKind::MinutesPublished => "minutes_published",
            SignalKind::IntroductionsInTime => "introductions_in_time",
            SignalKind::MattersAnswered => "matters_answered",
        }
    }
}

/// Why a signal has its level; the web layer words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// No group of the needed kind is recorded.
    NoGroup,
    /// Nothing about this centre's governance is recorded yet.
    NoGovernanceData,
    /// Meetings held and still planned in the year, against the minimum.
    Meetings {
        /// Held.
        held: i64,
        /// Still planned this year.
        planned: i64,
        /// Required.
        required: i64,
    },
    /// A coordinator with this total share of a post (percent).
    CoordinatorShare {
        /// Percent.
        percent: i64,
    },
    /// A coordinator is appointed, but no share of a post is recorded.
    CoordinatorWithoutShare,
    /// No coordinator is appointed.
    NoCoordinator,
    /// A chair is appointed.
    Chair,
    /// No chair is appointed for the year.
    NoChair,
    /// No meetings were held, so no minutes are due.
    NoHeldMeetings,
    /// Minutes of held meetings: how many were published in time, late, or are missing past the deadline.
    Minutes {
        /// Held meetings.
        held: i64,
        /// Published within the deadline.
        in_time: i64,
        /// Published after it.
        late: i64,
        /// Not published, deadline passed.
        missing: i64,
    },
    /// Nobody new needed an introduction.
    NothingToIntroduce,
    /// Introductions of new people.
    Introductions {
        /// New assignments that needed one.
        due: i64,
        /// Done in time.
        in_time: i64,
        /// Done late.
        late: i64,
        /// Not done, deadline passed.
        overdue: i64,
    },
    /// No matters were raised.
    NoMatters,
    /// Matters raised to the steering group.
    Matters {
        /// Raised.
        raised: i64,
        /// Answered later than the deadline.
        late: i64,
        /// Still waiting past the deadline.
        overdue: i64,
    },
}

/// One signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signal {
    /// Which rule.
    pub kind: SignalKind,
    /// The verdict.
    pub level: Level,
    /// Why.
    pub reason: Reason,
}

/// A meeting as the signals see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingFact {
    /// Its date.
    pub date: NaiveDate,
    /// Planned, held or cancelled.
    pub status: MeetingStatus,
    /// When its minutes were published.
    pub minutes_published_on: Option<NaiveDate>,
}

/// A matter as the signals see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatterFact {
    /// Where it stands.
    pub status: MatterStatus,
    /// When it was submitted.
    pub submitted_on: Option<NaiveDate>,
    /// When it was decided.
    pub decided_on: Option<NaiveDate>,
}

/// An assignment that needs an introduction, as the signals see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntroductionFact {
    /// When the assignment started.
    pub starts_on: NaiveDate,
    /// When the person was introduced, if they were.
    pub introduced_on: Option<NaiveDate>,
}

/// Everything the signals of one centre need.
#[derive(Debug, Clone, Default)]
pub struct CentreFacts {
    /// Meetings of its management group; `None` when it has none.
    pub management: Option<Vec<MeetingFact>>,
    /// Meetings of the steering group governing it; `None` when none does.
    pub steering: Option<Vec<MeetingFact>>,
    /// Its local-coordinator assignments.
    pub coordinators: Vec<Assignment>,
    /// Chair assignments of its management group.
    pub chairs: Vec<Assignment>,
    /// New assignments at the centre and in its groups that need an introduction.
    pub introductions: Vec<IntroductionFact>,
    /// Matters its management group raised.
    pub matters: Vec<MatterFact>,
}

impl CentreFacts {
    fn recorded(&self) -> bool {
        self.management.is_some()
            || self.steering.is_some()
            || !self.coordinators.is_empty()
            || !self.chairs.is_empty()
            || !self.introductions.is_empty()
    }
}

fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Whether a group held its minimum of meetings in a year. While the year
/// runs, meetings still planned count towards yellow, not green.
pub fn meetings(
    kind: super::signals::SignalKind,
    meetings: Option<&[MeetingFact]>,
    required: i64,
    year: i32,
    today: NaiveDate,
) -> Signal {
    let Some(meetings) = meetings else {
        return Signal {
            kind,
            level: Level::Unknown,
            reason: Reason::NoGroup,
        };
    };
    let in_year = meetings.iter().filter(|m| m.date.year() == year);
    let held = in_year
        .clone()
        .filter(|m| m.status == MeetingStatus::Held)
        .count() as i64;
    let planned = in_year
        .filter(|m| m.status == MeetingStatus::Planned && m.date >= today)
        .count() as i64;
    let level = if held >= required {
        Level::Green
    } else if today <= year_end(year) && held + planned >= required {
        Level::Yellow
    } else {
        Level::Red
    };
    Signal {
        kind,
        level,
        reason: Reason::Meetings {
            held,
            planned,
            required,
        },
    }
}

/// Whether minutes of a group's held meetings in a year were published in time.
pub fn minutes(meetings: Option<&[MeetingFact]>, within_days: i64, year: i32, today: NaiveDate) -> Signal {
    let kind = SignalKind::MinutesPublished;
    let Some(meetings) = meetings else {
        return Signal {
            kind,
            level: Level::Unknown,
            reason: Reason::NoGroup,
        };
    };
    let held: Vec<&MeetingFact> = meetings
        .iter()
        .filter(|m| m.date.year() == year && m.status == MeetingStatus::Held)
        .collect();
    if held.is_empty() {
        return Signal {
            kind,
            level: Level::Unknown,
            reason: Reason::NoHeldMeetings,
        };
    }
    let (mut in_time, mut late, mut missing) = (0, 0, 0);
    for m in &held {
        let due = m.date + chrono::Duration::days(within_days);
        match m.minutes_published_on {
            Some(p) if p <= due => in_time += 1,
            Some(_) => late += 1,
            None if today > due => missing += 1,
            None => {}
        }
    }
    let level = if missing > 0 {
        Level::Red
    } else if late > 0 {
        Level::Yellow
    } else {
        Level::Green
    };
    Signal {
        kind,
        level,
        reason: Reason::Minutes {
            held: held.len() as i64,
            in_time,
            late,
            missing,
        },
    }
}

/// All signals of one centre for a year, in [`SignalKind::CENTRE`] order.
pub fn centre_signals(
    facts: &CentreFacts,
    settings: &GovernanceSettings,
    year: i32,
    today: NaiveDate,
) -> Vec<Signal> {
    let recorded = facts.recorded();
    let unknown = |kind| Signal {
        kind,
        level: Level::Unknown,
        reason: Reason::NoGovernanceData,
    };
    let mut out = vec![
        meetings(
            SignalKind::ManagementMeetings,
            facts.management.as_deref(),
            settings.min_management_meetings,
            year,
            today,
        ),
        meetings(
            SignalKind::SteeringMeetings,
            facts.steering.as_deref(),
            settings.min_steering_meetings,
            year,
            today,
        ),
    ];

    let coordinators: Vec<&Assignment> = facts
        .coordinators
        .iter()
        .filter(|a| a.active_during(year))
        .collect();
    let share: i64 = coordinators.iter().filter_map(|a| a.share_percent).sum();
    out.push(if !recorded {
        unknown(SignalKind::CoordinatorAppointed)
    } else if coordinators.is_empty() {
        Signal {
            kind: SignalKind::CoordinatorAppointed,
            level: Level::Red,
            reason: Reason::NoCoordinator,
        }
    } else if coordinators.iter().any(|a| a.share_percent.is_some()) {
        Signal {
            kind: SignalKind::CoordinatorAppointed,
            level: Level::Green,
            reason: Reason::CoordinatorShare { percent: share },
        }
    } else {
        Signal {
            kind: SignalKind::CoordinatorAppointed,
            level: Level::Yellow,
            reason: Reason::CoordinatorWithoutShare,
        }
    });

    out.push(match &facts.management {
        None => Signal {
            kind: SignalKind::ChairAppointed,
            level: Level::Unknown,
            reason: Reason::NoGroup,
        },
        Some(_) if facts.chairs.iter().any(|a| a.active_during(year)) => Signal {
            kind: SignalKind::ChairAppointed,
            level: Level::Green,
            reason: Reason::Chair,
        },
        Some(_) => Signal {
            kind: SignalKind::ChairAppointed,
            level: Level::Red,
            reason: Reason::NoChair,
        },
    });

    out.push(minutes(
        facts.management.as_deref(),
        settings.minutes_within_days,
        year,
        today,
    ));

    let due: Vec<IntroductionState> = facts
        .introductions
        .iter()
        .filter(|i| i.starts_on.year() == year)
        .map(|i| {
            IntroductionState::of(
                i.starts_on,
                i.introduced_on,
                settings.introduction_within_days,
                today,
            )
        })
        .collect();
    out.push(if !recorded {
        unknown(SignalKind::IntroductionsInTime)
    } else if due.is_empty() {
        Signal {
            kind: SignalKind::IntroductionsInTime,
            level: Level::Green,
            reason: Reason::NothingToIntroduce,
        }
    } else {
        let count = |f: fn(&IntroductionState) -> bool| due.iter().filter(|s| f(s)).count() as i64;
        let in_time = count(|s| matches!(s, IntroductionState::Done { .. }));
        let late = count(|s| matches!(s, IntroductionState::DoneLate { .. }));
        let overdue = count(|s| matches!(s, IntroductionState::Overdue { .. }));
        let level = if overdue > 0 {
            Level::Red
        } else if late > 0 {
            Level::Yellow
        } else {
            Level::Green
        };
        Signal {
            kind: SignalKind::IntroductionsInTime,
            level,
            reason: Reason::Introductions {
                due: due.len() as i64,
                in_time,
                late,
                overdue,
            },
        }
    });

    let relevant: Vec<&MatterFact> = facts
        .matters
        .iter()
        .filter(|m| m.submitted_on.is_some_and(|s| s.year() <= year))
        .filter(|m| m.status.is_waiting() || m.decided_on.is_some_and(|d| d.year() >= year))
        .collect();
    out.push(if !recorded {
        unknown(SignalKind::MattersAnswered)
    } else if relevant.is_empty() {
        Signal {
            kind: SignalKind::MattersAnswered,
            level: Level::Green,
            reason: Reason::NoMatters,
        }
    } else {
        let limit = settings.matter_within_days;
        let end = today.min(year_end(year));
        let waited = |m: &MatterFact| waiting_days(m.submitted_on, m.decided_on, end).unwrap_or(0);
        let overdue = relevant
            .iter()
            .filter(|m| m.status.is_waiting() && waited(m) > limit)
            .count() as i64;
        let late = relevant
            .iter()
            .filter(|m| !m.status.is_waiting() && waited(m) > limit)
            .count() as i64;
        let level = if overdue > 0 {
            Level::Red
        } else if late > 0 {
            Level::Yellow
        } else {
            Level::Green
        };
        Signal {
            kind: SignalKind::MattersAnswered,
            level,
            reason: Reason::Matters {
                raised: relevant.len() as i64,
                late,
                overdue,
            },
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::governance::assignment::AssignmentKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn held(y: i32, m: u32, published: Option<NaiveDate>) -> MeetingFact {
        MeetingFact {
            date: d(y, m, 10),
            status: MeetingStatus::Held,
            minutes_published_on: published,
        }
    }

    fn planned(y: i32, m: u32) -> MeetingFact {
        MeetingFact {
            date: d(y, m, 10),
            status: MeetingStatus::Planned,
            minutes_published_on: None,
        }
    }

    fn assignment(kind: AssignmentKind, start: NaiveDate, share: Option<i64>) -> Assignment {
        Assignment {
            id: 1,
            person_id: 1,
            kind,
            region_id: 1,
            centre_id: Some(1),
            group_id: None,
            share_percent: share,
            paid_by: None,
            minutes_per_week: None,
            starts_on: start,
            ends_on: None,
        }
    }

    fn level(signals: &[Signal], kind: SignalKind) -> (Level, Reason) {
        let s = signals.iter().find(|s| s.kind == kind).expect("signal");
        (s.level, s.reason.clone())
    }

    const S: GovernanceSettings = GovernanceSettings {
        min_management_meetings: 4,
        min_steering_meetings: 1,
        minutes_within_days: 14,
        introduction_within_days: 90,
        matter_within_days: 90,
    };

    #[test]
    fn four_management_meetings_are_green_three_are_red_after_the_year() {
        let four = vec![
            held(2024, 2, None),
            held(2024, 5, None),
            held(2024, 9, None),
            held(2024, 11, None),
        ];
        let s = meetings(
            SignalKind::ManagementMeetings,
            Some(&four),
            4,
            2024,
            d(2025, 3, 1),
        );
        assert_eq!(s.level, Level::Green);
        let three = &four[..3];
        let s = meetings(
            SignalKind::ManagementMeetings,
            Some(three),
            4,
            2024,
            d(2025, 3, 1),
        );
        assert_eq!(
            (s.level, s.reason),
            (
                Level::Red,
                Reason::Meetings {
                    held: 3,
                    planned: 0,
                    required: 4
                }
            )
        );
    }

    #[test]
    fn while_the_year_runs_planned_meetings_make_it_yellow() {
        let ms = vec![
            held(2025, 2, None),
            held(2025, 5, None),
            planned(2025, 9),
            planned(2025, 11),
        ];
        let s = meetings(SignalKind::ManagementMeetings, Some(&ms), 4, 2025, d(2025, 6, 1));
        assert_eq!(
            (s.level, s.reason),
            (
                Level::Yellow,
                Reason::Meetings {
                    held: 2,
                    planned: 2,
                    required: 4
                }
            )
        );
        let s = meetings(
            SignalKind::ManagementMeetings,
            Some(&ms[..3]),
            4,
            2025,
            d(2025, 6, 1),
        );
        assert_eq!(
            s.level,
            Level::Red,
            "two held and one planned can no longer reach four"
        );
    }

    #[test]
    fn a_missing_group_cannot_be_assessed() {
        let s = meetings(SignalKind::SteeringMeetings, None, 1, 2024, d(2025, 1, 1));
        assert_eq!((s.level, s.reason), (Level::Unknown, Reason::NoGroup));
        let all = centre_signals(&CentreFacts::default(), &S, 2024, d(2025, 1, 1));
        assert!(all.iter().all(|s| s.level == Level::Unknown), "{all:?}");
        assert_eq!(all.len(), SignalKind::CENTRE.len());
    }

    #[test]
    fn minutes_are_green_in_time_yellow_late_red_missing() {
        let ok = [held(2024, 3, Some(d(2024, 3, 20)))];
        assert_eq!(minutes(Some(&ok), 14, 2024, d(2024, 12, 1)).level, Level::Green);
        let late = [held(2024, 3, Some(d(2024, 4, 30)))];
        assert_eq!(
            minutes(Some(&late), 14, 2024, d(2024, 12, 1)).level,
            Level::Yellow
        );
        let missing = [held(2024, 3, None)];
        let s = minutes(Some(&missing), 14, 2024, d(2024, 12, 1));
        assert_eq!(
            (s.level, s.reason),
            (
                Level::Red,
                Reason::Minutes {
                    held: 1,
                    in_time: 0,
                    late: 0,
                    missing: 1
                }
            )
        );
        let fresh = [held(2024, 11, None)];
        assert_eq!(
            minutes(Some(&fresh), 14, 2024, d(2024, 11, 15)).level,
            Level::Green,
            "not yet due"
        );
        assert_eq!(
            minutes(Some(&[]), 14, 2024, d(2024, 11, 15)).reason,
            Reason::NoHeldMeetings
        );
    }

    #[test]
    fn coordinator_needs_a_share_of_a_post() {
        let base = CentreFacts {
            management: Some(vec![]),
            ..CentreFacts::default()
        };
        let s = centre_signals(&base, &S, 2024, d(2024, 6, 1));
        assert_eq!(
            level(&s, SignalKind::CoordinatorAppointed),
            (Level::Red, Reason::NoCoordinator)
        );
        let with = CentreFacts {
            coordinators: vec![assignment(
                AssignmentKind::LocalCoordinator,
                d(2023, 1, 1),
                Some(20),
            )],
            ..base.clone()
        };
        let s = centre_signals(&with, &S, 2024, d(2024, 6, 1));
        assert_eq!(
            level(&s, SignalKind::CoordinatorAppointed),
            (Level::Green, Reason::CoordinatorShare { percent: 20 })
        );
        let without = CentreFacts {
            coordinators: vec![assignment(AssignmentKind::LocalCoordinator, d(2023, 1, 1), None)],
            ..base
        };
        let s = centre_signals(&without, &S, 2024, d(2024, 6, 1));
        assert_eq!(level(&s, SignalKind::CoordinatorAppointed).0, Level::Yellow);
    }

    #[test]
    fn a_chair_is_needed_each_year() {
        let mut f = CentreFacts {
            management: Some(vec![]),
            ..CentreFacts::default()
        };
        f.chairs.push(Assignment {
            ends_on: Some(d(2023, 12, 31)),
            ..assignment(AssignmentKind::ManagementChair, d(2023, 1, 1), None)
        });
        let s = centre_signals(&f, &S, 2024, d(2024, 6, 1));
        assert_eq!(
            level(&s, SignalKind::ChairAppointed),
            (Level::Red, Reason::NoChair)
        );
        let s = centre_signals(&f, &S, 2023, d(2024, 6, 1));
        assert_eq!(
            level(&s, SignalKind::ChairAppointed),
            (Level::Green, Reason::Chair)
        );
    }

    #[test]
    fn introductions_overdue_are_red_late_yellow_none_green() {
        let mut f = CentreFacts {
            management: Some(vec![]),
            ..CentreFacts::default()
        };
        let s = centre_signals(&f, &S, 2024, d(2024, 12, 1));
        assert_eq!(
            level(&s, SignalKind::IntroductionsInTime),
            (Level::Green, Reason::NothingToIntroduce)
        );
        f.introductions = vec![
            IntroductionFact {
                starts_on: d(2024, 1, 1),
                introduced_on: Some(d(2024, 2, 1)),
            },
            IntroductionFact {
                starts_on: d(2024, 2, 1),
                introduced_on: Some(d(2024, 8, 1)),
            },
        ];
        let s = centre_signals(&f, &S, 2024, d(2024, 12, 1));
        assert_eq!(level(&s, SignalKind::IntroductionsInTime).0, Level::Yellow);
        f.introductions.push(IntroductionFact {
            starts_on: d(2024, 3, 1),
            introduced_on: None,
        });
        let s = centre_signals(&f, &S, 2024, d(2024, 12, 1));
        assert_eq!(
            level(&s, SignalKind::IntroductionsInTime),
            (
                Level::Red,
                Reason::Introductions {
                    due: 3,
                    in_time: 1,
                    late: 1,
                    overdue: 1
                }
            )
        );
    }

    #[test]
    fn matters_waiting_too_long_are_flagged() {
        let mut f = CentreFacts {
            management: Some(vec![]),
            ..CentreFacts::default()
        };
        f.matters = vec![MatterFact {
            status: MatterStatus::Submitted,
            submitted_on: Some(d(2024, 1, 10)),
            decided_on: None,
        }];
        let s = centre_signals(&f, &S, 2024, d(2024, 3, 1));
        assert_eq!(
            level(&s, SignalKind::MattersAnswered).0,
            Level::Green,
            "50 days is within 90"
        );
        let s = centre_signals(&f, &S, 2024, d(2024, 6, 1));
        assert_eq!(
            level(&s, SignalKind::MattersAnswered),
            (
                Level::Red,
                Reason::Matters {
                    raised: 1,
                    late: 0,
                    overdue: 1
                }
            )
        );
        f.matters[0] = MatterFact {
            status: MatterStatus::Decided,
            submitted_on: Some(d(2024, 1, 10)),
            decided_on: Some(d(2024, 6, 1)),
        };
        assert_eq!(
            level(
                &centre_signals(&f, &S, 2024, d(2024, 12, 1)),
                SignalKind::MattersAnswered
            )
            .0,
            Level::Yellow
        );
        f.matters.clear();
        assert_eq!(
            level(
                &centre_signals(&f, &S, 2024, d(2024, 12, 1)),
                SignalKind::MattersAnswered
            )
            .1,
            Reason::NoMatters
        );
    }
}
