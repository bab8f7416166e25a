//! Statistics of survey results (*resultat*): how the answers to one
//! question spread over its options in one breakdown, in whole percent as a
//! report rounds them; the highest and lowest option; adjacent options
//! merged on request; the mean of an ordered scale; groups side by side and
//! rounds over time.
//!
//! Everything works on option keys and counts, never on a person. A
//! [`Distribution`] keeps its numbers to itself: they come out only through
//! a [`Gate`] (a region's [`Threshold`], or a cell of a [`Suppression`]), as
//! [`Shown`] values, so a breakdown that must be hidden cannot be shown by
//! mistake.
//!
//! Percentages and means are computed with whole numbers: no floating point,
//! so a page, an export and a test agree to the last digit.

mod suppression;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub use suppression::{Cell, Gate, Reason, Shown, Suppression, Threshold, suppress};

/// Why a result cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResultsError {
    /// An option key was given twice.
    #[error("option {0:?} is given twice")]
    DuplicateOption(String),
    /// An answer or a request names an option the question does not have.
    #[error("the question has no option {0:?}")]
    UnknownOption(String),
    /// The options to merge are not next to each other.
    #[error("options {0:?} are not next to each other")]
    NotAdjacent(Vec<String>),
    /// Merging needs two options or more.
    #[error("merging needs at least two options")]
    TooFewToMerge,
    /// The operation needs one answer per response.
    #[error("{0} is not possible for a multiple-choice question")]
    MultipleChoice(&'static str),
    /// An option of a multiple-choice question counts more answers than
    /// there are responses.
    #[error("option {key:?} counts {count} answers, more than the {responses} responses")]
    MoreThanResponses {
        /// The option.
        key: String,
        /// Its count.
        count: u32,
        /// The number of responses.
        responses: u32,
    },
    /// More answers than can be counted.
    #[error("more answers than can be counted")]
    TooMany,
    /// An option of the question is neither on the scale nor excluded from
    /// the mean.
    #[error("option {0:?} is neither on the scale nor excluded from it")]
    OffScale(String),
    /// Distributions of different questions cannot be compared.
    #[error("questions {0:?} and {1:?} are different")]
    DifferentQuestions(String, String),
    /// A comparison needs at least one distribution.
    #[error("nothing to compare")]
    NothingToCompare,
    /// A cell id was given twice in a tree.
    #[error("cell {0:?} is given twice")]
    DuplicateCell(String),
    /// A cell names a parent that is not in the tree.
    #[error("cell {cell:?} is part of {parent:?}, which is not in the tree")]
    UnknownParent {
        /// The cell.
        cell: String,
        /// The parent it names.
        parent: String,
    },
    /// A cell is its own ancestor.
    #[error("cell {0:?} is part of itself")]
    Cycle(String),
}

/// Whether a respondent picks one option or several (*flerval*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// One option per response: the shares add up to 100 % (but for
    /// rounding).
    Single,
    /// Any number of options per response: each share is of the responses,
    /// so they need not add up to 100 %.
    Multiple,
}

/// How the answers to one question spread over its options in one breakdown
/// (*svarsfördelning*). Its numbers are read through [`Distribution::shares`]
/// and [`Distribution::mean`], which take a [`Gate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distribution {
    question: String,
    choice: Choice,
    /// The options in their order, with their counts.
    options: Vec<(String, u32)>,
    /// Answers (single choice) or responses answering (multiple choice).
    n: u32,
}

/// One option's row of a shown distribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShareRow {
    /// The option key; a merged row joins its keys with `+`.
    pub key: String,
    /// Number of answers.
    pub count: u32,
    /// Whole percent of `n`, rounded half up.
    pub percent: u32,
}

/// The note a report gives when the rounded shares of a single-choice
/// question do not add up to 100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RoundingNote {
    /// What the rounded shares add up to (99 for three thirds).
    pub total: u32,
}

/// A distribution that may be shown (*andelar*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shares {
    /// The question key.
    pub question: String,
    /// One option or several per response.
    pub choice: Choice,
    /// Answers (single choice) or responses answering (multiple choice).
    pub n: u32,
    /// The options in their order.
    pub rows: Vec<ShareRow>,
    /// Set when the shares of a single-choice question do not add up to 100.
    pub rounding: Option<RoundingNote>,
    /// The option or options with the most answers, in option order.
    pub highest: Vec<String>,
    /// The option or options with the fewest answers, in option order.
    pub lowest: Vec<String>,
}

/// The options of an ordered scale, lowest first, and those left out of its
/// mean (*skala*): the first counts 1, the next 2, and so on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    ordered: Vec<String>,
    excluded: Vec<String>,
}

