//! Answers (*svar*) to a survey and their validation against the
//! definition, from the API's JSON or from a page's form post.
//!
//! There is one validator, [`validate`] (with [`validate_page`] for one
//! page of a response in progress); the form post is first turned into the
//! API's shape by [`from_form`]. Answers to questions that end up hidden
//! are never kept: answering one is refused, and earlier answers that a
//! changed answer hides are dropped.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::definition::{Definition, Question};
use super::routing::{Route, route};

mod form;
mod parse;

pub use form::{from_form, to_form};

/// One answer (*svar*) to one question.
///
/// Stored as `{"choice": "a"}`, `{"choices": ["a", "b"]}`, `{"number": 3}`,
/// `{"text": "…"}` or `{"yes_no": {"value": true, "comment": "…"}}`; the
/// API's shape is [`Answer::to_value`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The key of the chosen option (single choice and the scales).
    Choice(String),
    /// The keys of the chosen options, in the question's order (multiple
    /// choice; never empty).
    Choices(Vec<String>),
    /// A whole number.
    Number(i64),
    /// A text, trimmed, with `\n` line ends; never empty.
    Text(String),
    /// Yes (`true`) or no, and perhaps a comment.
    YesNo {
        /// Yes or no.
        value: bool,
        /// The respondent's comment, trimmed; never empty.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment: Option<String>,
    },
}

impl Answer {
    /// The answer's key, as conditions compare it: the option's key, `yes`
    /// or `no`, or the number in decimal. `None` for texts and multiple
    /// choice.
    pub fn key(&self) -> Option<Cow<'_, str>> {
        match self {
            Answer::Choice(key) => Some(Cow::Borrowed(key)),
            Answer::Number(n) => Some(Cow::Owned(n.to_string())),
            Answer::YesNo { value, .. } => Some(Cow::Borrowed(if *value { "yes" } else { "no" })),
            Answer::Choices(_) | Answer::Text(_) => None,
        }
    }

    /// Whether the answer is `key`, as a condition's `equals` asks; a
    /// multiple choice answer matches each of its keys. A text matches
    /// nothing.
    pub fn matches(&self, key: &str) -> bool {
        match self {
            Answer::Choices(keys) => keys.iter().any(|k| k == key),
            other => other.key().is_some_and(|k| k == key),
        }
    }

    /// Whether conditions can compare the answer with a key (all but texts).
    pub fn is_comparable(&self) -> bool {
        !matches!(self, Answer::Text(_))
    }

    /// The answer in the API's shape, as [`validate`] reads it: `"a"`,
    /// `["a", "b"]`, `3`, `"…"`, or `{"value": "yes", "comment": "…"}`.
    pub fn to_value(&self) -> Value {
        match self {
            Answer::Choice(key) => Value::from(key.as_str()),
            Answer::Choices(keys) => Value::from(keys.clone()),
            Answer::Number(n) => Value::from(*n),
            Answer::Text(text) => Value::from(text.as_str()),
            Answer::YesNo { value, comment } => {
                let mut map = Map::new();
                map.insert("value".into(), Value::from(if *value { "yes" } else { "no" }));
                if let Some(comment) = comment {
                    map.insert("comment".into(), Value::from(comment.as_str()));
                }
                Value::Object(map)
            }
        }
    }
}

/// The answers of one response (*svar på en enkät*): question key ->
/// answer. A question without an answer is not in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    /// No answers.
    pub fn new() -> Answers {
        Answers::default()
    }

    /// The answer to the question with this key.
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.get(question)
    }

    /// Whether the question with this key is answered.
    pub fn contains(&self, question: &str) -> bool {
        self.0.contains_key(question)
    }

    /// Sets the answer to a question (no validation: see [`validate`]).
    pub fn insert(&mut self, question: impl Into<String>, answer: Answer) {
        self.0.insert(question.into(), answer);
    }

    /// Removes the answer to a question.
    pub fn remove(&mut self, question: &str) -> Option<Answer> {
        self.0.remove(question)
    }

    /// The answers, by question key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(k, a)| (k.as_str(), a))
    }

    /// The number of answered questions.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The answers in the API's shape, as [`validate`] reads them.
    pub fn to_raw(&self) -> Map<String, Value> {
        self.0.iter().map(|(k, a)| (k.clone(), a.to_value())).collect()
    }
}

impl FromIterator<(String, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, Answer)>>(iter: I) -> Answers {
        Answers(iter.into_iter().collect())
    }
}

