//! HTTP tests of the governance pages for people, assignments and groups,
//! "Vem beslutar?", the county contact list (CSV and XLSX) and the GDPR
//! export and erasure — on SQLite and, when it answers, PostgreSQL.
//!
//! The demo county has no governance data of its own here: each test builds
//! what it needs through the store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/mod.rs"]
mod support;

use chrono::{Datelike, Duration, NaiveDate};
use samverka_core::PrincipalKind;
use samverka_core::governance::{Assignment, AssignmentKind, GroupKind};
use samverka_store::groups::GroupInput;
use samverka_store::people::PersonInput;
use samverka_store::{Who, assignments, centres, groups, people};
use support::{COUNTY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp, page_text};

/// The governance of a test centre of its own (so that whatever governance
/// the demo county holds does not matter), built through the store.
struct Fixture {
    region: i64,
    /// Sävja familjecentral (the demo local coordinator's centre).
    savja: i64,
    /// A Heby centre (not theirs).
    heby: i64,
    /// The test centre with the whole chain.
    home: i64,
    /// A test centre with no governance at all.
    empty: i64,
    management: i64,
    steering: i64,
    /// Management group member (Region Uppsala).
    anna: i64,
    /// Her seat in the management group.
    anna_seat: i64,
    /// This year's chair of the management group.
    bo: i64,
    /// Steering group member.
    cecilia: i64,
    /// Local coordinator of Sävja, 50 %.
    dora: i64,
    /// County coordinator.
    eva: i64,
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn person(name: &str, email: &str, employer: &str, kind: PrincipalKind) -> PersonInput {
    PersonInput {
        name: name.into(),
        email: Some(email.into()),
        phone: Some("018-611 00 00".into()),
        profession: Some("chef".into()),
        employer_kind: Some(kind),
        employer_name: Some(employer.into()),
        unit_id: None,
        user_id: None,
    }
}

fn seat(
    person_id: i64,
    kind: AssignmentKind,
    region: i64,
    group: Option<i64>,
    centre: Option<i64>,
) -> Assignment {
    Assignment {
        id: 0,
        person_id,
        kind,
        region_id: region,
        centre_id: centre,
        group_id: group,
        share_percent: None,
        paid_by: None,
        minutes_per_week: None,
        starts_on: today() - Duration::days(200),
        ends_on: None,
    }
}

async fn fixture(app: &TestApp) -> Fixture {
    let db = &app.db;
    let who = Who::cli();
    let region = app.uppsala().await;
    let savja = app.centre("Sävja familjecentral").await;
    let heby = app.centre("Familjecentralen i Heby").await;
    let uppsala_kommun = centres::get(db, savja).await.unwrap().municipality_id;
    let new_centre = |name: &'static str| async move {
        let input = samverka_core::CentreInput {
            name: name.into(),
            municipality_id: uppsala_kommun,
            address: None,
            opened_on: None,
            shared_opening_minutes: None,
        };
        centres::create(db, &Who::cli(), region, &input).await.unwrap()
    };
    let home = new_centre("Testgårdens familjecentral").await;
    let empty = new_centre("Tomtebo testcentral").await;
    let steering = groups::create(
        db,
        &who,
        region,
        &GroupInput {
            kind: GroupKind::Steering,
            name: "Styrgrupp Testgården".into(),
            municipality_id: Some(uppsala_kommun),
            reports_to: None,
            health_forum: true,
            centre_ids: vec![home],
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
            name: "Ledningsgrupp Testgården".into(),
            municipality_id: None,
            reports_to: Some(steering),
            health_forum: false,
            centre_ids: vec![home],
        },
    )
    .await
    .unwrap();
    let county_group = groups::create(
        db,
        &who,
        region,
        &GroupInput {
            kind: GroupKind::CountySteering,
            name: "Länets styrgrupp Testgården".into(),
            municipality_id: None,
            reports_to: None,
            health_forum: false,
            centre_ids: vec![],
        },
    )
    .await
    .unwrap();
    let add = |p: PersonInput| async move { people::create(db, &Who::cli(), region, &p).await.unwrap() };
    let anna = add(person(
        "Anna Ledare",
        "anna.ledare@example.se",
        "Region Uppsala",
        PrincipalKind::Region,
    ))
    .await;
    let bo = add(person(
        "Bo Ordförande",
        "bo.ordforande@example.se",
        "Uppsala kommun",
        PrincipalKind::Municipality,
    ))
    .await;
    let cecilia = add(person(
        "Cecilia Styr",
        "cecilia.styr@example.se",
        "Uppsala kommun",
        PrincipalKind::Municipality,
    ))
    .await;
    let dora = add(person(
        "Dora Samordnare",
        "dora.s@example.se",
        "Uppsala kommun",
        PrincipalKind::Municipality,
    ))
    .await;
    let eva = add(person(
        "Eva Länsson",
        "eva.lan@example.se",
        "Region Uppsala",
        PrincipalKind::Region,
    ))
    .await;
    let county_member = add(person(
        "Gunnar Länsstyr",
        "gunnar@example.se",
        "Region Uppsala",
        PrincipalKind::Region,
    ))
    .await;

