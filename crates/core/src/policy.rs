//! Who may do what with governance records: the rules that pages, the API
//! and every other caller share. Deny unless a rule allows.

use crate::governance::{Group, GroupKind, Matter, MatterSide, MatterStatus, MinutesAudience};
use crate::role::{Actor, Role};

impl Actor {
    /// Edits a group's meetings, minutes, decisions and matters (see [`Actor::can_edit_group`]).
    pub fn can_edit(&self, group: &Group) -> bool {
        self.can_edit_group(group.region_id, group.id, group.kind, &group.centre_ids)
    }

    /// Reads a group's records (see [`Actor::can_view_group`]).
    pub fn can_view(&self, group: &Group) -> bool {
        self.can_view_group(group.region_id, group.id)
    }

    /// Whether the actor may read a meeting's minutes. Unpublished minutes:
    /// only those who may edit the group. Published minutes: also everyone who
    /// may read the group, the local coordinators (by grant) of every centre
    /// the group governs, and the members of those centres' management groups.
    pub fn may_read_minutes(&self, group: &Group, published: bool, audience: &MinutesAudience) -> bool {
        if self.can_edit(group) {
            return true;
        }
        if !published {
            return false;
        }
        self.can_view(group)
            || self.grants.iter().any(|g| {
                g.role == Role::LocalCoordinator
                    && g.region_id == Some(group.region_id)
                    && g.centre_id.is_some_and(|c| audience.centre_ids.contains(&c))
            })
            || self.seats.iter().any(|s| {
                s.region_id == group.region_id && audience.management_group_ids.contains(&s.group_id)
            })
    }

    /// Whether the actor may open a meeting's page at all: those who may read
    /// the group, and, once the minutes are published, their whole audience.
    pub fn may_open_meeting(&self, group: &Group, published: bool, audience: &MinutesAudience) -> bool {
        self.can_view(group) || self.may_read_minutes(group, published, audience)
    }

    /// Whether the actor may read a matter: those who may read its region or
    /// either of its groups.
    pub fn may_read_matter(&self, matter: &Matter, from: Option<&Group>, to: &Group) -> bool {
        self.can_view_region(matter.region_id) || self.can_view(to) || from.is_some_and(|g| self.can_view(g))
    }

    /// Whether the actor may take the step of a matter to `next`: sending a
    /// draft belongs to those who may edit the raising group (the county
    /// coordination for a matter raised without one); the later steps to those
    /// who may edit the steering group.
    pub fn may_take_step(
        &self,
        matter: &Matter,
        from: Option<&Group>,
        to: &Group,
        next: MatterStatus,
    ) -> bool {
        match next.taken_by() {
            None => false,
            Some(MatterSide::Raiser) => match from {
                Some(g) => self.can_edit(g),
                None => self.can_manage_region(matter.region_id),
            },
            Some(MatterSide::Steering) => self.can_edit(to),
        }
    }

