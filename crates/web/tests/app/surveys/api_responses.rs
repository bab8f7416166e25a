//! `POST /api/v1/responses`: anyone with a link or an invitation's token
//! sends one whole response, without a token, session or cookie. It is
//! stored with nothing that identifies the sender and the server's day; a
//! response that skips a required question or answers a hidden one is
//! refused naming the question; a closed round, a used token and a flood
//! from one address are refused.

use std::sync::Arc;

use reqwest::Method;
use samverka_app::accounts::passwords::hash_secret;
use samverka_store::governance::people;
use samverka_store::surveys::invitations::{self, NewInvitation};
use samverka_store::surveys::rounds as stored_rounds;
use samverka_web::WebConfig;
use serde_json::{Value, json};
use tokio::sync::Barrier;

use super::api::problems;
use super::{assert_nothing_identifying, link};
use crate::support::{Setup, TestApp, assert_error_shape};

/// Sends a response as anyone would: no token, no cookie.
pub async fn respond(t: &TestApp, body: &Value) -> (u16, Value) {
    t.api(Method::POST, "/api/v1/responses", None, Some(&body.to_string()))
        .await
}

/// How many responses are stored.
async fn stored(t: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM responses")
        .fetch_one(&mut *t.conn().await)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_response_through_a_link_is_taken_without_a_cookie_and_nothing_identifying_is_stored() {
    for t in TestApp::all().await {
        let n = t.backend();
        let code = link(&t, "2026-11-01", "2026-12-15").await;
        let before = t.last_audit_id(None).await;
        let body = json!({"link": code, "language": "ar",
                          "answers": {"welcome": {"value": "yes", "comment": "مرحبا"}, "how_much": "3", "words": "Fint ställe"}});
        let res = reqwest::Client::new()
            .post(t.url("/api/v1/responses"))
            .header("x-forwarded-for", "192.0.2.1")
            .header("user-agent", "Telefon/1.0")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 201, "{n}");
        assert!(!res.headers().contains_key("set-cookie"), "{n}: no cookie");
        let answer: Value = res.json().await.unwrap();
        assert_eq!(
            answer,
            json!({"status": "received"}),
            "{n}: nothing about the stored response"
        );

        let kept = assert_nothing_identifying(&t).await;
        assert_eq!(kept.responses, 1, "{n}");
        assert_eq!(kept.answers, 3, "{n}");
        let mut c = t.conn().await;
        let (language, channel): (String, String) = sqlx::query_as("SELECT language, channel FROM responses")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        assert_eq!((language.as_str(), channel.as_str()), ("ar", "link"), "{n}");
        drop(c);
        assert_eq!(
            t.last_audit_id(None).await,
            before,
            "{n}: no audit entry for a response"
        );
        t.stop().await;
    }
}

#[tokio::test]
async fn a_skipped_required_question_and_an_answered_hidden_one_are_refused_by_name() {
    for t in TestApp::all().await {
        let n = t.backend();
        let code = link(&t, "2026-11-01", "2026-12-15").await;
        let (status, refused) = respond(
            &t,
            &json!({"link": code, "language": "sv", "answers": {"welcome": "yes", "words": "Hej"}}),
        )
        .await;
        assert_eq!(status, 422, "{n}: {refused}");
        assert_error_shape(&refused, n);
        assert_eq!(
            problems(&refused),
            [("how_much".to_string(), "required".to_string())],
            "{n}"
        );

        let (status, refused) = respond(
            &t,
            &json!({"link": code, "language": "sv", "answers": {"welcome": "no", "how_much": "2"}}),
        )
        .await;
        assert_eq!(status, 422, "{n}");
        assert_eq!(
            problems(&refused),
            [("how_much".to_string(), "hidden".to_string())],
            "{n}"
        );

        let (status, refused) = respond(
            &t,
            &json!({"link": code, "language": "fi", "answers": {"welcome": "maybe", "age": 3}}),
        )
        .await;
        assert_eq!(status, 422, "{n}");
        let found = problems(&refused);
        for expected in [
            ("language", "unknown-language"),
            ("welcome", "unknown-option"),
            ("age", "unknown-question"),
        ] {
            assert!(
                found.iter().any(|(f, c)| f == expected.0 && c == expected.1),
                "{n}: {expected:?} in {found:?}"
            );
        }
        let (status, refused) = respond(&t, &json!({"language": "sv", "answers": {}})).await;
        assert_eq!((status, problems(&refused)[0].0.as_str()), (422, "link"), "{n}");
        assert_eq!(stored(&t).await, 0, "{n}: nothing stored");
        t.stop().await;
    }
}