    let anna_seat = assignments::create(
        db,
        &who,
        &seat(
            anna,
            AssignmentKind::ManagementMember,
            region,
            Some(management),
            None,
        ),
    )
    .await
    .unwrap();
    let year = today().year();
    let mut chair = seat(
        bo,
        AssignmentKind::ManagementChair,
        region,
        Some(management),
        None,
    );
    chair.starts_on = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    chair.ends_on = NaiveDate::from_ymd_opt(year, 12, 31);
    assignments::create(db, &who, &chair).await.unwrap();
    assignments::create(
        db,
        &who,
        &seat(
            bo,
            AssignmentKind::ManagementMember,
            region,
            Some(management),
            None,
        ),
    )
    .await
    .unwrap();
    assignments::create(
        db,
        &who,
        &seat(
            cecilia,
            AssignmentKind::SteeringMember,
            region,
            Some(steering),
            None,
        ),
    )
    .await
    .unwrap();
    let mut coordinator = seat(dora, AssignmentKind::LocalCoordinator, region, None, Some(home));
    coordinator.share_percent = Some(50);
    coordinator.paid_by = Some("Uppsala kommun".into());
    assignments::create(db, &who, &coordinator).await.unwrap();
    let mut county = seat(eva, AssignmentKind::CountyCoordinator, region, None, None);
    county.share_percent = Some(100);
    county.paid_by = Some("Region Uppsala".into());
    assignments::create(db, &who, &county).await.unwrap();
    assignments::create(
        db,
        &who,
        &seat(
            county_member,
            AssignmentKind::CountySteeringMember,
            region,
            Some(county_group),
            None,
        ),
    )
    .await
    .unwrap();
    Fixture {
        region,
        savja,
        heby,
        home,
        empty,
        management,
        steering,
        anna,
        anna_seat,
        bo,
        cecilia,
        dora,
        eva,
    }
}

/// GETs a path and returns status, content type, content disposition and the body's bytes.
async fn download(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String, String, Vec<u8>) {
    let res = client.get(app.url(path)).send().await.unwrap();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (ct, cd) = (header("content-type"), header("content-disposition"));
    let status = res.status().as_u16();
    (status, ct, cd, res.bytes().await.unwrap().to_vec())
}

