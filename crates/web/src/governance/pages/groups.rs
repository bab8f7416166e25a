//! Governing groups (*grupper*): the region's groups by kind with the centres
//! each governs, a group's page with its members now and before, and
//! creating and changing groups.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use chrono::Datelike;
use samverka_app::governance::groups::{self, GroupChoices};
use samverka_core::Region;
use samverka_core::governance::drafts::GroupDraft;
use samverka_core::governance::{Assignment, AssignmentKind, GroupKind, Person};
use tower_sessions::Session;

use super::people::registry::contact_kinds;
use crate::governance::words::{display_name, employer_of, group_kind_name, kind_name, messages};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::forms::error_for;
use crate::ui::render::{after_post, html};

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
#[template(path = "governance/groups.html")]
struct GroupsPage {
    page: Page,
    region_id: i64,
    sections: Vec<GroupSection>,
    can_manage: bool,
    contact_kinds: Vec<(&'static str, String)>,
}

async fn list_groups(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let l = groups::list(&user, id).await?;
    let t = page.t;
    let group_names: std::collections::HashMap<i64, String> =
        l.groups.iter().map(|g| (g.id, g.name.clone())).collect();
    let sections = KIND_ORDER
        .iter()
        .map(|kind| {
            let groups = l
                .groups
                .iter()
                .filter(|g| g.kind == *kind)
                .map(|g| GroupLine {
                    id: g.id,
                    name: g.name.clone(),
                    municipality: g.municipality_id.and_then(|m| l.municipalities.get(&m).cloned()),
                    health_forum: g.health_forum,
                    centres: g
                        .centre_ids
                        .iter()
                        .map(|c| (*c, l.centres.get(c).cloned().unwrap_or_default()))
                        .collect(),
                    members: l.members.get(&g.id).copied().unwrap_or(0),
                    reports_to: g
                        .reports_to
                        .and_then(|r| group_names.get(&r).map(|n| (r, n.clone()))),
                    closed_on: g.closed_on.map(|d| d.to_string()),
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
    html(GroupsPage {
        page: page
            .titled(t.t("groups-title"))
            .in_region(l.region.id, &l.region.name, l.can_manage, "groups"),
        region_id: l.region.id,
        sections,
        can_manage: l.can_manage,
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
pub(crate) fn member_line(t: &Tr, a: &Assignment, p: Option<&Person>) -> MemberLine {
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
#[template(path = "governance/group.html")]
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

async fn show_group(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let g = groups::get(&user, id).await?;
    let t = page.t;
    let group = &g.group;
    let day = user.today;
    let year = day.year();
    let mut members = Vec::new();
    let mut past = Vec::new();
    let mut chair = None;
    for a in &g.seats {
        let p = g.people.get(&a.person_id);
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
    html(GroupPage {
        page: page.titled(group.name.clone()).in_region_if(
            g.in_region,
            g.region.id,
            &g.region.name,
            g.can_manage,
            "groups",
        ),
        id: group.id,
        kind: group_kind_name(&t, group.kind),
        municipality: g.municipality.clone(),
        health_forum: group.health_forum,
        closed_on: group.closed_on.map(|d| d.to_string()),
        centres: group
            .centre_ids
            .iter()
            .map(|c| (*c, g.centres.get(c).cloned().unwrap_or_default()))
            .collect(),
        reports_to: group.reports_to.and_then(|r| {
            g.region_groups
                .iter()
                .find(|x| x.id == r)
                .map(|x| (x.id, x.name.clone()))
        }),
        reported_by: g
            .region_groups
            .iter()
            .filter(|x| x.reports_to == Some(group.id))
            .map(|x| (x.id, x.name.clone()))
            .collect(),
        is_management: group.kind == GroupKind::Management,
        year,
        chair,
        members,
        past,
        can_manage: g.can_manage,
    })
}

// ---------------------------------------------------------------------------
// Creating and changing groups
// ---------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "governance/group_form.html")]
struct GroupForm {
    page: Page,
    action: String,
    cancel: String,
    draft: GroupDraft,
    kinds: Vec<(&'static str, String)>,
    municipalities: Vec<(i64, String)>,
    groups: Vec<(i64, String)>,
    centres: Vec<(i64, String)>,
    errors: Vec<(&'static str, String)>,
}

impl GroupForm {
    fn error(&self, field: &str) -> Option<&String> {
        error_for(&self.errors, field)
    }
}

struct Parts {
    title: String,
    action: String,
    cancel: String,
}

fn group_form(
    page: Page,
    region: &Region,
    parts: Parts,
    draft: GroupDraft,
    choices: GroupChoices,
    errors: Vec<(&'static str, String)>,
) -> GroupForm {
    let t = page.t;
    GroupForm {
        page: page
            .titled(parts.title)
            .in_region(region.id, &region.name, true, "groups"),
        action: parts.action,
        cancel: parts.cancel,
        draft,
        kinds: KIND_ORDER
            .iter()
            .map(|k| (k.code(), group_kind_name(&t, *k)))
            .collect(),
        municipalities: choices
            .municipalities
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect(),
        groups: choices
            .groups
            .into_iter()
            .map(|g| (g.id, format!("{} ({})", g.name, group_kind_name(&t, g.kind))))
            .collect(),
        centres: choices.centres.into_iter().map(|c| (c.id, c.name)).collect(),
        errors,
    }
}

fn new_parts(t: &Tr, region: &Region) -> Parts {
    Parts {
        title: t.t("groups-new-title"),
        action: format!("/regions/{}/groups/new", region.id),
        cancel: format!("/regions/{}/groups", region.id),
    }
}

async fn new_group_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let (region, choices) = groups::new_form(&user, id).await?;
    let parts = new_parts(&page.t, &region);
    html(group_form(
        page,
        &region,
        parts,
        GroupDraft::default(),
        choices,
        Vec::new(),
    ))
}

async fn create_group(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let draft = GroupDraft::from_pairs(pairs);
    let t = page.t;
    let result = groups::create(&user, id, &draft).await;
    let saved = |gid| (t.t("groups-flash-created"), format!("/groups/{gid}"));
    after_post(&session, result, saved, async |errors| {
        let (region, choices) = groups::new_form(&user, id).await?;
        let parts = new_parts(&t, &region);
        Ok(group_form(
            page,
            &region,
            parts,
            draft,
            choices,
            messages(&t, &errors),
        ))
    })
    .await
}

fn edit_parts(t: &Tr, id: i64, name: &str) -> Parts {
    Parts {
        title: t.t1("groups-edit-title", "name", name),
        action: format!("/groups/{id}/edit"),
        cancel: format!("/groups/{id}"),
    }
}

async fn edit_group_form(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let (group, region, choices) = groups::edit_form(&user, id).await?;
    let parts = edit_parts(&page.t, id, &group.name);
    html(group_form(
        page,
        &region,
        parts,
        GroupDraft::of(&group),
        choices,
        Vec::new(),
    ))
}

async fn update_group(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let draft = GroupDraft::from_pairs(pairs);
    let t = page.t;
    let result = groups::update(&user, id, &draft).await;
    let saved = |()| (t.t("flash-saved"), format!("/groups/{id}"));
    after_post(&session, result, saved, async |errors| {
        let (group, region, choices) = groups::edit_form(&user, id).await?;
        let parts = edit_parts(&t, id, &group.name);
        Ok(group_form(
            page,
            &region,
            parts,
            draft,
            choices,
            messages(&t, &errors),
        ))
    })
    .await
}
