//! Matters (*ärenden*) a group raises to its steering group: one dated,
//! signed step at a time, and flagged when they wait too long.

use chrono::{Duration, NaiveDate};
use samverka_core::governance::{DecisionCategory, MatterStatus, MeetingStatus};
use samverka_store::governance::matters;

use crate::support::builders::step;
use crate::support::fixtures::{COUNTY_PERSON, LENA, SignalCentre};
use crate::support::html::row_with_id;
use crate::support::{READER, TestApp, page_text};

#[tokio::test]
async fn a_matter_goes_from_draft_to_reported_back_one_dated_signed_step_at_a_time() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SignalCentre::build(&app).await;
        let county = app.login(LENA).await;
        let (status, html) = app
            .get(&county, &format!("/groups/{}/matters/new", f.management))
            .await;
        assert_eq!(status, 200, "{b}");
        assert!(
            html.contains(&format!("<option value=\"{}\" selected>", f.steering)),
            "{b}: its steering group is offered"
        );

        let new = format!("/groups/{}/matters/new", f.management);
        let reply = app
            .submit(
                &county,
                &new,
                &[("title", " "), ("to_group_id", &f.steering.to_string())],
            )
            .await;
        assert_eq!(reply.status, 422, "{b}: a matter needs a title");
        let reply = app
            .submit(
                &county,
                &new,
                &[
                    ("title", "Gemensam lokal"),
                    ("to_group_id", &f.management.to_string()),
                ],
            )
            .await;
        assert_eq!(reply.status, 422, "{b}: only a steering group can receive it");
        let reply = app
            .submit(
                &county,
                &new,
                &[
                    ("title", "Gemensam lokal för öppna förskolan"),
                    (
                        "body",
                        "Ledningsgruppen ber styrgruppen ta ställning till en gemensam lokal.",
                    ),
                    ("to_group_id", &f.steering.to_string()),
                ],
            )
            .await;
        assert_eq!(reply.status, 303, "{b}: {}", reply.body);
        let path = reply.location.unwrap();
        let id: i64 = path.trim_start_matches("/matters/").parse().unwrap();
        assert_eq!(
            matters::get(&mut *app.conn().await, id).await.unwrap().status,
            MatterStatus::Draft,
            "{b}"
        );
        let advance = format!("/matters/{id}/advance");

        let reply = app.submit(&county, &advance, &[("to", "submitted")]).await;
        assert_eq!(reply.status, 303, "{b}");

        let reply = app.submit(&county, &advance, &[("to", "decided")]).await;
        assert!(
            (400..500).contains(&reply.status),
            "{b}: skipping a step is refused, got {}",
            reply.status
        );
        let m = matters::get(&mut *app.conn().await, id).await.unwrap();
        assert_eq!(
            (m.status, m.steps.len()),
            (MatterStatus::Submitted, 2),
            "{b}: nothing changed"
        );

        let reader = app.login(READER).await;
        let reply = app.submit(&reader, &advance, &[("to", "on_agenda")]).await;
        assert_eq!(reply.status, 403, "{b}: a reader cannot move a matter");
        assert_eq!(
            matters::get(&mut *app.conn().await, id).await.unwrap().status,
            MatterStatus::Submitted,
            "{b}"
        );

        let reply = app.submit(&county, &advance, &[("to", "on_agenda")]).await;
        assert_eq!(reply.status, 303, "{b}");
        let reply = app.submit(&county, &advance, &[("to", "decided")]).await;
        assert_eq!(
            reply.status, 422,
            "{b}: deciding needs the steering group's decision"
        );
        assert_eq!(
            matters::get(&mut *app.conn().await, id).await.unwrap().status,
            MatterStatus::OnAgenda,
            "{b}"
        );

        let mut seed = app.seed().await;
        let meeting = seed
            .meeting(f.steering, app.today(), MeetingStatus::Held, None)
            .await
            .unwrap();
        let decision = seed
            .decision(
                meeting,
                DecisionCategory::MatterFromGroup,
                "Styrgruppen bifaller en gemensam lokal.",
                &[f.centre],
            )
            .await
            .unwrap();
        seed.commit().await.unwrap();
        let (_, html) = app.get(&county, &path).await;
        assert!(
            page_text(&html).contains("Styrgruppen bifaller en gemensam lokal."),
            "{b}: the decision is offered"
        );
        let reply = app
            .submit(
                &county,
                &advance,
                &[("to", "decided"), ("decision_id", &decision.to_string())],
            )
            .await;
        assert_eq!(reply.status, 303, "{b}: {}", reply.body);
        let reply = app
            .submit(
                &county,
                &advance,
                &[
                    ("to", "reported_back"),
                    ("note", "Besked lämnat på ledningsgruppens möte."),
                ],
            )
            .await;
        assert_eq!(reply.status, 303, "{b}");
        let reply = app.submit(&county, &advance, &[("to", "reported_back")]).await;
        assert!(
            (400..500).contains(&reply.status),
            "{b}: there is no step after reporting back"
        );

        let m = matters::get(&mut *app.conn().await, id).await.unwrap();
        assert_eq!(m.status, MatterStatus::ReportedBack, "{b}");
        assert_eq!(m.decision_id, Some(decision), "{b}");
        assert_eq!(m.steps.len(), 5, "{b}");
        assert!(
            m.steps
                .iter()
                .all(|s| s.on == app.today() && s.person_id == Some(f.county_person)),
            "{b}: {:?}",
            m.steps
        );

        let (status, html) = app.get(&county, &path).await;
        assert_eq!(status, 200, "{b}");
        for (code, name) in [
            ("draft", "Utkast"),
            ("submitted", "Inskickat till styrgruppen"),
            ("on_agenda", "På dagordningen"),
            ("decided", "Beslutat"),
            ("reported_back", "Återrapporterat"),
        ] {
            let step = page_text(row_with_id(&html, &format!("step-{code}")));
            assert!(step.contains(name), "{b}: {step}");
            assert!(step.contains(&app.today().to_string()), "{b}: {step}");
            assert!(step.contains(COUNTY_PERSON), "{b}: {step}");
        }
        assert!(
            page_text(&html).contains("Besked lämnat på ledningsgruppens möte."),
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_matter_waiting_longer_than_ninety_days_is_flagged() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SignalCentre::build(&app).await;
        let raise = |title: &'static str, sent: NaiveDate| {
            let app = &app;
            let (from, to, region) = (f.management, f.steering, f.region);
            async move {
                let mut seed = app.seed().await;
                let id = seed
                    .matter(region, Some(from), to, title, None, sent, None)
                    .await
                    .unwrap();
                seed.advance(id, &step(MatterStatus::Submitted, sent), None)
                    .await
                    .unwrap();
                seed.commit().await.unwrap();
                id
            }
        };
        let old = raise("Budget för hembesök", app.today() - Duration::days(100)).await;
        let fresh = raise("Öppettider i sommar", app.today() - Duration::days(10)).await;
        let reader = app.login(READER).await;
        let (status, html) = app.get(&reader, &format!("/regions/{}/matters", f.region)).await;
        assert_eq!(status, 200, "{b}");
        let old_row = page_text(row_with_id(&html, &format!("matter-{old}")));
        assert!(old_row.contains("⚠ Har väntat för länge"), "{b}: {old_row}");
        assert!(
            old_row.contains("100"),
            "{b}: the days waited are shown: {old_row}"
        );
        let fresh_row = page_text(row_with_id(&html, &format!("matter-{fresh}")));
        assert!(!fresh_row.contains("Har väntat för länge"), "{b}: {fresh_row}");
        assert!(fresh_row.contains("Inom tidsgränsen"), "{b}: {fresh_row}");
        let (_, html) = app.get(&reader, &format!("/matters/{old}")).await;
        assert!(
            page_text(&html).contains("Har väntat för länge"),
            "{b}: the matter's own page flags it too"
        );
        app.stop().await;
    }
}
