//! What the benches share: a real server on an SQLite file, logging in the
//! way a browser does, and the statistics they print.
#![allow(dead_code)]

pub mod visitors;

/// The allocator of the `samverka` binary, so that the server here runs as
/// it does there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use samverka_app::{App, AppConfig, SystemClock};
use samverka_web::{AppState, WebConfig};
use tokio::runtime::Runtime;

/// Which demo data the server gets.
#[derive(Debug, Clone, Copy)]
pub enum Data {
    /// Uppsala county and the fictional region (`samverka demo`).
    County,
    /// The synthetic country (`samverka demo --scale national`).
    National,
}

/// A running server on its own runtime, with its SQLite file.
pub struct Server {
    /// Removed when the server goes.
    _dir: tempfile::TempDir,
    /// Runs the server and its database pool on threads of its own.
    pub runtime: Runtime,
    /// The application behind the server (for setting up data).
    pub app: App,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// The SQLite file.
    pub file: std::path::PathBuf,
}

impl Server {
    /// Fills a new SQLite file with demo data and starts the full router
    /// (every middleware) on a free port, the way `samverka serve` opens
    /// the database.
    pub fn start(data: Data) -> Server {
        Server::start_with(data, WebConfig::default())
    }

    /// Like [`Server::start`], with the web layer's settings.
    pub fn start_with(data: Data, web: WebConfig) -> Server {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("bench.db");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("the server runtime");
        let started = Instant::now();
        let (app, addr) = runtime.block_on(async {
            let url = file.to_str().expect("a UTF-8 path");
            let app = App::open(url, AppConfig::default(), Arc::new(SystemClock))
                .await
                .expect("the SQLite database");
            match data {
                Data::County => {
                    samverka_demo::load_county(&app).await.expect("the county demo");
                }
                Data::National => {
                    samverka_demo::load_national(&app, &|_, _| {})
                        .await
                        .expect("the national demo");
                }
            }
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("a free port");
            let addr: SocketAddr = listener.local_addr().expect("the bound address");
            let router = samverka_web::router(AppState::new(app.clone(), web))
                .into_make_service_with_connect_info::<SocketAddr>();
            tokio::spawn(async move {
                if let Err(e) = axum::serve(listener, router).await {
                    eprintln!("server stopped: {e}");
                }
            });
            (app, addr)
        });
        eprintln!(
            "{data:?} demo loaded into {} in {:.1} s",
            file.display(),
            started.elapsed().as_secs_f64()
        );
        Server {
            _dir: dir,
            file,
            runtime,
            app,
            base: format!("http://{addr}"),
        }
    }

    /// The address of a path on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// A client that keeps cookies and does not follow redirects.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("an HTTP client")
}

/// Logs in as `email` the way a browser does: the form, its CSRF field, the post.
pub async fn log_in(base: &str, email: &str, password: &str) -> reqwest::Client {
    let client = client();
    let form = client
        .get(format!("{base}/login"))
        .send()
        .await
        .expect("GET /login")
        .text()
        .await
        .expect("the login page");
    let marker = "name=\"csrf\" value=\"";
    let at = form.find(marker).expect("a csrf field on the login page") + marker.len();
    let csrf = &form[at..at + form[at..].find('"').expect("the end of the csrf value")];
    let res = client
        .post(format!("{base}/login"))
        .form(&[
            ("csrf", csrf),
            ("email", email),
            ("password", password),
            ("next", "/"),
        ])
        .send()
        .await
        .expect("POST /login");
    assert!(
        res.status().is_redirection(),
        "logging in answered {} instead of a redirect",
        res.status()
    );
    client
}

/// One full round trip: the status and the length of the whole body.
pub async fn fetch(client: &reqwest::Client, url: &str) -> (u16, usize) {
    let res = client.get(url).send().await.expect("the request");
    let status = res.status().as_u16();
    let body = res.bytes().await.expect("the body");
    (status, body.len())
}

/// The median of some timings.
pub fn median(times: &[Duration]) -> Option<Duration> {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

/// The `p`th percentile of some timings.
pub fn percentile(times: &[Duration], p: usize) -> Option<Duration> {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let last = sorted.len().checked_sub(1)?;
    sorted.get(last * p / 100).copied()
}

/// Milliseconds, for printing.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