    /// Whether the actor may raise a matter from a group: a management or
    /// preparation group that is still open and that the actor may edit.
    pub fn may_raise_matter_from(&self, group: &Group) -> bool {
        matches!(group.kind, GroupKind::Management | GroupKind::Preparation)
            && group.is_open()
            && self.can_edit(group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::role::{Grant, Seat};

    const REGION: i64 = 1;
    const STEERING: i64 = 10;
    const MGMT_SAVJA: i64 = 20;
    const MGMT_OTHER: i64 = 30;
    const SAVJA: i64 = 100;
    const GIMO: i64 = 101;
    const HEBY: i64 = 102;

    fn steering() -> Group {
        Group {
            id: STEERING,
            region_id: REGION,
            kind: GroupKind::Steering,
            name: "Styrgrupp".into(),
            municipality_id: None,
            reports_to: None,
            health_forum: false,
            starts_on: None,
            closed_on: None,
            centre_ids: vec![SAVJA, GIMO],
        }
    }

    fn audience() -> MinutesAudience {
        MinutesAudience {
            centre_ids: vec![SAVJA, GIMO],
            management_group_ids: vec![MGMT_SAVJA],
        }
    }

    fn seat(group_id: i64, kind: GroupKind, centres: Vec<i64>) -> Seat {
        Seat {
            group_id,
            group_kind: kind,
            region_id: REGION,
            centre_ids: centres,
        }
    }

    fn actor(grants: Vec<Grant>, seats: Vec<Seat>) -> Actor {
        Actor {
            user_id: 1,
            grants,
            seats,
        }
    }

    fn grant(role: Role, centre: Option<i64>) -> Grant {
        Grant {
            role,
            region_id: Some(REGION),
            centre_id: centre,
        }
    }

    #[test]
    fn unpublished_minutes_are_for_those_who_edit_the_group_only() {
        let g = steering();
        let a = audience();
        let county = actor(vec![grant(Role::CountyCoordinator, None)], vec![]);
        let member = actor(
            vec![],
            vec![seat(STEERING, GroupKind::Steering, vec![SAVJA, GIMO])],
        );
        let reader = actor(vec![grant(Role::Reader, None)], vec![]);
        let local_savja = actor(vec![grant(Role::LocalCoordinator, Some(SAVJA))], vec![]);
        let manager = actor(vec![], vec![seat(MGMT_SAVJA, GroupKind::Management, vec![SAVJA])]);
        assert!(county.may_read_minutes(&g, false, &a));
        assert!(member.may_read_minutes(&g, false, &a));
        assert!(
            !reader.may_read_minutes(&g, false, &a),
            "a reader may see the meeting, not draft minutes"
        );
        assert!(
            !local_savja.may_read_minutes(&g, false, &a),
            "coordinators do not prepare the steering group"
        );
        assert!(!manager.may_read_minutes(&g, false, &a));
    }

    #[test]
    fn published_minutes_reach_the_coordinators_and_managers_of_governed_centres() {
        let g = steering();
        let a = audience();
        let reader = actor(vec![grant(Role::Reader, None)], vec![]);
        let local_gimo = actor(vec![grant(Role::LocalCoordinator, Some(GIMO))], vec![]);
        let manager = actor(vec![], vec![seat(MGMT_SAVJA, GroupKind::Management, vec![SAVJA])]);
        assert!(reader.may_read_minutes(&g, true, &a));
        assert!(local_gimo.may_read_minutes(&g, true, &a));
        assert!(manager.may_read_minutes(&g, true, &a));
        assert!(manager.may_open_meeting(&g, true, &a));
        assert!(
            !manager.may_open_meeting(&g, false, &a),
            "before publishing the page is closed to them"
        );
    }

    #[test]
    fn published_minutes_stay_closed_to_everyone_else() {
        let g = steering();
        let a = audience();
        let nobody = actor(vec![], vec![]);
        let other_manager = actor(vec![], vec![seat(MGMT_OTHER, GroupKind::Management, vec![HEBY])]);
        let local_elsewhere = Actor {
            user_id: 3,
            grants: vec![Grant {
                role: Role::LocalCoordinator,
                region_id: Some(2),
                centre_id: Some(SAVJA),
            }],
            seats: vec![],
        };
        assert!(!nobody.may_read_minutes(&g, true, &a));
        assert!(!other_manager.may_read_minutes(&g, true, &a));
        assert!(
            !local_elsewhere.may_read_minutes(&g, true, &a),
            "a grant in another region does not count, even for the same centre id"
        );
        assert!(!other_manager.may_open_meeting(&g, true, &a));
    }

    #[test]
    fn sending_a_matter_is_the_raisers_step_and_the_rest_the_steering_groups() {
        let to = steering();
        let from = Group {
            id: MGMT_SAVJA,
            kind: GroupKind::Management,
            centre_ids: vec![SAVJA],
            name: "Ledningsgrupp Sävja".into(),
            ..steering()
        };
        let matter = Matter {
            id: 1,
            region_id: REGION,
            from_group_id: Some(MGMT_SAVJA),
            to_group_id: STEERING,
            title: "Budget".into(),
            body: None,
            status: MatterStatus::Draft,
            decision_id: None,
            steps: vec![],
        };
        let manager = actor(vec![], vec![seat(MGMT_SAVJA, GroupKind::Management, vec![SAVJA])]);
        let steerer = actor(
            vec![],
            vec![seat(STEERING, GroupKind::Steering, vec![SAVJA, GIMO])],
        );
        assert!(manager.may_take_step(&matter, Some(&from), &to, MatterStatus::Submitted));
        assert!(!manager.may_take_step(&matter, Some(&from), &to, MatterStatus::OnAgenda));
        assert!(!steerer.may_take_step(&matter, Some(&from), &to, MatterStatus::Submitted));
        assert!(steerer.may_take_step(&matter, Some(&from), &to, MatterStatus::Decided));
        assert!(!steerer.may_take_step(&matter, Some(&from), &to, MatterStatus::Draft));
        assert!(manager.may_raise_matter_from(&from) && !manager.may_raise_matter_from(&to));
        assert!(manager.may_read_matter(&matter, Some(&from), &to));
    }
}
