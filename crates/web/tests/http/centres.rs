//! Centres through the pages: editing, creating, closing, units, the
//! computed classification, and what a typed name may not do to a page.

use crate::support::{
    COUNTY, LOCAL_HEBY, LOCAL_SAVJA, TestApp, borrowed, centre_fields, page_text, unit_fields, with,
};

/// The counts of the overview's summary, by class code (`familjecentral`, ..., `undetermined`).
pub fn summary(html: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<li class=\"badge class-") {
        rest = &rest[at + "<li class=\"badge class-".len()..];
        let code = rest[..rest.find('"').unwrap_or(0)].to_string();
        let n_at = rest.find("<strong>").map(|i| i + "<strong>".len()).unwrap_or(0);
        let n_end = rest[n_at..].find('<').map(|i| n_at + i).unwrap_or(n_at);
        out.push((code, rest[n_at..n_end].trim().parse().unwrap_or(usize::MAX)));
    }
    out
}

/// The count of one class in the overview's summary.
pub fn count(html: &str, code: &str) -> usize {
    summary(html)
        .into_iter()
        .find(|(c, _)| c == code)
        .map_or(0, |(_, n)| n)
}

/// The text of a centre page's verdict badge.
fn verdict(html: &str) -> String {
    let at = html
        .find("<p class=\"verdict\">")
        .expect("verdict on the centre page");
    let rest = &html[at..];
    page_text(&rest[..rest.find("</p>").unwrap_or(rest.len())])
}

