//! People (*personer*): staff names and contact details — the only personal
//! data samverka holds. Erasure keeps the record and its assignment history
//! under the name "f.d. medlem", so counts stay true.

use chrono::NaiveDate;
use samverka_core::governance::{ERASED_NAME, GroupKind, Person, PersonInput};
use samverka_core::{PrincipalKind, Seat};
use serde::Serialize;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

const COLUMNS: &str = "id, region_id, name, email, phone, profession, employer_kind, employer_name, unit_id, user_id, erased_at";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    region_id: i64,
    name: String,
    email: Option<String>,
    phone: Option<String>,
    profession: Option<String>,
    employer_kind: Option<String>,
    employer_name: Option<String>,
    unit_id: Option<i64>,
    user_id: Option<i64>,
    erased_at: Option<String>,
}

impl TryFrom<Row> for Person {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Person> {
        Ok(Person {
            id: r.id,
            region_id: r.region_id,
            name: r.name,
            email: r.email,
            phone: r.phone,
            profession: r.profession,
            employer_kind: codec::opt_code("people.employer_kind", r.employer_kind.as_deref())?,
            employer_name: r.employer_name,
            unit_id: r.unit_id,
            user_id: r.user_id,
            erased: r.erased_at.is_some(),
        })
    }
}

/// Creates a person.
pub async fn create(tx: &mut Tx, who: &Who, region_id: i64, p: &PersonInput) -> Result<i64> {
    let ts = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO people (region_id, name, email, phone, profession, employer_kind, employer_name, unit_id, user_id,
                             created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(region_id)
    .bind(&p.name)
    .bind(&p.email)
    .bind(&p.phone)
    .bind(&p.profession)
    .bind(p.employer_kind.map(PrincipalKind::code))
    .bind(&p.employer_name)
    .bind(p.unit_id)
    .bind(p.user_id)
    .bind(&ts)
    .fetch_one(&mut **tx)
    .await?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Person,
            Some(id),
            Some(region_id),
        )
        .after(p),
    )
    .await?;
    Ok(id)
}

/// Changes a person's details (not of an erased person: [`StoreError::Conflict`]).
pub async fn update(tx: &mut Tx, who: &Who, before: &Person, p: &PersonInput) -> Result<()> {
    let done = sqlx::query(
        "UPDATE people SET name = $1, email = $2, phone = $3, profession = $4, employer_kind = $5, employer_name = $6,
                unit_id = $7, user_id = $8, updated_at = $9 WHERE id = $10 AND erased_at IS NULL",
    )
    .bind(&p.name)
    .bind(&p.email)
    .bind(&p.phone)
    .bind(&p.profession)
    .bind(p.employer_kind.map(PrincipalKind::code))
    .bind(&p.employer_name)
    .bind(p.unit_id)
    .bind(p.user_id)
    .bind(now())
    .bind(before.id)
    .execute(&mut **tx)
    .await?;
    rows::changed_one(done, "people.erased_at")?;
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Update,
            AuditEntity::Person,
            Some(before.id),
            Some(before.region_id),
        )
        .before(before)
        .after(p),
    )
    .await
}

/// Erases a person's personal data on request: the record and its
/// assignments stay, under the name "f.d. medlem". (The caller also
/// anonymises the audit trail's copies, in the same transaction.) False when
/// the person was erased already.
pub async fn erase(tx: &mut Tx, who: &Who, person: &Person) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE people SET name = $1, email = NULL, phone = NULL, profession = NULL, employer_name = NULL,
                user_id = NULL, erased_at = $2, updated_at = $2 WHERE id = $3 AND erased_at IS NULL",
    )
    .bind(ERASED_NAME)
    .bind(now())
    .bind(person.id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if n != 1 {
        return Ok(false);
    }
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Erase,
            AuditEntity::Person,
            Some(person.id),
            Some(person.region_id),
        ),
    )
    .await?;
    Ok(true)
}

/// Notes in the audit trail that a person's data was exported on request
/// (the export itself is not copied there).
pub async fn record_export(tx: &mut Tx, who: &Who, person: &Person) -> Result<()> {
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Export,
            AuditEntity::Person,
            Some(person.id),
            Some(person.region_id),
        ),
    )
    .await
}

/// One person.
pub async fn get(c: &mut Conn, id: i64) -> Result<Person> {
    let sql = format!("SELECT {COLUMNS} FROM people WHERE id = $1");
    rows::one::<Row, Person>(c, crate::trusted(sql), id).await
}

/// Everyone in a region's registry, by name.
pub async fn list(c: &mut Conn, region_id: i64) -> Result<Vec<Person>> {
    let sql = format!("SELECT {COLUMNS} FROM people WHERE region_id = $1");
    let mut people = rows::all::<Row, Person>(c, crate::trusted(sql), region_id).await?;
    people.sort_by_cached_key(|p| samverka_core::text::sort_key(&p.name));
    Ok(people)
}

