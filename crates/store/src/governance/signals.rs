//! What the governance signals read (*underlag för signalerna*), and no
//! more: per meeting of the year judged its date, status, publishing day and
//! attendance counts; each group's first meeting; the assignments with the
//! service of the person's unit and the day of the introduction; and when
//! matters were submitted and decided. For a whole region, or for the
//! groups and people around one centre, so that a centre's page does not
//! grow with its region.

use std::collections::HashMap;

use chrono::NaiveDate;
use samverka_core::governance::facts::{AssignmentRecord, MatterRecord, MeetingRecord};
use samverka_core::governance::signals::{MatterFact, MeetingFact};
use samverka_core::governance::{Assignment, AttendanceStatus, MatterStatus};
use samverka_core::service::{BaseService, ServiceType};

use crate::{Conn, Result, codec, rows};

/// Whose records to read.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// A whole region's.
    Region(i64),
    /// Those around one centre: the given groups (those that may govern it,
    /// see [`super::groups::around_centre`]), and every assignment of each
    /// person who works at the centre or sits in those groups.
    Centre {
        /// The centre.
        centre_id: i64,
        /// The groups around it.
        groups: &'a [i64],
    },
}

impl Scope<'_> {
    /// A subquery or list naming the scope's groups, with the values it
    /// binds from `$1`.
    fn groups(&self) -> (String, Vec<i64>) {
        match self {
            Scope::Region(region) => ("SELECT id FROM groups WHERE region_id = $1".into(), vec![*region]),
            Scope::Centre { groups, .. } => (placeholders(1, groups.len()), groups.to_vec()),
        }
    }

    /// A condition on `a` (assignments) for the scope, with its values.
    fn assignments(&self) -> (String, Vec<i64>) {
        match self {
            Scope::Region(region) => ("a.region_id = $1".into(), vec![*region]),
            Scope::Centre { centre_id, groups } => (
                format!(
                    "a.person_id IN (SELECT person_id FROM assignments WHERE centre_id = $1 OR group_id IN ({}))",
                    placeholders(2, groups.len())
                ),
                std::iter::once(*centre_id)
                    .chain(groups.iter().copied())
                    .collect(),
            ),
        }
    }
}

