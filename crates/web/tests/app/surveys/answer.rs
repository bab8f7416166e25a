//! A visitor answers through a centre's anonymous link the way a phone
//! without JavaScript does: no cookie, one page at a time, every answer
//! carried in the form, the response stored with nothing that identifies
//! who sent it.

use samverka_web::WebConfig;

use super::{assert_nothing_identifying, link};
use crate::support::{Setup, TestApp};

/// A phone's browser: no cookies kept, no script.
fn phone() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn post(t: &TestApp, code: &str, fields: &[(&str, &str)]) -> (u16, bool, String) {
    let res = phone()
        .post(t.url(&format!("/s/{code}")))
        .form(fields)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let cookie = res.headers().contains_key("set-cookie");
    (status, cookie, res.text().await.unwrap())
}

#[tokio::test]
async fn a_visitor_answers_page_by_page_without_a_cookie_and_nothing_identifying_is_stored() {
    for t in TestApp::all().await {
        let n = t.backend();
        let code = link(&t, "2026-11-01", "2026-12-15").await;

        let res = phone().get(t.url(&format!("/s/{code}"))).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{n}");
        assert!(
            !res.headers().contains_key("set-cookie"),
            "{n}: no cookie for a visitor"
        );
        let first = res.text().await.unwrap();
        assert!(
            first.contains("Kände du dig välkommen?") && first.contains("Sida 1 av 2"),
            "{n}: {first}"
        );

        let (status, cookie, second) = post(
            &t,
            &code,
            &[
                ("_page", "start"),
                ("_lang", "sv"),
                ("welcome", "yes"),
                ("_go", "next"),
            ],
        )
        .await;
        assert_eq!((status, cookie), (200, false), "{n}: {second}");
        assert!(
            second.contains("Hur mycket?") && second.contains(r#"name="welcome" value="yes""#),
            "{n}: the first answer rides along"
        );

        // Forgetting a required question: the page again, naming it, with
        // what was typed on it still there.
        let (status, _, again) = post(
            &t,
            &code,
            &[
                ("_page", "more"),
                ("_lang", "sv"),
                ("welcome", "yes"),
                ("words", "Skrivet innan felet"),
                ("_go", "next"),
            ],
        )
        .await;
        assert_eq!(status, 422, "{n}");
        assert!(again.contains(r##"href="#q-how_much""##), "{n}: {again}");
        assert!(
            again.contains(">Skrivet innan felet</textarea>"),
            "{n}: the free text is kept: {again}"
        );

        let (status, cookie, thanks) = post(
            &t,
            &code,
            &[
                ("_page", "more"),
                ("_lang", "sv"),
                ("welcome", "yes"),
                ("how_much", "3"),
                ("words", "Fint ställe"),
                ("_go", "next"),
            ],
        )
        .await;
        assert_eq!((status, cookie), (200, false), "{n}: {thanks}");
        assert!(thanks.contains("Tack för att du svarade!"), "{n}");

        let stored = assert_nothing_identifying(&t).await;
        assert_eq!(stored.responses, 1, "{n}: one response");
        assert_eq!(stored.answers, 3, "{n}");
        t.stop().await;
    }
}

#[tokio::test]
async fn the_survey_speaks_arabic_right_to_left_and_a_closed_round_says_so() {
    for t in TestApp::all().await {
        let n = t.backend();
        let code = link(&t, "2026-11-01", "2026-12-15").await;
        let page = phone()
            .get(t.url(&format!("/s/{code}")))
            .header("accept-language", "ar,en;q=0.5")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains(r#"<html lang="ar" dir="rtl">"#), "{n}: {page}");
        assert!(
            page.contains("هل شعرت بالترحيب؟") && page.contains("التالي"),
            "{n}"
        );

        // Switching language keeps what was chosen.
        let (status, _, swedish) = post(
            &t,
            &code,
            &[
                ("_page", "start"),
                ("_lang", "ar"),
                ("welcome", "no"),
                ("_switch", "sv"),
            ],
        )
        .await;
        assert_eq!(status, 200, "{n}");
        assert!(
            swedish.contains(r#"lang="sv""#) && swedish.contains(r#"value="no" checked"#),
            "{n}: {swedish}"
        );

        let closed = link(&t, "2026-01-01", "2026-02-01").await;
        let res = phone().get(t.url(&format!("/s/{closed}"))).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 409, "{n}");
        assert!(res.text().await.unwrap().contains("tar inte emot svar"), "{n}");
        let res = phone().get(t.url("/s/no-such-link")).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 404, "{n}");
        t.stop().await;
    }
}

#[tokio::test]
async fn a_flood_of_responses_from_one_address_is_stopped_and_nothing_of_it_is_stored() {
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
        let whole = [
            ("_page", "more"),
            ("_lang", "sv"),
            ("welcome", "no"),
            ("_go", "next"),
        ];
        let mut statuses = Vec::new();
        for _ in 0..3 {
            statuses.push(post(&t, &code, &whole).await.0);
        }
        assert_eq!(statuses, [200, 200, 429], "{n}: the third in a minute waits");
        // Moving between pages is not a response and is never held up.
        let (status, _, _) = post(
            &t,
            &code,
            &[
                ("_page", "start"),
                ("_lang", "sv"),
                ("welcome", "no"),
                ("_go", "next"),
            ],
        )
        .await;
        assert_eq!(status, 200, "{n}");
        let mut c = t.conn().await;
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM responses")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        assert_eq!(stored, 2, "{n}");
        drop(c);
        t.stop().await;
    }
}
