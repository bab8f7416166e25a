//! The audit trail: who changed what, before and after — on the page and in the API.

use serde_json::Value;

use crate::support::{
    ADMIN, COUNTY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp, borrowed, centre_fields, page_text, with,
};

#[tokio::test]
async fn an_edit_shows_up_in_the_audit_trail_with_before_and_after() {
    for app in TestApp::all().await {
        let uppsala = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let local = app.login(LOCAL_SAVJA).await;
        let fields = with(
            centre_fields(&app.stored_centre(savja).await),
            "name",
            "Sävja familjecentrum",
        );
        let r = app
            .submit(&local, &format!("/centres/{savja}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());

        // The page.
        let county = app.login(COUNTY).await;
        let (status, html) = app.get(&county, &format!("/regions/{uppsala}/audit")).await;
        assert_eq!(status, 200, "{}", app.backend());
        let first_row = {
            let at = html.find("<tbody>").expect("table");
            let rest = &html[at..];
            page_text(&rest[..rest.find("</tr>").expect("a row")])
        };
        assert!(
            first_row.contains(LOCAL_SAVJA.0),
            "{}: who: {first_row}",
            app.backend()
        );
        assert!(
            first_row.contains("Ändrade"),
            "{}: what: {first_row}",
            app.backend()
        );
        assert!(
            first_row.contains(&format!("Familjecentral #{savja}")),
            "{}: which: {first_row}",
            app.backend()
        );
        assert!(
            first_row.contains("Före") && first_row.contains("Efter"),
            "{}: {first_row}",
            app.backend()
        );
        assert!(
            first_row.contains("\"name\": \"Sävja familjecentral\""),
            "{}: before: {first_row}",
            app.backend()
        );
        assert!(
            first_row.contains("\"name\": \"Sävja familjecentrum\""),
            "{}: after: {first_row}",
            app.backend()
        );

        // The API.
        let token = app.token(COUNTY.0).await;
        let (status, json) = app
            .api_get(&token, &format!("/api/v1/audit?region={uppsala}"))
            .await;
        assert_eq!(status, 200, "{}: {json}", app.backend());
        let entry = &json["entries"][0];
        assert_eq!(entry["actor"], LOCAL_SAVJA.0, "{}: {entry}", app.backend());
        assert_eq!(entry["action"], "update", "{}", app.backend());
        assert_eq!(entry["entity"], "centre", "{}", app.backend());
        assert_eq!(entry["entity_id"], savja, "{}", app.backend());
        assert_eq!(entry["region_id"], uppsala, "{}", app.backend());
        assert_eq!(
            entry["before"]["name"],
            "Sävja familjecentral",
            "{}",
            app.backend()
        );
        assert_eq!(
            entry["after"]["name"],
            "Sävja familjecentrum",
            "{}",
            app.backend()
        );
        assert!(
            entry["at"].as_str().is_some_and(|at| at.starts_with("20")),
            "{}: {entry}",
            app.backend()
        );
        let ids: Vec<i64> = json["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect();
        assert!(
            ids.windows(2).all(|w| w[0] > w[1]),
            "{}: newest first",
            app.backend()
        );
        assert_eq!(json["meta"]["total"], ids.len(), "{}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn only_those_who_manage_the_region_read_its_audit_trail() {
    for app in TestApp::all().await {
        let uppsala = app.uppsala().await;
        let other = app.other_region().await;
        for account in [LOCAL_SAVJA, READER, OTHER_COUNTY] {
            let client = app.login(account).await;
            let (status, _) = app.get(&client, &format!("/regions/{uppsala}/audit")).await;
            assert_eq!(status, 403, "{}: {} page", app.backend(), account.0);
            let token = app.token(account.0).await;
            let (status, json) = app
                .api_get(&token, &format!("/api/v1/audit?region={uppsala}"))
                .await;
            assert_eq!(status, 403, "{}: {} api", app.backend(), account.0);
            assert!(
                json["errors"][0]["detail"].is_string(),
                "{}: {json}",
                app.backend()
            );
            let (status, _) = app.api_get(&token, "/api/v1/audit").await;
            assert_eq!(status, 403, "{}: {} the whole trail", app.backend(), account.0);
        }
        let county = app.token(COUNTY.0).await;
        let (status, _) = app.api_get(&county, "/api/v1/audit").await;
        assert_eq!(status, 403, "{}: the whole trail is for admins", app.backend());
        let (status, _) = app
            .api_get(&county, &format!("/api/v1/audit?region={other}"))
            .await;
        assert_eq!(status, 403, "{}", app.backend());
        let admin = app.token(ADMIN.0).await;
        let (status, json) = app.api_get(&admin, "/api/v1/audit?limit=5").await;
        assert_eq!(status, 200, "{}", app.backend());
        assert_eq!(
            json["entries"].as_array().map(Vec::len),
            Some(5),
            "{}",
            app.backend()
        );
        assert!(
            json["meta"]["next_before"].is_i64(),
            "{}: more pages: {json}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_region_sees_only_its_own_changes_page_by_page() {
    for app in TestApp::all().await {
        let uppsala = app.uppsala().await;
        let token = app.token(COUNTY.0).await;
        let (_, first) = app
            .api_get(&token, &format!("/api/v1/audit?region={uppsala}&limit=3"))
            .await;
        let next = first["meta"]["next_before"].as_i64().expect("a next page");
        let (_, second) = app
            .api_get(
                &token,
                &format!("/api/v1/audit?region={uppsala}&limit=3&before={next}"),
            )
            .await;
        let ids = |v: &Value| -> Vec<i64> {
            v["entries"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_i64().unwrap())
                .collect()
        };
        let (a, b) = (ids(&first), ids(&second));
        assert_eq!((a.len(), b.len()), (3, 3), "{}", app.backend());
        assert!(a.last() > b.first(), "{}: {a:?} then {b:?}", app.backend());
        let all = [&first, &second]
            .map(|v| v["entries"].as_array().unwrap().clone())
            .concat();
        assert!(
            all.iter().all(|e| e["region_id"] == uppsala),
            "{}: {all:?}",
            app.backend()
        );

        let client = app.login(COUNTY).await;
        let (_, html) = app.get(&client, &format!("/regions/{uppsala}/audit")).await;
        assert!(
            html.contains(&format!("/regions/{uppsala}/audit?before=")),
            "{}: older link",
            app.backend()
        );

        let other = app.other_region().await;
        let token = app.token(OTHER_COUNTY.0).await;
        let (status, json) = app
            .api_get(&token, &format!("/api/v1/audit?region={other}&limit=500"))
            .await;
        assert_eq!(status, 200, "{}", app.backend());
        let entries = json["entries"].as_array().unwrap();
        assert!(!entries.is_empty(), "{}", app.backend());
        assert!(
            entries.iter().all(|e| e["region_id"] == other),
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}
