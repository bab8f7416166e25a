//! The governance signals (*signaler*): per centre and per group, for a
//! year, computed from the region's records by the rules in core.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use samverka_core::governance::facts::{
    RegionRecords, centre_facts, group_facts, municipalities_without_steering,
};
use samverka_core::governance::signals::{self, CentreFacts, GroupFacts};
use samverka_core::governance::{Group, GroupKind, Signal, SignalKind};
use samverka_core::{Centre, Municipality, Region};
use samverka_store::Conn;
use samverka_store::governance::groups;
use samverka_store::governance::signals::{self as signal_records, Scope, SignalRecords};
use samverka_store::registry::{centres, municipalities};

use super::viewable_region;
use crate::{Ctx, Error, Result};

/// A year from a query: a sensible year (2000–2100), or this year.
pub fn chosen_year(text: Option<&str>, today: NaiveDate) -> i32 {
    text.and_then(|y| y.trim().parse::<i32>().ok())
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or_else(|| today.year())
}

/// Everything the signals of a region (or of one centre) are computed
/// from, read once.
struct Records {
    centres: Vec<Centre>,
    units: Vec<samverka_core::Unit>,
    groups: Vec<Group>,
    read: SignalRecords,
}

impl Records {
    /// A whole region's records for a year.
    async fn of_region(c: &mut Conn, region: &Region, year: i32) -> Result<Records> {
        let id = Some(region.id);
        let centre_list = centres::list(c, id).await?;
        let units = centres::units_in_region(c, id).await?;
        Records::read_with(c, region, centre_list, units, year).await
    }

    /// A whole region's governance records for a year, given the centres
    /// and units already read.
    async fn read_with(
        c: &mut Conn,
        region: &Region,
        centre_list: Vec<Centre>,
        units: Vec<samverka_core::Unit>,
        year: i32,
    ) -> Result<Records> {
        Ok(Records {
            centres: centre_list,
            units,
            groups: groups::list(c, Some(region.id)).await?,
            read: signal_records::read(c, Scope::Region(region.id), year).await?,
        })
    }

    /// The records around one centre for a year: its groups, the steering
    /// groups of its municipality and the people in them. What is read does
    /// not grow with the region.
    async fn around_centre(
        c: &mut Conn,
        centre: Centre,
        units: Vec<samverka_core::Unit>,
        year: i32,
    ) -> Result<Records> {
        let groups = groups::around_centre(c, centre.id, centre.municipality_id).await?;
        let ids: Vec<i64> = groups.iter().map(|g| g.id).collect();
        let read = signal_records::read(
            c,
            Scope::Centre {
                centre_id: centre.id,
                groups: &ids,
            },
            year,
        )
        .await?;
        Ok(Records {
            centres: vec![centre],
            units,
            groups,
            read,
        })
    }

    fn view<'a>(&'a self, region: &'a Region) -> RegionRecords<'a> {
        RegionRecords {
            settings: &region.governance,
            centres: &self.centres,
            units: &self.units,
            groups: &self.groups,
            meetings: &self.read.meetings,
            first_meetings: &self.read.first_meetings,
            assignments: &self.read.assignments,
            matters: &self.read.matters,
        }
    }

    /// The signals of the given centres for a year. A centre with nothing
    /// recorded gets the unknown signals, never a guess.
    fn centre_signals(
        &self,
        region: &Region,
        centre_ids: &[i64],
        year: i32,
        today: NaiveDate,
    ) -> HashMap<i64, Vec<Signal>> {
        let mut facts = centre_facts(self.view(region));
        let empty = CentreFacts::default();
        centre_ids
            .iter()
            .map(|id| {
                let f = facts.remove(id);
                (
                    *id,
                    signals::centre_signals(f.as_ref().unwrap_or(&empty), &region.governance, year, today),
                )
            })
            .collect()
    }
}

/// The signals of centres a page has read already (with their units), for
/// a year: the centres and units are not read again.
pub(crate) async fn for_views(
    c: &mut Conn,
    region: &Region,
    views: &[crate::registry::centres::CentreView],
    year: i32,
    today: NaiveDate,
) -> Result<HashMap<i64, Vec<Signal>>> {
    let centre_list: Vec<Centre> = views.iter().map(|v| v.centre.clone()).collect();
    let units: Vec<samverka_core::Unit> = views.iter().flat_map(|v| v.units.iter().cloned()).collect();
    let ids: Vec<i64> = centre_list.iter().map(|c| c.id).collect();
    let records = Records::read_with(c, region, centre_list, units, year).await?;
    Ok(records.centre_signals(region, &ids, year, today))
}

