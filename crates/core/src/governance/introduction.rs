//! Introductions of new people (*introduktion*): who is responsible, and
//! whether each new assignment was introduced in time.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assignment::AssignmentKind;

/// Who introduces a new person (region data: see [`super::settings::Introducers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Responsible {
    /// The county coordination (*länssamordningen*).
    CountyCoordination,
    /// The steering group of the centre (*styrgruppen*).
    SteeringGroup,
    /// The centre's local coordinator.
    LocalCoordinator,
}

impl Responsible {
    /// Every value, in the order forms offer them.
    pub const ALL: [Responsible; 3] = [
        Responsible::CountyCoordination,
        Responsible::SteeringGroup,
        Responsible::LocalCoordinator,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Responsible::CountyCoordination => "county_coordination",
            Responsible::SteeringGroup => "steering_group",
            Responsible::LocalCoordinator => "local_coordinator",
        }
    }

    /// Parses [`Responsible::code`].
    pub fn parse(text: &str) -> Option<Responsible> {
        Responsible::ALL.into_iter().find(|r| r.code() == text.trim())
    }
}

/// The role someone is introduced to (*roll*): holding another assignment of
/// the same role (a member who becomes the rolling chair, a re-appointment)
/// needs no new introduction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntroducedRole {
    /// Local coordinator.
    Coordinator,
    /// Manager in a management group (member or chair).
    Manager,
    /// Member of a steering group.
    Steering,
    /// Member of a preparation group.
    Preparation,
    /// Staff at a centre.
    Staff,
}

impl IntroducedRole {
    /// The role an assignment of this kind is; `None` for roles nobody is
    /// introduced to in samverka (county-level roles).
    pub fn of(kind: AssignmentKind) -> Option<IntroducedRole> {
        match kind {
            AssignmentKind::LocalCoordinator => Some(IntroducedRole::Coordinator),
            AssignmentKind::ManagementMember | AssignmentKind::ManagementChair => {
                Some(IntroducedRole::Manager)
            }
            AssignmentKind::SteeringMember => Some(IntroducedRole::Steering),
            AssignmentKind::PreparationMember => Some(IntroducedRole::Preparation),
            AssignmentKind::StaffMember => Some(IntroducedRole::Staff),
            AssignmentKind::CountySteeringMember
            | AssignmentKind::CountyCoordinator
            | AssignmentKind::CollaborationStrategist => None,
        }
    }
}

impl super::settings::Introducers {
    /// Who introduces someone new in an assignment of this kind; `None` when
    /// nobody is introduced to it.
    pub fn for_kind(&self, kind: AssignmentKind) -> Option<Responsible> {
        Some(match IntroducedRole::of(kind)? {
            IntroducedRole::Coordinator => self.coordinator,
            IntroducedRole::Manager => self.manager,
            IntroducedRole::Steering | IntroducedRole::Preparation => self.steering,
            IntroducedRole::Staff => self.staff,
        })
    }
}

/// Whether an assignment makes its holder new to a role: nobody is new to a
/// role they already held (in any group or centre of the region) on an
/// earlier day; of several assignments to the same role starting the same
/// day, only the first recorded counts. For many assignments at once, use
/// [`new_to_role`].
pub fn is_new_to_role(a: &super::Assignment, all: &[super::Assignment]) -> bool {
    IntroducedRole::of(a.kind).is_some()
        && new_to_role(all.iter().filter(|b| b.person_id == a.person_id)).contains(&a.id)
}

