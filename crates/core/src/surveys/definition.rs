//! The definition of an instrument version (*enkätversion*): one JSON
//! document with the survey's title, languages, blocks of questions, their
//! options, and the conditions that show a block or question or end the
//! survey early.
//!
//! ```json
//! {"key": "styrning_2025",
//!  "title": {"sv": "Uppföljning av styrningen", "en": "Governance follow-up"},
//!  "languages": ["sv", "en"],
//!  "blocks": [{"key": "start", "questions": [
//!     {"key": "member", "type": "yes_no", "required": true,
//!      "text": {"sv": "Sitter du i någon grupp?", "en": "Do you sit in any group?"},
//!      "end_survey_if": {"question": "member", "equals": "no"}}]}]}
//! ```
//!
//! A document is read with [`Definition::from_json`], which also runs
//! [`Definition::check`]: a round may only use a document without errors.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

mod check;
mod condition;
mod edit;
mod texts;

pub use condition::Condition;
pub use edit::{Edit, EditError, Place, key_from};
pub use texts::{Language, SWEDISH, Texts, is_rtl};

/// The longest key (of a survey, block, question or option), in characters.
pub const KEY_MAX: usize = 40;
/// How deeply conditions may nest: a plain comparison is one level, each
/// `all` or `any` around it one more.
pub const MAX_DEPTH: usize = 8;
/// The longest answer to a `short_text` question, in characters.
pub const SHORT_TEXT_MAX: usize = 500;
/// The longest answer to a `long_text` question, in characters.
pub const LONG_TEXT_MAX: usize = 5000;
/// The longest comment to a `yes_no` answer, in characters.
pub const COMMENT_MAX: usize = 1000;

/// The option key of "don't know" on the five-level scale; it is not a
/// step of the ordered scale.
pub const DONT_KNOW: &str = "dont_know";
/// The option keys of the five-level scale, in the order shown.
pub const SCALE5_KEYS: [&str; 5] = [
    DONT_KNOW,
    "not_at_all",
    "some_extent",
    "large_extent",
    "completely",
];
/// Each step of the five-level scale, in the order of [`SCALE5_KEYS`]: its
/// key with its Swedish and English label (the labels a survey shows when
/// its document leaves the options out).
const SCALE5_LABELS: [(&str, &str, &str); 5] = [
    (DONT_KNOW, "Vet ej", "Don't know"),
    ("not_at_all", "Inte alls", "Not at all"),
    ("some_extent", "Till viss del", "Partly"),
    ("large_extent", "Till stor del", "Largely"),
    ("completely", "Helt och hållet", "Fully"),
];
/// The option keys of the four-level scale, lowest first.
pub const SCALE4_KEYS: [&str; 4] = ["1", "2", "3", "4"];
/// The option keys of a yes/no question.
pub const YES_NO_KEYS: [&str; 2] = ["yes", "no"];

/// A survey's definition as one document: one version of an instrument
/// (*enkätversion*; the glossary's `InstrumentVersion`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// A stable key for the version, e.g. `brukarenkat_2025`.
    pub key: String,
    /// The survey's title.
    pub title: Texts,
    /// The languages it is offered in; Swedish must be one of them.
    pub languages: Vec<Language>,
    /// What a respondent reads before the first question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Texts>,
    /// What a respondent reads after the last question (and after an early
    /// end without its own text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Texts>,
    /// The blocks, in order; each is one page.
    pub blocks: Vec<Block>,
}

/// A block of questions (*frågeblock*) shown as one page, perhaps only
/// when its condition holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// A key unique among the blocks.
    pub key: String,
    /// The page's heading, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Texts>,
    /// Shown only when this holds; may refer only to questions of earlier
    /// blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// The questions, in order.
    pub questions: Vec<Question>,
}

/// One question (*fråga*) of a survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// A key unique in the whole document; answers, conditions, form
    /// fields and results name the question by it.
    pub key: String,
    /// What kind of answer it takes.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// Whether a respondent who sees it must answer it.
    pub required: bool,
    /// The question.
    pub text: Texts,
    /// A hint shown under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Texts>,
    /// The options; fixed for `scale5` and `yes_no` (and then implied when
    /// left out), labels of `1`..`4` for `scale4`, empty for the others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<AnswerOption>,
    /// The smallest number accepted (`number` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// The largest number accepted (`number` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Shown only when this holds; may refer only to earlier questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// When this holds, the survey ends after this question (a screening
    /// question, *slussningsfråga*); may refer to this question itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_survey_if: Option<Condition>,
    /// What a respondent reads when the survey ends here; the document's
    /// closing text when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_text: Option<Texts>,
}

