//! A survey round (*enkätomgång*): who it asks and how a response came in.

use serde::{Deserialize, Serialize};

use crate::governance::coded_enum;

/// Who a round (*enkätomgång*) asks: its respondent group
/// (*svarsgrupp*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RespondentGroup {
    /// Visitors of the centres (*besökare*).
    Visitors,
    /// Staff of the centres (*medarbetare*).
    Staff,
    /// Local coordinators (*lokala samordnare*).
    LocalCoordinators,
    /// Members of management groups (*ledningsgrupper*).
    Management,
    /// Members of steering groups (*styrgrupper*).
    Steering,
    /// Anyone else (*övriga*).
    Others,
}

coded_enum!(RespondentGroup, "respondent group" {
    Visitors => "visitors",
    Staff => "staff",
    LocalCoordinators => "local_coordinators",
    Management => "management",
    Steering => "steering",
    Others => "others",
});

/// How a response (*svar*) came in: its channel (*svarskanal*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Through a centre's anonymous link (or its QR code).
    Link,
    /// Through a personal invitation, whose token is spent on answering.
    Invitation,
    /// On paper, typed in afterwards by staff.
    Paper,
}

coded_enum!(Channel, "response channel" {
    Link => "link",
    Invitation => "invitation",
    Paper => "paper",
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::{Coded, parse_code};

    #[test]
    fn codes_read_back() {
        for g in RespondentGroup::ALL {
            assert_eq!(parse_code::<RespondentGroup>(g.code()), Ok(*g));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::from_code(c.code()), Some(*c));
        }
        assert!(parse_code::<Channel>("email").is_err());
    }
}