#[tokio::test]
async fn a_date_sent_by_the_client_is_refused_and_the_server_sets_the_day() {
    for t in TestApp::all().await {
        let n = t.backend();
        let code = link(&t, "2026-11-01", "2026-12-15").await;
        for body in [
            json!({"link": code, "language": "sv", "answers": {"welcome": "no"}, "created_at": "2020-01-01T10:00:00Z"}),
            json!({"link": code, "language": "sv", "answers": {"welcome": "no"}, "submitted_on": "2020-01-01"}),
        ] {
            let (status, refused) = respond(&t, &body).await;
            assert_eq!(status, 400, "{n}: {refused}");
            assert_error_shape(&refused, n);
        }
        let (status, refused) = respond(
            &t,
            &json!({"link": code, "language": "sv", "answers": {"welcome": "no", "submitted_on": "2020-01-01"}}),
        )
        .await;
        assert_eq!(status, 422, "{n}");
        assert_eq!(
            problems(&refused),
            [("submitted_on".to_string(), "unknown-question".to_string())],
            "{n}"
        );
        assert_eq!(stored(&t).await, 0, "{n}");
        let (status, _) = respond(
            &t,
            &json!({"link": code, "language": "sv", "answers": {"welcome": "no"}}),
        )
        .await;
        assert_eq!(status, 201, "{n}");
        let day: String = sqlx::query_scalar("SELECT submitted_on FROM responses")
            .fetch_one(&mut *t.conn().await)
            .await
            .unwrap();
        assert_eq!(day, t.today().to_string(), "{n}: the server's day");
        t.stop().await;
    }
}

#[tokio::test]
async fn a_round_not_yet_open_or_closed_refuses_answers_and_an_unknown_link_is_not_found() {
    for t in TestApp::all().await {
        let n = t.backend();
        let answers = json!({"welcome": "no"});
        for (opens, closes, code) in [
            ("2026-12-01", "2026-12-31", "round-not-open"),
            ("2026-10-01", "2026-11-22", "round-closed"),
        ] {
            let link = link(&t, opens, closes).await;
            let (status, refused) =
                respond(&t, &json!({"link": link, "language": "sv", "answers": answers})).await;
            assert_eq!(status, 409, "{n}: {refused}");
            assert_eq!(problems(&refused), [(String::new(), code.to_string())], "{n}");
            assert_error_shape(&refused, n);
        }
        let (status, refused) = respond(
            &t,
            &json!({"link": "no-such-link", "language": "sv", "answers": answers}),
        )
        .await;
        assert_eq!(status, 404, "{n}");
        assert_error_shape(&refused, n);
        assert_eq!(stored(&t).await, 0, "{n}");
        t.stop().await;
    }
}

/// Invites someone of Region Uppsala to a round at Sävja with each of
/// `tokens`.
async fn invite(t: &TestApp, round_id: i64, tokens: &[&str]) {
    let region = t.uppsala().await;
    let savja = t.centre("Sävja familjecentral").await;
    let mut c = t.conn().await;
    let people = people::list(&mut c, region).await.unwrap();
    drop(c);
    let mut tx = t.db.write().await.unwrap();
    let round = stored_rounds::get(&mut tx, round_id).await.unwrap();
    let invites: Vec<NewInvitation> = tokens
        .iter()
        .zip(&people)
        .map(|(token, person)| NewInvitation {
            person_id: person.id,
            centre_id: Some(savja),
            token_hash: hash_secret(token),
        })
        .collect();
    invitations::create(&mut tx, &samverka_store::Who::cli(), &round, &invites, t.today())
        .await
        .unwrap();
    samverka_store::commit(tx).await.unwrap();
}

/// The round of an anonymous link's code.
async fn round_of(t: &TestApp, code: &str) -> i64 {
    stored_rounds::link_target(&mut *t.conn().await, code)
        .await
        .unwrap()
        .round_id
}

