//! Closing asks for confirmation and says what happens; a county
//! coordinator can undo it (reopen), on the pages and through the API, with
//! an audit entry. Nobody else can.

use reqwest::Method;
use samverka_app::{AuditAction, AuditEntity};

use crate::support::html::field_error;
use crate::support::{COUNTY, LOCAL_SAVJA, READER, TestApp, assert_error_shape, page_text};

/// Whether the region's trail holds an entry by `actor` reopening this record.
async fn reopened_by(app: &TestApp, region: i64, actor: &str, entity: AuditEntity, id: i64) -> bool {
    app.audit(Some(region), 200).await.iter().any(|e| {
        e.actor == actor && e.action == AuditAction::Reopen && e.entity == entity && e.entity_id == Some(id)
    })
}

#[tokio::test]
async fn closing_says_what_happens_and_needs_the_box_ticked() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let tierp = app.centre("Familjecentralen i Tierp").await;
        let (status, html) = app.get(&client, &format!("/centres/{tierp}/close")).await;
        assert_eq!(status, 200, "{b}");
        let text = page_text(&html);
        for says in [
            "Det här händer:",
            "Familjecentralen tas inte bort.",
            "länssamordnaren öppna den igen",
            "Ja, lägg ned Familjecentralen i Tierp.",
        ] {
            assert!(text.contains(says), "{b}: {says:?} in {text}");
        }

        // Without the box ticked nothing is closed, and the form says why.
        let r = app
            .submit(
                &client,
                &format!("/centres/{tierp}/close"),
                &[("closed_on", "2025-06-30")],
            )
            .await;
        assert_eq!(r.status, 422, "{b}");
        assert_eq!(
            field_error(&r.body, "confirm").as_deref(),
            Some("Kryssa i rutan för att bekräfta."),
            "{b}"
        );
        assert_eq!(app.stored_centre(tierp).await.closed_on, None, "{b}");

        // The same for a unit.
        let savja = app.centre("Sävja familjecentral").await;
        let bhv = app.unit_of(savja, "bhv").await;
        let (_, html) = app.get(&client, &format!("/units/{}/close", bhv.id)).await;
        assert!(
            page_text(&html).contains("klassningen räknas om utan den"),
            "{b}: says the class changes"
        );
        let r = app
            .submit(
                &client,
                &format!("/units/{}/close", bhv.id),
                &[("closed_on", "2025-06-30")],
            )
            .await;
        assert_eq!(r.status, 422, "{b}");
        assert_eq!(app.unit_of(savja, "bhv").await.closed_on, None, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_county_coordinator_reopens_a_closed_centre_and_unit_and_a_reader_cannot() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let county = app.login(COUNTY).await;
        let tierp = app.centre("Familjecentralen i Tierp").await;
        let r = app
            .submit(
                &county,
                &format!("/centres/{tierp}/close"),
                &[("closed_on", "2025-06-30"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", r.body);

        // The closed centre offers the county coordinator a way back, not the reader.
        let (_, html) = app.get(&county, &format!("/centres/{tierp}")).await;
        assert!(html.contains(&format!("/centres/{tierp}/reopen")), "{b}");
        assert!(page_text(&html).contains("Öppna familjecentralen igen"), "{b}");
        let reader = app.login(READER).await;
        let (_, html) = app.get(&reader, &format!("/centres/{tierp}")).await;
        assert!(!html.contains(&format!("/centres/{tierp}/reopen")), "{b}");

        // Readers and local coordinators are refused, and nothing changes.
        let last = app.last_audit_id(None).await;
        for account in [READER, LOCAL_SAVJA] {
            let client = app.login(account).await;
            let (status, _) = app.get(&client, &format!("/centres/{tierp}/reopen")).await;
            assert_eq!(status, 403, "{b}: {}", account.0);
            let r = app
                .submit(&client, &format!("/centres/{tierp}/reopen"), &[])
                .await;
            assert_eq!(r.status, 403, "{b}: {}", account.0);
        }
        assert!(app.stored_centre(tierp).await.closed_on.is_some(), "{b}");
        assert_eq!(app.last_audit_id(None).await, last, "{b}: nothing in the trail");

        // The county coordinator is asked first, then it is open again.
        let (status, html) = app.get(&county, &format!("/centres/{tierp}/reopen")).await;
        assert_eq!(status, 200, "{b}");
        assert!(
            page_text(&html).contains("Öppna Familjecentralen i Tierp igen"),
            "{b}"
        );
        let r = app
            .submit(&county, &format!("/centres/{tierp}/reopen"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}: {}", r.body);
        assert_eq!(r.location, Some(format!("/centres/{tierp}")), "{b}");
        assert_eq!(app.stored_centre(tierp).await.closed_on, None, "{b}");
        assert!(
            reopened_by(&app, uppsala, COUNTY.0, AuditEntity::Centre, tierp).await,
            "{b}: audited"
        );
        let (_, html) = app.get(&county, &format!("/regions/{uppsala}")).await;
        assert!(
            page_text(&html).contains("Familjecentralen i Tierp"),
            "{b}: back in the overview"
        );
        // A second click finds nothing to reopen.
        let r = app
            .submit(&county, &format!("/centres/{tierp}/reopen"), &[])
            .await;
        assert_eq!(r.status, 409, "{b}");

        // A unit, likewise.
        let savja = app.centre("Sävja familjecentral").await;
        let bhv = app.unit_of(savja, "bhv").await.id;
        let r = app
            .submit(
                &county,
                &format!("/units/{bhv}/close"),
                &[("closed_on", "2025-06-30"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", r.body);
        let (_, html) = app.get(&county, &format!("/centres/{savja}")).await;
        assert!(html.contains(&format!("/units/{bhv}/reopen")), "{b}");
        let local = app.login(LOCAL_SAVJA).await;
        let r = app.submit(&local, &format!("/units/{bhv}/reopen"), &[]).await;
        assert_eq!(r.status, 403, "{b}: only the county coordinator reopens");
        let r = app.submit(&county, &format!("/units/{bhv}/reopen"), &[]).await;
        assert_eq!(r.status, 303, "{b}: {}", r.body);
        assert_eq!(app.unit_of(savja, "bhv").await.closed_on, None, "{b}");
        assert!(
            reopened_by(&app, uppsala, COUNTY.0, AuditEntity::Unit, bhv).await,
            "{b}: audited"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_api_reopens_for_the_county_coordinator_only() {
    for app in TestApp::all().await {
        let b = app.backend();
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let county = app.token(COUNTY.0).await;
        let body = serde_json::json!({ "closed_on": "2025-06-30" }).to_string();
        let (status, json) = app
            .api(
                Method::POST,
                &format!("/api/v1/centres/{gimo}/close"),
                Some(&county),
                Some(&body),
            )
            .await;
        assert_eq!(status, 200, "{b}: {json}");

        let reader = app.token(READER.0).await;
        let path = format!("/api/v1/centres/{gimo}/reopen");
        let (status, json) = app.api(Method::POST, &path, Some(&reader), None).await;
        assert_eq!(status, 403, "{b}: {json}");
        assert_error_shape(&json, b);
        assert!(app.stored_centre(gimo).await.closed_on.is_some(), "{b}");

        let (status, json) = app.api(Method::POST, &path, Some(&county), None).await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(json["closed_on"], serde_json::Value::Null, "{b}: {json}");
        let (status, json) = app.api(Method::POST, &path, Some(&county), None).await;
        assert_eq!(status, 409, "{b}: {json}");
        assert_error_shape(&json, b);

        // A unit through the API.
        let bhv = app.unit_of(gimo, "bhv").await.id;
        let (status, _) = app
            .api(
                Method::POST,
                &format!("/api/v1/units/{bhv}/close"),
                Some(&county),
                Some(&body),
            )
            .await;
        assert_eq!(status, 200, "{b}");
        let unit_path = format!("/api/v1/units/{bhv}/reopen");
        let (status, _) = app.api(Method::POST, &unit_path, Some(&reader), None).await;
        assert_eq!(status, 403, "{b}");
        let (status, json) = app.api(Method::POST, &unit_path, Some(&county), None).await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(app.unit_of(gimo, "bhv").await.closed_on, None, "{b}");
        app.stop().await;
    }
}
