//! The registry: regions, municipalities, centres, units, population numbers,
//! the access table and the audit trail every change leaves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{
    audit_all, audit_of, bare_centre, bare_unit, centre, cli, close_centre, close_unit, count, date,
    full_centre, full_premises, full_unit, gavleborg, new_centre, new_premises, new_unit, rd, region_with,
    unit, uppsala,
};
use samverka_core::centre::{CentreInput, UnitInput};
use samverka_core::premises::{Premises, PremisesInput};
use samverka_core::{AccessRow, BaseService, PrincipalKind, RuleSet, ServiceType, Unit};
use samverka_store::audit::{AuditAction, AuditEntity};
use samverka_store::registry::municipalities::{self, Numbers};
use samverka_store::registry::{centres, premises, regions};
use samverka_store::testing::TestDb;
use samverka_store::{StoreError, Who, audit, commit};
use serde_json::json;

fn as_input(u: &Unit) -> UnitInput {
    UnitInput {
        service: u.service,
        name: u.name.clone(),
        principal_kind: u.principal_kind,
        principal_name: u.principal_name.clone(),
        premises_id: u.premises_id,
        full_operation: u.full_operation,
        minutes_per_week: u.minutes_per_week,
    }
}

fn numbers(municipality_id: i64, year: i64, total: i64, children_0_6: i64) -> Numbers {
    Numbers {
        municipality_id,
        year,
        total,
        children_0_6,
        invented: false,
    }
}

/// The access table's rows only.
async fn access(db: &samverka_store::Db, region_id: Option<i64>, year: i64) -> Vec<AccessRow> {
    municipalities::access(&mut *rd(db).await, region_id, year)
        .await
        .expect("access")
        .into_iter()
        .map(|(m, row)| {
            assert_eq!(m.id, row.municipality_id, "the row belongs to its municipality");
            row
        })
        .collect()
}

/// Sets population numbers for one region in one transaction.
async fn set_population(db: &samverka_store::Db, region_id: i64, lines: &[Numbers]) {
    let mut tx = db.write().await.expect("begin");
    municipalities::set_population(&mut tx, &cli(), region_id, lines)
        .await
        .expect("set population");
    commit(tx).await.expect("commit");
}

async fn years(db: &samverka_store::Db, region_id: Option<i64>) -> Vec<i64> {
    municipalities::population_years(&mut *rd(db).await, region_id)
        .await
        .expect("years")
}

