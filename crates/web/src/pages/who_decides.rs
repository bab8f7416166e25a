//! "Vem beslutar för familjecentralen?": the chain of people and groups that
//! govern one centre, with contact details, and the county's compiled
//! contact list as CSV and XLSX.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{Datelike, NaiveDate};
use samverka_core::governance::{Assignment, AssignmentKind, GroupKind};
use samverka_store::facts;
use samverka_store::groups::{self, Group};
use samverka_store::people::{self, Person};
use samverka_store::regions::Region;
use samverka_store::{assignments, centres, municipalities};
use serde::Deserialize;

use super::groups::{MemberLine, member_line, one_line_per_person};
use super::people::{display_name, employer_of, group_kind_name, kind_name, today};
use super::{html, require, viewable_region};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::Page;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/centres/{id}/governance", get(who_decides))
        .route("/regions/{id}/contacts.csv", get(contacts_csv))
        .route("/regions/{id}/contacts.xlsx", get(contacts_xlsx))
}

/// A coordinator with their share of post.
struct CoordinatorLine {
    person_id: i64,
    name: String,
    erased: bool,
    share: String,
    paid_by: String,
    email: Option<String>,
    phone: Option<String>,
    since: String,
}

/// One group in the chain.
struct GroupBlock {
    id: i64,
    name: String,
    health_forum: bool,
    members: Vec<MemberLine>,
}

#[derive(Template)]
#[template(path = "who_decides.html")]
struct WhoDecidesPage {
    page: Page,
    centre_id: i64,
    centre_name: String,
    municipality: String,
    closed_on: Option<String>,
    year: i32,
    coordinators: Vec<CoordinatorLine>,
    management: Option<GroupBlock>,
    chair: Option<String>,
    steering: Option<GroupBlock>,
    preparation: Vec<GroupBlock>,
    county_groups: Vec<GroupBlock>,
    county_coordinators: Vec<CoordinatorLine>,
    strategists: Vec<CoordinatorLine>,
}

fn coordinator_line(t: &Tr, a: &Assignment, p: Option<&Person>) -> CoordinatorLine {
    let missing = t.t("value-missing");
    CoordinatorLine {
        person_id: a.person_id,
        name: p.map_or_else(|| missing.clone(), |p| display_name(t, p)),
        erased: p.is_some_and(|p| p.erased),
        share: a
            .share_percent
            .map_or_else(|| missing.clone(), |s| t.t1("people-share", "percent", s)),
        paid_by: a.paid_by.clone().unwrap_or_else(|| missing.clone()),
        email: p.filter(|p| !p.erased).and_then(|p| p.email.clone()),
        phone: p.filter(|p| !p.erased).and_then(|p| p.phone.clone()),
        since: a.starts_on.to_string(),
    }
}

/// The members of a group today, chair first, then by name.
fn block(t: &Tr, g: &Group, current: &[&Assignment], people: &HashMap<i64, &Person>) -> GroupBlock {
    let members = one_line_per_person(
        t,
        current
            .iter()
            .filter(|a| a.group_id == Some(g.id))
            .map(|a| member_line(t, a, people.get(&a.person_id).copied()))
            .collect(),
    );
    GroupBlock {
        id: g.id,
        name: g.name.clone(),
        health_forum: g.health_forum,
        members,
    }
}

