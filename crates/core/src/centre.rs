//! Centres and their units, and the validation of what people type about them.

use chrono::NaiveDate;
use serde::Serialize;

use crate::premises::{self, Premises, PremisesChoice, PremisesDraft, PremisesInput};
use crate::principal::PrincipalKind;
use crate::service::ServiceType;
use crate::validation::{
    FieldErrors, optional_bool, optional_date, optional_hours, optional_text, required_text,
};

/// A family centre (*familjecentral*), including FC-like units and
/// family-centred work: whatever the county calls a family centre.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Centre {
    /// Database id.
    pub id: i64,
    /// The region (county) the centre belongs to.
    pub region_id: i64,
    /// The municipality it serves.
    pub municipality_id: i64,
    /// Its name, e.g. "Sävja familjecentral".
    pub name: String,
    /// Street address of the centre, if known.
    pub address: Option<String>,
    /// When it opened, if known.
    pub opened_on: Option<NaiveDate>,
    /// When it closed; `None` while it is open. Centres are never deleted.
    pub closed_on: Option<NaiveDate>,
    /// Minutes per week when all its services are open at the same time
    /// (*gemensam öppettid*), if known.
    pub shared_opening_minutes: Option<i64>,
}

impl Centre {
    /// Whether the centre was open at some point in the given year.
    pub fn active_in(&self, year: i32) -> bool {
        let started = self.opened_on.is_none_or(|d| chrono::Datelike::year(&d) <= year);
        let not_ended = self.closed_on.is_none_or(|d| chrono::Datelike::year(&d) >= year);
        started && not_ended
    }
}

/// One service of one principal at a centre (*verksamhet*).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    /// Database id.
    pub id: i64,
    /// The centre it belongs to.
    pub centre_id: i64,
    /// What it does.
    pub service: ServiceType,
    /// Its own name (e.g. "BVC Sävja", or the other party's name: "Svenska kyrkan").
    pub name: Option<String>,
    /// The kind of principal that runs it, if known.
    pub principal_kind: Option<PrincipalKind>,
    /// The principal's name, e.g. "Region Uppsala", "Heby kommun".
    pub principal_name: Option<String>,
    /// The premises (*lokaler*) of its centre where it works: units in the
    /// same premises share a building. `None` means unknown.
    pub premises_id: Option<i64>,
    /// Whether its whole ordinary operation is at the centre (not only a branch).
    pub full_operation: Option<bool>,
    /// Hours per week its staff spend at the centre, in minutes.
    pub minutes_per_week: Option<i64>,
    /// When it left the centre; `None` while it is part of it.
    pub closed_on: Option<NaiveDate>,
}

/// What a person typed into the centre form, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct CentreDraft {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Municipality id, as typed.
    #[serde(default)]
    pub municipality_id: String,
    /// Address.
    #[serde(default)]
    pub address: String,
    /// Opening date, ISO.
    #[serde(default)]
    pub opened_on: String,
    /// Shared opening hours per week, as typed ("15,5").
    #[serde(default)]
    pub shared_opening_hours: String,
}

/// A validated centre, ready to be stored.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct CentreInput {
    /// Name.
    pub name: String,
    /// Municipality.
    pub municipality_id: i64,
    /// Address.
    pub address: Option<String>,
    /// Opening date.
    pub opened_on: Option<NaiveDate>,
    /// Shared opening time per week in minutes.
    pub shared_opening_minutes: Option<i64>,
}

impl CentreDraft {
    /// Checks every field; returns all problems at once.
    pub fn validate(&self) -> Result<CentreInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = required_text(&mut e, "name", &self.name, 200);
        let municipality_id = match self.municipality_id.trim().parse::<i64>() {
            Ok(id) if id > 0 => id,
            _ => {
                e.add("municipality_id", "required");
                0
            }
        };
        let address = optional_text(&mut e, "address", &self.address, 300);
        let opened_on = optional_date(&mut e, "opened_on", &self.opened_on);
        let shared_opening_minutes =
            optional_hours(&mut e, "shared_opening_hours", &self.shared_opening_hours);
        e.into_result(CentreInput {
            name,
            municipality_id,
            address,
            opened_on,
            shared_opening_minutes,
        })
    }
}

