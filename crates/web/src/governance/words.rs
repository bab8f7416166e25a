//! Words for the governance values: kinds of assignment and group, people
//! as shown, and the signals (levels with a symbol and a text, never colour
//! alone, and their reasons). The one place they are worded: pages of every
//! area and the API use these.

use askama::Template;
use samverka_core::BaseService;
use samverka_core::governance::settings::Source;
use samverka_core::governance::{
    Assignment, AssignmentKind, GovernanceSettings, GroupKind, Level, Person, Reason, Signal, SignalKind,
};
use samverka_core::hours::format_hours;

use crate::http::i18n::Tr;
use crate::ui::words as view;

/// The name of a kind of assignment ("Lokal samordnare").
pub fn kind_name(t: &Tr, k: AssignmentKind) -> String {
    t.t(&format!("people-kind-{}", k.code()))
}

/// The name of a kind of group ("Styrgrupp").
pub fn group_kind_name(t: &Tr, k: GroupKind) -> String {
    t.t(&format!("groups-kind-{}", k.code()))
}

/// A person's name as shown: "f.d. medlem" once erased.
pub fn display_name(t: &Tr, p: &Person) -> String {
    if p.erased {
        t.t("people-erased-name")
    } else {
        p.name.clone()
    }
}

/// A person's employer in words, or `None` when nothing is recorded.
pub fn employer_of(t: &Tr, p: &Person) -> Option<String> {
    employer_words(t, p.employer_kind, p.employer_name.as_deref())
}

/// An employer's kind and name in words.
pub fn employer_words(
    t: &Tr,
    kind: Option<samverka_core::PrincipalKind>,
    name: Option<&str>,
) -> Option<String> {
    match (name, kind) {
        (Some(n), Some(k)) => Some(format!("{n} ({})", view::principal_name(t, Some(k)))),
        (Some(n), None) => Some(n.to_string()),
        (None, Some(k)) => Some(view::principal_name(t, Some(k))),
        (None, None) => None,
    }
}

/// The share of a post and who pays, or the hours a week, in words.
pub fn scope_text(t: &Tr, a: &Assignment) -> String {
    let mut parts = Vec::new();
    if let Some(s) = a.share_percent {
        parts.push(t.t1("people-share", "percent", s));
    }
    if let Some(p) = &a.paid_by {
        parts.push(t.t1("people-paid-by", "payer", p));
    }
    if let Some(m) = a.minutes_per_week {
        parts.push(t.t1("people-hours-week", "hours", format_hours(m)));
    }
    parts.join(", ")
}

/// Problems of a governance form in words: the area's own messages first
/// (`people-error-…`), then the shared ones.
pub fn messages(t: &Tr, errors: &samverka_core::FieldErrors) -> Vec<(&'static str, String)> {
    errors
        .0
        .iter()
        .map(|e| {
            let own = format!("people-error-{}", e.code);
            let text = if t.has(&own) {
                t.t(&own)
            } else {
                crate::ui::forms::message(t, e.code)
            };
            (e.field, text)
        })
        .collect()
}

/// The symbol shown with a level, so that it never rests on colour alone.
pub fn symbol(level: Level) -> &'static str {
    match level {
        Level::Green => "✓",
        Level::Yellow => "!",
        Level::Red => "✗",
        Level::Unknown => "–",
    }
}

/// A level in words ("Uppfyllt", "Delvis", "Inte uppfyllt", "kan inte bedömas").
pub fn level_label(t: &Tr, level: Level) -> String {
    t.t(&format!("sig-level-{}", level.code()))
}

/// A signal's full name.
pub fn signal_name(t: &Tr, kind: SignalKind) -> String {
    t.t(&format!("sig-name-{}", kind.code()))
}

/// A signal's short column heading.
pub fn signal_short(t: &Tr, kind: SignalKind) -> String {
    t.t(&format!("sig-short-{}", kind.code()))
}

