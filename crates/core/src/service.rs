//! The services a family centre is made of.

use serde::{Deserialize, Serialize};

/// One of the four base services (*basverksamheter*) of a family centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseService {
    /// Maternal health care (*mödrahälsovård*, MHV), usually a midwife clinic (BMM).
    Maternal,
    /// Child health care (*barnhälsovård*, BHV), usually a child health centre (BVC).
    ChildHealth,
    /// Open preschool (*öppen förskola*, ÖF).
    OpenPreschool,
    /// Preventive social services (*förebyggande socialtjänst*, SOC).
    SocialServices,
}

impl BaseService {
    /// All four, in the order the county reports list them.
    pub const ALL: [BaseService; 4] = [
        BaseService::Maternal,
        BaseService::ChildHealth,
        BaseService::OpenPreschool,
        BaseService::SocialServices,
    ];

    /// The stable code used in storage, files and the API.
    pub fn code(self) -> &'static str {
        match self {
            BaseService::Maternal => "mhv",
            BaseService::ChildHealth => "bhv",
            BaseService::OpenPreschool => "of",
            BaseService::SocialServices => "soc",
        }
    }

    /// The short label people in the field use (MHV, BHV, ÖF, SOC).
    pub fn abbreviation(self) -> &'static str {
        match self {
            BaseService::Maternal => "MHV",
            BaseService::ChildHealth => "BHV",
            BaseService::OpenPreschool => "ÖF",
            BaseService::SocialServices => "SOC",
        }
    }

    /// Parses a code as written by [`BaseService::code`]; also accepts the
    /// abbreviations and the usual unit names (BMM, BVC).
    pub fn parse(text: &str) -> Option<BaseService> {
        match text.trim().to_lowercase().as_str() {
            "mhv" | "bmm" | "maternal" => Some(BaseService::Maternal),
            "bhv" | "bvc" | "child_health" => Some(BaseService::ChildHealth),
            "of" | "öf" | "open_preschool" => Some(BaseService::OpenPreschool),
            "soc" | "social_services" => Some(BaseService::SocialServices),
            _ => None,
        }
    }
}

/// What a unit (*verksamhet*) at a centre does: one of the base services, or
/// another party's service (a "fifth party" such as the Church of Sweden, a
/// library or family counselling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceType {
    /// A base service.
    Base(BaseService),
    /// Any other party's service (*annan part*).
    Other,
}

impl ServiceType {
    /// Stable code: the base service's code, or `other`.
    pub fn code(self) -> &'static str {
        match self {
            ServiceType::Base(b) => b.code(),
            ServiceType::Other => "other",
        }
    }

    /// Parses a code written by [`ServiceType::code`].
    pub fn parse(text: &str) -> Option<ServiceType> {
        if text.trim().eq_ignore_ascii_case("other") {
            return Some(ServiceType::Other);
        }
        BaseService::parse(text).map(ServiceType::Base)
    }

    /// The base service, if this is one.
    pub fn base(self) -> Option<BaseService> {
        match self {
            ServiceType::Base(b) => Some(b),
            ServiceType::Other => None,
        }
    }
}

impl crate::code::Coded for ServiceType {
    const KIND: &'static str = "service";
    fn code(self) -> &'static str {
        ServiceType::code(self)
    }
    fn from_code(text: &str) -> Option<Self> {
        if text == "other" {
            return Some(ServiceType::Other);
        }
        BaseService::ALL
            .into_iter()
            .find(|b| b.code() == text)
            .map(ServiceType::Base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for b in BaseService::ALL {
            assert_eq!(BaseService::parse(b.code()), Some(b));
            assert_eq!(
                ServiceType::parse(ServiceType::Base(b).code()),
                Some(ServiceType::Base(b))
            );
        }
        assert_eq!(ServiceType::parse("other"), Some(ServiceType::Other));
        assert_eq!(BaseService::parse("BVC"), Some(BaseService::ChildHealth));
        assert_eq!(BaseService::parse("ÖF"), Some(BaseService::OpenPreschool));
        assert_eq!(ServiceType::parse("nonsense"), None);
    }
}
