//! Rounds beside each other and over time, and the spider's radar: each
//! as a table of its numbers and a chart, hidden rounds as a note.

use samverka_app::surveys::results::{Radar, Round};
use samverka_core::surveys::definition::{Definition, QuestionType};
use samverka_core::surveys::results::{Comparison, Shown};

use super::view::{RadarView, SeriesLine, SeriesView, colour, option_label, round_label};
use crate::http::i18n::Tr;
use crate::ui::charts::{self, Chart, Segment, StackedRow};

/// A comparison (rounds beside each other or over time) as a table and a
/// chart: stacked bars per round for one choice per response, grouped bars
/// otherwise (or when `grouped`).
pub(super) fn series_view(
    t: &Tr,
    def: &Definition,
    c: &Comparison,
    label_of: &dyn Fn(&str) -> String,
    grouped: bool,
    id: &str,
) -> Option<SeriesView> {
    let lang = t.lang.code();
    let q = def.question(&c.question)?;
    let text = q.text.get(lang).to_string();
    let options: Vec<String> = c.keys.iter().map(|k| option_label(q, k, lang)).collect();
    let grouped = grouped || q.kind == QuestionType::MultipleChoice;
    let lines: Vec<SeriesLine> = c
        .columns
        .iter()
        .enumerate()
        .map(|(j, col)| {
            let (n, percents) = match &col.shares {
                Shown::Value(s) => (
                    Some(s.n),
                    s.rows.iter().map(|r| r.as_ref().map(|r| r.percent)).collect(),
                ),
                Shown::Suppressed => (None, vec![None; c.keys.len()]),
            };
            SeriesLine {
                label: label_of(&col.label),
                swatch: if grouped {
                    charts::grouped_swatch(id, j)
                } else {
                    String::new()
                },
                n,
                percents,
            }
        })
        .collect();
    let any_shown = lines.iter().any(|l| l.n.is_some());
    let describe = |l: &SeriesLine| -> String {
        match l.n {
            None => format!("{}: {}", l.label, t.t("res-hidden-short")),
            Some(_) => format!(
                "{}: {}",
                l.label,
                options
                    .iter()
                    .zip(&l.percents)
                    .filter_map(|(o, p)| p.map(|p| format!("{o} {p} %")))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    let chart = any_shown.then(|| {
        let chart = Chart {
            id: id.to_string(),
            title: text.clone(),
            desc: lines.iter().map(describe).collect::<Vec<_>>().join("; "),
        };
        if grouped {
            let series: Vec<(String, Vec<Option<u32>>)> = lines
                .iter()
                .map(|l| (l.label.clone(), l.percents.clone()))
                .collect();
            charts::grouped(&chart, &options, &series)
        } else {
            let rows: Vec<StackedRow> = lines
                .iter()
                .filter(|l| l.n.is_some())
                .map(|l| StackedRow {
                    label: l.label.clone(),
                    segments: c
                        .keys
                        .iter()
                        .zip(&l.percents)
                        .map(|(k, p)| Segment {
                            percent: p.unwrap_or(0),
                            colour: colour(q, k),
                        })
                        .collect(),
                })
                .collect();
            charts::stacked(&chart, &rows)
        }
    });
    Some(SeriesView {
        id: id.to_string(),
        text,
        options,
        lines,
        chart,
    })
}

pub(super) fn radar_view(
    t: &Tr,
    def: &Definition,
    radar: &Radar,
    rounds: &[Round],
    title: &str,
) -> RadarView {
    let lang = t.lang.code();
    let separator = if lang == "sv" { ',' } else { '.' };
    let name = |id: i64| {
        rounds
            .iter()
            .find(|r| r.id == id)
            .map(round_label)
            .unwrap_or_default()
    };
    let axes: Vec<String> = (1..=radar.axes.len()).map(|i| i.to_string()).collect();
    let lines: Vec<(String, Vec<Option<u32>>)> = radar
        .lines
        .iter()
        .map(|(id, means)| {
            (
                name(*id),
                means
                    .iter()
                    .map(|m| m.value().and_then(|m| m.hundredths))
                    .collect(),
            )
        })
        .collect();
    let desc = lines
        .iter()
        .map(|(label, values)| {
            let parts: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(i, v)| match v {
                    Some(h) => {
                        format!("{} {},{:02}", i + 1, h / 100, h % 100).replace(',', &separator.to_string())
                    }
                    None => format!("{} {}", i + 1, t.t("res-hidden-short")),
                })
                .collect();
            format!("{label}: {}", parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let chart = charts::radar(
        &Chart {
            id: "chart-radar".into(),
            title: title.to_string(),
            desc,
        },
        &axes,
        radar.max,
        &lines,
    );
    let rows = radar
        .axes
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let text = def
                .question(key)
                .map(|q| q.text.get(lang).to_string())
                .unwrap_or_default();
            let means = radar
                .lines
                .iter()
                .map(|(_, means)| {
                    means
                        .get(i)
                        .and_then(|m| m.value().and_then(|m| m.text(separator)))
                })
                .collect();
            (i + 1, text, means)
        })
        .collect();
    let rounds = radar
        .lines
        .iter()
        .enumerate()
        .map(|(j, (id, _))| (name(*id), charts::radar_swatch(j)))
        .collect();
    RadarView { chart, rows, rounds }
}
