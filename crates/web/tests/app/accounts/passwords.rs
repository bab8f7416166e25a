//! Passwords as the people who use them meet them: changing one's own, and
//! the link a county coordinator mails to an account of the region, read
//! from the outbox as its owner would and used.

use std::sync::Arc;

use samverka_app::{App, AppConfig, MailConfig, SystemClock};

use crate::support::mail::body_of;
use crate::support::{COUNTY, LOCAL_HEBY, LOCAL_SAVJA, TestApp, page_text};

#[tokio::test]
async fn a_user_changes_their_own_password_and_the_old_one_stops_working() {
    for app in TestApp::all().await {
        let b = app.backend();
        let savja = app.login(LOCAL_SAVJA).await;
        let (status, html) = app.get(&savja, "/account").await;
        assert_eq!(status, 200, "{b}");
        assert!(
            html.contains("action=\"/account/password\""),
            "{b}: the form is on the account page"
        );
        let r = app
            .submit(
                &savja,
                "/account/password",
                &[
                    ("current_password", LOCAL_SAVJA.1),
                    ("new_password", "mitt eget nya lösenord"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        let old = app.login_with(&app.client(), LOCAL_SAVJA.0, LOCAL_SAVJA.1).await;
        assert_eq!(old.status(), 401, "{b}: the old password no longer works");
        let new = app
            .login_with(&app.client(), LOCAL_SAVJA.0, "mitt eget nya lösenord")
            .await;
        assert_eq!(new.status(), 303, "{b}: the new one does");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_county_coordinator_mails_a_reset_link_that_lands_in_the_outbox_and_works() {
    for app in TestApp::all().await {
        let b = app.backend();
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let heby = app.user_id(LOCAL_HEBY.0).await;
        let action = format!("/regions/{uppsala}/accounts/{heby}/password-link");
        let (status, html) = app
            .get(&county, &format!("/regions/{uppsala}/accounts/{heby}"))
            .await;
        assert_eq!(status, 200, "{b}");
        assert!(
            html.contains(&format!("action=\"{action}\"")),
            "{b}: the account's page offers the link"
        );
        let r = app.submit(&county, &action, &[]).await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        let (_, html) = app.get(&county, r.location.as_deref().unwrap()).await;
        assert!(page_text(&html).contains(LOCAL_HEBY.0), "{b}: it says to whom");

        // The sender writes the mail into the outbox folder.
        let outbox = tempfile::tempdir().unwrap();
        let sender = App::new(
            app.db.clone(),
            AppConfig {
                mail: MailConfig {
                    outbox_dir: outbox.path().to_path_buf(),
                    ..MailConfig::default()
                },
                ..app.app.config().clone()
            },
            Arc::new(SystemClock),
        );
        samverka_app::jobs::mail::send_pending(&sender).await.unwrap();
        let eml = std::fs::read_dir(outbox.path())
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .find(|eml| eml.lines().any(|l| l == format!("To: {}", LOCAL_HEBY.0)))
            .unwrap_or_else(|| panic!("{b}: no mail to {} in the outbox", LOCAL_HEBY.0));
        let body = body_of(&eml);
        let base = app.url("/password/");
        let at = body
            .find(&base)
            .unwrap_or_else(|| panic!("{b}: no link in {body}"));
        let link = &body[at + base.len() - "/password/".len()..];
        let link = &link[..link.find(char::is_whitespace).unwrap_or(link.len())];

        // Its owner opens it, chooses a password and logs in with it.
        let owner = app.client();
        let (status, html) = app.get(&owner, link).await;
        assert_eq!(status, 200, "{b}: {}", page_text(&html));
        let csrf = app.csrf(&owner, link).await;
        let r = app
            .post_fields(
                &owner,
                link,
                &[("csrf", csrf.as_str()), ("password", "valt med länken i brevet")],
            )
            .await;
        assert_eq!(
            (r.status, r.location.as_deref()),
            (303, Some("/login")),
            "{b}: {}",
            page_text(&r.body)
        );
        let res = app
            .login_with(&app.client(), LOCAL_HEBY.0, "valt med länken i brevet")
            .await;
        assert_eq!(res.status(), 303, "{b}: the new password works");
        let res = app.login_with(&app.client(), LOCAL_HEBY.0, LOCAL_HEBY.1).await;
        assert_eq!(res.status(), 401, "{b}: the old one does not");
        // The link works once.
        let (_, html) = app.get(&owner, link).await;
        assert!(!html.contains("name=\"password\""), "{b}: no form on a used link");
        let r = app
            .post_fields(
                &owner,
                link,
                &[("csrf", csrf.as_str()), ("password", "ett tredje lösenord här")],
            )
            .await;
        assert_ne!(r.status, 303, "{b}: a used link sets nothing");
        app.stop().await;
    }
}

#[tokio::test]
async fn centres_for_an_account_are_ticked_boxes_never_a_multiple_choice_list() {
    // No page asks anyone to hold Ctrl to choose several things.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else {
            let text = std::fs::read_to_string(&p).unwrap();
            assert!(
                !text.contains(" multiple"),
                "{}: a <select multiple>",
                p.display()
            );
        }
    }
    for app in TestApp::all().await {
        let b = app.backend();
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let (_, html) = app.get(&county, &format!("/regions/{uppsala}/accounts")).await;
        let savja = app.centre("Sävja familjecentral").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        for id in [savja, gimo] {
            assert!(
                html.contains(&format!(
                    "<input type=\"checkbox\" id=\"centre-{id}\" name=\"centre\" value=\"{id}\""
                )),
                "{b}: a box to tick for centre {id}"
            );
        }
        let (s, g) = (savja.to_string(), gimo.to_string());
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts"),
                &[
                    ("email", "tva.centraler@uppsala.demo.samverka.se"),
                    ("name", "Två Centraler"),
                    ("role", "local-coordinator"),
                    ("centre", s.as_str()),
                    ("centre", g.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        let id = app.user_id("tva.centraler@uppsala.demo.samverka.se").await;
        let mut centres: Vec<i64> = app
            .grants(id)
            .await
            .iter()
            .filter_map(|g| g.grant.centre_id)
            .collect();
        centres.sort_unstable();
        let mut want = vec![savja, gimo];
        want.sort_unstable();
        assert_eq!(centres, want, "{b}: both ticked centres");
        app.stop().await;
    }
}