/// `$from, $from+1, …` for `n` values; `NULL` (matching nothing) for none.
fn placeholders(from: usize, n: usize) -> String {
    if n == 0 {
        return "NULL".into();
    }
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the signals read for a year.
#[derive(Debug, Clone, Default)]
pub struct SignalRecords {
    /// The meetings of the year.
    pub meetings: Vec<MeetingRecord>,
    /// Each group's first recorded meeting, by group id.
    pub first_meetings: HashMap<i64, NaiveDate>,
    /// The assignments, each person's whole history.
    pub assignments: Vec<AssignmentRecord>,
    /// The matters the groups raised.
    pub matters: Vec<MatterRecord>,
}

/// Reads what the signals of `scope` need for `year`.
pub async fn read(c: &mut Conn, scope: Scope<'_>, year: i32) -> Result<SignalRecords> {
    Ok(SignalRecords {
        meetings: meetings(c, scope, year).await?,
        first_meetings: first_meetings(c, scope).await?,
        assignments: assignments(c, scope).await?,
        matters: matters(c, scope).await?,
    })
}

#[derive(serde::Deserialize)]
struct MeetingRow {
    id: i64,
    group_id: i64,
    held_on: String,
    status: String,
    minutes_published_on: Option<String>,
}

/// One person's attendance at one meeting, with the service of the
/// person's unit.
#[derive(serde::Deserialize)]
struct AttendanceRow {
    meeting_id: i64,
    status: String,
    service: Option<String>,
}

/// The meetings of a year with their attendance counted: how many took
/// part, and the base service of each who did not. The meetings and their
/// attendance rows are read as one JSON value each (see
/// [`rows::json_rows`]) and counted here: cheaper than grouping in SQL.
async fn meetings(c: &mut Conn, scope: Scope<'_>, year: i32) -> Result<Vec<MeetingRecord>> {
    let (groups, values) = scope.groups();
    let n = values.len();
    let of_year = format!(
        "m.group_id IN ({groups}) AND m.held_on >= ${} AND m.held_on <= ${}",
        n + 1,
        n + 2
    );
    let (from, to) = (format!("{year:04}-01-01"), format!("{year:04}-12-31"));
    let columns = "m.id, m.group_id, m.held_on, m.status, m.minutes_published_on";
    let inner = format!("SELECT {columns} FROM meetings m WHERE {of_year}");
    let meetings: Vec<MeetingRow> = rows::json_bound(
        c,
        "meetings",
        (&inner, columns, "held_on, id"),
        &values,
        &[&from, &to],
    )
    .await?;

    let columns = "a.meeting_id, a.status, u.service";
    let inner = format!(
        "SELECT {columns} FROM meetings m JOIN attendance a ON a.meeting_id = m.id
           LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = p.unit_id
          WHERE {of_year}"
    );
    let attendance_rows: Vec<AttendanceRow> =
        rows::json_bound(c, "attendance", (&inner, columns, ""), &values, &[&from, &to]).await?;
    let mut attendance: HashMap<i64, (i64, Vec<BaseService>)> = HashMap::new();
    for a in attendance_rows {
        let (present, absent) = attendance.entry(a.meeting_id).or_default();
        if codec::code::<AttendanceStatus>("attendance.status", &a.status)? == AttendanceStatus::Present {
            *present += 1;
        } else if let Some(s) =
            codec::opt_code::<ServiceType>("units.service", a.service.as_deref())?.and_then(ServiceType::base)
        {
            absent.push(s);
        }
    }
    meetings
        .into_iter()
        .map(|r| {
            let counted = attendance.remove(&r.id);
            Ok(MeetingRecord {
                group_id: r.group_id,
                fact: MeetingFact {
                    date: codec::date("meetings.held_on", &r.held_on)?,
                    status: codec::code("meetings.status", &r.status)?,
                    minutes_published_on: codec::opt_date(
                        "meetings.minutes_published_on",
                        r.minutes_published_on.as_deref(),
                    )?,
                    present: counted.as_ref().map(|(present, _)| *present),
                    absent: counted.map(|(_, absent)| absent).unwrap_or_default(),
                },
            })
        })
        .collect()
}

/// The day of each group's first recorded meeting.
async fn first_meetings(c: &mut Conn, scope: Scope<'_>) -> Result<HashMap<i64, NaiveDate>> {
    let (groups, values) = scope.groups();
    let sql =
        format!("SELECT group_id, MIN(held_on) FROM meetings WHERE group_id IN ({groups}) GROUP BY group_id");
    let mut q = sqlx::query_as::<_, (i64, String)>(crate::trusted(sql));
    for v in values {
        q = q.bind(v);
    }
    q.fetch_all(&mut *c)
        .await?
        .into_iter()
        .map(|(g, d)| Ok((g, codec::date("meetings.held_on", &d)?)))
        .collect()
}

/// An assignment's row as the assignments module reads it, with the
/// person's unit's service and the day of the introduction.
#[derive(serde::Deserialize)]
struct AssignmentRow {
    #[serde(flatten)]
    assignment: super::assignments::Row,
    service: Option<String>,
    introduced_on: Option<String>,
}

/// The assignments of the scope, with the service of each person's unit
/// and the day of the introduction. A region has thousands: they are read
/// as one JSON value (see [`rows::json_rows`]).
async fn assignments(c: &mut Conn, scope: Scope<'_>) -> Result<Vec<AssignmentRecord>> {
    let (condition, values) = scope.assignments();
    let columns = format!(
        "{}, u.service, i.introduced_on",
        super::assignments::COLUMNS
            .split(", ")
            .map(|c| format!("a.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let inner = format!(
        "SELECT {columns}
           FROM assignments a
           LEFT JOIN people p ON p.id = a.person_id
           LEFT JOIN units u ON u.id = p.unit_id
           LEFT JOIN introductions i ON i.assignment_id = a.id
          WHERE {condition}"
    );
    rows::json_bound::<AssignmentRow>(c, "assignments", (&inner, &columns, "id"), &values, &[])
        .await?
        .into_iter()
        .map(|r| {
            let service = codec::opt_code::<ServiceType>("units.service", r.service.as_deref())?
                .and_then(ServiceType::base);
            Ok(AssignmentRecord {
                assignment: Assignment::try_from(r.assignment)?,
                service,
                introduced_on: codec::opt_date("introductions.introduced_on", r.introduced_on.as_deref())?,
            })
        })
        .collect()
}

/// The matters the scope's groups raised: when each was submitted and decided.
async fn matters(c: &mut Conn, scope: Scope<'_>) -> Result<Vec<MatterRecord>> {
    let (groups, values) = scope.groups();
    let first = |status: MatterStatus| {
        format!(
            "(SELECT e.on_date FROM matter_events e WHERE e.matter_id = m.id AND e.status = '{}' ORDER BY e.id LIMIT 1)",
            status.code()
        )
    };
    let sql = format!(
        "SELECT m.from_group_id, m.status, {} AS submitted_on, {} AS decided_on
           FROM matters m WHERE m.from_group_id IN ({groups}) ORDER BY m.id",
        first(MatterStatus::Submitted),
        first(MatterStatus::Decided),
    );
    let mut q = sqlx::query_as::<_, (i64, String, Option<String>, Option<String>)>(crate::trusted(sql));
    for v in values {
        q = q.bind(v);
    }
    q.fetch_all(&mut *c)
        .await?
        .into_iter()
        .map(|(group, status, submitted, decided)| {
            Ok(MatterRecord {
                from_group_id: group,
                fact: MatterFact {
                    status: codec::code("matters.status", &status)?,
                    submitted_on: codec::opt_date("matter_events.on_date", submitted.as_deref())?,
                    decided_on: codec::opt_date("matter_events.on_date", decided.as_deref())?,
                },
            })
        })
        .collect()
}
