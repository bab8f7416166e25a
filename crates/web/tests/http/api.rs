//! The JSON API under `/api/v1`: bearer tokens, the same permission rules as
//! the pages, one error shape, and its OpenAPI document.

use reqwest::Method;
use serde_json::{Value, json};

use crate::permissions::Caller::{self, Admin, County, LocalHeby, LocalSavja, OtherCounty, Reader, Visitor};
use crate::permissions::{EDIT_HEBY, EDIT_SAVJA, MANAGE_OTHER, MANAGE_UPPSALA, VIEW_OTHER, VIEW_UPPSALA};
use crate::support::{COUNTY, LOCAL_SAVJA, READER, TestApp};

const CLASSIFICATIONS: [&str; 3] = [
    "familjecentral",
    "familjecentralsliknande",
    "familjecentrerat_arbete",
];
/// The co-location values the API may give (any order).
const COLOCATIONS: [&str; 4] = ["till_stor_del", "inte_alls", "helt_och_hallet", "till_viss_del"];

/// The centres of a list, by name.
fn by_name<'a>(list: &'a Value, name: &str) -> Option<&'a Value> {
    list["centres"].as_array()?.iter().find(|c| c["name"] == name)
}

/// Asserts the API's error shape: `{"errors": [{"detail": "...", "field"?: "..."}]}`.
fn assert_error_shape(json: &Value, context: &str) {
    let errors = json["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("{context}: no errors list in {json}"));
    assert!(!errors.is_empty(), "{context}: {json}");
    for e in errors {
        assert!(
            e["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{context}: {json}"
        );
        assert!(e.get("field").is_none_or(Value::is_string), "{context}: {json}");
    }
}

/// A centre body as it is now, for a `PUT` that changes nothing.
async fn body_of(app: &TestApp, id: i64) -> Value {
    let c = app.stored_centre(id).await;
    json!({
        "municipality_id": c.municipality_id,
        "name": c.name,
        "address": c.address,
        "opened_on": c.opened_on.map(|d| d.to_string()),
        "shared_opening_hours": c.shared_opening_minutes.map(samverka_core::hours::format_hours),
    })
}

#[tokio::test]
async fn the_centre_list_has_only_visible_centres_with_coded_classes() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let other = app.other_region().await;
        let (status, list) = app.api_get(&app.token(COUNTY.0).await, "/api/v1/centres").await;
        assert_eq!(status, 200, "{b}: {list}");
        let centres = list["centres"].as_array().unwrap();
        assert_eq!(centres.len(), 17, "{b}");
        assert_eq!(list["meta"]["total"], 17, "{b}");
        assert!(centres.iter().all(|c| c["region_id"] == uppsala), "{b}");
        for c in centres {
            let class = &c["classification"];
            assert!(
                class.is_null() || CLASSIFICATIONS.contains(&class.as_str().unwrap_or("?")),
                "{b}: {class}"
            );
            let colocation = &c["colocation"];
            assert!(
                colocation.is_null() || COLOCATIONS.contains(&colocation.as_str().unwrap_or("?")),
                "{b}: {c}"
            );
            assert!(c["classification_reasons"].is_array(), "{b}");
        }
        let savja = by_name(&list, "Sävja familjecentral").expect("Sävja");
        assert_eq!(savja["classification"], "familjecentral", "{b}");
        assert_eq!(savja["colocation"], "till_stor_del", "{b}");
        assert_eq!(savja["municipality"], "Uppsala", "{b}");
        assert_eq!(savja["units"].as_array().map(Vec::len), Some(4), "{b}");
        let alvkarleby = by_name(&list, "Familjecentralen i Älvkarleby kommun").expect("Älvkarleby");
        assert_eq!(alvkarleby["classification"], Value::Null, "{b}");
        assert_eq!(alvkarleby["colocation"], Value::Null, "{b}");
        assert_eq!(
            by_name(&list, "Stenhagen familjecentral").unwrap()["classification"],
            "familjecentrerat_arbete",
            "{b}"
        );
        assert_eq!(
            by_name(&list, "Liljeforstorg familjecentral").unwrap()["classification"],
            "familjecentralsliknande",
            "{b}"
        );

        // The other region sees its own five, the admin all, a local coordinator the region.
        let (_, list) = app
            .api_get(
                &app.token(crate::support::OTHER_COUNTY.0).await,
                "/api/v1/centres",
            )
            .await;
        assert_eq!(list["meta"]["total"], 5, "{b}");
        assert!(
            list["centres"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["region_id"] == other),
            "{b}"
        );
        let admin = app.token(crate::support::ADMIN.0).await;
        let (_, list) = app.api_get(&admin, "/api/v1/centres").await;
        assert_eq!(list["meta"]["total"], 22, "{b}");
        let (_, list) = app
            .api_get(&admin, &format!("/api/v1/centres?region={other}"))
            .await;
        assert_eq!(list["meta"]["total"], 5, "{b}");
        let (_, list) = app
            .api_get(&app.token(LOCAL_SAVJA.0).await, "/api/v1/centres")
            .await;
        assert_eq!(list["meta"]["total"], 17, "{b}");
        let (_, list) = app
            .api_get(
                &app.token(READER.0).await,
                &format!("/api/v1/centres?region={other}"),
            )
            .await;
        assert_eq!(list["meta"]["total"], 0, "{b}: a region one cannot see is empty");

        // The reasons come in the caller's language; the codes do not change.
        let token = app.token(COUNTY.0).await;
        let stenhagen = app.centre("Stenhagen familjecentral").await;
        let get = |lang: &'static str| {
            reqwest::Client::new()
                .get(app.url(&format!("/api/v1/centres/{stenhagen}")))
                .bearer_auth(&token)
                .header("accept-language", lang)
                .send()
        };
        let sv: Value = get("sv").await.unwrap().json().await.unwrap();
        let en: Value = get("en").await.unwrap().json().await.unwrap();
        let reasons = |v: &Value| v["classification_reasons"].to_string();
        assert!(reasons(&sv).contains("finns ensam i sitt hus"), "{b}: {sv}");
        assert!(!reasons(&en).contains("finns ensam"), "{b}: {en}");
        assert_eq!(sv["classification"], en["classification"], "{b}");
        app.stop().await;
    }
}

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

