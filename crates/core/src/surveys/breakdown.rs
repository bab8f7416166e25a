//! A round's results for one selection (*urval*): the whole region, one
//! municipality or one centre, computed from the counts kept per centre,
//! question and option, never from the raw answers.
//!
//! The rule that keeps answers anonymous is applied here, per question
//! (routing makes each question's number of answers differ): the region,
//! its municipalities and their centres form one tree of breakdowns, and
//! [`suppress`] decides for the whole tree which are hidden, so that no
//! selection a user may ask for reveals another by subtraction. The
//! selection asked for is then shown only through its cell's gate.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::definition::{Definition, Question, QuestionType};
use super::results::{
    Cell, Distribution, Gate, Mean, ResultsError, Scale, Shares, Shown, Threshold, suppress,
};

/// The option key under which a tally counts the responses that answered a
/// question at all (for multiple choice, several options may be counted
/// for one response).
pub const ANSWERED: &str = "";

/// One kept count (*räknat svar*): how many responses of a round at a
/// centre (or with no centre) chose an option of a question, or answered
/// it at all ([`ANSWERED`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// The centre the responses came through; `None` for none.
    pub centre_id: Option<i64>,
    /// The question's key.
    pub question: String,
    /// The option's key, or [`ANSWERED`].
    pub option: String,
    /// How many.
    pub count: u32,
}

/// A centre of a round and its municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The centre.
    pub centre_id: i64,
    /// Its municipality.
    pub municipality_id: i64,
}

/// What a user asks to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "level", content = "id", rename_all = "snake_case")]
pub enum Selection {
    /// Every response of the round.
    Region,
    /// The responses through one municipality's centres.
    Municipality(i64),
    /// The responses through one centre.
    Centre(i64),
}

/// One question's result for a selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionResult {
    /// The question's key.
    pub key: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// How many answered it.
    pub answered: Shown<u32>,
    /// How the answers spread over the options; `None` for numbers and
    /// free texts, which have no options.
    pub shares: Option<Shown<Shares>>,
    /// The mean of a scale (*medelvärde*, "don't know" left out); `None`
    /// for other questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean: Option<Shown<Mean>>,
}

/// Which adjacent options of the scale questions are shown as one
/// (*sammanslagning*): none, the two highest steps ("till stor del" and
/// "helt och hållet"; 3 and 4), the two lowest steps ("inte alls" and "till
/// viss del"; 1 and 2), or both pairs. "Don't know" is never merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Merge {
    /// Every option on its own.
    #[default]
    None,
    /// The two highest steps of each scale as one.
    Top,
    /// The two lowest steps of each scale as one.
    Bottom,
    /// The two lowest and the two highest steps, each pair as one.
    Both,
}

impl Merge {
    /// Every choice, in the order a form offers them.
    pub const ALL: [Merge; 4] = [Merge::None, Merge::Top, Merge::Bottom, Merge::Both];

    /// The stable code, as in a query string (`top`).
    pub fn code(self) -> &'static str {
        match self {
            Merge::None => "none",
            Merge::Top => "top",
            Merge::Bottom => "bottom",
            Merge::Both => "both",
        }
    }

    /// Reads [`Merge::code`].
    pub fn from_code(code: &str) -> Option<Merge> {
        Merge::ALL.into_iter().find(|m| m.code() == code.trim())
    }

    /// The groups of adjacent option keys this merges for a question, in
    /// option order: none for a question that is not a scale.
    pub fn groups(self, q: &Question) -> Vec<Vec<&'static str>> {
        let Some(steps) = q.ordered_keys() else {
            return Vec::new();
        };
        let (low, high) = match steps {
            [a, b, .., y, z] => (vec![*a, *b], vec![*y, *z]),
            _ => return Vec::new(),
        };
        match self {
            Merge::None => Vec::new(),
            Merge::Top => vec![high],
            Merge::Bottom => vec![low],
            Merge::Both => vec![low, high],
        }
    }
}

/// One question counted for a selection (*räknad fråga*): its answers
/// spread over its options and the gate the tree of breakdowns gives the
/// selection. The numbers come out only through the gate, as [`Shown`]
/// values; comparisons and trends are made of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    key: String,
    kind: QuestionType,
    answered: u32,
    gate: Gate,
    /// The options as asked, for the mean.
    asked: Option<Distribution>,
    /// The options as shown (merged on request).
    shown: Option<Distribution>,
    scale: Option<Scale>,
}

impl Counted {
    /// The question's key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The question's type.
    pub fn kind(&self) -> QuestionType {
        self.kind
    }

    /// How many answered, if it may be shown.
    pub fn answered(&self) -> Shown<u32> {
        self.gate.show(self.answered, self.answered)
    }

    /// Whether the selection's answers to the question may be shown.
    pub fn is_shown(&self) -> bool {
        !self.answered().is_suppressed()
    }

