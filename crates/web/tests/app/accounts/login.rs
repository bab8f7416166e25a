//! Logging in and out.

use samverka_app::LoginLimits;
use samverka_app::testing::TestDb;

use crate::support::{COUNTY, READER, Setup, TestApp, csrf_in, page_text};

/// The value of a cookie a response sets, if it sets it.
fn cookie(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix(&format!("{name}=")).map(str::to_string))
        .map(|c| c.split(';').next().unwrap_or_default().to_string())
}

/// The value of the session cookie a response sets, if it sets one.
fn session_cookie(res: &reqwest::Response) -> Option<String> {
    cookie(res, "samverka_session")
}

/// A client without a cookie jar that always sends this session cookie.
fn with_cookie(value: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::COOKIE,
        format!("samverka_session={value}").parse().unwrap(),
    );
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

/// Posts the login form with a `next` value; returns status and Location.
async fn login_to(app: &TestApp, next: &str) -> (u16, Option<String>) {
    let client = app.client();
    let csrf = app.csrf(&client, "/login").await;
    let r = app
        .post_fields(
            &client,
            "/login",
            &[
                ("csrf", csrf.as_str()),
                ("email", COUNTY.0),
                ("password", COUNTY.1),
                ("next", next),
            ],
        )
        .await;
    (r.status, r.location)
}

