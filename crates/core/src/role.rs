//! Accounts' roles and what each may do. Deny unless a grant allows.

use serde::{Deserialize, Serialize};

/// A role a login account holds, scoped by a [`Grant`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// System administrator (*systemadministratör*): everything, everywhere.
    Admin,
    /// County coordinator (*länssamordnare*): everything in one region.
    CountyCoordinator,
    /// Local coordinator (*lokal samordnare*): edits their own centres, reads their region.
    LocalCoordinator,
    /// Reader (*läsare*): reads one region.
    Reader,
}

impl Role {
    /// All roles, most powerful first.
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::CountyCoordinator,
        Role::LocalCoordinator,
        Role::Reader,
    ];

    /// Stable code, as on the command line (`county-coordinator`).
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::CountyCoordinator => "county-coordinator",
            Role::LocalCoordinator => "local-coordinator",
            Role::Reader => "reader",
        }
    }

    /// Parses [`Role::code`].
    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == text.trim())
    }
}

/// One role held within a scope: a region, or one centre of a region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// The role.
    pub role: Role,
    /// The region it applies to (`None` only for admins).
    pub region_id: Option<i64>,
    /// The centre it applies to (local coordinators only).
    pub centre_id: Option<i64>,
}

/// A seat the account's person holds today in a governing group, through an
/// assignment (the account is linked to a person in the registry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    /// The group.
    pub group_id: i64,
    /// Its kind.
    pub group_kind: crate::governance::GroupKind,
    /// Its region.
    pub region_id: i64,
    /// The centres it governs.
    pub centre_ids: Vec<i64>,
}

/// Who is acting, with every grant they hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Actor {
    /// The account's id.
    pub user_id: i64,
    /// What the account may do.
    pub grants: Vec<Grant>,
    /// Seats in governing groups held today.
    pub seats: Vec<Seat>,
}

impl Actor {
    /// A system administrator.
    pub fn is_admin(&self) -> bool {
        self.grants.iter().any(|g| g.role == Role::Admin)
    }

    /// Reads the registry, overview and access page of a region.
    pub fn can_view_region(&self, region_id: i64) -> bool {
        self.is_admin() || self.grants.iter().any(|g| g.region_id == Some(region_id))
    }

    /// Manages a region: its rules, accounts, population numbers, audit trail,
    /// and creating and closing its centres.
    pub fn can_manage_region(&self, region_id: i64) -> bool {
        self.is_admin()
            || self
                .grants
                .iter()
                .any(|g| g.role == Role::CountyCoordinator && g.region_id == Some(region_id))
    }

    /// Edits a centre and its units.
    pub fn can_edit_centre(&self, region_id: i64, centre_id: i64) -> bool {
        self.can_manage_region(region_id)
            || self.grants.iter().any(|g| {
                g.role == Role::LocalCoordinator
                    && g.region_id == Some(region_id)
                    && g.centre_id == Some(centre_id)
            })
    }

    /// Reads a group's records and its members' contact details: anyone who
    /// may read the region, and the group's own members.
    pub fn can_view_group(&self, region_id: i64, group_id: i64) -> bool {
        self.can_view_region(region_id) || self.seats.iter().any(|s| s.group_id == group_id)
    }

    /// Edits a group's meetings, minutes, decisions and matters: the county
    /// coordinators, the group's members, and — for a management group — the
    /// local coordinators of the centres it governs, who prepare its meetings.
    pub fn can_edit_group(
        &self,
        region_id: i64,
        group_id: i64,
        kind: crate::governance::GroupKind,
        centre_ids: &[i64],
    ) -> bool {
        self.can_manage_region(region_id)
            || self
                .seats
                .iter()
                .any(|s| s.group_id == group_id && s.region_id == region_id)
            || (kind == crate::governance::GroupKind::Management
                && self.grants.iter().any(|g| {
                    g.role == Role::LocalCoordinator
                        && g.region_id == Some(region_id)
                        && g.centre_id.is_some_and(|c| centre_ids.contains(&c))
                }))
    }

    /// Reads a survey round's results (*enkätresultat*) of a region, for the
    /// whole region or a municipality (`centre_id` `None`) or for one
    /// centre: a grant for the whole region (administrators, county
    /// coordinators, readers) reads all; a grant for one centre (a local
    /// coordinator's) reads that centre's results only.
    pub fn can_read_survey_results(&self, region_id: i64, centre_id: Option<i64>) -> bool {
        self.is_admin()
            || self.grants.iter().any(|g| {
                g.region_id == Some(region_id)
                    && (g.centre_id.is_none() || (centre_id.is_some() && g.centre_id == centre_id))
            })
    }

