//! Introductions of new people (*introduktion*): who is responsible, and
//! whether each new assignment was introduced in time.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assignment::AssignmentKind;

/// Who introduces a new person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Responsible {
    /// The county coordination (*länssamordningen*).
    CountyCoordination,
    /// The centre's local coordinator.
    LocalCoordinator,
}

impl Responsible {
    /// Who introduces people in a new assignment of this kind, by the usual
    /// county rules; `None` when the assignment needs no introduction.
    pub fn for_kind(kind: AssignmentKind) -> Option<Responsible> {
        match kind {
            AssignmentKind::LocalCoordinator
            | AssignmentKind::ManagementMember
            | AssignmentKind::ManagementChair
            | AssignmentKind::SteeringMember
            | AssignmentKind::PreparationMember => Some(Responsible::CountyCoordination),
            AssignmentKind::StaffMember => Some(Responsible::LocalCoordinator),
            AssignmentKind::CountySteeringMember
            | AssignmentKind::CountyCoordinator
            | AssignmentKind::CollaborationStrategist => None,
        }
    }

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Responsible::CountyCoordination => "county_coordination",
            Responsible::LocalCoordinator => "local_coordinator",
        }
    }
}

/// Where one person's introduction to one assignment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum IntroductionState {
    /// Introduced on this date, within the deadline.
    Done {
        /// When.
        on: NaiveDate,
    },
    /// Introduced, but after the deadline.
    DoneLate {
        /// When.
        on: NaiveDate,
        /// The deadline it missed.
        due: NaiveDate,
    },
    /// Not yet introduced; the deadline has not passed.
    Pending {
        /// The deadline.
        due: NaiveDate,
    },
    /// Not introduced, and the deadline has passed.
    Overdue {
        /// The deadline.
        due: NaiveDate,
    },
}

impl IntroductionState {
    /// Works out the state from the assignment's start, the day of the
    /// introduction (if any), the region's deadline in days, and today.
    pub fn of(
        starts_on: NaiveDate,
        introduced_on: Option<NaiveDate>,
        within_days: i64,
        today: NaiveDate,
    ) -> Self {
        let due = starts_on + chrono::Duration::days(within_days);
        match introduced_on {
            Some(on) if on <= due => IntroductionState::Done { on },
            Some(on) => IntroductionState::DoneLate { on, due },
            None if today <= due => IntroductionState::Pending { due },
            None => IntroductionState::Overdue { due },
        }
    }

    /// Whether something went wrong (late or overdue).
    pub fn is_late(self) -> bool {
        matches!(
            self,
            IntroductionState::DoneLate { .. } | IntroductionState::Overdue { .. }
        )
    }
}

/// An introduction session (*introduktionstillfälle*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntroductionSession {
    /// Id.
    pub id: i64,
    /// Region.
    pub region_id: i64,
    /// When.
    pub held_on: NaiveDate,
    /// Who held it (a person).
    pub held_by: Option<i64>,
    /// Title.
    pub title: String,
}

/// One assignment that needs an introduction, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The assignment.
    pub assignment: super::Assignment,
    /// Who introduces its holder.
    pub responsible: Responsible,
    /// Done, done late, pending or overdue (with the dates).
    pub state: IntroductionState,
}

impl Due {
    /// The deadline.
    pub fn due_on(&self, within_days: i64) -> NaiveDate {
        self.assignment.starts_on + chrono::Duration::days(within_days)
    }

    /// Whether it still waits (pending or overdue).
    pub fn waiting(&self) -> bool {
        matches!(
            self.state,
            IntroductionState::Pending { .. } | IntroductionState::Overdue { .. }
        )
    }
}

/// Every assignment that needs an introduction, with its state.
pub fn due_introductions(
    all: &[super::Assignment],
    introduced: &std::collections::HashMap<i64, NaiveDate>,
    within_days: i64,
    today: NaiveDate,
) -> Vec<Due> {
    all.iter()
        .filter_map(|a| {
            let responsible = Responsible::for_kind(a.kind)?;
            Some(Due {
                assignment: a.clone(),
                responsible,
                state: IntroductionState::of(a.starts_on, introduced.get(&a.id).copied(), within_days, today),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    #[test]
    fn the_deadline_decides() {
        let start = d(1, 1);
        assert_eq!(
            IntroductionState::of(start, Some(d(2, 1)), 90, d(6, 1)),
            IntroductionState::Done { on: d(2, 1) }
        );
        assert!(IntroductionState::of(start, Some(d(5, 1)), 90, d(6, 1)).is_late());
        assert_eq!(
            IntroductionState::of(start, None, 90, d(2, 1)),
            IntroductionState::Pending { due: d(4, 1) }
        );
        assert_eq!(
            IntroductionState::of(start, None, 90, d(4, 2)),
            IntroductionState::Overdue { due: d(4, 1) }
        );
    }

    #[test]
    fn staff_are_introduced_locally_and_managers_by_the_county() {
        assert_eq!(
            Responsible::for_kind(AssignmentKind::StaffMember),
            Some(Responsible::LocalCoordinator)
        );
        assert_eq!(
            Responsible::for_kind(AssignmentKind::SteeringMember),
            Some(Responsible::CountyCoordination)
        );
        assert_eq!(Responsible::for_kind(AssignmentKind::CountyCoordinator), None);
    }
}
