//! Accounts: e-mail addresses, grants and their blocking per region, API
//! tokens, login sessions, the login throttle and password links.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{
    audit_all, audit_of, bare_centre, cli, count, date, gavleborg, grant, new_centre, new_user, rd, uppsala,
};
use samverka_core::{Grant, Role};
use samverka_store::accounts::{resets, sessions, throttle, tokens, users};
use samverka_store::audit::{AuditAction, AuditEntity};
use samverka_store::testing::TestDb;
use samverka_store::{Db, StoreError, Who, commit};
use serde_json::json;

/// An account as listed: id, name, blocked everywhere, and each grant with
/// whether it is blocked in its region.
type Listed<'a> = (i64, &'a str, bool, Vec<(Grant, bool)>);

async fn grants_of(db: &Db, user_id: i64) -> Vec<Grant> {
    users::grants(&mut *rd(db).await, user_id)
        .await
        .expect("grants")
        .into_iter()
        .map(|g| g.grant)
        .collect()
}

async fn new_token(db: &Db, who: &Who, user_id: i64, hash: &str, label: &str) -> samverka_store::Result<i64> {
    let mut tx = db.write().await?;
    let id = tokens::create(&mut tx, who, user_id, hash, label, None).await?;
    commit(tx).await?;
    Ok(id)
}

async fn set_disabled(db: &Db, who: &Who, user_id: i64, disabled: bool) -> samverka_store::Result<bool> {
    let mut tx = db.write().await?;
    let changed = users::set_disabled(&mut tx, who, user_id, disabled).await?;
    commit(tx).await?;
    Ok(changed)
}

async fn set_region_disabled(db: &Db, who: &Who, user_id: i64, region_id: i64, disabled: bool) -> bool {
    let mut tx = db.write().await.expect("begin");
    let changed = users::set_region_disabled(&mut tx, who, user_id, region_id, disabled)
        .await
        .expect("set_region_disabled");
    commit(tx).await.expect("commit");
    changed
}

/// Whether a token hash names a token that works today.
async fn works(db: &Db, hash: &str) -> Option<String> {
    let today = chrono::Utc::now().date_naive();
    tokens::find(&mut *rd(db).await, hash)
        .await
        .expect("find token")
        .filter(|(t, _)| t.is_active(today))
        .map(|(_, account)| account.email)
}

