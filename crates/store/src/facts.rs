//! Gathers, in a handful of queries, what the governance signals of every
//! centre of a region need.

use std::collections::HashMap;

use samverka_core::governance::signals::{CentreFacts, IntroductionFact, MatterFact, MeetingFact};
use samverka_core::governance::{AssignmentKind, GroupKind, MatterStatus, Responsible};

use crate::groups::Group;
use crate::{Db, Result, assignments, groups, introductions, matters, meetings};

/// The groups that govern one centre.
#[derive(Debug, Clone, Default)]
pub struct Chain {
    /// Its management group.
    pub management: Option<Group>,
    /// The steering group above it.
    pub steering: Option<Group>,
    /// Preparation groups working for that steering group or the centre.
    pub preparation: Vec<Group>,
}

/// Finds the governing chain of every centre from a region's groups.
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

/// The signal facts of every centre of a region that has any governance recorded.
pub async fn centre_facts(db: &Db, region_id: i64) -> Result<HashMap<i64, CentreFacts>> {
    let (groups, meetings, assignments, introduced, matters) = tokio::try_join!(
        groups::list(db, Some(region_id)),
        meetings::list(db, Some(region_id)),
        assignments::list(db, Some(region_id)),
        introductions::introduced_on(db, Some(region_id)),
        matters::list(db, Some(region_id)),
    )?;
    let chains = chains(&groups);
    let mut by_group: HashMap<i64, Vec<MeetingFact>> = HashMap::new();
    for m in &meetings {
        by_group.entry(m.group_id).or_default().push(MeetingFact {
            date: m.held_on,
            status: m.status,
            minutes_published_on: m.minutes_published_on,
        });
    }
    let mut out: HashMap<i64, CentreFacts> = HashMap::new();
    for (centre, chain) in &chains {
        let f = out.entry(*centre).or_default();
        f.management = chain
            .management
            .as_ref()
            .map(|g| by_group.get(&g.id).cloned().unwrap_or_default());
        f.steering = chain
            .steering
            .as_ref()
            .map(|g| by_group.get(&g.id).cloned().unwrap_or_default());
    }
    for a in &assignments {
        let intro = Responsible::for_kind(a.kind).map(|_| IntroductionFact {
            starts_on: a.starts_on,
            introduced_on: introduced.get(&a.id).copied(),
        });
        if let Some(c) = a.centre_id {
            let f = out.entry(c).or_default();
            if a.kind == AssignmentKind::LocalCoordinator {
                f.coordinators.push(a.clone());
            }
            f.introductions.extend(intro);
        }
        if let Some(g) = a.group_id {
            for (centre, chain) in &chains {
                let in_chain = chain.management.as_ref().is_some_and(|m| m.id == g)
                    || chain.steering.as_ref().is_some_and(|s| s.id == g)
                    || chain.preparation.iter().any(|p| p.id == g);
                if !in_chain {
                    continue;
                }
                let f = out.entry(*centre).or_default();
                if a.kind == AssignmentKind::ManagementChair {
                    f.chairs.push(a.clone());
                }
                f.introductions.extend(intro);
            }
        }
    }
    for m in &matters {
        let Some(from) = m.from_group_id else { continue };
        for (centre, chain) in &chains {
            if chain.management.as_ref().is_some_and(|g| g.id == from) {
                out.entry(*centre).or_default().matters.push(MatterFact {
                    status: m.status,
                    submitted_on: m.reached(MatterStatus::Submitted),
                    decided_on: m.reached(MatterStatus::Decided),
                });
            }
        }
    }
    Ok(out)
}
