//! Classification of a centre: family centre, FC-like, or family-centred work.
//!
//! The rule set is data (per region), never a code branch per county.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::centre::Unit;
use crate::premises::{self, Premises};
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

/// The rule that decided a centre's class, named before any supporting fact.
/// The web layer words it in the reader's language, with the rule set's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Family centre: all four base services have their whole operation in one
    /// building (behind one entrance and open together long enough, when the rules ask).
    AllFourTogether {
        /// The premises, named with their address ([`Premises::label`]).
        premises: String,
    },
    /// FC-like: child health care shares a building with these partners, as the
    /// rules ask; the base services in `missing` are not there (or not behind
    /// the shared entrance), so it is not a family centre.
    ChildHealthWithPartners {
        /// The premises, named with their address.
        premises: String,
        /// The partner services there.
        partners: Vec<BaseService>,
        /// The base services a family centre would also need there.
        missing: Vec<BaseService>,
        /// Whether the rules ask for one shared entrance (then "there" means
        /// behind it).
        entrance_required: bool,
    },
    /// Family-centred work: the centre has no child health care, which both classes need.
    NoChildHealth,
    /// Family-centred work: child health care has only a branch at the centre.
    ChildHealthNotWhole,
    /// Family-centred work: child health care shares no building with any of
    /// the partners the rules ask for.
    ChildHealthWithoutPartner {
        /// The partners the rules accept (any one would do).
        partners: Vec<BaseService>,
    },
    /// Family-centred work: child health care shares a building with a partner,
    /// but not the entrance the rules ask for.
    EntranceNotShared {
        /// The partners the rules accept.
        partners: Vec<BaseService>,
    },
    /// Family-centred work: the services are open together for fewer hours than
    /// the rules ask for either class.
    HoursBelow {
        /// Minutes a week the centre has.
        minutes: i64,
        /// Minutes a week the rules ask for.
        required: i64,
    },
    /// Undetermined: data that could change the class is missing (the
    /// findings say which).
    MissingData,
    /// Undetermined: none of the four base services is recorded.
    NoBaseService,
    /// Undetermined: no services at all are recorded.
    NoUnits,
}

/// One plain fact behind a classification, for the person who asks "why?".
/// The web layer words each one in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// These base services have their whole ordinary operation in one building.
    SharedBuilding {
        /// The premises, named with their address.
        premises: String,
        /// The services there.
        services: Vec<BaseService>,
    },
    /// This base service is in a building with no other base service.
    Alone {
        /// The service.
        service: BaseService,
        /// Its premises, named with their address.
        premises: String,
    },
    /// Only a branch of this service is at the centre, not its whole operation.
    Branch {
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
    /// The centre does not include this base service.
    Absent {
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
    /// The rule that decided the class (or why there is none): read it first.
    pub reason: Reason,
    /// The supporting facts, in a fixed order: shared buildings (largest first),
    /// services alone, branches, unknown places, unknown full operation, absent
    /// services, entrances, opening hours.
    pub findings: Vec<Finding>,
}

/// Classifies a centre from its units, its premises (*lokaler*), its shared
/// opening time and the region's rules. Units share a building when they are
/// in the same premises record, and use a shared entrance when their
/// premises have one. Missing data never counts as "no": when it could
/// change the answer, the outcome is undetermined and says what is missing.
pub fn classify(
    units: &[Unit],
    premises: &[Premises],
    shared_opening_minutes: Option<i64>,
    rules: &RuleSet,
) -> ClassificationOutcome {
    let active: Vec<Located> = units
        .iter()
        .filter(|u| u.closed_on.is_none())
        .map(|unit| Located {
            unit,
            premises: premises::find(premises, unit.premises_id),
        })
        .collect();
    let preset = rules.preset();
    let whole_range = Some((Classification::FamilyCentredWork, Classification::FamilyCentre));
    if active.is_empty() {
        return ClassificationOutcome {
            classification: None,
            possible: whole_range,
            preset,
            reason: Reason::NoUnits,
            findings: Vec::new(),
        };
    }
    if active.iter().all(|u| u.service.base().is_none()) {
        return ClassificationOutcome {
            classification: None,
            possible: whole_range,
            preset,
            reason: Reason::NoBaseService,
            findings: Vec::new(),
        };
    }
    let low = evaluate(&active, shared_opening_minutes, rules, false);
    let high = evaluate(&active, shared_opening_minutes, rules, true);
    let classification = (low == high).then_some(low);
    let reason = match classification {
        Some(class) => decide(&active, shared_opening_minutes, rules, class),
        None => Reason::MissingData,
    };
    ClassificationOutcome {
        classification,
        possible: (low != high).then_some((low, high)),
        preset,
        reason,
        findings: findings(&active, shared_opening_minutes, rules, classification),
    }
}

/// A unit with the premises it works in, when they are known.
#[derive(Clone, Copy)]
struct Located<'a> {
    unit: &'a Unit,
    premises: Option<&'a Premises>,
}

