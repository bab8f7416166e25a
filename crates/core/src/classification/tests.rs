use super::*;
use crate::service::ServiceType;
use BaseService::*;
use Classification::*;

/// A test centre: its premises and units, built up by name.
#[derive(Clone, Default)]
struct Site {
    premises: Vec<Premises>,
    units: Vec<Unit>,
}

impl Site {
    fn new() -> Site {
        Site::default()
    }

    /// Adds premises with a name and whether they have one shared entrance.
    fn at(mut self, name: &str, entrance: Option<bool>) -> Site {
        let id = i64::try_from(self.premises.len()).unwrap_or(0) + 1;
        self.premises.push(Premises {
            id,
            centre_id: 1,
            name: name.into(),
            address: None,
            shared_entrance: entrance,
        });
        self
    }

    /// Adds a base service in the premises named `place` (the first with
    /// that name), or of unknown place.
    fn unit(mut self, b: BaseService, place: Option<&str>, full: Option<bool>) -> Site {
        let premises_id = place.map(|name| {
            self.premises
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.id)
                .unwrap_or_else(|| panic!("no premises {name}"))
        });
        self.units.push(Unit {
            id: 0,
            centre_id: 1,
            service: ServiceType::Base(b),
            name: None,
            principal_kind: None,
            principal_name: None,
            premises_id,
            full_operation: full,
            minutes_per_week: None,
            closed_on: None,
        });
        self
    }

    /// All four base services wholly in one place.
    fn all_four(self, place: &str) -> Site {
        BaseService::ALL
            .iter()
            .fold(self, |site, s| site.unit(*s, Some(place), Some(true)))
    }

    fn classify(&self, shared: Option<i64>, rules: &RuleSet) -> ClassificationOutcome {
        classify(&self.units, &self.premises, shared, rules)
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

fn scenario(places: &[Place; 4]) -> Site {
    let mut site = Site::new().at("Centrumhuset", Some(true));
    for (i, (s, p)) in BaseService::ALL.iter().zip(places).enumerate() {
        match p {
            Place::Colocated => site = site.unit(*s, Some("Centrumhuset"), Some(true)),
            Place::Elsewhere => {
                let name = format!("Annat hus {i}");
                site = site.at(&name, Some(false)).unit(*s, Some(&name), Some(true));
            }
            Place::Absent => {}
        }
    }
    site
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
                    let site = scenario(&places);
                    for (rules, skane) in [(RuleSet::national(), false), (RuleSet::skane(), true)] {
                        let out = site.classify(Some(20 * 60), &rules);
                        if site.units.is_empty() {
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
    let site = Site::new()
        .at("A", Some(true))
        .unit(ChildHealth, Some("A"), Some(true))
        .unit(SocialServices, Some("A"), Some(true));
    assert_eq!(
        site.classify(Some(900), &RuleSet::national()).classification,
        Some(FamilyCentreLike)
    );
    assert_eq!(
        site.classify(Some(900), &RuleSet::skane()).classification,
        Some(FamilyCentredWork)
    );
}

#[test]
fn skane_requires_the_shared_entrance() {
    let one_door = Site::new().at("A", Some(true)).all_four("A");
    assert_eq!(
        one_door.classify(Some(900), &RuleSet::skane()).classification,
        Some(FamilyCentre)
    );
    // One building with several doors: no class under Skåne's rules ...
    let many_doors = Site::new().at("A", Some(false)).all_four("A");
    let out = many_doors.classify(Some(900), &RuleSet::skane());
    assert_eq!(out.classification, Some(FamilyCentredWork));
    assert_eq!(
        out.reason,
        Reason::EntranceNotShared {
            partners: vec![OpenPreschool]
        }
    );
    // ... while the national definition does not care about the door.
    assert_eq!(
        many_doors.classify(None, &RuleSet::national()).classification,
        Some(FamilyCentre)
    );
    // MHV with a door of its own, in premises of its own: still FC-like (BHV +
    // ÖF share the door); the reason says MHV is what a family centre would
    // also need there.
    let site = Site::new()
        .at("A", Some(true))
        .at("Mottagningen", Some(false))
        .unit(Maternal, Some("Mottagningen"), Some(true))
        .unit(ChildHealth, Some("A"), Some(true))
        .unit(OpenPreschool, Some("A"), Some(true))
        .unit(SocialServices, Some("A"), Some(true));
    let out = site.classify(Some(900), &RuleSet::skane());
    assert_eq!(out.classification, Some(FamilyCentreLike));
    assert_eq!(
        out.reason,
        Reason::ChildHealthWithPartners {
            premises: "A".into(),
            partners: vec![OpenPreschool],
            missing: vec![Maternal],
            entrance_required: true
        }
    );
}

#[test]
fn skane_requires_fifteen_hours_together() {
    let site = Site::new().at("A", Some(true)).all_four("A");
    let out = site.classify(Some(14 * 60), &RuleSet::skane());
    assert_eq!(out.classification, Some(FamilyCentredWork));
    assert!(out.findings.contains(&Finding::SharedHoursBelow {
        minutes: 840,
        required: 900
    }));
    let out = site.classify(None, &RuleSet::skane());
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
    let site = Site::new()
        .at("A", None)
        .unit(ChildHealth, Some("A"), Some(false))
        .unit(OpenPreschool, Some("A"), Some(true));
    let out = site.classify(None, &RuleSet::national());
    assert_eq!(out.classification, Some(FamilyCentredWork));
    assert!(out.findings.contains(&Finding::Branch { service: ChildHealth }));
}

#[test]
fn missing_data_is_never_a_no() {
    // BHV's premises are unknown; ÖF and SOC share some. It could be FC-like, or not.
    let site = Site::new()
        .at("A", None)
        .unit(ChildHealth, None, Some(true))
        .unit(OpenPreschool, Some("A"), Some(true))
        .unit(SocialServices, Some("A"), Some(true));
    let out = site.classify(None, &RuleSet::national());
    assert_eq!(out.classification, None);
    assert_eq!(out.possible, Some((FamilyCentredWork, FamilyCentreLike)));
    assert!(
        out.findings
            .contains(&Finding::LocationUnknown { service: ChildHealth })
    );
    assert!(out.findings.contains(&Finding::Absent { service: Maternal }));

    // Unknown data that cannot change the answer leaves it determined.
    let site = Site::new()
        .at("A", None)
        .at("B", None)
        .unit(ChildHealth, Some("A"), Some(true))
        .unit(OpenPreschool, Some("A"), Some(true))
        .unit(SocialServices, Some("B"), None);
    assert_eq!(
        site.classify(None, &RuleSet::national()).classification,
        Some(FamilyCentreLike)
    );
}

#[test]
fn no_units_means_no_answer() {
    let out = classify(&[], &[], None, &RuleSet::national());
    assert_eq!(out.classification, None);
    assert_eq!(out.reason, Reason::NoUnits);
    assert!(out.findings.is_empty());
}

#[test]
fn a_centre_without_any_base_service_cannot_be_assessed() {
    let mut site =
        Site::new()
            .at("Biblioteket", Some(true))
            .unit(ChildHealth, Some("Biblioteket"), Some(true));
    site.units[0].service = ServiceType::Other;
    for rules in [RuleSet::national(), RuleSet::skane()] {
        let out = site.classify(Some(20 * 60), &rules);
        assert_eq!(out.classification, None, "not family-centred work");
        assert_eq!(out.reason, Reason::NoBaseService);
        assert_eq!(out.possible, Some((FamilyCentredWork, FamilyCentre)));
    }
    // One base service is enough to judge it: alone, it is family-centred work.
    let site = site.unit(OpenPreschool, Some("Biblioteket"), Some(true));
    let out = site.classify(None, &RuleSet::national());
    assert_eq!(out.classification, Some(FamilyCentredWork));
    assert_eq!(out.reason, Reason::NoChildHealth);
}

#[test]
fn the_deciding_rule_comes_first_and_names_what_is_missing() {
    // Skåne: BHV and SOC share a house, ÖF is elsewhere: not FC-like there.
    let site = Site::new()
        .at("Vårdcentralen", Some(true))
        .at("Kyrkan", Some(false))
        .unit(ChildHealth, Some("Vårdcentralen"), Some(true))
        .unit(SocialServices, Some("Vårdcentralen"), Some(true))
        .unit(OpenPreschool, Some("Kyrkan"), Some(true))
        .unit(Maternal, Some("Vårdcentralen"), Some(true));
    let out = site.classify(Some(20 * 60), &RuleSet::skane());
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
            premises: "Vårdcentralen".into(),
            services: vec![Maternal, ChildHealth, SocialServices]
        }
    );
    assert_eq!(
        out.findings[1],
        Finding::Alone {
            service: OpenPreschool,
            premises: "Kyrkan".into()
        }
    );
    // ÖF's door does not matter: it is not in the house at all.
    assert!(
        !out.findings
            .iter()
            .any(|f| matches!(f, Finding::EntranceNotShared { .. }))
    );

    // The national definition accepts SOC: FC-like, and it says why not FC.
    let out = site.classify(None, &RuleSet::national());
    assert_eq!(out.classification, Some(FamilyCentreLike));
    assert_eq!(
        out.reason,
        Reason::ChildHealthWithPartners {
            premises: "Vårdcentralen".into(),
            partners: vec![SocialServices],
            missing: vec![OpenPreschool],
            entrance_required: false
        }
    );

    // All four together.
    let together = Site::new().at("Huset", Some(true)).all_four("Huset");
    assert_eq!(
        together.classify(Some(20 * 60), &RuleSet::skane()).reason,
        Reason::AllFourTogether {
            premises: "Huset".into()
        }
    );
    // Too few hours together decide it, before anything else.
    let out = together.classify(Some(10 * 60), &RuleSet::skane());
    assert_eq!(
        out.reason,
        Reason::HoursBelow {
            minutes: 600,
            required: 900
        }
    );
    // A door not shared decides it when the house is shared.
    let mut doors = together.clone();
    doors.premises[0].shared_entrance = Some(false);
    assert_eq!(
        doors.classify(Some(20 * 60), &RuleSet::skane()).reason,
        Reason::EntranceNotShared {
            partners: vec![OpenPreschool]
        }
    );
    // Missing data: undetermined, and the reason says so.
    let unknown = Site::new()
        .at("A", None)
        .unit(ChildHealth, None, Some(true))
        .unit(OpenPreschool, Some("A"), Some(true));
    assert_eq!(
        unknown.classify(None, &RuleSet::national()).reason,
        Reason::MissingData
    );
}

#[test]
fn an_fc_like_verdict_does_not_complain_about_doors_outside_its_class() {
    // Skåne: BHV and ÖF share the house and the door; MHV and SOC share an
    // annex whose door nobody has recorded. Only BHV and ÖF make the verdict.
    let site = Site::new()
        .at("Huset", Some(true))
        .at("Annexet", None)
        .unit(ChildHealth, Some("Huset"), Some(true))
        .unit(OpenPreschool, Some("Huset"), Some(true))
        .unit(SocialServices, Some("Annexet"), Some(true))
        .unit(Maternal, Some("Annexet"), Some(true));
    let out = site.classify(Some(20 * 60), &RuleSet::skane());
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
            premises: "Huset".into(),
            partners: vec![OpenPreschool],
            missing: vec![Maternal, SocialServices],
            entrance_required: true
        }
    );
}

