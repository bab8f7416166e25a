//! Centres: the county's list with computed co-location and classification,
//! one centre, and creating, changing and closing centres.

use std::collections::HashMap;

use samverka_core::centre::{CentreDraft, validate_closing};
use samverka_core::{
    Centre, Classification, ClassificationOutcome, Colocation, Municipality, Premises, Region, Unit, classify,
};
use samverka_store::Conn;
use samverka_store::registry::{centres, municipalities, premises, regions};

use crate::{Ctx, Error, Result};

/// A centre with everything computed about it.
#[derive(Debug, Clone)]
pub struct CentreView {
    /// The centre.
    pub centre: Centre,
    /// Its municipality's name.
    pub municipality: String,
    /// Its units, closed ones included.
    pub units: Vec<Unit>,
    /// Its premises (*lokaler*), by name.
    pub premises: Vec<Premises>,
    /// Co-location degree of its current units.
    pub colocation: Option<Colocation>,
    /// Classification under its region's rules.
    pub outcome: ClassificationOutcome,
}

impl CentreView {
    /// Computes a centre's co-location and classification from its units
    /// and the premises they are in.
    pub fn compute(
        centre: Centre,
        (units, premises): (Vec<Unit>, Vec<Premises>),
        region: &Region,
        municipality: String,
    ) -> CentreView {
        let colocation = Colocation::of_units(&units, &premises);
        let outcome = classify(&units, &premises, centre.shared_opening_minutes, &region.rules);
        CentreView {
            centre,
            municipality,
            units,
            premises,
            colocation,
            outcome,
        }
    }

    /// The premises a unit works in, when known.
    pub fn premises_of(&self, unit: &Unit) -> Option<&Premises> {
        samverka_core::premises::find(&self.premises, unit.premises_id)
    }

    /// Units still part of the centre.
    pub fn current_units(&self) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(|u| u.closed_on.is_none())
    }
}

/// Every centre of a region, computed and sorted by name, with the region's municipalities.
pub(crate) async fn of_region(c: &mut Conn, region: &Region) -> Result<(Vec<CentreView>, Vec<Municipality>)> {
    let list = centres::list(c, Some(region.id)).await?;
    let units = centres::units_in_region(c, Some(region.id)).await?;
    let places = premises::in_region(c, Some(region.id)).await?;
    let munis = municipalities::list(c, Some(region.id)).await?;
    let names: HashMap<i64, String> = munis.iter().map(|m| (m.id, m.name.clone())).collect();
    let mut by_centre: HashMap<i64, (Vec<Unit>, Vec<Premises>)> = HashMap::new();
    for u in units {
        by_centre.entry(u.centre_id).or_default().0.push(u);
    }
    for p in places {
        by_centre.entry(p.centre_id).or_default().1.push(p);
    }
    let views = list
        .into_iter()
        .map(|c| {
            let parts = by_centre.remove(&c.id).unwrap_or_default();
            let m = names.get(&c.municipality_id).cloned().unwrap_or_default();
            CentreView::compute(c, parts, region, m)
        })
        .collect();
    Ok((views, munis))
}

async fn view_of(c: &mut Conn, centre: Centre) -> Result<(CentreView, Region)> {
    let region = regions::get(c, centre.region_id).await?;
    let units = centres::units(c, centre.id).await?;
    let places = premises::of_centre(c, centre.id).await?;
    let munis = municipalities::list(c, Some(centre.region_id)).await?;
    let m = munis
        .into_iter()
        .find(|m| m.id == centre.municipality_id)
        .map(|m| m.name)
        .unwrap_or_default();
    Ok((CentreView::compute(centre, (units, places), &region, m), region))
}

/// The centres of a region the actor may read, with its municipalities.
pub async fn in_region(ctx: &Ctx, region_id: i64) -> Result<(Region, Vec<CentreView>, Vec<Municipality>)> {
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, region_id).await?;
    Error::require(ctx.actor.can_view_region(region.id))?;
    let (views, munis) = of_region(&mut c, &region).await?;
    Ok((region, views, munis))
}

/// Which centres to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    /// Only this region.
    pub region: Option<i64>,
    /// Closed centres too.
    pub include_closed: bool,
}

