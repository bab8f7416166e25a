//! The access page (children 0–6 per centre) and importing population numbers.

use crate::support::{COUNTY, READER, TestApp, page_text};

/// The cells of the access table's row for one municipality (or the total):
/// population, children 0–6, share, centres, children per centre.
fn row(html: &str, name: &str) -> Vec<String> {
    let marker = format!("<th scope=\"row\">{name}</th>");
    let at = html.find(&marker).unwrap_or_else(|| panic!("no row {name}"));
    let rest = &html[at + marker.len()..];
    let rest = &rest[..rest.find("</tr>").unwrap_or(rest.len())];
    rest.split("<td>")
        .skip(1)
        .map(|cell| page_text(&cell[..cell.find("</td>").unwrap_or(cell.len())]))
        .collect()
}

/// Children 0–6 and children per centre, with the number of centres between.
fn children_centres_per_centre(html: &str, name: &str) -> (String, String, String) {
    let r = row(html, name);
    (r[1].clone(), r[3].clone(), r[4].clone())
}

fn own(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.to_string(), b.to_string(), c.to_string())
}

#[tokio::test]
async fn the_access_page_shows_children_per_centre_for_the_chosen_year() {
    for app in TestApp::all().await {
        let uppsala = app.uppsala().await;
        for account in [COUNTY, READER] {
            let client = app.login(account).await;
            let (status, html) = app
                .get(&client, &format!("/regions/{uppsala}/access?year=2024"))
                .await;
            assert_eq!(status, 200, "{}: {}", app.backend(), account.0);
            let b = app.backend();
            assert_eq!(
                children_centres_per_centre(&html, "Heby"),
                own("995", "5", "199"),
                "{b}"
            );
            assert_eq!(
                children_centres_per_centre(&html, "Uppsala"),
                own("17\u{a0}571", "6", "2\u{a0}929"),
                "{b}: thousands are separated by a no-break space"
            );
            assert_eq!(
                children_centres_per_centre(&html, "Enköping"),
                own("3\u{a0}828", "1", "3\u{a0}828"),
                "{b}"
            );
            assert_eq!(row(&html, "Uppsala")[0], "247\u{a0}947", "{b}: population");
            assert_eq!(row(&html, "Heby")[2], "6,9 %", "{b}: share of children");
            let total = row(&html, "Hela regionen");
            assert_eq!(
                (total[1].as_str(), total[3].as_str()),
                ("29\u{a0}619", "17"),
                "{b}: {total:?}"
            );
            assert!(
                page_text(&html).contains("Tillgång till familjecentral 2024"),
                "{b}"
            );
        }

        // Other years, and the latest one by default.
        let client = app.login(READER).await;
        let (_, latest) = app.get(&client, &format!("/regions/{uppsala}/access")).await;
        assert!(
            page_text(&latest).contains("Tillgång till familjecentral 2024"),
            "{}",
            app.backend()
        );
        let (_, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2023"))
            .await;
        assert_eq!(row(&html, "Heby")[1], "1\u{a0}012", "{}", app.backend());
        let (status, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2019"))
            .await;
        assert_eq!(status, 200, "{}", app.backend());
        assert_eq!(
            row(&html, "Heby")[1],
            "uppgift saknas",
            "{}: no numbers that year",
            app.backend()
        );
        // A reader is not offered the import.
        assert!(
            !latest.contains(&format!("/regions/{uppsala}/population")),
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

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
        let audit_before = samverka_store::audit::list(&app.db, Some(uppsala), None, 1000)
            .await
            .unwrap()
            .len();
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

        let years = samverka_store::municipalities::population_years(&app.db, Some(uppsala))
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

        let years = samverka_store::municipalities::population_years(&app.db, None)
            .await
            .unwrap();
        assert!(!years.contains(&2025), "{}: nothing imported", app.backend());
        let audit_after = samverka_store::audit::list(&app.db, Some(uppsala), None, 1000)
            .await
            .unwrap()
            .len();
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
        assert_eq!(
            children_centres_per_centre(&html, "Heby"),
            own("1\u{a0}000", "5", "200"),
            "{b}"
        );
        assert_eq!(
            children_centres_per_centre(&html, "Uppsala"),
            own("18\u{a0}000", "6", "3\u{a0}000"),
            "{b}"
        );
        assert_eq!(
            children_centres_per_centre(&html, "Enköping"),
            own("3\u{a0}800", "1", "3\u{a0}800"),
            "{b}"
        );
        assert_eq!(row(&html, "Tierp")[1], "uppgift saknas", "{b}: not in the file");
        assert!(
            page_text(&html).contains("Befolkningssiffror saknas för någon kommun"),
            "{b}"
        );

        // 2024 is untouched.
        let (_, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2024"))
            .await;
        assert_eq!(
            children_centres_per_centre(&html, "Heby"),
            own("995", "5", "199"),
            "{b}"
        );

        // The import is in the trail.
        let trail = samverka_store::audit::list(&app.db, Some(uppsala), None, 1)
            .await
            .unwrap();
        assert_eq!(
            (trail[0].action.as_str(), trail[0].entity.as_str()),
            ("import", "population"),
            "{b}"
        );
        assert_eq!(trail[0].actor, COUNTY.0, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_closed_centre_still_counts_in_the_year_it_closed() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let enkoping = app.centre("Enköpings familjecentral").await;
        let r = app
            .submit(
                &client,
                &format!("/centres/{enkoping}/close"),
                &[("closed_on", "2024-06-30")],
            )
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        let (_, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2024"))
            .await;
        assert_eq!(
            children_centres_per_centre(&html, "Enköping"),
            own("3\u{a0}828", "1", "3\u{a0}828"),
            "{}",
            app.backend()
        );
        let csrf = app.session_csrf(&client).await;
        let csv = "kommun;år;folkmängd;barn_0_6\n0381;2025;48700;3800\n";
        let r = app
            .upload(
                &client,
                &format!("/regions/{uppsala}/population?csrf={csrf}"),
                "b.csv",
                csv,
            )
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        let (_, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2025"))
            .await;
        assert_eq!(
            children_centres_per_centre(&html, "Enköping"),
            own("3\u{a0}800", "0", "ingen familjecentral"),
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}
