//! The domain of samverka: family centres (*familjecentraler*), their services,
//! classification, access and the rules for who may do what.
//!
//! This crate is pure: no IO, no async, no SQL. Everything here can be tested
//! with plain values, and most of the product's tests live here.

pub mod access;
pub mod account;
pub mod centre;
pub mod classification;
pub mod clock;
pub mod code;
pub mod colocation;
pub mod governance;
pub mod hours;
pub mod policy;
pub mod population;
pub mod premises;
pub mod principal;
pub mod region;
pub mod role;
pub mod service;
pub mod surveys;
pub mod text;
pub mod validation;

pub use access::{AccessRow, AccessTotals, children_per_centre};
pub use account::Account;
pub use centre::{Centre, CentreDraft, CentreInput, Unit, UnitDraft, UnitInput};
pub use classification::{Classification, ClassificationOutcome, Finding, RuleSet, classify};
pub use code::Coded;
pub use colocation::Colocation;
pub use premises::{Premises, PremisesDraft, PremisesInput};
pub use principal::PrincipalKind;
pub use region::{Municipality, Region};
pub use role::{Actor, Grant, Role, Seat};
pub use service::{BaseService, ServiceType};
pub use validation::{FieldError, FieldErrors};