/// The kind of a question (*frågetyp*), in JSON in `"type"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    /// One of the question's options.
    SingleChoice,
    /// Any number of the question's options (each at most once).
    MultipleChoice,
    /// The five-level scale from "don't know" and "not at all" to
    /// "completely", keys [`SCALE5_KEYS`], labels in `SCALE5_LABELS`.
    Scale5,
    /// A four-level scale with keys `1`..`4` and the question's own labels.
    Scale4,
    /// Yes or no, with an optional comment.
    YesNo,
    /// A whole number, perhaps between `min` and `max`.
    Number,
    /// A line of text, at most [`SHORT_TEXT_MAX`] characters.
    ShortText,
    /// Free text, at most [`LONG_TEXT_MAX`] characters.
    LongText,
}

impl QuestionType {
    /// The stable code, as in the document's `"type"`.
    pub fn code(self) -> &'static str {
        match self {
            QuestionType::SingleChoice => "single_choice",
            QuestionType::MultipleChoice => "multiple_choice",
            QuestionType::Scale5 => "scale5",
            QuestionType::Scale4 => "scale4",
            QuestionType::YesNo => "yes_no",
            QuestionType::Number => "number",
            QuestionType::ShortText => "short_text",
            QuestionType::LongText => "long_text",
        }
    }

    /// Whether answers are option keys (so results count options).
    pub fn has_options(self) -> bool {
        !matches!(
            self,
            QuestionType::Number | QuestionType::ShortText | QuestionType::LongText
        )
    }

    /// The option keys fixed by the type, if it fixes them.
    pub fn fixed_keys(self) -> Option<&'static [&'static str]> {
        match self {
            QuestionType::Scale5 => Some(&SCALE5_KEYS),
            QuestionType::Scale4 => Some(&SCALE4_KEYS),
            QuestionType::YesNo => Some(&YES_NO_KEYS),
            _ => None,
        }
    }

    /// The longest text answer, for text questions.
    pub fn max_chars(self) -> Option<usize> {
        match self {
            QuestionType::ShortText => Some(SHORT_TEXT_MAX),
            QuestionType::LongText => Some(LONG_TEXT_MAX),
            _ => None,
        }
    }
}

/// An option (*svarsalternativ*) a respondent can choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// A key unique within the question; answers and results use it.
    pub key: String,
    /// The label.
    pub text: Texts,
}

impl AnswerOption {
    /// An option labelled in Swedish and English.
    fn implied(key: &str, sv: &str, en: &str) -> AnswerOption {
        AnswerOption {
            key: key.to_string(),
            text: Texts::swedish(sv).and("en", en),
        }
    }
}

impl Definition {
    /// Reads a document and checks it: the JSON's own error (with the path
    /// where it happened, code `invalid-json`) or every error of
    /// [`Definition::check`].
    pub fn from_json(json: &str) -> Result<Definition, Vec<DefinitionError>> {
        let invalid = |path: String, e: serde_json::Error| {
            vec![DefinitionError {
                path,
                code: DefinitionErrorCode::InvalidJson,
                detail: Some(e.to_string()),
            }]
        };
        let mut de = serde_json::Deserializer::from_str(json);
        let def: Definition = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            invalid(path, e.into_inner())
        })?;
        de.end().map_err(|e| invalid(".".to_string(), e))?;
        let errors = def.check();
        if errors.is_empty() { Ok(def) } else { Err(errors) }
    }

    /// Every problem with the document, each with its path
    /// (`blocks[1].questions[0].show_if`) and a stable code; empty when a
    /// round may use it. See [`DefinitionErrorCode`] for the rules.
    pub fn check(&self) -> Vec<DefinitionError> {
        check::check(self)
    }

    /// Every question, in the order a respondent meets them.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.blocks.iter().flat_map(|b| b.questions.iter())
    }

    /// The question with this key.
    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions().find(|q| q.key == key)
    }

    /// The block with this key.
    pub fn block(&self, key: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.key == key)
    }

    /// The block that holds the question with this key.
    pub fn block_of(&self, question: &str) -> Option<&Block> {
        self.blocks
            .iter()
            .find(|b| b.questions.iter().any(|q| q.key == question))
    }

    /// Each question's place in the order (0 for the first), by key; the
    /// first of duplicates wins.
    pub fn positions(&self) -> HashMap<&str, usize> {
        let mut positions = HashMap::new();
        for (i, q) in self.questions().enumerate() {
            positions.entry(q.key.as_str()).or_insert(i);
        }
        positions
    }

    /// The document's language with this tag, if it is offered in it.
    pub fn language(&self, tag: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.tag() == tag)
    }
}

