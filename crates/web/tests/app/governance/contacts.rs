//! The county's contact list: one row per seat, as CSV (safe to open in a
//! spreadsheet) and as an Excel workbook.

use samverka_core::PrincipalKind;
use samverka_core::governance::AssignmentKind;

use crate::support::builders::{PersonBuilder, person, seat};
use crate::support::fixtures::Chain;
use crate::support::html::{Download, csv_lines};
use crate::support::{COUNTY, OTHER_COUNTY, READER, TestApp};

#[tokio::test]
async fn the_contact_list_has_a_row_per_seat_and_filters_by_group_kind() {
    for app in TestApp::all().await {
        let f = Chain::build(&app).await;
        let county = app.login(COUNTY).await;
        let Download {
            status,
            content_type: ct,
            disposition: cd,
            bytes,
        } = app
            .download(&county, &format!("/regions/{}/contacts.csv", f.region))
            .await;
        assert_eq!(status, 200, "on {}", app.backend());
        assert!(ct.starts_with("text/csv"), "{ct} on {}", app.backend());
        assert!(
            cd.starts_with("attachment;") && cd.contains(".csv"),
            "{cd} on {}",
            app.backend()
        );
        let lines = csv_lines(&bytes);
        assert_eq!(
            lines[0],
            "Region;Kommun;Familjecentral;Grupp;Typ av grupp;Roll;Namn;E-post;Telefon;Arbetsgivare;Sedan",
            "on {}",
            app.backend()
        );
        // Anna, Bo (chair and member), Cecilia, Dora, Eva, Gunnar.
        let ours = |lines: &[String]| -> Vec<String> {
            lines[1..]
                .iter()
                .filter(|l| l.contains("@example.se"))
                .cloned()
                .collect()
        };
        assert_eq!(
            ours(&lines).len(),
            7,
            "one row per seat on {}: {lines:#?}",
            app.backend()
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("Anna Ledare") && l.contains("anna.ledare@example.se"))
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains(";Testgårdens familjecentral;;;Lokal samordnare;Dora Samordnare;")),
            "the local coordinator with the centre on {}",
            app.backend()
        );

        let Download { bytes, .. } = app
            .download(
                &county,
                &format!("/regions/{}/contacts.csv?kind=management", f.region),
            )
            .await;
        let lines = csv_lines(&bytes);
        assert!(
            lines[1..].iter().all(|l| l.contains(";Ledningsgrupp;")),
            "management seats only on {}",
            app.backend()
        );
        let mine = ours(&lines);
        assert_eq!(mine.len(), 3, "on {}: {lines:#?}", app.backend());
        assert!(
            mine.iter().all(|l| l
                .starts_with("Region Uppsala;Uppsala;Testgårdens familjecentral;Ledningsgrupp Testgården;")),
            "with municipality, centre and group on {}: {mine:#?}",
            app.backend()
        );
        let Download { bytes, .. } = app
            .download(
                &county,
                &format!("/regions/{}/contacts.csv?kind=steering", f.region),
            )
            .await;
        let lines = csv_lines(&bytes);
        assert!(
            lines[1..].iter().all(|l| l.contains(";Styrgrupp;")),
            "steering seats only on {}",
            app.backend()
        );
        let mine = ours(&lines);
        assert_eq!(mine.len(), 1, "on {}", app.backend());
        assert!(mine[0].contains("Cecilia Styr"), "on {}", app.backend());

        let Download { status, .. } = app
            .download(&county, &format!("/regions/{}/contacts.csv?kind=bogus", f.region))
            .await;
        assert_eq!(status, 400, "an unknown kind on {}", app.backend());
        let reader = app.login(READER).await;
        let Download { status, .. } = app
            .download(&reader, &format!("/regions/{}/contacts.csv", f.region))
            .await;
        assert_eq!(
            status,
            200,
            "readers of the region may download it on {}",
            app.backend()
        );
        let other = app.login(OTHER_COUNTY).await;
        let Download { status, .. } = app
            .download(&other, &format!("/regions/{}/contacts.csv", f.region))
            .await;
        assert_eq!(status, 403, "on {}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn the_contact_list_downloads_as_an_excel_workbook() {
    for app in TestApp::all().await {
        let f = Chain::build(&app).await;
        let county = app.login(COUNTY).await;
        let Download {
            status,
            content_type: ct,
            disposition: cd,
            bytes,
        } = app
            .download(
                &county,
                &format!("/regions/{}/contacts.xlsx?kind=management", f.region),
            )
            .await;
        assert_eq!(status, 200, "on {}", app.backend());
        assert_eq!(
            ct,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "on {}",
            app.backend()
        );
        assert!(
            cd.starts_with("attachment;") && cd.contains("management") && cd.contains(".xlsx"),
            "{cd}"
        );
        assert!(bytes.starts_with(b"PK"), "a zip container on {}", app.backend());
        assert!(bytes.len() > 1000, "on {}", app.backend());
        app.stop().await;
    }
}

#[tokio::test]
async fn cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised_in_the_csv() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = Chain::build(&app).await;
        let since = app.today() - chrono::Duration::days(10);
        let mut seed = app.seed().await;
        let formula = seed
            .person(
                f.region,
                &person("=1+1 Kalkyl")
                    .email("kalkyl@example.se")
                    .phone("+46 18 611 00 00")
                    .employer(PrincipalKind::PrivateProvider, "@Bolaget AB"),
            )
            .await
            .unwrap();
        let minus = seed
            .person(f.region, &person("-Minus Minusson").email("minus@example.se"))
            .await
            .unwrap();
        for p in [formula, minus] {
            seed.assignment(&seat(
                f.region,
                p,
                AssignmentKind::ManagementMember,
                f.management,
                since,
            ))
            .await
            .unwrap();
        }
        seed.commit().await.unwrap();

        let county = app.login(COUNTY).await;
        let Download { status, bytes, .. } = app
            .download(&county, &format!("/regions/{}/contacts.csv", f.region))
            .await;
        assert_eq!(status, 200, "{b}");
        let lines = csv_lines(&bytes);
        let kalkyl = lines
            .iter()
            .find(|l| l.contains("kalkyl@example.se"))
            .unwrap_or_else(|| panic!("{b}: {lines:#?}"));
        assert!(kalkyl.contains(";'=1+1 Kalkyl;"), "{b}: {kalkyl}");
        assert!(kalkyl.contains(";'+46 18 611 00 00;"), "{b}: {kalkyl}");
        assert!(kalkyl.contains(";'@Bolaget AB"), "{b}: {kalkyl}");
        let minus = lines.iter().find(|l| l.contains("minus@example.se")).unwrap();
        assert!(minus.contains(";'-Minus Minusson;"), "{b}: {minus}");
        for line in &lines {
            for cell in line.split(';') {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@']),
                    "{b}: a cell a spreadsheet would run: {cell:?} in {line}"
                );
            }
        }
        app.stop().await;
    }
}