/// Every account.
const EVERYONE: &[Caller] = &[Admin, County, LocalSavja, LocalHeby, Reader, OtherCounty];

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
        let new_unit =
            json!({"service": "other", "name": "API-parten", "building": "Sävjahuset, Sävja torg 1"});
        let u = samverka_store::centres::get_unit(&app.db, savja_bhv)
            .await
            .unwrap();
        let bhv = json!({"service": "bhv", "name": u.name, "principal_kind": "region",
                         "principal_name": u.principal_name, "building": u.building, "full_operation": true});
        let (body_savja, body_heby) = (body_of(&app, savja).await, body_of(&app, heby).await);
        let (body_gimo, body_solrosen) = (body_of(&app, gimo).await, body_of(&app, solrosen).await);
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
async fn a_local_coordinator_changes_their_centre_through_the_api() {
    for app in TestApp::all().await {
        let b = app.backend();
        let token = app.token(LOCAL_SAVJA.0).await;
        let savja = app.centre("Sävja familjecentral").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let mut body = body_of(&app, savja).await;
        body["shared_opening_hours"] = json!("16.5");
        let (status, json) = app
            .api(
                Method::PUT,
                &format!("/api/v1/centres/{savja}"),
                Some(&token),
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(json["shared_opening_hours"], "16,5", "{b}");
        assert_eq!(
            app.stored_centre(savja).await.shared_opening_minutes,
            Some(990),
            "{b}"
        );

        let before = app.stored_centre(gimo).await;
        let mut body = body_of(&app, gimo).await;
        body["name"] = json!("Övertagen");
        let (status, json) = app
            .api(
                Method::PUT,
                &format!("/api/v1/centres/{gimo}"),
                Some(&token),
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(status, 403, "{b}");
        assert_error_shape(&json, b);
        assert_eq!(app.stored_centre(gimo).await, before, "{b}");

        let reader = app.token(READER.0).await;
        let (status, _) = app
            .api(
                Method::PUT,
                &format!("/api/v1/centres/{savja}"),
                Some(&reader),
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(status, 403, "{b}: a reader cannot change anything");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_county_coordinator_creates_a_centre_through_the_api_and_a_reader_cannot() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let tierp = app.municipality("Tierp").await;
        let body = json!({"region_id": uppsala, "municipality_id": tierp, "name": "Örbyhus familjecentral",
                          "opened_on": "2025-01-07", "shared_opening_hours": "15"})
        .to_string();
        let (status, json) = app
            .api(
                Method::POST,
                "/api/v1/centres",
                Some(&app.token(READER.0).await),
                Some(&body),
            )
            .await;
        assert_eq!(status, 403, "{b}");
        assert_error_shape(&json, b);
        assert!(
            samverka_store::centres::list(&app.db, None)
                .await
                .unwrap()
                .iter()
                .all(|c| c.name != "Örbyhus familjecentral")
        );

        let (status, json) = app
            .api(
                Method::POST,
                "/api/v1/centres",
                Some(&app.token(COUNTY.0).await),
                Some(&body),
            )
            .await;
        assert_eq!(status, 201, "{b}: {json}");
        let id = json["id"].as_i64().expect("id");
        assert_eq!(json["name"], "Örbyhus familjecentral", "{b}");
        assert_eq!(json["municipality"], "Tierp", "{b}");
        assert_eq!(json["opened_on"], "2025-01-07", "{b}");
        assert_eq!(json["classification"], Value::Null, "{b}: no units yet");
        assert_eq!(app.stored_centre(id).await.region_id, uppsala, "{b}");
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

        let mut body = body_of(&app, savja).await;
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
        let mut body = body_of(&app, savja).await;
        body["municipality_id"] = json!(slattkoping);
        let (status, json) = app
            .api(Method::PUT, &path, Some(&token), Some(&body.to_string()))
            .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_eq!(json["errors"][0]["field"], "municipality_id", "{b}: {json}");

        // English on request.
        let mut body = body_of(&app, savja).await;
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
            json!({"errors": [{"field": "name", "detail": "Fill in this field."}]}),
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
            samverka_store::centres::list(&app.db, None).await.unwrap().len(),
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
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
        samverka_store::centres::close(&app.db, &samverka_store::Who::cli(), tierp, date)
            .await
            .unwrap();
        let body = body_of(&app, tierp).await.to_string();
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
async fn the_municipality_numbers_match_the_access_page() {
    for app in TestApp::all().await {
        let b = app.backend();
        let token = app.token(COUNTY.0).await;
        let (status, json) = app.api_get(&token, "/api/v1/municipalities?year=2024").await;
        assert_eq!(status, 200, "{b}: {json}");
        let list = json["municipalities"].as_array().unwrap();
        assert_eq!(list.len(), 8, "{b}: only Uppsala's eight");
        let find = |name: &str| {
            list.iter()
                .find(|m| m["name"] == name)
                .unwrap_or_else(|| panic!("{name}"))
        };
        let heby = find("Heby");
        assert_eq!(
            (heby["children_0_6"].as_i64(), heby["centres"].as_i64()),
            (Some(995), Some(5)),
            "{b}"
        );
        assert_eq!(heby["children_per_centre"], 199, "{b}");
        assert_eq!(heby["code"], "0331", "{b}");
        assert_eq!(heby["year"], 2024, "{b}");
        let uppsala = find("Uppsala");
        assert_eq!(uppsala["children_per_centre"], 2929, "{b}");
        assert_eq!(find("Enköping")["children_per_centre"], 3828, "{b}");
        let (_, json) = app.api_get(&token, "/api/v1/municipalities?year=1990").await;
        let heby = json["municipalities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == "Heby")
            .cloned()
            .unwrap();
        assert_eq!(
            (heby["children_0_6"].clone(), heby["children_per_centre"].clone()),
            (Value::Null, Value::Null),
            "{b}"
        );
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
