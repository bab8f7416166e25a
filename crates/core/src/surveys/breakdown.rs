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

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::definition::{Definition, Question, QuestionType};
use super::results::{Cell, Distribution, ResultsError, Shares, Shown, Threshold, suppress};

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
    let mut by_question: BTreeMap<&str, Vec<&Tally>> = BTreeMap::new();
    for t in tallies {
        by_question.entry(t.question.as_str()).or_default().push(t);
    }
    def.questions()
        .map(|q| {
            let tallies = by_question.get(q.key.as_str()).map_or(&[][..], Vec::as_slice);
            question_result(q, tallies, places, selection, threshold)
        })
        .collect()
}

/// The id of a selection's cell in the tree.
fn cell_id(selection: Selection) -> String {
    match selection {
        Selection::Region => "region".into(),
        Selection::Municipality(id) => format!("municipality:{id}"),
        Selection::Centre(id) => format!("centre:{id}"),
    }
}

/// Whether responses through `centre` (`None`: no centre) belong to `selection`.
fn selected(selection: Selection, places: &[Place], centre: Option<i64>) -> bool {
    match selection {
        Selection::Region => true,
        Selection::Centre(id) => centre == Some(id),
        Selection::Municipality(m) => {
            centre.is_some_and(|c| places.iter().any(|p| p.centre_id == c && p.municipality_id == m))
        }
    }
}

