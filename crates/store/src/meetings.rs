//! Meetings of groups: attendance, agenda, minutes and their publishing, and
//! the decisions taken.

use std::collections::HashMap;

use chrono::NaiveDate;
use samverka_core::governance::{AttendanceStatus, DecisionCategory, MeetingStatus};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, Who};
use crate::mail::{self, Mail};
use crate::{Db, Result, StoreError, Tx, date_text, now, parse_date};

/// A meeting (*sammanträde*) of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// Id.
    pub id: i64,
    /// The group.
    pub group_id: i64,
    /// Its date.
    pub held_on: NaiveDate,
    /// Planned, held or cancelled.
    pub status: MeetingStatus,
    /// Agenda items, one per line.
    pub agenda: Option<String>,
    /// Minutes (*protokoll*), in Markdown.
    pub minutes_md: Option<String>,
    /// When the minutes were published to the centres' coordinators and managers.
    pub minutes_published_on: Option<NaiveDate>,
}

const COLUMNS: &str = "id, group_id, held_on, status, agenda, minutes_md, minutes_published_on";

fn from_row(r: &AnyRow) -> Result<Meeting> {
    let status: String = r.try_get("status")?;
    Ok(Meeting {
        id: r.try_get("id")?,
        group_id: r.try_get("group_id")?,
        held_on: parse_date(r.try_get("held_on")?).unwrap_or(NaiveDate::MIN),
        status: MeetingStatus::parse(&status).unwrap_or(MeetingStatus::Planned),
        agenda: r.try_get("agenda")?,
        minutes_md: r.try_get("minutes_md")?,
        minutes_published_on: parse_date(r.try_get("minutes_published_on")?),
    })
}

async fn region_of_group(tx: &mut Tx, group_id: i64) -> Result<i64> {
    sqlx::query_scalar("SELECT region_id FROM groups WHERE id = $1")
        .bind(group_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)
}

/// Records a meeting inside the caller's transaction.
pub async fn create_in(
    tx: &mut Tx,
    who: &Who,
    group_id: i64,
    held_on: NaiveDate,
    status: MeetingStatus,
    agenda: Option<&str>,
) -> Result<i64> {
    let region = region_of_group(tx, group_id).await?;
    let ts = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meetings (group_id, held_on, status, agenda, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(group_id)
    .bind(date_text(Some(held_on)))
    .bind(status.code())
    .bind(agenda)
    .bind(&ts)
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "meeting",
            entity_id: Some(id),
            region_id: Some(region),
            before: None,
            after: Some(serde_json::json!({ "group_id": group_id, "held_on": held_on, "status": status.code(), "agenda": agenda })),
        },
    )
    .await?;
    Ok(id)
}

