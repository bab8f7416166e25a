//! A running samverka for tests: a real server on a free port, a real
//! database (SQLite file, and PostgreSQL when it answers), the demo county
//! loaded through the application, and request helpers that read like the
//! domain. Test data is made with the application's loader ([`TestApp::seed`])
//! and the builders in [`builders`]; assertions may read the store directly.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod builders;
pub mod callers;
pub mod clock;
pub mod fixtures;
pub mod html;
pub mod mail;
pub mod sessions;

use std::net::SocketAddr;
use std::sync::Arc;

use chrono::NaiveDate;
use samverka_app::seed::Seeder;
use samverka_app::testing::TestDb;
use samverka_app::{App, AppConfig, Clock, FixedClock, LoginLimits, MailConfig};
use samverka_store::accounts::users;
use samverka_store::registry::{centres, municipalities, regions};
use samverka_store::{Db, DbOptions, ReadConn};
use samverka_web::{AppState, WebConfig};

/// Demo accounts (see crates/demo).
/// The day every test runs on unless it sets its own clock: the demo data
/// is dated relative to it, and nothing a test asserts depends on the day the
/// suite happens to be run.
pub const TEST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 23) {
    Some(d) => d,
    None => panic!("a valid date"),
};

pub const ADMIN: (&str, &str) = ("admin@demo.samverka.se", "demo-admin");
pub const COUNTY: (&str, &str) = ("lan@uppsala.demo.samverka.se", "demo-lan");
pub const LOCAL_SAVJA: (&str, &str) = ("lokal.savja@uppsala.demo.samverka.se", "demo-savja");
pub const LOCAL_HEBY: (&str, &str) = ("lokal.heby@uppsala.demo.samverka.se", "demo-heby");
pub const READER: (&str, &str) = ("lasare@uppsala.demo.samverka.se", "demo-lasare");
pub const OTHER_COUNTY: (&str, &str) = ("lan@sydslatt.demo.samverka.se", "demo-sydslatt");

/// A server with the demo county.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// The application behind it.
    pub app: App,
    /// The database behind it (for assertions and for breaking it on purpose).
    pub db: Db,
    test_db: Option<TestDb>,
    server: tokio::task::JoinHandle<()>,
}

/// Settings for a test server.
#[derive(Clone)]
pub struct Setup {
    /// The web layer's settings.
    pub web: WebConfig,
    /// The application's settings.
    pub app: AppConfig,
    /// The clock (default: the system's).
    pub clock: Arc<dyn Clock>,
    /// Load the demo county first (default: yes).
    pub demo: bool,
    /// Serve through a pool of its own with these options (default: the
    /// test database's pool).
    pub db_options: Option<DbOptions>,
}

impl Default for Setup {
    fn default() -> Self {
        let defaults = AppConfig::default();
        let app = AppConfig {
            // Tests log in many times from one address; the throttle has tests of its own.
            login: LoginLimits {
                address_failures: 1000,
                account_failures: 1000,
                ..LoginLimits::default()
            },
            mail: MailConfig {
                outbox_dir: std::env::temp_dir().join("samverka-test-outbox"),
                ..defaults.mail.clone()
            },
            ..defaults
        };
        Setup {
            web: WebConfig::default(),
            app,
            clock: Arc::new(FixedClock::on(TEST_DAY)),
            demo: true,
            db_options: None,
        }
    }
}

impl Setup {
    /// The same settings on a clock fixed on a day.
    pub fn on(mut self, day: NaiveDate) -> Setup {
        self.clock = Arc::new(FixedClock::on(day));
        self
    }
}

impl TestApp {
    /// One app per available backend (SQLite always; PostgreSQL when it answers).
    pub async fn all() -> Vec<TestApp> {
        TestApp::all_with(Setup::default()).await
    }

    /// One app per available backend, with settings.
    pub async fn all_with(setup: Setup) -> Vec<TestApp> {
        let mut apps = Vec::new();
        for t in TestDb::all().await {
            apps.push(TestApp::start(t, setup.clone()).await);
        }
        apps
    }