#[tokio::test]
async fn a_county_coordinator_edits_a_centre_and_sees_the_change() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let before = app.stored_centre(gimo).await;
        let fields = with(centre_fields(&before), "name", "Gimo familjecentral");
        let fields = with(fields, "opened_on", "2019-08-19");
        let fields = with(fields, "shared_opening_hours", "15,5");
        let r = app
            .submit(&client, &format!("/centres/{gimo}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        assert_eq!(
            r.location.as_deref(),
            Some(format!("/centres/{gimo}").as_str()),
            "{}",
            app.backend()
        );

        let after = app.stored_centre(gimo).await;
        assert_eq!(after.name, "Gimo familjecentral", "{}", app.backend());
        assert_eq!(
            after.opened_on.map(|d| d.to_string()).as_deref(),
            Some("2019-08-19"),
            "{}",
            app.backend()
        );
        assert_eq!(
            after.shared_opening_minutes,
            Some(15 * 60 + 30),
            "{}",
            app.backend()
        );

        let (status, html) = app.get(&client, &format!("/centres/{gimo}")).await;
        assert_eq!(status, 200, "{}", app.backend());
        let page = page_text(&html);
        assert!(
            page.contains("Sparat."),
            "{}: flash after saving: {page}",
            app.backend()
        );
        assert!(page.contains("Gimo familjecentral"), "{}", app.backend());
        assert!(page.contains("2019-08-19"), "{}", app.backend());
        assert!(page.contains("15,5"), "{}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn a_local_coordinator_edits_their_own_centre_but_cannot_edit_another() {
    for app in TestApp::all().await {
        let client = app.login(LOCAL_SAVJA).await;
        let savja = app.centre("Sävja familjecentral").await;
        let fields = with(
            centre_fields(&app.stored_centre(savja).await),
            "address",
            "Sävja torg 2, Uppsala",
        );
        let r = app
            .submit(&client, &format!("/centres/{savja}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        assert_eq!(
            app.stored_centre(savja).await.address.as_deref(),
            Some("Sävja torg 2, Uppsala"),
            "{}",
            app.backend()
        );

        let gimo = app.centre("Familjecentralen i Gimo").await;
        let before = app.stored_centre(gimo).await;
        let (status, _) = app.get(&client, &format!("/centres/{gimo}/edit")).await;
        assert_eq!(status, 403, "{}", app.backend());
        let fields = with(centre_fields(&before), "name", "Sävjas nya filial");
        let r = app
            .submit(&client, &format!("/centres/{gimo}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 403, "{}", app.backend());
        assert!(
            page_text(&r.body).contains("Du har inte behörighet"),
            "{}: {}",
            app.backend(),
            r.body
        );
        assert_eq!(app.stored_centre(gimo).await, before, "{}", app.backend());

        // The centre page offers no edit link to someone who may not edit.
        let (status, html) = app.get(&client, &format!("/centres/{gimo}")).await;
        assert_eq!(status, 200, "{}", app.backend());
        assert!(
            !html.contains(&format!("/centres/{gimo}/edit")),
            "{}",
            app.backend()
        );
        let (_, html) = app.get(&client, &format!("/centres/{savja}")).await;
        assert!(
            html.contains(&format!("/centres/{savja}/edit")),
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_local_coordinator_of_several_centres_edits_each_of_them_and_no_other() {
    for app in TestApp::all().await {
        let client = app.login(LOCAL_HEBY).await;
        for name in [
            "Familjecentralen i Heby",
            "Familjecentralen i Tärnsjö",
            "Familjecentralen i Östervåla",
        ] {
            let id = app.centre(name).await;
            let fields = with(
                centre_fields(&app.stored_centre(id).await),
                "shared_opening_hours",
                "12",
            );
            let r = app
                .submit(&client, &format!("/centres/{id}/edit"), &borrowed(&fields))
                .await;
            assert_eq!(r.status, 303, "{}: {name}", app.backend());
            assert_eq!(
                app.stored_centre(id).await.shared_opening_minutes,
                Some(720),
                "{}: {name}",
                app.backend()
            );
        }
        let savja = app.centre("Sävja familjecentral").await;
        let fields = with(
            centre_fields(&app.stored_centre(savja).await),
            "shared_opening_hours",
            "12",
        );
        let r = app
            .submit(&client, &format!("/centres/{savja}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 403, "{}", app.backend());
        // A local coordinator cannot close even their own centre.
        let heby = app.centre("Familjecentralen i Heby").await;
        let r = app
            .submit(
                &client,
                &format!("/centres/{heby}/close"),
                &[("closed_on", "2025-01-01")],
            )
            .await;
        assert_eq!(r.status, 403, "{}", app.backend());
        assert_eq!(app.stored_centre(heby).await.closed_on, None, "{}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn a_county_coordinator_creates_a_centre_in_their_region() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let knivsta = app.municipality("Knivsta").await;
        let (status, html) = app.get(&client, &format!("/regions/{uppsala}/centres/new")).await;
        assert_eq!(status, 200, "{}", app.backend());
        assert!(
            html.contains("Knivsta"),
            "{}: municipalities of the region are offered",
            app.backend()
        );
        assert!(
            !html.contains("Slättköping"),
            "{}: not those of another region",
            app.backend()
        );

        let r = app
            .submit(
                &client,
                &format!("/regions/{uppsala}/centres/new"),
                &[
                    ("name", "Alsike familjecentral"),
                    ("municipality_id", &knivsta.to_string()),
                    ("address", "Alsike torg 1, Knivsta"),
                    ("opened_on", "2025-02-03"),
                    ("shared_opening_hours", ""),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        let id = app.centre("Alsike familjecentral").await;
        assert_eq!(r.location, Some(format!("/centres/{id}")), "{}", app.backend());
        let c = app.stored_centre(id).await;
        assert_eq!(
            (c.region_id, c.municipality_id),
            (uppsala, knivsta),
            "{}",
            app.backend()
        );

        let (_, html) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert!(
            page_text(&html).contains("Alsike familjecentral"),
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_county_coordinator_closes_a_centre_and_it_leaves_the_overview() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let tierp = app.centre("Familjecentralen i Tierp").await;
        let r = app
            .submit(
                &client,
                &format!("/centres/{tierp}/close"),
                &[("closed_on", "2025-06-30")],
            )
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        let closed = app.stored_centre(tierp).await.closed_on.map(|d| d.to_string());
        assert_eq!(closed.as_deref(), Some("2025-06-30"), "{}", app.backend());

        let (_, html) = app.get(&client, &format!("/centres/{tierp}")).await;
        let page = page_text(&html);
        assert!(page.contains("lades ned 2025-06-30"), "{}: {page}", app.backend());
        assert!(
            !html.contains(&format!("/centres/{tierp}/edit")),
            "{}: no edit link",
            app.backend()
        );

        let (_, html) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert!(
            !page_text(&html).contains("Familjecentralen i Tierp"),
            "{}",
            app.backend()
        );
        let (_, html) = app.get(&client, &format!("/regions/{uppsala}?closed=1")).await;
        assert!(
            page_text(&html).contains("nedlagd 2025-06-30"),
            "{}",
            app.backend()
        );

        // A closed centre can no longer be edited or closed again.
        let (status, _) = app.get(&client, &format!("/centres/{tierp}/edit")).await;
        assert_eq!(status, 409, "{}", app.backend());
        let r = app
            .submit(
                &client,
                &format!("/centres/{tierp}/close"),
                &[("closed_on", "2025-07-01")],
            )
            .await;
        assert_eq!(r.status, 409, "{}", app.backend());
        app.stop().await;
    }
}

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
                &[("closed_on", "2025-03-31")],
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
async fn a_script_typed_into_a_centre_name_is_shown_as_text() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let name = "Sävja <script>alert(1)</script>";
        let fields = with(centre_fields(&app.stored_centre(savja).await), "name", name);
        let r = app
            .submit(&client, &format!("/centres/{savja}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        assert_eq!(
            app.stored_centre(savja).await.name,
            name,
            "{}: stored as typed",
            app.backend()
        );

        for path in [
            format!("/centres/{savja}"),
            format!("/regions/{uppsala}"),
            format!("/centres/{savja}/edit"),
        ] {
            let (status, html) = app.get(&client, &path).await;
            assert_eq!(status, 200, "{}: {path}", app.backend());
            assert!(
                !html.contains("<script>alert(1)</script>"),
                "{}: raw tag on {path}",
                app.backend()
            );
            assert!(
                !html.contains("<script>"),
                "{}: any raw script tag on {path}",
                app.backend()
            );
            assert!(
                html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
                "{}: escaped name on {path}: {html}",
                app.backend()
            );
        }
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
            page_text(&html).contains("Inte alls"),
            "{}: co-location before",
            app.backend()
        );
        let (_, overview) = app.get(&client, &format!("/regions/{uppsala}")).await;
        let like_before = count(&overview, "familjecentralsliknande");

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
            page.contains("BHV, ÖF har hela sin verksamhet i samma hus"),
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
            count(&overview, "familjecentralsliknande"),
            like_before + 1,
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn skane_rules_reclassify_the_region_and_custom_rules_are_checked() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let (_, before) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert_eq!(
            count(&before, "familjecentral"),
            2,
            "{}: {:?}",
            app.backend(),
            summary(&before)
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
            summary(&before),
            summary(&after),
            "{}: the counts change",
            app.backend()
        );
        assert_eq!(
            count(&after, "familjecentral"),
            0,
            "{}: {:?}",
            app.backend(),
            summary(&after)
        );
        assert_eq!(
            count(&after, "undetermined"),
            count(&before, "undetermined") + 4,
            "{}: Sävja, Gimo, Liljeforstorg and Nyby/Heidenstam lack entrance and hours: {:?}",
            app.backend(),
            summary(&after)
        );
        let total = |s: Vec<(String, usize)>| s.iter().map(|(_, n)| n).sum::<usize>();
        assert_eq!(
            total(summary(&before)),
            total(summary(&after)),
            "{}",
            app.backend()
        );
        for id in [savja, gimo] {
            let (_, html) = app.get(&client, &format!("/centres/{id}")).await;
            assert_eq!(verdict(&html), "Kan inte bedömas", "{}", app.backend());
            let page = page_text(&html);
            assert!(
                page.contains("Reglerna kräver gemensam entré"),
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
        assert_eq!(summary(&before), summary(&again), "{}", app.backend());

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
        let rules = samverka_store::regions::get(&app.db, uppsala)
            .await
            .unwrap()
            .rules;
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
        let rules = samverka_store::regions::get(&app.db, uppsala)
            .await
            .unwrap()
            .rules;
        assert!(rules.require_shared_entrance, "{}", app.backend());
        assert_eq!(rules.min_shared_opening_minutes, Some(600), "{}", app.backend());
        let (_, html) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert!(page_text(&html).contains("Egna regler"), "{}", app.backend());
        app.stop().await;
    }
}
