//! Meetings, minutes, publishing with e-mail notices, decisions and the mail
//! sender, through the real server on SQLite and PostgreSQL.
//!
//! Every test builds its own governance through the store: a steering group
//! governing Sävja and Gimo, the two centres' management groups with members
//! (some linked to login accounts), a local coordinator at Gimo, and outsiders
//! at a third centre. Any governance the demo data may hold for Sävja and Gimo
//! is detached first, so the recipients of a notice are exactly the fixture's.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/mod.rs"]
mod support;

use base64::Engine;
use chrono::NaiveDate;
use samverka_core::Role;
use samverka_core::governance::{Assignment, AssignmentKind, GroupKind};
use samverka_store::groups::GroupInput;
use samverka_store::people::PersonInput;
use samverka_store::{Who, assignments, groups, leases, mail, meetings, people, users};
use samverka_web::{AppState, WebConfig};
use support::{COUNTY, LOCAL_HEBY, LOCAL_SAVJA, READER, TestApp, page_text};

const PASSWORD: &str = "ledningsgrupp-123";
const MANAGER_SAVJA: (&str, &str) = ("anna.savja@g2.test", PASSWORD);
const MANAGER_GIMO: (&str, &str) = ("frida.gimo@g2.test", PASSWORD);
const MANAGER_OTHER: (&str, &str) = ("hanna.annan@g2.test", PASSWORD);
const STEERING_MEMBER: (&str, &str) = ("stina.styr@g2.test", PASSWORD);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The governance the tests work on.
struct Fixture {
    region: i64,
    savja: i64,
    gimo: i64,
    other_centre: i64,
    steering: i64,
    mg_savja: i64,
    /// Who must get the notice when the steering group's minutes are published.
    expected: Vec<String>,
    /// Addresses in the registry that must not get it.
    outsiders: Vec<String>,
}

