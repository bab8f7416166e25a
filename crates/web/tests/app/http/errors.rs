//! Errors and headers every area shares: a 4xx page in the reader's
//! language (Swedish unless the browser asks for English) for bad input and
//! unknown addresses, 503 when the database is gone, and the security and
//! caching headers on every answer.

use crate::support::html::field_error;
use crate::support::{COUNTY, READER, TestApp, assert_error_shape, borrowed, centre_fields, page_text, with};

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
            // The site's page still: styled, the language switch, ways on.
            assert!(html.contains("href=\"/static/style.css\""), "{b}: {path}");
            assert!(html.contains("<nav class=\"lang\""), "{b}: {path}");
            assert!(html.contains("<ul class=\"ways-on\">"), "{b}: {path}");
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

/// The address the language switch of a form shown again posts the form
/// back to (`formaction`), unescaped; `None` when the switch is a link.
fn switch_action(html: &str) -> Option<String> {
    let nav = &html[html.find("<nav class=\"lang\"")?..];
    let nav = &nav[..nav.find("</nav>")?];
    let at = nav.find("formaction=\"")? + "formaction=\"".len();
    Some(crate::support::unescape(&nav[at..at + nav[at..].find('"')?]))
}

/// The `value` of the input named `name`, unescaped.
fn input_value(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let tag = &html[html[..at].rfind('<')?..at + html[at..].find('>')?];
    let v = tag.find("value=\"")? + "value=\"".len();
    Some(crate::support::unescape(&tag[v..v + tag[v..].find('"')?]))
}

