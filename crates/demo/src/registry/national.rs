//! A synthetic country for trying samverka at national scale: the 21 real
//! regions, 290 invented municipalities ("Kommun 0101"), 500 invented centres
//! with 2–5 units each and a mix of co-location, and population numbers for
//! 2015–2024. Everything comes from one seeded random generator, so every run
//! writes the same data.
//!
//! The data is planned first, as plain values (see [`plan`]), and then
//! written one region per transaction.

use std::collections::HashMap;

use anyhow::Context;
use chrono::NaiveDate;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use samverka_app::App;
use samverka_app::seed::{Numbers, Seeder, hash_password};
use samverka_core::PremisesInput;
use samverka_core::centre::{CentreInput, UnitInput};
use samverka_core::{BaseService, Grant, PrincipalKind, Role, RuleSet, ServiceType};

use crate::{DemoLogin, is_empty, login};

/// The seed: the same numbers every run.
const SEED: u64 = 2024;
/// How many centres the country gets.
const CENTRES: usize = 500;
/// The years with population numbers.
const YEARS: std::ops::RangeInclusive<i64> = 2015..=2024;
/// The password of every county coordinator of the national demo.
pub(crate) const COORDINATOR_PASSWORD: &str = "demo-lan";

/// The 21 regions: name, county code, a plain-ASCII name for e-mail
/// addresses, and how many municipalities the county really has (290 in all).
const REGIONS: [(&str, &str, &str, usize); 21] = [
    ("Region Stockholm", "01", "stockholm", 26),
    ("Region Uppsala", "03", "uppsala", 8),
    ("Region Sörmland", "04", "sormland", 9),
    ("Region Östergötland", "05", "ostergotland", 13),
    ("Region Jönköpings län", "06", "jonkoping", 13),
    ("Region Kronoberg", "07", "kronoberg", 8),
    ("Region Kalmar län", "08", "kalmar", 12),
    ("Region Gotland", "09", "gotland", 1),
    ("Region Blekinge", "10", "blekinge", 5),
    ("Region Skåne", "12", "skane", 33),
    ("Region Halland", "13", "halland", 6),
    ("Västra Götalandsregionen", "14", "vgr", 49),
    ("Region Värmland", "17", "varmland", 16),
    ("Region Örebro län", "18", "orebro", 12),
    ("Region Västmanland", "19", "vastmanland", 10),
    ("Region Dalarna", "20", "dalarna", 15),
    ("Region Gävleborg", "21", "gavleborg", 10),
    ("Region Västernorrland", "22", "vasternorrland", 7),
    ("Region Jämtland Härjedalen", "23", "jamtland", 8),
    ("Region Västerbotten", "24", "vasterbotten", 15),
    ("Region Norrbotten", "25", "norrbotten", 14),
];

/// First halves of invented place names.
const PREFIXES: [&str; 32] = [
    "Björk", "Ek", "Gran", "Lind", "Sjö", "Berg", "Dal", "Ängs", "Sol", "Norr", "Sör", "Väst", "Öst", "Hag",
    "Lunda", "Strand", "Ros", "Vik", "Hed", "Ask", "Alm", "Tall", "Lövs", "Mos", "Kvarn", "Bäck", "Ström",
    "Hassel", "Rönn", "Sand", "Fur", "Ljung",
];

/// Second halves of invented place names.
const SUFFIXES: [&str; 24] = [
    "backen", "dalen", "viken", "åsen", "gården", "torp", "by", "holmen", "näs", "lund", "berga", "sta",
    "hem", "vall", "hagen", "ängen", "udden", "sund", "slätt", "torget", "höjden", "parken", "bo", "fors",
];

/// Invented street names.
const STREETS: [&str; 16] = [
    "Storgatan",
    "Skolgatan",
    "Kyrkogatan",
    "Torggatan",
    "Järnvägsgatan",
    "Parkvägen",
    "Ängsvägen",
    "Björkvägen",
    "Centrumvägen",
    "Stationsvägen",
    "Trädgårdsgatan",
    "Smedjegatan",
    "Bruksvägen",
    "Hamngatan",
    "Vallgatan",
    "Idrottsvägen",
];