    /// An app on SQLite only (for tests of the web layer that do not depend on the backend).
    pub async fn sqlite() -> TestApp {
        TestApp::start(TestDb::sqlite().await, Setup::default()).await
    }

    /// Starts a server on the given database with the given settings, after
    /// loading the demo county (unless told not to).
    pub async fn start(t: TestDb, setup: Setup) -> TestApp {
        let mut config = setup.app.clone();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        config.public_url = format!("http://{addr}");
        let db = match &setup.db_options {
            Some(opts) => Db::connect_with(&t.url, opts).await.unwrap(),
            None => t.db.clone(),
        };
        let app = App::new(db.clone(), config, setup.clock.clone());
        if setup.demo {
            // The survey rounds each test needs are made by the test.
            samverka_demo::load_county_without_surveys(&app.cli())
                .await
                .expect("demo data");
        }
        let state = AppState::new(app.clone(), setup.web.clone());
        let router = samverka_web::router(state).into_make_service_with_connect_info::<SocketAddr>();
        let server = tokio::spawn(async move {
            axum::serve(listener, router).await.ok();
        });
        TestApp {
            base: format!("http://{addr}"),
            app,
            db,
            test_db: Some(t),
            server,
        }
    }

    /// A connection for reading the store in assertions.
    pub async fn conn(&self) -> ReadConn {
        self.db.read().await.unwrap()
    }

    /// A loader for test data, as the command line (commit it when done).
    pub async fn seed(&self) -> Seeder {
        Seeder::begin(&self.app.cli()).await.unwrap()
    }

    /// Today by the application's clock.
    pub fn today(&self) -> NaiveDate {
        self.app.today()
    }

    /// The command line's context (every right), for setting up what the
    /// loader cannot (changing a group, ending a seat, erasing a person).
    pub fn cli(&self) -> samverka_app::Ctx {
        self.app.cli()
    }

    /// An account as stored, by e-mail.
    pub async fn account(&self, email: &str) -> Option<samverka_core::Account> {
        users::find_by_email(&mut *self.conn().await, email)
            .await
            .unwrap()
    }

    /// An account's grants as stored, blocked ones included.
    pub async fn grants(&self, user_id: i64) -> Vec<users::StoredGrant> {
        users::grants(&mut *self.conn().await, user_id).await.unwrap()
    }

    /// The id of the newest entry of the audit trail of a region (or of all,
    /// for `None`): equal before and after means nothing was recorded.
    pub async fn last_audit_id(&self, region: Option<i64>) -> Option<i64> {
        self.audit(region, 1).await.first().map(|e| e.id)
    }

    /// The newest entries of the audit trail of a region (or of all, for `None`).
    pub async fn audit(&self, region: Option<i64>, limit: i64) -> Vec<samverka_app::AuditEntry> {
        samverka_store::audit::list(&mut *self.conn().await, region, None, limit)
            .await
            .unwrap()
    }

