//! Surveys (*enkäter*): instruments and their versions, the routing that
//! decides which questions a respondent sees, the validation of a response
//! against its version, and the statistics of results with suppression of
//! small groups.
//!
//! Answers are anonymous and never tied to a person; the rules that keep
//! them so (suppression of every breakdown with fewer answers than the
//! region's threshold, complementary suppression) live here, once.

pub mod audience;
pub mod breakdown;
pub mod builtin;
pub mod definition;
pub mod export;
pub mod response;
pub mod results;
pub mod round;
pub mod routing;