/// Other parties a centre may have, with the kind of principal that runs them.
const OTHERS: [(&str, PrincipalKind); 8] = [
    ("Svenska kyrkan", PrincipalKind::NonProfit),
    ("Biblioteket", PrincipalKind::Municipality),
    ("Familjerådgivningen", PrincipalKind::Municipality),
    ("Budget- och skuldrådgivningen", PrincipalKind::Municipality),
    ("Tandvården", PrincipalKind::Region),
    ("Logopedmottagningen", PrincipalKind::Region),
    ("Barn- och ungdomspsykiatrin", PrincipalKind::Region),
    ("Brobyggare", PrincipalKind::Municipality),
];

/// Invented private providers of health care.
const PRIVATE: [&str; 3] = [
    "Hälsokraft AB (fiktiv)",
    "Vårdkompaniet AB (fiktiv)",
    "Barnhälsan i Norden AB (fiktiv)",
];

/// One planned municipality.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MunicipalityPlan {
    pub code: String,
    pub name: String,
    /// (year, total, children 0–6), oldest first.
    pub population: Vec<(i64, i64, i64)>,
}

/// One planned centre; `municipality` indexes its region's municipalities.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CentrePlan {
    pub municipality: usize,
    pub name: String,
    pub address: Option<String>,
    pub opened_on: Option<NaiveDate>,
    pub shared_opening_minutes: Option<i64>,
    /// Its premises (*lokaler*).
    pub premises: Vec<PremisesInput>,
    pub units: Vec<PlannedUnit>,
}

/// One planned unit, with the index of its premises in its centre's list
/// (`None`: nobody has recorded where it works).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlannedUnit {
    pub input: UnitInput,
    pub premises: Option<usize>,
}

/// A planned unit reads as its input (the governance plan asks for its
/// service and principal).
impl std::ops::Deref for PlannedUnit {
    type Target = UnitInput;
    fn deref(&self) -> &UnitInput {
        &self.input
    }
}

/// The index of the premises a building text names ("Familjehuset Björkdalen,
/// Storgatan 12": name, then address) in `premises`, added when new. The
/// first unit placed there says whether they have one shared entrance.
fn place_in(premises: &mut Vec<PremisesInput>, building: &str, entrance: Option<bool>) -> usize {
    let (name, address) = match building.split_once(", ") {
        Some((n, a)) => (n.to_string(), Some(a.to_string())),
        None => (building.to_string(), None),
    };
    if let Some(i) = premises
        .iter()
        .position(|p| p.name == name && p.address == address)
    {
        return i;
    }
    premises.push(PremisesInput {
        name,
        address,
        shared_entrance: entrance,
    });
    premises.len() - 1
}

/// One planned region.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RegionPlan {
    pub name: &'static str,
    pub code: &'static str,
    pub slug: &'static str,
    pub rules: RuleSet,
    pub municipalities: Vec<MunicipalityPlan>,
    pub centres: Vec<CentrePlan>,
}

/// A uniformly chosen element of a non-empty slice.
fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Population for ten years: the municipality grows or shrinks at its own
/// pace, and the share of small children drifts down over the years.
fn population(rng: &mut StdRng, seat: bool, capital: bool) -> Vec<(i64, i64, i64)> {
    let total_2024: f64 = if capital {
        rng.random_range(950_000.0..1_000_000.0)
    } else if seat {
        rng.random_range(60_000.0..260_000.0)
    } else {
        rng.random_range(2_400f64.ln()..90_000f64.ln()).exp()
    };
    let growth: f64 = rng.random_range(-0.008..0.016);
    let mut share: f64 = rng.random_range(0.058..0.092);
    let mut total = total_2024;
    let mut years = Vec::new();
    for year in YEARS.rev() {
        years.push((year, total.round() as i64, (total * share).round() as i64));
        total /= 1.0 + growth + rng.random_range(-0.003..0.003);
        share += rng.random_range(-0.0003..0.0012);
    }
    years.reverse();
    years
}

