//! What people type into the governance forms (and send to the API), and
//! how it is checked. Each draft checks itself against the choices it was
//! offered (ids that exist in the region and that the actor may use) and
//! returns every problem at once, as field codes the web layer words.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{
    Assignment, AssignmentKind, AttendanceStatus, DecisionCategory, Group, GroupInput, GroupKind, Meeting,
    MeetingStatus, Person, PersonInput,
};
use crate::principal::PrincipalKind;
use crate::validation::{FieldErrors, optional_date, optional_hours, optional_text, required_text};

/// Longest agenda accepted, in characters.
pub const AGENDA_MAX: usize = 10_000;
/// Longest decision text accepted, in characters.
pub const DECISION_MAX: usize = 5_000;
/// Longest note on a matter's step, in characters.
pub const NOTE_MAX: usize = 2_000;
/// Longest matter text, in characters.
pub const MATTER_BODY_MAX: usize = 5_000;

/// An optional id that must be one of the offered ones; records `invalid-choice`.
pub fn choice(errors: &mut FieldErrors, field: &'static str, value: &str, offered: &[i64]) -> Option<i64> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match v.parse::<i64>() {
        Ok(id) if offered.contains(&id) => Some(id),
        _ => {
            errors.add(field, "invalid-choice");
            None
        }
    }
}

/// A required date; records `required` or `invalid-date`.
fn required_date(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        errors.add(field, "required");
        return None;
    }
    optional_date(errors, field, value)
}

/// Whether a text looks like a phone number: digits, spaces and `+-()/`.
pub fn is_phone(p: &str) -> bool {
    p.chars().any(|c| c.is_ascii_digit())
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '/'))
}

/// The person form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct PersonDraft {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// Phone.
    #[serde(default)]
    pub phone: String,
    /// Profession.
    #[serde(default)]
    pub profession: String,
    /// Employer kind code.
    #[serde(default)]
    pub employer_kind: String,
    /// Employer name.
    #[serde(default)]
    pub employer_name: String,
    /// Unit id.
    #[serde(default)]
    pub unit_id: String,
    /// Linked account id.
    #[serde(default)]
    pub user_id: String,
}

impl PersonDraft {
    /// The form filled in with a person's details.
    pub fn of(p: &Person) -> PersonDraft {
        PersonDraft {
            name: p.name.clone(),
            email: p.email.clone().unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            profession: p.profession.clone().unwrap_or_default(),
            employer_kind: p.employer_kind.map(|k| k.code().to_string()).unwrap_or_default(),
            employer_name: p.employer_name.clone().unwrap_or_default(),
            unit_id: p.unit_id.map(|u| u.to_string()).unwrap_or_default(),
            user_id: p.user_id.map(|u| u.to_string()).unwrap_or_default(),
        }
    }

    /// Checks the form against the region's open units and its accounts.
    pub fn validate(&self, units: &[i64], accounts: &[i64]) -> Result<PersonInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required_text(&mut errors, "name", &self.name, 200);
        let email = optional_text(&mut errors, "email", &self.email, 254);
        if let Some(e) = &email
            && !crate::account::is_email(e)
        {
            errors.add("email", "invalid-email");
        }
        let phone = optional_text(&mut errors, "phone", &self.phone, 40);
        if let Some(p) = &phone
            && !is_phone(p)
        {
            errors.add("phone", "invalid-phone");
        }
        let profession = optional_text(&mut errors, "profession", &self.profession, 200);
        let employer_kind = match self.employer_kind.trim() {
            "" => None,
            code => {
                let k = PrincipalKind::parse(code);
                if k.is_none() {
                    errors.add("employer_kind", "invalid-choice");
                }
                k
            }
        };
        let employer_name = optional_text(&mut errors, "employer_name", &self.employer_name, 200);
        let unit_id = choice(&mut errors, "unit_id", &self.unit_id, units);
        let user_id = choice(&mut errors, "user_id", &self.user_id, accounts);
        errors.into_result(PersonInput {
            name,
            email,
            phone,
            profession,
            employer_kind,
            employer_name,
            unit_id,
            user_id,
        })
    }
}

/// The group kind a kind of assignment may name: its seat's group, or the
/// coordinators' network for coordinators (optional).
pub fn group_kind_for(kind: AssignmentKind) -> Option<GroupKind> {
    kind.group_kind().or(match kind {
        AssignmentKind::LocalCoordinator | AssignmentKind::CountyCoordinator => {
            Some(GroupKind::CoordinatorNetwork)
        }
        _ => None,
    })
}