/// Records a meeting.
pub async fn create(
    db: &Db,
    who: &Who,
    group_id: i64,
    held_on: NaiveDate,
    status: MeetingStatus,
    agenda: Option<&str>,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = create_in(&mut tx, who, group_id, held_on, status, agenda).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a meeting's date, status, agenda and minutes, and its attendance, in one transaction.
#[expect(clippy::too_many_arguments, reason = "each is a field of the meeting form")]
pub async fn update(
    db: &Db,
    who: &Who,
    id: i64,
    held_on: NaiveDate,
    status: MeetingStatus,
    agenda: Option<&str>,
    minutes_md: Option<&str>,
    attendance: &[(i64, AttendanceStatus)],
) -> Result<()> {
    let before = get(db, id).await?;
    let mut tx = db.begin().await?;
    let region = region_of_group(&mut tx, before.group_id).await?;
    sqlx::query("UPDATE meetings SET held_on = $1, status = $2, agenda = $3, minutes_md = $4, updated_at = $5 WHERE id = $6")
        .bind(date_text(Some(held_on)))
        .bind(status.code())
        .bind(agenda)
        .bind(minutes_md)
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    set_attendance_in(&mut tx, id, attendance).await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "update",
            entity: "meeting",
            entity_id: Some(id),
            region_id: Some(region),
            before: serde_json::to_value(&before).ok(),
            after: Some(serde_json::json!({
                "held_on": held_on, "status": status.code(), "agenda": agenda, "minutes_md": minutes_md,
                "attendance": attendance.iter().map(|(p, s)| serde_json::json!({"person_id": p, "status": s.code()})).collect::<Vec<_>>(),
            })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Replaces a meeting's attendance inside the caller's transaction.
pub async fn set_attendance_in(
    tx: &mut Tx,
    meeting_id: i64,
    attendance: &[(i64, AttendanceStatus)],
) -> Result<()> {
    sqlx::query("DELETE FROM attendance WHERE meeting_id = $1")
        .bind(meeting_id)
        .execute(&mut **tx)
        .await?;
    for (person, status) in attendance {
        sqlx::query("INSERT INTO attendance (meeting_id, person_id, status) VALUES ($1, $2, $3)")
            .bind(meeting_id)
            .bind(person)
            .bind(status.code())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Records a meeting's minutes and the day they were published (if they
/// were) inside the caller's transaction, without queuing notices: for
/// loading history, such as the demo data.
pub async fn set_minutes_in(
    tx: &mut Tx,
    who: &Who,
    id: i64,
    minutes_md: Option<&str>,
    published_on: Option<NaiveDate>,
) -> Result<()> {
    let group_id: i64 = sqlx::query_scalar("SELECT group_id FROM meetings WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    if published_on.is_some() && minutes_md.is_none_or(|m| m.trim().is_empty()) {
        return Err(StoreError::Invalid("minutes_md".into()));
    }
    let region = region_of_group(tx, group_id).await?;
    sqlx::query(
        "UPDATE meetings SET minutes_md = $1, minutes_published_on = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(minutes_md)
    .bind(date_text(published_on))
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change {
            action: "update",
            entity: "meeting",
            entity_id: Some(id),
            region_id: Some(region),
            before: None,
            after: Some(serde_json::json!({ "minutes_md": minutes_md, "published_on": published_on })),
        },
    )
    .await?;
    Ok(())
}

/// Publishes a meeting's minutes and queues the notices, in one transaction:
/// either the minutes are published and every notice is queued, or nothing is.
pub async fn publish(db: &Db, who: &Who, id: i64, on: NaiveDate, notices: &[Mail]) -> Result<()> {
    let before = get(db, id).await?;
    if before.minutes_md.as_deref().is_none_or(|m| m.trim().is_empty()) {
        return Err(StoreError::Invalid("minutes_md".into()));
    }
    let mut tx = db.begin().await?;
    let region = region_of_group(&mut tx, before.group_id).await?;
    sqlx::query("UPDATE meetings SET minutes_published_on = $1, updated_at = $2 WHERE id = $3")
        .bind(date_text(Some(on)))
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for m in notices {
        mail::enqueue_in(&mut tx, m).await?;
    }
    audit::record(
        &mut tx,
        who,
        Change {
            action: "publish",
            entity: "meeting",
            entity_id: Some(id),
            region_id: Some(region),
            before: None,
            after: Some(serde_json::json!({ "published_on": on, "notices": notices.iter().map(|m| &m.to).collect::<Vec<_>>() })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One meeting.
pub async fn get(db: &Db, id: i64) -> Result<Meeting> {
    let row = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM meetings WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Every meeting of a region's groups (every region for `None`), by date.
pub async fn list(db: &Db, region_id: Option<i64>) -> Result<Vec<Meeting>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM meetings WHERE ($1 IS NULL OR group_id IN (SELECT id FROM groups WHERE region_id = $1))
         ORDER BY held_on, id"
    )))
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// A group's meetings, by date.
pub async fn of_group(db: &Db, group_id: i64) -> Result<Vec<Meeting>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM meetings WHERE group_id = $1 ORDER BY held_on, id"
    )))
    .bind(group_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// A meeting's attendance: person id → status.
pub async fn attendance(db: &Db, meeting_id: i64) -> Result<HashMap<i64, AttendanceStatus>> {
    let rows = sqlx::query("SELECT person_id, status FROM attendance WHERE meeting_id = $1")
        .bind(meeting_id)
        .fetch_all(db.pool())
        .await?;
    let mut out = HashMap::new();
    for r in &rows {
        let status: String = r.try_get(1)?;
        if let Some(s) = AttendanceStatus::parse(&status) {
            out.insert(r.try_get::<i64, _>(0)?, s);
        }
    }
    Ok(out)
}

/// A decision (*beslut*) recorded in a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// Id.
    pub id: i64,
    /// The meeting.
    pub meeting_id: i64,
    /// The group that decided.
    pub group_id: i64,
    /// The meeting's date.
    pub decided_on: NaiveDate,
    /// What kind of decision.
    pub category: DecisionCategory,
    /// What was decided.
    pub text: String,
    /// The centres it concerns.
    pub centre_ids: Vec<i64>,
}

/// Records a decision inside the caller's transaction.
pub async fn add_decision_in(
    tx: &mut Tx,
    who: &Who,
    meeting_id: i64,
    category: DecisionCategory,
    text: &str,
    centre_ids: &[i64],
) -> Result<i64> {
    let group_id: i64 = sqlx::query_scalar("SELECT group_id FROM meetings WHERE id = $1")
        .bind(meeting_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let region = region_of_group(tx, group_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO decisions (meeting_id, category, text, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(meeting_id)
    .bind(category.code())
    .bind(text)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    for c in centre_ids {
        let r: Option<i64> = sqlx::query_scalar("SELECT region_id FROM centres WHERE id = $1")
            .bind(c)
            .fetch_optional(&mut **tx)
            .await?;
        if r != Some(region) {
            return Err(StoreError::Invalid("centre_ids".into()));
        }
        sqlx::query("INSERT INTO decision_centres (decision_id, centre_id) VALUES ($1, $2)")
            .bind(id)
            .bind(c)
            .execute(&mut **tx)
            .await?;
    }
    audit::record(
        tx,
        who,
        Change {
            action: "create",
            entity: "decision",
            entity_id: Some(id),
            region_id: Some(region),
            before: None,
            after: Some(serde_json::json!({ "meeting_id": meeting_id, "category": category.code(), "text": text, "centre_ids": centre_ids })),
        },
    )
    .await?;
    Ok(id)
}

/// Records a decision.
pub async fn add_decision(
    db: &Db,
    who: &Who,
    meeting_id: i64,
    category: DecisionCategory,
    text: &str,
    centre_ids: &[i64],
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = add_decision_in(&mut tx, who, meeting_id, category, text, centre_ids).await?;
    tx.commit().await?;
    Ok(id)
}

/// Every decision of a region (every region for `None`), newest first.
pub async fn decisions(db: &Db, region_id: Option<i64>) -> Result<Vec<Decision>> {
    let rows = sqlx::query(
        "SELECT d.id, d.meeting_id, m.group_id, m.held_on, d.category, d.text
         FROM decisions d JOIN meetings m ON m.id = d.meeting_id JOIN groups g ON g.id = m.group_id
         WHERE ($1 IS NULL OR g.region_id = $1) ORDER BY m.held_on DESC, d.id DESC",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let links = sqlx::query(
        "SELECT dc.decision_id, dc.centre_id FROM decision_centres dc JOIN centres c ON c.id = dc.centre_id
         WHERE ($1 IS NULL OR c.region_id = $1)",
    )
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let mut centres: HashMap<i64, Vec<i64>> = HashMap::new();
    for l in &links {
        centres.entry(l.try_get(0)?).or_default().push(l.try_get(1)?);
    }
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get(0)?;
            let category: String = r.try_get(4)?;
            Ok(Decision {
                id,
                meeting_id: r.try_get(1)?,
                group_id: r.try_get(2)?,
                decided_on: parse_date(r.try_get(3)?).unwrap_or(NaiveDate::MIN),
                category: DecisionCategory::parse(&category).unwrap_or(DecisionCategory::Other),
                text: r.try_get(5)?,
                centre_ids: centres.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
}

/// The attendance of every meeting of a group: meeting id → person id → status.
pub async fn attendance_of_group(
    db: &Db,
    group_id: i64,
) -> Result<HashMap<i64, HashMap<i64, AttendanceStatus>>> {
    let rows = sqlx::query(
        "SELECT a.meeting_id, a.person_id, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id
         WHERE m.group_id = $1",
    )
    .bind(group_id)
    .fetch_all(db.pool())
    .await?;
    let mut out: HashMap<i64, HashMap<i64, AttendanceStatus>> = HashMap::new();
    for r in &rows {
        let status: String = r.try_get(2)?;
        if let Some(s) = AttendanceStatus::parse(&status) {
            out.entry(r.try_get(0)?).or_default().insert(r.try_get(1)?, s);
        }
    }
    Ok(out)
}

/// Whom a group's published minutes concern: the centres it governs and the
/// management groups of those centres.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MinutesAudience {
    /// The centres the group governs: those named on the group, and those
    /// whose governing chain (management, steering, preparation group) includes it.
    pub centre_ids: Vec<i64>,
    /// The open management groups of those centres.
    pub management_group_ids: Vec<i64>,
}

impl MinutesAudience {
    /// Works the audience out from a region's groups.
    pub fn of(group: &crate::groups::Group, region_groups: &[crate::groups::Group]) -> MinutesAudience {
        let chains = crate::facts::chains(region_groups);
        let mut centre_ids: Vec<i64> = group.centre_ids.clone();
        for (centre, chain) in &chains {
            let in_chain = chain.management.as_ref().is_some_and(|m| m.id == group.id)
                || chain.steering.as_ref().is_some_and(|s| s.id == group.id)
                || chain.preparation.iter().any(|p| p.id == group.id);
            if in_chain {
                centre_ids.push(*centre);
            }
        }
        centre_ids.sort_unstable();
        centre_ids.dedup();
        let mut management_group_ids: Vec<i64> = region_groups
            .iter()
            .filter(|g| {
                g.kind == samverka_core::governance::GroupKind::Management
                    && g.closed_on.is_none()
                    && g.centre_ids.iter().any(|c| centre_ids.contains(c))
            })
            .map(|g| g.id)
            .collect();
        management_group_ids.sort_unstable();
        management_group_ids.dedup();
        MinutesAudience {
            centre_ids,
            management_group_ids,
        }
    }
}

/// The audience of a group's minutes (see [`MinutesAudience`]).
pub async fn minutes_audience(db: &Db, group_id: i64) -> Result<MinutesAudience> {
    let group = crate::groups::get(db, group_id).await?;
    let all = crate::groups::list(db, Some(group.region_id)).await?;
    Ok(MinutesAudience::of(&group, &all))
}

/// The e-mail addresses that get a notice when a group's minutes are
/// published on `on`: the local coordinators of the centres it governs (people
/// with an assignment as local coordinator in force that day, and accounts
/// with a local coordinator grant for the centre) and the members of those
/// centres' management groups. Deduplicated (case does not matter) and
/// sorted; erased people, people without an address and blocked accounts are left out.
pub async fn notice_recipients(db: &Db, group_id: i64, on: NaiveDate) -> Result<Vec<String>> {
    use samverka_core::governance::AssignmentKind;
    let group = crate::groups::get(db, group_id).await?;
    let region = group.region_id;
    let (all_groups, people, assignments, accounts) = tokio::try_join!(
        crate::groups::list(db, Some(region)),
        crate::people::list(db, region),
        crate::assignments::list(db, Some(region)),
        crate::users::list_in_region(db, region),
    )?;
    let audience = MinutesAudience::of(&group, &all_groups);
    let by_id: HashMap<i64, &crate::people::Person> = people.iter().map(|p| (p.id, p)).collect();
    let mut out: Vec<String> = Vec::new();
    for a in assignments.iter().filter(|a| a.active_on(on)) {
        let concerned = match a.kind {
            AssignmentKind::LocalCoordinator => a.centre_id.is_some_and(|c| audience.centre_ids.contains(&c)),
            AssignmentKind::ManagementMember | AssignmentKind::ManagementChair => a
                .group_id
                .is_some_and(|g| audience.management_group_ids.contains(&g)),
            _ => false,
        };
        if !concerned {
            continue;
        }
        if let Some(p) = by_id.get(&a.person_id)
            && !p.erased
            && let Some(email) = p.email.as_deref().map(crate::users::email_key)
            && !email.is_empty()
        {
            out.push(email);
        }
    }
    for (user, grants) in accounts.iter().filter(|(u, _)| !u.disabled) {
        let coordinates = grants.iter().any(|g| {
            g.role == samverka_core::Role::LocalCoordinator
                && g.region_id == Some(region)
                && g.centre_id.is_some_and(|c| audience.centre_ids.contains(&c))
        });
        if coordinates {
            out.push(crate::users::email_key(&user.email));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}
