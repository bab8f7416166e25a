//! Who sits in the group on a given day, in words, for attendance.

use std::collections::HashMap;

use chrono::NaiveDate;
use samverka_app::governance::meetings::Members;
use samverka_core::governance::{AttendanceStatus, Meeting, MeetingStatus, Person};

use crate::http::i18n::Tr;
use crate::ui::words as view;

/// One person in an attendance list.
pub(super) struct Member {
    pub(super) person_id: i64,
    pub(super) name: String,
    pub(super) role: String,
    pub(super) employer: String,
}

/// The attendance list of a meeting on `day`: everyone seated that day,
/// and anyone else whose attendance was recorded, by name.
pub(super) fn lines(
    members: &Members,
    t: &Tr,
    day: NaiveDate,
    recorded: &HashMap<i64, AttendanceStatus>,
) -> Vec<Member> {
    let mut ids: Vec<(i64, Option<bool>)> = members
        .seated_on(day)
        .into_iter()
        .map(|(p, chair)| (p, Some(chair)))
        .collect();
    for p in recorded.keys() {
        if !ids.iter().any(|(id, _)| id == p) {
            ids.push((*p, None));
        }
    }
    let mut out: Vec<Member> = ids
        .into_iter()
        .map(|(id, chair)| {
            let person = members.people.get(&id);
            Member {
                person_id: id,
                name: person
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| t.t("value-missing")),
                role: t.t(match chair {
                    Some(true) => "meeting-role-chair",
                    Some(false) => "meeting-role-member",
                    None => "meeting-role-not-seated",
                }),
                employer: person.map(|p| employer(members, t, p)).unwrap_or_default(),
            }
        })
        .collect();
    out.sort_by_cached_key(|m| samverka_core::text::sort_key(&m.name));
    out
}

/// Employer and service, e.g. "Region Uppsala, BVC Sävja".
pub(super) fn employer(members: &Members, t: &Tr, p: &Person) -> String {
    let mut parts: Vec<String> = Vec::new();
    match (&p.employer_name, p.employer_kind) {
        (Some(n), _) => parts.push(n.clone()),
        (None, Some(k)) => parts.push(view::principal_name(t, Some(k))),
        (None, None) => {}
    }
    if let Some(u) = p.unit_id.and_then(|id| members.units.get(&id)) {
        parts.push(u.name.clone().unwrap_or_else(|| view::service_name(t, u.service)));
    }
    if parts.is_empty() {
        t.t("value-missing")
    } else {
        parts.join(", ")
    }
}

pub(super) fn status_name(t: &Tr, s: MeetingStatus) -> String {
    t.t(&format!("meeting-status-{}", s.code()))
}

pub(super) fn attendance_name(t: &Tr, s: Option<AttendanceStatus>) -> String {
    t.t(&format!(
        "meeting-attendance-{}",
        s.map_or("unknown", |s| s.code())
    ))
}

/// "4 närvarande, 1 anmält förhinder, 1 frånvarande, 1 ej registrerade av 7 ledamöter".
pub(super) fn attendance_summary(
    t: &Tr,
    seated: &[(i64, bool)],
    recorded: &HashMap<i64, AttendanceStatus>,
) -> String {
    let count = |s: Option<AttendanceStatus>| {
        seated
            .iter()
            .filter(|(p, _)| recorded.get(p).copied() == s)
            .count()
    };
    t.args(
        "meeting-attendance-summary",
        &[
            ("present", count(Some(AttendanceStatus::Present)).to_string()),
            ("excused", count(Some(AttendanceStatus::Excused)).to_string()),
            ("absent", count(Some(AttendanceStatus::Absent)).to_string()),
            ("unknown", count(None).to_string()),
            ("members", seated.len().to_string()),
        ],
    )
}

pub(super) fn minutes_state(t: &Tr, m: &Meeting) -> String {
    match (
        m.minutes_md.as_deref().map(str::trim).filter(|s| !s.is_empty()),
        m.minutes_published_on,
    ) {
        (_, Some(d)) => t.t1("meeting-minutes-published-on", "date", d),
        (Some(_), None) => t.t("meeting-minutes-draft"),
        (None, None) => t.t("meeting-minutes-none"),
    }
}
