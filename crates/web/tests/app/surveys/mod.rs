//! The survey area: answering through an anonymous link, and the results.

mod answer;
mod results;