/// A problem with an answer, or with the response's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}: {code}", .question.as_deref().unwrap_or("(response)"))]
pub struct AnswerError {
    /// The question's key as sent; `None` for the response's language and
    /// page.
    pub question: Option<String>,
    /// What is wrong.
    pub code: AnswerErrorCode,
}

/// What is wrong with an answer, as a stable kebab-case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerErrorCode {
    /// The response's language is not one of the document's
    /// (`unknown-language`).
    UnknownLanguage,
    /// The page is not a block of the document (`unknown-page`).
    UnknownPage,
    /// The document has no question with this key (`unknown-question`).
    UnknownQuestion,
    /// The question is on another page than the one sent (`not-on-page`).
    NotOnPage,
    /// The question is hidden under the response's answers (`hidden`).
    Hidden,
    /// A visible required question is not answered (`required`).
    Required,
    /// The answer is not of the question's shape, e.g. a list for a single
    /// choice (`wrong-type`).
    WrongType,
    /// The key is not one of the question's options (`unknown-option`).
    UnknownOption,
    /// The same option chosen twice (`duplicate-option`).
    DuplicateOption,
    /// The number is not a whole number (`not-integer`).
    NotInteger,
    /// The number is below `min` or above `max` (`out-of-range`).
    OutOfRange,
    /// The text is too long for the question (`too-long`).
    TooLong,
    /// The text holds control characters other than line breaks and tabs
    /// (`control-character`).
    ControlCharacter,
    /// The comment is longer than
    /// [`COMMENT_MAX`](super::definition::COMMENT_MAX) (`comment-too-long`).
    CommentTooLong,
    /// The comment holds control characters other than line breaks and
    /// tabs (`comment-control-character`).
    CommentControlCharacter,
    /// A comment to a yes/no question without yes or no
    /// (`comment-without-answer`).
    CommentWithoutAnswer,
}

impl AnswerErrorCode {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            AnswerErrorCode::UnknownLanguage => "unknown-language",
            AnswerErrorCode::UnknownPage => "unknown-page",
            AnswerErrorCode::UnknownQuestion => "unknown-question",
            AnswerErrorCode::NotOnPage => "not-on-page",
            AnswerErrorCode::Hidden => "hidden",
            AnswerErrorCode::Required => "required",
            AnswerErrorCode::WrongType => "wrong-type",
            AnswerErrorCode::UnknownOption => "unknown-option",
            AnswerErrorCode::DuplicateOption => "duplicate-option",
            AnswerErrorCode::NotInteger => "not-integer",
            AnswerErrorCode::OutOfRange => "out-of-range",
            AnswerErrorCode::TooLong => "too-long",
            AnswerErrorCode::ControlCharacter => "control-character",
            AnswerErrorCode::CommentTooLong => "comment-too-long",
            AnswerErrorCode::CommentControlCharacter => "comment-control-character",
            AnswerErrorCode::CommentWithoutAnswer => "comment-without-answer",
        }
    }
}

