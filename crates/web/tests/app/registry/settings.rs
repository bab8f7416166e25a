//! The region's classification rules (national, Region Skåne's, or its own)
//! and how they reclassify every centre.

use samverka_store::registry::regions;

use crate::support::html::{class_count, class_counts, verdict};
use crate::support::{COUNTY, TestApp, page_text};

#[tokio::test]
async fn skane_rules_reclassify_the_region_and_custom_rules_are_checked() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let (_, before) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert_eq!(
            class_count(&before, "familjecentral"),
            2,
            "{}: {:?}",
            app.backend(),
            class_counts(&before)
        );
        assert!(
            page_text(&before).contains("Nationell definition"),
            "{}",
            app.backend()
        );
        for id in [savja, gimo] {
            let (_, html) = app.get(&client, &format!("/centres/{id}")).await;
            assert_eq!(verdict(&html), "Familjecentral", "{}", app.backend());
        }

        let r = app
            .submit(
                &client,
                &format!("/regions/{uppsala}/settings"),
                &[("preset", "skane")],
            )
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        assert_eq!(
            r.location,
            Some(format!("/regions/{uppsala}")),
            "{}",
            app.backend()
        );

        let (_, after) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert!(
            page_text(&after).contains("Region Skånes riktlinje"),
            "{}",
            app.backend()
        );
        assert_ne!(
            class_counts(&before),
            class_counts(&after),
            "{}: the counts change",
            app.backend()
        );
        assert_eq!(
            class_count(&after, "familjecentral"),
            0,
            "{}: {:?}",
            app.backend(),
            class_counts(&after)
        );
        assert_eq!(
            class_count(&after, "undetermined"),
            class_count(&before, "undetermined") + 4,
            "{}: Sävja, Gimo, Liljeforstorg and Nyby/Heidenstam lack entrance and hours: {:?}",
            app.backend(),
            class_counts(&after)
        );
        let total = |s: Vec<(String, usize)>| s.iter().map(|(_, n)| n).sum::<usize>();
        assert_eq!(
            total(class_counts(&before)),
            total(class_counts(&after)),
            "{}",
            app.backend()
        );
        for id in [savja, gimo] {
            let (_, html) = app.get(&client, &format!("/centres/{id}")).await;
            assert_eq!(verdict(&html), "Kan inte bedömas", "{}", app.backend());
            let page = page_text(&html);
            assert!(
                page.contains("Kan inte bedömas: det saknas uppgifter som avgör klassningen"),
                "{}: {page}",
                app.backend()
            );
            assert!(
                page.contains("inte registrerat om lokalerna har en gemensam entré"),
                "{}: {page}",
                app.backend()
            );
            assert!(
                page.contains("den gemensamma öppettiden är inte registrerad"),
                "{}",
                app.backend()
            );
        }

        // And back.
        let r = app
            .submit(
                &client,
                &format!("/regions/{uppsala}/settings"),
                &[("preset", "national")],
            )
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        let (_, again) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert_eq!(class_counts(&before), class_counts(&again), "{}", app.backend());

        // Custom rules need at least one partner for child health care.
        let r = app
            .submit(
                &client,
                &format!("/regions/{uppsala}/settings"),
                &[("preset", "custom"), ("hours", "10")],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert!(
            page_text(&r.body).contains("Välj minst ett alternativ."),
            "{}",
            app.backend()
        );
        let rules = regions::get(&mut *app.conn().await, uppsala).await.unwrap().rules;
        assert_eq!(rules, samverka_core::RuleSet::national(), "{}", app.backend());

        let r = app
            .submit(
                &client,
                &format!("/regions/{uppsala}/settings"),
                &[
                    ("preset", "custom"),
                    ("partner_of", "1"),
                    ("entrance", "1"),
                    ("hours", "10"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        let rules = regions::get(&mut *app.conn().await, uppsala).await.unwrap().rules;
        assert!(rules.require_shared_entrance, "{}", app.backend());
        assert_eq!(rules.min_shared_opening_minutes, Some(600), "{}", app.backend());
        let (_, html) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert!(page_text(&html).contains("Egna regler"), "{}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn the_survey_threshold_is_a_region_setting_of_five_or_more() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let path = format!("/regions/{uppsala}/settings/surveys");
        let (status, _, body) = app
            .post_form(&client, &path, &[("survey_min_answers", "4")])
            .await;
        assert_eq!(status, 422, "{b}");
        assert!(
            crate::support::html::field_error(&body, "survey_min_answers").is_some(),
            "{b}: {body}"
        );
        let before = regions::get(&mut *app.conn().await, uppsala).await.unwrap();
        assert_eq!(before.survey_min_answers, 5, "{b}: nothing saved");
        let (status, _, _) = app
            .post_form(&client, &path, &[("survey_min_answers", "8")])
            .await;
        assert_eq!(status, 303, "{b}");
        let after = regions::get(&mut *app.conn().await, uppsala).await.unwrap();
        assert_eq!(after.survey_min_answers, 8, "{b}");
        assert_eq!(after.survey_threshold().get(), 8, "{b}");
        let (_, page) = app.get(&client, &format!("/regions/{uppsala}/settings")).await;
        assert!(
            page.contains(
                r#"name="survey_min_answers" type="text" inputmode="numeric" class="number-input" value="8""#
            ),
            "{b}"
        );
        // Someone who only reads the region cannot change it.
        let reader = app.login(crate::support::READER).await;
        let (status, _, _) = app
            .post_form(&reader, &path, &[("survey_min_answers", "5")])
            .await;
        assert_eq!(status, 403, "{b}");
        app.stop().await;
    }
}
