//! Sessions: how long a login lasts (an inactivity limit and an absolute
//! one), that reading pages does not write the session, and what ends
//! them (a password change or reset, blocking). API tokens: their last day.
//! And the login throttle: failed attempts per account and per client
//! address, successful logins never counted.

use std::net::IpAddr;
use std::sync::Arc;

use chrono::Duration;
use samverka_app::LoginLimits;
use samverka_app::accounts::tokens::{self, TokenDraft};
use samverka_app::testing::TestDb;

use crate::support::clock::TestClock;
use crate::support::{ADMIN, COUNTY, LOCAL_SAVJA, READER, Setup, TestApp, page_text};

/// A setup on a clock the test moves.
fn on_clock() -> (Setup, Arc<TestClock>) {
    let clock = Arc::new(TestClock::on(crate::support::TEST_DAY));
    let setup = Setup {
        clock: clock.clone(),
        ..Setup::default()
    };
    (setup, clock)
}

/// Whether a client is still logged in: its start page is not the login form.
async fn logged_in(app: &TestApp, client: &reqwest::Client) -> bool {
    let res = client.get(app.url("/account")).send().await.unwrap();
    res.status() == 200
}

#[tokio::test]
async fn reading_pages_moves_the_inactivity_deadline_at_most_every_five_minutes() {
    let (setup, clock) = on_clock();
    for app in TestApp::all_with(setup.clone()).await {
        let b = app.backend();
        let user = app.browser_as(COUNTY).await;
        let first = app.session_row(&user).await.expect("a session");
        for _ in 0..5 {
            assert!(logged_in(&app, &user.client).await, "{b}");
        }
        clock.advance(Duration::minutes(4));
        assert!(logged_in(&app, &user.client).await, "{b}");
        assert_eq!(
            app.session_row(&user).await,
            Some(first.clone()),
            "{b}: no write within five minutes"
        );

        clock.advance(Duration::minutes(2));
        assert!(logged_in(&app, &user.client).await, "{b}");
        let refreshed = app.session_row(&user).await.expect("still a session");
        assert_ne!(
            refreshed.0, first.0,
            "{b}: after five minutes the session is saved once"
        );
        assert!(refreshed.1 >= first.1, "{b}: with a later deadline");
        let again = app.session_row(&user).await;
        assert!(logged_in(&app, &user.client).await, "{b}");
        assert_eq!(
            app.session_row(&user).await,
            again,
            "{b}: and then left alone again"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_login_ends_after_twelve_hours_however_busy() {
    let (setup, clock) = on_clock();
    for app in TestApp::all_with(setup.clone()).await {
        let b = app.backend();
        let user = app.browser_as(READER).await;
        // Busy all day: a request every hour keeps it from going idle.
        for hour in 1..=11 {
            clock.advance(Duration::hours(1));
            assert!(logged_in(&app, &user.client).await, "{b}: hour {hour}");
        }
        clock.advance(Duration::minutes(61));
        let res = user.client.get(app.url("/account")).send().await.unwrap();
        assert_eq!(res.status(), 303, "{b}: past twelve hours the login is over");
        assert!(
            res.headers()["location"].to_str().unwrap().starts_with("/login"),
            "{b}"
        );
        // Logging in again works.
        let again = app.login(READER).await;
        assert!(logged_in(&app, &again).await, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn changing_the_password_ends_every_other_login_of_the_account() {
    for app in TestApp::all().await {
        let b = app.backend();
        let laptop = app.login(LOCAL_SAVJA).await;
        let phone = app.login(LOCAL_SAVJA).await;
        let colleague = app.login(COUNTY).await;
        assert_eq!(app.sessions_of(LOCAL_SAVJA.0).await, 2, "{b}");

        let r = app
            .submit(
                &laptop,
                "/account/password",
                &[
                    ("current_password", LOCAL_SAVJA.1),
                    ("new_password", "ett helt nytt lösenord"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        let (status, html) = app.get(&laptop, r.location.as_deref().unwrap()).await;
        assert_eq!(status, 200, "{b}: the laptop that changed it stays logged in");
        assert!(
            page_text(&html).contains("Alla andra inloggningar"),
            "{b}: it says so: {}",
            page_text(&html)
        );
        assert!(!logged_in(&app, &phone).await, "{b}: the phone is logged out");
        assert!(
            logged_in(&app, &colleague).await,
            "{b}: other accounts are untouched"
        );
        assert_eq!(app.sessions_of(LOCAL_SAVJA.0).await, 1, "{b}");

        // A wrong current password changes nothing and ends nothing.
        let other = app
            .login(("lokal.savja@uppsala.demo.samverka.se", "ett helt nytt lösenord"))
            .await;
        let r = app
            .submit(
                &laptop,
                "/account/password",
                &[
                    ("current_password", "fel"),
                    ("new_password", "ännu ett nytt lösenord"),
                ],
            )
            .await;
        assert_eq!(r.status, 422, "{b}");
        assert!(logged_in(&app, &other).await, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_password_link_ends_every_login_of_the_account() {
    for app in TestApp::all().await {
        let b = app.backend();
        let county = app.login(COUNTY).await;
        let savja_browser = app.login(LOCAL_SAVJA).await;
        let uppsala = app.uppsala().await;
        let savja = app.user_id(LOCAL_SAVJA.0).await;
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts/{savja}/password-link"),
                &[],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        // Sending a link alone ends nothing (anyone could be the one who asked).
        assert!(logged_in(&app, &savja_browser).await, "{b}");

        app.choose_password(LOCAL_SAVJA.0, "valt via länken 2026").await;
        assert!(
            !logged_in(&app, &savja_browser).await,
            "{b}: the old login is over"
        );
        assert_eq!(app.sessions_of(LOCAL_SAVJA.0).await, 0, "{b}");
        let res = app.login_with(&app.client(), LOCAL_SAVJA.0, LOCAL_SAVJA.1).await;
        assert_eq!(res.status(), 401, "{b}: the old password no longer works");
        app.login((LOCAL_SAVJA.0, "valt via länken 2026")).await;
        app.stop().await;
    }
}

#[tokio::test]
async fn blocking_ends_the_logins_and_unblocking_does_not_bring_them_back() {
    for app in TestApp::all().await {
        let b = app.backend();
        let admin = app.login(ADMIN).await;
        let county = app.login(COUNTY).await;
        let id = app.user_id(COUNTY.0).await;
        let r = app
            .submit(&admin, &format!("/admin/accounts/{id}/disable"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        assert_eq!(
            app.sessions_of(COUNTY.0).await,
            0,
            "{b}: the rows are gone, not suspended"
        );
        assert!(!logged_in(&app, &county).await, "{b}");
        let res = app.login_with(&app.client(), COUNTY.0, COUNTY.1).await;
        assert_eq!(res.status(), 401, "{b}: a blocked account cannot log in");

        let r = app
            .submit(&admin, &format!("/admin/accounts/{id}/enable"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}");
        assert!(!logged_in(&app, &county).await, "{b}: the old login stays over");
        let fresh = app.login(COUNTY).await;
        assert!(logged_in(&app, &fresh).await, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn blocking_an_accounts_only_region_logs_it_out() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let county = app.login(COUNTY).await;
        let reader = app.login(READER).await;
        assert!(logged_in(&app, &reader).await, "{b}");
        let id = app.user_id(READER.0).await;
        let r = app
            .submit(&county, &format!("/regions/{uppsala}/accounts/{id}/disable"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        assert_eq!(
            app.sessions_of(READER.0).await,
            0,
            "{b}: nothing is left for the login to do, so it ends"
        );
        assert!(!logged_in(&app, &reader).await, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_token_works_through_its_last_day_and_not_after() {
    let (setup, clock) = on_clock();
    for app in TestApp::all_with(setup.clone()).await {
        let b = app.backend();
        let ctx = app.cli();
        let reader = app.user_id(READER.0).await;
        let today = app.today();
        let draft = TokenDraft {
            label: "Kvartalsrapport".into(),
            expires_on: today.to_string(),
        };
        let (token, secret) = tokens::create(&ctx, reader, &draft).await.unwrap();
        assert_eq!(token.label, "Kvartalsrapport", "{b}");
        assert_eq!(
            app.api_get(&secret, "/api/v1/centres").await.0,
            200,
            "{b}: on its last day"
        );
        let (_, list) = app.api_get(&secret, "/api/v1/tokens").await;
        let listed = list["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["label"] == "Kvartalsrapport")
            .cloned()
            .expect("listed");
        assert_eq!(listed["expires_on"], today.to_string(), "{b}: {listed}");

        clock.advance(Duration::days(1));
        let (status, json) = app.api_get(&secret, "/api/v1/centres").await;
        assert_eq!(status, 401, "{b}: the day after: {json}");
        let past = TokenDraft {
            label: "Gammal".into(),
            expires_on: today.to_string(),
        };
        assert!(
            tokens::create(&app.cli(), reader, &past).await.is_err(),
            "{b}: a last day in the past is refused"
        );
        app.stop().await;
    }
}

/// Posts the login form as if through the reverse proxy for the client `ip`.
async fn login_from(app: &TestApp, ip: &str, email: &str, password: &str) -> reqwest::Response {
    login_in_from(app, "sv", ip, email, password).await
}

/// The same from a browser that asks for a language.
async fn login_in_from(
    app: &TestApp,
    lang: &str,
    ip: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let client = app.client_in(lang);
    app.login_request(&client, email, password)
        .await
        .header("x-forwarded-for", ip)
        .send()
        .await
        .unwrap()
}

/// The real limits, behind a reverse proxy on 127.0.0.1.
fn behind_proxy() -> Setup {
    let mut setup = Setup::default();
    setup.app.login = LoginLimits::default();
    setup.web.trusted_proxies = vec!["127.0.0.1".parse::<IpAddr>().unwrap()];
    setup
}

#[tokio::test]
async fn colleagues_logging_in_correctly_one_after_another_are_never_held_up() {
    for app in TestApp::all_with(behind_proxy()).await {
        let b = app.backend();
        // The same office address, the limit is ten failures: fifteen correct logins in a row.
        for n in 1..=15 {
            let who = if n % 2 == 0 { COUNTY } else { READER };
            let res = login_from(&app, "192.0.2.10", who.0, who.1).await;
            assert_eq!(res.status(), 303, "{b}: correct login number {n}");
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn failed_logins_are_limited_per_account_from_any_address() {
    for app in TestApp::all_with(behind_proxy()).await {
        let b = app.backend();
        // Five guesses at one account, each from another address.
        for n in 1..=5 {
            let res = login_from(&app, &format!("198.51.100.{n}"), COUNTY.0, "gissning").await;
            assert_eq!(res.status(), 401, "{b}: guess {n}");
        }
        let res = login_from(&app, "198.51.100.99", COUNTY.0, COUNTY.1).await;
        assert_eq!(
            res.status(),
            429,
            "{b}: the account waits, even with the right password"
        );
        assert!(res.headers().contains_key("retry-after"), "{b}");
        let html = res.text().await.unwrap();
        assert!(
            page_text(&html).contains("För många misslyckade inloggningar"),
            "{b}: a page in Swedish: {}",
            page_text(&html)
        );
        // Others from the same addresses are not held up.
        let res = login_from(&app, "198.51.100.1", READER.0, READER.1).await;
        assert_eq!(res.status(), 303, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn failed_logins_are_limited_per_address_and_the_page_speaks_the_users_language() {
    for app in TestApp::all_with(behind_proxy()).await {
        let b = app.backend();
        // Ten guesses at ten different addresses from one client.
        for n in 1..=10 {
            let res = login_from(&app, "203.0.113.5", &format!("gissning{n}@example.se"), "x").await;
            assert_eq!(res.status(), 401, "{b}: guess {n}");
        }
        let res = login_from(&app, "203.0.113.5", READER.0, READER.1).await;
        assert_eq!(res.status(), 429, "{b}: that address waits");

        // In English when the browser asks for it.
        let res = login_in_from(&app, "en", "203.0.113.5", READER.0, READER.1).await;
        assert_eq!(res.status(), 429, "{b}");
        let text = page_text(&res.text().await.unwrap());
        assert!(text.contains("Too many failed logins"), "{b}: {text}");

        // A colleague behind the same proxy, at another address, logs in.
        let res = login_from(&app, "203.0.113.6", READER.0, READER.1).await;
        assert_eq!(res.status(), 303, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_client_not_behind_a_trusted_proxy_cannot_choose_its_address() {
    let mut setup = Setup::default();
    setup.app.login = LoginLimits::default();
    let app = TestApp::start(TestDb::sqlite().await, setup).await;
    for n in 1..=10 {
        let res = login_from(&app, &format!("192.0.2.{n}"), &format!("x{n}@example.se"), "x").await;
        assert_eq!(res.status(), 401, "guess {n}");
    }
    let res = login_from(&app, "192.0.2.200", READER.0, READER.1).await;
    assert_eq!(
        res.status(),
        429,
        "X-Forwarded-For from an untrusted peer is ignored: the peer's own address counts"
    );
    app.stop().await;
}