impl std::fmt::Display for AnswerErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Validates a whole response in `language` to `def`, in the API's shape:
/// question key -> `"key"` (single choice, scales; a whole number is read
/// as its decimal key), `["a", "b"]` (multiple choice), `3` or `"3"`
/// (number), `"text"`, and for yes/no `"yes"`, `"no"`, `true`, `false` or
/// `{"value": "yes" | "no" | true | false, "comment": "…"}`. `null`, `""`,
/// `[]` and blank text are no answer.
///
/// Every visible required question must be answered, and no hidden one
/// may be. Returns every problem at once, questions in the document's
/// order.
pub fn validate(
    def: &Definition,
    language: &str,
    raw: &Map<String, Value>,
) -> Result<Answers, Vec<AnswerError>> {
    let mut errors = Vec::new();
    check_language(def, language, &mut errors);
    let answers = parse_all(def, raw, &mut errors);
    let route = route(def, &answers);
    judge(def.questions(), &answers, &route, &mut errors);
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// Validates one page (the block with key `block`) of a response in
/// progress: `raw` answers that page's questions and replaces whatever
/// `earlier` held for them (a question of the page missing from `raw` is
/// now unanswered). The page's answers must not name hidden questions or
/// questions of other pages, and its visible required questions must be
/// answered. Returns all answers so far, without earlier answers that the
/// new ones hide; when the page is refused, its problems together with the
/// answers so far and every answer of the page that could be read, so the
/// page can be shown again as the respondent filled it in.
pub fn validate_page(
    def: &Definition,
    language: &str,
    earlier: &Answers,
    block: &str,
    raw: &Map<String, Value>,
) -> Result<Answers, PageRefused> {
    let mut errors = Vec::new();
    check_language(def, language, &mut errors);
    let Some(page) = def.block(block) else {
        errors.push(AnswerError {
            question: None,
            code: AnswerErrorCode::UnknownPage,
        });
        return Err(PageRefused {
            answers: earlier.clone(),
            errors,
        });
    };
    let on_page = |key: &str| page.questions.iter().any(|q| q.key == key);
    let mut page_raw = Map::new();
    for (key, value) in raw {
        if on_page(key) {
            page_raw.insert(key.clone(), value.clone());
        } else if def.question(key).is_some() {
            errors.push(error(key, AnswerErrorCode::NotOnPage));
        } else {
            errors.push(error(key, AnswerErrorCode::UnknownQuestion));
        }
    }
    let mut answers: Answers = earlier
        .iter()
        .filter(|(k, _)| !on_page(k))
        .map(|(k, a)| (k.to_string(), a.clone()))
        .collect();
    for (key, answer) in parse_all(def, &page_raw, &mut errors).0 {
        answers.insert(key, answer);
    }
    let route = route(def, &answers);
    judge(page.questions.iter(), &answers, &route, &mut errors);
    if errors.is_empty() {
        Ok(route.keep_visible(&answers))
    } else {
        Err(PageRefused { answers, errors })
    }
}

impl From<PageRefused> for Vec<AnswerError> {
    fn from(refused: PageRefused) -> Self {
        refused.errors
    }
}

/// A page of a response refused by [`validate_page`].
#[derive(Debug, Clone, PartialEq)]
pub struct PageRefused {
    /// The answers so far with the page's answers that could be read (some
    /// of them may be among the problems), to show the page again as it
    /// was filled in; never to be stored.
    pub answers: Answers,
    /// What is wrong.
    pub errors: Vec<AnswerError>,
}

/// Refuses answers to hidden `questions` (`hidden`) and asks for their
/// visible required ones that have neither an answer nor an error yet
/// (`required`).
fn judge<'a>(
    questions: impl Iterator<Item = &'a Question>,
    answers: &Answers,
    route: &Route<'_>,
    errors: &mut Vec<AnswerError>,
) {
    for q in questions {
        let answered = answers.contains(&q.key);
        if answered && !route.is_visible(&q.key) {
            errors.push(error(&q.key, AnswerErrorCode::Hidden));
        } else if q.required
            && !answered
            && route.is_visible(&q.key)
            && !errors
                .iter()
                .any(|e| e.question.as_deref() == Some(q.key.as_str()))
        {
            errors.push(error(&q.key, AnswerErrorCode::Required));
        }
    }
}

fn error(question: &str, code: AnswerErrorCode) -> AnswerError {
    AnswerError {
        question: Some(question.to_string()),
        code,
    }
}

fn check_language(def: &Definition, language: &str, errors: &mut Vec<AnswerError>) {
    if def.language(language).is_none() {
        errors.push(AnswerError {
            question: None,
            code: AnswerErrorCode::UnknownLanguage,
        });
    }
}

/// Reads every answer of `raw`: keys the document lacks are
/// `unknown-question`, answers of the wrong shape are recorded in `errors`
/// and left out. Questions in the document's order, unknown keys last.
/// The answers in `raw` that can be read as answers to `def`'s questions,
/// unchecked: to show a refused form again as it was filled in, never to
/// store.
pub fn read(def: &Definition, raw: &Map<String, Value>) -> Answers {
    parse_all(def, raw, &mut Vec::new())
}

