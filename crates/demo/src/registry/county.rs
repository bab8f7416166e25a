//! Uppsala county as the 2025 follow-up reports it, and a small fictional
//! region that classifies by Region Skåne's rules.
//!
//! The Uppsala facts (the 17 centres, which services each one has, who runs
//! them, how far they share premises, and population 2024) come from the
//! report's Table 1, its section on co-location and its Appendix 2. The
//! report names no buildings: every premises' name and street address below
//! is invented, chosen only so that the computed co-location matches what the
//! local coordinators answered. The 2023 population numbers are invented too
//! (close to 2024's) so that choosing a year makes a visible difference; they
//! are stored marked as invented, and the pages say so.

use std::collections::HashMap;

use anyhow::Context;
use samverka_app::seed::{Numbers, Seeder};
use samverka_app::{App, Ctx};
use samverka_core::centre::{CentreInput, UnitInput};
use samverka_core::{BaseService, Grant, PremisesInput, PrincipalKind, Role, RuleSet, ServiceType};

use crate::{DemoLogin, login};

/// Who takes part in a centre, as the county's tables list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    /// Maternal health care, run by the region.
    Mhv,
    /// Child health care, run by the region.
    Bhv,
    /// Open preschool, run by the municipality.
    Of,
    /// Preventive social services, run by the municipality.
    Soc,
    /// Open preschool run by the Church of Sweden (all five centres in Heby).
    OfChurch,
    /// The Church of Sweden as a fifth party, beside the four base services.
    Church,
}

/// The Church of Sweden, as principal and as a party's name.
const CHURCH: &str = "Svenska kyrkan";

/// Premises (*lokaler*) of a demo centre.
struct PremisesSpec {
    name: &'static str,
    address: &'static str,
    /// One shared entrance; `None` when the report does not tell.
    entrance: Option<bool>,
}

/// Premises where nobody has said whether there is one shared entrance.
const fn p(name: &'static str, address: &'static str) -> PremisesSpec {
    PremisesSpec {
        name,
        address,
        entrance: None,
    }
}

/// Premises whose entrance is known.
const fn pe(name: &'static str, address: &'static str, entrance: bool) -> PremisesSpec {
    PremisesSpec {
        name,
        address,
        entrance: Some(entrance),
    }
}

/// One unit of a demo centre, in the premises of that name.
struct UnitSpec {
    party: Party,
    premises: &'static str,
}

/// A unit in the centre's premises named `premises`.
const fn u(party: Party, premises: &'static str) -> UnitSpec {
    UnitSpec { party, premises }
}

/// One demo centre.
struct CentreSpec {
    name: &'static str,
    /// SCB code of its municipality.
    municipality: &'static str,
    /// The place name its units are named after ("BVC Sävja").
    place: &'static str,
    shared_opening_minutes: Option<i64>,
    premises: &'static [PremisesSpec],
    units: &'static [UnitSpec],
}

/// One municipality with its population numbers: (year, total, children 0–6).
struct MunicipalitySpec {
    code: &'static str,
    name: &'static str,
    /// The municipality as principal ("Enköpings kommun").
    principal: &'static str,
    population: &'static [(i64, i64, i64)],
}

/// A whole demo region.
struct RegionSpec {
    name: &'static str,
    code: &'static str,
    /// The region as principal of health care.
    principal: &'static str,
    rules: fn() -> RuleSet,
    /// The year whose population numbers are official (the report's); the
    /// numbers of every other year are invented and marked so.
    counted_year: Option<i64>,
    municipalities: &'static [MunicipalitySpec],
    centres: &'static [CentreSpec],
}

use Party::{Bhv, Church, Mhv, Of, OfChurch, Soc};

