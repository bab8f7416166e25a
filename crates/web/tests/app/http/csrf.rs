//! Forms without the session's CSRF token are refused before they change anything.

use samverka_store::registry::municipalities;

use crate::support::{COUNTY, READER, TestApp, borrowed, centre_fields, page_text, with};

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused_and_changes_nothing() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let savja = app.centre("Sävja familjecentral").await;
        let before = app.stored_centre(savja).await;
        let fields = with(centre_fields(&before), "name", "Kapad familjecentral");
        let path = format!("/centres/{savja}/edit");

        let r = app.post_fields(&client, &path, &borrowed(&fields)).await;
        assert_eq!(r.status, 403, "{}: no token", app.backend());
        assert!(
            page_text(&r.body).contains("Formuläret kunde inte skickas"),
            "{}: {}",
            app.backend(),
            r.body
        );

        let r = app
            .submit_with(&client, "fel-token", &path, &borrowed(&fields))
            .await;
        assert_eq!(r.status, 403, "{}: wrong token", app.backend());

        let r = app.submit_with(&client, "", &path, &borrowed(&fields)).await;
        assert_eq!(r.status, 403, "{}: empty token", app.backend());

        // A real token, but of another session.
        let other = app.login(COUNTY).await;
        let foreign = app.session_csrf(&other).await;
        let r = app
            .submit_with(&client, &foreign, &path, &borrowed(&fields))
            .await;
        assert_eq!(r.status, 403, "{}: another session's token", app.backend());

        // The token in a body the guard does not read as a form.
        let mut json = serde_json::Map::new();
        json.insert("csrf".into(), app.session_csrf(&client).await.into());
        json.insert("name".into(), "Kapad familjecentral".into());
        let res = client.post(app.url(&path)).json(&json).send().await.unwrap();
        assert_eq!(res.status(), 403, "{}: JSON to a form", app.backend());

        assert_eq!(app.stored_centre(savja).await, before, "{}", app.backend());

        // With the right token the same form goes through.
        let r = app.submit(&client, &path, &borrowed(&fields)).await;
        assert_eq!(r.status, 303, "{}", app.backend());
        assert_eq!(
            app.stored_centre(savja).await.name,
            "Kapad familjecentral",
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn every_kind_of_form_and_the_login_need_the_token() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let bhv = app.unit_of(savja, "bhv").await.id;
        let reader = app.user_id(READER.0).await;
        let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
            (
                format!("/regions/{uppsala}/centres/new"),
                vec![("name", "X"), ("municipality_id", "1")],
            ),
            (
                format!("/centres/{savja}/close"),
                vec![("closed_on", "2025-01-01")],
            ),
            (
                format!("/centres/{savja}/units/new"),
                vec![("service", "other"), ("name", "X")],
            ),
            (format!("/units/{bhv}/close"), vec![("closed_on", "2025-01-01")]),
            (format!("/regions/{uppsala}/settings"), vec![("preset", "skane")]),
            (
                format!("/regions/{uppsala}/accounts"),
                vec![("email", "x@example.se"), ("name", "X"), ("role", "reader")],
            ),
            (format!("/regions/{uppsala}/accounts/{reader}/disable"), vec![]),
            (format!("/regions/{uppsala}/accounts/{reader}/revoke"), vec![]),
            ("/logout".to_string(), vec![]),
        ];
        let audit_before = app.last_audit_id(None).await;
        for (path, fields) in &posts {
            let r = app.post_fields(&client, path, fields).await;
            assert_eq!(r.status, 403, "{}: {path}", app.backend());
        }
        let audit_after = app.last_audit_id(None).await;
        assert_eq!(
            audit_before,
            audit_after,
            "{}: nothing was changed",
            app.backend()
        );
        assert_eq!(
            app.stored_centre(savja).await.closed_on,
            None,
            "{}",
            app.backend()
        );
        // Still logged in: the logout without a token did nothing.
        let (status, _) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert_eq!(status, 200, "{}", app.backend());

        // Logging in needs it too.
        let visitor = app.client();
        let r = app
            .post_fields(&visitor, "/login", &[("email", COUNTY.0), ("password", COUNTY.1)])
            .await;
        assert_eq!(r.status, 403, "{}", app.backend());
        let res = visitor
            .get(app.url(&format!("/regions/{uppsala}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{}: not logged in", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn a_file_upload_needs_the_token_in_its_address() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let csv = "kommun;år;folkmängd;barn_0_6\n0331;2030;15000;1000\n";
        let path = format!("/regions/{uppsala}/population");
        let r = app.upload(&client, &path, "befolkning.csv", csv).await;
        assert_eq!(r.status, 403, "{}: no token", app.backend());
        let r = app
            .upload(&client, &format!("{path}?csrf=fel"), "befolkning.csv", csv)
            .await;
        assert_eq!(r.status, 403, "{}: wrong token", app.backend());
        let years = municipalities::population_years(&mut *app.conn().await, Some(uppsala))
            .await
            .unwrap();
        assert!(!years.contains(&2030), "{}: nothing imported", app.backend());

        // The form's own action carries it.
        let (_, html) = app.get(&client, &path).await;
        let token = app.session_csrf(&client).await;
        assert!(
            html.contains(&format!("action=\"{path}?csrf={token}\"")),
            "{}: {html}",
            app.backend()
        );
        let r = app
            .upload(&client, &format!("{path}?csrf={token}"), "befolkning.csv", csv)
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), r.body);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_form_from_another_site_is_refused_even_with_a_token() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let savja = app.centre("Sävja familjecentral").await;
        let before = app.stored_centre(savja).await;
        let csrf = app.session_csrf(&client).await;
        let mut fields = vec![("csrf", csrf)];
        fields.extend(with(centre_fields(&before), "name", "Annan sajt"));
        let res = client
            .post(app.url(&format!("/centres/{savja}/edit")))
            .header("origin", "https://evil.example")
            .header("sec-fetch-site", "cross-site")
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{}", app.backend());
        assert_eq!(app.stored_centre(savja).await, before, "{}", app.backend());
        app.stop().await;
    }
}