/// The signals of a centre a page has read already (with its units), for a
/// year, reading only the records around it.
pub(crate) async fn around_centre(
    c: &mut Conn,
    region: &Region,
    centre: Centre,
    units: Vec<samverka_core::Unit>,
    year: i32,
    today: NaiveDate,
) -> Result<Vec<Signal>> {
    let id = centre.id;
    let records = Records::around_centre(c, centre, units, year).await?;
    let mut all = records.centre_signals(region, &[id], year, today);
    Ok(all.remove(&id).unwrap_or_default())
}

/// One centre's signals for a year (those who may read its region).
pub async fn of_centre(ctx: &Ctx, centre_id: i64, year: i32) -> Result<Vec<Signal>> {
    let mut c = ctx.read().await?;
    let centre = centres::get(&mut c, centre_id).await?;
    let region = viewable_region(ctx, &mut c, centre.region_id).await?;
    let units = centres::units(&mut c, centre.id).await?;
    around_centre(&mut c, &region, centre, units, year, ctx.today).await
}

/// The signals of a management or steering group that the region follows:
/// its meetings (held with its members) and, where followed, its minutes.
pub fn group_signals(
    kind: GroupKind,
    facts: &GroupFacts,
    region: &Region,
    year: i32,
    today: NaiveDate,
) -> Vec<Signal> {
    let g = &region.governance;
    let (signal, required, quorum) = if kind == GroupKind::Steering {
        (SignalKind::SteeringMeetings, g.min_steering_meetings, 1)
    } else {
        (
            SignalKind::ManagementMeetings,
            g.min_management_meetings,
            g.management_quorum,
        )
    };
    let mut out = vec![signals::meetings(
        signal,
        Some(facts),
        required,
        quorum,
        year,
        today,
    )];
    if g.follows(SignalKind::MinutesPublished) {
        out.push(signals::minutes(Some(facts), g.minutes_within_days, year, today));
    }
    out
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
    /// Every open management and steering group with its signals.
    pub groups: Vec<(Group, Vec<Signal>)>,
    /// The region's municipalities in which no steering group works.
    pub without_steering: Vec<Municipality>,
}

/// The signals of a region the actor may read, for a year.
pub async fn of_region(ctx: &Ctx, region_id: i64, year: i32) -> Result<RegionSignals> {
    let mut c = ctx.read().await?;
    let region = viewable_region(ctx, &mut c, region_id).await?;
    let records = Records::of_region(&mut c, &region, year).await?;
    let municipality_list = municipalities::list(&mut c, Some(region.id)).await?;
    let open: Vec<Centre> = records
        .centres
        .iter()
        .filter(|c| c.closed_on.is_none())
        .cloned()
        .collect();
    let ids: Vec<i64> = open.iter().map(|c| c.id).collect();
    let mut by_centre = records.centre_signals(&region, &ids, year, ctx.today);
    let facts = group_facts(&records.view(&region));
    let mut group_lines: Vec<(Group, Vec<Signal>)> = records
        .groups
        .iter()
        .filter(|g| g.closed_on.is_none() && matches!(g.kind, GroupKind::Management | GroupKind::Steering))
        .map(|g| {
            let f = facts.get(&g.id).cloned().unwrap_or_default();
            (g.clone(), group_signals(g.kind, &f, &region, year, ctx.today))
        })
        .collect();
    group_lines.sort_by_key(|(g, _)| g.kind);
    let ids: Vec<i64> = municipality_list.iter().map(|m| m.id).collect();
    let missing = municipalities_without_steering(&ids, &records.groups, &records.centres);
    let has_centre = |m: &Municipality| open.iter().any(|c| c.municipality_id == m.id);
    Ok(RegionSignals {
        without_steering: municipality_list
            .into_iter()
            .filter(|m| missing.contains(&m.id) && has_centre(m))
            .collect(),
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
