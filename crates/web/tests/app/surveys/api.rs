//! Surveys and rounds through the JSON API: a county coordinator makes a
//! survey from a definition document (a bad one is refused with the path of
//! each problem), new versions, publishes, and sends a version to centres
//! as a round with a link per centre; others are refused and change nothing.

use reqwest::Method;
use serde_json::{Value, json};

use super::DOCUMENT;
use crate::support::{COUNTY, OTHER_COUNTY, READER, TestApp, assert_error_shape};

/// `(field, code)` of each problem of an error answer, in order.
pub fn problems(json: &Value) -> Vec<(String, String)> {
    json["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or("").to_string(),
                        e["code"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `POST` of a body (any text) with a token.
async fn post(t: &TestApp, token: &str, path: &str, body: &str) -> (u16, Value) {
    t.api(Method::POST, path, Some(token), Some(body)).await
}

/// Makes the test survey in Region Uppsala through the API, published;
/// its id.
pub async fn survey(t: &TestApp, token: &str) -> i64 {
    let region = t.uppsala().await;
    let (status, json) = post(
        t,
        token,
        &format!("/api/v1/instruments?region={region}&publish=true"),
        DOCUMENT,
    )
    .await;
    assert_eq!(status, 201, "{}: {json}", t.backend());
    json["instrument"]["id"].as_i64().unwrap()
}

/// Makes a round of the test survey at the given centres through the API;
/// the round's JSON.
pub async fn round(
    t: &TestApp,
    token: &str,
    instrument: i64,
    centres: &[i64],
    opens: &str,
    closes: &str,
) -> Value {
    let body = json!({"instrument_id": instrument, "version": 1, "respondent_group": "visitors",
                      "centre_ids": centres, "opens_on": opens, "closes_on": closes});
    let (status, json) = post(t, token, "/api/v1/rounds", &body.to_string()).await;
    assert_eq!(status, 201, "{}: {json}", t.backend());
    json
}

/// The survey with a question whose condition looks ahead, a Swedish
/// text missing and an option key twice.
const BAD: &str = r#"{
  "key": "trasig", "title": {"sv": "Trasig"}, "languages": ["sv"],
  "blocks": [
    {"key": "a", "questions": [
      {"key": "q1", "type": "yes_no", "required": true, "text": {"sv": "Första?"}}]},
    {"key": "b", "questions": [
      {"key": "q2", "type": "yes_no", "required": false, "text": {"sv": "Andra?"},
       "show_if": {"question": "q3", "equals": "yes"}},
      {"key": "q3", "type": "single_choice", "required": false, "text": {"en": "Third?"},
       "options": [{"key": "a", "text": {"sv": "A"}}, {"key": "a", "text": {"sv": "A igen"}}]}]}]}"#;

#[tokio::test]
async fn a_survey_is_made_from_a_document_and_a_bad_one_is_refused_with_the_path_of_each_problem() {
    for t in TestApp::all().await {
        let n = t.backend();
        let county = t.token(COUNTY.0).await;
        let region = t.uppsala().await;

        let (status, made) = post(
            &t,
            &county,
            &format!("/api/v1/instruments?region={region}&publish=true"),
            DOCUMENT,
        )
        .await;
        assert_eq!(status, 201, "{n}: {made}");
        let id = made["instrument"]["id"].as_i64().unwrap();
        assert_eq!(made["instrument"]["key"], "besok_test", "{n}");
        assert_eq!(made["instrument"]["region_id"], region, "{n}");
        assert_eq!(made["instrument"]["builtin"], false, "{n}");
        assert_eq!(made["instrument"]["languages"], json!(["sv", "ar"]), "{n}");
        assert_eq!(made["version"]["version"], 1, "{n}");
        assert_eq!(made["version"]["published_on"], t.today().to_string(), "{n}");
        let sent: Value = serde_json::from_str(DOCUMENT).unwrap();
        assert_eq!(
            made["definition"]["blocks"][1]["questions"][0]["show_if"],
            sent["blocks"][1]["questions"][0]["show_if"],
            "{n}: the document comes back as sent"
        );

        // The list and the survey itself.
        let (status, list) = t.api_get(&county, "/api/v1/instruments").await;
        assert_eq!(status, 200, "{n}");
        let keys: Vec<&str> = list["instruments"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|i| i["key"].as_str())
            .collect();
        assert!(keys.contains(&"besok_test"), "{n}: {list}");
        assert_eq!(list["meta"]["total"].as_u64(), Some(keys.len() as u64), "{n}");
        let (status, one) = t.api_get(&county, &format!("/api/v1/instruments/{id}")).await;
        assert_eq!(status, 200, "{n}");
        assert_eq!(one["definition"]["key"], "besok_test", "{n}");
        assert_eq!(one["instrument"]["latest_published"], 1, "{n}");

        // A bad document: every problem at its place, nothing stored.
        let before = t.last_audit_id(None).await;
        let (status, refused) = post(&t, &county, &format!("/api/v1/instruments?region={region}"), BAD).await;
        assert_eq!(status, 422, "{n}: {refused}");
        assert_error_shape(&refused, n);
        let found = problems(&refused);
        for expected in [
            ("blocks[1].questions[0].show_if.question", "refers-forward"),
            ("blocks[1].questions[1].text", "missing-swedish"),
            ("blocks[1].questions[1].options[1].key", "duplicate-option"),
        ] {
            assert!(
                found.iter().any(|(f, c)| f == expected.0 && c == expected.1),
                "{n}: {expected:?} in {found:?}"
            );
        }
        let (status, refused) = post(
            &t,
            &county,
            &format!("/api/v1/instruments?region={region}"),
            r#"{"key": "x", "title": {"sv": "X"}, "languages": ["sv"], "blocks": [{"key": "a", "questions": 3}]}"#,
        )
        .await;
        assert_eq!(status, 422, "{n}");
        assert_eq!(
            problems(&refused),
            [("blocks[0].questions".to_string(), "invalid-json".to_string())],
            "{n}"
        );
        assert_eq!(t.last_audit_id(None).await, before, "{n}: nothing written");

        // A new version as a draft, changed, published once.
        let second = DOCUMENT.replace("Hur mycket?", "Hur väl?");
        let (status, draft) = post(
            &t,
            &county,
            &format!("/api/v1/instruments/{id}/versions"),
            &second,
        )
        .await;
        assert_eq!(status, 201, "{n}: {draft}");
        assert_eq!(draft["version"]["version"], 2, "{n}");
        assert_eq!(draft["version"]["published_on"], Value::Null, "{n}");
        let third = DOCUMENT.replace("Hur mycket?", "Hur gärna?");
        let path = format!("/api/v1/instruments/{id}/versions/2");
        let (status, changed) = t.api(Method::PUT, &path, Some(&county), Some(&third)).await;
        assert_eq!(status, 200, "{n}: {changed}");
        assert_eq!(
            changed["definition"]["blocks"][1]["questions"][0]["text"]["sv"], "Hur gärna?",
            "{n}"
        );
        let (status, _) = post(&t, &county, &format!("{path}/publish"), "").await;
        assert_eq!(status, 200, "{n}");
        let (status, again) = post(&t, &county, &format!("{path}/publish"), "").await;
        assert_eq!(status, 409, "{n}: published once only");
        assert_eq!(
            problems(&again),
            [(String::new(), "already-published".to_string())],
            "{n}"
        );
        let (status, _) = t.api(Method::PUT, &path, Some(&county), Some(DOCUMENT)).await;
        assert_eq!(status, 409, "{n}: a published version never changes");
        let (_, v1) = t
            .api_get(&county, &format!("/api/v1/instruments/{id}?version=1"))
            .await;
        assert_eq!(
            v1["definition"]["blocks"][1]["questions"][0]["text"]["sv"], "Hur mycket?",
            "{n}: the first version is as it was"
        );

        // Who may not.
        let reader = t.token(READER.0).await;
        let other = t.token(OTHER_COUNTY.0).await;
        let before = t.last_audit_id(None).await;
        let create = format!("/api/v1/instruments?region={region}");
        assert_eq!(post(&t, &reader, &create, DOCUMENT).await.0, 403, "{n}");
        assert_eq!(post(&t, &other, &create, DOCUMENT).await.0, 403, "{n}");
        assert_eq!(
            t.api(Method::POST, &create, None, Some(DOCUMENT)).await.0,
            401,
            "{n}"
        );
        assert_eq!(
            t.api_get(&other, &format!("/api/v1/instruments/{id}")).await.0,
            403,
            "{n}"
        );
        assert_eq!(
            t.api_get(&reader, &format!("/api/v1/instruments/{id}")).await.0,
            200,
            "{n}"
        );
        assert_eq!(
            t.api_get(&reader, "/api/v1/instruments/999999").await.0,
            404,
            "{n}"
        );
        assert_eq!(t.last_audit_id(None).await, before, "{n}: nothing written");
        t.stop().await;
    }
}

#[tokio::test]
async fn a_round_is_made_listed_and_read_with_a_link_per_centre() {
    for t in TestApp::all().await {
        let n = t.backend();
        let county = t.token(COUNTY.0).await;
        let region = t.uppsala().await;
        let instrument = survey(&t, &county).await;
        let savja = t.centre("Sävja familjecentral").await;
        let heby = t.centre("Familjecentralen i Heby").await;
        let reader = t.token(READER.0).await;
        let other = t.token(OTHER_COUNTY.0).await;

        let made = round(
            &t,
            &county,
            instrument,
            &[heby, savja],
            "2026-11-01",
            "2026-12-15",
        )
        .await;
        let id = made["id"].as_i64().unwrap();
        assert_eq!(made["instrument_id"], instrument, "{n}");
        assert_eq!(made["version"], 1, "{n}");
        assert_eq!(made["region_id"], region, "{n}");
        assert_eq!(made["title"], "Besöksenkät", "{n}: the survey's title by default");
        assert_eq!(made["status"], "open", "{n}");
        let links = made["links"].as_array().unwrap();
        assert_eq!(links.len(), 2, "{n}: {made}");
        for l in links {
            let code = l["code"].as_str().unwrap();
            assert_eq!(l["url"], t.url(&format!("/s/{code}")), "{n}");
        }
        let centres: Vec<i64> = links.iter().map(|l| l["centre_id"].as_i64().unwrap()).collect();
        assert!(centres.contains(&savja) && centres.contains(&heby), "{n}");

        let (status, list) = t
            .api_get(&county, &format!("/api/v1/rounds?region={region}"))
            .await;
        assert_eq!(status, 200, "{n}");
        assert_eq!(list["rounds"][0]["id"], id, "{n}: {list}");
        assert_eq!(list["rounds"][0]["links"], made["links"], "{n}");
        let (status, one) = t.api_get(&county, &format!("/api/v1/rounds/{id}")).await;
        assert_eq!((status, &one), (200, &made), "{n}");

        // Problems with the body, a draft version, people who may not.
        let before = t.last_audit_id(None).await;
        let body = json!({"instrument_id": instrument, "version": 1, "respondent_group": "ghosts",
                          "centre_ids": [], "opens_on": "2026-12-01", "closes_on": "2026-11-01"});
        let (status, refused) = post(&t, &county, "/api/v1/rounds", &body.to_string()).await;
        assert_eq!(status, 422, "{n}: {refused}");
        let fields: Vec<String> = problems(&refused).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            ["respondent_group", "closes_on", "centre_ids"],
            "{n}: {refused}"
        );
        let body = json!({"instrument_id": instrument, "version": 7, "respondent_group": "visitors",
                          "centre_ids": [savja], "opens_on": "2026-11-01", "closes_on": "2026-12-01"});
        let (status, refused) = post(&t, &county, "/api/v1/rounds", &body.to_string()).await;
        assert_eq!(
            (status, problems(&refused)[0].0.as_str()),
            (422, "version"),
            "{n}"
        );
        let (status, _) = post(
            &t,
            &county,
            &format!("/api/v1/instruments/{instrument}/versions"),
            DOCUMENT,
        )
        .await;
        assert_eq!(status, 201, "{n}");
        let before_draft = t.last_audit_id(None).await;
        let body = json!({"instrument_id": instrument, "version": 2, "respondent_group": "visitors",
                          "centre_ids": [savja], "opens_on": "2026-11-01", "closes_on": "2026-12-01"});
        let (status, refused) = post(&t, &county, "/api/v1/rounds", &body.to_string()).await;
        assert_eq!(status, 409, "{n}: a draft cannot be sent");
        assert_eq!(problems(&refused)[0].1, "version-draft", "{n}");
        let (status, _) = post(
            &t,
            &county,
            "/api/v1/rounds",
            &json!({"instrument_id": instrument, "created_at": "2020-01-01"}).to_string(),
        )
        .await;
        assert_eq!(status, 400, "{n}: unknown fields are refused");
        assert_eq!(t.last_audit_id(None).await, before_draft, "{n}: nothing written");
        assert_ne!(before, before_draft, "{n}: (the draft version was written)");

        let good = json!({"instrument_id": instrument, "respondent_group": "visitors",
                          "centre_ids": [savja], "opens_on": "2026-11-01", "closes_on": "2026-12-01"});
        assert_eq!(
            post(&t, &reader, "/api/v1/rounds", &good.to_string()).await.0,
            403,
            "{n}"
        );
        assert_eq!(
            post(&t, &other, "/api/v1/rounds", &good.to_string()).await.0,
            403,
            "{n}"
        );
        assert_eq!(
            t.api_get(&reader, &format!("/api/v1/rounds/{id}")).await.0,
            200,
            "{n}"
        );
        assert_eq!(
            t.api_get(&other, &format!("/api/v1/rounds/{id}")).await.0,
            403,
            "{n}"
        );
        assert_eq!(
            t.api_get(&other, &format!("/api/v1/rounds?region={region}"))
                .await
                .0,
            403,
            "{n}"
        );
        let (_, theirs) = t.api_get(&other, "/api/v1/rounds").await;
        assert_eq!(theirs["rounds"], json!([]), "{n}: only their own region's rounds");
        assert_eq!(t.api_get(&reader, "/api/v1/rounds/999999").await.0, 404, "{n}");
        assert_eq!(
            t.api(Method::GET, "/api/v1/rounds", None, None).await.0,
            401,
            "{n}"
        );
        assert_eq!(t.last_audit_id(None).await, before_draft, "{n}: nothing written");
        t.stop().await;
    }
}