#[tokio::test]
async fn switching_language_on_a_form_shown_again_keeps_what_was_typed_and_saves_nothing() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let savja = app.centre("Sävja familjecentral").await;
        let before = app.stored_centre(savja).await;
        let audit_before = app.last_audit_id(None).await;
        let edit = format!("/centres/{savja}/edit");
        let csrf = app.session_csrf(&client).await;
        let typed = with(
            with(centre_fields(&before), "name", ""),
            "address",
            "Sävja torg 1 & 2",
        );
        let mut fields: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        fields.extend(borrowed(&typed));
        let r = app.post_fields(&client, &edit, &fields).await;
        assert_eq!(r.status, 422, "{b}");
        assert!(r.body.contains("<form id=\"page-form\" method=\"post\""), "{b}");
        let switch = switch_action(&r.body).expect("the switch posts the form back");
        assert_eq!(switch, format!("{edit}?switch_lang=en"), "{b}");
        assert!(
            !r.body.contains("href=\"/lang/"),
            "{b}: no link that would lose what was typed"
        );

        // The switch posts the form back, as the browser does with the form's fields.
        let res = client.post(app.url(&switch)).form(&fields).send().await.unwrap();
        assert_eq!(res.status(), 422, "{b}: the problems are still there");
        let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.starts_with("lang=en;"), "{b}: {cookie}");
        let html = res.text().await.unwrap();
        assert!(html.contains("<html lang=\"en\">"), "{b}");
        assert_eq!(
            input_value(&html, "address").as_deref(),
            Some("Sävja torg 1 & 2"),
            "{b}: what was typed is kept"
        );
        assert!(
            page_text(&html).contains("Something needs fixing"),
            "{b}: {}",
            page_text(&html)
        );
        assert!(field_error(&html, "name").is_some(), "{b}");
        // And back to Swedish the same way.
        assert_eq!(
            switch_action(&html).as_deref(),
            Some(format!("{edit}?switch_lang=sv").as_str()),
            "{b}"
        );

        // Valid values are checked but not saved either: a switch never saves.
        let valid = with(centre_fields(&before), "address", "Sävja torg 3");
        let mut fields: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        fields.extend(borrowed(&valid));
        let r = app
            .post_fields(&client, &format!("{edit}?switch_lang=en"), &fields)
            .await;
        assert_eq!(r.status, 200, "{b}: the form again, not a redirect");
        assert_eq!(
            input_value(&r.body, "address").as_deref(),
            Some("Sävja torg 3"),
            "{b}"
        );
        assert!(!r.body.contains("error-summary"), "{b}");
        assert_eq!(app.stored_centre(savja).await, before, "{b}: nothing saved");
        assert_eq!(
            app.last_audit_id(None).await,
            audit_before,
            "{b}: nothing audited"
        );

        // A form posted elsewhere than the page's address: one's password.
        let client = app.login(COUNTY).await;
        let csrf = app.session_csrf(&client).await;
        let fields = [
            ("csrf", csrf.as_str()),
            ("current_password", COUNTY.1),
            ("new_password", "kort"),
        ];
        let r = app.post_fields(&client, "/account/password", &fields).await;
        assert_eq!(r.status, 422, "{b}");
        assert!(r.body.contains("autofocus"), "{b}: the summary takes the focus");
        assert!(
            page_text(&r.body).contains("Nytt lösenord:"),
            "{b}: the summary names the field: {}",
            page_text(&r.body)
        );
        let switch = switch_action(&r.body).expect("a switch that posts back");
        assert_eq!(switch, "/account/password?switch_lang=en", "{b}");
        let r = app.post_fields(&client, &switch, &fields).await;
        assert_eq!(r.status, 422, "{b}");
        assert!(r.body.contains("<html lang=\"en\">"), "{b}");
        assert!(
            r.body.contains("name=\"current_password\""),
            "{b}: the form is there"
        );
        // A password that would do is not set by a switch.
        let good = [
            ("csrf", csrf.as_str()),
            ("current_password", COUNTY.1),
            ("new_password", "ett nytt och långt lösenord"),
        ];
        let r = app.post_fields(&client, &switch, &good).await;
        assert_eq!(r.status, 200, "{b}");
        let again = app.login_with(&app.client(), COUNTY.0, COUNTY.1).await;
        assert_eq!(again.status(), 303, "{b}: the old password still works");

        // Someone not logged in who posts a switch is only sent to the address.
        let visitor = app.client();
        let csrf = app.session_csrf(&visitor).await;
        let r = app
            .submit_with(
                &visitor,
                &csrf,
                "/login?switch_lang=en",
                &[("email", COUNTY.0), ("password", COUNTY.1)],
            )
            .await;
        assert_eq!((r.status, r.location.as_deref()), (303, Some("/login")), "{b}");
        let (_, html) = app.get(&visitor, "/account").await;
        assert!(!html.contains(COUNTY.0), "{b}: not logged in");
        // Nor is a password link used by a switch, even by someone logged in.
        let uppsala = app.uppsala().await;
        let heby = app.user_id(crate::support::LOCAL_HEBY.0).await;
        let r = app
            .submit(
                &client,
                &format!("/regions/{uppsala}/accounts/{heby}/password-link"),
                &[],
            )
            .await;
        assert_eq!(r.status, 303, "{b}");
        let link = app.password_link(crate::support::LOCAL_HEBY.0).await.unwrap();
        let r = app
            .submit(
                &client,
                &format!("{link}?switch_lang=en"),
                &[("password", "ett lösenord som duger")],
            )
            .await;
        assert_eq!(
            (r.status, r.location.as_deref()),
            (303, Some(link.as_str())),
            "{b}"
        );
        app.choose_password(crate::support::LOCAL_HEBY.0, "länken fungerar fortfarande")
            .await;

        // A page that answers a post with nothing typed has a plain link.
        let r = app
            .submit(
                &client,
                "/account/tokens",
                &[("label", "prov"), ("expires_on", "")],
            )
            .await;
        assert_eq!(r.status, 200, "{b}");
        assert_eq!(switch_action(&r.body), None, "{b}: the secret is not made again");
        assert!(r.body.contains("href=\"/lang/"), "{b}");
        app.stop().await;
    }
}

