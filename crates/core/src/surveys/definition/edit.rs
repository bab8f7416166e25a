//! Editing a draft step by step (*redigering*): adding, removing and moving
//! blocks, questions and options, adding and removing languages, and
//! changing a question's type, as the instrument editor's buttons ask for
//! them. Each step only changes the document; whether the result may be
//! saved is [`Definition::check`]'s to say.

use std::collections::HashSet;

use super::check::{is_key, is_option_key};
use super::{AnswerOption, Block, Definition, KEY_MAX, Language, Question, QuestionType, SWEDISH, Texts};

/// A block, a question or an option by its place in the document, written
/// as in the paths of [`super::DefinitionError`]: `blocks[1]`,
/// `blocks[1].questions[0]`, `blocks[1].questions[0].options[2]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// The block with this index.
    Block(usize),
    /// A question: its block's index and its own within the block.
    Question(usize, usize),
    /// An option: its question's place and its own index.
    Option(usize, usize, usize),
}

impl Place {
    /// Reads a place from its path; `None` for any other text.
    pub fn parse(path: &str) -> Option<Place> {
        fn index(part: &str, name: &str) -> Option<usize> {
            let digits = part.strip_prefix(name)?.strip_prefix('[')?.strip_suffix(']')?;
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.parse().ok()
        }
        let mut parts = path.split('.');
        let b = index(parts.next()?, "blocks")?;
        let Some(q) = parts.next() else {
            return Some(Place::Block(b));
        };
        let q = index(q, "questions")?;
        let Some(o) = parts.next() else {
            return Some(Place::Question(b, q));
        };
        let o = index(o, "options")?;
        parts.next().is_none().then_some(Place::Option(b, q, o))
    }

    /// The path, as [`Place::parse`] reads it.
    pub fn path(self) -> String {
        match self {
            Place::Block(b) => format!("blocks[{b}]"),
            Place::Question(b, q) => format!("blocks[{b}].questions[{q}]"),
            Place::Option(b, q, o) => format!("blocks[{b}].questions[{q}].options[{o}]"),
        }
    }
}

/// One change to a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A new block at the end, with one new question of this type.
    AddBlock(QuestionType),
    /// A new question of this type at the end of the block with this index.
    AddQuestion(usize, QuestionType),
    /// A new option at the end of the question at this place (choice
    /// questions only; the scales and yes/no have fixed keys).
    AddOption(usize, usize),
    /// The standard labels of a five-level scale or yes/no question written
    /// into the document, so that they can be reworded and translated.
    OwnLabels(usize, usize),
    /// Takes a block, question or option away.
    Remove(Place),
    /// Moves a block, question or option one step earlier; a question
    /// already first in its block goes last in the block before.
    MoveUp(Place),
    /// Moves a block, question or option one step later; a question already
    /// last in its block goes first in the block after.
    MoveDown(Place),
    /// Offers the survey in one more language (its texts still to write).
    AddLanguage(Language),
    /// Stops offering a language (not Swedish) and drops its texts.
    RemoveLanguage(String),
}

/// Why an edit cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The place names nothing in the document (`no-such-place`).
    #[error("no-such-place")]
    NoSuchPlace,
    /// The question's type fixes its options (`fixed-options`).
    #[error("fixed-options")]
    FixedOptions,
    /// The tag is not a well-formed language tag (`bad-language`).
    #[error("bad-language")]
    BadLanguage,
    /// The survey is offered in that language already (`duplicate-language`).
    #[error("duplicate-language")]
    DuplicateLanguage,
    /// Swedish cannot be removed (`missing-swedish`).
    #[error("missing-swedish")]
    Swedish,
}

impl EditError {
    /// The stable code, as the definition's errors have them.
    pub fn code(self) -> &'static str {
        match self {
            EditError::NoSuchPlace => "no-such-place",
            EditError::FixedOptions => "fixed-options",
            EditError::BadLanguage => "bad-language",
            EditError::DuplicateLanguage => "duplicate-language",
            EditError::Swedish => "missing-swedish",
        }
    }
}

