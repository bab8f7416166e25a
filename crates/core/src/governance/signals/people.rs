//! The rules about people: the local coordinator's share of a post, the
//! management group's chair, introductions of people new to a role, and
//! matters waiting for the steering group.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use super::{
    CentreFacts, ChairFlag, IntroductionFact, Level, MatterFact, Reason, Signal, SignalKind, year_bounds,
};
use crate::governance::assignment::Assignment;
use crate::governance::introduction::IntroductionState;
use crate::governance::matter::{MatterTiming, waiting_days};
use crate::governance::settings::GovernanceSettings;

/// The local coordinator's share of a post, one day at a time: successive
/// coordinators never add up, two at once do. Judged from the first day a
/// coordinator is recorded (or New Year's Day) to the year's end, or today
/// while the year runs. Red when the share on the last day is below the
/// region's minimum (or nobody holds the post), yellow when it was below on
/// some earlier day or no share is recorded, green otherwise. Where the
/// region asks the parties to fund the post equally and the data says who
/// pays, unequal funding is yellow.
pub fn coordinator(all: &[Assignment], settings: &GovernanceSettings, year: i32, today: NaiveDate) -> Signal {
    let kind = SignalKind::CoordinatorAppointed;
    let (jan1, dec31) = year_bounds(year);
    if today < jan1 {
        return Signal::unknown(kind, Reason::YearNotBegun);
    }
    let to = today.min(dec31);
    if all.is_empty() {
        return Signal::new(kind, Level::Red, Reason::NoCoordinator);
    }
    let Some(first) = all.iter().map(|a| a.starts_on).min().filter(|f| *f <= to) else {
        return Signal::unknown(kind, Reason::BeforeRecords);
    };
    let from = first.max(jan1);
    let on = |day: NaiveDate| all.iter().filter(move |a| a.active_on(day));
    if on(to).next().is_some() && on(to).all(|a| a.share_percent.is_none()) {
        return Signal::new(kind, Level::Yellow, Reason::CoordinatorWithoutShare);
    }
    let share = |day: NaiveDate| on(day).filter_map(|a| a.share_percent).sum::<i64>();
    let minimum = settings.min_coordinator_percent;
    let below = |s: i64, day: NaiveDate| s < minimum || on(day).next().is_none();
    let (mut lowest, mut days_below) = (i64::MAX, 0);
    let mut day = from;
    while day <= to {
        let s = share(day);
        lowest = lowest.min(s);
        if below(s, day) {
            days_below += 1;
        }
        day += Duration::days(1);
    }
    if on(to).next().is_none() && days_below == (to - from).num_days() + 1 {
        return Signal::new(kind, Level::Red, Reason::NoCoordinator);
    }
    let percent = share(to);
    let level = Level::of(below(percent, to), days_below > 0);
    if level == Level::Green
        && settings.coordinator_equal_funding
        && let Some(payers) = unequal_funding(on(to))
    {
        return Signal::new(kind, Level::Yellow, Reason::CoordinatorFunding { payers });
    }
    Signal::new(
        kind,
        level,
        Reason::CoordinatorShare {
            percent,
            lowest: lowest.min(percent),
            days_below,
            minimum,
        },
    )
}

/// Who pays how much of the coordinators' posts, when that is recorded for
/// all of them and not every party pays the same (one payer alone is unequal).
fn unequal_funding<'a>(on_day: impl Iterator<Item = &'a Assignment>) -> Option<Vec<(String, i64)>> {
    let mut payers: BTreeMap<String, i64> = BTreeMap::new();
    for a in on_day {
        let payer = a.paid_by.as_deref().map(str::trim).filter(|p| !p.is_empty())?;
        *payers.entry(payer.to_string()).or_default() += a.share_percent.unwrap_or(0);
    }
    let first = *payers.values().next()?;
    let equal = payers.len() > 1 && payers.values().all(|v| *v == first);
    (!equal).then(|| payers.into_iter().collect())
}

