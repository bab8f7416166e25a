//! Looking at login sessions as stored: which row a browser holds, and how
//! many there are.

use reqwest::cookie::CookieStore;
use samverka_store::accounts::sessions;

use super::TestApp;

/// A browser whose cookies the test can read.
pub struct Browser {
    /// The client, with the jar below.
    pub client: reqwest::Client,
    /// Its cookies.
    pub jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl TestApp {
    /// A browser-like client whose cookie jar the test can look into.
    pub fn browser(&self) -> Browser {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser { client, jar }
    }

    /// A browser logged in as the given account.
    pub async fn browser_as(&self, (email, password): (&str, &str)) -> Browser {
        let b = self.browser();
        let res = self.login_with(&b.client, email, password).await;
        assert_eq!(res.status(), 303, "login as {email} on {}", self.backend());
        b
    }

    /// The value of a cookie the browser holds for this server.
    pub fn cookie(&self, b: &Browser, name: &str) -> Option<String> {
        let url: reqwest::Url = self.base.parse().unwrap();
        let header = b.jar.cookies(&url)?;
        header.to_str().ok()?.split("; ").find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k == name).then(|| v.to_string())
        })
    }

    /// The stored session row (its data and expiry) behind a browser's
    /// session cookie, if there is one.
    pub async fn session_row(&self, b: &Browser) -> Option<(String, i64)> {
        let id = self.cookie(b, "samverka_session")?;
        sessions::load(&mut *self.conn().await, &id).await.unwrap()
    }

    /// How many session rows there are, anonymous ones included.
    pub async fn session_count(&self) -> i64 {
        sessions::count_all(&mut *self.conn().await).await.unwrap()
    }

    /// How many sessions an account has.
    pub async fn sessions_of(&self, email: &str) -> i64 {
        let id = self.user_id(email).await;
        sessions::count_for_user(&mut *self.conn().await, id)
            .await
            .unwrap()
    }
}