/// The person of a region linked to a login account, if any (not erased).
pub async fn of_user(c: &mut Conn, region_id: i64, user_id: i64) -> Result<Option<Person>> {
    let row: Option<Row> = sqlx::query_as(crate::trusted(format!(
        "SELECT {COLUMNS} FROM people WHERE region_id = $1 AND user_id = $2 AND erased_at IS NULL ORDER BY id LIMIT 1"
    )))
    .bind(region_id)
    .bind(user_id)
    .fetch_optional(c)
    .await?;
    row.map(Person::try_from).transpose()
}

#[derive(sqlx::FromRow)]
struct SeatRow {
    group_id: i64,
    kind: String,
    region_id: i64,
    centre_id: Option<i64>,
}

/// The group seats held on `day` by the people linked to a login account.
pub async fn seats_of_user(c: &mut Conn, user_id: i64, day: NaiveDate) -> Result<Vec<Seat>> {
    let rows: Vec<SeatRow> = sqlx::query_as(
        "SELECT g.id AS group_id, g.kind, g.region_id, gc.centre_id FROM groups g
         LEFT JOIN group_centres gc ON gc.group_id = g.id
         WHERE g.id IN (SELECT a.group_id FROM people p JOIN assignments a ON a.person_id = p.id
                        WHERE p.user_id = $1 AND p.erased_at IS NULL AND a.group_id IS NOT NULL
                          AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2))
         ORDER BY g.id, gc.centre_id",
    )
    .bind(user_id)
    .bind(codec::date_text(day))
    .fetch_all(c)
    .await?;
    let mut seats: Vec<Seat> = Vec::new();
    for r in rows {
        if seats.last().is_none_or(|s| s.group_id != r.group_id) {
            seats.push(Seat {
                group_id: r.group_id,
                group_kind: codec::code::<GroupKind>("groups.kind", &r.kind)?,
                region_id: r.region_id,
                centre_ids: Vec::new(),
            });
        }
        if let (Some(seat), Some(c)) = (seats.last_mut(), r.centre_id) {
            seat.centre_ids.push(c);
        }
    }
    Ok(seats)
}

/// One meeting a person's attendance was recorded for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AttendanceRecord {
    /// The meeting.
    pub meeting_id: i64,
    /// The meeting's group.
    pub group_id: i64,
    /// The meeting's date (ISO).
    pub held_on: String,
    /// Present, absent or excused (stable code).
    pub status: String,
}

/// One step of a matter that a person took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct MatterStepRecord {
    /// The matter.
    pub matter_id: i64,
    /// Its title.
    pub title: String,
    /// The status reached (stable code).
    pub status: String,
    /// When (ISO).
    pub on: String,
    /// The note on the step.
    pub note: Option<String>,
}

/// One introduction of one of a person's assignments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct IntroductionRecord {
    /// The assignment introduced.
    pub assignment_id: i64,
    /// The session, if recorded through one.
    pub session_id: Option<i64>,
    /// When (ISO).
    pub introduced_on: String,
}

/// Everything about a person beyond their details and assignments, for an
/// access request (GDPR): attendance, matter steps, introductions received
/// and the introduction sessions they held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PersonRecords {
    /// Attendance rows, by date.
    pub attendance: Vec<AttendanceRecord>,
    /// Matter steps taken, by date.
    pub matter_steps: Vec<MatterStepRecord>,
    /// Introductions of the person's assignments.
    pub introductions: Vec<IntroductionRecord>,
    /// Ids of the introduction sessions the person held.
    pub sessions_held: Vec<i64>,
}

/// The records that mention a person (see [`PersonRecords`]).
pub async fn records(c: &mut Conn, person_id: i64) -> Result<PersonRecords> {
    let attendance = sqlx::query_as(
        "SELECT a.meeting_id, m.group_id, m.held_on, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id
         WHERE a.person_id = $1 ORDER BY m.held_on, a.meeting_id",
    )
    .bind(person_id)
    .fetch_all(&mut *c)
    .await?;
    let matter_steps = sqlx::query_as(
        "SELECT e.matter_id, m.title, e.status, e.on_date AS \"on\", e.note FROM matter_events e
         JOIN matters m ON m.id = e.matter_id WHERE e.person_id = $1 ORDER BY e.on_date, e.id",
    )
    .bind(person_id)
    .fetch_all(&mut *c)
    .await?;
    let introductions = sqlx::query_as(
        "SELECT i.assignment_id, i.session_id, i.introduced_on FROM introductions i
         JOIN assignments a ON a.id = i.assignment_id WHERE a.person_id = $1 ORDER BY i.introduced_on, i.assignment_id",
    )
    .bind(person_id)
    .fetch_all(&mut *c)
    .await?;
    let sessions_held: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM introduction_sessions WHERE held_by = $1 ORDER BY held_on, id")
            .bind(person_id)
            .fetch_all(&mut *c)
            .await?;
    Ok(PersonRecords {
        attendance,
        matter_steps,
        introductions,
        sessions_held,
    })
}