/// The lines of a CSV download, without the byte-order mark.
fn csv_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn the_people_list_is_readable_in_the_region_and_closed_to_other_regions() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let path = format!("/regions/{}/people", f.region);
        for who in [READER, COUNTY] {
            let c = app.login(who).await;
            let (status, body) = app.get(&c, &path).await;
            assert_eq!(
                status,
                200,
                "{} reads the people list on {}",
                who.0,
                app.backend()
            );
            let text = page_text(&body);
            assert!(
                text.contains("Anna Ledare"),
                "names are listed on {}",
                app.backend()
            );
            assert!(
                text.contains("anna.ledare@example.se"),
                "contact details are listed on {}",
                app.backend()
            );
            assert!(
                text.contains("Ledningsgrupp Testgården"),
                "where each assignment is held on {}",
                app.backend()
            );
        }
        let reader = app.login(READER).await;
        let (_, body) = app.get(&reader, &format!("{path}?kind=steering_member")).await;
        let text = page_text(&body);
        assert!(
            text.contains("Cecilia Styr"),
            "the filter keeps steering members on {}",
            app.backend()
        );
        assert!(
            !text.contains("Anna Ledare"),
            "the filter hides others on {}",
            app.backend()
        );

        let other = app.login(OTHER_COUNTY).await;
        for p in [
            path.clone(),
            format!("/people/{}", f.anna),
            format!("/regions/{}/groups", f.region),
        ] {
            let (status, _) = app.get(&other, &p).await;
            assert_eq!(
                status,
                403,
                "another region's coordinator is refused {p} on {}",
                app.backend()
            );
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_reader_cannot_create_or_edit_people() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let reader = app.login(READER).await;
        let new = format!("/regions/{}/people/new", f.region);
        let edit = format!("/people/{}/edit", f.anna);
        assert_eq!(
            app.get(&reader, &new).await.0,
            403,
            "new form on {}",
            app.backend()
        );
        assert_eq!(
            app.get(&reader, &edit).await.0,
            403,
            "edit form on {}",
            app.backend()
        );
        let (status, _, _) = app.post_form(&reader, &new, &[("name", "Smygaren")]).await;
        assert_eq!(status, 403, "create on {}", app.backend());
        let (status, _, _) = app.post_form(&reader, &edit, &[("name", "Ändrad")]).await;
        assert_eq!(status, 403, "update on {}", app.backend());
        let local = app.login(LOCAL_SAVJA).await;
        let (status, _, _) = app.post_form(&local, &new, &[("name", "Smygaren")]).await;
        assert_eq!(
            status,
            403,
            "a local coordinator does not keep the registry on {}",
            app.backend()
        );
        let names: Vec<String> = people::list(&app.db, f.region)
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert!(
            !names.iter().any(|n| n == "Smygaren" || n == "Ändrad"),
            "nothing stored on {}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_person_without_a_name_is_refused_in_swedish_and_nothing_is_stored() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;
        let before = people::list(&app.db, f.region).await.unwrap().len();
        let path = format!("/regions/{}/people/new", f.region);
        let (status, _, body) = app
            .post_form(
                &county,
                &path,
                &[("name", "  "), ("email", "inte-en-adress"), ("phone", "ring mig")],
            )
            .await;
        assert_eq!(status, 422, "on {}", app.backend());
        let text = page_text(&body);
        assert!(
            text.contains("Något behöver rättas"),
            "error summary on {}",
            app.backend()
        );
        assert!(
            text.contains("Fyll i fältet."),
            "the name is required on {}",
            app.backend()
        );
        assert!(
            text.contains("Skriv en giltig e-postadress."),
            "the e-mail is checked on {}",
            app.backend()
        );
        assert!(
            text.contains("Skriv ett telefonnummer med siffror"),
            "the phone is checked on {}",
            app.backend()
        );
        assert!(
            body.contains("href=\"#name\""),
            "the summary links to the field on {}",
            app.backend()
        );
        assert_eq!(
            people::list(&app.db, f.region).await.unwrap().len(),
            before,
            "on {}",
            app.backend()
        );

        let (status, location, _) = app
            .post_form(
                &county,
                &path,
                &[
                    ("name", "Hanna Ny"),
                    ("email", "hanna.ny@example.se"),
                    ("phone", "070-123 45 67"),
                    ("profession", "barnmorska"),
                    ("employer_kind", "region"),
                    ("employer_name", "Region Uppsala"),
                ],
            )
            .await;
        assert_eq!(status, 303, "a valid person is stored on {}", app.backend());
        let stored = people::list(&app.db, f.region).await.unwrap();
        let hanna = stored.iter().find(|p| p.name == "Hanna Ny").expect("stored");
        assert_eq!(
            location.as_deref(),
            Some(format!("/people/{}", hanna.id).as_str())
        );
        assert_eq!(hanna.employer_kind, Some(PrincipalKind::Region));
        app.stop().await;
    }
}