impl Scale {
    /// A scale from its keys, lowest first, and the keys left out of the
    /// mean (`dont_know`). Refuses a key given twice.
    pub fn new<A, B>(
        ordered: impl IntoIterator<Item = A>,
        excluded: impl IntoIterator<Item = B>,
    ) -> Result<Scale, ResultsError>
    where
        A: Into<String>,
        B: Into<String>,
    {
        let ordered: Vec<String> = ordered.into_iter().map(Into::into).collect();
        let excluded: Vec<String> = excluded.into_iter().map(Into::into).collect();
        let mut seen = std::collections::HashSet::new();
        for key in ordered.iter().chain(&excluded) {
            if !seen.insert(key.as_str()) {
                return Err(ResultsError::DuplicateOption(key.clone()));
            }
        }
        Ok(Scale { ordered, excluded })
    }
}

/// The mean of an ordered scale (*medelvärde*), in hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mean {
    /// Answers on the scale (those left out not counted).
    pub count: u32,
    /// The mean times 100, rounded half up (267 for 2.67); `None` when no
    /// answer is on the scale.
    pub hundredths: Option<u32>,
}

impl Mean {
    /// The mean with two decimals and the given separator (`2,67`).
    pub fn text(&self, separator: char) -> Option<String> {
        self.hundredths
            .map(|h| format!("{}{separator}{:02}", h / 100, h % 100))
    }
}

/// `part` of `whole` in whole percent, rounded half up (33.5 gives 34, 12.49
/// gives 12); 0 of nothing is 0.
pub fn percent(part: u32, whole: u32) -> u32 {
    ratio_half_up(u64::from(part) * 100, u64::from(whole))
}

/// `numerator / denominator` rounded half up, in whole numbers; 0 when the
/// denominator is 0.
fn ratio_half_up(numerator: u64, denominator: u64) -> u32 {
    if denominator == 0 {
        return 0;
    }
    let (numerator, denominator) = (u128::from(numerator), u128::from(denominator));
    let rounded = (2 * numerator + denominator) / (2 * denominator);
    u32::try_from(rounded).unwrap_or(u32::MAX)
}

/// A total that must fit the counts' type.
fn total(counts: impl IntoIterator<Item = u32>) -> Result<u32, ResultsError> {
    let sum: u64 = counts.into_iter().map(u64::from).sum();
    u32::try_from(sum).map_err(|_| ResultsError::TooMany)
}

/// The options with their keys, refusing a key given twice.
fn keyed<K: Into<String>>(
    counts: impl IntoIterator<Item = (K, u32)>,
) -> Result<Vec<(String, u32)>, ResultsError> {
    let options: Vec<(String, u32)> = counts.into_iter().map(|(k, c)| (k.into(), c)).collect();
    let mut seen = std::collections::HashSet::new();
    for (key, _) in &options {
        if !seen.insert(key.as_str()) {
            return Err(ResultsError::DuplicateOption(key.clone()));
        }
    }
    Ok(options)
}

/// Counts per option, the options in the given order (none counted yet).
fn zeroed(options: &[&str]) -> Result<Vec<(String, u32)>, ResultsError> {
    keyed(options.iter().map(|k| (*k, 0)))
}

/// Adds one to an option's count.
fn tally(options: &mut [(String, u32)], key: &str) -> Result<(), ResultsError> {
    let (_, count) = options
        .iter_mut()
        .find(|(k, _)| k == key)
        .ok_or_else(|| ResultsError::UnknownOption(key.to_string()))?;
    *count = count.checked_add(1).ok_or(ResultsError::TooMany)?;
    Ok(())
}

impl Distribution {
    /// A single-choice distribution from counts per option, in option order;
    /// `n` is their sum.
    pub fn from_counts<K: Into<String>>(
        question: impl Into<String>,
        counts: impl IntoIterator<Item = (K, u32)>,
    ) -> Result<Distribution, ResultsError> {
        let options = keyed(counts)?;
        let n = total(options.iter().map(|(_, c)| *c))?;
        Ok(Distribution {
            question: question.into(),
            choice: Choice::Single,
            options,
            n,
        })
    }

    /// A multiple-choice distribution from counts per option and the number
    /// of responses that answered the question. Refuses a count above it.
    pub fn from_multiple_counts<K: Into<String>>(
        question: impl Into<String>,
        counts: impl IntoIterator<Item = (K, u32)>,
        responses: u32,
    ) -> Result<Distribution, ResultsError> {
        let options = keyed(counts)?;
        if let Some((key, count)) = options.iter().find(|(_, c)| *c > responses) {
            return Err(ResultsError::MoreThanResponses {
                key: key.clone(),
                count: *count,
                responses,
            });
        }
        Ok(Distribution {
            question: question.into(),
            choice: Choice::Multiple,
            options,
            n: responses,
        })
    }