/// Every centre the actor may read, by region and name.
pub async fn list(ctx: &Ctx, f: Filter) -> Result<Vec<CentreView>> {
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for region in regions::list(&mut c)
        .await?
        .iter()
        .filter(|r| ctx.actor.can_view_region(r.id) && f.region.is_none_or(|id| id == r.id))
    {
        let (views, _) = of_region(&mut c, region).await?;
        out.extend(
            views
                .into_iter()
                .filter(|v| f.include_closed || v.centre.closed_on.is_none()),
        );
    }
    Ok(out)
}

/// One centre as its page shows it, with what the actor may do there.
#[derive(Debug, Clone)]
pub struct CentreDetail {
    /// The centre, computed.
    pub view: CentreView,
    /// Its region.
    pub region: Region,
    /// The actor may change it and its units.
    pub can_edit: bool,
    /// The actor may close it.
    pub can_close: bool,
    /// It is closed and the actor may reopen it (and its closed units).
    pub can_reopen: bool,
    /// The actor manages the region.
    pub manage: bool,
}

/// One centre the actor may read.
pub async fn get(ctx: &Ctx, id: i64) -> Result<CentreDetail> {
    let mut c = ctx.read().await?;
    detail(ctx, &mut c, id).await
}

/// One centre the actor may read, with its governance signals for a year:
/// what its page shows, on one connection, without reading the rest of its
/// region.
pub async fn with_signals(
    ctx: &Ctx,
    id: i64,
    year: i32,
) -> Result<(CentreDetail, Vec<samverka_core::governance::Signal>)> {
    let mut c = ctx.read().await?;
    let d = detail(ctx, &mut c, id).await?;
    let signals = crate::governance::signals::around_centre(
        &mut c,
        &d.region,
        d.view.centre.clone(),
        d.view.units.clone(),
        year,
        ctx.today,
    )
    .await?;
    Ok((d, signals))
}

async fn detail(ctx: &Ctx, c: &mut Conn, id: i64) -> Result<CentreDetail> {
    let centre = centres::get(&mut *c, id).await?;
    Error::require(ctx.actor.can_view_region(centre.region_id))?;
    let (view, region) = view_of(c, centre).await?;
    let open = view.centre.closed_on.is_none();
    let manage = ctx.actor.can_manage_region(region.id);
    Ok(CentreDetail {
        can_edit: open && ctx.actor.can_edit_centre(region.id, view.centre.id),
        can_close: open && manage,
        can_reopen: !open && manage,
        manage,
        view,
        region,
    })
}

/// The form for a new centre: the region and its municipalities.
pub async fn new_form(ctx: &Ctx, region_id: i64) -> Result<(Region, Vec<Municipality>)> {
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, region_id).await?;
    Error::require(ctx.actor.can_manage_region(region.id))?;
    let munis = municipalities::list(&mut c, Some(region.id)).await?;
    Ok((region, munis))
}

