//! Governance: the people who run family centres, the groups they sit in,
//! meetings, decisions, matters raised to steering groups, introductions of
//! new people, and the signals that show whether the guideline is followed.

pub mod assignment;
pub mod chain;
pub mod decision;
pub mod drafts;
pub mod facts;
pub mod group;
pub mod introduction;
pub mod matter;
pub mod meeting;
pub mod minutes;
pub mod person;
pub mod settings;
pub mod signals;

pub use assignment::{Assignment, AssignmentKind};
pub use chain::{Chain, MinutesAudience, chains};
pub use decision::{Decision, DecisionCategory};
pub use group::{Group, GroupInput, GroupKind};
pub use introduction::{Due, IntroductionSession, IntroductionState, Responsible, due_introductions};
pub use matter::{Matter, MatterSide, MatterStatus, MatterStep};
pub use meeting::{AttendanceStatus, Meeting, MeetingStatus};
pub use person::{ERASED_NAME, Person, PersonInput};
pub use settings::GovernanceSettings;
pub use signals::{Level, Reason, Signal, SignalKind};

/// Implements `code()`, `parse()` and `ALL` for a fieldless enum with stable codes.
macro_rules! coded_enum {
    ($name:ident, $kind:literal { $($variant:ident => $code:literal),+ $(,)? }) => {
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

        impl $crate::code::Coded for $name {
            const KIND: &'static str = $kind;
            fn code(self) -> &'static str {
                $name::code(self)
            }
            fn from_code(text: &str) -> Option<Self> {
                $name::parse(text)
            }
        }
    };
}
pub(crate) use coded_enum;
