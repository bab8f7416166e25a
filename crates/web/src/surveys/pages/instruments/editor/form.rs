//! Reading the editor's form back into a definition.
//!
//! The form carries the draft it was made from as a hidden JSON document
//! (`doc`), and one field per thing it lets a person change, named by the
//! path of that thing in the document: `title.sv`,
//! `blocks[0].questions[1].text.en`, `blocks[0].questions[1].type`,
//! `blocks[0].show_if.rows[0].question`. Reading starts from the hidden
//! document and puts in what each field says, so whatever the form does
//! not show (a condition too intricate for its rows, a key) stays as it
//! was. The button pressed (`op`) is read as an [`Edit`], made afterwards.

use std::collections::HashMap;

use samverka_core::surveys::definition::{
    Condition, Definition, Edit, Language, Place, Question, QuestionType, Texts,
};

use crate::http::error::PageError;

/// The form's fields by name (the first of a name counts).
pub(super) struct Fields(HashMap<String, String>);

impl Fields {
    pub(super) fn new(pairs: Vec<(String, String)>) -> Fields {
        let mut map = HashMap::new();
        for (k, v) in pairs {
            map.entry(k).or_insert(v);
        }
        Fields(map)
    }

    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
}

/// What a post of the editor says.
pub(super) struct Posted {
    /// The draft with every field put in (the button not yet applied).
    pub definition: Definition,
    /// Problems with fields that cannot be read at all, at their paths
    /// (a condition's JSON, a number); the draft keeps what it had there.
    pub errors: Vec<(String, &'static str)>,
    /// A condition's JSON as typed when it could not be read, by the
    /// condition's path, to show it again.
    pub typed: HashMap<String, String>,
}

/// A condition's operators as the rows offer them.
pub(super) const OPERATORS: [&str; 5] = ["equals", "not_equals", "any_of", "answered", "not_answered"];

/// A text as typed: line ends as `\n`, no blanks around it.
fn clean(value: &str) -> String {
    value.replace("\r\n", "\n").trim().to_string()
}

/// Reads a post of the editor. A post without a readable `doc` is not the
/// editor's (400).
pub(super) fn read(fields: &Fields) -> Result<Posted, PageError> {
    let doc = fields.get("doc").ok_or(PageError::BadRequest)?;
    let base: Definition = serde_json::from_str(doc).map_err(|_| PageError::BadRequest)?;
    let mut r = Reader {
        fields,
        languages: base.languages.clone(),
        errors: Vec::new(),
        typed: HashMap::new(),
    };
    let mut def = base;
    if let Some(title) = r.texts("title", &def.title) {
        def.title = title;
    }
    def.intro = r.optional_texts("intro", def.intro.take());
    def.closing = r.optional_texts("closing", def.closing.take());
    for (b, block) in def.blocks.iter_mut().enumerate() {
        let path = Place::Block(b).path();
        let Some(key) = fields.get(&format!("{path}.key")) else {
            continue;
        };
        block.key = clean(key);
        block.title = r.optional_texts(&format!("{path}.title"), block.title.take());
        block.show_if = r.condition(&format!("{path}.show_if"), block.show_if.take());
        for (q, question) in block.questions.iter_mut().enumerate() {
            r.question(&Place::Question(b, q).path(), question);
        }
    }
    Ok(Posted {
        definition: def,
        errors: r.errors,
        typed: r.typed,
    })
}

struct Reader<'a> {
    fields: &'a Fields,
    languages: Vec<Language>,
    errors: Vec<(String, &'static str)>,
    typed: HashMap<String, String>,
}

impl Reader<'_> {
    /// The text at `path` in each of the survey's languages, from `base`
    /// with the fields put in; `None` when the form has no field for it.
    fn texts(&self, path: &str, base: &Texts) -> Option<Texts> {
        let mut out = base.clone();
        let mut seen = false;
        for language in &self.languages {
            let tag = language.tag();
            if let Some(value) = self.fields.get(&format!("{path}.{tag}")) {
                seen = true;
                let value = clean(value);
                if value.is_empty() {
                    out.0.remove(tag);
                } else {
                    out.0.insert(tag.to_string(), value);
                }
            }
        }
        seen.then_some(out)
    }