    /// The gate of the selection for this question.
    pub fn gate(&self) -> Gate {
        self.gate
    }

    /// The distribution as shown (options merged on request); `None` for
    /// numbers and free texts. Its numbers come out only through a gate.
    pub fn distribution(&self) -> Option<&Distribution> {
        self.shown.as_ref()
    }

    /// The mean on the scale (scale questions only), if it may be shown.
    pub fn mean(&self) -> Option<Shown<Mean>> {
        let (d, scale) = (self.asked.as_ref()?, self.scale.as_ref()?);
        d.mean(scale, self.gate).ok()
    }

    /// The question's result, as a page or the API shows it.
    pub fn result(&self) -> QuestionResult {
        QuestionResult {
            key: self.key.clone(),
            kind: self.kind,
            answered: self.answered(),
            shares: self.shown.as_ref().map(|d| d.shares(self.gate)),
            mean: self.mean(),
        }
    }
}

/// The results of every question of `def` for `selection`, from the kept
/// `tallies` of the round whose centres are `places`. Each question's tree
/// is suppressed on its own with `threshold`; a centre or municipality
/// that is not among `places` shows nothing.
pub fn results(
    def: &Definition,
    tallies: &[Tally],
    places: &[Place],
    selection: Selection,
    threshold: Threshold,
) -> Result<Vec<QuestionResult>, ResultsError> {
    Ok(count(def, tallies, places, selection, threshold, Merge::None)?
        .iter()
        .map(Counted::result)
        .collect())
}

/// Every question of `def` counted for `selection` (see [`results`]), the
/// scales' options merged as `merge` asks.
pub fn count(
    def: &Definition,
    tallies: &[Tally],
    places: &[Place],
    selection: Selection,
    threshold: Threshold,
    merge: Merge,
) -> Result<Vec<Counted>, ResultsError> {
    let by_question = by_question(tallies);
    let frame = Frame::new(places, selection, threshold);
    def.questions()
        .map(|q| {
            let tallies = by_question.get(q.key.as_str()).map_or(&[][..], Vec::as_slice);
            counted(q, tallies, &frame, merge)
        })
        .collect()
}

/// Every question of `def` counted for `selection` (see [`results`]) from
/// counts already summed by whoever read them: `answered` holds the
/// responses that answered each question ([`ANSWERED`]) and the responses
/// themselves (question `''`) per centre, for the tree of breakdowns;
/// `chosen` holds each option's count summed over the selection's
/// responses only (its centres are not read). A store can then sum the
/// options where they lie instead of handing out every centre's.
pub fn count_summed(
    def: &Definition,
    answered: &[Tally],
    chosen: &[Tally],
    places: &[Place],
    selection: Selection,
    threshold: Threshold,
    merge: Merge,
) -> Result<Vec<Counted>, ResultsError> {
    let mut by_question = by_question(answered);
    for t in chosen.iter().filter(|t| t.option != ANSWERED) {
        by_question.entry(t.question.as_str()).or_default().push(t);
    }
    let frame = Frame {
        summed: true,
        ..Frame::new(places, selection, threshold)
    };
    def.questions()
        .map(|q| {
            let tallies = by_question.get(q.key.as_str()).map_or(&[][..], Vec::as_slice);
            counted(q, tallies, &frame, merge)
        })
        .collect()
}

/// One question of a round counted for `selection`: what the free texts'
/// gate needs, without counting the other questions. `tallies` may hold
/// other questions' counts; only `q`'s are read.
pub fn count_one(
    q: &Question,
    tallies: &[Tally],
    places: &[Place],
    selection: Selection,
    threshold: Threshold,
) -> Result<Counted, ResultsError> {
    let own: Vec<&Tally> = tallies.iter().filter(|t| t.question == q.key).collect();
    counted(q, &own, &Frame::new(places, selection, threshold), Merge::None)
}

/// How many responses the selection has (question and option `''` in the
/// tallies), if it may be shown: suppressed on the same tree of breakdowns
/// as each question.
pub fn responses(
    tallies: &[Tally],
    places: &[Place],
    selection: Selection,
    threshold: Threshold,
) -> Result<Shown<u32>, ResultsError> {
    let own: Vec<&Tally> = tallies.iter().filter(|t| t.question.is_empty()).collect();
    let (gate, n) = tree_gate(&own, &Frame::new(places, selection, threshold))?;
    Ok(gate.show(n, n))
}

fn by_question(tallies: &[Tally]) -> BTreeMap<&str, Vec<&Tally>> {
    let mut by_question: BTreeMap<&str, Vec<&Tally>> = BTreeMap::new();
    for t in tallies {
        by_question.entry(t.question.as_str()).or_default().push(t);
    }
    by_question
}

/// The id of a selection's cell in the tree.
fn cell_id(selection: Selection) -> String {
    match selection {
        Selection::Region => "region".into(),
        Selection::Municipality(id) => format!("municipality:{id}"),
        Selection::Centre(id) => format!("centre:{id}"),
    }
}

