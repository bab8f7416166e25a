//! Routing (*frågelogik*): which blocks and questions a respondent sees,
//! given the answers so far, and whether the survey ends early.
//!
//! One function, [`route`], decides it; the server uses it to show pages
//! and to validate a response, and the page's script will follow the same
//! rules. They are:
//!
//! - Blocks and questions are walked in the document's order. A block whose
//!   `show_if` does not hold hides all its questions; a question whose
//!   `show_if` does not hold is hidden.
//! - A condition sees only the answers of questions that are visible: an
//!   answer to a hidden question counts as no answer. So a comparison with
//!   a hidden or unanswered question is false, and `answered: false` is
//!   true for it. Since conditions look only backwards, one walk settles
//!   everything.
//! - When a visible question's `end_survey_if` holds, the survey ends
//!   after that question: nothing after it is visible, and the respondent
//!   reads the question's `end_text` (or the document's closing text).
//! - Each block with at least one visible question is one page.

use std::collections::HashSet;

use super::definition::{Block, Condition, Definition, Question, Texts};
use super::response::{Answer, Answers};

/// What a respondent sees (*visning*) of a survey, given the answers so far.
#[derive(Debug, Clone)]
pub struct Route<'a> {
    def: &'a Definition,
    pages: Vec<Page<'a>>,
    visible: HashSet<&'a str>,
    end: Option<EarlyEnd<'a>>,
}

/// One page (*sida*): a block with its visible questions.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// The block's place among the document's blocks (0 for the first).
    pub index: usize,
    /// The block.
    pub block: &'a Block,
    /// Its visible questions, in order.
    pub questions: Vec<&'a Question>,
}

/// An early end of a survey (*avslut efter slussning*): a screening
/// question's `end_survey_if` holds.
#[derive(Debug, Clone)]
pub struct EarlyEnd<'a> {
    /// The question after which the survey ends; it is visible.
    pub question: &'a Question,
    /// The block that holds it.
    pub block: &'a Block,
    /// What the respondent reads: the question's `end_text`, else the
    /// document's closing text, else nothing.
    pub text: Option<&'a Texts>,
}

/// How far a respondent has come (*förlopp*): page `page` of `pages`,
/// counted from 1. Later answers may add or remove pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// This page's number, from 1.
    pub page: usize,
    /// The number of pages under the answers so far.
    pub pages: usize,
}

impl Progress {
    /// The share of pages reached, in whole percent (page 1 of 4 is 25).
    pub fn percent(self) -> usize {
        (self.page * 100).checked_div(self.pages).unwrap_or(0)
    }
}

/// Decides what a respondent sees of `def` given `answers`; see the
/// module documentation for the rules. Answers to questions that are
/// hidden, and keys the document does not have, are ignored.
pub fn route<'a>(def: &'a Definition, answers: &Answers) -> Route<'a> {
    let mut pages = Vec::new();
    let mut visible: HashSet<&'a str> = HashSet::new();
    let mut end = None;
    // A condition sees the answers of visible questions only.
    let holds = |c: &Condition, visible: &HashSet<&str>| {
        c.holds_by(&|key: &str| visible.contains(key).then(|| answers.get(key)).flatten())
    };
    for (index, block) in def.blocks.iter().enumerate() {
        if block.show_if.as_ref().is_some_and(|c| !holds(c, &visible)) {
            continue;
        }
        let mut questions = Vec::new();
        for question in &block.questions {
            if question.show_if.as_ref().is_some_and(|c| !holds(c, &visible)) {
                continue;
            }
            visible.insert(question.key.as_str());
            questions.push(question);
            if question
                .end_survey_if
                .as_ref()
                .is_some_and(|c| holds(c, &visible))
            {
                end = Some(EarlyEnd {
                    question,
                    block,
                    text: question.end_text.as_ref().or(def.closing.as_ref()),
                });
                break;
            }
        }
        if !questions.is_empty() {
            pages.push(Page {
                index,
                block,
                questions,
            });
        }
        if end.is_some() {
            break;
        }
    }
    Route {
        def,
        pages,
        visible,
        end,
    }
}

impl<'a> Route<'a> {
    /// The pages, in order: one per block with a visible question.
    pub fn pages(&self) -> &[Page<'a>] {
        &self.pages
    }

