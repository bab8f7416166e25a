//! The survey area: answering through an anonymous link or an invitation,
//! rounds and paper forms, the results, and the API of instruments, rounds,
//! responses and results.

mod answer;
mod api;
mod api_responses;
mod api_results;
mod editor;
mod exports;
mod invitations;
mod results;
mod round_pages;

use samverka_app::surveys::rounds::RoundDraft;
use samverka_app::surveys::{instruments, rounds};
use sqlx::{Column, Row};

use crate::support::TestApp;

/// Did you feel welcome (page 1); how much (only after a yes) and a free
/// text (page 2).
pub const DOCUMENT: &str = r#"{
  "key": "besok_test", "title": {"sv": "Besöksenkät", "ar": "استبيان الزوار"},
  "languages": ["sv", "ar"],
  "closing": {"sv": "Tack för att du svarade!", "ar": "شكراً على إجاباتك!"},
  "blocks": [
    {"key": "start", "questions": [
      {"key": "welcome", "type": "yes_no", "required": true,
       "text": {"sv": "Kände du dig välkommen?", "ar": "هل شعرت بالترحيب؟"},
       "options": [{"key": "yes", "text": {"sv": "Ja", "ar": "نعم"}}, {"key": "no", "text": {"sv": "Nej", "ar": "لا"}}]}]},
    {"key": "more", "questions": [
      {"key": "how_much", "type": "scale4", "required": true,
       "show_if": {"question": "welcome", "equals": "yes"},
       "text": {"sv": "Hur mycket?", "ar": "إلى أي حد؟"},
       "options": [{"key": "1", "text": {"sv": "Lite", "ar": "قليلاً"}}, {"key": "2", "text": {"sv": "Något", "ar": "بعض الشيء"}},
                   {"key": "3", "text": {"sv": "Mycket", "ar": "كثيراً"}}, {"key": "4", "text": {"sv": "Helt", "ar": "تماماً"}}]},
      {"key": "words", "type": "long_text", "required": false,
       "text": {"sv": "Något mer?", "ar": "هل من شيء آخر؟"}}]}]}"#;

/// A round at Sävja open from `opens` to `closes` (the tests' day is 23
/// November 2026): its id and its link's code.
pub async fn round_at_savja(t: &TestApp, opens: &str, closes: &str) -> (i64, String) {
    let ctx = t.cli();
    let region = t.uppsala().await;
    let (_, version) = instruments::import(&ctx, region, DOCUMENT, true).await.unwrap();
    let id = rounds::create(
        &ctx,
        region,
        &RoundDraft {
            version_id: version,
            title: "Besök".into(),
            respondent_group: "visitors".into(),
            opens_on: opens.into(),
            closes_on: closes.into(),
            centre_ids: vec![t.centre("Sävja familjecentral").await],
        },
    )
    .await
    .unwrap();
    (
        id,
        rounds::get(&ctx, id).await.unwrap().centres[0].link_code.clone(),
    )
}

/// The link's code of a round at Sävja.
pub async fn link(t: &TestApp, opens: &str, closes: &str) -> String {
    round_at_savja(t, opens, closes).await.1
}

/// What [`assert_nothing_identifying`] found stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored {
    /// Responses.
    pub responses: usize,
    /// Answer rows.
    pub answers: usize,
}

/// The names of a table's columns, read from a row of it.
fn columns(row: &sqlx::any::AnyRow) -> Vec<String> {
    row.columns().iter().map(|c| c.name().to_string()).collect()
}

/// Reads every row of the tables a response is stored in and checks every
/// column: a response keeps its round, centre, language, channel and the
/// server's day (nothing finer), its answers only what was answered —
/// no address, browser, session, token, person or time.
pub async fn assert_nothing_identifying(t: &TestApp) -> Stored {
    let n = t.backend();
    let mut c = t.conn().await;
    let responses = sqlx::query("SELECT * FROM responses")
        .fetch_all(&mut *c)
        .await
        .unwrap();
    for row in &responses {
        assert_eq!(
            columns(row),
            [
                "id",
                "round_id",
                "centre_id",
                "language",
                "channel",
                "submitted_on"
            ],
            "{n}: no address, browser, session, token or time is kept"
        );
        let day: String = row.try_get("submitted_on").unwrap();
        assert_eq!(day, t.today().to_string(), "{n}: the server's day, nothing finer");
        let channel: String = row.try_get("channel").unwrap();
        assert!(
            ["link", "invitation", "paper"].contains(&channel.as_str()),
            "{n}: {channel}"
        );
    }
    let answers = sqlx::query("SELECT * FROM answers")
        .fetch_all(&mut *c)
        .await
        .unwrap();
    for row in &answers {
        assert_eq!(
            columns(row),
            [
                "response_id",
                "question_key",
                "position",
                "kind",
                "option_key",
                "number",
                "text",
                "comment"
            ],
            "{n}: an answer holds what was answered only"
        );
    }
    Stored {
        responses: responses.len(),
        answers: answers.len(),
    }
}
