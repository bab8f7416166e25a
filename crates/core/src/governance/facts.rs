//! Gathers, from a region's governance records, what the signals of each
//! centre need (*underlag för signalerna*).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::chain::chains;
use super::introduction::new_to_role;
use super::settings::GovernanceSettings;
use super::signals::{CentreFacts, GroupFacts, IntroductionFact, ManagerFact, MatterFact, MeetingFact};
use super::{
    Assignment, AssignmentKind, AttendanceStatus, Group, GroupKind, Matter, MatterStatus, Meeting, Person,
};
use crate::centre::{Centre, Unit};
use crate::service::BaseService;

/// A region's governance records, as read.
#[derive(Debug, Clone, Copy)]
pub struct RegionRecords<'a> {
    /// The region's rules.
    pub settings: &'a GovernanceSettings,
    /// Its centres.
    pub centres: &'a [Centre],
    /// Its units.
    pub units: &'a [Unit],
    /// Its people.
    pub people: &'a [Person],
    /// Its groups.
    pub groups: &'a [Group],
    /// Its meetings.
    pub meetings: &'a [Meeting],
    /// Recorded attendance: meeting id → person id → status.
    pub attendance: &'a HashMap<i64, HashMap<i64, AttendanceStatus>>,
    /// Its assignments.
    pub assignments: &'a [Assignment],
    /// When each assignment was introduced: assignment id → date.
    pub introduced: &'a HashMap<i64, NaiveDate>,
    /// Its matters.
    pub matters: &'a [Matter],
}

impl RegionRecords<'_> {
    /// The base service a person works in, from the unit recorded for them.
    fn service_of(
        &self,
        units: &HashMap<i64, &Unit>,
        people: &HashMap<i64, &Person>,
        person: i64,
    ) -> Option<BaseService> {
        let unit = people.get(&person)?.unit_id?;
        units.get(&unit)?.service.base()
    }
}

/// A group's meetings as the signals see them, by group id: how many
/// members took part, and the services of those who stayed away.
pub fn group_facts(r: &RegionRecords<'_>) -> HashMap<i64, GroupFacts> {
    let units: HashMap<i64, &Unit> = r.units.iter().map(|u| (u.id, u)).collect();
    let people: HashMap<i64, &Person> = r.people.iter().map(|p| (p.id, p)).collect();
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
                },
            )
        })
        .collect();
    for m in r.meetings {
        let recorded = r.attendance.get(&m.id).filter(|a| !a.is_empty());
        let fact = MeetingFact {
            date: m.held_on,
            status: m.status,
            minutes_published_on: m.minutes_published_on,
            present: recorded.map(|a| a.values().filter(|s| **s == AttendanceStatus::Present).count() as i64),
            absent: recorded
                .map(|a| {
                    a.iter()
                        .filter(|(_, s)| **s != AttendanceStatus::Present)
                        .filter_map(|(p, _)| r.service_of(&units, &people, *p))
                        .collect()
                })
                .unwrap_or_default(),
        };
        out.entry(m.group_id).or_default().meetings.push(fact);
    }
    out
}

/// The signal facts of every centre of a region that has any governance
/// recorded. A centre whose chain names no steering group is governed by
/// its municipality's, when there is one.
pub fn centre_facts(r: RegionRecords<'_>) -> HashMap<i64, CentreFacts> {
    let chains = chains(r.groups);
    let groups = group_facts(&r);
    let units: HashMap<i64, &Unit> = r.units.iter().map(|u| (u.id, u)).collect();
    let people: HashMap<i64, &Person> = r.people.iter().map(|p| (p.id, p)).collect();
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
    let new = new_to_role(r.assignments);
    for a in r.assignments {
        let intro = (new.contains(&a.id) && r.settings.introducers.for_kind(a.kind).is_some()).then(|| {
            IntroductionFact {
                starts_on: a.starts_on,
                introduced_on: r.introduced.get(&a.id).copied(),
            }
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
                        service: r.service_of(&units, &people, a.person_id),
                        seat: a.clone(),
                    });
                }
                f.introductions.extend(intro);
            }
        }
    }
    for m in r.matters {
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
