//! Exports of a round over HTTP: the form makes a job and sends the browser
//! to the job's page, which reloads itself while the file is made and then
//! links it; the file streams from the database; the API does the same with
//! 202 and a `Location`; nobody but the asker sees the job or its file.

use samverka_app::jobs::exports::run_once;
use samverka_app::surveys::rounds::RoundDraft;
use samverka_app::surveys::{instruments, responses, rounds};
use serde_json::{Map, Value, json};

use crate::support::html::csv_lines;
use crate::support::{COUNTY, LOCAL_SAVJA, READER, TestApp};

const DOCUMENT: &str = r#"{
  "key": "export_test", "title": {"sv": "Besöksenkät"}, "languages": ["sv"],
  "blocks": [{"key": "start", "questions": [
    {"key": "welcome", "type": "yes_no", "required": true, "text": {"sv": "Kände du dig välkommen?"}},
    {"key": "words", "type": "long_text", "required": false, "text": {"sv": "Något mer?"}}]}]}"#;

/// A round at Sävja and Gottsunda with six responses each and one at
/// Heby; the round's id and Heby's id.
async fn round(t: &TestApp) -> (i64, i64) {
    let ctx = t.cli();
    let region = t.uppsala().await;
    let (_, version) = instruments::import(&ctx, region, DOCUMENT, true).await.unwrap();
    let centres = [
        t.centre("Sävja familjecentral").await,
        t.centre("Gottsunda familjecentral").await,
        t.centre("Familjecentralen i Heby").await,
    ];
    let id = rounds::create(
        &ctx,
        region,
        &RoundDraft {
            version_id: version,
            title: "Besök hösten".into(),
            respondent_group: "visitors".into(),
            opens_on: "2026-11-01".into(),
            closes_on: "2026-12-15".into(),
            centre_ids: centres.to_vec(),
        },
    )
    .await
    .unwrap();
    let round = rounds::get(&ctx, id).await.unwrap();
    for (centre, count) in centres.iter().zip([6, 6, 1]) {
        let code = &round
            .centres
            .iter()
            .find(|c| c.centre_id == *centre)
            .unwrap()
            .link_code;
        for i in 0..count {
            let answer: Map<String, Value> =
                json!({"welcome": if i % 2 == 0 { "yes" } else { "no" }, "words": format!("ord {i}")})
                    .as_object()
                    .unwrap()
                    .clone();
            responses::submit_by_link(&t.app, code, "sv", &answer)
                .await
                .unwrap();
        }
    }
    (id, centres[2])
}