/// How a planned centre's base services share buildings.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// All in one building, behind one entrance.
    OneEntrance,
    /// All in one building, entrances separate or unknown.
    OneBuilding,
    /// Child health care with some of the others; the rest elsewhere.
    Partly,
    /// Each in a building of its own.
    Apart,
}

/// A name and the address of a building, e.g. "Vårdcentralen Björkdalen, Storgatan 12".
fn building(rng: &mut StdRng, label: &str, place: &str) -> String {
    format!(
        "{label} {place}, {} {}",
        pick(rng, &STREETS),
        rng.random_range(1..60)
    )
}

/// Plans one centre in a municipality.
fn centre(
    rng: &mut StdRng,
    region: &str,
    municipality: &MunicipalityPlan,
    index: usize,
    place: &str,
) -> CentrePlan {
    use BaseService::{ChildHealth, Maternal, OpenPreschool, SocialServices};
    let odds = [
        (Maternal, 0.85),
        (ChildHealth, 0.95),
        (OpenPreschool, 0.85),
        (SocialServices, 0.85),
    ];
    let mut services: Vec<BaseService> = odds
        .iter()
        .filter(|(_, p)| rng.random_bool(*p))
        .map(|(s, _)| *s)
        .collect();
    if services.len() < 2 {
        for s in [ChildHealth, OpenPreschool] {
            if !services.contains(&s) {
                services.push(s);
            }
        }
        services.sort();
    }
    let layout = match rng.random_range(0..100) {
        0..15 => Layout::OneEntrance,
        15..32 => Layout::OneBuilding,
        32..55 => Layout::Partly,
        _ => Layout::Apart,
    };
    let main = building(rng, "Familjehuset", place);
    // Which services work in the main building.
    let together: Vec<bool> = match layout {
        Layout::OneEntrance | Layout::OneBuilding => vec![true; services.len()],
        Layout::Apart => vec![false; services.len()],
        Layout::Partly => {
            let mut t: Vec<bool> = services
                .iter()
                .map(|s| *s == ChildHealth || rng.random_bool(0.5))
                .collect();
            if !services.contains(&ChildHealth) {
                t[0] = true;
            }
            if t.iter().filter(|x| **x).count() < 2
                && let Some(x) = t.iter_mut().find(|x| !**x)
            {
                *x = true;
            }
            t
        }
    };
    let mut units = Vec::new();
    let mut premises = Vec::new();
    for (service, here) in services.iter().zip(&together) {
        let (label, unit_name) = match service {
            Maternal => ("Barnmorskemottagningen", "Barnmorskemottagningen"),
            ChildHealth => ("Vårdcentralen", "BVC"),
            OpenPreschool => ("Öppna förskolan", "Öppna förskolan"),
            SocialServices => ("Familjestödet", "Familjestödet"),
        };
        let (principal_kind, principal_name) = match service {
            Maternal | ChildHealth if rng.random_bool(0.15) => {
                (PrincipalKind::PrivateProvider, pick(rng, &PRIVATE).to_string())
            }
            Maternal | ChildHealth => (PrincipalKind::Region, region.to_string()),
            OpenPreschool if rng.random_bool(0.1) => (PrincipalKind::NonProfit, "Svenska kyrkan".to_string()),
            _ => (PrincipalKind::Municipality, municipality.name.clone()),
        };
        let place_of_unit = if *here {
            main.clone()
        } else {
            building(rng, label, place)
        };
        let shared_entrance = match layout {
            Layout::OneEntrance => Some(true),
            Layout::Partly if *here => *pick(rng, &[Some(true), Some(false), None]),
            _ => *pick(rng, &[Some(false), Some(false), None]),
        };
        // A little missing or partial data, as in real registries.
        let full_operation = match rng.random_range(0..100) {
            0..6 => None,
            6..10 => Some(false),
            _ => Some(true),
        };
        let building = (!rng.random_bool(0.04)).then_some(place_of_unit);
        units.push(PlannedUnit {
            input: UnitInput {
                service: ServiceType::Base(*service),
                name: Some(format!("{unit_name} {place}")),
                principal_kind: Some(principal_kind),
                principal_name: Some(principal_name),
                premises_id: None,
                full_operation,
                minutes_per_week: rng.random_bool(0.4).then(|| rng.random_range(4..=40) * 60),
            },
            premises: building.map(|b| place_in(&mut premises, &b, shared_entrance)),
        });
    }
    if units.len() < 5 && rng.random_bool(0.3) {
        let (name, kind) = *pick(rng, &OTHERS);
        let principal_name = match kind {
            PrincipalKind::Region => region.to_string(),
            PrincipalKind::Municipality => municipality.name.clone(),
            _ => name.to_string(),
        };
        let building = if layout == Layout::Apart {
            building(rng, name, place)
        } else {
            main.clone()
        };
        units.push(PlannedUnit {
            input: UnitInput {
                service: ServiceType::Other,
                name: Some(name.to_string()),
                principal_kind: Some(kind),
                principal_name: Some(principal_name),
                premises_id: None,
                full_operation: None,
                minutes_per_week: rng.random_bool(0.5).then(|| rng.random_range(2..=16) * 60),
            },
            premises: Some(place_in(&mut premises, &building, None)),
        });
    }
    let shared_opening_minutes = match layout {
        Layout::Apart => rng.random_bool(0.2).then(|| rng.random_range(4..=20) * 30),
        _ => rng.random_bool(0.7).then(|| rng.random_range(12..=60) * 30),
    };
    let opened_year = if rng.random_bool(0.7) {
        rng.random_range(1998..=2014)
    } else {
        rng.random_range(2015..=2024)
    };
    let opened_on = NaiveDate::from_ymd_opt(opened_year, rng.random_range(1..=12), rng.random_range(1..=28));
    let address = units
        .iter()
        .find(|u| u.service == ServiceType::Base(ChildHealth))
        .or(units.first())
        .and_then(|u| u.premises)
        .and_then(|i| premises[i].address.as_deref())
        .map(|street| format!("{street}, {}", municipality.name));
    CentrePlan {
        municipality: index,
        name: format!("Familjecentralen {place}"),
        address,
        opened_on,
        shared_opening_minutes,
        premises,
        units,
    }
}