fn parse_all(def: &Definition, raw: &Map<String, Value>, errors: &mut Vec<AnswerError>) -> Answers {
    let mut answers = Answers::new();
    for q in def.questions() {
        let Some(value) = raw.get(&q.key) else {
            continue;
        };
        if answers.contains(&q.key) {
            continue; // a duplicate key in an unchecked document
        }
        match parse::parse(q, value) {
            Ok(Some(answer)) => answers.insert(q.key.clone(), answer),
            Ok(None) => {}
            Err(code) => errors.push(error(&q.key, code)),
        }
    }
    for key in raw.keys() {
        if def.question(key).is_none() {
            errors.push(error(key, AnswerErrorCode::UnknownQuestion));
        }
    }
    answers
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_answer_error_code_reads_back_from_its_text() {
        for code in [
            AnswerErrorCode::Required,
            AnswerErrorCode::Hidden,
            AnswerErrorCode::CommentWithoutAnswer,
        ] {
            let text = serde_json::Value::from(code.code());
            assert_eq!(serde_json::from_value::<AnswerErrorCode>(text).ok(), Some(code));
        }
    }

    use serde_json::json;

    use super::*;
    use crate::surveys::definition::tests::sample;

    fn raw(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => panic!("not an object"),
        }
    }

    fn codes<E: Into<Vec<AnswerError>>>(result: Result<Answers, E>) -> Vec<(String, &'static str)> {
        match result {
            Ok(_) => Vec::new(),
            Err(errors) => Into::<Vec<AnswerError>>::into(errors)
                .into_iter()
                .map(|e| (e.question.unwrap_or_default(), e.code.code()))
                .collect(),
        }
    }

    fn pairs(expected: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        expected.iter().map(|(q, c)| (q.to_string(), *c)).collect()
    }

    #[test]
    fn a_complete_response_is_accepted() {
        let def = sample();
        let answers = validate(
            &def,
            "en",
            &raw(json!({
                "member": {"value": true, "comment": null}, "group": ["steering", "management"], "years": "3",
                "finance_clear": "dont_know", "voice": "4", "minutes_sent": "always", "centre": null
            })),
        )
        .expect("valid");
        assert_eq!(answers.len(), 6);
        assert_eq!(answers.get("years"), Some(&Answer::Number(3)));
        assert_eq!(answers.get("centre"), None);
    }

    #[test]
    fn a_hidden_required_question_is_not_required() {
        let def = sample();
        // `finance_clear` is required, but only management members see it.
        let given = raw(json!({"member": "yes", "group": ["preparation"], "voice": 2}));
        assert!(validate(&def, "sv", &given).is_ok());
    }

    #[test]
    fn a_visible_required_question_must_be_answered() {
        let def = sample();
        assert_eq!(
            codes(validate(
                &def,
                "sv",
                &raw(json!({"member": "yes", "group": ["management"], "finance_clear": ""}))
            )),
            pairs(&[("finance_clear", "required")])
        );
        assert_eq!(
            codes(validate(&def, "sv", &Map::new())),
            pairs(&[("member", "required"), ("group", "required")])
        );
    }

    #[test]
    fn answering_a_hidden_question_is_refused() {
        let def = sample();
        let given = raw(json!({
            "member": "yes", "group": ["preparation"], "voice": 2,
            "finance_clear": "completely", "minutes_sent": "never"
        }));
        assert_eq!(
            codes(validate(&def, "sv", &given)),
            pairs(&[("finance_clear", "hidden"), ("minutes_sent", "hidden")])
        );
    }

    #[test]
    fn a_screening_question_ends_the_survey_and_later_answers_are_refused() {
        let def = sample();
        let ended = validate(&def, "sv", &raw(json!({"member": "no"}))).expect("nothing more is asked");
        assert_eq!(ended.len(), 1);
        assert!(route(&def, &ended).end().is_some());
        assert_eq!(
            codes(validate(
                &def,
                "sv",
                &raw(json!({"member": "no", "group": ["steering"], "centre": "Heby"}))
            )),
            pairs(&[("group", "hidden"), ("centre", "hidden")])
        );
    }

    #[test]
    fn unknown_questions_and_languages_are_refused() {
        let def = sample();
        let given = raw(json!({"member": "no", "name": "Anna", "member__comment": "x"}));
        assert_eq!(
            codes(validate(&def, "fi", &given)),
            pairs(&[
                ("", "unknown-language"),
                ("member__comment", "unknown-question"),
                ("name", "unknown-question"),
            ])
        );
        for language in ["sv", "en", "ar"] {
            assert!(
                validate(&def, language, &raw(json!({"member": "no"}))).is_ok(),
                "{language}"
            );
        }
    }

    #[test]
    fn every_problem_is_reported_at_once_in_the_documents_order() {
        let def = sample();
        let given = raw(json!({
            "centre": "a\u{0}b", "years": 41, "group": ["steering", "steering"], "member": "yes", "voice": "5"
        }));
        let errors = validate(&def, "sv", &given).expect_err("invalid");
        assert_eq!(
            errors
                .iter()
                .map(|e| (e.question.clone().unwrap_or_default(), e.code.code()))
                .collect::<Vec<_>>(),
            pairs(&[
                ("group", "duplicate-option"),
                ("years", "out-of-range"),
                // Wrong whether or not the duplicate hides the block.
                ("voice", "unknown-option"),
                ("centre", "control-character"),
            ])
        );
        assert_eq!(errors[0].to_string(), "group: duplicate-option");
        let json = serde_json::to_value(&errors[1]).expect("json");
        assert_eq!(json, json!({"question": "years", "code": "out-of-range"}));
    }

    #[test]
    fn stored_answers_read_back_through_the_validator() {
        let def = sample();
        let answers = validate(
            &def,
            "sv",
            &raw(
                json!({"member": {"value": "yes", "comment": "Sedan 2023"}, "group": ["management"],
                        "finance_clear": "some_extent", "finance_why": "Rad 1\nRad 2"}),
            ),
        )
        .expect("valid");
        let stored = serde_json::to_value(&answers).expect("json");
        assert_eq!(
            stored,
            json!({
                "member": {"yes_no": {"value": true, "comment": "Sedan 2023"}},
                "group": {"choices": ["management"]},
                "finance_clear": {"choice": "some_extent"},
                "finance_why": {"text": "Rad 1\nRad 2"}
            })
        );
        assert_eq!(serde_json::from_value::<Answers>(stored).expect("reads"), answers);
        assert_eq!(validate(&def, "sv", &answers.to_raw()), Ok(answers));
    }

    #[test]
    fn a_page_replaces_its_answers_and_drops_those_it_hides() {
        let def = sample();
        let earlier = validate(
            &def,
            "sv",
            &raw(
                json!({"member": "yes", "group": ["management"], "years": 2, "finance_clear": "not_at_all",
                        "finance_why": "Allt", "centre": "Knivsta"}),
            ),
        )
        .expect("valid");
        // Back on the groups page: now steering only, and no years.
        let now = validate_page(
            &def,
            "sv",
            &earlier,
            "groups",
            &raw(json!({"group": ["steering"]})),
        )
        .expect("valid");
        let keys: Vec<&str> = now.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["centre", "group", "member"]);
        // The steering page asks for its required question.
        assert_eq!(
            codes(validate_page(&def, "sv", &now, "steering", &Map::new())),
            pairs(&[("voice", "required")])
        );
        let done = validate_page(&def, "sv", &now, "steering", &raw(json!({"voice": "4"}))).expect("valid");
        assert_eq!(validate(&def, "sv", &done.to_raw()), Ok(done));
    }

    #[test]
    fn a_refused_page_gives_back_what_was_filled_in_with_its_problems() {
        let def = sample();
        let earlier = validate_page(
            &def,
            "sv",
            &Answers::new(),
            "screening",
            &raw(json!({"member": "yes"})),
        )
        .expect("valid");
        // The groups page: a choice made, years out of range.
        let refused = validate_page(
            &def,
            "sv",
            &earlier,
            "groups",
            &raw(json!({"group": ["management"], "years": 9999})),
        )
        .expect_err("years out of range");
        assert_eq!(
            refused.errors.iter().map(|e| e.code.code()).collect::<Vec<_>>(),
            ["out-of-range"]
        );
        assert_eq!(
            refused.answers.get("group"),
            Some(&Answer::Choices(vec!["management".into()]))
        );
        assert_eq!(refused.answers.get("member"), earlier.get("member"));
    }

    #[test]
    fn a_page_refuses_hidden_questions_and_questions_of_other_pages() {
        let def = sample();
        let earlier: Answers = [
            (
                "member".to_string(),
                Answer::YesNo {
                    value: true,
                    comment: None,
                },
            ),
            ("group".to_string(), Answer::Choices(vec!["steering".into()])),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            codes(validate_page(
                &def,
                "sv",
                &earlier,
                "management",
                &raw(json!({"finance_clear": "completely"}))
            )),
            pairs(&[("finance_clear", "hidden")])
        );
        assert_eq!(
            codes(validate_page(
                &def,
                "sv",
                &earlier,
                "steering",
                &raw(json!({"voice": 1, "centre": "Tierp", "x": 1}))
            )),
            pairs(&[("centre", "not-on-page"), ("x", "unknown-question")])
        );
        assert_eq!(
            codes(validate_page(&def, "sv", &earlier, "nowhere", &Map::new())),
            pairs(&[("", "unknown-page")])
        );
    }

    #[test]
    fn answers_compare_by_their_keys() {
        assert_eq!(Answer::Number(-4).key().as_deref(), Some("-4"));
        assert_eq!(
            Answer::YesNo {
                value: false,
                comment: Some("x".into())
            }
            .key()
            .as_deref(),
            Some("no")
        );
        assert_eq!(Answer::Text("no".into()).key(), None);
        assert!(!Answer::Text("no".into()).matches("no"));
        assert!(Answer::Choices(vec!["a".into(), "b".into()]).matches("b"));
        assert_eq!(Answer::Choices(vec!["a".into()]).key(), None);
    }
}

#[cfg(test)]
mod properties;