/// Whether the management group has a chair in the year, and what the
/// region asked to have flagged about them: a chair without an end or for
/// more than about a year, the same person as the year before, or the
/// local coordinator.
pub fn chair(facts: &CentreFacts, settings: &GovernanceSettings, year: i32, today: NaiveDate) -> Signal {
    let kind = SignalKind::ChairAppointed;
    let Some(group) = &facts.management else {
        return Signal::unknown(kind, Reason::NoGroup);
    };
    let (jan1, dec31) = year_bounds(year);
    if today < jan1 {
        return Signal::unknown(kind, Reason::YearNotBegun);
    }
    if group.starts_on.is_some_and(|s| s > dec31) || group.ends_on.is_some_and(|e| e < jan1) {
        return Signal::unknown(kind, Reason::GroupNotInYear);
    }
    let this_year: Vec<&Assignment> = facts.chairs.iter().filter(|a| a.active_during(year)).collect();
    if this_year.is_empty() {
        let nothing_yet = facts.chairs.iter().all(|a| a.starts_on.year() > year)
            && facts.managers.iter().all(|m| m.seat.starts_on.year() > year);
        return if nothing_yet {
            Signal::unknown(kind, Reason::BeforeRecords)
        } else {
            Signal::new(kind, Level::Red, Reason::NoChair)
        };
    }
    let mut flags = Vec::new();
    let open_ended = |a: &Assignment| a.ends_on.is_none_or(|e| (e - a.starts_on).num_days() > 400);
    if settings.chair_one_year && this_year.iter().any(|a| open_ended(a)) {
        flags.push(ChairFlag::OpenEnded);
    }
    if settings.chair_rotates
        && this_year.iter().any(|a| {
            facts
                .chairs
                .iter()
                .any(|b| b.person_id == a.person_id && b.active_during(year - 1))
        })
    {
        flags.push(ChairFlag::SameAsLastYear);
    }
    if settings.chair_not_coordinator
        && this_year.iter().any(|a| {
            facts
                .coordinators
                .iter()
                .any(|c| c.person_id == a.person_id && overlap(a, c))
        })
    {
        flags.push(ChairFlag::IsCoordinator);
    }
    let level = if flags.is_empty() {
        Level::Green
    } else {
        Level::Yellow
    };
    Signal::new(kind, level, Reason::Chair { flags })
}

/// Whether two assignments are in force on a common day.
fn overlap(a: &Assignment, b: &Assignment) -> bool {
    a.starts_on <= b.ends_on.unwrap_or(NaiveDate::MAX) && b.starts_on <= a.ends_on.unwrap_or(NaiveDate::MAX)
}

/// Whether people new to a role in the year were introduced within the
/// region's number of days.
pub fn introductions(
    facts: &[IntroductionFact],
    settings: &GovernanceSettings,
    year: i32,
    today: NaiveDate,
) -> Signal {
    let kind = SignalKind::IntroductionsInTime;
    if today < year_bounds(year).0 {
        return Signal::unknown(kind, Reason::YearNotBegun);
    }
    let due: Vec<IntroductionState> = facts
        .iter()
        .filter(|i| i.starts_on.year() == year)
        .map(|i| {
            IntroductionState::of(
                i.starts_on,
                i.introduced_on,
                settings.introduction_within_days,
                today,
            )
        })
        .collect();
    if due.is_empty() {
        return Signal::new(kind, Level::Green, Reason::NothingToIntroduce);
    }
    let count = |f: fn(&IntroductionState) -> bool| due.iter().filter(|s| f(s)).count() as i64;
    let in_time = count(|s| matches!(s, IntroductionState::Done { .. }));
    let late = count(|s| matches!(s, IntroductionState::DoneLate { .. }));
    let overdue = count(|s| matches!(s, IntroductionState::Overdue { .. }));
    let level = Level::of(overdue > 0, late > 0);
    Signal::new(
        kind,
        level,
        Reason::Introductions {
            due: due.len() as i64,
            in_time,
            late,
            overdue,
        },
    )
}

/// Whether matters raised to the steering group were answered within the
/// region's number of days: those waiting in the year, or decided in it or later.
pub fn matters(facts: &[MatterFact], within_days: i64, year: i32, today: NaiveDate) -> Signal {
    let kind = SignalKind::MattersAnswered;
    let (jan1, dec31) = year_bounds(year);
    if today < jan1 {
        return Signal::unknown(kind, Reason::YearNotBegun);
    }
    let relevant: Vec<&MatterFact> = facts
        .iter()
        .filter(|m| m.submitted_on.is_some_and(|s| s.year() <= year))
        .filter(|m| m.status.is_waiting() || m.decided_on.is_some_and(|d| d.year() >= year))
        .collect();
    if relevant.is_empty() {
        return Signal::new(kind, Level::Green, Reason::NoMatters);
    }
    let end = today.min(dec31);
    let timing = |m: &&MatterFact| {
        MatterTiming::of(
            m.status,
            waiting_days(m.submitted_on, m.decided_on, end),
            within_days,
        )
    };
    let overdue = relevant
        .iter()
        .filter(|m| timing(m) == MatterTiming::Overdue)
        .count() as i64;
    let late = relevant
        .iter()
        .filter(|m| timing(m) == MatterTiming::AnsweredLate)
        .count() as i64;
    let level = Level::of(overdue > 0, late > 0);
    Signal::new(
        kind,
        level,
        Reason::Matters {
            raised: relevant.len() as i64,
            late,
            overdue,
        },
    )
}
