//! Field-level validation errors, as codes the web layer turns into words.

use serde::Serialize;

/// One problem with one field of a form or an API request.
///
/// `code` is a stable identifier (`required`, `too-long`, ...) that the web
/// layer maps to a message in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name as it appears in the form and the API.
    pub field: &'static str,
    /// What is wrong, as a stable code.
    pub code: &'static str,
}

/// All problems found in one form. Empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// Records a problem.
    pub fn add(&mut self, field: &'static str, code: &'static str) {
        self.0.push(FieldError { field, code });
    }

    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first problem with a field, if any.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.code)
    }

    /// The same problems with fields renamed by `(from, to)` pairs: a rule
    /// shared by a form and the API names the form's fields, and the API
    /// names its body's.
    pub fn renamed(mut self, names: &[(&str, &'static str)]) -> FieldErrors {
        for e in &mut self.0 {
            if let Some((_, to)) = names.iter().find(|(from, _)| *from == e.field) {
                e.field = to;
            }
        }
        self
    }

    /// `Ok(value)` when nothing is wrong, otherwise the errors.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() { Ok(value) } else { Err(self) }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.code))
            .collect();
        f.write_str(&parts.join(", "))
    }
}

impl std::error::Error for FieldErrors {}

/// Trims a required text field; records `required` or `too-long`.
pub fn required_text(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors.add(field, "required");
    } else if v.chars().count() > max {
        errors.add(field, "too-long");
    }
    v.to_string()
}

/// Trims an optional text field; empty becomes `None`; records `too-long`.
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> Option<String> {
    let v = value.trim();
    if v.chars().count() > max {
        errors.add(field, "too-long");
    }
    (!v.is_empty()).then(|| v.to_string())
}

/// Parses an optional ISO date (`2025-01-31`); records `invalid-date`.
pub fn optional_date(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<chrono::NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.add(field, "invalid-date");
            None
        }
    }
}

/// Parses an optional yes/no/unknown choice (`yes`, `no`, empty); records `invalid-choice`.
pub fn optional_bool(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<bool> {
    match value.trim() {
        "" | "unknown" => None,
        "yes" | "true" | "1" => Some(true),
        "no" | "false" | "0" => Some(false),
        _ => {
            errors.add(field, "invalid-choice");
            None
        }
    }
}

/// Parses optional hours (`15,5`); records `invalid-hours`.
pub fn optional_hours(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<i64> {
    if value.trim().is_empty() {
        return None;
    }
    let parsed = crate::hours::parse_hours(value);
    if parsed.is_none() {
        errors.add(field, "invalid-hours");
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_every_problem() {
        let mut e = FieldErrors::default();
        assert_eq!(required_text(&mut e, "name", "  ", 10), "");
        assert_eq!(
            optional_text(&mut e, "address", "x".repeat(11).as_str(), 10).as_deref(),
            Some("xxxxxxxxxxx")
        );
        assert_eq!(optional_date(&mut e, "opened_on", "2025-13-01"), None);
        assert_eq!(optional_bool(&mut e, "shared", "maybe"), None);
        assert_eq!(optional_hours(&mut e, "hours", "many"), None);
        assert_eq!(e.get("name"), Some("required"));
        assert_eq!(e.get("address"), Some("too-long"));
        assert_eq!(e.get("opened_on"), Some("invalid-date"));
        assert_eq!(e.get("shared"), Some("invalid-choice"));
        assert_eq!(e.get("hours"), Some("invalid-hours"));
        assert_eq!(e.0.len(), 5);
    }

    #[test]
    fn empty_optional_fields_are_unknown_not_false() {
        let mut e = FieldErrors::default();
        assert_eq!(optional_bool(&mut e, "x", ""), None);
        assert_eq!(optional_hours(&mut e, "x", ""), None);
        assert_eq!(optional_date(&mut e, "x", ""), None);
        assert!(e.is_empty());
    }
}
