//! Suppression of small groups (*röjandeskydd*): which breakdowns of a survey
//! result may be shown, so that no answer can be traced to a person.
//!
//! Two rules. A breakdown with fewer answers than the region's threshold is
//! hidden (`too_few`). And because breakdowns nest (a municipality's total
//! and its centres; a total and the groups it is split by), hiding one small
//! centre is not enough: the municipality's total minus the centres that are
//! shown would give it back. So within every shown parent, the hidden
//! children must be none, or at least two that together hold at least the
//! threshold's number of answers; other cells are hidden to make it so
//! (`complementary`).
//!
//! How the rules read a tree of cells:
//!
//! - A cell with no answers is hidden (`no_answers`: there is nothing to
//!   show), but it neither needs protecting (subtracting finds no one) nor
//!   protects anything: it never counts as a hidden child. It may be shown as
//!   "no answers" rather than as hidden.
//! - A cell hidden to protect a sibling must not be rebuilt from its own
//!   children: if all of them are shown, one is hidden too (the smallest),
//!   and so on down. What a hidden cell adds to its parent's hidden part is
//!   what stays unknown of it once its shown descendants are subtracted.
//! - The part of a parent that none of its children holds (respondents who
//!   named no centre, say) is shown nowhere, but its size may be known, so
//!   it never protects a hidden child. When it has answers but fewer than
//!   the threshold, it is protected like a small child: at least two hidden
//!   children with enough answers between them. To show it, make it a cell
//!   of its own.
//! - When a parent's rule cannot be met (its only child with answers is
//!   hidden), the parent is hidden too, and the rule is then checked one
//!   level up.
//! - Complements are chosen smallest first (ties in the order given), so as
//!   little as possible is hidden; deeper groups are settled first.
//!
//! Children may overlap (a person in two groups, when a total is split by
//! respondent group): a parent's uncovered part is then taken as none.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::ResultsError;

/// The smallest number of answers a shown breakdown may have (*minsta
/// antal svar*) for a region: never below [`Threshold::MIN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Threshold(u32);

impl Threshold {
    /// The lowest threshold any region may set.
    pub const MIN: u32 = 5;

    /// A region's threshold; a lower number is raised to [`Threshold::MIN`].
    pub fn new(k: u32) -> Threshold {
        Threshold(k.max(Threshold::MIN))
    }

    /// The number of answers.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for Threshold {
    fn default() -> Threshold {
        Threshold(Threshold::MIN)
    }
}

/// A number that may be shown, or the mark that it is hidden (*visas ej*).
/// Results hand their numbers out only in this type, so a hidden number
/// cannot be shown by mistake: `Suppressed` holds nothing. Every hidden cell
/// looks the same: why it is hidden is in [`Suppression`], for the people who
/// run the survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "value", rename_all = "snake_case")]
pub enum Shown<T> {
    /// The value, which may be shown.
    #[serde(rename = "shown")]
    Value(T),
    /// Hidden to protect the respondents.
    Suppressed,
}

impl<T> Shown<T> {
    /// The value, if it may be shown.
    pub fn value(&self) -> Option<&T> {
        match self {
            Shown::Value(v) => Some(v),
            Shown::Suppressed => None,
        }
    }

    /// The value, if it may be shown, taken out.
    pub fn into_value(self) -> Option<T> {
        match self {
            Shown::Value(v) => Some(v),
            Shown::Suppressed => None,
        }
    }

    /// Whether the value is hidden.
    pub fn is_suppressed(&self) -> bool {
        matches!(self, Shown::Suppressed)
    }

    /// Works on the value if it may be shown; hidden stays hidden.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Shown<U> {
        match self {
            Shown::Value(v) => Shown::Value(f(v)),
            Shown::Suppressed => Shown::Suppressed,
        }
    }
}

/// Whether one breakdown may be shown: the threshold, and whether the
/// breakdown was hidden to protect another. Built from a [`Threshold`] for a
/// breakdown that nests with no other (a whole survey's total), or from
/// [`Suppression::gate`] for a cell of a tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    threshold: Threshold,
    hidden: bool,
}

impl From<Threshold> for Gate {
    fn from(threshold: Threshold) -> Gate {
        Gate {
            threshold,
            hidden: false,
        }
    }
}

