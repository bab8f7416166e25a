//! A person's rights under the GDPR: erasure (the person becomes "f.d.
//! medlem" everywhere, counts stay) and the export of everything stored.

use samverka_store::governance::{assignments, people};

use crate::support::fixtures::Chain;
use crate::support::html::Download;
use crate::support::{COUNTY, READER, TestApp, page_text};

#[tokio::test]
async fn erasure_makes_the_person_a_former_member_everywhere_and_keeps_the_counts() {
    for app in TestApp::all().await {
        let f = Chain::build(&app).await;
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
        let seats_before = assignments::of_person(&mut *app.conn().await, f.anna)
            .await
            .unwrap()
            .len();
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
        let Download { bytes, .. } = app
            .download(&county, &format!("/regions/{}/contacts.csv", f.region))
            .await;
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
            assignments::of_person(&mut *app.conn().await, f.anna)
                .await
                .unwrap()
                .len(),
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
        let stored = people::get(&mut *app.conn().await, f.anna).await.unwrap();
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
        let f = Chain::build(&app).await;
        let reader = app.login(READER).await;
        let Download { status, .. } = app.download(&reader, &format!("/people/{}/export", f.bo)).await;
        assert_eq!(status, 403, "a reader cannot export on {}", app.backend());

        let county = app.login(COUNTY).await;
        let Download {
            status,
            content_type: ct,
            disposition: cd,
            bytes,
        } = app.download(&county, &format!("/people/{}/export", f.bo)).await;
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
async fn erasure_also_empties_the_change_logs_copies_and_says_that_minutes_stay() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = Chain::build(&app).await;
        let county = app.login(COUNTY).await;
        // A change, so that the log holds a before and an after with the name and address.
        let r = app
            .submit(
                &county,
                &format!("/people/{}/edit", f.anna),
                &[
                    ("name", "Anna Ledare"),
                    ("email", "anna.ledare@example.se"),
                    ("phone", "070-123 45 67"),
                    ("profession", "Enhetschef"),
                    ("employer_kind", "region"),
                    ("employer_name", "Region Uppsala"),
                ],
            )
            .await;
        assert!(r.status == 303, "{b}: {}", page_text(&r.body));
        let mentions = |entries: &[samverka_app::AuditEntry]| {
            entries
                .iter()
                .filter(|e| {
                    let copies = format!("{:?} {:?}", e.before, e.after);
                    copies.contains("Anna Ledare") || copies.contains("anna.ledare@example.se")
                })
                .count()
        };
        let before = app.audit(Some(f.region), 1000).await;
        assert!(mentions(&before) >= 2, "{b}: the log holds copies before erasure");

        let (_, confirm) = app.get(&county, &format!("/people/{}/erase", f.anna)).await;
        let text = page_text(&confirm);
        assert!(text.contains("ändringsloggen töms"), "{b}: {text}");
        assert!(
            text.contains("Protokoll står kvar som de skrevs"),
            "{b}: the page says minutes are not rewritten: {text}"
        );
        let r = app
            .submit(&county, &format!("/people/{}/erase", f.anna), &[])
            .await;
        assert_eq!(r.status, 303, "{b}");

        let after = app.audit(None, 5000).await;
        assert_eq!(mentions(&after), 0, "{b}: no copy of the name or address is left");
        let (_, log) = app.get(&county, &format!("/regions/{}/audit", f.region)).await;
        assert!(
            !page_text(&log).contains("Anna Ledare"),
            "{b}: nor on the audit page"
        );
        app.stop().await;
    }
}
