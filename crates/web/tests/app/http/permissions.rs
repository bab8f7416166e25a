//! Who may use which page: every role against every route, in one table.
//!
//! Each row names a route and the roles allowed to use it; every other
//! logged-in role must get 403 and a visitor without a session is sent to
//! `/login`. Rows that would destroy something for the next role (closing a
//! centre or a unit) let allowed roles send an invalid date instead, so they
//! are answered 422 — past the permission check, but nothing closes — while
//! refused roles send a valid date and must still get 403. Forms are posted
//! with the caller's own CSRF token, so a 403 is the permission check's.

use samverka_core::Role;
use samverka_store::registry::{centres, regions};

use crate::support::builders::role_in;
use crate::support::callers::Caller::{self, Visitor};
use crate::support::callers::{
    ADMINS, EDIT_HEBY, EDIT_SAVJA, EVERYONE, MANAGE_OTHER, MANAGE_UPPSALA, VIEW_OTHER, VIEW_UPPSALA,
};
use crate::support::fixtures::Chain;
use crate::support::{LOCAL_HEBY, OTHER_COUNTY, READER, TestApp, borrowed, centre_fields, unit_fields, with};

/// What a row sends.
enum Body {
    /// A `GET`.
    None,
    /// A form `POST`.
    Form(Fields),
    /// A form `POST` where allowed callers send `probe` instead of `form`.
    Probe { form: Fields, probe: Fields },
    /// A CSV file uploaded as `multipart/form-data`.
    Csv(&'static str),
}

/// One route and who may use it.
struct Row {
    path: String,
    body: Body,
    allowed: &'static [Caller],
    /// The status allowed callers get.
    ok: u16,
}

/// Form fields; `{who}` in a value becomes the caller's slug.
type Fields = Vec<(&'static str, String)>;

/// A page every allowed caller reads: 200.
fn get(path: String, allowed: &'static [Caller]) -> Row {
    Row {
        path,
        body: Body::None,
        allowed,
        ok: 200,
    }
}

/// A form every allowed caller sends: 303 to where the change shows.
fn post(path: String, fields: Fields, allowed: &'static [Caller]) -> Row {
    Row {
        path,
        body: Body::Form(fields),
        allowed,
        ok: 303,
    }
}

/// A closing form: refused callers send a real date (and must get 403),
/// allowed callers an invalid one (422: past the permission check, nothing closes).
fn close(path: String, allowed: &'static [Caller]) -> Row {
    let (form, probe) = (
        fields(&[("closed_on", "2025-06-30"), ("confirm", "yes")]),
        fields(&[("closed_on", "inte ett datum"), ("confirm", "yes")]),
    );
    Row {
        path,
        body: Body::Probe { form, probe },
        allowed,
        ok: 422,
    }
}

/// A population file every allowed caller uploads: 303 to the access page.
fn upload(path: String, csv: &'static str, allowed: &'static [Caller]) -> Row {
    Row {
        path,
        body: Body::Csv(csv),
        allowed,
        ok: 303,
    }
}

fn fields(pairs: &[(&'static str, &str)]) -> Fields {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

/// The ids the table refers to.
struct Ids {
    uppsala: i64,
    other: i64,
    savja: i64,
    heby: i64,
    gimo: i64,
    solrosen: i64,
    savja_bhv: i64,
    gimo_bhv: i64,
    /// The premises Sävja's and Gimo's units share.
    savja_premises: i64,
    gimo_premises: i64,
    uppsala_municipality: i64,
    slattkoping: i64,
    /// Per caller, an Uppsala reader account for that caller to disable, enable and revoke.
    targets: Vec<(Caller, i64)>,
}

impl Ids {
    async fn of(app: &TestApp) -> Ids {
        let uppsala = app.uppsala().await;
        let mut targets = Vec::new();
        for caller in Caller::ALL {
            let grant = role_in(Role::Reader, uppsala);
            let email = format!("mal.{}@uppsala.demo.samverka.se", caller.slug());
            targets.push((caller, app.add_account(&email, None, &[grant]).await));
        }
        let savja = app.centre("Sävja familjecentral").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        Ids {
            uppsala,
            other: app.other_region().await,
            savja,
            heby: app.centre("Familjecentralen i Heby").await,
            gimo,
            solrosen: app.centre("Familjecentralen Solrosen").await,
            savja_bhv: app.unit_of(savja, "bhv").await.id,
            gimo_bhv: app.unit_of(gimo, "bhv").await.id,
            savja_premises: app.premises_of(savja).await[0].id,
            gimo_premises: app.premises_of(gimo).await[0].id,
            uppsala_municipality: app.municipality("Uppsala").await,
            slattkoping: app.municipality("Slättköping").await,
            targets,
        }
    }

    fn target(&self, caller: Caller) -> i64 {
        self.targets
            .iter()
            .find(|(c, _)| *c == caller)
            .map(|(_, id)| *id)
            .unwrap_or_default()
    }
}

async fn table(app: &TestApp, ids: &Ids) -> Vec<Row> {
    let Ids {
        uppsala: u,
        other: o,
        savja,
        heby,
        gimo,
        solrosen,
        savja_bhv,
        gimo_bhv,
        savja_premises,
        gimo_premises,
        ..
    } = *ids;
    let centre = |id: i64| async move { centre_fields(&app.stored_centre(id).await) };
    let unit = |id: i64| async move {
        unit_fields(&centres::get_unit(&mut *app.conn().await, id).await.expect("unit"))
    };
    let new_centre = |m: i64| {
        fields(&[
            ("name", "Testcentralen {who}"),
            ("municipality_id", &m.to_string()),
        ])
    };
    let new_unit = fields(&[
        ("service", "other"),
        ("name", "Testparten {who}"),
        ("premises_id", "new"),
        ("new_premises_name", "Testparten {who}s lokaler"),
    ]);
    let new_premises = fields(&[("name", "Lokalen {who}"), ("shared_entrance", "yes")]);
    let premises = |id: i64| async move {
        let p = samverka_store::registry::premises::get(&mut *app.conn().await, id)
            .await
            .expect("premises");
        fields(&[
            ("name", &p.name),
            ("address", p.address.as_deref().unwrap_or_default()),
        ])
    };
    let (premises_savja, premises_gimo) = (premises(savja_premises).await, premises(gimo_premises).await);
    let account = fields(&[
        ("email", "ny.{who}@uppsala.demo.samverka.se"),
        ("name", "Nytt konto"),
        ("role", "reader"),
    ]);
    let heby_2024 = "kommun;år;folkmängd;barn_0_6\n0331;2024;14352;995\n";
    let (centre_savja, centre_heby) = (centre(savja).await, centre(heby).await);
    let (centre_gimo, centre_solrosen) = (centre(gimo).await, centre(solrosen).await);
    let (unit_savja, unit_gimo) = (unit(savja_bhv).await, unit(gimo_bhv).await);
    #[rustfmt::skip]
    let rows = vec![
        // Reading
        get(format!("/regions/{u}"), VIEW_UPPSALA),
        get(format!("/regions/{o}"), VIEW_OTHER),
        get(format!("/regions/{u}/access?year=2024"), VIEW_UPPSALA),
        get(format!("/regions/{o}/access?year=2024"), VIEW_OTHER),
        get(format!("/centres/{savja}"), VIEW_UPPSALA),
        get(format!("/centres/{gimo}"), VIEW_UPPSALA),
        get(format!("/centres/{solrosen}"), VIEW_OTHER),
        // Editing centres
        get(format!("/centres/{savja}/edit"), EDIT_SAVJA),
        get(format!("/centres/{heby}/edit"), EDIT_HEBY),
        get(format!("/centres/{gimo}/edit"), MANAGE_UPPSALA),
        get(format!("/centres/{solrosen}/edit"), MANAGE_OTHER),
        post(format!("/centres/{savja}/edit"), centre_savja, EDIT_SAVJA),
        post(format!("/centres/{heby}/edit"), centre_heby, EDIT_HEBY),
        post(format!("/centres/{gimo}/edit"), centre_gimo, MANAGE_UPPSALA),
        post(format!("/centres/{solrosen}/edit"), centre_solrosen, MANAGE_OTHER),
        // Creating and closing centres
        get(format!("/regions/{u}/centres/new"), MANAGE_UPPSALA),
        get(format!("/regions/{o}/centres/new"), MANAGE_OTHER),
        post(format!("/regions/{u}/centres/new"), new_centre(ids.uppsala_municipality), MANAGE_UPPSALA),
        post(format!("/regions/{o}/centres/new"), new_centre(ids.slattkoping), MANAGE_OTHER),
        get(format!("/centres/{savja}/close"), MANAGE_UPPSALA),
        get(format!("/centres/{solrosen}/close"), MANAGE_OTHER),
        close(format!("/centres/{savja}/close"), MANAGE_UPPSALA),
        close(format!("/centres/{solrosen}/close"), MANAGE_OTHER),
        // Units
        get(format!("/centres/{savja}/units/new"), EDIT_SAVJA),
        get(format!("/centres/{gimo}/units/new"), MANAGE_UPPSALA),
        post(format!("/centres/{savja}/units/new"), new_unit.clone(), EDIT_SAVJA),
        post(format!("/centres/{gimo}/units/new"), new_unit, MANAGE_UPPSALA),
        get(format!("/units/{savja_bhv}/edit"), EDIT_SAVJA),
        get(format!("/units/{gimo_bhv}/edit"), MANAGE_UPPSALA),
        post(format!("/units/{savja_bhv}/edit"), unit_savja, EDIT_SAVJA),
        post(format!("/units/{gimo_bhv}/edit"), unit_gimo, MANAGE_UPPSALA),
        get(format!("/units/{savja_bhv}/close"), EDIT_SAVJA),
        get(format!("/units/{gimo_bhv}/close"), MANAGE_UPPSALA),
        close(format!("/units/{savja_bhv}/close"), EDIT_SAVJA),
        close(format!("/units/{gimo_bhv}/close"), MANAGE_UPPSALA),
        // Premises
        get(format!("/centres/{savja}/premises/new"), EDIT_SAVJA),
        get(format!("/centres/{gimo}/premises/new"), MANAGE_UPPSALA),
        post(format!("/centres/{savja}/premises/new"), new_premises.clone(), EDIT_SAVJA),
        post(format!("/centres/{gimo}/premises/new"), new_premises, MANAGE_UPPSALA),
        get(format!("/premises/{savja_premises}/edit"), EDIT_SAVJA),
        get(format!("/premises/{gimo_premises}/edit"), MANAGE_UPPSALA),
        post(format!("/premises/{savja_premises}/edit"), premises_savja, EDIT_SAVJA),
        post(format!("/premises/{gimo_premises}/edit"), premises_gimo, MANAGE_UPPSALA),
        // Rules
        get(format!("/regions/{u}/settings"), MANAGE_UPPSALA),
        get(format!("/regions/{o}/settings"), MANAGE_OTHER),
        post(format!("/regions/{u}/settings"), fields(&[("preset", "national")]), MANAGE_UPPSALA),
        post(format!("/regions/{o}/settings"), fields(&[("preset", "skane")]), MANAGE_OTHER),
        // Population
        get(format!("/regions/{u}/population"), MANAGE_UPPSALA),
        get(format!("/regions/{o}/population"), MANAGE_OTHER),
        upload(format!("/regions/{u}/population"), heby_2024, MANAGE_UPPSALA),
        // Accounts ({target}: an Uppsala reader made for each caller)
        get(format!("/regions/{u}/accounts"), MANAGE_UPPSALA),
        get(format!("/regions/{o}/accounts"), MANAGE_OTHER),
        post(format!("/regions/{u}/accounts"), account, MANAGE_UPPSALA),
        post(format!("/regions/{u}/accounts/{{target}}/disable"), vec![], MANAGE_UPPSALA),
        post(format!("/regions/{u}/accounts/{{target}}/enable"), vec![], MANAGE_UPPSALA),
        post(format!("/regions/{u}/accounts/{{target}}/revoke"), vec![], MANAGE_UPPSALA),
        // Administrators block accounts everywhere
        get("/admin/accounts".into(), ADMINS),
        post("/admin/accounts/{target}/disable".into(), vec![], ADMINS),
        post("/admin/accounts/{target}/enable".into(), vec![], ADMINS),
        // One's own account
        get("/account".into(), EVERYONE),
        // Audit trail
        get(format!("/regions/{u}/audit"), MANAGE_UPPSALA),
        get(format!("/regions/{o}/audit"), MANAGE_OTHER),
    ];
    rows
}

/// What a caller gets, in words, so a failure reads like the table.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Status(u16),
    ToLogin,
}

async fn ask(
    app: &TestApp,
    ids: &Ids,
    caller: Caller,
    client: &reqwest::Client,
    csrf: &str,
    row: &Row,
) -> Outcome {
    let allowed = row.allowed.contains(&caller);
    let path = row.path.replace("{target}", &ids.target(caller).to_string());
    let fill = |f: &[(&'static str, String)]| -> Fields {
        f.iter()
            .map(|(k, v)| (*k, v.replace("{who}", caller.slug())))
            .collect()
    };
    let reply = match &row.body {
        Body::None => {
            let res = client.get(app.url(&path)).send().await.expect("request");
            let status = res.status().as_u16();
            let to_login = res
                .headers()
                .get("location")
                .is_some_and(|l| l.as_bytes().starts_with(b"/login?"));
            return if status == 303 && to_login {
                Outcome::ToLogin
            } else {
                Outcome::Status(status)
            };
        }
        Body::Form(f) => app.submit_with(client, csrf, &path, &borrowed(&fill(f))).await,
        Body::Probe { form, probe } => {
            let f = if allowed { fill(probe) } else { fill(form) };
            app.submit_with(client, csrf, &path, &borrowed(&f)).await
        }
        Body::Csv(csv) => {
            app.upload(client, &format!("{path}?csrf={csrf}"), "befolkning.csv", csv)
                .await
        }
    };
    if reply.is_login_redirect() {
        Outcome::ToLogin
    } else {
        Outcome::Status(reply.status)
    }
}

#[tokio::test]
async fn every_role_gets_the_right_answer_on_every_page() {
    for app in TestApp::all().await {
        let ids = Ids::of(&app).await;
        let rows = table(&app, &ids).await;
        let mut failures = Vec::new();
        for caller in Caller::ALL {
            let client = match caller.account() {
                Some(account) => app.login(account).await,
                None => app.client(),
            };
            let csrf = app.session_csrf(&client).await;
            for row in &rows {
                let expected = match caller {
                    Visitor => Outcome::ToLogin,
                    _ if row.allowed.contains(&caller) => Outcome::Status(row.ok),
                    _ => Outcome::Status(403),
                };
                let got = ask(&app, &ids, caller, &client, &csrf, row).await;
                if got != expected {
                    let method = if matches!(row.body, Body::None) {
                        "GET"
                    } else {
                        "POST"
                    };
                    failures.push(format!(
                        "{caller:?} {method} {}: expected {expected:?}, got {got:?}",
                        row.path
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}:\n{}", app.backend(), failures.join("\n"));
        app.stop().await;
    }
}

#[tokio::test]
async fn refused_changes_leave_the_data_as_it_was() {
    for app in TestApp::all().await {
        let savja = app.centre("Sävja familjecentral").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let before = (app.stored_centre(savja).await, app.stored_centre(gimo).await);
        let units_before = centres::units(&mut *app.conn().await, savja).await.unwrap();
        let uppsala = app.uppsala().await;
        for account in [LOCAL_HEBY, READER, OTHER_COUNTY] {
            let client = app.login(account).await;
            let edit = with(centre_fields(&before.0), "name", "Övertagen familjecentral");
            let r = app
                .submit(&client, &format!("/centres/{savja}/edit"), &borrowed(&edit))
                .await;
            assert_eq!(r.status, 403, "{}: {} edits Sävja", app.backend(), account.0);
            let r = app
                .submit(
                    &client,
                    &format!("/centres/{gimo}/close"),
                    &[("closed_on", "2025-01-01"), ("confirm", "yes")],
                )
                .await;
            assert_eq!(r.status, 403, "{}: {} closes Gimo", app.backend(), account.0);
            let r = app
                .submit(
                    &client,
                    &format!("/centres/{savja}/units/new"),
                    &[("service", "other"), ("name", "X")],
                )
                .await;
            assert_eq!(r.status, 403, "{}: {} adds a unit", app.backend(), account.0);
            let r = app
                .submit(
                    &client,
                    &format!("/regions/{uppsala}/settings"),
                    &[("preset", "skane")],
                )
                .await;
            assert_eq!(
                r.status,
                403,
                "{}: {} changes the rules",
                app.backend(),
                account.0
            );
        }
        let after = (app.stored_centre(savja).await, app.stored_centre(gimo).await);
        assert_eq!(before, after, "{}", app.backend());
        let units_after = centres::units(&mut *app.conn().await, savja).await.unwrap();
        assert_eq!(units_before, units_after, "{}", app.backend());
        let region = regions::get(&mut *app.conn().await, uppsala).await.unwrap();
        assert_eq!(
            region.rules,
            samverka_core::RuleSet::national(),
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_the_login_page() {
    let app = TestApp::sqlite().await;
    let f = Chain::build(&app).await;
    let client = app.client();
    for path in [
        format!("/regions/{}/people", f.region),
        format!("/people/{}", f.anna),
        format!("/people/{}/export", f.anna),
        format!("/regions/{}/groups", f.region),
        format!("/groups/{}", f.management),
        format!("/centres/{}/governance", f.home),
        format!("/regions/{}/contacts.csv", f.region),
        format!("/regions/{}/contacts.xlsx", f.region),
    ] {
        let res = client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 303, "{path}");
        let location = res.headers()["location"].to_str().unwrap();
        assert!(location.starts_with("/login"), "{path} → {location}");
    }
    app.stop().await;
}