/// The round's centres and the selection, ready to ask which responses
/// belong to it.
struct Frame<'a> {
    places: &'a [Place],
    municipality_of: HashMap<i64, i64>,
    selection: Selection,
    threshold: Threshold,
    /// The option counts are the selection's already.
    summed: bool,
}

impl<'a> Frame<'a> {
    fn new(places: &'a [Place], selection: Selection, threshold: Threshold) -> Frame<'a> {
        Frame {
            places,
            municipality_of: places.iter().map(|p| (p.centre_id, p.municipality_id)).collect(),
            selection,
            threshold,
            summed: false,
        }
    }

    /// Whether an option's count belongs to the selection.
    fn chosen(&self, centre: Option<i64>) -> bool {
        self.summed || self.selected(centre)
    }

    /// Whether responses through `centre` (`None`: no centre) belong to the selection.
    fn selected(&self, centre: Option<i64>) -> bool {
        match self.selection {
            Selection::Region => true,
            Selection::Centre(id) => centre == Some(id),
            Selection::Municipality(m) => centre.is_some_and(|c| self.municipality_of.get(&c) == Some(&m)),
        }
    }
}

/// The gate of `selection` in the tree of one question's breakdowns (the
/// region, its municipalities, their centres), and how many of the
/// selection answered. Answers with no centre (or a centre not in the
/// round) are the region's own.
fn tree_gate(tallies: &[&Tally], frame: &Frame<'_>) -> Result<(Gate, u32), ResultsError> {
    let places = frame.places;
    let mut at: BTreeMap<Option<i64>, u64> = BTreeMap::new();
    for t in tallies.iter().filter(|t| t.option == ANSWERED) {
        *at.entry(t.centre_id).or_default() += u64::from(t.count);
    }
    let count = |n: u64| u32::try_from(n).map_err(|_| ResultsError::TooMany);
    let answered_at = |centre: i64| at.get(&Some(centre)).copied().unwrap_or(0);
    let mut cells = vec![Cell::root("region", count(at.values().sum())?)];
    let municipalities: BTreeSet<i64> = places.iter().map(|p| p.municipality_id).collect();
    for m in municipalities {
        let id = format!("municipality:{m}");
        let centres: Vec<i64> = places
            .iter()
            .filter(|p| p.municipality_id == m)
            .map(|p| p.centre_id)
            .collect();
        cells.push(Cell::child(
            id.clone(),
            "region",
            count(centres.iter().map(|c| answered_at(*c)).sum())?,
        ));
        for c in centres {
            cells.push(Cell::child(
                format!("centre:{c}"),
                id.clone(),
                count(answered_at(c))?,
            ));
        }
    }
    let gate = suppress(&cells, frame.threshold)?.gate(&cell_id(frame.selection));
    let answered: u64 = at
        .iter()
        .filter(|(centre, _)| frame.selected(**centre))
        .map(|(_, n)| *n)
        .sum();
    Ok((gate, count(answered)?))
}

fn counted(
    q: &Question,
    tallies: &[&Tally],
    frame: &Frame<'_>,
    merge: Merge,
) -> Result<Counted, ResultsError> {
    let (gate, answered) = tree_gate(tallies, frame)?;
    let asked = if q.kind.has_options() {
        let mut by_option: BTreeMap<&str, u64> = BTreeMap::new();
        for t in tallies
            .iter()
            .filter(|t| t.option != ANSWERED && frame.chosen(t.centre_id))
        {
            *by_option.entry(t.option.as_str()).or_default() += u64::from(t.count);
        }
        let mut counts: Vec<(String, u32)> = Vec::new();
        for k in q.option_keys() {
            let n = by_option.get(k).copied().unwrap_or(0);
            counts.push((
                k.to_string(),
                u32::try_from(n).map_err(|_| ResultsError::TooMany)?,
            ));
        }
        Some(if q.kind == QuestionType::MultipleChoice {
            Distribution::from_multiple_counts(q.key.clone(), counts, answered)?
        } else {
            Distribution::from_counts(q.key.clone(), counts)?
        })
    } else {
        None
    };
    let shown = match &asked {
        Some(d) => {
            let mut merged = d.clone();
            for group in merge.groups(q) {
                merged = merged.merge(&group)?;
            }
            Some(merged)
        }
        None => None,
    };
    let scale = match q.ordered_keys() {
        Some(steps) => Some(Scale::new(
            steps.iter().copied(),
            q.option_keys().into_iter().filter(|k| !steps.contains(k)),
        )?),
        None => None,
    };
    Ok(Counted {
        key: q.key.clone(),
        kind: q.kind,
        answered,
        gate,
        asked,
        shown,
        scale,
    })
}

#[cfg(test)]
pub(crate) mod tests;
