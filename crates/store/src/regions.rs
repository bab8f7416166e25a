//! Regions (counties) and their classification rules.

use samverka_core::governance::GovernanceSettings;
use samverka_core::{BaseService, RuleSet};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, Who};
use crate::{Db, Result, StoreError, Tx, now};

/// A region (*region* / *län*) with its rule set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    /// Id.
    pub id: i64,
    /// Name, e.g. "Region Uppsala".
    pub name: String,
    /// Official county code, e.g. "03".
    pub code: Option<String>,
    /// How its centres are classified.
    pub rules: RuleSet,
    /// Its governance rules: meetings, deadlines.
    pub governance: GovernanceSettings,
}

const COLUMNS: &str = "id, name, code, like_partners, require_shared_entrance, min_shared_opening_minutes, \
                       min_management_meetings, min_steering_meetings, minutes_within_days, \
                       introduction_within_days, matter_within_days";

fn from_row(r: &AnyRow) -> Result<Region> {
    let partners: String = r.try_get("like_partners")?;
    let entrance: i64 = r.try_get("require_shared_entrance")?;
    Ok(Region {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        code: r.try_get("code")?,
        rules: RuleSet {
            like_partners: RuleSet::parse_partners(&partners),
            require_shared_entrance: entrance != 0,
            min_shared_opening_minutes: r.try_get("min_shared_opening_minutes")?,
        },
        governance: GovernanceSettings {
            min_management_meetings: r.try_get("min_management_meetings")?,
            min_steering_meetings: r.try_get("min_steering_meetings")?,
            minutes_within_days: r.try_get("minutes_within_days")?,
            introduction_within_days: r.try_get("introduction_within_days")?,
            matter_within_days: r.try_get("matter_within_days")?,
        },
    })
}

/// Every region, by name.
pub async fn list(db: &Db) -> Result<Vec<Region>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM regions ORDER BY name"
    )))
    .fetch_all(db.pool())
    .await?;
    let mut regions: Vec<Region> = rows.iter().map(from_row).collect::<Result<_>>()?;
    regions.sort_by_key(|r| samverka_core::text::sort_key(&r.name));
    Ok(regions)
}

/// One region.
pub async fn get(db: &Db, id: i64) -> Result<Region> {
    let row = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM regions WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// A region by name (case-insensitive) or code.
pub async fn find(db: &Db, name_or_code: &str) -> Result<Region> {
    let needle = name_or_code.trim().to_lowercase();
    list(db)
        .await?
        .into_iter()
        .find(|r| r.name.to_lowercase() == needle || r.code.as_deref() == Some(needle.as_str()))
        .ok_or(StoreError::NotFound)
}

/// The rules as stored: child health care is never its own partner.
fn without_child_health(rules: &RuleSet) -> RuleSet {
    let mut partners = rules.like_partners.clone();
    partners.retain(|p| *p != BaseService::ChildHealth);
    RuleSet {
        like_partners: partners,
        ..rules.clone()
    }
}

/// Creates a region inside a transaction.
pub async fn create(tx: &mut Tx, who: &Who, name: &str, code: Option<&str>, rules: &RuleSet) -> Result<i64> {
    let rules = &without_child_health(rules);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO regions (name, code, like_partners, require_shared_entrance, min_shared_opening_minutes, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(name)
    .bind(code)
    .bind(rules.partners_code())
    .bind(i64::from(rules.require_shared_entrance))
    .bind(rules.min_shared_opening_minutes)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "region",
            entity_id: Some(id),
            region_id: Some(id),
            before: None,
            after: Some(serde_json::json!({ "name": name, "code": code, "rules": rules })),
        },
    )
    .await?;
    Ok(id)
}

/// Changes a region's classification rules; its centres are re-classified
/// from then on, since classification is always computed from the rules.
pub async fn update_rules(db: &Db, who: &Who, id: i64, rules: &RuleSet) -> Result<()> {
    let before = get(db, id).await?;
    let rules = without_child_health(rules);
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE regions SET like_partners = $1, require_shared_entrance = $2, min_shared_opening_minutes = $3
         WHERE id = $4",
    )
    .bind(rules.partners_code())
    .bind(i64::from(rules.require_shared_entrance))
    .bind(rules.min_shared_opening_minutes)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "update",
            entity: "region",
            entity_id: Some(id),
            region_id: Some(id),
            before: Some(serde_json::json!({ "rules": before.rules })),
            after: Some(serde_json::json!({ "rules": rules })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes a region's governance rules (minimum meetings, deadlines); every
/// signal is computed from them from then on.
pub async fn update_governance(db: &Db, who: &Who, id: i64, g: &GovernanceSettings) -> Result<()> {
    let before = get(db, id).await?;
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE regions SET min_management_meetings = $1, min_steering_meetings = $2, minutes_within_days = $3,
                introduction_within_days = $4, matter_within_days = $5 WHERE id = $6",
    )
    .bind(g.min_management_meetings)
    .bind(g.min_steering_meetings)
    .bind(g.minutes_within_days)
    .bind(g.introduction_within_days)
    .bind(g.matter_within_days)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "update",
            entity: "region",
            entity_id: Some(id),
            region_id: Some(id),
            before: Some(serde_json::json!({ "governance": before.governance })),
            after: Some(serde_json::json!({ "governance": g })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