    /// Like [`Reader::texts`] for a text that may be left out: blank in
    /// every language is none.
    fn optional_texts(&self, path: &str, base: Option<Texts>) -> Option<Texts> {
        match self.texts(path, &base.clone().unwrap_or_default()) {
            Some(t) if t.0.values().all(|v| v.trim().is_empty()) => None,
            Some(t) => Some(t),
            None => base,
        }
    }

    fn question(&mut self, path: &str, q: &mut Question) {
        let Some(key) = self.fields.get(&format!("{path}.key")) else {
            return;
        };
        q.key = clean(key);
        q.required = self.fields.has(&format!("{path}.required"));
        if let Some(text) = self.texts(&format!("{path}.text"), &q.text) {
            q.text = text;
        }
        q.help = self.optional_texts(&format!("{path}.help"), q.help.take());
        for (o, option) in q.options.iter_mut().enumerate() {
            let at = format!("{path}.options[{o}]");
            if let Some(key) = self.fields.get(&format!("{at}.key")) {
                option.key = clean(key);
            }
            if let Some(text) = self.texts(&format!("{at}.text"), &option.text) {
                option.text = text;
            }
        }
        q.min = self.number(&format!("{path}.min"), q.min);
        q.max = self.number(&format!("{path}.max"), q.max);
        q.show_if = self.condition(&format!("{path}.show_if"), q.show_if.take());
        q.end_survey_if = self.condition(&format!("{path}.end_survey_if"), q.end_survey_if.take());
        q.end_text = self.optional_texts(&format!("{path}.end_text"), q.end_text.take());
        let kind = self.fields.get(&format!("{path}.type"));
        match kind.map(QuestionType::from_code) {
            Some(Some(kind)) => q.set_kind(kind, &self.languages),
            Some(None) => self.errors.push((format!("{path}.type"), "invalid-choice")),
            None => {}
        }
    }

    /// A whole number, blank for none.
    fn number(&mut self, name: &str, base: Option<i64>) -> Option<i64> {
        let Some(value) = self.fields.get(name).map(str::trim) else {
            return base;
        };
        if value.is_empty() {
            return None;
        }
        match value.replace('\u{2212}', "-").parse() {
            Ok(n) => Some(n),
            Err(_) => {
                self.errors.push((name.to_string(), "whole-number"));
                base
            }
        }
    }

    /// The condition at `path`: its JSON when that was changed, else its
    /// rows when the form has them, else `base`.
    fn condition(&mut self, path: &str, base: Option<Condition>) -> Option<Condition> {
        if let Some(text) = self.fields.get(&format!("{path}.json")) {
            let text = clean(text);
            let before = base.as_ref().and_then(|c| serde_json::to_value(c).ok());
            let changed = match serde_json::from_str::<serde_json::Value>(&text) {
                _ if text.is_empty() => before.is_some(),
                Ok(value) => Some(value) != before,
                Err(_) => true,
            };
            if changed {
                if text.is_empty() {
                    return None;
                }
                return match serde_json::from_str::<Condition>(&text) {
                    Ok(c) => Some(c),
                    Err(_) => {
                        self.errors.push((path.to_string(), "condition-json"));
                        self.typed.insert(path.to_string(), text);
                        base
                    }
                };
            }
        }
        if !self.fields.has(&format!("{path}.join")) {
            return base;
        }
        let mut rows = Vec::new();
        for r in 0.. {
            let row = format!("{path}.rows[{r}]");
            let Some(question) = self.fields.get(&format!("{row}.question")) else {
                break;
            };
            let question = question.trim().to_string();
            if question.is_empty() {
                continue;
            }
            let value = clean(self.fields.get(&format!("{row}.value")).unwrap_or_default());
            let condition = match self.fields.get(&format!("{row}.op")).unwrap_or_default() {
                "equals" => Condition::Equals { question, value },
                "not_equals" => Condition::NotEquals { question, value },
                "any_of" => Condition::AnyOf {
                    question,
                    values: value
                        .split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_string)
                        .collect(),
                },
                "answered" => Condition::Answered {
                    question,
                    answered: true,
                },
                "not_answered" => Condition::Answered {
                    question,
                    answered: false,
                },
                _ => {
                    self.errors.push((path.to_string(), "invalid-choice"));
                    return base;
                }
            };
            rows.push(condition);
        }
        match rows.len() {
            0 => None,
            1 => rows.pop(),
            _ if self.fields.get(&format!("{path}.join")) == Some("any") => Some(Condition::Any(rows)),
            _ => Some(Condition::All(rows)),
        }
    }
}

