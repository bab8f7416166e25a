//! A round's results page: numbers from five answers on, a note and no
//! number below (nor where subtraction would give a small group away),
//! each reader only the centres they may read, free texts only where the
//! centre's answers are shown, merged scale steps, another round beside
//! this one, the trend over the survey's rounds, and the radar chart of
//! the collaboration spider.

use samverka_app::surveys::rounds::RoundDraft;
use samverka_app::surveys::{instruments, responses, rounds};
use serde_json::{Map, Value, json};

use crate::support::{COUNTY, LOCAL_HEBY, LOCAL_SAVJA, TestApp, page_text};

const SAVJA: &str = "Sävja familjecentral";
const STENHAGEN: &str = "Stenhagen familjecentral";
const GIMO: &str = "Familjecentralen i Gimo";

/// Did you feel welcome; how much (after a yes); anything else.
const DOCUMENT: &str = r#"{
  "key": "besok_resultat", "title": {"sv": "Besöksenkät", "en": "Visitor survey"},
  "languages": ["sv", "en"],
  "blocks": [{"key": "b", "questions": [
    {"key": "welcome", "type": "yes_no", "required": true,
     "text": {"sv": "Kände du dig välkommen?", "en": "Did you feel welcome?"}},
    {"key": "how_much", "type": "scale5", "required": true,
     "show_if": {"question": "welcome", "equals": "yes"},
     "text": {"sv": "Hur väl stämmer det?", "en": "How well does it fit?"}},
    {"key": "words", "type": "long_text", "required": false,
     "text": {"sv": "Något mer?", "en": "Anything else?"}}]}]}"#;

/// Three staff statements on the four-step scale: a spider.
const SPIDER: &str = r#"{
  "key": "test_spider", "title": {"sv": "Spindel", "en": "Spider"},
  "languages": ["sv", "en"],
  "blocks": [{"key": "b", "questions": [
    {"key": "goals", "type": "scale4", "required": true, "text": {"sv": "Mål", "en": "Goals"},
     "options": [{"key": "1", "text": {"sv": "1", "en": "1"}}, {"key": "2", "text": {"sv": "2", "en": "2"}},
                 {"key": "3", "text": {"sv": "3", "en": "3"}}, {"key": "4", "text": {"sv": "4", "en": "4"}}]},
    {"key": "planning", "type": "scale4", "required": true, "text": {"sv": "Planering", "en": "Planning"},
     "options": [{"key": "1", "text": {"sv": "1", "en": "1"}}, {"key": "2", "text": {"sv": "2", "en": "2"}},
                 {"key": "3", "text": {"sv": "3", "en": "3"}}, {"key": "4", "text": {"sv": "4", "en": "4"}}]},
    {"key": "meetings", "type": "scale4", "required": true, "text": {"sv": "Möten", "en": "Meetings"},
     "options": [{"key": "1", "text": {"sv": "1", "en": "1"}}, {"key": "2", "text": {"sv": "2", "en": "2"}},
                 {"key": "3", "text": {"sv": "3", "en": "3"}}, {"key": "4", "text": {"sv": "4", "en": "4"}}]}]}]}"#;

fn raw(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap()
}

/// A round of `document` at the given centres over a period; its id.
async fn round(t: &TestApp, document: &str, title: &str, opens: &str, closes: &str, centres: &[&str]) -> i64 {
    let ctx = t.cli();
    let region = t.uppsala().await;
    let (_, version) = instruments::import(&ctx, region, document, true).await.unwrap();
    let mut ids = Vec::new();
    for c in centres {
        ids.push(t.centre(c).await);
    }
    rounds::create(
        &ctx,
        region,
        &RoundDraft {
            version_id: version,
            title: title.into(),
            respondent_group: "visitors".into(),
            opens_on: opens.into(),
            closes_on: closes.into(),
            centre_ids: ids,
        },
    )
    .await
    .unwrap()
}

/// `count` responses at a centre through its link (an open round), the
/// `i`-th answering what `answer` gives.
async fn answer_by_link(
    t: &TestApp,
    round: i64,
    centre: &str,
    count: usize,
    answer: impl Fn(usize) -> Value,
) {
    let id = t.centre(centre).await;
    let code = rounds::get(&t.cli(), round)
        .await
        .unwrap()
        .centres
        .into_iter()
        .find(|c| c.centre_id == id)
        .unwrap()
        .link_code;
    for i in 0..count {
        responses::submit_by_link(&t.app, &code, "sv", &raw(answer(i)))
            .await
            .unwrap();
    }
}

