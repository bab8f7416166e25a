//! Bad input and unknown addresses: a 4xx with a message in the reader's
//! language (Swedish unless the browser asks for English), and nothing changed.

use crate::support::{COUNTY, LOCAL_SAVJA, TestApp, borrowed, centre_fields, page_text, unit_fields, with};

/// The message shown next to one field of a form (`<p class="field-error" id="FIELD-error">`).
fn field_error(html: &str, field: &str) -> Option<String> {
    let marker = format!("id=\"{field}-error\"");
    let at = html.find(&marker)?;
    let start = at + html[at..].find('>')? + 1;
    let end = start + html[start..].find('<')?;
    Some(page_text(&html[start..end]))
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
        let count = samverka_store::centres::list(&app.db, None).await.unwrap().len();
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
            samverka_store::centres::list(&app.db, None).await.unwrap().len(),
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
                &[("closed_on", "2014-12-31")],
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
            .submit(&client, &format!("/centres/{savja}/close"), &[("closed_on", "")])
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
                &[("closed_on", "snart")],
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

        let units = samverka_store::centres::units(&app.db, savja)
            .await
            .unwrap()
            .len();
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
            samverka_store::centres::units(&app.db, savja)
                .await
                .unwrap()
                .len(),
            units,
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn messages_are_in_english_when_the_browser_asks_for_it() {
    for app in TestApp::all().await {
        let client = app.login_in("en-GB,en;q=0.9", COUNTY).await;
        let savja = app.centre("Sävja familjecentral").await;
        let before = app.stored_centre(savja).await;
        let fields = with(centre_fields(&before), "name", "");
        let fields = with(fields, "shared_opening_hours", "många");
        let r = app
            .submit(&client, &format!("/centres/{savja}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert!(r.body.contains("<html lang=\"en\">"), "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "name").as_deref(),
            Some("Fill in this field."),
            "{}",
            app.backend()
        );
        assert_eq!(
            field_error(&r.body, "shared_opening_hours").as_deref(),
            Some("Write hours a week between 0 and 168, for example 15.5."),
            "{}",
            app.backend()
        );
        let r = app
            .submit(
                &client,
                &format!("/centres/{savja}/close"),
                &[("closed_on", "tomorrow")],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert_eq!(
            field_error(&r.body, "closed_on").as_deref(),
            Some("Write a valid date as YYYY-MM-DD."),
            "{}",
            app.backend()
        );
        assert_eq!(app.stored_centre(savja).await, before, "{}", app.backend());

        // Error pages too.
        let (status, html) = app.get(&client, "/centres/999999").await;
        assert_eq!(status, 404, "{}", app.backend());
        assert!(
            page_text(&html).contains("The page does not exist"),
            "{}",
            app.backend()
        );

        // A Swedish browser can choose English; the choice is remembered in a cookie.
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let back = format!("/regions/{uppsala}");
        let res = client
            .get(app.url(&format!("/lang/en?next={back}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{}", app.backend());
        assert_eq!(res.headers()["location"], back.as_str(), "{}", app.backend());
        let (_, html) = app.get(&client, &back).await;
        assert!(page_text(&html).contains("County overview"), "{}", app.backend());
        for evil in [
            "//evil.example",
            "/%5Cevil.example",
            "/%09/evil.example",
            "https://evil.example",
        ] {
            let res = client
                .get(app.url(&format!("/lang/sv?next={evil}")))
                .send()
                .await
                .unwrap();
            assert_eq!(
                res.headers()["location"],
                "/",
                "{}: only local paths: {evil}",
                app.backend()
            );
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn unknown_records_get_a_swedish_error_page_with_the_security_headers() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        for path in [
            "/centres/999999",
            "/centres/999999/edit",
            "/units/999999/edit",
            "/regions/999999",
            "/nowhere",
        ] {
            let (status, html) = app.get(&client, path).await;
            assert_eq!(status, 404, "{}: {path}", app.backend());
            if path != "/nowhere" {
                assert!(
                    page_text(&html).contains("Sidan finns inte"),
                    "{}: {path}: {html}",
                    app.backend()
                );
            }
        }
        let uppsala = app.uppsala().await;
        let (status, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=tjugohundra"))
            .await;
        assert_eq!(status, 400, "{}", app.backend());
        assert!(
            page_text(&html).contains("Förfrågan gick inte att förstå"),
            "{}",
            app.backend()
        );
        let (status, _) = app.get(&client, "/centres/inte-ett-id").await;
        assert!((400..500).contains(&status), "{}: {status}", app.backend());

        for path in [
            "/centres/999999".to_string(),
            format!("/regions/{uppsala}"),
            "/login".to_string(),
        ] {
            let res = client.get(app.url(&path)).send().await.unwrap();
            let h = res.headers();
            assert_eq!(
                h["x-content-type-options"],
                "nosniff",
                "{}: {path}",
                app.backend()
            );
            assert_eq!(h["x-frame-options"], "DENY", "{}: {path}", app.backend());
            let csp = h["content-security-policy"].to_str().unwrap();
            assert!(
                csp.contains("frame-ancestors 'none'"),
                "{}: {path}",
                app.backend()
            );
        }
        let res = app.client().get(app.url("/login")).send().await.unwrap();
        let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(
            cookie.starts_with("samverka_session="),
            "{}: {cookie}",
            app.backend()
        );
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{}: {cookie}",
            app.backend()
        );
        app.stop().await;
    }
}
