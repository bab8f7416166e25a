//! The results page in words, tables and charts: what the template shows,
//! made from the use case's results. A hidden breakdown becomes a note and
//! nothing else: no number reaches the table, the chart or an attribute.

use askama::Template;
use samverka_app::surveys::results::{Beside, Choices, CountedRound, ResultsPage, Round};
use samverka_core::surveys::breakdown::{Counted, Merge, Selection};
use samverka_core::surveys::definition::{Definition, Question, QuestionType};
use samverka_core::surveys::results::{Shares, Shown};
use samverka_core::surveys::round::Channel;

use super::selection_code;
use super::series::{radar_view, series_view};
use crate::http::i18n::Tr;
use crate::surveys::pages::respond::Words;
use crate::ui::Page;
use crate::ui::charts::{self, Chart, Segment, StackedRow};

/// A choice of a select.
pub struct OptionItem {
    /// The value.
    pub value: String,
    /// The label.
    pub label: String,
    /// Chosen now.
    pub selected: bool,
}

/// One option's row of a question's table.
pub struct OptionRow {
    /// The swatch of its colour in the chart (an SVG).
    pub swatch: String,
    /// The option's label.
    pub label: String,
    /// Answers.
    pub count: u32,
    /// Whole percent.
    pub percent: u32,
}

/// One question of the round as shown.
pub struct QuestionView {
    /// Its key (ids in the page).
    pub key: String,
    /// Its number in the survey.
    pub number: usize,
    /// The question.
    pub text: String,
    /// Hidden to protect the respondents: nothing below is filled.
    pub suppressed: bool,
    /// How many answered.
    pub answered: u32,
    /// The options (empty for numbers and texts).
    pub rows: Vec<OptionRow>,
    /// The chart (SVG), when it has options.
    pub chart: Option<String>,
    /// What the rounded shares add up to when it is not 100.
    pub rounding: Option<u32>,
    /// Several options may be chosen: shares are of those who answered.
    pub multiple: bool,
    /// The option(s) most chosen.
    pub highest: String,
    /// The option(s) least chosen.
    pub lowest: String,
    /// The mean of a scale, in the reader's notation.
    pub mean: Option<String>,
    /// The address of its free texts, for a centre's readers.
    pub texts: Option<String>,
}

/// A question over several rounds or beside another round: one line per
/// round in a table, and a chart.
pub struct SeriesView {
    /// An id unique in the page (its chart's).
    pub id: String,
    /// The question.
    pub text: String,
    /// The option labels (the table's columns).
    pub options: Vec<String>,
    /// One line per round.
    pub lines: Vec<SeriesLine>,
    /// The chart (SVG), when any line is shown.
    pub chart: Option<String>,
}

/// One round's line of a [`SeriesView`].
pub struct SeriesLine {
    /// The round's name.
    pub label: String,
    /// The swatch of its series in a grouped chart, if the chart has one.
    pub swatch: String,
    /// Answers; `None` when hidden.
    pub n: Option<u32>,
    /// Percent per option (`None`: not asked that round).
    pub percents: Vec<Option<u32>>,
}

/// The collaboration spider's radar: the chart and its numbers.
pub struct RadarView {
    /// The chart (SVG).
    pub chart: String,
    /// One row per factor: number, statement, the mean per round.
    pub rows: Vec<(usize, String, Vec<Option<String>>)>,
    /// The rounds (columns), each with its legend swatch.
    pub rounds: Vec<(String, String)>,
}

/// The results page.
#[derive(Template)]
#[template(path = "surveys/results.html")]
pub struct ResultsView {
    page: Page,
    round_id: i64,
    survey: String,
    version: i64,
    group: String,
    period: String,
    shown_for: String,
    responses: Option<u32>,
    threshold: u32,
    at: Vec<OptionItem>,
    languages: Vec<OptionItem>,
    channels: Vec<OptionItem>,
    merges: Vec<OptionItem>,
    compare: Vec<OptionItem>,
    trend_on: bool,
    questions: Vec<QuestionView>,
    beside: Option<(String, Vec<SeriesView>)>,
    trend: Vec<SeriesView>,
    radar: Option<RadarView>,
    filtered: bool,
}

/// The label of a round in a comparison or trend.
pub(super) fn round_label(r: &Round) -> String {
    format!("{} ({})", r.title, r.opens_on.format("%Y-%m"))
}

