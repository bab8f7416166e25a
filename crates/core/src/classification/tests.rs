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
    // Without MHV behind the door it is still FC-like (BHV + ÖF share it);
    // the reason says MHV is what a family centre would also need there.
    let out = classify(&units, Some(900), &RuleSet::skane());
    assert_eq!(out.classification, Some(FamilyCentreLike));
    assert_eq!(
        out.reason,
        Reason::ChildHealthWithPartners {
            building: "A".into(),
            partners: vec![OpenPreschool],
            missing: vec![Maternal],
            entrance_required: true
        }
    );
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
    assert_eq!(out.reason, Reason::NoUnits);
    assert!(out.findings.is_empty());
}

#[test]
fn a_centre_without_any_base_service_cannot_be_assessed() {
    let mut other = unit(ChildHealth, Some("Biblioteket"), Some(true), Some(true));
    other.service = ServiceType::Other;
    for rules in [RuleSet::national(), RuleSet::skane()] {
        let out = classify(std::slice::from_ref(&other), Some(20 * 60), &rules);
        assert_eq!(out.classification, None, "not family-centred work");
        assert_eq!(out.reason, Reason::NoBaseService);
        assert_eq!(out.possible, Some((FamilyCentredWork, FamilyCentre)));
    }
    // One base service is enough to judge it: alone, it is family-centred work.
    let units = [
        other,
        unit(OpenPreschool, Some("Biblioteket"), Some(true), Some(true)),
    ];
    let out = classify(&units, None, &RuleSet::national());
    assert_eq!(out.classification, Some(FamilyCentredWork));
    assert_eq!(out.reason, Reason::NoChildHealth);
}

#[test]
fn the_deciding_rule_comes_first_and_names_what_is_missing() {
    // Skåne: BHV and SOC share a house, ÖF is elsewhere: not FC-like there.
    let units = [
        unit(ChildHealth, Some("Vårdcentralen"), Some(true), Some(true)),
        unit(SocialServices, Some("Vårdcentralen"), Some(true), Some(true)),
        unit(OpenPreschool, Some("Kyrkan"), Some(true), Some(false)),
        unit(Maternal, Some("Vårdcentralen"), Some(true), Some(true)),
    ];
    let out = classify(&units, Some(20 * 60), &RuleSet::skane());
    assert_eq!(out.classification, Some(FamilyCentredWork));
    assert_eq!(
        out.reason,
        Reason::ChildHealthWithoutPartner {
            partners: vec![OpenPreschool]
        }
    );
    // The supporting facts follow in a fixed order: the shared house first.
    assert_eq!(
        out.findings[0],
        Finding::SharedBuilding {
            building: "Vårdcentralen".into(),
            services: vec![Maternal, ChildHealth, SocialServices]
        }
    );
    assert_eq!(
        out.findings[1],
        Finding::Alone {
            service: OpenPreschool,
            building: "Kyrkan".into()
        }
    );
    // ÖF's door does not matter: it is not in the house at all.
    assert!(
        !out.findings
            .iter()
            .any(|f| matches!(f, Finding::EntranceNotShared { .. }))
    );

    // The national definition accepts SOC: FC-like, and it says why not FC.
    let out = classify(&units, None, &RuleSet::national());
    assert_eq!(out.classification, Some(FamilyCentreLike));
    assert_eq!(
        out.reason,
        Reason::ChildHealthWithPartners {
            building: "Vårdcentralen".into(),
            partners: vec![SocialServices],
            missing: vec![OpenPreschool],
            entrance_required: false
        }
    );

    // All four together.
    let together: Vec<Unit> = BaseService::ALL
        .iter()
        .map(|s| unit(*s, Some("Huset"), Some(true), Some(true)))
        .collect();
    assert_eq!(
        classify(&together, Some(20 * 60), &RuleSet::skane()).reason,
        Reason::AllFourTogether {
            building: "Huset".into()
        }
    );
    // Too few hours together decide it, before anything else.
    let out = classify(&together, Some(10 * 60), &RuleSet::skane());
    assert_eq!(
        out.reason,
        Reason::HoursBelow {
            minutes: 600,
            required: 900
        }
    );
    // A door not shared decides it when the house is shared.
    let mut doors = together.clone();
    for u in &mut doors {
        u.shared_entrance = Some(false);
    }
    assert_eq!(
        classify(&doors, Some(20 * 60), &RuleSet::skane()).reason,
        Reason::EntranceNotShared {
            partners: vec![OpenPreschool]
        }
    );
    // Missing data: undetermined, and the reason says so.
    let unknown = [
        unit(ChildHealth, None, Some(true), None),
        unit(OpenPreschool, Some("A"), Some(true), None),
    ];
    assert_eq!(
        classify(&unknown, None, &RuleSet::national()).reason,
        Reason::MissingData
    );
}

#[test]
fn an_fc_like_verdict_does_not_complain_about_doors_outside_its_class() {
    // Skåne: BHV and ÖF share the house and the door; MHV elsewhere, SOC in the
    // house with its own door. Only BHV and ÖF make the verdict.
    let units = [
        unit(ChildHealth, Some("Huset"), Some(true), Some(true)),
        unit(OpenPreschool, Some("Huset"), Some(true), Some(true)),
        unit(SocialServices, Some("Huset"), Some(true), Some(false)),
        unit(Maternal, Some("Sjukhuset"), Some(true), Some(false)),
    ];
    let out = classify(&units, Some(20 * 60), &RuleSet::skane());
    assert_eq!(out.classification, Some(FamilyCentreLike));
    assert!(
        !out.findings.iter().any(|f| matches!(
            f,
            Finding::EntranceNotShared { .. } | Finding::EntranceUnknown { .. }
        )),
        "{:?}",
        out.findings
    );
    assert_eq!(
        out.reason,
        Reason::ChildHealthWithPartners {
            building: "Huset".into(),
            partners: vec![OpenPreschool],
            missing: vec![Maternal, SocialServices],
            entrance_required: true
        }
    );
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