async fn who_decides(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let centre = centres::get(&state.db, id).await?;
    require(user.actor.can_view_region(centre.region_id))?;
    let region = samverka_store::regions::get(&state.db, centre.region_id).await?;
    let t = page.t;
    let (group_list, all, people_list, munis) = tokio::try_join!(
        groups::list(&state.db, Some(region.id)),
        assignments::list(&state.db, Some(region.id)),
        people::list(&state.db, region.id),
        municipalities::list(&state.db, Some(region.id)),
    )?;
    let day = today();
    let year = day.year();
    let persons: HashMap<i64, &Person> = people_list.iter().map(|p| (p.id, p)).collect();
    let current: Vec<&Assignment> = all.iter().filter(|a| a.active_on(day)).collect();
    let mut chains = facts::chains(&group_list);
    let chain = chains.remove(&centre.id).unwrap_or_default();

    let mut coordinators: Vec<CoordinatorLine> = current
        .iter()
        .filter(|a| a.kind == AssignmentKind::LocalCoordinator && a.centre_id == Some(centre.id))
        .map(|a| coordinator_line(&t, a, persons.get(&a.person_id).copied()))
        .collect();
    coordinators.sort_by_cached_key(|c| samverka_core::text::sort_key(&c.name));

    let management = chain
        .management
        .as_ref()
        .map(|g| block(&t, g, &current, &persons));
    // This year's chair: in office today, else the one who held the chair earlier this year.
    let chair = chain.management.as_ref().and_then(|g| {
        let chairs: Vec<&Assignment> = all
            .iter()
            .filter(|a| {
                a.group_id == Some(g.id) && a.kind == AssignmentKind::ManagementChair && a.active_during(year)
            })
            .collect();
        chairs
            .iter()
            .find(|a| a.active_on(day))
            .or_else(|| {
                chairs
                    .iter()
                    .filter(|a| a.starts_on <= day)
                    .max_by_key(|a| a.starts_on)
            })
            .map(|a| {
                let name = persons
                    .get(&a.person_id)
                    .map_or_else(|| t.t("value-missing"), |p| display_name(&t, p));
                match a.ends_on {
                    Some(e) if e < day => {
                        t.args("who-chair-ended", &[("name", name), ("date", e.to_string())])
                    }
                    _ => name,
                }
            })
    });
    let steering = chain.steering.as_ref().map(|g| block(&t, g, &current, &persons));
    let preparation = chain
        .preparation
        .iter()
        .map(|g| block(&t, g, &current, &persons))
        .collect();
    let county_groups = group_list
        .iter()
        .filter(|g| g.kind == GroupKind::CountySteering && g.closed_on.is_none())
        .map(|g| block(&t, g, &current, &persons))
        .collect();
    let by_kind = |kind: AssignmentKind| -> Vec<CoordinatorLine> {
        let mut v: Vec<CoordinatorLine> = current
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| coordinator_line(&t, a, persons.get(&a.person_id).copied()))
            .collect();
        v.sort_by_cached_key(|c| samverka_core::text::sort_key(&c.name));
        v
    };
    let county_coordinators = by_kind(AssignmentKind::CountyCoordinator);
    let strategists = by_kind(AssignmentKind::CollaborationStrategist);
    let manage = user.actor.can_manage_region(region.id);
    let municipality = munis
        .iter()
        .find(|m| m.id == centre.municipality_id)
        .map_or_else(|| t.t("value-missing"), |m| m.name.clone());
    html(WhoDecidesPage {
        page: page.titled(t.t1("who-title", "centre", &centre.name)).in_region(
            region.id,
            &region.name,
            manage,
            "groups",
        ),
        centre_id: centre.id,
        centre_name: centre.name.clone(),
        municipality,
        closed_on: centre.closed_on.map(|d| d.to_string()),
        year,
        coordinators,
        management,
        chair,
        steering,
        preparation,
        county_groups,
        county_coordinators,
        strategists,
    })
}

// ---------------------------------------------------------------------------
// The compiled contact list
// ---------------------------------------------------------------------------

/// One line of the contact list.
struct ContactRow {
    level: u8,
    municipality: String,
    centres: String,
    group: String,
    group_kind: String,
    role_order: usize,
    role: String,
    name: String,
    email: String,
    phone: String,
    employer: String,
    since: NaiveDate,
}

#[derive(Deserialize, Default)]
struct ContactQuery {
    #[serde(default)]
    kind: String,
}

/// The governance contacts of a region today: every seat in a group, and
/// every coordinator and strategist; staff and erased people are left out.
/// With a kind, only seats in groups of that kind.
async fn contact_rows(
    state: &AppState,
    t: &Tr,
    region: &Region,
    kind: Option<GroupKind>,
) -> Result<Vec<ContactRow>, AppError> {
    let (group_list, all, people_list, munis, centre_list) = tokio::try_join!(
        groups::list(&state.db, Some(region.id)),
        assignments::list(&state.db, Some(region.id)),
        people::list(&state.db, region.id),
        municipalities::list(&state.db, Some(region.id)),
        centres::list(&state.db, Some(region.id)),
    )?;
    let day = today();
    let persons: HashMap<i64, &Person> = people_list.iter().map(|p| (p.id, p)).collect();
    let groups_by_id: HashMap<i64, &Group> = group_list.iter().map(|g| (g.id, g)).collect();
    let muni_names: HashMap<i64, &str> = munis.iter().map(|m| (m.id, m.name.as_str())).collect();
    let centre_info: HashMap<i64, (&str, i64)> = centre_list
        .iter()
        .map(|c| (c.id, (c.name.as_str(), c.municipality_id)))
        .collect();
    let mut rows = Vec::new();
    for a in all
        .iter()
        .filter(|a| a.active_on(day) && a.kind != AssignmentKind::StaffMember)
    {
        let Some(p) = persons.get(&a.person_id).filter(|p| !p.erased) else {
            continue;
        };
        let group = a.group_id.and_then(|g| groups_by_id.get(&g).copied());
        if let Some(k) = kind
            && group.is_none_or(|g| g.kind != k)
        {
            continue;
        }
        let centre_ids: Vec<i64> = match (group, a.centre_id) {
            (_, Some(c)) => vec![c],
            (Some(g), None) => g.centre_ids.clone(),
            (None, None) => Vec::new(),
        };
        let mut muni_ids: Vec<i64> = match group.and_then(|g| g.municipality_id) {
            Some(m) if a.centre_id.is_none() => vec![m],
            _ => centre_ids
                .iter()
                .filter_map(|c| centre_info.get(c).map(|x| x.1))
                .collect(),
        };
        muni_ids.sort_unstable();
        muni_ids.dedup();
        let mut muni_list: Vec<&str> = muni_ids
            .iter()
            .filter_map(|m| muni_names.get(m).copied())
            .collect();
        muni_list.sort_by_cached_key(|m| samverka_core::text::sort_key(m));
        let centre_names: Vec<&str> = centre_ids
            .iter()
            .filter_map(|c| centre_info.get(c).map(|x| x.0))
            .collect();
        rows.push(ContactRow {
            level: level(a.kind, group.map(|g| g.kind)),
            municipality: muni_list.join("; "),
            centres: centre_names.join("; "),
            group: group.map(|g| g.name.clone()).unwrap_or_default(),
            group_kind: group.map(|g| group_kind_name(t, g.kind)).unwrap_or_default(),
            role_order: usize::from(a.kind != AssignmentKind::ManagementChair),
            role: kind_name(t, a.kind),
            name: p.name.clone(),
            email: p.email.clone().unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            employer: employer_of(t, p).unwrap_or_default(),
            since: a.starts_on,
        });
    }
    rows.sort_by_cached_key(|r| {
        (
            r.municipality.is_empty(),
            samverka_core::text::sort_key(&r.municipality),
            r.level,
            samverka_core::text::sort_key(&r.group),
            samverka_core::text::sort_key(&r.centres),
            r.role_order,
            samverka_core::text::sort_key(&r.name),
        )
    });
    Ok(rows)
}