    /// The backend's name, for assertion messages.
    pub fn backend(&self) -> &'static str {
        self.test_db.as_ref().map(|t| t.name()).unwrap_or("?")
    }

    /// Takes the database away as an outage would (`false`) or brings it
    /// back (`true`); only PostgreSQL can, and says so by returning `true`.
    pub async fn allow_connections(&self, allow: bool) -> bool {
        match &self.test_db {
            Some(t) => t.allow_connections(allow).await,
            None => false,
        }
    }

    /// Stops the server and removes the database.
    pub async fn stop(mut self) {
        self.server.abort();
        if let Some(t) = self.test_db.take() {
            t.cleanup().await;
        }
    }

    /// A URL on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// A client logged in as the given account.
    pub async fn login(&self, (email, password): (&str, &str)) -> reqwest::Client {
        let client = self.client();
        let res = self.login_with(&client, email, password).await;
        assert_eq!(res.status(), 303, "login as {email} on {}", self.backend());
        client
    }

    /// Posts the login form; returns the answer.
    pub async fn login_with(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        self.login_request(client, email, password)
            .await
            .send()
            .await
            .unwrap()
    }

    /// The login form's post, ready to send (with a header added, say).
    pub async fn login_request(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::RequestBuilder {
        let csrf = self.csrf(client, "/login").await;
        client.post(self.url("/login")).form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
            ("next", "/"),
        ])
    }

    /// The CSRF token of the client's session, read from a page's form.
    pub async fn csrf(&self, client: &reqwest::Client, path: &str) -> String {
        let html = client
            .get(self.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        csrf_in(&html).unwrap_or_else(|| panic!("no csrf field on {path}"))
    }

    /// GETs a page; returns status and body.
    pub async fn get(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let res = client.get(self.url(path)).send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.text().await.unwrap_or_default())
    }

    /// Posts a form with the session's CSRF token added; returns status, Location and body.
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (u16, Option<String>, String) {
        // `/` redirects every account with one region, so follow it to a form.
        let csrf = self.session_csrf(client).await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        let res = client.post(self.url(path)).form(&all).send().await.unwrap();
        let status = res.status().as_u16();
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        (status, location, res.text().await.unwrap_or_default())
    }

    /// A new API token for an account.
    pub async fn token(&self, email: &str) -> String {
        let ctx = self.app.cli();
        let account = samverka_app::accounts::manage::find(&ctx, email)
            .await
            .expect("account");
        let draft = samverka_app::accounts::tokens::TokenDraft {
            label: "test".into(),
            expires_on: String::new(),
        };
        samverka_app::accounts::tokens::create(&ctx, account.id, &draft)
            .await
            .unwrap()
            .1
    }

    /// An account's id by e-mail.
    pub async fn user_id(&self, email: &str) -> i64 {
        samverka_app::accounts::manage::find(&self.app.cli(), email)
            .await
            .expect("account")
            .id
    }

    /// The id of Region Uppsala.
    pub async fn uppsala(&self) -> i64 {
        regions::find(&mut *self.conn().await, "Region Uppsala")
            .await
            .unwrap()
            .id
    }

    /// The id of the fictional second region.
    pub async fn other_region(&self) -> i64 {
        regions::find(&mut *self.conn().await, "99").await.unwrap().id
    }

    /// A centre's id by name.
    pub async fn centre(&self, name: &str) -> i64 {
        centres::list(&mut *self.conn().await, None)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no centre {name}"))
            .id
    }
}

/// The value of the first hidden `csrf` field in a page.
pub fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[at..].find('"')?;
    Some(html[at..at + end].to_string())
}

/// An answer to a form post: status, where it redirects, and the body.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// The `Location` header, on redirects.
    pub location: Option<String>,
    /// The body (an HTML page, or empty on redirects).
    pub body: String,
}

impl Reply {
    async fn of(res: reqwest::Response) -> Reply {
        let status = res.status().as_u16();
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        Reply {
            status,
            location,
            body: res.text().await.unwrap_or_default(),
        }
    }

    /// Whether this is the redirect to the login page that visitors without a session get.
    pub fn is_login_redirect(&self) -> bool {
        self.status == 303
            && self
                .location
                .as_deref()
                .is_some_and(|l| l == "/login" || l.starts_with("/login?"))
    }
}

/// The boundary of the multipart bodies [`TestApp::upload`] builds.
const BOUNDARY: &str = "samverka-test-boundary-7f3a";

