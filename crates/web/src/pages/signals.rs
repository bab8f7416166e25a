//! `/regions/{id}/signals`: the governance signals (*signaler*) of every
//! centre and of every management and steering group for a chosen year, each
//! as a level with a text label and a symbol (never colour alone) and the
//! reason in words. Also the pieces the overview, the centre page and the API
//! share: [`reason_text`], [`view`] and [`centre_signals_html`].

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use chrono::{Datelike, NaiveDate};
use samverka_core::governance::matter::waiting_days;
use samverka_core::governance::signals::{self, CentreFacts, MeetingFact};
use samverka_core::governance::{
    Assignment, GroupKind, IntroductionState, Level, MatterStatus, Reason, Responsible, Signal, SignalKind,
};
use samverka_store::matters::Matter;
use samverka_store::regions::Region;
use samverka_store::{Db, StoreError, centres, facts, groups, meetings};
use serde::Deserialize;

use super::{html, viewable_region};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::Page;

pub fn router() -> Router<AppState> {
    Router::new().route("/regions/{id}/signals", get(show_signals))
}

/// Today, as the signals see it (UTC).
pub(crate) fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The symbol shown with a level, so that it never rests on colour alone.
pub(crate) fn symbol(level: Level) -> &'static str {
    match level {
        Level::Green => "✓",
        Level::Yellow => "!",
        Level::Red => "✗",
        Level::Unknown => "–",
    }
}

/// A level in words ("Uppfyllt", "Delvis", "Inte uppfyllt", "kan inte bedömas").
pub(crate) fn level_label(t: &Tr, level: Level) -> String {
    t.t(&format!("sig-level-{}", level.code()))
}

/// A signal's full name.
pub(crate) fn kind_name(t: &Tr, kind: SignalKind) -> String {
    t.t(&format!("sig-name-{}", kind.code()))
}

/// A signal's short column heading.
pub(crate) fn kind_short(t: &Tr, kind: SignalKind) -> String {
    t.t(&format!("sig-short-{}", kind.code()))
}

/// The name of a kind of group.
pub(crate) fn group_kind_name(t: &Tr, kind: GroupKind) -> String {
    t.t(&format!("sig-group-kind-{}", kind.code()))
}

/// The stable code of a reason (`meetings`, `no_group`, ...), as the API gives it.
pub(crate) fn reason_code(r: &Reason) -> &'static str {
    match r {
        Reason::NoGroup => "no_group",
        Reason::NoGovernanceData => "no_governance_data",
        Reason::Meetings { .. } => "meetings",
        Reason::CoordinatorShare { .. } => "coordinator_share",
        Reason::CoordinatorWithoutShare => "coordinator_without_share",
        Reason::NoCoordinator => "no_coordinator",
        Reason::Chair => "chair",
        Reason::NoChair => "no_chair",
        Reason::NoHeldMeetings => "no_held_meetings",
        Reason::Minutes { .. } => "minutes",
        Reason::NothingToIntroduce => "nothing_to_introduce",
        Reason::Introductions { .. } => "introductions",
        Reason::NoMatters => "no_matters",
        Reason::Matters { .. } => "matters",
    }
}

/// Why a signal has its level, in words a person can read. The one place
/// reasons are worded: the signals page, the overview, the centre page and
/// the API all use it.
pub(crate) fn reason_text(t: &Tr, r: &Reason) -> String {
    let key = format!("sig-reason-{}", reason_code(r));
    match r {
        Reason::Meetings {
            held,
            planned,
            required,
        } => {
            let mut args = vec![("held", held.to_string()), ("required", required.to_string())];
            if *planned > 0 {
                args.push(("planned", planned.to_string()));
                t.args("sig-reason-meetings-planned", &args)
            } else {
                t.args(&key, &args)
            }
        }
        Reason::CoordinatorShare { percent } => t.t1(&key, "percent", percent),
        Reason::Minutes {
            held,
            in_time,
            late,
            missing,
        } => t.args(
            &key,
            &[
                ("held", held.to_string()),
                ("in_time", in_time.to_string()),
                ("late", late.to_string()),
                ("missing", missing.to_string()),
            ],
        ),
        Reason::Introductions {
            due,
            in_time,
            late,
            overdue,
        } => t.args(
            &key,
            &[
                ("due", due.to_string()),
                ("in_time", in_time.to_string()),
                ("late", late.to_string()),
                ("overdue", overdue.to_string()),
            ],
        ),
        Reason::Matters {
            raised,
            late,
            overdue,
        } => t.args(
            &key,
            &[
                ("raised", raised.to_string()),
                ("late", late.to_string()),
                ("overdue", overdue.to_string()),
            ],
        ),
        Reason::NoGroup
        | Reason::NoGovernanceData
        | Reason::CoordinatorWithoutShare
        | Reason::NoCoordinator
        | Reason::Chair
        | Reason::NoChair
        | Reason::NoHeldMeetings
        | Reason::NothingToIntroduce
        | Reason::NoMatters => t.t(&key),
    }
}

