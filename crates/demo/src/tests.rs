//! Loading the demo data into real databases (SQLite always, PostgreSQL
//! when a server answers).

use std::collections::BTreeMap;
use std::time::Instant;

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

        // Only into an empty database.
        assert!(load_national(db, &fake_hash, &|_, _| {}).await.is_err());
        t.cleanup().await;
    }
}
