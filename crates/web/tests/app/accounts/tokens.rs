//! API tokens (*API-nycklar*): made and revoked on one's own account page or
//! through the API, listed for those who manage the account, shown once, and
//! refused once revoked.

use reqwest::Method;
use serde_json::json;

use crate::support::{COUNTY, LOCAL_SAVJA, OTHER_COUNTY, READER, TestApp, assert_error_shape, page_text};

/// The secret a page shows once, in `<code class="secret">`.
fn secret_in(html: &str) -> Option<String> {
    let at = html.find("<code class=\"secret\">")? + "<code class=\"secret\">".len();
    let end = html[at..].find('<')?;
    Some(html[at..at + end].to_string())
}

#[tokio::test]
async fn a_token_made_on_the_account_page_works_until_it_is_revoked() {
    for app in TestApp::all().await {
        let b = app.backend();
        let reader = app.login(READER).await;
        let (status, html) = app.get(&reader, "/account").await;
        assert_eq!(status, 200, "{b}");
        assert!(page_text(&html).contains("Det finns inga API-nycklar."), "{b}");

        // A name is needed, and a last day cannot be in the past.
        let yesterday = (app.today() - chrono::Duration::days(1)).to_string();
        let r = app
            .submit(
                &reader,
                "/account/tokens",
                &[("label", " "), ("expires_on", &yesterday)],
            )
            .await;
        assert_eq!(r.status, 422, "{b}");
        assert!(
            page_text(&r.body).contains("Fyll i fältet."),
            "{b}: {}",
            page_text(&r.body)
        );
        assert_eq!(secret_in(&r.body), None, "{b}");

        let r = app
            .submit(
                &reader,
                "/account/tokens",
                &[("label", "Rapportverktyg"), ("expires_on", "")],
            )
            .await;
        assert_eq!(r.status, 200, "{b}: {}", page_text(&r.body));
        let secret = secret_in(&r.body).expect("the secret, shown once");
        assert!(secret.starts_with("svk_"), "{b}: {secret}");
        assert!(
            page_text(&r.body).contains("den visas bara den här gången"),
            "{b}"
        );
        let (status, list) = app.api_get(&secret, "/api/v1/centres").await;
        assert_eq!(status, 200, "{b}: {list}");

        // Listed on the page, never with its secret.
        let (_, html) = app.get(&reader, "/account").await;
        let page = page_text(&html);
        assert!(
            page.contains("Rapportverktyg") && page.contains("Gäller"),
            "{b}: {page}"
        );
        assert!(!html.contains(&secret), "{b}: the secret is shown once only");
        let (status, json) = app.api_get(&secret, "/api/v1/tokens").await;
        assert_eq!(status, 200, "{b}: {json}");
        let token = json["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["label"] == "Rapportverktyg")
            .expect("the token")
            .clone();
        assert_eq!(token["active"], true, "{b}");
        assert!(!json.to_string().contains(&secret), "{b}");
        let id = token["id"].as_i64().unwrap();

        // Nobody else revokes it through their own page.
        let other = app.login(LOCAL_SAVJA).await;
        let r = app
            .submit(&other, &format!("/account/tokens/{id}/revoke"), &[])
            .await;
        assert_eq!(r.status, 404, "{b}");
        assert_eq!(app.api_get(&secret, "/api/v1/centres").await.0, 200, "{b}");

        let r = app
            .submit(&reader, &format!("/account/tokens/{id}/revoke"), &[])
            .await;
        assert_eq!((r.status, r.location.as_deref()), (303, Some("/account")), "{b}");
        let (status, json) = app.api_get(&secret, "/api/v1/centres").await;
        assert_eq!(status, 401, "{b}: a revoked token is refused");
        assert_error_shape(&json, b);
        let (_, html) = app.get(&reader, "/account").await;
        let page = page_text(&html);
        assert!(page.contains("API-nyckeln är återkallad."), "{b}: {page}");
        assert!(page.contains("Återkallad"), "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn tokens_are_made_by_their_owner_and_revoked_by_those_who_manage_the_account() {
    for app in TestApp::all().await {
        let b = app.backend();
        let own = app.token(LOCAL_SAVJA.0).await;
        let savja_account = app.user_id(LOCAL_SAVJA.0).await;
        let (status, json) = app
            .api(
                Method::POST,
                "/api/v1/tokens",
                Some(&own),
                Some(&json!({"label": "Skript", "expires_on": null}).to_string()),
            )
            .await;
        assert_eq!(status, 201, "{b}: {json}");
        let secret = json["secret"].as_str().expect("the secret").to_string();
        let id = json["token"]["id"].as_i64().unwrap();
        assert_eq!(json["token"]["user_id"], savja_account, "{b}");
        assert_eq!(app.api_get(&secret, "/api/v1/centres").await.0, 200, "{b}");
        let (status, json) = app
            .api(
                Method::POST,
                "/api/v1/tokens",
                Some(&own),
                Some(r#"{"label": ""}"#),
            )
            .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_eq!(json["errors"][0]["field"], "label", "{b}");

        // Another region's coordinator neither sees nor revokes them.
        let other = app.token(OTHER_COUNTY.0).await;
        let (status, json) = app
            .api_get(&other, &format!("/api/v1/tokens?user={savja_account}"))
            .await;
        assert_eq!(status, 403, "{b}: {json}");
        assert_error_shape(&json, b);
        let (status, _) = app
            .api(
                Method::POST,
                &format!("/api/v1/tokens/{id}/revoke"),
                Some(&other),
                None,
            )
            .await;
        assert_eq!(status, 403, "{b}");
        assert_eq!(app.api_get(&secret, "/api/v1/centres").await.0, 200, "{b}");

        // The county coordinator, who manages the account, does.
        let county = app.token(COUNTY.0).await;
        let (status, json) = app
            .api_get(&county, &format!("/api/v1/tokens?user={savja_account}"))
            .await;
        assert_eq!(status, 200, "{b}: {json}");
        assert!(
            json["tokens"].as_array().unwrap().iter().any(|t| t["id"] == id),
            "{b}: {json}"
        );
        let (status, json) = app
            .api(
                Method::POST,
                &format!("/api/v1/tokens/{id}/revoke"),
                Some(&county),
                None,
            )
            .await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(json["active"], false, "{b}");
        assert!(json["revoked_at"].is_string(), "{b}");
        assert_eq!(app.api_get(&secret, "/api/v1/centres").await.0, 401, "{b}");
        assert_eq!(
            app.api_get(&own, "/api/v1/centres").await.0,
            200,
            "{b}: only that one"
        );
        app.stop().await;
    }
}
