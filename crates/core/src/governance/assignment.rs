//! A person's dated roles.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::coded_enum;
use super::group::GroupKind;

/// What a person is assigned to do (*uppdrag*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentKind {
    /// Local coordinator (*lokal samordnare*) of a centre, with a share of a post.
    LocalCoordinator,
    /// Member of a centre's management group (*ledningsgrupp*).
    ManagementMember,
    /// Chair of a management group for a year (*ordförande*, rolling).
    ManagementChair,
    /// Member of a steering group (*styrgrupp*).
    SteeringMember,
    /// Member of a preparation group (*beredningsgrupp*).
    PreparationMember,
    /// Member of the county steering group.
    CountySteeringMember,
    /// County coordinator (*länssamordnare*), with a share of a post.
    CountyCoordinator,
    /// Collaboration strategist (*samverkansstrateg*).
    CollaborationStrategist,
    /// Staff member of a centre's team (*medarbetare i arbetsteamet*), with hours at the centre.
    StaffMember,
}

coded_enum!(AssignmentKind, "assignment kind" {
    LocalCoordinator => "local_coordinator",
    ManagementMember => "management_member",
    ManagementChair => "management_chair",
    SteeringMember => "steering_member",
    PreparationMember => "preparation_member",
    CountySteeringMember => "county_steering_member",
    CountyCoordinator => "county_coordinator",
    CollaborationStrategist => "collaboration_strategist",
    StaffMember => "staff_member",
});

impl AssignmentKind {
    /// The group kind this assignment is a seat in, if it is one.
    pub fn group_kind(self) -> Option<GroupKind> {
        match self {
            AssignmentKind::ManagementMember | AssignmentKind::ManagementChair => Some(GroupKind::Management),
            AssignmentKind::SteeringMember => Some(GroupKind::Steering),
            AssignmentKind::PreparationMember => Some(GroupKind::Preparation),
            AssignmentKind::CountySteeringMember => Some(GroupKind::CountySteering),
            _ => None,
        }
    }

    /// Whether the assignment belongs to one centre (rather than a group or the county).
    pub fn is_centre_role(self) -> bool {
        matches!(
            self,
            AssignmentKind::LocalCoordinator | AssignmentKind::StaffMember
        )
    }

    /// Whether a share of a full-time post is recorded for it.
    pub fn has_share(self) -> bool {
        matches!(
            self,
            AssignmentKind::LocalCoordinator | AssignmentKind::CountyCoordinator
        )
    }
}

/// One dated assignment. History is kept: an assignment ends, it is never overwritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Id.
    pub id: i64,
    /// Whose.
    pub person_id: i64,
    /// What.
    pub kind: AssignmentKind,
    /// The region it belongs to.
    pub region_id: i64,
    /// The centre, for centre roles.
    pub centre_id: Option<i64>,
    /// The group, for group seats.
    pub group_id: Option<i64>,
    /// Share of a full-time post in percent (coordinators).
    pub share_percent: Option<i64>,
    /// Who pays for the post (coordinators), e.g. "Region Uppsala".
    pub paid_by: Option<String>,
    /// Minutes a week at the centre (staff).
    pub minutes_per_week: Option<i64>,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day; `None` while it lasts.
    pub ends_on: Option<NaiveDate>,
}

impl Assignment {
    /// Whether it is in force on a day.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && self.ends_on.is_none_or(|e| e >= day)
    }

    /// Whether it is in force at some point of a year.
    pub fn active_during(&self, year: i32) -> bool {
        self.starts_on.year() <= year && self.ends_on.is_none_or(|e| e.year() >= year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(start: (i32, u32, u32), end: Option<(i32, u32, u32)>) -> Assignment {
        let d = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Assignment {
            id: 1,
            person_id: 1,
            kind: AssignmentKind::ManagementMember,
            region_id: 1,
            centre_id: None,
            group_id: Some(1),
            share_percent: None,
            paid_by: None,
            minutes_per_week: None,
            starts_on: d(start),
            ends_on: end.map(d),
        }
    }

    #[test]
    fn an_assignment_is_in_force_between_its_dates() {
        let x = a((2023, 3, 1), Some((2024, 6, 30)));
        assert!(!x.active_during(2022));
        assert!(x.active_during(2023) && x.active_during(2024));
        assert!(!x.active_during(2025));
        assert!(x.active_on(NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()));
        assert!(!x.active_on(NaiveDate::from_ymd_opt(2024, 7, 1).unwrap()));
        assert!(a((2020, 1, 1), None).active_during(2030));
    }

    #[test]
    fn codes_round_trip_and_seats_name_their_group() {
        for k in AssignmentKind::ALL {
            assert_eq!(AssignmentKind::parse(k.code()), Some(*k));
        }
        assert_eq!(
            AssignmentKind::ManagementChair.group_kind(),
            Some(GroupKind::Management)
        );
        assert_eq!(AssignmentKind::StaffMember.group_kind(), None);
        for g in GroupKind::ALL {
            assert_eq!(GroupKind::parse(g.code()), Some(*g));
        }
    }
}