impl QuestionType {
    /// Every type, in the order an editor offers them.
    pub const ALL: [QuestionType; 8] = [
        QuestionType::SingleChoice,
        QuestionType::MultipleChoice,
        QuestionType::Scale5,
        QuestionType::Scale4,
        QuestionType::YesNo,
        QuestionType::Number,
        QuestionType::ShortText,
        QuestionType::LongText,
    ];

    /// The type with this code (as in the document's `"type"`).
    pub fn from_code(code: &str) -> Option<QuestionType> {
        QuestionType::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Whether the document may leave the options out (the standard
    /// labels in Swedish and English are implied).
    fn has_implied_options(self) -> bool {
        matches!(self, QuestionType::Scale5 | QuestionType::YesNo)
    }
}

/// Whether the fixed labels of the scales and yes/no cover `language`.
fn implied_covers(language: &str) -> bool {
    language == SWEDISH || language == "en"
}

/// The first of `stem1`, `stem2`, … not in `taken`.
fn free_key(stem: &str, taken: &HashSet<&str>) -> String {
    (1..)
        .map(|n| format!("{stem}{n}"))
        .find(|k| !taken.contains(k.as_str()))
        .unwrap_or_else(|| stem.to_string())
}

/// Moves the element at `i` of `list` one step (`up`: earlier); its index
/// afterwards, or `None` at the end it would move past.
fn shift<T>(list: &mut [T], i: usize, up: bool) -> Option<usize> {
    let j = if up { i.checked_sub(1)? } else { i + 1 };
    if j >= list.len() {
        return None;
    }
    list.swap(i, j);
    Some(j)
}

/// A key made of a text: lowercase ASCII letters and digits with single
/// `_` between words, Swedish letters without their dots and rings
/// (`Besök hösten 2026` -> `besok_hosten_2026`), starting with a letter,
/// at most [`KEY_MAX`] characters. `None` when nothing usable is left.
pub fn key_from(text: &str) -> Option<String> {
    let mut key = String::new();
    for c in text.trim().to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            'í' | 'ï' => 'i',
            c => c,
        };
        if c.is_ascii_lowercase() || (c.is_ascii_digit() && !key.is_empty()) {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with('_') {
            key.push('_');
        }
        if key.len() >= KEY_MAX {
            break;
        }
    }
    let key = key.trim_end_matches('_').to_string();
    is_key(&key).then_some(key)
}

impl Definition {
    /// A first draft of a new survey: in Swedish, one block with one short
    /// text question, to build on in the editor.
    pub fn starter(key: &str, title: &str, first_question: &str) -> Definition {
        Definition {
            key: key.trim().to_string(),
            title: Texts::swedish(title.trim()),
            languages: vec![Language::swedish()],
            intro: None,
            closing: None,
            blocks: vec![Block {
                key: "block1".into(),
                title: None,
                show_if: None,
                questions: vec![Question::blank("q1", Texts::swedish(first_question.trim()))],
            }],
        }
    }

    /// Makes one change; returns the place the change concerns afterwards
    /// (the new or moved element, or the neighbour of a removed one), if
    /// any. A move past either end changes nothing.
    pub fn apply(&mut self, edit: &Edit) -> Result<Option<Place>, EditError> {
        match edit {
            Edit::AddBlock(kind) => {
                let taken: HashSet<&str> = self.blocks.iter().map(|b| b.key.as_str()).collect();
                let key = free_key("block", &taken);
                let question = self.new_question(*kind);
                self.blocks.push(Block {
                    key,
                    title: None,
                    show_if: None,
                    questions: vec![question],
                });
                Ok(Some(Place::Block(self.blocks.len() - 1)))
            }
            Edit::AddQuestion(b, kind) => {
                let question = self.new_question(*kind);
                let block = self.blocks.get_mut(*b).ok_or(EditError::NoSuchPlace)?;
                block.questions.push(question);
                Ok(Some(Place::Question(*b, block.questions.len() - 1)))
            }
            Edit::AddOption(b, q) => {
                let question = self.question_at(*b, *q)?;
                if question.kind.fixed_keys().is_some() || !question.kind.has_options() {
                    return Err(EditError::FixedOptions);
                }
                let taken: HashSet<&str> = question.options.iter().map(|o| o.key.as_str()).collect();
                let key = free_key("o", &taken);
                question.options.push(AnswerOption {
                    key,
                    text: Texts::default(),
                });
                Ok(Some(Place::Option(*b, *q, question.options.len() - 1)))
            }
            Edit::OwnLabels(b, q) => {
                let question = self.question_at(*b, *q)?;
                question.write_implied_options();
                Ok(Some(Place::Question(*b, *q)))
            }
            Edit::Remove(place) => self.remove(*place).map(Some),
            Edit::MoveUp(place) => self.shift_place(*place, true).map(Some),
            Edit::MoveDown(place) => self.shift_place(*place, false).map(Some),
            Edit::AddLanguage(language) => {
                if !language.is_well_formed() {
                    return Err(EditError::BadLanguage);
                }
                if self.language(language.tag()).is_some() {
                    return Err(EditError::DuplicateLanguage);
                }
                self.languages.push(language.clone());
                if !implied_covers(language.tag()) {
                    for block in &mut self.blocks {
                        for question in &mut block.questions {
                            question.write_implied_options();
                        }
                    }
                }
                Ok(None)
            }
            Edit::RemoveLanguage(tag) => {
                if tag == SWEDISH {
                    return Err(EditError::Swedish);
                }
                self.languages.retain(|l| l.tag() != tag);
                self.each_text(|texts| {
                    texts.0.remove(tag.as_str());
                });
                Ok(None)
            }
        }
    }