/// `count` paper responses at a centre (any round that has opened).
async fn answer_on_paper(
    t: &TestApp,
    round: i64,
    centre: &str,
    count: usize,
    answer: impl Fn(usize) -> Value,
) {
    let id = t.centre(centre).await;
    for i in 0..count {
        responses::submit_paper(&t.cli(), round, id, "sv", &raw(answer(i)))
            .await
            .unwrap();
    }
}

fn welcome(i: usize) -> Value {
    let step = if i.is_multiple_of(2) {
        "large_extent"
    } else {
        "completely"
    };
    json!({"welcome": "yes", "how_much": step, "words": format!("Svar nummer {i}")})
}

/// The open round (link answers): Sävja 3, Stenhagen 8 (both in Uppsala),
/// Gimo 6 (Östhammar).
async fn open_round(t: &TestApp) -> i64 {
    let id = round(
        t,
        DOCUMENT,
        "Besök 2026",
        "2026-11-01",
        "2026-12-15",
        &[SAVJA, STENHAGEN, GIMO],
    )
    .await;
    answer_by_link(t, id, SAVJA, 3, welcome).await;
    answer_by_link(t, id, STENHAGEN, 8, welcome).await;
    answer_by_link(t, id, GIMO, 6, welcome).await;
    id
}

/// The part of a page about one question.
fn question<'a>(html: &'a str, key: &str) -> &'a str {
    let start = html
        .find(&format!(r#"<section class="result" id="q-{key}""#))
        .unwrap_or_else(|| panic!("no question {key}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

/// The question's part holds no number at all: no chart, no table, no
/// count, no share; the only digits are its number and the threshold.
fn assert_hidden(part: &str, context: &str) {
    assert!(part.contains(r#"class="suppressed""#), "{context}: {part}");
    for leak in ["<svg", "<table", "har svarat", "%", "Medelvärde"] {
        assert!(!part.contains(leak), "{context}: {leak} in {part}");
    }
    let after_heading = &part[part.find("</h3>").unwrap()..];
    let digits: String = page_text(after_heading)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert_eq!(digits, "5", "{context}: only the threshold: {part}");
}

#[tokio::test]
async fn the_page_shows_numbers_from_five_answers_and_hides_a_small_centre_and_its_complement() {
    for t in TestApp::all().await {
        let n = t.backend();
        let id = open_round(&t).await;
        let county = t.login(COUNTY).await;
        let (savja, stenhagen, gimo) = (
            t.centre(SAVJA).await,
            t.centre(STENHAGEN).await,
            t.centre(GIMO).await,
        );
        let uppsala = t.municipality("Uppsala").await;

        let (status, region) = t.get(&county, &format!("/rounds/{id}/results")).await;
        assert_eq!(status, 200, "{n}: {region}");
        let part = question(&region, "welcome");
        assert!(page_text(part).contains("17 har svarat"), "{n}: {part}");
        assert!(part.contains(r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-welcome" role="img" aria-labelledby="chart-welcome-title chart-welcome-desc""#), "{n}");
        let scale = page_text(question(&region, "how_much"));
        assert!(scale.contains("Till stor del 9 53 %"), "{n}: {scale}");
        assert!(scale.contains("Helt och hållet 8 47 %"), "{n}: {scale}");
        assert!(scale.contains("Medelvärde 3,47"), "{n}: {scale}");

        // Sävja has 3 answers: hidden. Stenhagen's 8 beside Uppsala's 11
        // would give Sävja away: hidden too. Uppsala and Gimo show.
        for (at, what) in [(savja, "Sävja (3)"), (stenhagen, "Stenhagen, the complement")] {
            let (status, html) = t.get(&county, &format!("/rounds/{id}/results?at=c{at}")).await;
            assert_eq!(status, 200, "{n}: {what}");
            for key in ["welcome", "how_much", "words"] {
                assert_hidden(question(&html, key), &format!("{n}: {what}, {key}"));
            }
            assert!(
                !html.contains(r#"class="chart""#),
                "{n}: {what}: no chart anywhere"
            );
            assert!(
                page_text(&html).contains("Antal svar visas inte"),
                "{n}: {what}: the number of responses is hidden too"
            );
            // Nor are its free texts, even for the county.
            let (status, texts) = t
                .get(
                    &county,
                    &format!("/rounds/{id}/results/texts?question=words&centre={at}"),
                )
                .await;
            assert_eq!(status, 200, "{n}: {what}");
            assert!(texts.contains(r#"class="suppressed""#), "{n}: {what}");
            assert!(!texts.contains("Svar nummer"), "{n}: {what}: {texts}");
        }
        let (_, municipality) = t
            .get(&county, &format!("/rounds/{id}/results?at=m{uppsala}"))
            .await;
        assert!(
            page_text(question(&municipality, "welcome")).contains("11 har svarat"),
            "{n}"
        );
        let (_, centre) = t.get(&county, &format!("/rounds/{id}/results?at=c{gimo}")).await;
        assert!(
            page_text(question(&centre, "welcome")).contains("6 har svarat"),
            "{n}"
        );

        // No paper answers: everything hidden, nothing counted.
        let (status, paper) = t
            .get(&county, &format!("/rounds/{id}/results?channel=paper"))
            .await;
        assert_eq!(status, 200, "{n}");
        assert_hidden(question(&paper, "welcome"), &format!("{n}: paper"));

        // A value that is no choice is refused, saying which field.
        let (status, bad) = t.get(&county, &format!("/rounds/{id}/results?merge=all")).await;
        assert_eq!(status, 422, "{n}");
        assert!(page_text(&bad).contains("Välj ett av alternativen"), "{n}: {bad}");
        t.stop().await;
    }
}

#[tokio::test]
async fn a_local_coordinator_sees_only_their_centre_and_free_texts_need_access_to_the_centre() {
    for t in TestApp::all().await {
        let n = t.backend();
        let id = open_round(&t).await;
        // Six more at Sävja: 9 there, shown.
        answer_by_link(&t, id, SAVJA, 6, welcome).await;
        let (savja, stenhagen) = (t.centre(SAVJA).await, t.centre(STENHAGEN).await);

        let local = t.login(LOCAL_SAVJA).await;
        let (status, own) = t.get(&local, &format!("/rounds/{id}/results")).await;
        assert_eq!(status, 200, "{n}: {own}");
        assert!(
            page_text(question(&own, "welcome")).contains("9 har svarat"),
            "{n}: their centre by default"
        );
        assert!(
            !own.contains(&format!(r#"value="c{stenhagen}""#)) && !own.contains(r#"value="region""#),
            "{n}: the form offers only their own centre"
        );
        for other in ["at=region".to_string(), format!("at=c{stenhagen}")] {
            let (status, _) = t.get(&local, &format!("/rounds/{id}/results?{other}")).await;
            assert_eq!(status, 403, "{n}: {other}");
        }
        let texts = format!("/rounds/{id}/results/texts?question=words&centre={savja}");
        assert!(
            crate::support::unescape(&own).contains(&format!(r#"href="{texts}""#)),
            "{n}: a link to the centre's texts"
        );
        let (status, list) = t.get(&local, &texts).await;
        assert_eq!(status, 200, "{n}");
        assert!(page_text(&list).contains("Svar nummer 5"), "{n}: {list}");
        let (status, _) = t
            .get(
                &local,
                &format!("/rounds/{id}/results/texts?question=words&centre={stenhagen}"),
            )
            .await;
        assert_eq!(status, 403, "{n}: another centre's texts");

        let heby = t.login(LOCAL_HEBY).await;
        let (status, html) = t.get(&heby, &texts).await;
        assert_eq!(status, 403, "{n}: Heby's coordinator");
        assert!(!html.contains("Svar nummer"), "{n}");

        // Stenhagen's 8 are shown now that Sävja has 9; a centre with 3 is not.
        let county = t.login(COUNTY).await;
        let (_, list) = t
            .get(
                &county,
                &format!("/rounds/{id}/results/texts?question=words&centre={stenhagen}"),
            )
            .await;
        assert!(page_text(&list).contains("Svar nummer 7"), "{n}");
        t.stop().await;
    }
}

#[tokio::test]
async fn merged_steps_a_round_beside_and_the_trend_over_rounds() {
    for t in TestApp::all().await {
        let n = t.backend();
        let id = open_round(&t).await;
        // Last year's round of the same survey, typed in from paper.
        let last = round(
            &t,
            DOCUMENT,
            "Besök 2025",
            "2025-11-01",
            "2025-12-15",
            &[SAVJA, STENHAGEN, GIMO],
        )
        .await;
        for c in [SAVJA, STENHAGEN, GIMO] {
            answer_on_paper(&t, last, c, 5, |i| {
                if i == 0 {
                    json!({"welcome": "no"})
                } else {
                    json!({"welcome": "yes", "how_much": "some_extent"})
                }
            })
            .await;
        }
        let county = t.login(COUNTY).await;

        let (_, merged) = t.get(&county, &format!("/rounds/{id}/results?merge=top")).await;
        let scale = page_text(question(&merged, "how_much"));
        assert!(
            scale.contains("Till stor del + Helt och hållet 17 100 %"),
            "{n}: {scale}"
        );
        assert!(
            scale.contains("Medelvärde 3,47"),
            "{n}: the mean is of the steps as asked"
        );

        let (status, beside) = t
            .get(&county, &format!("/rounds/{id}/results?compare={last}"))
            .await;
        assert_eq!(status, 200, "{n}");
        let text = page_text(&beside);
        assert!(
            text.contains("Jämförelse med Besök 2025 (2025-11)"),
            "{n}: {text}"
        );
        assert!(
            beside.contains("chart-beside-how_much-hatch"),
            "{n}: grouped bars, the second hatched"
        );
        assert!(
            text.contains("Besök 2025 (2025-11) 12 0 % 0 % 100 % 0 % 0 %"),
            "{n}: {text}"
        );

        let (_, trend) = t.get(&county, &format!("/rounds/{id}/results?trend=1")).await;
        let text = page_text(&trend);
        assert!(text.contains("Utveckling över omgångarna"), "{n}");
        assert!(
            text.contains("Besök 2025 (2025-11) 15 80 % 20 %")
                && text.contains("Besök 2026 (2026-11) 17 100 % 0 %"),
            "{n}: {text}"
        );
        assert!(trend.contains(r#"id="chart-trend-welcome""#), "{n}");

        // A round that is not of the region's comparable rounds is refused.
        let (status, _) = t
            .get(&county, &format!("/rounds/{id}/results?compare=999999"))
            .await;
        assert_eq!(status, 422, "{n}");
        t.stop().await;
    }
}

#[tokio::test]
async fn the_collaboration_spider_is_a_radar_with_one_line_per_round_and_its_numbers_in_a_table() {
    for t in TestApp::all().await {
        let n = t.backend();
        let earlier = round(
            &t,
            SPIDER,
            "Spindel 2025",
            "2025-10-01",
            "2025-10-31",
            &[SAVJA, STENHAGEN],
        )
        .await;
        let now = round(
            &t,
            SPIDER,
            "Spindel 2026",
            "2026-10-01",
            "2026-12-31",
            &[SAVJA, STENHAGEN],
        )
        .await;
        for c in [SAVJA, STENHAGEN] {
            answer_on_paper(
                &t,
                earlier,
                c,
                5,
                |_| json!({"goals": "2", "planning": "3", "meetings": "2"}),
            )
            .await;
            answer_on_paper(
                &t,
                now,
                c,
                5,
                |i| json!({"goals": if i < 2 { "4" } else { "3" }, "planning": "3", "meetings": "4"}),
            )
            .await;
        }
        let county = t.login(COUNTY).await;
        let (status, html) = t.get(&county, &format!("/rounds/{now}/results")).await;
        assert_eq!(status, 200, "{n}");
        assert!(html.contains(r#"id="chart-radar" role="img""#), "{n}");
        assert!(
            html.matches("<polygon points=").count() >= 6,
            "{n}: rings and two lines"
        );
        let text = page_text(&html);
        assert!(text.contains("1. Mål 2,00 3,40"), "{n}: {text}");
        assert!(text.contains("3. Möten 2,00 4,00"), "{n}: {text}");
        t.stop().await;
    }
}

#[tokio::test]
async fn a_chart_is_the_same_svg_for_the_same_numbers() {
    let t = TestApp::sqlite().await;
    let id = open_round(&t).await;
    let county = t.login(COUNTY).await;
    let gimo = t.centre(GIMO).await;
    let (_, html) = t.get(&county, &format!("/rounds/{id}/results?at=c{gimo}")).await;
    let part = question(&html, "welcome");
    let start = part.find("<svg").unwrap();
    let end = part[start..].find("</svg>").unwrap() + start + "</svg>".len();
    insta::assert_snapshot!("results_chart_welcome", &part[start..end]);
    t.stop().await;
}

#[tokio::test]
async fn a_region_that_raises_its_threshold_hides_more() {
    for t in TestApp::all().await {
        let n = t.backend();
        let id = open_round(&t).await;
        let county = t.login(COUNTY).await;
        let gimo = t.centre(GIMO).await;
        let (_, before) = t.get(&county, &format!("/rounds/{id}/results?at=c{gimo}")).await;
        assert!(
            page_text(question(&before, "welcome")).contains("6 har svarat"),
            "{n}"
        );
        let uppsala = t.uppsala().await;
        let (status, _, _) = t
            .post_form(
                &county,
                &format!("/regions/{uppsala}/settings/surveys"),
                &[("survey_min_answers", "7")],
            )
            .await;
        assert_eq!(status, 303, "{n}");
        let (_, after) = t.get(&county, &format!("/rounds/{id}/results?at=c{gimo}")).await;
        let part = question(&after, "welcome");
        assert!(
            part.contains(r#"class="suppressed""#),
            "{n}: 6 answers are below 7 now: {part}"
        );
        assert!(!page_text(part).contains("6 har svarat"), "{n}");
        t.stop().await;
    }
}
