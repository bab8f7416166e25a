//! The checks of a definition document, collected into one list with paths.

use std::collections::{HashMap, HashSet};

use super::{
    Condition, Definition, DefinitionError, DefinitionErrorCode as Code, KEY_MAX, MAX_DEPTH, Question,
    QuestionType, SWEDISH, Texts,
};

/// Every problem with `def`; see [`Definition::check`].
pub(super) fn check(def: &Definition) -> Vec<DefinitionError> {
    let mut c = Checker {
        def,
        questions: def.questions().collect(),
        positions: def.positions(),
        languages: def.languages.iter().map(|l| l.tag()).collect(),
        question_keys: HashSet::new(),
        errors: Vec::new(),
    };
    c.document();
    c.errors
}

/// Whether `key` may name an option: lowercase ASCII letters, digits and
/// `_`, 1 to [`KEY_MAX`] characters.
pub(crate) fn is_option_key(key: &str) -> bool {
    (1..=KEY_MAX).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Whether `key` may name a survey, block or question: an option key that
/// starts with a letter and has no `__` (which form fields use, as in
/// `q1__comment`).
pub(crate) fn is_key(key: &str) -> bool {
    is_option_key(key) && key.starts_with(|c: char| c.is_ascii_lowercase()) && !key.contains("__")
}

struct Checker<'a> {
    def: &'a Definition,
    /// The questions, in order.
    questions: Vec<&'a Question>,
    /// Each question's place in the order, by key.
    positions: HashMap<&'a str, usize>,
    /// The document's language tags.
    languages: Vec<&'a str>,
    /// The question keys met so far, for `duplicate-key`.
    question_keys: HashSet<&'a str>,
    errors: Vec<DefinitionError>,
}

impl<'a> Checker<'a> {
    fn add(&mut self, path: impl Into<String>, code: Code) {
        self.errors.push(DefinitionError {
            path: path.into(),
            code,
            detail: None,
        });
    }

    fn add_detail(&mut self, path: impl Into<String>, code: Code, detail: impl Into<String>) {
        self.errors.push(DefinitionError {
            path: path.into(),
            code,
            detail: Some(detail.into()),
        });
    }

    fn document(&mut self) {
        let def = self.def;
        if !is_key(&def.key) {
            self.add("key", Code::BadKey);
        }
        if !self.languages.contains(&SWEDISH) {
            self.add("languages", Code::MissingSwedish);
        }
        let mut seen = HashSet::new();
        for (i, language) in def.languages.iter().enumerate() {
            if !language.is_well_formed() {
                self.add_detail(format!("languages[{i}]"), Code::BadLanguage, language.tag());
            } else if !seen.insert(language.tag()) {
                self.add_detail(format!("languages[{i}]"), Code::DuplicateLanguage, language.tag());
            }
        }
        self.texts("title", &def.title);
        if let Some(intro) = &def.intro {
            self.texts("intro", intro);
        }
        if let Some(closing) = &def.closing {
            self.texts("closing", closing);
        }
        if def.blocks.is_empty() {
            self.add("blocks", Code::Empty);
        }
        let mut block_keys = HashSet::new();
        let mut position = 0;
        for (b, block) in def.blocks.iter().enumerate() {
            let path = format!("blocks[{b}]");
            if !is_key(&block.key) {
                self.add_detail(format!("{path}.key"), Code::BadKey, block.key.as_str());
            } else if !block_keys.insert(block.key.as_str()) {
                self.add_detail(format!("{path}.key"), Code::DuplicateKey, block.key.as_str());
            }
            if let Some(title) = &block.title {
                self.texts(&format!("{path}.title"), title);
            }
            if let Some(show_if) = &block.show_if {
                // Only questions of earlier blocks: those before `position`.
                self.condition(&format!("{path}.show_if"), show_if, position, false, 1);
            }
            if block.questions.is_empty() {
                self.add(format!("{path}.questions"), Code::Empty);
            }
            for (q, question) in block.questions.iter().enumerate() {
                self.question(&format!("{path}.questions[{q}]"), question, position);
                position += 1;
            }
        }
    }

