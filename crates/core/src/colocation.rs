//! How far a centre's base services share premises.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::centre::Unit;
use crate::premises::{self, Premises};
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

    /// Computes the degree from a centre's current units and its premises:
    /// units in the same premises share a building, whatever anyone typed,
    /// and premises with one shared entrance let them all in through it.
    /// `None` when it cannot be told: no base service is recorded, or one
    /// has no premises.
    pub fn of_units(units: &[Unit], premises: &[Premises]) -> Option<Colocation> {
        let base: Vec<(&Unit, BaseService)> = units
            .iter()
            .filter(|u| u.closed_on.is_none())
            .filter_map(|u| u.service.base().map(|b| (u, b)))
            .collect();
        if base.is_empty() {
            return None;
        }
        let mut by_building: BTreeMap<i64, (Option<bool>, BTreeSet<BaseService>)> = BTreeMap::new();
        for (u, b) in &base {
            let place = premises::find(premises, u.premises_id)?;
            by_building
                .entry(place.id)
                .or_insert_with(|| (place.shared_entrance, BTreeSet::new()))
                .1
                .insert(*b);
        }
        let services: BTreeSet<BaseService> = base.iter().map(|(_, b)| *b).collect();
        let largest = by_building.values().map(|(_, s)| s.len()).max().unwrap_or(0);
        Some(
            if services.len() >= 2 && largest == services.len() && by_building.len() == 1 {
                if by_building.values().all(|(entrance, _)| *entrance == Some(true)) {
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

    fn unit(b: BaseService, premises_id: Option<i64>) -> Unit {
        Unit {
            id: 0,
            centre_id: 1,
            service: ServiceType::Base(b),
            name: None,
            principal_kind: None,
            principal_name: None,
            premises_id,
            full_operation: Some(true),
            minutes_per_week: None,
            closed_on: None,
        }
    }

    fn premises(id: i64, name: &str, entrance: Option<bool>) -> Premises {
        Premises {
            id,
            centre_id: 1,
            name: name.into(),
            address: None,
            shared_entrance: entrance,
        }
    }
    use BaseService::*;

    #[test]
    fn four_levels() {
        let one_door = [premises(1, "A", Some(true))];
        let all_one = [Maternal, ChildHealth, OpenPreschool, SocialServices].map(|b| unit(b, Some(1)));
        assert_eq!(
            Colocation::of_units(&all_one, &one_door),
            Some(Colocation::SameEntrance)
        );
        let door_unknown = [premises(1, "A", None)];
        assert_eq!(
            Colocation::of_units(&all_one, &door_unknown),
            Some(Colocation::SameBuilding)
        );
        let two = [premises(1, "A", None), premises(2, "B", None)];
        let partly = [
            unit(ChildHealth, Some(1)),
            unit(OpenPreschool, Some(1)),
            unit(SocialServices, Some(2)),
        ];
        assert_eq!(Colocation::of_units(&partly, &two), Some(Colocation::Partly));
        let apart = [unit(ChildHealth, Some(1)), unit(OpenPreschool, Some(2))];
        assert_eq!(Colocation::of_units(&apart, &two), Some(Colocation::NotAtAll));
    }

    #[test]
    fn premises_typed_two_ways_are_still_one_building_when_they_are_one_record() {
        // Whatever the name looks like, one record is one building ...
        let one = [premises(1, "Huset A, Storgatan 1", Some(true))];
        let together = [unit(ChildHealth, Some(1)), unit(OpenPreschool, Some(1))];
        assert_eq!(
            Colocation::of_units(&together, &one),
            Some(Colocation::SameEntrance)
        );
        // ... and two records are two buildings, even with the same name.
        let twins = [
            premises(1, "Huset A", Some(true)),
            premises(2, "Huset A", Some(true)),
        ];
        let apart = [unit(ChildHealth, Some(1)), unit(OpenPreschool, Some(2))];
        assert_eq!(Colocation::of_units(&apart, &twins), Some(Colocation::NotAtAll));
    }

    #[test]
    fn unknown_premises_mean_unknown_degree() {
        let one = [premises(1, "A", None)];
        let u = [unit(ChildHealth, Some(1)), unit(OpenPreschool, None)];
        assert_eq!(Colocation::of_units(&u, &one), None);
        // Premises the list does not hold count as unknown too.
        let u = [unit(ChildHealth, Some(1)), unit(OpenPreschool, Some(9))];
        assert_eq!(Colocation::of_units(&u, &one), None);
        assert_eq!(Colocation::of_units(&[], &one), None);
    }
}