    /// A single-choice distribution from the options (in order) and the
    /// answers, one option key each. Refuses a key that is not an option.
    pub fn from_answers<'a>(
        question: impl Into<String>,
        options: &[&str],
        answers: impl IntoIterator<Item = &'a str>,
    ) -> Result<Distribution, ResultsError> {
        let mut counted = zeroed(options)?;
        for key in answers {
            tally(&mut counted, key)?;
        }
        let n = total(counted.iter().map(|(_, c)| *c))?;
        Ok(Distribution {
            question: question.into(),
            choice: Choice::Single,
            options: counted,
            n,
        })
    }

    /// A multiple-choice distribution from the options (in order) and the
    /// responses, each with the keys it picked. A key picked twice in one
    /// response counts once; a response that picked nothing did not answer
    /// and is not counted in `n`.
    pub fn from_multiple_answers<'a, R>(
        question: impl Into<String>,
        options: &[&str],
        responses: impl IntoIterator<Item = R>,
    ) -> Result<Distribution, ResultsError>
    where
        R: IntoIterator<Item = &'a str>,
    {
        let mut counted = zeroed(options)?;
        let mut n: u32 = 0;
        for response in responses {
            let mut picked: Vec<&str> = response.into_iter().collect();
            picked.sort_unstable();
            picked.dedup();
            if picked.is_empty() {
                continue;
            }
            for key in picked {
                tally(&mut counted, key)?;
            }
            n = n.checked_add(1).ok_or(ResultsError::TooMany)?;
        }
        Ok(Distribution {
            question: question.into(),
            choice: Choice::Multiple,
            options: counted,
            n,
        })
    }

    /// The question key.
    pub fn question(&self) -> &str {
        &self.question
    }

    /// One option or several per response.
    pub fn choice(&self) -> Choice {
        self.choice
    }

    /// The option keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.options.iter().map(|(k, _)| k.as_str())
    }

    /// This breakdown as a cell of a tree for [`suppress`], with its number
    /// of answers (which is not otherwise handed out).
    pub fn cell(&self, id: impl Into<String>, parent: Option<&str>) -> Cell {
        Cell {
            id: id.into(),
            parent: parent.map(str::to_string),
            n: self.n,
        }
    }

    /// The same distribution with adjacent options merged into one row at
    /// the place of the first, keyed by their keys in option order joined
    /// with `+` (`large_extent+completely`). Refuses fewer than two keys, an
    /// unknown or repeated key, keys with another option between them, and a
    /// multiple-choice question (a response that picked both would count
    /// twice).
    pub fn merge(&self, keys: &[&str]) -> Result<Distribution, ResultsError> {
        if self.choice == Choice::Multiple {
            return Err(ResultsError::MultipleChoice("merging options"));
        }
        if keys.len() < 2 {
            return Err(ResultsError::TooFewToMerge);
        }
        let mut at = Vec::with_capacity(keys.len());
        for key in keys {
            let i = self
                .options
                .iter()
                .position(|(k, _)| k == key)
                .ok_or_else(|| ResultsError::UnknownOption((*key).to_string()))?;
            if at.contains(&i) {
                return Err(ResultsError::DuplicateOption((*key).to_string()));
            }
            at.push(i);
        }
        at.sort_unstable();
        let (first, last) = (at[0], at[at.len() - 1]);
        if last - first + 1 != at.len() {
            return Err(ResultsError::NotAdjacent(
                keys.iter().map(|k| (*k).to_string()).collect(),
            ));
        }
        let merged = &self.options[first..=last];
        let key = merged
            .iter()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>()
            .join("+");
        let count = total(merged.iter().map(|(_, c)| *c))?;
        let mut options = self.options[..first].to_vec();
        options.push((key, count));
        options.extend_from_slice(&self.options[last + 1..]);
        Ok(Distribution {
            question: self.question.clone(),
            choice: self.choice,
            options,
            n: self.n,
        })
    }

    /// The shares, highest and lowest option, and a rounding note, if the
    /// gate lets this breakdown be shown.
    pub fn shares(&self, gate: impl Into<Gate>) -> Shown<Shares> {
        gate.into().show_with(self.n, || self.compute_shares())
    }

    fn compute_shares(&self) -> Shares {
        let rows: Vec<ShareRow> = self
            .options
            .iter()
            .map(|(key, count)| ShareRow {
                key: key.clone(),
                count: *count,
                percent: percent(*count, self.n),
            })
            .collect();
        let sum: u32 = rows.iter().map(|r| r.percent).sum();
        let rounding = (self.choice == Choice::Single && self.n > 0 && sum != 100)
            .then_some(RoundingNote { total: sum });
        let at = |count: Option<u32>| -> Vec<String> {
            rows.iter()
                .filter(|r| Some(r.count) == count)
                .map(|r| r.key.clone())
                .collect()
        };
        let highest = at(rows.iter().map(|r| r.count).max());
        let lowest = at(rows.iter().map(|r| r.count).min());
        Shares {
            question: self.question.clone(),
            choice: self.choice,
            n: self.n,
            rows,
            rounding,
            highest,
            lowest,
        }
    }

    /// The mean on an ordered scale and how many answers it counts, if the
    /// gate lets this breakdown be shown. Refuses a multiple-choice question
    /// and an option that is neither on the scale nor excluded.
    pub fn mean(&self, scale: &Scale, gate: impl Into<Gate>) -> Result<Shown<Mean>, ResultsError> {
        if self.choice == Choice::Multiple {
            return Err(ResultsError::MultipleChoice("a mean"));
        }
        let mut weighted: u64 = 0;
        let mut count: u64 = 0;
        for (key, c) in &self.options {
            if scale.excluded.contains(key) {
                continue;
            }
            let position = scale
                .ordered
                .iter()
                .position(|k| k == key)
                .ok_or_else(|| ResultsError::OffScale(key.clone()))?;
            let value = u64::try_from(position + 1).map_err(|_| ResultsError::TooMany)?;
            weighted = value
                .checked_mul(u64::from(*c))
                .and_then(|w| w.checked_add(weighted))
                .ok_or(ResultsError::TooMany)?;
            count += u64::from(*c);
        }
        let count = u32::try_from(count).map_err(|_| ResultsError::TooMany)?;
        Ok(gate.into().show_with(self.n, || Mean {
            count,
            hundredths: (count > 0).then(|| ratio_half_up(weighted.saturating_mul(100), u64::from(count))),
        }))
    }
}