/// Creates a centre (county coordinators and admins).
pub async fn create(ctx: &Ctx, region_id: i64, draft: &CentreDraft) -> Result<i64> {
    Error::require(ctx.actor.can_manage_region(region_id))?;
    let input = draft.validate()?;
    let mut tx = ctx.write().await?;
    regions::get(&mut tx, region_id).await?;
    let id = centres::create(&mut tx, &ctx.who, region_id, &input).await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// A centre the actor may change, with its region and municipalities
/// (409 `closed` once it is closed).
pub async fn editable(ctx: &Ctx, id: i64) -> Result<(Centre, Region, Vec<Municipality>)> {
    let mut c = ctx.read().await?;
    let centre = centres::get(&mut c, id).await?;
    Error::require(ctx.actor.can_edit_centre(centre.region_id, centre.id))?;
    if centre.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    let region = regions::get(&mut c, centre.region_id).await?;
    let munis = municipalities::list(&mut c, Some(region.id)).await?;
    Ok((centre, region, munis))
}

/// Changes a centre (its local coordinators, county coordinators, admins).
pub async fn update(ctx: &Ctx, id: i64, draft: &CentreDraft) -> Result<()> {
    let mut tx = ctx.write().await?;
    let before = centres::get(&mut tx, id).await?;
    Error::require(ctx.actor.can_edit_centre(before.region_id, before.id))?;
    if before.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    let input = draft.validate()?;
    centres::update(&mut tx, &ctx.who, &before, &input).await?;
    ctx.commit(tx).await
}

/// An open centre the actor may close, with its region.
pub async fn closable(ctx: &Ctx, id: i64) -> Result<(Centre, Region)> {
    let mut c = ctx.read().await?;
    let centre = centres::get(&mut c, id).await?;
    Error::require(ctx.actor.can_manage_region(centre.region_id))?;
    if centre.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    let region = regions::get(&mut c, centre.region_id).await?;
    Ok((centre, region))
}

/// Closes a centre from a date (county coordinators and admins). It stays
/// in the registry and its history.
pub async fn close(ctx: &Ctx, id: i64, closed_on: &str) -> Result<()> {
    let mut tx = ctx.write().await?;
    let before = centres::get(&mut tx, id).await?;
    Error::require(ctx.actor.can_manage_region(before.region_id))?;
    if before.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    let on = validate_closing(before.opened_on, closed_on)?;
    centres::close(&mut tx, &ctx.who, &before, on).await?;
    ctx.commit(tx).await
}

/// A closed centre the actor may reopen, with its region.
pub async fn reopenable(ctx: &Ctx, id: i64) -> Result<(Centre, Region)> {
    let mut c = ctx.read().await?;
    let centre = centres::get(&mut c, id).await?;
    Error::require(ctx.actor.can_manage_region(centre.region_id))?;
    if centre.closed_on.is_none() {
        return Err(Error::Conflict("not-closed"));
    }
    let region = regions::get(&mut c, centre.region_id).await?;
    Ok((centre, region))
}

/// Reopens a closed centre (county coordinators and admins of its region):
/// undoes a closing, with an audit entry. 409 `not-closed` when it is open
/// (also when two requests race: the update is conditional).
pub async fn reopen(ctx: &Ctx, id: i64) -> Result<()> {
    let mut tx = ctx.write().await?;
    let before = centres::get(&mut tx, id).await?;
    Error::require(ctx.actor.can_manage_region(before.region_id))?;
    if before.closed_on.is_none() {
        return Err(Error::Conflict("not-closed"));
    }
    centres::reopen(&mut tx, &ctx.who, &before).await?;
    ctx.commit(tx).await
}

/// The county overview (*länsöversikt*): every centre of a region with its
/// classification and its governance signals for a year.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The region.
    pub region: Region,
    /// The centres the filter lets through, by name.
    pub centres: Vec<CentreView>,
    /// How many centres there are before the filter's choices (open ones, or all).
    pub unfiltered: usize,
    /// The region's municipalities, for choosing one.
    pub municipalities: Vec<Municipality>,
    /// Each shown centre's signals.
    pub signals: HashMap<i64, Vec<samverka_core::governance::Signal>>,
    /// The year of the signals.
    pub year: i32,
    /// The actor manages the region.
    pub manage: bool,
}

/// Which centres the overview shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OverviewFilter {
    /// Closed centres too.
    pub include_closed: bool,
    /// Only centres of this class (`Some(None)`: those that cannot be classified).
    pub classification: Option<Option<Classification>>,
    /// Only centres in this municipality.
    pub municipality: Option<i64>,
    /// Only centres with at least one signal at this level (red, or "kan inte bedömas").
    pub level: Option<samverka_core::governance::Level>,
}

/// The overview of a region the actor may read, filtered.
pub async fn overview(ctx: &Ctx, region_id: i64, year: i32, filter: OverviewFilter) -> Result<Overview> {
    let mut c = ctx.read().await?;
    let region = regions::get(&mut c, region_id).await?;
    Error::require(ctx.actor.can_view_region(region.id))?;
    let (views, municipalities) = of_region(&mut c, &region).await?;
    let views: Vec<CentreView> = views
        .into_iter()
        .filter(|v| filter.include_closed || v.centre.closed_on.is_none())
        .collect();
    let unfiltered = views.len();
    let mut signals = crate::governance::signals::for_views(&mut c, &region, &views, year, ctx.today).await?;
    let views: Vec<CentreView> = views
        .into_iter()
        .filter(|v| {
            filter
                .classification
                .is_none_or(|class| v.outcome.classification == class)
        })
        .filter(|v| filter.municipality.is_none_or(|m| v.centre.municipality_id == m))
        .filter(|v| {
            filter.level.is_none_or(|level| {
                signals
                    .get(&v.centre.id)
                    .is_some_and(|list| list.iter().any(|s| s.level == level))
            })
        })
        .collect();
    signals.retain(|id, _| views.iter().any(|v| v.centre.id == *id));
    Ok(Overview {
        manage: ctx.actor.can_manage_region(region.id),
        region,
        centres: views,
        unfiltered,
        municipalities,
        signals,
        year,
    })
}