/// Validates the date a centre or unit closes: required, and not before it opened.
pub fn validate_closing(opened_on: Option<NaiveDate>, closed_on: &str) -> Result<NaiveDate, FieldErrors> {
    let mut e = FieldErrors::default();
    let date = optional_date(&mut e, "closed_on", closed_on);
    match date {
        None if e.is_empty() => {
            e.add("closed_on", "required");
            Err(e)
        }
        None => Err(e),
        Some(d) if opened_on.is_some_and(|o| d < o) => {
            e.add("closed_on", "before-opening");
            Err(e)
        }
        Some(d) => Ok(d),
    }
}

/// What a person typed into the unit form, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct UnitDraft {
    /// Service code (`mhv`, `bhv`, `of`, `soc`, `other`).
    #[serde(default)]
    pub service: String,
    /// The unit's own name.
    #[serde(default)]
    pub name: String,
    /// Principal kind code.
    #[serde(default)]
    pub principal_kind: String,
    /// Principal name.
    #[serde(default)]
    pub principal_name: String,
    /// The premises it works in: the id of one of its centre's premises,
    /// empty (unknown), or `new` for the new premises described below.
    #[serde(default)]
    pub premises_id: String,
    /// New premises' name (with `premises_id` = `new`).
    #[serde(default)]
    pub new_premises_name: String,
    /// New premises' address.
    #[serde(default)]
    pub new_premises_address: String,
    /// Whether the new premises have one shared entrance: `yes`, `no` or empty.
    #[serde(default)]
    pub new_premises_shared_entrance: String,
    /// `yes`, `no` or empty (unknown).
    #[serde(default)]
    pub full_operation: String,
    /// Hours per week at the centre.
    #[serde(default)]
    pub hours_per_week: String,
}

/// A validated unit, ready to be stored.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct UnitInput {
    /// Service.
    pub service: ServiceType,
    /// Own name.
    pub name: Option<String>,
    /// Principal kind.
    pub principal_kind: Option<PrincipalKind>,
    /// Principal name.
    pub principal_name: Option<String>,
    /// The premises it works in (of its own centre); `None` when unknown.
    pub premises_id: Option<i64>,
    /// Whole ordinary operation at the centre.
    pub full_operation: Option<bool>,
    /// Minutes per week at the centre.
    pub minutes_per_week: Option<i64>,
}

impl UnitDraft {
    /// The "new premises" part of the form.
    fn new_premises(&self) -> PremisesDraft {
        PremisesDraft {
            name: self.new_premises_name.clone(),
            address: self.new_premises_address.clone(),
            shared_entrance: self.new_premises_shared_entrance.clone(),
        }
    }

