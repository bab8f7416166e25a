//! The access page and `/api/v1/municipalities`: children 0–6 per centre,
//! by municipality and year.

use serde_json::Value;

use crate::support::html::{access_numbers, row_cells};
use crate::support::{COUNTY, READER, TestApp, page_text};

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
            assert_eq!(access_numbers(&html, "Heby"), ["995", "5", "199"], "{b}");
            assert_eq!(
                access_numbers(&html, "Uppsala"),
                ["17\u{a0}571", "6", "2\u{a0}929"],
                "{b}: thousands are separated by a no-break space"
            );
            assert_eq!(
                access_numbers(&html, "Enköping"),
                ["3\u{a0}828", "1", "3\u{a0}828"],
                "{b}"
            );
            assert_eq!(row_cells(&html, "Uppsala")[0], "247\u{a0}947", "{b}: population");
            assert_eq!(row_cells(&html, "Heby")[2], "6,9 %", "{b}: share of children");
            let total = row_cells(&html, "Hela regionen");
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
        assert_eq!(row_cells(&html, "Heby")[1], "1\u{a0}012", "{}", app.backend());
        // The demo's 2023 numbers are made up, and the page says so beside
        // the table and in its caption; the report's 2024 numbers are not.
        let text = page_text(&html);
        assert!(
            text.contains(
                "Befolkningssiffrorna för 2023 är påhittade demosiffror, inte officiell statistik."
            ),
            "{}: {text}",
            app.backend()
        );
        assert!(
            html.contains("<caption id=\"access-caption\">Barn 0–6 år per familjecentral, 2023 (påhittade demosiffror)</caption>"),
            "{}",
            app.backend()
        );
        let (_, counted) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2024"))
            .await;
        assert!(!page_text(&counted).contains("påhittade"), "{}", app.backend());
        // An import of real numbers takes the mark away.
        let county = app.login(COUNTY).await;
        let csrf = app.session_csrf(&county).await;
        let csv = "kommun;år;folkmängd;barn_0_6\n0331;2023;14301;1012\n";
        let r = app
            .upload(
                &county,
                &format!("/regions/{uppsala}/population?csrf={csrf}"),
                "heby.csv",
                csv,
            )
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        let (_, html) = app.get(&county, r.location.as_deref().unwrap()).await;
        assert!(
            page_text(&html).contains("1 rad med befolkningssiffror importerades."),
            "{}: one row, in the singular",
            app.backend()
        );
        let (_, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2023"))
            .await;
        let text = page_text(&html);
        assert!(
            text.contains(
                "påhittade demosiffror för Enköping, Håbo, Knivsta, Tierp, Uppsala, Älvkarleby, Östhammar, inte"
            ),
            "{}: {text}",
            app.backend()
        );
        let (status, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2019"))
            .await;
        assert_eq!(status, 200, "{}", app.backend());
        assert_eq!(
            row_cells(&html, "Heby")[1],
            "uppgift saknas",
            "{}: no numbers that year",
            app.backend()
        );
        let total = row_cells(&html, "Hela regionen");
        assert_eq!(
            (total[0].as_str(), total[1].as_str(), total[4].as_str()),
            ("uppgift saknas", "uppgift saknas", "uppgift saknas"),
            "{}: a year without numbers has no total, not 0: {total:?}",
            app.backend()
        );
        assert!(
            page_text(&html).contains("inga befolkningssiffror för det här året"),
            "{}",
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
async fn a_closed_centre_still_counts_in_the_year_it_closed() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let uppsala = app.uppsala().await;
        let enkoping = app.centre("Enköpings familjecentral").await;
        let r = app
            .submit(
                &client,
                &format!("/centres/{enkoping}/close"),
                &[("closed_on", "2024-06-30"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(r.status, 303, "{}", app.backend());
        let (_, html) = app
            .get(&client, &format!("/regions/{uppsala}/access?year=2024"))
            .await;
        assert_eq!(
            access_numbers(&html, "Enköping"),
            ["3\u{a0}828", "1", "3\u{a0}828"],
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
            access_numbers(&html, "Enköping"),
            ["3\u{a0}800", "0", "ingen familjecentral"],
            "{}",
            app.backend()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_municipality_numbers_match_the_access_page() {
    for app in TestApp::all().await {
        let b = app.backend();
        let token = app.token(COUNTY.0).await;
        let (status, json) = app.api_get(&token, "/api/v1/municipalities?year=2024").await;
        assert_eq!(status, 200, "{b}: {json}");
        let list = json["municipalities"].as_array().unwrap();
        assert_eq!(list.len(), 8, "{b}: only Uppsala's eight");
        let find = |name: &str| {
            list.iter()
                .find(|m| m["name"] == name)
                .unwrap_or_else(|| panic!("{name}"))
        };
        let heby = find("Heby");
        assert_eq!(
            (heby["children_0_6"].as_i64(), heby["centres"].as_i64()),
            (Some(995), Some(5)),
            "{b}"
        );
        assert_eq!(heby["children_per_centre"], 199, "{b}");
        assert_eq!(heby["code"], "0331", "{b}");
        assert_eq!(heby["year"], 2024, "{b}");
        assert_eq!(heby["invented"], false, "{b}: the report's numbers");
        let (_, made_up) = app.api_get(&token, "/api/v1/municipalities?year=2023").await;
        assert!(
            made_up["municipalities"]
                .as_array()
                .unwrap()
                .iter()
                .all(|m| m["invented"] == true),
            "{b}: the demo's 2023 numbers are invented"
        );
        let uppsala = find("Uppsala");
        assert_eq!(uppsala["children_per_centre"], 2929, "{b}");
        assert_eq!(find("Enköping")["children_per_centre"], 3828, "{b}");
        // Without a year: the newest year with population numbers, as on the access page.
        let (status, latest) = app.api_get(&token, "/api/v1/municipalities").await;
        assert_eq!(status, 200, "{b}: {latest}");
        assert_eq!(latest, json, "{b}: 2024 is the newest year with numbers");
        let (_, json) = app.api_get(&token, "/api/v1/municipalities?year=1990").await;
        let heby = json["municipalities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == "Heby")
            .cloned()
            .unwrap();
        assert_eq!(
            (heby["children_0_6"].clone(), heby["children_per_centre"].clone()),
            (Value::Null, Value::Null),
            "{b}"
        );
        app.stop().await;
    }
}