const UPPSALA: RegionSpec = RegionSpec {
    name: "Region Uppsala",
    code: "03",
    principal: "Region Uppsala",
    rules: RuleSet::national,
    counted_year: Some(2024),
    municipalities: &[
        MunicipalitySpec {
            code: "0381",
            name: "Enköping",
            principal: "Enköpings kommun",
            population: &[(2023, 47_960, 3_874), (2024, 48_551, 3_828)],
        },
        MunicipalitySpec {
            code: "0331",
            name: "Heby",
            principal: "Heby kommun",
            population: &[(2023, 14_301, 1_012), (2024, 14_352, 995)],
        },
        MunicipalitySpec {
            code: "0305",
            name: "Håbo",
            principal: "Håbo kommun",
            population: &[(2023, 22_795, 1_781), (2024, 22_947, 1_746)],
        },
        MunicipalitySpec {
            code: "0330",
            name: "Knivsta",
            principal: "Knivsta kommun",
            population: &[(2023, 20_612, 1_859), (2024, 21_073, 1_878)],
        },
        MunicipalitySpec {
            code: "0360",
            name: "Tierp",
            principal: "Tierps kommun",
            population: &[(2023, 21_067, 1_482), (2024, 21_118, 1_453)],
        },
        MunicipalitySpec {
            code: "0380",
            name: "Uppsala",
            principal: "Uppsala kommun",
            population: &[(2023, 245_382, 17_804), (2024, 247_947, 17_571)],
        },
        MunicipalitySpec {
            code: "0319",
            name: "Älvkarleby",
            principal: "Älvkarleby kommun",
            population: &[(2023, 9_571, 712), (2024, 9_546, 693)],
        },
        MunicipalitySpec {
            code: "0382",
            name: "Östhammar",
            principal: "Östhammars kommun",
            population: &[(2023, 22_148, 1_489), (2024, 22_164, 1_455)],
        },
    ],
    centres: &[
        CentreSpec {
            name: "Enköpings familjecentral",
            municipality: "0381",
            place: "Enköping",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Enköping", "Lindgatan 4"),
                p("Vårdcentralen Enköping", "Västra Ringvägen 3"),
                p("Öppna förskolan Korsängen", "Korsängsgatan 9"),
                p("Familjestödet Enköping", "Rådhusgatan 2"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Enköping"),
                u(Bhv, "Vårdcentralen Enköping"),
                u(Of, "Öppna förskolan Korsängen"),
                u(Soc, "Familjestödet Enköping"),
            ],
        },
        CentreSpec {
            name: "Familjecentralen i Heby",
            municipality: "0331",
            place: "Heby",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Heby", "Kyrkogatan 5"),
                p("Vårdcentralen Heby", "Stationsgatan 8"),
                p("Församlingshemmet Heby", "Prästgårdsvägen 2"),
                p("Kommunhuset Heby", "Centralgatan 11"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Heby"),
                u(Bhv, "Vårdcentralen Heby"),
                u(OfChurch, "Församlingshemmet Heby"),
                u(Soc, "Kommunhuset Heby"),
            ],
        },
        CentreSpec {
            name: "Familjecentralen i Harbo",
            municipality: "0331",
            place: "Harbo",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Harbo", "Skolvägen 3"),
                p("Hälsostationen Harbo", "Byvägen 10"),
                p("Harbo församlingsgård", "Kyrkbacken 1"),
                p("Familjestödet Harbo", "Byvägen 22"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Harbo"),
                u(Bhv, "Hälsostationen Harbo"),
                u(OfChurch, "Harbo församlingsgård"),
                u(Soc, "Familjestödet Harbo"),
            ],
        },
        CentreSpec {
            name: "Familjecentralen i Morgongåva/Vittinge",
            municipality: "0331",
            place: "Morgongåva/Vittinge",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Morgongåva", "Idrottsvägen 6"),
                p("Vårdcentralen Morgongåva", "Storgatan 14"),
                p("Vittinge församlingshem", "Kyrkvägen 4"),
                p("Familjestödet Morgongåva", "Storgatan 30"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Morgongåva"),
                u(Bhv, "Vårdcentralen Morgongåva"),
                u(OfChurch, "Vittinge församlingshem"),
                u(Soc, "Familjestödet Morgongåva"),
            ],
        },
        CentreSpec {
            name: "Familjecentralen i Tärnsjö",
            municipality: "0331",
            place: "Tärnsjö",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Tärnsjö", "Hantverkargatan 2"),
                p("Hälsostationen Tärnsjö", "Nysätravägen 5"),
                p("Nora församlingshem", "Kyrkvägen 9"),
                p("Familjestödet Tärnsjö", "Torggatan 1"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Tärnsjö"),
                u(Bhv, "Hälsostationen Tärnsjö"),
                u(OfChurch, "Nora församlingshem"),
                u(Soc, "Familjestödet Tärnsjö"),
            ],
        },
        CentreSpec {
            name: "Familjecentralen i Östervåla",
            municipality: "0331",
            place: "Östervåla",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Östervåla", "Ängsvägen 3"),
                p("Vårdcentralen Östervåla", "Järnvägsgatan 12"),
                p("Östervåla församlingshem", "Prästvägen 6"),
                p("Familjestödet Östervåla", "Skolgatan 4"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Östervåla"),
                u(Bhv, "Vårdcentralen Östervåla"),
                u(OfChurch, "Östervåla församlingshem"),
                u(Soc, "Familjestödet Östervåla"),
            ],
        },
        CentreSpec {
            name: "Familjecentralen i Håbo",
            municipality: "0305",
            place: "Bålsta",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Bålsta", "Centrumleden 5"),
                p("Vårdcentralen Bålsta", "Stationsvägen 21"),
                p("Öppna förskolan Bålsta", "Kalmarvägen 8"),
                p("Familjestödet Håbo", "Centrumleden 1"),
                p("Kyrkans hus Bålsta", "Kyrkvägen 2"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Bålsta"),
                u(Bhv, "Vårdcentralen Bålsta"),
                u(Of, "Öppna förskolan Bålsta"),
                u(Soc, "Familjestödet Håbo"),
                u(Church, "Kyrkans hus Bålsta"),
            ],
        },
        CentreSpec {
            name: "Knivsta familjecentral",
            municipality: "0330",
            place: "Knivsta",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Knivsta", "Centralvägen 18"),
                p("Vårdcentralen Knivsta", "Apoteksvägen 2"),
                p("Öppna förskolan Knivsta", "Ängbyvägen 5"),
                p("Familjestödet Knivsta", "Centralvägen 7"),
                p("Knivsta församlingsgård", "Gredelbyvägen 3"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Knivsta"),
                u(Bhv, "Vårdcentralen Knivsta"),
                u(Of, "Öppna förskolan Knivsta"),
                u(Soc, "Familjestödet Knivsta"),
                u(Church, "Knivsta församlingsgård"),
            ],
        },
        CentreSpec {
            name: "Familjecentralen i Tierp",
            municipality: "0360",
            place: "Tierp",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Tierp", "Storgatan 19"),
                p("Vårdcentralen Tierp", "Centralgatan 5"),
                p("Öppna förskolan Tierp", "Skolgatan 12"),
                p("Familjestödet Tierp", "Torggatan 3"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Tierp"),
                u(Bhv, "Vårdcentralen Tierp"),
                u(Of, "Öppna förskolan Tierp"),
                u(Soc, "Familjestödet Tierp"),
            ],
        },
        CentreSpec {
            name: "Ekeby/Flogsta familjecentral",
            municipality: "0380",
            place: "Ekeby/Flogsta",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Flogsta", "Flogstavägen 40"),
                p("Vårdcentralen Ekeby", "Ekebyvägen 6"),
                p("Öppna förskolan Flogsta", "Sernanders väg 2"),
                p("Familjestödet Västra Uppsala", "Kungsgärdesplan 1"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Flogsta"),
                u(Bhv, "Vårdcentralen Ekeby"),
                u(Of, "Öppna förskolan Flogsta"),
                u(Soc, "Familjestödet Västra Uppsala"),
            ],
        },
        CentreSpec {
            name: "Gottsunda familjecentral",
            municipality: "0380",
            place: "Gottsunda",
            shared_opening_minutes: None,
            premises: &[
                p("Barnmorskemottagningen Gottsunda", "Gottsunda centrum 12"),
                p("Vårdcentralen Gottsunda", "Gottsunda centrum 4"),
                p("Öppna förskolan Gottsunda", "Valthornsvägen 9"),
                p("Familjestödet Gottsunda", "Bandstolsvägen 3"),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Gottsunda"),
                u(Bhv, "Vårdcentralen Gottsunda"),
                u(Of, "Öppna förskolan Gottsunda"),
                u(Soc, "Familjestödet Gottsunda"),
            ],
        },
        CentreSpec {
            name: "Liljeforstorg familjecentral",
            municipality: "0380",
            place: "Liljeforstorg",
            shared_opening_minutes: None,
            premises: &[
                p("Liljeforshuset", "Liljeforstorg 2"),
                p("Familjestödet Gränby", "Gränbyvägen 15"),
            ],
            units: &[
                u(Mhv, "Liljeforshuset"),
                u(Bhv, "Liljeforshuset"),
                u(Of, "Liljeforshuset"),
                u(Soc, "Familjestödet Gränby"),
            ],
        },
        CentreSpec {
            name: "Nyby/Heidenstam familjecentral",
            municipality: "0380",
            place: "Nyby/Heidenstam",
            shared_opening_minutes: None,
            premises: &[
                p("Heidenstamshuset", "Heidenstamstorg 5"),
                p("Familjestödet Nyby", "Nybyvägen 20"),
            ],
            units: &[
                u(Mhv, "Heidenstamshuset"),
                u(Bhv, "Heidenstamshuset"),
                u(Of, "Heidenstamshuset"),
                u(Soc, "Familjestödet Nyby"),
            ],
        },
        CentreSpec {
            name: "Stenhagen familjecentral",
            municipality: "0380",
            place: "Stenhagen",
            shared_opening_minutes: None,
            premises: &[
                p("Vårdcentralen Stenhagen", "Stenhagens centrum 3"),
                p("Öppna förskolan Stenhagen", "Hedensbergsvägen 6"),
                p("Familjestödet Stenhagen", "Herrhagsvägen 2"),
            ],
            units: &[
                u(Bhv, "Vårdcentralen Stenhagen"),
                u(Of, "Öppna förskolan Stenhagen"),
                u(Soc, "Familjestödet Stenhagen"),
            ],
        },
        CentreSpec {
            name: "Sävja familjecentral",
            municipality: "0380",
            place: "Sävja",
            shared_opening_minutes: None,
            premises: &[p("Sävjahuset", "Sävja torg 1")],
            units: &[
                u(Mhv, "Sävjahuset"),
                u(Bhv, "Sävjahuset"),
                u(Of, "Sävjahuset"),
                u(Soc, "Sävjahuset"),
            ],
        },
        // The report has no answer for this centre: it gets no units, so
        // everything about it shows as unknown.
        CentreSpec {
            name: "Familjecentralen i Älvkarleby kommun",
            municipality: "0319",
            place: "Älvkarleby",
            shared_opening_minutes: None,
            premises: &[],
            units: &[],
        },
        CentreSpec {
            name: "Familjecentralen i Gimo",
            municipality: "0382",
            place: "Gimo",
            shared_opening_minutes: None,
            premises: &[p("Gimo familjehus", "Bruksgatan 7")],
            units: &[
                u(Mhv, "Gimo familjehus"),
                u(Bhv, "Gimo familjehus"),
                u(Of, "Gimo familjehus"),
                u(Soc, "Gimo familjehus"),
                u(Church, "Gimo familjehus"),
            ],
        },
    ],
};