/// The assignment form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct AssignmentDraft {
    /// Kind code.
    #[serde(default)]
    pub kind: String,
    /// Centre id (centre roles).
    #[serde(default)]
    pub centre_id: String,
    /// Group id (seats).
    #[serde(default)]
    pub group_id: String,
    /// Share of a post in percent.
    #[serde(default)]
    pub share_percent: String,
    /// Who pays.
    #[serde(default)]
    pub paid_by: String,
    /// Hours a week at the centre ("15,5").
    #[serde(default)]
    pub hours_per_week: String,
    /// First day.
    #[serde(default)]
    pub starts_on: String,
    /// Last day.
    #[serde(default)]
    pub ends_on: String,
}

impl AssignmentDraft {
    /// Checks the form for a person and a kind, against the centres and groups offered.
    pub fn validate(
        &self,
        person: &Person,
        kind: AssignmentKind,
        centres: &[i64],
        groups: &[i64],
    ) -> Result<Assignment, FieldErrors> {
        let mut errors = FieldErrors::default();
        let centre_id = if kind.is_centre_role() {
            let c = choice(&mut errors, "centre_id", &self.centre_id, centres);
            if c.is_none() && errors.get("centre_id").is_none() {
                errors.add("centre_id", "required");
            }
            c
        } else {
            None
        };
        let group_id = if group_kind_for(kind).is_some() {
            let g = choice(&mut errors, "group_id", &self.group_id, groups);
            if kind.group_kind().is_some() && g.is_none() && errors.get("group_id").is_none() {
                errors.add("group_id", "required");
            }
            g
        } else {
            None
        };
        let (share_percent, paid_by) = if kind.has_share() {
            let share = match self.share_percent.trim().trim_end_matches('%').trim() {
                "" => None,
                v => match v.parse::<i64>() {
                    Ok(n) if (1..=100).contains(&n) => Some(n),
                    _ => {
                        errors.add("share_percent", "invalid-percent");
                        None
                    }
                },
            };
            (share, optional_text(&mut errors, "paid_by", &self.paid_by, 200))
        } else {
            (None, None)
        };
        let minutes_per_week = if kind == AssignmentKind::StaffMember {
            optional_hours(&mut errors, "hours_per_week", &self.hours_per_week)
        } else {
            None
        };
        let starts_on = required_date(&mut errors, "starts_on", &self.starts_on);
        let ends_on = optional_date(&mut errors, "ends_on", &self.ends_on);
        if let (Some(s), Some(e)) = (starts_on, ends_on)
            && e < s
        {
            errors.add("ends_on", "end-before-start");
        }
        let Some(starts_on) = starts_on else {
            return Err(errors);
        };
        errors.into_result(Assignment {
            id: 0,
            person_id: person.id,
            kind,
            region_id: person.region_id,
            centre_id,
            group_id,
            share_percent,
            paid_by,
            minutes_per_week,
            starts_on,
            ends_on,
        })
    }
}

/// Checks the last day of an assignment: a date, not before its first.
pub fn validate_end(starts_on: NaiveDate, ends_on: &str) -> Result<NaiveDate, FieldErrors> {
    let mut errors = FieldErrors::default();
    match required_date(&mut errors, "ends_on", ends_on) {
        Some(d) if d >= starts_on => Ok(d),
        Some(_) => {
            errors.add("ends_on", "end-before-start");
            Err(errors)
        }
        None => Err(errors),
    }
}

/// The group form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct GroupDraft {
    /// Kind code.
    #[serde(default)]
    pub kind: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Municipality id (steering groups).
    #[serde(default)]
    pub municipality_id: String,
    /// The group it reports to.
    #[serde(default)]
    pub reports_to: String,
    /// A health-and-care forum acting as steering group.
    #[serde(default)]
    pub health_forum: bool,
    /// When the group started (optional, YYYY-MM-DD).
    #[serde(default)]
    pub starts_on: String,
    /// Governed centres' ids.
    #[serde(default, rename = "centre")]
    pub centres: Vec<String>,
}

