//! Governance signals (*signaler*) on the signals page, the overview and
//! the API, and the region's governance rules that set their thresholds.

use samverka_store::registry::regions;

use crate::support::builders::day;
use crate::support::fixtures::{COUNTY_PERSON, SignalCentre, last_year, three_last_year};
use crate::support::html::{level_in, row_with_id};
use crate::support::{COUNTY, OTHER_COUNTY, READER, TestApp, page_text};

/// Why three management meetings a year are not enough.
const RED_REASON: &str = "Möten hållna med ledamöterna: 3 av 4 som krävs.";

#[tokio::test]
async fn three_management_meetings_last_year_are_red_with_the_reason_and_four_are_green() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SignalCentre::build(&app).await;
        app.held(f.management, &three_last_year(&app)).await;
        app.held(f.steering, &[day(last_year(&app), 3, 1)]).await;
        let county = app.login(COUNTY).await;
        let year = last_year(&app);

        let (status, html) = app
            .get(&county, &format!("/regions/{}/signals?year={year}", f.region))
            .await;
        assert_eq!(status, 200, "{b}");
        let line = row_with_id(&html, &format!("centre-{}", f.centre));
        assert_eq!(level_in(line, "management_meetings"), "red", "{b}");
        let words = page_text(line);
        assert!(words.contains("✗ Inte uppfyllt"), "{b}: {words}");
        assert!(words.contains(RED_REASON), "{b}: {words}");
        assert_eq!(level_in(line, "steering_meetings"), "green", "{b}");
        assert!(words.contains("✓ Uppfyllt"), "{b}: {words}");
        let group = page_text(row_with_id(&html, &format!("group-{}", f.management)));
        assert!(
            group.contains("Inte uppfyllt") && group.contains(RED_REASON),
            "{b}: {group}"
        );

        let (status, html) = app
            .get(&county, &format!("/regions/{}?year={year}", f.region))
            .await;
        assert_eq!(status, 200, "{b}");
        let line = row_with_id(&html, &format!("centre-{}", f.centre));
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

        app.held(f.management, &[day(year, 11, 20)]).await;
        let (_, html) = app
            .get(&county, &format!("/regions/{}/signals?year={year}", f.region))
            .await;
        let line = row_with_id(&html, &format!("centre-{}", f.centre));
        assert_eq!(level_in(line, "management_meetings"), "green", "{b}");
        assert!(
            page_text(line).contains("Möten hållna med ledamöterna: 4 av 4 som krävs."),
            "{b}"
        );
        let (_, html) = app
            .get(&county, &format!("/regions/{}?year={year}", f.region))
            .await;
        assert_eq!(
            level_in(
                row_with_id(&html, &format!("centre-{}", f.centre)),
                "management_meetings"
            ),
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
        let f = SignalCentre::build(&app).await;
        let reader = app.login(READER).await;
        let (status, html) = app.get(&reader, &format!("/regions/{}/signals", f.region)).await;
        assert_eq!(status, 200, "{b}");
        let line = row_with_id(&html, &format!("centre-{}", f.empty_centre));
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
        let words = page_text(row_with_id(&html, &format!("centre-{}", f.empty_centre)));
        assert!(words.contains("kan inte bedömas"), "{b}: {words}");
        app.stop().await;
    }
}