#[tokio::test]
async fn regions_are_created_found_and_their_rules_changed() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let mut tx = db.write().await.expect("begin");
        let skane = regions::create(&mut tx, &cli(), "Region Skåne", Some("12"), &RuleSet::skane())
            .await
            .expect("create Skåne");
        let ostergotland =
            regions::create(&mut tx, &cli(), "Region Östergötland", None, &RuleSet::national())
                .await
                .expect("create Östergötland");
        let uppsala = regions::create(
            &mut tx,
            &cli(),
            "Region Uppsala",
            Some("03"),
            &RuleSet::national(),
        )
        .await
        .expect("create Uppsala");
        commit(tx).await.expect("commit");

        let mut c = rd(db).await;
        let r = regions::get(&mut c, skane).await.expect("get");
        assert_eq!(r.name, "Region Skåne", "{n}");
        assert_eq!(r.code.as_deref(), Some("12"), "{n}");
        assert_eq!(r.rules, RuleSet::skane(), "{n}: rules round-trip");
        let r = regions::get(&mut c, ostergotland).await.expect("get");
        assert_eq!(r.code, None, "{n}: a missing code stays missing");
        assert_eq!(r.rules, RuleSet::national(), "{n}");

        let names: Vec<String> = regions::list(&mut c)
            .await
            .expect("list")
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(
            names,
            ["Region Skåne", "Region Uppsala", "Region Östergötland"],
            "{n}: listed in Swedish order"
        );
        assert_eq!(
            regions::find(&mut c, "region uppsala").await.expect("by name").id,
            uppsala,
            "{n}"
        );
        assert_eq!(
            regions::find(&mut c, " 12 ").await.expect("by code").id,
            skane,
            "{n}"
        );
        assert!(
            matches!(
                regions::find(&mut c, "Region Halland").await,
                Err(StoreError::NotFound)
            ),
            "{n}"
        );
        assert!(
            matches!(regions::get(&mut c, 9_999).await, Err(StoreError::NotFound)),
            "{n}"
        );
        drop(c);

        // The same name twice is a conflict, and leaves nothing behind.
        let audit_before = audit_all(db).await.len();
        let mut tx = db.write().await.expect("begin");
        let dup = regions::create(&mut tx, &cli(), "Region Uppsala", None, &RuleSet::national()).await;
        assert!(
            matches!(&dup, Err(StoreError::Conflict { constraint }) if constraint.contains("name")),
            "{n}: duplicate region name gives {dup:?}"
        );
        drop(tx);
        assert_eq!(
            regions::list(&mut *rd(db).await).await.expect("list").len(),
            3,
            "{n}"
        );
        assert_eq!(audit_all(db).await.len(), audit_before, "{n}");

        // Child health care can never be its own partner; the change is audited.
        let who = Who::user(7, "lena@region.se");
        let asked = RuleSet {
            like_partners: vec![BaseService::ChildHealth, BaseService::OpenPreschool],
            require_shared_entrance: true,
            min_shared_opening_minutes: Some(600),
        };
        let mut tx = db.write().await.expect("begin");
        regions::update_rules(&mut tx, &who, uppsala, &asked)
            .await
            .expect("update rules");
        commit(tx).await.expect("commit");
        let r = regions::get(&mut *rd(db).await, uppsala).await.expect("get");
        assert_eq!(r.rules.like_partners, [BaseService::OpenPreschool], "{n}");
        assert!(r.rules.require_shared_entrance, "{n}");
        assert_eq!(r.rules.min_shared_opening_minutes, Some(600), "{n}");
        let last = &audit_of(db, Some(uppsala), 1).await[0];
        assert_eq!(
            (last.action, last.entity),
            (AuditAction::Update, AuditEntity::Region),
            "{n}"
        );
        assert_eq!(last.entity_id, Some(uppsala), "{n}");
        assert_eq!(
            (last.user_id, last.actor.as_str()),
            (Some(7), "lena@region.se"),
            "{n}"
        );
        assert_eq!(
            last.before,
            Some(json!({ "rules": RuleSet::national() })),
            "{n}: before holds the old rules"
        );
        assert_eq!(
            last.after.as_ref().unwrap()["rules"]["like_partners"],
            json!(["open_preschool"]),
            "{n}"
        );
        let audit_before = audit_all(db).await.len();
        let mut tx = db.write().await.expect("begin");
        assert!(
            matches!(
                regions::update_rules(&mut tx, &who, 9_999, &asked).await,
                Err(StoreError::NotFound)
            ),
            "{n}"
        );
        drop(tx);
        assert_eq!(audit_all(db).await.len(), audit_before, "{n}: nothing recorded");

        // Not at creation either.
        let mut tx = db.write().await.expect("begin");
        let kalmar = regions::create(&mut tx, &cli(), "Region Kalmar", Some("08"), &asked)
            .await
            .expect("create");
        commit(tx).await.expect("commit");
        let r = regions::get(&mut *rd(db).await, kalmar).await.expect("get");
        assert_eq!(
            r.rules.like_partners,
            [BaseService::OpenPreschool],
            "{n}: stored without child health care"
        );
        let created = &audit_of(db, Some(kalmar), 1).await[0];
        assert_eq!(
            created.after.as_ref().unwrap()["rules"]["like_partners"],
            json!(["open_preschool"]),
            "{n}: the trail shows the stored rules"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn municipalities_are_listed_per_region_in_swedish_order() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, _) = region_with(
            db,
            "Region Uppsala",
            &[
                ("0382", "Östhammar"),
                ("0319", "Älvkarleby"),
                ("0380", "Uppsala"),
                ("0381", "Enköping"),
            ],
        )
        .await;
        let (r2, gavle) = gavleborg(db).await;
        let mut c = rd(db).await;
        let names: Vec<String> = municipalities::list(&mut c, Some(r1))
            .await
            .expect("list")
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(names, ["Enköping", "Uppsala", "Älvkarleby", "Östhammar"], "{n}");
        let only = municipalities::list(&mut c, Some(r2)).await.expect("list");
        assert_eq!(only.len(), 1, "{n}");
        assert_eq!(
            (
                only[0].id,
                only[0].region_id,
                only[0].code.as_str(),
                only[0].name.as_str()
            ),
            (gavle[0], r2, "2180", "Gävle"),
            "{n}"
        );
        assert_eq!(
            municipalities::list(&mut c, None).await.expect("all").len(),
            5,
            "{n}"
        );
        drop(c);

        let mut tx = db.write().await.expect("begin");
        let dup = municipalities::create(&mut tx, r2, "0380", "Sandviken").await;
        assert!(
            matches!(&dup, Err(StoreError::Conflict { constraint }) if constraint.contains("code")),
            "{n}: a code is unique, got {dup:?}"
        );
        // An open transaction holds a connection; give it back before closing.
        drop(tx);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn centres_round_trip_and_missing_data_stays_missing() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let (r2, g) = gavleborg(db).await;

        let full = full_centre(m[0], "Sävja familjecentral");
        let a = new_centre(db, &cli(), r1, &full).await.expect("create full");
        let bare = bare_centre(m[1], "Tierps familjecentral");
        let b = new_centre(db, &cli(), r1, &bare).await.expect("create bare");
        let zero = CentreInput {
            shared_opening_minutes: Some(0),
            ..bare_centre(m[2], "Östra familjecentralen")
        };
        let c = new_centre(db, &cli(), r1, &zero).await.expect("create zero");
        let other = new_centre(db, &cli(), r2, &bare_centre(g[0], "Gävle familjecentral"))
            .await
            .expect("create in Gävleborg");

        let got = centre(db, a).await.expect("get");
        assert_eq!(
            (got.id, got.region_id, got.municipality_id),
            (a, r1, m[0]),
            "{n}: ids"
        );
        assert_eq!(got.name, full.name, "{n}");
        assert_eq!(got.address, full.address, "{n}");
        assert_eq!(got.opened_on, Some(date(2010, 8, 1)), "{n}");
        assert_eq!(got.shared_opening_minutes, Some(930), "{n}");
        assert_eq!(got.closed_on, None, "{n}: a new centre is open");

        let got = centre(db, b).await.expect("get");
        assert_eq!(
            (
                got.address,
                got.opened_on,
                got.shared_opening_minutes,
                got.closed_on
            ),
            (None, None, None, None),
            "{n}: unknown fields stay unknown"
        );
        assert_eq!(
            centre(db, c).await.expect("get").shared_opening_minutes,
            Some(0),
            "{n}: zero minutes is not unknown"
        );

        let mut conn = rd(db).await;
        let names: Vec<String> = centres::list(&mut conn, Some(r1))
            .await
            .expect("list")
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(
            names,
            [
                "Sävja familjecentral",
                "Tierps familjecentral",
                "Östra familjecentralen"
            ],
            "{n}: one region's centres, in Swedish order"
        );
        assert_eq!(
            centres::list(&mut conn, Some(r2)).await.expect("list")[0].id,
            other,
            "{n}"
        );
        assert_eq!(
            centres::list(&mut conn, None).await.expect("list").len(),
            4,
            "{n}"
        );
        assert!(
            matches!(centres::get(&mut conn, 9_999).await, Err(StoreError::NotFound)),
            "{n}"
        );
        drop(conn);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn units_round_trip_with_yes_no_and_unknown_kept_apart() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let (r2, g) = gavleborg(db).await;
        let centre_id = new_centre(db, &cli(), r1, &full_centre(m[0], "Sävja familjecentral"))
            .await
            .expect("centre");
        let elsewhere = new_centre(db, &cli(), r2, &bare_centre(g[0], "Gävle familjecentral"))
            .await
            .expect("centre");

        let house = new_premises(db, &cli(), centre_id, &full_premises())
            .await
            .expect("premises");
        let yes = UnitInput {
            premises_id: Some(house),
            ..full_unit()
        };
        let church = PremisesInput {
            name: "Församlingshemmet".into(),
            address: None,
            shared_entrance: Some(false),
        };
        let church = new_premises(db, &cli(), centre_id, &church)
            .await
            .expect("premises");
        let no = UnitInput {
            service: ServiceType::Base(BaseService::OpenPreschool),
            name: Some("Svenska kyrkans öppna förskola".into()),
            principal_kind: Some(PrincipalKind::NonProfit),
            principal_name: Some("Svenska kyrkan".into()),
            premises_id: Some(church),
            full_operation: Some(false),
            minutes_per_week: Some(0),
        };
        let unknown = bare_unit(ServiceType::Other);
        let mut inputs = vec![yes, no, unknown];
        for (service, kind) in [
            (BaseService::Maternal, PrincipalKind::Region),
            (BaseService::SocialServices, PrincipalKind::Municipality),
        ] {
            inputs.push(UnitInput {
                principal_kind: Some(kind),
                ..bare_unit(ServiceType::Base(service))
            });
        }
        let mut ids = Vec::new();
        for input in &inputs {
            ids.push(new_unit(db, &cli(), centre_id, input).await.expect("create unit"));
        }
        let other_unit = new_unit(db, &cli(), elsewhere, &full_unit()).await.expect("unit");

        for (id, input) in ids.iter().zip(&inputs) {
            let u = unit(db, *id).await.expect("get unit");
            assert_eq!(&as_input(&u), input, "{n}: unit {id} round-trips");
            assert_eq!((u.centre_id, u.closed_on), (centre_id, None), "{n}");
        }
        let u = unit(db, ids[1]).await.expect("get");
        assert_eq!(
            (u.premises_id, u.full_operation),
            (Some(church), Some(false)),
            "{n}: a 'no' stays a 'no'"
        );
        let u = unit(db, ids[2]).await.expect("get");
        assert_eq!(
            (u.premises_id, u.full_operation, u.minutes_per_week),
            (None, None, None),
            "{n}: unknown stays unknown, not 'no'"
        );

        let mut c = rd(db).await;
        let listed: Vec<i64> = centres::units(&mut c, centre_id)
            .await
            .expect("units")
            .iter()
            .map(|u| u.id)
            .collect();
        assert_eq!(listed, ids, "{n}: units in the order they were added");
        let in_region: Vec<i64> = centres::units_in_region(&mut c, Some(r1))
            .await
            .expect("units")
            .iter()
            .map(|u| u.id)
            .collect();
        assert_eq!(in_region, ids, "{n}: another region's units are not listed");
        assert_eq!(
            centres::units_in_region(&mut c, Some(r2)).await.expect("units")[0].id,
            other_unit,
            "{n}"
        );
        assert_eq!(
            centres::units_in_region(&mut c, None).await.expect("units").len(),
            6,
            "{n}"
        );
        drop(c);

        // Setting a known answer back to unknown clears it.
        let back = UnitInput {
            premises_id: None,
            full_operation: None,
            minutes_per_week: None,
            ..full_unit()
        };
        let mut tx = db.write().await.expect("begin");
        let before = centres::get_unit(&mut tx, ids[0]).await.expect("get");
        centres::update_unit(&mut tx, &cli(), r1, &before, &back)
            .await
            .expect("update unit");
        commit(tx).await.expect("commit");
        let u = unit(db, ids[0]).await.expect("get");
        assert_eq!(as_input(&u), back, "{n}: updated unit");

        // A unit works only in premises of its own centre.
        let away = new_premises(db, &cli(), elsewhere, &full_premises())
            .await
            .expect("premises elsewhere");
        let stray = UnitInput {
            premises_id: Some(away),
            ..full_unit()
        };
        assert!(
            matches!(
                new_unit(db, &cli(), centre_id, &stray).await,
                Err(StoreError::Invalid {
                    field: "premises_id",
                    ..
                })
            ),
            "{n}: premises of another centre"
        );
        let mut tx = db.write().await.expect("begin");
        let before = centres::get_unit(&mut tx, ids[0]).await.expect("get");
        let err = centres::update_unit(&mut tx, &cli(), r1, &before, &stray).await;
        assert!(
            matches!(
                err,
                Err(StoreError::Invalid {
                    field: "premises_id",
                    ..
                })
            ),
            "{n}: {err:?}"
        );
        drop(tx);
        assert_eq!(unit(db, ids[0]).await.expect("get").premises_id, None, "{n}");
        assert!(matches!(unit(db, 9_999).await, Err(StoreError::NotFound)), "{n}");
        assert!(
            matches!(
                new_unit(db, &cli(), 9_999, &full_unit()).await,
                Err(StoreError::NotFound)
            ),
            "{n}: a unit needs an existing centre"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn updating_and_closing_keep_the_record_and_are_audited() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let who = Who::user(3, "karin@uppsala.se");
        let first = full_centre(m[0], "Sävja familjecentral");
        let id = new_centre(db, &who, r1, &first).await.expect("create");
        let unit_id = new_unit(db, &who, id, &full_unit()).await.expect("unit");

        let changed = CentreInput {
            name: "Sävja familjecentrum".into(),
            municipality_id: m[1],
            address: None,
            opened_on: Some(date(2011, 1, 10)),
            shared_opening_minutes: None,
        };
        let mut tx = db.write().await.expect("begin");
        let before = centres::get(&mut tx, id).await.expect("get");
        centres::update(&mut tx, &who, &before, &changed)
            .await
            .expect("update");
        commit(tx).await.expect("commit");
        let c = centre(db, id).await.expect("get");
        assert_eq!(c.name, "Sävja familjecentrum", "{n}");
        assert_eq!(c.municipality_id, m[1], "{n}");
        assert_eq!(c.address, None, "{n}: a cleared address is cleared");
        assert_eq!(c.opened_on, Some(date(2011, 1, 10)), "{n}");
        assert_eq!(c.shared_opening_minutes, None, "{n}");

        let mut updated_unit = full_unit();
        updated_unit.minutes_per_week = Some(1200);
        let mut tx = db.write().await.expect("begin");
        let before = centres::get_unit(&mut tx, unit_id).await.expect("get");
        centres::update_unit(&mut tx, &who, r1, &before, &updated_unit)
            .await
            .expect("update unit");
        commit(tx).await.expect("commit");
        close_unit(db, &who, unit_id, date(2024, 6, 30))
            .await
            .expect("close unit");
        close_centre(db, &who, id, date(2024, 12, 31))
            .await
            .expect("close");

        let c = centre(db, id).await.expect("a closed centre is still there");
        assert_eq!(c.closed_on, Some(date(2024, 12, 31)), "{n}");
        assert_eq!(c.name, "Sävja familjecentrum", "{n}: closing keeps the details");
        assert_eq!(
            centres::list(&mut *rd(db).await, Some(r1))
                .await
                .expect("list")
                .len(),
            1,
            "{n}: still listed"
        );
        let u = unit(db, unit_id).await.expect("a closed unit is still there");
        assert_eq!(u.closed_on, Some(date(2024, 6, 30)), "{n}");
        assert_eq!(u.minutes_per_week, Some(1200), "{n}");
        assert_eq!(
            centres::units(&mut *rd(db).await, id).await.expect("units").len(),
            1,
            "{n}"
        );
        assert_eq!(
            (count(db, "centres").await, count(db, "units").await),
            (1, 1),
            "{n}: nothing deleted"
        );

        // Newest first: close, close unit, update unit, update, create unit, create, region.
        let trail = audit_of(db, Some(r1), 100).await;
        let steps: Vec<(AuditAction, AuditEntity, Option<i64>)> =
            trail.iter().map(|e| (e.action, e.entity, e.entity_id)).collect();
        assert_eq!(
            steps,
            [
                (AuditAction::Close, AuditEntity::Centre, Some(id)),
                (AuditAction::Close, AuditEntity::Unit, Some(unit_id)),
                (AuditAction::Update, AuditEntity::Unit, Some(unit_id)),
                (AuditAction::Update, AuditEntity::Centre, Some(id)),
                (AuditAction::Create, AuditEntity::Unit, Some(unit_id)),
                (AuditAction::Create, AuditEntity::Centre, Some(id)),
                (AuditAction::Create, AuditEntity::Region, Some(r1)),
            ],
            "{n}: the audit trail, newest first"
        );
        assert!(trail.windows(2).all(|w| w[0].id > w[1].id), "{n}: ids descend");
        for e in &trail[..6] {
            assert_eq!(
                (e.user_id, e.actor.as_str()),
                (Some(3), "karin@uppsala.se"),
                "{n}: {e:?}"
            );
            assert_eq!(e.region_id, Some(r1), "{n}");
            assert!(
                e.at.ends_with('Z') && e.at.len() == 20,
                "{n}: RFC 3339 time, got {}",
                e.at
            );
        }
        assert_eq!(trail[6].actor, "kommandorad", "{n}");

        let close = &trail[0];
        assert_eq!(close.before.as_ref().unwrap()["closed_on"], json!(null), "{n}");
        assert_eq!(
            close.before.as_ref().unwrap()["name"],
            json!("Sävja familjecentrum"),
            "{n}"
        );
        assert_eq!(close.after, Some(json!({ "closed_on": "2024-12-31" })), "{n}");
        let close_unit_entry = &trail[1];
        assert_eq!(
            close_unit_entry.before.as_ref().unwrap()["closed_on"],
            json!(null),
            "{n}"
        );
        assert_eq!(
            close_unit_entry.after,
            Some(json!({ "closed_on": "2024-06-30" })),
            "{n}"
        );
        let update_unit = &trail[2];
        assert_eq!(
            update_unit.before.as_ref().unwrap()["minutes_per_week"],
            json!(2400),
            "{n}"
        );
        assert_eq!(
            update_unit.after.as_ref().unwrap()["minutes_per_week"],
            json!(1200),
            "{n}"
        );
        let update = &trail[3];
        let before = update.before.as_ref().expect("before");
        assert_eq!(before["name"], json!("Sävja familjecentral"), "{n}");
        assert_eq!(before["address"], json!("Sävja centrum 1, 757 57 Uppsala"), "{n}");
        assert_eq!(before["opened_on"], json!("2010-08-01"), "{n}");
        assert_eq!(before["municipality_id"], json!(m[0]), "{n}");
        let after = update.after.as_ref().expect("after");
        assert_eq!(after["name"], json!("Sävja familjecentrum"), "{n}");
        assert_eq!(after["address"], json!(null), "{n}");
        assert_eq!(after["municipality_id"], json!(m[1]), "{n}");
        let create = &trail[5];
        assert_eq!(create.before, None, "{n}");
        assert_eq!(
            create.after.as_ref().unwrap()["name"],
            json!("Sävja familjecentral"),
            "{n}"
        );

        // Unknown records are not found; closing twice is a conflict (someone
        // else closed it first), and neither leaves an audit entry.
        assert!(
            matches!(
                close_centre(db, &who, 9_999, date(2024, 1, 1)).await,
                Err(StoreError::NotFound)
            ),
            "{n}"
        );
        assert!(
            matches!(
                close_unit(db, &who, 9_999, date(2024, 1, 1)).await,
                Err(StoreError::NotFound)
            ),
            "{n}"
        );
        let again = close_centre(db, &who, id, date(2025, 1, 1)).await;
        assert!(
            matches!(&again, Err(StoreError::Conflict { constraint }) if constraint == "centres.closed_on"),
            "{n}: closing a closed centre gave {again:?}"
        );
        let again = close_unit(db, &who, unit_id, date(2025, 1, 1)).await;
        assert!(
            matches!(&again, Err(StoreError::Conflict { constraint }) if constraint == "units.closed_on"),
            "{n}: closing a closed unit gave {again:?}"
        );
        assert_eq!(
            centre(db, id).await.expect("get").closed_on,
            Some(date(2024, 12, 31)),
            "{n}: the first closing date stays"
        );
        assert_eq!(
            unit(db, unit_id).await.expect("get").closed_on,
            Some(date(2024, 6, 30)),
            "{n}: the first closing date stays"
        );
        assert_eq!(
            audit_all(db).await.len(),
            7,
            "{n}: failed writes leave no audit entry"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn the_audit_trail_filters_by_region_and_pages_newest_first() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let (r2, g) = gavleborg(db).await;
        for i in 0..5 {
            new_centre(db, &cli(), r1, &bare_centre(m[0], &format!("Heby {i}")))
                .await
                .expect("create");
            new_centre(db, &cli(), r2, &bare_centre(g[0], &format!("Gävle {i}")))
                .await
                .expect("create");
        }

        let all = audit_all(db).await;
        assert_eq!(all.len(), 12, "{n}: 2 regions + 10 centres");
        assert!(all.windows(2).all(|w| w[0].id > w[1].id), "{n}: newest first");
        assert_eq!(
            all[0].after.as_ref().unwrap()["name"],
            json!("Gävle 4"),
            "{n}: the newest is first"
        );

        let r1_trail = audit_of(db, Some(r1), 100).await;
        assert_eq!(r1_trail.len(), 6, "{n}");
        assert!(
            r1_trail.iter().all(|e| e.region_id == Some(r1)),
            "{n}: only region 1"
        );
        let r2_trail = audit_of(db, Some(r2), 100).await;
        assert_eq!(r2_trail.len(), 6, "{n}");
        assert!(
            r2_trail.iter().all(|e| e.region_id == Some(r2)),
            "{n}: only region 2"
        );
        assert!(audit_of(db, Some(9_999), 100).await.is_empty(), "{n}");

        // Pages of two, each starting below the last id of the page before.
        let mut c = rd(db).await;
        let mut paged = Vec::new();
        let mut before = None;
        loop {
            let page = audit::list(&mut c, Some(r1), before, 2).await.expect("page");
            assert!(page.len() <= 2, "{n}: a page holds at most the limit");
            let Some(last) = page.last() else { break };
            before = Some(last.id);
            paged.extend(page);
        }
        assert_eq!(
            paged, r1_trail,
            "{n}: the pages add up to the whole trail, once each"
        );

        let tail = audit::list(&mut c, None, Some(all[3].id), 100)
            .await
            .expect("tail");
        assert_eq!(tail, all[4..].to_vec(), "{n}: before_id without a region filter");

        // Every entry about one record, oldest first.
        let heby0 = r1_trail[4].entity_id.expect("a centre");
        let about = audit::about(&mut c, AuditEntity::Centre, heby0)
            .await
            .expect("about");
        assert_eq!(about, [r1_trail[4].clone()], "{n}: the one entry about Heby 0");
        drop(c);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_centre_in_another_regions_municipality_is_refused_and_nothing_is_written() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let (_r2, g) = gavleborg(db).await;
        let audit_before = audit_all(db).await;

        let wrong = new_centre(db, &cli(), r1, &bare_centre(g[0], "Gävle i Uppsala?")).await;
        assert!(
            matches!(
                wrong,
                Err(StoreError::Invalid {
                    field: "municipality_id",
                    ..
                })
            ),
            "{n}: got {wrong:?}"
        );
        let missing = new_centre(db, &cli(), r1, &bare_centre(9_999, "Ingenstans")).await;
        assert!(
            matches!(
                missing,
                Err(StoreError::Invalid {
                    field: "municipality_id",
                    ..
                })
            ),
            "{n}: got {missing:?}"
        );
        assert_eq!(count(db, "centres").await, 0, "{n}: no centre stored");
        assert_eq!(audit_all(db).await, audit_before, "{n}: no audit entry");

        // Moving an existing centre to another region's municipality is refused too.
        let id = new_centre(db, &cli(), r1, &full_centre(m[0], "Heby familjecentral"))
            .await
            .expect("create");
        let audit_before = audit_all(db).await;
        let mut tx = db.write().await.expect("begin");
        let before = centres::get(&mut tx, id).await.expect("get");
        let moved = centres::update(&mut tx, &cli(), &before, &full_centre(g[0], "Flyttad")).await;
        assert!(
            matches!(
                moved,
                Err(StoreError::Invalid {
                    field: "municipality_id",
                    ..
                })
            ),
            "{n}: got {moved:?}"
        );
        drop(tx);
        let c = centre(db, id).await.expect("get");
        assert_eq!(
            (c.name.as_str(), c.municipality_id),
            ("Heby familjecentral", m[0]),
            "{n}: unchanged"
        );
        assert_eq!(audit_all(db).await, audit_before, "{n}: no audit entry");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn access_counts_only_centres_open_during_the_year() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await; // Heby, Tierp, Enköping
        let (r2, g) = gavleborg(db).await;
        let heby = m[0];
        let open = |name: &str, opened: Option<chrono::NaiveDate>| CentreInput {
            opened_on: opened,
            ..bare_centre(heby, name)
        };
        // Heby: counted in 2023 are a, b and c.
        let a = new_centre(db, &cli(), r1, &open("a", Some(date(2020, 5, 1))))
            .await
            .expect("a");
        close_centre(db, &cli(), a, date(2023, 1, 1))
            .await
            .expect("close a");
        new_centre(db, &cli(), r1, &open("b", None)).await.expect("b");
        new_centre(db, &cli(), r1, &open("c", Some(date(2023, 12, 31))))
            .await
            .expect("c");
        new_centre(db, &cli(), r1, &open("d", Some(date(2024, 1, 1))))
            .await
            .expect("d");
        let e = new_centre(db, &cli(), r1, &open("e", Some(date(2015, 3, 1))))
            .await
            .expect("e");
        close_centre(db, &cli(), e, date(2022, 12, 31))
            .await
            .expect("close e");
        // Tierp: one centre, closed in 2022.
        let tierp = new_centre(db, &cli(), r1, &bare_centre(m[1], "Tierp"))
            .await
            .expect("tierp");
        close_centre(db, &cli(), tierp, date(2022, 6, 30))
            .await
            .expect("close tierp");
        new_centre(db, &cli(), r2, &bare_centre(g[0], "Gävle"))
            .await
            .expect("gävle");

        let rows = access(db, Some(r1), 2023).await;
        let summary: Vec<(&str, i64, Option<i64>, Option<i64>)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.centres, r.population, r.children_0_6))
            .collect();
        assert_eq!(
            summary,
            [
                ("Enköping", 0, None, None),
                ("Heby", 3, None, None),
                ("Tierp", 0, None, None)
            ],
            "{n}: 2023, no population imported"
        );
        assert_eq!(rows[1].municipality_id, heby, "{n}");

        let counts = |rows: &[AccessRow]| -> Vec<i64> { rows.iter().map(|r| r.centres).collect() };
        assert_eq!(
            counts(&access(db, Some(r1), 2022).await),
            [0, 3, 1],
            "{n}: 2022 counts a, b, e and Tierp"
        );
        assert_eq!(
            counts(&access(db, Some(r1), 2024).await),
            [0, 3, 0],
            "{n}: 2024 counts b, c, d"
        );
        assert_eq!(
            counts(&access(db, Some(r1), 2019).await),
            [0, 2, 1],
            "{n}: 2019 counts b, e and Tierp"
        );
        let everywhere = access(db, None, 2023).await;
        assert_eq!(everywhere.len(), 4, "{n}: every region's municipalities");
        assert_eq!(
            everywhere.iter().find(|r| r.name == "Gävle").map(|r| r.centres),
            Some(1),
            "{n}"
        );

        // Numbers for one municipality only: the others stay unknown, not zero.
        set_population(db, r1, &[numbers(heby, 2023, 14_300, 990)]).await;
        let rows = access(db, Some(r1), 2023).await;
        assert_eq!(
            (rows[1].population, rows[1].children_0_6),
            (Some(14_300), Some(990)),
            "{n}"
        );
        assert_eq!(
            (rows[0].population, rows[0].children_0_6),
            (None, None),
            "{n}: Enköping unknown"
        );
        assert_eq!(rows[1].children_per_centre(), Some(330), "{n}");
        let other_year = access(db, Some(r1), 2024).await;
        assert_eq!(
            other_year[1].population, None,
            "{n}: numbers belong to their year"
        );
        t.cleanup().await;
    }
}