impl GroupDraft {
    /// Reads the form's fields (repeated `centre` fields are kept as a list).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> GroupDraft {
        let mut d = GroupDraft::default();
        for (k, v) in pairs {
            match k.as_str() {
                "kind" => d.kind = v,
                "name" => d.name = v,
                "municipality_id" => d.municipality_id = v,
                "reports_to" => d.reports_to = v,
                "health_forum" => d.health_forum = matches!(v.as_str(), "1" | "yes" | "on" | "true"),
                "starts_on" => d.starts_on = v,
                "centre" => d.centres.push(v),
                _ => {}
            }
        }
        d
    }

    /// The form filled in with a group.
    pub fn of(g: &Group) -> GroupDraft {
        GroupDraft {
            kind: g.kind.code().into(),
            name: g.name.clone(),
            municipality_id: g.municipality_id.map(|m| m.to_string()).unwrap_or_default(),
            reports_to: g.reports_to.map(|m| m.to_string()).unwrap_or_default(),
            health_forum: g.health_forum,
            starts_on: g.starts_on.map(|d| d.to_string()).unwrap_or_default(),
            centres: g.centre_ids.iter().map(i64::to_string).collect(),
        }
    }

    /// Whether the form has a centre chosen.
    pub fn has_centre(&self, id: &i64) -> bool {
        self.centres.iter().any(|c| c.trim() == id.to_string())
    }

    /// Checks the form against the region's municipalities, the groups it may
    /// report to and the centres it may govern.
    pub fn validate(
        &self,
        municipalities: &[i64],
        groups: &[i64],
        centres: &[i64],
    ) -> Result<GroupInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = GroupKind::parse(&self.kind);
        if kind.is_none() {
            errors.add(
                "kind",
                if self.kind.trim().is_empty() {
                    "required"
                } else {
                    "invalid-choice"
                },
            );
        }
        let name = required_text(&mut errors, "name", &self.name, 200);
        let municipality_id = choice(
            &mut errors,
            "municipality_id",
            &self.municipality_id,
            municipalities,
        );
        if kind == Some(GroupKind::Steering) && self.municipality_id.trim().is_empty() {
            errors.add("municipality_id", "steering-needs-municipality");
        }
        let reports_to = choice(&mut errors, "reports_to", &self.reports_to, groups);
        let starts_on = crate::validation::optional_date(&mut errors, "starts_on", &self.starts_on);
        let mut centre_ids = Vec::new();
        for c in &self.centres {
            match c.trim().parse::<i64>() {
                Ok(id) if centres.contains(&id) => {
                    if !centre_ids.contains(&id) {
                        centre_ids.push(id);
                    }
                }
                _ => {
                    errors.add("centre", "invalid-choice");
                    break;
                }
            }
        }
        let Some(kind) = kind else { return Err(errors) };
        errors.into_result(GroupInput {
            kind,
            name,
            municipality_id,
            reports_to,
            health_forum: kind == GroupKind::Steering && self.health_forum,
            starts_on,
            centre_ids,
        })
    }
}

/// A meeting as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct MeetingDraft {
    /// Date.
    #[serde(default)]
    pub held_on: String,
    /// Status code.
    #[serde(default)]
    pub status: String,
    /// Agenda, one item per line.
    #[serde(default)]
    pub agenda: String,
    /// Minutes in Markdown.
    #[serde(default)]
    pub minutes: String,
    /// Person id → `present`, `absent`, `excused` or empty (not recorded).
    #[serde(default)]
    pub attendance: HashMap<i64, String>,
}

/// A checked meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMeeting {
    /// Date.
    pub held_on: NaiveDate,
    /// Status.
    pub status: MeetingStatus,
    /// Agenda.
    pub agenda: Option<String>,
    /// Minutes (checked against [`super::minutes::check`] by the caller when rendering).
    pub minutes: Option<String>,
    /// Recorded attendance, by person id.
    pub attendance: Vec<(i64, AttendanceStatus)>,
}

