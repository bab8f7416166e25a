//! Personal invitations: each person gets a one-time link by mail, a used
//! link cannot answer again, those who have not answered are reminded with
//! a new link, the round's page shows the response rate per centre, and
//! once the mail is sent the database keeps no link.

use std::sync::Arc;

use chrono::Duration;
use samverka_app::surveys::invitations::remind_due;
use samverka_app::{App, AppConfig, MailConfig, SystemClock};
use sqlx::Row;

use super::round_at_savja;
use crate::support::clock::TestClock;
use crate::support::mail::body_of;
use crate::support::{COUNTY, Setup, TestApp, page_text};

/// The path of the newest survey link (`/i/…`) mailed to anyone.
async fn invitation_links(t: &TestApp) -> Vec<(String, String)> {
    let base = format!("{}/i/", t.base);
    t.queued_mail()
        .await
        .into_iter()
        .filter_map(|q| {
            let at = q.mail.body.find(&base)?;
            let link = &q.mail.body[at + t.base.len()..];
            let path = link[..link.find(char::is_whitespace).unwrap_or(link.len())].to_string();
            Some((q.mail.to, path))
        })
        .collect()
}

async fn answer(t: &TestApp, path: &str) -> (u16, String) {
    let res = reqwest::Client::new()
        .post(t.url(path))
        .form(&[
            ("_page", "more"),
            ("_lang", "sv"),
            ("welcome", "yes"),
            ("how_much", "2"),
            ("_go", "next"),
        ])
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

#[tokio::test]
async fn an_invited_coordinator_answers_once_is_counted_and_the_others_are_reminded_with_a_new_link() {
    let clock = Arc::new(TestClock::on(crate::support::TEST_DAY));
    let setup = Setup {
        clock: clock.clone(),
        ..Setup::default()
    };
    for t in TestApp::all_with(setup.clone()).await {
        let n = t.backend();
        let (round, _) = round_at_savja(&t, "2026-11-01", "2026-12-31").await;
        let county = t.login(COUNTY).await;

        // Nothing chosen: nobody invited.
        let (status, _, _) = t
            .post_form(&county, &format!("/rounds/{round}/invitations"), &[])
            .await;
        assert_eq!(status, 303, "{n}");
        assert!(invitation_links(&t).await.is_empty(), "{n}");

        let (status, _, _) = t
            .post_form(
                &county,
                &format!("/rounds/{round}/invitations"),
                &[("audience", "local_coordinators"), ("audience", "management")],
            )
            .await;
        assert_eq!(status, 303, "{n}");
        let links = invitation_links(&t).await;
        assert!(!links.is_empty(), "{n}: someone is invited");
        // Inviting again adds nobody.
        t.post_form(
            &county,
            &format!("/rounds/{round}/invitations"),
            &[("audience", "local_coordinators")],
        )
        .await;
        assert_eq!(invitation_links(&t).await.len(), links.len(), "{n}");

        let (first_to, first) = links[0].clone();
        let (status, thanks) = answer(&t, &first).await;
        assert_eq!(status, 200, "{n}: {thanks}");
        let (status, again) = answer(&t, &first).await;
        assert_eq!(status, 409, "{n}");
        assert!(page_text(&again).contains("redan använd"), "{n}: {again}");

        let (_, page) = t.get(&county, &format!("/rounds/{round}")).await;
        let rates = page_text(crate::support::html::section(
            &page,
            "Svarsfrekvens för inbjudningar",
        ));
        assert!(rates.contains("Sävja familjecentral"), "{n}: {rates}");

        // A week on, the others get a reminder with a new link; the one who
        // answered gets none, and the old links stop working.
        clock.advance(Duration::days(8));
        let reminded = remind_due(&t.app).await.unwrap();
        assert_eq!(reminded, links.len() - 1, "{n}");
        assert_eq!(remind_due(&t.app).await.unwrap(), 0, "{n}: not twice in a week");
        let after = invitation_links(&t).await;
        let fresh = &after[links.len()..];
        assert_eq!(fresh.len(), links.len() - 1, "{n}");
        assert!(fresh.iter().all(|(to, _)| *to != first_to), "{n}");
        let (old_to, old) = &links[1];
        let res = reqwest::get(t.url(old)).await.unwrap();
        assert_eq!(res.status().as_u16(), 404, "{n}: the replaced link");
        let new = &fresh.iter().find(|(to, _)| to == old_to).expect("reminded").1;
        let (status, _) = answer(&t, new).await;
        assert_eq!(status, 200, "{n}");
        t.stop().await;
    }
}

#[tokio::test]
async fn once_the_invitations_are_sent_the_outbox_keeps_no_link() {
    for t in TestApp::all().await {
        let n = t.backend();
        let (round, _) = round_at_savja(&t, "2026-11-01", "2026-12-31").await;
        let county = t.login(COUNTY).await;
        let (status, _, _) = t
            .post_form(
                &county,
                &format!("/rounds/{round}/invitations"),
                &[("audience", "local_coordinators"), ("audience", "management")],
            )
            .await;
        assert_eq!(status, 303, "{n}");
        let links = invitation_links(&t).await;
        assert!(!links.is_empty(), "{n}: someone is invited");
        let tokens: Vec<String> = links
            .iter()
            .map(|(_, path)| path.trim_start_matches("/i/").to_string())
            .collect();
        assert!(tokens.iter().all(|token| token.len() >= 16), "{n}: {tokens:?}");

        // The mail job sends them (as .eml files into a folder of its own).
        let outbox = tempfile::tempdir().unwrap();
        let sender = App::new(
            t.db.clone(),
            AppConfig {
                mail: MailConfig {
                    outbox_dir: outbox.path().to_path_buf(),
                    ..MailConfig::default()
                },
                ..t.app.config().clone()
            },
            Arc::new(SystemClock),
        );
        let sent = samverka_app::jobs::mail::send_pending(&sender).await.unwrap();
        assert_eq!(sent, links.len(), "{n}");
        let mailed: String = std::fs::read_dir(outbox.path())
            .unwrap()
            .map(|e| body_of(&std::fs::read_to_string(e.unwrap().path()).unwrap()))
            .collect();
        for token in &tokens {
            assert!(mailed.contains(token), "{n}: the mail carries the link");
        }

        // No column of any mail holds a token; who was mailed what, and
        // when, stays.
        let rows = sqlx::query("SELECT * FROM mail_outbox")
            .fetch_all(&mut *t.conn().await)
            .await
            .unwrap();
        assert_eq!(rows.len(), links.len(), "{n}");
        for row in &rows {
            for i in 0..row.len() {
                let Ok(Some(value)) = row.try_get::<Option<String>, _>(i) else {
                    continue;
                };
                for token in &tokens {
                    assert!(
                        !value.contains(token.as_str()),
                        "{n}: a sent mail keeps a token in column {i}: {value}"
                    );
                }
            }
            let to: String = row.try_get("to_address").unwrap();
            let subject: String = row.try_get("subject").unwrap();
            let sent_at: Option<String> = row.try_get("sent_at").unwrap();
            assert!(links.iter().any(|(address, _)| *address == to), "{n}: {to}");
            assert!(subject.contains("Besök"), "{n}: {subject}");
            assert!(sent_at.is_some(), "{n}: marked sent");
        }

        // The mailed link still works: only its hash was ever needed.
        let res = reqwest::get(t.url(&links[0].1)).await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{n}");
        t.stop().await;
    }
}