/// Finding each line's municipality (and reporting unknown ones) is the
/// application's work now; the store sets resolved numbers, all or nothing.
#[tokio::test]
async fn population_numbers_are_set_all_or_nothing_and_replace_the_years_numbers() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await; // Heby, Tierp, Enköping
        let (r2, g) = gavleborg(db).await;
        let (heby, tierp, enkoping, gavle) = (m[0], m[1], m[2], g[0]);
        let audit_before = audit_all(db).await;

        // A good line and a line for a municipality that does not exist: the
        // transaction fails and nothing is kept.
        let mut tx = db.write().await.expect("begin");
        let res = municipalities::set_population(
            &mut tx,
            &cli(),
            r1,
            &[numbers(heby, 2024, 14_352, 995), numbers(9_999, 2024, 1, 1)],
        )
        .await;
        assert!(
            res.is_err(),
            "{n}: an unknown municipality is refused, got {res:?}"
        );
        drop(tx);
        assert_eq!(count(db, "population").await, 0, "{n}: nothing imported");
        assert!(years(db, None).await.is_empty(), "{n}");
        assert_eq!(
            audit_all(db).await,
            audit_before,
            "{n}: no audit entry for a refused import"
        );

        // Numbers set but not committed are not kept either.
        let mut tx = db.write().await.expect("begin");
        municipalities::set_population(&mut tx, &cli(), r1, &[numbers(heby, 2024, 1, 1)])
            .await
            .expect("set");
        drop(tx);
        assert_eq!(count(db, "population").await, 0, "{n}: rolled back");
        assert_eq!(
            audit_all(db).await,
            audit_before,
            "{n}: the audit entry is rolled back with it"
        );

        set_population(
            db,
            r1,
            &[
                numbers(heby, 2024, 14_352, 995),
                numbers(tierp, 2024, 21_118, 1_453),
            ],
        )
        .await;
        let rows = access(db, Some(r1), 2024).await;
        let got: Vec<(&str, Option<i64>, Option<i64>)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.population, r.children_0_6))
            .collect();
        assert_eq!(
            got,
            [
                ("Enköping", None, None),
                ("Heby", Some(14_352), Some(995)),
                ("Tierp", Some(21_118), Some(1_453))
            ],
            "{n}"
        );
        let entry = &audit_of(db, Some(r1), 1).await[0];
        assert_eq!(
            (entry.action, entry.entity),
            (AuditAction::Import, AuditEntity::Population),
            "{n}"
        );
        assert_eq!(entry.after, Some(json!({ "lines": 2, "years": [2024] })), "{n}");

        // Another year is kept apart; setting a year again replaces it.
        set_population(db, r1, &[numbers(heby, 2023, 14_200, 1_010)]).await;
        set_population(db, r1, &[numbers(heby, 2024, 14_400, 1_000)]).await;
        assert_eq!(count(db, "population").await, 3, "{n}: replaced, not added");
        let rows = access(db, Some(r1), 2024).await;
        assert_eq!(
            (rows[1].population, rows[1].children_0_6),
            (Some(14_400), Some(1_000)),
            "{n}: replaced"
        );
        assert_eq!(rows[2].population, Some(21_118), "{n}: Tierp untouched");
        let rows = access(db, Some(r1), 2023).await;
        assert_eq!(rows[1].population, Some(14_200), "{n}: 2023 untouched");
        assert_eq!(years(db, Some(r1)).await, [2024, 2023], "{n}: newest first");
        assert!(years(db, Some(r2)).await.is_empty(), "{n}");

        // Two regions in one transaction: each region gets its own entry.
        let mut tx = db.write().await.expect("begin");
        municipalities::set_population(&mut tx, &cli(), r2, &[numbers(gavle, 2024, 104_000, 7_000)])
            .await
            .expect("r2");
        municipalities::set_population(&mut tx, &cli(), r1, &[numbers(enkoping, 2024, 48_551, 3_828)])
            .await
            .expect("r1");
        commit(tx).await.expect("commit");
        assert_eq!(years(db, Some(r2)).await, [2024], "{n}");
        assert_eq!(years(db, None).await, [2024, 2023], "{n}: every region");
        let r2_entry = &audit_of(db, Some(r2), 1).await[0];
        assert_eq!(
            r2_entry.after,
            Some(json!({ "lines": 1, "years": [2024] })),
            "{n}"
        );
        let r1_entry = &audit_of(db, Some(r1), 1).await[0];
        assert_eq!(
            r1_entry.after,
            Some(json!({ "lines": 1, "years": [2024] })),
            "{n}"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn reopening_undoes_a_closing_once_and_is_audited() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let who = Who::user(3, "karin@uppsala.se");
        let id = new_centre(db, &who, r1, &full_centre(m[0], "Gimo familjehus"))
            .await
            .expect("create");
        let unit_id = new_unit(db, &who, id, &full_unit()).await.expect("unit");

        // An open centre or unit has nothing to reopen: a conflict, no audit entry.
        let last = audit_of(db, Some(r1), 1).await[0].id;
        let mut tx = db.write().await.expect("begin");
        let open = centres::get(&mut tx, id).await.expect("get");
        let err = centres::reopen(&mut tx, &who, &open).await;
        assert!(matches!(err, Err(StoreError::Conflict { .. })), "{n}: {err:?}");
        drop(tx);
        assert_eq!(audit_of(db, Some(r1), 1).await[0].id, last, "{n}");

        close_unit(db, &who, unit_id, date(2024, 6, 30))
            .await
            .expect("close unit");
        close_centre(db, &who, id, date(2024, 12, 31))
            .await
            .expect("close");

        let mut tx = db.write().await.expect("begin");
        let closed = centres::get(&mut tx, id).await.expect("get");
        centres::reopen(&mut tx, &who, &closed).await.expect("reopen");
        let closed_unit = centres::get_unit(&mut tx, unit_id).await.expect("unit");
        centres::reopen_unit(&mut tx, &who, r1, &closed_unit)
            .await
            .expect("reopen unit");
        // A second reopen in a race (with the stale record) finds the row open.
        let again = centres::reopen(&mut tx, &who, &closed).await;
        assert!(
            matches!(again, Err(StoreError::Conflict { .. })),
            "{n}: {again:?}"
        );
        drop(tx);
        // The failed second attempt rolled the whole transaction back; do it again cleanly.
        let mut tx = db.write().await.expect("begin");
        let closed = centres::get(&mut tx, id).await.expect("get");
        centres::reopen(&mut tx, &who, &closed).await.expect("reopen");
        let closed_unit = centres::get_unit(&mut tx, unit_id).await.expect("unit");
        centres::reopen_unit(&mut tx, &who, r1, &closed_unit)
            .await
            .expect("reopen unit");
        commit(tx).await.expect("commit");

        assert_eq!(centre(db, id).await.expect("centre").closed_on, None, "{n}");
        assert_eq!(unit(db, unit_id).await.expect("unit").closed_on, None, "{n}");
        let trail = audit_of(db, Some(r1), 2).await;
        let steps: Vec<(AuditAction, AuditEntity, Option<i64>)> =
            trail.iter().map(|e| (e.action, e.entity, e.entity_id)).collect();
        assert_eq!(
            steps,
            [
                (AuditAction::Reopen, AuditEntity::Unit, Some(unit_id)),
                (AuditAction::Reopen, AuditEntity::Centre, Some(id)),
            ],
            "{n}"
        );
        assert_eq!(
            trail[1].before.as_ref().expect("before")["closed_on"],
            json!("2024-12-31"),
            "{n}"
        );
        assert_eq!(trail[1].after, Some(json!({ "closed_on": null })), "{n}");
    }
}

