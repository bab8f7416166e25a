//! People (*personer*): staff names and contact details — the only personal
//! data samverka holds. Readable only with access to the centre or group,
//! exportable and erasable on request (GDPR); erasure keeps the assignment
//! history, anonymised, so counts stay true.

use samverka_core::PrincipalKind;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, Who};
use crate::{Db, Result, StoreError, Tx, now};

/// The name an erased person is shown under.
pub const ERASED_NAME: &str = "f.d. medlem";

/// A person who holds or held an assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Id.
    pub id: i64,
    /// The region whose registry holds the person.
    pub region_id: i64,
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Profession, e.g. "barnmorska", "förskollärare".
    pub profession: Option<String>,
    /// Kind of employer (principal).
    pub employer_kind: Option<PrincipalKind>,
    /// Employer's name.
    pub employer_name: Option<String>,
    /// The unit the person works in, if recorded.
    pub unit_id: Option<i64>,
    /// The login account linked to the person, if any.
    pub user_id: Option<i64>,
    /// Whether the person's data was erased on request.
    pub erased: bool,
}

/// What is stored about a person, as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonInput {
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Profession.
    pub profession: Option<String>,
    /// Employer kind.
    pub employer_kind: Option<PrincipalKind>,
    /// Employer name.
    pub employer_name: Option<String>,
    /// Unit.
    pub unit_id: Option<i64>,
    /// Linked account.
    pub user_id: Option<i64>,
}

const COLUMNS: &str = "id, region_id, name, email, phone, profession, employer_kind, employer_name, unit_id, user_id, erased_at";

fn from_row(r: &AnyRow) -> Result<Person> {
    let kind: Option<String> = r.try_get("employer_kind")?;
    let erased: Option<String> = r.try_get("erased_at")?;
    Ok(Person {
        id: r.try_get("id")?,
        region_id: r.try_get("region_id")?,
        name: r.try_get("name")?,
        email: r.try_get("email")?,
        phone: r.try_get("phone")?,
        profession: r.try_get("profession")?,
        employer_kind: kind.as_deref().and_then(PrincipalKind::parse),
        employer_name: r.try_get("employer_name")?,
        unit_id: r.try_get("unit_id")?,
        user_id: r.try_get("user_id")?,
        erased: erased.is_some(),
    })
}

/// Creates a person inside the caller's transaction.
pub async fn create_in(tx: &mut Tx, who: &Who, region_id: i64, p: &PersonInput) -> Result<i64> {
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
        Change {
            action: "create",
            entity: "person",
            entity_id: Some(id),
            region_id: Some(region_id),
            before: None,
            after: serde_json::to_value(p).ok(),
        },
    )
    .await?;
    Ok(id)
}