    /// A new, empty question of `kind` with a key no question has.
    fn new_question(&self, kind: QuestionType) -> Question {
        let taken: HashSet<&str> = self.questions().map(|q| q.key.as_str()).collect();
        let mut question = Question::blank(&free_key("q", &taken), Texts::default());
        question.set_kind(kind, &self.languages);
        question
    }

    fn question_at(&mut self, b: usize, q: usize) -> Result<&mut Question, EditError> {
        self.blocks
            .get_mut(b)
            .and_then(|block| block.questions.get_mut(q))
            .ok_or(EditError::NoSuchPlace)
    }

    fn remove(&mut self, place: Place) -> Result<Place, EditError> {
        let after = |i: usize| i.saturating_sub(1);
        match place {
            Place::Block(b) => {
                if b >= self.blocks.len() {
                    return Err(EditError::NoSuchPlace);
                }
                self.blocks.remove(b);
                Ok(Place::Block(after(b)))
            }
            Place::Question(b, q) => {
                let block = self.blocks.get_mut(b).ok_or(EditError::NoSuchPlace)?;
                if q >= block.questions.len() {
                    return Err(EditError::NoSuchPlace);
                }
                block.questions.remove(q);
                Ok(if block.questions.is_empty() {
                    Place::Block(b)
                } else {
                    Place::Question(b, after(q))
                })
            }
            Place::Option(b, q, o) => {
                let question = self.question_at(b, q)?;
                if question.kind.fixed_keys().is_some() {
                    return Err(EditError::FixedOptions);
                }
                if o >= question.options.len() {
                    return Err(EditError::NoSuchPlace);
                }
                question.options.remove(o);
                Ok(Place::Question(b, q))
            }
        }
    }

    /// Moves a block, question or option one step (`up`: earlier); a
    /// question past its block's end goes into the next block in that
    /// direction; past the document's end nothing moves.
    fn shift_place(&mut self, place: Place, up: bool) -> Result<Place, EditError> {
        match place {
            Place::Block(b) => {
                if b >= self.blocks.len() {
                    return Err(EditError::NoSuchPlace);
                }
                Ok(shift(&mut self.blocks, b, up).map_or(place, Place::Block))
            }
            Place::Question(b, q) => {
                self.question_at(b, q)?;
                if let Some(q) = shift(&mut self.blocks[b].questions, q, up) {
                    return Ok(Place::Question(b, q));
                }
                let to = if up {
                    b.checked_sub(1)
                } else {
                    Some(b + 1).filter(|to| *to < self.blocks.len())
                };
                let Some(to) = to else {
                    return Ok(place);
                };
                let question = self.blocks[b].questions.remove(q);
                let list = &mut self.blocks[to].questions;
                if up {
                    list.push(question);
                    Ok(Place::Question(to, list.len() - 1))
                } else {
                    list.insert(0, question);
                    Ok(Place::Question(to, 0))
                }
            }
            Place::Option(b, q, o) => {
                let question = self.question_at(b, q)?;
                if o >= question.options.len() {
                    return Err(EditError::NoSuchPlace);
                }
                if question.kind.fixed_keys().is_some() {
                    return Err(EditError::FixedOptions);
                }
                Ok(shift(&mut question.options, o, up).map_or(place, |o| Place::Option(b, q, o)))
            }
        }
    }

