//! Closing centres and units through the JSON API: who may, what the
//! closed centre looks like in the lists, and what a second close or a bad
//! date gets.

use reqwest::Method;
use samverka_app::{AuditAction, AuditEntity};
use serde_json::{Value, json};

use crate::support::{
    COUNTY, LOCAL_HEBY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp, assert_error_shape, centre_named,
};

/// `POST {"closed_on": ...}` to a close route with a token; status and answer.
async fn close(app: &TestApp, token: &str, path: &str, closed_on: &str) -> (u16, Value) {
    let body = json!({ "closed_on": closed_on }).to_string();
    app.api(Method::POST, path, Some(token), Some(&body)).await
}

/// The `field`s of an error answer, in order.
fn fields(json: &Value) -> Vec<&str> {
    json["errors"]
        .as_array()
        .map(|errors| errors.iter().filter_map(|e| e["field"].as_str()).collect())
        .unwrap_or_default()
}

/// Whether the region's trail holds an entry by `actor` closing this record.
async fn closed_by(app: &TestApp, region: i64, actor: &str, entity: AuditEntity, id: i64) -> bool {
    app.audit(Some(region), 200).await.iter().any(|e| {
        e.actor == actor && e.action == AuditAction::Close && e.entity == entity && e.entity_id == Some(id)
    })
}

#[tokio::test]
async fn a_county_coordinator_closes_a_centre_through_the_api_and_it_leaves_the_open_list() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let tierp = app.centre("Familjecentralen i Tierp").await;
        let heby = app.centre("Familjecentralen i Heby").await;
        let savja = app.centre("Sävja familjecentral").await;
        let path = format!("/api/v1/centres/{tierp}/close");

        // Readers, other regions and local coordinators (even of their own centre) may not.
        for (who, email, centre) in [
            ("reader", READER.0, tierp),
            ("other county", OTHER_COUNTY.0, tierp),
            ("local coordinator", LOCAL_HEBY.0, heby),
        ] {
            let token = app.token(email).await;
            let last = app.last_audit_id(None).await;
            let (status, json) = close(
                &app,
                &token,
                &format!("/api/v1/centres/{centre}/close"),
                "2025-06-30",
            )
            .await;
            assert_eq!(status, 403, "{b}: {who}: {json}");
            assert_error_shape(&json, &format!("{b}: {who}"));
            assert_eq!(app.stored_centre(centre).await.closed_on, None, "{b}: {who}");
            assert_eq!(
                app.last_audit_id(None).await,
                last,
                "{b}: {who}: nothing in the trail"
            );
        }

        let token = app.token(COUNTY.0).await;
        let mut body = app.centre_body(savja).await;
        body["opened_on"] = json!("2015-09-01");
        let (status, json) = app
            .api(
                Method::PUT,
                &format!("/api/v1/centres/{savja}"),
                Some(&token),
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(status, 200, "{b}: {json}");
        // A date that is none, or before the centre opened: 422 on `closed_on`, still open.
        for bad in ["snart", "", "2014-12-31"] {
            let (status, json) = close(&app, &token, &format!("/api/v1/centres/{savja}/close"), bad).await;
            assert_eq!(status, 422, "{b}: {bad:?}: {json}");
            assert_error_shape(&json, b);
            assert_eq!(fields(&json), ["closed_on"], "{b}: {bad:?}: {json}");
        }
        assert_eq!(app.stored_centre(savja).await.closed_on, None, "{b}");

        let (status, json) = close(&app, &token, &path, "2025-06-30").await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(
            (&json["id"], &json["closed_on"]),
            (&json!(tierp), &json!("2025-06-30")),
            "{b}: {json}"
        );
        assert!(
            closed_by(&app, uppsala, COUNTY.0, AuditEntity::Centre, tierp).await,
            "{b}: the close is in the trail"
        );

        // Gone from the open list, still in the registry.
        let (status, open) = app
            .api_get(&token, &format!("/api/v1/centres?region={uppsala}"))
            .await;
        assert_eq!(status, 200, "{b}");
        assert!(
            centre_named(&open, "Familjecentralen i Tierp").is_none(),
            "{b}: a closed centre is not in the open list"
        );
        assert!(centre_named(&open, "Sävja familjecentral").is_some(), "{b}");
        let (_, all) = app
            .api_get(
                &token,
                &format!("/api/v1/centres?region={uppsala}&include_closed=true"),
            )
            .await;
        let listed = centre_named(&all, "Familjecentralen i Tierp")
            .unwrap_or_else(|| panic!("{b}: closed centres on request: {all}"));
        assert_eq!(listed["closed_on"], "2025-06-30", "{b}");
        assert_eq!(
            all["meta"]["total"].as_u64().unwrap(),
            open["meta"]["total"].as_u64().unwrap() + 1,
            "{b}"
        );

        // Closing again is a conflict; the date stays.
        let (status, json) = close(&app, &token, &path, "2025-07-01").await;
        assert_eq!(status, 409, "{b}: {json}");
        assert_error_shape(&json, b);
        assert_eq!(
            app.stored_centre(tierp).await.closed_on.map(|d| d.to_string()),
            Some("2025-06-30".to_string()),
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn units_are_closed_through_the_api_by_those_who_edit_their_centre_and_no_one_else() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let unit = app.unit_of(savja, "bhv").await;
        assert_eq!(unit.closed_on, None, "{b}: the demo's BHV at Sävja is open");
        let path = format!("/api/v1/units/{}/close", unit.id);

        for (who, email) in [
            ("reader", READER.0),
            ("other county", OTHER_COUNTY.0),
            ("another centre's coordinator", LOCAL_HEBY.0),
        ] {
            let token = app.token(email).await;
            let last = app.last_audit_id(None).await;
            let (status, json) = close(&app, &token, &path, "2025-03-31").await;
            assert_eq!(status, 403, "{b}: {who}: {json}");
            assert_error_shape(&json, &format!("{b}: {who}"));
            assert_eq!(app.last_audit_id(None).await, last, "{b}: {who}");
        }
        assert_eq!(app.unit_of(savja, "bhv").await.closed_on, None, "{b}");

        // Sävja's own coordinator may.
        let token = app.token(LOCAL_SAVJA.0).await;
        let (status, json) = close(&app, &token, &path, "sista mars").await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_eq!(fields(&json), ["closed_on"], "{b}: {json}");
        assert_eq!(app.unit_of(savja, "bhv").await.closed_on, None, "{b}");

        let (status, json) = close(&app, &token, &path, "2025-03-31").await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(json["id"], savja, "{b}: the answer is the whole centre: {json}");
        let closed = json["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["id"] == unit.id)
            .unwrap_or_else(|| panic!("{b}: the closed unit is still listed: {json}"));
        assert_eq!(closed["closed_on"], "2025-03-31", "{b}: {closed}");
        let (_, read) = app.api_get(&token, &format!("/api/v1/centres/{savja}")).await;
        let reread = read["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["id"] == unit.id)
            .unwrap();
        assert_eq!(reread["closed_on"], "2025-03-31", "{b}: read back: {reread}");
        assert!(
            closed_by(&app, uppsala, LOCAL_SAVJA.0, AuditEntity::Unit, unit.id).await,
            "{b}: the close is in the trail"
        );

        // Closing again is a conflict.
        let (status, json) = close(&app, &token, &path, "2025-04-30").await;
        assert_eq!(status, 409, "{b}: {json}");
        assert_error_shape(&json, b);
        assert_eq!(
            app.unit_of(savja, "bhv").await.closed_on.map(|d| d.to_string()),
            Some("2025-03-31".to_string()),
            "{b}"
        );
        app.stop().await;
    }
}