/// The label of an option key of a question; a merged key (`a+b`) joins
/// its parts' labels.
pub(super) fn option_label(q: &Question, key: &str, lang: &str) -> String {
    let options = q.options();
    key.split('+')
        .map(|part| {
            options
                .iter()
                .find(|o| o.key == part)
                .map_or_else(|| part.to_string(), |o| o.text.get(lang).to_string())
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The chart colour of an option: "don't know" and other options off a
/// scale are muted; the others take the palette in order.
pub(super) fn colour(q: &Question, key: &str) -> Option<usize> {
    let first = key.split('+').next().unwrap_or(key);
    match q.ordered_keys() {
        Some(steps) => steps.iter().position(|k| *k == first),
        None => q.option_keys().iter().position(|k| *k == first),
    }
}

fn options(values: Vec<(String, String)>, chosen: &str) -> Vec<OptionItem> {
    values
        .into_iter()
        .map(|(value, label)| OptionItem {
            selected: value == chosen,
            value,
            label,
        })
        .collect()
}

fn selection_items(t: &Tr, choices: &Choices, selection: Selection) -> Vec<OptionItem> {
    let mut values = Vec::new();
    if choices.region {
        values.push(("region".to_string(), t.t("res-at-region")));
        for m in &choices.municipalities {
            values.push((
                selection_code(Selection::Municipality(m.id)),
                t.t1("res-at-municipality", "name", &m.name),
            ));
        }
    }
    for c in &choices.centres {
        values.push((selection_code(Selection::Centre(c.id)), c.name.clone()));
    }
    options(values, &selection_code(selection))
}

fn shown_for(t: &Tr, choices: &Choices, selection: Selection) -> String {
    match selection {
        Selection::Region => t.t("res-at-region"),
        Selection::Municipality(id) => choices
            .municipalities
            .iter()
            .find(|m| m.id == id)
            .map(|m| t.t1("res-at-municipality", "name", &m.name))
            .unwrap_or_default(),
        Selection::Centre(id) => choices
            .centres
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
    }
}

/// Option labels of the shares' keys, joined with "och" / "and".
fn labels_of(t: &Tr, q: &Question, keys: &[String], lang: &str) -> String {
    let labels: Vec<String> = keys.iter().map(|k| option_label(q, k, lang)).collect();
    match labels.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), t.t("list-and")),
    }
}

/// The words for a chart's description: each option with its percentage.
fn described(q: &Question, shares: &Shares, lang: &str) -> String {
    shares
        .rows
        .iter()
        .map(|r| format!("{} {} %", option_label(q, &r.key, lang), r.percent))
        .collect::<Vec<_>>()
        .join(", ")
}

fn question_view(
    t: &Tr,
    def: &Definition,
    counted: &Counted,
    number: usize,
    texts: Option<String>,
) -> Option<QuestionView> {
    let lang = t.lang.code();
    let q = def.question(counted.key())?;
    let text = q.text.get(lang).to_string();
    let result = counted.result();
    let mut view = QuestionView {
        key: q.key.clone(),
        number,
        text: text.clone(),
        suppressed: true,
        answered: 0,
        rows: Vec::new(),
        chart: None,
        rounding: None,
        multiple: q.kind == QuestionType::MultipleChoice,
        highest: String::new(),
        lowest: String::new(),
        mean: None,
        texts: None,
    };
    let Shown::Value(answered) = result.answered else {
        return Some(view);
    };
    view.suppressed = false;
    view.answered = answered;
    let separator = if lang == "sv" { ',' } else { '.' };
    view.mean = result
        .mean
        .and_then(Shown::into_value)
        .and_then(|m| m.text(separator));
    let takes_text = matches!(
        q.kind,
        QuestionType::ShortText | QuestionType::LongText | QuestionType::YesNo
    );
    if takes_text {
        view.texts = texts;
    }
    if let Some(Shown::Value(shares)) = result.shares {
        view.rows = shares
            .rows
            .iter()
            .map(|r| OptionRow {
                swatch: charts::swatch(colour(q, &r.key)),
                label: option_label(q, &r.key, lang),
                count: r.count,
                percent: r.percent,
            })
            .collect();
        view.rounding = shares.rounding.map(|r| r.total);
        view.highest = labels_of(t, q, &shares.highest, lang);
        view.lowest = labels_of(t, q, &shares.lowest, lang);
        let chart = Chart {
            id: format!("chart-{}", q.key),
            title: text,
            desc: t.t1("res-chart-desc", "shares", described(q, &shares, lang)),
        };
        view.chart = Some(if view.multiple {
            let items: Vec<(String, u32)> = shares
                .rows
                .iter()
                .map(|r| (option_label(q, &r.key, lang), r.percent))
                .collect();
            charts::bars(&chart, &items)
        } else {
            charts::stacked(
                &chart,
                &[StackedRow {
                    label: String::new(),
                    segments: shares
                        .rows
                        .iter()
                        .map(|r| Segment {
                            percent: r.percent,
                            colour: colour(q, &r.key),
                        })
                        .collect(),
                }],
            )
        });
    } else if q.kind.has_options() {
        view.suppressed = true;
    }
    Some(view)
}

