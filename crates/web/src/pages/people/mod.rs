//! People (*personer*) and their dated assignments (*uppdrag*): the region's
//! registry, a person's page with the whole history, adding and ending
//! assignments, and the GDPR export and erasure.
//!
//! Shared words for the governance pages (kinds of assignment and group,
//! erased names, employers) live here too.

mod assigning;
mod form;
mod gdpr;
mod person;
mod registry;
#[allow(unused_imports)]
pub(crate) use assigning::*;
#[allow(unused_imports)]
pub(crate) use form::*;
#[allow(unused_imports)]
pub(crate) use gdpr::*;
#[allow(unused_imports)]
pub(crate) use person::*;
#[allow(unused_imports)]
pub(crate) use registry::*;

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use samverka_core::governance::{Assignment, AssignmentKind, GroupKind, IntroductionState, Responsible};
use samverka_core::hours::format_hours;
use samverka_core::validation::{optional_date, optional_hours, optional_text, required_text};
use samverka_core::{FieldErrors, PrincipalKind, Role};
use samverka_store::groups::{self, Group};
use samverka_store::people::{self, Person, PersonInput};
use samverka_store::regions::{self, Region};
use samverka_store::{assignments, centres, introductions, users};
use serde::Deserialize;
use tower_sessions::Session;

use super::{html, invalid, require};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/people", get(list_people))
        .route(
            "/regions/{id}/people/new",
            get(new_person_form).post(create_person),
        )
        .route("/people/{id}", get(show_person))
        .route("/people/{id}/edit", get(edit_person_form).post(update_person))
        .route(
            "/people/{id}/assignments/new",
            get(new_assignment_form).post(create_assignment),
        )
        .route("/assignments/{id}/end", post(end_assignment))
        .route("/people/{id}/erase", get(erase_form).post(erase_person))
        .route("/people/{id}/export", get(export_person))
}

// ---------------------------------------------------------------------------
// Words shared by the governance pages
// ---------------------------------------------------------------------------

/// The name of a kind of assignment ("Lokal samordnare").
pub(crate) fn kind_name(t: &Tr, k: AssignmentKind) -> String {
    t.t(&format!("people-kind-{}", k.code()))
}

/// The name of a kind of group ("Styrgrupp").
pub(crate) fn group_kind_name(t: &Tr, k: GroupKind) -> String {
    t.t(&format!("groups-kind-{}", k.code()))
}

/// A person's name as shown: "f.d. medlem" once erased.
pub(crate) fn display_name(t: &Tr, p: &Person) -> String {
    if p.erased {
        t.t("people-erased-name")
    } else {
        p.name.clone()
    }
}

/// A person's employer in words, or `None` when nothing is recorded.
pub(crate) fn employer_of(t: &Tr, p: &Person) -> Option<String> {
    match (&p.employer_name, p.employer_kind) {
        (Some(n), Some(k)) => Some(format!("{n} ({})", view::principal_name(t, Some(k)))),
        (Some(n), None) => Some(n.clone()),
        (None, Some(k)) => Some(view::principal_name(t, Some(k))),
        (None, None) => None,
    }
}

/// The share of a post and who pays, or the hours a week, in words.
pub(crate) fn scope_text(t: &Tr, a: &Assignment) -> String {
    let mut parts = Vec::new();
    if let Some(s) = a.share_percent {
        parts.push(t.t1("people-share", "percent", s));
    }
    if let Some(p) = &a.paid_by {
        parts.push(t.t1("people-paid-by", "payer", p));
    }
    if let Some(m) = a.minutes_per_week {
        parts.push(t.t1("people-hours-week", "hours", format_hours(m)));
    }
    parts.join(", ")
}

/// Problems of a form in words: this area's own messages first, then the shared ones.
pub(crate) fn messages(t: &Tr, errors: &FieldErrors) -> Vec<(&'static str, String)> {
    errors
        .0
        .iter()
        .map(|e| {
            let own = format!("people-error-{}", e.code);
            let text = if t.has(&own) {
                t.t(&own)
            } else {
                t.t(&format!("field-error-{}", e.code))
            };
            (e.field, text)
        })
        .collect()
}

/// Today, as the governance pages count it.
pub(crate) fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Where an assignment is held: a centre, a group or the county.
pub(crate) struct Places {
    /// Centre id → name.
    pub centres: HashMap<i64, String>,
    /// The region's groups by id.
    pub groups: HashMap<i64, Group>,
}

impl Places {
    /// Loads a region's centres and groups.
    pub(crate) async fn load(state: &AppState, region_id: i64) -> Result<Places, AppError> {
        let (centre_list, group_list) = tokio::try_join!(
            centres::list(&state.db, Some(region_id)),
            groups::list(&state.db, Some(region_id)),
        )?;
        Ok(Places {
            centres: centre_list.into_iter().map(|c| (c.id, c.name)).collect(),
            groups: group_list.into_iter().map(|g| (g.id, g)).collect(),
        })
    }

    /// The place's name and a link to it.
    pub(crate) fn of(&self, t: &Tr, a: &Assignment) -> (String, Option<String>) {
        if let Some(g) = a.group_id.and_then(|g| self.groups.get(&g)) {
            return (g.name.clone(), Some(format!("/groups/{}", g.id)));
        }
        if let Some(c) = a.centre_id {
            let name = self
                .centres
                .get(&c)
                .cloned()
                .unwrap_or_else(|| t.t("value-missing"));
            return (name, Some(format!("/centres/{c}")));
        }
        (t.t("people-where-county"), None)
    }
}
