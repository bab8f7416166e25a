//! Charts drawn on the server as SVG (*diagram*): a stacked bar per group,
//! plain bars, grouped bars and a radar chart. Each chart is an image with
//! a text alternative (`role="img"`, `<title>` and `<desc>` named by
//! `aria-labelledby`); the page shows its numbers in a table beside it.
//!
//! Small builders of our own rather than a chart library: the charts need
//! their text alternative inside the `<svg>`, no fonts (the page's own are
//! used), only presentation attributes (the page's policy forbids inline
//! styles), and the same bytes for the same numbers. Coordinates are whole
//! or tenths, written the same way every time.
//!
//! Colour is never the only cue: segments are parted by white gaps and
//! carry their percentage where it fits, the second series of grouped bars
//! is hatched, radar lines differ in dash and marker, and every colour has
//! at least 4.5:1 contrast with white (white text inside it, the white
//! page around it).

use std::fmt::Write as _;

/// Fills, each with at least 4.5:1 contrast with white.
pub const PALETTE: [&str; 8] = [
    "#0b5a7a", "#b3541e", "#6b3fa0", "#1d6b35", "#9c3d73", "#7a4d00", "#3b5bdb", "#a3161a",
];
/// The fill of an option outside the scale ("don't know"), 7.6:1 with white.
pub const MUTED: &str = "#4a5563";
/// Grid and axis lines (3:1 with white).
const GRID: &str = "#767676";
/// Text.
const INK: &str = "#1b1f24";

/// Width of every chart's drawing, in its own units (it scales to the page).
const WIDTH: u32 = 600;

/// A chart's id (unique in the page) and its text alternative.
#[derive(Debug, Clone)]
pub struct Chart {
    /// An id unique in the page, e.g. `chart-finance_clarity`.
    pub id: String,
    /// A short name (the `<title>`).
    pub title: String,
    /// What it shows, in words with its numbers (the `<desc>`).
    pub desc: String,
}

/// One part of a stacked bar.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Whole percent of the bar.
    pub percent: u32,
    /// Its fill: an index into [`PALETTE`], or `None` for [`MUTED`].
    pub colour: Option<usize>,
}

/// One bar of a stacked bar chart.
#[derive(Debug, Clone)]
pub struct StackedRow {
    /// Shown above the bar (empty for a chart of one bar).
    pub label: String,
    /// The parts, in order.
    pub segments: Vec<Segment>,
}

/// The fill of a palette index (wrapping) or the muted fill.
pub fn fill(colour: Option<usize>) -> &'static str {
    colour.map_or(MUTED, |i| PALETTE[i % PALETTE.len()])
}

/// Text made safe inside SVG (and HTML).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Tenths as `12.3` (or `12` when whole).
fn tenths(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let v = v.abs();
    if v % 10 == 0 {
        format!("{sign}{}", v / 10)
    } else {
        format!("{sign}{}.{}", v / 10, v % 10)
    }
}

/// A float in tenths, rounded half away from zero.
fn at(v: f64) -> String {
    // The values are pixels within a few hundred: no overflow.
    #[expect(clippy::cast_possible_truncation, reason = "chart coordinates are small")]
    let t = (v * 10.0).round() as i64;
    tenths(t)
}

/// The opening of a chart: the image role, its text alternative, and the
/// drawing's size.
fn open(out: &mut String, chart: &Chart, height: u32) {
    let id = escape(&chart.id);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(&chart.title),
        escape(&chart.desc)
    );
}

/// A hatch pattern for the chart (diagonal white lines over a fill).
fn hatch(out: &mut String, id: &str, colour: &str) {
    let _ = write!(
        out,
        r##"<defs><pattern id="{id}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="{colour}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="3"/></pattern></defs>"##
    );
}

const BAR: u32 = 28;
const LABEL: u32 = 20;
const GAP: u32 = 12;

