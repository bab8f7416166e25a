//! Which groups govern a centre, and whom a group's minutes concern.

use std::collections::HashMap;

use serde::Serialize;

use super::group::{Group, GroupKind};

/// The groups that govern one centre (*styrkedja*).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chain {
    /// Its management group.
    pub management: Option<Group>,
    /// The steering group above it.
    pub steering: Option<Group>,
    /// Preparation groups working for that steering group or the centre.
    pub preparation: Vec<Group>,
}

impl Chain {
    /// Whether a group is part of this chain.
    pub fn includes(&self, group_id: i64) -> bool {
        self.management.as_ref().is_some_and(|m| m.id == group_id)
            || self.steering.as_ref().is_some_and(|s| s.id == group_id)
            || self.preparation.iter().any(|p| p.id == group_id)
    }
}

/// Finds the governing chain of every centre from a region's groups. Only
/// open groups govern; a management group without a steering group of its
/// own reaches one through the group it reports to.
pub fn chains(groups: &[Group]) -> HashMap<i64, Chain> {
    let by_id: HashMap<i64, &Group> = groups.iter().map(|g| (g.id, g)).collect();
    let mut out: HashMap<i64, Chain> = HashMap::new();
    let open = groups.iter().filter(|g| g.closed_on.is_none());
    for g in open.clone().filter(|g| g.kind == GroupKind::Management) {
        for c in &g.centre_ids {
            out.entry(*c)
                .or_default()
                .management
                .get_or_insert_with(|| g.clone());
        }
    }
    for g in open.clone().filter(|g| g.kind == GroupKind::Steering) {
        for c in &g.centre_ids {
            out.entry(*c)
                .or_default()
                .steering
                .get_or_insert_with(|| g.clone());
        }
    }
    for chain in out.values_mut() {
        if chain.steering.is_none()
            && let Some(up) = chain
                .management
                .as_ref()
                .and_then(|m| m.reports_to)
                .and_then(|id| by_id.get(&id))
            && up.kind == GroupKind::Steering
            && up.closed_on.is_none()
        {
            chain.steering = Some((*up).clone());
        }
    }
    for g in open.filter(|g| g.kind == GroupKind::Preparation) {
        let serves = |c: &Chain| g.reports_to.is_some() && c.steering.as_ref().map(|s| s.id) == g.reports_to;
        let ids: Vec<i64> = out
            .iter()
            .filter(|(id, c)| g.centre_ids.contains(id) || serves(c))
            .map(|(id, _)| *id)
            .collect();
        for id in ids {
            if let Some(c) = out.get_mut(&id) {
                c.preparation.push(g.clone());
            }
        }
    }
    out
}

/// Whom a group's published minutes concern (*mottagare av protokollet*):
/// the centres it governs and the management groups of those centres.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MinutesAudience {
    /// The centres the group governs: those named on the group, and those
    /// whose governing chain (management, steering, preparation group) includes it.
    pub centre_ids: Vec<i64>,
    /// The open management groups of those centres.
    pub management_group_ids: Vec<i64>,
}

impl MinutesAudience {
    /// Works the audience out from a region's groups.
    pub fn of(group: &Group, region_groups: &[Group]) -> MinutesAudience {
        let mut centre_ids: Vec<i64> = group.centre_ids.clone();
        for (centre, chain) in &chains(region_groups) {
            if chain.includes(group.id) {
                centre_ids.push(*centre);
            }
        }
        centre_ids.sort_unstable();
        centre_ids.dedup();
        let mut management_group_ids: Vec<i64> = region_groups
            .iter()
            .filter(|g| {
                g.kind == GroupKind::Management
                    && g.closed_on.is_none()
                    && g.centre_ids.iter().any(|c| centre_ids.contains(c))
            })
            .map(|g| g.id)
            .collect();
        management_group_ids.sort_unstable();
        management_group_ids.dedup();
        MinutesAudience {
            centre_ids,
            management_group_ids,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: i64, kind: GroupKind, centres: &[i64], reports_to: Option<i64>) -> Group {
        Group {
            id,
            region_id: 1,
            kind,
            name: format!("g{id}"),
            municipality_id: None,
            reports_to,
            health_forum: false,
            starts_on: None,
            closed_on: None,
            centre_ids: centres.to_vec(),
        }
    }

    #[test]
    fn a_management_group_reaches_its_steering_group_through_reports_to() {
        let groups = [
            group(1, GroupKind::Management, &[10], Some(2)),
            group(2, GroupKind::Steering, &[], None),
            group(3, GroupKind::Preparation, &[], Some(2)),
        ];
        let c = chains(&groups);
        let chain = &c[&10];
        assert_eq!(chain.management.as_ref().map(|g| g.id), Some(1));
        assert_eq!(chain.steering.as_ref().map(|g| g.id), Some(2));
        assert_eq!(chain.preparation.iter().map(|g| g.id).collect::<Vec<_>>(), [3]);
        assert!(chain.includes(3) && !chain.includes(4));
    }

    #[test]
    fn the_minutes_of_a_steering_group_concern_its_centres_and_their_management_groups() {
        let mut closed = group(5, GroupKind::Management, &[11], None);
        closed.closed_on = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
        let groups = [
            group(1, GroupKind::Management, &[10], Some(2)),
            group(2, GroupKind::Steering, &[11], None),
            group(4, GroupKind::Management, &[11], None),
            closed,
        ];
        let a = MinutesAudience::of(&groups[1], &groups);
        assert_eq!(a.centre_ids, [10, 11]);
        assert_eq!(a.management_group_ids, [1, 4], "a disbanded group gets nothing");
    }
}
