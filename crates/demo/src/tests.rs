//! Loading the demo data into real databases (SQLite always, PostgreSQL
//! when a server answers), read back through the application layer.

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use samverka_app::accounts::{context, manage, passwords};
use samverka_app::governance::{assignments, decisions, groups, matters, meetings, people, signals};
use samverka_app::registry::centres::{self, CentreView, Filter};
use samverka_app::registry::{access, regions};
use samverka_app::testing::{TestDb, app_on};
use samverka_app::{App, AppConfig, Ctx, backup};
use samverka_core::governance::{
    AssignmentKind, GroupKind, Level, MatterStatus, MeetingStatus, Signal, SignalKind,
};
use samverka_core::{Classification, Colocation, RuleSet, classify};
use samverka_store::accounts::users;

use super::*;

/// The day the tests run on: the demo data is dated relative to the
/// application's clock, and the assertions use the same day. Fixed, so that
/// no assertion depends on the day the suite is run.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date")
}

/// An application on a test database, its clock fixed on `today`.
fn app(t: &TestDb, today: NaiveDate) -> App {
    app_on(t, AppConfig::default(), today)
}

/// Class and co-location by centre name.
type Outcomes = BTreeMap<String, (Option<Classification>, Option<Colocation>)>;

/// Every centre of a region (every region for `None`), closed ones included.
async fn views(ctx: &Ctx, region: Option<i64>) -> Vec<CentreView> {
    centres::list(
        ctx,
        Filter {
            region,
            include_closed: true,
        },
    )
    .await
    .expect("centres")
}

/// Class and co-location of every centre, as the application computes them
/// under each centre's own region's rules.
fn outcomes(views: &[CentreView]) -> Outcomes {
    views
        .iter()
        .map(|v| (v.centre.name.clone(), (v.outcome.classification, v.colocation)))
        .collect()
}

