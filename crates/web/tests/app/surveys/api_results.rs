//! A round's results and free texts through the API: no numbers for a
//! breakdown with fewer than five answers, numbers at five; a local
//! coordinator reads their own centres only, and free texts never reach
//! someone without access to the centre.

use serde_json::{Value, json};

use super::api::{round, survey};
use super::api_responses::respond;
use crate::support::{COUNTY, LOCAL_HEBY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp};

/// The result of one question in a results answer.
fn question<'a>(results: &'a Value, key: &str) -> &'a Value {
    results["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|q| q["key"] == key))
        .unwrap_or_else(|| panic!("no question {key} in {results}"))
}

/// Whether any number other than ids and the threshold is in a results answer.
fn has_numbers(results: &Value) -> bool {
    results["questions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q.get("n").is_some() || q.get("options").is_some() || q.get("percent_total").is_some())
}

#[tokio::test]
async fn results_are_suppressed_below_five_answers_and_shown_at_five() {
    for t in TestApp::all().await {
        let n = t.backend();
        let county = t.token(COUNTY.0).await;
        let savja = t.centre("Sävja familjecentral").await;
        let instrument = survey(&t, &county).await;
        let made = round(&t, &county, instrument, &[savja], "2026-11-01", "2026-12-15").await;
        let id = made["id"].as_i64().unwrap();
        let code_of = |centre: i64| {
            made["links"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["centre_id"] == centre)
                .unwrap()["code"]
                .clone()
        };
        let savja_link = code_of(savja);
        let answers = [("yes", "4"), ("yes", "3"), ("no", ""), ("yes", "3")];
        for (welcome, how_much) in answers {
            let mut a = json!({"welcome": welcome, "words": format!("Svar {welcome} {how_much}")});
            if !how_much.is_empty() {
                a["how_much"] = json!(how_much);
            }
            let (status, json) =
                respond(&t, &json!({"link": savja_link, "language": "sv", "answers": a})).await;
            assert_eq!(status, 201, "{n}: {json}");
        }

        let path = format!("/api/v1/rounds/{id}/results?centre={savja}");
        let (status, four) = t.api_get(&county, &path).await;
        assert_eq!(status, 200, "{n}: {four}");
        assert_eq!(four["threshold"], 5, "{n}");
        assert_eq!(four["version"], 1, "{n}");
        assert_eq!(four["selection"], json!({"level": "centre", "id": savja}), "{n}");
        assert_eq!(question(&four, "welcome")["suppressed"], true, "{n}: {four}");
        assert!(!has_numbers(&four), "{n}: no numbers below five: {four}");
        let (_, region) = t.api_get(&county, &format!("/api/v1/rounds/{id}/results")).await;
        assert!(!has_numbers(&region), "{n}: nor for the region: {region}");
        let (_, texts) = t
            .api_get(
                &county,
                &format!("/api/v1/rounds/{id}/texts?question=words&centre={savja}"),
            )
            .await;
        assert_eq!(texts["suppressed"], true, "{n}: {texts}");
        assert_eq!(texts["texts"], json!([]), "{n}");

        let (status, _) = respond(
            &t,
            &json!({"link": savja_link, "language": "sv", "answers": {"welcome": "yes", "how_much": "4", "words": "Bra"}}),
        )
        .await;
        assert_eq!(status, 201, "{n}");
        let (_, five) = t.api_get(&county, &path).await;
        let welcome = question(&five, "welcome");
        assert_eq!(welcome["suppressed"], false, "{n}: {five}");
        assert_eq!(welcome["type"], "yes_no", "{n}");
        assert_eq!(welcome["n"], 5, "{n}");
        assert_eq!(
            welcome["options"],
            json!([{"key": "yes", "count": 4, "percent": 80}, {"key": "no", "count": 1, "percent": 20}]),
            "{n}"
        );
        assert_eq!(welcome["highest"], json!(["yes"]), "{n}");
        let how_much = question(&five, "how_much");
        assert_eq!(how_much["suppressed"], true, "{n}: four answered it: {how_much}");
        assert!(how_much.get("n").is_none(), "{n}");
        let (_, texts) = t
            .api_get(
                &county,
                &format!("/api/v1/rounds/{id}/texts?question=words&centre={savja}"),
            )
            .await;
        assert_eq!(texts["suppressed"], false, "{n}: {texts}");
        let words: Vec<&str> = texts["texts"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x["text"].as_str())
            .collect();
        assert_eq!(words.len(), 5, "{n}: {texts}");
        let mut sorted = words.clone();
        sorted.sort_unstable();
        assert_eq!(words, sorted, "{n}: in alphabetical order, never as they came");

        // Filters: another language has too few; a bad channel is refused.
        let (_, arabic) = t.api_get(&county, &format!("{path}&language=ar")).await;
        assert!(!has_numbers(&arabic), "{n}: {arabic}");
        let (_, by_link) = t.api_get(&county, &format!("{path}&channel=link")).await;
        assert_eq!(question(&by_link, "welcome")["n"], 5, "{n}");
        let (status, _) = t.api_get(&county, &format!("{path}&channel=fax")).await;
        assert_eq!(status, 422, "{n}");
        let (status, _) = t.api_get(&county, &format!("{path}&municipality=1")).await;
        assert_eq!(status, 422, "{n}: a centre or a municipality, not both");
        assert_eq!(
            t.api_get(&county, "/api/v1/rounds/999999/results").await.0,
            404,
            "{n}"
        );
        t.stop().await;
    }
}

#[tokio::test]
async fn a_local_coordinator_reads_results_and_texts_of_their_own_centres_only() {
    for t in TestApp::all().await {
        let n = t.backend();
        let county = t.token(COUNTY.0).await;
        let savja = t.centre("Sävja familjecentral").await;
        let heby = t.centre("Familjecentralen i Heby").await;
        let instrument = survey(&t, &county).await;
        let made = round(
            &t,
            &county,
            instrument,
            &[savja, heby],
            "2026-11-01",
            "2026-12-15",
        )
        .await;
        let id = made["id"].as_i64().unwrap();
        for l in made["links"].as_array().unwrap() {
            for i in 0..5 {
                let body = json!({"link": l["code"], "language": "sv",
                                  "answers": {"welcome": "no", "words": format!("Text {i} om {}", l["centre_id"])}});
                assert_eq!(respond(&t, &body).await.0, 201, "{n}");
            }
        }
        let results = |centre: Option<i64>| match centre {
            Some(c) => format!("/api/v1/rounds/{id}/results?centre={c}"),
            None => format!("/api/v1/rounds/{id}/results"),
        };
        let texts = |centre: i64| format!("/api/v1/rounds/{id}/texts?question=words&centre={centre}");

        let local_savja = t.token(LOCAL_SAVJA.0).await;
        let local_heby = t.token(LOCAL_HEBY.0).await;
        let reader = t.token(READER.0).await;
        let other = t.token(OTHER_COUNTY.0).await;
        let (status, own) = t.api_get(&local_savja, &results(Some(savja))).await;
        assert_eq!(status, 200, "{n}: {own}");
        assert_eq!(question(&own, "welcome")["n"], 5, "{n}");
        let (status, own_texts) = t.api_get(&local_savja, &texts(savja)).await;
        assert_eq!(status, 200, "{n}");
        assert_eq!(own_texts["texts"].as_array().unwrap().len(), 5, "{n}");
        for (token, path, expected) in [
            (&local_savja, results(Some(heby)), 403),
            (&local_savja, results(None), 403),
            (&local_savja, texts(heby), 403),
            (&local_heby, texts(savja), 403),
            (&local_heby, results(Some(heby)), 200),
            (&other, results(None), 403),
            (&other, texts(savja), 403),
            (&reader, results(None), 200),
            (&reader, texts(heby), 200),
        ] {
            let (status, json) = t.api_get(token, &path).await;
            assert_eq!(status, expected, "{n}: {path}: {json}");
            if status == 403 {
                let body = json.to_string();
                assert!(!body.contains("Text "), "{n}: no text in a refusal: {body}");
            }
        }
        let (status, _) = t.api(reqwest::Method::GET, &results(None), None, None).await;
        assert_eq!(status, 401, "{n}");
        t.stop().await;
    }
}