/// The stable code of a reason (`meetings`, `no_group`, ...), as the API gives it.
pub fn reason_code(r: &Reason) -> &'static str {
    match r {
        Reason::NoGroup => "no_group",
        Reason::NoSteeringGroup => "no_steering_group",
        Reason::NoGovernanceData => "no_governance_data",
        Reason::YearNotBegun => "year_not_begun",
        Reason::GroupNotInYear => "group_not_in_year",
        Reason::BeforeRecords => "before_records",
        Reason::PeriodTooShort => "period_too_short",
        Reason::Meetings { .. } => "meetings",
        Reason::NoBaseService => "no_base_service",
        Reason::Managers { .. } => "managers",
        Reason::CoordinatorShare { .. } => "coordinator_share",
        Reason::CoordinatorFunding { .. } => "coordinator_funding",
        Reason::CoordinatorWithoutShare => "coordinator_without_share",
        Reason::NoCoordinator => "no_coordinator",
        Reason::Chair { .. } => "chair",
        Reason::NoChair => "no_chair",
        Reason::NoHeldMeetings => "no_held_meetings",
        Reason::Minutes { .. } => "minutes",
        Reason::NothingToIntroduce => "nothing_to_introduce",
        Reason::Introductions { .. } => "introductions",
        Reason::NoMatters => "no_matters",
        Reason::Matters { .. } => "matters",
    }
}

/// A base service written out, with its abbreviation ("barnhälsovården (BHV)").
fn service_words(t: &Tr, s: BaseService) -> String {
    t.t(&format!("sig-service-{}", s.code()))
}