/// Every page address that takes an id (or two), as the routers declare
/// them; `{}` stands where an id goes.
const ID_ROUTES: &[&str] = &[
    "/account/tokens/{}/revoke",
    "/admin/accounts/{}/disable",
    "/admin/accounts/{}/enable",
    "/assignments/{}/end",
    "/centres/{}",
    "/centres/{}/close",
    "/centres/{}/decisions",
    "/centres/{}/edit",
    "/centres/{}/governance",
    "/centres/{}/reopen",
    "/centres/{}/units/new",
    "/groups/{}",
    "/groups/{}/decisions",
    "/groups/{}/edit",
    "/groups/{}/matters/new",
    "/groups/{}/meetings",
    "/groups/{}/meetings/new",
    "/matters/{}",
    "/matters/{}/advance",
    "/meetings/{}",
    "/meetings/{}/decisions",
    "/meetings/{}/edit",
    "/meetings/{}/publish",
    "/people/{}",
    "/people/{}/assignments/new",
    "/people/{}/edit",
    "/people/{}/erase",
    "/people/{}/export",
    "/regions/{}",
    "/regions/{}/access",
    "/regions/{}/accounts",
    "/regions/{}/accounts/{}",
    "/regions/{}/accounts/{}/disable",
    "/regions/{}/accounts/{}/enable",
    "/regions/{}/accounts/{}/password-link",
    "/regions/{}/accounts/{}/revoke",
    "/regions/{}/accounts/{}/tokens/{}/revoke",
    "/regions/{}/audit",
    "/regions/{}/centres/new",
    "/regions/{}/contacts.csv",
    "/regions/{}/contacts.xlsx",
    "/regions/{}/decisions",
    "/regions/{}/groups",
    "/regions/{}/groups/new",
    "/regions/{}/introductions",
    "/regions/{}/introductions/new",
    "/regions/{}/matters",
    "/regions/{}/people",
    "/regions/{}/people/new",
    "/regions/{}/population",
    "/regions/{}/settings",
    "/regions/{}/settings/governance",
    "/regions/{}/signals",
    "/units/{}/close",
    "/units/{}/edit",
    "/units/{}/reopen",
];

/// Checks that an error page is the styled page with the site's frame: the
/// stylesheet, the account's menu (when logged in), the language switch, and
/// ways on; never a bare text answer.
fn assert_dressed(html: &str, logged_in: bool, what: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"), "{what}: {html}");
    assert!(html.contains("href=\"/static/style.css\""), "{what}: styled");
    assert!(
        html.contains("<nav class=\"lang\""),
        "{what}: the language switch"
    );
    assert!(
        html.contains("href=\"/lang/en?next=%2F"),
        "{what}: the switch leads back"
    );
    assert!(html.contains("<ul class=\"ways-on\">"), "{what}: ways on");
    assert!(html.contains("<a href=\"/\">"), "{what}: the way home");
    assert_eq!(
        html.contains("action=\"/logout\""),
        logged_in,
        "{what}: the account's menu"
    );
}

#[tokio::test]
async fn every_error_page_has_the_menu_the_language_switch_and_a_way_back() {
    for app in TestApp::all().await {
        let b = app.backend();
        let county = app.login(COUNTY).await;
        let csrf = app.session_csrf(&county).await;
        for route in ID_ROUTES {
            for bad in ["abc", "1x", "%C3%A5", "99999999999999999999999"] {
                let path = route.replace("{}", bad);
                // A malformed id is a page that does not exist, whatever the method.
                let res = county.get(app.url(&path)).send().await.unwrap();
                let status = res.status().as_u16();
                assert!(matches!(status, 404 | 405), "{b}: GET {path}: {status}");
                let ct = res.headers()["content-type"].to_str().unwrap().to_string();
                assert!(ct.starts_with("text/html"), "{b}: GET {path}: {ct}");
                let html = res.text().await.unwrap();
                assert_dressed(&html, true, &format!("{b}: GET {path}"));
                let r = app.post_fields(&county, &path, &[("csrf", csrf.as_str())]).await;
                assert!(matches!(r.status, 404 | 405), "{b}: POST {path}: {}", r.status);
                assert_dressed(&r.body, true, &format!("{b}: POST {path}"));
            }
        }

        // 403, 404, 405, 409 and 400, each on the site's page.
        let uppsala = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let reader = app.login(READER).await;
        for (client, path, status) in [
            (&reader, format!("/regions/{uppsala}/settings"), 403),
            (&county, "/centres/999999".to_string(), 404),
            (&county, "/no/such/page".to_string(), 404),
            (&county, "/account/password".to_string(), 405),
            (&county, format!("/centres/{savja}/reopen"), 409),
            (&county, format!("/regions/{uppsala}/access?year=tjugo"), 400),
        ] {
            let (got, html) = app.get(client, &path).await;
            assert_eq!(got, status, "{b}: {path}");
            assert_dressed(&html, true, &format!("{b}: {path}"));
        }
        // A post with a stale form token: 403, dressed too.
        let r = app
            .post_fields(&county, &format!("/centres/{savja}/edit"), &[("csrf", "stale")])
            .await;
        assert_eq!(r.status, 403, "{b}");
        assert_dressed(&r.body, true, &format!("{b}: stale token"));
        app.stop().await;
    }
}
