//! Meetings of governing groups: recording them with attendance and
//! minutes, who may read and edit them, publishing the minutes with e-mail
//! notices to exactly the governed centres' coordinators and managers, and
//! the sender that delivers those notices.

use std::sync::Arc;

use samverka_app::{App, AppConfig, MailConfig, SystemClock};
use samverka_store::governance::{meetings, people};
use samverka_store::platform::{leases, mail};

use crate::support::fixtures::{MANAGER_GIMO, MANAGER_OTHER, MANAGER_SAVJA, STEERING_MEMBER, SteeringOfTwo};
use crate::support::mail::subject_of;
use crate::support::{COUNTY, LOCAL_HEBY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp, page_text};

#[tokio::test]
async fn publishing_minutes_notifies_exactly_the_coordinators_and_managers_of_the_governed_centres() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let county = app.login(COUNTY).await;

        // The county coordinator records a held meeting.
        let id = app.new_meeting(&county, f.steering, "2025-03-10", "held").await;
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
        let ids = people::list(&mut *app.conn().await, f.region).await.unwrap();
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
        let recorded = meetings::attendance(&mut *app.conn().await, id).await.unwrap();
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
            app.queued_mail().await.is_empty(),
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
        let meeting = meetings::get(&mut *app.conn().await, id).await.unwrap();
        assert_eq!(meeting.minutes_published_on, Some(app.today()), "{b}");

        let queued = app.queued_mail().await;
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
                q.mail.body.contains(&format!("{}/meetings/{id}", app.base)),
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

        // Publishing twice is a conflict and queues nothing more.
        let r = app.submit(&county, &format!("/meetings/{id}/publish"), &[]).await;
        assert_eq!(r.status, 409, "{b}");
        assert_eq!(app.queued_mail().await.len(), queued.len(), "{b}");

        // The sender writes one .eml per notice into the outbox folder, and nothing twice.
        let outbox = tempfile::tempdir().unwrap();
        let sender = App::new(
            app.db.clone(),
            AppConfig {
                mail: MailConfig {
                    outbox_dir: outbox.path().to_path_buf(),
                    ..MailConfig::default()
                },
                ..app.app.config().clone()
            },
            Arc::new(SystemClock),
        );
        let sent = samverka_app::jobs::mail::send_pending(&sender).await.unwrap();
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
            samverka_app::jobs::mail::send_pending(&sender).await.unwrap(),
            0,
            "{b}"
        );
        assert!(
            mail::unsent(&mut *app.conn().await, 100)
                .await
                .unwrap()
                .is_empty(),
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn minutes_cannot_be_published_without_minutes_or_before_the_meeting_is_held() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let county = app.login(COUNTY).await;
        let held = app.new_meeting(&county, f.steering, "2025-02-03", "held").await;
        let r = app
            .submit(&county, &format!("/meetings/{held}/publish"), &[])
            .await;
        assert_eq!(r.status, 409, "no minutes on {b}");
        assert!(
            page_text(&r.body).contains("Det finns inget protokoll att publicera."),
            "{b}"
        );

        let future = (app.today() + chrono::Days::new(30)).to_string();
        let planned = app.new_meeting(&county, f.steering, &future, "planned").await;
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
        assert_eq!(r.status, 409, "a planned meeting on {b}");

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

        assert!(app.queued_mail().await.is_empty(), "nothing queued on {b}");
        for id in [held, planned] {
            assert_eq!(
                meetings::get(&mut *app.conn().await, id)
                    .await
                    .unwrap()
                    .minutes_published_on,
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
        let f = SteeringOfTwo::build(&app).await;
        let county = app.login(COUNTY).await;
        let steering_meeting = app.new_meeting(&county, f.steering, "2025-01-20", "held").await;
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
            meetings::get(&mut *app.conn().await, steering_meeting)
                .await
                .unwrap()
                .minutes_md
                .as_deref(),
            Some("Justerat"),
            "{b}"
        );

        // The Sävja coordinator prepares the Sävja management group's meetings, not the steering group's.
        let local = app.login(LOCAL_SAVJA).await;
        let mg_meeting = app.new_meeting(&local, f.mg_savja, "2025-02-14", "held").await;
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
            meetings::get(&mut *app.conn().await, steering_meeting)
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
        let f = SteeringOfTwo::build(&app).await;
        let county = app.login(COUNTY).await;
        let id = app.new_meeting(&county, f.mg_savja, "2025-04-01", "held").await;
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

#[tokio::test]
async fn other_regions_see_no_meeting_and_readers_of_the_region_cannot_edit() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let county = app.login(COUNTY).await;
        let id = app.new_meeting(&county, f.steering, "2025-03-03", "held").await;
        let other_county = app.login(OTHER_COUNTY).await;
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

#[tokio::test]
async fn only_one_instance_holds_the_mail_sender_lease_until_it_expires() {
    for app in TestApp::all().await {
        let b = app.backend();
        let lease = samverka_app::jobs::mail::LEASE;
        let mut conn = app.conn().await;
        let c = &mut *conn;
        let now = 1_800_000_000;
        assert!(
            leases::acquire(c, lease, "instance-a", now, 60).await.unwrap(),
            "{b}"
        );
        assert!(
            !leases::acquire(c, lease, "instance-b", now + 10, 60)
                .await
                .unwrap(),
            "{b}"
        );
        assert!(
            leases::acquire(c, lease, "instance-a", now + 15, 60)
                .await
                .unwrap(),
            "the holder renews on {b}"
        );
        assert!(
            !leases::acquire(c, lease, "instance-b", now + 70, 60)
                .await
                .unwrap(),
            "renewed, so still held on {b}"
        );
        assert!(
            leases::acquire(c, lease, "instance-b", now + 76, 60)
                .await
                .unwrap(),
            "expired, so taken over on {b}"
        );
        assert!(
            !leases::acquire(c, lease, "instance-a", now + 80, 60)
                .await
                .unwrap(),
            "{b}"
        );
        drop(conn);
        app.stop().await;
    }
}

#[tokio::test]
async fn minutes_too_long_or_nested_too_deep_are_refused_and_nothing_is_saved() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let county = app.login(COUNTY).await;
        let id = app.new_meeting(&county, f.mg_savja, "2025-04-07", "held").await;
        let edit = format!("/meetings/{id}/edit");
        let r = app
            .submit(
                &county,
                &edit,
                &[
                    ("held_on", "2025-04-07"),
                    ("status", "held"),
                    ("minutes", "Mötet öppnades."),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}");

        let too_long = "Ett protokoll som aldrig tar slut. ".repeat(3000);
        let too_deep = format!("Dagordning\n\n{}för djupt\n", "- ".repeat(11));
        for (minutes, message) in [
            (too_long.as_str(), "Protokollet är för långt"),
            (
                too_deep.as_str(),
                "Protokollet har listor, citat eller formatering i fler än tio nivåer",
            ),
        ] {
            let r = app
                .submit(
                    &county,
                    &edit,
                    &[
                        ("held_on", "2025-04-07"),
                        ("status", "held"),
                        ("minutes", minutes),
                    ],
                )
                .await;
            assert_eq!(r.status, 422, "{b}: {message}");
            assert!(
                page_text(&r.body).contains(message),
                "{b}: {}",
                page_text(&r.body)
            );
            assert!(
                r.body.contains("href=\"#minutes\""),
                "{b}: the summary links to the field"
            );
        }
        let stored = meetings::get(&mut *app.conn().await, id).await.unwrap();
        assert_eq!(
            stored.minutes_md.as_deref(),
            Some("Mötet öppnades."),
            "{b}: nothing saved"
        );
        let (status, body) = app.get(&county, &format!("/meetings/{id}")).await;
        assert_eq!(status, 200, "{b}");
        assert!(body.contains("Mötet öppnades."), "{b}");
        app.stop().await;
    }
}