impl Question {
    /// The options a respondent chooses from: the document's, or for
    /// `scale5` and `yes_no` without options in the document the fixed
    /// ones, labelled in Swedish and English.
    pub fn options(&self) -> Cow<'_, [AnswerOption]> {
        if !self.options.is_empty() {
            return Cow::Borrowed(&self.options);
        }
        match self.kind {
            QuestionType::Scale5 => Cow::Owned(
                SCALE5_LABELS
                    .iter()
                    .map(|(key, sv, en)| AnswerOption::implied(key, sv, en))
                    .collect(),
            ),
            QuestionType::YesNo => Cow::Owned(vec![
                AnswerOption::implied("yes", "Ja", "Yes"),
                AnswerOption::implied("no", "Nej", "No"),
            ]),
            _ => Cow::Borrowed(&[]),
        }
    }

    /// The keys of [`Question::options`], in order.
    pub fn option_keys(&self) -> Vec<&str> {
        match self.kind {
            QuestionType::Scale5 if self.options.is_empty() => return SCALE5_KEYS.to_vec(),
            QuestionType::YesNo if self.options.is_empty() => return YES_NO_KEYS.to_vec(),
            _ => {}
        }
        self.options.iter().map(|o| o.key.as_str()).collect()
    }

    /// Whether `key` is one of its options' keys.
    pub fn has_option(&self, key: &str) -> bool {
        self.option_keys().contains(&key)
    }

    /// For the scales, the keys that form the ordered scale, lowest first:
    /// `not_at_all`..`completely` (without [`DONT_KNOW`]) or `1`..`4`.
    pub fn ordered_keys(&self) -> Option<&'static [&'static str]> {
        match self.kind {
            QuestionType::Scale5 => Some(&SCALE5_KEYS[1..]),
            QuestionType::Scale4 => Some(&SCALE4_KEYS),
            _ => None,
        }
    }
}

/// A problem with a definition document, at a path in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{path}: {code}")]
pub struct DefinitionError {
    /// Where: `blocks[1].questions[0].show_if`, `languages[2]`, or `.` for
    /// the whole document.
    pub path: String,
    /// What is wrong.
    pub code: DefinitionErrorCode,
    /// More about it when that helps: the missing language, the unknown
    /// key, the JSON parser's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// What is wrong with a definition document, as a stable kebab-case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DefinitionErrorCode {
    /// Not JSON, or not of the document's shape (`invalid-json`).
    InvalidJson,
    /// A key of a survey, block or question that is not lowercase ASCII
    /// letters, digits and single `_` starting with a letter, or an option
    /// key not of lowercase letters, digits and `_`; 1 to [`KEY_MAX`]
    /// characters (`bad-key`).
    BadKey,
    /// Two blocks or two questions with the same key (`duplicate-key`).
    DuplicateKey,
    /// A language tag that is not well formed (`bad-language`).
    BadLanguage,
    /// A language listed twice (`duplicate-language`).
    DuplicateLanguage,
    /// Swedish is not among the languages, or a text has no Swedish
    /// (`missing-swedish`).
    MissingSwedish,
    /// A text lacks one of the document's languages (`missing-translation`).
    MissingTranslation,
    /// A text in a language the document does not list (`unknown-language`).
    UnknownLanguage,
    /// No blocks, a block without questions, or an empty `all`, `any` or
    /// `any_of` (`empty`).
    Empty,
    /// A choice question without options (`no-options`).
    NoOptions,
    /// Two options of a question with the same key (`duplicate-option`).
    DuplicateOption,
    /// Options of a scale or yes/no question other than its fixed keys in
    /// their order (`fixed-options`).
    FixedOptions,
    /// Something the question's type does not take: options, `min` or
    /// `max`, or an `end_text` without `end_survey_if` (`not-allowed`).
    NotAllowed,
    /// `min` above `max` (`min-above-max`).
    MinAboveMax,
    /// A condition names a question the document does not have
    /// (`unknown-question`).
    UnknownQuestion,
    /// A condition names a question that does not come earlier
    /// (`refers-forward`); `end_survey_if` may name its own question.
    RefersForward,
    /// A condition compares with a key the question's options do not have
    /// (`unknown-option`).
    UnknownOption,
    /// A condition compares a number question with text that is not a
    /// whole number in plain decimal (`bad-value`).
    BadValue,
    /// A condition compares a text question's answer; only `answered` can
    /// look at one (`not-comparable`).
    NotComparable,
    /// Conditions nested deeper than [`MAX_DEPTH`] (`too-deep`).
    TooDeep,
}

