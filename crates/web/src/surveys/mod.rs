//! The survey area: the pages a respondent answers on (and, to come, the
//! instrument editor, rounds, results and their API), side by side.

pub mod pages;
