//! `/regions/{id}`: the county overview (*länsöversikt*) in two tables that
//! each fit a laptop screen and a portrait A4 page: every centre with its
//! classification and its governance signals for the year (this year unless
//! `?year=`), then the services, counted the way the county's report counts
//! them (open preschool run by another party, e.g. the Church of Sweden in
//! Heby, counts as another party). A GET form filters by class, municipality
//! and signal level.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use samverka_app::governance::signals::chosen_year;
use samverka_app::registry::centres::{self, CentreView, OverviewFilter};
use samverka_core::governance::{Level, Signal};
use samverka_core::{BaseService, Classification, ServiceType};
use serde::Deserialize;

use crate::governance::words::{self as signals, LegendItem, SignalHeader, SignalView};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::http::i18n::Tr;
use crate::state::AppState;
use crate::ui::render::html;
use crate::ui::{Page, words as view};

pub fn router() -> Router<AppState> {
    Router::new().route("/regions/{id}", get(show_overview))
}

/// One cell of the service columns.
pub struct Cell {
    pub text: String,
    /// `yes`, `no` or `unknown`, for styling.
    pub kind: &'static str,
}

pub struct Row {
    pub id: i64,
    pub name: String,
    pub municipality: String,
    /// The four base services, counted as the county's report counts them.
    pub services: Vec<Cell>,
    pub others: Cell,
    pub principals: String,
    pub colocation: String,
    pub classification: String,
    pub class_code: &'static str,
    pub closed_on: Option<String>,
    /// The governance signals of the year, in [`samverka_core::governance::SignalKind::CENTRE`] order.
    pub signals: Vec<SignalView>,
}

pub struct Totals {
    pub services: Vec<String>,
    pub others: String,
    pub unknown_note: Option<String>,
}

/// A base service's column heading: its abbreviation, with its name for `<abbr title>`.
pub struct ServiceHeader {
    pub abbr: &'static str,
    pub name: String,
}

/// One choice of a filter's `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "registry/overview.html")]
struct OverviewPage {
    page: Page,
    region_id: i64,
    rules: String,
    /// Today, for the printed page.
    today: String,
    can_create: bool,
    show_closed: bool,
    classes: Vec<Choice>,
    municipalities: Vec<Choice>,
    levels: Vec<Choice>,
    /// A filter narrows the list: "5 of 17 centres shown".
    filtered: Option<String>,
    shown: String,
    headers: Vec<ServiceHeader>,
    rows: Vec<Row>,
    totals: Totals,
    summary: Vec<(String, usize, &'static str)>,
    year: i32,
    signal_headers: Vec<SignalHeader>,
    legend: Vec<LegendItem>,
    /// Per signal: centres that meet it, of all shown ("5/17").
    signal_totals: Vec<String>,
}

#[derive(Deserialize, Default)]
struct OverviewQuery {
    #[serde(default)]
    closed: Option<String>,
    #[serde(default)]
    year: Option<String>,
    /// A class code, or `undetermined`.
    #[serde(default)]
    class: Option<String>,
    /// A municipality's id.
    #[serde(default)]
    municipality: Option<String>,
    /// `red` or `unknown`.
    #[serde(default)]
    signal: Option<String>,
}

const CLASSES: [Option<Classification>; 4] = [
    Some(Classification::FamilyCentre),
    Some(Classification::FamilyCentreLike),
    Some(Classification::FamilyCentredWork),
    None,
];

/// A query value that says something (not missing, not blank).
fn pick(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl OverviewQuery {
    /// The filter it asks for; an unknown value is no filter (the form offers only known ones).
    fn filter(&self) -> OverviewFilter {
        OverviewFilter {
            include_closed: self.closed.is_some(),
            classification: pick(&self.class)
                .and_then(|code| CLASSES.into_iter().find(|c| class_code(*c) == code)),
            municipality: pick(&self.municipality).and_then(|m| m.parse().ok()),
            level: match pick(&self.signal) {
                Some("red") => Some(Level::Red),
                Some("unknown") => Some(Level::Unknown),
                _ => None,
            },
        }
    }
}

/// The non-public parties taking part in a centre: other services, and base
/// services run by a private or non-profit principal with the service named
/// ("ÖF (Svenska kyrkan)"), as the county's report lists them.
pub fn other_parties(c: &CentreView) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for u in c.current_units() {
        let name = match u.service {
            ServiceType::Other => u.name.clone().or_else(|| u.principal_name.clone()),
            ServiceType::Base(b) if u.principal_kind.is_some_and(|k| !k.is_public()) => u
                .principal_name
                .as_ref()
                .map(|n| format!("{} ({n})", b.abbreviation())),
            ServiceType::Base(_) => None,
        };
        if let Some(n) = name
            && !names.contains(&n)
        {
            names.push(n);
        }
    }
    names
}

/// A base service's cell: yes when a public principal (or an unnamed one)
/// runs it; run only by another party, it says so and is not counted.
fn service_cell(t: &Tr, c: &CentreView, s: BaseService) -> Cell {
    let units: Vec<_> = c
        .current_units()
        .filter(|u| u.service == ServiceType::Base(s))
        .collect();
    if c.current_units().next().is_none() {
        return Cell {
            text: t.t("value-missing"),
            kind: "unknown",
        };
    }
    if units.is_empty() {
        return Cell {
            text: t.t("value-no"),
            kind: "no",
        };
    }
    if units
        .iter()
        .any(|u| u.principal_kind.is_none_or(|k| k.is_public()))
    {
        return Cell {
            text: t.t("value-yes"),
            kind: "yes",
        };
    }
    // Only another party runs it: the report lists it under other parties.
    let runners: Vec<String> = units.iter().filter_map(|u| u.principal_name.clone()).collect();
    Cell {
        text: t.t1("overview-run-by-other", "party", runners.join(", ")),
        kind: "other",
    }
}

fn class_code(c: Option<Classification>) -> &'static str {
    c.map_or("undetermined", Classification::code)
}