impl DefinitionErrorCode {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            DefinitionErrorCode::InvalidJson => "invalid-json",
            DefinitionErrorCode::BadKey => "bad-key",
            DefinitionErrorCode::DuplicateKey => "duplicate-key",
            DefinitionErrorCode::BadLanguage => "bad-language",
            DefinitionErrorCode::DuplicateLanguage => "duplicate-language",
            DefinitionErrorCode::MissingSwedish => "missing-swedish",
            DefinitionErrorCode::MissingTranslation => "missing-translation",
            DefinitionErrorCode::UnknownLanguage => "unknown-language",
            DefinitionErrorCode::Empty => "empty",
            DefinitionErrorCode::NoOptions => "no-options",
            DefinitionErrorCode::DuplicateOption => "duplicate-option",
            DefinitionErrorCode::FixedOptions => "fixed-options",
            DefinitionErrorCode::NotAllowed => "not-allowed",
            DefinitionErrorCode::MinAboveMax => "min-above-max",
            DefinitionErrorCode::UnknownQuestion => "unknown-question",
            DefinitionErrorCode::RefersForward => "refers-forward",
            DefinitionErrorCode::UnknownOption => "unknown-option",
            DefinitionErrorCode::BadValue => "bad-value",
            DefinitionErrorCode::NotComparable => "not-comparable",
            DefinitionErrorCode::TooDeep => "too-deep",
        }
    }
}

