//! Meetings (*sammanträden*) of governing groups: each group's list of
//! meetings, recording a meeting, its page (agenda, attendance, minutes,
//! decisions), editing it, publishing the minutes with e-mail notices, and
//! recording decisions.
//!
//! Who may read the minutes is decided in one place, [`may_read_minutes`].

mod form;
mod listing;
mod members;
mod publishing;
mod recording;
mod rules;
mod show;
#[allow(unused_imports)]
pub(crate) use form::*;
#[allow(unused_imports)]
pub(crate) use listing::*;
#[allow(unused_imports)]
pub(crate) use members::*;
#[allow(unused_imports)]
pub(crate) use publishing::*;
#[allow(unused_imports)]
pub(crate) use recording::*;
#[allow(unused_imports)]
pub(crate) use rules::*;
#[allow(unused_imports)]
pub(crate) use show::*;

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDate;
use samverka_core::governance::{AssignmentKind, AttendanceStatus, DecisionCategory, MeetingStatus};
use samverka_core::validation::{optional_text, required_text};
use samverka_core::{Actor, FieldErrors, Role, Unit};
use samverka_store::groups::{self, Group};
use samverka_store::mail::Mail;
use samverka_store::meetings::{self, Meeting, MinutesAudience};
use samverka_store::people::Person;
use samverka_store::regions::{self, Region};
use samverka_store::{assignments, centres, people};
use tower_sessions::Session;

use super::decisions::{self, DecisionLine};
use super::governance::{editable_group, viewable_group};
use super::{html, invalid, require};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::view::{self, Page};

/// Longest agenda accepted, in characters.
const AGENDA_MAX: usize = 10_000;
/// Longest minutes accepted, in characters.
const MINUTES_MAX: usize = 200_000;
/// Longest decision text accepted, in characters.
const DECISION_MAX: usize = 5_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{id}/meetings", get(list_meetings))
        .route(
            "/groups/{id}/meetings/new",
            get(new_meeting_form).post(create_meeting),
        )
        .route("/meetings/{id}", get(show_meeting))
        .route("/meetings/{id}/edit", get(edit_meeting_form).post(update_meeting))
        .route("/meetings/{id}/publish", post(publish_minutes))
        .route("/meetings/{id}/decisions", post(add_decision))
}