/// Where a row sits in the chain, from the centre up to the county.
fn level(kind: AssignmentKind, group: Option<GroupKind>) -> u8 {
    match (group, kind) {
        (_, AssignmentKind::LocalCoordinator) => 0,
        (Some(GroupKind::Management), _) => 1,
        (Some(GroupKind::Preparation), _) => 2,
        (Some(GroupKind::Steering), _) => 3,
        (Some(GroupKind::CountySteering), _) => 4,
        (Some(GroupKind::CoordinatorNetwork), _) => 5,
        (None, _) => 6,
    }
}

fn header_row(t: &Tr) -> Vec<String> {
    [
        "region",
        "municipality",
        "centres",
        "group",
        "group-kind",
        "role",
        "name",
        "email",
        "phone",
        "employer",
        "since",
    ]
    .iter()
    .map(|k| t.t(&format!("contacts-column-{k}")))
    .collect()
}

fn row_values(region: &Region, r: &ContactRow) -> [String; 11] {
    [
        region.name.clone(),
        r.municipality.clone(),
        r.centres.clone(),
        r.group.clone(),
        r.group_kind.clone(),
        r.role.clone(),
        r.name.clone(),
        r.email.clone(),
        r.phone.clone(),
        r.employer.clone(),
        r.since.to_string(),
    ]
}

/// The region and the kind asked for, checked.
async fn contact_request(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    q: &ContactQuery,
) -> Result<(Region, Option<GroupKind>), AppError> {
    let region = viewable_region(state, user, id).await?;
    let kind = match q.kind.trim() {
        "" => None,
        code => Some(GroupKind::parse(code).ok_or_else(|| AppError::BadRequest("kind".into()))?),
    };
    Ok((region, kind))
}

/// A file name made of plain letters: "kontaktlista-region-uppsala-management-2025-11-23".
fn file_stem(t: &Tr, region: &Region, kind: Option<GroupKind>) -> String {
    let mut base = format!("{} {}", t.t("contacts-file-name"), region.name);
    if let Some(k) = kind {
        base.push(' ');
        base.push_str(k.code());
    }
    base.push(' ');
    base.push_str(&today().to_string());
    let mut out = String::new();
    for c in base.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end_matches('-').to_string()
}

fn attachment(content_type: &'static str, file_name: String, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

async fn contacts_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ContactQuery>,
) -> Result<Response, AppError> {
    let t = page.t;
    let (region, kind) = contact_request(&state, &user, id, &q).await?;
    let rows = contact_rows(&state, &t, &region, kind).await?;
    // A byte-order mark and semicolons: what spreadsheet programs set to Swedish expect.
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        w.write_record(header_row(&t)).map_err(|_| AppError::Internal)?;
        for r in &rows {
            w.write_record(row_values(&region, r))
                .map_err(|_| AppError::Internal)?;
        }
        w.flush().map_err(|_| AppError::Internal)?;
    }
    Ok(attachment(
        "text/csv; charset=utf-8",
        format!("{}.csv", file_stem(&t, &region, kind)),
        out,
    ))
}

async fn contacts_xlsx(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ContactQuery>,
) -> Result<Response, AppError> {
    let t = page.t;
    let (region, kind) = contact_request(&state, &user, id, &q).await?;
    let rows = contact_rows(&state, &t, &region, kind).await?;
    let bytes = xlsx(&t, &region, &rows).map_err(|e| {
        tracing::error!("contact list workbook: {e}");
        AppError::Internal
    })?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("{}.xlsx", file_stem(&t, &region, kind)),
        bytes,
    ))
}

fn xlsx(t: &Tr, region: &Region, rows: &[ContactRow]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(t.t("contacts-sheet-name"))?;
    for (col, title) in header_row(t).iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, title, &bold)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        for (col, value) in row_values(region, r).iter().enumerate() {
            sheet.write_string(row, col as u16, value)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    book.save_to_buffer()
}