    /// Calls `f` on every text of the document.
    fn each_text(&mut self, mut f: impl FnMut(&mut Texts)) {
        f(&mut self.title);
        for t in [&mut self.intro, &mut self.closing].into_iter().flatten() {
            f(t);
        }
        for block in &mut self.blocks {
            if let Some(t) = &mut block.title {
                f(t);
            }
            for q in &mut block.questions {
                f(&mut q.text);
                for t in [&mut q.help, &mut q.end_text].into_iter().flatten() {
                    f(t);
                }
                for o in &mut q.options {
                    f(&mut o.text);
                }
            }
        }
    }
}

impl Question {
    /// A short text question with this key and text, optional, with
    /// nothing else.
    fn blank(key: &str, text: Texts) -> Question {
        Question {
            key: key.to_string(),
            kind: QuestionType::ShortText,
            required: false,
            text,
            help: None,
            options: Vec::new(),
            min: None,
            max: None,
            show_if: None,
            end_survey_if: None,
            end_text: None,
        }
    }

    /// Changes the question's type and makes the rest fit it: `min` and
    /// `max` only for numbers; no options for numbers and texts; the keys
    /// `1`..`4` for the four-level scale (keeping the labels there were);
    /// the implied options for the five-level scale and yes/no, written out
    /// when the survey has languages they are not labelled in; choices
    /// keep the options they had (or get two empty ones).
    pub fn set_kind(&mut self, kind: QuestionType, languages: &[Language]) {
        if kind == self.kind {
            return;
        }
        let before = self.options().into_owned();
        self.kind = kind;
        if kind != QuestionType::Number {
            self.min = None;
            self.max = None;
        }
        self.options = match kind {
            QuestionType::Number
            | QuestionType::ShortText
            | QuestionType::LongText
            | QuestionType::Scale5
            | QuestionType::YesNo => Vec::new(),
            QuestionType::Scale4 => super::SCALE4_KEYS
                .iter()
                .enumerate()
                .map(|(i, key)| AnswerOption {
                    key: (*key).to_string(),
                    text: before.get(i).map(|o| o.text.clone()).unwrap_or_default(),
                })
                .collect(),
            QuestionType::SingleChoice | QuestionType::MultipleChoice => {
                if before.iter().all(|o| is_option_key(&o.key)) && !before.is_empty() {
                    before
                } else {
                    ["o1", "o2"]
                        .into_iter()
                        .map(|key| AnswerOption {
                            key: key.into(),
                            text: Texts::default(),
                        })
                        .collect()
                }
            }
        };
        if languages.iter().any(|l| !implied_covers(l.tag())) {
            self.write_implied_options();
        }
    }

