//! Classification of a centre: family centre, FC-like, or family-centred work.
//!
//! The rule set is data (per region), never a code branch per county.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::centre::{Unit, building_key};
use crate::service::BaseService;

/// The class of a centre (*klassning*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Classification {
    /// *Familjecentrerat arbete*: collaboration without co-location.
    #[serde(rename = "familjecentrerat_arbete")]
    FamilyCentredWork,
    /// *Familjecentralsliknande verksamhet*: child health care co-located with
    /// some of the other base services.
    #[serde(rename = "familjecentralsliknande")]
    FamilyCentreLike,
    /// *Familjecentral*: all four base services co-located.
    #[serde(rename = "familjecentral")]
    FamilyCentre,
}

impl Classification {
    /// The API value (Swedish snake case).
    pub fn code(self) -> &'static str {
        match self {
            Classification::FamilyCentre => "familjecentral",
            Classification::FamilyCentreLike => "familjecentralsliknande",
            Classification::FamilyCentredWork => "familjecentrerat_arbete",
        }
    }
}

/// Which named rule set a region's rules match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RulePreset {
    /// Socialstyrelsen's national definition.
    National,
    /// Region Skåne's stricter guideline.
    Skane,
    /// Anything else a region has set.
    Custom,
}

/// A region's classification rules (*riktlinje*, the part that classifies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    /// Child health care co-located with at least one of these makes a centre
    /// FC-like. National: open preschool or social services. Skåne: open preschool.
    pub like_partners: Vec<BaseService>,
    /// Whether the co-located services must share one entrance for either class.
    pub require_shared_entrance: bool,
    /// Minutes per week all services must be open at the same time for either
    /// class; `None` when the rule set does not ask for it.
    pub min_shared_opening_minutes: Option<i64>,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::national()
    }
}

impl RuleSet {
    /// The national definition (Socialstyrelsen).
    pub fn national() -> RuleSet {
        RuleSet {
            like_partners: vec![BaseService::OpenPreschool, BaseService::SocialServices],
            require_shared_entrance: false,
            min_shared_opening_minutes: None,
        }
    }

    /// Region Skåne's variant: FC-like needs child health care with open
    /// preschool; one shared entrance; all open together at least 15 h a week.
    pub fn skane() -> RuleSet {
        RuleSet {
            like_partners: vec![BaseService::OpenPreschool],
            require_shared_entrance: true,
            min_shared_opening_minutes: Some(15 * 60),
        }
    }

    /// Which preset this is, if any.
    pub fn preset(&self) -> RulePreset {
        let mut me = self.clone();
        me.like_partners.sort();
        if me == RuleSet::national() {
            RulePreset::National
        } else if me == RuleSet::skane() {
            RulePreset::Skane
        } else {
            RulePreset::Custom
        }
    }

    /// The partners as stored: codes joined by commas (`of,soc`).
    pub fn partners_code(&self) -> String {
        let mut p = self.like_partners.clone();
        p.sort();
        p.dedup();
        p.iter().map(|b| b.code()).collect::<Vec<_>>().join(",")
    }

    /// Parses [`RuleSet::partners_code`]; unknown codes are skipped.
    pub fn parse_partners(code: &str) -> Vec<BaseService> {
        let mut p: Vec<BaseService> = code.split(',').filter_map(BaseService::parse).collect();
        p.sort();
        p.dedup();
        p
    }
}

/// One plain fact behind a classification, for the person who asks "why?".
/// The web layer words each one in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// These base services have their whole ordinary operation in one building.
    SharedBuilding {
        /// The building as written on the first unit.
        building: String,
        /// The services there.
        services: Vec<BaseService>,
    },
    /// This base service is in a building with no other base service.
    Alone {
        /// The service.
        service: BaseService,
        /// Its building.
        building: String,
    },
    /// Only a branch of this service is at the centre, not its whole operation.
    Branch {
        /// The service.
        service: BaseService,
    },
    /// The centre does not include this base service.
    Absent {
        /// The service.
        service: BaseService,
    },
    /// Nobody has recorded where this service works.
    LocationUnknown {
        /// The service.
        service: BaseService,
    },
    /// Nobody has recorded whether the whole operation of this service is at the centre.
    FullOperationUnknown {
        /// The service.
        service: BaseService,
    },
    /// The rules ask for one shared entrance; these services do not use it.
    EntranceNotShared {
        /// The services.
        services: Vec<BaseService>,
    },
    /// The rules ask for one shared entrance; for these services it is not recorded.
    EntranceUnknown {
        /// The services.
        services: Vec<BaseService>,
    },
    /// The rules ask for shared opening hours; the centre has fewer.
    SharedHoursBelow {
        /// Minutes a week the centre has.
        minutes: i64,
        /// Minutes a week the rules ask for.
        required: i64,
    },
    /// The rules ask for shared opening hours; the centre's are not recorded.
    SharedHoursUnknown {
        /// Minutes a week the rules ask for.
        required: i64,
    },
    /// No services are recorded for the centre at all.
    NoUnits,
}

