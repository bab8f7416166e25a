//! What the platform needs besides the domain: the mail outbox and job leases.

pub mod leases;
pub mod mail;
