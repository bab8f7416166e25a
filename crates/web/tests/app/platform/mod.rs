//! The platform under stress: the database going away and coming back,
//! concurrent writes (a double click, two users saving at once), what
//! reading a page writes (nothing), the security headers that depend on
//! the setup, and "today" on Swedish time.

use std::time::Duration;

use chrono::TimeZone;
use futures::future::join_all;
use samverka_app::AuditAction;
use samverka_store::DbOptions;
use samverka_store::governance::meetings;

use crate::support::clock::TestClock;
use crate::support::fixtures::SteeringOfTwo;
use crate::support::{
    ADMIN, COUNTY, LOCAL_SAVJA, Setup, TestApp, assert_error_shape, borrowed, centre_fields, page_text, with,
};

/// A server whose pool has two connections and gives up waiting for one
/// after half a second, so that holding both makes the database unavailable.
fn small_pool() -> Setup {
    Setup {
        db_options: Some(DbOptions {
            acquire_timeout: Duration::from_millis(500),
            max_connections: 2,
            ..DbOptions::default()
        }),
        ..Setup::default()
    }
}

#[tokio::test]
async fn a_database_that_does_not_answer_is_503_until_it_is_back_and_then_everything_works() {
    for app in TestApp::all_with(small_pool()).await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let token = app.token(COUNTY.0).await;
        let savja = app.centre("Sävja familjecentral").await;
        let page = format!("/centres/{savja}");
        let api = format!("/api/v1/centres/{savja}");
        assert_eq!(app.get(&client, &page).await.0, 200, "{b}");

        // Every connection is taken (a stuck job, a long report): requests wait, then get 503.
        let held = (app.conn().await, app.conn().await);
        let res = client.get(app.url(&page)).send().await.unwrap();
        assert_eq!(res.status(), 503, "{b}: a page");
        assert!(res.headers().contains_key("retry-after"), "{b}");
        let html = res.text().await.unwrap();
        assert!(
            page_text(&html).contains("Databasen svarar inte"),
            "{b}: a page in words: {}",
            page_text(&html)
        );
        let (status, json) = app.api_get(&token, &api).await;
        assert_eq!(status, 503, "{b}: the API: {json}");
        assert_error_shape(&json, b);
        assert_eq!(
            app.get(&app.client(), "/healthz").await.0,
            503,
            "{b}: the health check"
        );
        drop(held);

        // Back: the same session and token work again, with no restart.
        assert_eq!(app.get(&client, &page).await.0, 200, "{b}: the page again");
        assert_eq!(app.api_get(&token, &api).await.0, 200, "{b}: the API again");
        assert_eq!(app.get(&app.client(), "/healthz").await.0, 200, "{b}");

        // A real outage (PostgreSQL refuses connections and drops the open ones), then recovery.
        if app.allow_connections(false).await {
            let (status, _) = app.get(&client, &page).await;
            assert_eq!(status, 503, "{b}: during the outage");
            let (status, json) = app.api_get(&token, &api).await;
            assert_eq!(status, 503, "{b}: the API during the outage: {json}");
            assert_error_shape(&json, b);
            let r = app
                .submit_with(&client, "x", &format!("/centres/{savja}/edit"), &[("name", "Ny")])
                .await;
            assert_eq!(r.status, 503, "{b}: a save during the outage");
            assert!(app.allow_connections(true).await);
            assert_eq!(app.get(&client, &page).await.0, 200, "{b}: after the outage");
            assert_eq!(app.api_get(&token, &api).await.0, 200, "{b}");
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_double_click_on_publish_sends_every_notice_once_and_records_it_once() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let county = app.login(COUNTY).await;
        let id = app
            .held_with_minutes(
                &county,
                f.steering,
                "2025-03-10",
                "## Protokoll\n\nBudgeten gicks igenom.",
            )
            .await;

        // Eight clicks at the same moment, with the same session and form.
        let csrf = app.session_csrf(&county).await;
        let path = format!("/meetings/{id}/publish");
        let clicks = (0..8).map(|_| app.submit_with(&county, &csrf, &path, &[]));
        let answers: Vec<u16> = join_all(clicks).await.iter().map(|r| r.status).collect();
        assert_eq!(
            answers.iter().filter(|s| **s == 303).count(),
            1,
            "{b}: exactly one publish wins: {answers:?}"
        );
        assert!(
            answers.iter().all(|s| *s == 303 || *s == 409),
            "{b}: the others are told it is published already: {answers:?}"
        );

        let mut to: Vec<String> = app
            .queued_mail()
            .await
            .iter()
            .map(|q| q.mail.to.clone())
            .collect();
        to.sort();
        assert_eq!(to, f.expected, "{b}: one notice per recipient");
        let published = app
            .audit(Some(f.region), 200)
            .await
            .into_iter()
            .filter(|e| e.action == AuditAction::Publish && e.entity_id == Some(id))
            .count();
        assert_eq!(published, 1, "{b}: one audit entry");
        let meeting = meetings::get(&mut *app.conn().await, id).await.unwrap();
        assert_eq!(meeting.minutes_published_on, Some(app.today()), "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn two_users_saving_different_centres_at_the_same_moment_both_succeed() {
    for app in TestApp::all().await {
        let b = app.backend();
        let county = app.login(COUNTY).await;
        let local = app.login(LOCAL_SAVJA).await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let savja = app.centre("Sävja familjecentral").await;
        let county_csrf = app.session_csrf(&county).await;
        let local_csrf = app.session_csrf(&local).await;
        let gimo_fields = centre_fields(&app.stored_centre(gimo).await);
        let savja_fields = centre_fields(&app.stored_centre(savja).await);

        // Twenty saves each, all in flight together: pages and the API at once.
        let mut pages = Vec::new();
        for n in 0..20 {
            let (client, csrf, id, fields) = if n % 2 == 0 {
                (&county, &county_csrf, gimo, &gimo_fields)
            } else {
                (&local, &local_csrf, savja, &savja_fields)
            };
            let fields = with(fields.clone(), "address", &format!("Sparvägen {n}"));
            let app = &app;
            pages.push(async move {
                let path = format!("/centres/{id}/edit");
                app.submit_with(client, csrf, &path, &borrowed(&fields))
                    .await
                    .status
            });
        }
        let county_token = app.token(COUNTY.0).await;
        let local_token = app.token(LOCAL_SAVJA.0).await;
        let mut api = Vec::new();
        for n in 0..20 {
            let (token, id) = if n % 2 == 0 {
                (&county_token, gimo)
            } else {
                (&local_token, savja)
            };
            let mut body = app.centre_body(id).await;
            body["address"] = serde_json::json!(format!("API-vägen {n}"));
            let app = &app;
            api.push(async move {
                let path = format!("/api/v1/centres/{id}");
                app.api(reqwest::Method::PUT, &path, Some(token), Some(&body.to_string()))
                    .await
                    .0
            });
        }
        let (pages, api) = tokio::join!(join_all(pages), join_all(api));
        assert!(
            pages.iter().all(|s| *s == 303),
            "{b}: every page save succeeds: {pages:?}"
        );
        assert!(
            api.iter().all(|s| *s == 200),
            "{b}: every API save succeeds: {api:?}"
        );
        for id in [gimo, savja] {
            let address = app.stored_centre(id).await.address.unwrap_or_default();
            assert!(
                address.starts_with("Sparvägen") || address.starts_with("API-vägen"),
                "{b}: one of the saves is what the centre holds: {address}"
            );
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn reading_pages_writes_no_session_and_visitors_get_none() {
    for app in TestApp::all().await {
        let b = app.backend();
        let before = app.session_count().await;

        // Anonymous visitors: the login page, static files and the health check make no row.
        let visitor = app.browser();
        for _ in 0..20 {
            let res = visitor.client.get(app.url("/login")).send().await.unwrap();
            assert_eq!(res.status(), 200, "{b}");
            assert!(
                res.headers()
                    .get_all("set-cookie")
                    .iter()
                    .all(|c| !c.to_str().unwrap_or("").starts_with("samverka_session=")),
                "{b}: no session cookie before logging in"
            );
        }
        for path in ["/static/style.css", "/healthz", "/api/v1/openapi.json"] {
            assert_eq!(app.get(&visitor.client, path).await.0, 200, "{b}: {path}");
        }
        assert_eq!(app.session_count().await, before, "{b}: no session for visitors");

        // Logged in: reading pages, the stylesheet and the health check leave the row as it is.
        let user = app.browser_as(ADMIN).await;
        let row = app.session_row(&user).await.expect("a session row");
        let uppsala = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        for path in [
            format!("/regions/{uppsala}"),
            format!("/centres/{savja}"),
            format!("/centres/{savja}/governance"),
            "/static/style.css".to_string(),
            "/healthz".to_string(),
            "/account".to_string(),
        ] {
            let res = user.client.get(app.url(&path)).send().await.unwrap();
            assert_eq!(res.status(), 200, "{b}: {path}");
            assert!(
                res.headers().get_all("set-cookie").iter().next().is_none(),
                "{b}: {path} sets no cookie"
            );
        }
        assert_eq!(
            app.session_row(&user).await,
            Some(row),
            "{b}: the session row is unchanged"
        );
        assert_eq!(app.session_count().await, before + 1, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn hsts_is_sent_when_cookies_are_secure_and_pages_with_names_are_not_stored() {
    let mut setup = Setup::default();
    setup.web.secure_cookies = true;
    let secure = TestApp::start(samverka_app::testing::TestDb::sqlite().await, setup).await;
    let res = reqwest::get(secure.url("/login")).await.unwrap();
    let hsts = res
        .headers()
        .get("strict-transport-security")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(hsts.contains("max-age="), "HSTS behind HTTPS: {hsts:?}");
    secure.stop().await;

    let plain = TestApp::sqlite().await;
    let res = reqwest::get(plain.url("/login")).await.unwrap();
    assert!(
        !res.headers().contains_key("strict-transport-security"),
        "no HSTS over plain HTTP (it would lock browsers out of a test server)"
    );
    // Back after logout: the browser may not show a stored copy of a page with staff names.
    let client = plain.login(COUNTY).await;
    let savja = plain.centre("Sävja familjecentral").await;
    let res = client
        .get(plain.url(&format!("/centres/{savja}/governance")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers().get("cache-control").and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    plain.submit(&client, "/logout", &[]).await;
    let res = client
        .get(plain.url(&format!("/centres/{savja}/governance")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "after logout the page is gone");
    plain.stop().await;
}

#[tokio::test]
async fn today_is_the_date_in_sweden_just_after_midnight() {
    // 23:30 UTC on 14 March is 00:30 on 15 March in Stockholm.
    let moment = chrono::Utc
        .with_ymd_and_hms(2026, 3, 14, 23, 30, 0)
        .single()
        .unwrap();
    let setup = Setup {
        clock: std::sync::Arc::new(TestClock::at(moment)),
        ..Setup::default()
    };
    for app in TestApp::all_with(setup.clone()).await {
        let b = app.backend();
        assert_eq!(app.today().to_string(), "2026-03-15", "{b}");
        let f = SteeringOfTwo::build(&app).await;
        let county = app.login(COUNTY).await;
        let id = app
            .held_with_minutes(&county, f.steering, "2026-03-10", "Protokoll.")
            .await;
        let r = app.submit(&county, &format!("/meetings/{id}/publish"), &[]).await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        let meeting = meetings::get(&mut *app.conn().await, id).await.unwrap();
        assert_eq!(
            meeting.minutes_published_on.map(|d| d.to_string()).as_deref(),
            Some("2026-03-15"),
            "{b}: published today in Sweden, not yesterday in UTC"
        );
        // A meeting tomorrow in Sweden cannot be recorded as held.
        let r = app
            .submit(
                &county,
                &format!("/groups/{}/meetings/new", f.steering),
                &[("held_on", "2026-03-16"), ("status", "held")],
            )
            .await;
        assert_eq!(r.status, 422, "{b}: {}", page_text(&r.body));
        let r = app
            .submit(
                &county,
                &format!("/groups/{}/meetings/new", f.steering),
                &[("held_on", "2026-03-15"), ("status", "held")],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: held today in Sweden: {}", page_text(&r.body));
        app.stop().await;
    }
}
