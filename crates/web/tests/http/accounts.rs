//! The county coordinator manages the accounts of their region.

use samverka_store::users;

use crate::support::{COUNTY, OTHER_COUNTY, READER, TestApp, borrowed, centre_fields, page_text, with};

const NEW: (&str, &str) = ("ny.gimo@uppsala.demo.samverka.se", "gimo-lösenord-1");

/// Creates the local coordinator of Gimo through the accounts page; returns the account's id.
async fn create_gimo_coordinator(app: &TestApp, county: &reqwest::Client) -> i64 {
    let uppsala = app.uppsala().await;
    let gimo = app.centre("Familjecentralen i Gimo").await.to_string();
    let r = app
        .submit(
            county,
            &format!("/regions/{uppsala}/accounts"),
            &[
                ("email", NEW.0),
                ("name", "Gun Gimosson"),
                ("password", NEW.1),
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
    users::find_by_email(&app.db, NEW.0)
        .await
        .unwrap()
        .expect("the new account")
        .id
}

#[tokio::test]
async fn a_new_local_coordinator_logs_in_and_edits_only_their_centre() {
    for app in TestApp::all().await {
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let id = create_gimo_coordinator(&app, &county).await;

        let (_, html) = app.get(&county, &format!("/regions/{uppsala}/accounts")).await;
        let page = page_text(&html);
        assert!(page.contains("Kontot är skapat."), "{}: {page}", app.backend());
        assert!(page.contains("Gun Gimosson"), "{}", app.backend());
        assert!(
            page.contains("Lokal samordnare – Familjecentralen i Gimo"),
            "{}: {page}",
            app.backend()
        );
        let grants = users::grants(&app.db, id).await.unwrap();
        assert_eq!(grants.len(), 1, "{}", app.backend());

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
                ("password", "ett långt lösenord".to_string()),
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

        // Through their own region's page, naming the other region's centre.
        let fields = grant("b@example.se", &[&solrosen]);
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts"),
                &borrowed(&fields),
            )
            .await;
        assert_eq!(r.status, 403, "{}", app.backend());

        // Nor on an existing account, not even beside a centre of their own.
        let fields = grant(READER.0, &[&gimo, &solrosen]);
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts"),
                &borrowed(&fields),
            )
            .await;
        assert_eq!(r.status, 403, "{}", app.backend());

        for email in ["a@example.se", "b@example.se"] {
            assert!(
                users::find_by_email(&app.db, email).await.unwrap().is_none(),
                "{}: {email}",
                app.backend()
            );
        }
        let reader = users::find_by_email(&app.db, READER.0).await.unwrap().unwrap();
        let grants = users::grants(&app.db, reader.id).await.unwrap();
        assert_eq!(
            grants.len(),
            1,
            "{}: nothing granted, not even Gimo: {grants:?}",
            app.backend()
        );
        assert_eq!(grants[0].role, samverka_core::Role::Reader, "{}", app.backend());

        // Nor the other region's accounts.
        let other_account = users::find_by_email(&app.db, OTHER_COUNTY.0)
            .await
            .unwrap()
            .unwrap()
            .id;
        for action in ["disable", "enable", "revoke"] {
            let r = app
                .submit(
                    &county,
                    &format!("/regions/{uppsala}/accounts/{other_account}/{action}"),
                    &[],
                )
                .await;
            assert_eq!(r.status, 403, "{}: {action}", app.backend());
            let r = app
                .submit(
                    &county,
                    &format!("/regions/{other}/accounts/{other_account}/{action}"),
                    &[],
                )
                .await;
            assert_eq!(r.status, 403, "{}: {action}", app.backend());
        }
        assert!(
            !users::get(&app.db, other_account).await.unwrap().disabled,
            "{}",
            app.backend()
        );
        assert_eq!(
            users::grants(&app.db, other_account).await.unwrap().len(),
            1,
            "{}",
            app.backend()
        );

        // Nor their own account.
        let me = users::find_by_email(&app.db, COUNTY.0).await.unwrap().unwrap().id;
        let r = app
            .submit(&county, &format!("/regions/{uppsala}/accounts/{me}/disable"), &[])
            .await;
        assert_eq!(r.status, 400, "{}", app.backend());
        assert!(
            !users::get(&app.db, me).await.unwrap().disabled,
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
        let accounts = users::list_in_region(&app.db, uppsala).await.unwrap().len();
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts"),
                &[
                    ("email", "inte en adress"),
                    ("name", ""),
                    ("password", "kort"),
                    ("role", "local-coordinator"),
                ],
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        let page = page_text(&r.body);
        for message in [
            "Skriv en giltig e-postadress.",
            "Fyll i fältet.",
            "Lösenordet måste ha minst 10 tecken.",
            "Välj minst ett alternativ.",
        ] {
            assert!(page.contains(message), "{}: {message}: {page}", app.backend());
        }
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts"),
                &[
                    ("email", "chef@example.se"),
                    ("name", "Chef"),
                    ("password", "ett långt lösenord"),
                    ("role", "admin"),
                ],
            )
            .await;
        assert_eq!(r.status, 422, "{}: only an admin makes admins", app.backend());
        assert!(
            users::find_by_email(&app.db, "chef@example.se")
                .await
                .unwrap()
                .is_none(),
            "{}",
            app.backend()
        );
        assert_eq!(
            users::list_in_region(&app.db, uppsala).await.unwrap().len(),
            accounts,
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_disabled_account_cannot_log_in_until_it_is_enabled_again() {
    for app in TestApp::all().await {
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let id = create_gimo_coordinator(&app, &county).await;
        let session = app.login(NEW).await;
        let token = app.token(NEW.0).await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        assert_eq!(
            app.get(&session, &format!("/centres/{gimo}/edit")).await.0,
            200,
            "{}",
            app.backend()
        );

        let r = app
            .submit(&county, &format!("/regions/{uppsala}/accounts/{id}/disable"), &[])
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        assert!(
            users::get(&app.db, id).await.unwrap().disabled,
            "{}",
            app.backend()
        );
        let (_, html) = app.get(&county, &format!("/regions/{uppsala}/accounts")).await;
        assert!(
            page_text(&html).contains("Kontot är spärrat."),
            "{}",
            app.backend()
        );

        let res = app.login_with(&app.client(), NEW.0, NEW.1).await;
        assert_eq!(
            res.status(),
            401,
            "{}: a disabled account cannot log in",
            app.backend()
        );
        let res = session
            .get(app.url(&format!("/centres/{gimo}/edit")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{}: its open session ends too", app.backend());
        let (status, _) = app.api_get(&token, "/api/v1/centres").await;
        assert_eq!(status, 401, "{}: and its API tokens", app.backend());

        let r = app
            .submit(&county, &format!("/regions/{uppsala}/accounts/{id}/enable"), &[])
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        let client = app.login(NEW).await;
        assert_eq!(
            app.get(&client, &format!("/centres/{gimo}/edit")).await.0,
            200,
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn revoking_takes_away_the_region_but_keeps_the_account() {
    for app in TestApp::all().await {
        let county = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let reader = users::find_by_email(&app.db, READER.0).await.unwrap().unwrap().id;
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts/{reader}/revoke"),
                &[],
            )
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        assert!(
            users::grants(&app.db, reader).await.unwrap().is_empty(),
            "{}",
            app.backend()
        );
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
        assert_eq!(r.status, 403, "{}", app.backend());
        app.stop().await;
    }
}
