//! Fixtures shared by the store's integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use samverka_core::centre::{CentreInput, UnitInput};
use samverka_core::{BaseService, PrincipalKind, RuleSet, ServiceType};
use samverka_store::audit::{self, AuditEntry};
use samverka_store::{Db, Who, municipalities, regions};

/// Changes made from the command line.
pub fn cli() -> Who {
    Who::cli()
}

/// A date that exists.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Creates a region with the national rules and the given municipalities
/// (code, name); returns the region's id and the municipalities' ids in order.
pub async fn region_with(db: &Db, name: &str, munis: &[(&str, &str)]) -> (i64, Vec<i64>) {
    let mut tx = db.begin().await.expect("begin");
    let region = regions::create(&mut tx, &cli(), name, None, &RuleSet::national())
        .await
        .expect("create region");
    let mut ids = Vec::new();
    for (code, mname) in munis {
        ids.push(
            municipalities::create(&mut tx, region, code, mname)
                .await
                .expect("create municipality"),
        );
    }
    tx.commit().await.expect("commit");
    (region, ids)
}

/// Region Uppsala with Heby, Tierp and Enköping.
pub async fn uppsala(db: &Db) -> (i64, Vec<i64>) {
    region_with(
        db,
        "Region Uppsala",
        &[("0331", "Heby"), ("0360", "Tierp"), ("0381", "Enköping")],
    )
    .await
}

/// Region Gävleborg with Gävle.
pub async fn gavleborg(db: &Db) -> (i64, Vec<i64>) {
    region_with(db, "Region Gävleborg", &[("2180", "Gävle")]).await
}

/// A centre with only its required fields.
pub fn bare_centre(municipality_id: i64, name: &str) -> CentreInput {
    CentreInput {
        name: name.to_string(),
        municipality_id,
        address: None,
        opened_on: None,
        shared_opening_minutes: None,
    }
}

/// A centre with every field filled in.
pub fn full_centre(municipality_id: i64, name: &str) -> CentreInput {
    CentreInput {
        name: name.to_string(),
        municipality_id,
        address: Some("Sävja centrum 1, 757 57 Uppsala".into()),
        opened_on: Some(date(2010, 8, 1)),
        shared_opening_minutes: Some(930),
    }
}

/// A unit with every field filled in.
pub fn full_unit() -> UnitInput {
    UnitInput {
        service: ServiceType::Base(BaseService::ChildHealth),
        name: Some("BVC Sävja".into()),
        principal_kind: Some(PrincipalKind::PrivateProvider),
        principal_name: Some("Vårdcentralen Sävja AB".into()),
        building: Some("Sävja centrum 1".into()),
        shared_entrance: Some(true),
        full_operation: Some(false),
        minutes_per_week: Some(2400),
    }
}

/// A unit about which nothing but the service is known.
pub fn bare_unit(service: ServiceType) -> UnitInput {
    UnitInput {
        service,
        name: None,
        principal_kind: None,
        principal_name: None,
        building: None,
        shared_entrance: None,
        full_operation: None,
        minutes_per_week: None,
    }
}

/// Every audit entry, newest first.
pub async fn audit_all(db: &Db) -> Vec<AuditEntry> {
    audit::list(db, None, None, 10_000).await.expect("audit list")
}

/// Rows in a table.
pub async fn count(db: &Db, table: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(db.pool())
        .await
        .expect("count")
}
