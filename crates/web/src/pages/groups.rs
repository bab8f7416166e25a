//! Governing groups (*grupper*): the region's groups by kind with the centres
//! each governs, a group's page with its members now and before, and
//! creating and changing groups.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::Datelike;
use samverka_core::FieldErrors;
use samverka_core::governance::{AssignmentKind, GroupKind};
use samverka_core::validation::required_text;
use samverka_store::groups::{self, Group, GroupInput};
use samverka_store::municipalities::{self, Municipality};
use samverka_store::people::{self, Person};
use samverka_store::regions::Region;
use samverka_store::{assignments, centres};
use tower_sessions::Session;

use super::governance::viewable_group;
use super::people::{contact_kinds, display_name, employer_of, group_kind_name, kind_name, messages, today};
use super::{html, invalid, managed_region, require, viewable_region};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::{self, Page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/groups", get(list_groups))
        .route("/regions/{id}/groups/new", get(new_group_form).post(create_group))
        .route("/groups/{id}", get(show_group))
        .route("/groups/{id}/edit", get(edit_group_form).post(update_group))
}

/// The order kinds are shown in: from the municipality up to the county.
const KIND_ORDER: [GroupKind; 5] = [
    GroupKind::Steering,
    GroupKind::Management,
    GroupKind::Preparation,
    GroupKind::CountySteering,
    GroupKind::CoordinatorNetwork,
];

struct GroupLine {
    id: i64,
    name: String,
    municipality: Option<String>,
    health_forum: bool,
    centres: Vec<(i64, String)>,
    members: usize,
    reports_to: Option<(i64, String)>,
    closed_on: Option<String>,
}

struct GroupSection {
    code: &'static str,
    title: String,
    lead: String,
    groups: Vec<GroupLine>,
}

