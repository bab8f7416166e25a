//! Governance signals on the signals page, the overview and the API; the
//! region's governance rules; matters to steering groups; introductions —
//! through the real server on SQLite and PostgreSQL.
//!
//! Every test builds its own governance through the store, on two centres
//! it creates itself (so nothing the demo data may hold about the demo
//! centres can get in the way): "Signalcentralen" with a steering group and a
//! management group, and "Tomma centralen" with nothing recorded.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/mod.rs"]
mod support;

use chrono::{Datelike, Duration, NaiveDate};
use samverka_core::governance::{
    Assignment, AssignmentKind, DecisionCategory, GroupKind, MatterStatus, MeetingStatus,
};
use samverka_core::{CentreInput, Grant, Role};
use samverka_store::groups::GroupInput;
use samverka_store::people::PersonInput;
use samverka_store::{Who, assignments, centres, groups, matters, meetings, people, regions};
use support::{COUNTY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp, page_text};

const CENTRE: &str = "Signalcentralen";
const EMPTY_CENTRE: &str = "Tomma centralen";
const COUNTY_PERSON: &str = "Lena Länssamordnare";
/// A county coordinator's account of the tests' own, linked to [`COUNTY_PERSON`].
const LENA: (&str, &str) = ("lena.lans@g3.test", "lansamordnare-g3");

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn last_year() -> i32 {
    today().year() - 1
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The governance the tests work on.
struct Fixture {
    region: i64,
    centre: i64,
    empty_centre: i64,
    steering: i64,
    management: i64,
    /// The person linked to [`LENA`]'s account.
    county_person: i64,
}

async fn fixture(app: &TestApp) -> Fixture {
    let db = &app.db;
    let who = Who::cli();
    let region = app.uppsala().await;
    let municipality = app.municipality("Uppsala").await;
    let centre_input = |name: &str| CentreInput {
        name: name.into(),
        municipality_id: municipality,
        address: None,
        opened_on: None,
        shared_opening_minutes: None,
    };
    let centre = centres::create(db, &who, region, &centre_input(CENTRE))
        .await
        .unwrap();
    let empty_centre = centres::create(db, &who, region, &centre_input(EMPTY_CENTRE))
        .await
        .unwrap();
    let steering = groups::create(
        db,
        &who,
        region,
        &GroupInput {
            kind: GroupKind::Steering,
            name: "Styrgrupp för Signalcentralen".into(),
            municipality_id: Some(municipality),
            reports_to: None,
            health_forum: false,
            centre_ids: vec![centre],
        },
    )
    .await
    .unwrap();
    let management = groups::create(
        db,
        &who,
        region,
        &GroupInput {
            kind: GroupKind::Management,
            name: "Ledningsgrupp Signalcentralen".into(),
            municipality_id: None,
            reports_to: Some(steering),
            health_forum: false,
            centre_ids: vec![centre],
        },
    )
    .await
    .unwrap();
    let county_user = app
        .add_account(
            LENA.0,
            Some(LENA.1),
            &[Grant {
                role: Role::CountyCoordinator,
                region_id: Some(region),
                centre_id: None,
            }],
        )
        .await;
    let county_person = people::create(
        db,
        &who,
        region,
        &PersonInput {
            name: COUNTY_PERSON.into(),
            email: Some("lena.lans@g3.test".into()),
            user_id: Some(county_user),
            ..PersonInput::default()
        },
    )
    .await
    .unwrap();
    Fixture {
        region,
        centre,
        empty_centre,
        steering,
        management,
        county_person,
    }
}

/// Records held meetings of a group on the given dates.
async fn held(app: &TestApp, group: i64, dates: &[NaiveDate]) {
    for d in dates {
        meetings::create(&app.db, &Who::cli(), group, *d, MeetingStatus::Held, None)
            .await
            .unwrap();
    }
}

/// Three meetings held in the previous year.
fn three_last_year() -> Vec<NaiveDate> {
    let y = last_year();
    vec![day(y, 2, 10), day(y, 5, 12), day(y, 9, 15)]
}

/// The part of a page from the element with this id to the end of its table row.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element {id}"));
    let end = html[at..].find("</tr>").map(|e| at + e).unwrap_or(html.len());
    &html[at..end]
}

