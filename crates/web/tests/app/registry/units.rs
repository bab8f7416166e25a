//! A centre's units (*verksamheter*): adding, editing and closing them, and
//! how a unit's building changes the centre's classification.

use samverka_store::registry::centres;

use crate::support::html::{class_count, field_error, verdict};
use crate::support::{COUNTY, LOCAL_SAVJA, TestApp, borrowed, page_text, unit_fields, with};

#[tokio::test]
async fn a_local_coordinator_adds_edits_and_closes_units_of_their_centre() {
    for app in TestApp::all().await {
        let client = app.login(LOCAL_SAVJA).await;
        let savja = app.centre("Sävja familjecentral").await;
        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/units/new"),
                &[
                    ("service", "other"),
                    ("name", "Svenska kyrkan"),
                    ("principal_kind", "non_profit"),
                    ("principal_name", "Svenska kyrkan"),
                    ("building", "Sävjahuset, Sävja torg 1"),
                    ("shared_entrance", "yes"),
                    ("full_operation", ""),
                    ("hours_per_week", "7,5"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        let church = app.unit_of(savja, "other").await;
        assert_eq!(church.minutes_per_week, Some(450), "{}", app.backend());
        assert_eq!(church.shared_entrance, Some(true), "{}", app.backend());
        assert_eq!(
            church.full_operation,
            None,
            "{}: empty means unknown",
            app.backend()
        );

        let fields = with(unit_fields(&church), "hours_per_week", "10");
        let r = app
            .submit(&client, &format!("/units/{}/edit", church.id), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        assert_eq!(
            app.unit_of(savja, "other").await.minutes_per_week,
            Some(600),
            "{}",
            app.backend()
        );

        let r = app
            .submit(
                &client,
                &format!("/units/{}/close", church.id),
                &[("closed_on", "2025-03-31"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        let closed = app.unit_of(savja, "other").await.closed_on.map(|d| d.to_string());
        assert_eq!(closed.as_deref(), Some("2025-03-31"), "{}", app.backend());
        let (_, html) = app.get(&client, &format!("/centres/{savja}")).await;
        assert!(
            page_text(&html).contains("avslutad 2025-03-31"),
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn sharing_a_building_makes_stenhagen_family_centre_like() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let stenhagen = app.centre("Stenhagen familjecentral").await;
        let uppsala = app.uppsala().await;
        let (_, html) = app.get(&client, &format!("/centres/{stenhagen}")).await;
        assert_eq!(verdict(&html), "Familjecentrerat arbete", "{}", app.backend());
        assert!(
            page_text(&html).contains(
                "Familjecentrerat arbete: barnhälsovården (BHV) delar inte hus med öppen förskola (ÖF) \
                 eller förebyggande socialtjänst (SOC), vilket den nationella definitionen kräver \
                 för familjecentralsliknande verksamhet."
            ),
            "{}: the deciding rule, in words: {}",
            app.backend(),
            page_text(&html)
        );
        assert!(
            page_text(&html).contains("Inte alls"),
            "{}: co-location before",
            app.backend()
        );
        let (_, overview) = app.get(&client, &format!("/regions/{uppsala}")).await;
        let like_before = class_count(&overview, "familjecentralsliknande");

        // Open preschool moves into the health centre's building.
        let bhv = app.unit_of(stenhagen, "bhv").await;
        let of = app.unit_of(stenhagen, "of").await;
        let fields = with(
            unit_fields(&of),
            "building",
            bhv.building.as_deref().unwrap_or_default(),
        );
        let r = app
            .submit(&client, &format!("/units/{}/edit", of.id), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);

        let (_, html) = app.get(&client, &format!("/centres/{stenhagen}")).await;
        assert_eq!(
            verdict(&html),
            "Familjecentralsliknande verksamhet",
            "{}",
            app.backend()
        );
        let page = page_text(&html);
        assert!(
            page.contains(
                "Familjecentralsliknande verksamhet: barnhälsovården (BHV) delar hus med öppen förskola (ÖF)"
            ),
            "{}: the deciding rule first: {page}",
            app.backend()
        );
        assert!(
            page.contains(
                "Barnhälsovården (BHV) och öppen förskola (ÖF) har hela sin ordinarie verksamhet i samma hus"
            ),
            "{}: why: {page}",
            app.backend()
        );
        assert!(
            page.contains("Till viss del"),
            "{}: co-location after",
            app.backend()
        );
        let (_, overview) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert_eq!(
            class_count(&overview, "familjecentralsliknande"),
            like_before + 1,
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn bad_unit_input_is_refused() {
    for app in TestApp::all().await {
        let client = app.login(LOCAL_SAVJA).await;
        let savja = app.centre("Sävja familjecentral").await;
        let bhv = app.unit_of(savja, "bhv").await;
        let fields = with(unit_fields(&bhv), "hours_per_week", "många");
        let r = app
            .submit(&client, &format!("/units/{}/edit", bhv.id), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "hours_per_week").as_deref(),
            Some("Skriv antal timmar per vecka mellan 0 och 168, till exempel 15,5."),
            "{}",
            app.backend()
        );
        assert_eq!(app.unit_of(savja, "bhv").await, bhv, "{}", app.backend());

        let units = centres::units(&mut *app.conn().await, savja).await.unwrap().len();
        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/units/new"),
                &[("service", "other")],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "name").as_deref(),
            Some("Skriv vilken part det är."),
            "{}",
            app.backend()
        );
        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/units/new"),
                &[("service", "tandvård")],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "service").as_deref(),
            Some("Fyll i fältet."),
            "{}",
            app.backend()
        );
        assert_eq!(
            centres::units(&mut *app.conn().await, savja).await.unwrap().len(),
            units,
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}
