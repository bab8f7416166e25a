//! The people registry (*personregistret*) and their assignments: who reads
//! it, who keeps it, what a person needs, and the history of assignments.

use chrono::Duration;
use samverka_core::PrincipalKind;
use samverka_core::governance::AssignmentKind;
use samverka_store::governance::{assignments, people};

use crate::support::fixtures::{Chain, municipal_staff};
use crate::support::{COUNTY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp, page_text};

#[tokio::test]
async fn the_people_list_is_readable_in_the_region_and_closed_to_other_regions() {
    for app in TestApp::all().await {
        let f = Chain::build(&app).await;
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
        let f = Chain::build(&app).await;
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
        let names: Vec<String> = people::list(&mut *app.conn().await, f.region)
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
        let f = Chain::build(&app).await;
        let county = app.login(COUNTY).await;
        let before = people::list(&mut *app.conn().await, f.region)
            .await
            .unwrap()
            .len();
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
            people::list(&mut *app.conn().await, f.region)
                .await
                .unwrap()
                .len(),
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
        let stored = people::list(&mut *app.conn().await, f.region).await.unwrap();
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
        let f = Chain::build(&app).await;
        let county = app.login(COUNTY).await;
        let end = format!("/assignments/{}/end", f.anna_seat);
        let too_early = (app.today() - Duration::days(400)).to_string();
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

        let yesterday = (app.today() - Duration::days(1)).to_string();
        let (status, _, _) = app.post_form(&county, &end, &[("ends_on", &yesterday)]).await;
        assert_eq!(status, 303, "on {}", app.backend());
        let (status, _, _) = app
            .post_form(
                &county,
                &format!("/people/{}/assignments/new", f.anna),
                &[
                    ("kind", "steering_member"),
                    ("group_id", &f.steering.to_string()),
                    ("starts_on", &app.today().to_string()),
                ],
            )
            .await;
        assert_eq!(status, 303, "a new assignment is added on {}", app.backend());

        let history = assignments::of_person(&mut *app.conn().await, f.anna)
            .await
            .unwrap();
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
        let f = Chain::build(&app).await;
        let mut seed = app.seed().await;
        let worker = seed
            .person(f.region, &municipal_staff("Ida Medarbetare", "ida@example.se"))
            .await
            .unwrap();
        seed.commit().await.unwrap();
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

        let start = app.today().to_string();
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
            assignments::of_person(&mut *app.conn().await, worker)
                .await
                .unwrap()
                .is_empty(),
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
        let stored = assignments::of_person(&mut *app.conn().await, worker)
            .await
            .unwrap();
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
