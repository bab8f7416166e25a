//! Introductions (*introduktion*) of new members and staff: who waits, who
//! is late, and recording a session.

use chrono::Duration;
use samverka_core::governance::AssignmentKind;

use crate::support::builders::{at_centre, person, seat};
use crate::support::fixtures::{LENA, SIGNAL_CENTRE, SignalCentre};
use crate::support::html::section;
use crate::support::{LOCAL_SAVJA, READER, TestApp, borrowed, page_text};

#[tokio::test]
async fn an_overdue_introduction_is_listed_for_the_county_until_a_session_is_recorded() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SignalCentre::build(&app).await;
        let started = app.today() - Duration::days(120);
        let mut seed = app.seed().await;
        let member = seed.person(f.region, &person("Olle Ledamot")).await.unwrap();
        let staff = seed.person(f.region, &person("Sara Medarbetare")).await.unwrap();
        let seat = seed
            .assignment(&seat(
                f.region,
                member,
                AssignmentKind::ManagementMember,
                f.management,
                started,
            ))
            .await
            .unwrap();
        seed.assignment(&at_centre(
            f.region,
            staff,
            AssignmentKind::StaffMember,
            f.centre,
            app.today(),
        ))
        .await
        .unwrap();
        seed.commit().await.unwrap();

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
        let local_part = page_text(section(&html, &format!("Lokal samordnare för {SIGNAL_CENTRE}")));
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
                ("held_on", app.today().to_string()),
                ("held_by", f.county_person.to_string()),
                ("title", "Introduktion för nya ledamöter".to_string()),
                ("participant", participant),
            ]
        };
        let reply = app
            .submit(&local, &new, &borrowed(&fields(seat.to_string())))
            .await;
        assert_eq!(
            reply.status, 422,
            "{b}: a local coordinator introduces only their own centres' staff"
        );

        let mut future = fields(seat.to_string());
        future[0].1 = (app.today() + Duration::days(3)).to_string();
        let reply = app.submit(&county, &new, &borrowed(&future)).await;
        assert_eq!(
            reply.status, 422,
            "{b}: a session cannot be recorded ahead of time"
        );
        let reply = app
            .submit(
                &county,
                &new,
                &[("held_on", &app.today().to_string()), ("title", "Tom")],
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
            .submit(&county, &new, &borrowed(&fields(seat.to_string())))
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