/// The level a row shows for a signal (`data-signal="..." data-level="..."`).
fn level_in(row: &str, signal: &str) -> String {
    let key = format!("data-signal=\"{signal}\" data-level=\"");
    let at = row.find(&key).unwrap_or_else(|| panic!("no {signal} in {row}")) + key.len();
    row[at..at + row[at..].find('"').unwrap()].to_string()
}

const RED_REASON: &str = "Hållna möten under året: 3. Riktlinjen kräver minst 4.";

#[tokio::test]
async fn three_management_meetings_last_year_are_red_with_the_reason_and_four_are_green() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        held(&app, f.management, &three_last_year()).await;
        held(&app, f.steering, &[day(last_year(), 3, 1)]).await;
        let county = app.login(COUNTY).await;
        let year = last_year();

        let (status, html) = app
            .get(&county, &format!("/regions/{}/signals?year={year}", f.region))
            .await;
        assert_eq!(status, 200, "{b}");
        let line = row(&html, &format!("centre-{}", f.centre));
        assert_eq!(level_in(line, "management_meetings"), "red", "{b}");
        let words = page_text(line);
        assert!(words.contains("✗ Inte uppfyllt"), "{b}: {words}");
        assert!(words.contains(RED_REASON), "{b}: {words}");
        assert_eq!(level_in(line, "steering_meetings"), "green", "{b}");
        assert!(words.contains("✓ Uppfyllt"), "{b}: {words}");
        let group = page_text(row(&html, &format!("group-{}", f.management)));
        assert!(
            group.contains("Inte uppfyllt") && group.contains(RED_REASON),
            "{b}: {group}"
        );

        let (status, html) = app
            .get(&county, &format!("/regions/{}?year={year}", f.region))
            .await;
        assert_eq!(status, 200, "{b}");
        let line = row(&html, &format!("centre-{}", f.centre));
        assert_eq!(level_in(line, "management_meetings"), "red", "{b}");
        let words = page_text(line);
        assert!(
            words.contains(&format!("Inte uppfyllt. {RED_REASON}")),
            "{b}: {words}"
        );
        assert!(
            html.contains("<abbr title=\"Ledningsgruppen har hållit sina möten\">"),
            "{b}: header with its full name"
        );
        assert!(
            page_text(&html).contains("Teckenförklaring"),
            "{b}: the overview explains the symbols"
        );

        held(&app, f.management, &[day(year, 11, 20)]).await;
        let (_, html) = app
            .get(&county, &format!("/regions/{}/signals?year={year}", f.region))
            .await;
        let line = row(&html, &format!("centre-{}", f.centre));
        assert_eq!(level_in(line, "management_meetings"), "green", "{b}");
        assert!(
            page_text(line).contains("Hållna möten under året: 4. Riktlinjen kräver minst 4."),
            "{b}"
        );
        let (_, html) = app
            .get(&county, &format!("/regions/{}?year={year}", f.region))
            .await;
        assert_eq!(
            level_in(row(&html, &format!("centre-{}", f.centre)), "management_meetings"),
            "green",
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_centre_with_no_governance_recorded_cannot_be_assessed() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let reader = app.login(READER).await;
        let (status, html) = app.get(&reader, &format!("/regions/{}/signals", f.region)).await;
        assert_eq!(status, 200, "{b}");
        let line = row(&html, &format!("centre-{}", f.empty_centre));
        for signal in [
            "management_meetings",
            "steering_meetings",
            "coordinator_appointed",
            "chair_appointed",
            "minutes_published",
            "introductions_in_time",
            "matters_answered",
        ] {
            assert_eq!(level_in(line, signal), "unknown", "{b}: {signal}");
        }
        let words = page_text(line);
        assert!(words.contains("kan inte bedömas"), "{b}: {words}");
        assert!(
            !words.contains("Inte uppfyllt") && !words.contains("Uppfyllt"),
            "{b}: never a guess: {words}"
        );
        let (_, html) = app.get(&reader, &format!("/regions/{}", f.region)).await;
        let words = page_text(row(&html, &format!("centre-{}", f.empty_centre)));
        assert!(words.contains("kan inte bedömas"), "{b}: {words}");
        app.stop().await;
    }
}

