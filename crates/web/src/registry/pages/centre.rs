//! `/centres/{id}`: a centre's page, with the reason for its classification
//! and its governance signals this year.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;
use chrono::Datelike;
use samverka_app::registry::centres;
use samverka_core::hours::format_hours;

use crate::governance::words::centre_signals_html;
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::render::html;
use crate::ui::{Page, words as view};

pub fn router() -> Router<AppState> {
    Router::new().route("/centres/{id}", get(show_centre))
}

pub struct UnitLine {
    pub id: i64,
    pub service: String,
    pub name: String,
    pub principal: String,
    pub premises: String,
    pub full_operation: String,
    pub hours: String,
    pub closed_on: Option<String>,
}

/// One of the centre's premises (*lokaler*), with the services in them.
pub struct PremisesLine {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub shared_entrance: String,
    pub units: String,
}

#[derive(Template)]
#[template(path = "registry/centre.html")]
struct CentrePage {
    page: Page,
    id: i64,
    municipality: String,
    address: String,
    opened_on: String,
    closed_on: Option<String>,
    shared_hours: String,
    classification: String,
    class_code: &'static str,
    possible: Option<String>,
    findings: Vec<String>,
    rules: String,
    colocation: String,
    units: Vec<UnitLine>,
    premises: Vec<PremisesLine>,
    can_edit: bool,
    can_close: bool,
    can_reopen: bool,
    /// The centre's governance signals this year, rendered (autoescaped) by the governance area.
    signals_html: String,
}

async fn show_centre(user: CurrentUser, page: Page, Path(id): Path<i64>) -> Result<Response, PageError> {
    let year = user.today.year();
    let (d, sig) = centres::with_signals(&user, id, year).await?;
    let t = page.t;
    let c = &d.view;
    let missing = t.t("value-missing");
    let units = c
        .units
        .iter()
        .map(|u| UnitLine {
            id: u.id,
            service: view::service_name(&t, u.service),
            name: u.name.clone().unwrap_or_default(),
            principal: match (&u.principal_name, u.principal_kind) {
                (Some(n), k) => format!("{n} ({})", view::principal_name(&t, k)),
                (None, Some(k)) => view::principal_name(&t, Some(k)),
                (None, None) => missing.clone(),
            },
            premises: c
                .premises_of(u)
                .map(samverka_core::Premises::label)
                .unwrap_or_else(|| missing.clone()),
            full_operation: view::yes_no(&t, u.full_operation),
            hours: u
                .minutes_per_week
                .map(format_hours)
                .unwrap_or_else(|| missing.clone()),
            closed_on: u.closed_on.map(|d| d.to_string()),
        })
        .collect();
    let premises = c
        .premises
        .iter()
        .map(|p| {
            let here: Vec<String> = c
                .current_units()
                .filter(|u| u.premises_id == Some(p.id))
                .map(|u| view::service_name(&t, u.service))
                .collect();
            PremisesLine {
                id: p.id,
                name: p.name.clone(),
                address: p.address.clone().unwrap_or_else(|| missing.clone()),
                shared_entrance: view::yes_no(&t, p.shared_entrance),
                units: if here.is_empty() {
                    t.t("premises-no-units")
                } else {
                    here.join(", ")
                },
            }
        })
        .collect();
    let possible = c.outcome.possible.map(|(lo, hi)| {
        t.args(
            "centre-possible",
            &[
                ("low", view::classification_in_sentence(&t, Some(lo))),
                ("high", view::classification_in_sentence(&t, Some(hi))),
            ],
        )
    });
    let signals_html = centre_signals_html(&t, d.region.id, year, &sig)?;
    let title = c.centre.name.clone();
    html(CentrePage {
        page: page
            .titled(title)
            .in_region(d.region.id, &d.region.name, d.manage, "overview"),
        id: c.centre.id,
        municipality: c.municipality.clone(),
        address: c.centre.address.clone().unwrap_or_else(|| missing.clone()),
        opened_on: c
            .centre
            .opened_on
            .map(|d| d.to_string())
            .unwrap_or_else(|| missing.clone()),
        closed_on: c.centre.closed_on.map(|d| d.to_string()),
        shared_hours: c
            .centre
            .shared_opening_minutes
            .map(format_hours)
            .unwrap_or_else(|| missing.clone()),
        classification: view::classification_name(&t, c.outcome.classification),
        class_code: c.outcome.classification.map_or("undetermined", |x| x.code()),
        possible,
        findings: view::reasons(&t, &c.outcome),
        rules: view::preset_name(&t, c.outcome.preset),
        colocation: view::colocation_name(&t, c.colocation),
        units,
        premises,
        can_edit: d.can_edit,
        can_close: d.can_close,
        can_reopen: d.can_reopen,
        signals_html,
    })
}
