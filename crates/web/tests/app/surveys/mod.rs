//! The survey area: answering through an anonymous link or an invitation,
//! rounds and paper forms, and the results.

mod answer;
mod invitations;
mod results;
mod rounds;