/// The result of classifying one centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassificationOutcome {
    /// The class, or `None` when missing data leaves more than one class possible.
    pub classification: Option<Classification>,
    /// When undetermined: the lowest and highest class the missing data allows.
    pub possible: Option<(Classification, Classification)>,
    /// Which rule set was applied.
    pub preset: RulePreset,
    /// The facts behind it, in reading order.
    pub findings: Vec<Finding>,
}

/// Classifies a centre from its units, its shared opening time and the
/// region's rules. Missing data never counts as "no": when it could change
/// the answer, the outcome is undetermined and says what is missing.
pub fn classify(
    units: &[Unit],
    shared_opening_minutes: Option<i64>,
    rules: &RuleSet,
) -> ClassificationOutcome {
    let active: Vec<&Unit> = units.iter().filter(|u| u.closed_on.is_none()).collect();
    let preset = rules.preset();
    if active.is_empty() {
        return ClassificationOutcome {
            classification: None,
            possible: Some((Classification::FamilyCentredWork, Classification::FamilyCentre)),
            preset,
            findings: vec![Finding::NoUnits],
        };
    }
    let low = evaluate(&active, shared_opening_minutes, rules, false);
    let high = evaluate(&active, shared_opening_minutes, rules, true);
    ClassificationOutcome {
        classification: (low == high).then_some(low),
        possible: (low != high).then_some((low, high)),
        preset,
        findings: findings(&active, shared_opening_minutes, rules),
    }
}

/// Evaluates the rules with every unknown read as "no" (`optimistic == false`)
/// or as "yes" (`optimistic == true`).
fn evaluate(units: &[&Unit], shared: Option<i64>, rules: &RuleSet, optimistic: bool) -> Classification {
    let resolve = |v: Option<bool>| v.unwrap_or(optimistic);
    // Per building: which services are wholly there, and which of them use the shared entrance.
    let mut present: BTreeMap<String, BTreeMap<BaseService, bool>> = BTreeMap::new();
    let mut anywhere: BTreeMap<BaseService, bool> = BTreeMap::new();
    for u in units {
        let Some(service) = u.service.base() else { continue };
        if !resolve(u.full_operation) {
            continue;
        }
        let entrance = resolve(u.shared_entrance);
        match &u.building {
            Some(b) => {
                let slot = present
                    .entry(building_key(b))
                    .or_default()
                    .entry(service)
                    .or_insert(false);
                *slot |= entrance;
            }
            None if optimistic => {
                let slot = anywhere.entry(service).or_insert(false);
                *slot |= entrance;
            }
            None => {}
        }
    }
    if present.is_empty() {
        present.insert(String::new(), BTreeMap::new());
    }
    let hours_ok = match rules.min_shared_opening_minutes {
        None => true,
        Some(min) => shared.map_or(optimistic, |m| m >= min),
    };
    let mut best = Classification::FamilyCentredWork;
    for services in present.values() {
        let mut here = services.clone();
        for (s, e) in &anywhere {
            let slot = here.entry(*s).or_insert(false);
            *slot |= *e;
        }
        let ok = |s: BaseService| here.get(&s).is_some_and(|e| *e || !rules.require_shared_entrance);
        if !hours_ok {
            continue;
        }
        if BaseService::ALL.iter().all(|s| ok(*s)) {
            return Classification::FamilyCentre;
        }
        if ok(BaseService::ChildHealth) && rules.like_partners.iter().any(|p| ok(*p)) {
            best = Classification::FamilyCentreLike;
        }
    }
    best
}

