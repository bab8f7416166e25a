//! Gathers, from a region's governance records, what the signals of each
//! centre need (*underlag för signalerna*).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::chain::chains;
use super::signals::{CentreFacts, IntroductionFact, MatterFact, MeetingFact};
use super::{Assignment, AssignmentKind, Group, Matter, MatterStatus, Meeting, Responsible};

/// A region's governance records, as read.
#[derive(Debug, Clone, Copy)]
pub struct RegionRecords<'a> {
    /// Its groups.
    pub groups: &'a [Group],
    /// Its meetings.
    pub meetings: &'a [Meeting],
    /// Its assignments.
    pub assignments: &'a [Assignment],
    /// When each assignment was introduced: assignment id → date.
    pub introduced: &'a HashMap<i64, NaiveDate>,
    /// Its matters.
    pub matters: &'a [Matter],
}

/// A group's meetings as the signals see them, by group id.
pub fn meeting_facts(meetings: &[Meeting]) -> HashMap<i64, Vec<MeetingFact>> {
    let mut out: HashMap<i64, Vec<MeetingFact>> = HashMap::new();
    for m in meetings {
        out.entry(m.group_id).or_default().push(MeetingFact {
            date: m.held_on,
            status: m.status,
            minutes_published_on: m.minutes_published_on,
        });
    }
    out
}

/// The signal facts of every centre of a region that has any governance recorded.
pub fn centre_facts(r: RegionRecords<'_>) -> HashMap<i64, CentreFacts> {
    let chains = chains(r.groups);
    let by_group = meeting_facts(r.meetings);
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
    for a in r.assignments {
        let intro = Responsible::for_kind(a.kind).map(|_| IntroductionFact {
            starts_on: a.starts_on,
            introduced_on: r.introduced.get(&a.id).copied(),
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
                if a.kind == AssignmentKind::ManagementChair {
                    f.chairs.push(a.clone());
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