fn question_result(
    q: &Question,
    tallies: &[&Tally],
    places: &[Place],
    selection: Selection,
    threshold: Threshold,
) -> Result<QuestionResult, ResultsError> {
    let answered_at = |centre: Option<i64>| -> u32 {
        tallies
            .iter()
            .filter(|t| t.centre_id == centre && t.option == ANSWERED)
            .map(|t| t.count)
            .sum()
    };
    // The tree: the region, its municipalities, their centres. Answers
    // with no centre (or a centre not in the round) are the region's own.
    let mut cells = vec![Cell::root(
        "region",
        tallies
            .iter()
            .filter(|t| t.option == ANSWERED)
            .map(|t| t.count)
            .sum(),
    )];
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
            centres.iter().map(|c| answered_at(Some(*c))).sum(),
        ));
        for c in centres {
            cells.push(Cell::child(
                format!("centre:{c}"),
                id.clone(),
                answered_at(Some(c)),
            ));
        }
    }
    let hidden = suppress(&cells, threshold)?;
    let gate = hidden.gate(&cell_id(selection));

    let chosen: Vec<&&Tally> = tallies
        .iter()
        .filter(|t| selected(selection, places, t.centre_id))
        .collect();
    let answered: u32 = chosen
        .iter()
        .filter(|t| t.option == ANSWERED)
        .map(|t| t.count)
        .sum();
    let shares = if q.kind.has_options() {
        let count = |key: &str| -> u32 { chosen.iter().filter(|t| t.option == key).map(|t| t.count).sum() };
        let counts: Vec<(String, u32)> = q
            .option_keys()
            .into_iter()
            .map(|k| (k.to_string(), count(k)))
            .collect();
        let distribution = if q.kind == QuestionType::MultipleChoice {
            Distribution::from_multiple_counts(q.key.clone(), counts, answered)?
        } else {
            Distribution::from_counts(q.key.clone(), counts)?
        };
        Some(distribution.shares(gate))
    } else {
        None
    };
    Ok(QuestionResult {
        key: q.key.clone(),
        kind: q.kind,
        answered: gate.show(answered, answered),
        shares,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two questions: a screening yes/no everyone answers, and a scale only
    /// those who said yes see.
    fn definition() -> Definition {
        let json = r#"{
          "key": "test", "title": {"sv": "Test"}, "languages": ["sv"],
          "blocks": [{"key": "b", "questions": [
            {"key": "member", "type": "yes_no", "required": true, "text": {"sv": "Med?"}},
            {"key": "clear", "type": "scale5", "required": false, "text": {"sv": "Tydligt?"},
             "show_if": {"question": "member", "equals": "yes"}},
            {"key": "groups", "type": "multiple_choice", "required": false, "text": {"sv": "Grupper?"},
             "options": [{"key": "a", "text": {"sv": "A"}}, {"key": "b", "text": {"sv": "B"}}]},
            {"key": "note", "type": "long_text", "required": false, "text": {"sv": "Annat?"}}
          ]}]}"#;
        Definition::from_json(json).expect("a valid definition")
    }

    /// Centres 1 and 2 in municipality 10, centre 3 in municipality 20.
    fn places() -> Vec<Place> {
        vec![
            Place {
                centre_id: 1,
                municipality_id: 10,
            },
            Place {
                centre_id: 2,
                municipality_id: 10,
            },
            Place {
                centre_id: 3,
                municipality_id: 20,
            },
        ]
    }

    fn tally(centre: i64, question: &str, option: &str, count: u32) -> Tally {
        Tally {
            centre_id: Some(centre),
            question: question.into(),
            option: option.into(),
            count,
        }
    }

    /// `yes`/`no` answers per centre, and the scale answered by those who said yes.
    fn tallies(per_centre: &[(i64, u32, u32)]) -> Vec<Tally> {
        let mut out = Vec::new();
        for &(c, yes, no) in per_centre {
            out.push(tally(c, "member", ANSWERED, yes + no));
            out.push(tally(c, "member", "yes", yes));
            out.push(tally(c, "member", "no", no));
            out.push(tally(c, "clear", ANSWERED, yes));
            out.push(tally(c, "clear", "completely", yes));
        }
        out
    }

    fn result<'a>(all: &'a [QuestionResult], key: &str) -> &'a QuestionResult {
        all.iter().find(|r| r.key == key).expect("the question")
    }

    #[test]
    fn a_centre_with_four_answers_and_its_sibling_are_hidden_but_their_municipality_shows() {
        let def = definition();
        let t = tallies(&[(1, 3, 1), (2, 10, 2), (3, 6, 0)]);
        let k = Threshold::new(5);
        let small = results(&def, &t, &places(), Selection::Centre(1), k).expect("results");
        assert!(result(&small, "member").answered.is_suppressed());
        assert!(
            result(&small, "member")
                .shares
                .as_ref()
                .is_some_and(Shown::is_suppressed)
        );
        let sibling = results(&def, &t, &places(), Selection::Centre(2), k).expect("results");
        assert!(
            result(&sibling, "member").answered.is_suppressed(),
            "12 answers, but shown they would give away centre 1 from the municipality's 16"
        );
        let municipality = results(&def, &t, &places(), Selection::Municipality(10), k).expect("results");
        assert_eq!(result(&municipality, "member").answered, Shown::Value(16));
        let region = results(&def, &t, &places(), Selection::Region, k).expect("results");
        assert_eq!(result(&region, "member").answered, Shown::Value(22));
    }

    #[test]
    fn each_question_is_suppressed_on_its_own_answers() {
        let def = definition();
        // Centre 3: six answered the screening, only four saw the scale.
        let t = tallies(&[(1, 8, 0), (2, 9, 0), (3, 4, 2)]);
        let k = Threshold::new(5);
        let centre = results(&def, &t, &places(), Selection::Centre(3), k).expect("results");
        assert_eq!(result(&centre, "member").answered, Shown::Value(6));
        assert!(result(&centre, "clear").answered.is_suppressed());
        // Municipality 20 is centre 3 alone: hidden with it for the scale.
        let m = results(&def, &t, &places(), Selection::Municipality(20), k).expect("results");
        assert!(result(&m, "clear").answered.is_suppressed());
        assert_eq!(result(&m, "member").answered, Shown::Value(6));
        // The region less municipality 10 would be municipality 20's four.
        let region = results(&def, &t, &places(), Selection::Region, k).expect("results");
        let ten = results(&def, &t, &places(), Selection::Municipality(10), k).expect("results");
        assert!(
            result(&region, "clear").answered.is_suppressed()
                || result(&ten, "clear").answered.is_suppressed(),
            "the region and municipality 10 are not both shown"
        );
    }

    #[test]
    fn shown_shares_count_only_the_selection_and_keep_the_option_order() {
        let def = definition();
        let t = tallies(&[(1, 6, 2), (2, 7, 1), (3, 9, 3)]);
        let k = Threshold::new(5);
        let m = results(&def, &t, &places(), Selection::Municipality(10), k).expect("results");
        let shares = result(&m, "member")
            .shares
            .clone()
            .and_then(Shown::into_value)
            .expect("shown");
        let rows: Vec<(&str, u32, u32)> = shares
            .rows
            .iter()
            .map(|r| (r.key.as_str(), r.count, r.percent))
            .collect();
        assert_eq!(rows, [("yes", 13, 81), ("no", 3, 19)]);
        let scale = result(&m, "clear")
            .shares
            .clone()
            .and_then(Shown::into_value)
            .expect("shown");
        let keys: Vec<&str> = scale.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "dont_know",
                "not_at_all",
                "some_extent",
                "large_extent",
                "completely"
            ]
        );
    }

    #[test]
    fn multiple_choice_shares_are_of_the_responses_and_free_texts_have_only_a_count() {
        let def = definition();
        let mut t = tallies(&[(1, 6, 0), (2, 6, 0), (3, 6, 0)]);
        for c in 1..=3 {
            t.push(tally(c, "groups", ANSWERED, 6));
            t.push(tally(c, "groups", "a", 6));
            t.push(tally(c, "groups", "b", 3));
            t.push(tally(c, "note", ANSWERED, 5));
        }
        let region = results(&def, &t, &places(), Selection::Region, Threshold::new(5)).expect("results");
        let groups = result(&region, "groups")
            .shares
            .clone()
            .and_then(Shown::into_value)
            .expect("shown");
        let percents: Vec<u32> = groups.rows.iter().map(|r| r.percent).collect();
        assert_eq!(percents, [100, 50]);
        let note = result(&region, "note");
        assert_eq!(
            (note.answered.clone(), note.shares.clone()),
            (Shown::Value(15), None)
        );
    }

    #[test]
    fn a_centre_outside_the_round_and_a_round_without_answers_show_nothing() {
        let def = definition();
        let t = tallies(&[(1, 6, 0), (2, 6, 0), (3, 6, 0)]);
        let k = Threshold::new(5);
        let elsewhere = results(&def, &t, &places(), Selection::Centre(99), k).expect("results");
        assert!(elsewhere.iter().all(|r| r.answered.is_suppressed()));
        let empty = results(&def, &[], &places(), Selection::Region, k).expect("results");
        assert!(empty.iter().all(|r| r.answered.is_suppressed()));
    }

    #[test]
    fn answers_without_a_centre_count_for_the_region_only() {
        let def = definition();
        let mut t = tallies(&[(1, 6, 0), (2, 6, 0), (3, 6, 0)]);
        t.push(Tally {
            centre_id: None,
            question: "member".into(),
            option: ANSWERED.into(),
            count: 7,
        });
        t.push(Tally {
            centre_id: None,
            question: "member".into(),
            option: "no".into(),
            count: 7,
        });
        let k = Threshold::new(5);
        let region = results(&def, &t, &places(), Selection::Region, k).expect("results");
        assert_eq!(result(&region, "member").answered, Shown::Value(25));
        let m = results(&def, &t, &places(), Selection::Municipality(10), k).expect("results");
        assert_eq!(result(&m, "member").answered, Shown::Value(12));
    }
}
