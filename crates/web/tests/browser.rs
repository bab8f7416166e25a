//! The pages in a real browser: headless Chromium driven through
//! chromedriver (WebDriver) with fantoccini, against a real server on SQLite
//! with the demo county.
//!
//! - a local coordinator logs in, changes a unit so the centre's
//!   classification changes, and sees the new classification on the centre
//!   page and in the overview;
//! - axe-core finds no WCAG 2.1 A/AA violations on the login page, the county
//!   overview, a centre page (with its premises), a survey round's results page
//!   (as it is and with merged steps and its trend), one's own account page, the
//!   unit and premises forms, and forms showing validation errors; nor on a
//!   survey round's pages: the rounds list, the round form, a round with its
//!   invitations form, the poster, the paper form (also right to left), the
//!   paper entry form, the exports form and an export's page;
//! - the poster fills one A4 page and the paper form prints on A4 with
//!   nothing cut off;
//! - at phone width the overview does not scroll sideways (only its table does);
//! - the county coordinator records a steering-group meeting with attendance,
//!   minutes and a decision and publishes the minutes; a management-group
//!   member of another centre governed by the same steering group reads them.
//!
//! Needs `/usr/bin/chromedriver` and `/usr/bin/chromium` (Debian's `chromium`
//! and `chromium-driver`; override with `SAMVERKA_CHROMEDRIVER` and
//! `SAMVERKA_CHROMIUM`) and axe-core from npm (`SAMVERKA_AXE_JS`, else
//! `target/axe/node_modules/axe-core/axe.min.js`, installed by
//! `npm install --prefix target/axe axe-core@4`). Without them each test prints
//! `SKIPPED browser tests: …` and returns — unless `SAMVERKA_REQUIRE_BROWSER=1`,
//! then it fails. Nothing is downloaded at test time.
//!
//! Screenshots land in the temp directory (`samverka-overview.png`,
//! `samverka-centre.png`, `samverka-centre-form-errors.png`, `samverka-results.png`,
//! `samverka-overview-phone.png`, `samverka-poster-print.png`,
//! `samverka-paper-sv-print.png`, `samverka-paper-ar-print.png`) for a human to look at.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "app/support/mod.rs"]
mod support;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use support::{LOCAL_SAVJA, TestApp};

const SAVJA: &str = "Sävja familjecentral";
const WIDE: (u32, u32) = (1280, 900);
const PHONE: (u32, u32) = (375, 800);
/// A common laptop screen.
const LAPTOP: (u32, u32) = (1366, 900);
/// A common phone screen.
const PHONE_390: (u32, u32) = (390, 844);
/// The printable width of A4 at 96 px per inch: portrait 210 mm less the
/// stylesheet's 12 mm margins, landscape 297 mm less 10 mm margins.
const A4_PORTRAIT_PX: f64 = (210.0 - 24.0) / 25.4 * 96.0;
const A4_LANDSCAPE_PX: f64 = (297.0 - 20.0) / 25.4 * 96.0;
/// The printable width and height of A4 portrait for a round's poster and
/// paper form, which the stylesheet prints with 15 mm margins.
const A4_FORM_PX: (f64, f64) = ((210.0 - 30.0) / 25.4 * 96.0, (297.0 - 30.0) / 25.4 * 96.0);

// ---------------------------------------------------------------------------
// Skipping loudly

/// Why the browser tests cannot run here: print it loudly and skip, or fail
/// when `SAMVERKA_REQUIRE_BROWSER=1`.
fn unavailable(why: &str) {
    if std::env::var("SAMVERKA_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!("browser tests required (SAMVERKA_REQUIRE_BROWSER=1) but cannot run: {why}");
    }
    // One write, so parallel tests cannot split the line.
    let rule = "=".repeat(70);
    eprintln!("\n{rule}\nSKIPPED browser tests: {why}\n{rule}\n");
}

fn tool(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}

/// The axe-core script, or why there is none.
fn axe_source() -> Result<String, String> {
    let path = match std::env::var_os("SAMVERKA_AXE_JS") {
        Some(p) => PathBuf::from(p),
        None => {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/axe/node_modules/axe-core/axe.min.js")
        }
    };
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "axe-core not found at {} ({e}); run `npm install --prefix target/axe axe-core@4 --no-audit --no-fund` or set SAMVERKA_AXE_JS",
            path.display()
        )
    })
}

// ---------------------------------------------------------------------------
// chromedriver and the browser

/// A chromedriver process of our own, with a fresh Chromium profile. Dropping
/// it (also while a failing test unwinds) ends chromedriver and every browser
/// process it started, and removes the profile.
struct Driver {
    child: Child,
    port: u16,
    profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // chromedriver runs in its own process group, with the browsers it
        // starts: end the whole group, then reap chromedriver.
        let group = format!("-{}", self.child.id());
        Command::new("kill")
            .args(["-KILL", "--", &group])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok();
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Driver {
    /// Starts chromedriver and waits until it answers, or says why it cannot.
    async fn start() -> Result<Driver, String> {
        let chromedriver = tool("SAMVERKA_CHROMEDRIVER", "/usr/bin/chromedriver");
        let chromium = tool("SAMVERKA_CHROMIUM", "/usr/bin/chromium");
        for (what, path) in [("chromedriver", &chromedriver), ("chromium", &chromium)] {
            if !path.is_file() {
                return Err(format!(
                    "{what} not found at {} (apt-get install chromium chromium-driver)",
                    path.display()
                ));
            }
        }
        let profile = tempfile::Builder::new()
            .prefix("samverka-chromium-")
            .tempdir()
            .map_err(|e| format!("no temp dir: {e}"))?;
        let port = free_port();
        let log = profile.path().join("chromedriver.log");
        let child = {
            use std::os::unix::process::CommandExt;
            Command::new(&chromedriver)
                .arg(format!("--port={port}"))
                .arg(format!("--log-path={}", log.display()))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .map_err(|e| format!("could not start {}: {e}", chromedriver.display()))?
        };
        let driver = Driver { child, port, profile };

        let status = format!("http://127.0.0.1:{port}/status");
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(res) = http.get(&status).send().await
                && let Ok(v) = res.json::<Value>().await
                && v["value"]["ready"] == json!(true)
            {
                return Ok(driver);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "chromedriver did not answer on {status} within 20 s (log: {})",
                    log.display()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// A new headless Chromium session, Swedish first, at the given window size.
    async fn browser(&self, (width, height): (u32, u32)) -> Result<Client, String> {
        let chromium = tool("SAMVERKA_CHROMIUM", "/usr/bin/chromium");
        let args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--lang=sv-SE".into(),
            format!("--window-size={width},{height}"),
            format!(
                "--user-data-dir={}",
                self.profile.path().join("profile").display()
            ),
        ];
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": args,
                "prefs": { "intl.accept_languages": "sv-SE,sv" },
            },
        });
        let serde_json::Value::Object(caps) = caps else {
            unreachable!()
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("chromedriver could not start Chromium: {e}"))?;
        client
            .set_window_size(width, height)
            .await
            .map_err(|e| format!("window size: {e}"))?;
        Ok(client)
    }
}

/// Sends one Chrome DevTools command through chromedriver (`goog/cdp/execute`).
async fn cdp(driver: &Driver, c: &Client, cmd: &str, params: Value) -> Value {
    let session = c.session_id().await.unwrap().expect("a session");
    let url = format!(
        "http://127.0.0.1:{}/session/{session}/goog/cdp/execute",
        driver.port
    );
    let res = reqwest::Client::new()
        .post(url)
        .json(&json!({ "cmd": cmd, "params": params }))
        .send()
        .await
        .unwrap();
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert!(status.is_success(), "{cmd}: {body}");
    body
}