async fn show_overview(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<OverviewQuery>,
) -> Result<Response, PageError> {
    let filter = q.filter();
    let year = chosen_year(q.year.as_deref(), user.today);
    let o = centres::overview(&user, id, year, filter).await?;
    let region = o.region;
    let centres = o.centres;
    let mut by_centre = o.signals;
    let t = page.t;
    let total = centres.len();
    let signal_headers = signals::headers(&t, &region.governance);
    // Many centres share a signal word for word: each is worded once.
    let mut worded: HashMap<Signal, SignalView> = HashMap::new();
    // One count per signal the rules define, however many they are.
    let mut met = vec![0usize; signal_headers.len()];
    let mut counts = [0usize; 4];
    let mut others_count = 0;
    let mut unknown = 0;
    let rows: Vec<Row> = centres
        .iter()
        .map(|c| {
            let services: Vec<Cell> = BaseService::ALL.iter().map(|s| service_cell(&t, c, *s)).collect();
            for (i, cell) in services.iter().enumerate() {
                if cell.kind == "yes" {
                    counts[i] += 1;
                }
            }
            let known = c.current_units().next().is_some();
            if !known {
                unknown += 1;
            }
            let parties = other_parties(c);
            if !parties.is_empty() {
                others_count += 1;
            }
            let others = if !known {
                Cell {
                    text: t.t("value-missing"),
                    kind: "unknown",
                }
            } else if parties.is_empty() {
                Cell {
                    text: "–".into(),
                    kind: "no",
                }
            } else {
                Cell {
                    text: parties.join(", "),
                    kind: "yes",
                }
            };
            let mut principals: Vec<String> = Vec::new();
            for u in c.current_units() {
                if let Some(p) = &u.principal_name
                    && !principals.contains(p)
                {
                    principals.push(p.clone());
                }
            }
            let centre_signals = by_centre.remove(&c.centre.id).unwrap_or_default();
            for (i, s) in centre_signals.iter().enumerate() {
                if s.level == Level::Green
                    && let Some(n) = met.get_mut(i)
                {
                    *n += 1;
                }
            }
            Row {
                id: c.centre.id,
                name: c.centre.name.clone(),
                municipality: c.municipality.clone(),
                services,
                others,
                principals: if principals.is_empty() {
                    t.t("value-missing")
                } else {
                    principals.join(", ")
                },
                colocation: view::colocation_name(&t, c.colocation),
                classification: view::classification_name(&t, c.outcome.classification),
                class_code: class_code(c.outcome.classification),
                closed_on: c.centre.closed_on.map(|d| d.to_string()),
                signals: centre_signals
                    .iter()
                    .map(|s| {
                        worded
                            .entry(s.clone())
                            .or_insert_with(|| signals::view(&t, s))
                            .clone()
                    })
                    .collect(),
            }
        })
        .collect();
    let summary = CLASSES
        .into_iter()
        .map(|class| {
            let n = centres
                .iter()
                .filter(|c| c.outcome.classification == class)
                .count();
            (view::classification_counted(&t, class, n), n, class_code(class))
        })
        .collect();
    let totals = Totals {
        services: counts.iter().map(|n| format!("{n}/{total}")).collect(),
        others: format!("{others_count}/{total}"),
        unknown_note: (unknown > 0).then(|| t.t1("overview-unknown-note", "count", unknown)),
    };
    let headers = BaseService::ALL
        .iter()
        .map(|s| ServiceHeader {
            abbr: s.abbreviation(),
            name: view::service_name(&t, ServiceType::Base(*s)),
        })
        .collect();
    let classes = CLASSES
        .into_iter()
        .map(|c| Choice {
            value: class_code(c).to_string(),
            label: view::classification_name(&t, c),
            selected: filter.classification == Some(c),
        })
        .collect();
    let municipalities = o
        .municipalities
        .iter()
        .map(|m| Choice {
            value: m.id.to_string(),
            label: m.name.clone(),
            selected: filter.municipality == Some(m.id),
        })
        .collect();
    let levels = [Level::Red, Level::Unknown]
        .into_iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: t.t(&format!("overview-filter-signal-{}", l.code())),
            selected: filter.level == Some(l),
        })
        .collect();
    let narrowed = filter.classification.is_some() || filter.municipality.is_some() || filter.level.is_some();
    let filtered = narrowed.then(|| t.t2("overview-filtered", ("shown", &total), ("count", &o.unfiltered)));
    let manage = o.manage;
    let title = t.t1("overview-title", "region", &region.name);
    html(OverviewPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "overview"),
        region_id: region.id,
        rules: view::preset_name(&t, region.rules.preset()),
        today: user.today.to_string(),
        can_create: manage,
        show_closed: filter.include_closed,
        classes,
        municipalities,
        levels,
        filtered,
        shown: t.t1("overview-count", "count", total),
        headers,
        rows,
        totals,
        summary,
        year,
        signal_headers,
        legend: signals::legend(&t),
        signal_totals: met.iter().map(|n| format!("{n}/{total}")).collect(),
    })
}
