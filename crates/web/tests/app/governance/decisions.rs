//! Decisions recorded at meetings, and the decision logs of a region, a
//! group and a centre, filtered by year and category.

use samverka_store::governance::decisions;

use crate::support::fixtures::SteeringOfTwo;
use crate::support::{COUNTY, OTHER_COUNTY, TestApp, page_text};

/// This test's decisions: a short name and the full text (marked, so the demo's own decisions never match).
const DECISIONS: [(&str, &str); 4] = [
    ("höjs", "G2-beslut: budgeten höjs med två procent."),
    ("sänks", "G2-beslut: budgeten sänks med en procent."),
    ("fullt ut", "G2-beslut: Gimo blir familjecentral fullt ut."),
    ("fastställs", "G2-beslut: Sävjas verksamhetsplan fastställs."),
];

#[tokio::test]
async fn decision_logs_filter_by_year_and_category() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let county = app.login(COUNTY).await;
        let m2024 = app.new_meeting(&county, f.steering, "2024-05-06", "held").await;
        let m2025 = app.new_meeting(&county, f.steering, "2025-05-05", "held").await;
        let mg = app.new_meeting(&county, f.mg_savja, "2025-06-02", "held").await;
        let (savja, gimo) = (f.savja.to_string(), f.gimo.to_string());
        for (meeting, category, text, centres) in [
            (m2024, "budget_change", DECISIONS[0].1, vec![]),
            (m2025, "budget_change", DECISIONS[1].1, vec![]),
            (m2025, "new_centre", DECISIONS[2].1, vec![gimo.as_str()]),
            (mg, "activity_plan_adopted", DECISIONS[3].1, vec![savja.as_str()]),
        ] {
            let mut fields = vec![("category", category), ("text", text)];
            fields.extend(centres.iter().map(|c| ("centre_ids", *c)));
            let r = app
                .submit(&county, &format!("/meetings/{meeting}/decisions"), &fields)
                .await;
            assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        }
        // A decision needs a category and a text; a centre outside the group is refused.
        let outside = f.other_centre.to_string();
        let r = app
            .submit(
                &county,
                &format!("/meetings/{m2025}/decisions"),
                &[("category", ""), ("text", "x"), ("centre_ids", &outside)],
            )
            .await;
        assert_eq!(r.status, 422, "{b}");
        let t = page_text(&r.body);
        assert!(
            t.contains("Välj ett av alternativen.") && t.contains("Fyll i fältet."),
            "{b}: {t}"
        );
        let recorded = decisions::list(&mut *app.conn().await, Some(f.region))
            .await
            .unwrap();
        let ours = recorded
            .iter()
            .filter(|d| d.group_id == f.steering || d.group_id == f.mg_savja)
            .count();
        assert_eq!(ours, 4, "the refused decision was not recorded on {b}");

        // The logs; the demo data may hold decisions of its own, so only this test's are counted.
        let log = |path: String| {
            let app = &app;
            let county = &county;
            async move {
                let (status, body) = app.get(county, &path).await;
                assert_eq!(status, 200, "{path} on {}", app.backend());
                let text = page_text(&body);
                let mine: Vec<&str> = DECISIONS
                    .iter()
                    .filter(|(_, full)| text.contains(full))
                    .map(|(short, _)| *short)
                    .collect();
                (body, mine)
            }
        };
        let (_, all) = log(format!("/regions/{}/decisions", f.region)).await;
        assert_eq!(
            all,
            ["höjs", "sänks", "fullt ut", "fastställs"],
            "the region's log has all four on {b}"
        );
        let (_, t) = log(format!(
            "/regions/{}/decisions?year=2025&category=budget_change",
            f.region
        ))
        .await;
        assert_eq!(t, ["sänks"], "{b}");
        let (body, t) = log(format!(
            "/groups/{}/decisions?year=2025&category=budget_change",
            f.steering
        ))
        .await;
        assert_eq!(t, ["sänks"], "{b}");
        assert!(
            body.contains(">1 beslut</caption>"),
            "the caption counts what is shown on {b}"
        );
        let (_, t) = log(format!("/groups/{}/decisions?year=2024", f.steering)).await;
        assert_eq!(t, ["höjs"], "{b}");
        let (_, t) = log(format!("/groups/{}/decisions?year=&category=", f.steering)).await;
        assert_eq!(
            t,
            ["höjs", "sänks", "fullt ut"],
            "the group's own decisions on {b}"
        );
        let (_, t) = log(format!("/centres/{}/decisions", f.gimo)).await;
        assert_eq!(t, ["fullt ut"], "decisions concerning Gimo on {b}");
        let (_, t) = log(format!(
            "/centres/{}/decisions?category=activity_plan_adopted",
            f.savja
        ))
        .await;
        assert_eq!(t, ["fastställs"], "{b}");
        let (_, t) = log(format!("/centres/{}/decisions?year=2024", f.savja)).await;
        assert!(t.is_empty(), "{b}");

        // Another county's coordinator sees none of it.
        let other_county = app.login(OTHER_COUNTY).await;
        assert_eq!(
            app.get(&other_county, &format!("/regions/{}/decisions", f.region))
                .await
                .0,
            403,
            "{b}"
        );
        assert_eq!(
            app.get(&other_county, &format!("/centres/{}/decisions", f.gimo))
                .await
                .0,
            403,
            "{b}"
        );
        app.stop().await;
    }
}