fn seat(
    person_id: i64,
    region: i64,
    kind: AssignmentKind,
    group: i64,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Assignment {
    Assignment {
        id: 0,
        person_id,
        kind,
        region_id: region,
        centre_id: None,
        group_id: Some(group),
        share_percent: None,
        paid_by: None,
        minutes_per_week: None,
        starts_on: from,
        ends_on: to,
    }
}

fn coordinator(person_id: i64, region: i64, centre: i64) -> Assignment {
    Assignment {
        id: 0,
        person_id,
        kind: AssignmentKind::LocalCoordinator,
        region_id: region,
        centre_id: Some(centre),
        group_id: None,
        share_percent: Some(50),
        paid_by: Some("Östhammars kommun".into()),
        minutes_per_week: None,
        starts_on: day(2024, 1, 1),
        ends_on: None,
    }
}

/// Takes Sävja and Gimo out of every existing group and ends every
/// coordinator assignment there, so only the fixture governs them.
async fn detach_existing_governance(app: &TestApp, region: i64, centres: &[i64]) {
    let who = Who::cli();
    for g in groups::list(&app.db, Some(region)).await.unwrap() {
        if g.centre_ids.iter().any(|c| centres.contains(c)) {
            let input = GroupInput {
                kind: g.kind,
                name: g.name.clone(),
                municipality_id: g.municipality_id,
                reports_to: g.reports_to,
                health_forum: g.health_forum,
                centre_ids: g
                    .centre_ids
                    .iter()
                    .copied()
                    .filter(|c| !centres.contains(c))
                    .collect(),
            };
            groups::update(&app.db, &who, g.id, &input).await.unwrap();
        }
    }
    let yesterday = chrono::Utc::now().date_naive() - chrono::Days::new(1);
    for a in assignments::list(&app.db, Some(region)).await.unwrap() {
        if a.kind == AssignmentKind::LocalCoordinator
            && a.centre_id.is_some_and(|c| centres.contains(&c))
            && a.ends_on.is_none_or(|e| e >= yesterday)
            && a.starts_on <= yesterday
        {
            assignments::end(&app.db, &who, a.id, yesterday).await.unwrap();
        }
    }
}

async fn person(
    app: &TestApp,
    region: i64,
    name: &str,
    email: Option<&str>,
    employer: &str,
    account: Option<i64>,
) -> i64 {
    people::create(
        &app.db,
        &Who::cli(),
        region,
        &PersonInput {
            name: name.into(),
            email: email.map(str::to_string),
            employer_name: Some(employer.into()),
            user_id: account,
            ..PersonInput::default()
        },
    )
    .await
    .unwrap()
}

async fn group(
    app: &TestApp,
    region: i64,
    kind: GroupKind,
    name: &str,
    reports_to: Option<i64>,
    centres: Vec<i64>,
) -> i64 {
    groups::create(
        &app.db,
        &Who::cli(),
        region,
        &GroupInput {
            kind,
            name: name.into(),
            municipality_id: None,
            reports_to,
            health_forum: false,
            centre_ids: centres,
        },
    )
    .await
    .unwrap()
}

async fn fixture(app: &TestApp) -> Fixture {
    let region = app.uppsala().await;
    let savja = app.centre("Sävja familjecentral").await;
    let gimo = app.centre("Familjecentralen i Gimo").await;
    let other_centre = samverka_store::centres::list(&app.db, Some(region))
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.id != savja && c.id != gimo && c.closed_on.is_none())
        .expect("a third centre")
        .id;
    detach_existing_governance(app, region, &[savja, gimo]).await;
    let who = Who::cli();
    let since = day(2024, 1, 1);

    let steering = group(
        app,
        region,
        GroupKind::Steering,
        "Styrgrupp G2 Sävja–Gimo",
        None,
        vec![savja, gimo],
    )
    .await;
    let mg_savja = group(
        app,
        region,
        GroupKind::Management,
        "Ledningsgrupp G2 Sävja",
        Some(steering),
        vec![savja],
    )
    .await;
    let mg_gimo = group(
        app,
        region,
        GroupKind::Management,
        "Ledningsgrupp G2 Gimo",
        Some(steering),
        vec![gimo],
    )
    .await;
    let mg_other = group(
        app,
        region,
        GroupKind::Management,
        "Ledningsgrupp G2 annan",
        None,
        vec![other_centre],
    )
    .await;

    let account = |email: &'static str| async move { app.add_account(email, Some(PASSWORD), &[]).await };
    let acc_savja = account(MANAGER_SAVJA.0).await;
    let acc_gimo = account(MANAGER_GIMO.0).await;
    let acc_other = account(MANAGER_OTHER.0).await;
    let acc_steer = account(STEERING_MEMBER.0).await;

    // The steering group's own members get no notice.
    let stina = person(
        app,
        region,
        "Stina Styr",
        Some(STEERING_MEMBER.0),
        "Uppsala kommun",
        Some(acc_steer),
    )
    .await;
    let sven = person(
        app,
        region,
        "Sven Styrsson",
        Some("sven.styr@g2.test"),
        "Region Uppsala",
        None,
    )
    .await;
    // Sävja's management group: an account holder (address stored in mixed case), a chair, one without
    // an address, one erased, and one whose seat ended long ago.
    let anna = person(
        app,
        region,
        "Anna Bvc",
        Some("Anna.Savja@G2.test"),
        "Region Uppsala",
        Some(acc_savja),
    )
    .await;
    let bo = person(
        app,
        region,
        "Bo Ordförande",
        Some("bo.savja@g2.test"),
        "Uppsala kommun",
        None,
    )
    .await;
    let cilla = person(app, region, "Cilla Utanadress", None, "Uppsala kommun", None).await;
    let dan = person(
        app,
        region,
        "Dan Raderad",
        Some("dan.raderad@g2.test"),
        "Uppsala kommun",
        None,
    )
    .await;
    let eva = person(
        app,
        region,
        "Eva Förr",
        Some("eva.forr@g2.test"),
        "Uppsala kommun",
        None,
    )
    .await;
    // Gimo: a management member with an account, and the coordinator, who also sits in the group.
    let frida = person(
        app,
        region,
        "Frida Gimo",
        Some(MANAGER_GIMO.0),
        "Region Uppsala",
        Some(acc_gimo),
    )
    .await;
    let gustav = person(
        app,
        region,
        "Gustav Samordnare",
        Some("gustav.gimo@g2.test"),
        "Östhammars kommun",
        None,
    )
    .await;
    // Outsiders at a third centre.
    let hanna = person(
        app,
        region,
        "Hanna Annan",
        Some(MANAGER_OTHER.0),
        "Heby kommun",
        Some(acc_other),
    )
    .await;
    let ivar = person(
        app,
        region,
        "Ivar Annan",
        Some("ivar.annan@g2.test"),
        "Heby kommun",
        None,
    )
    .await;

    let mut all = vec![
        seat(
            stina,
            region,
            AssignmentKind::SteeringMember,
            steering,
            since,
            None,
        ),
        seat(
            sven,
            region,
            AssignmentKind::SteeringMember,
            steering,
            since,
            None,
        ),
        seat(
            anna,
            region,
            AssignmentKind::ManagementMember,
            mg_savja,
            since,
            None,
        ),
        seat(
            bo,
            region,
            AssignmentKind::ManagementMember,
            mg_savja,
            since,
            None,
        ),
        seat(bo, region, AssignmentKind::ManagementChair, mg_savja, since, None),
        seat(
            cilla,
            region,
            AssignmentKind::ManagementMember,
            mg_savja,
            since,
            None,
        ),
        seat(
            dan,
            region,
            AssignmentKind::ManagementMember,
            mg_savja,
            since,
            None,
        ),
        seat(
            eva,
            region,
            AssignmentKind::ManagementMember,
            mg_savja,
            day(2020, 1, 1),
            Some(day(2021, 12, 31)),
        ),
        seat(
            frida,
            region,
            AssignmentKind::ManagementMember,
            mg_gimo,
            since,
            None,
        ),
        seat(
            gustav,
            region,
            AssignmentKind::ManagementMember,
            mg_gimo,
            since,
            None,
        ),
        seat(
            hanna,
            region,
            AssignmentKind::ManagementMember,
            mg_other,
            since,
            None,
        ),
    ];
    all.push(coordinator(gustav, region, gimo));
    all.push(coordinator(ivar, region, other_centre));
    for a in &all {
        assignments::create(&app.db, &who, a).await.unwrap();
    }
    people::erase(&app.db, &who, dan).await.unwrap();

    // Accounts with a local coordinator grant for Sävja or Gimo (the demo's Sävja coordinator at least).
    let mut expected: Vec<String> = users::list_in_region(&app.db, region)
        .await
        .unwrap()
        .into_iter()
        .filter(|(u, grants)| {
            !u.disabled
                && grants.iter().any(|g| {
                    g.role == Role::LocalCoordinator && g.centre_id.is_some_and(|c| c == savja || c == gimo)
                })
        })
        .map(|(u, _)| u.email.to_lowercase())
        .collect();
    assert!(
        expected.contains(&LOCAL_SAVJA.0.to_string()),
        "the demo has a Sävja coordinator account"
    );
    expected.extend(
        [
            "anna.savja@g2.test",
            "bo.savja@g2.test",
            "frida.gimo@g2.test",
            "gustav.gimo@g2.test",
        ]
        .map(String::from),
    );
    expected.sort();
    expected.dedup();
    let outsiders = [
        STEERING_MEMBER.0,
        "sven.styr@g2.test",
        "dan.raderad@g2.test",
        "eva.forr@g2.test",
        MANAGER_OTHER.0,
        "ivar.annan@g2.test",
        LOCAL_HEBY.0,
        COUNTY.0,
    ]
    .map(String::from)
    .to_vec();
    Fixture {
        region,
        savja,
        gimo,
        other_centre,
        steering,
        mg_savja,
        expected,
        outsiders,
    }
}