/// A fictional region that classifies by Region Skåne's guideline, with one
/// centre for each way those rules part from the national definition.
const SYDSLATT: RegionSpec = RegionSpec {
    name: "Region Sydslätt (fiktiv)",
    code: "99",
    principal: "Region Sydslätt",
    rules: RuleSet::skane,
    counted_year: None,
    municipalities: &[
        MunicipalitySpec {
            code: "9901",
            name: "Slättköping",
            principal: "Slättköpings kommun",
            population: &[(2023, 31_240, 2_318), (2024, 31_502, 2_284)],
        },
        MunicipalitySpec {
            code: "9902",
            name: "Ljungsta",
            principal: "Ljungsta kommun",
            population: &[(2023, 11_870, 905), (2024, 11_935, 889)],
        },
    ],
    centres: &[
        // Child health care shares a building and door only with social
        // services: FC-like nationally, family-centred work under Skåne's rules.
        CentreSpec {
            name: "Familjecentralen Västerport",
            municipality: "9901",
            place: "Västerport",
            shared_opening_minutes: Some(20 * 60),
            premises: &[
                pe("Kvinnohälsan Västerport", "Storgatan 20", false),
                pe("Hälsans hus", "Storgatan 3", true),
                pe("Öppna förskolan Tallen", "Tallvägen 7", false),
            ],
            units: &[
                u(Mhv, "Kvinnohälsan Västerport"),
                u(Bhv, "Hälsans hus"),
                u(Of, "Öppna förskolan Tallen"),
                u(Soc, "Hälsans hus"),
            ],
        },
        // All four in one building, but each with its own door.
        CentreSpec {
            name: "Familjecentralen Stationen",
            municipality: "9901",
            place: "Stationen",
            shared_opening_minutes: Some(20 * 60),
            premises: &[pe("Stationshuset", "Järnvägsgatan 1", false)],
            units: &[
                u(Mhv, "Stationshuset"),
                u(Bhv, "Stationshuset"),
                u(Of, "Stationshuset"),
                u(Soc, "Stationshuset"),
            ],
        },
        // One building, one door, 20 hours a week together: a family centre
        // under either rule set.
        CentreSpec {
            name: "Familjecentralen Solrosen",
            municipality: "9901",
            place: "Solrosen",
            shared_opening_minutes: Some(20 * 60),
            premises: &[pe("Solroshuset", "Ängsvägen 12", true)],
            units: &[
                u(Mhv, "Solroshuset"),
                u(Bhv, "Solroshuset"),
                u(Of, "Solroshuset"),
                u(Soc, "Solroshuset"),
                u(Church, "Solroshuset"),
            ],
        },
        // One building, one door, but only 10 hours a week together.
        CentreSpec {
            name: "Familjecentralen Ljungsta",
            municipality: "9902",
            place: "Ljungsta",
            shared_opening_minutes: Some(10 * 60),
            premises: &[pe("Ljungsta vårdhus", "Kyrkogatan 8", true)],
            units: &[
                u(Mhv, "Ljungsta vårdhus"),
                u(Bhv, "Ljungsta vårdhus"),
                u(Of, "Ljungsta vårdhus"),
                u(Soc, "Ljungsta vårdhus"),
            ],
        },
        // Child health care and open preschool behind one door, 16 hours a
        // week: FC-like under both rule sets.
        CentreSpec {
            name: "Familjecentralen Lövnäs",
            municipality: "9902",
            place: "Lövnäs",
            shared_opening_minutes: Some(16 * 60),
            premises: &[
                pe("Barnmorskemottagningen Lövnäs", "Byvägen 2", false),
                pe("Lövnäsgården", "Skolvägen 4", true),
                pe("Familjestödet Ljungsta", "Rådhustorget 1", false),
            ],
            units: &[
                u(Mhv, "Barnmorskemottagningen Lövnäs"),
                u(Bhv, "Lövnäsgården"),
                u(Of, "Lövnäsgården"),
                u(Soc, "Familjestödet Ljungsta"),
            ],
        },
    ],
};

