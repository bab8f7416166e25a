//! Regions (counties) and their rules.

use samverka_core::governance::settings::Introducers;
use samverka_core::governance::{GovernanceSettings, Responsible};
use samverka_core::{BaseService, Region, RuleSet};

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

const COLUMNS: &str = "id, name, code, like_partners, require_shared_entrance, min_shared_opening_minutes, \
                       min_management_meetings, min_steering_meetings, minutes_within_days, \
                       introduction_within_days, matter_within_days, management_quorum, \
                       min_coordinator_percent, coordinator_equal_funding, chair_one_year, chair_rotates, \
                       chair_not_coordinator, introducer_coordinator, introducer_manager, introducer_steering, \
                       introducer_staff, survey_min_answers";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    code: Option<String>,
    like_partners: String,
    require_shared_entrance: i64,
    min_shared_opening_minutes: Option<i64>,
    min_management_meetings: i64,
    min_steering_meetings: i64,
    minutes_within_days: i64,
    introduction_within_days: i64,
    matter_within_days: i64,
    management_quorum: i64,
    min_coordinator_percent: i64,
    coordinator_equal_funding: i64,
    chair_one_year: i64,
    chair_rotates: i64,
    chair_not_coordinator: i64,
    introducer_coordinator: String,
    introducer_manager: String,
    introducer_steering: String,
    introducer_staff: String,
    survey_min_answers: i64,
}

/// A stored introducer code; an unknown one is an error, not a default.
fn introducer(column: &'static str, code: &str) -> Result<Responsible> {
    Responsible::parse(code).ok_or_else(|| StoreError::Corrupt(format!("{column}: unknown code {code:?}")))
}

impl TryFrom<Row> for Region {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Region> {
        Ok(Region {
            id: r.id,
            name: r.name,
            code: r.code,
            rules: RuleSet {
                like_partners: partners(&r.like_partners)?,
                require_shared_entrance: codec::flag(
                    "regions.require_shared_entrance",
                    r.require_shared_entrance,
                )?,
                min_shared_opening_minutes: r.min_shared_opening_minutes,
            },
            governance: GovernanceSettings {
                min_management_meetings: r.min_management_meetings,
                min_steering_meetings: r.min_steering_meetings,
                management_quorum: r.management_quorum,
                min_coordinator_percent: r.min_coordinator_percent,
                coordinator_equal_funding: codec::flag(
                    "regions.coordinator_equal_funding",
                    r.coordinator_equal_funding,
                )?,
                chair_one_year: codec::flag("regions.chair_one_year", r.chair_one_year)?,
                chair_rotates: codec::flag("regions.chair_rotates", r.chair_rotates)?,
                chair_not_coordinator: codec::flag("regions.chair_not_coordinator", r.chair_not_coordinator)?,
                minutes_within_days: r.minutes_within_days,
                introduction_within_days: r.introduction_within_days,
                matter_within_days: r.matter_within_days,
                introducers: Introducers {
                    coordinator: introducer("regions.introducer_coordinator", &r.introducer_coordinator)?,
                    manager: introducer("regions.introducer_manager", &r.introducer_manager)?,
                    steering: introducer("regions.introducer_steering", &r.introducer_steering)?,
                    staff: introducer("regions.introducer_staff", &r.introducer_staff)?,
                },
            },
            survey_min_answers: r.survey_min_answers,
        })
    }
}

