//! Groups that govern family centres.

use chrono::NaiveDate;
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

coded_enum!(GroupKind, "group kind" {
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

/// A governing group (*ledningsgrupp*, *styrgrupp*, *beredningsgrupp*, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// Id.
    pub id: i64,
    /// Region.
    pub region_id: i64,
    /// Kind.
    pub kind: GroupKind,
    /// Name, e.g. "Styrgrupp familjecentraler Heby".
    pub name: String,
    /// The municipality of a municipal steering group.
    pub municipality_id: Option<i64>,
    /// The group this one reports to (a management group's steering group).
    pub reports_to: Option<i64>,
    /// Whether a steering group is the local health-and-care management forum acting as one.
    pub health_forum: bool,
    /// When it started; `None` when not recorded (it is then judged from its first meeting).
    pub starts_on: Option<NaiveDate>,
    /// When it was disbanded.
    pub closed_on: Option<NaiveDate>,
    /// The centres it governs, by id.
    pub centre_ids: Vec<i64>,
}

impl Group {
    /// Whether the group still works (was not disbanded).
    pub fn is_open(&self) -> bool {
        self.closed_on.is_none()
    }
}

/// A group as entered, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupInput {
    /// Kind.
    pub kind: GroupKind,
    /// Name.
    pub name: String,
    /// Municipality (steering groups).
    pub municipality_id: Option<i64>,
    /// The group it reports to.
    pub reports_to: Option<i64>,
    /// Health-and-care forum acting as steering group.
    pub health_forum: bool,
    /// When it started.
    pub starts_on: Option<NaiveDate>,
    /// Centres it governs.
    pub centre_ids: Vec<i64>,
}