impl TestApp {
    /// A client like [`TestApp::client`] that asks for a language (`Accept-Language`).
    pub fn client_in(&self, lang: &str) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::ACCEPT_LANGUAGE,
            reqwest::header::HeaderValue::from_str(lang).unwrap(),
        );
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .unwrap()
    }

    /// A client that asks for `lang`, logged in as the given account.
    pub async fn login_in(&self, lang: &str, (email, password): (&str, &str)) -> reqwest::Client {
        let client = self.client_in(lang);
        let res = self.login_with(&client, email, password).await;
        assert_eq!(res.status(), 303, "login as {email} on {}", self.backend());
        client
    }

    /// The CSRF token of the client's session, read from the page `/` leads to
    /// (the overview for most accounts, the login form for visitors).
    pub async fn session_csrf(&self, client: &reqwest::Client) -> String {
        let mut path = "/".to_string();
        for _ in 0..4 {
            let res = client.get(self.url(&path)).send().await.unwrap();
            if res.status().is_redirection() {
                path = res.headers()["location"].to_str().unwrap().to_string();
                continue;
            }
            let html = res.text().await.unwrap();
            return csrf_in(&html).unwrap_or_else(|| panic!("no csrf field on {path}"));
        }
        panic!("too many redirects from / on {}", self.backend());
    }

    /// Posts a form as it is, with whatever `csrf` field the caller put in (or none).
    pub async fn post_fields(&self, client: &reqwest::Client, path: &str, fields: &[(&str, &str)]) -> Reply {
        Reply::of(client.post(self.url(path)).form(fields).send().await.unwrap()).await
    }

    /// Posts a form with the session's CSRF token added, as the browser does.
    pub async fn submit(&self, client: &reqwest::Client, path: &str, fields: &[(&str, &str)]) -> Reply {
        let csrf = self.session_csrf(client).await;
        self.submit_with(client, &csrf, path, fields).await
    }

    /// Posts a form with a known CSRF token added.
    pub async fn submit_with(
        &self,
        client: &reqwest::Client,
        csrf: &str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Reply {
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf)];
        all.extend_from_slice(fields);
        self.post_fields(client, path, &all).await
    }

    /// Uploads a file as `multipart/form-data` in the field `file`. `path` is
    /// the form's action, with the CSRF token in its query string if the test wants one.
    pub async fn upload(
        &self,
        client: &reqwest::Client,
        path: &str,
        file_name: &str,
        content: &str,
    ) -> Reply {
        let body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: text/csv\r\n\r\n{content}\r\n--{BOUNDARY}--\r\n"
        );
        let res = client
            .post(self.url(path))
            .header(
                reqwest::header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body)
            .send()
            .await
            .unwrap();
        Reply::of(res).await
    }

    /// Calls the API: method, path, bearer token (none for anonymous) and JSON
    /// body (none, or any text — it is sent as `application/json` as it is).
    /// Returns the status and the parsed answer (`Null` when it is not JSON).
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<&str>,
    ) -> (u16, serde_json::Value) {
        let mut req = reqwest::Client::new().request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(b.to_string());
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        let text = res.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        )
    }

    /// `GET` on the API with a token.
    pub async fn api_get(&self, token: &str, path: &str) -> (u16, serde_json::Value) {
        self.api(reqwest::Method::GET, path, Some(token), None).await
    }

    /// A centre as stored.
    pub async fn stored_centre(&self, id: i64) -> samverka_core::Centre {
        centres::get(&mut *self.conn().await, id).await.unwrap()
    }

    /// A unit of a centre by its service code (`mhv`, `bhv`, `of`, `soc`, `other`).
    pub async fn unit_of(&self, centre_id: i64, service: &str) -> samverka_core::Unit {
        centres::units(&mut *self.conn().await, centre_id)
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.service.code() == service)
            .unwrap_or_else(|| panic!("centre {centre_id} has no {service} unit"))
    }

    /// A centre's premises, by name.
    pub async fn premises_of(&self, centre_id: i64) -> Vec<samverka_core::Premises> {
        samverka_store::registry::premises::of_centre(&mut *self.conn().await, centre_id)
            .await
            .unwrap()
    }

    /// The id of a municipality by name.
    pub async fn municipality(&self, name: &str) -> i64 {
        municipalities::list(&mut *self.conn().await, None)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("no municipality {name}"))
            .id
    }

    /// Makes an account through the loader, with a password (hashing takes
    /// a moment) or none (it cannot log in).
    pub async fn add_account(
        &self,
        email: &str,
        password: Option<&str>,
        grants: &[samverka_core::Grant],
    ) -> i64 {
        let hash = match password {
            Some(p) => samverka_app::seed::hash_password(p).unwrap(),
            None => "!".to_string(),
        };
        let mut seed = self.seed().await;
        let id = seed.account(email, "Testkonto", &hash, grants).await.unwrap();
        seed.commit().await.unwrap();
        id
    }
}