/// The id at the end of a `Location` like `/meetings/12`.
fn id_in(location: &Option<String>) -> i64 {
    let l = location.as_deref().expect("a redirect");
    l.trim_start_matches("/meetings/")
        .split(['#', '?'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Records a meeting through the form; returns its id.
async fn new_meeting(app: &TestApp, client: &reqwest::Client, group: i64, date: &str, status: &str) -> i64 {
    let r = app
        .submit(
            client,
            &format!("/groups/{group}/meetings/new"),
            &[
                ("held_on", date),
                ("status", status),
                ("agenda", "Föregående protokoll\nBudget 2025\nÖvrigt"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        303,
        "create meeting on {}: {}",
        app.backend(),
        page_text(&r.body)
    );
    id_in(&r.location)
}

/// The decoded `Subject:` of a raw e-mail (RFC 2047 encoded words, folded lines).
fn subject_of(eml: &str) -> String {
    let mut lines = eml.lines();
    let mut raw = String::new();
    for line in lines.by_ref() {
        if let Some(v) = line.strip_prefix("Subject: ") {
            raw.push_str(v);
            break;
        }
    }
    for line in lines {
        if line.starts_with([' ', '\t']) {
            raw.push_str(line);
        } else {
            break;
        }
    }
    let mut out = String::new();
    let mut last_encoded = false;
    for (i, word) in raw.split_whitespace().enumerate() {
        let decoded = word
            .strip_prefix("=?utf-8?b?")
            .or_else(|| word.strip_prefix("=?UTF-8?B?"))
            .and_then(|w| w.strip_suffix("?="))
            .map(|b| {
                String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b).unwrap()).unwrap()
            });
        match decoded {
            Some(d) => {
                if i > 0 && !last_encoded {
                    out.push(' ');
                }
                out.push_str(&d);
                last_encoded = true;
            }
            None => {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(word);
                last_encoded = false;
            }
        }
    }
    out
}

#[tokio::test]
async fn publishing_minutes_notifies_exactly_the_coordinators_and_managers_of_the_governed_centres() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;

        // The county coordinator records a held meeting.
        let id = new_meeting(&app, &county, f.steering, "2025-03-10", "held").await;
        let (status, body) = app
            .get(&county, &format!("/groups/{}/meetings", f.steering))
            .await;
        assert_eq!(status, 200, "{b}");
        assert!(
            page_text(&body).contains("2025-03-10"),
            "the group's meeting list shows the meeting on {b}"
        );

        // Attendance and minutes in one form.
        let form = app.get(&county, &format!("/meetings/{id}/edit")).await.1;
        let ids = people::list(&app.db, f.region).await.unwrap();
        let pid = |name: &str| ids.iter().find(|p| p.name == name).unwrap().id.to_string();
        let (stina, sven) = (pid("Stina Styr"), pid("Sven Styrsson"));
        assert!(
            form.contains(&format!("name=\"att-{stina}\"")),
            "the form asks about every member on {b}"
        );
        let stina_field = format!("att-{stina}");
        let sven_field = format!("att-{sven}");
        let r = app
            .submit(
                &county,
                &format!("/meetings/{id}/edit"),
                &[
                    ("held_on", "2025-03-10"),
                    ("status", "held"),
                    ("agenda", "Budget 2025\nÖvrigt"),
                    (
                        "minutes",
                        "## Protokoll\n\nStyrgruppen gick igenom **budgeten** för 2025.",
                    ),
                    (stina_field.as_str(), "present"),
                    (sven_field.as_str(), "excused"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "save meeting on {b}: {}", page_text(&r.body));
        let recorded = meetings::attendance(&app.db, id).await.unwrap();
        assert_eq!(recorded.len(), 2, "{b}");

        // A decision concerning Gimo.
        let gimo = f.gimo.to_string();
        let r = app
            .submit(
                &county,
                &format!("/meetings/{id}/decisions"),
                &[
                    ("category", "budget_change"),
                    ("text", "Budgeten för öppna förskolan i Gimo höjs."),
                    ("centre_ids", gimo.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "add decision on {b}: {}", page_text(&r.body));

        let page = page_text(&app.get(&county, &format!("/meetings/{id}")).await.1);
        assert!(
            page.contains("Stina Styr") && page.contains("Närvarande"),
            "attendance on {b}: {page}"
        );
        assert!(
            page.contains("Sven Styrsson") && page.contains("Anmält förhinder"),
            "{b}"
        );
        assert!(
            page.contains("Uppsala kommun"),
            "the table names each member's employer on {b}"
        );
        assert!(page.contains("Budgeten för öppna förskolan i Gimo höjs."), "{b}");
        assert!(page.contains("Gäller: Familjecentralen i Gimo"), "{b}");

        // Before publishing: nothing is queued, the governed centres' managers cannot read the minutes.
        assert!(
            mail::all(&app.db).await.unwrap().is_empty(),
            "nothing queued before publishing on {b}"
        );
        let manager = app.login(MANAGER_SAVJA).await;
        let (status, body) = app.get(&manager, &format!("/meetings/{id}")).await;
        assert_eq!(status, 403, "a Sävja manager before publishing on {b}");
        assert!(!body.contains("budgeten"), "{b}");
        let reader = app.login(READER).await;
        let (status, body) = app.get(&reader, &format!("/meetings/{id}")).await;
        assert_eq!(status, 200, "a reader of the region sees the meeting on {b}");
        assert!(
            !body.contains("budgeten"),
            "but not the unpublished minutes on {b}"
        );
        assert!(
            page_text(&body).contains("Protokollet är inte publicerat ännu."),
            "{b}"
        );

        // Publish.
        let r = app.submit(&county, &format!("/meetings/{id}/publish"), &[]).await;
        assert_eq!(r.status, 303, "publish on {b}: {}", page_text(&r.body));
        let meeting = meetings::get(&app.db, id).await.unwrap();
        assert_eq!(
            meeting.minutes_published_on,
            Some(chrono::Utc::now().date_naive()),
            "{b}"
        );

        let queued = mail::all(&app.db).await.unwrap();
        let mut to: Vec<String> = queued.iter().map(|q| q.mail.to.clone()).collect();
        to.sort();
        assert_eq!(
            to, f.expected,
            "exactly the coordinators and managers of Sävja and Gimo, once each, on {b}"
        );
        for outsider in &f.outsiders {
            assert!(!to.contains(outsider), "{outsider} must not be notified on {b}");
        }
        for q in &queued {
            assert!(
                q.mail.subject.contains("Styrgrupp G2 Sävja–Gimo"),
                "{b}: {}",
                q.mail.subject
            );
            assert!(q.mail.subject.contains("2025-03-10"), "{b}");
            assert!(
                q.mail
                    .body
                    .contains(&format!("http://127.0.0.1:8080/meetings/{id}")),
                "{b}: {}",
                q.mail.body
            );
        }

        // After publishing the managers of every governed centre read them; other managers still cannot.
        let (status, body) = app.get(&manager, &format!("/meetings/{id}")).await;
        assert_eq!(status, 200, "a Sävja manager after publishing on {b}");
        assert!(body.contains("<strong>budgeten</strong>"), "{b}");
        let gimo_manager = app.login(MANAGER_GIMO).await;
        assert_eq!(
            app.get(&gimo_manager, &format!("/meetings/{id}")).await.0,
            200,
            "{b}"
        );
        let other = app.login(MANAGER_OTHER).await;
        assert_eq!(app.get(&other, &format!("/meetings/{id}")).await.0, 403, "{b}");

        // Publishing twice queues nothing more.
        let r = app.submit(&county, &format!("/meetings/{id}/publish"), &[]).await;
        assert_eq!(r.status, 422, "{b}");
        assert_eq!(mail::all(&app.db).await.unwrap().len(), queued.len(), "{b}");

        // The sender writes one .eml per notice into the outbox folder, and nothing twice.
        let outbox = tempfile::tempdir().unwrap();
        let state = AppState::new(
            app.db.clone(),
            WebConfig {
                outbox_dir: outbox.path().to_path_buf(),
                ..WebConfig::default()
            },
        );
        let sent = samverka_web::mailer::send_pending(&state).await.unwrap();
        assert_eq!(sent, f.expected.len(), "{b}");
        let files: Vec<std::path::PathBuf> = std::fs::read_dir(outbox.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        assert_eq!(files.len(), f.expected.len(), "{b}");
        let mut recipients = Vec::new();
        for file in &files {
            let eml = std::fs::read_to_string(file).unwrap();
            assert_eq!(subject_of(&eml), queued[0].mail.subject, "{b}: {eml}");
            assert!(
                eml.contains("From: samverka <noreply@samverka.local>"),
                "{b}: {eml}"
            );
            let to_line = eml.lines().find(|l| l.starts_with("To: ")).unwrap();
            recipients.push(to_line.trim_start_matches("To: ").to_string());
        }
        recipients.sort();
        assert_eq!(recipients, f.expected, "{b}");
        assert_eq!(
            samverka_web::mailer::send_pending(&state).await.unwrap(),
            0,
            "{b}"
        );
        assert!(mail::unsent(&app.db, 100).await.unwrap().is_empty(), "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn minutes_cannot_be_published_without_minutes_or_before_the_meeting_is_held() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;
        let held = new_meeting(&app, &county, f.steering, "2025-02-03", "held").await;
        let r = app
            .submit(&county, &format!("/meetings/{held}/publish"), &[])
            .await;
        assert_eq!(r.status, 422, "no minutes on {b}");
        assert!(
            page_text(&r.body).contains("Det finns inget protokoll att publicera."),
            "{b}"
        );

        let future = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
        let planned = new_meeting(&app, &county, f.steering, &future, "planned").await;
        let r = app
            .submit(
                &county,
                &format!("/meetings/{planned}/edit"),
                &[
                    ("held_on", &future),
                    ("status", "planned"),
                    ("minutes", "Förslag till protokoll"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}");
        let r = app
            .submit(&county, &format!("/meetings/{planned}/publish"), &[])
            .await;
        assert_eq!(r.status, 422, "a planned meeting on {b}");

        let r = app
            .submit(
                &county,
                &format!("/meetings/{planned}/edit"),
                &[("held_on", &future), ("status", "held")],
            )
            .await;
        assert_eq!(r.status, 422, "a held meeting cannot be in the future on {b}");
        assert!(
            page_text(&r.body).contains("Ett genomfört möte kan inte ha ett datum framåt i tiden."),
            "{b}"
        );

        assert!(
            mail::all(&app.db).await.unwrap().is_empty(),
            "nothing queued on {b}"
        );
        for id in [held, planned] {
            assert_eq!(
                meetings::get(&app.db, id).await.unwrap().minutes_published_on,
                None,
                "{b}"
            );
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn members_and_coordinators_edit_only_the_meetings_of_their_own_groups() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;
        let steering_meeting = new_meeting(&app, &county, f.steering, "2025-01-20", "held").await;
        let edit = format!("/meetings/{steering_meeting}/edit");
        let fields = [
            ("held_on", "2025-01-20"),
            ("status", "held"),
            ("minutes", "Ändrat av fel person"),
        ];

        // A member of another management group.
        let other = app.login(MANAGER_OTHER).await;
        assert_eq!(app.get(&other, &edit).await.0, 403, "{b}");
        assert_eq!(app.submit(&other, &edit, &fields).await.status, 403, "{b}");
        assert_eq!(
            app.get(&other, &format!("/groups/{}/meetings", f.steering))
                .await
                .0,
            403,
            "{b}"
        );
        let r = app
            .submit(
                &other,
                &format!("/groups/{}/meetings/new", f.mg_savja),
                &[("held_on", "2025-01-01"), ("status", "held")],
            )
            .await;
        assert_eq!(r.status, 403, "{b}");
        // A manager of a governed centre does not edit the steering group's meetings either.
        let gimo_manager = app.login(MANAGER_GIMO).await;
        assert_eq!(app.submit(&gimo_manager, &edit, &fields).await.status, 403, "{b}");
        assert_eq!(
            app.submit(
                &gimo_manager,
                &format!("/meetings/{steering_meeting}/publish"),
                &[]
            )
            .await
            .status,
            403,
            "{b}"
        );
        // A steering-group member does.
        let steer = app.login(STEERING_MEMBER).await;
        let r = app
            .submit(
                &steer,
                &edit,
                &[
                    ("held_on", "2025-01-20"),
                    ("status", "held"),
                    ("minutes", "Justerat"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}");
        assert_eq!(
            meetings::get(&app.db, steering_meeting)
                .await
                .unwrap()
                .minutes_md
                .as_deref(),
            Some("Justerat"),
            "{b}"
        );

        // The Sävja coordinator prepares the Sävja management group's meetings, not the steering group's.
        let local = app.login(LOCAL_SAVJA).await;
        let mg_meeting = new_meeting(&app, &local, f.mg_savja, "2025-02-14", "held").await;
        assert_eq!(
            app.get(&local, &format!("/meetings/{mg_meeting}/edit")).await.0,
            200,
            "{b}"
        );
        let r = app
            .submit(
                &local,
                &format!("/meetings/{mg_meeting}/edit"),
                &[
                    ("held_on", "2025-02-14"),
                    ("status", "held"),
                    ("minutes", "Ledningsgruppen träffades."),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}");
        assert_eq!(app.get(&local, &edit).await.0, 403, "{b}");
        assert_eq!(app.submit(&local, &edit, &fields).await.status, 403, "{b}");
        let r = app
            .submit(
                &local,
                &format!("/groups/{}/meetings/new", f.steering),
                &[("held_on", "2025-01-01"), ("status", "held")],
            )
            .await;
        assert_eq!(r.status, 403, "{b}");
        // A member of the Sävja management group edits its meetings too.
        let manager = app.login(MANAGER_SAVJA).await;
        assert_eq!(
            app.get(&manager, &format!("/meetings/{mg_meeting}/edit")).await.0,
            200,
            "{b}"
        );
        // Nobody's failed attempt changed the steering group's minutes.
        assert_eq!(
            meetings::get(&app.db, steering_meeting)
                .await
                .unwrap()
                .minutes_md
                .as_deref(),
            Some("Justerat"),
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_script_in_the_minutes_is_shown_inert() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;
        let id = new_meeting(&app, &county, f.mg_savja, "2025-04-01", "held").await;
        let minutes = "Mötet öppnades.\n\n<script>alert('stöld')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n[Klicka](javascript:alert(2))";
        let r = app
            .submit(
                &county,
                &format!("/meetings/{id}/edit"),
                &[
                    ("held_on", "2025-04-01"),
                    ("status", "held"),
                    ("minutes", minutes),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}");
        let (status, body) = app.get(&county, &format!("/meetings/{id}")).await;
        assert_eq!(status, 200, "{b}");
        assert!(body.contains("Mötet öppnades."), "{b}");
        assert!(!body.contains("<script>alert"), "no script element on {b}");
        assert!(!body.contains("onerror"), "no event handler on {b}");
        assert!(!body.contains("javascript:alert"), "no script link on {b}");
        // The edit form gives the text back as text.
        let form = app.get(&county, &format!("/meetings/{id}/edit")).await.1;
        assert!(
            form.contains("&lt;script&gt;") || form.contains("&#60;script&#62;"),
            "{b}"
        );
        assert!(!form.contains("<script>alert"), "{b}");
        app.stop().await;
    }
}

/// This test's decisions: a short name and the full text (marked, so the demo's own decisions never match).
const DECISIONS: [(&str, &str); 4] = [
    ("höjs", "G2-beslut: budgeten höjs med två procent."),
    ("sänks", "G2-beslut: budgeten sänks med en procent."),
    ("fullt ut", "G2-beslut: Gimo blir familjecentral fullt ut."),
    ("fastställs", "G2-beslut: Sävjas verksamhetsplan fastställs."),
];

#[tokio::test]
async fn decision_logs_filter_by_year_and_category() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;
        let m2024 = new_meeting(&app, &county, f.steering, "2024-05-06", "held").await;
        let m2025 = new_meeting(&app, &county, f.steering, "2025-05-05", "held").await;
        let mg = new_meeting(&app, &county, f.mg_savja, "2025-06-02", "held").await;
        let (savja, gimo) = (f.savja.to_string(), f.gimo.to_string());
        for (meeting, category, text, centres) in [
            (m2024, "budget_change", DECISIONS[0].1, vec![]),
            (m2025, "budget_change", DECISIONS[1].1, vec![]),
            (m2025, "new_centre", DECISIONS[2].1, vec![gimo.as_str()]),
            (mg, "activity_plan_adopted", DECISIONS[3].1, vec![savja.as_str()]),
        ] {
            let mut fields = vec![("category", category), ("text", text)];
            fields.extend(centres.iter().map(|c| ("centre_ids", *c)));
            let r = app
                .submit(&county, &format!("/meetings/{meeting}/decisions"), &fields)
                .await;
            assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        }
        // A decision needs a category and a text; a centre outside the group is refused.
        let outside = f.other_centre.to_string();
        let r = app
            .submit(
                &county,
                &format!("/meetings/{m2025}/decisions"),
                &[("category", ""), ("text", "x"), ("centre_ids", &outside)],
            )
            .await;
        assert_eq!(r.status, 422, "{b}");
        let t = page_text(&r.body);
        assert!(
            t.contains("Välj ett av alternativen.") && t.contains("Fyll i fältet."),
            "{b}: {t}"
        );
        let recorded = meetings::decisions(&app.db, Some(f.region)).await.unwrap();
        let ours = recorded
            .iter()
            .filter(|d| d.group_id == f.steering || d.group_id == f.mg_savja)
            .count();
        assert_eq!(ours, 4, "the refused decision was not recorded on {b}");

        // The logs; the demo data may hold decisions of its own, so only this test's are counted.
        let log = |path: String| {
            let app = &app;
            let county = &county;
            async move {
                let (status, body) = app.get(county, &path).await;
                assert_eq!(status, 200, "{path} on {}", app.backend());
                let text = page_text(&body);
                let mine: Vec<&str> = DECISIONS
                    .iter()
                    .filter(|(_, full)| text.contains(full))
                    .map(|(short, _)| *short)
                    .collect();
                (body, mine)
            }
        };
        let (_, all) = log(format!("/regions/{}/decisions", f.region)).await;
        assert_eq!(
            all,
            ["höjs", "sänks", "fullt ut", "fastställs"],
            "the region's log has all four on {b}"
        );
        let (_, t) = log(format!(
            "/regions/{}/decisions?year=2025&category=budget_change",
            f.region
        ))
        .await;
        assert_eq!(t, ["sänks"], "{b}");
        let (body, t) = log(format!(
            "/groups/{}/decisions?year=2025&category=budget_change",
            f.steering
        ))
        .await;
        assert_eq!(t, ["sänks"], "{b}");
        assert!(
            body.contains(">1 beslut</caption>"),
            "the caption counts what is shown on {b}"
        );
        let (_, t) = log(format!("/groups/{}/decisions?year=2024", f.steering)).await;
        assert_eq!(t, ["höjs"], "{b}");
        let (_, t) = log(format!("/groups/{}/decisions?year=&category=", f.steering)).await;
        assert_eq!(
            t,
            ["höjs", "sänks", "fullt ut"],
            "the group's own decisions on {b}"
        );
        let (_, t) = log(format!("/centres/{}/decisions", f.gimo)).await;
        assert_eq!(t, ["fullt ut"], "decisions concerning Gimo on {b}");
        let (_, t) = log(format!(
            "/centres/{}/decisions?category=activity_plan_adopted",
            f.savja
        ))
        .await;
        assert_eq!(t, ["fastställs"], "{b}");
        let (_, t) = log(format!("/centres/{}/decisions?year=2024", f.savja)).await;
        assert!(t.is_empty(), "{b}");

        // Another county's coordinator sees none of it.
        let other_county = app.login(support::OTHER_COUNTY).await;
        assert_eq!(
            app.get(&other_county, &format!("/regions/{}/decisions", f.region))
                .await
                .0,
            403,
            "{b}"
        );
        assert_eq!(
            app.get(&other_county, &format!("/centres/{}/decisions", f.gimo))
                .await
                .0,
            403,
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn only_one_instance_holds_the_mail_sender_lease_until_it_expires() {
    for app in TestApp::all().await {
        let b = app.backend();
        let lease = samverka_web::mailer::LEASE;
        let now = 1_800_000_000;
        assert!(
            leases::acquire(&app.db, lease, "instance-a", now, 60)
                .await
                .unwrap(),
            "{b}"
        );
        assert!(
            !leases::acquire(&app.db, lease, "instance-b", now + 10, 60)
                .await
                .unwrap(),
            "{b}"
        );
        assert!(
            leases::acquire(&app.db, lease, "instance-a", now + 15, 60)
                .await
                .unwrap(),
            "the holder renews on {b}"
        );
        assert!(
            !leases::acquire(&app.db, lease, "instance-b", now + 70, 60)
                .await
                .unwrap(),
            "renewed, so still held on {b}"
        );
        assert!(
            leases::acquire(&app.db, lease, "instance-b", now + 76, 60)
                .await
                .unwrap(),
            "expired, so taken over on {b}"
        );
        assert!(
            !leases::acquire(&app.db, lease, "instance-a", now + 80, 60)
                .await
                .unwrap(),
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn other_regions_see_no_meeting_and_readers_of_the_region_cannot_edit() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = fixture(&app).await;
        let county = app.login(COUNTY).await;
        let id = new_meeting(&app, &county, f.steering, "2025-03-03", "held").await;
        let other_county = app.login(support::OTHER_COUNTY).await;
        assert_eq!(
            app.get(&other_county, &format!("/meetings/{id}")).await.0,
            403,
            "{b}"
        );
        assert_eq!(
            app.submit(
                &other_county,
                &format!("/meetings/{id}/edit"),
                &[("held_on", "2025-03-03"), ("status", "held")]
            )
            .await
            .status,
            403,
            "{b}"
        );
        // A local coordinator elsewhere in the region with a grant reads the group, but does not edit it.
        let heby = app.login(LOCAL_HEBY).await;
        assert_eq!(app.get(&heby, &format!("/meetings/{id}")).await.0, 200, "{b}");
        assert_eq!(
            app.get(&heby, &format!("/meetings/{id}/edit")).await.0,
            403,
            "{b}"
        );
        app.stop().await;
    }
}