#[derive(Template)]
#[template(path = "groups.html")]
struct GroupsPage {
    page: Page,
    region_id: i64,
    sections: Vec<GroupSection>,
    can_manage: bool,
    contact_kinds: Vec<(&'static str, String)>,
}

async fn list_groups(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let region = viewable_region(&state, &user, id).await?;
    let t = page.t;
    let (group_list, centre_list, munis, all) = tokio::try_join!(
        groups::list(&state.db, Some(region.id)),
        centres::list(&state.db, Some(region.id)),
        municipalities::list(&state.db, Some(region.id)),
        assignments::list(&state.db, Some(region.id)),
    )?;
    let centre_names: HashMap<i64, String> = centre_list.into_iter().map(|c| (c.id, c.name)).collect();
    let muni_names: HashMap<i64, String> = munis.into_iter().map(|m| (m.id, m.name)).collect();
    let group_names: HashMap<i64, String> = group_list.iter().map(|g| (g.id, g.name.clone())).collect();
    let day = today();
    let mut members: HashMap<i64, std::collections::HashSet<i64>> = HashMap::new();
    for a in all.iter().filter(|a| a.active_on(day)) {
        if let Some(g) = a.group_id {
            members.entry(g).or_default().insert(a.person_id);
        }
    }
    let sections = KIND_ORDER
        .iter()
        .map(|kind| {
            let groups = group_list
                .iter()
                .filter(|g| g.kind == *kind)
                .map(|g| GroupLine {
                    id: g.id,
                    name: g.name.clone(),
                    municipality: g.municipality_id.and_then(|m| muni_names.get(&m).cloned()),
                    health_forum: g.health_forum,
                    centres: g
                        .centre_ids
                        .iter()
                        .map(|c| (*c, centre_names.get(c).cloned().unwrap_or_default()))
                        .collect(),
                    members: members.get(&g.id).map_or(0, |s| s.len()),
                    reports_to: g
                        .reports_to
                        .and_then(|r| group_names.get(&r).map(|n| (r, n.clone()))),
                    closed_on: g.closed_on.clone(),
                })
                .collect();
            GroupSection {
                code: kind.code(),
                title: t.t(&format!("groups-section-{}", kind.code())),
                lead: t.t(&format!("groups-lead-{}", kind.code())),
                groups,
            }
        })
        .collect();
    let can_manage = user.actor.can_manage_region(region.id);
    html(GroupsPage {
        page: page
            .titled(t.t("groups-title"))
            .in_region(region.id, &region.name, can_manage, "groups"),
        region_id: region.id,
        sections,
        can_manage,
        contact_kinds: contact_kinds(&t),
    })
}

/// A member of a group, now or before.
pub(crate) struct MemberLine {
    pub person_id: i64,
    pub name: String,
    pub erased: bool,
    pub role: String,
    pub employer: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub since: String,
    pub until: Option<String>,
}

/// A member line for one assignment.
pub(crate) fn member_line(
    t: &Tr,
    a: &samverka_core::governance::Assignment,
    p: Option<&Person>,
) -> MemberLine {
    let missing = t.t("value-missing");
    MemberLine {
        person_id: a.person_id,
        name: p.map_or_else(|| missing.clone(), |p| display_name(t, p)),
        erased: p.is_some_and(|p| p.erased),
        role: kind_name(t, a.kind),
        employer: p
            .and_then(|p| employer_of(t, p))
            .unwrap_or_else(|| missing.clone()),
        email: p.filter(|p| !p.erased).and_then(|p| p.email.clone()),
        phone: p.filter(|p| !p.erased).and_then(|p| p.phone.clone()),
        since: a.starts_on.to_string(),
        until: a.ends_on.map(|d| d.to_string()),
    }
}

/// One line per person: someone holding two seats in a group (member and
/// chair) is one member, with both roles, chair first, since the earliest.
pub(crate) fn one_line_per_person(t: &Tr, mut lines: Vec<MemberLine>) -> Vec<MemberLine> {
    let chair = kind_name(t, AssignmentKind::ManagementChair);
    lines.sort_by_cached_key(|m| (m.person_id, m.role != chair));
    let mut out: Vec<MemberLine> = Vec::with_capacity(lines.len());
    for m in lines {
        match out.last_mut() {
            Some(last) if last.person_id == m.person_id => {
                last.role = format!("{}, {}", last.role, m.role.to_lowercase());
                if m.since < last.since {
                    last.since = m.since;
                }
            }
            _ => out.push(m),
        }
    }
    out.sort_by_cached_key(|m| {
        (
            !m.role.starts_with(&chair),
            samverka_core::text::sort_key(&m.name),
        )
    });
    out
}

#[derive(Template)]
#[template(path = "group.html")]
struct GroupPage {
    page: Page,
    id: i64,
    kind: String,
    municipality: Option<String>,
    health_forum: bool,
    closed_on: Option<String>,
    centres: Vec<(i64, String)>,
    reports_to: Option<(i64, String)>,
    reported_by: Vec<(i64, String)>,
    is_management: bool,
    year: i32,
    chair: Option<String>,
    members: Vec<MemberLine>,
    past: Vec<MemberLine>,
    can_manage: bool,
}

async fn show_group(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (group, region) = viewable_group(&state, &user, id).await?;
    let t = page.t;
    let (group_list, centre_list, munis, all, people_list) = tokio::try_join!(
        groups::list(&state.db, Some(region.id)),
        centres::list(&state.db, Some(region.id)),
        municipalities::list(&state.db, Some(region.id)),
        assignments::list(&state.db, Some(region.id)),
        people::list(&state.db, region.id),
    )?;
    let centre_names: HashMap<i64, String> = centre_list.into_iter().map(|c| (c.id, c.name)).collect();
    let by_person: HashMap<i64, &Person> = people_list.iter().map(|p| (p.id, p)).collect();
    let day = today();
    let year = day.year();
    let mut members = Vec::new();
    let mut past = Vec::new();
    let mut chair = None;
    for a in all.iter().filter(|a| a.group_id == Some(group.id)) {
        let p = by_person.get(&a.person_id).copied();
        let line = member_line(&t, a, p);
        if a.kind == AssignmentKind::ManagementChair
            && a.active_during(year)
            && (chair.is_none() || a.active_on(day))
        {
            chair = Some(line.name.clone());
        }
        if a.ends_on.is_some_and(|e| e < day) {
            past.push(line);
        } else if a.starts_on <= day {
            members.push(line);
        }
    }
    let members = one_line_per_person(&t, members);
    past.sort_by(|a, b| b.until.cmp(&a.until));
    let can_manage = user.actor.can_manage_region(region.id);
    html(GroupPage {
        page: page
            .titled(group.name.clone())
            .in_region(region.id, &region.name, can_manage, "groups"),
        id: group.id,
        kind: group_kind_name(&t, group.kind),
        municipality: group
            .municipality_id
            .and_then(|m| munis.iter().find(|x| x.id == m).map(|x| x.name.clone())),
        health_forum: group.health_forum,
        closed_on: group.closed_on.clone(),
        centres: group
            .centre_ids
            .iter()
            .map(|c| (*c, centre_names.get(c).cloned().unwrap_or_default()))
            .collect(),
        reports_to: group.reports_to.and_then(|r| {
            group_list
                .iter()
                .find(|g| g.id == r)
                .map(|g| (g.id, g.name.clone()))
        }),
        reported_by: group_list
            .iter()
            .filter(|g| g.reports_to == Some(group.id))
            .map(|g| (g.id, g.name.clone()))
            .collect(),
        is_management: group.kind == GroupKind::Management,
        year,
        chair,
        members,
        past,
        can_manage,
    })
}

// ---------------------------------------------------------------------------
// Creating and changing groups
// ---------------------------------------------------------------------------

/// The group form as sent.
#[derive(Default, Clone)]
struct GroupDraft {
    kind: String,
    name: String,
    municipality_id: String,
    reports_to: String,
    health_forum: bool,
    centres: Vec<String>,
}

impl GroupDraft {
    /// Reads the form, whose `centre` field may repeat.
    fn parse(body: &[u8]) -> Result<GroupDraft, AppError> {
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(body).map_err(|_| AppError::BadRequest("form".into()))?;
        let mut d = GroupDraft::default();
        for (k, v) in pairs {
            match k.as_str() {
                "kind" => d.kind = v,
                "name" => d.name = v,
                "municipality_id" => d.municipality_id = v,
                "reports_to" => d.reports_to = v,
                "health_forum" => d.health_forum = matches!(v.as_str(), "1" | "yes" | "on" | "true"),
                "centre" => d.centres.push(v),
                _ => {}
            }
        }
        Ok(d)
    }

