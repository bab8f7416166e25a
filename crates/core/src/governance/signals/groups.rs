//! The rules about governing groups: the part of a year a group can be
//! judged on, meetings held with the members, minutes, and whether the
//! management group has a manager from each base service.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use super::{CentreFacts, GroupFacts, Level, MeetingFact, Reason, Signal, SignalKind, year_bounds};
use crate::governance::meeting::MeetingStatus;
use crate::service::BaseService;

/// The days of a year a group can be judged on: from the latest of New
/// Year's Day, the group's start and its first recorded meeting, to the
/// earlier of New Year's Eve and its end. The reason when there are none:
/// the year has not begun, the group did not exist, or nothing was recorded
/// for it yet.
pub fn period(group: &GroupFacts, year: i32, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), Reason> {
    let (jan1, dec31) = year_bounds(year);
    if today < jan1 {
        return Err(Reason::YearNotBegun);
    }
    let from = group.starts_on.map_or(jan1, |s| s.max(jan1));
    let to = group.ends_on.map_or(dec31, |e| e.min(dec31));
    if from > to {
        return Err(Reason::GroupNotInYear);
    }
    match group.first_record() {
        Some(first) if first <= to => Ok((from.max(first), to)),
        _ => Err(Reason::BeforeRecords),
    }
}

/// Days from `from` to `to`, both counted.
fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days() + 1
}

/// The per-year count for a part of the year, rounded half up.
fn pro_rata(per_year: i64, from: NaiveDate, to: NaiveDate) -> i64 {
    let (jan1, dec31) = year_bounds(from.year());
    let year_days = days(jan1, dec31);
    (2 * per_year * days(from, to) + year_days) / (2 * year_days)
}

/// Whether a group held its minimum of meetings in the part of the year it
/// can be judged on (pro rata when that is not the whole year). A meeting
/// counts when it was held with at least `quorum` members; one without
/// recorded attendance counts, and the reason says so. While the period
/// runs, meetings still planned make it yellow rather than red.
pub fn meetings(
    kind: SignalKind,
    group: Option<&GroupFacts>,
    per_year: i64,
    quorum: i64,
    year: i32,
    today: NaiveDate,
) -> Signal {
    let Some(group) = group else {
        return Signal::unknown(kind, Reason::NoGroup);
    };
    let (from, to) = match period(group, year, today) {
        Ok(p) => p,
        Err(reason) => return Signal::unknown(kind, reason),
    };
    let required = pro_rata(per_year, from, to);
    if required == 0 && per_year > 0 {
        return Signal::unknown(kind, Reason::PeriodTooShort);
    }
    let in_period = group.meetings.iter().filter(|m| m.date >= from && m.date <= to);
    let held_meetings: Vec<&MeetingFact> = in_period
        .clone()
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();
    let with_members = |m: &&&MeetingFact| m.present.is_none_or(|p| p >= quorum.max(1));
    let held = held_meetings.iter().filter(with_members).count() as i64;
    let without_members = held_meetings.len() as i64 - held;
    let attendance_unknown = held_meetings.iter().filter(|m| m.present.is_none()).count() as i64;
    let planned = in_period
        .filter(|m| m.status == MeetingStatus::Planned && m.date >= today)
        .count() as i64;
    let level = if held >= required {
        Level::Green
    } else if today <= to && held + planned >= required {
        Level::Yellow
    } else {
        Level::Red
    };
    Signal::new(
        kind,
        level,
        Reason::Meetings {
            held,
            planned,
            required,
            per_year,
            without_members,
            attendance_unknown,
        },
    )
}

/// Whether minutes of a group's held meetings in a year were published
/// within the region's number of days.
pub fn minutes(group: Option<&GroupFacts>, within_days: i64, year: i32, today: NaiveDate) -> Signal {
    let kind = SignalKind::MinutesPublished;
    let Some(group) = group else {
        return Signal::unknown(kind, Reason::NoGroup);
    };
    if let Err(reason) = period(group, year, today) {
        return Signal::unknown(kind, reason);
    }
    let held: Vec<&MeetingFact> = group
        .meetings
        .iter()
        .filter(|m| m.date.year() == year && m.status == MeetingStatus::Held)
        .collect();
    if held.is_empty() {
        return Signal::unknown(kind, Reason::NoHeldMeetings);
    }
    let (mut in_time, mut late, mut missing) = (0, 0, 0);
    for m in &held {
        let due = m.date + Duration::days(within_days);
        match m.minutes_published_on {
            Some(p) if p <= due => in_time += 1,
            Some(_) => late += 1,
            None if today > due => missing += 1,
            None => {}
        }
    }
    let level = Level::of(missing > 0, late > 0);
    Signal::new(
        kind,
        level,
        Reason::Minutes {
            held: held.len() as i64,
            in_time,
            late,
            missing,
        },
    )
}

/// Whether the management group holds a manager from each base service at
/// the centre, on the last day judged (the year's end, or today while it
/// runs); also which service's managers were absent most in the year.
pub fn composition(facts: &CentreFacts, year: i32, today: NaiveDate) -> Signal {
    let kind = SignalKind::ManagementComposition;
    let Some(group) = &facts.management else {
        return Signal::unknown(kind, Reason::NoGroup);
    };
    let (jan1, dec31) = year_bounds(year);
    if today < jan1 {
        return Signal::unknown(kind, Reason::YearNotBegun);
    }
    if facts.services.is_empty() {
        return Signal::unknown(kind, Reason::NoBaseService);
    }
    let day = today.min(dec31).min(group.ends_on.unwrap_or(dec31));
    if group.starts_on.is_some_and(|s| s > day) {
        return Signal::unknown(kind, Reason::GroupNotInYear);
    }
    let seated: Vec<_> = facts.managers.iter().filter(|m| m.seat.active_on(day)).collect();
    if seated.is_empty() && facts.managers.iter().all(|m| m.seat.starts_on > day) {
        return Signal::unknown(kind, Reason::BeforeRecords);
    }
    let mut services = facts.services.clone();
    services.sort();
    services.dedup();
    let missing: Vec<BaseService> = services
        .into_iter()
        .filter(|s| !seated.iter().any(|m| m.service == Some(*s)))
        .collect();
    let unplaced = seated.iter().filter(|m| m.service.is_none()).count() as i64;
    let mut absences: BTreeMap<BaseService, i64> = BTreeMap::new();
    for m in group
        .meetings
        .iter()
        .filter(|m| m.date >= jan1 && m.date <= dec31 && m.status == MeetingStatus::Held)
    {
        for s in &m.absent {
            *absences.entry(*s).or_default() += 1;
        }
    }
    let most_absent = absences
        .into_iter()
        .max_by_key(|(s, n)| (*n, std::cmp::Reverse(*s)));
    let level = match (missing.is_empty(), unplaced) {
        (true, _) => Level::Green,
        // A manager whose service is not recorded may be the missing one.
        (false, n) if n > 0 => Level::Yellow,
        (false, _) => Level::Red,
    };
    Signal::new(
        kind,
        level,
        Reason::Managers {
            missing,
            unplaced,
            most_absent,
        },
    )
}