    /// The early end, when a screening question ends the survey.
    pub fn end(&self) -> Option<&EarlyEnd<'a>> {
        self.end.as_ref()
    }

    /// What the respondent reads at the end: the early end's text, or the
    /// document's closing text.
    pub fn closing(&self) -> Option<&'a Texts> {
        match &self.end {
            Some(end) => end.text,
            None => self.def.closing.as_ref(),
        }
    }

    /// Whether the question with this key is visible.
    pub fn is_visible(&self, question: &str) -> bool {
        self.visible.contains(question)
    }

    /// The visible questions, in order.
    pub fn questions(&self) -> impl Iterator<Item = &'a Question> + '_ {
        self.pages.iter().flat_map(|p| p.questions.iter().copied())
    }

    /// The page of the block with this key, when it is visible.
    pub fn page(&self, block: &str) -> Option<&Page<'a>> {
        self.pages.iter().find(|p| p.block.key == block)
    }

    /// The first page, if any question is visible at all.
    pub fn first_page(&self) -> Option<&Page<'a>> {
        self.pages.first()
    }

    /// The page after the block with this key (visible or not), or `None`
    /// when the survey ends there or the document has no such block.
    pub fn page_after(&self, block: &str) -> Option<&Page<'a>> {
        let index = self.def.blocks.iter().position(|b| b.key == block)?;
        self.pages.iter().find(|p| p.index > index)
    }

    /// The page before the block with this key (visible or not).
    pub fn page_before(&self, block: &str) -> Option<&Page<'a>> {
        let index = self.def.blocks.iter().position(|b| b.key == block)?;
        self.pages.iter().rev().find(|p| p.index < index)
    }

    /// Which page of how many the block with this key is, when visible.
    pub fn progress(&self, block: &str) -> Option<Progress> {
        let i = self.pages.iter().position(|p| p.block.key == block)?;
        Some(Progress {
            page: i + 1,
            pages: self.pages.len(),
        })
    }

    /// The answers to visible questions only: what may be kept of
    /// `answers` (those this route was made from, or others).
    pub fn keep_visible(&self, answers: &Answers) -> Answers {
        answers
            .iter()
            .filter(|(key, _)| self.is_visible(key))
            .map(|(key, answer)| (key.to_string(), answer.clone()))
            .collect()
    }
}

impl Condition {
    /// Whether the condition holds for `answers`, where a question without
    /// an answer is unanswered. [`route`] passes only the answers of
    /// visible questions, so a hidden question is unanswered too.
    pub fn holds(&self, answers: &Answers) -> bool {
        self.holds_by(&|key: &str| answers.get(key))
    }

