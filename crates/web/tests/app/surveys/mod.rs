//! The survey area: answering through an anonymous link.

mod answer;
mod exports;
