//! Premises (*lokaler*): the buildings a centre's units work in, as records
//! that units point at, so that co-location compares records, never typed text.

use serde::Serialize;

use crate::validation::{FieldErrors, optional_bool, optional_text, required_text};

/// The longest name of premises, in characters.
pub const NAME_MAX: usize = 300;
/// The longest address of premises, in characters.
pub const ADDRESS_MAX: usize = 300;

/// Premises (*lokaler*) of a centre: a building, or one part of a building,
/// where some of its units work. Units in the same premises share a
/// building; when the premises have one shared entrance, all of them are
/// reached through it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Premises {
    /// Database id.
    pub id: i64,
    /// The centre whose premises they are.
    pub centre_id: i64,
    /// Their name, e.g. "Sävjahuset".
    pub name: String,
    /// Street address, if recorded.
    pub address: Option<String>,
    /// Whether visitors reach every unit here through one shared entrance;
    /// `None` means unknown.
    pub shared_entrance: Option<bool>,
}

impl Premises {
    /// How the premises are named to people: "Sävjahuset, Sävja torg 1",
    /// or the name alone when no address is recorded.
    pub fn label(&self) -> String {
        match &self.address {
            Some(a) => format!("{}, {a}", self.name),
            None => self.name.clone(),
        }
    }
}

/// The key under which names of premises are compared when someone types a
/// new one: case and spacing do not matter ("Huset A" and "huset  a" are
/// the same name).
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a centre already has premises (other than `except`) with this
/// name, compared by [`name_key`].
pub fn name_taken(premises: &[Premises], centre_id: i64, name: &str, except: Option<i64>) -> bool {
    let key = name_key(name);
    premises
        .iter()
        .any(|p| p.centre_id == centre_id && Some(p.id) != except && name_key(&p.name) == key)
}

/// What a person typed about premises, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PremisesDraft {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Street address.
    #[serde(default)]
    pub address: String,
    /// `yes`, `no` or empty (unknown).
    #[serde(default)]
    pub shared_entrance: String,
}

/// Validated premises, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct PremisesInput {
    /// Name, trimmed.
    pub name: String,
    /// Street address, trimmed; `None` when empty.
    pub address: Option<String>,
    /// One shared entrance; `None` when unknown.
    pub shared_entrance: Option<bool>,
}

/// The names of a draft's fields in one form: the premises form's own, or
/// the "new premises" part of the unit form.
#[derive(Debug, Clone, Copy)]
pub struct PremisesFields {
    /// The name field.
    pub name: &'static str,
    /// The address field.
    pub address: &'static str,
    /// The entrance field.
    pub shared_entrance: &'static str,
}

impl PremisesFields {
    /// The premises form.
    pub const OWN: PremisesFields = PremisesFields {
        name: "name",
        address: "address",
        shared_entrance: "shared_entrance",
    };
    /// The unit form's "new premises" fields.
    pub const NEW_IN_UNIT: PremisesFields = PremisesFields {
        name: "new_premises_name",
        address: "new_premises_address",
        shared_entrance: "new_premises_shared_entrance",
    };
}

impl PremisesDraft {
    /// Checks every field of premises of `centre_id`, whose premises now are
    /// `existing` (`editing` is the id of the premises being changed, if
    /// any): the name is required, not too long, and not one the centre
    /// already has. Errors are recorded on `fields`.
    pub fn check(
        &self,
        errors: &mut FieldErrors,
        fields: PremisesFields,
        (centre_id, existing, editing): (i64, &[Premises], Option<i64>),
    ) -> PremisesInput {
        let name = required_text(errors, fields.name, &self.name, NAME_MAX);
        if !name.is_empty() && name_taken(existing, centre_id, &name, editing) {
            errors.add(fields.name, "premises-exists");
        }
        PremisesInput {
            name,
            address: optional_text(errors, fields.address, &self.address, ADDRESS_MAX),
            shared_entrance: optional_bool(errors, fields.shared_entrance, &self.shared_entrance),
        }
    }

    /// Checks the premises form: new premises of `centre_id` (`editing ==
    /// None`) or a change to `editing`; returns all problems at once.
    pub fn validate(
        &self,
        centre_id: i64,
        existing: &[Premises],
        editing: Option<i64>,
    ) -> Result<PremisesInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let input = self.check(&mut e, PremisesFields::OWN, (centre_id, existing, editing));
        e.into_result(input)
    }
}

/// Where a unit works, as chosen in the unit form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PremisesChoice {
    /// Nobody has said.
    Unknown,
    /// Premises the centre has.
    Existing(i64),
    /// New premises, created together with the unit.
    New(PremisesInput),
}

impl PremisesChoice {
    /// The chosen premises' id, when they exist already.
    pub fn existing(&self) -> Option<i64> {
        match self {
            PremisesChoice::Existing(id) => Some(*id),
            _ => None,
        }
    }
}

/// The value of the unit form's premises choice that asks for new premises.
pub const NEW_CHOICE: &str = "new";

/// Reads the unit form's premises choice: empty (unknown), the id of one of
/// the premises of `centre_id` in `existing`, or [`NEW_CHOICE`] with the new
/// premises' fields. Premises of another centre, or none at all, are
/// `invalid-choice` on `premises_id`.
pub fn choose(
    errors: &mut FieldErrors,
    choice: &str,
    new: &PremisesDraft,
    centre_id: i64,
    existing: &[Premises],
) -> PremisesChoice {
    match choice.trim() {
        "" => PremisesChoice::Unknown,
        NEW_CHOICE => {
            PremisesChoice::New(new.check(errors, PremisesFields::NEW_IN_UNIT, (centre_id, existing, None)))
        }
        code => match code.parse::<i64>() {
            Ok(id) if existing.iter().any(|p| p.id == id && p.centre_id == centre_id) => {
                PremisesChoice::Existing(id)
            }
            _ => {
                errors.add("premises_id", "invalid-choice");
                PremisesChoice::Unknown
            }
        },
    }
}

