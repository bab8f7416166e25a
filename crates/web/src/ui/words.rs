//! Words for the domain's values: services, principals, classes, findings.

use samverka_core::classification::{ClassificationOutcome, Finding, Reason, RulePreset};
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

/// What follows a number of centres of a class, in the number's plural and
/// in lower case ("2 familjecentraler", "1 kan inte bedömas").
pub fn classification_counted(t: &Tr, c: Option<Classification>, count: usize) -> String {
    let code = c.map_or("undetermined", |c| c.code());
    t.t1(&format!("class-count-{code}"), "count", count)
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

/// A base service's name as written inside a sentence, lower case, with its
/// abbreviation in brackets ("barnhälsovården (BHV)").
pub fn service_in_text(t: &Tr, s: BaseService) -> String {
    t.t(&format!("service-text-{}", s.code()))
}

/// Words joined as people write them: "a, b och c" (`conjunction` is the
/// message key of the last joining word, `list-and` or `list-or`).
fn join(t: &Tr, words: Vec<String>, conjunction: &str) -> String {
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), t.t(conjunction)),
    }
}

fn services(t: &Tr, services: &[BaseService], conjunction: &str) -> String {
    join(
        t,
        services.iter().map(|s| service_in_text(t, *s)).collect(),
        conjunction,
    )
}