    /// [`Condition::holds`] with answers looked up by `answer`.
    fn holds_by<'b>(&self, answer: &dyn Fn(&str) -> Option<&'b Answer>) -> bool {
        match self {
            Condition::Equals { question, value } => answer(question).is_some_and(|a| a.matches(value)),
            Condition::NotEquals { question, value } => {
                answer(question).is_some_and(|a| a.is_comparable() && !a.matches(value))
            }
            Condition::AnyOf { question, values } => {
                answer(question).is_some_and(|a| values.iter().any(|v| a.matches(v)))
            }
            Condition::Answered { question, answered } => answer(question).is_some() == *answered,
            Condition::All(cs) => cs.iter().all(|c| c.holds_by(answer)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds_by(answer)),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::definition::tests::{question, sample, with_blocks};
    use super::*;

    fn choice(key: &str) -> Answer {
        Answer::Choice(key.into())
    }

    fn yes_no(value: bool) -> Answer {
        Answer::YesNo { value, comment: None }
    }

    fn answers<const N: usize>(pairs: [(&str, Answer); N]) -> Answers {
        pairs.into_iter().map(|(k, a)| (k.to_string(), a)).collect()
    }

    fn condition(json: serde_json::Value) -> Condition {
        serde_json::from_value(json).expect("a condition")
    }

    fn visible(route: &Route<'_>) -> Vec<String> {
        route.questions().map(|q| q.key.clone()).collect()
    }

    fn page_keys(route: &Route<'_>) -> Vec<String> {
        route.pages().iter().map(|p| p.block.key.clone()).collect()
    }

    #[test]
    fn equals_compares_with_the_answers_key() {
        let given = answers([
            ("c", choice("a")),
            ("m", Answer::Choices(vec!["a".into(), "b".into()])),
            ("y", yes_no(true)),
            ("n", Answer::Number(-3)),
            ("t", Answer::Text("a".into())),
        ]);
        let equals = |q: &str, v: &str| condition(json!({"question": q, "equals": v})).holds(&given);
        assert!(equals("c", "a") && !equals("c", "b"));
        assert!(equals("m", "a") && equals("m", "b") && !equals("m", "c"));
        assert!(equals("y", "yes") && !equals("y", "no") && !equals("y", "true"));
        assert!(equals("n", "-3") && !equals("n", "3") && !equals("n", "-03"));
        assert!(!equals("t", "a"), "a text has no key");
        assert!(!equals("none", "a"), "an unanswered question equals nothing");
    }

    #[test]
    fn not_equals_needs_an_answer_that_differs() {
        let given = answers([("c", choice("a")), ("m", Answer::Choices(vec!["a".into()]))]);
        let not_equals = |q: &str, v: &str| condition(json!({"question": q, "not_equals": v})).holds(&given);
        assert!(not_equals("c", "b") && !not_equals("c", "a"));
        assert!(not_equals("m", "b") && !not_equals("m", "a"));
        assert!(
            !not_equals("none", "a"),
            "an unanswered question is not unequal either"
        );
    }

    #[test]
    fn any_of_holds_when_one_key_matches() {
        let given = answers([
            ("c", choice("b")),
            ("m", Answer::Choices(vec!["c".into(), "d".into()])),
        ]);
        let any_of = |q: &str, vs: &[&str]| condition(json!({"question": q, "any_of": vs})).holds(&given);
        assert!(any_of("c", &["a", "b"]) && !any_of("c", &["a", "c"]));
        assert!(any_of("m", &["a", "d"]) && !any_of("m", &["a", "b"]));
        assert!(!any_of("none", &["a"]));
    }

    #[test]
    fn answered_tells_answered_from_unanswered() {
        let given = answers([("t", Answer::Text("hej".into()))]);
        let answered = |q: &str, a: bool| condition(json!({"question": q, "answered": a})).holds(&given);
        assert!(answered("t", true) && !answered("t", false));
        assert!(answered("none", false) && !answered("none", true));
    }

    #[test]
    fn all_and_any_nest() {
        let given = answers([("a", choice("x")), ("b", yes_no(false))]);
        let holds = |json| condition(json).holds(&given);
        let a = json!({"question": "a", "equals": "x"});
        let b = json!({"question": "b", "equals": "yes"});
        let c = json!({"question": "c", "answered": false});
        assert!(!holds(json!({"all": [a, b]})));
        assert!(holds(json!({"any": [a, b]})));
        assert!(holds(json!({"all": [a, {"any": [b, c]}]})));
        assert!(!holds(json!({"any": [b, {"all": [a, {"any": [b]}]}]})));
        assert!(holds(json!({"any": [{"all": [{"all": [a, c]}]}, b]})));
        assert!(holds(json!({"all": []})), "nothing to fail");
        assert!(!holds(json!({"any": []})), "nothing to hold");
    }

    #[test]
    fn a_hidden_block_hides_its_questions() {
        let def = sample();
        let route = route(
            &def,
            &answers([
                ("member", yes_no(true)),
                ("group", Answer::Choices(vec!["preparation".into()])),
                ("finance_clear", choice("not_at_all")),
                ("finance_why", Answer::Text("Allt".into())),
            ]),
        );
        assert_eq!(page_keys(&route), ["screening", "groups", "steering", "last"]);
        assert!(!route.is_visible("finance_clear") && !route.is_visible("finance_why"));
        assert_eq!(visible(&route), ["member", "group", "years", "voice", "centre"]);
    }

    #[test]
    fn a_condition_on_a_hidden_question_is_false_and_answered_false_holds() {
        let def = with_blocks(json!([
            {"key": "one", "questions": [
                question("gate", "yes_no", json!({})),
                question("hidden", "yes_no", json!({"show_if": {"question": "gate", "equals": "yes"}})),
                question("if_yes", "short_text", json!({"show_if": {"question": "hidden", "equals": "yes"}})),
                question("if_not_no", "short_text", json!({"show_if": {"question": "hidden", "not_equals": "no"}})),
                question("if_unanswered", "short_text", json!({"show_if": {"question": "hidden", "answered": false}})),
            ]},
        ]));
        // `hidden` has an answer, but the gate hides it: it counts as none.
        let route = route(
            &def,
            &answers([("gate", yes_no(false)), ("hidden", yes_no(true))]),
        );
        assert_eq!(visible(&route), ["gate", "if_unanswered"]);
        let route = super::route(&def, &answers([("gate", yes_no(true)), ("hidden", yes_no(true))]));
        assert_eq!(visible(&route), ["gate", "hidden", "if_yes", "if_not_no"]);
    }

    #[test]
    fn a_screening_question_ends_the_survey() {
        let def = sample();
        let given = answers([
            ("member", yes_no(false)),
            ("group", Answer::Choices(vec!["steering".into()])),
        ]);
        let route = route(&def, &given);
        assert_eq!(visible(&route), ["member"]);
        assert_eq!(page_keys(&route), ["screening"]);
        let end = route.end().expect("ends early");
        assert_eq!(
            (end.question.key.as_str(), end.block.key.as_str()),
            ("member", "screening")
        );
        assert!(
            route
                .closing()
                .is_some_and(|t| t.get("en").starts_with("The questions are only for members"))
        );
        assert!(!route.is_visible("group") && !route.is_visible("centre"));
        assert_eq!(route.page_after("screening").map(|p| p.index), None);
        assert_eq!(route.progress("screening"), Some(Progress { page: 1, pages: 1 }));
        assert_eq!(route.keep_visible(&given), answers([("member", yes_no(false))]));
    }

    #[test]
    fn the_survey_ends_normally_with_the_closing_text() {
        let def = sample();
        let route = route(&def, &answers([("member", yes_no(true))]));
        assert!(route.end().is_none());
        assert_eq!(route.closing().map(|t| t.get("sv")), Some("Tack för dina svar!"));
    }

    #[test]
    fn questions_after_an_end_in_the_same_block_are_not_visible() {
        let def = with_blocks(json!([
            {"key": "one", "questions": [
                question("first", "short_text", json!({})),
                question("stop", "yes_no", json!({"end_survey_if": {"question": "stop", "equals": "yes"}})),
                question("after", "short_text", json!({})),
            ]},
            {"key": "two", "questions": [question("later", "short_text", json!({}))]},
        ]));
        let route = route(&def, &answers([("stop", yes_no(true))]));
        assert_eq!(visible(&route), ["first", "stop"]);
        assert_eq!(route.closing(), None, "no end text and no closing text");
        let route = super::route(&def, &answers([("stop", yes_no(false))]));
        assert_eq!(visible(&route), ["first", "stop", "after", "later"]);
    }

    #[test]
    fn pages_and_progress_follow_the_answers() {
        let def = sample();
        let nothing = route(&def, &Answers::new());
        assert_eq!(page_keys(&nothing), ["screening", "groups", "last"]);
        assert_eq!(
            nothing.first_page().map(|p| p.block.key.as_str()),
            Some("screening")
        );
        let route = route(
            &def,
            &answers([
                ("member", yes_no(true)),
                ("group", Answer::Choices(vec!["management".into()])),
            ]),
        );
        assert_eq!(page_keys(&route), ["screening", "groups", "management", "last"]);
        let progress = route.progress("management").expect("visible");
        assert_eq!(progress, Progress { page: 3, pages: 4 });
        assert_eq!(progress.percent(), 75);
        assert_eq!(route.progress("steering"), None);
        assert_eq!(
            route.page_after("management").map(|p| p.block.key.as_str()),
            Some("last")
        );
        assert_eq!(
            route.page_after("steering").map(|p| p.block.key.as_str()),
            Some("last")
        );
        assert_eq!(
            route.page_before("steering").map(|p| p.block.key.as_str()),
            Some("management")
        );
        assert_eq!(route.page_before("screening").map(|p| p.index), None);
        assert_eq!(route.page_after("last").map(|p| p.index), None);
        assert_eq!(route.page_after("nowhere").map(|p| p.index), None);
        assert_eq!(route.page("management").map(|p| p.questions.len()), Some(1));
        assert_eq!(Progress { page: 0, pages: 0 }.percent(), 0);
    }

    #[test]
    fn keep_visible_drops_answers_that_a_changed_answer_hides() {
        let def = sample();
        let given = answers([
            ("member", yes_no(true)),
            ("group", Answer::Choices(vec!["steering".into()])),
            ("finance_clear", choice("completely")),
            ("voice", choice("3")),
            ("minutes_sent", choice("never")),
            ("unknown", choice("x")),
        ]);
        let kept = route(&def, &given).keep_visible(&given);
        let keys: Vec<&str> = kept.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["group", "member", "minutes_sent", "voice"]);
    }
}