/// Plans the whole country from a seed, without touching a database.
pub(crate) fn plan(seed: u64) -> Vec<RegionPlan> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut regions: Vec<RegionPlan> = REGIONS
        .iter()
        .map(|&(name, code, slug, count)| RegionPlan {
            name,
            code,
            slug,
            rules: if code == "12" {
                RuleSet::skane()
            } else {
                RuleSet::national()
            },
            municipalities: (1..=count)
                .map(|i| {
                    let code = format!("{code}{i:02}");
                    MunicipalityPlan {
                        name: format!("Kommun {code}"),
                        population: population(&mut rng, i == 1, code == "0101"),
                        code,
                    }
                })
                .collect(),
            centres: Vec::new(),
        })
        .collect();
    // Centres go where the children are, though not in strict proportion:
    // larger municipalities get more centres, but fewer per child.
    let slots: Vec<(usize, usize, f64)> = regions
        .iter()
        .enumerate()
        .flat_map(|(r, region)| {
            region.municipalities.iter().enumerate().map(move |(m, muni)| {
                let children = muni.population.last().map_or(1, |p| p.2).max(1);
                (r, m, (children as f64).powf(0.8))
            })
        })
        .collect();
    let Ok(weights) = WeightedIndex::new(slots.iter().map(|s| s.2)) else {
        return regions;
    };
    let mut used = std::collections::HashSet::new();
    for _ in 0..CENTRES {
        let (r, m, _) = slots[weights.sample(&mut rng)];
        let place = loop {
            let candidate = format!("{}{}", pick(&mut rng, &PREFIXES), pick(&mut rng, &SUFFIXES));
            if used.insert(candidate.clone()) {
                break candidate;
            }
        };
        let region = &regions[r];
        let planned = centre(&mut rng, region.name, &region.municipalities[m], m, &place);
        regions[r].centres.push(planned);
    }
    regions
}