/// The address of the page with the same filter but another selection.
fn texts_link(round_id: i64, question: &str, selection: Selection) -> Option<String> {
    match selection {
        Selection::Centre(c) => Some(format!(
            "/rounds/{round_id}/results/texts?question={question}&centre={c}"
        )),
        _ => None,
    }
}

/// The page for a round's results.
pub fn build(page: Page, r: &ResultsPage, manage: bool) -> ResultsView {
    let t = page.t;
    let lang = t.lang.code();
    let CountedRound { round, responses, .. } = &r.counted;
    let def = &r.version.definition;
    let survey = def.title.get(lang).to_string();
    let filter = &r.query.filter;
    let languages = {
        let mut v = vec![(String::new(), t.t("res-any-language"))];
        v.extend(def.languages.iter().map(|l| {
            (
                l.tag().to_string(),
                format!("{} ({})", Words::new(l.tag()).t("survey-language-name"), l.tag()),
            )
        }));
        options(v, filter.language.as_deref().unwrap_or(""))
    };
    let channels = {
        let mut v = vec![(String::new(), t.t("res-any-channel"))];
        v.extend(
            Channel::ALL
                .iter()
                .map(|c| (c.code().to_string(), t.t(&format!("res-channel-{}", c.code())))),
        );
        options(v, filter.channel.map_or("", |c| c.code()))
    };
    let merges = options(
        Merge::ALL
            .iter()
            .map(|m| (m.code().to_string(), t.t(&format!("res-merge-{}", m.code()))))
            .collect(),
        r.query.merge.code(),
    );
    let compare = {
        let mut v = vec![(String::new(), t.t("res-compare-none"))];
        v.extend(r.comparable.iter().map(|o| (o.id.to_string(), round_label(o))));
        options(v, &r.query.compare.map(|c| c.to_string()).unwrap_or_default())
    };
    let questions = r
        .counted
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, c)| question_view(&t, def, c, i + 1, texts_link(round.id, c.key(), r.selection)))
        .collect();
    let beside = r.beside.as_ref().map(|Beside { other, questions }| {
        let mine = round_label(round);
        let theirs = round_label(&other.round);
        let (mine_id, theirs_id) = (round.id.to_string(), other.round.id.to_string());
        let label_of = |id: &str| {
            if id == mine_id {
                mine.clone()
            } else if id == theirs_id {
                theirs.clone()
            } else {
                id.to_string()
            }
        };
        let views = questions
            .iter()
            .filter_map(|c| {
                series_view(
                    &t,
                    def,
                    c,
                    &label_of,
                    true,
                    &format!("chart-beside-{}", c.question),
                )
            })
            .collect();
        (theirs.clone(), views)
    });
    let trend_label = |id: &str| {
        r.trend_rounds
            .iter()
            .find(|x| x.id.to_string() == id)
            .map(round_label)
            .unwrap_or_else(|| id.to_string())
    };
    let trend = r
        .trend
        .iter()
        .filter_map(|c| {
            series_view(
                &t,
                def,
                c,
                &trend_label,
                false,
                &format!("chart-trend-{}", c.question),
            )
        })
        .collect();
    let radar = r
        .radar
        .as_ref()
        .map(|x| radar_view(&t, def, x, &r.trend_rounds, &t.t("res-radar-title")));
    let title = t.t1("res-title", "round", &round.title);
    ResultsView {
        round_id: round.id,
        survey,
        version: r.version.version,
        group: t.t(&format!("res-group-{}", round.respondent_group.code())),
        period: format!("{} – {}", round.opens_on, round.closes_on),
        shown_for: shown_for(&t, &r.choices, r.selection),
        responses: responses.value().copied(),
        threshold: r.threshold.get(),
        at: selection_items(&t, &r.choices, r.selection),
        languages,
        channels,
        merges,
        compare,
        trend_on: r.query.trend,
        questions,
        beside,
        trend,
        radar,
        filtered: filter.language.is_some() || filter.channel.is_some(),
        page: page
            .titled(title)
            .in_region(round.region_id, &r.region_name, manage, "rounds"),
    }
}
