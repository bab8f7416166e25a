//! Meetings of groups: attendance, agenda, minutes and their publishing.

use std::collections::HashMap;

use chrono::NaiveDate;
use samverka_core::governance::{AttendanceStatus, Meeting, MeetingStatus};
use serde_json::json;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::platform::mail::{self, Mail};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

const COLUMNS: &str = "id, group_id, held_on, status, agenda, minutes_md, minutes_html, minutes_published_on";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    group_id: i64,
    held_on: String,
    status: String,
    agenda: Option<String>,
    minutes_md: Option<String>,
    minutes_html: Option<String>,
    minutes_published_on: Option<String>,
}

impl TryFrom<Row> for Meeting {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Meeting> {
        Ok(Meeting {
            id: r.id,
            group_id: r.group_id,
            held_on: codec::date("meetings.held_on", &r.held_on)?,
            status: codec::code("meetings.status", &r.status)?,
            agenda: r.agenda,
            minutes_md: r.minutes_md,
            minutes_html: r.minutes_html,
            minutes_published_on: codec::opt_date(
                "meetings.minutes_published_on",
                r.minutes_published_on.as_deref(),
            )?,
        })
    }
}

/// What a meeting's form sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFields<'a> {
    /// Date.
    pub held_on: NaiveDate,
    /// Status.
    pub status: MeetingStatus,
    /// Agenda.
    pub agenda: Option<&'a str>,
    /// Minutes as written, with their rendering.
    pub minutes: Option<(&'a str, &'a str)>,
}

/// Records a meeting of a group of a region, with its attendance.
pub async fn create(
    tx: &mut Tx,
    who: &Who,
    region_id: i64,
    group_id: i64,
    f: &MeetingFields<'_>,
    attendance: &[(i64, AttendanceStatus)],
) -> Result<i64> {
    let ts = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meetings (group_id, held_on, status, agenda, minutes_md, minutes_html, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(group_id)
    .bind(codec::date_text(f.held_on))
    .bind(f.status.code())
    .bind(f.agenda)
    .bind(f.minutes.map(|m| m.0))
    .bind(f.minutes.map(|m| m.1))
    .bind(&ts)
    .fetch_one(&mut **tx)
    .await?;
    set_attendance(tx, id, attendance).await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Meeting,
            Some(id),
            Some(region_id),
        )
        .after(json!({
            "group_id": group_id, "held_on": f.held_on, "status": f.status.code(), "agenda": f.agenda,
            "minutes_md": f.minutes.map(|m| m.0), "attendance": attendance_copy(attendance),
        })),
    )
    .await?;
    Ok(id)
}

/// Changes a meeting's date, status, agenda and minutes, and its attendance.
pub async fn update(
    tx: &mut Tx,
    who: &Who,
    region_id: i64,
    before: &Meeting,
    f: &MeetingFields<'_>,
    attendance: &[(i64, AttendanceStatus)],
) -> Result<()> {
    sqlx::query(
        "UPDATE meetings SET held_on = $1, status = $2, agenda = $3, minutes_md = $4, minutes_html = $5, updated_at = $6
         WHERE id = $7",
    )
    .bind(codec::date_text(f.held_on))
    .bind(f.status.code())
    .bind(f.agenda)
    .bind(f.minutes.map(|m| m.0))
    .bind(f.minutes.map(|m| m.1))
    .bind(now())
    .bind(before.id)
    .execute(&mut **tx)
    .await?;
    set_attendance(tx, before.id, attendance).await?;
    audit::record(
        tx,
        who,
        Change::new(AuditAction::Update, AuditEntity::Meeting, Some(before.id), Some(region_id))
            .before(before)
            .after(json!({
                "held_on": f.held_on, "status": f.status.code(), "agenda": f.agenda, "minutes_md": f.minutes.map(|m| m.0),
                "attendance": attendance_copy(attendance),
            })),
    )
    .await
}

/// Attendance as the audit trail copies it.
fn attendance_copy(attendance: &[(i64, AttendanceStatus)]) -> Vec<serde_json::Value> {
    attendance
        .iter()
        .map(|(p, s)| json!({"person_id": p, "status": s.code()}))
        .collect()
}

/// Replaces a meeting's attendance (no audit entry of its own: callers
/// record it with the change it belongs to).
pub async fn set_attendance(
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
/// were) without queuing notices: for loading history, such as demo data.
pub async fn set_minutes(
    tx: &mut Tx,
    who: &Who,
    region_id: i64,
    id: i64,
    minutes: (&str, &str),
    published_on: Option<NaiveDate>,
) -> Result<()> {
    sqlx::query(
        "UPDATE meetings SET minutes_md = $1, minutes_html = $2, minutes_published_on = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(minutes.0)
    .bind(minutes.1)
    .bind(codec::opt_date_text(published_on))
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Update,
            AuditEntity::Meeting,
            Some(id),
            Some(region_id),
        )
        .after(json!({ "minutes_md": minutes.0, "published_on": published_on })),
    )
    .await
}

