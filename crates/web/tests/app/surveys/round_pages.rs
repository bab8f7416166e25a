//! Rounds: a county coordinator makes one through the form; its page lists
//! each centre's anonymous link with a QR code and a poster; the paper form
//! prints with its routing written out, and staff key in paper answers
//! through the same checks as every response.

use samverka_app::surveys::instruments;

use super::round_at_savja;
use crate::support::html::field_error;
use crate::support::{COUNTY, LOCAL_HEBY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp, page_text};

#[tokio::test]
async fn a_county_coordinator_makes_a_round_and_its_page_gives_each_centre_a_link_qr_code_and_poster() {
    for t in TestApp::all().await {
        let n = t.backend();
        let region = t.uppsala().await;
        instruments::install_builtin(&t.cli()).await.unwrap();
        let county = t.login(COUNTY).await;

        let (status, form) = t.get(&county, &format!("/regions/{region}/rounds/new")).await;
        assert_eq!(status, 200, "{n}");
        let version = form
            .split("<option value=\"")
            .skip(1)
            .find(|o| o.contains("Vad tycker du om familjecentralen?"))
            .and_then(|o| o.split('"').next())
            .expect("the adult visitor survey is offered")
            .to_string();
        let savja = t.centre("Sävja familjecentral").await.to_string();
        let gottsunda = t.centre("Gottsunda familjecentral").await.to_string();

        // The last day before the first: refused, nothing made.
        let (status, _, again) = t
            .post_form(
                &county,
                &format!("/regions/{region}/rounds/new"),
                &[
                    ("title", "Besök hösten"),
                    ("version_id", &version),
                    ("respondent_group", "visitors"),
                    ("opens_on", "2026-12-01"),
                    ("closes_on", "2026-11-01"),
                    ("centre", &savja),
                ],
            )
            .await;
        assert_eq!(status, 422, "{n}");
        assert!(field_error(&again, "closes_on").is_some(), "{n}: {again}");
        assert!(again.contains("Besök hösten"), "{n}: what was typed stays");

        let (status, location, _) = t
            .post_form(
                &county,
                &format!("/regions/{region}/rounds/new"),
                &[
                    ("title", "Besök hösten"),
                    ("version_id", &version),
                    ("respondent_group", "visitors"),
                    ("opens_on", "2026-11-01"),
                    ("closes_on", "2026-12-15"),
                    ("centre", &savja),
                    ("centre", &gottsunda),
                ],
            )
            .await;
        assert_eq!(status, 303, "{n}");
        let round = location.expect("to the round's page");
        let (status, page) = t.get(&county, &round).await;
        assert_eq!(status, 200, "{n}");
        let text = page_text(&page);
        assert!(
            text.contains("Sävja familjecentral") && text.contains("Gottsunda familjecentral"),
            "{n}: {text}"
        );
        assert!(text.contains("tar emot svar"), "{n}: {text}");
        assert_eq!(page.matches("/s/").count(), 2, "{n}: one link per centre");

        let (status, list) = t.get(&county, &format!("/regions/{region}/rounds")).await;
        assert_eq!(status, 200, "{n}");
        assert!(list.contains("Besök hösten"), "{n}");

        // The QR code and the poster.
        let res = county
            .get(t.url(&format!("{round}/centres/{savja}/qr.svg")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{n}");
        assert_eq!(res.headers()["content-type"], "image/svg+xml", "{n}");
        assert!(res.text().await.unwrap().contains("<svg"), "{n}");
        let (status, poster) = t.get(&county, &format!("{round}/centres/{savja}/poster")).await;
        assert_eq!(status, 200, "{n}");
        assert!(
            poster.contains("<svg aria-hidden=\"true\""),
            "{n}: the QR code inline"
        );
        assert!(
            poster.contains(r#"lang="ar" dir="rtl""#) && poster.contains(r#"lang="en" dir="ltr""#),
            "{n}: every language of the survey, each in its direction"
        );
        // A centre not in the round has no poster.
        let knivsta = t.centre("Knivsta familjecentral").await;
        let (status, _) = t.get(&county, &format!("{round}/centres/{knivsta}/poster")).await;
        assert_eq!(status, 404, "{n}");

        // A reader sees the round but makes none; another county sees nothing.
        let reader = t.login(READER).await;
        let (status, list) = t.get(&reader, &format!("/regions/{region}/rounds")).await;
        assert_eq!(status, 200, "{n}");
        assert!(!list.contains("/rounds/new"), "{n}");
        let (status, _, _) = t
            .post_form(
                &reader,
                &format!("/regions/{region}/rounds/new"),
                &[("title", "x")],
            )
            .await;
        assert_eq!(status, 403, "{n}");
        let other = t.login(OTHER_COUNTY).await;
        let (status, _) = t.get(&other, &round).await;
        assert_eq!(status, 403, "{n}");
        t.stop().await;
    }
}

#[tokio::test]
async fn paper_forms_print_with_their_routing_and_are_keyed_in_through_the_same_checks() {
    for t in TestApp::all().await {
        let n = t.backend();
        let (round, _) = round_at_savja(&t, "2026-11-01", "2026-12-15").await;
        let savja = t.centre("Sävja familjecentral").await.to_string();
        let local = t.login(LOCAL_SAVJA).await;

        let (status, paper) = t.get(&local, &format!("/rounds/{round}/paper?lang=ar")).await;
        assert_eq!(status, 200, "{n}");
        assert!(paper.contains(r#"<html lang="ar" dir="rtl">"#), "{n}");
        let (_, paper) = t.get(&local, &format!("/rounds/{round}/paper")).await;
        assert!(
            page_text(&paper).contains("Svara bara om du svarade «Ja» på fråga 1."),
            "{n}: {paper}"
        );

        // A required question skipped: refused, naming it, with what was typed kept.
        let path = format!("/rounds/{round}/paper/new");
        let (status, _, again) = t
            .post_form(
                &local,
                &path,
                &[
                    ("_centre", &savja),
                    ("_lang", "sv"),
                    ("welcome", "yes"),
                    ("words", "Från pappret"),
                ],
            )
            .await;
        assert_eq!(status, 422, "{n}");
        assert!(again.contains(r##"href="#q-how_much""##), "{n}: {again}");
        assert!(again.contains(">Från pappret</textarea>"), "{n}");

        let (status, location, _) = t
            .post_form(
                &local,
                &path,
                &[
                    ("_centre", &savja),
                    ("_lang", "sv"),
                    ("welcome", "yes"),
                    ("how_much", "4"),
                    ("words", "Från pappret"),
                ],
            )
            .await;
        assert_eq!(status, 303, "{n}");
        assert_eq!(
            location.as_deref(),
            Some(format!("{path}?centre={savja}&lang=sv").as_str()),
            "{n}: an empty form for the next one"
        );
        let mut c = t.conn().await;
        let channels: Vec<String> = sqlx::query_scalar("SELECT channel FROM responses")
            .fetch_all(&mut *c)
            .await
            .unwrap();
        assert_eq!(channels, ["paper"], "{n}");
        drop(c);

        // Someone who does not keep Sävja's records cannot key in its forms.
        let heby = t.login(LOCAL_HEBY).await;
        let (status, _, _) = t
            .post_form(
                &heby,
                &path,
                &[("_centre", &savja), ("_lang", "sv"), ("welcome", "no")],
            )
            .await;
        assert_eq!(status, 403, "{n}");
        t.stop().await;
    }
}

/// The response count a round's page shows for a centre.
fn responses_at(page: &str, centre: &str) -> String {
    let marker = format!("<th scope=\"row\">{centre}</th>");
    let at = page.find(&marker).unwrap_or_else(|| panic!("no row {centre}"));
    let row = &page[at..];
    let row = &row[..row.find("</tr>").unwrap_or(row.len())];
    let cell = row
        .split("<td class=\"num\">")
        .nth(1)
        .unwrap_or_else(|| panic!("no count in {row}"));
    page_text(&cell[..cell.find("</td>").unwrap_or(cell.len())])
}

#[tokio::test]
async fn a_rounds_page_counts_its_own_responses_and_the_list_each_rounds() {
    use samverka_app::surveys::responses::submit_by_link;
    for t in TestApp::all().await {
        let n = t.backend();
        let region = t.uppsala().await;
        let (first, first_code) = round_at_savja(&t, "2026-11-01", "2026-12-31").await;
        let (second, second_code) = round_at_savja(&t, "2026-11-01", "2026-12-31").await;
        let answer = serde_json::json!({"welcome": "no"}).as_object().cloned().unwrap();
        for (code, count) in [(&first_code, 6), (&second_code, 2)] {
            for _ in 0..count {
                submit_by_link(&t.app, code, "sv", &answer).await.unwrap();
            }
        }
        let county = t.login(COUNTY).await;
        let (_, page) = t.get(&county, &format!("/rounds/{first}")).await;
        assert_eq!(responses_at(&page, "Sävja familjecentral"), "6", "{n}");
        let (_, page) = t.get(&county, &format!("/rounds/{second}")).await;
        assert_eq!(
            responses_at(&page, "Sävja familjecentral"),
            "färre än 5",
            "{n}: the other round's responses are not counted"
        );
        let (_, list) = t.get(&county, &format!("/regions/{region}/rounds")).await;
        let counts: Vec<String> = list
            .split("<td class=\"num\">")
            .skip(1)
            .map(|cell| page_text(&cell[..cell.find("</td>").unwrap_or(cell.len())]))
            .collect();
        // Each round: its centres, then its responses.
        let mut counts = counts.chunks(2).map(|c| c[1].clone()).collect::<Vec<_>>();
        counts.sort();
        assert_eq!(counts, ["6", "färre än 5"], "{n}: {list}");
        t.stop().await;
    }
}