    /// Writes the implied options of a five-level scale or yes/no question
    /// into the document (a question of another type, or one with options
    /// already, is left as it is).
    fn write_implied_options(&mut self) {
        if self.kind.has_implied_options() && self.options.is_empty() {
            self.options = self.options().into_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::{question, sample, with_blocks};
    use super::*;

    fn keys(def: &Definition) -> Vec<Vec<&str>> {
        def.blocks
            .iter()
            .map(|b| b.questions.iter().map(|q| q.key.as_str()).collect())
            .collect()
    }

    fn two_blocks() -> Definition {
        with_blocks(json!([
            {"key": "a", "questions": [question("q1", "short_text", json!({})), question("q2", "short_text", json!({}))]},
            {"key": "b", "questions": [question("q3", "short_text", json!({}))]},
        ]))
    }

    #[test]
    fn places_read_and_write_their_paths() {
        for (path, place) in [
            ("blocks[0]", Place::Block(0)),
            ("blocks[12].questions[3]", Place::Question(12, 3)),
            ("blocks[1].questions[0].options[2]", Place::Option(1, 0, 2)),
        ] {
            assert_eq!(Place::parse(path), Some(place));
            assert_eq!(place.path(), path);
        }
        for path in [
            "",
            "blocks",
            "blocks[]",
            "blocks[x]",
            "blocks[-1]",
            "blocks[1].title",
            "blocks[1].questions[0].text",
            "blocks[1].questions[0].options[0].key",
            "blocks[0] ",
        ] {
            assert_eq!(Place::parse(path), None, "{path}");
        }
    }

    #[test]
    fn a_question_moves_within_its_block_and_across_to_the_next() {
        let mut def = two_blocks();
        assert_eq!(
            def.apply(&Edit::MoveDown(Place::Question(0, 0))),
            Ok(Some(Place::Question(0, 1)))
        );
        assert_eq!(keys(&def), [vec!["q2", "q1"], vec!["q3"]]);
        assert_eq!(
            def.apply(&Edit::MoveDown(Place::Question(0, 1))),
            Ok(Some(Place::Question(1, 0)))
        );
        assert_eq!(keys(&def), [vec!["q2"], vec!["q1", "q3"]]);
        assert_eq!(
            def.apply(&Edit::MoveUp(Place::Question(1, 0))),
            Ok(Some(Place::Question(0, 1)))
        );
        assert_eq!(keys(&def), [vec!["q2", "q1"], vec!["q3"]]);
        // Past either end: nothing changes.
        let before = def.clone();
        assert_eq!(
            def.apply(&Edit::MoveUp(Place::Question(0, 0))),
            Ok(Some(Place::Question(0, 0)))
        );
        assert_eq!(
            def.apply(&Edit::MoveDown(Place::Question(1, 0))).ok(),
            Some(Some(Place::Question(1, 0)))
        );
        assert_eq!(def, before);
        assert_eq!(
            def.apply(&Edit::MoveUp(Place::Question(5, 0))),
            Err(EditError::NoSuchPlace)
        );
    }

    #[test]
    fn blocks_move_and_are_removed_with_their_questions() {
        let mut def = two_blocks();
        assert_eq!(
            def.apply(&Edit::MoveUp(Place::Block(1))),
            Ok(Some(Place::Block(0)))
        );
        assert_eq!(keys(&def), [vec!["q3"], vec!["q1", "q2"]]);
        assert_eq!(
            def.apply(&Edit::Remove(Place::Block(0))),
            Ok(Some(Place::Block(0)))
        );
        assert_eq!(keys(&def), [vec!["q1", "q2"]]);
        assert_eq!(
            def.apply(&Edit::Remove(Place::Block(3))),
            Err(EditError::NoSuchPlace)
        );
    }

    #[test]
    fn new_blocks_questions_and_options_get_free_keys() {
        let mut def = two_blocks();
        assert_eq!(
            def.apply(&Edit::AddQuestion(0, QuestionType::SingleChoice)),
            Ok(Some(Place::Question(0, 2)))
        );
        let added = &def.blocks[0].questions[2];
        assert_eq!(added.key, "q4");
        assert_eq!(added.option_keys(), ["o1", "o2"]);
        assert_eq!(
            def.apply(&Edit::AddOption(0, 2)),
            Ok(Some(Place::Option(0, 2, 2)))
        );
        assert_eq!(def.blocks[0].questions[2].option_keys(), ["o1", "o2", "o3"]);
        assert_eq!(
            def.apply(&Edit::AddBlock(QuestionType::YesNo)),
            Ok(Some(Place::Block(2)))
        );
        assert_eq!(def.blocks[2].key, "block1");
        assert_eq!(def.blocks[2].questions[0].key, "q5");
        // The new ones still need their texts.
        let codes: Vec<String> = def
            .check()
            .into_iter()
            .map(|e| format!("{} {}", e.path, e.code))
            .collect();
        assert_eq!(
            codes,
            [
                "blocks[0].questions[2].text missing-swedish",
                "blocks[0].questions[2].options[0].text missing-swedish",
                "blocks[0].questions[2].options[1].text missing-swedish",
                "blocks[0].questions[2].options[2].text missing-swedish",
                "blocks[2].questions[0].text missing-swedish",
            ]
        );
        // The scales' and yes/no's keys are fixed.
        assert_eq!(def.apply(&Edit::AddOption(2, 0)), Err(EditError::FixedOptions));
    }

    #[test]
    fn a_language_comes_and_goes_with_its_texts() {
        let mut def = sample();
        assert_eq!(
            def.apply(&Edit::AddLanguage(Language::new("ar"))),
            Err(EditError::DuplicateLanguage)
        );
        assert_eq!(
            def.apply(&Edit::AddLanguage(Language::new("Finnish"))),
            Err(EditError::BadLanguage)
        );
        assert_eq!(
            def.apply(&Edit::RemoveLanguage("sv".into())),
            Err(EditError::Swedish)
        );
        assert_eq!(def.apply(&Edit::RemoveLanguage("ar".into())), Ok(None));
        assert!(!serde_json::to_string(&def).expect("json").contains("\"ar\""));
        assert_eq!(def.check(), Vec::new(), "still complete without Arabic");

        def.apply(&Edit::AddLanguage(Language::new("fi"))).expect("added");
        let errors = def.check();
        assert!(!errors.is_empty());
        assert!(
            errors.iter().all(|e| e.code.code() == "missing-translation"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_new_language_writes_out_the_implied_labels_to_translate() {
        let mut def = with_blocks(json!([{"key": "b", "questions": [question("q", "scale5", json!({}))]}]));
        def.apply(&Edit::AddLanguage(Language::new("en")))
            .expect("english");
        assert!(
            def.blocks[0].questions[0].options.is_empty(),
            "English labels are implied"
        );
        def.apply(&Edit::AddLanguage(Language::new("so")))
            .expect("somali");
        let q = &def.blocks[0].questions[0];
        assert_eq!(q.options.len(), 5);
        assert_eq!(q.options[0].text.get("sv"), "Vet ej");
        assert_eq!(q.options[0].text.given("so"), None);
    }

    #[test]
    fn changing_the_type_makes_the_rest_fit() {
        let sv = [Language::swedish()];
        let mut def = with_blocks(json!([{"key": "b", "questions": [
            question("q", "number", json!({"min": 1, "max": 5}))
        ]}]));
        let q = &mut def.blocks[0].questions[0];
        q.set_kind(QuestionType::YesNo, &sv);
        assert_eq!((q.min, q.max, q.options.len()), (None, None, 0));
        q.set_kind(QuestionType::SingleChoice, &sv);
        assert_eq!(q.option_keys(), ["yes", "no"], "the choices it had");
        q.set_kind(QuestionType::Scale4, &sv);
        assert_eq!(q.option_keys(), ["1", "2", "3", "4"]);
        assert_eq!(q.options[0].text.get("sv"), "Ja", "labels kept by position");
        q.set_kind(QuestionType::LongText, &sv);
        assert!(q.options.is_empty());
        q.set_kind(QuestionType::MultipleChoice, &sv);
        assert_eq!(q.option_keys(), ["o1", "o2"]);
        q.set_kind(QuestionType::Scale5, &[Language::swedish(), Language::new("ar")]);
        assert_eq!(q.options.len(), 5, "written out: Arabic labels are needed");
    }

    #[test]
    fn keys_are_made_from_titles() {
        assert_eq!(
            key_from("Besök hösten 2026").as_deref(),
            Some("besok_hosten_2026")
        );
        assert_eq!(key_from("  Åsa's – enkät!! ").as_deref(), Some("asa_s_enkat"));
        assert_eq!(key_from("2026 års enkät").as_deref(), Some("ars_enkat"));
        assert_eq!(key_from("استبيان"), None);
        assert_eq!(key_from(&"a".repeat(60)).map(|k| k.len()), Some(KEY_MAX));
    }

    #[test]
    fn a_starter_is_a_complete_survey() {
        let def = Definition::starter("ny", "Ny enkät", "Vad tycker du?");
        assert_eq!(def.check(), Vec::new());
        assert_eq!(Definition::starter("ny", "", "x").check()[0].path, "title");
    }

    #[test]
    fn types_read_their_codes() {
        for kind in QuestionType::ALL {
            assert_eq!(QuestionType::from_code(kind.code()), Some(kind));
        }
        assert_eq!(QuestionType::from_code("slider"), None);
    }
}