#[tokio::test]
async fn lowering_the_minimum_to_three_meetings_turns_the_red_signal_green() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        held(&app, f.management, &three_last_year()).await;
        let county = app.login(COUNTY).await;
        let signals = format!("/regions/{}/signals?year={}", f.region, last_year());
        let (_, html) = app.get(&county, &signals).await;
        assert_eq!(
            level_in(row(&html, &format!("centre-{}", f.centre)), "management_meetings"),
            "red",
            "{b}"
        );

        let (status, html) = app.get(&county, &format!("/regions/{}/settings", f.region)).await;
        assert_eq!(status, 200, "{b}");
        assert!(page_text(&html).contains("Regler för styrningen"), "{b}");
        let path = format!("/regions/{}/settings/governance", f.region);
        let fields = |min: &'static str| {
            vec![
                ("min_management_meetings", min),
                ("min_steering_meetings", "1"),
                ("minutes_within_days", "14"),
                ("introduction_within_days", "90"),
                ("matter_within_days", "90"),
            ]
        };
        for bad in ["tre", "400", "-1", "2.5"] {
            let reply = app.submit(&county, &path, &fields(bad)).await;
            assert_eq!(reply.status, 422, "{b}: {bad}");
            assert!(
                page_text(&reply.body).contains("Skriv ett heltal från 0 till 365."),
                "{b}: {bad}"
            );
            assert!(
                reply.body.contains("href=\"#min_management_meetings\""),
                "{b}: the summary links to the field"
            );
        }
        let unchanged = regions::get(&app.db, f.region).await.unwrap().governance;
        assert_eq!(
            unchanged.min_management_meetings, 4,
            "{b}: nothing saved from a bad form"
        );

        let reader = app.login(READER).await;
        let reply = app.submit(&reader, &path, &fields("3")).await;
        assert_eq!(reply.status, 403, "{b}: a reader cannot change the rules");

        let reply = app.submit(&county, &path, &fields("3")).await;
        assert_eq!(reply.status, 303, "{b}: {}", reply.body);
        assert_eq!(
            reply.location.as_deref(),
            Some(format!("/regions/{}/settings", f.region).as_str()),
            "{b}"
        );
        let saved = regions::get(&app.db, f.region).await.unwrap().governance;
        assert_eq!(saved.min_management_meetings, 3, "{b}");
        let (_, html) = app.get(&county, &signals).await;
        let line = row(&html, &format!("centre-{}", f.centre));
        assert_eq!(level_in(line, "management_meetings"), "green", "{b}");
        assert!(page_text(line).contains("Riktlinjen kräver minst 3."), "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_matter_goes_from_draft_to_reported_back_one_dated_signed_step_at_a_time() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let county = app.login(LENA).await;
        let (status, html) = app
            .get(&county, &format!("/groups/{}/matters/new", f.management))
            .await;
        assert_eq!(status, 200, "{b}");
        assert!(
            html.contains(&format!("<option value=\"{}\" selected>", f.steering)),
            "{b}: its steering group is offered"
        );

        let new = format!("/groups/{}/matters/new", f.management);
        let reply = app
            .submit(
                &county,
                &new,
                &[("title", " "), ("to_group_id", &f.steering.to_string())],
            )
            .await;
        assert_eq!(reply.status, 422, "{b}: a matter needs a title");
        let reply = app
            .submit(
                &county,
                &new,
                &[
                    ("title", "Gemensam lokal"),
                    ("to_group_id", &f.management.to_string()),
                ],
            )
            .await;
        assert_eq!(reply.status, 422, "{b}: only a steering group can receive it");
        let reply = app
            .submit(
                &county,
                &new,
                &[
                    ("title", "Gemensam lokal för öppna förskolan"),
                    (
                        "body",
                        "Ledningsgruppen ber styrgruppen ta ställning till en gemensam lokal.",
                    ),
                    ("to_group_id", &f.steering.to_string()),
                ],
            )
            .await;
        assert_eq!(reply.status, 303, "{b}: {}", reply.body);
        let path = reply.location.unwrap();
        let id: i64 = path.trim_start_matches("/matters/").parse().unwrap();
        assert_eq!(
            matters::get(&app.db, id).await.unwrap().status,
            MatterStatus::Draft,
            "{b}"
        );
        let advance = format!("/matters/{id}/advance");

        let reply = app.submit(&county, &advance, &[("to", "submitted")]).await;
        assert_eq!(reply.status, 303, "{b}");

        let reply = app.submit(&county, &advance, &[("to", "decided")]).await;
        assert!(
            (400..500).contains(&reply.status),
            "{b}: skipping a step is refused, got {}",
            reply.status
        );
        let m = matters::get(&app.db, id).await.unwrap();
        assert_eq!(
            (m.status, m.steps.len()),
            (MatterStatus::Submitted, 2),
            "{b}: nothing changed"
        );

        let reader = app.login(READER).await;
        let reply = app.submit(&reader, &advance, &[("to", "on_agenda")]).await;
        assert_eq!(reply.status, 403, "{b}: a reader cannot move a matter");
        assert_eq!(
            matters::get(&app.db, id).await.unwrap().status,
            MatterStatus::Submitted,
            "{b}"
        );

        let reply = app.submit(&county, &advance, &[("to", "on_agenda")]).await;
        assert_eq!(reply.status, 303, "{b}");
        let reply = app.submit(&county, &advance, &[("to", "decided")]).await;
        assert_eq!(
            reply.status, 422,
            "{b}: deciding needs the steering group's decision"
        );
        assert_eq!(
            matters::get(&app.db, id).await.unwrap().status,
            MatterStatus::OnAgenda,
            "{b}"
        );

        let meeting = meetings::create(
            &app.db,
            &Who::cli(),
            f.steering,
            today(),
            MeetingStatus::Held,
            None,
        )
        .await
        .unwrap();
        let decision = meetings::add_decision(
            &app.db,
            &Who::cli(),
            meeting,
            DecisionCategory::MatterFromGroup,
            "Styrgruppen bifaller en gemensam lokal.",
            &[f.centre],
        )
        .await
        .unwrap();
        let (_, html) = app.get(&county, &path).await;
        assert!(
            page_text(&html).contains("Styrgruppen bifaller en gemensam lokal."),
            "{b}: the decision is offered"
        );
        let reply = app
            .submit(
                &county,
                &advance,
                &[("to", "decided"), ("decision_id", &decision.to_string())],
            )
            .await;
        assert_eq!(reply.status, 303, "{b}: {}", reply.body);
        let reply = app
            .submit(
                &county,
                &advance,
                &[
                    ("to", "reported_back"),
                    ("note", "Besked lämnat på ledningsgruppens möte."),
                ],
            )
            .await;
        assert_eq!(reply.status, 303, "{b}");
        let reply = app.submit(&county, &advance, &[("to", "reported_back")]).await;
        assert!(
            (400..500).contains(&reply.status),
            "{b}: there is no step after reporting back"
        );

        let m = matters::get(&app.db, id).await.unwrap();
        assert_eq!(m.status, MatterStatus::ReportedBack, "{b}");
        assert_eq!(m.decision_id, Some(decision), "{b}");
        assert_eq!(m.steps.len(), 5, "{b}");
        assert!(
            m.steps
                .iter()
                .all(|s| s.on == today() && s.person_id == Some(f.county_person)),
            "{b}: {:?}",
            m.steps
        );

        let (status, html) = app.get(&county, &path).await;
        assert_eq!(status, 200, "{b}");
        for (code, name) in [
            ("draft", "Utkast"),
            ("submitted", "Inskickat till styrgruppen"),
            ("on_agenda", "På dagordningen"),
            ("decided", "Beslutat"),
            ("reported_back", "Återrapporterat"),
        ] {
            let step = page_text(row(&html, &format!("step-{code}")));
            assert!(step.contains(name), "{b}: {step}");
            assert!(step.contains(&today().to_string()), "{b}: {step}");
            assert!(step.contains(COUNTY_PERSON), "{b}: {step}");
        }
        assert!(
            page_text(&html).contains("Besked lämnat på ledningsgruppens möte."),
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_matter_waiting_longer_than_ninety_days_is_flagged() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let who = Who::cli();
        let raise = |title: &'static str, sent: NaiveDate| {
            let db = app.db.clone();
            let who = who.clone();
            let (from, to, region) = (f.management, f.steering, f.region);
            async move {
                let mut tx = db.begin().await.unwrap();
                let id = matters::create_in(&mut tx, &who, region, Some(from), to, title, None, sent, None)
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
                matters::advance(&db, &who, id, MatterStatus::Submitted, sent, None, None)
                    .await
                    .unwrap();
                id
            }
        };
        let old = raise("Budget för hembesök", today() - Duration::days(100)).await;
        let fresh = raise("Öppettider i sommar", today() - Duration::days(10)).await;
        let reader = app.login(READER).await;
        let (status, html) = app.get(&reader, &format!("/regions/{}/matters", f.region)).await;
        assert_eq!(status, 200, "{b}");
        let old_row = page_text(row(&html, &format!("matter-{old}")));
        assert!(old_row.contains("⚠ Har väntat för länge"), "{b}: {old_row}");
        assert!(
            old_row.contains("100"),
            "{b}: the days waited are shown: {old_row}"
        );
        let fresh_row = page_text(row(&html, &format!("matter-{fresh}")));
        assert!(!fresh_row.contains("Har väntat för länge"), "{b}: {fresh_row}");
        assert!(fresh_row.contains("Inom tidsgränsen"), "{b}: {fresh_row}");
        let (_, html) = app.get(&reader, &format!("/matters/{old}")).await;
        assert!(
            page_text(&html).contains("Har väntat för länge"),
            "{b}: the matter's own page flags it too"
        );
        app.stop().await;
    }
}

