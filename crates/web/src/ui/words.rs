//! Words for the domain's values: services, principals, classes, findings.

use samverka_core::classification::{Finding, RulePreset};
use samverka_core::{BaseService, Classification, Colocation, PrincipalKind, ServiceType};

use crate::http::i18n::Tr;

/// Words for yes, no and unknown; unknown is never shown as no.
pub fn yes_no(t: &Tr, v: Option<bool>) -> String {
    match v {
        Some(true) => t.t("value-yes"),
        Some(false) => t.t("value-no"),
        None => t.t("value-unknown"),
    }
}

/// The full name of a base service.
pub fn service_name(t: &Tr, s: ServiceType) -> String {
    t.t(&format!("service-{}", s.code()))
}

/// The name of a kind of principal.
pub fn principal_name(t: &Tr, k: Option<PrincipalKind>) -> String {
    match k {
        Some(k) => t.t(&format!("principal-{}", k.code())),
        None => t.t("value-unknown"),
    }
}

/// The name of a class.
pub fn classification_name(t: &Tr, c: Option<Classification>) -> String {
    match c {
        Some(c) => t.t(&format!("class-{}", c.code())),
        None => t.t("class-undetermined"),
    }
}

/// A class's name inside a sentence: lower case ("allt från familjecentrerat
/// arbete till familjecentral").
pub fn classification_in_sentence(t: &Tr, c: Option<Classification>) -> String {
    let name = classification_name(t, c);
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => name,
    }
}

/// The name of a co-location degree.
pub fn colocation_name(t: &Tr, c: Option<Colocation>) -> String {
    match c {
        Some(c) => t.t(&format!("colocation-{}", c.code())),
        None => t.t("value-missing"),
    }
}

/// The name of a rule set.
pub fn preset_name(t: &Tr, p: RulePreset) -> String {
    t.t(match p {
        RulePreset::National => "rules-national",
        RulePreset::Skane => "rules-skane",
        RulePreset::Custom => "rules-custom",
    })
}

fn list(services: &[BaseService]) -> String {
    let names: Vec<&str> = services.iter().map(|s| s.abbreviation()).collect();
    names.join(", ")
}

/// One finding behind a classification, in words.
pub fn finding_text(t: &Tr, f: &Finding) -> String {
    match f {
        Finding::SharedBuilding { building, services } => t.args(
            "finding-shared-building",
            &[("services", list(services)), ("building", building.clone())],
        ),
        Finding::Alone { service, building } => t.args(
            "finding-alone",
            &[
                ("service", service.abbreviation().to_string()),
                ("building", building.clone()),
            ],
        ),
        Finding::Branch { service } => t.t1("finding-branch", "service", service.abbreviation()),
        Finding::Absent { service } => t.t1("finding-absent", "service", service.abbreviation()),
        Finding::LocationUnknown { service } => {
            t.t1("finding-location-unknown", "service", service.abbreviation())
        }
        Finding::FullOperationUnknown { service } => t.t1(
            "finding-full-operation-unknown",
            "service",
            service.abbreviation(),
        ),
        Finding::EntranceNotShared { services } => {
            t.t1("finding-entrance-not-shared", "services", list(services))
        }
        Finding::EntranceUnknown { services } => t.t1("finding-entrance-unknown", "services", list(services)),
        Finding::SharedHoursBelow { minutes, required } => t.args(
            "finding-hours-below",
            &[
                ("hours", samverka_core::hours::format_hours(*minutes)),
                ("required", samverka_core::hours::format_hours(*required)),
            ],
        ),
        Finding::SharedHoursUnknown { required } => t.t1(
            "finding-hours-unknown",
            "required",
            samverka_core::hours::format_hours(*required),
        ),
        Finding::NoUnits => t.t("finding-no-units"),
    }
}

/// One problem of a population import, in words.
pub fn population_error_text(t: &Tr, e: &samverka_core::population::LineError) -> String {
    let column = e
        .column
        .map(|c| t.t(&format!("population-column-{c}")))
        .unwrap_or_default();
    t.args(
        &format!("population-error-{}", e.code),
        &[
            ("line", e.line.to_string()),
            ("column", column),
            ("value", e.value.clone()),
        ],
    )
}