impl Gate {
    /// Whether a breakdown of `n` answers may be shown.
    fn admits(self, n: u32) -> bool {
        !self.hidden && n > 0 && n >= self.threshold.get()
    }

    /// `value`, if a breakdown of `n` answers may be shown.
    pub fn show<T>(self, n: u32, value: T) -> Shown<T> {
        if self.admits(n) {
            Shown::Value(value)
        } else {
            Shown::Suppressed
        }
    }

    /// The value `make` gives, if a breakdown of `n` answers may be shown;
    /// `make` is not called otherwise.
    pub(super) fn show_with<T>(self, n: u32, make: impl FnOnce() -> T) -> Shown<T> {
        if self.admits(n) {
            Shown::Value(make())
        } else {
            Shown::Suppressed
        }
    }
}

/// One breakdown in a tree of breakdowns (*redovisningsgrupp*): its id, the
/// breakdown it is part of, and its number of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Id of the breakdown, unique in the tree (`"municipality:0380"`).
    pub id: String,
    /// Id of the breakdown it is part of; `None` for a top one.
    pub parent: Option<String>,
    /// Number of answers.
    pub n: u32,
}

impl Cell {
    /// A top breakdown (a region's or a survey's total).
    pub fn root(id: impl Into<String>, n: u32) -> Cell {
        Cell {
            id: id.into(),
            parent: None,
            n,
        }
    }

    /// A breakdown that is part of `parent`.
    pub fn child(id: impl Into<String>, parent: impl Into<String>, n: u32) -> Cell {
        Cell {
            id: id.into(),
            parent: Some(parent.into()),
            n,
        }
    }
}

/// Why a breakdown is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Fewer answers than the threshold (*för få svar*).
    TooFew,
    /// Enough answers, but hidden so that another hidden breakdown cannot be
    /// worked out by subtraction (*sekundär röjning*).
    Complementary,
    /// No answers at all: nothing to show, nothing to protect.
    NoAnswers,
}

/// The hidden breakdowns of a tree, each with why (*röjandekontroll*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    threshold: Threshold,
    hidden: BTreeMap<String, Reason>,
    shown: BTreeSet<String>,
}

impl Suppression {
    /// The threshold the tree was checked against.
    pub fn threshold(&self) -> Threshold {
        self.threshold
    }

    /// Whether the cell is hidden. An id that was not in the tree counts as
    /// hidden.
    pub fn is_suppressed(&self, id: &str) -> bool {
        !self.shown.contains(id)
    }

    /// Why a cell is hidden; `None` when it may be shown (or is unknown).
    pub fn reason(&self, id: &str) -> Option<Reason> {
        self.hidden.get(id).copied()
    }

    /// The hidden cells and why, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Reason)> {
        self.hidden.iter().map(|(id, r)| (id.as_str(), *r))
    }

    /// The gate for one cell's numbers. A cell that was not in the tree is
    /// hidden: only what was checked is shown.
    pub fn gate(&self, id: &str) -> Gate {
        Gate {
            threshold: self.threshold,
            hidden: !self.shown.contains(id),
        }
    }
}

/// Decides which cells of a tree of breakdowns are hidden, and why: every
/// cell with fewer answers than the threshold, and the complements that keep
/// them from being worked out by subtraction (the rules are in the module
/// documentation). Pure: the same cells give the same answer.
///
/// Refuses a tree with an id twice ([`ResultsError::DuplicateCell`]), a
/// parent that is not in it ([`ResultsError::UnknownParent`]) or a cell that
/// is its own ancestor ([`ResultsError::Cycle`]).
pub fn suppress(cells: &[Cell], threshold: Threshold) -> Result<Suppression, ResultsError> {
    let tree = Tree::new(cells)?;
    let mut reasons: Vec<Option<Reason>> = cells
        .iter()
        .map(|c| match c.n {
            0 => Some(Reason::NoAnswers),
            n if n < threshold.get() => Some(Reason::TooFew),
            _ => None,
        })
        .collect();
    // Each round hides one more cell, so this ends.
    while let Some(i) = tree.next_complement(&reasons, u64::from(threshold.get())) {
        reasons[i] = Some(Reason::Complementary);
    }
    let mut hidden = BTreeMap::new();
    let mut shown = BTreeSet::new();
    for (cell, reason) in cells.iter().zip(reasons) {
        match reason {
            Some(r) => {
                hidden.insert(cell.id.clone(), r);
            }
            None => {
                shown.insert(cell.id.clone());
            }
        }
    }
    Ok(Suppression {
        threshold,
        hidden,
        shown,
    })
}