fn findings(units: &[&Unit], shared: Option<i64>, rules: &RuleSet) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut groups: BTreeMap<String, (String, BTreeSet<BaseService>)> = BTreeMap::new();
    let mut seen: BTreeSet<BaseService> = BTreeSet::new();
    let mut not_shared = BTreeSet::new();
    let mut entrance_unknown = BTreeSet::new();
    for u in units {
        let Some(service) = u.service.base() else { continue };
        seen.insert(service);
        match (&u.building, u.full_operation) {
            (None, _) => out.push(Finding::LocationUnknown { service }),
            (Some(_), Some(false)) => out.push(Finding::Branch { service }),
            (Some(_), None) => out.push(Finding::FullOperationUnknown { service }),
            (Some(b), Some(true)) => {
                groups
                    .entry(building_key(b))
                    .or_insert_with(|| (b.clone(), BTreeSet::new()))
                    .1
                    .insert(service);
            }
        }
        match u.shared_entrance {
            Some(false) => {
                not_shared.insert(service);
            }
            None => {
                entrance_unknown.insert(service);
            }
            Some(true) => {}
        }
    }
    let mut located: Vec<Finding> = groups
        .into_values()
        .map(|(building, services)| {
            if services.len() == 1 {
                let service = services.into_iter().next().unwrap_or(BaseService::ChildHealth);
                Finding::Alone { service, building }
            } else {
                Finding::SharedBuilding {
                    building,
                    services: services.into_iter().collect(),
                }
            }
        })
        .collect();
    located.sort_by_key(|f| match f {
        Finding::SharedBuilding { services, .. } => std::cmp::Reverse(services.len()),
        _ => std::cmp::Reverse(1),
    });
    out.splice(0..0, located);
    for s in BaseService::ALL {
        if !seen.contains(&s) {
            out.push(Finding::Absent { service: s });
        }
    }
    if rules.require_shared_entrance {
        if !not_shared.is_empty() {
            out.push(Finding::EntranceNotShared {
                services: not_shared.into_iter().collect(),
            });
        }
        if !entrance_unknown.is_empty() {
            out.push(Finding::EntranceUnknown {
                services: entrance_unknown.into_iter().collect(),
            });
        }
    }
    if let Some(required) = rules.min_shared_opening_minutes {
        match shared {
            None => out.push(Finding::SharedHoursUnknown { required }),
            Some(minutes) if minutes < required => out.push(Finding::SharedHoursBelow { minutes, required }),
            Some(_) => {}
        }
    }
    out
}

/// A region's classification rules as chosen in the settings form.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct RulesDraft {
    /// `national`, `skane` or `custom`.
    #[serde(default)]
    pub preset: String,
    /// Custom rules: open preschool is a partner of child health care.
    #[serde(default)]
    pub partner_of: Option<String>,
    /// Custom rules: social services are a partner.
    #[serde(default)]
    pub partner_soc: Option<String>,
    /// Custom rules: maternal care is a partner.
    #[serde(default)]
    pub partner_mhv: Option<String>,
    /// Custom rules: one shared entrance is required.
    #[serde(default)]
    pub entrance: Option<String>,
    /// Custom rules: the least shared opening hours a week, as typed.
    #[serde(default)]
    pub hours: String,
}