/// One signal as the pages show it.
#[derive(Debug, Clone)]
pub(crate) struct SignalView {
    /// The signal's code (`management_meetings`, ...).
    pub code: &'static str,
    /// Its full name.
    pub name: String,
    /// `green`, `yellow`, `red` or `unknown`, for styling.
    pub level: &'static str,
    /// ✓, !, ✗ or –.
    pub symbol: &'static str,
    /// The level in words.
    pub label: String,
    /// Why, in words.
    pub reason: String,
}

/// Words and symbol for one signal.
pub(crate) fn view(t: &Tr, s: &Signal) -> SignalView {
    SignalView {
        code: s.kind.code(),
        name: kind_name(t, s.kind),
        level: s.level.code(),
        symbol: symbol(s.level),
        label: level_label(t, s.level),
        reason: reason_text(t, &s.reason),
    }
}

/// A column heading for a signal: short text and full name.
#[derive(Debug, Clone)]
pub(crate) struct SignalHeader {
    /// The short heading.
    pub short: String,
    /// The full name (for `abbr title`).
    pub name: String,
}

/// The headings of the centre signals, in overview order.
pub(crate) fn headers(t: &Tr) -> Vec<SignalHeader> {
    SignalKind::CENTRE
        .iter()
        .map(|k| SignalHeader {
            short: kind_short(t, *k),
            name: kind_name(t, *k),
        })
        .collect()
}

/// One line of the key: symbol, level in words, and what it means.
#[derive(Debug, Clone)]
pub(crate) struct LegendItem {
    /// Level code.
    pub level: &'static str,
    /// Symbol.
    pub symbol: &'static str,
    /// Level in words.
    pub label: String,
    /// Meaning.
    pub meaning: String,
}

/// The key to the levels.
pub(crate) fn legend(t: &Tr) -> Vec<LegendItem> {
    [Level::Green, Level::Yellow, Level::Red, Level::Unknown]
        .into_iter()
        .map(|l| LegendItem {
            level: l.code(),
            symbol: symbol(l),
            label: level_label(t, l),
            meaning: t.t(&format!("sig-legend-{}", l.code())),
        })
        .collect()
}

/// The signals of the given centres of a region for a year. A centre with
/// nothing recorded gets the unknown signals, never a guess.
pub(crate) async fn centres_signals(
    db: &Db,
    region: &Region,
    centre_ids: &[i64],
    year: i32,
    today: NaiveDate,
) -> Result<HashMap<i64, Vec<Signal>>, StoreError> {
    let mut facts = facts::centre_facts(db, region.id).await?;
    let empty = CentreFacts::default();
    Ok(centre_ids
        .iter()
        .map(|id| {
            let f = facts.remove(id);
            let s = signals::centre_signals(f.as_ref().unwrap_or(&empty), &region.governance, year, today);
            (*id, s)
        })
        .collect())
}

#[derive(Template)]
#[template(path = "signals_centre.html")]
struct CentreSignals {
    heading: String,
    more: String,
    region_id: i64,
    year: i32,
    signals: Vec<SignalView>,
}

/// The rendered list of one centre's signals for a year (a `<section>` with
/// a heading, every signal with its level, symbol and reason, and a link to
/// the region's signals page), for the centre page to include with `|safe`.
pub(crate) async fn centre_signals_html(
    state: &AppState,
    t: &Tr,
    region: &Region,
    centre_id: i64,
    year: i32,
) -> Result<String, AppError> {
    let mut all = centres_signals(&state.db, region, &[centre_id], year, today()).await?;
    let signals = all.remove(&centre_id).unwrap_or_default();
    Ok(CentreSignals {
        heading: t.t1("sig-centre-heading", "year", year),
        more: t.t("sig-centre-more"),
        region_id: region.id,
        year,
        signals: signals.iter().map(|s| view(t, s)).collect(),
    }
    .render()?)
}

/// Days a matter has waited (or waited) for its steering group: from
/// submission to decision, or to today while undecided.
pub(crate) fn matter_waited(m: &Matter, today: NaiveDate) -> Option<i64> {
    waiting_days(
        m.reached(MatterStatus::Submitted),
        m.reached(MatterStatus::Decided),
        today,
    )
}

/// Whether a matter still waits for its steering group past the deadline.
pub(crate) fn matter_late(m: &Matter, within_days: i64, today: NaiveDate) -> bool {
    m.status.is_waiting() && matter_waited(m, today).is_some_and(|d| d > within_days)
}

/// One assignment that needs an introduction, and where it stands.
#[derive(Debug, Clone)]
pub(crate) struct Due {
    /// The assignment.
    pub assignment: Assignment,
    /// Who introduces its holder.
    pub responsible: Responsible,
    /// Done, done late, pending or overdue (with the dates).
    pub state: IntroductionState,
}

impl Due {
    /// The deadline.
    pub fn due_on(&self, within_days: i64) -> NaiveDate {
        self.assignment.starts_on + chrono::Duration::days(within_days)
    }