#[test]
fn closed_units_do_not_count() {
    let mut site = Site::new().at("A", None).all_four("A");
    site.units[1].closed_on = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
    assert_eq!(
        site.classify(None, &RuleSet::national()).classification,
        Some(FamilyCentredWork)
    );
}

#[test]
fn findings_name_the_shared_building_first() {
    let mut site = Site::new()
        .at("Socialkontoret", None)
        .at("Vårdcentralen", None)
        .unit(SocialServices, Some("Socialkontoret"), Some(true))
        .unit(ChildHealth, Some("Vårdcentralen"), Some(true))
        .unit(OpenPreschool, Some("Vårdcentralen"), Some(true));
    site.premises[1].address = Some("Storgatan 1".into());
    let out = site.classify(None, &RuleSet::national());
    assert_eq!(
        out.findings[0],
        Finding::SharedBuilding {
            premises: "Vårdcentralen, Storgatan 1".into(),
            services: vec![ChildHealth, OpenPreschool]
        }
    );
    assert!(out.findings.contains(&Finding::Alone {
        service: SocialServices,
        premises: "Socialkontoret".into()
    }));
    assert_eq!(out.preset, RulePreset::National);
}

#[test]
fn premises_typed_two_ways_are_one_building_only_when_they_are_one_record() {
    // One record is one building, however its units were once described.
    let one = Site::new()
        .at("Huset A, Storgatan 1", None)
        .unit(ChildHealth, Some("Huset A, Storgatan 1"), Some(true))
        .unit(OpenPreschool, Some("Huset A, Storgatan 1"), Some(true));
    assert_eq!(
        one.classify(None, &RuleSet::national()).classification,
        Some(FamilyCentreLike)
    );
    // Two records are two buildings, even when their names read the same.
    let mut two = Site::new().at("Huset A", None).at("Huset B", None);
    two.premises[1].name = "Huset A".into();
    two.units = one.units.clone();
    two.units[1].premises_id = Some(2);
    let out = two.classify(None, &RuleSet::national());
    assert_eq!(out.classification, Some(FamilyCentredWork));
    assert_eq!(
        out.reason,
        Reason::ChildHealthWithoutPartner {
            partners: vec![OpenPreschool, SocialServices]
        }
    );
    // A unit pointing at premises the centre does not have is of unknown place.
    let mut lost = one.clone();
    lost.units[1].premises_id = Some(99);
    assert!(
        lost.classify(None, &RuleSet::national())
            .findings
            .contains(&Finding::LocationUnknown {
                service: OpenPreschool
            })
    );
}

#[test]
fn the_entrance_is_the_premises_and_every_unit_there_uses_it() {
    // Under Skåne's rules the door decides; it belongs to the premises, so
    // one answer covers every unit in them.
    let mut site = Site::new().at("Huset", None).all_four("Huset");
    let out = site.classify(Some(20 * 60), &RuleSet::skane());
    assert_eq!(out.classification, None);
    assert!(out.findings.contains(&Finding::EntranceUnknown {
        services: BaseService::ALL.to_vec()
    }));
    site.premises[0].shared_entrance = Some(true);
    assert_eq!(
        site.classify(Some(20 * 60), &RuleSet::skane()).classification,
        Some(FamilyCentre)
    );
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
