//! Decisions recorded in meetings.

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

coded_enum!(DecisionCategory {
    AgreementChange => "agreement_change",
    BudgetChange => "budget_change",
    NewCentre => "new_centre",
    MatterFromGroup => "matter_from_group",
    ActivityPlanAdopted => "activity_plan_adopted",
    AnnualReportReceived => "annual_report_received",
    Other => "other",
});