/// One comparison of a condition as a row of the form: the question's
/// key, the operator (one of [`OPERATORS`]) and the value typed.
pub(super) type Row = (String, &'static str, String);

/// The rows a condition shows in the form: the join (`all` or `any`) and
/// each comparison; `None` when it nests `all` and `any` and only its JSON
/// can say it.
pub(super) fn rows(c: &Condition) -> Option<(&'static str, Vec<Row>)> {
    fn row(c: &Condition) -> Option<Row> {
        Some(match c {
            Condition::Equals { question, value } => (question.clone(), "equals", value.clone()),
            Condition::NotEquals { question, value } => (question.clone(), "not_equals", value.clone()),
            Condition::AnyOf { question, values } => (question.clone(), "any_of", values.join(", ")),
            Condition::Answered { question, answered } => (
                question.clone(),
                if *answered { "answered" } else { "not_answered" },
                String::new(),
            ),
            Condition::All(_) | Condition::Any(_) => return None,
        })
    }
    match c {
        Condition::All(cs) if !cs.is_empty() => Some(("all", cs.iter().map(row).collect::<Option<_>>()?)),
        Condition::Any(cs) if !cs.is_empty() => Some(("any", cs.iter().map(row).collect::<Option<_>>()?)),
        Condition::All(_) | Condition::Any(_) => None,
        leaf => Some(("all", vec![row(leaf)?])),
    }
}

/// The button pressed, as an edit; `Ok(None)` for saving as it is.
/// Anything the editor's buttons never send is refused (400).
pub(super) fn edit(fields: &Fields) -> Result<Option<Edit>, PageError> {
    let op = fields.get("op").unwrap_or("save");
    let kind = |name: &str| {
        fields
            .get(name)
            .and_then(QuestionType::from_code)
            .unwrap_or(QuestionType::SingleChoice)
    };
    let (verb, target) = op.split_once(':').unwrap_or((op, ""));
    let place = || Place::parse(target).ok_or(PageError::BadRequest);
    let question = || match place()? {
        Place::Question(b, q) => Ok((b, q)),
        _ => Err(PageError::BadRequest),
    };
    Ok(Some(match verb {
        "save" => return Ok(None),
        "add-block" => Edit::AddBlock(kind("new_block_type")),
        "add-question" => match place()? {
            Place::Block(b) => Edit::AddQuestion(b, kind(&format!("{target}.new_type"))),
            _ => return Err(PageError::BadRequest),
        },
        "add-option" => {
            let (b, q) = question()?;
            Edit::AddOption(b, q)
        }
        "own-labels" => {
            let (b, q) = question()?;
            Edit::OwnLabels(b, q)
        }
        "remove" => Edit::Remove(place()?),
        "up" => Edit::MoveUp(place()?),
        "down" => Edit::MoveDown(place()?),
        "add-language" => Edit::AddLanguage(Language::new(
            fields.get("new_language").unwrap_or_default().trim(),
        )),
        "remove-language" => Edit::RemoveLanguage(target.to_string()),
        _ => return Err(PageError::BadRequest),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        Fields::new(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    const DOC: &str = r#"{"key": "t", "title": {"sv": "Test", "en": "Test"}, "languages": ["sv", "en"],
      "blocks": [{"key": "b", "questions": [
        {"key": "q1", "type": "yes_no", "required": true, "text": {"sv": "Ja?", "en": "Yes?"}},
        {"key": "q2", "type": "short_text", "required": false, "text": {"sv": "Vad?", "en": "What?"},
         "show_if": {"all": [{"question": "q1", "equals": "yes"}, {"any": [{"question": "q1", "answered": true}]}]}}]}]}"#;

    #[test]
    fn fields_go_into_the_draft_and_what_the_form_lacks_stays() {
        let posted = read(&fields(&[
            ("doc", DOC),
            ("title.sv", "  Ny titel\r\n"),
            ("title.en", ""),
            ("blocks[0].key", "b"),
            ("blocks[0].questions[0].key", "q1"),
            ("blocks[0].questions[0].text.en", "Yes or no?"),
            ("blocks[0].questions[0].show_if.join", "any"),
            ("blocks[0].questions[0].show_if.rows[0].question", "q0"),
            ("blocks[0].questions[0].show_if.rows[0].op", "any_of"),
            ("blocks[0].questions[0].show_if.rows[0].value", "a, b,"),
            ("blocks[0].questions[0].show_if.rows[1].question", ""),
            ("blocks[0].questions[0].type", "single_choice"),
        ]))
        .expect("read");
        let def = posted.definition;
        assert!(posted.errors.is_empty());
        assert_eq!(def.title.get("sv"), "Ny titel");
        assert_eq!(def.title.given("en"), None, "blank is missing");
        let q1 = &def.blocks[0].questions[0];
        assert!(!q1.required, "an unticked box");
        assert_eq!(q1.text.get("en"), "Yes or no?");
        assert_eq!(q1.text.get("sv"), "Ja?", "kept: no field for it");
        assert_eq!(
            q1.option_keys(),
            ["yes", "no"],
            "a yes/no question made a choice keeps its options"
        );
        assert_eq!(
            serde_json::to_value(&q1.show_if).expect("json"),
            serde_json::json!({"question": "q0", "any_of": ["a", "b"]})
        );
        let q2 = &def.blocks[0].questions[1];
        assert!(
            q2.show_if.as_ref().is_some_and(|c| rows(c).is_none()),
            "too intricate for rows: kept"
        );
    }

    #[test]
    fn a_condition_typed_as_json_wins_and_a_bad_one_is_kept_to_show_again() {
        let path = "blocks[0].questions[1]";
        let posted = read(&fields(&[
            ("doc", DOC),
            ("blocks[0].key", "b"),
            (&format!("{path}.key"), "q2"),
            (
                &format!("{path}.show_if.json"),
                r#"{"question": "q1", "not_equals": "no"}"#,
            ),
            (&format!("{path}.min"), "x"),
        ]))
        .expect("read");
        assert_eq!(posted.errors, [(format!("{path}.min"), "whole-number")]);
        assert_eq!(
            posted.definition.blocks[0].questions[1].show_if,
            Some(Condition::NotEquals {
                question: "q1".into(),
                value: "no".into()
            })
        );
        let posted = read(&fields(&[
            ("doc", DOC),
            ("blocks[0].key", "b"),
            (&format!("{path}.key"), "q2"),
            (&format!("{path}.show_if.json"), "{question: q1}"),
        ]))
        .expect("read");
        assert_eq!(posted.errors, [(format!("{path}.show_if"), "condition-json")]);
        assert_eq!(posted.typed[&format!("{path}.show_if")], "{question: q1}");
        assert!(posted.definition.blocks[0].questions[1].show_if.is_some(), "kept");
    }

    #[test]
    fn buttons_are_read_as_edits_and_anything_else_is_refused() {
        let e = |pairs: &[(&str, &str)]| edit(&fields(pairs));
        assert_eq!(e(&[]).ok(), Some(None));
        assert_eq!(
            e(&[("op", "add-question:blocks[1]"), ("blocks[1].new_type", "number")]).ok(),
            Some(Some(Edit::AddQuestion(1, QuestionType::Number)))
        );
        assert_eq!(
            e(&[("op", "up:blocks[0].questions[2].options[1]")]).ok(),
            Some(Some(Edit::MoveUp(Place::Option(0, 2, 1))))
        );
        assert_eq!(
            e(&[("op", "add-language"), ("new_language", " ar ")]).ok(),
            Some(Some(Edit::AddLanguage(Language::new("ar"))))
        );
        for op in [
            "drop",
            "up:blocks",
            "add-option:blocks[0]",
            "add-question:blocks[0].questions[0]",
        ] {
            assert!(e(&[("op", op)]).is_err(), "{op}");
        }
        assert!(read(&fields(&[("doc", "{}")])).is_err());
        assert!(read(&fields(&[])).is_err());
    }
}