/// The cells as a tree, by index.
struct Tree<'a> {
    cells: &'a [Cell],
    children: Vec<Vec<usize>>,
    /// Every cell, deepest first (ties in the order given): children before
    /// their parents.
    bottom_up: Vec<usize>,
    /// The answers of a cell that none of its children holds.
    residue: Vec<u64>,
}

impl<'a> Tree<'a> {
    fn new(cells: &'a [Cell]) -> Result<Tree<'a>, ResultsError> {
        let mut index: HashMap<&str, usize> = HashMap::with_capacity(cells.len());
        for (i, cell) in cells.iter().enumerate() {
            if index.insert(cell.id.as_str(), i).is_some() {
                return Err(ResultsError::DuplicateCell(cell.id.clone()));
            }
        }
        let mut parent = Vec::with_capacity(cells.len());
        for cell in cells {
            parent.push(match &cell.parent {
                None => None,
                Some(p) => Some(*index.get(p.as_str()).ok_or_else(|| ResultsError::UnknownParent {
                    cell: cell.id.clone(),
                    parent: p.clone(),
                })?),
            });
        }
        let mut depth = Vec::with_capacity(cells.len());
        let mut children = vec![Vec::new(); cells.len()];
        for (i, cell) in cells.iter().enumerate() {
            let mut d = 0usize;
            let mut up = parent[i];
            while let Some(p) = up {
                d += 1;
                if d > cells.len() {
                    return Err(ResultsError::Cycle(cell.id.clone()));
                }
                up = parent[p];
            }
            depth.push(d);
            if let Some(p) = parent[i] {
                children[p].push(i);
            }
        }
        let mut bottom_up: Vec<usize> = (0..cells.len()).collect();
        bottom_up.sort_by_key(|&i| (std::cmp::Reverse(depth[i]), i));
        let residue = cells
            .iter()
            .zip(&children)
            .map(|(cell, kids)| {
                let covered: u64 = kids.iter().map(|&c| u64::from(cells[c].n)).sum();
                u64::from(cell.n).saturating_sub(covered)
            })
            .collect();
        Ok(Tree {
            cells,
            children,
            bottom_up,
            residue,
        })
    }

    /// The next cell to hide as a complement, or `None` when every rule
    /// holds.
    fn next_complement(&self, reasons: &[Option<Reason>], k: u64) -> Option<usize> {
        let hidden = |i: usize| reasons[i].is_some();
        // What stays unknown of a cell once its shown descendants are
        // subtracted: for a shown parent, its hidden part.
        let mut unknown = vec![0u64; self.cells.len()];
        for &i in &self.bottom_up {
            let below: u64 = self.children[i]
                .iter()
                .filter(|&&c| hidden(c))
                .map(|&c| unknown[c])
                .sum();
            unknown[i] = self.residue[i] + below;
        }
        let smallest_shown_child = |i: usize| {
            self.children[i]
                .iter()
                .copied()
                .filter(|&c| !hidden(c) && self.cells[c].n > 0)
                .min_by_key(|&c| (self.cells[c].n, c))
        };
        // A hidden cell whose shown children add up to it.
        for &i in &self.bottom_up {
            if hidden(i)
                && self.cells[i].n > 0
                && unknown[i] == 0
                && let Some(c) = smallest_shown_child(i)
            {
                return Some(c);
            }
        }
        // A shown parent whose hidden children are one, or too few answers,
        // or that shows all its children around a small uncovered part.
        for &i in &self.bottom_up {
            if hidden(i) || self.children[i].is_empty() {
                continue;
            }
            let (pieces, mass) = self.children[i]
                .iter()
                .filter(|&&c| hidden(c) && unknown[c] > 0)
                .fold((0usize, 0u64), |(p, m), &c| (p + 1, m + unknown[c]));
            let residue = self.residue[i];
            let exposed = pieces > 0 || (residue > 0 && residue < k);
            if !exposed || (pieces >= 2 && mass >= k) {
                continue;
            }
            return Some(smallest_shown_child(i).unwrap_or(i));
        }
        None
    }
}