#[tokio::test]
async fn the_assignment_history_keeps_ended_assignments() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;
        let end = format!("/assignments/{}/end", f.anna_seat);
        let too_early = (today() - Duration::days(400)).to_string();
        let (status, _, body) = app.post_form(&county, &end, &[("ends_on", &too_early)]).await;
        assert_eq!(
            status,
            422,
            "an end before the start is refused on {}",
            app.backend()
        );
        assert!(
            page_text(&body).contains("Sista dagen kan inte vara före första dagen."),
            "on {}",
            app.backend()
        );

        let yesterday = (today() - Duration::days(1)).to_string();
        let (status, _, _) = app.post_form(&county, &end, &[("ends_on", &yesterday)]).await;
        assert_eq!(status, 303, "on {}", app.backend());
        let (status, _, _) = app
            .post_form(
                &county,
                &format!("/people/{}/assignments/new", f.anna),
                &[
                    ("kind", "steering_member"),
                    ("group_id", &f.steering.to_string()),
                    ("starts_on", &today().to_string()),
                ],
            )
            .await;
        assert_eq!(status, 303, "a new assignment is added on {}", app.backend());

        let history = assignments::of_person(&app.db, f.anna).await.unwrap();
        assert_eq!(history.len(), 2, "nothing is overwritten on {}", app.backend());
        assert_eq!(history[0].ends_on.map(|d| d.to_string()), Some(yesterday.clone()));
        let (_, body) = app.get(&county, &format!("/people/{}", f.anna)).await;
        let text = page_text(&body);
        let ended_at = text.find("Avslutade uppdrag").expect("ended section");
        assert!(
            text[ended_at..].contains("Ledningsgrupp Testgården"),
            "the ended seat is shown on {}",
            app.backend()
        );
        assert!(
            text[ended_at..].contains(&yesterday),
            "with its end date on {}",
            app.backend()
        );
        let current = &text[..ended_at];
        assert!(
            current.contains("Styrgrupp Testgården"),
            "the new seat is current on {}",
            app.backend()
        );
        assert!(
            current.contains("Inte introducerad än"),
            "a new seat waits for its introduction on {}",
            app.backend()
        );

        let (_, body) = app.get(&county, &format!("/groups/{}", f.management)).await;
        let text = page_text(&body);
        let past_at = text.find("Tidigare ledamöter").expect("past section");
        assert!(
            text[past_at..].contains("Anna Ledare"),
            "the group shows its former member on {}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_local_coordinator_adds_staff_at_their_own_centre_only() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let worker = people::create(
            &app.db,
            &Who::cli(),
            f.region,
            &person(
                "Ida Medarbetare",
                "ida@example.se",
                "Uppsala kommun",
                PrincipalKind::Municipality,
            ),
        )
        .await
        .unwrap();
        let local = app.login(LOCAL_SAVJA).await;
        let path = format!("/people/{worker}/assignments/new");
        let (status, body) = app.get(&local, &path).await;
        assert_eq!(status, 200, "on {}", app.backend());
        assert!(
            body.contains("Sävja familjecentral"),
            "their centre is offered on {}",
            app.backend()
        );
        assert!(
            !body.contains("Familjecentralen i Heby"),
            "other centres are not on {}",
            app.backend()
        );

        let start = today().to_string();
        let (status, _, _) = app
            .post_form(
                &local,
                &path,
                &[
                    ("kind", "staff_member"),
                    ("centre_id", &f.heby.to_string()),
                    ("starts_on", &start),
                ],
            )
            .await;
        assert_eq!(status, 403, "staff at another centre on {}", app.backend());
        let (status, _, _) = app
            .post_form(
                &local,
                &path,
                &[
                    ("kind", "management_member"),
                    ("group_id", &f.management.to_string()),
                    ("starts_on", &start),
                ],
            )
            .await;
        assert_eq!(status, 403, "a management seat on {}", app.backend());
        assert!(
            assignments::of_person(&app.db, worker).await.unwrap().is_empty(),
            "on {}",
            app.backend()
        );

        let (status, _, _) = app
            .post_form(
                &local,
                &path,
                &[
                    ("kind", "staff_member"),
                    ("centre_id", &f.savja.to_string()),
                    ("hours_per_week", "12,5"),
                    ("starts_on", &start),
                ],
            )
            .await;
        assert_eq!(status, 303, "staff at their own centre on {}", app.backend());
        let stored = assignments::of_person(&app.db, worker).await.unwrap();
        assert_eq!(stored.len(), 1, "on {}", app.backend());
        assert_eq!(stored[0].kind, AssignmentKind::StaffMember);
        assert_eq!(stored[0].centre_id, Some(f.savja));
        assert_eq!(stored[0].minutes_per_week, Some(750));

        let (status, _, _) = app
            .post_form(
                &local,
                &format!("/assignments/{}/end", stored[0].id),
                &[("ends_on", &start)],
            )
            .await;
        assert_eq!(
            status,
            303,
            "they end their own staff's assignment on {}",
            app.backend()
        );
        let (status, _, _) = app
            .post_form(
                &local,
                &format!("/assignments/{}/end", f.anna_seat),
                &[("ends_on", &start)],
            )
            .await;
        assert_eq!(status, 403, "but not a management seat on {}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn who_decides_shows_the_chain_with_contact_details() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let reader = app.login(READER).await;
        let (status, body) = app.get(&reader, &format!("/centres/{}/governance", f.home)).await;
        assert_eq!(status, 200, "on {}", app.backend());
        let text = page_text(&body);
        let year = today().year();
        let management_at = text
            .find("Ledningsgrupp Testgården")
            .expect("management group named");
        let steering_at = text.find("Styrgrupp Testgården").expect("steering group named");
        assert!(
            management_at < steering_at,
            "the chain goes upwards on {}",
            app.backend()
        );
        let management = &text[management_at..steering_at];
        assert!(management.contains("Anna Ledare"), "members on {}", app.backend());
        assert!(
            management.contains("anna.ledare@example.se"),
            "with e-mail on {}",
            app.backend()
        );
        assert!(
            management.contains("Region Uppsala"),
            "with employer on {}",
            app.backend()
        );
        assert!(
            management.contains(&format!("Ordförande {year}: Bo Ordförande")),
            "this year's chair on {}: {management}",
            app.backend()
        );
        let steering = &text[steering_at..];
        assert!(
            steering.contains("Cecilia Styr"),
            "steering members on {}",
            app.backend()
        );
        assert!(
            steering.contains("cecilia.styr@example.se"),
            "with e-mail on {}",
            app.backend()
        );
        assert!(
            steering.contains("Forum för hälsa och vård som styrgrupp"),
            "the forum mark on {}",
            app.backend()
        );
        assert!(
            text.contains("Dora Samordnare"),
            "the local coordinator on {}",
            app.backend()
        );
        assert!(
            text.contains("50 % av heltid"),
            "with the share of post on {}",
            app.backend()
        );
        assert!(
            text.contains("Eva Länsson"),
            "the county coordinator on {}",
            app.backend()
        );
        assert!(
            text.contains("Gunnar Länsstyr"),
            "the county steering group on {}",
            app.backend()
        );

        let (status, body) = app
            .get(&reader, &format!("/centres/{}/governance", f.empty))
            .await;
        assert_eq!(status, 200, "on {}", app.backend());
        let text = page_text(&body);
        assert!(
            text.contains("Ingen ledningsgrupp är registrerad"),
            "a missing link is explained on {}",
            app.backend()
        );
        assert!(text.contains("uppgift saknas"), "on {}", app.backend());

        let (_, centre_page) = app.get(&reader, &format!("/centres/{}", f.home)).await;
        assert!(
            centre_page.contains(&format!("href=\"/centres/{}/governance\"", f.home)),
            "the centre page links to it on {}",
            app.backend()
        );
        let other = app.login(OTHER_COUNTY).await;
        let (status, _) = app.get(&other, &format!("/centres/{}/governance", f.home)).await;
        assert_eq!(status, 403, "on {}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn the_contact_list_has_a_row_per_seat_and_filters_by_group_kind() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;
        let (status, ct, cd, bytes) =
            download(&app, &county, &format!("/regions/{}/contacts.csv", f.region)).await;
        assert_eq!(status, 200, "on {}", app.backend());
        assert!(ct.starts_with("text/csv"), "{ct} on {}", app.backend());
        assert!(
            cd.starts_with("attachment;") && cd.contains(".csv"),
            "{cd} on {}",
            app.backend()
        );
        let lines = csv_lines(&bytes);
        assert_eq!(
            lines[0],
            "Region;Kommun;Familjecentral;Grupp;Typ av grupp;Roll;Namn;E-post;Telefon;Arbetsgivare;Sedan",
            "on {}",
            app.backend()
        );
        // Anna, Bo (chair and member), Cecilia, Dora, Eva, Gunnar.
        let ours = |lines: &[String]| -> Vec<String> {
            lines[1..]
                .iter()
                .filter(|l| l.contains("@example.se"))
                .cloned()
                .collect()
        };
        assert_eq!(
            ours(&lines).len(),
            7,
            "one row per seat on {}: {lines:#?}",
            app.backend()
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("Anna Ledare") && l.contains("anna.ledare@example.se"))
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains(";Testgårdens familjecentral;;;Lokal samordnare;Dora Samordnare;")),
            "the local coordinator with the centre on {}",
            app.backend()
        );

        let (_, _, _, bytes) = download(
            &app,
            &county,
            &format!("/regions/{}/contacts.csv?kind=management", f.region),
        )
        .await;
        let lines = csv_lines(&bytes);
        assert!(
            lines[1..].iter().all(|l| l.contains(";Ledningsgrupp;")),
            "management seats only on {}",
            app.backend()
        );
        let mine = ours(&lines);
        assert_eq!(mine.len(), 3, "on {}: {lines:#?}", app.backend());
        assert!(
            mine.iter().all(|l| l
                .starts_with("Region Uppsala;Uppsala;Testgårdens familjecentral;Ledningsgrupp Testgården;")),
            "with municipality, centre and group on {}: {mine:#?}",
            app.backend()
        );
        let (_, _, _, bytes) = download(
            &app,
            &county,
            &format!("/regions/{}/contacts.csv?kind=steering", f.region),
        )
        .await;
        let lines = csv_lines(&bytes);
        assert!(
            lines[1..].iter().all(|l| l.contains(";Styrgrupp;")),
            "steering seats only on {}",
            app.backend()
        );
        let mine = ours(&lines);
        assert_eq!(mine.len(), 1, "on {}", app.backend());
        assert!(mine[0].contains("Cecilia Styr"), "on {}", app.backend());

        let (status, _, _, _) = download(
            &app,
            &county,
            &format!("/regions/{}/contacts.csv?kind=bogus", f.region),
        )
        .await;
        assert_eq!(status, 400, "an unknown kind on {}", app.backend());
        let reader = app.login(READER).await;
        let (status, _, _, _) = download(&app, &reader, &format!("/regions/{}/contacts.csv", f.region)).await;
        assert_eq!(
            status,
            200,
            "readers of the region may download it on {}",
            app.backend()
        );
        let other = app.login(OTHER_COUNTY).await;
        let (status, _, _, _) = download(&app, &other, &format!("/regions/{}/contacts.csv", f.region)).await;
        assert_eq!(status, 403, "on {}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn the_contact_list_downloads_as_an_excel_workbook() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;
        let (status, ct, cd, bytes) = download(
            &app,
            &county,
            &format!("/regions/{}/contacts.xlsx?kind=management", f.region),
        )
        .await;
        assert_eq!(status, 200, "on {}", app.backend());
        assert_eq!(
            ct,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "on {}",
            app.backend()
        );
        assert!(
            cd.starts_with("attachment;") && cd.contains("management") && cd.contains(".xlsx"),
            "{cd}"
        );
        assert!(bytes.starts_with(b"PK"), "a zip container on {}", app.backend());
        assert!(bytes.len() > 1000, "on {}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn erasure_makes_the_person_a_former_member_everywhere_and_keeps_the_counts() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let reader = app.login(READER).await;
        let (status, _, _) = app
            .post_form(&reader, &format!("/people/{}/erase", f.anna), &[])
            .await;
        assert_eq!(status, 403, "a reader cannot erase on {}", app.backend());

        let county = app.login(COUNTY).await;
        let (status, body) = app.get(&county, &format!("/people/{}/erase", f.anna)).await;
        assert_eq!(status, 200, "the confirmation page on {}", app.backend());
        assert!(
            page_text(&body).contains("f.d. medlem"),
            "it explains what happens on {}",
            app.backend()
        );
        let seats_before = assignments::of_person(&app.db, f.anna).await.unwrap().len();
        let (_, groups_before) = app.get(&county, &format!("/regions/{}/groups", f.region)).await;
        let (status, location, _) = app
            .post_form(&county, &format!("/people/{}/erase", f.anna), &[])
            .await;
        assert_eq!(status, 303, "on {}", app.backend());
        assert_eq!(location.as_deref(), Some(format!("/people/{}", f.anna).as_str()));

        let pages = [
            format!("/regions/{}/people", f.region),
            format!("/people/{}", f.anna),
            format!("/centres/{}/governance", f.home),
            format!("/groups/{}", f.management),
        ];
        for p in &pages {
            let (status, body) = app.get(&county, p).await;
            assert_eq!(status, 200, "{p} on {}", app.backend());
            let text = page_text(&body);
            assert!(
                text.contains("f.d. medlem"),
                "{p} shows a former member on {}",
                app.backend()
            );
            assert!(
                !text.contains("Anna Ledare"),
                "{p} forgets the name on {}",
                app.backend()
            );
            assert!(
                !text.contains("anna.ledare@example.se"),
                "{p} forgets the e-mail on {}",
                app.backend()
            );
        }
        let (_, _, _, bytes) = download(&app, &county, &format!("/regions/{}/contacts.csv", f.region)).await;
        let csv = String::from_utf8(bytes).unwrap();
        assert!(
            !csv.contains("Anna Ledare") && !csv.contains("anna.ledare"),
            "on {}",
            app.backend()
        );
        assert!(
            !csv.contains("f.d. medlem"),
            "erased people are left out of the list on {}",
            app.backend()
        );

        assert_eq!(
            assignments::of_person(&app.db, f.anna).await.unwrap().len(),
            seats_before,
            "the assignments stay on {}",
            app.backend()
        );
        let (_, groups_after) = app.get(&county, &format!("/regions/{}/groups", f.region)).await;
        assert_eq!(
            page_text(&groups_before),
            page_text(&groups_after),
            "member counts stay on {}",
            app.backend()
        );
        let stored = people::get(&app.db, f.anna).await.unwrap();
        assert!(
            stored.erased && stored.email.is_none() && stored.phone.is_none(),
            "on {}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_export_returns_everything_stored_about_a_person_as_json() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let reader = app.login(READER).await;
        let (status, _, _, _) = download(&app, &reader, &format!("/people/{}/export", f.bo)).await;
        assert_eq!(status, 403, "a reader cannot export on {}", app.backend());

        let county = app.login(COUNTY).await;
        let (status, ct, cd, bytes) = download(&app, &county, &format!("/people/{}/export", f.bo)).await;
        assert_eq!(status, 200, "on {}", app.backend());
        assert!(ct.starts_with("application/json"), "{ct} on {}", app.backend());
        assert!(cd.starts_with("attachment;"), "{cd} on {}", app.backend());
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["person"]["name"], "Bo Ordförande", "on {}", app.backend());
        assert_eq!(
            json["person"]["email"],
            "bo.ordforande@example.se",
            "on {}",
            app.backend()
        );
        let seats = json["assignments"].as_array().expect("assignments");
        assert_eq!(seats.len(), 2, "on {}", app.backend());
        assert!(
            seats
                .iter()
                .any(|a| a["kind"] == "management_chair" && a["place"] == "Ledningsgrupp Testgården")
        );
        for key in ["attendance", "introductions", "matter_steps"] {
            assert!(json[key].is_array(), "{key} is listed on {}", app.backend());
        }
        let _ = (f.cecilia, f.dora, f.eva);
        app.stop().await;
    }
}

