//! Who runs a unit.

use serde::{Deserialize, Serialize};

/// The kind of principal (*huvudman*) that runs a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrincipalKind {
    /// The region (*region*), which runs health care.
    Region,
    /// The municipality (*kommun*).
    Municipality,
    /// A private provider with a care agreement (*privat vårdgivare*).
    PrivateProvider,
    /// A non-profit organisation (*idéburen organisation*), e.g. the Church of Sweden.
    NonProfit,
}

impl PrincipalKind {
    /// All kinds, in display order.
    pub const ALL: [PrincipalKind; 4] = [
        PrincipalKind::Region,
        PrincipalKind::Municipality,
        PrincipalKind::PrivateProvider,
        PrincipalKind::NonProfit,
    ];

    /// Stable code for storage and the API.
    pub fn code(self) -> &'static str {
        match self {
            PrincipalKind::Region => "region",
            PrincipalKind::Municipality => "municipality",
            PrincipalKind::PrivateProvider => "private_provider",
            PrincipalKind::NonProfit => "non_profit",
        }
    }

    /// Parses a code written by [`PrincipalKind::code`] (Swedish words accepted too).
    pub fn parse(text: &str) -> Option<PrincipalKind> {
        match text.trim().to_lowercase().as_str() {
            "region" => Some(PrincipalKind::Region),
            "municipality" | "kommun" => Some(PrincipalKind::Municipality),
            "private_provider" | "privat" => Some(PrincipalKind::PrivateProvider),
            "non_profit" | "ideell" | "idéburen" => Some(PrincipalKind::NonProfit),
            _ => None,
        }
    }

    /// Whether this principal is one of the two public partners (region, municipality).
    /// Anything else counts as an "other party" in the county's tables.
    pub fn is_public(self) -> bool {
        matches!(self, PrincipalKind::Region | PrincipalKind::Municipality)
    }
}

impl crate::code::Coded for PrincipalKind {
    const KIND: &'static str = "principal kind";
    fn code(self) -> &'static str {
        PrincipalKind::code(self)
    }
    fn from_code(text: &str) -> Option<Self> {
        PrincipalKind::ALL.into_iter().find(|k| k.code() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in PrincipalKind::ALL {
            assert_eq!(PrincipalKind::parse(k.code()), Some(k));
        }
        assert_eq!(PrincipalKind::parse("kommun"), Some(PrincipalKind::Municipality));
        assert!(!PrincipalKind::NonProfit.is_public());
    }
}
