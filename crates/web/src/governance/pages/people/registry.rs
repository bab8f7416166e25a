//! The region's registry of people, filterable by kind of assignment.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query};
use axum::response::Response;
use chrono::NaiveDate;
use samverka_app::governance::{Places, people};
use samverka_core::governance::introduction::is_new_to_role;
use samverka_core::governance::{
    Assignment, AssignmentKind, GovernanceSettings, GroupKind, IntroductionState,
};
use serde::Deserialize;

use super::place_of;
use crate::governance::words::{display_name, employer_of, group_kind_name, kind_name, scope_text};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::ui::Page;
use crate::ui::render::html;

/// One assignment in a list.
pub(crate) struct AssignmentLine {
    pub(crate) id: i64,
    pub(crate) kind: String,
    pub(crate) place: String,
    pub(crate) place_href: Option<String>,
    pub(crate) scope: String,
    pub(crate) starts_on: String,
    pub(crate) ends_on: Option<String>,
    pub(crate) status: String,
    pub(crate) introduction: Option<String>,
    pub(crate) introduction_late: bool,
    pub(crate) can_end: bool,
}

pub(crate) struct PersonLine {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) erased: bool,
    pub(crate) current: Vec<AssignmentLine>,
    pub(crate) email: Option<String>,
    pub(crate) phone: Option<String>,
    pub(crate) employer: String,
}

#[derive(Template)]
#[template(path = "governance/people.html")]
pub(crate) struct PeoplePage {
    pub(crate) page: Page,
    pub(crate) region_id: i64,
    pub(crate) people: Vec<PersonLine>,
    pub(crate) kinds: Vec<(&'static str, String)>,
    pub(crate) kind: String,
    pub(crate) can_manage: bool,
    pub(crate) contact_kinds: Vec<(&'static str, String)>,
}

#[derive(Deserialize, Default)]
pub(crate) struct KindQuery {
    #[serde(default)]
    pub(crate) kind: String,
}

pub(crate) fn all_kinds(t: &Tr) -> Vec<(&'static str, String)> {
    AssignmentKind::ALL
        .iter()
        .map(|k| (k.code(), kind_name(t, *k)))
        .collect()
}

/// The group kinds the contact list can be filtered by.
pub(crate) fn contact_kinds(t: &Tr) -> Vec<(&'static str, String)> {
    GroupKind::ALL
        .iter()
        .map(|k| (k.code(), group_kind_name(t, *k)))
        .collect()
}

pub(crate) async fn list_people(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<KindQuery>,
) -> Result<Response, PageError> {
    let filter = AssignmentKind::parse(&q.kind);
    let r = people::registry(&user, id, filter).await?;
    let t = page.t;
    let day = user.today;
    let missing = t.t("value-missing");
    let lines = r
        .people
        .iter()
        .map(|p| PersonLine {
            id: p.id,
            name: display_name(&t, p),
            erased: p.erased,
            current: r
                .current
                .get(&p.id)
                .map(|v| {
                    v.iter()
                        .map(|a| line(&t, a, &r.places, None, day, false))
                        .collect()
                })
                .unwrap_or_default(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            employer: employer_of(&t, p).unwrap_or_else(|| missing.clone()),
        })
        .collect();
    html(PeoplePage {
        page: page
            .titled(t.t("people-title"))
            .in_region(r.region.id, &r.region.name, r.can_manage, "people"),
        region_id: r.region.id,
        people: lines,
        kinds: all_kinds(&t),
        kind: filter.map(|k| k.code().to_string()).unwrap_or_default(),
        can_manage: r.can_manage,
        contact_kinds: contact_kinds(&t),
    })
}

/// What the introduction column of a person's assignments is read from.
#[derive(Clone, Copy)]
pub(crate) struct Introduced<'a> {
    /// When each assignment was introduced.
    pub on: &'a HashMap<i64, NaiveDate>,
    /// The region's rules (deadline, who introduces whom).
    pub settings: &'a GovernanceSettings,
    /// The person's assignments (only a role new to them needs an introduction).
    pub history: &'a [Assignment],
}

/// One assignment as a line, with its introduction when it makes the person new to a role.
pub(crate) fn line(
    t: &Tr,
    a: &Assignment,
    places: &Places,
    introduced: Option<Introduced<'_>>,
    day: NaiveDate,
    can_end: bool,
) -> AssignmentLine {
    let (place, place_href) = place_of(t, places, a);
    let status = if a.starts_on > day {
        t.t1("people-status-planned", "date", a.starts_on)
    } else if a.ends_on.is_some_and(|e| e < day) {
        t.t("people-status-ended")
    } else {
        t.t("people-status-current")
    };
    let who = introduced
        .filter(|i| is_new_to_role(a, i.history))
        .and_then(|i| Some((i, i.settings.introducers.for_kind(a.kind)?)));
    let (introduction, introduction_late) = match who {
        Some((i, who)) => {
            let within_days = i.settings.introduction_within_days;
            let state = IntroductionState::of(a.starts_on, i.on.get(&a.id).copied(), within_days, day);
            let by = t.t(&format!("people-intro-by-{}", who.code()));
            let text = match state {
                IntroductionState::Done { on } => t.t1("people-intro-done", "date", on),
                IntroductionState::DoneLate { on, due } => t.args(
                    "people-intro-late",
                    &[("date", on.to_string()), ("due", due.to_string())],
                ),
                IntroductionState::Pending { due } => t.t1("people-intro-pending", "due", due),
                IntroductionState::Overdue { due } => t.t1("people-intro-overdue", "due", due),
            };
            (Some(format!("{text} {by}")), state.is_late())
        }
        _ => (None, false),
    };
    AssignmentLine {
        id: a.id,
        kind: kind_name(t, a.kind),
        place,
        place_href,
        scope: scope_text(t, a),
        starts_on: a.starts_on.to_string(),
        ends_on: a.ends_on.map(|d| d.to_string()),
        status,
        introduction,
        introduction_late,
        can_end,
    }
}