/// What [`load_region`] created, by name.
struct Loaded {
    region_id: i64,
    centres: HashMap<&'static str, i64>,
    /// Municipality code → id.
    municipalities: HashMap<&'static str, i64>,
    /// (centre id, service, unit id) of every unit.
    units: Vec<(i64, ServiceType, i64)>,
}

impl Loaded {
    fn centre(&self, name: &str) -> anyhow::Result<i64> {
        self.centres
            .get(name)
            .copied()
            .with_context(|| format!("demo centre {name} missing"))
    }
}

/// The input for one unit of a demo centre, in premises already stored.
fn unit_input(
    spec: &UnitSpec,
    premises_id: i64,
    place: &str,
    region: &RegionSpec,
    municipality: &MunicipalitySpec,
) -> UnitInput {
    let (service, name, kind, principal) = match spec.party {
        Mhv => (
            ServiceType::Base(BaseService::Maternal),
            format!("Barnmorskemottagningen {place}"),
            PrincipalKind::Region,
            region.principal,
        ),
        Bhv => (
            ServiceType::Base(BaseService::ChildHealth),
            format!("BVC {place}"),
            PrincipalKind::Region,
            region.principal,
        ),
        Of => (
            ServiceType::Base(BaseService::OpenPreschool),
            format!("Öppna förskolan {place}"),
            PrincipalKind::Municipality,
            municipality.principal,
        ),
        Soc => (
            ServiceType::Base(BaseService::SocialServices),
            format!("Familjestödet {place}"),
            PrincipalKind::Municipality,
            municipality.principal,
        ),
        OfChurch => (
            ServiceType::Base(BaseService::OpenPreschool),
            format!("Öppna förskolan {place}"),
            PrincipalKind::NonProfit,
            CHURCH,
        ),
        Church => (
            ServiceType::Other,
            CHURCH.to_string(),
            PrincipalKind::NonProfit,
            CHURCH,
        ),
    };
    UnitInput {
        service,
        name: Some(name),
        principal_kind: Some(kind),
        principal_name: Some(principal.to_string()),
        premises_id: Some(premises_id),
        // Base services have their whole ordinary operation at the centre;
        // for the fifth party it is not recorded.
        full_operation: (spec.party != Church).then_some(true),
        minutes_per_week: None,
    }
}