impl std::fmt::Display for DefinitionErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::{Value, json};

    use super::*;

    /// A follow-up of governance in Swedish, English and Arabic, with a
    /// screening question and every type but one and every condition form.
    pub(crate) const SAMPLE: &str = include_str!("definition/sample.json");

    /// [`SAMPLE`], read and checked.
    pub(crate) fn sample() -> Definition {
        Definition::from_json(SAMPLE).expect("the sample is valid")
    }

    /// A document in Swedish only with these blocks, read without checks.
    pub(crate) fn with_blocks(blocks: Value) -> Definition {
        serde_json::from_value(json!({
            "key": "test", "title": {"sv": "Test"}, "languages": ["sv"], "blocks": blocks
        }))
        .expect("of the document's shape")
    }

    /// A question in Swedish only, as JSON, with `extra` fields.
    pub(crate) fn question(key: &str, kind: &str, extra: Value) -> Value {
        let mut q = json!({"key": key, "type": kind, "required": false, "text": {"sv": "Fråga"}});
        if let (Some(q), Value::Object(extra)) = (q.as_object_mut(), extra) {
            q.extend(extra);
        }
        q
    }

    #[test]
    fn a_full_definition_survives_a_json_round_trip() {
        let def = sample();
        let written = serde_json::to_value(&def).expect("serialises");
        let original: Value = serde_json::from_str(SAMPLE).expect("json");
        assert_eq!(written, original);
        let again = Definition::from_json(&written.to_string()).expect("reads back");
        assert_eq!(again, def);
    }

    #[test]
    fn the_sample_passes_every_check() {
        assert_eq!(sample().check(), Vec::new());
    }

    #[test]
    fn arabic_and_english_texts_come_with_their_direction() {
        let def = sample();
        let member = def.question("member").expect("member");
        let ar = def.language("ar").expect("arabic");
        let en = def.language("en").expect("english");
        assert_eq!((ar.tag(), ar.dir(), ar.is_rtl()), ("ar", "rtl", true));
        assert_eq!((en.tag(), en.dir()), ("en", "ltr"));
        assert_eq!(
            member.text.get(ar.tag()),
            "هل أنت عضو في مجموعة إدارة أو تحضير أو توجيه؟"
        );
        assert_eq!(
            member.text.get("en"),
            "Are you part of a management, preparation or steering group?"
        );
        assert_eq!(member.options()[0].text.get("ar"), "نعم");
        assert_eq!(def.title.get("fi"), "Uppföljning av styrningen");
    }

    #[test]
    fn a_json_error_names_its_path() {
        let bad_type = SAMPLE.replace("\"type\": \"scale4\"", "\"type\": \"slider\"");
        let errors = Definition::from_json(&bad_type).expect_err("unknown type");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "blocks[3].questions[0].type");
        assert_eq!(errors[0].code.code(), "invalid-json");
        assert!(errors[0].detail.as_deref().is_some_and(|d| d.contains("slider")));

        let typo = SAMPLE.replace(
            "\"required\": false,\n          \"text\": {\"sv\": \"Vad",
            "\"requried\": false,\n          \"text\": {\"sv\": \"Vad",
        );
        let errors = Definition::from_json(&typo).expect_err("unknown field");
        assert_eq!(errors[0].path, "blocks[2].questions[1].requried");

        let errors = Definition::from_json(&format!("{SAMPLE} []")).expect_err("trailing");
        assert_eq!(errors[0].code, DefinitionErrorCode::InvalidJson);
        let errors = Definition::from_json("{\"key\": 1}").expect_err("not a string");
        assert_eq!(errors[0].path, "key");
    }

    #[test]
    fn from_json_runs_the_checks() {
        let forward = SAMPLE.replace(
            "{\"question\": \"finance_clear\", \"any_of\"",
            "{\"question\": \"centre\", \"any_of\"",
        );
        let errors = Definition::from_json(&forward).expect_err("refers forward");
        let codes: Vec<(&str, &str)> = errors.iter().map(|e| (e.path.as_str(), e.code.code())).collect();
        assert_eq!(
            codes,
            [
                ("blocks[2].questions[1].show_if.question", "refers-forward"),
                ("blocks[2].questions[1].show_if.any_of[0]", "not-comparable"),
                ("blocks[2].questions[1].show_if.any_of[1]", "not-comparable"),
            ]
        );
        assert_eq!(
            errors[0].to_string(),
            "blocks[2].questions[1].show_if.question: refers-forward"
        );
    }

    #[test]
    fn questions_are_found_in_order_with_their_blocks_and_options() {
        let def = sample();
        let keys: Vec<&str> = def.questions().map(|q| q.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "member",
                "group",
                "years",
                "finance_clear",
                "finance_why",
                "voice",
                "minutes_sent",
                "centre"
            ]
        );
        assert_eq!(def.block_of("voice").map(|b| b.key.as_str()), Some("steering"));
        assert_eq!(def.positions().get("centre"), Some(&7));
        assert_eq!(def.question("nobody"), None);
        let group = def.question("group").expect("group");
        assert_eq!(group.option_keys(), ["management", "preparation", "steering"]);
        assert!(group.has_option("steering") && !group.has_option("Steering"));
        assert_eq!(
            def.question("voice").and_then(Question::ordered_keys),
            Some(&SCALE4_KEYS[..])
        );
        assert_eq!(def.question("years").map(|q| q.option_keys().len()), Some(0));
    }

    #[test]
    fn the_five_level_scale_is_implied_with_dont_know_outside_its_order() {
        let def = with_blocks(json!([{"key": "b", "questions": [question("q", "scale5", json!({}))]}]));
        assert_eq!(def.check(), Vec::new());
        let q = def.question("q").expect("q");
        assert_eq!(q.option_keys(), SCALE5_KEYS);
        let labels: Vec<(String, String)> = q
            .options()
            .iter()
            .map(|o| (o.key.clone(), o.text.get("sv").to_string()))
            .collect();
        assert_eq!(labels[0], ("dont_know".to_string(), "Vet ej".to_string()));
        assert_eq!(
            labels[4],
            ("completely".to_string(), "Helt och hållet".to_string())
        );
        assert_eq!(labels.len(), 5);
        assert_eq!(q.options()[4].text.get("en"), "Fully");
        let ordered = q.ordered_keys().expect("a scale");
        assert_eq!(
            ordered,
            ["not_at_all", "some_extent", "large_extent", "completely"]
        );
        assert!(!ordered.contains(&DONT_KNOW));
        let yes_no = with_blocks(json!([{"key": "b", "questions": [question("q", "yes_no", json!({}))]}]));
        let q = yes_no.question("q").expect("q");
        assert_eq!(q.option_keys(), ["yes", "no"]);
        assert_eq!(q.options()[1].text.get("sv"), "Nej");
        assert_eq!(q.ordered_keys(), None);
    }

    #[test]
    fn question_types_have_snake_case_codes() {
        for (kind, code) in [
            (QuestionType::SingleChoice, "single_choice"),
            (QuestionType::MultipleChoice, "multiple_choice"),
            (QuestionType::Scale5, "scale5"),
            (QuestionType::Scale4, "scale4"),
            (QuestionType::YesNo, "yes_no"),
            (QuestionType::Number, "number"),
            (QuestionType::ShortText, "short_text"),
            (QuestionType::LongText, "long_text"),
        ] {
            assert_eq!(kind.code(), code);
            assert_eq!(serde_json::to_value(kind).expect("json"), json!(code));
        }
    }
}