    /// The regions this actor can see grants for (admins: none listed, see [`Actor::is_admin`]).
    pub fn region_ids(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self.grants.iter().filter_map(|g| g.region_id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Whether this actor may give a grant: admins any; county coordinators
    /// non-admin roles within their own region.
    pub fn can_grant(&self, grant: &Grant) -> bool {
        match grant.role {
            Role::Admin => self.is_admin(),
            _ => grant.region_id.is_some_and(|r| self.can_manage_region(r)),
        }
    }
}

impl crate::code::Coded for Role {
    const KIND: &'static str = "role";
    fn code(self) -> &'static str {
        Role::code(self)
    }
    fn from_code(text: &str) -> Option<Self> {
        Role::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(grants: Vec<Grant>) -> Actor {
        Actor {
            user_id: 1,
            grants,
            seats: Vec::new(),
        }
    }
    fn g(role: Role, region: Option<i64>, centre: Option<i64>) -> Grant {
        Grant {
            role,
            region_id: region,
            centre_id: centre,
        }
    }

    #[test]
    fn nobody_without_grants_may_do_anything() {
        let a = actor(vec![]);
        assert!(!a.can_view_region(1));
        assert!(!a.can_manage_region(1));
        assert!(!a.can_edit_centre(1, 1));
    }

    #[test]
    fn a_local_coordinator_reads_survey_results_of_their_own_centres_only() {
        let local = actor(vec![g(Role::LocalCoordinator, Some(1), Some(10))]);
        assert!(local.can_read_survey_results(1, Some(10)));
        assert!(!local.can_read_survey_results(1, Some(11)));
        assert!(
            !local.can_read_survey_results(1, None),
            "not the region or a municipality"
        );
        assert!(!local.can_read_survey_results(2, Some(10)));
        let county = actor(vec![g(Role::CountyCoordinator, Some(1), None)]);
        assert!(county.can_read_survey_results(1, None) && county.can_read_survey_results(1, Some(11)));
        assert!(!county.can_read_survey_results(2, None));
        let reader = actor(vec![g(Role::Reader, Some(1), None)]);
        assert!(reader.can_read_survey_results(1, None));
        assert!(actor(vec![g(Role::Admin, None, None)]).can_read_survey_results(3, None));
    }

    #[test]
    fn a_local_coordinator_edits_only_their_own_centres() {
        let a = actor(vec![g(Role::LocalCoordinator, Some(1), Some(10))]);
        assert!(a.can_view_region(1));
        assert!(a.can_edit_centre(1, 10));
        assert!(!a.can_edit_centre(1, 11));
        assert!(
            !a.can_edit_centre(2, 10),
            "same id in another region is another centre"
        );
        assert!(!a.can_manage_region(1));
        assert!(!a.can_view_region(2));
    }

    #[test]
    fn a_county_coordinator_runs_their_region_and_nothing_else() {
        let a = actor(vec![g(Role::CountyCoordinator, Some(1), None)]);
        assert!(a.can_manage_region(1));
        assert!(a.can_edit_centre(1, 99));
        assert!(!a.can_view_region(2));
        assert!(!a.can_edit_centre(2, 5));
        assert!(a.can_grant(&g(Role::LocalCoordinator, Some(1), Some(3))));
        assert!(!a.can_grant(&g(Role::Reader, Some(2), None)));
        assert!(!a.can_grant(&g(Role::Admin, None, None)));
    }

    #[test]
    fn a_reader_reads() {
        let a = actor(vec![g(Role::Reader, Some(1), None)]);
        assert!(a.can_view_region(1));
        assert!(!a.can_edit_centre(1, 1));
        assert!(!a.can_manage_region(1));
    }

    #[test]
    fn an_admin_may_do_everything() {
        let a = actor(vec![g(Role::Admin, None, None)]);
        assert!(
            a.can_manage_region(7) && a.can_edit_centre(7, 7) && a.can_grant(&g(Role::Admin, None, None))
        );
    }

    #[test]
    fn group_members_and_coordinators_edit_their_groups_only() {
        use crate::governance::GroupKind;
        let member = Actor {
            user_id: 2,
            grants: vec![],
            seats: vec![Seat {
                group_id: 7,
                group_kind: GroupKind::Steering,
                region_id: 1,
                centre_ids: vec![10, 11],
            }],
        };
        assert!(member.can_edit_group(1, 7, GroupKind::Steering, &[10, 11]));
        assert!(!member.can_edit_group(1, 8, GroupKind::Management, &[10]));
        assert!(member.can_view_group(1, 7) && !member.can_view_group(1, 8));
        let local = actor(vec![g(Role::LocalCoordinator, Some(1), Some(10))]);
        assert!(local.can_edit_group(1, 8, GroupKind::Management, &[10]));
        assert!(
            !local.can_edit_group(1, 7, GroupKind::Steering, &[10, 11]),
            "steering is not theirs to prepare"
        );
        assert!(!local.can_edit_group(1, 9, GroupKind::Management, &[12]));
        let county = actor(vec![g(Role::CountyCoordinator, Some(1), None)]);
        assert!(county.can_edit_group(1, 7, GroupKind::Steering, &[]));
        assert!(!county.can_edit_group(2, 7, GroupKind::Steering, &[]));
    }

    #[test]
    fn role_codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
        assert_eq!(Role::parse("boss"), None);
    }
}
