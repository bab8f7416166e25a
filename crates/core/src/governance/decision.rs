//! Decisions recorded in meetings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::coded_enum;

/// What a decision (*beslut*) is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionCategory {
    /// A change of the collaboration agreement.
    AgreementChange,
    /// A change of the budget.
    BudgetChange,
    /// Starting a new centre.
    NewCentre,
    /// A matter raised by a management or preparation group.
    MatterFromGroup,
    /// The activity plan was adopted.
    ActivityPlanAdopted,
    /// The annual report was received.
    AnnualReportReceived,
    /// Anything else.
    Other,
}

coded_enum!(DecisionCategory, "decision category" {
    AgreementChange => "agreement_change",
    BudgetChange => "budget_change",
    NewCentre => "new_centre",
    MatterFromGroup => "matter_from_group",
    ActivityPlanAdopted => "activity_plan_adopted",
    AnnualReportReceived => "annual_report_received",
    Other => "other",
});

/// A decision (*beslut*) recorded in a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// Id.
    pub id: i64,
    /// The meeting.
    pub meeting_id: i64,
    /// The group that decided.
    pub group_id: i64,
    /// The meeting's date.
    pub decided_on: NaiveDate,
    /// What kind of decision.
    pub category: DecisionCategory,
    /// What was decided.
    pub text: String,
    /// The centres it concerns.
    pub centre_ids: Vec<i64>,
}