impl std::ops::Deref for Located<'_> {
    type Target = Unit;
    fn deref(&self) -> &Unit {
        self.unit
    }
}

impl Located<'_> {
    /// Whether visitors reach the unit through one shared entrance: its
    /// premises' entrance (unknown when the premises are).
    fn shared_entrance(&self) -> Option<bool> {
        self.premises.and_then(|p| p.shared_entrance)
    }
}

/// One building: its premises' label, and per base service wholly there
/// whether it uses the shared entrance.
type Place = (String, BTreeMap<BaseService, bool>);

/// The buildings of the units, with every unknown read as "no"
/// (`optimistic == false`) or as "yes" (`optimistic == true`). An optimistic
/// reading puts a service of unknown place into every building.
fn places(units: &[Located], optimistic: bool) -> Vec<Place> {
    let resolve = |v: Option<bool>| v.unwrap_or(optimistic);
    let mut present: BTreeMap<i64, Place> = BTreeMap::new();
    let mut anywhere: BTreeMap<BaseService, bool> = BTreeMap::new();
    for u in units {
        let Some(service) = u.service.base() else { continue };
        if !resolve(u.full_operation) {
            continue;
        }
        let entrance = resolve(u.shared_entrance());
        match u.premises {
            Some(p) => {
                let slot = present
                    .entry(p.id)
                    .or_insert_with(|| (p.label(), BTreeMap::new()))
                    .1
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
        present.insert(0, (String::new(), BTreeMap::new()));
    }
    present
        .into_values()
        .map(|(name, mut here)| {
            for (s, e) in &anywhere {
                let slot = here.entry(*s).or_insert(false);
                *slot |= *e;
            }
            (name, here)
        })
        .collect()
}

/// Whether a service counts in a building under the rules.
fn counts(here: &BTreeMap<BaseService, bool>, s: BaseService, entrance_required: bool) -> bool {
    here.get(&s).is_some_and(|e| *e || !entrance_required)
}

/// The class of the best building under the rules, ignoring opening hours.
fn best_building(places: &[Place], rules: &RuleSet, entrance_required: bool) -> Classification {
    let mut best = Classification::FamilyCentredWork;
    for (_, here) in places {
        let ok = |s: BaseService| counts(here, s, entrance_required);
        if BaseService::ALL.iter().all(|s| ok(*s)) {
            return Classification::FamilyCentre;
        }
        if ok(BaseService::ChildHealth) && rules.like_partners.iter().any(|p| ok(*p)) {
            best = Classification::FamilyCentreLike;
        }
    }
    best
}

/// Evaluates the rules with every unknown read as "no" (`optimistic == false`)
/// or as "yes" (`optimistic == true`).
fn evaluate(units: &[Located], shared: Option<i64>, rules: &RuleSet, optimistic: bool) -> Classification {
    let hours_ok = match rules.min_shared_opening_minutes {
        None => true,
        Some(min) => shared.map_or(optimistic, |m| m >= min),
    };
    if !hours_ok {
        return Classification::FamilyCentredWork;
    }
    best_building(&places(units, optimistic), rules, rules.require_shared_entrance)
}

fn sorted_partners(rules: &RuleSet) -> Vec<BaseService> {
    let mut p = rules.like_partners.clone();
    p.sort();
    p.dedup();
    p
}

/// The rule that decided a determined class. Unknowns are read as "no": the
/// class is the same either way, so the pessimistic reading names it.
fn decide(units: &[Located], shared: Option<i64>, rules: &RuleSet, class: Classification) -> Reason {
    let places = places(units, false);
    let entrance = rules.require_shared_entrance;
    match class {
        Classification::FamilyCentre => {
            let premises = places
                .iter()
                .find(|(_, here)| BaseService::ALL.iter().all(|s| counts(here, *s, entrance)))
                .map(|(name, _)| name.clone())
                .unwrap_or_default();
            Reason::AllFourTogether { premises }
        }
        Classification::FamilyCentreLike => {
            let mut best: Option<Reason> = None;
            let mut best_missing = usize::MAX;
            for (name, here) in &places {
                let ok = |s: BaseService| counts(here, s, entrance);
                let partners: Vec<BaseService> =
                    sorted_partners(rules).into_iter().filter(|p| ok(*p)).collect();
                if !ok(BaseService::ChildHealth) || partners.is_empty() {
                    continue;
                }
                let missing: Vec<BaseService> = BaseService::ALL.into_iter().filter(|s| !ok(*s)).collect();
                if missing.len() < best_missing {
                    best_missing = missing.len();
                    best = Some(Reason::ChildHealthWithPartners {
                        premises: name.clone(),
                        partners,
                        missing,
                        entrance_required: entrance,
                    });
                }
            }
            best.unwrap_or(Reason::MissingData)
        }
        Classification::FamilyCentredWork => {
            if let (Some(required), Some(minutes)) = (rules.min_shared_opening_minutes, shared)
                && minutes < required
                && best_building(&places, rules, entrance) > Classification::FamilyCentredWork
            {
                return Reason::HoursBelow { minutes, required };
            }
            let child_health: Vec<&Located> = units
                .iter()
                .filter(|u| u.service.base() == Some(BaseService::ChildHealth))
                .collect();
            let partners = sorted_partners(rules);
            if child_health.is_empty() {
                Reason::NoChildHealth
            } else if child_health.iter().all(|u| u.full_operation == Some(false)) {
                Reason::ChildHealthNotWhole
            } else if entrance && best_building(&places, rules, false) > Classification::FamilyCentredWork {
                Reason::EntranceNotShared { partners }
            } else {
                Reason::ChildHealthWithoutPartner { partners }
            }
        }
    }
}

fn findings(
    units: &[Located],
    shared: Option<i64>,
    rules: &RuleSet,
    class: Option<Classification>,
) -> Vec<Finding> {
    let mut groups: BTreeMap<i64, (String, BTreeSet<BaseService>)> = BTreeMap::new();
    let mut seen: BTreeSet<BaseService> = BTreeSet::new();
    let mut branch = BTreeSet::new();
    let mut location_unknown = BTreeSet::new();
    let mut full_unknown = BTreeSet::new();
    for u in units {
        let Some(service) = u.service.base() else { continue };
        seen.insert(service);
        match (u.premises, u.full_operation) {
            (None, _) => {
                location_unknown.insert(service);
            }
            (Some(_), Some(false)) => {
                branch.insert(service);
            }
            (Some(_), None) => {
                full_unknown.insert(service);
            }
            (Some(p), Some(true)) => {
                groups
                    .entry(p.id)
                    .or_insert_with(|| (p.label(), BTreeSet::new()))
                    .1
                    .insert(service);
            }
        }
    }
    // A door matters only for a service that shares (or may share) a building
    // with another base service; for an FC-like centre, only for the services
    // of that class (child health care and its partners).
    let colocated: BTreeSet<BaseService> = groups
        .values()
        .filter(|(_, s)| s.len() > 1)
        .flat_map(|(_, s)| s.iter().copied())
        .chain(full_unknown.iter().copied())
        .chain(location_unknown.iter().copied())
        .collect();
    let door_matters = |s: BaseService| {
        colocated.contains(&s)
            && match class {
                Some(Classification::FamilyCentreLike) => {
                    s == BaseService::ChildHealth || rules.like_partners.contains(&s)
                }
                Some(Classification::FamilyCentre) => false,
                _ => true,
            }
    };
    let mut not_shared = BTreeSet::new();
    let mut entrance_unknown = BTreeSet::new();
    for u in units {
        let Some(service) = u.service.base() else { continue };
        if u.premises.is_some() && u.full_operation == Some(false) {
            continue;
        }
        if !door_matters(service) {
            continue;
        }
        match u.shared_entrance() {
            Some(false) => {
                not_shared.insert(service);
            }
            None => {
                entrance_unknown.insert(service);
            }
            Some(true) => {}
        }
    }
    let mut shared_buildings: Vec<(String, Vec<BaseService>)> = Vec::new();
    let mut alone: Vec<(BaseService, String)> = Vec::new();
    for (building, services) in groups.into_values() {
        if services.len() == 1 {
            alone.extend(services.into_iter().map(|s| (s, building.clone())));
        } else {
            shared_buildings.push((building, services.into_iter().collect()));
        }
    }
    shared_buildings.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.1.cmp(&b.1)));
    alone.sort();
    let mut out: Vec<Finding> = shared_buildings
        .into_iter()
        .map(|(premises, services)| Finding::SharedBuilding { premises, services })
        .collect();
    out.extend(
        alone
            .into_iter()
            .map(|(service, premises)| Finding::Alone { service, premises }),
    );
    out.extend(branch.into_iter().map(|service| Finding::Branch { service }));
    out.extend(
        location_unknown
            .into_iter()
            .map(|service| Finding::LocationUnknown { service }),
    );
    out.extend(
        full_unknown
            .into_iter()
            .map(|service| Finding::FullOperationUnknown { service }),
    );
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
mod tests;