/// The ids of the assignments that made their holders new to a role (see
/// [`is_new_to_role`]), found in one pass.
pub fn new_to_role<'a>(
    all: impl IntoIterator<Item = &'a super::Assignment>,
) -> std::collections::HashSet<i64> {
    let mut first: std::collections::HashMap<(i64, IntroducedRole), (NaiveDate, i64)> =
        std::collections::HashMap::new();
    for a in all {
        let Some(role) = IntroducedRole::of(a.kind) else {
            continue;
        };
        let candidate = (a.starts_on, a.id);
        first
            .entry((a.person_id, role))
            .and_modify(|f| *f = (*f).min(candidate))
            .or_insert(candidate);
    }
    first.into_values().map(|(_, id)| id).collect()
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

/// Every assignment that makes someone new to a role, with who introduces
/// them (by the region's settings) and where the introduction stands.
pub fn due_introductions(
    all: &[super::Assignment],
    introduced: &std::collections::HashMap<i64, NaiveDate>,
    settings: &super::GovernanceSettings,
    today: NaiveDate,
) -> Vec<Due> {
    let new = new_to_role(all);
    all.iter()
        .filter(|a| new.contains(&a.id))
        .filter_map(|a| {
            let responsible = settings.introducers.for_kind(a.kind)?;
            Some(Due {
                assignment: a.clone(),
                responsible,
                state: IntroductionState::of(
                    a.starts_on,
                    introduced.get(&a.id).copied(),
                    settings.introduction_within_days,
                    today,
                ),
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
    fn who_introduces_whom_is_the_regions_choice() {
        let uppsala = crate::governance::GovernanceSettings::uppsala().introducers;
        let skane = crate::governance::GovernanceSettings::skane().introducers;
        assert_eq!(
            uppsala.for_kind(AssignmentKind::StaffMember),
            Some(Responsible::LocalCoordinator)
        );
        assert_eq!(
            uppsala.for_kind(AssignmentKind::LocalCoordinator),
            Some(Responsible::CountyCoordination)
        );
        assert_eq!(
            skane.for_kind(AssignmentKind::LocalCoordinator),
            Some(Responsible::SteeringGroup)
        );
        assert_eq!(uppsala.for_kind(AssignmentKind::CountyCoordinator), None);
        for r in Responsible::ALL {
            assert_eq!(Responsible::parse(r.code()), Some(r));
        }
    }

    fn seat(
        id: i64,
        person: i64,
        kind: AssignmentKind,
        start: NaiveDate,
        group: i64,
    ) -> crate::governance::Assignment {
        crate::governance::Assignment {
            id,
            person_id: person,
            kind,
            region_id: 1,
            centre_id: None,
            group_id: Some(group),
            share_percent: None,
            paid_by: None,
            minutes_per_week: None,
            starts_on: start,
            ends_on: None,
        }
    }

    #[test]
    fn only_people_new_to_a_role_need_an_introduction() {
        use AssignmentKind::*;
        let member = seat(1, 7, ManagementMember, d(1, 1), 1);
        // Becomes the rolling chair: no new introduction.
        let chair = seat(2, 7, ManagementChair, d(6, 1), 1);
        // Re-appointed after a pause: none either.
        let again = seat(3, 7, ManagementMember, d(9, 1), 1);
        // Joins a steering group: new to that role.
        let steering = seat(4, 7, SteeringMember, d(9, 1), 2);
        // Someone else appointed chair and member the same day: one introduction.
        let other_chair = seat(5, 8, ManagementChair, d(3, 1), 1);
        let other_member = seat(6, 8, ManagementMember, d(3, 1), 1);
        let all = vec![
            member.clone(),
            chair.clone(),
            again.clone(),
            steering.clone(),
            other_chair.clone(),
            other_member.clone(),
        ];
        let new: Vec<i64> = all
            .iter()
            .filter(|a| is_new_to_role(a, &all))
            .map(|a| a.id)
            .collect();
        assert_eq!(new, vec![1, 4, 5]);
        let due = due_introductions(
            &all,
            &std::collections::HashMap::new(),
            &crate::governance::GovernanceSettings::uppsala(),
            d(2, 1),
        );
        assert_eq!(
            due.iter().map(|x| x.assignment.id).collect::<Vec<_>>(),
            vec![1, 4, 5]
        );
    }
}