/// Creates a person.
pub async fn create(db: &Db, who: &Who, region_id: i64, p: &PersonInput) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = create_in(&mut tx, who, region_id, p).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a person's details.
pub async fn update(db: &Db, who: &Who, id: i64, p: &PersonInput) -> Result<()> {
    let before = get(db, id).await?;
    if before.erased {
        return Err(StoreError::Invalid("erased".into()));
    }
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE people SET name = $1, email = $2, phone = $3, profession = $4, employer_kind = $5, employer_name = $6,
                unit_id = $7, user_id = $8, updated_at = $9 WHERE id = $10",
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
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "update",
            entity: "person",
            entity_id: Some(id),
            region_id: Some(before.region_id),
            before: serde_json::to_value(&before).ok(),
            after: serde_json::to_value(p).ok(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Erases a person's personal data on request. The record and its
/// assignments stay, under the name "f.d. medlem", so that counts and
/// history remain true. The audit trail keeps no copy of the erased data.
pub async fn erase(db: &Db, who: &Who, id: i64) -> Result<()> {
    let before = get(db, id).await?;
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE people SET name = $1, email = NULL, phone = NULL, profession = NULL, employer_name = NULL,
                user_id = NULL, erased_at = $2, updated_at = $2 WHERE id = $3",
    )
    .bind(ERASED_NAME)
    .bind(now())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    // Earlier audit entries about the person hold their details: blank them too.
    sqlx::query(
        "UPDATE audit_log SET before_json = NULL, after_json = NULL WHERE entity = 'person' AND entity_id = $1",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "erase",
            entity: "person",
            entity_id: Some(id),
            region_id: Some(before.region_id),
            before: None,
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One person.
pub async fn get(db: &Db, id: i64) -> Result<Person> {
    let row = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM people WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// Everyone in a region's registry, by name.
pub async fn list(db: &Db, region_id: i64) -> Result<Vec<Person>> {
    let rows = sqlx::query(crate::trusted(format!(
        "SELECT {COLUMNS} FROM people WHERE region_id = $1"
    )))
    .bind(region_id)
    .fetch_all(db.pool())
    .await?;
    let mut people: Vec<Person> = rows.iter().map(from_row).collect::<Result<_>>()?;
    people.sort_by_cached_key(|p| samverka_core::text::sort_key(&p.name));
    Ok(people)
}

/// The group seats held on `today` by the people linked to a login account.
pub async fn seats_of_user(
    db: &Db,
    user_id: i64,
    today: chrono::NaiveDate,
) -> Result<Vec<samverka_core::Seat>> {
    let day = today.format("%Y-%m-%d").to_string();
    let rows = sqlx::query(
        "SELECT DISTINCT g.id, g.kind, g.region_id FROM people p
         JOIN assignments a ON a.person_id = p.id
         JOIN groups g ON g.id = a.group_id
         WHERE p.user_id = $1 AND p.erased_at IS NULL AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2)",
    )
    .bind(user_id)
    .bind(&day)
    .fetch_all(db.pool())
    .await?;
    let mut seats = Vec::with_capacity(rows.len());
    for r in &rows {
        let group_id: i64 = r.try_get(0)?;
        let kind: String = r.try_get(1)?;
        let Some(group_kind) = samverka_core::governance::GroupKind::parse(&kind) else {
            continue;
        };
        let centre_ids: Vec<i64> =
            sqlx::query_scalar("SELECT centre_id FROM group_centres WHERE group_id = $1 ORDER BY centre_id")
                .bind(group_id)
                .fetch_all(db.pool())
                .await?;
        seats.push(samverka_core::Seat {
            group_id,
            group_kind,
            region_id: r.try_get(2)?,
            centre_ids,
        });
    }
    Ok(seats)
}

/// One meeting a person's attendance was recorded for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
pub async fn records(db: &Db, person_id: i64) -> Result<PersonRecords> {
    let attendance = sqlx::query(
        "SELECT a.meeting_id, m.group_id, m.held_on, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id
         WHERE a.person_id = $1 ORDER BY m.held_on, a.meeting_id",
    )
    .bind(person_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| {
        Ok(AttendanceRecord {
            meeting_id: r.try_get(0)?,
            group_id: r.try_get(1)?,
            held_on: r.try_get(2)?,
            status: r.try_get(3)?,
        })
    })
    .collect::<Result<_>>()?;
    let matter_steps = sqlx::query(
        "SELECT e.matter_id, m.title, e.status, e.on_date, e.note FROM matter_events e JOIN matters m ON m.id = e.matter_id
         WHERE e.person_id = $1 ORDER BY e.on_date, e.id",
    )
    .bind(person_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| {
        Ok(MatterStepRecord {
            matter_id: r.try_get(0)?,
            title: r.try_get(1)?,
            status: r.try_get(2)?,
            on: r.try_get(3)?,
            note: r.try_get(4)?,
        })
    })
    .collect::<Result<_>>()?;
    let introductions = sqlx::query(
        "SELECT i.assignment_id, i.session_id, i.introduced_on FROM introductions i
         JOIN assignments a ON a.id = i.assignment_id WHERE a.person_id = $1 ORDER BY i.introduced_on, i.assignment_id",
    )
    .bind(person_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| {
        Ok(IntroductionRecord {
            assignment_id: r.try_get(0)?,
            session_id: r.try_get(1)?,
            introduced_on: r.try_get(2)?,
        })
    })
    .collect::<Result<_>>()?;
    let sessions_held: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM introduction_sessions WHERE held_by = $1 ORDER BY held_on, id")
            .bind(person_id)
            .fetch_all(db.pool())
            .await?;
    Ok(PersonRecords {
        attendance,
        matter_steps,
        introductions,
        sessions_held,
    })
}

/// Notes in the audit trail that a person's data was exported on request
/// (the export itself is not copied there).
pub async fn record_export(db: &Db, who: &Who, id: i64) -> Result<()> {
    let person = get(db, id).await?;
    let mut tx = db.begin().await?;
    audit::record(
        &mut tx,
        who,
        Change {
            action: "export",
            entity: "person",
            entity_id: Some(id),
            region_id: Some(person.region_id),
            before: None,
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