#[tokio::test]
async fn premises_belong_to_a_centre_keep_unknown_apart_and_every_change_is_audited() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let (r2, g) = gavleborg(db).await;
        let who = Who::user(3, "karin@uppsala.se");
        let savja = new_centre(db, &who, r1, &bare_centre(m[0], "Sävja familjecentral"))
            .await
            .expect("centre");
        let gavle = new_centre(db, &who, r2, &bare_centre(g[0], "Gävle familjecentral"))
            .await
            .expect("centre");
        let house = new_premises(db, &who, savja, &full_premises())
            .await
            .expect("premises");
        let annex_input = PremisesInput {
            name: "Annexet".into(),
            address: None,
            shared_entrance: None,
        };
        let annex = new_premises(db, &who, savja, &annex_input)
            .await
            .expect("premises");
        let away = new_premises(db, &who, gavle, &annex_input)
            .await
            .expect("another centre may use the same name");

        let mut c = rd(db).await;
        let listed = premises::of_centre(&mut c, savja).await.expect("list");
        assert_eq!(
            listed,
            [
                Premises {
                    id: annex,
                    centre_id: savja,
                    name: "Annexet".into(),
                    address: None,
                    shared_entrance: None,
                },
                Premises {
                    id: house,
                    centre_id: savja,
                    name: full_premises().name,
                    address: Some("Sävja centrum 1".into()),
                    shared_entrance: Some(true),
                },
            ],
            "{n}: by name, unknown entrance kept unknown"
        );
        let ids = |list: Vec<Premises>| list.iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(
            ids(premises::in_region(&mut c, Some(r1)).await.expect("region")),
            [annex, house],
            "{n}"
        );
        assert_eq!(
            ids(premises::in_region(&mut c, None).await.expect("all")),
            [annex, house, away],
            "{n}: by centre, then name"
        );
        assert!(
            matches!(premises::get(&mut c, 9_999).await, Err(StoreError::NotFound)),
            "{n}"
        );
        drop(c);

        // One name once per centre.
        assert!(
            matches!(
                new_premises(db, &who, savja, &annex_input).await,
                Err(StoreError::Conflict { .. })
            ),
            "{n}"
        );

        // A change to the premises is a change for every unit in them.
        let unit_id = new_unit(
            db,
            &who,
            savja,
            &UnitInput {
                premises_id: Some(annex),
                ..full_unit()
            },
        )
        .await
        .expect("unit");
        let changed = PremisesInput {
            name: "Annexet, plan 2".into(),
            address: Some("Sävja torg 3".into()),
            shared_entrance: Some(false),
        };
        let mut tx = db.write().await.expect("begin");
        let before = premises::get(&mut tx, annex).await.expect("get");
        premises::update(&mut tx, &who, r1, &before, &changed)
            .await
            .expect("update");
        commit(tx).await.expect("commit");
        let after = premises::get(&mut *rd(db).await, annex).await.expect("get");
        assert_eq!(
            (after.label(), after.shared_entrance),
            ("Annexet, plan 2, Sävja torg 3".to_string(), Some(false)),
            "{n}"
        );
        assert_eq!(
            unit(db, unit_id).await.expect("unit").premises_id,
            Some(annex),
            "{n}"
        );

        let trail = audit_of(db, Some(r1), 100).await;
        let steps: Vec<(AuditAction, AuditEntity, Option<i64>)> = trail
            .iter()
            .filter(|e| e.entity == AuditEntity::Premises)
            .map(|e| (e.action, e.entity, e.entity_id))
            .collect();
        assert_eq!(
            steps,
            [
                (AuditAction::Update, AuditEntity::Premises, Some(annex)),
                (AuditAction::Create, AuditEntity::Premises, Some(annex)),
                (AuditAction::Create, AuditEntity::Premises, Some(house)),
            ],
            "{n}: the other region's premises are in its own trail"
        );
        assert_eq!(trail[0].actor, "karin@uppsala.se", "{n}");
        assert_eq!(
            trail[0].after.as_ref().and_then(|a| a.get("name")).cloned(),
            Some(json!("Annexet, plan 2")),
            "{n}"
        );
        t.cleanup().await;
    }
}

