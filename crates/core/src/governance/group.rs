//! Groups that govern family centres.

use serde::{Deserialize, Serialize};

use super::coded_enum;

/// The kind of a governing group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// Management group (*ledningsgrupp*): the nearest managers of one centre's services.
    Management,
    /// Preparation group (*beredningsgrupp*): prepares matters for a steering group.
    Preparation,
    /// Municipal steering group (*styrgrupp*), sometimes the local health-and-care forum.
    Steering,
    /// County steering group (*länsövergripande styrgrupp / systemledning*).
    CountySteering,
    /// The county coordinators' network of local coordinators (*nätverk*).
    CoordinatorNetwork,
}

coded_enum!(GroupKind {
    Management => "management",
    Preparation => "preparation",
    Steering => "steering",
    CountySteering => "county_steering",
    CoordinatorNetwork => "coordinator_network",
});

impl GroupKind {
    /// Whether matters can be raised to groups of this kind.
    pub fn receives_matters(self) -> bool {
        matches!(self, GroupKind::Steering | GroupKind::CountySteering)
    }
}
