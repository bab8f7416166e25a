//! A centre's units (*verksamheter*): adding, editing and closing them, the
//! premises they work in, and how their premises change the centre's
//! classification.

use samverka_store::audit::AuditEntity;
use samverka_store::registry::centres;

use crate::support::html::{class_count, field_error, row_cells, section, verdict};
use crate::support::{COUNTY, LOCAL_SAVJA, TestApp, borrowed, page_text, unit_fields, with};

#[tokio::test]
async fn a_local_coordinator_adds_edits_and_closes_units_of_their_centre() {
    for app in TestApp::all().await {
        let client = app.login(LOCAL_SAVJA).await;
        let savja = app.centre("Sävja familjecentral").await;
        let house = app.premises_of(savja).await[0].clone();
        // The form offers the centre's premises by name and address.
        let (_, form) = app.get(&client, &format!("/centres/{savja}/units/new")).await;
        assert!(
            page_text(&form).contains("Sävjahuset, Sävja torg 1"),
            "{}",
            app.backend()
        );
        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/units/new"),
                &[
                    ("service", "other"),
                    ("name", "Svenska kyrkan"),
                    ("principal_kind", "non_profit"),
                    ("principal_name", "Svenska kyrkan"),
                    ("premises_id", &house.id.to_string()),
                    ("full_operation", ""),
                    ("hours_per_week", "7,5"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        let church = app.unit_of(savja, "other").await;
        assert_eq!(church.minutes_per_week, Some(450), "{}", app.backend());
        assert_eq!(
            church.premises_id,
            Some(house.id),
            "{}: picked the existing premises",
            app.backend()
        );
        assert_eq!(
            app.premises_of(savja).await,
            [house],
            "{}: none added",
            app.backend()
        );
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

        // Open preschool moves into the health centre's premises.
        let bhv = app.unit_of(stenhagen, "bhv").await;
        let of = app.unit_of(stenhagen, "of").await;
        let fields = with(
            unit_fields(&of),
            "premises_id",
            &bhv.premises_id.unwrap_or_default().to_string(),
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

#[tokio::test]
async fn new_premises_are_made_from_the_unit_form_in_the_same_save() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let stenhagen = app.centre("Stenhagen familjecentral").await;
        let before = app.premises_of(stenhagen).await;
        let bhv = app.unit_of(stenhagen, "bhv").await;

        // Nothing typed for the new premises: refused, and nothing made.
        let fields = with(unit_fields(&bhv), "premises_id", "new");
        let r = app
            .submit(&client, &format!("/units/{}/edit", bhv.id), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 422, "{b}");
        assert_eq!(
            field_error(&r.body, "new_premises_name").as_deref(),
            Some("Fyll i fältet."),
            "{b}"
        );
        // A name the centre has already (typed another way): pick it instead.
        let mut taken = fields.clone();
        taken.push(("new_premises_name", "  vårdcentralen   STENHAGEN ".into()));
        let r = app
            .submit(&client, &format!("/units/{}/edit", bhv.id), &borrowed(&taken))
            .await;
        assert_eq!(r.status, 422, "{b}");
        assert_eq!(
            field_error(&r.body, "new_premises_name").as_deref(),
            Some("Familjecentralen har redan lokaler med det namnet. Välj dem i listan i stället."),
            "{b}"
        );
        assert!(
            r.body.contains("value=\"new\" checked"),
            "{b}: the choice is kept"
        );
        assert_eq!(app.premises_of(stenhagen).await, before, "{b}");
        assert_eq!(app.unit_of(stenhagen, "bhv").await, bhv, "{b}");

        // Named: the premises are made and the unit moves in, in one save.
        let mut fields = fields;
        fields.extend([
            ("new_premises_name", "Stenhagens familjehus".to_string()),
            ("new_premises_address", "Stenhagens centrum 5".to_string()),
            ("new_premises_shared_entrance", "yes".to_string()),
        ]);
        let r = app
            .submit(&client, &format!("/units/{}/edit", bhv.id), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 303, "{b}: {}", r.body);
        let after = app.premises_of(stenhagen).await;
        assert_eq!(after.len(), before.len() + 1, "{b}");
        let made = after
            .iter()
            .find(|p| p.name == "Stenhagens familjehus")
            .expect("the new premises");
        assert_eq!(
            (made.address.as_deref(), made.shared_entrance),
            (Some("Stenhagens centrum 5"), Some(true)),
            "{b}"
        );
        assert_eq!(
            app.unit_of(stenhagen, "bhv").await.premises_id,
            Some(made.id),
            "{b}"
        );
        let trail = app.audit(Some(app.uppsala().await), 2).await;
        let entities: Vec<AuditEntity> = trail.iter().map(|e| e.entity).collect();
        assert_eq!(
            entities,
            [AuditEntity::Unit, AuditEntity::Premises],
            "{b}: both changes are in the trail"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn premises_of_another_centre_are_refused_and_nothing_changes() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let stenhagen = app.centre("Stenhagen familjecentral").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let elsewhere = app.premises_of(gimo).await[0].id;
        let of = app.unit_of(stenhagen, "of").await;
        let last = app.last_audit_id(None).await;
        for path in [
            format!("/units/{}/edit", of.id),
            format!("/centres/{stenhagen}/units/new"),
        ] {
            let fields = with(unit_fields(&of), "premises_id", &elsewhere.to_string());
            let r = app.submit(&client, &path, &borrowed(&fields)).await;
            assert_eq!(r.status, 422, "{b}: {path}");
            assert_eq!(
                field_error(&r.body, "premises_id").as_deref(),
                Some("Välj ett av alternativen."),
                "{b}: {path}"
            );
        }
        assert_eq!(app.unit_of(stenhagen, "of").await, of, "{b}");
        assert_eq!(
            centres::units(&mut *app.conn().await, stenhagen)
                .await
                .unwrap()
                .len(),
            3,
            "{b}"
        );
        assert_eq!(app.last_audit_id(None).await, last, "{b}: nothing written");
        app.stop().await;
    }
}

#[tokio::test]
async fn units_in_the_same_premises_make_the_centre_one_building_whatever_was_typed() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let stenhagen = app.centre("Stenhagen familjecentral").await;
        let bhv = app.unit_of(stenhagen, "bhv").await;
        let house = bhv.premises_id.unwrap_or_default();
        for service in ["of", "soc"] {
            let u = app.unit_of(stenhagen, service).await;
            let fields = with(unit_fields(&u), "premises_id", &house.to_string());
            let r = app
                .submit(&client, &format!("/units/{}/edit", u.id), &borrowed(&fields))
                .await;
            assert_eq!(r.status, 303, "{b}: {}", r.body);
        }
        let (_, html) = app.get(&client, &format!("/centres/{stenhagen}")).await;
        let page = page_text(&html);
        assert!(page.contains("Till stor del"), "{b}: one building: {page}");
        assert_eq!(verdict(&html), "Familjecentralsliknande verksamhet", "{b}");
        assert!(
            page.contains(
                "Barnhälsovården (BHV), öppen förskola (ÖF) och förebyggande socialtjänst (SOC) har hela sin \
                 ordinarie verksamhet i samma hus (Vårdcentralen Stenhagen, Stenhagens centrum 3)."
            ),
            "{b}: the finding names the premises: {page}"
        );
        // The centre page lists the premises with the services in them.
        let cells = row_cells(section(&html, "Lokaler"), "Vårdcentralen Stenhagen");
        assert_eq!(
            cells,
            [
                "Stenhagens centrum 3",
                "Vet ej",
                "Barnhälsovård (BVC), Öppen förskola, Förebyggande socialtjänst"
            ],
            "{b}"
        );

        // One shared entrance, said once for the premises, covers all three.
        let r = app
            .submit(
                &client,
                &format!("/premises/{house}/edit"),
                &[
                    ("name", "Vårdcentralen Stenhagen"),
                    ("address", "Stenhagens centrum 3"),
                    ("shared_entrance", "yes"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", r.body);
        let (_, html) = app.get(&client, &format!("/centres/{stenhagen}")).await;
        assert!(page_text(&html).contains("Helt och hållet"), "{b}");
        app.stop().await;
    }
}
