//! "Vem beslutar för familjecentralen?": the chain of people and groups that
//! govern one centre, with contact details, and the county's compiled
//! contact list as CSV and XLSX (every cell a spreadsheet could run as a
//! formula is neutralised).

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samverka_app::Error;
use samverka_app::governance::who_decides::{self, ContactRow};
use samverka_core::Region;
use samverka_core::governance::{Assignment, AssignmentKind, Group, GroupKind, Person};
use samverka_core::text::spreadsheet_safe;
use serde::Deserialize;

use super::groups::{MemberLine, member_line, one_line_per_person};
use crate::governance::words::{display_name, employer_words, group_kind_name, kind_name};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::render::html;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/centres/{id}/governance", get(who_decides))
        .route("/regions/{id}/contacts.csv", get(contacts_csv))
        .route("/regions/{id}/contacts.xlsx", get(contacts_xlsx))
}

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
#[template(path = "governance/who_decides.html")]
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
fn block(t: &Tr, g: &Group, current: &[Assignment], people: &HashMap<i64, Person>) -> GroupBlock {
    let members = one_line_per_person(
        t,
        current
            .iter()
            .filter(|a| a.group_id == Some(g.id))
            .map(|a| member_line(t, a, people.get(&a.person_id)))
            .collect(),
    );
    GroupBlock {
        id: g.id,
        name: g.name.clone(),
        health_forum: g.health_forum,
        members,
    }
}

async fn who_decides(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let w = who_decides::for_centre(&user, id).await?;
    let t = page.t;
    let year = chrono::Datelike::year(&user.today);
    let mut coordinators: Vec<CoordinatorLine> = w
        .current
        .iter()
        .filter(|a| a.kind == AssignmentKind::LocalCoordinator && a.centre_id == Some(w.centre.id))
        .map(|a| coordinator_line(&t, a, w.people.get(&a.person_id)))
        .collect();
    coordinators.sort_by_cached_key(|c| samverka_core::text::sort_key(&c.name));
    let management = w
        .chain
        .management
        .as_ref()
        .map(|g| block(&t, g, &w.current, &w.people));
    let chair = w.chair.as_ref().map(|(a, ended)| {
        let name = w
            .people
            .get(&a.person_id)
            .map_or_else(|| t.t("value-missing"), |p| display_name(&t, p));
        match ended {
            Some(e) => t.args("who-chair-ended", &[("name", name), ("date", e.to_string())]),
            None => name,
        }
    });
    let steering = w
        .chain
        .steering
        .as_ref()
        .map(|g| block(&t, g, &w.current, &w.people));
    let preparation = w
        .chain
        .preparation
        .iter()
        .map(|g| block(&t, g, &w.current, &w.people))
        .collect();
    let county_groups = w
        .county_groups
        .iter()
        .map(|g| block(&t, g, &w.current, &w.people))
        .collect();
    let by_kind = |kind: AssignmentKind| -> Vec<CoordinatorLine> {
        let mut v: Vec<CoordinatorLine> = w
            .current
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| coordinator_line(&t, a, w.people.get(&a.person_id)))
            .collect();
        v.sort_by_cached_key(|c| samverka_core::text::sort_key(&c.name));
        v
    };
    let county_coordinators = by_kind(AssignmentKind::CountyCoordinator);
    let strategists = by_kind(AssignmentKind::CollaborationStrategist);
    html(WhoDecidesPage {
        page: page
            .titled(t.t1("who-title", "centre", &w.centre.name))
            .in_region(w.region.id, &w.region.name, w.manage, "groups"),
        centre_id: w.centre.id,
        centre_name: w.centre.name.clone(),
        municipality: w.municipality.clone().unwrap_or_else(|| t.t("value-missing")),
        closed_on: w.centre.closed_on.map(|d| d.to_string()),
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

#[derive(Deserialize, Default)]
struct ContactQuery {
    #[serde(default)]
    kind: String,
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

fn row_values(t: &Tr, region: &Region, r: &ContactRow) -> [String; 11] {
    [
        region.name.clone(),
        r.municipality.clone(),
        r.centres.clone(),
        r.group.clone(),
        r.group_kind.map(|k| group_kind_name(t, k)).unwrap_or_default(),
        kind_name(t, r.role),
        r.name.clone(),
        r.email.clone(),
        r.phone.clone(),
        employer_words(t, r.employer.0, r.employer.1.as_deref()).unwrap_or_default(),
        r.since.to_string(),
    ]
}

async fn contacts(
    user: &CurrentUser,
    id: i64,
    q: &ContactQuery,
) -> Result<(Region, Option<GroupKind>, Vec<ContactRow>), PageError> {
    let kind = match q.kind.trim() {
        "" => None,
        code => Some(GroupKind::parse(code).ok_or(PageError::BadRequest)?),
    };
    let (region, rows) = who_decides::contacts(user, id, kind).await?;
    Ok((region, kind, rows))
}

fn file_stem(t: &Tr, region: &Region, kind: Option<GroupKind>, today: chrono::NaiveDate) -> String {
    let mut base = format!("{} {}", t.t("contacts-file-name"), region.name);
    if let Some(k) = kind {
        base.push(' ');
        base.push_str(k.code());
    }
    base.push(' ');
    base.push_str(&today.to_string());
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
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ContactQuery>,
) -> Result<Response, PageError> {
    let t = page.t;
    let (region, kind, rows) = contacts(&user, id, &q).await?;
    // A byte-order mark and semicolons: what spreadsheet programs set to Swedish expect.
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let internal = |_| PageError::App(Error::Internal);
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        w.write_record(header_row(&t)).map_err(internal)?;
        for r in &rows {
            let cells = row_values(&t, &region, r);
            w.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))
                .map_err(internal)?;
        }
        w.flush().map_err(|_| PageError::App(Error::Internal))?;
    }
    Ok(attachment(
        "text/csv; charset=utf-8",
        format!("{}.csv", file_stem(&t, &region, kind, user.today)),
        out,
    ))
}

async fn contacts_xlsx(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ContactQuery>,
) -> Result<Response, PageError> {
    let t = page.t;
    let (region, kind, rows) = contacts(&user, id, &q).await?;
    let bytes = xlsx(&t, &region, &rows).map_err(|e| {
        tracing::error!("contact list workbook: {e}");
        PageError::App(Error::Internal)
    })?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("{}.xlsx", file_stem(&t, &region, kind, user.today)),
        bytes,
    ))
}

/// A workbook: cells are written as text, never as formulas.
fn xlsx(t: &Tr, region: &Region, rows: &[ContactRow]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(t.t("contacts-sheet-name"))?;
    for (col, title) in header_row(t).iter().enumerate() {
        sheet.write_string_with_format(0, u16::try_from(col).unwrap_or(u16::MAX), title, &bold)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        for (col, value) in row_values(t, region, r).iter().enumerate() {
            sheet.write_string(row, u16::try_from(col).unwrap_or(u16::MAX), value)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    book.save_to_buffer()
}
