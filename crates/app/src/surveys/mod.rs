//! Surveys (*enkäter*): instruments and their versions, rounds with their
//! anonymous links, responses (anonymous, invited or keyed in from paper),
//! and results.
//!
//! Answers are read in one place only, [`results`], which applies the
//! suppression of small groups (core's `surveys::breakdown`): pages, the
//! API, exports and the command line all go through it.

pub mod bulk;
pub mod editor;
pub mod exports;
pub mod instruments;
pub(crate) mod intake;
pub mod invitations;
pub mod responses;
pub mod results;
pub mod rounds;

use samverka_core::surveys::definition::DefinitionError;
use samverka_core::surveys::response::AnswerError;

use crate::Error;

/// A definition refused, each problem at its path.
pub(crate) fn definition_refused(errors: Vec<DefinitionError>) -> Error {
    Error::InvalidAt(errors.into_iter().map(|e| (e.path, e.code.code())).collect())
}

/// A response refused, each problem at its question (or at `language`).
pub(crate) fn answers_refused(errors: Vec<AnswerError>) -> Error {
    Error::InvalidAt(
        errors
            .into_iter()
            .map(|e| (e.question.unwrap_or_else(|| "language".into()), e.code.code()))
            .collect(),
    )
}
