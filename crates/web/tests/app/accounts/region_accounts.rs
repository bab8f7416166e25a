//! The county coordinator gives access in their region: an address without
//! an account gets one and a one-time link to choose its password; an
//! account's roles are blocked, unblocked and taken away region by region;
//! administrators block accounts everywhere.

use samverka_core::Role;

use crate::support::{
    ADMIN, COUNTY, OTHER_COUNTY, READER, TestApp, borrowed, centre_fields, page_text, with,
};

const NEW: (&str, &str) = ("ny.gimo@uppsala.demo.samverka.se", "gimo-lösenord-1");

/// Gives the local coordinator role at Gimo to [`NEW`] through the accounts
/// page; returns the account's id (made now, without a password).
async fn give_gimo_coordinator(app: &TestApp, county: &reqwest::Client) -> i64 {
    let uppsala = app.uppsala().await;
    let gimo = app.centre("Familjecentralen i Gimo").await.to_string();
    let r = app
        .submit(
            county,
            &format!("/regions/{uppsala}/accounts"),
            &[
                ("email", NEW.0),
                ("name", "Gun Gimosson"),
                ("role", "local-coordinator"),
                ("centre", &gimo),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}: {}", app.backend(), page_text(&r.body));
    assert_eq!(
        r.location,
        Some(format!("/regions/{uppsala}/accounts")),
        "{}",
        app.backend()
    );
    app.account(NEW.0).await.expect("the new account").id
}

/// The flash the accounts page shows after giving access to an address.
fn given(email: &str) -> String {
    format!(
        "Klart: {email} har fått behörigheten i regionen och ett e-brev om det. Ett nytt konto får en länk för att välja lösenord."
    )
}

#[tokio::test]
async fn a_new_local_coordinator_chooses_a_password_logs_in_and_edits_only_their_centre() {
    for app in TestApp::all().await {
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let id = give_gimo_coordinator(&app, &county).await;

        let (_, html) = app.get(&county, &format!("/regions/{uppsala}/accounts")).await;
        let page = page_text(&html);
        assert!(page.contains(&given(NEW.0)), "{}: {page}", app.backend());
        assert!(page.contains("Gun Gimosson"), "{}", app.backend());
        assert!(
            page.contains("Lokal samordnare – Familjecentralen i Gimo"),
            "{}: {page}",
            app.backend()
        );
        let grants = app.grants(id).await;
        assert_eq!(grants.len(), 1, "{}", app.backend());

        // The account has no password until its owner follows the mailed link, once.
        let res = app.login_with(&app.client(), NEW.0, NEW.1).await;
        assert_eq!(res.status(), 401, "{}: no password yet", app.backend());
        let welcome = app.queued_mail().await;
        let welcome = welcome.iter().rev().find(|q| q.mail.to == NEW.0).expect("a mail");
        assert_eq!(
            welcome.mail.subject,
            "Välkommen till samverka",
            "{}",
            app.backend()
        );
        assert!(welcome.mail.body.contains("Region Uppsala"), "{}", app.backend());
        let link = app.password_link(NEW.0).await.expect("a password link");
        app.choose_password(NEW.0, NEW.1).await;
        let (status, html) = app.get(&app.client(), &link).await;
        assert_eq!(status, 200, "{}", app.backend());
        assert!(
            page_text(&html).contains("Länken fungerar inte längre"),
            "{}: the link works once",
            app.backend()
        );

        let client = app.login(NEW).await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let savja = app.centre("Sävja familjecentral").await;
        let (status, _) = app.get(&client, &format!("/centres/{gimo}/edit")).await;
        assert_eq!(status, 200, "{}", app.backend());
        let fields = with(
            centre_fields(&app.stored_centre(gimo).await),
            "shared_opening_hours",
            "20",
        );
        let r = app
            .submit(&client, &format!("/centres/{gimo}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        assert_eq!(
            app.stored_centre(gimo).await.shared_opening_minutes,
            Some(1200),
            "{}",
            app.backend()
        );

        let before = app.stored_centre(savja).await;
        let (status, _) = app.get(&client, &format!("/centres/{savja}/edit")).await;
        assert_eq!(status, 403, "{}", app.backend());
        let fields = with(centre_fields(&before), "shared_opening_hours", "20");
        let r = app
            .submit(&client, &format!("/centres/{savja}/edit"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 403, "{}", app.backend());
        assert_eq!(app.stored_centre(savja).await, before, "{}", app.backend());
        let (status, _) = app.get(&client, &format!("/regions/{uppsala}/accounts")).await;
        assert_eq!(
            status,
            403,
            "{}: a local coordinator does not manage accounts",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn giving_access_to_an_address_with_an_account_answers_the_same_and_only_adds_the_role() {
    for app in TestApp::all().await {
        let b = app.backend();
        let other = app.other_region().await;
        let other_county = app.login(OTHER_COUNTY).await;
        let reader = app.account(READER.0).await.unwrap();
        let mails_before = app.queued_mail().await.len();

        // The other region's coordinator gives Uppsala's reader a role in their region.
        let r = app
            .submit(
                &other_county,
                &format!("/regions/{other}/accounts"),
                &[
                    ("email", READER.0),
                    ("name", "Ett annat namn"),
                    ("role", "reader"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        assert_eq!(r.location, Some(format!("/regions/{other}/accounts")), "{b}");
        let (_, html) = app
            .get(&other_county, &format!("/regions/{other}/accounts"))
            .await;
        assert!(
            page_text(&html).contains(&given(READER.0)),
            "{b}: the same words as for a new address"
        );

        // The account keeps its name and password, and gets a role in that region only.
        let after = app.account(READER.0).await.unwrap();
        assert_eq!(
            (after.name.as_str(), after.password_hash.as_ref()),
            (reader.name.as_str(), reader.password_hash.as_ref()),
            "{b}"
        );
        let mut regions: Vec<Option<i64>> = app
            .grants(reader.id)
            .await
            .iter()
            .map(|g| g.grant.region_id)
            .collect();
        regions.sort();
        let mut expected = vec![Some(app.uppsala().await), Some(other)];
        expected.sort();
        assert_eq!(regions, expected, "{b}");
        let mails = app.queued_mail().await;
        assert_eq!(mails.len(), mails_before + 1, "{b}: one mail");
        let mail = &mails.last().unwrap().mail;
        assert_eq!(mail.to, READER.0, "{b}");
        assert!(
            !mail.body.contains("/password/"),
            "{b}: no password link for an account that has one: {}",
            mail.body
        );
        app.login(READER).await;
        app.stop().await;
    }
}

#[tokio::test]
async fn a_county_coordinator_cannot_grant_on_a_centre_or_manage_accounts_of_another_region() {
    for app in TestApp::all().await {
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let other = app.other_region().await;
        let solrosen = app.centre("Familjecentralen Solrosen").await.to_string();
        let gimo = app.centre("Familjecentralen i Gimo").await.to_string();
        let grant = |email: &'static str, centres: &[&str]| -> Vec<(&str, String)> {
            let mut f = vec![
                ("email", email.to_string()),
                ("name", "Främling".to_string()),
                ("role", "local-coordinator".to_string()),
            ];
            f.extend(centres.iter().map(|c| ("centre", c.to_string())));
            f
        };

        // Through the page of the other region.
        let (status, _) = app.get(&county, &format!("/regions/{other}/accounts")).await;
        assert_eq!(status, 403, "{}", app.backend());
        let fields = grant("a@example.se", &[&solrosen]);
        let r = app
            .submit(&county, &format!("/regions/{other}/accounts"), &borrowed(&fields))
            .await;
        assert_eq!(r.status, 403, "{}", app.backend());

        // Through their own region's page, naming the other region's centre: not one of the choices.
        let fields = grant("b@example.se", &[&solrosen]);
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts"),
                &borrowed(&fields),
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert!(
            page_text(&r.body).contains("Välj ett av alternativen."),
            "{}: {}",
            app.backend(),
            page_text(&r.body)
        );

        // Nor on an existing account, not even beside a centre of their own.
        let fields = grant(READER.0, &[&gimo, &solrosen]);
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts"),
                &borrowed(&fields),
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());

        for email in ["a@example.se", "b@example.se"] {
            assert!(app.account(email).await.is_none(), "{}: {email}", app.backend());
        }
        let reader = app.account(READER.0).await.unwrap();
        let grants = app.grants(reader.id).await;
        assert_eq!(
            grants.len(),
            1,
            "{}: nothing granted, not even Gimo: {grants:?}",
            app.backend()
        );
        assert_eq!(grants[0].grant.role, Role::Reader, "{}", app.backend());

        // Nor the other region's accounts: not in Uppsala's list, and not their region.
        let other_account = app.user_id(OTHER_COUNTY.0).await;
        for action in ["disable", "enable", "revoke"] {
            let r = app
                .submit(
                    &county,
                    &format!("/regions/{uppsala}/accounts/{other_account}/{action}"),
                    &[],
                )
                .await;
            assert_eq!(r.status, 404, "{}: {action}", app.backend());
            let r = app
                .submit(
                    &county,
                    &format!("/regions/{other}/accounts/{other_account}/{action}"),
                    &[],
                )
                .await;
            assert_eq!(r.status, 403, "{}: {action}", app.backend());
        }
        let grants = app.grants(other_account).await;
        assert_eq!(grants.len(), 1, "{}", app.backend());
        assert!(
            grants[0].disabled_at.is_none() && !app.account(OTHER_COUNTY.0).await.unwrap().disabled,
            "{}",
            app.backend()
        );

        // Nor their own account.
        let me = app.user_id(COUNTY.0).await;
        let r = app
            .submit(&county, &format!("/regions/{uppsala}/accounts/{me}/disable"), &[])
            .await;
        assert_eq!(r.status, 409, "{}: not oneself", app.backend());
        assert!(
            app.grants(me).await.iter().all(|g| g.disabled_at.is_none()),
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_new_account_needs_valid_input_and_cannot_be_an_admin() {
    for app in TestApp::all().await {
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let in_region = || async {
            samverka_store::accounts::users::list_in_region(&mut *app.conn().await, uppsala)
                .await
                .unwrap()
                .len()
        };
        let accounts = in_region().await;
        let mails = app.queued_mail().await.len();
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts"),
                &[
                    ("email", "inte en adress"),
                    ("name", ""),
                    ("role", "local-coordinator"),
                ],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        let page = page_text(&r.body);
        // Every problem at once, not only the first.
        let missing: Vec<&str> = [
            "Skriv en giltig e-postadress.",
            "Fyll i fältet.",
            "Välj minst ett alternativ.",
        ]
        .into_iter()
        .filter(|m| !page.contains(m))
        .collect();
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts"),
                &[("email", "chef@example.se"), ("name", "Chef"), ("role", "admin")],
            )
            .await;
        assert_eq!(r.status, 422, "{}: only an admin makes admins", app.backend());
        assert!(
            app.account("chef@example.se").await.is_none(),
            "{}",
            app.backend()
        );
        assert_eq!(in_region().await, accounts, "{}", app.backend());
        assert_eq!(app.queued_mail().await.len(), mails, "{}: no mail", app.backend());
        assert!(
            missing.is_empty(),
            "{}: messages missing: {missing:?}: {page}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_blocked_account_loses_the_region_until_unblocked_and_an_admin_blocks_it_everywhere() {
    for app in TestApp::all().await {
        let b = app.backend();
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let other = app.other_region().await;
        let id = give_gimo_coordinator(&app, &county).await;
        app.choose_password(NEW.0, NEW.1).await;
        // The account is a reader in the other region too.
        let other_county = app.login(OTHER_COUNTY).await;
        let r = app
            .submit(
                &other_county,
                &format!("/regions/{other}/accounts"),
                &[("email", NEW.0), ("name", "Gun Gimosson"), ("role", "reader")],
            )
            .await;
        assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
        let session = app.login(NEW).await;
        let token = app.token(NEW.0).await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        assert_eq!(
            app.get(&session, &format!("/centres/{gimo}/edit")).await.0,
            200,
            "{b}"
        );

        // Blocked in Uppsala.
        let r = app
            .submit(&county, &format!("/regions/{uppsala}/accounts/{id}/disable"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}");
        let grants = app.grants(id).await;
        assert!(
            grants
                .iter()
                .all(|g| g.disabled_at.is_some() == (g.grant.region_id == Some(uppsala))),
            "{b}: only Uppsala's roles are blocked: {grants:?}"
        );
        assert!(!app.account(NEW.0).await.unwrap().disabled, "{b}");
        let (_, html) = app.get(&county, &format!("/regions/{uppsala}/accounts")).await;
        let page = page_text(&html);
        assert!(
            page.contains("Kontots behörigheter i regionen är spärrade: de slutar gälla direkt"),
            "{b}: {page}"
        );
        assert!(page.contains("Spärrat i regionen"), "{b}");

        assert_eq!(
            app.get(&session, &format!("/centres/{gimo}/edit")).await.0,
            403,
            "{b}: its open login loses Gimo at once"
        );
        assert_eq!(
            app.get(&session, &format!("/regions/{other}")).await.0,
            200,
            "{b}: and keeps the other region"
        );
        let client = app.login(NEW).await;
        assert_eq!(
            app.get(&client, &format!("/centres/{gimo}/edit")).await.0,
            403,
            "{b}: it logs in, but Gimo is no longer its to edit"
        );
        assert_eq!(
            app.get(&client, &format!("/regions/{uppsala}")).await.0,
            403,
            "{b}"
        );
        assert_eq!(
            app.get(&client, &format!("/regions/{other}")).await.0,
            200,
            "{b}: the other region still works"
        );
        let (status, _) = app.api_get(&token, &format!("/api/v1/centres/{gimo}")).await;
        assert_eq!(status, 403, "{b}: nor through its API tokens");
        let (status, list) = app.api_get(&token, "/api/v1/centres").await;
        assert_eq!(status, 200, "{b}");
        assert!(
            list["centres"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["region_id"] == other),
            "{b}: {list}"
        );

        let r = app
            .submit(&county, &format!("/regions/{uppsala}/accounts/{id}/enable"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}");
        let client = app.login(NEW).await;
        assert_eq!(
            app.get(&client, &format!("/centres/{gimo}/edit")).await.0,
            200,
            "{b}"
        );

        // An administrator blocks the account everywhere: no login, no API, no session.
        let admin = app.login(ADMIN).await;
        let r = app
            .submit(&county, &format!("/admin/accounts/{id}/disable"), &[])
            .await;
        assert_eq!(r.status, 403, "{b}: only administrators block everywhere");
        let r = app
            .submit(&admin, &format!("/admin/accounts/{id}/disable"), &[])
            .await;
        assert_eq!(
            (r.status, r.location.as_deref()),
            (303, Some("/admin/accounts")),
            "{b}"
        );
        assert!(app.account(NEW.0).await.unwrap().disabled, "{b}");
        let res = app.login_with(&app.client(), NEW.0, NEW.1).await;
        assert_eq!(res.status(), 401, "{b}: a disabled account cannot log in");
        let res = client
            .get(app.url(&format!("/centres/{gimo}/edit")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{b}: its open session ends too");
        let (status, _) = app.api_get(&token, "/api/v1/centres").await;
        assert_eq!(status, 401, "{b}: and its API tokens");
        let (_, html) = app.get(&admin, "/admin/accounts").await;
        assert!(page_text(&html).contains("Kontot är spärrat överallt"), "{b}");
        let admin_id = app.user_id(ADMIN.0).await;
        let r = app
            .submit(&admin, &format!("/admin/accounts/{admin_id}/disable"), &[])
            .await;
        assert_eq!(r.status, 409, "{b}: not oneself");

        let r = app
            .submit(&admin, &format!("/admin/accounts/{id}/enable"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}");
        let client = app.login(NEW).await;
        assert_eq!(
            app.get(&client, &format!("/centres/{gimo}/edit")).await.0,
            200,
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn revoking_takes_away_the_region_but_keeps_the_account() {
    for app in TestApp::all().await {
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let reader = app.user_id(READER.0).await;
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts/{reader}/revoke"),
                &[],
            )
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        assert!(app.grants(reader).await.is_empty(), "{}", app.backend());
        let client = app.login(READER).await;
        let (status, _) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert_eq!(status, 403, "{}", app.backend());
        // Gone from the region's list, so no longer the region's to manage.
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts/{reader}/disable"),
                &[],
            )
            .await;
        assert_eq!(r.status, 404, "{}", app.backend());
        assert!(
            app.account(READER.0).await.is_some_and(|a| !a.disabled),
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}
