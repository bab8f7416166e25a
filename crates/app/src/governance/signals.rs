//! The governance signals (*signaler*): per centre and per group, for a
//! year, computed from the region's records by the rules in core.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use samverka_core::governance::facts::{RegionRecords, centre_facts, meeting_facts};
use samverka_core::governance::signals::{self, CentreFacts, MeetingFact};
use samverka_core::governance::{Group, GroupKind, Signal, SignalKind};
use samverka_core::{Centre, Region};
use samverka_store::Conn;
use samverka_store::governance::{assignments, groups, introductions, matters, meetings};
use samverka_store::registry::centres;

use super::viewable_region;
use crate::{Ctx, Error, Result};

/// A year from a query: a sensible year (2000–2100), or this year.
pub fn chosen_year(text: Option<&str>, today: NaiveDate) -> i32 {
    text.and_then(|y| y.trim().parse::<i32>().ok())
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or_else(|| today.year())
}

/// The signals of the given centres of a region for a year. A centre with
/// nothing recorded gets the unknown signals, never a guess.
pub(crate) async fn for_centres(
    c: &mut Conn,
    region: &Region,
    centre_ids: &[i64],
    year: i32,
    today: NaiveDate,
) -> Result<HashMap<i64, Vec<Signal>>> {
    let group_list = groups::list(c, Some(region.id)).await?;
    let meeting_list = meetings::list(c, Some(region.id)).await?;
    let assignment_list = assignments::list(c, Some(region.id)).await?;
    let introduced = introductions::introduced_on(c, Some(region.id)).await?;
    let matter_list = matters::list(c, Some(region.id)).await?;
    let mut facts = centre_facts(RegionRecords {
        groups: &group_list,
        meetings: &meeting_list,
        assignments: &assignment_list,
        introduced: &introduced,
        matters: &matter_list,
    });
    let empty = CentreFacts::default();
    Ok(centre_ids
        .iter()
        .map(|id| {
            let f = facts.remove(id);
            (
                *id,
                signals::centre_signals(f.as_ref().unwrap_or(&empty), &region.governance, year, today),
            )
        })
        .collect())
}

/// One centre's signals for a year (those who may read its region).
pub async fn of_centre(ctx: &Ctx, centre_id: i64, year: i32) -> Result<Vec<Signal>> {
    let mut c = ctx.read().await?;
    let centre = centres::get(&mut c, centre_id).await?;
    let region = viewable_region(ctx, &mut c, centre.region_id).await?;
    let mut all = for_centres(&mut c, &region, &[centre.id], year, ctx.today).await?;
    Ok(all.remove(&centre.id).unwrap_or_default())
}

/// The meetings and minutes signals of a management or steering group.
pub fn group_signals(
    kind: GroupKind,
    facts: &[MeetingFact],
    region: &Region,
    year: i32,
    today: NaiveDate,
) -> [Signal; 2] {
    let (signal, required) = if kind == GroupKind::Steering {
        (
            SignalKind::SteeringMeetings,
            region.governance.min_steering_meetings,
        )
    } else {
        (
            SignalKind::ManagementMeetings,
            region.governance.min_management_meetings,
        )
    };
    [
        signals::meetings(signal, Some(facts), required, year, today),
        signals::minutes(Some(facts), region.governance.minutes_within_days, year, today),
    ]
}

/// A region's signals page.
#[derive(Debug, Clone)]
pub struct RegionSignals {
    /// The region.
    pub region: Region,
    /// The year.
    pub year: i32,
    /// Every open centre with its signals, by name.
    pub centres: Vec<(Centre, Vec<Signal>)>,
    /// Every open management and steering group with its two signals.
    pub groups: Vec<(Group, [Signal; 2])>,
}

/// The signals of a region the actor may read, for a year.
pub async fn of_region(ctx: &Ctx, region_id: i64, year: i32) -> Result<RegionSignals> {
    let mut c = ctx.read().await?;
    let region = viewable_region(ctx, &mut c, region_id).await?;
    let open: Vec<Centre> = centres::list(&mut c, Some(region.id))
        .await?
        .into_iter()
        .filter(|c| c.closed_on.is_none())
        .collect();
    let ids: Vec<i64> = open.iter().map(|c| c.id).collect();
    let mut by_centre = for_centres(&mut c, &region, &ids, year, ctx.today).await?;
    let group_list = groups::list(&mut c, Some(region.id)).await?;
    let meeting_list = meetings::list(&mut c, Some(region.id)).await?;
    let facts = meeting_facts(&meeting_list);
    let mut group_lines: Vec<(Group, [Signal; 2])> = group_list
        .into_iter()
        .filter(|g| g.closed_on.is_none() && matches!(g.kind, GroupKind::Management | GroupKind::Steering))
        .map(|g| {
            let f = facts.get(&g.id).map(Vec::as_slice).unwrap_or(&[]);
            let s = group_signals(g.kind, f, &region, year, ctx.today);
            (g, s)
        })
        .collect();
    group_lines.sort_by_key(|(g, _)| g.kind);
    Ok(RegionSignals {
        centres: open
            .into_iter()
            .map(|c| {
                let s = by_centre.remove(&c.id).unwrap_or_default();
                (c, s)
            })
            .collect(),
        groups: group_lines,
        region,
        year,
    })
}

/// The signals of every open centre in the regions the actor may read whole.
pub async fn list(
    ctx: &Ctx,
    region: Option<i64>,
    year: i32,
) -> Result<Vec<(Region, Vec<(Centre, Vec<Signal>)>)>> {
    if !(2000..=2100).contains(&year) {
        return Err(Error::field("year", "invalid-choice"));
    }
    let regions = super::reach::whole_regions(ctx, region).await?;
    let mut out = Vec::new();
    for r in regions {
        let page = of_region(ctx, r.id, year).await?;
        out.push((page.region, page.centres));
    }
    Ok(out)
}
