//! Loading the demo data into real databases (SQLite always, PostgreSQL
//! when a server answers).

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::Datelike;
use samverka_core::governance::signals::centre_signals;
use samverka_core::governance::{
    AssignmentKind, GroupKind, Level, MatterStatus, MeetingStatus, Signal, SignalKind,
};
use samverka_core::{Classification, Colocation, RuleSet, classify};
use samverka_store::testing::TestDb;
use samverka_store::{backup, centres, municipalities, regions, users};

use super::*;

fn fake_hash(p: &str) -> String {
    format!("plain:{p}")
}

/// Class and co-location of every centre of a region, by centre name.
async fn outcomes(
    db: &samverka_store::Db,
    region: &regions::Region,
    rules: &RuleSet,
) -> BTreeMap<String, (Option<Classification>, Option<Colocation>)> {
    let mut out = BTreeMap::new();
    for c in centres::list(db, Some(region.id)).await.expect("centres") {
        let units = centres::units(db, c.id).await.expect("units");
        let class = classify(&units, c.shared_opening_minutes, rules).classification;
        out.insert(c.name.clone(), (class, Colocation::of_units(&units)));
    }
    out
}

#[tokio::test]
async fn the_county_demo_matches_the_2025_follow_up() {
    use Classification::*;
    for t in TestDb::all().await {
        let db = &t.db;
        let name = t.name();
        eprintln!("county demo on {name}");
        assert!(is_empty(db).await.expect("empty?"), "{name}");
        let logins = load_county(db, &fake_hash).await.expect("load county");
        assert!(!is_empty(db).await.expect("empty?"), "{name}");

        let uppsala = regions::find(db, "Region Uppsala").await.expect("uppsala");
        assert_eq!(uppsala.code.as_deref(), Some("03"));
        assert_eq!(uppsala.rules, RuleSet::national());
        let got = outcomes(db, &uppsala, &uppsala.rules).await;
        assert_eq!(got.len(), 17, "{name}");
        let count = |class: Option<Classification>| got.values().filter(|v| v.0 == class).count();
        assert_eq!(count(Some(FamilyCentre)), 2, "{name}");
        assert_eq!(count(Some(FamilyCentreLike)), 2, "{name}");
        assert_eq!(count(Some(FamilyCentredWork)), 12, "{name}");
        assert_eq!(count(None), 1, "{name}");
        for (centre, class, colocation) in [
            (
                "Sävja familjecentral",
                Some(FamilyCentre),
                Some(Colocation::SameBuilding),
            ),
            (
                "Familjecentralen i Gimo",
                Some(FamilyCentre),
                Some(Colocation::SameBuilding),
            ),
            (
                "Liljeforstorg familjecentral",
                Some(FamilyCentreLike),
                Some(Colocation::Partly),
            ),
            (
                "Nyby/Heidenstam familjecentral",
                Some(FamilyCentreLike),
                Some(Colocation::Partly),
            ),
            ("Familjecentralen i Älvkarleby kommun", None, None),
        ] {
            assert_eq!(got.get(centre), Some(&(class, colocation)), "{centre} on {name}");
        }
        let not_at_all = got.values().filter(|v| v.1 == Some(Colocation::NotAtAll)).count();
        assert_eq!(not_at_all, 12, "{name}");

        let all = centres::list(db, Some(uppsala.id)).await.expect("centres");
        let alvkarleby = all
            .iter()
            .find(|c| c.name == "Familjecentralen i Älvkarleby kommun")
            .expect("Älvkarleby");
        assert!(centres::units(db, alvkarleby.id).await.expect("units").is_empty());
        let stenhagen = all
            .iter()
            .find(|c| c.name == "Stenhagen familjecentral")
            .expect("Stenhagen");
        assert_eq!(centres::units(db, stenhagen.id).await.expect("units").len(), 3);

        let access = municipalities::access(db, Some(uppsala.id), 2024)
            .await
            .expect("access");
        assert_eq!(access.len(), 8, "{name}");
        let per_centre = |m: &str| {
            access
                .iter()
                .find(|r| r.name == m)
                .and_then(|r| r.children_per_centre())
        };
        assert_eq!(per_centre("Heby"), Some(199), "{name}");
        assert_eq!(per_centre("Uppsala"), Some(2_929), "{name}");
        assert_eq!(per_centre("Enköping"), Some(3_828), "{name}");
        let years = municipalities::population_years(db, Some(uppsala.id))
            .await
            .expect("years");
        assert_eq!(years, [2024, 2023], "{name}");
        let earlier = municipalities::access(db, Some(uppsala.id), 2023)
            .await
            .expect("access 2023");
        assert_ne!(
            earlier.iter().map(|r| r.children_0_6).collect::<Vec<_>>(),
            access.iter().map(|r| r.children_0_6).collect::<Vec<_>>()
        );

        // The fictional region: Skåne's rules give other answers than the national ones.
        let sydslatt = regions::find(db, "99").await.expect("sydslätt");
        assert_eq!(sydslatt.rules, RuleSet::skane());
        let skane = outcomes(db, &sydslatt, &sydslatt.rules).await;
        let national = outcomes(db, &sydslatt, &RuleSet::national()).await;
        let class = |map: &BTreeMap<String, (Option<Classification>, Option<Colocation>)>, c: &str| {
            map.get(c).and_then(|v| v.0)
        };
        for (centre, under_skane, nationally) in [
            ("Familjecentralen Västerport", FamilyCentredWork, FamilyCentreLike),
            ("Familjecentralen Stationen", FamilyCentredWork, FamilyCentre),
            ("Familjecentralen Solrosen", FamilyCentre, FamilyCentre),
            ("Familjecentralen Ljungsta", FamilyCentredWork, FamilyCentre),
            ("Familjecentralen Lövnäs", FamilyCentreLike, FamilyCentreLike),
        ] {
            assert_eq!(class(&skane, centre), Some(under_skane), "{centre} on {name}");
            assert_eq!(class(&national, centre), Some(nationally), "{centre} on {name}");
        }
        assert_eq!(
            skane.get("Familjecentralen Solrosen").and_then(|v| v.1),
            Some(Colocation::SameEntrance)
        );

        // Accounts: six, each with the grants its line promises.
        assert_eq!(logins.len(), 6);
        for l in &logins {
            let user = users::find_by_email(db, &l.email)
                .await
                .expect("find")
                .expect("exists");
            assert_eq!(
                user.password_hash.as_deref(),
                Some(format!("plain:{}", l.password).as_str())
            );
            let grants = users::grants(db, user.id).await.expect("grants");
            assert!(grants.iter().all(|g| g.role.code() == l.role), "{}", l.email);
        }
        let heby = users::find_by_email(db, "lokal.heby@uppsala.demo.samverka.se")
            .await
            .expect("find")
            .expect("exists");
        let grants = users::grants(db, heby.id).await.expect("grants");
        assert_eq!(grants.len(), 5);
        assert!(
            grants
                .iter()
                .all(|g| g.region_id == Some(uppsala.id) && g.centre_id.is_some())
        );

        // Loading twice fails as a whole and leaves the first load untouched.
        assert!(load_county(db, &fake_hash).await.is_err());
        assert_eq!(centres::list(db, None).await.expect("centres").len(), 22);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn the_sqlite_demo_moves_to_postgresql_unchanged() {
    let source = TestDb::sqlite().await;
    load_county(&source.db, &fake_hash).await.expect("load county");
    let first = backup::export(&source.db, |_, _| {}).await.expect("export");
    let target = match TestDb::postgres().await {
        Some(t) => t,
        None => TestDb::sqlite().await,
    };
    backup::import(&target.db, &first, |_, _| {})
        .await
        .expect("import");
    let second = backup::export(&target.db, |_, _| {}).await.expect("export again");
    let rows = |doc: &serde_json::Value, table: &str| doc["tables"][table].as_array().map_or(0, Vec::len);
    assert_eq!(rows(&first, "centres"), 22);
    assert!(rows(&first, "audit_log") > 100);
    eprintln!("exported from sqlite, imported into {}", target.name());
    assert_eq!(first["tables"], second["tables"], "to {}", target.name());
    source.cleanup().await;
    target.cleanup().await;
}

#[tokio::test]
async fn the_national_demo_has_the_promised_size() {
    for t in TestDb::all().await {
        let db = &t.db;
        let name = t.name();
        let calls = std::sync::atomic::AtomicU64::new(0);
        let last = std::sync::Mutex::new((0, 0));
        let started = Instant::now();
        let logins = load_national(db, &fake_hash, &|done, total| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if let Ok(mut l) = last.lock() {
                assert!(done >= l.0 && done <= total);
                *l = (done, total);
            }
        })
        .await
        .expect("load national");
        let elapsed = started.elapsed();
        eprintln!("load_national on {name} took {elapsed:?}");

        assert_eq!(regions::list(db).await.expect("regions").len(), 21);
        assert_eq!(municipalities::list(db, None).await.expect("munis").len(), 290);
        assert_eq!(centres::list(db, None).await.expect("centres").len(), 500);
        let units = centres::units_in_region(db, None).await.expect("units");
        assert!(units.len() >= 1_000 && units.len() <= 2_500, "{}", units.len());
        let years = municipalities::population_years(db, None).await.expect("years");
        assert_eq!(years, (2015..=2024).rev().collect::<Vec<i64>>());
        let skane = regions::find(db, "Region Skåne").await.expect("skåne");
        assert_eq!(skane.rules, RuleSet::skane());
        assert_eq!(logins.len(), 22);
        let (done, total) = last.lock().map(|l| *l).unwrap_or_default();
        assert_eq!(done, total);
        assert!(calls.load(std::sync::atomic::Ordering::Relaxed) > 500);

        // The mix of co-location gives every class somewhere.
        let mut classes: BTreeMap<Option<Classification>, usize> = BTreeMap::new();
        let mut degrees: BTreeMap<Option<Colocation>, usize> = BTreeMap::new();
        for r in regions::list(db).await.expect("regions") {
            for c in outcomes(db, &r, &r.rules).await.values() {
                *classes.entry(c.0).or_default() += 1;
                *degrees.entry(c.1).or_default() += 1;
            }
        }
        eprintln!("national demo on {name}: {classes:?} {degrees:?}");
        assert_eq!(classes.len(), 4, "{classes:?} on {name}");
        assert_eq!(degrees.len(), 5, "{degrees:?} on {name}");

        // Governance everywhere, with a mix of signals like the county's.
        let today = chrono::Utc::now().date_naive();
        let last_year = today.year() - 1;
        let groups = samverka_store::groups::list(db, None).await.expect("groups");
        let of_kind = |k: GroupKind| groups.iter().filter(|g| g.kind == k).count();
        assert_eq!(of_kind(GroupKind::Management), 500, "{name}");
        assert_eq!(of_kind(GroupKind::CountySteering), 21, "{name}");
        assert_eq!(of_kind(GroupKind::CoordinatorNetwork), 21, "{name}");
        assert!(of_kind(GroupKind::Steering) > 150, "{name}");
        let mut country: Mix = Vec::new();
        for r in regions::list(db).await.expect("regions") {
            let signals = signals_by_centre(db, &r, last_year, today).await;
            for (kind, levels) in mix(&signals) {
                match country.iter_mut().find(|m| m.0 == kind) {
                    Some(m) => {
                        for (l, count) in levels {
                            *m.1.entry(l).or_default() += count;
                        }
                    }
                    None => country.push((kind, levels)),
                }
            }
        }
        print_mix(&country, &format!("the country {last_year} on {name}"));
        let count = |kind: SignalKind, l: Level| {
            country
                .iter()
                .find(|m| m.0 == kind)
                .and_then(|m| m.1.get(&l).copied())
                .unwrap_or(0)
        };
        let red = count(SignalKind::ManagementMeetings, Level::Red);
        assert!(
            (175..=325).contains(&red),
            "{red} management groups under four meetings on {name}"
        );
        assert!(count(SignalKind::SteeringMeetings, Level::Red) > 0, "{name}");
        for (kind, levels) in &country {
            assert!(
                levels.len() >= 2,
                "{} shows only {levels:?} on {name}",
                kind.code()
            );
            assert_eq!(levels.values().sum::<usize>(), 500, "{name}");
        }
        for slug in ["stockholm", "uppsala", "skane"] {
            let email = format!("lan@{slug}.demo.samverka.se");
            let user = users::find_by_email(db, &email)
                .await
                .expect("find")
                .expect("exists");
            let seats = samverka_store::people::seats_of_user(db, user.id, today)
                .await
                .expect("seats");
            assert_eq!(
                seats.len(),
                1,
                "{email} sits in the coordinators' network on {name}"
            );
        }

        // Only into an empty database.
        assert!(load_national(db, &fake_hash, &|_, _| {}).await.is_err());
        t.cleanup().await;
    }
}

/// Level counts per signal kind (in [`SignalKind::CENTRE`] order) over a region's centres for a year.
type Mix = Vec<(SignalKind, BTreeMap<Level, usize>)>;

/// Every centre's signals for a year, by centre id.
async fn signals_by_centre(
    db: &samverka_store::Db,
    region: &regions::Region,
    year: i32,
    today: chrono::NaiveDate,
) -> BTreeMap<i64, Vec<Signal>> {
    let facts = samverka_store::facts::centre_facts(db, region.id)
        .await
        .expect("facts");
    let mut out = BTreeMap::new();
    for c in centres::list(db, Some(region.id)).await.expect("centres") {
        let f = facts.get(&c.id).cloned().unwrap_or_default();
        out.insert(c.id, centre_signals(&f, &region.governance, year, today));
    }
    out
}

/// The level of one signal of one centre.
fn level_of(signals: &BTreeMap<i64, Vec<Signal>>, centre: i64, kind: SignalKind) -> Option<Level> {
    signals
        .get(&centre)
        .and_then(|s| s.iter().find(|s| s.kind == kind))
        .map(|s| s.level)
}

fn mix(signals: &BTreeMap<i64, Vec<Signal>>) -> Mix {
    SignalKind::CENTRE
        .iter()
        .map(|kind| {
            let mut levels = BTreeMap::new();
            for s in signals.values().flatten().filter(|s| s.kind == *kind) {
                *levels.entry(s.level).or_default() += 1;
            }
            (*kind, levels)
        })
        .collect()
}

fn print_mix(mix: &Mix, label: &str) {
    eprintln!("{label}: signal kind → green / yellow / red / unknown");
    for (kind, levels) in mix {
        let n = |l| levels.get(&l).copied().unwrap_or(0);
        eprintln!(
            "  {:<22} {:>4} {:>4} {:>4} {:>4}",
            kind.code(),
            n(Level::Green),
            n(Level::Yellow),
            n(Level::Red),
            n(Level::Unknown)
        );
    }
}

#[tokio::test]
async fn the_county_demo_signals_show_the_mix_the_2025_follow_up_found() {
    for t in TestDb::all().await {
        let db = &t.db;
        let name = t.name();
        load_county(db, &fake_hash).await.expect("load county");
        let today = chrono::Utc::now().date_naive();
        let last_year = today.year() - 1;
        let uppsala = regions::find(db, "Region Uppsala").await.expect("uppsala");
        let signals = signals_by_centre(db, &uppsala, last_year, today).await;
        assert_eq!(signals.len(), 17, "{name}");
        let all = centres::list(db, Some(uppsala.id)).await.expect("centres");
        let centre_id = |centre: &str| {
            all.iter()
                .find(|c| c.name == centre)
                .map(|c| c.id)
                .expect("centre")
        };
        let mix = mix(&signals);
        print_mix(&mix, &format!("Region Uppsala {last_year} on {name}"));

        // About half of the management groups met fewer than four times.
        let groups = samverka_store::groups::list(db, Some(uppsala.id))
            .await
            .expect("groups");
        let management: Vec<_> = groups
            .iter()
            .filter(|g| g.kind == GroupKind::Management)
            .collect();
        assert_eq!(management.len(), 16, "{name}");
        let red = management
            .iter()
            .filter(|g| {
                g.centre_ids.len() == 1
                    && level_of(&signals, g.centre_ids[0], SignalKind::ManagementMeetings) == Some(Level::Red)
            })
            .count();
        let share = red as f64 / management.len() as f64;
        assert!(
            (0.35..=0.65).contains(&share),
            "{red} of {} on {name}",
            management.len()
        );

        // Steering groups rarely meet: at least one did not meet at all.
        let meetings = samverka_store::meetings::list(db, Some(uppsala.id))
            .await
            .expect("meetings");
        let silent: Vec<&str> = groups
            .iter()
            .filter(|g| g.kind == GroupKind::Steering)
            .filter(|g| {
                !meetings.iter().any(|m| {
                    m.group_id == g.id && m.status == MeetingStatus::Held && m.held_on.year() == last_year
                })
            })
            .map(|g| g.name.as_str())
            .collect();
        assert!(!silent.is_empty(), "{name}");
        eprintln!("steering groups without a meeting in {last_year}: {silent:?}");

        let has = |kind: SignalKind, l: Level| {
            mix.iter()
                .find(|m| m.0 == kind)
                .and_then(|m| m.1.get(&l))
                .is_some_and(|n| *n > 0)
        };
        assert!(has(SignalKind::IntroductionsInTime, Level::Red), "{name}");
        assert!(has(SignalKind::MattersAnswered, Level::Red), "{name}");
        for (kind, levels) in &mix {
            assert!(
                levels.len() >= 2,
                "{} shows only {levels:?} on {name}",
                kind.code()
            );
            assert_eq!(levels.values().sum::<usize>(), 17, "{name}");
        }

        // Älvkarleby has no units and no governance data: nothing can be assessed.
        let alvkarleby = "Familjecentralen i Älvkarleby kommun";
        for kind in SignalKind::CENTRE {
            assert_eq!(
                level_of(&signals, centre_id(alvkarleby), kind),
                Some(Level::Unknown),
                "{kind:?} on {name}"
            );
        }
        assert!(
            centres::units(db, centre_id(alvkarleby))
                .await
                .expect("units")
                .is_empty()
        );

        // Seats work: the demo accounts are linked to the people they stand for.
        let people = samverka_store::people::list(db, uppsala.id)
            .await
            .expect("people");
        for (email, holder) in [
            ("lokal.savja@uppsala.demo.samverka.se", "Maja Lindqvist"),
            ("lan@uppsala.demo.samverka.se", "Karin Söderholm"),
        ] {
            let user = users::find_by_email(db, email)
                .await
                .expect("find")
                .expect("exists");
            let person = people.iter().find(|p| p.name == holder).expect("person");
            assert_eq!(person.user_id, Some(user.id), "{email} on {name}");
            let seats = samverka_store::people::seats_of_user(db, user.id, today)
                .await
                .expect("seats");
            assert!(!seats.is_empty(), "{email} on {name}");
        }
        let savja = centre_id("Sävja familjecentral");
        let maja = people.iter().find(|p| p.name == "Maja Lindqvist").expect("Maja");
        let assignments = samverka_store::assignments::of_person(db, maja.id)
            .await
            .expect("assignments");
        assert!(assignments.iter().any(|a| {
            a.kind == AssignmentKind::LocalCoordinator
                && a.centre_id == Some(savja)
                && a.share_percent == Some(20)
        }));

        // Turnover is kept: some assignments ended and someone else took over.
        let all_assignments = samverka_store::assignments::list(db, Some(uppsala.id))
            .await
            .expect("assignments");
        assert!(all_assignments.iter().filter(|a| a.ends_on.is_some()).count() >= 10);

        // Decisions of several categories, naming centres; minutes mostly published.
        let decisions = samverka_store::meetings::decisions(db, Some(uppsala.id))
            .await
            .expect("decisions");
        let categories: std::collections::BTreeSet<&str> =
            decisions.iter().map(|d| d.category.code()).collect();
        assert!(categories.len() >= 6, "{categories:?}");
        assert!(decisions.iter().filter(|d| !d.centre_ids.is_empty()).count() > decisions.len() / 2);
        let held: Vec<_> = meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Held && m.held_on.year() < today.year())
            .collect();
        let published = held.iter().filter(|m| m.minutes_published_on.is_some()).count();
        assert!(published * 10 >= held.len() * 8, "{published} of {}", held.len());
        assert!(
            held.iter()
                .all(|m| m.minutes_published_on.is_none_or(|p| p <= today))
        );
        let planned = meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Planned)
            .count();
        assert!(
            meetings
                .iter()
                .filter(|m| m.status == MeetingStatus::Planned)
                .all(|m| m.held_on >= today && m.held_on.year() == today.year()),
            "{name}"
        );
        eprintln!(
            "{name}: {} people, {} assignments, {} meetings ({} held before this year, {planned} planned), {} decisions",
            people.len(),
            all_assignments.len(),
            meetings.len(),
            held.len(),
            decisions.len()
        );

        // Matters: one or two wait longer than 90 days, the rest were decided and reported back.
        let matters = samverka_store::matters::list(db, Some(uppsala.id))
            .await
            .expect("matters");
        let waiting = matters
            .iter()
            .filter(|m| m.status.is_waiting())
            .filter(|m| {
                m.reached(MatterStatus::Submitted)
                    .is_some_and(|s| (today - s).num_days() > 90)
            })
            .count();
        assert!((1..=2).contains(&waiting), "{waiting} on {name}");
        assert!(
            matters
                .iter()
                .filter(|m| m.status == MatterStatus::ReportedBack)
                .count()
                >= 3
        );
        t.cleanup().await;
    }
}