/// Sentences joined with a space, the empty ones left out.
fn sentences(parts: Vec<String>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a signal has its level, in words a person can read. The one place
/// reasons are worded: the signals page, the overview, the centre page and
/// the API all use it.
pub fn reason_text(t: &Tr, r: &Reason) -> String {
    let key = format!("sig-reason-{}", reason_code(r));
    let n = |v: &i64| v.to_string();
    match r {
        Reason::Meetings {
            held,
            planned,
            required,
            per_year,
            without_members,
            attendance_unknown,
        } => sentences(vec![
            t.args(&key, &[("held", n(held)), ("required", n(required))]),
            if per_year != required {
                t.t1("sig-reason-meetings-part", "per_year", per_year)
            } else {
                String::new()
            },
            if *planned > 0 {
                t.t1("sig-reason-meetings-planned", "planned", planned)
            } else {
                String::new()
            },
            if *without_members > 0 {
                t.t1("sig-reason-meetings-without-members", "count", without_members)
            } else {
                String::new()
            },
            if *attendance_unknown > 0 {
                t.t1(
                    "sig-reason-meetings-attendance-unknown",
                    "count",
                    attendance_unknown,
                )
            } else {
                String::new()
            },
        ]),
        Reason::Managers {
            missing,
            unplaced,
            most_absent,
        } => sentences(vec![
            if missing.is_empty() {
                t.t("sig-reason-managers-complete")
            } else {
                let list: Vec<String> = missing.iter().map(|s| service_words(t, *s)).collect();
                t.t1("sig-reason-managers-missing", "services", list.join(", "))
            },
            if *unplaced > 0 {
                t.t1("sig-reason-managers-unplaced", "count", unplaced)
            } else {
                String::new()
            },
            match most_absent {
                Some((s, times)) => t.args(
                    "sig-reason-managers-absent",
                    &[("service", service_words(t, *s)), ("times", n(times))],
                ),
                None => String::new(),
            },
        ]),
        Reason::CoordinatorShare {
            percent,
            lowest,
            days_below,
            minimum,
        } => sentences(vec![
            t.t1(&key, "percent", percent),
            if *minimum > 0 {
                t.t1("sig-reason-coordinator-minimum", "minimum", minimum)
            } else {
                t.t("sig-reason-coordinator-any")
            },
            if *days_below > 0 {
                t.args(
                    "sig-reason-coordinator-below",
                    &[("days", n(days_below)), ("lowest", n(lowest))],
                )
            } else {
                String::new()
            },
        ]),
        Reason::CoordinatorFunding { payers } => {
            let list: Vec<String> = payers.iter().map(|(p, share)| format!("{p} {share} %")).collect();
            t.t1(&key, "payers", list.join(", "))
        }
        Reason::Chair { flags } if !flags.is_empty() => {
            let list: Vec<String> = flags
                .iter()
                .map(|f| t.t(&format!("sig-chair-flag-{}", f.code())))
                .collect();
            t.t1("sig-reason-chair-flagged", "flags", list.join("; "))
        }
        Reason::Minutes {
            held,
            in_time,
            late,
            missing,
        } => t.args(
            &key,
            &[
                ("held", n(held)),
                ("in_time", n(in_time)),
                ("late", n(late)),
                ("missing", n(missing)),
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
                ("due", n(due)),
                ("in_time", n(in_time)),
                ("late", n(late)),
                ("overdue", n(overdue)),
            ],
        ),
        Reason::Matters {
            raised,
            late,
            overdue,
        } => t.args(
            &key,
            &[("raised", n(raised)), ("late", n(late)), ("overdue", n(overdue))],
        ),
        Reason::NoGroup
        | Reason::NoSteeringGroup
        | Reason::NoGovernanceData
        | Reason::YearNotBegun
        | Reason::GroupNotInYear
        | Reason::BeforeRecords
        | Reason::PeriodTooShort
        | Reason::NoBaseService
        | Reason::CoordinatorWithoutShare
        | Reason::NoCoordinator
        | Reason::Chair { .. }
        | Reason::NoChair
        | Reason::NoHeldMeetings
        | Reason::NothingToIntroduce
        | Reason::NoMatters => t.t(&key),
    }
}

/// Where a signal's threshold comes from, in words: the guideline, or the
/// region's own choice (with the number of days).
pub fn source_text(t: &Tr, kind: SignalKind, g: &GovernanceSettings) -> String {
    match GovernanceSettings::source(kind) {
        Source::Guideline => t.t("sig-source-guideline"),
        Source::Region => {
            let days = match kind {
                SignalKind::MinutesPublished => g.minutes_within_days,
                SignalKind::IntroductionsInTime => g.introduction_within_days,
                _ => g.matter_within_days,
            };
            t.t1("sig-source-region", "days", days)
        }
    }
}

/// One signal as the pages show it.
#[derive(Debug, Clone)]
pub struct SignalView {
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
pub fn view(t: &Tr, s: &Signal) -> SignalView {
    SignalView {
        code: s.kind.code(),
        name: signal_name(t, s.kind),
        level: s.level.code(),
        symbol: symbol(s.level),
        label: level_label(t, s.level),
        reason: reason_text(t, &s.reason),
    }
}

/// A column heading for a signal: short text and full name.
#[derive(Debug, Clone)]
pub struct SignalHeader {
    /// The short heading.
    pub short: String,
    /// The full name (for `abbr title`).
    pub name: String,
}

/// The headings of the centre signals, in overview order.
pub fn headers(t: &Tr, g: &GovernanceSettings) -> Vec<SignalHeader> {
    g.centre_kinds()
        .iter()
        .map(|k| SignalHeader {
            short: signal_short(t, *k),
            name: signal_name(t, *k),
        })
        .collect()
}

/// One line of the key: symbol, level in words, and what it means.
#[derive(Debug, Clone)]
pub struct LegendItem {
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
pub fn legend(t: &Tr) -> Vec<LegendItem> {
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

#[derive(Template)]
#[template(path = "governance/signals_centre.html")]
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
pub fn centre_signals_html(
    t: &Tr,
    region_id: i64,
    year: i32,
    signals: &[Signal],
) -> Result<String, askama::Error> {
    CentreSignals {
        heading: t.t1("sig-centre-heading", "year", year),
        more: t.t("sig-centre-more"),
        region_id,
        year,
        signals: signals.iter().map(|s| view(t, s)).collect(),
    }
    .render()
}