/// The text with its first letter in upper case, to begin a sentence.
fn sentence(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// The deciding rule of a classification, in words, led by the class:
/// "Familjecentrerat arbete: barnhälsovården (BHV) delar inte hus med ...".
pub fn reason_text(t: &Tr, outcome: &ClassificationOutcome) -> String {
    let rules = t.t(match outcome.preset {
        RulePreset::National => "rules-text-national",
        RulePreset::Skane => "rules-text-skane",
        RulePreset::Custom => "rules-text-custom",
    });
    let reason = match &outcome.reason {
        Reason::AllFourTogether { premises } => t.args(
            "reason-all-four",
            &[("premises", premises.clone()), ("rules", rules)],
        ),
        Reason::ChildHealthWithPartners {
            premises,
            partners,
            missing,
            entrance_required,
        } => t.args(
            if *entrance_required {
                "reason-like-entrance"
            } else {
                "reason-like"
            },
            &[
                ("premises", premises.clone()),
                ("partners", services(t, partners, "list-and")),
                ("missing", services(t, missing, "list-and")),
                ("rules", rules),
            ],
        ),
        Reason::NoChildHealth => t.t("reason-no-child-health"),
        Reason::ChildHealthNotWhole => t.t1("reason-child-health-not-whole", "rules", rules),
        Reason::ChildHealthWithoutPartner { partners } => t.args(
            "reason-child-health-without-partner",
            &[("partners", services(t, partners, "list-or")), ("rules", rules)],
        ),
        Reason::EntranceNotShared { partners } => t.args(
            "reason-entrance-not-shared",
            &[("partners", services(t, partners, "list-or")), ("rules", rules)],
        ),
        Reason::HoursBelow { minutes, required } => t.args(
            "reason-hours-below",
            &[
                ("hours", samverka_core::hours::format_hours(*minutes)),
                ("required", samverka_core::hours::format_hours(*required)),
                ("rules", rules),
            ],
        ),
        Reason::MissingData => t.t("reason-missing-data"),
        Reason::NoBaseService => t.t("reason-no-base-service"),
        Reason::NoUnits => t.t("reason-no-units"),
    };
    t.args(
        "reason-line",
        &[
            ("class", classification_name(t, outcome.classification)),
            ("reason", reason),
        ],
    )
}

/// Every reason of a classification in reading order: the deciding rule,
/// then the supporting facts.
pub fn reasons(t: &Tr, outcome: &ClassificationOutcome) -> Vec<String> {
    std::iter::once(reason_text(t, outcome))
        .chain(outcome.findings.iter().map(|f| finding_text(t, f)))
        .collect()
}

/// One finding behind a classification, in words.
pub fn finding_text(t: &Tr, f: &Finding) -> String {
    let one = |key: &str, service: &BaseService| t.t1(key, "service", service_in_text(t, *service));
    sentence(match f {
        Finding::SharedBuilding {
            premises,
            services: s,
        } => t.args(
            "finding-shared-building",
            &[
                ("services", services(t, s, "list-and")),
                ("premises", premises.clone()),
            ],
        ),
        Finding::Alone { service, premises } => t.args(
            "finding-alone",
            &[
                ("service", service_in_text(t, *service)),
                ("premises", premises.clone()),
            ],
        ),
        Finding::Branch { service } => one("finding-branch", service),
        Finding::Absent { service } => one("finding-absent", service),
        Finding::LocationUnknown { service } => one("finding-location-unknown", service),
        Finding::FullOperationUnknown { service } => one("finding-full-operation-unknown", service),
        Finding::EntranceNotShared { services: s } => t.t1(
            "finding-entrance-not-shared",
            "services",
            services(t, s, "list-and"),
        ),
        Finding::EntranceUnknown { services: s } => {
            t.t1("finding-entrance-unknown", "services", services(t, s, "list-and"))
        }
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
    })
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

#[cfg(test)]
mod tests {
    use samverka_core::centre::Unit;
    use samverka_core::{Premises, RuleSet, classify};

    use super::*;
    use crate::http::i18n::Lang;

    /// Two premises with one shared entrance each: 1 "Vårdcentralen" (with
    /// an address) and 2 "Kyrkan".
    fn premises() -> [Premises; 2] {
        [(1, "Vårdcentralen", Some("Storgatan 1")), (2, "Kyrkan", None)].map(|(id, name, address)| Premises {
            id,
            centre_id: 1,
            name: name.into(),
            address: address.map(String::from),
            shared_entrance: Some(true),
        })
    }

    fn unit(s: BaseService, premises_id: i64) -> Unit {
        Unit {
            id: 0,
            centre_id: 1,
            service: ServiceType::Base(s),
            name: None,
            principal_kind: None,
            principal_name: None,
            premises_id: Some(premises_id),
            full_operation: Some(true),
            minutes_per_week: None,
            closed_on: None,
        }
    }

    #[test]
    fn the_deciding_rule_is_worded_first_with_the_services_written_out() {
        // Skåne: BHV shares a house with social services, not with open preschool.
        let units = [
            unit(BaseService::ChildHealth, 1),
            unit(BaseService::SocialServices, 1),
            unit(BaseService::OpenPreschool, 2),
        ];
        let out = classify(&units, &premises(), Some(20 * 60), &RuleSet::skane());
        let sv = reasons(&Tr::new(Lang::Sv), &out);
        assert_eq!(
            sv[0],
            "Familjecentrerat arbete: barnhälsovården (BHV) delar inte hus med öppen förskola (ÖF), \
             vilket Region Skånes regler kräver för familjecentralsliknande verksamhet."
        );
        assert_eq!(
            sv[1],
            "Barnhälsovården (BHV) och förebyggande socialtjänst (SOC) har hela sin ordinarie \
             verksamhet i samma hus (Vårdcentralen, Storgatan 1)."
        );
        let en = reasons(&Tr::new(Lang::En), &out);
        assert_eq!(
            en[0],
            "Family-centred work: child health care (BHV) does not share a building with open \
             preschool (ÖF), which a family-centre-like unit needs under Region Skåne's rules."
        );

        // The national definition: either partner will do, joined by "eller".
        let alone = [
            unit(BaseService::ChildHealth, 1),
            unit(BaseService::OpenPreschool, 2),
        ];
        let out = classify(&alone, &premises(), None, &RuleSet::national());
        assert!(
            reasons(&Tr::new(Lang::Sv), &out)[0]
                .contains("öppen förskola (ÖF) eller förebyggande socialtjänst (SOC), vilket den nationella definitionen kräver")
        );
    }
}