#[tokio::test]
async fn lowering_the_minimum_to_three_meetings_turns_the_red_signal_green() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SignalCentre::build(&app).await;
        app.held(f.management, &three_last_year(&app)).await;
        let county = app.login(COUNTY).await;
        let signals = format!("/regions/{}/signals?year={}", f.region, last_year(&app));
        let (_, html) = app.get(&county, &signals).await;
        assert_eq!(
            level_in(
                row_with_id(&html, &format!("centre-{}", f.centre)),
                "management_meetings"
            ),
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
                ("management_quorum", "1"),
                ("min_coordinator_percent", "20"),
                ("chair_one_year", "on"),
                ("chair_rotates", "on"),
                ("minutes_within_days", "0"),
                ("introduction_within_days", "90"),
                ("matter_within_days", "90"),
                ("introducer_coordinator", "county_coordination"),
                ("introducer_manager", "county_coordination"),
                ("introducer_steering", "county_coordination"),
                ("introducer_staff", "local_coordinator"),
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
        let unchanged = regions::get(&mut *app.conn().await, f.region)
            .await
            .unwrap()
            .governance;
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
        let saved = regions::get(&mut *app.conn().await, f.region)
            .await
            .unwrap()
            .governance;
        assert_eq!(saved.min_management_meetings, 3, "{b}");
        let (_, html) = app.get(&county, &signals).await;
        let line = row_with_id(&html, &format!("centre-{}", f.centre));
        assert_eq!(level_in(line, "management_meetings"), "green", "{b}");
        assert!(
            page_text(line).contains("Möten hållna med ledamöterna: 3 av 3 som krävs."),
            "{b}"
        );
        // The region turned its own minutes rule off: the column is gone,
        // and the page says which thresholds are the region's own choice.
        assert_eq!(saved.minutes_within_days, 0, "{b}");
        assert!(!line.contains("data-signal=\"minutes_published\""), "{b}");
        assert!(
            page_text(&html).contains("är regionens eget val, inte riktlinjens"),
            "{b}: the source of each threshold is shown"
        );
        assert!(page_text(&html).contains("Kravet står i riktlinjen."), "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_api_gives_the_same_signals_and_keeps_people_within_their_region() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SignalCentre::build(&app).await;
        app.held(f.management, &three_last_year(&app)).await;
        let year = last_year(&app);
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
        assert!(
            mg["reason"].as_str().unwrap().starts_with(RED_REASON),
            "{b}: {mg}"
        );

        let county = app.login(COUNTY).await;
        let (_, html) = app
            .get(&county, &format!("/regions/{}/signals?year={year}", f.region))
            .await;
        let line = row_with_id(&html, &format!("centre-{}", f.centre));
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

#[tokio::test]
async fn a_meeting_nobody_attended_does_not_count_and_a_municipality_without_a_steering_group_is_red() {
    use samverka_core::governance::{AttendanceStatus, GroupKind, MeetingStatus};

    use crate::support::builders::{GroupBuilder, centre, group};

    for app in TestApp::all().await {
        let b = app.backend();
        let f = SignalCentre::build(&app).await;
        let year = last_year(&app);
        app.held(f.management, &three_last_year(&app)).await;
        app.held(f.steering, &[day(year, 3, 1)]).await;
        let alvkarleby = app.municipality("Älvkarleby").await;
        let mut seed = app.seed().await;
        // A fourth meeting, at which the only member recorded stayed away.
        let empty = seed
            .meeting(f.management, day(year, 11, 20), MeetingStatus::Held, None)
            .await
            .unwrap();
        seed.attendance(empty, &[(f.county_person, AttendanceStatus::Absent)])
            .await
            .unwrap();
        // A centre with a management group in a municipality that has no steering group.
        let lone = seed
            .centre(f.region, &centre("Ensamma centralen", alvkarleby))
            .await
            .unwrap();
        let lone_group = seed
            .group(
                f.region,
                &group(GroupKind::Management, "Ledningsgrupp Ensamma centralen").governing(&[lone]),
            )
            .await
            .unwrap();
        seed.meeting(lone_group, day(year, 4, 2), MeetingStatus::Held, None)
            .await
            .unwrap();
        seed.commit().await.unwrap();

        let county = app.login(COUNTY).await;
        let (status, html) = app
            .get(&county, &format!("/regions/{}/signals?year={year}", f.region))
            .await;
        assert_eq!(status, 200, "{b}");
        let line = row_with_id(&html, &format!("centre-{}", f.centre));
        assert_eq!(level_in(line, "management_meetings"), "red", "{b}");
        let words = page_text(line);
        assert!(words.contains(RED_REASON), "{b}: {words}");
        assert!(
            words.contains("Ett möte räknas inte, eftersom för få ledamöter var med."),
            "{b}: {words}"
        );

        let line = row_with_id(&html, &format!("centre-{lone}"));
        assert_eq!(level_in(line, "steering_meetings"), "red", "{b}");
        assert!(
            page_text(line).contains("Kommunen har ingen styrgrupp som styr familjecentralen."),
            "{b}"
        );
        let notice = page_text(&html);
        assert!(
            notice.contains("Kommuner med familjecentraler men utan styrgrupp: Älvkarleby"),
            "{b}: {notice}"
        );
        // A year that has not begun cannot be assessed: never red.
        let (_, html) = app
            .get(
                &county,
                &format!("/regions/{}/signals?year={}", f.region, year + 2),
            )
            .await;
        let line = row_with_id(&html, &format!("centre-{}", f.centre));
        assert_eq!(level_in(line, "management_meetings"), "unknown", "{b}");
        assert_eq!(level_in(line, "steering_meetings"), "unknown", "{b}");
        app.stop().await;
    }
}