/// Bars of 100 % stacked from their segments, one per row, each row's
/// label above its bar; a segment wide enough shows its percentage.
pub fn stacked(chart: &Chart, rows: &[StackedRow]) -> String {
    let labelled = rows.iter().any(|r| !r.label.is_empty());
    let row_height = BAR + GAP + if labelled { LABEL } else { 0 };
    let height = row_height * u32::try_from(rows.len()).unwrap_or(0) + GAP;
    let mut out = String::new();
    open(&mut out, chart, height.max(BAR + GAP));
    let full = i64::from(WIDTH) * 10;
    for (i, row) in rows.iter().enumerate() {
        let top = u32::try_from(i).unwrap_or(0) * row_height + GAP / 2;
        let bar_top = top + if labelled { LABEL } else { 0 };
        if labelled {
            let _ = write!(
                out,
                r#"<text x="0" y="{}" font-size="14" fill="{INK}">{}</text>"#,
                top + 15,
                escape(&row.label)
            );
        }
        let mut x: i64 = 0;
        let mut sum: u32 = 0;
        let total: u32 = row.segments.iter().map(|s| s.percent).sum::<u32>().max(1);
        for s in &row.segments {
            if s.percent == 0 {
                continue;
            }
            sum += s.percent;
            // Each segment ends where the running sum ends, so the bar is
            // full however the percentages were rounded.
            let end = full * i64::from(sum) / i64::from(total);
            let width = end - x;
            let _ = write!(
                out,
                r##"<rect x="{}" y="{bar_top}" width="{}" height="{BAR}" fill="{}" stroke="#ffffff" stroke-width="2"/>"##,
                tenths(x),
                tenths(width),
                fill(s.colour)
            );
            if width >= 420 {
                let _ = write!(
                    out,
                    r##"<text x="{}" y="{}" font-size="13" fill="#ffffff" text-anchor="middle">{} %</text>"##,
                    tenths(x + width / 2),
                    bar_top + 19,
                    s.percent
                );
            }
            x = end;
        }
    }
    out.push_str("</svg>");
    out
}

/// One horizontal bar per item (a share of 0–100 %, e.g. each option of a
/// multiple-choice question), the item's label above its bar and the
/// percentage after it.
pub fn bars(chart: &Chart, items: &[(String, u32)]) -> String {
    let row_height = LABEL + BAR / 2 + GAP;
    let height = row_height * u32::try_from(items.len()).unwrap_or(0) + GAP;
    let mut out = String::new();
    open(&mut out, chart, height);
    let room = i64::from(WIDTH - 60) * 10;
    for (i, (label, percent)) in items.iter().enumerate() {
        let top = u32::try_from(i).unwrap_or(0) * row_height + GAP / 2;
        let width = room * i64::from((*percent).min(100)) / 100;
        let _ = write!(
            out,
            r#"<text x="0" y="{}" font-size="14" fill="{INK}">{}</text><rect x="0" y="{}" width="{}" height="{}" fill="{}"/><text x="{}" y="{}" font-size="13" fill="{INK}">{} %</text>"#,
            top + 15,
            escape(label),
            top + LABEL,
            tenths(width),
            BAR / 2,
            PALETTE[0],
            tenths(width + 60),
            top + LABEL + 12,
            percent
        );
    }
    out.push_str("</svg>");
    out
}

