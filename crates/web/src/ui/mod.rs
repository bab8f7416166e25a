//! What every page shares: the frame (title, account, language switch,
//! region tabs built from the list of areas, flash messages), the words for
//! the domain's codes, and the form helpers.

pub mod charts;
pub mod forms;
pub mod nav;
pub mod page;
pub mod render;
pub mod words;

pub use page::{Page, flash};
