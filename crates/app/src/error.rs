//! One error type for every use case, mapped once to a page or to the API's
//! JSON error shape by the web layer, and to a line by the command line.

use samverka_core::FieldErrors;
use samverka_store::StoreError;

/// What went wrong in a use case.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// No such record (or one the actor may not know exists).
    #[error("not found")]
    NotFound,
    /// The actor may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The record is not in a state that allows it (already published,
    /// closed, taken by someone else first, ...): the code says which.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The input is wrong; nothing was changed. One code per field.
    #[error("invalid: {0}")]
    Invalid(FieldErrors),
    /// The input is wrong at these places, named by a path or key the
    /// input itself chose (a survey definition's `blocks[1].questions[0]`,
    /// a response's question keys), each with a stable code; nothing was
    /// changed.
    #[error("invalid at {0:?}")]
    InvalidAt(Vec<(String, &'static str)>),
    /// The database does not answer; try again later. Nothing was changed.
    #[error("the database is unavailable")]
    Unavailable,
    /// Something broke on our side; details are in the log only.
    #[error("internal error")]
    Internal,
    /// A trial run ([`crate::Ctx::trial`]) went through every check; as
    /// promised, nothing was saved.
    #[error("trial run: nothing saved")]
    NotSaved,
}

/// Result of a use case.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// One problem with one field.
    pub fn field(field: &'static str, code: &'static str) -> Error {
        let mut e = FieldErrors::default();
        e.add(field, code);
        Error::Invalid(e)
    }

    /// Allows or forbids.
    pub fn require(allowed: bool) -> Result<()> {
        if allowed { Ok(()) } else { Err(Error::Forbidden) }
    }
}

impl From<FieldErrors> for Error {
    fn from(e: FieldErrors) -> Self {
        Error::Invalid(e)
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict { constraint } => {
                tracing::info!("conflict on {constraint}");
                Error::Conflict(conflict_code(&constraint))
            }
            StoreError::Invalid { field, code } => Error::field(field, code),
            StoreError::Unavailable(why) => {
                tracing::warn!("database unavailable: {why}");
                Error::Unavailable
            }
            other => {
                tracing::error!("store error: {other}");
                Error::Internal
            }
        }
    }
}

/// The conflict code for a broken rule of the database.
fn conflict_code(constraint: &str) -> &'static str {
    match constraint {
        "meetings.minutes_published_on" | "instrument_versions.published_on" => "already-published",
        "invitations.used" => "token-used",
        "matters.status" => "step-taken",
        "centres.closed_on" | "units.closed_on" => "closed",
        "centres.reopen" | "units.reopen" => "not-closed",
        "assignments.ends_on" => "ended",
        "people.erased_at" => "erased",
        c if c.contains("email") => "email-taken",
        _ => "exists",
    }
}
