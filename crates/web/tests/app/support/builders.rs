//! Test data that reads like the domain: centres, people, groups, seats,
//! matter steps and login roles, meant for the application's loader
//! (`TestApp::seed`).

use chrono::NaiveDate;
use samverka_core::governance::{
    Assignment, AssignmentKind, GroupInput, GroupKind, MatterStatus, MatterStep, PersonInput,
};
use samverka_core::{CentreInput, Grant, PrincipalKind, Role};

/// A date that exists.
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// A person with a name only.
pub fn person(name: &str) -> PersonInput {
    PersonInput {
        name: name.to_string(),
        ..PersonInput::default()
    }
}

/// Details to add to a person.
pub trait PersonBuilder {
    /// With an e-mail address.
    fn email(self, email: &str) -> Self;
    /// With a phone number.
    fn phone(self, phone: &str) -> Self;
    /// Linked to a login account.
    fn account(self, user_id: i64) -> Self;
    /// Employed by a principal.
    fn employer(self, kind: PrincipalKind, name: &str) -> Self;
    /// With a profession (*yrke*).
    fn profession(self, profession: &str) -> Self;
}

impl PersonBuilder for PersonInput {
    fn email(mut self, email: &str) -> Self {
        self.email = Some(email.to_string());
        self
    }
    fn phone(mut self, phone: &str) -> Self {
        self.phone = Some(phone.to_string());
        self
    }
    fn account(mut self, user_id: i64) -> Self {
        self.user_id = Some(user_id);
        self
    }
    fn employer(mut self, kind: PrincipalKind, name: &str) -> Self {
        self.employer_kind = Some(kind);
        self.employer_name = Some(name.to_string());
        self
    }
    fn profession(mut self, profession: &str) -> Self {
        self.profession = Some(profession.to_string());
        self
    }
}

/// A group of a kind with a name, governing nothing yet.
pub fn group(kind: GroupKind, name: &str) -> GroupInput {
    GroupInput {
        kind,
        name: name.to_string(),
        municipality_id: None,
        reports_to: None,
        health_forum: false,
        starts_on: None,
        centre_ids: Vec::new(),
    }
}

/// Details to add to a group.
pub trait GroupBuilder {
    /// Governing these centres.
    fn governing(self, centres: &[i64]) -> Self;
    /// Reporting to a group.
    fn reporting_to(self, group: i64) -> Self;
    /// Of a municipality (steering groups).
    fn of_municipality(self, municipality: i64) -> Self;
    /// The municipality's forum for health and care acting as the steering group.
    fn health_forum(self) -> Self;
}

impl GroupBuilder for GroupInput {
    fn governing(mut self, centres: &[i64]) -> Self {
        self.centre_ids = centres.to_vec();
        self
    }
    fn reporting_to(mut self, group: i64) -> Self {
        self.reports_to = Some(group);
        self
    }
    fn of_municipality(mut self, municipality: i64) -> Self {
        self.municipality_id = Some(municipality);
        self
    }
    fn health_forum(mut self) -> Self {
        self.health_forum = true;
        self
    }
}

/// A seat in a group from a day.
pub fn seat(region: i64, person: i64, kind: AssignmentKind, group: i64, from: NaiveDate) -> Assignment {
    Assignment {
        id: 0,
        person_id: person,
        kind,
        region_id: region,
        centre_id: None,
        group_id: Some(group),
        share_percent: None,
        paid_by: None,
        minutes_per_week: None,
        starts_on: from,
        ends_on: None,
    }
}

/// A role at a centre (local coordinator, staff) from a day.
pub fn at_centre(region: i64, person: i64, kind: AssignmentKind, centre: i64, from: NaiveDate) -> Assignment {
    Assignment {
        group_id: None,
        centre_id: Some(centre),
        ..seat(region, person, kind, 0, from)
    }
}

/// Details to add to an assignment.
pub trait AssignmentBuilder {
    /// Ending on a day.
    fn until(self, last: NaiveDate) -> Self;
    /// A share of a post, paid by someone.
    fn share(self, percent: i64, paid_by: &str) -> Self;
}

impl AssignmentBuilder for Assignment {
    fn until(mut self, last: NaiveDate) -> Self {
        self.ends_on = Some(last);
        self
    }
    fn share(mut self, percent: i64, paid_by: &str) -> Self {
        self.share_percent = Some(percent);
        self.paid_by = Some(paid_by.to_string());
        self
    }
}

/// A seat in no group and at no centre (the county coordinator) from a day.
pub fn in_region(region: i64, person: i64, kind: AssignmentKind, from: NaiveDate) -> Assignment {
    Assignment {
        group_id: None,
        ..seat(region, person, kind, 0, from)
    }
}

/// A centre with a name in a municipality, nothing else recorded.
pub fn centre(name: &str, municipality: i64) -> CentreInput {
    CentreInput {
        name: name.to_string(),
        municipality_id: municipality,
        address: None,
        opened_on: None,
        shared_opening_minutes: None,
    }
}

/// A login role in a whole region (county coordinator, reader).
pub fn role_in(role: Role, region: i64) -> Grant {
    Grant {
        role,
        region_id: Some(region),
        centre_id: None,
    }
}

/// A local coordinator's login role at one centre.
pub fn coordinator_of(region: i64, centre: i64) -> Grant {
    Grant {
        role: Role::LocalCoordinator,
        region_id: Some(region),
        centre_id: Some(centre),
    }
}

/// A matter's step to a status on a day, by nobody in particular.
pub fn step(status: MatterStatus, on: NaiveDate) -> MatterStep {
    MatterStep {
        status,
        on,
        person_id: None,
        note: None,
    }
}