/// Grouped bars: per category (an option) one bar per series (a group or
/// round), each with its percentage after it; the second series is
/// hatched, the third lighter, so colour is not the only cue. A series
/// without a value for a category (hidden, or not asked) draws nothing
/// there and says so with a dash.
pub fn grouped(chart: &Chart, categories: &[String], series: &[(String, Vec<Option<u32>>)]) -> String {
    let per = u32::try_from(series.len()).unwrap_or(0).max(1);
    let bar = 14;
    let row_height = LABEL + per * (bar + 2) + GAP;
    let height = row_height * u32::try_from(categories.len()).unwrap_or(0) + GAP;
    let mut out = String::new();
    open(&mut out, chart, height);
    let hatch_id = format!("{}-hatch", escape(&chart.id));
    hatch(&mut out, &hatch_id, PALETTE[1]);
    let room = i64::from(WIDTH - 60) * 10;
    for (i, category) in categories.iter().enumerate() {
        let top = u32::try_from(i).unwrap_or(0) * row_height + GAP / 2;
        let _ = write!(
            out,
            r#"<text x="0" y="{}" font-size="14" fill="{INK}">{}</text>"#,
            top + 15,
            escape(category)
        );
        for (j, (_, values)) in series.iter().enumerate() {
            let y = top + LABEL + u32::try_from(j).unwrap_or(0) * (bar + 2);
            let value = values.get(i).copied().flatten();
            let paint = match j {
                1 => format!("url(#{hatch_id})"),
                _ => PALETTE[(j * 2) % PALETTE.len()].to_string(),
            };
            let (width, text) = match value {
                Some(p) => (room * i64::from(p.min(100)) / 100, format!("{p} %")),
                None => (0, "–".to_string()),
            };
            if width > 0 {
                let _ = write!(
                    out,
                    r#"<rect x="0" y="{y}" width="{}" height="{bar}" fill="{paint}"/>"#,
                    tenths(width)
                );
            }
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" font-size="12" fill="{INK}">{text}</text>"#,
                tenths(width + 60),
                y + 11
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// The swatch of series `j` of [`grouped`], as a small image for a legend
/// or a table (hidden from screen readers: the name beside it says it).
pub fn grouped_swatch(id: &str, j: usize) -> String {
    let mut out = String::from(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">"#,
    );
    let paint = if j == 1 {
        let hatch_id = format!("{}-swatch-hatch", escape(id));
        hatch(&mut out, &hatch_id, PALETTE[1]);
        format!("url(#{hatch_id})")
    } else {
        PALETTE[(j * 2) % PALETTE.len()].to_string()
    };
    let _ = write!(out, r#"<rect width="14" height="14" fill="{paint}"/></svg>"#);
    out
}

/// A plain swatch of a fill, for a table row or a legend.
pub fn swatch(colour: Option<usize>) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect width="14" height="14" fill="{}"/></svg>"#,
        fill(colour)
    )
}

/// The dash of radar line `j` (solid, dashed, dotted, …).
fn dash(j: usize) -> &'static str {
    ["", "8 4", "2 3", "10 3 2 3"][j % 4]
}

/// A radar chart (*spindeldiagram*): one axis per item from the centre
/// (0) out to `max`, rings at each whole step, and one closed line per
/// series through its values (hundredths; `None` where a value is hidden,
/// drawn as a gap at the centre and said in the description). Lines differ
/// in colour, dash and marker.
pub fn radar(chart: &Chart, axes: &[String], max: u32, lines: &[(String, Vec<Option<u32>>)]) -> String {
    let height = 460;
    let (cx, cy, r) = (300.0_f64, 230.0_f64, 150.0_f64);
    let mut out = String::new();
    open(&mut out, chart, height);
    let n = axes.len().max(1);
    let angle = |i: usize| -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "a handful of axes")]
        let (i, n) = (i as f64, n as f64);
        -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i / n
    };
    let point = |i: usize, fraction: f64| {
        (
            cx + r * fraction * angle(i).cos(),
            cy + r * fraction * angle(i).sin(),
        )
    };
    let max = max.max(1);
    for step in 1..=max {
        let fraction = f64::from(step) / f64::from(max);
        let ring: Vec<String> = (0..n)
            .map(|i| {
                let (x, y) = point(i, fraction);
                format!("{},{}", at(x), at(y))
            })
            .collect();
        let _ = write!(
            out,
            r#"<polygon points="{}" fill="none" stroke="{GRID}" stroke-width="1"/>"#,
            ring.join(" ")
        );
        let (x, y) = point(0, fraction);
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="11" fill="{INK}">{step}</text>"#,
            at(x + 4.0),
            at(y + 4.0)
        );
    }
    for (i, label) in axes.iter().enumerate() {
        let (x, y) = point(i, 1.0);
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{GRID}" stroke-width="1"/>"#,
            at(cx),
            at(cy),
            at(x),
            at(y)
        );
        let (lx, ly) = point(i, 1.12);
        let anchor = if (lx - cx).abs() < 1.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="12" fill="{INK}" text-anchor="{anchor}">{}</text>"#,
            at(lx),
            at(ly + 4.0),
            escape(label)
        );
    }
    for (j, (_, values)) in lines.iter().enumerate() {
        let colour = PALETTE[j % PALETTE.len()];
        let points: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let v = values.get(i).copied().flatten().unwrap_or(0);
                point(i, f64::from(v) / 100.0 / f64::from(max))
            })
            .collect();
        let list: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", at(*x), at(*y)))
            .collect();
        let dash = dash(j);
        let dashed = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{dash}""#)
        };
        let _ = write!(
            out,
            r#"<polygon points="{}" fill="none" stroke="{colour}" stroke-width="2.5"{dashed}/>"#,
            list.join(" ")
        );
        for (i, (x, y)) in points.iter().enumerate() {
            if values.get(i).copied().flatten().is_none() {
                continue;
            }
            marker(&mut out, j, *x, *y, colour);
        }
    }
    out.push_str("</svg>");
    out
}

