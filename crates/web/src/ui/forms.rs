//! Form problems in words: the one place field codes become messages.

use samverka_core::FieldErrors;

use crate::http::i18n::Tr;

/// The message for a field problem's code: `field-error-{code}`.
pub fn message(t: &Tr, code: &str) -> String {
    t.t(&format!("field-error-{code}"))
}

/// Every problem of a form in words, with the field it belongs to (for the
/// error summary and the messages beside the fields).
pub fn field_messages(t: &Tr, errors: &FieldErrors) -> Vec<(&'static str, String)> {
    errors.0.iter().map(|e| (e.field, message(t, e.code))).collect()
}

/// A field's error message, if the form has one for it.
pub fn field_error(t: &Tr, errors: &FieldErrors, field: &str) -> Option<String> {
    errors.get(field).map(|code| message(t, code))
}

/// The first message for a field in a list of messages.
pub fn error_for<'a>(errors: &'a [(&'static str, String)], field: &str) -> Option<&'a String> {
    errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
}

/// A yes/no/unknown answer as a form (or the API's body, turned into a
/// draft) sends it: `yes`, `no`, or empty for unknown.
pub fn yes_no_code(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

/// The choices of a yes/no/unknown radio group: value and label, unknown first.
pub fn yes_no_choices(t: &Tr) -> Vec<(&'static str, String)> {
    vec![
        ("", t.t("value-unknown")),
        ("yes", t.t("value-yes")),
        ("no", t.t("value-no")),
    ]
}
