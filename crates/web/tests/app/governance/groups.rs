//! Governing groups: listed by kind, created by the county coordinator.

use samverka_core::governance::GroupKind;
use samverka_store::governance::groups;

use crate::support::fixtures::Chain;
use crate::support::{COUNTY, READER, TestApp, page_text};

#[tokio::test]
async fn groups_are_listed_by_kind_and_created_by_the_county_coordinator() {
    for app in TestApp::all().await {
        let f = Chain::build(&app).await;
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
        let stored = groups::get(&mut *app.conn().await, id).await.unwrap();
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
