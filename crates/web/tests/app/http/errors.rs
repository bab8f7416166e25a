//! Errors and headers every area shares: a 4xx page in the reader's
//! language (Swedish unless the browser asks for English) for bad input and
//! unknown addresses, 503 when the database is gone, and the security and
//! caching headers on every answer.

use crate::support::html::field_error;
use crate::support::{COUNTY, TestApp, assert_error_shape, borrowed, centre_fields, page_text, with};

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
                &[("closed_on", "tomorrow"), ("confirm", "yes")],
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
            assert!(
                !csp.contains("'unsafe-inline'"),
                "{}: {path}: {csp}",
                app.backend()
            );
            assert_eq!(h["cache-control"], "no-store", "{}: {path}", app.backend());
        }
        let token = app.token(COUNTY.0).await;
        for path in ["/api/v1/centres", "/api/v1/centres/999999"] {
            let res = reqwest::Client::new()
                .get(app.url(path))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap();
            assert_eq!(
                res.headers()["cache-control"],
                "no-store",
                "{}: {path}",
                app.backend()
            );
        }
        let res = app
            .client()
            .get(app.url("/static/style.css"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", app.backend());
        assert_eq!(
            res.headers()["cache-control"],
            "public, max-age=3600",
            "{}: static files are cached",
            app.backend()
        );

        // A visitor's form token comes in a cookie; the session cookie after logging in.
        let res = app.client().get(app.url("/login")).send().await.unwrap();
        let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(
            cookie.starts_with("samverka_csrf="),
            "{}: {cookie}",
            app.backend()
        );
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{}: {cookie}",
            app.backend()
        );
        let res = app.login_with(&app.client(), COUNTY.0, COUNTY.1).await;
        let cookie = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("samverka_session="))
            .unwrap_or_else(|| panic!("{}: no session cookie", app.backend()))
            .to_string();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{}: {cookie}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_lost_database_is_503_on_pages_and_in_the_api_never_404() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let token = app.token(COUNTY.0).await;
        let savja = app.centre("Sävja familjecentral").await;
        let uppsala = app.uppsala().await;
        app.db.close().await;
        for path in [
            format!("/centres/{savja}"),
            format!("/regions/{uppsala}"),
            "/login".to_string(),
        ] {
            let (status, html) = app.get(&client, &path).await;
            assert_eq!(status, 503, "{b}: {path}: {}", page_text(&html));
        }
        for path in [format!("/api/v1/centres/{savja}"), "/api/v1/centres".to_string()] {
            let (status, json) = app.api_get(&token, &path).await;
            assert_eq!(status, 503, "{b}: {path}: {json}");
            assert_error_shape(&json, &format!("{b}: {path}"));
        }
        let (status, _) = app.get(&app.client(), "/healthz").await;
        assert_eq!(status, 503, "{b}: the health check says so too");
        app.stop().await;
    }
}

/// The `href` of the page's language switch (`/lang/...`), unescaped.
fn language_link(html: &str) -> String {
    let at = html.find("href=\"/lang/").expect("a language switch") + "href=\"".len();
    crate::support::unescape(&html[at..at + html[at..].find('"').unwrap()])
}

#[tokio::test]
async fn unknown_addresses_and_malformed_ids_get_the_404_page_with_menu_and_language_switch() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        for path in [
            "/centres/abc",
            "/centres/1x/edit",
            "/regions/%C3%A5",
            "/nowhere",
            "/meetings/-/edit",
        ] {
            let res = client.get(app.url(path)).send().await.unwrap();
            assert_eq!(res.status(), 404, "{b}: {path}");
            assert!(
                res.headers()["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("text/html"),
                "{b}: {path}"
            );
            let html = res.text().await.unwrap();
            assert!(html.contains("<html lang=\"sv\">"), "{b}: {path}");
            let text = page_text(&html);
            assert!(text.contains("Sidan finns inte"), "{b}: {path}: {text}");
            assert!(!text.contains("Invalid URL"), "{b}: {path}");
            // The menu: the account and logging out, the way home, the language switch.
            assert!(
                text.contains("Demo Länssamordnare Uppsala"),
                "{b}: {path}: the account's menu"
            );
            assert!(html.contains("action=\"/logout\""), "{b}: {path}");
            assert!(html.contains("href=\"/\""), "{b}: {path}: a way back");
            assert!(
                language_link(&html).starts_with("/lang/en?next=%2F"),
                "{b}: {path}"
            );
        }
        // A visitor who is not logged in is sent to log in first, for an
        // unknown address too; after logging in the page says it does not exist.
        let res = app.client().get(app.url("/centres/abc")).send().await.unwrap();
        assert!(matches!(res.status().as_u16(), 303 | 404), "{b}");
        // In English when asked for.
        let en = app.login_in("en", COUNTY).await;
        let (status, html) = app.get(&en, "/centres/abc").await;
        assert_eq!(status, 404, "{b}");
        assert!(page_text(&html).contains("The page does not exist"), "{b}");
        assert!(language_link(&html).starts_with("/lang/sv?"), "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn switching_language_on_a_form_shown_again_after_errors_leads_back_to_the_form() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        // A form whose address only takes POST: changing one's password.
        let csrf = app.session_csrf(&client).await;
        let res = client
            .post(app.url("/account/password"))
            .header("referer", app.url("/account"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("current_password", "fel lösenord"),
                ("new_password", "ett nytt långt lösenord"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{b}");
        let html = res.text().await.unwrap();
        assert!(html.contains("class=\"error-summary\""), "{b}");
        assert!(html.contains("autofocus"), "{b}: the summary takes the focus");
        // The summary names the field.
        assert!(
            page_text(&html).contains("Nuvarande lösenord:"),
            "{b}: {}",
            page_text(&html)
        );
        let link = language_link(&html);
        assert_eq!(link, "/lang/en?next=%2Faccount", "{b}");
        let res = client.get(app.url(&link)).send().await.unwrap();
        assert_eq!(res.status(), 303, "{b}");
        let back = res.headers()["location"].to_str().unwrap().to_string();
        assert_eq!(back, "/account", "{b}");
        let (status, html) = app.get(&client, &back).await;
        assert_eq!(status, 200, "{b}: the form again, not a 405");
        assert!(html.contains("<html lang=\"en\">"), "{b}");
        assert!(
            html.contains("name=\"current_password\""),
            "{b}: the form is there"
        );

        // A form shown again on its own address: the switch leads to that address.
        let savja = app.centre("Sävja familjecentral").await;
        let before = app.stored_centre(savja).await;
        let fields = with(centre_fields(&before), "name", "");
        let edit = format!("/centres/{savja}/edit");
        let csrf = app.session_csrf(&client).await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend(borrowed(&fields));
        let res = client
            .post(app.url(&edit))
            .header("referer", app.url(&edit))
            .form(&all)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{b}");
        let html = res.text().await.unwrap();
        let link = language_link(&html);
        let res = client.get(app.url(&link)).send().await.unwrap();
        assert_eq!(res.headers()["location"].to_str().unwrap(), edit, "{b}");
        let (status, _) = app.get(&client, &edit).await;
        assert_eq!(status, 200, "{b}");
        app.stop().await;
    }
}
