//! A region's coordinator manages the grants of their own region and
//! nothing else: they cannot lock out the administrator or another
//! region's coordinator, even by "creating" an account with their address
//! and then blocking it. Only an administrator blocks everywhere, and an
//! administrator can unblock. Messages follow the user's language.

use crate::support::{ADMIN, COUNTY, OTHER_COUNTY, READER, TestApp, page_text};

/// Gives the account with this address a reader role in the region, through its form.
async fn give_reader_role(app: &TestApp, county: &reqwest::Client, region: i64, email: &str) {
    let r = app
        .submit(
            county,
            &format!("/regions/{region}/accounts"),
            &[("email", email), ("name", "Någon Annan"), ("role", "reader")],
        )
        .await;
    assert_eq!(r.status, 303, "{}: {}", app.backend(), page_text(&r.body));
}

#[tokio::test]
async fn a_county_coordinator_cannot_lock_out_the_administrator_or_another_regions_coordinator() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let other = app.other_region().await;
        let county = app.login(COUNTY).await;
        let admin_id = app.user_id(ADMIN.0).await;
        let rival_id = app.user_id(OTHER_COUNTY.0).await;
        let admin_token = app.token(ADMIN.0).await;
        let rival_token = app.token(OTHER_COUNTY.0).await;

        // Accounts without a grant in Uppsala are not Uppsala's to block.
        for id in [admin_id, rival_id] {
            let r = app
                .submit(&county, &format!("/regions/{uppsala}/accounts/{id}/disable"), &[])
                .await;
            assert_eq!(r.status, 404, "{b}: account {id} is not in the region");
            let r = app
                .submit(&county, &format!("/admin/accounts/{id}/disable"), &[])
                .await;
            assert_eq!(r.status, 403, "{b}: only administrators block everywhere");
        }

        // Both are logged in while the coordinator acts.
        let admin_before = app.login(ADMIN).await;
        let rival_before = app.login(OTHER_COUNTY).await;

        // "Creating" accounts with their addresses only adds a role in Uppsala…
        give_reader_role(&app, &county, uppsala, ADMIN.0).await;
        give_reader_role(&app, &county, uppsala, OTHER_COUNTY.0).await;
        // …and blocking those blocks that role, nothing more.
        for (id, email) in [(admin_id, ADMIN.0), (rival_id, OTHER_COUNTY.0)] {
            let r = app
                .submit(&county, &format!("/regions/{uppsala}/accounts/{id}/disable"), &[])
                .await;
            assert_eq!(r.status, 303, "{b}: {}", page_text(&r.body));
            assert!(
                !app.account(email).await.unwrap().disabled,
                "{b}: {email} itself is not blocked"
            );
        }

        // Their logins go on: blocking a role in one region logs nobody out
        // who still has work elsewhere.
        assert_eq!(
            app.get(&admin_before, "/admin/accounts").await.0,
            200,
            "{b}: the administrator's login survives"
        );
        assert_eq!(
            app.get(&rival_before, &format!("/regions/{other}/accounts"))
                .await
                .0,
            200,
            "{b}: the other coordinator's login survives"
        );
        // …but the role blocked in Uppsala is gone from them at once.
        assert_eq!(
            app.get(&rival_before, &format!("/regions/{uppsala}")).await.0,
            403,
            "{b}: the blocked Uppsala role no longer opens Uppsala"
        );

        // The administrator still logs in, administers and uses the API.
        let admin = app.login(ADMIN).await;
        assert_eq!(app.get(&admin, "/admin/accounts").await.0, 200, "{b}");
        assert_eq!(app.get(&admin, &format!("/regions/{other}")).await.0, 200, "{b}");
        assert_eq!(
            app.get(&admin, &format!("/regions/{uppsala}")).await.0,
            200,
            "{b}"
        );
        assert_eq!(app.api_get(&admin_token, "/api/v1/centres").await.0, 200, "{b}");
        // The other region's coordinator too, in their own region, by page and token.
        let rival = app.login(OTHER_COUNTY).await;
        assert_eq!(
            app.get(&rival, &format!("/regions/{other}/accounts")).await.0,
            200,
            "{b}"
        );
        let (status, json) = app
            .api_get(&rival_token, &format!("/api/v1/centres?region={other}"))
            .await;
        assert_eq!(status, 200, "{b}: {json}");
        assert!(
            json["centres"].as_array().is_some_and(|c| !c.is_empty()),
            "{b}: the token still sees its region's centres"
        );
        // But the blocked reader role in Uppsala gives them nothing there.
        assert_eq!(
            app.get(&rival, &format!("/regions/{uppsala}")).await.0,
            403,
            "{b}"
        );

        // Removing them from Uppsala leaves their own grants alone.
        let r = app
            .submit(
                &county,
                &format!("/regions/{uppsala}/accounts/{rival_id}/revoke"),
                &[],
            )
            .await;
        assert_eq!(r.status, 303, "{b}");
        assert!(
            app.grants(rival_id)
                .await
                .iter()
                .any(|g| g.grant.region_id == Some(other) && g.disabled_at.is_none()),
            "{b}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn an_administrator_unblocks_an_account_blocked_everywhere() {
    for app in TestApp::all().await {
        let b = app.backend();
        let admin = app.login(ADMIN).await;
        let id = app.user_id(OTHER_COUNTY.0).await;
        let r = app
            .submit(&admin, &format!("/admin/accounts/{id}/disable"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}");
        let res = app
            .login_with(&app.client(), OTHER_COUNTY.0, OTHER_COUNTY.1)
            .await;
        assert_eq!(res.status(), 401, "{b}");
        let (_, html) = app.get(&admin, "/admin/accounts").await;
        assert!(page_text(&html).contains("Spärrat"), "{b}");

        let r = app
            .submit(&admin, &format!("/admin/accounts/{id}/enable"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}");
        let rival = app.login(OTHER_COUNTY).await;
        let other = app.other_region().await;
        assert_eq!(app.get(&rival, &format!("/regions/{other}")).await.0, 200, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn blocking_and_unblocking_are_confirmed_in_the_users_language() {
    for app in TestApp::all().await {
        let b = app.backend();
        let uppsala = app.uppsala().await;
        let reader = app.user_id(READER.0).await;
        let county = app.login_in("en", COUNTY).await;
        let list = format!("/regions/{uppsala}/accounts");

        let r = app
            .submit(&county, &format!("{list}/{reader}/disable"), &[])
            .await;
        assert_eq!(r.status, 303, "{b}");
        let page = page_text(&app.get(&county, &list).await.1);
        assert!(
            page.contains("The account's roles in the region are blocked"),
            "{b}: {page}"
        );
        assert!(
            !page.contains("spärrade"),
            "{b}: no Swedish flash for an English user"
        );

        let r = app.submit(&county, &format!("{list}/{reader}/enable"), &[]).await;
        assert_eq!(r.status, 303, "{b}");
        let page = page_text(&app.get(&county, &list).await.1);
        assert!(page.contains("The account is active again"), "{b}: {page}");

        // In Swedish for a Swedish user.
        let swedish = app.login(COUNTY).await;
        app.submit(&swedish, &format!("{list}/{reader}/disable"), &[])
            .await;
        let page = page_text(&app.get(&swedish, &list).await.1);
        assert!(
            page.contains("Kontots behörigheter i regionen är spärrade"),
            "{b}: {page}"
        );
        app.stop().await;
    }
}