#[tokio::test]
async fn the_form_makes_a_job_whose_page_shows_progress_and_then_the_file() {
    for t in TestApp::all().await {
        let n = t.backend();
        let (round, heby) = round(&t).await;
        let county = t.login(COUNTY).await;
        let (status, page) = t.get(&county, &format!("/rounds/{round}/exports")).await;
        assert_eq!(status, 200, "{n}: {page}");
        assert!(
            page.contains(r#"name="place""#) && page.contains("Sävja familjecentral"),
            "{n}"
        );

        // Heby's one response is too few: the form again, saying so.
        let (status, _, again) = t
            .post_form(
                &county,
                &format!("/rounds/{round}/exports"),
                &[
                    ("kind", "responses"),
                    ("format", "csv"),
                    ("place", &format!("centre:{heby}")),
                ],
            )
            .await;
        assert_eq!(status, 422, "{n}");
        assert!(again.contains("för få svar"), "{n}: {again}");

        let (status, location, _) = t
            .post_form(
                &county,
                &format!("/rounds/{round}/exports"),
                &[("kind", "responses"), ("format", "csv"), ("place", "region")],
            )
            .await;
        assert_eq!(status, 303, "{n}");
        let job = location.unwrap();
        assert!(job.starts_with("/exports/"), "{n}: {job}");

        let (status, waiting) = t.get(&county, &job).await;
        assert_eq!(status, 200, "{n}");
        assert!(
            !waiting.contains("http-equiv"),
            "{n}: the page reloads itself only when asked to: {waiting}"
        );
        assert!(
            waiting.contains(r#"aria-live="polite""#) && waiting.contains("<progress"),
            "{n}"
        );
        assert!(
            waiting.contains(&format!(r#"href="{job}?refresh=on""#)),
            "{n}: it offers to: {waiting}"
        );
        let (_, reloading) = t.get(&county, &format!("{job}?refresh=on")).await;
        assert!(
            reloading.contains(r#"<meta http-equiv="refresh" content="2">"#),
            "{n}: {reloading}"
        );
        assert!(
            reloading.contains(&format!(r#"href="{job}">"#)),
            "{n}: and to stop: {reloading}"
        );
        assert_eq!(
            t.get(&county, &format!("{job}/file")).await.0,
            409,
            "{n}: no file before it is made"
        );

        run_once(&t.app, "test-instance").await.unwrap();
        let (_, done) = t.get(&county, &format!("{job}?refresh=on")).await;
        assert!(!done.contains("http-equiv"), "{n}: no reloading once done");
        assert!(done.contains(&format!(r#"href="{job}/file""#)), "{n}: {done}");

        let file = t.download(&county, &format!("{job}/file")).await;
        assert_eq!(file.status, 200, "{n}");
        assert_eq!(file.content_type, "text/csv; charset=utf-8", "{n}");
        assert!(
            file.disposition
                .starts_with("attachment; filename=\"svar-omgang-"),
            "{n}: {}",
            file.disposition
        );
        let lines = csv_lines(&file.bytes);
        assert_eq!(lines.len(), 2 + 13, "{n}: two header rows and every response");
        assert!(
            !lines.iter().any(|l| l.contains("Heby")),
            "{n}: Heby's single response names no centre"
        );

        // Another account of the region sees neither the job nor its file.
        for other in [READER, LOCAL_SAVJA] {
            let client = t.login(other).await;
            assert_eq!(t.get(&client, &job).await.0, 404, "{n}");
            assert_eq!(
                t.download(&client, &format!("{job}/file")).await.status,
                404,
                "{n}"
            );
        }
        let (_, list) = t.get(&county, &format!("/rounds/{round}/exports")).await;
        assert!(
            list.contains(&format!(r#"href="{job}""#)),
            "{n}: the round's exports list it"
        );
        t.stop().await;
    }
}

#[tokio::test]
async fn the_api_queues_an_export_with_202_and_serves_its_file_to_the_asker_only() {
    for t in TestApp::all().await {
        let n = t.backend();
        let (round, heby) = round(&t).await;
        let token = t.token(COUNTY.0).await;
        let path = format!("/api/v1/rounds/{round}/exports");
        let post = |body: Value| {
            let (t, path, token) = (&t, path.clone(), token.clone());
            async move {
                t.api(
                    reqwest::Method::POST,
                    &path,
                    Some(&token),
                    Some(&body.to_string()),
                )
                .await
            }
        };
        let (status, job) = post(json!({"kind": "results", "format": "xlsx"})).await;
        assert_eq!(status, 202, "{n}: {job}");
        assert_eq!(job["status"], "queued", "{n}");
        let id = job["id"].as_i64().unwrap();

        let (status, bad) = post(json!({"kind": "everything", "format": "pdf"})).await;
        assert_eq!(status, 422, "{n}: {bad}");
        let (status, few) = post(json!({"kind": "responses", "format": "csv", "centre": heby})).await;
        assert_eq!(status, 409, "{n}: {few}");
        assert!(
            few["errors"][0]["detail"]
                .as_str()
                .unwrap()
                .contains("för få svar"),
            "{n}: {few}"
        );

        run_once(&t.app, "test-instance").await.unwrap();
        let (status, done) = t.api_get(&token, &format!("/api/v1/exports/{id}")).await;
        assert_eq!(status, 200, "{n}");
        assert_eq!(
            (done["status"].as_str(), done["percent"].as_i64()),
            (Some("done"), Some(100)),
            "{n}: {done}"
        );
        let url = done["file_url"].as_str().unwrap().to_string();
        let res = reqwest::Client::new()
            .get(t.url(&url))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{n}");
        assert_eq!(
            res.headers()["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "{n}"
        );
        assert!(res.bytes().await.unwrap().starts_with(b"PK"), "{n}: a workbook");

        let reader = t.token(READER.0).await;
        assert_eq!(
            t.api_get(&reader, &format!("/api/v1/exports/{id}")).await.0,
            404,
            "{n}"
        );
        assert_eq!(t.api_get(&reader, &url).await.0, 404, "{n}");
        assert_eq!(
            t.api(reqwest::Method::GET, &format!("/api/v1/exports/{id}"), None, None)
                .await
                .0,
            401,
            "{n}"
        );
        t.stop().await;
    }
}
