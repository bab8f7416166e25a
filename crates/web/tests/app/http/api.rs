//! The JSON API's conventions under `/api/v1`: bearer tokens, the same
//! permission rules as the pages, one error shape for every error (400, 401,
//! 403, 404, 405, 409, 422, 503), and its OpenAPI document.

use reqwest::Method;
use samverka_store::registry::centres;
use serde_json::{Value, json};

use crate::support::callers::Caller::{self, Admin, Visitor};
use crate::support::callers::{
    EDIT_HEBY, EDIT_SAVJA, EVERYONE, MANAGE_OTHER, MANAGE_UPPSALA, VIEW_OTHER, VIEW_UPPSALA,
};
use crate::support::{COUNTY, TestApp, assert_error_shape};

/// One API route and who may use it.
struct Call {
    method: Method,
    path: String,
    body: Option<Value>,
    allowed: &'static [Caller],
    ok: u16,
}

/// A `GET` every allowed caller gets 200 for.
fn read(path: String, allowed: &'static [Caller]) -> Call {
    Call {
        method: Method::GET,
        path,
        body: None,
        allowed,
        ok: 200,
    }
}

/// A change every allowed caller gets `ok` for.
fn write(method: Method, path: String, body: Value, allowed: &'static [Caller], ok: u16) -> Call {
    Call {
        method,
        path,
        body: Some(body),
        allowed,
        ok,
    }
}

#[tokio::test]
async fn every_role_gets_the_right_answer_from_the_api() {
    for app in TestApp::all().await {
        let uppsala = app.uppsala().await;
        let other = app.other_region().await;
        let savja = app.centre("Sävja familjecentral").await;
        let heby = app.centre("Familjecentralen i Heby").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let solrosen = app.centre("Familjecentralen Solrosen").await;
        let savja_bhv = app.unit_of(savja, "bhv").await.id;
        let uppsala_m = app.municipality("Uppsala").await;
        let slattkoping = app.municipality("Slättköping").await;
        let new_centre =
            |region: i64, m: i64| json!({"region_id": region, "municipality_id": m, "name": "API-centralen"});
        let u = centres::get_unit(&mut *app.conn().await, savja_bhv)
            .await
            .unwrap();
        let new_unit = json!({"service": "other", "name": "API-parten", "premises_id": u.premises_id});
        let bhv = json!({"service": "bhv", "name": u.name, "principal_kind": "region",
                         "principal_name": u.principal_name, "premises_id": u.premises_id, "full_operation": true});
        let savja_premises = u.premises_id.unwrap_or_default();
        let premises = json!({"name": "Sävjahuset", "address": "Sävja torg 1"});
        let (body_savja, body_heby) = (app.centre_body(savja).await, app.centre_body(heby).await);
        let (body_gimo, body_solrosen) = (app.centre_body(gimo).await, app.centre_body(solrosen).await);
        #[rustfmt::skip]
        let calls = vec![
            read("/api/v1/centres".into(), EVERYONE),
            read("/api/v1/municipalities?year=2024".into(), EVERYONE),
            read(format!("/api/v1/centres/{savja}"), VIEW_UPPSALA),
            read(format!("/api/v1/centres/{solrosen}"), VIEW_OTHER),
            write(Method::PUT, format!("/api/v1/centres/{savja}"), body_savja, EDIT_SAVJA, 200),
            write(Method::PUT, format!("/api/v1/centres/{heby}"), body_heby, EDIT_HEBY, 200),
            write(Method::PUT, format!("/api/v1/centres/{gimo}"), body_gimo, MANAGE_UPPSALA, 200),
            write(Method::PUT, format!("/api/v1/centres/{solrosen}"), body_solrosen, MANAGE_OTHER, 200),
            write(Method::POST, "/api/v1/centres".into(), new_centre(uppsala, uppsala_m), MANAGE_UPPSALA, 201),
            write(Method::POST, "/api/v1/centres".into(), new_centre(other, slattkoping), MANAGE_OTHER, 201),
            write(Method::POST, format!("/api/v1/centres/{savja}/units"), new_unit, EDIT_SAVJA, 201),
            write(Method::PUT, format!("/api/v1/units/{savja_bhv}"), bhv, EDIT_SAVJA, 200),
            write(Method::PUT, format!("/api/v1/premises/{savja_premises}"), premises, EDIT_SAVJA, 200),
            read(format!("/api/v1/audit?region={uppsala}"), MANAGE_UPPSALA),
            read(format!("/api/v1/audit?region={other}"), MANAGE_OTHER),
            read("/api/v1/audit".into(), &[Admin]),
        ];
        let mut failures = Vec::new();
        for caller in Caller::ALL {
            let token = match caller.account() {
                Some((email, _)) => Some(app.token(email).await),
                None => None,
            };
            for c in &calls {
                let body = c.body.as_ref().map(Value::to_string);
                let (status, json) = app
                    .api(c.method.clone(), &c.path, token.as_deref(), body.as_deref())
                    .await;
                let expected = match caller {
                    Visitor => 401,
                    _ if c.allowed.contains(&caller) => c.ok,
                    _ => 403,
                };
                if status != expected {
                    failures.push(format!(
                        "{caller:?} {} {}: expected {expected}, got {status}: {json}",
                        c.method, c.path
                    ));
                } else if status >= 400 {
                    assert_error_shape(
                        &json,
                        &format!("{}: {caller:?} {} {}", app.backend(), c.method, c.path),
                    );
                }
            }
        }
        assert!(failures.is_empty(), "{}:\n{}", app.backend(), failures.join("\n"));
        app.stop().await;
    }
}

