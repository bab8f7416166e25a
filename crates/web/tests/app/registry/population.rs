//! Importing population numbers from a CSV file: all or nothing, every bad
//! row named, and the trail records the import.

use samverka_store::registry::municipalities;

use crate::support::html::{access_numbers, row_cells};
use crate::support::{COUNTY, TestApp, page_text};

#[tokio::test]
async fn a_population_file_with_a_bad_row_imports_nothing() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let csrf = app.session_csrf(&client).await;
        let csv = "kommun;år;folkmängd;barn_0_6\n\
                   0331;2025;14400;1000\n\
                   Uppsala;2025;många;17600\n\
                   0381;2025;48700;3800\n";
        let audit_before = app.last_audit_id(Some(uppsala)).await;
        let r = app
            .upload(
                &client,
                &format!("/regions/{uppsala}/population?csrf={csrf}"),
                "bef.csv",
                csv,
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        let page = page_text(&r.body);
        assert!(
            page.contains("Ingenting importerades"),
            "{}: {page}",
            app.backend()
        );
        assert!(
            page.contains("Rad 3: folkmängd ska vara ett heltal, men är ”många”."),
            "{}: the bad row is named: {page}",
            app.backend()
        );
        assert!(
            !page.contains("Rad 2"),
            "{}: good rows are not listed",
            app.backend()
        );

        let years = municipalities::population_years(&mut *app.conn().await, Some(uppsala))
            .await
            .unwrap();
        assert_eq!(years, vec![2024, 2023], "{}: nothing imported", app.backend());
        // A municipality of another region is a bad row too.
        let csv = "kommun,år,folkmängd,barn_0_6\n0331,2025,14400,1000\n9901,2025,31600,2300\n";
        let r = app
            .upload(
                &client,
                &format!("/regions/{uppsala}/population?csrf={csrf}"),
                "bef.csv",
                csv,
            )
            .await;
        assert_eq!(r.status, 422, "{}", app.backend());
        assert!(
            page_text(&r.body).contains("Rad 3: kommunen ”9901” finns inte i regionen."),
            "{}: {}",
            app.backend(),
            page_text(&r.body)
        );

        let years = municipalities::population_years(&mut *app.conn().await, None)
            .await
            .unwrap();
        assert!(!years.contains(&2025), "{}: nothing imported", app.backend());
        let audit_after = app.last_audit_id(Some(uppsala)).await;
        assert_eq!(audit_before, audit_after, "{}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn a_good_population_file_is_imported_and_shown() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let csrf = app.session_csrf(&client).await;
        let csv = "\u{feff}kommun;år;folkmängd;barn_0_6\n\
                   0331;2025;14400;1000\n\
                   Uppsala;2025;250000;18000\n\
                   0381;2025;48700;3800\n";
        let r = app
            .upload(
                &client,
                &format!("/regions/{uppsala}/population?csrf={csrf}"),
                "bef.csv",
                csv,
            )
            .await;
        assert_eq!(r.status, 303, "{}: {}", app.backend(), page_text(&r.body));
        assert_eq!(
            r.location,
            Some(format!("/regions/{uppsala}/access")),
            "{}",
            app.backend()
        );

        let (_, html) = app.get(&client, &format!("/regions/{uppsala}/access")).await;
        let b = app.backend();
        assert!(
            page_text(&html).contains("3 rader med befolkningssiffror importerades."),
            "{b}"
        );
        assert!(
            page_text(&html).contains("Tillgång till familjecentral 2025"),
            "{b}: the new year is the latest"
        );
        assert_eq!(access_numbers(&html, "Heby"), ["1\u{a0}000", "5", "200"], "{b}");
        assert_eq!(
            access_numbers(&html, "Uppsala"),
            ["18\u{a0}000", "6", "3\u{a0}000"],
            "{b}"
        );
        assert_eq!(
            access_numbers(&html, "Enköping"),
            ["3\u{a0}800", "1", "3\u{a0}800"],
            "{b}"
        );
        assert_eq!(
            row_cells(&html, "Tierp")[1],
            "uppgift saknas",
            "{b}: not in the file"
        );
        assert!(
            page_text(&html).contains("Befolkningssiffror saknas för någon kommun"),
            "{b}"
        );

        // 2024 is untouched.
        let (_, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2024"))
            .await;
        assert_eq!(access_numbers(&html, "Heby"), ["995", "5", "199"], "{b}");

        // The import is in the trail.
        let trail = app.audit(Some(uppsala), 1).await;
        assert_eq!(
            (trail[0].action.code(), trail[0].entity.code()),
            ("import", "population"),
            "{b}"
        );
        assert_eq!(trail[0].actor, COUNTY.0, "{b}");
        app.stop().await;
    }
}