fn assignment(
    person: i64,
    region: i64,
    kind: AssignmentKind,
    centre: Option<i64>,
    group: Option<i64>,
    from: NaiveDate,
) -> Assignment {
    Assignment {
        id: 0,
        person_id: person,
        kind,
        region_id: region,
        centre_id: centre,
        group_id: group,
        share_percent: None,
        paid_by: None,
        minutes_per_week: None,
        starts_on: from,
        ends_on: None,
    }
}

/// The part of the introductions page under a heading, to the end of its section.
fn section<'a>(html: &'a str, heading: &str) -> &'a str {
    let at = html
        .find(&format!(">{heading}</h2>"))
        .unwrap_or_else(|| panic!("no section {heading}"));
    let end = html[at..]
        .find("</section>")
        .map(|e| at + e)
        .unwrap_or(html.len());
    &html[at..end]
}

#[tokio::test]
async fn an_overdue_introduction_is_listed_for_the_county_until_a_session_is_recorded() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let db = &app.db;
        let who = Who::cli();
        let person = |name: &'static str| PersonInput {
            name: name.into(),
            ..PersonInput::default()
        };
        let member = people::create(db, &who, f.region, &person("Olle Ledamot"))
            .await
            .unwrap();
        let staff = people::create(db, &who, f.region, &person("Sara Medarbetare"))
            .await
            .unwrap();
        let started = today() - Duration::days(120);
        let seat = assignments::create(
            db,
            &who,
            &assignment(
                member,
                f.region,
                AssignmentKind::ManagementMember,
                None,
                Some(f.management),
                started,
            ),
        )
        .await
        .unwrap();
        assignments::create(
            db,
            &who,
            &assignment(
                staff,
                f.region,
                AssignmentKind::StaffMember,
                Some(f.centre),
                None,
                today(),
            ),
        )
        .await
        .unwrap();

        let county = app.login(LENA).await;
        let list = format!("/regions/{}/introductions", f.region);
        let (status, html) = app.get(&county, &list).await;
        assert_eq!(status, 200, "{b}");
        let county_part = page_text(section(&html, "Länssamordningen"));
        assert!(county_part.contains("Olle Ledamot"), "{b}: {county_part}");
        assert!(county_part.contains("⚠ Försenad"), "{b}: {county_part}");
        let due = (started + Duration::days(90)).to_string();
        assert!(
            county_part.contains(&due),
            "{b}: the due date is shown: {county_part}"
        );
        let local_part = page_text(section(&html, &format!("Lokal samordnare för {CENTRE}")));
        assert!(
            local_part.contains("Sara Medarbetare") && local_part.contains("Väntar"),
            "{b}: {local_part}"
        );
        assert!(!local_part.contains("Olle Ledamot"), "{b}");

        let new = format!("/regions/{}/introductions/new", f.region);
        let reader = app.login(READER).await;
        let (status, _) = app.get(&reader, &new).await;
        assert_eq!(status, 403, "{b}: a reader records no sessions");
        let local = app.login(LOCAL_SAVJA).await;
        let fields = |participant: String| {
            vec![
                ("held_on", today().to_string()),
                ("held_by", f.county_person.to_string()),
                ("title", "Introduktion för nya ledamöter".to_string()),
                ("participant", participant),
            ]
        };
        let reply = app
            .submit(&local, &new, &support::borrowed(&fields(seat.to_string())))
            .await;
        assert_eq!(
            reply.status, 422,
            "{b}: a local coordinator introduces only their own centres' staff"
        );

        let mut future = fields(seat.to_string());
        future[0].1 = (today() + Duration::days(3)).to_string();
        let reply = app.submit(&county, &new, &support::borrowed(&future)).await;
        assert_eq!(
            reply.status, 422,
            "{b}: a session cannot be recorded ahead of time"
        );
        let reply = app
            .submit(
                &county,
                &new,
                &[("held_on", &today().to_string()), ("title", "Tom")],
            )
            .await;
        assert_eq!(reply.status, 422, "{b}: a session needs participants");
        assert!(
            page_text(&reply.body).contains("Välj minst ett alternativ."),
            "{b}"
        );

        let (status, html) = app.get(&county, &new).await;
        assert_eq!(status, 200, "{b}");
        assert!(
            html.contains(&format!("value=\"{seat}\"")),
            "{b}: the overdue assignment can be chosen"
        );
        let reply = app
            .submit(&county, &new, &support::borrowed(&fields(seat.to_string())))
            .await;
        assert_eq!(reply.status, 303, "{b}: {}", reply.body);

        let (_, html) = app.get(&county, &list).await;
        assert!(
            !page_text(&html).contains("Olle Ledamot"),
            "{b}: introduced, so no longer listed"
        );
        assert!(
            page_text(&html).contains("Introduktion för nya ledamöter"),
            "{b}: the session is listed"
        );
        assert!(
            page_text(&html).contains("Sara Medarbetare"),
            "{b}: the staff member still waits"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_api_gives_the_same_signals_and_keeps_people_within_their_region() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        held(&app, f.management, &three_last_year()).await;
        let year = last_year();
        let token = app.token(COUNTY.0).await;
        let (status, json) = app
            .api_get(
                &token,
                &format!("/api/v1/signals?region={}&year={year}", f.region),
            )
            .await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(json["year"], year, "{b}");
        let entry = json["signals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["centre_id"] == f.centre)
            .expect("the centre");
        let mg = &entry["signals"][0];
        assert_eq!(mg["kind"], "management_meetings", "{b}");
        assert_eq!(mg["level"], "red", "{b}");
        assert_eq!(mg["reason_code"], "meetings", "{b}");
        assert_eq!(mg["reason"], RED_REASON, "{b}");

        let county = app.login(COUNTY).await;
        let (_, html) = app
            .get(&county, &format!("/regions/{}/signals?year={year}", f.region))
            .await;
        let line = row(&html, &format!("centre-{}", f.centre));
        for s in entry["signals"].as_array().unwrap() {
            let kind = s["kind"].as_str().unwrap();
            assert_eq!(
                s["level"].as_str().unwrap(),
                level_in(line, kind),
                "{b}: {kind} as on the page"
            );
        }
        let empty = json["signals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["centre_id"] == f.empty_centre)
            .expect("the empty centre");
        assert!(
            empty["signals"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["level"] == "unknown"),
            "{b}: {empty}"
        );

        let (status, _) = app.api(reqwest::Method::GET, "/api/v1/people", None, None).await;
        assert_eq!(status, 401, "{b}");

        let (status, json) = app
            .api_get(&token, &format!("/api/v1/people?region={}", f.region))
            .await;
        assert_eq!(status, 200, "{b}");
        let lena = json["people"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == COUNTY_PERSON)
            .expect("the county's own person");
        assert_eq!(
            lena["email"], "lena.lans@g3.test",
            "{b}: contact details for those who may read the region"
        );
        assert_eq!(
            json["meta"]["total"],
            json["people"].as_array().unwrap().len(),
            "{b}"
        );

        let other = app.token(OTHER_COUNTY.0).await;
        for path in [
            format!("/api/v1/people?region={}", f.region),
            "/api/v1/people".to_string(),
        ] {
            let (status, json) = app.api_get(&other, &path).await;
            assert!(status == 200 || status == 403, "{b}: {path} {status}");
            let leaked: Vec<_> = json["people"]
                .as_array()
                .map(|l| l.iter().filter(|p| p["region_id"] == f.region).collect())
                .unwrap_or_default();
            assert!(leaked.is_empty(), "{b}: {path} leaks {leaked:?}");
            assert!(!json.to_string().contains(COUNTY_PERSON), "{b}: {path}");
        }
        let (_, json) = app
            .api_get(&other, &format!("/api/v1/signals?region={}", f.region))
            .await;
        assert_eq!(json["meta"]["total"], 0, "{b}: no signals of another region");
        let (_, json) = app
            .api_get(&other, &format!("/api/v1/matters?region={}", f.region))
            .await;
        assert_eq!(json["meta"]["total"], 0, "{b}");

        for path in [
            "/api/v1/assignments",
            "/api/v1/groups",
            "/api/v1/meetings",
            "/api/v1/decisions",
            "/api/v1/matters",
            "/api/v1/introductions",
        ] {
            let (status, json) = app.api_get(&token, &format!("{path}?region={}", f.region)).await;
            assert_eq!(status, 200, "{b}: {path} {json}");
            assert!(json["meta"]["total"].is_u64(), "{b}: {path}");
        }
        let (_, json) = app
            .api_get(&token, &format!("/api/v1/meetings?group={}", f.management))
            .await;
        assert_eq!(json["meta"]["total"], 3, "{b}");
        let (status, _) = app
            .api_get(&other, &format!("/api/v1/meetings?group={}", f.management))
            .await;
        assert_eq!(status, 403, "{b}: another region's group");
        let (status, _) = app.api_get(&token, "/api/v1/decisions?category=whatever").await;
        assert_eq!(status, 422, "{b}");
        app.stop().await;
    }
}