#[tokio::test]
async fn groups_are_listed_by_kind_and_created_by_the_county_coordinator() {
    for app in TestApp::all().await {
        let f = fixture(&app).await;
        let reader = app.login(READER).await;
        let (status, body) = app.get(&reader, &format!("/regions/{}/groups", f.region)).await;
        assert_eq!(status, 200, "on {}", app.backend());
        let text = page_text(&body);
        assert!(
            text.contains("Styrgrupper") && text.contains("Ledningsgrupper"),
            "on {}",
            app.backend()
        );
        assert!(
            text.contains("Forum för hälsa och vård som styrgrupp"),
            "on {}",
            app.backend()
        );
        let new = format!("/regions/{}/groups/new", f.region);
        assert_eq!(app.get(&reader, &new).await.0, 403, "on {}", app.backend());

        let county = app.login(COUNTY).await;
        let (status, _, body) = app
            .post_form(
                &county,
                &new,
                &[("kind", "steering"), ("name", "Styrgrupp utan kommun")],
            )
            .await;
        assert_eq!(status, 422, "on {}", app.backend());
        assert!(
            page_text(&body).contains("En styrgrupp hör till en kommun"),
            "on {}",
            app.backend()
        );
        let savja = f.savja.to_string();
        let heby = f.heby.to_string();
        let (status, location, _) = app
            .post_form(
                &county,
                &new,
                &[
                    ("kind", "preparation"),
                    ("name", "Beredningsgrupp Uppsala"),
                    ("reports_to", &f.steering.to_string()),
                    ("centre", &savja),
                    ("centre", &heby),
                ],
            )
            .await;
        assert_eq!(status, 303, "on {}", app.backend());
        let id: i64 = location.unwrap().trim_start_matches("/groups/").parse().unwrap();
        let stored = groups::get(&app.db, id).await.unwrap();
        assert_eq!(stored.kind, GroupKind::Preparation);
        let mut governed = stored.centre_ids.clone();
        governed.sort_unstable();
        let mut expected = vec![f.savja, f.heby];
        expected.sort_unstable();
        assert_eq!(
            governed,
            expected,
            "both centres are governed on {}",
            app.backend()
        );
        let (status, body) = app.get(&reader, &format!("/groups/{id}")).await;
        assert_eq!(status, 200, "on {}", app.backend());
        assert!(
            body.contains(&format!("/groups/{id}/meetings")),
            "links to its meetings on {}",
            app.backend()
        );
        assert!(
            body.contains(&format!("/groups/{id}/decisions")),
            "and decision log on {}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_the_login_page() {
    let app = TestApp::sqlite().await;
    let f = fixture(&app).await;
    let client = app.client();
    for path in [
        format!("/regions/{}/people", f.region),
        format!("/people/{}", f.anna),
        format!("/people/{}/export", f.anna),
        format!("/regions/{}/groups", f.region),
        format!("/groups/{}", f.management),
        format!("/centres/{}/governance", f.home),
        format!("/regions/{}/contacts.csv", f.region),
        format!("/regions/{}/contacts.xlsx", f.region),
    ] {
        let res = client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 303, "{path}");
        let location = res.headers()["location"].to_str().unwrap();
        assert!(location.starts_with("/login"), "{path} → {location}");
    }
    app.stop().await;
}
