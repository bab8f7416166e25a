//! The start page and the county overview: where each account lands.

use crate::support::{ADMIN, COUNTY, LOCAL_HEBY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp};

#[tokio::test]
async fn the_start_page_leads_each_account_to_its_regions_and_no_further() {
    for app in TestApp::all().await {
        let uppsala = app.uppsala().await;
        let other = app.other_region().await;
        let (status, html) = app.get(&app.login(ADMIN).await, "/").await;
        assert_eq!(status, 200, "{}", app.backend());
        assert!(
            html.contains(&format!("/regions/{uppsala}")) && html.contains(&format!("/regions/{other}")),
            "{}: the admin sees both regions",
            app.backend()
        );
        for (account, region) in [
            (COUNTY, uppsala),
            (LOCAL_SAVJA, uppsala),
            (LOCAL_HEBY, uppsala),
            (READER, uppsala),
            (OTHER_COUNTY, other),
        ] {
            let client = app.login(account).await;
            let res = client.get(app.url("/")).send().await.unwrap();
            assert_eq!(res.status(), 303, "{}: {}", app.backend(), account.0);
            assert_eq!(
                res.headers()["location"],
                format!("/regions/{region}"),
                "{}: {}",
                app.backend(),
                account.0
            );
        }
        let res = app.client().get(app.url("/")).send().await.unwrap();
        assert_eq!(res.status(), 303, "{}", app.backend());
        assert_eq!(res.headers()["location"], "/login?next=%2F", "{}", app.backend());

        // An account without grants sees no region.
        app.add_account("ingen@demo.samverka.se", Some("ingen behörighet alls"), &[])
            .await;
        let client = app
            .login(("ingen@demo.samverka.se", "ingen behörighet alls"))
            .await;
        let (status, html) = app.get(&client, "/").await;
        assert_eq!(status, 200, "{}", app.backend());
        assert!(
            html.contains("har ännu inte behörighet"),
            "{}: {html}",
            app.backend()
        );
        let (status, _) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert_eq!(status, 403, "{}", app.backend());
        app.stop().await;
    }
}
