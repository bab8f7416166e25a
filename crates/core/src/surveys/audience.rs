//! Who a round's personal invitations go to (*målgrupp*): the people who
//! hold certain assignments on a day, at the round's centres or in the
//! groups that govern them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::governance::{Assignment, AssignmentKind, Group, coded_enum};

/// A set of people a round can invite (*målgrupp*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The local coordinators of the round's centres.
    LocalCoordinators,
    /// The members and chairs of the management groups governing the
    /// round's centres.
    Management,
    /// The members of the region's steering, county steering and
    /// preparation groups.
    Steering,
    /// The staff of the round's centres.
    Staff,
}

coded_enum!(Audience, "audience" {
    LocalCoordinators => "local_coordinators",
    Management => "management",
    Steering => "steering",
    Staff => "staff",
});

impl Audience {
    /// Whether an assignment puts its person in this audience for a round
    /// at `centres`; `Some(centres)` with the round's centres it concerns
    /// (empty for the whole region).
    fn reaches(self, a: &Assignment, groups: &BTreeMap<i64, &Group>, centres: &[i64]) -> Option<Vec<i64>> {
        let at_centre = |kind: AssignmentKind| {
            (a.kind == kind)
                .then_some(a.centre_id)
                .flatten()
                .filter(|c| centres.contains(c))
                .map(|c| vec![c])
        };
        match self {
            Audience::LocalCoordinators => at_centre(AssignmentKind::LocalCoordinator),
            Audience::Staff => at_centre(AssignmentKind::StaffMember),
            Audience::Management => {
                if !matches!(
                    a.kind,
                    AssignmentKind::ManagementMember | AssignmentKind::ManagementChair
                ) {
                    return None;
                }
                let group = groups.get(&a.group_id?)?;
                let shared: Vec<i64> = group
                    .centre_ids
                    .iter()
                    .copied()
                    .filter(|c| centres.contains(c))
                    .collect();
                (!shared.is_empty()).then_some(shared)
            }
            Audience::Steering => matches!(
                a.kind,
                AssignmentKind::SteeringMember
                    | AssignmentKind::CountySteeringMember
                    | AssignmentKind::PreparationMember
            )
            .then(Vec::new),
        }
    }
}

/// The people to invite to a round at `centres` on `day`, by person id,
/// each once with the centre they answer for: the one centre all their
/// assignments in the audiences concern, or `None` when they concern
/// several or the whole region. Ended and future assignments do not count.
pub fn invitees(
    audiences: &[Audience],
    assignments: &[Assignment],
    groups: &[Group],
    centres: &[i64],
    day: NaiveDate,
) -> BTreeMap<i64, Option<i64>> {
    let groups: BTreeMap<i64, &Group> = groups.iter().map(|g| (g.id, g)).collect();
    let mut reached: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut regionwide: Vec<i64> = Vec::new();
    for a in assignments.iter().filter(|a| a.active_on(day)) {
        for audience in audiences {
            if let Some(cs) = audience.reaches(a, &groups, centres) {
                if cs.is_empty() {
                    regionwide.push(a.person_id);
                }
                let entry = reached.entry(a.person_id).or_default();
                entry.extend(cs);
            }
        }
    }
    reached
        .into_iter()
        .map(|(person, mut cs)| {
            cs.sort_unstable();
            cs.dedup();
            let centre = match (cs.as_slice(), regionwide.contains(&person)) {
                ([one], false) => Some(*one),
                _ => None,
            };
            (person, centre)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::governance::GroupKind;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("a day")
    }

    fn assignment(person: i64, kind: AssignmentKind, centre: Option<i64>, group: Option<i64>) -> Assignment {
        Assignment {
            id: person * 10,
            person_id: person,
            kind,
            region_id: 1,
            centre_id: centre,
            group_id: group,
            share_percent: None,
            paid_by: None,
            minutes_per_week: None,
            starts_on: day(1, 1),
            ends_on: None,
        }
    }

    fn group(id: i64, kind: GroupKind, centres: &[i64]) -> Group {
        Group {
            id,
            region_id: 1,
            kind,
            name: format!("Grupp {id}"),
            municipality_id: None,
            reports_to: None,
            health_forum: false,
            starts_on: None,
            closed_on: None,
            centre_ids: centres.to_vec(),
        }
    }

    #[test]
    fn each_audience_reaches_its_people_once_with_the_centre_they_answer_for() {
        let groups = [
            group(1, GroupKind::Management, &[10]),
            group(2, GroupKind::Management, &[10, 11]),
            group(3, GroupKind::Management, &[12]),
            group(4, GroupKind::Steering, &[]),
        ];
        let mut ended = assignment(6, AssignmentKind::LocalCoordinator, Some(10), None);
        ended.ends_on = Some(day(6, 30));
        let all = [
            assignment(1, AssignmentKind::LocalCoordinator, Some(10), None),
            assignment(2, AssignmentKind::LocalCoordinator, Some(12), None),
            assignment(3, AssignmentKind::ManagementMember, None, Some(1)),
            assignment(4, AssignmentKind::ManagementChair, None, Some(2)),
            assignment(5, AssignmentKind::SteeringMember, None, Some(4)),
            ended,
            assignment(7, AssignmentKind::StaffMember, Some(11), None),
            // A local coordinator who also sits in the steering group.
            assignment(1, AssignmentKind::SteeringMember, None, Some(4)),
        ];
        let round = [10, 11];
        let on = day(11, 23);
        let local = invitees(&[Audience::LocalCoordinators], &all, &groups, &round, on);
        assert_eq!(local, BTreeMap::from([(1, Some(10))]));
        let governing = invitees(
            &[Audience::Management, Audience::Steering],
            &all,
            &groups,
            &round,
            on,
        );
        assert_eq!(
            governing,
            BTreeMap::from([(1, None), (3, Some(10)), (4, None), (5, None)])
        );
        let staff = invitees(&[Audience::Staff], &all, &groups, &round, on);
        assert_eq!(staff, BTreeMap::from([(7, Some(11))]));
        // Before the ended assignment ended, its person was reached too.
        let earlier = invitees(&[Audience::LocalCoordinators], &all, &groups, &round, day(3, 1));
        assert_eq!(earlier, BTreeMap::from([(1, Some(10)), (6, Some(10))]));
    }
}