    fn question(&mut self, path: &str, q: &'a Question, position: usize) {
        if !is_key(&q.key) {
            self.add_detail(format!("{path}.key"), Code::BadKey, q.key.as_str());
        } else if !self.question_keys.insert(q.key.as_str()) {
            self.add_detail(format!("{path}.key"), Code::DuplicateKey, q.key.as_str());
        }
        self.texts(&format!("{path}.text"), &q.text);
        if let Some(help) = &q.help {
            self.texts(&format!("{path}.help"), help);
        }
        self.options(path, q);
        if q.kind != QuestionType::Number {
            if q.min.is_some() {
                self.add(format!("{path}.min"), Code::NotAllowed);
            }
            if q.max.is_some() {
                self.add(format!("{path}.max"), Code::NotAllowed);
            }
        } else if let (Some(min), Some(max)) = (q.min, q.max)
            && min > max
        {
            self.add(format!("{path}.min"), Code::MinAboveMax);
        }
        if let Some(show_if) = &q.show_if {
            self.condition(&format!("{path}.show_if"), show_if, position, false, 1);
        }
        if let Some(end) = &q.end_survey_if {
            self.condition(&format!("{path}.end_survey_if"), end, position, true, 1);
        }
        match (&q.end_text, &q.end_survey_if) {
            (Some(_), None) => self.add(format!("{path}.end_text"), Code::NotAllowed),
            (Some(text), Some(_)) => self.texts(&format!("{path}.end_text"), text),
            (None, _) => {}
        }
    }

    fn options(&mut self, path: &str, q: &Question) {
        let path = format!("{path}.options");
        if !q.kind.has_options() {
            if !q.options.is_empty() {
                self.add(path, Code::NotAllowed);
            }
            return;
        }
        if q.options.is_empty() {
            match q.kind {
                // The fixed options are labelled in Swedish and English
                // only; a document in more languages must give them.
                QuestionType::Scale5 | QuestionType::YesNo => {
                    for language in self.languages.clone() {
                        if language != SWEDISH && language != "en" {
                            self.add_detail(path.as_str(), Code::MissingTranslation, language);
                        }
                    }
                }
                _ => self.add(path, Code::NoOptions),
            }
            return;
        }
        let mut keys = HashSet::new();
        for (i, option) in q.options.iter().enumerate() {
            if !is_option_key(&option.key) {
                self.add_detail(format!("{path}[{i}].key"), Code::BadKey, option.key.as_str());
            } else if !keys.insert(option.key.as_str()) {
                self.add_detail(
                    format!("{path}[{i}].key"),
                    Code::DuplicateOption,
                    option.key.as_str(),
                );
            }
            self.texts(&format!("{path}[{i}].text"), &option.text);
        }
        if let Some(fixed) = q.kind.fixed_keys()
            && !q.options.iter().map(|o| o.key.as_str()).eq(fixed.iter().copied())
        {
            self.add_detail(path, Code::FixedOptions, fixed.join(","));
        }
    }

    /// Checks one text: Swedish, every language of the document, and no
    /// other language.
    fn texts(&mut self, path: &str, texts: &Texts) {
        if texts.given(SWEDISH).is_none() {
            self.add(path, Code::MissingSwedish);
        }
        for language in self.languages.clone() {
            if language != SWEDISH && texts.given(language).is_none() {
                self.add_detail(path, Code::MissingTranslation, language);
            }
        }
        for language in texts.languages() {
            if !self.languages.contains(&language) && language != SWEDISH {
                self.add_detail(path, Code::UnknownLanguage, language);
            }
        }
    }

