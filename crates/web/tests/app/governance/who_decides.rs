//! "Vem beslutar?": a centre's chain of governing groups upwards, with
//! contact details, this year's chair and the coordinators.

use chrono::Datelike;

use crate::support::fixtures::Chain;
use crate::support::{OTHER_COUNTY, READER, TestApp, page_text};

#[tokio::test]
async fn who_decides_shows_the_chain_with_contact_details() {
    for app in TestApp::all().await {
        let f = Chain::build(&app).await;
        let reader = app.login(READER).await;
        let (status, body) = app.get(&reader, &format!("/centres/{}/governance", f.home)).await;
        assert_eq!(status, 200, "on {}", app.backend());
        let text = page_text(&body);
        let year = app.today().year();
        let management_at = text
            .find("Ledningsgrupp Testgården")
            .expect("management group named");
        let steering_at = text.find("Styrgrupp Testgården").expect("steering group named");
        assert!(
            management_at < steering_at,
            "the chain goes upwards on {}",
            app.backend()
        );
        let management = &text[management_at..steering_at];
        assert!(management.contains("Anna Ledare"), "members on {}", app.backend());
        assert!(
            management.contains("anna.ledare@example.se"),
            "with e-mail on {}",
            app.backend()
        );
        assert!(
            management.contains("Region Uppsala"),
            "with employer on {}",
            app.backend()
        );
        assert!(
            management.contains(&format!("Ordförande {year}: Bo Ordförande")),
            "this year's chair on {}: {management}",
            app.backend()
        );
        let steering = &text[steering_at..];
        assert!(
            steering.contains("Cecilia Styr"),
            "steering members on {}",
            app.backend()
        );
        assert!(
            steering.contains("cecilia.styr@example.se"),
            "with e-mail on {}",
            app.backend()
        );
        assert!(
            steering.contains("Forum för hälsa och vård som styrgrupp"),
            "the forum mark on {}",
            app.backend()
        );
        assert!(
            text.contains("Dora Samordnare"),
            "the local coordinator on {}",
            app.backend()
        );
        assert!(
            text.contains("50 % av heltid"),
            "with the share of post on {}",
            app.backend()
        );
        assert!(
            text.contains("Eva Länsson"),
            "the county coordinator on {}",
            app.backend()
        );
        assert!(
            text.contains("Gunnar Länsstyr"),
            "the county steering group on {}",
            app.backend()
        );

        let (status, body) = app
            .get(&reader, &format!("/centres/{}/governance", f.empty))
            .await;
        assert_eq!(status, 200, "on {}", app.backend());
        let text = page_text(&body);
        assert!(
            text.contains("Ingen ledningsgrupp är registrerad"),
            "a missing link is explained on {}",
            app.backend()
        );
        assert!(text.contains("uppgift saknas"), "on {}", app.backend());

        let (_, centre_page) = app.get(&reader, &format!("/centres/{}", f.home)).await;
        assert!(
            centre_page.contains(&format!("href=\"/centres/{}/governance\"", f.home)),
            "the centre page links to it on {}",
            app.backend()
        );
        let other = app.login(OTHER_COUNTY).await;
        let (status, _) = app.get(&other, &format!("/centres/{}/governance", f.home)).await;
        assert_eq!(status, 403, "on {}", app.backend());
        app.stop().await;
    }
}
