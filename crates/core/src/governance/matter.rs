//! Matters (*ärenden*) raised to a steering group, and their path.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::coded_enum;

/// Where a matter stands. It moves forward one step at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatterStatus {
    /// Being written by the raiser.
    Draft,
    /// Sent to the steering group.
    Submitted,
    /// Put on a meeting's agenda.
    OnAgenda,
    /// Decided (linked to the decision).
    Decided,
    /// The answer has been reported back to the raiser.
    ReportedBack,
}

coded_enum!(MatterStatus, "matter status" {
    Draft => "draft",
    Submitted => "submitted",
    OnAgenda => "on_agenda",
    Decided => "decided",
    ReportedBack => "reported_back",
});

impl MatterStatus {
    /// The next step, if any.
    pub fn next(self) -> Option<MatterStatus> {
        match self {
            MatterStatus::Draft => Some(MatterStatus::Submitted),
            MatterStatus::Submitted => Some(MatterStatus::OnAgenda),
            MatterStatus::OnAgenda => Some(MatterStatus::Decided),
            MatterStatus::Decided => Some(MatterStatus::ReportedBack),
            MatterStatus::ReportedBack => None,
        }
    }

    /// Whether a matter in this state is waiting for the steering group.
    pub fn is_waiting(self) -> bool {
        matches!(self, MatterStatus::Submitted | MatterStatus::OnAgenda)
    }
}

/// How long a matter waited (or has waited so far) for its steering group:
/// from submission to decision, or to today while undecided.
pub fn waiting_days(
    submitted_on: Option<NaiveDate>,
    decided_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<i64> {
    let start = submitted_on?;
    Some((decided_on.unwrap_or(today) - start).num_days())
}

/// A matter (*ärende*) raised to a steering group, and its path so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matter {
    /// Id.
    pub id: i64,
    /// Region.
    pub region_id: i64,
    /// The group that raised it (a management or preparation group), if any.
    pub from_group_id: Option<i64>,
    /// The steering group it is raised to.
    pub to_group_id: i64,
    /// Title.
    pub title: String,
    /// What is asked.
    pub body: Option<String>,
    /// Where it stands.
    pub status: MatterStatus,
    /// The decision that answered it.
    pub decision_id: Option<i64>,
    /// Every step so far, oldest first.
    pub steps: Vec<MatterStep>,
}

impl Matter {
    /// The day it reached a status, if it did.
    pub fn reached(&self, status: MatterStatus) -> Option<NaiveDate> {
        self.steps.iter().find(|s| s.status == status).map(|s| s.on)
    }

    /// Days it has waited (or waited) for its steering group: from submission
    /// to decision, or to today while undecided.
    pub fn waited(&self, today: NaiveDate) -> Option<i64> {
        waiting_days(
            self.reached(MatterStatus::Submitted),
            self.reached(MatterStatus::Decided),
            today,
        )
    }

    /// Whether its steering group was (or is) too slow: it still waits past
    /// the deadline, or it was answered after it. The matters list and the
    /// signal judge a matter by this one rule.
    pub fn is_late(&self, within_days: i64, today: NaiveDate) -> bool {
        MatterTiming::of(self.status, self.waited(today), within_days).is_late()
    }
}

/// How a matter stands against the region's time limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatterTiming {
    /// Not yet submitted to the steering group.
    NotSubmitted,
    /// Waiting, within the limit.
    Waiting,
    /// Still waiting, past the limit.
    Overdue,
    /// Answered within the limit.
    AnsweredInTime,
    /// Answered, but after the limit.
    AnsweredLate,
}

impl MatterTiming {
    /// Judges a matter from its status and the days it waited (or has waited so far).
    pub fn of(status: MatterStatus, waited: Option<i64>, within_days: i64) -> MatterTiming {
        match (waited, status.is_waiting()) {
            (None, _) => MatterTiming::NotSubmitted,
            (Some(d), true) if d > within_days => MatterTiming::Overdue,
            (Some(_), true) => MatterTiming::Waiting,
            (Some(d), false) if d > within_days => MatterTiming::AnsweredLate,
            (Some(_), false) => MatterTiming::AnsweredInTime,
        }
    }

    /// Whether the steering group was too slow.
    pub fn is_late(self) -> bool {
        matches!(self, MatterTiming::Overdue | MatterTiming::AnsweredLate)
    }
}

/// One step of a matter: the status reached, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatterStep {
    /// The status reached.
    pub status: MatterStatus,
    /// When.
    pub on: NaiveDate,
    /// By whom (a person in the registry).
    pub person_id: Option<i64>,
    /// A note.
    pub note: Option<String>,
}

/// Which side of a matter may take a step to a status: sending a draft
/// belongs to the raising group, everything after it to the steering group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatterSide {
    /// The raising group (or, for a matter raised without one, the county coordination).
    Raiser,
    /// The steering group the matter is raised to.
    Steering,
}

impl MatterStatus {
    /// Who takes the step that reaches this status; `None` for the draft, which is where matters start.
    pub fn taken_by(self) -> Option<MatterSide> {
        match self {
            MatterStatus::Draft => None,
            MatterStatus::Submitted => Some(MatterSide::Raiser),
            MatterStatus::OnAgenda | MatterStatus::Decided | MatterStatus::ReportedBack => {
                Some(MatterSide::Steering)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_matter_moves_one_step_at_a_time_to_the_end() {
        let mut s = MatterStatus::Draft;
        let mut path = vec![s];
        while let Some(n) = s.next() {
            assert!(n > s);
            s = n;
            path.push(s);
        }
        assert_eq!(path.len(), 5);
        assert_eq!(s, MatterStatus::ReportedBack);
        assert!(MatterStatus::OnAgenda.is_waiting() && !MatterStatus::Draft.is_waiting());
    }

    #[test]
    fn waiting_counts_from_submission() {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        assert_eq!(waiting_days(Some(d(1, 1)), None, d(4, 1)), Some(90));
        assert_eq!(waiting_days(Some(d(1, 1)), Some(d(1, 31)), d(12, 1)), Some(30));
        assert_eq!(waiting_days(None, None, d(4, 1)), None);
    }
}