/// Loads the synthetic country into an empty database: 21 regions (Region
/// Skåne with Skåne's rules, the rest national), 290 municipalities with
/// population 2015–2024, 500 centres with their units, an administrator,
/// one county coordinator per region, and every region's governance (see
/// [`crate::governance::national`]). Each region is written in a transaction
/// of its own; `progress(done, total)` is called after every region,
/// municipality, centre, account and region's governance. Returns the
/// accounts.
pub async fn load_national(
    app: &App,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> anyhow::Result<Vec<DemoLogin>> {
    load_national_with(app, crate::surveys::national::RESPONSES_PER_CENTRE_YEAR, progress).await
}

/// Like [`load_national`] with `per_centre` visitor-survey responses per
/// centre and year (the full size has 200: a million in all).
pub async fn load_national_with(
    app: &App,
    per_centre: usize,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> anyhow::Result<Vec<DemoLogin>> {
    anyhow::ensure!(
        is_empty(app).await?,
        "the national demo needs an empty database (it has regions or accounts already)"
    );
    let plan = plan(SEED);
    let steps = plan
        .iter()
        .map(|r| 3 + r.municipalities.len() + r.centres.len())
        .sum::<usize>()
        + 1;
    // The surveys: a step per thousand responses.
    let responses = CENTRES * per_centre * usize::try_from(crate::surveys::national::YEARS)?;
    let total = u64::try_from(steps + responses / 1000)?;
    let mut done = 0u64;
    let mut step = || {
        done += 1;
        progress(done.min(total), total);
    };
    progress(0, total);
    let ctx = app.cli();
    let mut logins = Vec::with_capacity(plan.len() + 1);

    let admin = login(
        "admin@demo.samverka.se",
        "demo-admin",
        Role::Admin,
        "alla regioner",
    );
    let hash = hash_password(&admin.password)?;
    let admin_grant = Grant {
        role: Role::Admin,
        region_id: None,
        centre_id: None,
    };
    let mut seed = Seeder::begin(&ctx).await?;
    seed.account(&admin.email, "Demo Systemadministratör", &hash, &[admin_grant])
        .await
        .context("creating the demo administrator")?;
    seed.commit().await?;
    logins.push(admin);
    step();

    let today = ctx.today;
    let mut surveyed = Vec::with_capacity(plan.len());
    for (index, region) in plan.iter().enumerate() {
        let coordinator = login(
            &format!("lan@{}.demo.samverka.se", region.slug),
            COORDINATOR_PASSWORD,
            Role::CountyCoordinator,
            region.name,
        );
        let hash = hash_password(&coordinator.password)?;
        let mut seed = Seeder::begin(&ctx).await?;
        let region_id = seed
            .region(region.name, Some(region.code), &region.rules)
            .await
            .with_context(|| format!("creating {}", region.name))?;
        step();
        let mut municipality_ids = Vec::with_capacity(region.municipalities.len());
        let mut by_code = HashMap::new();
        for m in &region.municipalities {
            let id = seed
                .municipality(region_id, &m.code, &m.name)
                .await
                .with_context(|| format!("creating {}", m.name))?;
            let numbers: Vec<Numbers> = m
                .population
                .iter()
                .map(|&(year, total, children_0_6)| Numbers {
                    municipality_id: id,
                    year,
                    total,
                    children_0_6,
                    invented: true,
                })
                .collect();
            seed.population(region_id, &numbers).await?;
            municipality_ids.push(id);
            by_code.insert(m.code.clone(), id);
            step();
        }
        let mut centre_ids = HashMap::new();
        let mut units = Vec::new();
        for c in &region.centres {
            let input = CentreInput {
                name: c.name.clone(),
                municipality_id: municipality_ids[c.municipality],
                address: c.address.clone(),
                opened_on: c.opened_on,
                shared_opening_minutes: c.shared_opening_minutes,
            };
            let id = seed
                .centre(region_id, &input)
                .await
                .with_context(|| format!("creating {}", c.name))?;
            let mut premises_ids = Vec::with_capacity(c.premises.len());
            for p in &c.premises {
                premises_ids.push(
                    seed.premises(id, p)
                        .await
                        .with_context(|| format!("adding premises to {}", c.name))?,
                );
            }
            for unit in &c.units {
                let input = UnitInput {
                    premises_id: unit.premises.and_then(|i| premises_ids.get(i).copied()),
                    ..unit.input.clone()
                };
                let unit_id = seed
                    .unit(id, &input)
                    .await
                    .with_context(|| format!("adding a unit to {}", c.name))?;
                units.push((id, input.service, unit_id));
            }
            centre_ids.insert(c.name.clone(), id);
            step();
        }
        let user_id = seed
            .account(
                &coordinator.email,
                &format!("Demo Länssamordnare {}", region.name),
                &hash,
                &[Grant {
                    role: Role::CountyCoordinator,
                    region_id: Some(region_id),
                    centre_id: None,
                }],
            )
            .await
            .with_context(|| format!("creating the account {}", coordinator.email))?;
        step();
        let accounts = HashMap::from([(coordinator.email.clone(), user_id)]);
        let rng_seed = SEED ^ ((index as u64 + 1) << 24);
        let governance = crate::governance::national::plan(region, rng_seed, today);
        let target = crate::governance::Target {
            region_id,
            centres: &centre_ids,
            municipalities: &by_code,
            units: &units,
            accounts: &accounts,
        };
        crate::governance::write(&mut seed, &target, &governance)
            .await
            .with_context(|| format!("writing the governance of {}", region.name))?;
        seed.commit().await?;
        logins.push(coordinator);
        step();
        surveyed.push(crate::surveys::national::RegionCentres {
            region_id,
            centres: region
                .centres
                .iter()
                .filter_map(|c| centre_ids.get(&c.name).copied())
                .collect(),
        });
    }
    let mut thousands = |n: u64| {
        for _ in 0..n {
            step();
        }
    };
    crate::surveys::national::load(&ctx, &surveyed, per_centre, SEED, &mut thousands)
        .await
        .context("writing the country's visitor surveys")?;
    progress(total, total);
    Ok(logins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_is_the_same_every_time_and_has_the_right_size() {
        let a = plan(SEED);
        assert_eq!(a, plan(SEED));
        assert_ne!(a, plan(SEED + 1));
        assert_eq!(a.len(), 21);
        assert_eq!(a.iter().map(|r| r.municipalities.len()).sum::<usize>(), 290);
        assert_eq!(a.iter().map(|r| r.centres.len()).sum::<usize>(), CENTRES);
        let mut codes: Vec<&str> = a
            .iter()
            .flat_map(|r| r.municipalities.iter().map(|m| m.code.as_str()))
            .collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 290, "municipality codes are unique");
        for r in &a {
            for m in &r.municipalities {
                assert_eq!(m.population.len(), 10);
                assert!(m.population.iter().all(|p| 0 < p.2 && p.2 < p.1));
            }
            for c in &r.centres {
                assert!((2..=5).contains(&c.units.len()), "{}", c.name);
                let base = c.units.iter().filter(|u| u.service.base().is_some()).count();
                assert!(
                    c.units
                        .iter()
                        .all(|u| u.premises.is_none_or(|i| i < c.premises.len())),
                    "{}",
                    c.name
                );
                assert!(base >= 2, "{}", c.name);
            }
        }
    }
}