/// Distributions of one question set beside each other, aligned by option:
/// groups (local coordinators beside managers) or rounds (years) (*jämförelse*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The question key.
    pub question: String,
    /// Every option of any column, in option order.
    pub keys: Vec<String>,
    /// The columns in the order given.
    pub columns: Vec<Column>,
}

/// One group's or round's column of a [`Comparison`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The group or round, as given.
    pub label: String,
    /// Its shares, hidden or not on its own.
    pub shares: Shown<ColumnShares>,
}

/// The shares of one column, row by row along [`Comparison::keys`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnShares {
    /// Answers (single choice) or responses answering (multiple choice).
    pub n: u32,
    /// One row per key of the comparison; `None` where this column's
    /// question had no such option.
    pub rows: Vec<Option<ShareRow>>,
    /// Set when this column's single-choice shares do not add up to 100.
    pub rounding: Option<RoundingNote>,
}

/// Groups side by side (*gruppjämförelse*): one column per group, each with
/// its gate (from [`Suppression::gate`] when the groups split a shown
/// total). Refuses distributions of different questions, or none.
pub fn side_by_side<'a, L: Into<String>>(
    columns: impl IntoIterator<Item = (L, &'a Distribution, Gate)>,
) -> Result<Comparison, ResultsError> {
    compare(columns)
}

/// A trend (*trend*): the same question over rounds, oldest first, one
/// column per round, each hidden or shown on its own gate. Refuses
/// distributions of different questions, or none.
pub fn trend<'a, L: Into<String>>(
    rounds: impl IntoIterator<Item = (L, &'a Distribution, Gate)>,
) -> Result<Comparison, ResultsError> {
    compare(rounds)
}

fn compare<'a, L: Into<String>>(
    columns: impl IntoIterator<Item = (L, &'a Distribution, Gate)>,
) -> Result<Comparison, ResultsError> {
    let columns: Vec<(String, &Distribution, Gate)> =
        columns.into_iter().map(|(l, d, g)| (l.into(), d, g)).collect();
    let question = columns
        .first()
        .map(|(_, d, _)| d.question.clone())
        .ok_or(ResultsError::NothingToCompare)?;
    if let Some((_, d, _)) = columns.iter().find(|(_, d, _)| d.question != question) {
        return Err(ResultsError::DifferentQuestions(question, d.question.clone()));
    }
    // Every key, each new one placed right after the key before it in its
    // own distribution.
    let mut keys: Vec<String> = Vec::new();
    for (_, d, _) in &columns {
        let mut next = 0;
        for key in d.keys() {
            match keys.iter().position(|k| k == key) {
                Some(i) => next = i + 1,
                None => {
                    keys.insert(next, key.to_string());
                    next += 1;
                }
            }
        }
    }
    let columns = columns
        .into_iter()
        .map(|(label, d, gate)| Column {
            label,
            shares: d.shares(gate).map(|s| ColumnShares {
                n: s.n,
                rows: keys
                    .iter()
                    .map(|k| s.rows.iter().find(|r| &r.key == k).cloned())
                    .collect(),
                rounding: s.rounding,
            }),
        })
        .collect();
    Ok(Comparison {
        question,
        keys,
        columns,
    })
}