    /// Checks a condition at `path` of the question at `position` (or, for
    /// a block, of the block's first question): it may name questions
    /// before `position`, and the question at `position` itself when
    /// `itself` is allowed.
    fn condition(&mut self, path: &str, c: &Condition, position: usize, itself: bool, depth: usize) {
        if depth > MAX_DEPTH {
            self.add(path, Code::TooDeep);
            return;
        }
        // The question looked at, and each value compared with, by its path.
        let (key, values): (&String, Vec<(&String, String)>) = match c {
            Condition::All(cs) | Condition::Any(cs) => {
                let name = if matches!(c, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if cs.is_empty() {
                    self.add(format!("{path}.{name}"), Code::Empty);
                }
                for (i, inner) in cs.iter().enumerate() {
                    self.condition(&format!("{path}.{name}[{i}]"), inner, position, itself, depth + 1);
                }
                return;
            }
            Condition::Equals { question, value } => (question, vec![(value, format!("{path}.equals"))]),
            Condition::NotEquals { question, value } => {
                (question, vec![(value, format!("{path}.not_equals"))])
            }
            Condition::AnyOf { question, values } => {
                if values.is_empty() {
                    self.add(format!("{path}.any_of"), Code::Empty);
                }
                let paths = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (v, format!("{path}.any_of[{i}]")));
                (question, paths.collect())
            }
            Condition::Answered { question, .. } => (question, Vec::new()),
        };
        let Some(&at) = self.positions.get(key.as_str()) else {
            self.add_detail(format!("{path}.question"), Code::UnknownQuestion, key.as_str());
            return;
        };
        if at > position || (at == position && !itself) {
            self.add_detail(format!("{path}.question"), Code::RefersForward, key.as_str());
        }
        let Some(&q) = self.questions.get(at) else {
            return;
        };
        for (value, path) in values {
            match q.kind {
                QuestionType::Number => {
                    if value.parse::<i64>().map(|n| n.to_string()).as_ref() != Ok(value) {
                        self.add_detail(path, Code::BadValue, value.as_str());
                    }
                }
                QuestionType::ShortText | QuestionType::LongText => {
                    self.add(path, Code::NotComparable);
                }
                _ => {
                    if !q.has_option(value) {
                        self.add_detail(path, Code::UnknownOption, value.as_str());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::Language;
    use super::super::tests::{question, with_blocks};
    use super::*;

    /// The (path, code) of each error of a document with these blocks.
    fn errors(blocks: Value) -> Vec<(String, &'static str)> {
        errors_of(&with_blocks(blocks))
    }

    fn errors_of(def: &Definition) -> Vec<(String, &'static str)> {
        def.check().into_iter().map(|e| (e.path, e.code.code())).collect()
    }

    fn pairs(expected: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        expected.iter().map(|(p, c)| (p.to_string(), *c)).collect()
    }

    fn choice(key: &str, extra: Value) -> Value {
        let mut q = question(
            key,
            "single_choice",
            json!({"options": [{"key": "a", "text": {"sv": "A"}}, {"key": "b", "text": {"sv": "B"}}]}),
        );
        if let (Some(q), Value::Object(extra)) = (q.as_object_mut(), extra) {
            q.extend(extra);
        }
        q
    }

    #[test]
    fn a_condition_referring_forward_is_refused() {
        let later = json!({"question": "q2", "equals": "a"});
        assert_eq!(
            errors(json!([{"key": "b", "questions": [
                choice("q1", json!({"show_if": later})),
                choice("q2", json!({})),
            ]}])),
            pairs(&[("blocks[0].questions[0].show_if.question", "refers-forward")])
        );
    }

    #[test]
    fn a_question_may_not_show_itself_but_may_end_the_survey_on_itself() {
        let itself = json!({"question": "q1", "equals": "a"});
        assert_eq!(
            errors(json!([{"key": "b", "questions": [choice("q1", json!({"show_if": itself}))]}])),
            pairs(&[("blocks[0].questions[0].show_if.question", "refers-forward")])
        );
        assert_eq!(
            errors(json!([{"key": "b", "questions": [choice("q1", json!({"end_survey_if": itself}))]}])),
            []
        );
    }

    #[test]
    fn a_block_may_refer_only_to_earlier_blocks() {
        let own = json!({"question": "q2", "answered": true});
        let earlier = json!({"question": "q1", "answered": true});
        assert_eq!(
            errors(json!([
                {"key": "one", "questions": [choice("q1", json!({}))]},
                {"key": "two", "show_if": own, "questions": [choice("q2", json!({}))]},
                {"key": "three", "show_if": earlier, "questions": [choice("q3", json!({}))]},
            ])),
            pairs(&[("blocks[1].show_if.question", "refers-forward")])
        );
    }

    #[test]
    fn keys_must_be_short_lowercase_and_unique() {
        let def = with_blocks(json!([
            {"key": "b", "questions": [
                choice("q1", json!({})),
                choice("q1", json!({})),
                choice("Q3", json!({})),
                choice("3q", json!({})),
                choice("q__comment", json!({})),
                choice(&"q".repeat(41), json!({})),
                choice(&"q".repeat(40), json!({})),
                question("q4", "single_choice", json!({"options": [
                    {"key": "1a", "text": {"sv": "Ett"}},
                    {"key": "no way", "text": {"sv": "Nej"}},
                    {"key": "1a", "text": {"sv": "Igen"}},
                ]})),
            ]},
            {"key": "b", "questions": [choice("q5", json!({}))]},
            {"key": "", "questions": [choice("q6", json!({}))]},
        ]));
        assert_eq!(
            errors_of(&def),
            pairs(&[
                ("blocks[0].questions[1].key", "duplicate-key"),
                ("blocks[0].questions[2].key", "bad-key"),
                ("blocks[0].questions[3].key", "bad-key"),
                ("blocks[0].questions[4].key", "bad-key"),
                ("blocks[0].questions[5].key", "bad-key"),
                ("blocks[0].questions[7].options[1].key", "bad-key"),
                ("blocks[0].questions[7].options[2].key", "duplicate-option"),
                ("blocks[1].key", "duplicate-key"),
                ("blocks[2].key", "bad-key"),
            ])
        );
        let mut bad = def;
        bad.blocks.clear();
        bad.key = "Enkät".to_string();
        assert_eq!(errors_of(&bad), pairs(&[("key", "bad-key"), ("blocks", "empty")]));
    }

    #[test]
    fn every_text_needs_swedish_and_each_language_of_the_document() {
        let mut def = with_blocks(
            json!([{"key": "b", "title": {"sv": " ", "en": "Block"}, "questions": [
                question("q1", "yes_no", json!({"text": {"sv": "Fråga", "en": "Question", "ar": "سؤال", "de": "Frage"}})),
            ]}]),
        );
        def.languages = vec![Language::swedish(), Language::new("en"), Language::new("ar")];
        def.title = Texts::swedish("Test").and("en", "Test").and("ar", "اختبار");
        def.intro = Some(Texts::swedish("Välkommen").and("en", "Welcome"));
        assert_eq!(
            errors_of(&def),
            pairs(&[
                ("intro", "missing-translation"),
                ("blocks[0].title", "missing-swedish"),
                ("blocks[0].title", "missing-translation"),
                ("blocks[0].questions[0].text", "unknown-language"),
                // The implied yes and no are in Swedish and English only.
                ("blocks[0].questions[0].options", "missing-translation"),
            ])
        );
        assert_eq!(def.check()[0].detail.as_deref(), Some("ar"));
        def.languages = vec![Language::new("en"), Language::new("EN"), Language::new("en")];
        let codes: Vec<(String, &str)> = errors_of(&def).into_iter().take(3).collect();
        assert_eq!(
            codes,
            pairs(&[
                ("languages", "missing-swedish"),
                ("languages[1]", "bad-language"),
                ("languages[2]", "duplicate-language"),
            ])
        );
    }

    #[test]
    fn choice_questions_need_options_and_scales_keep_their_fixed_keys() {
        let scale4 = |keys: &[&str]| {
            let options: Vec<Value> = keys
                .iter()
                .map(|k| json!({"key": k, "text": {"sv": k}}))
                .collect();
            question("s", "scale4", json!({"options": options}))
        };
        assert_eq!(
            errors(json!([{"key": "b", "questions": [
                question("single", "single_choice", json!({})),
                question("multiple", "multiple_choice", json!({})),
                question("four", "scale4", json!({})),
            ]}])),
            pairs(&[
                ("blocks[0].questions[0].options", "no-options"),
                ("blocks[0].questions[1].options", "no-options"),
                ("blocks[0].questions[2].options", "no-options"),
            ])
        );
        assert_eq!(
            errors(json!([{"key": "b", "questions": [scale4(&["1", "2", "3", "4"])]}])),
            []
        );
        for keys in [
            &["1", "2", "3"][..],
            &["4", "3", "2", "1"],
            &["1", "2", "3", "4", "5"],
        ] {
            assert_eq!(
                errors(json!([{"key": "b", "questions": [scale4(keys)]}])),
                pairs(&[("blocks[0].questions[0].options", "fixed-options")]),
                "{keys:?}"
            );
        }
        let ja_nej =
            json!({"options": [{"key": "ja", "text": {"sv": "Ja"}}, {"key": "nej", "text": {"sv": "Nej"}}]});
        assert_eq!(
            errors(json!([{"key": "b", "questions": [question("yn", "yes_no", ja_nej)]}])),
            pairs(&[("blocks[0].questions[0].options", "fixed-options")])
        );
    }

    #[test]
    fn min_above_max_and_fields_a_type_does_not_take_are_refused() {
        let option = json!([{"key": "a", "text": {"sv": "A"}}]);
        assert_eq!(
            errors(json!([{"key": "b", "questions": [
                question("n1", "number", json!({"min": 5, "max": 4})),
                question("n2", "number", json!({"min": 4, "max": 4, "options": option})),
                question("t", "short_text", json!({"max": 4})),
                question("e", "long_text", json!({"end_text": {"sv": "Slut"}})),
                question("l", "long_text", json!({"min": -1})),
            ]}])),
            pairs(&[
                ("blocks[0].questions[0].min", "min-above-max"),
                ("blocks[0].questions[1].options", "not-allowed"),
                ("blocks[0].questions[2].max", "not-allowed"),
                ("blocks[0].questions[3].end_text", "not-allowed"),
                ("blocks[0].questions[4].min", "not-allowed"),
            ])
        );
    }

    #[test]
    fn conditions_compare_with_keys_their_question_can_have() {
        let show = |c: Value| question("last", "short_text", json!({"show_if": c}));
        let blocks = |c: Value| {
            json!([{"key": "b", "questions": [
                choice("c", json!({})),
                question("yn", "yes_no", json!({})),
                question("n", "number", json!({})),
                question("t", "short_text", json!({})),
                show(c),
            ]}])
        };
        let path = "blocks[0].questions[4].show_if";
        for (condition, expected) in [
            (json!({"question": "c", "equals": "a"}), vec![]),
            (
                json!({"question": "c", "equals": "z"}),
                vec![(format!("{path}.equals"), "unknown-option")],
            ),
            (
                json!({"question": "yn", "not_equals": "ja"}),
                vec![(format!("{path}.not_equals"), "unknown-option")],
            ),
            (json!({"question": "n", "equals": "-3"}), vec![]),
            (
                json!({"question": "n", "equals": "03"}),
                vec![(format!("{path}.equals"), "bad-value")],
            ),
            (
                json!({"question": "n", "equals": "3.5"}),
                vec![(format!("{path}.equals"), "bad-value")],
            ),
            (
                json!({"question": "t", "equals": "hej"}),
                vec![(format!("{path}.equals"), "not-comparable")],
            ),
            (json!({"question": "t", "answered": false}), vec![]),
            (
                json!({"question": "x", "answered": true}),
                vec![(format!("{path}.question"), "unknown-question")],
            ),
            (
                json!({"question": "c", "any_of": []}),
                vec![(format!("{path}.any_of"), "empty")],
            ),
            (
                json!({"question": "c", "any_of": ["a", "q"]}),
                vec![(format!("{path}.any_of[1]"), "unknown-option")],
            ),
            (json!({"all": []}), vec![(format!("{path}.all"), "empty")]),
            (
                json!({"any": [{"question": "c", "equals": "a"}, {"all": [{"question": "yn", "equals": "maybe"}]}]}),
                vec![(format!("{path}.any[1].all[0].equals"), "unknown-option")],
            ),
        ] {
            assert_eq!(errors(blocks(condition.clone())), expected, "{condition}");
        }
    }

    #[test]
    fn conditions_nested_over_eight_levels_are_too_deep() {
        let nest = |levels: usize| {
            let mut c = json!({"question": "q1", "answered": true});
            for _ in 1..levels {
                c = json!({"all": [c]});
            }
            c
        };
        let blocks = |c: Value| json!([{"key": "b", "questions": [choice("q1", json!({})), choice("q2", json!({"show_if": c}))]}]);
        assert_eq!(errors(blocks(nest(MAX_DEPTH))), []);
        let too_deep = errors(blocks(nest(MAX_DEPTH + 1)));
        assert_eq!(too_deep.len(), 1);
        assert_eq!(too_deep[0].1, "too-deep");
        assert!(
            too_deep[0]
                .0
                .starts_with("blocks[0].questions[1].show_if.all[0].all[0]")
        );
    }

    #[test]
    fn an_empty_block_is_refused() {
        assert_eq!(
            errors(json!([{"key": "b", "questions": []}])),
            pairs(&[("blocks[0].questions", "empty")])
        );
    }
}