#[tokio::test]
async fn emails_are_case_insensitive_and_unique() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let id = new_user(
            db,
            &cli(),
            "  Anna.Berg@Example.SE ",
            " Anna Berg ",
            Some("$argon2id$x"),
            &[],
        )
        .await
        .expect("create");
        let u = users::get(&mut *rd(db).await, id).await.expect("get");
        assert_eq!(
            u.email, "anna.berg@example.se",
            "{n}: stored in lower case, trimmed"
        );
        assert_eq!(u.name, "Anna Berg", "{n}: name trimmed");
        assert_eq!(u.password_hash.as_deref(), Some("$argon2id$x"), "{n}");
        assert!(!u.disabled, "{n}: a new account is enabled");

        let found = users::find_by_email(&mut *rd(db).await, "ANNA.BERG@example.se")
            .await
            .expect("find");
        assert_eq!(found.map(|u| u.id), Some(id), "{n}: found whatever the case");
        assert_eq!(
            users::find_by_email(&mut *rd(db).await, "bertil@example.se")
                .await
                .expect("find"),
            None,
            "{n}"
        );

        let audit_before = audit_all(db).await;
        let again = new_user(db, &cli(), "anna.berg@EXAMPLE.se", "Someone Else", None, &[]).await;
        match again {
            Err(StoreError::Conflict { constraint }) => {
                assert!(
                    constraint.contains("email"),
                    "{n}: the conflict names the e-mail rule, got {constraint}"
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
            (created.action, created.entity),
            (AuditAction::Create, AuditEntity::User),
            "{n}"
        );
        assert_eq!(created.entity_id, Some(id), "{n}");
        assert_eq!(
            created.after.as_ref().unwrap()["email"],
            json!("anna.berg@example.se"),
            "{n}"
        );
        assert!(
            !created.after.as_ref().unwrap().to_string().contains("argon2"),
            "{n}: no hash in the trail"
        );

        let mut tx = db.write().await.expect("begin");
        users::set_password(&mut tx, &cli(), id, "$argon2id$y")
            .await
            .expect("password");
        commit(tx).await.expect("commit");
        assert_eq!(
            users::get(&mut *rd(db).await, id)
                .await
                .expect("get")
                .password_hash
                .as_deref(),
            Some("$argon2id$y"),
            "{n}"
        );
        let entry = &audit_all(db).await[0];
        assert_eq!(entry.action, AuditAction::Password, "{n}");
        assert_eq!(
            (entry.before.as_ref(), entry.after.as_ref()),
            (None, None),
            "{n}: no hash in the trail"
        );

        let audit_before = audit_all(db).await;
        let mut tx = db.write().await.expect("begin");
        let res = users::set_password(&mut tx, &cli(), 9_999, "$argon2id$z").await;
        assert!(
            matches!(res, Err(StoreError::NotFound)),
            "{n}: unknown account, got {res:?}"
        );
        drop(tx);
        assert_eq!(
            audit_all(db).await,
            audit_before,
            "{n}: no audit entry for an unknown account"
        );

        let no_password = new_user(db, &cli(), "bertil@example.se", "Bertil", None, &[])
            .await
            .expect("create");
        let mut c = rd(db).await;
        assert_eq!(
            users::get(&mut c, no_password).await.expect("get").password_hash,
            None,
            "{n}"
        );
        assert!(
            matches!(users::get(&mut c, 9_999).await, Err(StoreError::NotFound)),
            "{n}"
        );
        let emails: Vec<String> = users::list(&mut c)
            .await
            .expect("list")
            .into_iter()
            .map(|u| u.email)
            .collect();
        assert_eq!(
            emails,
            ["anna.berg@example.se", "bertil@example.se"],
            "{n}: by e-mail"
        );
        drop(c);
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
        let centre = new_centre(db, &cli(), r1, &bare_centre(m[0], "Heby familjecentral"))
            .await
            .expect("centre");
        let given = vec![
            grant(Role::Admin, None, None),
            grant(Role::CountyCoordinator, Some(r1), None),
            grant(Role::LocalCoordinator, Some(r1), Some(centre)),
            grant(Role::Reader, Some(r2), None),
        ];
        let admin = new_user(db, &cli(), "admin@example.se", "Admin", None, &[])
            .await
            .expect("admin");
        let who = Who::user(admin, "admin@example.se");
        let id = new_user(db, &who, "lena@example.se", "Lena", None, &given)
            .await
            .expect("create");
        assert_eq!(grants_of(db, id).await, given, "{n}: grants round-trip in order");
        assert!(
            users::grants(&mut *rd(db).await, id)
                .await
                .expect("grants")
                .iter()
                .all(|g| g.disabled_at.is_none()),
            "{n}: new grants are not blocked"
        );

        let more = grant(Role::Reader, Some(r1), None);
        let mut tx = db.write().await.expect("begin");
        users::add_grant(&mut tx, &who, id, &more)
            .await
            .expect("add grant");
        commit(tx).await.expect("commit");
        let mut expected = given.clone();
        expected.push(more.clone());
        assert_eq!(grants_of(db, id).await, expected, "{n}");

        // The same grant again is a no-op, with no audit entry.
        let audit_before = audit_all(db).await.len();
        let mut tx = db.write().await.expect("begin");
        users::add_grant(&mut tx, &who, id, &more)
            .await
            .expect("add again");
        commit(tx).await.expect("commit");
        assert_eq!(grants_of(db, id).await, expected, "{n}: not added twice");
        assert_eq!(audit_all(db).await.len(), audit_before, "{n}");

        let trail = audit_of(db, Some(r1), 100).await;
        let grant_entries: Vec<_> = trail
            .iter()
            .filter(|e| e.action == AuditAction::Grant && e.entity_id == Some(id))
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

        let mut tx = db.write().await.expect("begin");
        users::revoke_region(&mut tx, &who, id, r1).await.expect("revoke");
        commit(tx).await.expect("commit");
        assert_eq!(
            grants_of(db, id).await,
            [given[0].clone(), given[3].clone()],
            "{n}: only region 1's grants are gone"
        );
        let revoke = &audit_of(db, Some(r1), 1).await[0];
        assert_eq!(revoke.action, AuditAction::Revoke, "{n}");
        assert_eq!(
            revoke.before,
            serde_json::to_value([&given[1], &given[2], &more]).ok(),
            "{n}: the trail shows what was revoked"
        );
        assert!(grants_of(db, 9_999).await.is_empty(), "{n}");
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
        let gavle = new_centre(db, &cli(), r2, &bare_centre(g[0], "Gävle familjecentral"))
            .await
            .expect("centre");
        let audit_before = audit_all(db).await;

        // The account and its grants are written in one transaction.
        let wrong = grant(Role::LocalCoordinator, Some(r1), Some(gavle));
        let res = new_user(
            db,
            &cli(),
            "eva@example.se",
            "Eva",
            None,
            std::slice::from_ref(&wrong),
        )
        .await;
        assert!(
            matches!(res, Err(StoreError::Invalid { field: "centre", .. })),
            "{n}: got {res:?}"
        );
        assert_eq!(
            users::find_by_email(&mut *rd(db).await, "eva@example.se")
                .await
                .expect("find"),
            None,
            "{n}: the account is not created either"
        );
        assert_eq!(audit_all(db).await, audit_before, "{n}: no audit entry");

        let id = new_user(
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
        for (what, bad) in [
            ("another region's centre", wrong.clone()),
            (
                "unknown centre",
                grant(Role::LocalCoordinator, Some(r1), Some(9_999)),
            ),
            (
                "centre without region",
                grant(Role::LocalCoordinator, None, Some(gavle)),
            ),
        ] {
            let mut tx = db.write().await.expect("begin");
            let res = users::add_grant(&mut tx, &cli(), id, &bad).await;
            assert!(
                matches!(res, Err(StoreError::Invalid { field: "centre", .. })),
                "{n}: {what}, got {res:?}"
            );
            drop(tx);
        }
        assert_eq!(
            grants_of(db, id).await,
            [grant(Role::Reader, Some(r1), None)],
            "{n}: grants unchanged"
        );
        assert_eq!(audit_all(db).await, audit_before, "{n}: no audit entry");

        let mut tx = db.write().await.expect("begin");
        users::add_grant(
            &mut tx,
            &cli(),
            id,
            &grant(Role::LocalCoordinator, Some(r2), Some(gavle)),
        )
        .await
        .expect("the centre's own region is fine");
        commit(tx).await.expect("commit");
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
        let centre = new_centre(db, &cli(), r1, &bare_centre(m[0], "Heby familjecentral"))
            .await
            .expect("centre");
        let asa = new_user(
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
        let bertil = new_user(
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
        let anna = new_user(
            db,
            &cli(),
            "anna@example.se",
            "anna Berg",
            None,
            &[grant(Role::Reader, Some(r1), None)],
        )
        .await
        .expect("anna");
        new_user(
            db,
            &cli(),
            "admin@example.se",
            "Admin",
            None,
            &[grant(Role::Admin, None, None)],
        )
        .await
        .expect("admin");
        new_user(
            db,
            &cli(),
            "gun@example.se",
            "Gun",
            None,
            &[grant(Role::Reader, Some(r2), None)],
        )
        .await
        .expect("gun");
        // Anna is blocked everywhere; Åsa only in region 1.
        assert!(
            set_disabled(db, &cli(), anna, true).await.expect("disable"),
            "{n}"
        );
        assert!(set_region_disabled(db, &cli(), asa, r1, true).await, "{n}");

        let listed = users::list_in_region(&mut *rd(db).await, r1).await.expect("list");
        let summary: Vec<Listed> = listed
            .iter()
            .map(|(u, g)| {
                (
                    u.id,
                    u.name.as_str(),
                    u.disabled,
                    g.iter()
                        .map(|s| (s.grant.clone(), s.disabled_at.is_some()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    anna,
                    "anna Berg",
                    true,
                    vec![(grant(Role::Reader, Some(r1), None), false)]
                ),
                (
                    bertil,
                    "Bertil Ek",
                    false,
                    vec![
                        (grant(Role::CountyCoordinator, Some(r1), None), false),
                        (grant(Role::Reader, Some(r1), None), false)
                    ]
                ),
                (
                    asa,
                    "Åsa Lind",
                    false,
                    vec![(grant(Role::LocalCoordinator, Some(r1), Some(centre)), true)]
                ),
            ],
            "{n}: by name, Swedish order, only this region's grants, admins and other regions' people left out"
        );
        let other = users::list_in_region(&mut *rd(db).await, r2).await.expect("list");
        let other: Vec<(&str, bool)> = other
            .iter()
            .map(|(u, g)| (u.email.as_str(), g.iter().any(|s| s.disabled_at.is_some())))
            .collect();
        assert_eq!(
            other,
            [("gun@example.se", false), ("asa@example.se", false)],
            "{n}: Åsa's block in region 1 does not reach region 2"
        );
        assert!(
            users::list_in_region(&mut *rd(db).await, 9_999)
                .await
                .expect("list")
                .is_empty(),
            "{n}"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn blocking_in_one_region_leaves_the_account_and_other_regions_alone() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (a, m) = uppsala(db).await;
        let (b, _) = gavleborg(db).await;
        let centre = new_centre(db, &cli(), a, &bare_centre(m[0], "Heby familjecentral"))
            .await
            .expect("centre");
        let in_a = [
            grant(Role::Reader, Some(a), None),
            grant(Role::LocalCoordinator, Some(a), Some(centre)),
        ];
        let in_b = grant(Role::CountyCoordinator, Some(b), None);
        let id = new_user(
            db,
            &cli(),
            "kim@example.se",
            "Kim",
            None,
            &[in_a[0].clone(), in_b.clone(), in_a[1].clone()],
        )
        .await
        .expect("create");
        new_token(db, &cli(), id, "kim-token", "rapport")
            .await
            .expect("token");
        let coordinator = Who::user(id, "coordinator@example.se");

        assert!(
            set_region_disabled(db, &coordinator, id, a, true).await,
            "{n}: blocked in A"
        );
        let mut c = rd(db).await;
        assert!(
            !users::get(&mut c, id).await.expect("get").disabled,
            "{n}: the account itself is not blocked"
        );
        assert_eq!(
            users::active_grants(&mut c, id).await.expect("active"),
            std::slice::from_ref(&in_b),
            "{n}: only region B's grant can be used"
        );
        let stored = users::grants(&mut c, id).await.expect("grants");
        let blocked: Vec<(Option<i64>, bool)> = stored
            .iter()
            .map(|g| (g.grant.region_id, g.disabled_at.is_some()))
            .collect();
        assert_eq!(
            blocked,
            [(Some(a), true), (Some(b), false), (Some(a), true)],
            "{n}: every grant in A is blocked, B's is not"
        );
        drop(c);
        assert_eq!(
            works(db, "kim-token").await.as_deref(),
            Some("kim@example.se"),
            "{n}: a block in one region does not revoke the account's tokens"
        );
        let entry = &audit_all(db).await[0];
        assert_eq!(
            (entry.action, entry.entity, entry.entity_id, entry.region_id),
            (AuditAction::Disable, AuditEntity::User, Some(id), Some(a)),
            "{n}: recorded in region A's trail"
        );
        assert_eq!(
            entry.after,
            Some(json!({ "region_id": a, "disabled": true })),
            "{n}"
        );
        assert!(
            audit_of(db, Some(b), 100)
                .await
                .iter()
                .all(|e| e.action != AuditAction::Disable),
            "{n}: nothing in region B's trail"
        );

        // Blocking again changes nothing and records nothing.
        let audit_before = audit_all(db).await.len();
        assert!(
            !set_region_disabled(db, &coordinator, id, a, true).await,
            "{n}: already blocked"
        );
        assert_eq!(audit_all(db).await.len(), audit_before, "{n}");

        // Unblocking gives A's grants back.
        assert!(
            set_region_disabled(db, &coordinator, id, a, false).await,
            "{n}: unblocked"
        );
        assert_eq!(
            users::active_grants(&mut *rd(db).await, id)
                .await
                .expect("active"),
            [in_a[0].clone(), in_b.clone(), in_a[1].clone()],
            "{n}: every grant works again"
        );
        assert_eq!(audit_all(db).await[0].action, AuditAction::Enable, "{n}");
        assert!(
            !set_region_disabled(db, &coordinator, id, a, false).await,
            "{n}: already unblocked"
        );

        // Blocking everywhere is the account's flag; the grants stay as they are.
        assert!(set_disabled(db, &cli(), id, true).await.expect("disable"), "{n}");
        let mut c = rd(db).await;
        assert!(users::get(&mut c, id).await.expect("get").disabled, "{n}");
        assert!(
            users::grants(&mut c, id)
                .await
                .expect("grants")
                .iter()
                .all(|g| g.disabled_at.is_none()),
            "{n}: no grant is marked blocked by an account block"
        );
        drop(c);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn disabling_an_account_revokes_its_tokens() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, _) = uppsala(db).await;
        let id = new_user(
            db,
            &cli(),
            "kim@example.se",
            "Kim",
            None,
            &[grant(Role::Reader, Some(r1), None)],
        )
        .await
        .expect("create");
        let other = new_user(db, &cli(), "sam@example.se", "Sam", None, &[])
            .await
            .expect("create");
        new_token(db, &cli(), id, "hash-1", "rapport")
            .await
            .expect("token");
        new_token(db, &cli(), id, "hash-2", "export")
            .await
            .expect("token");
        new_token(db, &cli(), other, "hash-3", "sam")
            .await
            .expect("token");

        assert_eq!(
            works(db, "hash-1").await.as_deref(),
            Some("kim@example.se"),
            "{n}: a valid token finds its account"
        );
        assert_eq!(
            tokens::find(&mut *rd(db).await, "nope").await.expect("find"),
            None,
            "{n}"
        );
        let dup = new_token(db, &cli(), other, "hash-1", "again").await;
        assert!(
            matches!(&dup, Err(StoreError::Conflict { constraint }) if constraint.contains("token_hash")),
            "{n}: token hashes are unique, got {dup:?}"
        );

        assert!(set_disabled(db, &cli(), id, true).await.expect("disable"), "{n}");
        assert!(
            users::get(&mut *rd(db).await, id).await.expect("get").disabled,
            "{n}"
        );
        for hash in ["hash-1", "hash-2"] {
            assert_eq!(works(db, hash).await, None, "{n}: {hash} no longer works");
            let (token, _) = tokens::find(&mut *rd(db).await, hash)
                .await
                .expect("find")
                .expect("still there");
            assert!(token.revoked_at.is_some(), "{n}: {hash} is revoked, not deleted");
        }
        assert!(
            works(db, "hash-3").await.is_some(),
            "{n}: other accounts' tokens still work"
        );
        let entry = &audit_all(db).await[0];
        assert_eq!(
            (entry.action, entry.entity_id, entry.region_id),
            (AuditAction::Disable, Some(id), None),
            "{n}: blocking everywhere belongs to no region"
        );
        assert_eq!(entry.after, Some(json!({ "disabled": true })), "{n}");

        // Blocking a blocked account changes nothing and records nothing.
        let audit_before = audit_all(db).await.len();
        assert!(
            !set_disabled(db, &cli(), id, true).await.expect("disable"),
            "{n}: already blocked"
        );
        assert_eq!(audit_all(db).await.len(), audit_before, "{n}");

        // Enabling again does not bring old tokens back.
        assert!(set_disabled(db, &cli(), id, false).await.expect("enable"), "{n}");
        assert!(
            !users::get(&mut *rd(db).await, id).await.expect("get").disabled,
            "{n}"
        );
        assert_eq!(works(db, "hash-1").await, None, "{n}: revoked stays revoked");
        new_token(db, &cli(), id, "hash-4", "ny").await.expect("token");
        assert_eq!(
            works(db, "hash-4").await.as_deref(),
            Some("kim@example.se"),
            "{n}: a new token works"
        );

        let missing = set_disabled(db, &cli(), 9_999, true).await;
        assert!(
            matches!(missing, Err(StoreError::NotFound)),
            "{n}: got {missing:?}"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn tokens_are_created_found_touched_and_revoked_once() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let id = new_user(db, &cli(), "kim@example.se", "Kim", Some("$argon2id$secret"), &[])
            .await
            .expect("create");
        let who = Who::user(id, "kim@example.se");
        let mut tx = db.write().await.expect("begin");
        let first = tokens::create(&mut tx, &who, id, "hash-a", "rapport", Some(date(2030, 1, 31)))
            .await
            .expect("token");
        let second = tokens::create(&mut tx, &who, id, "hash-b", "export", None)
            .await
            .expect("token");
        commit(tx).await.expect("commit");

        let mut c = rd(db).await;
        let token = tokens::get(&mut c, first).await.expect("get");
        assert_eq!(
            (token.id, token.user_id, token.label.as_str(), token.expires_on),
            (first, id, "rapport", Some(date(2030, 1, 31))),
            "{n}"
        );
        assert_eq!(
            (token.last_used_at.as_deref(), token.revoked_at.as_deref()),
            (None, None),
            "{n}"
        );
        assert!(token.is_active(date(2030, 1, 31)), "{n}: works on its last day");
        assert!(!token.is_active(date(2030, 2, 1)), "{n}: not after");
        let listed: Vec<i64> = tokens::of_user(&mut c, id)
            .await
            .expect("of user")
            .iter()
            .map(|t| t.id)
            .collect();
        assert_eq!(listed, [second, first], "{n}: newest first");

        let (found, account) = tokens::find(&mut c, "hash-a")
            .await
            .expect("find")
            .expect("found");
        assert_eq!(found, token, "{n}: find gives the same token as get");
        assert_eq!(
            (account.id, account.email.as_str(), account.disabled),
            (id, "kim@example.se", false),
            "{n}"
        );
        assert_eq!(
            account.password_hash, None,
            "{n}: a token lookup never carries the password hash"
        );
        assert_eq!(
            tokens::find(&mut c, "hash-x").await.expect("find"),
            None,
            "{n}: unknown hash"
        );
        assert!(
            matches!(tokens::get(&mut c, 9_999).await, Err(StoreError::NotFound)),
            "{n}"
        );

        tokens::touch(&mut c, first, "2025-03-01T10:00:00Z")
            .await
            .expect("touch");
        assert_eq!(
            tokens::get(&mut c, first)
                .await
                .expect("get")
                .last_used_at
                .as_deref(),
            Some("2025-03-01T10:00:00Z"),
            "{n}"
        );
        drop(c);
        let created = &audit_all(db).await[0];
        assert_eq!(
            (created.action, created.entity_id),
            (AuditAction::Token, Some(id)),
            "{n}"
        );
        assert!(
            !created.after.as_ref().unwrap().to_string().contains("hash-"),
            "{n}: no hash in the trail"
        );

        // Revoking works once; the second time (someone was first) it reports false.
        let mut tx = db.write().await.expect("begin");
        assert!(
            tokens::revoke(&mut tx, &who, &token).await.expect("revoke"),
            "{n}"
        );
        commit(tx).await.expect("commit");
        let mut tx = db.write().await.expect("begin");
        assert!(
            !tokens::revoke(&mut tx, &who, &token).await.expect("revoke"),
            "{n}: revoked already"
        );
        commit(tx).await.expect("commit");
        let (after, _) = tokens::find(&mut *rd(db).await, "hash-a")
            .await
            .expect("find")
            .expect("kept");
        assert!(after.revoked_at.is_some(), "{n}");
        assert!(!after.is_active(date(2025, 1, 1)), "{n}");
        let revocations: Vec<_> = audit_all(db)
            .await
            .into_iter()
            .filter(|e| e.action == AuditAction::RevokeToken)
            .collect();
        assert_eq!(revocations.len(), 1, "{n}: one audit entry");
        assert_eq!(
            revocations[0].after,
            Some(json!({ "token_id": first, "label": "rapport" })),
            "{n}"
        );
        assert_eq!(
            works(db, "hash-b").await.as_deref(),
            Some("kim@example.se"),
            "{n}: the other token works"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn sessions_are_saved_loaded_and_expire() {
    for t in TestDb::all().await {
        let n = t.name();
        let mut conn = rd(&t.db).await;
        let c = &mut *conn;
        assert_eq!(sessions::load(c, "a").await.expect("load"), None, "{n}");

        assert!(
            sessions::create(c, "a", None, r#"{"user":1}"#, 1_000)
                .await
                .expect("create"),
            "{n}: new id"
        );
        assert!(
            !sessions::create(c, "a", None, r#"{"user":2}"#, 2_000)
                .await
                .expect("create"),
            "{n}: a taken id is refused"
        );
        assert_eq!(
            sessions::load(c, "a").await.expect("load"),
            Some((r#"{"user":1}"#.to_string(), 1_000)),
            "{n}: the first session is kept"
        );

        sessions::save(c, "a", None, r#"{"user":1,"lang":"sv"}"#, 5_000)
            .await
            .expect("save");
        assert_eq!(
            sessions::load(c, "a").await.expect("load"),
            Some((r#"{"user":1,"lang":"sv"}"#.to_string(), 5_000)),
            "{n}: save replaces"
        );
        sessions::save(c, "b", None, "{}", 1_500).await.expect("save new");
        sessions::save(c, "c", None, "{}", 2_000).await.expect("save new");
        sessions::save(c, "d", None, "{}", 4_102_444_800)
            .await
            .expect("far future");

        assert_eq!(
            sessions::delete_expired(c, 2_000).await.expect("expire"),
            1,
            "{n}: only b expired"
        );
        assert_eq!(sessions::load(c, "b").await.expect("load"), None, "{n}");
        assert!(
            sessions::load(c, "c").await.expect("load").is_some(),
            "{n}: expiring now is not expired yet"
        );
        assert!(sessions::load(c, "a").await.expect("load").is_some(), "{n}");

        sessions::delete(c, "a").await.expect("delete");
        assert_eq!(sessions::load(c, "a").await.expect("load"), None, "{n}: deleted");
        sessions::delete(c, "a")
            .await
            .expect("deleting twice is harmless");
        assert!(
            sessions::create(c, "a", None, "{}", 10).await.expect("create"),
            "{n}: the id is free again"
        );

        assert_eq!(
            sessions::delete_expired(c, 3_000).await.expect("expire"),
            2,
            "{n}: a and c"
        );
        assert_eq!(
            sessions::load(c, "d").await.expect("load"),
            Some(("{}".to_string(), 4_102_444_800)),
            "{n}"
        );
        drop(conn);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn ending_an_accounts_sessions_keeps_the_callers_own() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let kim = new_user(db, &cli(), "kim@example.se", "Kim", None, &[])
            .await
            .expect("kim");
        let sam = new_user(db, &cli(), "sam@example.se", "Sam", None, &[])
            .await
            .expect("sam");
        let mut conn = rd(db).await;
        let c = &mut *conn;
        for (id, user) in [
            ("k1", Some(kim)),
            ("k2", Some(kim)),
            ("k3", Some(kim)),
            ("s1", Some(sam)),
            ("anon", None),
        ] {
            assert!(
                sessions::create(c, id, user, "{}", 4_000_000_000)
                    .await
                    .expect("create"),
                "{n}"
            );
        }
        assert_eq!(sessions::count_for_user(c, kim).await.expect("count"), 3, "{n}");

        // A password change on k2 ends Kim's other sessions.
        assert_eq!(
            sessions::end_for_user(c, kim, Some("k2")).await.expect("end"),
            2,
            "{n}: k1 and k3"
        );
        let alive: Vec<bool> = {
            let mut v = Vec::new();
            for id in ["k1", "k2", "k3", "s1", "anon"] {
                v.push(sessions::load(c, id).await.expect("load").is_some());
            }
            v
        };
        assert_eq!(
            alive,
            [false, true, false, true, true],
            "{n}: only Kim's other sessions ended"
        );
        assert_eq!(sessions::count_for_user(c, kim).await.expect("count"), 1, "{n}");
        assert_eq!(
            sessions::count_for_user(c, sam).await.expect("count"),
            1,
            "{n}: Sam untouched"
        );

        // Logging in on an anonymous session ties it to the account.
        sessions::save(c, "anon", Some(sam), r#"{"user":2}"#, 4_000_000_000)
            .await
            .expect("save");
        assert_eq!(sessions::count_for_user(c, sam).await.expect("count"), 2, "{n}");

        // A block ends every session of the account.
        assert_eq!(sessions::end_for_user(c, kim, None).await.expect("end"), 1, "{n}");
        assert_eq!(sessions::count_for_user(c, kim).await.expect("count"), 0, "{n}");
        assert_eq!(
            sessions::end_for_user(c, kim, None).await.expect("end"),
            0,
            "{n}: nothing left"
        );
        assert_eq!(
            sessions::end_for_user(c, sam, Some("s1")).await.expect("end"),
            1,
            "{n}: anon"
        );
        assert_eq!(
            sessions::load(c, "s1").await.expect("load"),
            Some(("{}".to_string(), 4_000_000_000)),
            "{n}"
        );
        drop(conn);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn the_login_throttle_counts_failures_within_a_window_and_starts_over_after_it() {
    for t in TestDb::all().await {
        let n = t.name();
        let mut conn = rd(&t.db).await;
        let c = &mut *conn;
        let window = 900;
        assert_eq!(throttle::get(c, "acct:kim").await.expect("get"), None, "{n}");

        throttle::record(c, "acct:kim", 10_000, window)
            .await
            .expect("record");
        throttle::record(c, "acct:kim", 10_100, window)
            .await
            .expect("record");
        throttle::record(c, "acct:kim", 10_899, window)
            .await
            .expect("record");
        assert_eq!(
            throttle::get(c, "acct:kim").await.expect("get"),
            Some(throttle::Failures {
                failures: 3,
                since: 10_000
            }),
            "{n}: three failures in one window"
        );
        throttle::record(c, "addr:1", 10_500, window)
            .await
            .expect("record");
        assert_eq!(
            throttle::get(c, "addr:1").await.expect("get"),
            Some(throttle::Failures {
                failures: 1,
                since: 10_500
            }),
            "{n}: keys are counted apart"
        );

        // Past the window a new one starts.
        throttle::record(c, "acct:kim", 11_000, window)
            .await
            .expect("record");
        assert_eq!(
            throttle::get(c, "acct:kim").await.expect("get"),
            Some(throttle::Failures {
                failures: 1,
                since: 11_000
            }),
            "{n}: the count starts over"
        );
        throttle::record(c, "acct:kim", 11_001, window)
            .await
            .expect("record");
        assert_eq!(
            throttle::get(c, "acct:kim")
                .await
                .expect("get")
                .map(|f| f.failures),
            Some(2),
            "{n}"
        );

        // A successful login forgets the account's failures.
        throttle::clear(c, "acct:kim").await.expect("clear");
        assert_eq!(throttle::get(c, "acct:kim").await.expect("get"), None, "{n}");
        assert!(
            throttle::get(c, "addr:1").await.expect("get").is_some(),
            "{n}: the address is still counted"
        );

        // Old windows are removed.
        assert_eq!(
            throttle::delete_old(c, 10_500).await.expect("delete"),
            0,
            "{n}: not older than 10 500"
        );
        assert_eq!(throttle::delete_old(c, 10_501).await.expect("delete"), 1, "{n}");
        assert_eq!(throttle::get(c, "addr:1").await.expect("get"), None, "{n}");
        drop(conn);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_password_link_works_once_and_an_expired_one_never() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let kim = new_user(db, &cli(), "kim@example.se", "Kim", None, &[])
            .await
            .expect("kim");
        let sam = new_user(db, &cli(), "sam@example.se", "Sam", None, &[])
            .await
            .expect("sam");
        let mut tx = db.write().await.expect("begin");
        resets::create(&mut tx, kim, "link-kim", 2_000)
            .await
            .expect("create");
        resets::create(&mut tx, sam, "link-sam-old", 1_000)
            .await
            .expect("create");
        commit(tx).await.expect("commit");

        let mut c = rd(db).await;
        assert_eq!(
            resets::find(&mut c, "link-kim", 1_500).await.expect("find"),
            Some(kim),
            "{n}"
        );
        assert_eq!(
            resets::find(&mut c, "link-kim", 2_001).await.expect("find"),
            None,
            "{n}: expired"
        );
        assert_eq!(
            resets::find(&mut c, "nope", 1_500).await.expect("find"),
            None,
            "{n}: unknown"
        );
        assert_eq!(
            resets::find(&mut c, "link-sam-old", 1_500).await.expect("find"),
            None,
            "{n}: expired"
        );
        drop(c);

        // One use only.
        let mut tx = db.write().await.expect("begin");
        assert!(
            resets::use_up(&mut tx, "link-kim", 1_500).await.expect("use"),
            "{n}: the first use works"
        );
        commit(tx).await.expect("commit");
        let mut tx = db.write().await.expect("begin");
        assert!(
            !resets::use_up(&mut tx, "link-kim", 1_501).await.expect("use"),
            "{n}: the second does not"
        );
        commit(tx).await.expect("commit");
        assert_eq!(
            resets::find(&mut *rd(db).await, "link-kim", 1_502)
                .await
                .expect("find"),
            None,
            "{n}: used up"
        );

        // An expired link never works, not even once.
        let mut tx = db.write().await.expect("begin");
        assert!(
            !resets::use_up(&mut tx, "link-sam-old", 1_500).await.expect("use"),
            "{n}: expired"
        );
        commit(tx).await.expect("commit");

        // A new link makes the account's earlier unused ones stop working.
        let mut tx = db.write().await.expect("begin");
        resets::create(&mut tx, sam, "link-sam-1", 5_000)
            .await
            .expect("create");
        commit(tx).await.expect("commit");
        let mut tx = db.write().await.expect("begin");
        resets::create(&mut tx, sam, "link-sam-2", 5_000)
            .await
            .expect("create");
        resets::create(&mut tx, kim, "link-kim-2", 5_000)
            .await
            .expect("create");
        commit(tx).await.expect("commit");
        let mut c = rd(db).await;
        assert_eq!(
            resets::find(&mut c, "link-sam-1", 3_000).await.expect("find"),
            None,
            "{n}: replaced"
        );
        assert_eq!(
            resets::find(&mut c, "link-sam-2", 3_000).await.expect("find"),
            Some(sam),
            "{n}"
        );
        assert_eq!(
            resets::find(&mut c, "link-kim-2", 3_000).await.expect("find"),
            Some(kim),
            "{n}: per account"
        );
        drop(c);
        let mut tx = db.write().await.expect("begin");
        assert!(
            !resets::use_up(&mut tx, "link-sam-1", 3_000).await.expect("use"),
            "{n}: replaced"
        );
        assert!(
            resets::use_up(&mut tx, "link-sam-2", 3_000).await.expect("use"),
            "{n}"
        );
        commit(tx).await.expect("commit");
        t.cleanup().await;
    }
}
