//! The county coordinator's first page works.

use crate::support::{COUNTY, TestApp, page_text};

#[tokio::test]
async fn the_county_coordinator_sees_the_overview_with_computed_classes() {
    for app in TestApp::all().await {
        let client = app.login(COUNTY).await;
        let region = app.uppsala().await;
        let (status, html) = app.get(&client, &format!("/regions/{region}")).await;
        assert_eq!(status, 200, "{}", app.backend());
        let page = page_text(&html);
        assert!(page.contains("15/17"), "{}: {page}", app.backend());
        // The summary counts each class in the number's plural, in lower case.
        for counted in [
            "2 familjecentraler",
            "2 familjecentralsliknande verksamheter",
            "12 med familjecentrerat arbete",
            "1 kan inte bedömas",
        ] {
            assert!(page.contains(counted), "{}: {counted}: {page}", app.backend());
        }
        app.stop().await;
    }
}
