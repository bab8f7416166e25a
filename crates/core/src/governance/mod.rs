//! Governance: the people who run family centres, the groups they sit in,
//! meetings, decisions, matters raised to steering groups, introductions of
//! new people, and the signals that show whether the guideline is followed.

pub mod assignment;
pub mod decision;
pub mod group;
pub mod introduction;
pub mod matter;
pub mod meeting;
pub mod settings;
pub mod signals;

pub use assignment::{Assignment, AssignmentKind};
pub use decision::DecisionCategory;
pub use group::GroupKind;
pub use introduction::{IntroductionState, Responsible};
pub use matter::MatterStatus;
pub use meeting::{AttendanceStatus, MeetingStatus};
pub use settings::GovernanceSettings;
pub use signals::{Level, Reason, Signal, SignalKind};

/// Implements `code()`, `parse()` and `ALL` for a fieldless enum with stable codes.
macro_rules! coded_enum {
    ($name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code used in storage, forms and the API.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// Parses [`Self::code`].
            pub fn parse(text: &str) -> Option<$name> {
                match text.trim() {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use coded_enum;
