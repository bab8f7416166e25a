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

coded_enum!(MatterStatus {
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