impl MeetingDraft {
    /// Reads the form's fields (`att-{person id}` for attendance).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> MeetingDraft {
        let mut d = MeetingDraft::default();
        for (k, v) in pairs {
            match k.as_str() {
                "held_on" => d.held_on = v,
                "status" => d.status = v,
                "agenda" => d.agenda = v,
                "minutes" => d.minutes = v,
                other => {
                    if let Some(id) = other.strip_prefix("att-").and_then(|i| i.parse().ok()) {
                        d.attendance.insert(id, v);
                    }
                }
            }
        }
        d
    }

    /// The form filled in with a meeting and its recorded attendance.
    pub fn of(m: &Meeting, recorded: &HashMap<i64, AttendanceStatus>) -> MeetingDraft {
        MeetingDraft {
            held_on: m.held_on.to_string(),
            status: m.status.code().into(),
            agenda: m.agenda.clone().unwrap_or_default(),
            minutes: m.minutes_md.clone().unwrap_or_default(),
            attendance: recorded.iter().map(|(p, s)| (*p, s.code().to_string())).collect(),
        }
    }

    /// The date typed, if it is one.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(self.held_on.trim(), "%Y-%m-%d").ok()
    }

    /// Checks the draft; attendance may name only `allowed` people (those
    /// seated in the group), anyone else is refused. A held meeting cannot
    /// lie after `today`.
    pub fn validate(&self, allowed: &[i64], today: NaiveDate) -> Result<ValidMeeting, FieldErrors> {
        let mut errors = FieldErrors::default();
        let held_on = required_date(&mut errors, "held_on", &self.held_on);
        let status = MeetingStatus::parse(&self.status);
        if status.is_none() {
            errors.add("status", "invalid-choice");
        }
        if status == Some(MeetingStatus::Held) && held_on.is_some_and(|h| h > today) {
            errors.add("held_on", "meeting-held-in-future");
        }
        let agenda = optional_text(&mut errors, "agenda", &self.agenda, AGENDA_MAX);
        let minutes = optional_text(&mut errors, "minutes", &self.minutes, usize::MAX);
        if let Some(m) = &minutes
            && let Err(e) = super::minutes::check(m)
        {
            errors.add(
                "minutes",
                match e {
                    super::minutes::MinutesError::TooLong { .. } => "minutes-too-long",
                    super::minutes::MinutesError::TooDeep { .. } => "minutes-too-deep",
                },
            );
        }
        let mut attendance = Vec::new();
        let mut ids: Vec<&i64> = self.attendance.keys().collect();
        ids.sort_unstable();
        for id in ids {
            let value = self.attendance[id].trim();
            if value.is_empty() || value == "unknown" {
                continue;
            }
            match AttendanceStatus::parse(value) {
                Some(_) if !allowed.contains(id) => {
                    if errors.get("attendance") != Some("not-a-member") {
                        errors.add("attendance", "not-a-member");
                    }
                }
                Some(s) => attendance.push((*id, s)),
                None => errors.add("attendance", "invalid-choice"),
            }
        }
        match (held_on, status) {
            (Some(held_on), Some(status)) if errors.is_empty() => Ok(ValidMeeting {
                held_on,
                status,
                agenda,
                minutes,
                attendance,
            }),
            _ => Err(errors),
        }
    }
}

/// The decision form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct DecisionDraft {
    /// Category code.
    #[serde(default)]
    pub category: String,
    /// What was decided.
    #[serde(default)]
    pub text: String,
    /// The centres it concerns, as typed.
    #[serde(default)]
    pub centre_ids: Vec<String>,
}

/// A checked decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDecision {
    /// Category.
    pub category: DecisionCategory,
    /// Text.
    pub text: String,
    /// Centres, without repeats.
    pub centre_ids: Vec<i64>,
}

impl DecisionDraft {
    /// Reads the form's fields (repeated `centre_ids`).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> DecisionDraft {
        let mut d = DecisionDraft::default();
        for (k, v) in pairs {
            match k.as_str() {
                "category" => d.category = v,
                "text" => d.text = v,
                "centre_ids" => d.centre_ids.push(v),
                _ => {}
            }
        }
        d
    }

    /// The centres chosen that parse as ids (for showing the form again).
    pub fn chosen(&self) -> Vec<i64> {
        self.centre_ids
            .iter()
            .filter_map(|c| c.trim().parse().ok())
            .collect()
    }

    /// Checks the decision against the centres the group governs.
    pub fn validate(&self, centres: &[i64]) -> Result<ValidDecision, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut centre_ids = Vec::new();
        for c in &self.centre_ids {
            match c.trim().parse::<i64>() {
                Ok(id) if centres.contains(&id) => {
                    if !centre_ids.contains(&id) {
                        centre_ids.push(id);
                    }
                }
                _ => {
                    if errors.get("decision-centres").is_none() {
                        errors.add("decision-centres", "invalid-choice");
                    }
                }
            }
        }
        centre_ids.sort_unstable();
        let category = DecisionCategory::parse(&self.category);
        if category.is_none() {
            errors.add(
                "decision-category",
                if self.category.trim().is_empty() {
                    "required"
                } else {
                    "invalid-choice"
                },
            );
        }
        let text = required_text(&mut errors, "decision-text", &self.text, DECISION_MAX);
        match category {
            Some(category) if errors.is_empty() => Ok(ValidDecision {
                category,
                text,
                centre_ids,
            }),
            _ => Err(errors),
        }
    }
}

