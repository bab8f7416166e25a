//! People (*personer*): staff names and contact details, the only personal
//! data samverka holds.

use serde::{Deserialize, Serialize};

use crate::principal::PrincipalKind;

/// The name an erased person is stored under.
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

/// What is stored about a person, as entered and validated.
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

/// What was erased from the audit trail's copies stands as this.
pub const ERASED_VALUE: &str = "(raderat)";

/// Removes a person's data from a JSON copy kept in the audit trail: every
/// text that is, or contains, one of the person's names is replaced by
/// [`ERASED_NAME`], and one of their addresses or numbers by
/// [`ERASED_VALUE`]. Returns whether anything changed. Texts shorter than
/// three characters are never looked for (they would match by chance).
pub fn scrub(value: &mut serde_json::Value, names: &[String], contacts: &[String]) -> bool {
    use serde_json::Value;
    match value {
        Value::String(s) => {
            let mut out = s.clone();
            for (needles, with) in [(names, ERASED_NAME), (contacts, ERASED_VALUE)] {
                for n in needles.iter().filter(|n| n.chars().count() >= 3) {
                    if out.contains(n.as_str()) {
                        out = out.replace(n.as_str(), with);
                    }
                }
            }
            let changed = out != *s;
            *s = out;
            changed
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |acc, v| scrub(v, names, contacts) | acc),
        Value::Object(map) => map
            .values_mut()
            .fold(false, |acc, v| scrub(v, names, contacts) | acc),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubbing_finds_the_person_anywhere_in_a_copy() {
        let mut v = serde_json::json!({
            "name": "Anna Berg",
            "email": "anna.berg@heby.se",
            "nested": [{ "text": "Anna Berg väljs till ordförande" }, 42],
            "other": "Bo Ek",
        });
        let changed = scrub(
            &mut v,
            &["Anna Berg".into()],
            &["anna.berg@heby.se".into(), "07".into()],
        );
        assert!(changed);
        assert_eq!(v["name"], ERASED_NAME);
        assert_eq!(v["email"], ERASED_VALUE);
        assert_eq!(
            v["nested"][0]["text"],
            format!("{ERASED_NAME} väljs till ordförande")
        );
        assert_eq!(v["other"], "Bo Ek");
        assert!(
            !scrub(&mut v, &["Anna Berg".into()], &[]),
            "nothing left to change"
        );
    }
}