/// Writes one region with its municipalities, population and centres.
async fn load_region(seed: &mut Seeder, spec: &RegionSpec) -> anyhow::Result<Loaded> {
    let rules = (spec.rules)();
    let region_id = seed
        .region(spec.name, Some(spec.code), &rules)
        .await
        .with_context(|| format!("creating {}", spec.name))?;
    let mut municipality_ids = HashMap::new();
    for m in spec.municipalities {
        let id = seed
            .municipality(region_id, m.code, m.name)
            .await
            .with_context(|| format!("creating municipality {}", m.name))?;
        let numbers: Vec<Numbers> = m
            .population
            .iter()
            .map(|&(year, total, children_0_6)| Numbers {
                municipality_id: id,
                year,
                total,
                children_0_6,
                invented: spec.counted_year != Some(year),
            })
            .collect();
        if !numbers.is_empty() {
            seed.population(region_id, &numbers).await?;
        }
        municipality_ids.insert(m.code, (id, m));
    }
    let mut centre_ids = HashMap::new();
    let mut units = Vec::new();
    for c in spec.centres {
        let &(municipality_id, municipality) = municipality_ids
            .get(c.municipality)
            .with_context(|| format!("{} names an unknown municipality", c.name))?;
        // The centre's address is where child health care works, if anywhere.
        let address = c
            .units
            .iter()
            .find(|x| x.party == Bhv)
            .or(c.units.first())
            .and_then(|x| c.premises.iter().find(|p| p.name == x.premises))
            .map(|p| format!("{}, {}", p.address, municipality.name));
        let input = CentreInput {
            name: c.name.to_string(),
            municipality_id,
            address,
            opened_on: None,
            shared_opening_minutes: c.shared_opening_minutes,
        };
        let id = seed
            .centre(region_id, &input)
            .await
            .with_context(|| format!("creating {}", c.name))?;
        let mut premises_ids = HashMap::new();
        for p in c.premises {
            let input = PremisesInput {
                name: p.name.to_string(),
                address: Some(p.address.to_string()),
                shared_entrance: p.entrance,
            };
            let premises_id = seed
                .premises(id, &input)
                .await
                .with_context(|| format!("adding premises to {}", c.name))?;
            premises_ids.insert(p.name, premises_id);
        }
        for unit in c.units {
            let premises_id = *premises_ids
                .get(unit.premises)
                .with_context(|| format!("{} names unknown premises {}", c.name, unit.premises))?;
            let input = unit_input(unit, premises_id, c.place, spec, municipality);
            let unit_id = seed
                .unit(id, &input)
                .await
                .with_context(|| format!("adding a unit to {}", c.name))?;
            units.push((id, input.service, unit_id));
        }
        centre_ids.insert(c.name, id);
    }
    Ok(Loaded {
        region_id,
        centres: centre_ids,
        municipalities: municipality_ids
            .iter()
            .map(|(code, (id, _))| (*code, *id))
            .collect(),
        units,
    })
}

