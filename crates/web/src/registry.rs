//! The registry as the pages and the API show it: centres with their units,
//! computed co-location and classification.

use std::collections::HashMap;

use samverka_core::{Centre, ClassificationOutcome, Colocation, Unit, classify};
use samverka_store::municipalities::{self, Municipality};
use samverka_store::regions::{self, Region};
use samverka_store::{Db, centres};

use crate::error::AppError;

/// A centre with everything computed about it.
#[derive(Debug, Clone)]
pub struct CentreView {
    /// The centre.
    pub centre: Centre,
    /// Its municipality's name.
    pub municipality: String,
    /// Its units, closed ones included.
    pub units: Vec<Unit>,
    /// Co-location degree of its current units.
    pub colocation: Option<Colocation>,
    /// Classification under its region's rules.
    pub outcome: ClassificationOutcome,
}

impl CentreView {
    /// Units still part of the centre.
    pub fn current_units(&self) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(|u| u.closed_on.is_none())
    }
}

fn view(centre: Centre, units: Vec<Unit>, region: &Region, municipality: String) -> CentreView {
    let colocation = Colocation::of_units(&units);
    let outcome = classify(&units, centre.shared_opening_minutes, &region.rules);
    CentreView {
        centre,
        municipality,
        units,
        colocation,
        outcome,
    }
}

/// Every centre of a region, computed, sorted by name.
pub async fn region_centres(
    db: &Db,
    region: &Region,
) -> Result<(Vec<CentreView>, Vec<Municipality>), AppError> {
    let (list, units, munis) = tokio::try_join!(
        centres::list(db, Some(region.id)),
        centres::units_in_region(db, Some(region.id)),
        municipalities::list(db, Some(region.id)),
    )?;
    let names: HashMap<i64, String> = munis.iter().map(|m| (m.id, m.name.clone())).collect();
    let mut by_centre: HashMap<i64, Vec<Unit>> = HashMap::new();
    for u in units {
        by_centre.entry(u.centre_id).or_default().push(u);
    }
    let views = list
        .into_iter()
        .map(|c| {
            let units = by_centre.remove(&c.id).unwrap_or_default();
            let m = names.get(&c.municipality_id).cloned().unwrap_or_default();
            view(c, units, region, m)
        })
        .collect();
    Ok((views, munis))
}

/// One centre, computed, with its region.
pub async fn centre(db: &Db, id: i64) -> Result<(CentreView, Region), AppError> {
    let c = centres::get(db, id).await?;
    let (region, units, munis) = tokio::try_join!(
        regions::get(db, c.region_id),
        centres::units(db, id),
        municipalities::list(db, Some(c.region_id))
    )?;
    let m = munis
        .iter()
        .find(|m| m.id == c.municipality_id)
        .map(|m| m.name.clone())
        .unwrap_or_default();
    Ok((view(c, units, &region, m), region))
}