/// The form that raises a matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct MatterDraft {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// What is asked.
    #[serde(default)]
    pub body: String,
    /// The steering group it goes to.
    #[serde(default)]
    pub to_group_id: String,
}

/// A checked matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMatter {
    /// Title.
    pub title: String,
    /// Body.
    pub body: Option<String>,
    /// Steering group.
    pub to_group_id: i64,
}

impl MatterDraft {
    /// Checks the form against the steering groups it may be raised to.
    pub fn validate(&self, targets: &[i64]) -> Result<ValidMatter, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = required_text(&mut errors, "title", &self.title, 200);
        let body = optional_text(&mut errors, "body", &self.body, MATTER_BODY_MAX);
        let to = if self.to_group_id.trim().is_empty() {
            errors.add("to_group_id", "required");
            None
        } else {
            choice(&mut errors, "to_group_id", &self.to_group_id, targets)
        };
        match to {
            Some(to_group_id) if errors.is_empty() => Ok(ValidMatter {
                title,
                body,
                to_group_id,
            }),
            _ => Err(errors),
        }
    }
}

/// The steering groups a group may raise matters to: the one it reports to,
/// and any open one that governs one of its centres.
pub fn matter_targets<'a>(group: &Group, all: &'a [Group]) -> Vec<&'a Group> {
    all.iter()
        .filter(|g| g.closed_on.is_none() && g.kind.receives_matters() && g.id != group.id)
        .filter(|g| {
            Some(g.id) == group.reports_to || g.centre_ids.iter().any(|c| group.centre_ids.contains(c))
        })
        .collect()
}

/// The form that moves a matter one step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct AdvanceDraft {
    /// The status to move to (must be the next one).
    #[serde(default)]
    pub to: String,
    /// The steering group's decision (when deciding).
    #[serde(default)]
    pub decision_id: String,
    /// A note on the step.
    #[serde(default)]
    pub note: String,
}

/// The form that records an introduction session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SessionDraft {
    /// Date.
    #[serde(default)]
    pub held_on: String,
    /// Who held it (a person id).
    #[serde(default)]
    pub held_by: String,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// The assignments introduced (repeated `participant`).
    #[serde(default, rename = "participant")]
    pub participants: Vec<String>,
}

/// A checked session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSession {
    /// Date.
    pub held_on: NaiveDate,
    /// Who held it.
    pub held_by: Option<i64>,
    /// Title.
    pub title: String,
    /// Assignments introduced.
    pub assignment_ids: Vec<i64>,
}

