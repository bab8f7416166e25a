//! How far a centre's base services share premises.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::centre::{Unit, building_key};
use crate::service::BaseService;

/// Degree of co-location (*samlokalisering*) of a centre's base services,
/// on the four levels county follow-ups ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Colocation {
    /// *Inte alls*: every base service in a building of its own.
    #[serde(rename = "inte_alls")]
    NotAtAll,
    /// *Till viss del*: some, but not all, share a building.
    #[serde(rename = "till_viss_del")]
    Partly,
    /// *Till stor del*: all in the same building.
    #[serde(rename = "till_stor_del")]
    SameBuilding,
    /// *Helt och hållet*: all in the same building, behind one entrance.
    #[serde(rename = "helt_och_hallet")]
    SameEntrance,
}

impl Colocation {
    /// The API value (Swedish snake case).
    pub fn code(self) -> &'static str {
        match self {
            Colocation::NotAtAll => "inte_alls",
            Colocation::Partly => "till_viss_del",
            Colocation::SameBuilding => "till_stor_del",
            Colocation::SameEntrance => "helt_och_hallet",
        }
    }

    /// Computes the degree from a centre's current units. `None` when it
    /// cannot be told: no base service is recorded, or one has no building.
    pub fn of_units(units: &[Unit]) -> Option<Colocation> {
        let base: Vec<(&Unit, BaseService)> = units
            .iter()
            .filter(|u| u.closed_on.is_none())
            .filter_map(|u| u.service.base().map(|b| (u, b)))
            .collect();
        if base.is_empty() {
            return None;
        }
        let mut by_building: BTreeMap<String, BTreeSet<BaseService>> = BTreeMap::new();
        for (u, b) in &base {
            let key = building_key(u.building.as_deref()?);
            by_building.entry(key).or_default().insert(*b);
        }
        let services: BTreeSet<BaseService> = base.iter().map(|(_, b)| *b).collect();
        let largest = by_building.values().map(BTreeSet::len).max().unwrap_or(0);
        Some(
            if services.len() >= 2 && largest == services.len() && by_building.len() == 1 {
                if base.iter().all(|(u, _)| u.shared_entrance == Some(true)) {
                    Colocation::SameEntrance
                } else {
                    Colocation::SameBuilding
                }
            } else if largest >= 2 {
                Colocation::Partly
            } else {
                Colocation::NotAtAll
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::ServiceType;

    fn unit(b: BaseService, building: Option<&str>, entrance: Option<bool>) -> Unit {
        Unit {
            id: 0,
            centre_id: 1,
            service: ServiceType::Base(b),
            name: None,
            principal_kind: None,
            principal_name: None,
            building: building.map(String::from),
            shared_entrance: entrance,
            full_operation: Some(true),
            minutes_per_week: None,
            closed_on: None,
        }
    }
    use BaseService::*;

    #[test]
    fn four_levels() {
        let all_one =
            [Maternal, ChildHealth, OpenPreschool, SocialServices].map(|b| unit(b, Some("A"), Some(true)));
        assert_eq!(Colocation::of_units(&all_one), Some(Colocation::SameEntrance));
        let mut no_door = all_one.clone();
        no_door[2].shared_entrance = None;
        assert_eq!(Colocation::of_units(&no_door), Some(Colocation::SameBuilding));
        let partly = [
            unit(ChildHealth, Some("A"), None),
            unit(OpenPreschool, Some("a"), None),
            unit(SocialServices, Some("B"), None),
        ];
        assert_eq!(Colocation::of_units(&partly), Some(Colocation::Partly));
        let apart = [
            unit(ChildHealth, Some("A"), None),
            unit(OpenPreschool, Some("B"), None),
        ];
        assert_eq!(Colocation::of_units(&apart), Some(Colocation::NotAtAll));
    }

    #[test]
    fn unknown_building_means_unknown_degree() {
        let u = [
            unit(ChildHealth, Some("A"), None),
            unit(OpenPreschool, None, None),
        ];
        assert_eq!(Colocation::of_units(&u), None);
        assert_eq!(Colocation::of_units(&[]), None);
    }
}