/// Lays the page out as the printer would at a printable width: print media,
/// a viewport as wide as the paper less its margins. Returns how far the
/// page and anything in it reach past that width (0 when nothing is cut off),
/// with the page's measurements for the message (`height`: how far down its
/// content reaches); the layout is saved as a screenshot `name` in the temp
/// directory.
async fn overflow_in_print(driver: &Driver, c: &Client, width: f64, name: &str) -> (f64, Value) {
    cdp(
        driver,
        c,
        "Emulation.setEmulatedMedia",
        json!({ "media": "print" }),
    )
    .await;
    cdp(
        driver,
        c,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width.floor() as u32, "height": 1100, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let m = c
        .execute(
            "const w = window.innerWidth;
             let reach = document.documentElement.scrollWidth;
             let bottom = 0;
             const clipped = [];
             for (const el of document.querySelectorAll('main *')) {
               const r = el.getBoundingClientRect();
               if (r.width === 0 || r.height === 0) continue;
               if (el.closest('.visually-hidden')) continue;
               if (r.right > reach) reach = r.right;
               if (r.bottom + window.scrollY > bottom) bottom = r.bottom + window.scrollY;
               if (r.right > w + 0.5) clipped.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
             }
             for (const wrap of document.querySelectorAll('.table-wrap')) {
               if (wrap.scrollWidth > wrap.clientWidth + 1) clipped.push('table-wrap scrolls ' + wrap.scrollWidth + '>' + wrap.clientWidth);
             }
             return { inner: w, reach: reach, clipped: clipped.slice(0, 10),
                      height: Math.ceil(bottom),
                      print: window.matchMedia('print').matches };",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(m["print"], json!(true), "print media emulated: {m}");
    let inner = m["inner"].as_f64().unwrap();
    let reach = m["reach"].as_f64().unwrap();
    let clipped = m["clipped"].as_array().map_or(0, Vec::len);
    let over = if clipped > 0 {
        (reach - inner).max(1.0)
    } else {
        (reach - inner).max(0.0)
    };
    // What the printer lays out, for a human to look at.
    let full = c
        .execute("return document.documentElement.scrollHeight", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(1100)
        .clamp(1100, 6000);
    cdp(
        driver,
        c,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width.floor() as u32, "height": full, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await;
    let path = std::env::temp_dir().join(name);
    std::fs::write(&path, c.screenshot().await.unwrap()).unwrap();
    eprintln!("print layout: {}", path.display());
    cdp(driver, c, "Emulation.setEmulatedMedia", json!({ "media": "" })).await;
    cdp(driver, c, "Emulation.clearDeviceMetricsOverride", json!({})).await;
    (over, m)
}

/// chromedriver and a browser, or `None` after saying loudly why not.
async fn browser(size: (u32, u32)) -> Option<(Driver, Client)> {
    let driver = match Driver::start().await {
        Ok(d) => d,
        Err(why) => {
            unavailable(&why);
            return None;
        }
    };
    match driver.browser(size).await {
        Ok(c) => Some((driver, c)),
        Err(why) => {
            unavailable(&why);
            None
        }
    }
}

// ---------------------------------------------------------------------------
// Page helpers

/// Waits until the browser is on a page whose path satisfies `ok`.
async fn wait_for_path(c: &Client, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let url = c.current_url().await.unwrap();
        let ready = c.execute("return document.readyState", vec![]).await.unwrap();
        if ok(url.path()) && ready == json!("complete") {
            return url.path().to_string();
        }
        assert!(Instant::now() < deadline, "never reached {what}; still on {url}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn text_of(c: &Client, css: &str) -> String {
    let el = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await;
    let el = el.unwrap_or_else(|e| panic!("no {css} on the page: {e}"));
    el.text().await.unwrap().trim().to_string()
}

async fn body_text(c: &Client) -> String {
    text_of(c, "body").await
}

/// Clicks the page's main form's submit button (not the header's log-out button).
async fn submit_main_form(c: &Client) {
    c.find(Locator::Css("main form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Replaces the text in a form field the way a person would.
async fn type_into(c: &Client, css: &str, value: &str) {
    let field = c
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no field {css}: {e}"));
    field.clear().await.unwrap();
    if !value.is_empty() {
        field.send_keys(value).await.unwrap();
    }
}

/// Logs in through the login form.
async fn log_in(c: &Client, app: &TestApp, (email, password): (&str, &str)) {
    c.goto(&app.url("/login")).await.unwrap();
    assert_eq!(
        c.execute("return document.documentElement.lang", vec![])
            .await
            .unwrap(),
        json!("sv"),
        "pages in Swedish"
    );
    type_into(c, "#email", email).await;
    type_into(c, "#password", password).await;
    submit_main_form(c).await;
    wait_for_path(c, "a page after logging in", |p| p != "/login").await;
}

/// Where the classification is in an overview row: after the centre and its
/// municipality (the governance signals follow it).
const CLASSIFICATION_COLUMN: usize = 2;

/// The overview table's row for a centre: its cells' texts, in order.
async fn overview_row(c: &Client, centre: &str) -> Vec<String> {
    let xpath =
        format!("//table[contains(@class,'overview')]/tbody/tr[th/a[normalize-space(.)='{centre}']]/*");
    let cells = c.find_all(Locator::XPath(&xpath)).await.unwrap();
    assert!(!cells.is_empty(), "no row for {centre} in the overview");
    let mut out = Vec::new();
    for cell in cells {
        out.push(cell.text().await.unwrap().trim().to_string());
    }
    out
}

/// A screenshot of the whole page (the window grows to the page's height).
async fn screenshot(c: &Client, name: &str, (width, height): (u32, u32)) -> PathBuf {
    let full = c
        .execute("return document.documentElement.scrollHeight", vec![])
        .await
        .unwrap();
    let full = full
        .as_u64()
        .unwrap_or(u64::from(height))
        .clamp(u64::from(height), 6000) as u32;
    c.set_window_size(width, full).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let png = c.screenshot().await.unwrap();
    c.set_window_size(width, height).await.unwrap();
    let path = std::env::temp_dir().join(name);
    std::fs::write(&path, png).unwrap();
    eprintln!("screenshot: {}", path.display());
    path
}

/// Runs axe-core on the current page and adds a line naming the page and
/// its violations to `failures` when there are any.
async fn axe_into(c: &Client, axe_js: &str, page: &str, failures: &mut Vec<String>) {
    let v = axe(c, axe_js, page).await;
    if !v.is_empty() {
        failures.push(format!("{page}: {}", ids(&v)));
    }
}

/// Runs axe-core on the current page (WCAG 2.0/2.1 A and AA rules); returns
/// the violations, printed so the cause is clear.
async fn axe(c: &Client, axe_js: &str, page: &str) -> Vec<Value> {
    let loaded = c.execute("return typeof window.axe", vec![]).await.unwrap();
    if loaded != json!("object") {
        c.execute(axe_js, vec![]).await.unwrap();
        let loaded = c.execute("return typeof window.axe", vec![]).await.unwrap();
        assert_eq!(loaded, json!("object"), "axe-core did not load on {page}");
    }
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then(r => done({
            version: r.testEngine.version,
            passes: r.passes.length,
            incomplete: r.incomplete.map(v => v.id),
            violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => ({ target: n.target, html: n.html, summary: n.failureSummary })),
            })),
          }))
          .catch(e => done({ error: String(e) }));
    "#;
    let result = c.execute_async(script, vec![]).await.unwrap();
    assert!(
        result["error"].is_null(),
        "axe failed on {page}: {}",
        result["error"]
    );
    let violations = result["violations"].as_array().cloned().unwrap_or_default();
    eprintln!(
        "axe {} on {page}: {} rules passed, {} violation(s), needs review: {}",
        result["version"].as_str().unwrap_or("?"),
        result["passes"],
        violations.len(),
        result["incomplete"]
    );
    for v in &violations {
        eprintln!(
            "  VIOLATION {} [{}]: {} ({})",
            v["id"].as_str().unwrap_or("?"),
            v["impact"].as_str().unwrap_or("?"),
            v["help"].as_str().unwrap_or("?"),
            v["helpUrl"].as_str().unwrap_or("")
        );
        let nodes = v["nodes"].as_array().cloned().unwrap_or_default();
        for n in nodes.iter().take(3) {
            eprintln!(
                "    at {}  {}",
                n["target"],
                n["html"]
                    .as_str()
                    .unwrap_or("")
                    .chars()
                    .take(160)
                    .collect::<String>()
            );
            if let Some(s) = n["summary"].as_str() {
                for line in s.lines() {
                    eprintln!("      {line}");
                }
            }
        }
        if nodes.len() > 3 {
            eprintln!("    … and {} more", nodes.len() - 3);
        }
    }
    violations
}

// ---------------------------------------------------------------------------
// Tests

/// A local coordinator moves Sävja's social services out of the shared
/// premises into new ones, made from the unit form; Sävja is no longer a
/// Familjecentral, on its page and in the overview.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_unit_change_reclassifies_the_centre() {
    let Some((_driver, c)) = browser(WIDE).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let region = app.uppsala().await;

    log_in(&c, &app, LOCAL_SAVJA).await;
    // One region: straight to its overview.
    let overview = format!("/regions/{region}");
    wait_for_path(&c, "the overview", |p| p == overview).await;
    assert!(
        body_text(&c).await.contains("Demo Lokal samordnare Sävja"),
        "logged in as the Sävja coordinator"
    );
    let row = overview_row(&c, SAVJA).await;
    assert_eq!(
        row.get(CLASSIFICATION_COLUMN).map(String::as_str),
        Some("Familjecentral"),
        "Sävja before: {row:?}"
    );

    // To the centre page by its link.
    c.find(Locator::LinkText(SAVJA))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_path(&c, "Sävja's page", |p| p.starts_with("/centres/")).await;
    assert_eq!(text_of(&c, "h1").await, SAVJA);
    assert_eq!(text_of(&c, ".verdict").await, "Familjecentral");

    // "Ändra" on the social-services unit.
    let edit = "//table//tr[th[contains(., 'Förebyggande socialtjänst')]]//a[starts-with(normalize-space(.), 'Ändra')]";
    c.find(Locator::XPath(edit))
        .await
        .expect("an Ändra link on the social-services unit")
        .click()
        .await
        .unwrap();
    wait_for_path(&c, "the unit form", |p| {
        p.starts_with("/units/") && p.ends_with("/edit")
    })
    .await;
    let chosen = c
        .execute(
            "const r = document.querySelector('input[name=premises_id]:checked'); \
             return r && r.closest('label').textContent.trim();",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        chosen,
        json!("Sävjahuset, Sävja torg 1"),
        "the unit's premises are chosen"
    );
    click(&c, "input[name=premises_id][value=new]").await;
    type_into(&c, "#new_premises_name", "Socialkontoret").await;
    type_into(&c, "#new_premises_address", "Stationsgatan 12").await;
    submit_main_form(&c).await;

    // Back on the centre page, with the new classification.
    wait_for_path(&c, "Sävja's page after saving", |p| p.starts_with("/centres/")).await;
    assert_eq!(text_of(&c, "h1").await, SAVJA);
    assert_eq!(
        text_of(&c, ".verdict").await,
        "Familjecentralsliknande verksamhet"
    );
    let body = body_text(&c).await;
    assert!(
        body.contains("Socialkontoret, Stationsgatan 12"),
        "the unit table shows the new premises"
    );
    screenshot(&c, "samverka-centre.png", WIDE).await;

    // The overview agrees.
    c.find(Locator::LinkText("Länsöversikt"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_path(&c, "the overview", |p| p == overview).await;
    let row = overview_row(&c, SAVJA).await;
    assert_eq!(
        row.get(CLASSIFICATION_COLUMN).map(String::as_str),
        Some("Familjecentralsliknande verksamhet"),
        "Sävja after: {row:?}"
    );
    screenshot(&c, "samverka-overview.png", WIDE).await;

    c.close().await.unwrap();
    app.stop().await;
}

/// No WCAG 2.1 A/AA violations that axe-core can find.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_have_no_axe_violations() {
    let axe_js = match axe_source() {
        Ok(js) => js,
        Err(why) => return unavailable(&why),
    };
    let Some((_driver, c)) = browser(WIDE).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let region = app.uppsala().await;
    let savja = app.centre(SAVJA).await;
    let mut failures = Vec::new();

    c.goto(&app.url("/login")).await.unwrap();
    axe_into(&c, &axe_js, "the login page", &mut failures).await;

    log_in(&c, &app, LOCAL_SAVJA).await;
    c.goto(&app.url(&format!("/regions/{region}"))).await.unwrap();
    axe_into(&c, &axe_js, "the county overview", &mut failures).await;

    c.goto(&app.url(&format!("/regions/{region}?class=familjecentral&signal=unknown")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "the filtered overview", &mut failures).await;

    c.goto(&app.url(&format!("/regions/{region}/signals")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "the signals page", &mut failures).await;

    let round = results_round(&app, savja).await;
    c.goto(&app.url(&format!("/rounds/{round}/results")))
        .await
        .unwrap();
    assert!(
        body_text(&c).await.contains("har svarat"),
        "the results page shows the centre's numbers"
    );
    screenshot(&c, "samverka-results.png", WIDE).await;
    axe_into(&c, &axe_js, "the results page", &mut failures).await;
    c.goto(&app.url(&format!("/rounds/{round}/results?merge=top&trend=1")))
        .await
        .unwrap();
    axe_into(
        &c,
        &axe_js,
        "the results page, merged, with its trend",
        &mut failures,
    )
    .await;

    c.goto(&app.url("/centres/abc")).await.unwrap();
    assert!(body_text(&c).await.contains("Sidan finns inte"), "the 404 page");
    axe_into(&c, &axe_js, "the 404 page", &mut failures).await;

    c.goto(&app.url(&format!("/centres/{savja}"))).await.unwrap();
    axe_into(&c, &axe_js, "the centre page", &mut failures).await;

    c.goto(&app.url("/account")).await.unwrap();
    axe_into(&c, &axe_js, "the account page", &mut failures).await;

    // The premises forms: changing Sävjahuset, and new premises posted
    // without a name (errors shown).
    let house = app.premises_of(savja).await[0].id;
    c.goto(&app.url(&format!("/premises/{house}/edit")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "the premises form", &mut failures).await;
    c.goto(&app.url(&format!("/centres/{savja}/premises/new")))
        .await
        .unwrap();
    submit_main_form(&c).await;
    wait_for_path(&c, "the premises form with errors", |p| {
        p.ends_with("/premises/new")
    })
    .await;
    let summary = text_of(&c, ".error-summary").await;
    assert!(
        summary.contains("Namn: Fyll i fältet."),
        "the summary names the field: {summary}"
    );
    axe_into(&c, &axe_js, "the premises form with errors", &mut failures).await;

    // The unit form with its premises choices, then asking for new premises
    // without naming them (errors shown).
    c.goto(&app.url(&format!("/centres/{savja}/units/new")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "the unit form", &mut failures).await;
    click(&c, "input[name=premises_id][value=new]").await;
    submit_main_form(&c).await;
    wait_for_path(&c, "the unit form with errors", |p| p.ends_with("/units/new")).await;
    let summary = text_of(&c, ".error-summary").await;
    assert!(
        summary.contains("Namn på de nya lokalerna"),
        "the summary names the new premises' name: {summary}"
    );
    axe_into(&c, &axe_js, "the unit form with errors", &mut failures).await;

    // The centre form, posted with an empty name: errors shown.
    c.goto(&app.url(&format!("/centres/{savja}/edit"))).await.unwrap();
    type_into(&c, "#name", "").await;
    submit_main_form(&c).await;
    let summary = text_of(&c, ".error-summary").await;
    assert!(!summary.is_empty(), "an error summary");
    assert!(summary.contains("Namn"), "the summary names the field: {summary}");
    let focused = c
        .execute(
            "return document.activeElement && document.activeElement.className",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused, json!("error-summary"), "the error summary has the focus");
    assert_eq!(
        c.find(Locator::Css("#name"))
            .await
            .unwrap()
            .attr("aria-invalid")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    screenshot(&c, "samverka-centre-form-errors.png", WIDE).await;
    axe_into(&c, &axe_js, "the centre form with errors", &mut failures).await;

    // Self-check: axe really runs the rules (it must catch planted faults).
    eprintln!(
        "axe self-check: planting an image without alt text and an unlabelled field (violations below are expected)"
    );
    c.execute(
        "document.querySelector('main').insertAdjacentHTML('beforeend', \
         '<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><input type=\"text\" name=\"probe\">')",
        vec![],
    )
    .await
    .unwrap();
    let planted = ids(&axe(&c, &axe_js, "the planted page").await);
    assert!(
        planted.contains("image-alt") && planted.contains("label"),
        "axe missed planted faults: {planted}"
    );

    c.close().await.unwrap();
    app.stop().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG violations (details above): {failures:#?}"
    );
}

/// A round of the built-in adult visitor survey at Sävja with six
/// responses through its link (enough to be shown); its id.
async fn results_round(app: &TestApp, savja: i64) -> i64 {
    use samverka_app::surveys::{instruments, responses, rounds};
    let ctx = app.cli();
    instruments::install_builtin(&ctx).await.unwrap();
    let region = app.uppsala().await;
    let version = instruments::list(&ctx, region)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.instrument.key == "visitor_adult")
        .and_then(|i| i.versions.last().map(|v| v.id))
        .expect("the adult visitor survey");
    let id = rounds::create(
        &ctx,
        region,
        &rounds::RoundDraft {
            version_id: version,
            title: "Besökarenkät".into(),
            respondent_group: "visitors".into(),
            opens_on: app.today().to_string(),
            closes_on: app.today().to_string(),
            centre_ids: vec![savja],
        },
    )
    .await
    .unwrap();
    let code = rounds::get(&ctx, id).await.unwrap().centres[0].link_code.clone();
    for i in 0..6 {
        let answers = json!({
            "overall_satisfaction": if i % 3 == 0 { "completely" } else { "large_extent" },
            "felt_welcome": "completely",
            "would_recommend": "yes",
        });
        let answers = answers.as_object().cloned().unwrap();
        if let Err(e) = responses::submit_by_link(&app.app, &code, "sv", &answers).await {
            panic!("a visitor's response was refused: {e:?}");
        }
    }
    id
}

fn ids(violations: &[Value]) -> String {
    violations
        .iter()
        .map(|v| v["id"].as_str().unwrap_or("?"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A survey round's results on a phone: the page never scrolls sideways
/// (charts scale to the width, tables and charts stack); in print on A4
/// portrait nothing is cut off.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_results_page_fits_a_phone_and_prints_on_a4() {
    let Some((driver, c)) = browser(PHONE).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let savja = app.centre(SAVJA).await;
    let round = results_round(&app, savja).await;
    log_in(&c, &app, LOCAL_SAVJA).await;
    c.goto(&app.url(&format!("/rounds/{round}/results")))
        .await
        .unwrap();
    let m = c
        .execute(
            "return { inner: window.innerWidth, page: document.documentElement.scrollWidth,
                      charts: [...document.querySelectorAll('svg.chart')].map(s => Math.round(s.getBoundingClientRect().right)) };",
            vec![],
        )
        .await
        .unwrap();
    eprintln!("phone results: {m}");
    let inner = m["inner"].as_u64().unwrap();
    assert!(
        m["page"].as_u64().unwrap() <= inner,
        "the page scrolls sideways: {m}"
    );
    let charts = m["charts"].as_array().unwrap();
    assert!(!charts.is_empty(), "charts shown: {m}");
    assert!(
        charts.iter().all(|r| r.as_u64().unwrap() <= inner),
        "a chart is wider than the phone: {m}"
    );
    screenshot(&c, "samverka-results-phone.png", PHONE).await;

    let (over, m) = overflow_in_print(&driver, &c, A4_PORTRAIT_PX, "samverka-results-print.png").await;
    assert!(
        over == 0.0,
        "the results are cut off by {over} px on A4 portrait: {m}"
    );
    c.close().await.unwrap();
    app.stop().await;
}

/// At phone width the page itself never scrolls sideways: the overview's
/// tables become stacks of labelled lines.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_fits_a_phone() {
    let Some((_driver, c)) = browser(PHONE).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let region = app.uppsala().await;

    log_in(&c, &app, LOCAL_SAVJA).await;
    c.goto(&app.url(&format!("/regions/{region}"))).await.unwrap();
    let m = c
        .execute(
            "const w = document.querySelector('.table-wrap');
             return { inner: window.innerWidth, page: document.documentElement.scrollWidth,
                      body: document.body.scrollWidth, wrap: w.clientWidth, table: w.scrollWidth };",
            vec![],
        )
        .await
        .unwrap();
    eprintln!("phone overview: {m}");
    let wide = c
        .execute(
            "const w = document.querySelector('.table-wrap').getBoundingClientRect().right; return [...document.querySelectorAll('main *')]
               .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.visually-hidden'))
               .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
            vec![],
        )
        .await
        .unwrap();
    eprintln!("wider than the page: {wide}");
    let inner = m["inner"].as_u64().unwrap();
    assert!(inner <= 420, "the viewport is phone-sized: {m}");
    assert!(
        m["page"].as_u64().unwrap() <= inner,
        "the page scrolls sideways at {inner} px: {m}"
    );
    assert!(
        m["body"].as_u64().unwrap() <= inner,
        "the body scrolls sideways at {inner} px: {m}"
    );
    assert!(
        m["table"].as_u64().unwrap() <= m["wrap"].as_u64().unwrap(),
        "the table needs no sideways scrolling: {m}"
    );
    screenshot(&c, "samverka-overview-phone.png", PHONE).await;

    c.close().await.unwrap();
    app.stop().await;
}

/// Waits until the page's text contains `needle` (across navigations: a
/// stale page is simply read again); returns the text.
async fn wait_for_text(c: &Client, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(body) = c.find(Locator::Css("body")).await
            && let Ok(text) = body.text().await
            && text.contains(needle)
        {
            return text;
        }
        assert!(Instant::now() < deadline, "the page never showed {needle:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks the element a CSS selector names.
async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("nothing to click at {css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// The county coordinator records a meeting of Heby's steering group with
/// attendance, minutes and a decision, and publishes the minutes; a
/// management-group member of another Heby centre (an account with no role
/// of its own, only the seat) then reads them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_minutes_reach_the_managers_of_the_governed_centres() {
    use samverka_core::governance::{AssignmentKind, GroupKind};
    use samverka_store::governance::{groups, people};
    use support::builders::{PersonBuilder, person, seat};

    let Some((_driver, c)) = browser(WIDE).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let region = app.uppsala().await;
    let all = groups::list(&mut *app.conn().await, Some(region)).await.unwrap();
    let steering = all
        .iter()
        .find(|g| g.kind == GroupKind::Steering && g.name.contains("Heby"))
        .expect("Heby's steering group in the demo");
    let harbo = app.centre("Familjecentralen i Harbo").await;
    let harbo_management = all
        .iter()
        .find(|g| g.kind == GroupKind::Management && g.centre_ids.contains(&harbo))
        .expect("Harbo's management group");
    let today = app.today();
    // A new member of Harbo's management group whose account has no grant at
    // all: only the seat lets it in.
    let account = app
        .add_account("ledning.harbo@example.se", Some("harbo-ledning"), &[])
        .await;
    let mut seed = app.seed().await;
    let member_id = seed
        .person(
            region,
            &person("Lotta Ledning")
                .email("ledning.harbo@example.se")
                .account(account),
        )
        .await
        .unwrap();
    seed.assignment(&seat(
        region,
        member_id,
        AssignmentKind::ManagementMember,
        harbo_management.id,
        today - chrono::Duration::days(30),
    ))
    .await
    .unwrap();
    seed.commit().await.unwrap();
    let member = people::get(&mut *app.conn().await, member_id).await.unwrap();

    // The county coordinator records the meeting.
    log_in(&c, &app, support::COUNTY).await;
    c.goto(&app.url(&format!("/groups/{}/meetings/new", steering.id)))
        .await
        .unwrap();
    let yesterday = (today - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    c.execute(
        "document.querySelector('#held_on').value = arguments[0];",
        vec![json!(yesterday)],
    )
    .await
    .unwrap();
    click(&c, "input[name=status][value=held]").await;
    type_into(&c, "#agenda", "Budget för nästa år\nLokaler i Harbo").await;
    submit_main_form(&c).await;
    let meeting_path = wait_for_path(&c, "the new meeting", |p| p.starts_with("/meetings/")).await;

    // Attendance and minutes.
    c.goto(&app.url(&format!("{meeting_path}/edit"))).await.unwrap();
    let radios = c
        .find_all(Locator::Css("#attendance input[type=radio][value=present]"))
        .await
        .unwrap();
    assert!(
        !radios.is_empty(),
        "the steering group's members are listed for attendance"
    );
    for r in &radios {
        r.click().await.unwrap();
    }
    if let Ok(absent) = c
        .find(Locator::Css(
            "#attendance fieldset.attendee:last-of-type input[value=excused]",
        ))
        .await
    {
        absent.click().await.unwrap();
    }
    type_into(
        &c,
        "#minutes",
        "## Protokoll\n\nStyrgruppen godkände budgeten för Harbo och Tärnsjö.",
    )
    .await;
    submit_main_form(&c).await;
    wait_for_path(&c, "the meeting after saving", |p| p == meeting_path).await;
    wait_for_text(&c, "Styrgruppen godkände budgeten för Harbo och Tärnsjö.").await;

    // A decision concerning Harbo.
    c.find(Locator::Css("#decision-category"))
        .await
        .unwrap()
        .select_by_value("budget_change")
        .await
        .unwrap();
    type_into(&c, "#decision-text", "Budgeten för Harbo fastställs.").await;
    click(&c, &format!("input[name=centre_ids][value='{harbo}']")).await;
    click(&c, "form[action$='/decisions'] button[type=submit]").await;
    // Saved: the answer sends the browser back to the meeting's decisions.
    let deadline = Instant::now() + Duration::from_secs(15);
    while c.current_url().await.unwrap().fragment() != Some("decisions") {
        assert!(Instant::now() < deadline, "the decision was not saved");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    wait_for_text(&c, "Budgeten för Harbo fastställs.").await;
    let outbox_before = app.queued_mail().await.len();

    // Publish.
    click(&c, "form[action$='/publish'] button[type=submit]").await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while app.queued_mail().await.len() == outbox_before {
        assert!(Instant::now() < deadline, "publishing queued no notice");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let outbox = app.queued_mail().await;
    if let Some(address) = &member.email {
        assert!(
            outbox.iter().any(|m| &m.mail.to == address),
            "{address} is notified; outbox: {:?}",
            outbox.iter().map(|m| &m.mail.to).collect::<Vec<_>>()
        );
    }

    // The Harbo manager logs in and reads the minutes.
    click(&c, "header form[action='/logout'] button").await;
    wait_for_path(&c, "the login page", |p| p == "/login").await;
    log_in(&c, &app, ("ledning.harbo@example.se", "harbo-ledning")).await;
    c.goto(&app.url(&meeting_path)).await.unwrap();
    wait_for_path(&c, "the meeting", |p| p == meeting_path).await;
    let body = body_text(&c).await;
    assert!(
        body.contains("Styrgruppen godkände budgeten för Harbo och Tärnsjö."),
        "the published minutes are readable by the Harbo manager: {body}"
    );
    assert!(
        body.contains("Budgeten för Harbo fastställs."),
        "and the decision"
    );
    screenshot(&c, "samverka-meeting.png", WIDE).await;

    c.close().await.unwrap();
    app.stop().await;
}

/// At 1366×900 the county coordinator sees every governance signal of the
/// first centre beside its name without scrolling; the overview prints on A4
/// portrait and the signal matrix on A4 landscape with nothing cut off, with
/// the title, the date and the rule set.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_answers_at_a_glance_and_prints_on_a4() {
    let axe_js = axe_source().ok();
    let Some((driver, c)) = browser(LAPTOP).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let region = app.uppsala().await;
    log_in(&c, &app, support::COUNTY).await;
    let overview = format!("/regions/{region}");
    c.goto(&app.url(&overview)).await.unwrap();
    wait_for_path(&c, "the overview", |p| p == overview).await;
    let m = c
        .execute(
            "const row = document.querySelector('table.overview tbody tr');
             const signals = [...row.querySelectorAll('.signal')].map(e => {
               const r = e.getBoundingClientRect();
               return { left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                        text: e.getAttribute('title') };
             });
             return { w: window.innerWidth, h: window.innerHeight,
                      x: window.scrollX, y: window.scrollY,
                      name: row.querySelector('th').innerText, signals: signals,
                      columns: document.querySelectorAll('table.overview th.signal-col').length };",
            vec![],
        )
        .await
        .unwrap();
    eprintln!("overview at 1366x900: {m}");
    screenshot(&c, "samverka-overview-1366.png", LAPTOP).await;
    let (w, h) = (m["w"].as_f64().unwrap(), m["h"].as_f64().unwrap());
    assert!(w >= 1300.0, "a laptop-wide window: {m}");
    assert_eq!(
        (m["x"].as_f64(), m["y"].as_f64()),
        (Some(0.0), Some(0.0)),
        "not scrolled"
    );
    let signals = m["signals"].as_array().unwrap();
    let columns = m["columns"].as_u64().unwrap() as usize;
    // Uppsala follows every rule, so every signal kind has a column.
    assert_eq!(
        columns,
        samverka_core::governance::SignalKind::CENTRE.len(),
        "a column per signal: {m}"
    );
    assert_eq!(signals.len(), columns, "every signal of the first centre: {m}");
    for s in signals {
        let (l, t) = (s["left"].as_f64().unwrap(), s["top"].as_f64().unwrap());
        let (r, b) = (s["right"].as_f64().unwrap(), s["bottom"].as_f64().unwrap());
        assert!(
            l >= 0.0 && t >= 0.0 && r <= w && b <= h,
            "{s} lies outside the {w}x{h} window: {m}"
        );
        assert!(
            s["text"].as_str().is_some_and(|t| t.contains(':')),
            "a text alternative: {s}"
        );
    }

    // The first column stays in place when the table scrolls sideways.
    let sticky = c
        .execute(
            "return getComputedStyle(document.querySelector('table.overview tbody th')).position",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(sticky, json!("sticky"));

    // In print: the title, the date and the rule set; nothing cut off on A4 portrait.
    let source = c.source().await.unwrap();
    assert!(source.contains("Utskriven 2026-11-23"), "the printed date");
    assert!(source.contains("Klassningen räknas fram enligt"), "the rule set");
    let (over, m) = overflow_in_print(&driver, &c, A4_PORTRAIT_PX, "samverka-overview-print.png").await;
    eprintln!("overview in print on A4 portrait: {m}");
    assert!(
        over == 0.0,
        "the overview is cut off by {over} px on A4 portrait: {m}"
    );
    let pdf = c
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let path = std::env::temp_dir().join("samverka-overview.pdf");
    std::fs::write(&path, &pdf).unwrap();
    eprintln!("printed: {}", path.display());

    // The wide signal matrix prints on landscape.
    c.goto(&app.url(&format!("/regions/{region}/signals")))
        .await
        .unwrap();
    let (over, m) = overflow_in_print(&driver, &c, A4_LANDSCAPE_PX, "samverka-signals-print.png").await;
    eprintln!("signals in print on A4 landscape: {m}");
    assert!(
        over == 0.0,
        "the signal matrix is cut off by {over} px on A4 landscape: {m}"
    );

    if let Some(axe_js) = axe_js {
        c.goto(&app.url(&overview)).await.unwrap();
        let v = axe(&c, &axe_js, "the overview at 1366 px").await;
        assert!(v.is_empty(), "axe: {}", ids(&v));
    }
    c.close().await.unwrap();
    app.stop().await;
}

/// On a 390×844 phone the header with its folded menu takes at most a fifth
/// of the screen; the menu opens without JavaScript; the overview's rows are
/// stacks that show the classification and the signals without sideways scrolling.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_menu_folds_and_tables_stack() {
    let axe_js = axe_source().ok();
    let Some((_driver, c)) = browser(PHONE_390).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let region = app.uppsala().await;
    log_in(&c, &app, support::COUNTY).await;
    let overview = format!("/regions/{region}");
    c.goto(&app.url(&overview)).await.unwrap();
    wait_for_path(&c, "the overview", |p| p == overview).await;
    let m = c
        .execute(
            "const header = document.querySelector('.site-header').getBoundingClientRect();
             const menu = document.querySelector('details.menu');
             const tabs = document.querySelector('nav.tabs');
             const row = document.querySelector('table.overview tbody tr');
             const badge = row.querySelector('.badge').getBoundingClientRect();
             const last = [...row.querySelectorAll('.signal')].pop().getBoundingClientRect();
             return { h: window.innerHeight, w: window.innerWidth, header: header.height,
                      open: menu.open, tabs: tabs ? tabs.getBoundingClientRect().height : 0,
                      page: document.documentElement.scrollWidth,
                      badge: badge.right, signal: last.right };",
            vec![],
        )
        .await
        .unwrap();
    eprintln!("phone 390x844: {m}");
    screenshot(&c, "samverka-overview-390.png", PHONE_390).await;
    let wide = c
        .execute(
            "const w = window.innerWidth; return [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.visually-hidden'))
               .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
            vec![],
        )
        .await
        .unwrap();
    eprintln!("wider than the phone: {wide}");
    let h = m["h"].as_f64().unwrap();
    let w = m["w"].as_f64().unwrap();
    assert!(
        m["header"].as_f64().unwrap() <= h / 5.0,
        "the header takes more than a fifth of the screen: {m}"
    );
    assert_eq!(m["open"], json!(false), "the menu starts folded");
    assert_eq!(m["tabs"].as_f64(), Some(0.0), "the wide tabs are hidden");
    assert!(m["page"].as_f64().unwrap() <= w, "no sideways scrolling: {m}");
    assert!(
        m["badge"].as_f64().unwrap() <= w,
        "the classification is in view: {m}"
    );
    assert!(m["signal"].as_f64().unwrap() <= w, "the signals are in view: {m}");

    let top = std::env::temp_dir().join("samverka-overview-390-top.png");
    std::fs::write(&top, c.screenshot().await.unwrap()).unwrap();
    click(&c, "details.menu > summary").await;
    let open = std::env::temp_dir().join("samverka-menu-390.png");
    std::fs::write(&open, c.screenshot().await.unwrap()).unwrap();
    eprintln!("screenshots: {} {}", top.display(), open.display());
    let link = c
        .find(Locator::Css("details.menu a[aria-current='page']"))
        .await
        .unwrap();
    assert!(
        link.is_displayed().await.unwrap(),
        "the open menu shows the region's pages"
    );
    assert_eq!(link.text().await.unwrap().trim(), "Länsöversikt");
    if let Some(axe_js) = axe_js {
        let v = axe(&c, &axe_js, "the phone overview with its menu open").await;
        assert!(v.is_empty(), "axe: {}", ids(&v));
    }
    c.close().await.unwrap();
    app.stop().await;
}

/// The region's governance rules and the group form, as a county
/// coordinator sees them (and the rules shown again with an error): no
/// WCAG 2.1 A/AA violations.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_governance_rules_and_group_forms_have_no_axe_violations() {
    let axe_js = match axe_source() {
        Ok(js) => js,
        Err(why) => return unavailable(&why),
    };
    let Some((_driver, c)) = browser(WIDE).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let region = app.uppsala().await;
    let mut failures = Vec::new();
    log_in(&c, &app, support::COUNTY).await;

    c.goto(&app.url(&format!("/regions/{region}/settings")))
        .await
        .unwrap();
    assert!(
        body_text(&c).await.contains("Vem introducerar"),
        "the governance rules form"
    );
    axe_into(&c, &axe_js, "the settings page", &mut failures).await;
    type_into(&c, "#management_quorum", "0").await;
    c.find(Locator::Css("#govset-heading ~ form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let summary = text_of(&c, ".error-summary").await;
    assert!(
        summary.contains("1 till 20"),
        "the quorum's range is named: {summary}"
    );
    axe_into(&c, &axe_js, "the governance rules with an error", &mut failures).await;

    c.goto(&app.url(&format!("/regions/{region}/groups/new")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "the group form", &mut failures).await;
    assert!(failures.is_empty(), "{failures:#?}");
    c.close().await.unwrap();
    app.stop().await;
}

/// A survey in Swedish and Arabic with a screening question, for the
/// instrument editor's pages.
const ROUTED_SURVEY: &str = r#"{
  "key": "slussad", "title": {"sv": "Styrningen", "ar": "الحوكمة"}, "languages": ["sv", "ar"],
  "blocks": [
    {"key": "start", "questions": [
      {"key": "member", "type": "yes_no", "required": true,
       "text": {"sv": "Sitter du i en grupp?", "ar": "هل أنت عضو في مجموعة؟"},
       "options": [{"key": "yes", "text": {"sv": "Ja", "ar": "نعم"}}, {"key": "no", "text": {"sv": "Nej", "ar": "لا"}}],
       "end_survey_if": {"question": "member", "equals": "no"}}]},
    {"key": "group", "show_if": {"question": "member", "equals": "yes"}, "questions": [
      {"key": "which", "type": "single_choice", "required": true,
       "text": {"sv": "Vilken grupp?", "ar": "أي مجموعة؟"},
       "options": [{"key": "management", "text": {"sv": "Ledning", "ar": "الإدارة"}},
                   {"key": "steering", "text": {"sv": "Styrning", "ar": "التوجيه"}}]},
      {"key": "meetings", "type": "number", "required": false, "min": 0, "max": 50,
       "show_if": {"all": [{"question": "which", "equals": "management"}, {"any": [{"question": "member", "answered": true}]}]},
       "text": {"sv": "Hur många möten?", "ar": "كم اجتماعاً؟"}}]}]}"#;

/// The instrument pages as a county coordinator uses them — the list, the
/// form for a new survey, the editor (also with a problem shown), the
/// preview in Arabic — have no WCAG 2.1 A/AA violations, and the editor
/// does not scroll sideways on a phone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_instrument_editor_and_its_preview_have_no_axe_violations() {
    let axe_js = match axe_source() {
        Ok(js) => js,
        Err(why) => return unavailable(&why),
    };
    let Some((_driver, c)) = browser(WIDE).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let region = app.uppsala().await;
    let (_, version) = samverka_app::surveys::instruments::import(&app.cli(), region, ROUTED_SURVEY, false)
        .await
        .unwrap();
    let mut failures = Vec::new();
    log_in(&c, &app, support::COUNTY).await;

    c.goto(&app.url(&format!("/regions/{region}/instruments")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "the list of questionnaires", &mut failures).await;
    c.goto(&app.url(&format!("/regions/{region}/instruments/new")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "the form for a new survey", &mut failures).await;

    let edit = format!("/instruments/versions/{version}/edit");
    c.goto(&app.url(&edit)).await.unwrap();
    assert!(body_text(&c).await.contains("Styrningen"), "the editor");
    axe_into(&c, &axe_js, "the instrument editor", &mut failures).await;
    screenshot(&c, "samverka-instrument-editor.png", WIDE).await;

    // The title's Swedish emptied: shown again with the problem, focused.
    type_into(&c, "#title-sv", "").await;
    click(&c, "form.editor button[value=save]").await;
    let summary = text_of(&c, ".error-summary").await;
    assert!(
        summary.contains("Enkätens titel"),
        "the summary says where: {summary}"
    );
    let focused = c
        .execute(
            "return document.activeElement && document.activeElement.className",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused, json!("error-summary"), "the error summary has the focus");
    axe_into(&c, &axe_js, "the instrument editor with a problem", &mut failures).await;

    c.goto(&app.url(&format!("/instruments/versions/{version}/preview?lang=ar")))
        .await
        .unwrap();
    assert_eq!(
        c.execute("return document.documentElement.dir", vec![])
            .await
            .unwrap(),
        json!("rtl")
    );
    axe_into(&c, &axe_js, "the preview in Arabic", &mut failures).await;
    click(&c, "input[name=member][value=yes]").await;
    click(&c, "button[name=_go][value=next]").await;
    wait_for_text(&c, "أي مجموعة؟").await;
    axe_into(&c, &axe_js, "the preview's second page", &mut failures).await;

    // On a phone the editor's columns fold: no sideways scrolling.
    c.set_window_size(PHONE.0, PHONE.1).await.unwrap();
    c.goto(&app.url(&edit)).await.unwrap();
    let m = c
        .execute(
            "return { inner: window.innerWidth, page: document.documentElement.scrollWidth };",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        m["page"].as_u64().unwrap() <= m["inner"].as_u64().unwrap(),
        "the editor scrolls sideways on a phone: {m}"
    );
    screenshot(&c, "samverka-instrument-editor-phone.png", PHONE).await;

    c.close().await.unwrap();
    app.stop().await;
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The survey round pages as a county coordinator uses them — the region's
/// rounds, the form for a new round (also with its errors), a round's page
/// with its invitations form (and with the response rates after inviting),
/// a centre's poster, the paper form in Swedish and in Arabic (right to
/// left), the paper entry form (also with its errors), the exports form and
/// an export's page while it waits and when its file is ready — have no
/// WCAG 2.1 A/AA violations; the poster fills one A4 page and, like the
/// paper form in both languages, prints with nothing cut off.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_survey_round_pages_have_no_axe_violations_and_print_on_a4() {
    let axe_js = match axe_source() {
        Ok(js) => js,
        Err(why) => return unavailable(&why),
    };
    let Some((driver, c)) = browser(WIDE).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let region = app.uppsala().await;
    let savja = app.centre(SAVJA).await;
    // The web tests load the county without surveys: a round of the
    // built-in adult visitor survey (Swedish, English, Arabic, Persian).
    let round = results_round(&app, savja).await;
    let mut failures = Vec::new();
    log_in(&c, &app, support::COUNTY).await;

    c.goto(&app.url(&format!("/regions/{region}/rounds")))
        .await
        .unwrap();
    assert!(
        body_text(&c).await.contains("Besökarenkät"),
        "the round is listed"
    );
    axe_into(&c, &axe_js, "the rounds list", &mut failures).await;

    // The form for a new round, then posted without a title or a survey.
    c.goto(&app.url(&format!("/regions/{region}/rounds/new")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "the form for a new round", &mut failures).await;
    submit_main_form(&c).await;
    let summary = text_of(&c, ".error-summary").await;
    assert!(
        summary.contains("Namn på omgången: Fyll i fältet."),
        "the summary names the title as its label does: {summary}"
    );
    axe_into(&c, &axe_js, "the form for a new round with errors", &mut failures).await;

    // The round's page with its invitations form; after inviting, with the
    // response rates.
    let page = format!("/rounds/{round}");
    c.goto(&app.url(&page)).await.unwrap();
    assert!(
        c.find(Locator::Css("#invite-heading")).await.is_ok(),
        "the invitations form is shown"
    );
    axe_into(&c, &axe_js, "a round's page", &mut failures).await;
    click(&c, "#audience-local_coordinators").await;
    c.find(Locator::Css(
        "section[aria-labelledby=invite-heading] button[type=submit]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    wait_for_text(&c, "Svarsfrekvens för inbjudningar").await;
    axe_into(&c, &axe_js, "a round's page after inviting", &mut failures).await;

    // The poster: one A4 page, nothing cut off.
    c.goto(&app.url(&format!("/rounds/{round}/centres/{savja}/poster")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "a centre's poster", &mut failures).await;
    let (over, m) = overflow_in_print(&driver, &c, A4_FORM_PX.0, "samverka-poster-print.png").await;
    assert!(over == 0.0, "the poster is cut off by {over} px on A4: {m}");
    let height = m["height"].as_f64().unwrap();
    assert!(
        height <= A4_FORM_PX.1,
        "the poster takes more than one A4 page ({height} px > {} px): {m}",
        A4_FORM_PX.1
    );

    // The paper form in Swedish and in Arabic.
    for (lang, dir) in [("sv", "ltr"), ("ar", "rtl")] {
        c.goto(&app.url(&format!("/rounds/{round}/paper?lang={lang}")))
            .await
            .unwrap();
        assert_eq!(
            c.execute(
                "return [document.documentElement.lang, document.documentElement.dir]",
                vec![]
            )
            .await
            .unwrap(),
            json!([lang, dir])
        );
        assert_eq!(
            c.find(Locator::Css("nav.paper-tools a[href^='/rounds/']"))
                .await
                .unwrap()
                .attr("lang")
                .await
                .unwrap()
                .as_deref(),
            Some("sv"),
            "the link back is in the reader's language"
        );
        axe_into(&c, &axe_js, &format!("the paper form in {lang}"), &mut failures).await;
        let (over, m) = overflow_in_print(
            &driver,
            &c,
            A4_FORM_PX.0,
            &format!("samverka-paper-{lang}-print.png"),
        )
        .await;
        assert!(
            over == 0.0,
            "the paper form in {lang} is cut off by {over} px on A4: {m}"
        );
    }

    // The paper entry form, posted without its centre; then an Arabic form
    // for Sävja with an answer that is not one of the question's options
    // (every question of this survey may be left out).
    c.goto(&app.url(&format!("/rounds/{round}/paper/new")))
        .await
        .unwrap();
    axe_into(&c, &axe_js, "the paper entry form", &mut failures).await;
    submit_main_form(&c).await;
    let summary = text_of(&c, ".error-summary").await;
    assert!(
        summary.contains("Familjecentral: Fyll i fältet."),
        "the summary names the centre: {summary}"
    );
    axe_into(
        &c,
        &axe_js,
        "the paper entry form without its centre",
        &mut failures,
    )
    .await;
    c.goto(&app.url(&format!("/rounds/{round}/paper/new?centre={savja}&lang=ar")))
        .await
        .unwrap();
    c.execute(
        "const o = document.querySelector('input[name=overall_satisfaction]');
         o.value = 'x'; o.checked = true;",
        vec![],
    )
    .await
    .unwrap();
    submit_main_form(&c).await;
    let summary = text_of(&c, "#answer-errors").await;
    assert!(!summary.is_empty(), "the answers' problems are listed");
    assert_eq!(
        c.execute(
            "return [document.activeElement.id, document.querySelector('#answer-errors ul').lang]",
            vec![]
        )
        .await
        .unwrap(),
        json!(["answer-errors", "ar"]),
        "the problems have the focus and are marked as Arabic"
    );
    axe_into(
        &c,
        &axe_js,
        "the Arabic paper entry form with a problem",
        &mut failures,
    )
    .await;

    // The exports form; the export's page while it waits and when its
    // file is ready; the form again with the export listed.
    let exports = format!("/rounds/{round}/exports");
    c.goto(&app.url(&exports)).await.unwrap();
    axe_into(&c, &axe_js, "the exports form", &mut failures).await;
    submit_main_form(&c).await;
    let job = wait_for_path(&c, "the export's page", |p| p.starts_with("/exports/")).await;
    assert!(
        c.find(Locator::Css("#export-progress")).await.is_ok(),
        "the export waits"
    );
    assert!(
        c.find(Locator::Css("meta[http-equiv=refresh]")).await.is_err(),
        "the page reloads itself only when asked to"
    );
    axe_into(&c, &axe_js, "an export's page while it waits", &mut failures).await;
    samverka_app::jobs::exports::run_once(&app.app, "browser-test")
        .await
        .unwrap()
        .expect("the export ran");
    c.goto(&app.url(&job)).await.unwrap();
    assert!(
        c.find(Locator::Css("a[download]")).await.is_ok(),
        "the file is linked"
    );
    axe_into(&c, &axe_js, "an export's page with its file", &mut failures).await;
    c.goto(&app.url(&exports)).await.unwrap();
    axe_into(&c, &axe_js, "the exports form with an export", &mut failures).await;

    c.close().await.unwrap();
    app.stop().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG violations (details above): {failures:#?}"
    );
}

/// A visitor answers the adult visitor survey in Arabic on a phone with
/// JavaScript turned off: every page is right to left, fits the phone,
/// moves on with plain form posts, and the answer is counted in the round's
/// results.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_answers_in_arabic_on_a_phone_without_javascript() {
    use samverka_app::surveys::results::{ResultsFilter, of_round};
    use samverka_core::surveys::results::Shown;
    let Some((driver, c)) = browser(PHONE).await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let savja = app.centre(SAVJA).await;
    // Six visitors have answered in Swedish already.
    let round = results_round(&app, savja).await;
    let code = samverka_app::surveys::rounds::get(&app.cli(), round)
        .await
        .unwrap()
        .centres[0]
        .link_code
        .clone();
    // Measure the page once with scripts on, then turn them off for the
    // visitor's pages.
    c.goto(&app.url(&format!("/s/{code}?lang=ar"))).await.unwrap();
    let m = c
        .execute(
            "return { inner: window.innerWidth, page: document.documentElement.scrollWidth,
                      lang: document.documentElement.lang, dir: document.documentElement.dir,
                      scripts: document.scripts.length };",
            vec![],
        )
        .await
        .unwrap();
    eprintln!("the Arabic survey on a phone: {m}");
    assert_eq!(
        (m["lang"].as_str(), m["dir"].as_str()),
        (Some("ar"), Some("rtl")),
        "{m}"
    );
    assert_eq!(m["scripts"], json!(0), "the survey needs no script");
    assert!(
        m["page"].as_u64() <= m["inner"].as_u64(),
        "no sideways scrolling: {m}"
    );
    if let Ok(axe_js) = axe_source() {
        let violations = axe(&c, &axe_js, "the Arabic survey page").await;
        assert!(violations.is_empty(), "axe: {}", ids(&violations));
    }
    cdp(
        &driver,
        &c,
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    )
    .await;
    c.goto(&app.url(&format!("/s/{code}?lang=ar"))).await.unwrap();
    screenshot(&c, "samverka-survey-arabic-phone.png", PHONE).await;

    // The text of the page once it has loaded (a click starts a new page).
    async fn loaded_text(c: &Client) -> String {
        for _ in 0..100 {
            if let Ok(body) = c.find(Locator::Css("body")).await
                && let Ok(text) = body.text().await
            {
                return text;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the page did not load");
    }
    let mut chose = false;
    let mut last = String::new();
    for _ in 0..12 {
        let text = loaded_text(&c).await;
        if text == last {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        }
        last = text.clone();
        if text.contains("شكراً") {
            break;
        }
        // A tap on the option's label, as a visitor does.
        if let Ok(option) = c
            .find(Locator::XPath(
                "//input[@name='overall_satisfaction'][@value='completely']/parent::label",
            ))
            .await
        {
            option.click().await.unwrap();
            chose = true;
        }
        click(&c, r#"button[name="_go"][value="next"]"#).await;
    }
    assert!(chose, "the satisfaction question was on a page");
    let thanks = loaded_text(&c).await;
    assert!(thanks.contains("شكراً"), "the thanks in Arabic: {thanks}");

    let results = of_round(&app.cli(), round, &ResultsFilter::default())
        .await
        .unwrap();
    let q = results
        .questions
        .iter()
        .find(|q| q.key == "overall_satisfaction")
        .expect("the question");
    assert_eq!(q.answered, Shown::Value(7), "six earlier answers and this one");
    let Some(Shown::Value(shares)) = &q.shares else {
        panic!("the shares are shown");
    };
    let completely = shares.rows.iter().find(|r| r.key == "completely").unwrap();
    assert_eq!(completely.count, 3, "two earlier and this one");
    c.close().await.unwrap();
    app.stop().await;
}