#[tokio::test]
async fn a_wrong_password_gets_401_with_a_message_and_no_session() {
    for app in TestApp::all().await {
        let uppsala = app.uppsala().await;
        for (email, password) in [
            (COUNTY.0, "demo-fel"),
            ("ingen@example.se", "demo-lan"),
            (COUNTY.0, ""),
        ] {
            let client = app.client();
            let res = app.login_with(&client, email, password).await;
            assert_eq!(res.status(), 401, "{}: {email}", app.backend());
            let html = res.text().await.unwrap();
            assert!(
                page_text(&html).contains("E-postadressen eller lösenordet stämmer inte."),
                "{}: {html}",
                app.backend()
            );
            assert!(
                html.contains(&format!("value=\"{email}\"")),
                "{}: the address is kept",
                app.backend()
            );
            let res = client
                .get(app.url(&format!("/regions/{uppsala}")))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303, "{}: not logged in", app.backend());
            assert!(
                res.headers()["location"].to_str().unwrap().starts_with("/login"),
                "{}",
                app.backend()
            );
        }
        let en = app.client_in("en");
        let res = app.login_with(&en, COUNTY.0, "fel").await;
        assert_eq!(res.status(), 401, "{}", app.backend());
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("The e-mail address or the password is wrong."),
            "{}",
            app.backend()
        );

        // The address is not case sensitive.
        let res = app
            .login_with(&app.client(), &COUNTY.0.to_uppercase(), COUNTY.1)
            .await;
        assert_eq!(res.status(), 303, "{}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn after_login_a_visitor_returns_to_the_asked_page_and_only_to_local_paths() {
    for app in TestApp::all().await {
        let savja = app.centre("Sävja familjecentral").await;
        let local = format!("/centres/{savja}?x=1");
        assert_eq!(
            login_to(&app, &local).await,
            (303, Some(local.clone())),
            "{}",
            app.backend()
        );
        for evil in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(
                login_to(&app, evil).await,
                (303, Some("/".to_string())),
                "{}: next={evil:?}",
                app.backend()
            );
        }

        // A visitor sent to the login page comes back to the page they asked for.
        let client = app.client();
        let res = client
            .get(app.url(&format!("/centres/{savja}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{}", app.backend());
        let login = res.headers()["location"].to_str().unwrap().to_string();
        assert_eq!(
            login,
            format!("/login?next=%2Fcentres%2F{savja}"),
            "{}",
            app.backend()
        );
        let (status, html) = app.get(&client, &login).await;
        assert_eq!(status, 200, "{}", app.backend());
        assert!(
            html.contains(&format!("name=\"next\" value=\"/centres/{savja}\"")),
            "{}",
            app.backend()
        );
        let csrf = csrf_in(&html).unwrap();
        let r = app
            .post_fields(
                &client,
                "/login",
                &[
                    ("csrf", csrf.as_str()),
                    ("email", READER.0),
                    ("password", READER.1),
                    ("next", &format!("/centres/{savja}")),
                ],
            )
            .await;
        assert_eq!(r.location, Some(format!("/centres/{savja}")), "{}", app.backend());
        assert_eq!(
            app.get(&client, &format!("/centres/{savja}")).await.0,
            200,
            "{}",
            app.backend()
        );
        // Logged in, the login page sends on.
        let res = client.get(app.url("/login?next=/regions")).send().await.unwrap();
        assert_eq!(res.headers()["location"], "/regions", "{}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn logging_in_starts_a_new_session_and_logging_out_ends_it() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        // A visitor gets the form's token in a cookie of its own, and no session.
        let client = app.client();
        let res = client.get(app.url("/login")).send().await.unwrap();
        assert_eq!(session_cookie(&res), None, "{b}: no session before logging in");
        assert!(
            cookie(&res, "samverka_csrf").is_some(),
            "{b}: the form's token in a cookie"
        );
        let html = res.text().await.unwrap();
        let csrf = csrf_in(&html).unwrap();
        let res = client
            .post(app.url("/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", COUNTY.0),
                ("password", COUNTY.1),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{b}");
        let first = session_cookie(&res).expect("a session cookie");

        // Logging in again on the same browser gives a new session id; the old one is worth nothing.
        let csrf = app.session_csrf(&client).await;
        let res = client
            .post(app.url("/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", READER.0),
                ("password", READER.1),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{b}");
        let second = session_cookie(&res).expect("a new session cookie");
        assert_ne!(first, second, "{b}: the session id changes");
        let res = with_cookie(&first)
            .get(app.url(&format!("/regions/{uppsala}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{b}: the old id is not logged in");
        let res = with_cookie(&second)
            .get(app.url(&format!("/regions/{uppsala}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{b}");

        // Logging out ends the session.
        let client = app.client();
        let res = app.login_with(&client, COUNTY.0, COUNTY.1).await;
        let cookie = session_cookie(&res).expect("session cookie");
        assert_eq!(
            app.get(&client, &format!("/regions/{uppsala}")).await.0,
            200,
            "{b}"
        );

        let r = app.submit(&client, "/logout", &[]).await;
        assert_eq!((r.status, r.location.as_deref()), (303, Some("/login")), "{b}");
        let res = client
            .get(app.url(&format!("/regions/{uppsala}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{b}");
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login?next="),
            "{b}"
        );

        // The old cookie, kept by someone, is worth nothing now.
        let res = with_cookie(&cookie)
            .get(app.url(&format!("/regions/{uppsala}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_fourth_attempt_after_three_failed_logins_is_refused_with_429() {
    let mut setup = Setup::default();
    setup.app.login = LoginLimits {
        address_failures: 3,
        ..setup.app.login
    };
    let app = TestApp::start(TestDb::sqlite().await, setup).await;
    let client = app.client();
    for attempt in 1..=3 {
        let res = app.login_with(&client, COUNTY.0, "gissning").await;
        assert_eq!(res.status(), 401, "{}: attempt {attempt}", app.backend());
    }
    let res = app.login_with(&client, COUNTY.0, COUNTY.1).await;
    assert_eq!(
        res.status(),
        429,
        "{}: even with the right password",
        app.backend()
    );
    let uppsala = app.uppsala().await;
    let res = client
        .get(app.url(&format!("/regions/{uppsala}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{}: not logged in", app.backend());
    // Other pages are not limited.
    assert_eq!(app.get(&client, "/login").await.0, 200, "{}", app.backend());
    assert_eq!(app.get(&client, "/healthz").await.0, 200, "{}", app.backend());
    app.stop().await;
}
