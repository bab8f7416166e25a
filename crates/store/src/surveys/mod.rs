//! Surveys (*enkäter*): instruments and their versions, rounds with their
//! centres' anonymous links, personal invitations, and the anonymous
//! responses with the counts that results read.
//!
//! Privacy is the point: a response keeps no person, token, session,
//! address or time finer than its day, and leaves no audit entry; an
//! invitation keeps whether it was used, never when.

pub mod counts;
pub mod exports;
pub mod instruments;
pub mod invitations;
pub mod responses;
pub mod rounds;