/// Text that JSON must escape: quotes, backslashes, line breaks, tabs,
/// control characters, markup, and letters outside the basic plane.
const AWKWARD: &str = "\"Måns\" \\ 'Ängen'\n\tr\u{1}ad </script> 👶🏽 \u{202e}x";

#[tokio::test]
async fn region_wide_lists_read_as_one_value_give_back_every_field_as_stored() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (r1, m) = uppsala(db).await;
        let (r2, _) = gavleborg(db).await;
        let odd = CentreInput {
            address: Some(AWKWARD.into()),
            ..full_centre(m[0], AWKWARD)
        };
        let a = new_centre(db, &cli(), r1, &odd).await.expect("centre");
        let b = new_centre(db, &cli(), r1, &bare_centre(m[1], "Tierps familjecentral"))
            .await
            .expect("centre");
        let place = PremisesInput {
            name: AWKWARD.into(),
            address: Some(AWKWARD.into()),
            shared_entrance: Some(true),
        };
        let house = new_premises(db, &cli(), a, &place).await.expect("premises");
        let full = UnitInput {
            name: Some(AWKWARD.into()),
            principal_name: Some(AWKWARD.into()),
            premises_id: Some(house),
            minutes_per_week: Some(i64::from(i32::MAX) + 1),
            ..full_unit()
        };
        let u1 = new_unit(db, &cli(), a, &full).await.expect("unit");
        let u2 = new_unit(db, &cli(), b, &bare_unit(ServiceType::Other))
            .await
            .expect("unit");
        close_unit(db, &cli(), u2, date(2024, 6, 30))
            .await
            .expect("close");

        let mut c = rd(db).await;
        let listed = centres::list(&mut c, Some(r1)).await.expect("centres");
        let one_by_one = vec![
            centres::get(&mut c, a).await.expect("get"),
            centres::get(&mut c, b).await.expect("get"),
        ];
        assert_eq!(listed, one_by_one, "{n}: centres listed as read one by one");
        assert_eq!(listed[0].name, AWKWARD, "{n}");

        let units = centres::units_in_region(&mut c, Some(r1)).await.expect("units");
        let one_by_one = vec![
            centres::get_unit(&mut c, u1).await.expect("get"),
            centres::get_unit(&mut c, u2).await.expect("get"),
        ];
        assert_eq!(
            units, one_by_one,
            "{n}: units listed as read one by one, closed ones too"
        );
        assert_eq!(units[0].minutes_per_week, Some(i64::from(i32::MAX) + 1), "{n}");

        let places = premises::in_region(&mut c, Some(r1)).await.expect("premises");
        assert_eq!(
            places,
            vec![premises::get(&mut c, house).await.expect("get")],
            "{n}"
        );
        assert_eq!(places[0].address.as_deref(), Some(AWKWARD), "{n}");

        // A region without any: empty lists, not an error.
        let empty = (
            centres::list(&mut c, Some(r2)).await.expect("centres").len(),
            centres::units_in_region(&mut c, Some(r2))
                .await
                .expect("units")
                .len(),
            premises::in_region(&mut c, Some(r2))
                .await
                .expect("premises")
                .len(),
        );
        assert_eq!(empty, (0, 0, 0), "{n}: a region without centres");
        drop(c);
        t.cleanup().await;
    }
}
