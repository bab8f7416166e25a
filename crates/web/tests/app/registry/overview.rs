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

/// The text of one table's `<tfoot>` (the table whose class list starts with `class`).
fn footer_of(html: &str, class: &str) -> String {
    let at = html
        .find(&format!("<table class=\"data {class}"))
        .unwrap_or_else(|| panic!("no table {class}"));
    let rest = &html[at..];
    let foot = rest.find("<tfoot>").expect("a footer");
    let end = rest.find("</tfoot>").expect("a footer's end");
    crate::support::page_text(&rest[foot..end])
}

/// The ids of the centres listed in the signals table (rows `id="centre-N"`).
fn listed(html: &str) -> Vec<i64> {
    html.match_indices("<tr id=\"centre-")
        .filter_map(|(at, m)| {
            let rest = &html[at + m.len()..];
            rest[..rest.find('"')?].parse().ok()
        })
        .collect()
}

#[tokio::test]
async fn the_overview_counts_services_as_the_county_report_does() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let (status, html) = app.get(&client, &format!("/regions/{uppsala}")).await;
        assert_eq!(status, 200, "{b}");
        // Table 1 of the 2025 follow-up: MHV 15, BHV 16, ÖF run by the municipality 11, SOC 16, another party 8 of 17.
        let foot = footer_of(&html, "services");
        assert!(
            foot.contains("11/17"),
            "{b}: open preschool as in Table 1: {foot}"
        );
        assert!(foot.contains("8/17"), "{b}: other parties as in Table 1: {foot}");
        // Each Heby row still says who runs its open preschool.
        let heby = app.centre("Familjecentralen i Heby").await;
        let row = crate::support::page_text(crate::support::html::row_with_id(
            &html,
            &format!("services-{heby}"),
        ));
        assert!(row.contains("Nej, drivs av Svenska kyrkan"), "{b}: {row}");
        assert!(row.contains("ÖF (Svenska kyrkan)"), "{b}: {row}");
        // Plurals, never "(er)".
        let text = crate::support::page_text(&html);
        assert!(text.contains("17 familjecentraler visas"), "{b}: {text}");
        assert!(!text.contains("(er)"), "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn the_overview_filters_by_class_municipality_and_signal_without_javascript() {
    for app in TestApp::all().await {
        let b = app.backend();
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let base = format!("/regions/{uppsala}");
        let (_, all) = app.get(&client, &base).await;
        assert_eq!(listed(&all).len(), 17, "{b}");
        // The filter is a GET form with the three choices.
        for field in ["name=\"class\"", "name=\"municipality\"", "name=\"signal\""] {
            assert!(all.contains(field), "{b}: {field}");
        }
        assert!(
            all.contains(&format!("<form method=\"get\" action=\"{base}\"")),
            "{b}"
        );

        // By class: the two familjecentraler of the national definition.
        let (status, html) = app.get(&client, &format!("{base}?class=familjecentral")).await;
        assert_eq!(status, 200, "{b}");
        assert_eq!(listed(&html).len(), 2, "{b}");
        assert!(
            html.contains("<option value=\"familjecentral\" selected>"),
            "{b}: the choice stays chosen"
        );
        assert!(
            crate::support::page_text(&html).contains("Filtret visar 2 av 17 familjecentraler"),
            "{b}"
        );

        // By municipality: Heby's five.
        let heby = app.municipality("Heby").await;
        let (_, html) = app.get(&client, &format!("{base}?municipality={heby}")).await;
        assert_eq!(listed(&html).len(), 5, "{b}");
        let foot = footer_of(&html, "services");
        assert!(
            foot.contains("0/5"),
            "{b}: no municipal open preschool in Heby: {foot}"
        );

        // Only red, only unknown: every listed centre shows such a signal.
        for level in ["red", "unknown"] {
            let (status, html) = app.get(&client, &format!("{base}?signal={level}")).await;
            assert_eq!(status, 200, "{b}");
            let ids = listed(&html);
            for id in &ids {
                let row = crate::support::html::row_with_id(&html, &format!("centre-{id}"));
                assert!(
                    row.contains(&format!("data-level=\"{level}\"")),
                    "{b}: {level}: {row}"
                );
            }
            let without = listed(&all)
                .into_iter()
                .filter(|id| !ids.contains(id))
                .collect::<Vec<_>>();
            for id in without {
                let row = crate::support::html::row_with_id(&all, &format!("centre-{id}"));
                assert!(
                    !row.contains(&format!("data-level=\"{level}\"")),
                    "{b}: {level} left out: {row}"
                );
            }
        }

        // Combined, and an unknown value is simply no filter.
        let (_, html) = app
            .get(
                &client,
                &format!("{base}?class=familjecentral&municipality={heby}"),
            )
            .await;
        assert!(listed(&html).len() <= 2, "{b}");
        let (status, html) = app
            .get(&client, &format!("{base}?class=nonsense&signal=purple"))
            .await;
        assert_eq!(status, 200, "{b}");
        assert_eq!(listed(&html).len(), 17, "{b}");
        app.stop().await;
    }
}