    /// Whether it still waits (pending or overdue).
    pub fn waiting(&self) -> bool {
        matches!(
            self.state,
            IntroductionState::Pending { .. } | IntroductionState::Overdue { .. }
        )
    }
}

/// Every assignment that needs an introduction by the county rules, with its state.
pub(crate) fn due_introductions(
    all: &[Assignment],
    introduced: &HashMap<i64, NaiveDate>,
    within_days: i64,
    today: NaiveDate,
) -> Vec<Due> {
    all.iter()
        .filter_map(|a| {
            let responsible = Responsible::for_kind(a.kind)?;
            Some(Due {
                assignment: a.clone(),
                responsible,
                state: IntroductionState::of(a.starts_on, introduced.get(&a.id).copied(), within_days, today),
            })
        })
        .collect()
}

/// A year from a query string: a sensible year, or this year.
pub(crate) fn chosen_year(text: Option<&str>) -> i32 {
    text.and_then(|y| y.trim().parse::<i32>().ok())
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or_else(|| today().year())
}

/// A group's meetings as the signals see them, by group id.
pub(crate) fn meeting_facts(list: &[meetings::Meeting]) -> HashMap<i64, Vec<MeetingFact>> {
    let mut out: HashMap<i64, Vec<MeetingFact>> = HashMap::new();
    for m in list {
        out.entry(m.group_id).or_default().push(MeetingFact {
            date: m.held_on,
            status: m.status,
            minutes_published_on: m.minutes_published_on,
        });
    }
    out
}

/// The meetings and minutes signals of a management or steering group.
pub(crate) fn group_signals(
    kind: GroupKind,
    facts: &[MeetingFact],
    region: &Region,
    year: i32,
    today: NaiveDate,
) -> [Signal; 2] {
    let (signal, required) = if kind == GroupKind::Steering {
        (
            SignalKind::SteeringMeetings,
            region.governance.min_steering_meetings,
        )
    } else {
        (
            SignalKind::ManagementMeetings,
            region.governance.min_management_meetings,
        )
    };
    [
        signals::meetings(signal, Some(facts), required, year, today),
        signals::minutes(Some(facts), region.governance.minutes_within_days, year, today),
    ]
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
    counts: Vec<usize>,
}

#[derive(Template)]
#[template(path = "signals.html")]
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
}

#[derive(Deserialize)]
struct YearQuery {
    year: Option<String>,
}

async fn show_signals(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> Result<Response, AppError> {
    let region = viewable_region(&state, &user, id).await?;
    let year = chosen_year(q.year.as_deref());
    let today = today();
    let t = page.t;
    let (all_centres, all_groups, all_meetings) = tokio::try_join!(
        centres::list(&state.db, Some(region.id)),
        groups::list(&state.db, Some(region.id)),
        meetings::list(&state.db, Some(region.id)),
    )?;
    let open: Vec<_> = all_centres
        .into_iter()
        .filter(|c| c.closed_on.is_none())
        .collect();
    let ids: Vec<i64> = open.iter().map(|c| c.id).collect();
    let mut by_centre = centres_signals(&state.db, &region, &ids, year, today).await?;
    let mut summary: Vec<SummaryLine> = SignalKind::CENTRE
        .iter()
        .map(|k| SummaryLine {
            name: kind_name(&t, *k),
            counts: vec![0; 4],
        })
        .collect();
    let level_index = |l: Level| match l {
        Level::Green => 0,
        Level::Yellow => 1,
        Level::Red => 2,
        Level::Unknown => 3,
    };
    let centres: Vec<CentreLine> = open
        .iter()
        .map(|c| {
            let signals = by_centre.remove(&c.id).unwrap_or_default();
            for (i, s) in signals.iter().enumerate() {
                if let Some(line) = summary.get_mut(i) {
                    line.counts[level_index(s.level)] += 1;
                }
            }
            CentreLine {
                id: c.id,
                name: c.name.clone(),
                signals: signals.iter().map(|s| view(&t, s)).collect(),
            }
        })
        .collect();
    let meeting_facts = meeting_facts(&all_meetings);
    let mut group_lines: Vec<(GroupKind, GroupLine)> = all_groups
        .iter()
        .filter(|g| g.closed_on.is_none() && matches!(g.kind, GroupKind::Management | GroupKind::Steering))
        .map(|g| {
            let facts = meeting_facts.get(&g.id).map(Vec::as_slice).unwrap_or(&[]);
            let [meetings, minutes] = group_signals(g.kind, facts, &region, year, today);
            (
                g.kind,
                GroupLine {
                    id: g.id,
                    name: g.name.clone(),
                    kind: group_kind_name(&t, g.kind),
                    cells: vec![view(&t, &meetings), view(&t, &minutes)],
                },
            )
        })
        .collect();
    group_lines.sort_by_key(|(k, _)| *k);
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
    let this_year = today.year();
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
        headers: headers(&t),
        legend: legend(&t),
        centres,
        groups: group_lines.into_iter().map(|(_, l)| l).collect(),
        summary,
    })
}
