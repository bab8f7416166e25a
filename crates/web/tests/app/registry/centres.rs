//! Centres through the pages and the API: editing, creating, closing, what a
//! typed name may not do to a page, and bad input refused with the reason.

use reqwest::Method;
use samverka_store::registry::centres;
use serde_json::{Value, json};

use crate::support::html::{field_error, row_cells, section};
use crate::support::{
    ADMIN, COUNTY, LOCAL_HEBY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp, assert_error_shape, borrowed,
    centre_fields, centre_named, page_text, with,
};

/// The classifications the API may give.
const CLASSIFICATIONS: [&str; 3] = [
    "familjecentral",
    "familjecentralsliknande",
    "familjecentrerat_arbete",
];
/// The co-location values the API may give (any order).
const COLOCATIONS: [&str; 4] = ["till_stor_del", "inte_alls", "helt_och_hallet", "till_viss_del"];

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
                &[("closed_on", "2025-01-01"), ("confirm", "yes")],
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
                &[("closed_on", "2025-06-30"), ("confirm", "yes")],
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
                &[("closed_on", "2025-07-01"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(r.status, 409, "{}", app.backend());
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
async fn an_empty_name_a_bad_date_or_bad_hours_are_refused_and_change_nothing() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let savja = app.centre("Sävja familjecentral").await;
        let before = app.stored_centre(savja).await;
        let path = format!("/centres/{savja}/edit");

        let fields = with(centre_fields(&before), "name", "   ");
        let r = app.submit(&client, &path, &borrowed(&fields)).await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "name").as_deref(),
            Some("Fyll i fältet."),
            "{}",
            app.backend()
        );
        assert!(
            page_text(&r.body).contains("Något behöver rättas"),
            "{}: error summary",
            app.backend()
        );
        assert!(
            r.body.contains("aria-invalid=\"true\""),
            "{}: the field is marked",
            app.backend()
        );

        let hours = "Skriv antal timmar per vecka mellan 0 och 168, till exempel 15,5.";
        let date = "Skriv ett giltigt datum som ÅÅÅÅ-MM-DD.";
        let cases: [(&str, &str, &str); 4] = [
            ("opened_on", "2024-02-30", date),
            ("opened_on", "19 augusti", date),
            ("shared_opening_hours", "många", hours),
            ("shared_opening_hours", "200", hours),
        ];
        for (field, value, message) in cases {
            let fields = with(centre_fields(&before), field, value);
            let r = app.submit(&client, &path, &borrowed(&fields)).await;
            assert_eq!(r.status, 422, "{}: {field}={value}", app.backend());
            assert_eq!(
                field_error(&r.body, field).as_deref(),
                Some(message),
                "{}: {field}={value}",
                app.backend()
            );
        }

        // What was typed stays in the form.
        let fields = with(centre_fields(&before), "address", "Nya gatan 5");
        let fields = with(fields, "opened_on", "igår");
        let r = app.submit(&client, &path, &borrowed(&fields)).await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert!(r.body.contains("value=\"Nya gatan 5\""), "{}", app.backend());
        assert!(r.body.contains("value=\"igår\""), "{}", app.backend());

        assert_eq!(app.stored_centre(savja).await, before, "{}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn a_municipality_of_another_region_is_refused() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let ljungsta = app.municipality("Ljungsta").await.to_string();
        let count = centres::list(&mut *app.conn().await, None).await.unwrap().len();
        let savja = app.centre("Sävja familjecentral").await;
        let before = app.stored_centre(savja).await;
        let fields = with(centre_fields(&before), "municipality_id", &ljungsta);
        let r = app
            .submit(&client, &format!("/centres/{savja}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "municipality_id").as_deref(),
            Some("Välj ett av alternativen."),
            "{}",
            app.backend()
        );
        assert_eq!(app.stored_centre(savja).await, before, "{}", app.backend());

        let r = app
            .submit(
                &client,
                &format!("/regions/{uppsala}/centres/new"),
                &[("name", "Smuggelcentralen"), ("municipality_id", &ljungsta)],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "municipality_id").as_deref(),
            Some("Välj ett av alternativen."),
            "{}",
            app.backend()
        );
        let r = app
            .submit(
                &client,
                &format!("/regions/{uppsala}/centres/new"),
                &[("name", "")],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "name").as_deref(),
            Some("Fyll i fältet."),
            "{}",
            app.backend()
        );
        assert_eq!(
            field_error(&r.body, "municipality_id").as_deref(),
            Some("Fyll i fältet."),
            "{}",
            app.backend()
        );
        assert_eq!(
            centres::list(&mut *app.conn().await, None).await.unwrap().len(),
            count,
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_centre_cannot_close_before_it_opened() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let savja = app.centre("Sävja familjecentral").await;
        let fields = with(
            centre_fields(&app.stored_centre(savja).await),
            "opened_on",
            "2015-09-01",
        );
        let r = app
            .submit(&client, &format!("/centres/{savja}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());

        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/close"),
                &[("closed_on", "2014-12-31"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "closed_on").as_deref(),
            Some("Datumet kan inte vara före starten."),
            "{}",
            app.backend()
        );
        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/close"),
                &[("closed_on", ""), ("confirm", "yes")],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "closed_on").as_deref(),
            Some("Fyll i fältet."),
            "{}",
            app.backend()
        );
        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/close"),
                &[("closed_on", "snart"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            app.stored_centre(savja).await.closed_on,
            None,
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_centre_list_has_only_visible_centres_with_coded_classes() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let other = app.other_region().await;
        let (status, list) = app.api_get(&app.token(COUNTY.0).await, "/api/v1/centres").await;
        assert_eq!(status, 200, "{b}: {list}");
        let centres = list["centres"].as_array().unwrap();
        assert_eq!(centres.len(), 17, "{b}");
        assert_eq!(list["meta"]["total"], 17, "{b}");
        assert!(centres.iter().all(|c| c["region_id"] == uppsala), "{b}");
        for c in centres {
            let class = &c["classification"];
            assert!(
                class.is_null() || CLASSIFICATIONS.contains(&class.as_str().unwrap_or("?")),
                "{b}: {class}"
            );
            let colocation = &c["colocation"];
            assert!(
                colocation.is_null() || COLOCATIONS.contains(&colocation.as_str().unwrap_or("?")),
                "{b}: {c}"
            );
            assert!(c["classification_reasons"].is_array(), "{b}");
            // The deciding rule comes first, led by the class it decided.
            let first = c["classification_reasons"][0].as_str().unwrap_or_default();
            let led_by = match class.as_str() {
                Some("familjecentral") => "Familjecentral: ",
                Some("familjecentralsliknande") => "Familjecentralsliknande verksamhet: ",
                Some(_) => "Familjecentrerat arbete: ",
                None => "Kan inte bedömas: ",
            };
            assert!(first.starts_with(led_by), "{b}: {first}");
            // An undetermined class carries every class still possible; a known one none.
            let possible = &c["classification_possible"];
            if class.is_null() {
                let possible = possible.as_array().expect("possible classes");
                assert!(possible.len() >= 2, "{b}: {c}");
                assert_eq!(possible.first(), c["classification_range"].get(0), "{b}: {c}");
                assert_eq!(possible.last(), c["classification_range"].get(1), "{b}: {c}");
            } else {
                assert!(possible.is_null(), "{b}: {c}");
            }
        }
        let savja = centre_named(&list, "Sävja familjecentral").expect("Sävja");
        assert_eq!(savja["classification"], "familjecentral", "{b}");
        assert_eq!(savja["colocation"], "till_stor_del", "{b}");
        assert_eq!(savja["municipality"], "Uppsala", "{b}");
        assert_eq!(savja["units"].as_array().map(Vec::len), Some(4), "{b}");
        let alvkarleby = centre_named(&list, "Familjecentralen i Älvkarleby kommun").expect("Älvkarleby");
        assert_eq!(alvkarleby["classification"], Value::Null, "{b}");
        assert_eq!(alvkarleby["colocation"], Value::Null, "{b}");
        assert_eq!(
            centre_named(&list, "Stenhagen familjecentral").unwrap()["classification"],
            "familjecentrerat_arbete",
            "{b}"
        );
        assert_eq!(
            centre_named(&list, "Liljeforstorg familjecentral").unwrap()["classification"],
            "familjecentralsliknande",
            "{b}"
        );

        // The other region sees its own five, the admin all, a local coordinator the region.
        let (_, list) = app
            .api_get(&app.token(OTHER_COUNTY.0).await, "/api/v1/centres")
            .await;
        assert_eq!(list["meta"]["total"], 5, "{b}");
        assert!(
            list["centres"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["region_id"] == other),
            "{b}"
        );
        let admin = app.token(ADMIN.0).await;
        let (_, list) = app.api_get(&admin, "/api/v1/centres").await;
        assert_eq!(list["meta"]["total"], 22, "{b}");
        let (_, list) = app
            .api_get(&admin, &format!("/api/v1/centres?region={other}"))
            .await;
        assert_eq!(list["meta"]["total"], 5, "{b}");
        let (_, list) = app
            .api_get(&app.token(LOCAL_SAVJA.0).await, "/api/v1/centres")
            .await;
        assert_eq!(list["meta"]["total"], 17, "{b}");
        let (_, list) = app
            .api_get(
                &app.token(READER.0).await,
                &format!("/api/v1/centres?region={other}"),
            )
            .await;
        assert_eq!(list["meta"]["total"], 0, "{b}: a region one cannot see is empty");

        // The reasons come in the caller's language; the codes do not change.
        let token = app.token(COUNTY.0).await;
        let stenhagen = app.centre("Stenhagen familjecentral").await;
        let get = |lang: &'static str| {
            reqwest::Client::new()
                .get(app.url(&format!("/api/v1/centres/{stenhagen}")))
                .bearer_auth(&token)
                .header("accept-language", lang)
                .send()
        };
        let sv: Value = get("sv").await.unwrap().json().await.unwrap();
        let en: Value = get("en").await.unwrap().json().await.unwrap();
        let reasons = |v: &Value| v["classification_reasons"].to_string();
        assert!(reasons(&sv).contains("finns ensam i sitt hus"), "{b}: {sv}");
        assert!(!reasons(&en).contains("finns ensam"), "{b}: {en}");
        assert_eq!(sv["classification"], en["classification"], "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_local_coordinator_changes_their_centre_through_the_api() {
    for app in TestApp::all().await {
        let b = app.backend();
        let token = app.token(LOCAL_SAVJA.0).await;
        let savja = app.centre("Sävja familjecentral").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let mut body = app.centre_body(savja).await;
        body["shared_opening_hours"] = json!("16.5");
        let (status, json) = app
            .api(
                Method::PUT,
                &format!("/api/v1/centres/{savja}"),
                Some(&token),
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(json["shared_opening_hours"], "16,5", "{b}");
        assert_eq!(
            app.stored_centre(savja).await.shared_opening_minutes,
            Some(990),
            "{b}"
        );

        let before = app.stored_centre(gimo).await;
        let mut body = app.centre_body(gimo).await;
        body["name"] = json!("Övertagen");
        let (status, json) = app
            .api(
                Method::PUT,
                &format!("/api/v1/centres/{gimo}"),
                Some(&token),
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(status, 403, "{b}");
        assert_error_shape(&json, b);
        assert_eq!(app.stored_centre(gimo).await, before, "{b}");

        let reader = app.token(READER.0).await;
        let (status, _) = app
            .api(
                Method::PUT,
                &format!("/api/v1/centres/{savja}"),
                Some(&reader),
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(status, 403, "{b}: a reader cannot change anything");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_county_coordinator_creates_a_centre_through_the_api_and_a_reader_cannot() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let tierp = app.municipality("Tierp").await;
        let body = json!({"region_id": uppsala, "municipality_id": tierp, "name": "Örbyhus familjecentral",
                          "opened_on": "2025-01-07", "shared_opening_hours": "15"})
        .to_string();
        let (status, json) = app
            .api(
                Method::POST,
                "/api/v1/centres",
                Some(&app.token(READER.0).await),
                Some(&body),
            )
            .await;
        assert_eq!(status, 403, "{b}");
        assert_error_shape(&json, b);
        assert!(
            centres::list(&mut *app.conn().await, None)
                .await
                .unwrap()
                .iter()
                .all(|c| c.name != "Örbyhus familjecentral")
        );

        let (status, json) = app
            .api(
                Method::POST,
                "/api/v1/centres",
                Some(&app.token(COUNTY.0).await),
                Some(&body),
            )
            .await;
        assert_eq!(status, 201, "{b}: {json}");
        let id = json["id"].as_i64().expect("id");
        assert_eq!(json["name"], "Örbyhus familjecentral", "{b}");
        assert_eq!(json["municipality"], "Tierp", "{b}");
        assert_eq!(json["opened_on"], "2025-01-07", "{b}");
        assert_eq!(json["classification"], Value::Null, "{b}: no units yet");
        assert_eq!(app.stored_centre(id).await.region_id, uppsala, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_centre_without_base_services_cannot_be_assessed_and_the_api_lists_what_is_possible() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let knivsta = app.municipality("Knivsta").await;
        let token = app.token(COUNTY.0).await;
        let body = serde_json::json!({
            "region_id": uppsala,
            "municipality_id": knivsta,
            "name": "Alsike mötesplats",
        });
        let (status, json) = app
            .api(
                Method::POST,
                "/api/v1/centres",
                Some(&token),
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(status, 201, "{b}: {json}");
        assert_eq!(json["classification"], Value::Null, "{b}");
        assert_eq!(
            json["classification_possible"],
            serde_json::json!([
                "familjecentrerat_arbete",
                "familjecentralsliknande",
                "familjecentral"
            ]),
            "{b}"
        );
        assert_eq!(
            json["classification_reasons"][0],
            "Kan inte bedömas: inga verksamheter är registrerade för familjecentralen.",
            "{b}"
        );

        // Only another party (a library): still no base service, so still no class.
        let id = json["id"].as_i64().expect("id");
        let unit = serde_json::json!({ "service": "other", "name": "Biblioteket" });
        let (status, json) = app
            .api(
                Method::POST,
                &format!("/api/v1/centres/{id}/units"),
                Some(&token),
                Some(&unit.to_string()),
            )
            .await;
        assert!(status == 200 || status == 201, "{b}: {status} {json}");
        assert_eq!(
            json["classification"],
            Value::Null,
            "{b}: not family-centred work"
        );
        let first = json["classification_reasons"][0].as_str().unwrap_or_default();
        assert!(
            first.starts_with("Kan inte bedömas: ingen av basverksamheterna"),
            "{b}: {first}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn premises_are_added_and_changed_on_their_own_form() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(LOCAL_SAVJA).await;
        let savja = app.centre("Sävja familjecentral").await;
        let (status, form) = app.get(&client, &format!("/centres/{savja}/premises/new")).await;
        assert_eq!(status, 200, "{b}");
        assert!(
            page_text(&form).contains("Nya lokaler för Sävja familjecentral"),
            "{b}"
        );

        // The same name as the centre's Sävjahuset, typed another way: refused.
        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/premises/new"),
                &[("name", " SÄVJAHUSET "), ("address", "Sävja torg 1")],
            )
            .await;
        assert_eq!(r.status, 422, "{b}");
        assert_eq!(
            field_error(&r.body, "name").as_deref(),
            Some("Familjecentralen har redan lokaler med det namnet. Välj dem i listan i stället."),
            "{b}"
        );
        assert_eq!(app.premises_of(savja).await.len(), 1, "{b}");

        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/premises/new"),
                &[
                    ("name", "Sävja kyrka"),
                    ("address", ""),
                    ("shared_entrance", "no"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", r.body);
        let church = app
            .premises_of(savja)
            .await
            .into_iter()
            .find(|p| p.name == "Sävja kyrka")
            .expect("added");
        assert_eq!(
            (church.address.clone(), church.shared_entrance),
            (None, Some(false)),
            "{b}"
        );
        let (_, html) = app.get(&client, &format!("/centres/{savja}")).await;
        let lokaler = section(&html, "Lokaler");
        assert_eq!(
            row_cells(lokaler, "Sävja kyrka"),
            ["uppgift saknas", "Nej", "inga"],
            "{b}"
        );
        assert_eq!(
            row_cells(lokaler, "Sävjahuset")[2],
            "Mödrahälsovård (BMM), Barnhälsovård (BVC), Öppen förskola, Förebyggande socialtjänst",
            "{b}"
        );

        // Changing them: the edit form shows what is stored; a blank name is refused.
        let (status, form) = app.get(&client, &format!("/premises/{}/edit", church.id)).await;
        assert_eq!(status, 200, "{b}");
        assert!(form.contains("value=\"Sävja kyrka\""), "{b}");
        let r = app
            .submit(
                &client,
                &format!("/premises/{}/edit", church.id),
                &[("name", "  ")],
            )
            .await;
        assert_eq!(r.status, 422, "{b}");
        assert_eq!(
            field_error(&r.body, "name").as_deref(),
            Some("Fyll i fältet."),
            "{b}"
        );
        let r = app
            .submit(
                &client,
                &format!("/premises/{}/edit", church.id),
                &[
                    ("name", "Sävja kyrka"),
                    ("address", "Sävja kyrkväg 2"),
                    ("shared_entrance", ""),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", r.body);
        let changed = app
            .premises_of(savja)
            .await
            .into_iter()
            .find(|p| p.id == church.id)
            .expect("kept");
        assert_eq!(
            (changed.label(), changed.shared_entrance),
            ("Sävja kyrka, Sävja kyrkväg 2".to_string(), None),
            "{b}"
        );

        // Another centre's premises are not this coordinator's to change.
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let theirs = app.premises_of(gimo).await[0].clone();
        let (status, _) = app.get(&client, &format!("/premises/{}/edit", theirs.id)).await;
        assert_eq!(status, 403, "{b}");
        assert_eq!(app.premises_of(gimo).await, [theirs], "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn premises_and_units_round_trip_through_the_api() {
    for app in TestApp::all().await {
        let b = app.backend();
        let token = app.token(LOCAL_SAVJA.0).await;
        let savja = app.centre("Sävja familjecentral").await;
        let api = |method: Method, path: String, body: Value| {
            let token = token.clone();
            let app = &app;
            async move {
                app.api(method, &path, Some(&token), Some(&body.to_string()))
                    .await
            }
        };

        let (status, json) = api(
            Method::POST,
            format!("/api/v1/centres/{savja}/premises"),
            json!({ "name": "Sävja bibliotek", "address": "Sävja torg 3", "shared_entrance": false }),
        )
        .await;
        assert_eq!(status, 201, "{b}: {json}");
        let premises = json["premises"].as_array().expect("premises");
        let library = premises
            .iter()
            .find(|p| p["name"] == "Sävja bibliotek")
            .expect("listed with the centre");
        assert_eq!(library["address"], "Sävja torg 3", "{b}");
        assert_eq!(library["shared_entrance"], false, "{b}");
        assert_eq!(library["unit_ids"], json!([]), "{b}");
        let library_id = library["id"].as_i64().expect("id");
        let house = premises
            .iter()
            .find(|p| p["name"] == "Sävjahuset")
            .expect("Sävjahuset");
        assert_eq!(house["unit_ids"].as_array().map(Vec::len), Some(4), "{b}");

        // A unit in the new premises.
        let (status, json) = api(
            Method::POST,
            format!("/api/v1/centres/{savja}/units"),
            json!({ "service": "other", "name": "Biblioteket", "premises_id": library_id }),
        )
        .await;
        assert_eq!(status, 201, "{b}: {json}");
        let unit = json["units"]
            .as_array()
            .and_then(|u| u.iter().find(|u| u["name"] == "Biblioteket"))
            .expect("the unit")
            .clone();
        assert_eq!(unit["premises_id"], library_id, "{b}");
        let listed = json["premises"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["id"] == library_id))
            .expect("premises");
        assert_eq!(listed["unit_ids"], json!([unit["id"]]), "{b}");

        // The premises change; the unit moves with them.
        let (status, json) = api(
            Method::PUT,
            format!("/api/v1/premises/{library_id}"),
            json!({ "name": "Sävja bibliotek", "shared_entrance": true }),
        )
        .await;
        assert_eq!(status, 200, "{b}: {json}");
        let listed = json["premises"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["id"] == library_id))
            .expect("premises");
        assert_eq!(
            (&listed["address"], &listed["shared_entrance"]),
            (&Value::Null, &json!(true)),
            "{b}"
        );

        // Premises of another centre: a field error, and nothing changes.
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let theirs = app.premises_of(gimo).await[0].id;
        let unit_id = unit["id"].as_i64().expect("id");
        let before = centres::get_unit(&mut *app.conn().await, unit_id)
            .await
            .expect("unit");
        let (status, json) = api(
            Method::PUT,
            format!("/api/v1/units/{unit_id}"),
            json!({ "service": "other", "name": "Biblioteket", "premises_id": theirs }),
        )
        .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_error_shape(&json, b);
        assert_eq!(json["errors"][0]["field"], "premises_id", "{b}: {json}");
        // The old free-text building is refused rather than dropped unseen.
        let (status, json) = api(
            Method::PUT,
            format!("/api/v1/units/{unit_id}"),
            json!({ "service": "other", "name": "Biblioteket", "building": "Sävja torg 3" }),
        )
        .await;
        assert_eq!(status, 400, "{b}: {json}");
        assert_error_shape(&json, b);
        // A name the centre has already.
        let (status, json) = api(
            Method::POST,
            format!("/api/v1/centres/{savja}/premises"),
            json!({ "name": "sävja  BIBLIOTEK" }),
        )
        .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_eq!(json["errors"][0]["field"], "name", "{b}: {json}");
        assert_eq!(
            centres::get_unit(&mut *app.conn().await, unit_id)
                .await
                .expect("unit"),
            before,
            "{b}"
        );
        // Someone else's centre.
        let (status, _) = api(
            Method::POST,
            format!("/api/v1/centres/{gimo}/premises"),
            json!({ "name": "Annat" }),
        )
        .await;
        assert_eq!(status, 403, "{b}");
        app.stop().await;
    }
}
