//! Dates, times and phone numbers are never broken across lines: wherever
//! a page shows one, it sits in an element the stylesheet keeps on one line.

use crate::support::{COUNTY, TestApp};

/// The classes (and elements) the stylesheet keeps on one line.
const ONE_LINE: [&str; 4] = [
    "class=\"phone\"",
    "class=\"date\"",
    "class=\"nowrap\"",
    "href=\"tel:",
];

/// The first link on a page whose address starts with `prefix` and goes on
/// with digits (`/people/12`).
fn first_link(html: &str, prefix: &str) -> String {
    let needle = format!("href=\"{prefix}");
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        let tail = &rest[at + needle.len()..];
        let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && tail[digits.len()..].starts_with('"') {
            return format!("{prefix}{digits}");
        }
        rest = tail;
    }
    panic!("no link to {prefix}…")
}

/// Every place `text` occurs on a page sits inside an element kept on one
/// line; returns how many there were.
fn kept_on_one_line(html: &str, text: &str, page: &str) -> usize {
    let mut n = 0;
    for (at, _) in html.match_indices(text) {
        let open = html[..at].rfind('<').expect("inside an element");
        let tag = &html[open..at];
        assert!(
            ONE_LINE.iter().any(|c| tag.contains(c)),
            "{page}: {text}… in {tag}"
        );
        n += 1;
    }
    n
}

#[tokio::test]
async fn dates_times_and_phone_numbers_stay_on_one_line() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/style.css")).unwrap();
    assert!(
        css.contains(".nowrap, td.date, time, a[href^=\"tel:\"], .phone { white-space: nowrap; }"),
        "the stylesheet keeps them on one line"
    );
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let (_, people) = app.get(&client, &format!("/regions/{uppsala}/people")).await;
        let (_, groups) = app.get(&client, &format!("/regions/{uppsala}/groups")).await;
        let pages = [
            format!("/regions/{uppsala}/people"),
            format!("/centres/{savja}/governance"),
            first_link(&people, "/people/"),
            first_link(&groups, "/groups/"),
        ];
        // The demo's phone numbers are 070-123 45 00 to 99.
        let mut phones = 0;
        for path in &pages {
            let (status, html) = app.get(&client, path).await;
            assert_eq!(status, 200, "{b}: {path}");
            phones += kept_on_one_line(&html, "070-123 45 ", &format!("{b}: {path}"));
        }
        assert!(phones > 10, "{b}: phone numbers were shown ({phones})");

        // Times in the audit trail ("2026-11-23 10:00") have a space to break at.
        let (_, audit) = app.get(&client, &format!("/regions/{uppsala}/audit")).await;
        assert!(
            audit.contains("<td class=\"date\">20"),
            "{b}: the trail shows times"
        );
        assert!(
            !audit.contains("<td>20"),
            "{b}: every time in the trail is kept on one line"
        );
        app.stop().await;
    }
}