impl SessionDraft {
    /// Reads the form's fields.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> SessionDraft {
        let mut f = SessionDraft::default();
        for (k, v) in pairs {
            match k.as_str() {
                "held_on" => f.held_on = v,
                "held_by" => f.held_by = v,
                "title" => f.title = v,
                "participant" => f.participants.push(v),
                _ => {}
            }
        }
        f
    }

    /// Checks the session against the region's people and the assignments
    /// the actor may record introductions for. It cannot lie after `today`.
    pub fn validate(
        &self,
        people: &[i64],
        candidates: &[i64],
        today: NaiveDate,
    ) -> Result<ValidSession, FieldErrors> {
        let mut errors = FieldErrors::default();
        let held_on = required_date(&mut errors, "held_on", &self.held_on);
        if held_on.is_some_and(|d| d > today) {
            errors.add("held_on", "intro-date-future");
        }
        let held_by = choice(&mut errors, "held_by", &self.held_by, people);
        let title = required_text(&mut errors, "title", &self.title, 200);
        let mut chosen: Vec<i64> = Vec::new();
        for p in &self.participants {
            match p.trim().parse::<i64>().ok().filter(|a| candidates.contains(a)) {
                Some(a) if !chosen.contains(&a) => chosen.push(a),
                Some(_) => {}
                None => {
                    if errors.get("participants").is_none() {
                        errors.add("participants", "invalid-choice");
                    }
                }
            }
        }
        if self.participants.is_empty() {
            errors.add("participants", "choose-one");
        }
        match held_on {
            Some(held_on) if errors.is_empty() => Ok(ValidSession {
                held_on,
                held_by,
                title,
                assignment_ids: chosen,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_held_meeting_cannot_be_in_the_future_and_attendance_is_checked() {
        let today = d("2026-12-01");
        let future = "2026-12-04".to_string();
        let draft = MeetingDraft {
            held_on: future.clone(),
            status: "held".into(),
            ..MeetingDraft::default()
        };
        let e = draft.validate(&[], today).expect_err("refused");
        assert_eq!(e.get("held_on"), Some("meeting-held-in-future"));
        let planned = MeetingDraft {
            held_on: future,
            status: "planned".into(),
            attendance: HashMap::from([(1, "present".into()), (2, "absent".into()), (3, "maybe".into())]),
            ..MeetingDraft::default()
        };
        let e = planned
            .validate(&[1, 2, 3], today)
            .expect_err("bad attendance refused");
        assert_eq!(e.get("attendance"), Some("invalid-choice"));
        let e = planned
            .validate(&[1, 3], today)
            .expect_err("a non-member refused");
        assert_eq!(e.get("attendance"), Some("not-a-member"));
        let fine = MeetingDraft {
            attendance: HashMap::from([(1, "present".into()), (2, "unknown".into()), (4, String::new())]),
            ..planned
        };
        let v = fine.validate(&[1, 4], today).expect("valid");
        assert_eq!(
            v.attendance,
            vec![(1, AttendanceStatus::Present)],
            "only recorded answers; an unanswered line names nobody"
        );
    }

    #[test]
    fn hostile_minutes_are_refused_by_the_form() {
        let draft = MeetingDraft {
            held_on: "2026-11-01".into(),
            status: "held".into(),
            minutes: (0..200).map(|i| format!("{}- x\n", "  ".repeat(i))).collect(),
            ..MeetingDraft::default()
        };
        let e = draft.validate(&[], d("2026-12-01")).expect_err("refused");
        assert_eq!(e.get("minutes"), Some("minutes-too-deep"));
    }

    #[test]
    fn a_decision_names_only_governed_centres_once() {
        let draft = DecisionDraft {
            category: "budget_change".into(),
            text: "Budgeten höjs".into(),
            centre_ids: vec!["3".into(), "2".into(), "3".into()],
        };
        let v = draft.validate(&[2, 3]).expect("valid");
        assert_eq!(v.centre_ids, [2, 3]);
        assert_eq!(
            draft.validate(&[2]).expect_err("refused").get("decision-centres"),
            Some("invalid-choice")
        );
    }

    #[test]
    fn a_steering_group_needs_its_municipality() {
        let draft = GroupDraft {
            kind: "steering".into(),
            name: "Styrgrupp Heby".into(),
            ..GroupDraft::default()
        };
        let e = draft.validate(&[1], &[], &[]).expect_err("refused");
        assert_eq!(e.get("municipality_id"), Some("steering-needs-municipality"));
        let ok = GroupDraft {
            municipality_id: "1".into(),
            centres: vec!["7".into()],
            ..draft
        };
        assert_eq!(ok.validate(&[1], &[], &[7]).expect("valid").centre_ids, [7]);
    }

    #[test]
    fn an_assignment_ends_on_or_after_it_starts() {
        assert_eq!(
            validate_end(d("2025-01-01"), "2024-12-31")
                .expect_err("x")
                .get("ends_on"),
            Some("end-before-start")
        );
        assert_eq!(
            validate_end(d("2025-01-01"), "").expect_err("x").get("ends_on"),
            Some("required")
        );
        assert_eq!(
            validate_end(d("2025-01-01"), "2025-01-01").ok(),
            Some(d("2025-01-01"))
        );
    }

    #[test]
    fn a_session_lists_only_candidates_and_not_tomorrow() {
        let draft = SessionDraft {
            held_on: "2026-12-02".into(),
            title: "Intro".into(),
            participants: vec!["5".into(), "9".into()],
            ..SessionDraft::default()
        };
        let e = draft.validate(&[], &[5], d("2026-12-01")).expect_err("refused");
        assert_eq!(e.get("held_on"), Some("intro-date-future"));
        assert_eq!(e.get("participants"), Some("invalid-choice"));
    }
}
