//! Accounts: e-mail addresses, grants, API tokens, and login sessions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{audit_all, bare_centre, cli, count, gavleborg, uppsala};
use samverka_core::{Grant, Role};
use samverka_store::testing::TestDb;
use samverka_store::{StoreError, Who, audit, centres, sessions, users};

fn grant(role: Role, region_id: Option<i64>, centre_id: Option<i64>) -> Grant {
    Grant {
        role,
        region_id,
        centre_id,
    }
}

#[tokio::test]
async fn emails_are_case_insensitive_and_unique() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let id = users::create(
            db,
            &cli(),
            "  Anna.Berg@Example.SE ",
            " Anna Berg ",
            Some("$argon2id$x"),
            &[],
        )
        .await
        .expect("create");
        let u = users::get(db, id).await.expect("get");
        assert_eq!(
            u.email, "anna.berg@example.se",
            "{n}: stored in lower case, trimmed"
        );
        assert_eq!(u.name, "Anna Berg", "{n}: name trimmed");
        assert_eq!(u.password_hash.as_deref(), Some("$argon2id$x"), "{n}");
        assert!(!u.disabled, "{n}: a new account is enabled");

        let found = users::find_by_email(db, "ANNA.BERG@example.se")
            .await
            .expect("find");
        assert_eq!(found.map(|u| u.id), Some(id), "{n}: found whatever the case");
        assert_eq!(
            users::find_by_email(db, "bertil@example.se").await.expect("find"),
            None,
            "{n}"
        );

        let audit_before = audit_all(db).await;
        let again = users::create(db, &cli(), "anna.berg@EXAMPLE.se", "Someone Else", None, &[]).await;
        match again {
            Err(StoreError::Conflict(rule)) => {
                assert!(
                    rule.contains("email"),
                    "{n}: the conflict names the e-mail rule, got {rule}"
                )
            }
            other => panic!("{n}: a second account with the same e-mail gave {other:?}"),
        }
        assert_eq!(count(db, "users").await, 1, "{n}: still one account");
        assert_eq!(
            audit_all(db).await,
            audit_before,
            "{n}: no audit entry for the refused account"
        );

        let created = &audit_all(db).await[0];
        assert_eq!(
            (created.action.as_str(), created.entity.as_str()),
            ("create", "user"),
            "{n}"
        );
        assert_eq!(created.entity_id, Some(id), "{n}");
        assert_eq!(
            created.after.as_ref().unwrap()["email"],
            serde_json::json!("anna.berg@example.se"),
            "{n}"
        );
        assert!(
            !created.after.as_ref().unwrap().to_string().contains("argon2"),
            "{n}: no hash in the trail"
        );

        users::set_password(db, &cli(), id, "$argon2id$y")
            .await
            .expect("password");
        assert_eq!(
            users::get(db, id).await.expect("get").password_hash.as_deref(),
            Some("$argon2id$y"),
            "{n}"
        );
        let entry = &audit_all(db).await[0];
        assert_eq!(entry.action, "password", "{n}");
        assert_eq!(
            (entry.before.as_ref(), entry.after.as_ref()),
            (None, None),
            "{n}: no hash in the trail"
        );

        let audit_before = audit_all(db).await;
        let res = users::set_password(db, &cli(), 9_999, "$argon2id$z").await;
        assert!(
            matches!(res, Err(StoreError::NotFound)),
            "{n}: unknown account, got {res:?}"
        );
        assert_eq!(
            audit_all(db).await,
            audit_before,
            "{n}: no audit entry for an unknown account"
        );

        let no_password = users::create(db, &cli(), "bertil@example.se", "Bertil", None, &[])
            .await
            .expect("create");
        assert_eq!(
            users::get(db, no_password).await.expect("get").password_hash,
            None,
            "{n}"
        );
        assert!(
            matches!(users::get(db, 9_999).await, Err(StoreError::NotFound)),
            "{n}"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn grants_round_trip_and_are_revoked_per_region() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let (r2, _) = gavleborg(db).await;
        let centre = centres::create(db, &cli(), r1, &bare_centre(m[0], "Heby familjecentral"))
            .await
            .expect("centre");
        let given = vec![
            grant(Role::Admin, None, None),
            grant(Role::CountyCoordinator, Some(r1), None),
            grant(Role::LocalCoordinator, Some(r1), Some(centre)),
            grant(Role::Reader, Some(r2), None),
        ];
        let who = Who::user(1, "admin@example.se");
        let id = users::create(db, &who, "lena@example.se", "Lena", None, &given)
            .await
            .expect("create");
        assert_eq!(
            users::grants(db, id).await.expect("grants"),
            given,
            "{n}: grants round-trip in order"
        );

        let more = grant(Role::Reader, Some(r1), None);
        users::add_grant(db, &who, id, &more).await.expect("add grant");
        let mut expected = given.clone();
        expected.push(more.clone());
        assert_eq!(users::grants(db, id).await.expect("grants"), expected, "{n}");

        let trail = audit::list(db, Some(r1), None, 100).await.expect("audit");
        let grant_entries: Vec<_> = trail
            .iter()
            .filter(|e| e.action == "grant" && e.entity_id == Some(id))
            .collect();
        assert_eq!(
            grant_entries.len(),
            3,
            "{n}: every grant in region 1 is in its trail"
        );
        assert_eq!(
            grant_entries[0].after,
            serde_json::to_value(&more).ok(),
            "{n}: newest first"
        );

        users::revoke_region(db, &who, id, r1).await.expect("revoke");
        assert_eq!(
            users::grants(db, id).await.expect("grants"),
            [given[0].clone(), given[3].clone()],
            "{n}: only region 1's grants are gone"
        );
        let revoke = &audit::list(db, Some(r1), None, 1).await.expect("audit")[0];
        assert_eq!(revoke.action, "revoke", "{n}");
        assert_eq!(
            revoke.before,
            serde_json::to_value([&given[1], &given[2], &more]).ok(),
            "{n}: the trail shows what was revoked"
        );
        assert!(users::grants(db, 9_999).await.expect("grants").is_empty(), "{n}");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_local_coordinator_grant_for_another_regions_centre_is_refused() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, _) = uppsala(db).await;
        let (r2, g) = gavleborg(db).await;
        let gavle = centres::create(db, &cli(), r2, &bare_centre(g[0], "Gävle familjecentral"))
            .await
            .expect("centre");
        let audit_before = audit_all(db).await;

        let wrong = [grant(Role::LocalCoordinator, Some(r1), Some(gavle))];
        let res = users::create(db, &cli(), "eva@example.se", "Eva", None, &wrong).await;
        assert!(matches!(res, Err(StoreError::Invalid(_))), "{n}: got {res:?}");
        assert_eq!(
            users::find_by_email(db, "eva@example.se").await.expect("find"),
            None,
            "{n}: the account is not created either"
        );
        assert_eq!(audit_all(db).await, audit_before, "{n}: no audit entry");

        let id = users::create(
            db,
            &cli(),
            "eva@example.se",
            "Eva",
            None,
            &[grant(Role::Reader, Some(r1), None)],
        )
        .await
        .expect("create");
        let audit_before = audit_all(db).await;
        let res = users::add_grant(db, &cli(), id, &wrong[0]).await;
        assert!(matches!(res, Err(StoreError::Invalid(_))), "{n}: got {res:?}");
        let res = users::add_grant(
            db,
            &cli(),
            id,
            &grant(Role::LocalCoordinator, Some(r1), Some(9_999)),
        )
        .await;
        assert!(
            matches!(res, Err(StoreError::Invalid(_))),
            "{n}: unknown centre, got {res:?}"
        );
        let res = users::add_grant(db, &cli(), id, &grant(Role::LocalCoordinator, None, Some(gavle))).await;
        assert!(
            matches!(res, Err(StoreError::Invalid(_))),
            "{n}: centre without region, got {res:?}"
        );
        assert_eq!(
            users::grants(db, id).await.expect("grants"),
            [grant(Role::Reader, Some(r1), None)],
            "{n}: grants unchanged"
        );
        assert_eq!(audit_all(db).await, audit_before, "{n}: no audit entry");

        users::add_grant(
            db,
            &cli(),
            id,
            &grant(Role::LocalCoordinator, Some(r2), Some(gavle)),
        )
        .await
        .expect("the centre's own region is fine");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn list_in_region_shows_the_regions_accounts_with_their_grants() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let (r2, _) = gavleborg(db).await;
        let centre = centres::create(db, &cli(), r1, &bare_centre(m[0], "Heby familjecentral"))
            .await
            .expect("centre");
        let asa = users::create(
            db,
            &cli(),
            "asa@example.se",
            "Åsa Lind",
            None,
            &[
                grant(Role::Reader, Some(r2), None),
                grant(Role::LocalCoordinator, Some(r1), Some(centre)),
            ],
        )
        .await
        .expect("åsa");
        let bertil = users::create(
            db,
            &cli(),
            "bertil@example.se",
            "Bertil Ek",
            None,
            &[
                grant(Role::CountyCoordinator, Some(r1), None),
                grant(Role::Reader, Some(r1), None),
            ],
        )
        .await
        .expect("bertil");
        let anna = users::create(
            db,
            &cli(),
            "anna@example.se",
            "anna Berg",
            None,
            &[grant(Role::Reader, Some(r1), None)],
        )
        .await
        .expect("anna");
        users::create(
            db,
            &cli(),
            "admin@example.se",
            "Admin",
            None,
            &[grant(Role::Admin, None, None)],
        )
        .await
        .expect("admin");
        users::create(
            db,
            &cli(),
            "gun@example.se",
            "Gun",
            None,
            &[grant(Role::Reader, Some(r2), None)],
        )
        .await
        .expect("gun");
        users::set_disabled(db, &cli(), anna, true, Some(r1))
            .await
            .expect("disable");

        let listed = users::list_in_region(db, r1).await.expect("list");
        let summary: Vec<(i64, &str, bool, &[Grant])> = listed
            .iter()
            .map(|(u, g)| (u.id, u.name.as_str(), u.disabled, g.as_slice()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    anna,
                    "anna Berg",
                    true,
                    &[grant(Role::Reader, Some(r1), None)][..]
                ),
                (
                    bertil,
                    "Bertil Ek",
                    false,
                    &[
                        grant(Role::CountyCoordinator, Some(r1), None),
                        grant(Role::Reader, Some(r1), None)
                    ][..]
                ),
                (
                    asa,
                    "Åsa Lind",
                    false,
                    &[grant(Role::LocalCoordinator, Some(r1), Some(centre))][..]
                ),
            ],
            "{n}: by name, Swedish order, only this region's grants, admins and other regions' people left out"
        );
        let other: Vec<String> = users::list_in_region(db, r2)
            .await
            .expect("list")
            .into_iter()
            .map(|(u, _)| u.email)
            .collect();
        assert_eq!(other, ["gun@example.se", "asa@example.se"], "{n}");
        assert!(
            users::list_in_region(db, 9_999).await.expect("list").is_empty(),
            "{n}"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn disabling_an_account_revokes_its_tokens() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, _) = uppsala(db).await;
        let id = users::create(
            db,
            &cli(),
            "kim@example.se",
            "Kim",
            None,
            &[grant(Role::Reader, Some(r1), None)],
        )
        .await
        .expect("create");
        let other = users::create(db, &cli(), "sam@example.se", "Sam", None, &[])
            .await
            .expect("create");
        users::create_token(db, &cli(), id, "hash-1", "rapport")
            .await
            .expect("token");
        users::create_token(db, &cli(), id, "hash-2", "export")
            .await
            .expect("token");
        users::create_token(db, &cli(), other, "hash-3", "sam")
            .await
            .expect("token");

        let who = users::user_by_token(db, "hash-1").await.expect("by token");
        assert_eq!(
            who.map(|u| u.email),
            Some("kim@example.se".into()),
            "{n}: a valid token finds its account"
        );
        assert_eq!(
            users::user_by_token(db, "nope").await.expect("by token"),
            None,
            "{n}"
        );
        let dup = users::create_token(db, &cli(), other, "hash-1", "again").await;
        assert!(
            matches!(dup, Err(StoreError::Conflict(_))),
            "{n}: token hashes are unique, got {dup:?}"
        );

        users::set_disabled(db, &cli(), id, true, Some(r1))
            .await
            .expect("disable");
        assert!(users::get(db, id).await.expect("get").disabled, "{n}");
        for hash in ["hash-1", "hash-2"] {
            assert_eq!(
                users::user_by_token(db, hash).await.expect("by token"),
                None,
                "{n}: {hash} no longer works"
            );
        }
        assert!(
            users::user_by_token(db, "hash-3")
                .await
                .expect("by token")
                .is_some(),
            "{n}: other accounts' tokens still work"
        );
        let entry = &audit::list(db, Some(r1), None, 1).await.expect("audit")[0];
        assert_eq!(
            (entry.action.as_str(), entry.entity_id),
            ("disable", Some(id)),
            "{n}"
        );

        // Enabling again does not bring old tokens back.
        users::set_disabled(db, &cli(), id, false, Some(r1))
            .await
            .expect("enable");
        assert!(!users::get(db, id).await.expect("get").disabled, "{n}");
        assert_eq!(
            users::user_by_token(db, "hash-1").await.expect("by token"),
            None,
            "{n}: revoked stays revoked"
        );
        users::create_token(db, &cli(), id, "hash-4", "ny")
            .await
            .expect("token");
        assert_eq!(
            users::user_by_token(db, "hash-4")
                .await
                .expect("by token")
                .map(|u| u.id),
            Some(id),
            "{n}: a new token works"
        );

        let missing = users::set_disabled(db, &cli(), 9_999, true, None).await;
        assert!(
            matches!(missing, Err(StoreError::NotFound)),
            "{n}: got {missing:?}"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn sessions_are_saved_loaded_and_expire() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        assert_eq!(sessions::load(db, "a").await.expect("load"), None, "{n}");

        assert!(
            sessions::create(db, "a", r#"{"user":1}"#, 1_000)
                .await
                .expect("create"),
            "{n}: new id"
        );
        assert!(
            !sessions::create(db, "a", r#"{"user":2}"#, 2_000)
                .await
                .expect("create"),
            "{n}: a taken id is refused"
        );
        assert_eq!(
            sessions::load(db, "a").await.expect("load"),
            Some((r#"{"user":1}"#.to_string(), 1_000)),
            "{n}: the first session is kept"
        );

        sessions::save(db, "a", r#"{"user":1,"lang":"sv"}"#, 5_000)
            .await
            .expect("save");
        assert_eq!(
            sessions::load(db, "a").await.expect("load"),
            Some((r#"{"user":1,"lang":"sv"}"#.to_string(), 5_000)),
            "{n}: save replaces"
        );
        sessions::save(db, "b", "{}", 1_500).await.expect("save new");
        sessions::save(db, "c", "{}", 2_000).await.expect("save new");
        sessions::save(db, "d", "{}", 4_102_444_800)
            .await
            .expect("far future");

        assert_eq!(
            sessions::delete_expired(db, 2_000).await.expect("expire"),
            1,
            "{n}: only b expired"
        );
        assert_eq!(sessions::load(db, "b").await.expect("load"), None, "{n}");
        assert!(
            sessions::load(db, "c").await.expect("load").is_some(),
            "{n}: expiring now is not expired yet"
        );
        assert!(sessions::load(db, "a").await.expect("load").is_some(), "{n}");

        sessions::delete(db, "a").await.expect("delete");
        assert_eq!(sessions::load(db, "a").await.expect("load"), None, "{n}: deleted");
        sessions::delete(db, "a")
            .await
            .expect("deleting twice is harmless");
        assert!(
            sessions::create(db, "a", "{}", 10).await.expect("create"),
            "{n}: the id is free again"
        );

        assert_eq!(
            sessions::delete_expired(db, 3_000).await.expect("expire"),
            2,
            "{n}: a and c"
        );
        assert_eq!(
            sessions::load(db, "d").await.expect("load"),
            Some(("{}".to_string(), 4_102_444_800)),
            "{n}"
        );
        t.cleanup().await;
    }
}