/// A centre's form fields as the edit form would send them unchanged.
pub fn centre_fields(c: &samverka_core::Centre) -> Vec<(&'static str, String)> {
    vec![
        ("name", c.name.clone()),
        ("municipality_id", c.municipality_id.to_string()),
        ("address", c.address.clone().unwrap_or_default()),
        (
            "opened_on",
            c.opened_on.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "shared_opening_hours",
            c.shared_opening_minutes
                .map(samverka_core::hours::format_hours)
                .unwrap_or_default(),
        ),
    ]
}

/// A unit's form fields as the edit form would send them unchanged.
pub fn unit_fields(u: &samverka_core::Unit) -> Vec<(&'static str, String)> {
    let yes_no = |v: Option<bool>| match v {
        Some(true) => "yes".to_string(),
        Some(false) => "no".to_string(),
        None => String::new(),
    };
    vec![
        ("service", u.service.code().to_string()),
        ("name", u.name.clone().unwrap_or_default()),
        (
            "principal_kind",
            u.principal_kind.map(|k| k.code().to_string()).unwrap_or_default(),
        ),
        ("principal_name", u.principal_name.clone().unwrap_or_default()),
        (
            "premises_id",
            u.premises_id.map(|p| p.to_string()).unwrap_or_default(),
        ),
        ("full_operation", yes_no(u.full_operation)),
        (
            "hours_per_week",
            u.minutes_per_week
                .map(samverka_core::hours::format_hours)
                .unwrap_or_default(),
        ),
    ]
}

/// Borrows owned form fields for posting.
pub fn borrowed<'a>(fields: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Replaces one field's value.
pub fn with(mut fields: Vec<(&'static str, String)>, key: &str, value: &str) -> Vec<(&'static str, String)> {
    for (k, v) in &mut fields {
        if *k == key {
            *v = value.to_string();
        }
    }
    fields
}

/// HTML entities decoded, numeric ones too (`&#60;` and `&lt;` both become `<`).
pub fn unescape(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The visible text of a page with every entity decoded and whitespace folded
/// (no-break spaces are kept, so numbers like `17 571` stay recognisable).
pub fn page_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
        .split([' ', '\n', '\t', '\r'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts the API's error shape: `{"errors": [{"detail": "...", "field"?: "..."}]}`.
pub fn assert_error_shape(json: &serde_json::Value, context: &str) {
    let errors = json["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("{context}: no errors list in {json}"));
    assert!(!errors.is_empty(), "{context}: {json}");
    for e in errors {
        assert!(
            e["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{context}: {json}"
        );
        assert!(
            e.get("field").is_none_or(serde_json::Value::is_string),
            "{context}: {json}"
        );
    }
}

/// The centre of an API list (`{"centres": [...]}`) with this name.
pub fn centre_named<'a>(list: &'a serde_json::Value, name: &str) -> Option<&'a serde_json::Value> {
    list["centres"].as_array()?.iter().find(|c| c["name"] == name)
}

impl TestApp {
    /// A centre's API body as it is now, for a `PUT` that changes nothing.
    pub async fn centre_body(&self, id: i64) -> serde_json::Value {
        let c = self.stored_centre(id).await;
        serde_json::json!({
            "municipality_id": c.municipality_id,
            "name": c.name,
            "address": c.address,
            "opened_on": c.opened_on.map(|d| d.to_string()),
            "shared_opening_hours": c.shared_opening_minutes.map(samverka_core::hours::format_hours),
        })
    }
}
