//! Governance signals (*signaler*): per centre and per group for a year,
//! computed from the records, each with a reason a person can read. Green,
//! yellow or red — and unknown ("kan inte bedömas") where the data says
//! nothing: before a group existed, before anything was recorded, in a year
//! that has not begun. Missing data is never a failure.

mod groups;
mod people;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::Serialize;

pub use groups::{composition, meetings, minutes, period};
pub use people::{chair, coordinator, introductions, matters};

use super::assignment::Assignment;
use super::matter::MatterStatus;
use super::meeting::MeetingStatus;
use super::settings::GovernanceSettings;
use crate::service::BaseService;

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
    /// Red when something was missed, yellow when something was late (or
    /// fell short for a while), green otherwise.
    pub fn of(missed: bool, late: bool) -> Level {
        if missed {
            Level::Red
        } else if late {
            Level::Yellow
        } else {
            Level::Green
        }
    }

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
    /// The management group held its minimum number of meetings, with its members.
    ManagementMeetings,
    /// The management group has a manager from each base service at the centre.
    ManagementComposition,
    /// The municipality's steering group exists and held its minimum number of meetings.
    SteeringMeetings,
    /// A local coordinator is appointed with the region's share of a post, every day.
    CoordinatorAppointed,
    /// The management group has a chair for the year, rotating as the region says.
    ChairAppointed,
    /// Minutes were published within the region's number of days.
    MinutesPublished,
    /// People new to a role were introduced within the region's number of days.
    IntroductionsInTime,
    /// Matters to the steering group were answered within the region's number of days.
    MattersAnswered,
}

impl SignalKind {
    /// Every signal of a centre, in the order the overview shows them.
    pub const CENTRE: [SignalKind; 8] = [
        SignalKind::ManagementMeetings,
        SignalKind::ManagementComposition,
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
            SignalKind::ManagementComposition => "management_composition",
            SignalKind::SteeringMeetings => "steering_meetings",
            SignalKind::CoordinatorAppointed => "coordinator_appointed",
            SignalKind::ChairAppointed => "chair_appointed",
            SignalKind::MinutesPublished => "minutes_published",
            SignalKind::IntroductionsInTime => "introductions_in_time",
            SignalKind::MattersAnswered => "matters_answered",
        }
    }
}

/// Something about a chair the region asked to have flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChairFlag {
    /// Appointed without an end, or for more than about a year.
    OpenEnded,
    /// The same person chaired the year before too.
    SameAsLastYear,
    /// The chair is the centre's local coordinator.
    IsCoordinator,
}

impl ChairFlag {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            ChairFlag::OpenEnded => "open_ended",
            ChairFlag::SameAsLastYear => "same_as_last_year",
            ChairFlag::IsCoordinator => "is_coordinator",
        }
    }
}

/// Why a signal has its level; the web layer words it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// No group of the needed kind is recorded.
    NoGroup,
    /// The centre's municipality has no steering group.
    NoSteeringGroup,
    /// Nothing about this centre's governance is recorded yet.
    NoGovernanceData,
    /// The year has not begun.
    YearNotBegun,
    /// The group did not exist in the year.
    GroupNotInYear,
    /// Nothing was recorded for the group before the end of the year.
    BeforeRecords,
    /// The part of the year the group can be judged on is too short for any meeting to be due.
    PeriodTooShort,
    /// Meetings held with the members and still planned in the judged part of
    /// the year, against the minimum for that part.
    Meetings {
        /// Held with enough members.
        held: i64,
        /// Still planned.
        planned: i64,
        /// Required for the judged part of the year.
        required: i64,
        /// Required for a whole year (differs when only part of the year is judged).
        per_year: i64,
        /// Held, but with fewer members than the quorum: not counted.
        without_members: i64,
        /// Held, counted, but without recorded attendance.
        attendance_unknown: i64,
    },
    /// The centre has no open unit of a base service.
    NoBaseService,
    /// Which base services of the centre have a manager in its management group.
    Managers {
        /// Base services without a manager in the group.
        missing: Vec<BaseService>,
        /// Managers in the group whose service is not recorded.
        unplaced: i64,
        /// The service whose managers were absent most often, with how often.
        most_absent: Option<(BaseService, i64)>,
    },
    /// The coordinator's share of a post, looked at one day at a time.
    CoordinatorShare {
        /// Percent on the last day judged.
        percent: i64,
        /// The lowest share on any day judged.
        lowest: i64,
        /// Days with less than the minimum (no coordinator counts as 0 %).
        days_below: i64,
        /// The region's minimum (0: any share).
        minimum: i64,
    },
    /// The coordinator's post is not funded equally by the parties.
    CoordinatorFunding {
        /// Who pays how many percent of a post.
        payers: Vec<(String, i64)>,
    },
    /// A coordinator is appointed, but no share of a post is recorded.
    CoordinatorWithoutShare,
    /// No coordinator is appointed.
    NoCoordinator,
    /// A chair is appointed; what the region asked to have flagged about them.
    Chair {
        /// Flags (empty: all is well).
        flags: Vec<ChairFlag>,
    },
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
    /// Introductions of people new to a role.
    Introductions {
        /// New people who needed one.
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Signal {
    /// Which rule.
    pub kind: SignalKind,
    /// The verdict.
    pub level: Level,
    /// Why.
    pub reason: Reason,
}

impl Signal {
    /// A signal.
    pub fn new(kind: SignalKind, level: Level, reason: Reason) -> Signal {
        Signal { kind, level, reason }
    }

    /// A signal that cannot be assessed, and why.
    pub fn unknown(kind: SignalKind, reason: Reason) -> Signal {
        Signal::new(kind, Level::Unknown, reason)
    }
}

/// A meeting as the signals see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFact {
    /// Its date.
    pub date: NaiveDate,
    /// Planned, held or cancelled.
    pub status: MeetingStatus,
    /// When its minutes were published.
    pub minutes_published_on: Option<NaiveDate>,
    /// How many of the group's members took part; `None` when no attendance is recorded.
    pub present: Option<i64>,
    /// The base services of the members recorded as absent.
    pub absent: Vec<BaseService>,
}