/// The premises a unit points at, from a list that may hold any centre's.
pub fn find(premises: &[Premises], id: Option<i64>) -> Option<&Premises> {
    id.and_then(|id| premises.iter().find(|p| p.id == id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: i64, centre_id: i64, name: &str) -> Premises {
        Premises {
            id,
            centre_id,
            name: name.into(),
            address: None,
            shared_entrance: None,
        }
    }

    #[test]
    fn a_name_is_trimmed_required_and_limited() {
        let d = PremisesDraft {
            name: "  Huset A ".into(),
            address: " Storgatan 1 ".into(),
            shared_entrance: "yes".into(),
        };
        let input = d.validate(1, &[], None).expect("valid");
        assert_eq!(input.name, "Huset A");
        assert_eq!(input.address.as_deref(), Some("Storgatan 1"));
        assert_eq!(input.shared_entrance, Some(true));

        let blank = PremisesDraft {
            name: "   ".into(),
            ..Default::default()
        };
        assert_eq!(
            blank.validate(1, &[], None).expect_err("x").get("name"),
            Some("required")
        );
        let long = PremisesDraft {
            name: "x".repeat(NAME_MAX + 1),
            address: "y".repeat(ADDRESS_MAX + 1),
            shared_entrance: "kanske".into(),
        };
        let e = long.validate(1, &[], None).expect_err("x");
        assert_eq!(e.get("name"), Some("too-long"));
        assert_eq!(e.get("address"), Some("too-long"));
        assert_eq!(e.get("shared_entrance"), Some("invalid-choice"));
        let just = PremisesDraft {
            name: "x".repeat(NAME_MAX),
            ..Default::default()
        };
        assert!(just.validate(1, &[], None).is_ok());
        let unknown = PremisesDraft {
            name: "Huset".into(),
            ..Default::default()
        };
        assert_eq!(
            unknown.validate(1, &[], None).expect("valid").shared_entrance,
            None
        );
    }

    #[test]
    fn a_centre_cannot_have_the_same_name_twice_but_another_centre_can() {
        let existing = [p(1, 10, "Huset A"), p(2, 20, "Skolan")];
        let d = |name: &str| PremisesDraft {
            name: name.into(),
            ..Default::default()
        };
        assert_eq!(
            d("huset  a")
                .validate(10, &existing, None)
                .expect_err("x")
                .get("name"),
            Some("premises-exists")
        );
        // Renaming premises to their own name is no clash.
        assert!(d("Huset A").validate(10, &existing, Some(1)).is_ok());
        assert!(d("Skolan").validate(10, &existing, None).is_ok());
        assert!(d("Huset A, Storgatan 1").validate(10, &existing, None).is_ok());
    }

    #[test]
    fn a_unit_can_only_pick_premises_of_its_own_centre() {
        let existing = [p(1, 10, "Huset A"), p(2, 20, "Skolan")];
        let none = PremisesDraft::default();
        let mut e = FieldErrors::default();
        assert_eq!(
            choose(&mut e, "1", &none, 10, &existing),
            PremisesChoice::Existing(1)
        );
        assert_eq!(choose(&mut e, "", &none, 10, &existing), PremisesChoice::Unknown);
        assert!(e.is_empty());
        assert_eq!(choose(&mut e, "2", &none, 10, &existing), PremisesChoice::Unknown);
        assert_eq!(e.get("premises_id"), Some("invalid-choice"));
        for bad in ["99", "Huset A", "-1"] {
            let mut e = FieldErrors::default();
            choose(&mut e, bad, &none, 10, &existing);
            assert_eq!(e.get("premises_id"), Some("invalid-choice"), "{bad}");
        }
    }

    #[test]
    fn new_premises_from_the_unit_form_are_checked_under_their_own_field_names() {
        let existing = [p(1, 10, "Huset A")];
        let mut e = FieldErrors::default();
        let new = PremisesDraft {
            name: " Skolan ".into(),
            address: "Skolvägen 4".into(),
            shared_entrance: "no".into(),
        };
        assert_eq!(
            choose(&mut e, NEW_CHOICE, &new, 10, &existing),
            PremisesChoice::New(PremisesInput {
                name: "Skolan".into(),
                address: Some("Skolvägen 4".into()),
                shared_entrance: Some(false),
            })
        );
        assert!(e.is_empty());
        choose(&mut e, NEW_CHOICE, &PremisesDraft::default(), 10, &existing);
        assert_eq!(e.get("new_premises_name"), Some("required"));
        let mut e = FieldErrors::default();
        let same = PremisesDraft {
            name: "HUSET A".into(),
            ..Default::default()
        };
        choose(&mut e, NEW_CHOICE, &same, 10, &existing);
        assert_eq!(e.get("new_premises_name"), Some("premises-exists"));
    }

    #[test]
    fn the_label_names_the_address_when_there_is_one() {
        let mut x = p(1, 1, "Sävjahuset");
        assert_eq!(x.label(), "Sävjahuset");
        x.address = Some("Sävja torg 1".into());
        assert_eq!(x.label(), "Sävjahuset, Sävja torg 1");
        assert_eq!(find(&[x.clone()], Some(1)), Some(&x));
        assert_eq!(find(&[x], None), None);
    }
}