#[tokio::test]
async fn bad_bodies_get_422_and_malformed_json_400_in_the_error_shape_and_change_nothing() {
    for app in TestApp::all().await {
        let b = app.backend();
        let token = app.token(COUNTY.0).await;
        let savja = app.centre("Sävja familjecentral").await;
        let before = app.stored_centre(savja).await;
        let path = format!("/api/v1/centres/{savja}");

        let mut body = app.centre_body(savja).await;
        body["name"] = json!("  ");
        body["opened_on"] = json!("2024-13-01");
        body["shared_opening_hours"] = json!("många");
        let (status, json) = app
            .api(Method::PUT, &path, Some(&token), Some(&body.to_string()))
            .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_error_shape(&json, b);
        let fields: Vec<&str> = json["errors"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(
            fields,
            ["name", "opened_on", "shared_opening_hours"],
            "{b}: {json}"
        );
        assert_eq!(json["errors"][0]["detail"], "Fyll i fältet.", "{b}");

        let slattkoping = app.municipality("Slättköping").await;
        let mut body = app.centre_body(savja).await;
        body["municipality_id"] = json!(slattkoping);
        let (status, json) = app
            .api(Method::PUT, &path, Some(&token), Some(&body.to_string()))
            .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_eq!(json["errors"][0]["field"], "municipality_id", "{b}: {json}");

        // English on request.
        let mut body = app.centre_body(savja).await;
        body["name"] = json!("");
        let res = reqwest::Client::new()
            .put(app.url(&path))
            .bearer_auth(&token)
            .header("accept-language", "en")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{b}");
        let json: Value = res.json().await.unwrap();
        assert_eq!(
            json,
            json!({"errors": [{"field": "name", "detail": "Fill in this field.", "code": "required"}]}),
            "{b}"
        );

        // Creating: a missing region, and a region's centre in another region's municipality.
        let (status, json) = app
            .api(
                Method::POST,
                "/api/v1/centres",
                Some(&token),
                Some(r#"{"municipality_id": 1, "name": "X"}"#),
            )
            .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_eq!(json["errors"][0]["field"], "region_id", "{b}");
        let uppsala = app.uppsala().await;
        let body =
            json!({"region_id": uppsala, "municipality_id": slattkoping, "name": "Gränslös"}).to_string();
        let (status, json) = app
            .api(Method::POST, "/api/v1/centres", Some(&token), Some(&body))
            .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_eq!(json["errors"][0]["field"], "municipality_id", "{b}");

        // Malformed JSON: 400, in the same shape.
        for body in ["{\"name\": ", "not json", "[]", "{\"name\": 5}"] {
            let (status, json) = app
                .api(
                    Method::PUT,
                    &format!("/api/v1/centres/{savja}"),
                    Some(&token),
                    Some(body),
                )
                .await;
            assert_eq!(status, 400, "{b}: {body}");
            assert_error_shape(&json, &format!("{b}: {body}"));
        }
        let (status, json) = app
            .api(
                Method::PUT,
                &format!("/api/v1/centres/{savja}"),
                Some(&token),
                Some("{"),
            )
            .await;
        assert_eq!(status, 400, "{b}");
        assert!(
            json["errors"][0]["detail"]
                .as_str()
                .unwrap()
                .starts_with("Förfrågans JSON gick inte att läsa"),
            "{b}: {json}"
        );
        let (status, json) = app
            .api(Method::POST, "/api/v1/centres", Some(&token), Some("{"))
            .await;
        assert_eq!(status, 400, "{b}");
        assert_error_shape(&json, b);
        // No content type at all.
        let res = reqwest::Client::new()
            .put(app.url(&format!("/api/v1/centres/{savja}")))
            .bearer_auth(&token)
            .body("{}")
            .send()
            .await
            .unwrap();
        assert!(res.status().is_client_error(), "{b}");
        let json: Value = res.json().await.unwrap_or(Value::Null);
        assert_error_shape(&json, b);

        assert_eq!(app.stored_centre(savja).await, before, "{b}");
        assert_eq!(
            centres::list(&mut *app.conn().await, None).await.unwrap().len(),
            22,
            "{b}"
        );

        // Unknown records: 404, in the same shape.
        let (status, json) = app.api_get(&token, "/api/v1/centres/999999").await;
        assert_eq!(status, 404, "{b}");
        assert_error_shape(&json, b);
        let (status, _) = app
            .api(
                Method::PUT,
                "/api/v1/units/999999",
                Some(&token),
                Some("{\"service\":\"bhv\"}"),
            )
            .await;
        assert_eq!(status, 404, "{b}");

        // A closed centre: 409, in the same shape.
        let tierp = app.centre("Familjecentralen i Tierp").await;
        samverka_app::registry::centres::close(&app.cli(), tierp, "2025-01-31")
            .await
            .unwrap();
        let body = app.centre_body(tierp).await.to_string();
        let (status, json) = app
            .api(
                Method::PUT,
                &format!("/api/v1/centres/{tierp}"),
                Some(&token),
                Some(&body),
            )
            .await;
        assert_eq!(status, 409, "{b}: {json}");
        assert_error_shape(&json, b);
        app.stop().await;
    }
}

#[tokio::test]
async fn without_a_valid_token_the_api_answers_401() {
    for app in TestApp::all().await {
        let b = app.backend();
        let savja = app.centre("Sävja familjecentral").await;
        for token in [None, Some("svk_inte-en-riktig-nyckel"), Some("")] {
            let (status, json) = app.api(Method::GET, "/api/v1/centres", token, None).await;
            assert_eq!(status, 401, "{b}: {token:?}");
            assert_error_shape(&json, b);
        }
        let res = reqwest::Client::new()
            .get(app.url("/api/v1/centres"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["www-authenticate"], "Bearer", "{b}");
        let (status, _) = app
            .api(Method::PUT, &format!("/api/v1/centres/{savja}"), None, Some("{}"))
            .await;
        assert_eq!(status, 401, "{b}");

        // A logged-in browser session is no API key.
        let client = app.login(COUNTY).await;
        let res = client.get(app.url("/api/v1/centres")).send().await.unwrap();
        assert_eq!(res.status(), 401, "{b}: cookies do not authenticate the API");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_health_check_and_the_api_document_need_no_login() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.client();
        let (status, body) = app.get(&client, "/healthz").await;
        assert_eq!((status, body.as_str()), (200, "ok"), "{b}");
        let res = client.get(app.url("/api/v1/openapi.json")).send().await.unwrap();
        assert_eq!(res.status(), 200, "{b}");
        let doc: Value = res.json().await.unwrap();
        for path in [
            "/api/v1/centres",
            "/api/v1/centres/{id}",
            "/api/v1/municipalities",
            "/api/v1/audit",
        ] {
            assert!(
                doc["paths"].get(path).is_some(),
                "{b}: {path} in {}",
                doc["paths"]
            );
        }
        assert_eq!(
            doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer",
            "{b}"
        );
        let (status, _) = app.get(&client, "/api/v1/docs/").await;
        assert_eq!(status, 200, "{b}: the browsable docs");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_openapi_document_stays_as_published() {
    let app = TestApp::sqlite().await;
    let mut doc: Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // The crate version changes with every release; the API does not.
    doc["info"]["version"] = json!("[version]");
    insta::assert_json_snapshot!("openapi", doc);
    app.stop().await;
}
