//! Gathers, from a region's governance records, what the signals of each
//! centre need (*underlag för signalerna*).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::chain::chains;
use super::introduction::new_to_role;
use super::settings::GovernanceSettings;
use super::signals::{CentreFacts, GroupFacts, IntroductionFact, ManagerFact, MatterFact, MeetingFact};
use super::{Assignment, AssignmentKind, Group, GroupKind};
use crate::centre::{Centre, Unit};
use crate::service::BaseService;

/// An assignment as the signals read it: with the base service of the unit
/// the person works at and the day the person was introduced to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentRecord {
    /// The assignment.
    pub assignment: Assignment,
    /// The base service of the person's unit, if recorded.
    pub service: Option<BaseService>,
    /// When the person was introduced to it, if they were.
    pub introduced_on: Option<NaiveDate>,
}

/// A meeting as the signals read it: its group and what the rules count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecord {
    /// The group that met.
    pub group_id: i64,
    /// What the rules count.
    pub fact: MeetingFact,
}

/// A matter raised by a group, as the signals read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatterRecord {
    /// The group that raised it.
    pub from_group_id: i64,
    /// When it was submitted and decided.
    pub fact: MatterFact,
}

/// The governance records the signals are computed from: a whole region's,
/// or those around some of its centres (their groups, the people in them
/// with all their assignments, and the centres' municipalities' steering
/// groups).
#[derive(Debug, Clone, Copy)]
pub struct RegionRecords<'a> {
    /// The region's rules.
    pub settings: &'a GovernanceSettings,
    /// The centres.
    pub centres: &'a [Centre],
    /// Their units.
    pub units: &'a [Unit],
    /// The groups.
    pub groups: &'a [Group],
    /// The groups' meetings of the year judged.
    pub meetings: &'a [MeetingRecord],
    /// The day of each group's first recorded meeting, by group id.
    pub first_meetings: &'a HashMap<i64, NaiveDate>,
    /// The assignments, each person's whole history.
    pub assignments: &'a [AssignmentRecord],
    /// Matters the groups raised.
    pub matters: &'a [MatterRecord],
}

/// A group's meetings as the signals see them, by group id.
pub fn group_facts(r: &RegionRecords<'_>) -> HashMap<i64, GroupFacts> {
    let mut out: HashMap<i64, GroupFacts> = r
        .groups
        .iter()
        .map(|g| {
            (
                g.id,
                GroupFacts {
                    starts_on: g.starts_on,
                    ends_on: g.closed_on,
                    meetings: Vec::new(),
                    first_meeting: r.first_meetings.get(&g.id).copied(),
                },
            )
        })
        .collect();
    for m in r.meetings {
        out.entry(m.group_id).or_default().meetings.push(m.fact.clone());
    }
    out
}

/// The signal facts of every centre of a region that has any governance
/// recorded. A centre whose chain names no steering group is governed by
/// its municipality's, when there is one.
pub fn centre_facts(r: RegionRecords<'_>) -> HashMap<i64, CentreFacts> {
    let chains = chains(r.groups);
    let groups = group_facts(&r);
    let municipal_steering: HashMap<i64, &Group> = r
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Steering && g.is_open())
        .filter_map(|g| g.municipality_id.map(|m| (m, g)))
        .collect();
    let mut out: HashMap<i64, CentreFacts> = HashMap::new();
    for (centre, chain) in &chains {
        let f = out.entry(*centre).or_default();
        f.management = chain.management.as_ref().and_then(|g| groups.get(&g.id).cloned());
        f.steering = chain.steering.as_ref().and_then(|g| groups.get(&g.id).cloned());
    }
    for c in r.centres {
        if let Some(f) = out.get_mut(&c.id)
            && f.steering.is_none()
            && let Some(g) = municipal_steering.get(&c.municipality_id)
        {
            f.steering = groups.get(&g.id).cloned();
        }
    }
    for u in r.units.iter().filter(|u| u.closed_on.is_none()) {
        if let (Some(f), Some(s)) = (out.get_mut(&u.centre_id), u.service.base()) {
            f.services.push(s);
        }
    }
    let new = new_to_role(r.assignments.iter().map(|a| &a.assignment));
    for record in r.assignments {
        let a = &record.assignment;
        let intro = (new.contains(&a.id) && r.settings.introducers.for_kind(a.kind).is_some()).then_some(
            IntroductionFact {
                starts_on: a.starts_on,
                introduced_on: record.introduced_on,
            },
        );
        if let Some(c) = a.centre_id {
            let f = out.entry(c).or_default();
            if a.kind == AssignmentKind::LocalCoordinator {
                f.coordinators.push(a.clone());
            }
            f.introductions.extend(intro);
        }
        if let Some(g) = a.group_id {
            for (centre, chain) in &chains {
                if !chain.includes(g) {
                    continue;
                }
                let f = out.entry(*centre).or_default();
                let in_management = chain.management.as_ref().is_some_and(|m| m.id == g);
                if in_management && a.kind == AssignmentKind::ManagementChair {
                    f.chairs.push(a.clone());
                }
                if in_management && a.kind.group_kind() == Some(GroupKind::Management) {
                    f.managers.push(ManagerFact {
                        service: record.service,
                        seat: a.clone(),
                    });
                }
                f.introductions.extend(intro);
            }
        }
    }
    for m in r.matters {
        for (centre, chain) in &chains {
            if chain.management.as_ref().is_some_and(|g| g.id == m.from_group_id) {
                out.entry(*centre).or_default().matters.push(m.fact);
            }
        }
    }
    out
}

/// The municipalities of a region (by id) in which no open steering group works.
pub fn municipalities_without_steering(
    municipalities: &[i64],
    groups: &[Group],
    centres: &[Centre],
) -> Vec<i64> {
    let chains = chains(groups);
    municipalities
        .iter()
        .copied()
        .filter(|m| {
            let named = groups
                .iter()
                .any(|g| g.kind == GroupKind::Steering && g.is_open() && g.municipality_id == Some(*m));
            let through_chain = centres
                .iter()
                .filter(|c| c.municipality_id == *m && c.closed_on.is_none())
                .any(|c| chains.get(&c.id).is_some_and(|ch| ch.steering.is_some()));
            !named && !through_chain
        })
        .collect()
}
