//! `/regions/{id}/signals`: the governance signals (*signaler*) of every
//! centre and of every management and steering group for a chosen year,
//! each as a level with a text label and a symbol (never colour alone) and
//! the reason in words.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use chrono::Datelike;
use samverka_app::governance::signals::{self, chosen_year};
use samverka_core::governance::Level;
use serde::Deserialize;

use crate::governance::words::{
    LegendItem, SignalHeader, SignalView, group_kind_name, headers, legend, signal_name, source_text, view,
};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::state::AppState;
use crate::ui::Page;
use crate::ui::render::html;

pub fn router() -> Router<AppState> {
    Router::new().route("/regions/{id}/signals", get(show_signals))
}

struct CentreLine {
    id: i64,
    name: String,
    signals: Vec<SignalView>,
}

struct GroupLine {
    id: i64,
    name: String,
    kind: String,
    /// Meetings, then minutes.
    cells: Vec<SignalView>,
}

struct SummaryLine {
    name: String,
    /// Where its threshold comes from.
    source: String,
    counts: Vec<usize>,
}

#[derive(Template)]
#[template(path = "governance/signals.html")]
struct SignalsPage {
    page: Page,
    region_id: i64,
    year: i32,
    years: Vec<i32>,
    rules: String,
    headers: Vec<SignalHeader>,
    legend: Vec<LegendItem>,
    centres: Vec<CentreLine>,
    groups: Vec<GroupLine>,
    summary: Vec<SummaryLine>,
    /// Municipalities with centres but no steering group.
    without_steering: Vec<String>,
}

#[derive(Deserialize)]
struct YearQuery {
    year: Option<String>,
}

async fn show_signals(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    let year = chosen_year(q.year.as_deref(), user.today);
    let s = signals::of_region(&user, id, year).await?;
    let t = page.t;
    let region = s.region;
    let without_steering: Vec<String> = s.without_steering.iter().map(|m| m.name.clone()).collect();
    let mut summary: Vec<SummaryLine> = region
        .governance
        .centre_kinds()
        .iter()
        .map(|k| SummaryLine {
            name: signal_name(&t, *k),
            source: source_text(&t, *k, &region.governance),
            counts: vec![0; 4],
        })
        .collect();
    let level_index = |l: Level| match l {
        Level::Green => 0,
        Level::Yellow => 1,
        Level::Red => 2,
        Level::Unknown => 3,
    };
    let centres: Vec<CentreLine> = s
        .centres
        .iter()
        .map(|(c, signals)| {
            for (i, sig) in signals.iter().enumerate() {
                if let Some(line) = summary.get_mut(i) {
                    line.counts[level_index(sig.level)] += 1;
                }
            }
            CentreLine {
                id: c.id,
                name: c.name.clone(),
                signals: signals.iter().map(|x| view(&t, x)).collect(),
            }
        })
        .collect();
    let groups = s
        .groups
        .iter()
        .map(|(g, signals)| GroupLine {
            id: g.id,
            name: g.name.clone(),
            kind: group_kind_name(&t, g.kind),
            cells: signals.iter().map(|x| view(&t, x)).collect(),
        })
        .collect();
    let g = &region.governance;
    let rules = t.args(
        "sig-rules",
        &[
            ("management", g.min_management_meetings.to_string()),
            ("steering", g.min_steering_meetings.to_string()),
            ("minutes", g.minutes_within_days.to_string()),
            ("intro", g.introduction_within_days.to_string()),
            ("matters", g.matter_within_days.to_string()),
        ],
    );
    let this_year = user.today.year();
    let years: Vec<i32> = ((this_year - 5)..=(this_year + 1)).rev().collect();
    let manage = user.actor.can_manage_region(region.id);
    let title = t.t1("sig-title", "region", &region.name);
    html(SignalsPage {
        page: page
            .titled(title)
            .in_region(region.id, &region.name, manage, "signals"),
        region_id: region.id,
        year,
        years,
        rules,
        headers: headers(&t, &region.governance),
        legend: legend(&t),
        centres,
        groups,
        summary,
        without_steering,
    })
}