/// The marker of radar line `j` at a point: a circle, a square, a
/// triangle, a diamond.
fn marker(out: &mut String, j: usize, x: f64, y: f64, colour: &str) {
    let _ = match j % 4 {
        0 => write!(
            out,
            r#"<circle cx="{}" cy="{}" r="4" fill="{colour}"/>"#,
            at(x),
            at(y)
        ),
        1 => write!(
            out,
            r#"<rect x="{}" y="{}" width="8" height="8" fill="{colour}"/>"#,
            at(x - 4.0),
            at(y - 4.0)
        ),
        2 => write!(
            out,
            r#"<polygon points="{},{} {},{} {},{}" fill="{colour}"/>"#,
            at(x),
            at(y - 5.0),
            at(x + 5.0),
            at(y + 4.0),
            at(x - 5.0),
            at(y + 4.0)
        ),
        _ => write!(
            out,
            r#"<polygon points="{},{} {},{} {},{} {},{}" fill="{colour}"/>"#,
            at(x),
            at(y - 5.0),
            at(x + 5.0),
            at(y),
            at(x),
            at(y + 5.0),
            at(x - 5.0),
            at(y)
        ),
    };
}

/// The legend entry of radar line `j`: its colour, dash and marker.
pub fn radar_swatch(j: usize) -> String {
    let colour = PALETTE[j % PALETTE.len()];
    let dash = dash(j);
    let dashed = if dash.is_empty() {
        String::new()
    } else {
        format!(r#" stroke-dasharray="{dash}""#)
    };
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="swatch" width="36" height="14" viewBox="0 0 36 14" aria-hidden="true" focusable="false"><line x1="0" y1="7" x2="36" y2="7" stroke="{colour}" stroke-width="2.5"{dashed}/>"#
    );
    marker(&mut out, j, 18.0, 7.0, colour);
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> Chart {
        Chart {
            id: "c1".into(),
            title: "Ekonomi <tydlig>".into(),
            desc: "Vet ej 4 %".into(),
        }
    }

    /// 4 % "don't know" and 96 % on the first step.
    fn four_and_ninety_six() -> String {
        let segment = |percent, colour| Segment { percent, colour };
        stacked(
            &chart(),
            &[StackedRow {
                label: String::new(),
                segments: vec![segment(4, None), segment(96, Some(0))],
            }],
        )
    }

    #[test]
    fn a_chart_is_an_image_named_by_its_title_and_description_with_text_escaped() {
        let svg = four_and_ninety_six();
        assert!(svg.starts_with(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="c1" role="img" aria-labelledby="c1-title c1-desc""#
        ));
        assert!(svg.contains(r#"<title id="c1-title">Ekonomi &lt;tydlig&gt;</title>"#));
        assert!(svg.contains(r#"<desc id="c1-desc">Vet ej 4 %</desc>"#));
        assert!(svg.contains(">96 %</text>"), "a wide segment is labelled");
        assert!(!svg.contains(">4 %</text>"), "a narrow one is not");
        assert!(!svg.contains("style"), "no inline styles");
        assert_eq!(svg, four_and_ninety_six(), "the same numbers, the same bytes");
    }

    #[test]
    fn a_stacked_bar_fills_its_width_even_when_rounded_shares_add_up_to_99() {
        let thirds = StackedRow {
            label: "2025".into(),
            segments: (0..3)
                .map(|i| Segment {
                    percent: 33,
                    colour: Some(i),
                })
                .collect(),
        };
        let svg = stacked(&chart(), &[thirds]);
        assert!(svg.contains(r#"<rect x="400" y="26" width="200""#), "{svg}");
    }

    #[test]
    fn radar_lines_differ_in_dash_and_marker_and_a_hidden_value_has_no_marker() {
        let svg = radar(
            &chart(),
            &["a".into(), "b".into(), "c".into()],
            4,
            &[
                ("2024".into(), vec![Some(300), Some(250), None]),
                ("2025".into(), vec![Some(320), Some(280), Some(310)]),
            ],
        );
        assert_eq!(svg.matches("<circle").count(), 2, "line 1: two shown values");
        assert!(svg.contains(r#"stroke-dasharray="8 4""#));
        assert_eq!(
            svg.matches("fill=\"none\" stroke=\"#767676\"").count(),
            4,
            "four rings"
        );
    }
}