    fn of(g: &Group) -> GroupDraft {
        GroupDraft {
            kind: g.kind.code().into(),
            name: g.name.clone(),
            municipality_id: g.municipality_id.map(|m| m.to_string()).unwrap_or_default(),
            reports_to: g.reports_to.map(|m| m.to_string()).unwrap_or_default(),
            health_forum: g.health_forum,
            centres: g.centre_ids.iter().map(i64::to_string).collect(),
        }
    }

    fn has_centre(&self, id: &i64) -> bool {
        self.centres.iter().any(|c| c.trim() == id.to_string())
    }

    fn validate(&self, choices: &GroupChoices) -> Result<GroupInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = GroupKind::parse(&self.kind);
        if kind.is_none() {
            errors.add(
                "kind",
                if self.kind.trim().is_empty() {
                    "required"
                } else {
                    "invalid-choice"
                },
            );
        }
        let name = required_text(&mut errors, "name", &self.name, 200);
        let municipality_id = match self.municipality_id.trim() {
            "" => {
                if kind == Some(GroupKind::Steering) {
                    errors.add("municipality_id", "steering-needs-municipality");
                }
                None
            }
            v => match v.parse::<i64>() {
                Ok(m) if choices.municipalities.iter().any(|x| x.id == m) => Some(m),
                _ => {
                    errors.add("municipality_id", "invalid-choice");
                    None
                }
            },
        };
        let reports_to = match self.reports_to.trim() {
            "" => None,
            v => match v.parse::<i64>() {
                Ok(g) if choices.groups.iter().any(|(id, _)| *id == g) => Some(g),
                _ => {
                    errors.add("reports_to", "invalid-choice");
                    None
                }
            },
        };
        let mut centre_ids = Vec::new();
        for c in &self.centres {
            match c.trim().parse::<i64>() {
                Ok(id) if choices.centres.iter().any(|(x, _)| *x == id) => {
                    if !centre_ids.contains(&id) {
                        centre_ids.push(id);
                    }
                }
                _ => {
                    errors.add("centre", "invalid-choice");
                    break;
                }
            }
        }
        let Some(kind) = kind else { return Err(errors) };
        errors.into_result(GroupInput {
            kind,
            name,
            municipality_id,
            reports_to,
            health_forum: kind == GroupKind::Steering && self.health_forum,
            centre_ids,
        })
    }
}

struct GroupChoices {
    municipalities: Vec<Municipality>,
    /// Groups this one may report to.
    groups: Vec<(i64, String)>,
    centres: Vec<(i64, String)>,
}