/// A governing group as the signals see it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupFacts {
    /// When it started; `None` when not recorded.
    pub starts_on: Option<NaiveDate>,
    /// When it was disbanded.
    pub ends_on: Option<NaiveDate>,
    /// Its meetings (those of the year judged, or more).
    pub meetings: Vec<MeetingFact>,
    /// The day of its first recorded meeting in any year, when the
    /// meetings above are only some of them.
    pub first_meeting: Option<NaiveDate>,
}

impl GroupFacts {
    /// The first meeting recorded for the group (planned, held or cancelled).
    pub fn first_record(&self) -> Option<NaiveDate> {
        self.meetings
            .iter()
            .map(|m| m.date)
            .chain(self.first_meeting)
            .min()
    }
}

/// A manager's seat in a management group, as the signals see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagerFact {
    /// The base service of the unit the manager works at, if recorded.
    pub service: Option<BaseService>,
    /// The seat.
    pub seat: Assignment,
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

/// An assignment that made someone new to a role, as the signals see it.
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
    /// Its management group; `None` when it has none.
    pub management: Option<GroupFacts>,
    /// The steering group governing it (or its municipality's); `None` when none does.
    pub steering: Option<GroupFacts>,
    /// The base services of its open units.
    pub services: Vec<BaseService>,
    /// The managers' seats in its management group.
    pub managers: Vec<ManagerFact>,
    /// Its local-coordinator assignments.
    pub coordinators: Vec<Assignment>,
    /// Chair assignments of its management group.
    pub chairs: Vec<Assignment>,
    /// Assignments at the centre and in its groups that made someone new to a role.
    pub introductions: Vec<IntroductionFact>,
    /// Matters its management group raised.
    pub matters: Vec<MatterFact>,
}

impl CentreFacts {
    /// Whether anything about the centre's governance is recorded.
    pub fn recorded(&self) -> bool {
        self.management.is_some()
            || self.steering.is_some()
            || !self.coordinators.is_empty()
            || !self.chairs.is_empty()
            || !self.introductions.is_empty()
    }
}

/// The first and last day of a year.
pub(crate) fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX),
    )
}

/// The signals of one centre for a year that the region follows, in
/// [`SignalKind::CENTRE`] order (rules the region turned off are left out).
pub fn centre_signals(
    facts: &CentreFacts,
    settings: &GovernanceSettings,
    year: i32,
    today: NaiveDate,
) -> Vec<Signal> {
    let recorded = facts.recorded();
    let unrecorded = |kind| Signal::unknown(kind, Reason::NoGovernanceData);
    let mut out = Vec::with_capacity(SignalKind::CENTRE.len());
    for kind in settings.centre_kinds() {
        let s = match kind {
            SignalKind::ManagementMeetings => meetings(
                kind,
                facts.management.as_ref(),
                settings.min_management_meetings,
                settings.management_quorum,
                year,
                today,
            ),
            SignalKind::ManagementComposition => composition(facts, year, today),
            SignalKind::SteeringMeetings => match &facts.steering {
                None if recorded => Signal::new(kind, Level::Red, Reason::NoSteeringGroup),
                None => unrecorded(kind),
                Some(g) => meetings(kind, Some(g), settings.min_steering_meetings, 1, year, today),
            },
            SignalKind::CoordinatorAppointed if !recorded => unrecorded(kind),
            SignalKind::CoordinatorAppointed => coordinator(&facts.coordinators, settings, year, today),
            SignalKind::ChairAppointed => chair(facts, settings, year, today),
            SignalKind::MinutesPublished => minutes(
                facts.management.as_ref(),
                settings.minutes_within_days,
                year,
                today,
            ),
            SignalKind::IntroductionsInTime if !recorded => unrecorded(kind),
            SignalKind::IntroductionsInTime => introductions(&facts.introductions, settings, year, today),
            SignalKind::MattersAnswered if !recorded => unrecorded(kind),
            SignalKind::MattersAnswered => matters(&facts.matters, settings.matter_within_days, year, today),
        };
        out.push(s);
    }
    out
}