/// The stored like-partner codes (`of,soc`); an unknown one is an error,
/// not skipped, since dropping it would change every classification.
fn partners(text: &str) -> Result<Vec<BaseService>> {
    let mut out = Vec::new();
    for p in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let service = BaseService::ALL
            .into_iter()
            .find(|b| b.code() == p)
            .ok_or_else(|| {
                StoreError::Corrupt(format!("regions.like_partners: {p:?} is not a base service"))
            })?;
        out.push(service);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Every region, by name.
pub async fn list(c: &mut Conn) -> Result<Vec<Region>> {
    let rows: Vec<Row> = sqlx::query_as(crate::trusted(format!("SELECT {COLUMNS} FROM regions")))
        .fetch_all(c)
        .await?;
    let mut regions: Vec<Region> = rows.into_iter().map(Region::try_from).collect::<Result<_>>()?;
    regions.sort_by_cached_key(|r| samverka_core::text::sort_key(&r.name));
    Ok(regions)
}

/// One region.
pub async fn get(c: &mut Conn, id: i64) -> Result<Region> {
    let sql = format!("SELECT {COLUMNS} FROM regions WHERE id = $1");
    rows::one::<Row, Region>(c, crate::trusted(sql), id).await
}

/// A region by name (case-insensitive) or code.
pub async fn find(c: &mut Conn, name_or_code: &str) -> Result<Region> {
    let needle = name_or_code.trim().to_lowercase();
    list(c)
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

/// Creates a region.
pub async fn create(tx: &mut Tx, who: &Who, name: &str, code: Option<&str>, rules: &RuleSet) -> Result<i64> {
    let rules = &without_child_health(rules);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO regions (name, code, like_partners, require_shared_entrance, min_shared_opening_minutes, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(name)
    .bind(code)
    .bind(rules.partners_code())
    .bind(codec::flag_value(rules.require_shared_entrance))
    .bind(rules.min_shared_opening_minutes)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Create, AuditEntity::Region, Some(id), Some(id))
            .after(serde_json::json!({ "name": name, "code": code, "rules": rules })),
    )
    .await?;
    Ok(id)
}

/// Changes a region's classification rules; its centres are re-classified
/// from then on, since classification is always computed from the rules.
pub async fn update_rules(tx: &mut Tx, who: &Who, id: i64, rules: &RuleSet) -> Result<()> {
    let before = get(tx, id).await?;
    let rules = without_child_health(rules);
    sqlx::query(
        "UPDATE regions SET like_partners = $1, require_shared_entrance = $2, min_shared_opening_minutes = $3
         WHERE id = $4",
    )
    .bind(rules.partners_code())
    .bind(codec::flag_value(rules.require_shared_entrance))
    .bind(rules.min_shared_opening_minutes)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Update, AuditEntity::Region, Some(id), Some(id))
            .before(serde_json::json!({ "rules": before.rules }))
            .after(serde_json::json!({ "rules": rules })),
    )
    .await
}

/// Changes a region's governance rules (minimum meetings, deadlines); every
/// signal is computed from them from then on.
pub async fn update_governance(tx: &mut Tx, who: &Who, id: i64, g: &GovernanceSettings) -> Result<()> {
    let before = get(tx, id).await?;
    sqlx::query(
        "UPDATE regions SET min_management_meetings = $1, min_steering_meetings = $2, minutes_within_days = $3,
                introduction_within_days = $4, matter_within_days = $5, management_quorum = $6,
                min_coordinator_percent = $7, coordinator_equal_funding = $8, chair_one_year = $9,
                chair_rotates = $10, chair_not_coordinator = $11, introducer_coordinator = $12,
                introducer_manager = $13, introducer_steering = $14, introducer_staff = $15
          WHERE id = $16",
    )
    .bind(g.min_management_meetings)
    .bind(g.min_steering_meetings)
    .bind(g.minutes_within_days)
    .bind(g.introduction_within_days)
    .bind(g.matter_within_days)
    .bind(g.management_quorum)
    .bind(g.min_coordinator_percent)
    .bind(codec::flag_value(g.coordinator_equal_funding))
    .bind(codec::flag_value(g.chair_one_year))
    .bind(codec::flag_value(g.chair_rotates))
    .bind(codec::flag_value(g.chair_not_coordinator))
    .bind(g.introducers.coordinator.code())
    .bind(g.introducers.manager.code())
    .bind(g.introducers.steering.code())
    .bind(g.introducers.staff.code())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Update, AuditEntity::Region, Some(id), Some(id))
            .before(serde_json::json!({ "governance": before.governance }))
            .after(serde_json::json!({ "governance": g })),
    )
    .await
}

/// Changes the smallest number of answers a survey breakdown of the region
/// shows (the caller checks it is at least 5).
pub async fn update_survey_min_answers(tx: &mut Tx, who: &Who, id: i64, min_answers: i64) -> Result<()> {
    let before = get(tx, id).await?;
    sqlx::query("UPDATE regions SET survey_min_answers = $1 WHERE id = $2")
        .bind(min_answers)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Update, AuditEntity::Region, Some(id), Some(id))
            .before(serde_json::json!({ "survey_min_answers": before.survey_min_answers }))
            .after(serde_json::json!({ "survey_min_answers": min_answers })),
    )
    .await
}