/// Publishes a meeting's minutes and queues the notices, inside the caller's
/// transaction: "publish where not yet published". [`StoreError::Conflict`]
/// when the minutes are published already (someone else was first), and then
/// nothing is queued.
pub async fn publish(
    tx: &mut Tx,
    who: &Who,
    region_id: i64,
    id: i64,
    on: NaiveDate,
    notices: &[Mail],
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE meetings SET minutes_published_on = $1, updated_at = $2
         WHERE id = $3 AND minutes_published_on IS NULL AND status = 'held'
           AND minutes_md IS NOT NULL AND TRIM(minutes_md) <> ''",
    )
    .bind(codec::date_text(on))
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    rows::changed_one(done, "meetings.minutes_published_on")?;
    for m in notices {
        mail::enqueue(tx, m).await?;
    }
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Publish,
            AuditEntity::Meeting,
            Some(id),
            Some(region_id),
        )
        .after(json!({ "published_on": on, "notices": notices.iter().map(|m| &m.to).collect::<Vec<_>>() })),
    )
    .await
}

/// Meetings whose minutes were never rendered (written before minutes were
/// rendered when saved): id and Markdown.
pub async fn unrendered(c: &mut Conn, limit: i64) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, minutes_md FROM meetings WHERE minutes_md IS NOT NULL AND minutes_html IS NULL ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// Stores the rendering of minutes written before rendering was stored
/// (no audit entry: the minutes themselves do not change).
pub async fn store_rendering(c: &mut Conn, id: i64, html: &str) -> Result<()> {
    sqlx::query("UPDATE meetings SET minutes_html = $1 WHERE id = $2 AND minutes_html IS NULL")
        .bind(html)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// One meeting.
pub async fn get(c: &mut Conn, id: i64) -> Result<Meeting> {
    let sql = format!("SELECT {COLUMNS} FROM meetings WHERE id = $1");
    rows::one::<Row, Meeting>(c, crate::trusted(sql), id).await
}

/// Every meeting of a region's groups (every region for `None`), by date.
pub async fn list(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Meeting>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM meetings WHERE ($1 IS NULL OR group_id IN (SELECT id FROM groups WHERE region_id = $1))
         ORDER BY held_on, id"
    );
    rows::all::<Row, Meeting>(c, crate::trusted(sql), region_id).await
}

/// Every meeting of a region, by date (with the minutes: for the API, which
/// gives them to those who may read them).
pub async fn list_with_minutes(c: &mut Conn, region_id: i64) -> Result<Vec<Meeting>> {
    list(c, Some(region_id)).await
}

/// A group's meetings, by date.
pub async fn of_group(c: &mut Conn, group_id: i64) -> Result<Vec<Meeting>> {
    let sql = format!("SELECT {COLUMNS} FROM meetings WHERE group_id = $1 ORDER BY held_on, id");
    rows::all::<Row, Meeting>(c, crate::trusted(sql), group_id).await
}

/// A meeting's attendance: person id → status.
pub async fn attendance(c: &mut Conn, meeting_id: i64) -> Result<HashMap<i64, AttendanceStatus>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT person_id, status FROM attendance WHERE meeting_id = $1")
            .bind(meeting_id)
            .fetch_all(c)
            .await?;
    rows.into_iter()
        .map(|(p, s)| Ok((p, codec::code("attendance.status", &s)?)))
        .collect()
}

/// Attendance rows (meeting, person, status) as meeting id → person id → status.
fn by_meeting(rows: Vec<(i64, i64, String)>) -> Result<HashMap<i64, HashMap<i64, AttendanceStatus>>> {
    let mut out: HashMap<i64, HashMap<i64, AttendanceStatus>> = HashMap::new();
    for (m, p, s) in rows {
        out.entry(m)
            .or_default()
            .insert(p, codec::code("attendance.status", &s)?);
    }
    Ok(out)
}

/// The attendance of every meeting of a group: meeting id → person id → status.
pub async fn attendance_of_group(
    c: &mut Conn,
    group_id: i64,
) -> Result<HashMap<i64, HashMap<i64, AttendanceStatus>>> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT a.meeting_id, a.person_id, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id
         WHERE m.group_id = $1",
    )
    .bind(group_id)
    .fetch_all(c)
    .await?;
    by_meeting(rows)
}

/// The attendance of every meeting of a region: meeting id → person id → status.
pub async fn attendance_of_region(
    c: &mut Conn,
    region_id: i64,
) -> Result<HashMap<i64, HashMap<i64, AttendanceStatus>>> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT a.meeting_id, a.person_id, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id
         JOIN groups g ON g.id = m.group_id WHERE g.region_id = $1",
    )
    .bind(region_id)
    .fetch_all(c)
    .await?;
    by_meeting(rows)
}