impl RulesDraft {
    /// Checks the choice; returns all problems at once.
    pub fn validate(&self) -> Result<RuleSet, crate::FieldErrors> {
        let mut errors = crate::FieldErrors::default();
        let rules = match self.preset.trim() {
            "national" => RuleSet::national(),
            "skane" => RuleSet::skane(),
            "custom" => {
                let mut partners = Vec::new();
                for (on, s) in [
                    (&self.partner_of, BaseService::OpenPreschool),
                    (&self.partner_soc, BaseService::SocialServices),
                    (&self.partner_mhv, BaseService::Maternal),
                ] {
                    if on.is_some() {
                        partners.push(s);
                    }
                }
                if partners.is_empty() {
                    errors.add("partners", "choose-one");
                }
                let min = crate::validation::optional_hours(&mut errors, "hours", &self.hours);
                RuleSet {
                    like_partners: partners,
                    require_shared_entrance: self.entrance.is_some(),
                    min_shared_opening_minutes: min,
                }
            }
            _ => {
                errors.add("preset", "required");
                RuleSet::national()
            }
        };
        errors.into_result(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::ServiceType;
    use BaseService::*;
    use Classification::*;

    fn unit(b: BaseService, building: Option<&str>, full: Option<bool>, entrance: Option<bool>) -> Unit {
        Unit {
            id: 0,
            centre_id: 1,
            service: ServiceType::Base(b),
            name: None,
            principal_kind: None,
            principal_name: None,
            building: building.map(String::from),
            shared_entrance: entrance,
            full_operation: full,
            minutes_per_week: None,
            closed_on: None,
        }
    }

    /// Where a base service is in a test scenario.
    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Place {
        Colocated,
        Elsewhere,
        Absent,
    }

    /// The rules written out plainly, independent of `evaluate`.
    fn expected(places: &[Place; 4], skane: bool) -> Classification {
        let co = |s: BaseService| {
            places[BaseService::ALL.iter().position(|x| *x == s).unwrap_or(0)] == Place::Colocated
        };
        if co(Maternal) && co(ChildHealth) && co(OpenPreschool) && co(SocialServices) {
            FamilyCentre
        } else if co(ChildHealth) && (co(OpenPreschool) || (!skane && co(SocialServices))) {
            FamilyCentreLike
        } else {
            FamilyCentredWork
        }
    }

    fn scenario(places: &[Place; 4]) -> Vec<Unit> {
        let mut units = Vec::new();
        for (i, (s, p)) in BaseService::ALL.iter().zip(places).enumerate() {
            match p {
                Place::Colocated => units.push(unit(*s, Some("Centrumhuset"), Some(true), Some(true))),
                Place::Elsewhere => {
                    units.push(unit(*s, Some(&format!("Annat hus {i}")), Some(true), Some(false)))
                }
                Place::Absent => {}
            }
        }
        units
    }

    #[test]
    fn every_combination_of_services_and_places_under_both_rule_sets() {
        let options = [Place::Colocated, Place::Elsewhere, Place::Absent];
        let mut checked = 0;
        for a in options {
            for b in options {
                for c in options {
                    for d in options {
                        let places = [a, b, c, d];
                        let units = scenario(&places);
                        for (rules, skane) in [(RuleSet::national(), false), (RuleSet::skane(), true)] {
                            let out = classify(&units, Some(20 * 60), &rules);
                            if units.is_empty() {
                                assert_eq!(out.classification, None, "{places:?}");
                                continue;
                            }
                            assert_eq!(
                                out.classification,
                                Some(expected(&places, skane)),
                                "{places:?} skåne={skane}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 2 * (81 - 1));
    }

    #[test]
    fn the_national_definition_accepts_child_health_with_social_services_but_skane_does_not() {
        let units = [
            unit(ChildHealth, Some("A"), Some(true), Some(true)),
            unit(SocialServices, Some("A"), Some(true), Some(true)),
        ];
        assert_eq!(
            classify(&units, Some(900), &RuleSet::national()).classification,
            Some(FamilyCentreLike)
        );
        assert_eq!(
            classify(&units, Some(900), &RuleSet::skane()).classification,
            Some(FamilyCentredWork)
        );
    }

    #[test]
    fn skane_requires_the_shared_entrance() {
        let mut units: Vec<Unit> = BaseService::ALL
            .iter()
            .map(|s| unit(*s, Some("A"), Some(true), Some(true)))
            .collect();
        assert_eq!(
            classify(&units, Some(900), &RuleSet::skane()).classification,
            Some(FamilyCentre)
        );
        units[0].shared_entrance = Some(false);
        // Without MHV behind the door it is still FC-like (BHV + ÖF share it).
        let out = classify(&units, Some(900), &RuleSet::skane());
        assert_eq!(out.classification, Some(FamilyCentreLike));
        assert!(out.findings.contains(&Finding::EntranceNotShared {
            services: vec![Maternal]
        }));
        // The national definition does not care about the door.
        assert_eq!(
            classify(&units, None, &RuleSet::national()).classification,
            Some(FamilyCentre)
        );
    }

    #[test]
    fn skane_requires_fifteen_hours_together() {
        let units: Vec<Unit> = BaseService::ALL
            .iter()
            .map(|s| unit(*s, Some("A"), Some(true), Some(true)))
            .collect();
        let out = classify(&units, Some(14 * 60), &RuleSet::skane());
        assert_eq!(out.classification, Some(FamilyCentredWork));
        assert!(out.findings.contains(&Finding::SharedHoursBelow {
            minutes: 840,
            required: 900
        }));
        let out = classify(&units, None, &RuleSet::skane());
        assert_eq!(
            out.classification, None,
            "unknown hours must not count as too few"
        );
        assert_eq!(out.possible, Some((FamilyCentredWork, FamilyCentre)));
        assert!(
            out.findings
                .contains(&Finding::SharedHoursUnknown { required: 900 })
        );
    }

    #[test]
    fn a_branch_does_not_count_as_colocated() {
        let units = [
            unit(ChildHealth, Some("A"), Some(false), None),
            unit(OpenPreschool, Some("A"), Some(true), None),
        ];
        let out = classify(&units, None, &RuleSet::national());
        assert_eq!(out.classification, Some(FamilyCentredWork));
        assert!(out.findings.contains(&Finding::Branch { service: ChildHealth }));
    }

    #[test]
    fn missing_data_is_never_a_no() {
        // BHV's building is unknown; ÖF and SOC share one. It could be FC-like, or not.
        let units = [
            unit(ChildHealth, None, Some(true), None),
            unit(OpenPreschool, Some("A"), Some(true), None),
            unit(SocialServices, Some("A"), Some(true), None),
        ];
        let out = classify(&units, None, &RuleSet::national());
        assert_eq!(out.classification, None);
        assert_eq!(out.possible, Some((FamilyCentredWork, FamilyCentreLike)));
        assert!(
            out.findings
                .contains(&Finding::LocationUnknown { service: ChildHealth })
        );
        assert!(out.findings.contains(&Finding::Absent { service: Maternal }));

        // Unknown data that cannot change the answer leaves it determined.
        let units = [
            unit(ChildHealth, Some("A"), Some(true), None),
            unit(OpenPreschool, Some("A"), Some(true), None),
            unit(SocialServices, Some("B"), None, None),
        ];
        assert_eq!(
            classify(&units, None, &RuleSet::national()).classification,
            Some(FamilyCentreLike)
        );
    }

    #[test]
    fn no_units_means_no_answer() {
        let out = classify(&[], None, &RuleSet::national());
        assert_eq!(out.classification, None);
        assert_eq!(out.findings, vec![Finding::NoUnits]);
    }

    #[test]
    fn closed_units_do_not_count() {
        let mut units: Vec<Unit> = BaseService::ALL
            .iter()
            .map(|s| unit(*s, Some("A"), Some(true), None))
            .collect();
        units[1].closed_on = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
        assert_eq!(
            classify(&units, None, &RuleSet::national()).classification,
            Some(FamilyCentredWork)
        );
    }

    #[test]
    fn findings_name_the_shared_building_first() {
        let units = [
            unit(SocialServices, Some("Socialkontoret"), Some(true), None),
            unit(ChildHealth, Some("Vårdcentralen"), Some(true), None),
            unit(OpenPreschool, Some("vårdcentralen"), Some(true), None),
        ];
        let out = classify(&units, None, &RuleSet::national());
        assert_eq!(
            out.findings[0],
            Finding::SharedBuilding {
                building: "Vårdcentralen".into(),
                services: vec![ChildHealth, OpenPreschool]
            }
        );
        assert!(out.findings.contains(&Finding::Alone {
            service: SocialServices,
            building: "Socialkontoret".into()
        }));
        assert_eq!(out.preset, RulePreset::National);
    }

    #[test]
    fn presets_are_recognised_and_partners_round_trip() {
        assert_eq!(RuleSet::national().preset(), RulePreset::National);
        assert_eq!(RuleSet::skane().preset(), RulePreset::Skane);
        let custom = RuleSet {
            require_shared_entrance: true,
            ..RuleSet::national()
        };
        assert_eq!(custom.preset(), RulePreset::Custom);
        assert_eq!(RuleSet::national().partners_code(), "of,soc");
        assert_eq!(
            RuleSet::parse_partners("soc,of"),
            vec![OpenPreschool, SocialServices]
        );
    }
}
