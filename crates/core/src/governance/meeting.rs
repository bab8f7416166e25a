//! Meetings of governing groups and who attended.

use chrono::NaiveDate;
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

coded_enum!(MeetingStatus, "meeting status" { Planned => "planned", Held => "held", Cancelled => "cancelled" });

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

coded_enum!(AttendanceStatus, "attendance" { Present => "present", Absent => "absent", Excused => "excused" });

/// A meeting (*sammanträde*) of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// Id.
    pub id: i64,
    /// The group.
    pub group_id: i64,
    /// Its date.
    pub held_on: NaiveDate,
    /// Planned, held or cancelled.
    pub status: MeetingStatus,
    /// Agenda items, one per line.
    pub agenda: Option<String>,
    /// Minutes (*protokoll*), in Markdown as written.
    pub minutes_md: Option<String>,
    /// The minutes as safe HTML, rendered once when they were saved.
    #[serde(skip)]
    pub minutes_html: Option<String>,
    /// When the minutes were published to the centres' coordinators and managers.
    pub minutes_published_on: Option<NaiveDate>,
}

impl Meeting {
    /// Whether minutes have been written.
    pub fn has_minutes(&self) -> bool {
        self.minutes_md.as_deref().is_some_and(|m| !m.trim().is_empty())
    }

    /// Why the minutes cannot be published now, as a code; `None` when they can.
    pub fn publish_refusal(&self) -> Option<&'static str> {
        if self.minutes_published_on.is_some() {
            Some("already-published")
        } else if self.status != MeetingStatus::Held {
            Some("not-held")
        } else if !self.has_minutes() {
            Some("no-minutes")
        } else {
            None
        }
    }
}