/// Class and co-location of every centre under other rules.
fn outcomes_under(views: &[CentreView], rules: &RuleSet) -> Outcomes {
    views
        .iter()
        .map(|v| {
            let class =
                classify(&v.units, &v.premises, v.centre.shared_opening_minutes, rules).classification;
            (
                v.centre.name.clone(),
                (class, Colocation::of_units(&v.units, &v.premises)),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_county_demo_matches_the_2025_follow_up() {
    use Classification::*;
    for t in TestDb::all().await {
        let name = t.name();
        let app = app(&t, today());
        let ctx = &app.cli();
        eprintln!("county demo on {name}");
        assert!(is_empty(&app).await.expect("empty?"), "{name}");
        let logins = load_county(&app).await.expect("load county");
        assert!(!is_empty(&app).await.expect("empty?"), "{name}");
        // A second `demo` run prints the same logins again.
        let mut again: Vec<(String, String)> = crate::existing_logins(&app)
            .await
            .expect("logins again")
            .into_iter()
            .map(|l| (l.email, l.password))
            .collect();
        let mut first: Vec<(String, String)> = logins
            .iter()
            .map(|l| (l.email.clone(), l.password.clone()))
            .collect();
        again.sort();
        first.sort();
        assert_eq!(again, first, "{name}");

        let uppsala = regions::find(ctx, "Region Uppsala").await.expect("uppsala");
        assert_eq!(uppsala.code.as_deref(), Some("03"));
        assert_eq!(uppsala.rules, RuleSet::national());
        let all = views(ctx, Some(uppsala.id)).await;
        let got = outcomes(&all);
        assert_eq!(got, outcomes_under(&all, &uppsala.rules), "{name}");
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

        let alvkarleby = all
            .iter()
            .find(|c| c.centre.name == "Familjecentralen i Älvkarleby kommun")
            .expect("Älvkarleby");
        let detail = centres::get(ctx, alvkarleby.centre.id).await.expect("Älvkarleby");
        assert!(detail.view.units.is_empty(), "{name}");
        let stenhagen = all
            .iter()
            .find(|c| c.centre.name == "Stenhagen familjecentral")
            .expect("Stenhagen");
        let detail = centres::get(ctx, stenhagen.centre.id).await.expect("Stenhagen");
        assert_eq!(detail.view.units.len(), 3, "{name}");

        let table = access::table(ctx, uppsala.id, Some(2024)).await.expect("access");
        let access = &table.rows;
        assert_eq!(access.len(), 8, "{name}");
        let per_centre = |m: &str| {
            access
                .iter()
                .find(|(_, r)| r.name == m)
                .and_then(|(_, r)| r.children_per_centre())
        };
        assert_eq!(per_centre("Heby"), Some(199), "{name}");
        assert_eq!(per_centre("Uppsala"), Some(2_929), "{name}");
        assert_eq!(per_centre("Enköping"), Some(3_828), "{name}");
        assert_eq!(table.years, [2024, 2023], "{name}");
        let earlier = access::table(ctx, uppsala.id, Some(2023))
            .await
            .expect("access 2023");
        assert_ne!(
            earlier
                .rows
                .iter()
                .map(|(_, r)| r.children_0_6)
                .collect::<Vec<_>>(),
            access.iter().map(|(_, r)| r.children_0_6).collect::<Vec<_>>()
        );

        // The fictional region: Skåne's rules give other answers than the national ones.
        let sydslatt = regions::find(ctx, "99").await.expect("sydslätt");
        assert_eq!(sydslatt.rules, RuleSet::skane());
        let in_sydslatt = views(ctx, Some(sydslatt.id)).await;
        let skane = outcomes(&in_sydslatt);
        assert_eq!(skane, outcomes_under(&in_sydslatt, &sydslatt.rules), "{name}");
        let national = outcomes_under(&in_sydslatt, &RuleSet::national());
        let class = |map: &Outcomes, c: &str| map.get(c).and_then(|v| v.0);
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

        // Accounts: six, each with its password and the grants its line promises.
        assert_eq!(logins.len(), 6);
        let mut c = t.db.read().await.expect("read");
        for l in &logins {
            let user = users::find_by_email(&mut c, &l.email)
                .await
                .expect("find")
                .expect("exists");
            let hash = user.password_hash.as_deref().expect("a password");
            assert!(passwords::verify_now(&l.password, hash), "{}", l.email);
            assert!(!passwords::verify_now("wrong", hash), "{}", l.email);
            let grants = users::grants(&mut c, user.id).await.expect("grants");
            assert!(
                grants.iter().all(|g| g.grant.role.code() == l.role),
                "{}",
                l.email
            );
        }
        let heby = manage::find(ctx, "lokal.heby@uppsala.demo.samverka.se")
            .await
            .expect("exists");
        let grants = users::grants(&mut c, heby.id).await.expect("grants");
        drop(c);
        assert_eq!(grants.len(), 5);
        assert!(
            grants
                .iter()
                .all(|g| g.grant.region_id == Some(uppsala.id) && g.grant.centre_id.is_some())
        );

        // Loading twice fails as a whole and leaves the first load untouched.
        assert!(load_county(&app).await.is_err());
        assert_eq!(views(ctx, None).await.len(), 22);
        app.close().await;
        t.cleanup().await;
    }
}

#[tokio::test]
async fn the_sqlite_demo_moves_to_postgresql_unchanged() {
    let today = today();
    let source = TestDb::sqlite().await;
    let from = app(&source, today);
    load_county(&from).await.expect("load county");
    let first = backup::export(&from.cli(), |_, _| {}).await.expect("export");
    let target = match TestDb::postgres().await {
        Some(t) => t,
        None => TestDb::sqlite().await,
    };
    let to = app(&target, today);
    backup::import(&to.cli(), &first, |_, _| {})
        .await
        .expect("import");
    let second = backup::export(&to.cli(), |_, _| {}).await.expect("export again");
    let rows = |doc: &serde_json::Value, table: &str| doc["tables"][table].as_array().map_or(0, Vec::len);
    assert_eq!(rows(&first, "centres"), 22);
    assert!(rows(&first, "audit_log") > 100);
    eprintln!(
        "exported from {}, imported into {}",
        from.backend_name(),
        to.backend_name()
    );
    assert_eq!(first["tables"], second["tables"], "to {}", target.name());
    from.close().await;
    to.close().await;
    source.cleanup().await;
    target.cleanup().await;
}

#[tokio::test]
async fn the_national_demo_has_the_promised_size() {
    for t in TestDb::all().await {
        let name = t.name();
        let today = today();
        let app = app(&t, today);
        let ctx = &app.cli();
        let calls = std::sync::atomic::AtomicU64::new(0);
        let last = std::sync::Mutex::new((0, 0));
        let started = Instant::now();
        // Two visitor-survey responses per centre and year (the full size has 200).
        let logins = load_national_with(&app, 2, &|done, total| {
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

        assert_eq!(regions::visible(ctx).await.expect("regions").len(), 21);
        let first = regions::visible(ctx).await.expect("regions")[0].id;
        let rounds = samverka_app::surveys::rounds::overview(ctx, first)
            .await
            .expect("rounds");
        assert_eq!(rounds.rounds.len(), 10, "{name}: ten yearly visitor surveys");
        assert!(
            rounds.rounds.iter().all(|(_, _, _, n)| *n > 0),
            "{name}: every round has responses"
        );
        let tables = access::tables(ctx, None, None).await.expect("access");
        assert_eq!(tables.iter().map(|t| t.rows.len()).sum::<usize>(), 290);
        let all = views(ctx, None).await;
        assert_eq!(all.len(), 500);
        let units = all.iter().map(|v| v.units.len()).sum::<usize>();
        assert!((1_000..=2_500).contains(&units), "{units}");
        let mut years: Vec<i64> = tables.iter().flat_map(|t| t.years.iter().copied()).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        assert_eq!(years, (2015..=2024).rev().collect::<Vec<i64>>());
        let skane = regions::find(ctx, "Region Skåne").await.expect("skåne");
        assert_eq!(skane.rules, RuleSet::skane());
        assert_eq!(logins.len(), 22);
        let (done, total) = last.lock().map(|l| *l).unwrap_or_default();
        assert_eq!(done, total);
        assert!(calls.load(std::sync::atomic::Ordering::Relaxed) > 500);

        // The mix of co-location gives every class somewhere.
        let mut classes: BTreeMap<Option<Classification>, usize> = BTreeMap::new();
        let mut degrees: BTreeMap<Option<Colocation>, usize> = BTreeMap::new();
        for c in outcomes(&all).values() {
            *classes.entry(c.0).or_default() += 1;
            *degrees.entry(c.1).or_default() += 1;
        }
        eprintln!("national demo on {name}: {classes:?} {degrees:?}");
        assert_eq!(classes.len(), 4, "{classes:?} on {name}");
        assert_eq!(degrees.len(), 5, "{degrees:?} on {name}");

        // Governance everywhere, with a mix of signals like the county's.
        let last_year = today.year() - 1;
        let groups = groups::list_reachable(ctx, None).await.expect("groups");
        let of_kind = |k: GroupKind| groups.iter().filter(|g| g.kind == k).count();
        assert_eq!(of_kind(GroupKind::Management), 500, "{name}");
        assert_eq!(of_kind(GroupKind::CountySteering), 21, "{name}");
        assert_eq!(of_kind(GroupKind::CoordinatorNetwork), 21, "{name}");
        assert!(of_kind(GroupKind::Steering) > 150, "{name}");
        let mut country: Mix = Vec::new();
        let by_region = signals::list(ctx, None, last_year).await.expect("signals");
        assert_eq!(by_region.len(), 21, "{name}");
        for (_, centres) in by_region {
            let signals = centres.into_iter().map(|(c, s)| (c.id, s)).collect();
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
            let seats = seats_of(&app, ctx, &email).await;
            assert_eq!(
                seats.len(),
                1,
                "{email} sits in the coordinators' network on {name}"
            );
        }

        // Only into an empty database.
        assert!(load_national(&app, &|_, _| {}).await.is_err());
        app.close().await;
        t.cleanup().await;
    }
}

/// The seats in governing groups today of the account with an e-mail
/// address, as the context of its requests holds them.
async fn seats_of(app: &App, ctx: &Ctx, email: &str) -> Vec<samverka_core::Seat> {
    let user = manage::find(ctx, email).await.expect("exists");
    context::for_user(app, user.id)
        .await
        .expect("context")
        .expect("an active account")
        .actor
        .seats
}

/// Level counts per signal kind (in [`SignalKind::CENTRE`] order) over a region's centres for a year.
type Mix = Vec<(SignalKind, BTreeMap<Level, usize>)>;

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
        let name = t.name();
        let today = today();
        let app = app(&t, today);
        let ctx = &app.cli();
        load_county(&app).await.expect("load county");
        let last_year = today.year() - 1;
        let uppsala = regions::find(ctx, "Region Uppsala").await.expect("uppsala");
        let page = signals::of_region(ctx, uppsala.id, last_year)
            .await
            .expect("signals");
        let signals: BTreeMap<i64, Vec<Signal>> =
            page.centres.iter().map(|(c, s)| (c.id, s.clone())).collect();
        assert_eq!(signals.len(), 17, "{name}");
        let centre_id = |centre: &str| {
            page.centres
                .iter()
                .find(|(c, _)| c.name == centre)
                .map(|(c, _)| c.id)
                .expect("centre")
        };
        let mix = mix(&signals);
        print_mix(&mix, &format!("Region Uppsala {last_year} on {name}"));
        // Each centre's signals, read around the centre alone, are the same
        // as in the region's list, this year and last.
        let every_region = regions::visible(ctx).await.expect("regions");
        for (region, year) in every_region
            .iter()
            .flat_map(|r| [(r, last_year), (r, today.year())])
        {
            let listed = signals::of_region(ctx, region.id, year).await.expect("signals");
            for (centre, listed) in &listed.centres {
                let alone = signals::of_centre(ctx, centre.id, year).await.expect("signals");
                assert_eq!(&alone, listed, "{} in {year} on {name}", centre.name);
            }
        }

        // About half of the management groups met fewer than four times.
        let groups = groups::list(ctx, uppsala.id).await.expect("groups").groups;
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
        let meetings = meetings::list_reachable(ctx, Some(uppsala.id), None)
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
        let detail = centres::get(ctx, centre_id(alvkarleby))
            .await
            .expect("Älvkarleby");
        assert!(detail.view.units.is_empty(), "{name}");

        // Seats work: the demo accounts are linked to the people they stand for.
        let people = people::list_reachable(ctx, Some(uppsala.id))
            .await
            .expect("people");
        for (email, holder) in [
            ("lokal.savja@uppsala.demo.samverka.se", "Maja Lindqvist"),
            ("lan@uppsala.demo.samverka.se", "Karin Söderholm"),
        ] {
            let user = manage::find(ctx, email).await.expect("exists");
            let person = people.iter().find(|p| p.name == holder).expect("person");
            assert_eq!(person.user_id, Some(user.id), "{email} on {name}");
            let seats = seats_of(&app, ctx, email).await;
            assert!(!seats.is_empty(), "{email} on {name}");
        }
        let savja = centre_id("Sävja familjecentral");
        let maja = people.iter().find(|p| p.name == "Maja Lindqvist").expect("Maja");
        let history = people::get(ctx, maja.id).await.expect("Maja").history;
        assert!(history.iter().any(|a| {
            a.kind == AssignmentKind::LocalCoordinator
                && a.centre_id == Some(savja)
                && a.share_percent == Some(20)
        }));

        // Turnover is kept: some assignments ended and someone else took over.
        let all_assignments = assignments::list_reachable(ctx, Some(uppsala.id))
            .await
            .expect("assignments");
        assert!(all_assignments.iter().filter(|a| a.ends_on.is_some()).count() >= 10);

        // Decisions of several categories, naming centres; minutes mostly published.
        let decisions = decisions::list(ctx, Some(uppsala.id), None, None)
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
        let matters: Vec<_> = matters::list_all(ctx, Some(uppsala.id))
            .await
            .expect("matters")
            .into_iter()
            .map(|(m, _)| m)
            .collect();
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
        app.close().await;
        t.cleanup().await;
    }
}

#[tokio::test]
async fn the_county_demo_surveys_resemble_the_2025_report() {
    use samverka_app::surveys::results::{ResultsFilter, of_round};
    use samverka_app::surveys::rounds;
    use samverka_core::surveys::results::Shown;
    for t in TestDb::all().await {
        let name = t.name();
        let app = app(&t, today());
        let ctx = &app.cli();
        load_county(&app).await.expect("load county");
        let uppsala = regions::find(ctx, "Region Uppsala").await.expect("uppsala").id;
        let overview = rounds::overview(ctx, uppsala).await.expect("rounds");
        let titles: Vec<&str> = overview.rounds.iter().map(|(r, ..)| r.title.as_str()).collect();
        for expected in [
            "Besöksenkät hösten 2025",
            "Besöksenkät hösten 2026",
            "Spindelmätning 2025",
            "Spindelmätning 2026",
            "Besöksenkät vintern 2026",
        ] {
            assert!(titles.contains(&expected), "{name}: {titles:?}");
        }
        let find = |title: &str| {
            overview
                .rounds
                .iter()
                .find(|(r, ..)| r.title == title)
                .map(|(r, _, _, n)| (r.id, *n))
                .expect("round")
        };
        let (coordinators, answered) = find("Styrning och ledning 2025: lokala samordnare");
        assert_eq!(answered, 15, "{name}");
        let view = rounds::view(ctx, coordinators).await.expect("round");
        let rate = view
            .rates
            .iter()
            .fold((0, 0), |(i, u), r| (i + r.invited, u + r.used));
        assert_eq!(rate, (18, 15), "{name}: 15 of 18 answered");

        let (management, answered) = find("Styrning och ledning 2025: lednings- och styrgrupper");
        assert_eq!(answered, 73, "{name}");
        let results = of_round(ctx, management, &ResultsFilter::default())
            .await
            .expect("results");
        let finance = results
            .questions
            .iter()
            .find(|q| q.key == "finance_clarity")
            .expect("finance");
        let Shown::Value(n) = finance.answered.clone() else {
            panic!("{name}: 27 answers are shown");
        };
        assert_eq!(n, 27, "{name}");
        let Some(Shown::Value(shares)) = finance.shares.clone() else {
            panic!("{name}: the shares are shown");
        };
        let percents: Vec<u32> = shares.rows.iter().map(|r| r.percent).collect();
        assert_eq!(percents, [4, 15, 33, 26, 22], "{name}: as the 2025 report");
        let passed = results
            .questions
            .iter()
            .find(|q| q.key == "goals_work")
            .map(|q| q.answered.clone());
        assert!(
            matches!(passed, Some(Shown::Value(n)) if (45..=51).contains(&n)),
            "{name}: only the 51 past the screening reach the last page: {passed:?}"
        );
        app.close().await;
        t.cleanup().await;
    }
}
