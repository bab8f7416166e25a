//! Meetings of governing groups and who attended.

use serde::{Deserialize, Serialize};

use super::coded_enum;

/// Where a meeting (*sammanträde*) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// Planned, not yet held.
    Planned,
    /// Held.
    Held,
    /// Called off.
    Cancelled,
}

coded_enum!(MeetingStatus { Planned => "planned", Held => "held", Cancelled => "cancelled" });

/// A member's attendance at a held meeting (*närvaro*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    /// Present.
    Present,
    /// Absent without notice.
    Absent,
    /// Absent with notice (*anmält förhinder*).
    Excused,
}

coded_enum!(AttendanceStatus { Present => "present", Absent => "absent", Excused => "excused" });