#[tokio::test]
async fn an_invitation_answers_once_even_when_sent_twice_at_the_same_moment() {
    for t in TestApp::all().await {
        let n = t.backend();
        let code = link(&t, "2026-11-01", "2026-12-15").await;
        let round = round_of(&t, &code).await;
        invite(
            &t,
            round,
            &["inbjudan-ett-abcdefghijk", "inbjudan-tva-abcdefghijk"],
        )
        .await;
        let answer = |token: &str| json!({"token": token, "language": "sv", "answers": {"welcome": "no"}});

        let (status, _) = respond(&t, &answer("inbjudan-ett-abcdefghijk")).await;
        assert_eq!(status, 201, "{n}");
        let (status, refused) = respond(&t, &answer("inbjudan-ett-abcdefghijk")).await;
        assert_eq!(status, 409, "{n}: a used token");
        assert_eq!(
            problems(&refused),
            [(String::new(), "token-used".to_string())],
            "{n}"
        );
        let (status, _) = respond(&t, &answer("no-such-token")).await;
        assert_eq!(status, 404, "{n}");
        let (status, refused) = respond(
            &t,
            &json!({"token": "inbjudan-tva-abcdefghijk", "link": code, "language": "sv", "answers": {"welcome": "no"}}),
        )
        .await;
        assert_eq!((status, problems(&refused)[0].0.as_str()), (422, "token"), "{n}");

        // Two at once with the other token: one is taken.
        let t = Arc::new(t);
        let barrier = Arc::new(Barrier::new(2));
        let mut tasks = Vec::new();
        for _ in 0..2 {
            let (t, barrier) = (t.clone(), barrier.clone());
            let body = answer("inbjudan-tva-abcdefghijk");
            tasks.push(tokio::spawn(async move {
                barrier.wait().await;
                respond(&t, &body).await.0
            }));
        }
        let mut statuses = Vec::new();
        for task in tasks {
            statuses.push(task.await.unwrap());
        }
        statuses.sort_unstable();
        assert_eq!(statuses, [201, 409], "{n}: exactly one wins");
        let kept = assert_nothing_identifying(&t).await;
        assert_eq!(kept.responses, 2, "{n}");
        let channels: Vec<String> = sqlx::query_scalar("SELECT channel FROM responses")
            .fetch_all(&mut *t.conn().await)
            .await
            .unwrap();
        assert_eq!(channels, ["invitation", "invitation"], "{n}");
        let Ok(t) = Arc::try_unwrap(t) else {
            panic!("{n}: the app is still shared")
        };
        t.stop().await;
    }
}

#[tokio::test]
async fn a_flood_of_responses_from_one_address_gets_429_in_the_apis_shape() {
    let setup = Setup {
        web: WebConfig {
            submit_rate: 2,
            ..WebConfig::default()
        },
        ..Setup::default()
    };
    for t in TestApp::all_with(setup.clone()).await {
        let n = t.backend();
        let code = link(&t, "2026-11-01", "2026-12-15").await;
        let body = json!({"link": code, "language": "sv", "answers": {"welcome": "no"}});
        let client = reqwest::Client::new();
        let mut statuses = Vec::new();
        let mut last = None;
        for _ in 0..3 {
            let res = client
                .post(t.url("/api/v1/responses"))
                .json(&body)
                .send()
                .await
                .unwrap();
            statuses.push(res.status().as_u16());
            last = Some(res);
        }
        assert_eq!(statuses, [201, 201, 429], "{n}");
        let res = last.unwrap();
        assert!(res.headers().contains_key("retry-after"), "{n}");
        let json: Value = res.json().await.unwrap();
        assert_error_shape(&json, n);
        assert_eq!(stored(&t).await, 2, "{n}");
        t.stop().await;
    }
}

#[tokio::test]
async fn the_response_route_is_in_the_openapi_document_without_a_token() {
    let t = TestApp::sqlite().await;
    let (status, doc) = t.api(Method::GET, "/api/v1/openapi.json", None, None).await;
    assert_eq!(status, 200);
    let post = &doc["paths"]["/api/v1/responses"]["post"];
    assert!(post.is_object(), "{doc}");
    assert!(post.get("security").is_none(), "public: {post}");
    assert!(
        doc["paths"]["/api/v1/rounds/{id}/results"]["get"]["security"].is_array(),
        "results need a token"
    );
    t.stop().await;
}
