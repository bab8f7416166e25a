//! Words for the governance values: kinds of assignment and group, people
//! as shown, and the signals (levels with a symbol and a text, never colour
//! alone, and their reasons). The one place they are worded: pages of every
//! area and the API use these.

use askama::Template;
use samverka_core::governance::{
    Assignment, AssignmentKind, GroupKind, Level, Person, Reason, Signal, SignalKind,
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
pub fn reason_text(t: &Tr, r: &Reason) -> String {
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
pub fn headers(t: &Tr) -> Vec<SignalHeader> {
    SignalKind::CENTRE
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