async fn group_choices(
    state: &AppState,
    t: &Tr,
    region_id: i64,
    own: Option<&Group>,
) -> Result<GroupChoices, AppError> {
    let (munis, group_list, centre_list) = tokio::try_join!(
        municipalities::list(&state.db, Some(region_id)),
        groups::list(&state.db, Some(region_id)),
        centres::list(&state.db, Some(region_id)),
    )?;
    let own_id = own.map(|g| g.id);
    let current_up = own.and_then(|g| g.reports_to);
    let governed: Vec<i64> = own.map(|g| g.centre_ids.clone()).unwrap_or_default();
    Ok(GroupChoices {
        municipalities: munis,
        groups: group_list
            .into_iter()
            .filter(|g| Some(g.id) != own_id && (g.closed_on.is_none() || Some(g.id) == current_up))
            .map(|g| (g.id, format!("{} ({})", g.name, group_kind_name(t, g.kind))))
            .collect(),
        centres: centre_list
            .into_iter()
            .filter(|c| c.closed_on.is_none() || governed.contains(&c.id))
            .map(|c| (c.id, c.name))
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "group_form.html")]
struct GroupForm {
    page: Page,
    action: String,
    cancel: String,
    draft: GroupDraft,
    kinds: Vec<(&'static str, String)>,
    choices: GroupChoices,
    errors: Vec<(&'static str, String)>,
}

impl GroupForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
}

#[expect(clippy::too_many_arguments, reason = "the parts of one form")]
fn group_form(
    page: Page,
    region: &Region,
    title: String,
    action: String,
    cancel: String,
    draft: GroupDraft,
    choices: GroupChoices,
    errors: Vec<(&'static str, String)>,
) -> GroupForm {
    let t = page.t;
    GroupForm {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, true, "groups"),
        action,
        cancel,
        draft,
        kinds: KIND_ORDER
            .iter()
            .map(|k| (k.code(), group_kind_name(&t, *k)))
            .collect(),
        choices,
        errors,
    }
}

async fn new_group_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    let t = page.t;
    let choices = group_choices(&state, &t, region.id, None).await?;
    html(group_form(
        page,
        &region,
        t.t("groups-new-title"),
        format!("/regions/{}/groups/new", region.id),
        format!("/regions/{}/groups", region.id),
        GroupDraft::default(),
        choices,
        Vec::new(),
    ))
}

async fn create_group(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let region = managed_region(&state, &user, id).await?;
    let draft = GroupDraft::parse(&body)?;
    let t = page.t;
    let choices = group_choices(&state, &t, region.id, None).await?;
    match draft.validate(&choices) {
        Ok(input) => {
            let gid = groups::create(&state.db, &user.who(), region.id, &input).await?;
            view::flash(&session, t.t("groups-flash-created")).await;
            Ok(Redirect::to(&format!("/groups/{gid}")).into_response())
        }
        Err(errors) => invalid(group_form(
            page,
            &region,
            t.t("groups-new-title"),
            format!("/regions/{}/groups/new", region.id),
            format!("/regions/{}/groups", region.id),
            draft,
            choices,
            messages(&t, &errors),
        )),
    }
}

/// A group the account may change (county coordinators and admins).
async fn managed_group(state: &AppState, user: &CurrentUser, id: i64) -> Result<(Group, Region), AppError> {
    let group = groups::get(&state.db, id).await?;
    require(user.actor.can_manage_region(group.region_id))?;
    let region = samverka_store::regions::get(&state.db, group.region_id).await?;
    Ok((group, region))
}

async fn edit_group_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (group, region) = managed_group(&state, &user, id).await?;
    let t = page.t;
    let choices = group_choices(&state, &t, region.id, Some(&group)).await?;
    html(group_form(
        page,
        &region,
        t.t1("groups-edit-title", "name", &group.name),
        format!("/groups/{id}/edit"),
        format!("/groups/{id}"),
        GroupDraft::of(&group),
        choices,
        Vec::new(),
    ))
}

async fn update_group(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let (group, region) = managed_group(&state, &user, id).await?;
    let draft = GroupDraft::parse(&body)?;
    let t = page.t;
    let choices = group_choices(&state, &t, region.id, Some(&group)).await?;
    match draft.validate(&choices) {
        Ok(input) => {
            groups::update(&state.db, &user.who(), id, &input).await?;
            view::flash(&session, t.t("flash-saved")).await;
            Ok(Redirect::to(&format!("/groups/{id}")).into_response())
        }
        Err(errors) => invalid(group_form(
            page,
            &region,
            t.t1("groups-edit-title", "name", &group.name),
            format!("/groups/{id}/edit"),
            format!("/groups/{id}"),
            draft,
            choices,
            messages(&t, &errors),
        )),
    }
}
