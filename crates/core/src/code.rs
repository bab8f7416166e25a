//! Stable codes of the domain's enums, as stored, sent in forms and in the API.

/// An enum whose values have stable text codes (`held`, `local_coordinator`).
pub trait Coded: Sized + Copy + 'static {
    /// What kind of value this is, for messages about bad data ("meeting status").
    const KIND: &'static str;
    /// The stable code.
    fn code(self) -> &'static str;
    /// The value of a code, if it is one.
    fn from_code(text: &str) -> Option<Self>;
}

/// A stored or sent code that names no value of its kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} code {value:?}")]
pub struct UnknownCode {
    /// The kind of value expected.
    pub kind: &'static str,
    /// What was found instead.
    pub value: String,
}

/// Reads a code, or says what was wrong with it.
pub fn parse_code<T: Coded>(text: &str) -> Result<T, UnknownCode> {
    T::from_code(text).ok_or_else(|| UnknownCode {
        kind: T::KIND,
        value: text.to_string(),
    })
}