    /// Checks every field of a unit of `centre_id`, whose premises are
    /// `premises`; returns all problems at once. A unit may only work in
    /// premises of its own centre. When the person asked for new premises,
    /// they come back beside the unit, whose `premises_id` is then `None`
    /// until they are stored.
    pub fn validate(
        &self,
        centre_id: i64,
        premises: &[Premises],
    ) -> Result<(UnitInput, Option<PremisesInput>), FieldErrors> {
        let mut e = FieldErrors::default();
        let service = ServiceType::parse(&self.service);
        if service.is_none() {
            e.add("service", "required");
        }
        let name = optional_text(&mut e, "name", &self.name, 200);
        if service == Some(ServiceType::Other) && name.is_none() {
            e.add("name", "other-needs-name");
        }
        let principal_kind = match self.principal_kind.trim() {
            "" | "unknown" => None,
            code => {
                let k = PrincipalKind::parse(code);
                if k.is_none() {
                    e.add("principal_kind", "invalid-choice");
                }
                k
            }
        };
        let principal_name = optional_text(&mut e, "principal_name", &self.principal_name, 200);
        let choice = premises::choose(
            &mut e,
            &self.premises_id,
            &self.new_premises(),
            centre_id,
            premises,
        );
        let full_operation = optional_bool(&mut e, "full_operation", &self.full_operation);
        let minutes_per_week = optional_hours(&mut e, "hours_per_week", &self.hours_per_week);
        let unit = UnitInput {
            service: service.unwrap_or(ServiceType::Other),
            name,
            principal_kind,
            principal_name,
            premises_id: choice.existing(),
            full_operation,
            minutes_per_week,
        };
        let new = match choice {
            PremisesChoice::New(p) => Some(p),
            _ => None,
        };
        e.into_result((unit, new))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::BaseService;

    #[test]
    fn a_valid_centre_draft_becomes_input() {
        let d = CentreDraft {
            name: "  Sävja familjecentral ".into(),
            municipality_id: "3".into(),
            address: "".into(),
            opened_on: "2010-08-01".into(),
            shared_opening_hours: "15,5".into(),
        };
        let c = d.validate().expect("valid");
        assert_eq!(c.name, "Sävja familjecentral");
        assert_eq!(c.address, None);
        assert_eq!(c.shared_opening_minutes, Some(930));
    }

    #[test]
    fn a_bad_centre_draft_lists_every_field() {
        let d = CentreDraft {
            name: "".into(),
            municipality_id: "x".into(),
            opened_on: "igår".into(),
            ..Default::default()
        };
        let e = d.validate().expect_err("invalid");
        assert_eq!(e.get("name"), Some("required"));
        assert_eq!(e.get("municipality_id"), Some("required"));
        assert_eq!(e.get("opened_on"), Some("invalid-date"));
    }

    #[test]
    fn another_party_needs_a_name() {
        let d = UnitDraft {
            service: "other".into(),
            ..Default::default()
        };
        assert_eq!(
            d.validate(1, &[]).expect_err("invalid").get("name"),
            Some("other-needs-name")
        );
        let d = UnitDraft {
            service: "bhv".into(),
            full_operation: "yes".into(),
            ..Default::default()
        };
        let (u, new) = d.validate(1, &[]).expect("valid");
        assert_eq!(u.service, ServiceType::Base(BaseService::ChildHealth));
        assert_eq!(u.full_operation, Some(true));
        assert_eq!(u.premises_id, None);
        assert_eq!(new, None);
    }

    #[test]
    fn a_unit_picks_premises_of_its_centre_or_describes_new_ones() {
        let huset = Premises {
            id: 7,
            centre_id: 1,
            name: "Huset".into(),
            address: None,
            shared_entrance: Some(true),
        };
        let elsewhere = Premises {
            id: 8,
            centre_id: 2,
            ..huset.clone()
        };
        let premises = [huset, elsewhere];
        let d = |choice: &str| UnitDraft {
            service: "bhv".into(),
            premises_id: choice.into(),
            new_premises_name: "Skolan".into(),
            ..Default::default()
        };
        let (u, new) = d("7").validate(1, &premises).expect("valid");
        assert_eq!((u.premises_id, new), (Some(7), None));
        assert_eq!(
            d("8").validate(1, &premises).expect_err("x").get("premises_id"),
            Some("invalid-choice"),
            "premises of another centre"
        );
        let (u, new) = d("new").validate(1, &premises).expect("valid");
        assert_eq!(u.premises_id, None);
        assert_eq!(new.map(|p| p.name).as_deref(), Some("Skolan"));
    }

    #[test]
    fn closing_needs_a_date_after_opening() {
        let opened = NaiveDate::from_ymd_opt(2020, 1, 1);
        assert_eq!(
            validate_closing(opened, "").expect_err("x").get("closed_on"),
            Some("required")
        );
        assert_eq!(
            validate_closing(opened, "2019-12-31")
                .expect_err("x")
                .get("closed_on"),
            Some("before-opening")
        );
        assert!(validate_closing(opened, "2024-06-30").is_ok());
    }

    #[test]
    fn active_in_a_year() {
        let c = Centre {
            id: 1,
            region_id: 1,
            municipality_id: 1,
            name: "x".into(),
            address: None,
            opened_on: NaiveDate::from_ymd_opt(2020, 5, 1),
            closed_on: NaiveDate::from_ymd_opt(2023, 2, 1),
            shared_opening_minutes: None,
        };
        assert!(!c.active_in(2019));
        assert!(c.active_in(2020));
        assert!(c.active_in(2023));
        assert!(!c.active_in(2024));
    }
}