/// The centres in Heby municipality, whose local coordinator the demo shares.
const HEBY_CENTRES: [&str; 5] = [
    "Familjecentralen i Heby",
    "Familjecentralen i Harbo",
    "Familjecentralen i Morgongåva/Vittinge",
    "Familjecentralen i Tärnsjö",
    "Familjecentralen i Östervåla",
];

/// Loads Uppsala county, the fictional Skåne-rules region "Region Sydslätt
/// (fiktiv)", six demo accounts, and Uppsala's governance — people, groups,
/// two years of meetings and the running one, decisions, matters and
/// introductions (see [`crate::governance::county`]) — all in one
/// transaction: when anything fails, nothing is left behind. Returns the
/// accounts with their passwords.
pub async fn load_county(app: &App) -> anyhow::Result<Vec<DemoLogin>> {
    load_county_as(&app.cli()).await
}

/// Like [`load_county`], in a given context (tests use one on a fixed clock).
pub async fn load_county_as(ctx: &Ctx) -> anyhow::Result<Vec<DemoLogin>> {
    let logins = load_county_without_surveys(ctx).await?;
    crate::surveys::county::load(ctx, UPPSALA.name).await?;
    Ok(logins)
}

/// Like [`load_county_as`] without the survey rounds and their responses
/// (the web tests' server, which makes the rounds each test needs).
pub async fn load_county_without_surveys(ctx: &Ctx) -> anyhow::Result<Vec<DemoLogin>> {
    let mut seed = Seeder::begin(ctx).await?;
    let uppsala = load_region(&mut seed, &UPPSALA).await?;
    let sydslatt = load_region(&mut seed, &SYDSLATT).await?;
    // The fictional region follows Region Skåne's governance choices too.
    seed.governance(
        sydslatt.region_id,
        &samverka_core::governance::GovernanceSettings::skane(),
    )
    .await?;

    let region = |id: i64| Grant {
        role: Role::Reader,
        region_id: Some(id),
        centre_id: None,
    };
    let local = |centre_id: i64| Grant {
        role: Role::LocalCoordinator,
        region_id: Some(uppsala.region_id),
        centre_id: Some(centre_id),
    };
    let heby = HEBY_CENTRES
        .iter()
        .map(|name| uppsala.centre(name).map(local))
        .collect::<anyhow::Result<Vec<Grant>>>()?;
    let accounts: Vec<(DemoLogin, &str, Vec<Grant>)> = vec![
        (
            login(
                "admin@demo.samverka.se",
                "demo-admin",
                Role::Admin,
                "alla regioner",
            ),
            "Demo Systemadministratör",
            vec![Grant {
                role: Role::Admin,
                region_id: None,
                centre_id: None,
            }],
        ),
        (
            login(
                "lan@uppsala.demo.samverka.se",
                "demo-lan",
                Role::CountyCoordinator,
                UPPSALA.name,
            ),
            "Demo Länssamordnare Uppsala",
            vec![Grant {
                role: Role::CountyCoordinator,
                ..region(uppsala.region_id)
            }],
        ),
        (
            login(
                "lokal.savja@uppsala.demo.samverka.se",
                "demo-savja",
                Role::LocalCoordinator,
                "Sävja familjecentral",
            ),
            "Demo Lokal samordnare Sävja",
            vec![local(uppsala.centre("Sävja familjecentral")?)],
        ),
        (
            login(
                "lokal.heby@uppsala.demo.samverka.se",
                "demo-heby",
                Role::LocalCoordinator,
                "Heby kommuns fem familjecentraler",
            ),
            "Demo Lokal samordnare Heby",
            heby,
        ),
        (
            login(
                "lasare@uppsala.demo.samverka.se",
                "demo-lasare",
                Role::Reader,
                UPPSALA.name,
            ),
            "Demo Läsare Uppsala",
            vec![region(uppsala.region_id)],
        ),
        (
            login(
                "lan@sydslatt.demo.samverka.se",
                "demo-sydslatt",
                Role::CountyCoordinator,
                SYDSLATT.name,
            ),
            "Demo Länssamordnare Sydslätt",
            vec![Grant {
                role: Role::CountyCoordinator,
                ..region(sydslatt.region_id)
            }],
        ),
    ];
    let mut logins = Vec::with_capacity(accounts.len());
    let mut user_ids = HashMap::new();
    for (account, name, grants) in accounts {
        let hash = samverka_app::seed::hash_password(&account.password)?;
        let id = seed
            .account(&account.email, name, &hash, &grants)
            .await
            .with_context(|| format!("creating the account {}", account.email))?;
        user_ids.insert(account.email.clone(), id);
        logins.push(account);
    }

    let plan = crate::governance::county::plan(seed.today());
    let centres = uppsala
        .centres
        .iter()
        .map(|(name, id)| (name.to_string(), *id))
        .collect();
    let municipalities = uppsala
        .municipalities
        .iter()
        .map(|(code, id)| (code.to_string(), *id))
        .collect();
    let target = crate::governance::Target {
        region_id: uppsala.region_id,
        centres: &centres,
        municipalities: &municipalities,
        units: &uppsala.units,
        accounts: &user_ids,
    };
    crate::governance::write(&mut seed, &target, &plan)
        .await
        .context("writing Uppsala's governance")?;
    seed.commit().await?;
    Ok(logins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_centre_names_a_known_municipality_and_the_tables_add_up() {
        for spec in [&UPPSALA, &SYDSLATT] {
            for c in spec.centres {
                assert!(
                    spec.municipalities.iter().any(|m| m.code == c.municipality),
                    "{}",
                    c.name
                );
            }
        }
        assert_eq!(UPPSALA.centres.len(), 17);
        let total: i64 = UPPSALA
            .municipalities
            .iter()
            .flat_map(|m| m.population.iter())
            .filter(|p| p.0 == 2024)
            .map(|p| p.1)
            .sum();
        assert_eq!(total, 407_698, "the report's county total for 2024");
        let children: i64 = UPPSALA
            .municipalities
            .iter()
            .flat_map(|m| m.population.iter())
            .filter(|p| p.0 == 2024)
            .map(|p| p.2)
            .sum();
        assert_eq!(children, 29_619);
        for name in HEBY_CENTRES {
            assert!(UPPSALA.centres.iter().any(|c| c.name == name), "{name}");
        }
    }

    #[test]
    fn every_unit_is_in_premises_its_centre_lists_once() {
        for spec in [&UPPSALA, &SYDSLATT] {
            for c in spec.centres {
                for u in c.units {
                    assert!(
                        c.premises.iter().any(|p| p.name == u.premises),
                        "{}: {}",
                        c.name,
                        u.premises
                    );
                }
                let mut names: Vec<&str> = c.premises.iter().map(|p| p.name).collect();
                names.sort_unstable();
                names.dedup();
                assert_eq!(names.len(), c.premises.len(), "{}", c.name);
            }
        }
    }
}
