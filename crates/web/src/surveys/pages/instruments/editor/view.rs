//! The editor's page: every text of the draft with one input per language
//! side by side (Swedish first, each input with its `lang` and `dir`), the
//! blocks and questions in order with their buttons, each condition as
//! rows or as JSON, and the problems of the last save next to their fields
//! and in a summary at the top.

use std::collections::HashMap;

use askama::Template;
use samverka_core::surveys::definition::{Condition, Definition, Place, Question, QuestionType, Texts};

use super::form::{OPERATORS, rows};
use super::problems::{anchor_of, anchors, place};
use crate::http::i18n::Tr;
use crate::surveys::pages::respond::Words;
use crate::ui::Page;
use crate::ui::forms::message;

/// The id of the element for a path: `blocks[1].questions[0].text` ->
/// `blocks-1-questions-0-text`.
pub(crate) fn id_of(path: &str) -> String {
    path.replace("].", "-").replace(['[', '.'], "-").replace(']', "")
}

/// A language of the survey, as a column of the texts.
pub(super) struct LangCol {
    tag: String,
    /// Its name in itself, when samverka knows it.
    name: Option<String>,
    dir: &'static str,
    /// Swedish cannot be taken away.
    removable: bool,
}

/// One language's input of a text.
pub(super) struct TextCell {
    name: String,
    id: String,
    tag: String,
    /// The language's name in itself, when samverka knows it.
    lang_name: Option<String>,
    dir: &'static str,
    value: String,
    /// Blank: the input the problem is about.
    blank: bool,
}

/// One text in every language of the survey, side by side.
pub(super) struct TextRow {
    id: String,
    legend: String,
    long: bool,
    cells: Vec<TextCell>,
    error: Option<String>,
}

impl TextRow {
    /// Whether it has a text or a problem (a folded part opens for it).
    fn filled(&self) -> bool {
        self.error.is_some() || self.cells.iter().any(|c| !c.blank)
    }
}

/// One comparison of a condition's rows.
pub(super) struct CondRow {
    name: String,
    id: String,
    question: String,
    op: &'static str,
    value: String,
}

/// A condition (*villkor*), as rows of comparisons joined by all/any, and
/// as JSON for what rows cannot say.
pub(super) struct ConditionEdit {
    path: String,
    id: String,
    legend: String,
    rows: Vec<CondRow>,
    any: bool,
    json: String,
    /// Only the JSON can say it (it nests `all` and `any`, or its JSON was
    /// typed and could not be read).
    json_only: bool,
    error: Option<String>,
    /// The questions a row may look at: key and label.
    choices: Vec<(String, String)>,
    /// No condition, and no earlier question to make one of (the first
    /// question's, the first block's): nothing to show but that.
    impossible: bool,
}

impl ConditionEdit {
    /// Whether there is a condition or a problem with it.
    fn filled(&self) -> bool {
        self.error.is_some() || !self.json.is_empty()
    }
}

pub(super) struct OptionEdit {
    path: String,
    id: String,
    number: usize,
    key: String,
    key_fixed: bool,
    key_error: Option<String>,
    text: TextRow,
    first: bool,
    last: bool,
}

pub(super) struct QuestionEdit {
    path: String,
    id: String,
    number: usize,
    key: String,
    key_error: Option<String>,
    kind: &'static str,
    type_error: Option<String>,
    required: bool,
    error: Option<String>,
    text: TextRow,
    help: TextRow,
    has_options: bool,
    options: Vec<OptionEdit>,
    options_error: Option<String>,
    /// The standard labels shown when the document leaves them out.
    implied: Vec<String>,
    can_add_option: bool,
    is_number: bool,
    min: String,
    max: String,
    min_error: Option<String>,
    max_error: Option<String>,
    show_if: ConditionEdit,
    end_survey_if: ConditionEdit,
    end_text: TextRow,
    first: bool,
    last: bool,
}

pub(super) struct BlockEdit {
    path: String,
    id: String,
    number: usize,
    key: String,
    key_error: Option<String>,
    error: Option<String>,
    title: TextRow,
    show_if: ConditionEdit,
    questions: Vec<QuestionEdit>,
    questions_error: Option<String>,
    first: bool,
    last: bool,
}

/// The most lines the error summary lists (a new language can leave every
/// text of a long survey without its translation).
const SUMMARY_MAX: usize = 20;

/// A line of the error summary: where, and what is wrong.
pub(super) struct SummaryLine {
    href: String,
    place: String,
    message: String,
}

/// The links beside the form.
pub(super) struct Links {
    pub preview: String,
    pub export: String,
    pub publish: String,
    pub list: String,
}

#[derive(Template)]
#[template(path = "surveys/editor.html")]
pub(super) struct EditorPage {
    page: Page,
    action: String,
    doc: String,
    key: String,
    key_error: Option<String>,
    survey_error: Option<String>,
    languages: Vec<LangCol>,
    languages_error: Option<String>,
    new_language: String,
    new_language_error: Option<String>,
    title: TextRow,
    intro: TextRow,
    closing: TextRow,
    blocks: Vec<BlockEdit>,
    blocks_error: Option<String>,
    types: Vec<(&'static str, String)>,
    operators: Vec<(&'static str, String)>,
    summary: Vec<SummaryLine>,
    /// Problems beyond the summary's first [`SUMMARY_MAX`], each still
    /// shown at its field.
    summary_more: usize,
    links: Links,
}

impl EditorPage {
    /// Whether two codes are the same (for `selected` in the templates).
    fn same(&self, a: &str, b: &str) -> bool {
        a == b
    }
}

/// What the page is made of besides the draft.
pub(super) struct Input<'a> {
    pub action: String,
    pub links: Links,
    /// Problems at their paths (the check's and the form's).
    pub errors: &'a [(String, &'static str)],
    /// Conditions' JSON as typed, by path, when it could not be read.
    pub typed: &'a HashMap<String, String>,
    /// The language tag typed to add, when adding it failed.
    pub new_language: String,
}

struct Builder<'a> {
    t: Tr,
    def: &'a Definition,
    cols: Vec<LangCol>,
    /// Messages by the path of the element they are shown at.
    messages: HashMap<String, Vec<String>>,
    typed: &'a HashMap<String, String>,
}

impl Builder<'_> {
    fn error(&self, path: &str) -> Option<String> {
        self.messages.get(path).map(|m| m.join(" "))
    }

    fn texts(&self, path: &str, legend: String, texts: Option<&Texts>, long: bool) -> TextRow {
        let id = id_of(path);
        TextRow {
            cells: self
                .cols
                .iter()
                .map(|c| {
                    let value = texts
                        .and_then(|t| t.given(&c.tag))
                        .unwrap_or_default()
                        .to_string();
                    TextCell {
                        name: format!("{path}.{}", c.tag),
                        id: format!("{id}-{}", c.tag),
                        tag: c.tag.clone(),
                        lang_name: c.name.clone(),
                        dir: c.dir,
                        blank: value.is_empty(),
                        value,
                    }
                })
                .collect(),
            id,
            legend,
            long,
            error: self.error(path),
        }
    }

    /// The questions a condition at `path` may look at: those before the
    /// question at `position` (and that one itself for an early end), and
    /// the one it names now, wherever it is.
    fn condition(&self, path: &str, c: Option<&Condition>, position: usize, itself: bool) -> ConditionEdit {
        let t = &self.t;
        let legend = t.t(if path.ends_with("end_survey_if") {
            "editor-end-survey-if"
        } else {
            "editor-show-if"
        });
        let typed = self.typed.get(path);
        let flat = if typed.is_some() { None } else { c.map(rows) };
        let json_only = typed.is_some() || matches!(flat, Some(None));
        let (join, mut shown) = flat.flatten().unwrap_or(("all", Vec::new()));
        if !json_only {
            shown.push((String::new(), "equals", String::new()));
        }
        let named: Vec<&str> = shown.iter().map(|(q, _, _)| q.as_str()).collect();
        let choices: Vec<(String, String)> = self
            .def
            .questions()
            .enumerate()
            .filter(|(i, q)| *i < position || (itself && *i == position) || named.contains(&q.key.as_str()))
            .map(|(i, q)| {
                (
                    q.key.clone(),
                    format!("{}. {} ({})", i + 1, short(q.text.get("sv")), q.key),
                )
            })
            .collect();
        let impossible = choices.is_empty() && c.is_none() && typed.is_none();
        ConditionEdit {
            impossible,
            id: id_of(path),
            legend,
            rows: shown
                .into_iter()
                .enumerate()
                .map(|(r, (question, op, value))| {
                    let name = format!("{path}.rows[{r}]");
                    CondRow {
                        id: id_of(&name),
                        name,
                        question,
                        op,
                        value,
                    }
                })
                .collect(),
            any: join == "any",
            json: typed
                .cloned()
                .or_else(|| c.and_then(|c| serde_json::to_string(c).ok()))
                .unwrap_or_default(),
            json_only,
            error: self.error(path),
            choices,
            path: path.to_string(),
        }
    }

    fn question(&self, b: usize, q: usize, question: &Question, position: usize, last: bool) -> QuestionEdit {
        let t = &self.t;
        let path = Place::Question(b, q).path();
        let fixed = question.kind.fixed_keys().is_some();
        let options: Vec<OptionEdit> = question
            .options
            .iter()
            .enumerate()
            .map(|(o, option)| {
                let p = Place::Option(b, q, o).path();
                OptionEdit {
                    id: id_of(&p),
                    number: o + 1,
                    key: option.key.clone(),
                    key_fixed: fixed,
                    key_error: self.error(&format!("{p}.key")),
                    text: self.texts(
                        &format!("{p}.text"),
                        t.t1("editor-option-text", "n", o + 1),
                        Some(&option.text),
                        false,
                    ),
                    first: o == 0,
                    last: o + 1 == question.options.len(),
                    path: p,
                }
            })
            .collect();
        let implied = if question.options.is_empty() {
            question
                .options()
                .iter()
                .map(|o| o.text.get(t.lang.code()).to_string())
                .collect()
        } else {
            Vec::new()
        };
        let at = |f: &str| format!("{path}.{f}");
        QuestionEdit {
            id: id_of(&path),
            number: position + 1,
            key: question.key.clone(),
            key_error: self.error(&at("key")),
            kind: question.kind.code(),
            type_error: self.error(&at("type")),
            required: question.required,
            error: self.error(&path),
            text: self.texts(
                &at("text"),
                t.t("editor-question-text"),
                Some(&question.text),
                true,
            ),
            help: self.texts(
                &at("help"),
                t.t("editor-question-help"),
                question.help.as_ref(),
                false,
            ),
            has_options: question.kind.has_options(),
            options,
            options_error: self.error(&at("options")),
            implied,
            can_add_option: question.kind.has_options() && !fixed,
            is_number: question.kind == QuestionType::Number,
            min: question.min.map(|n| n.to_string()).unwrap_or_default(),
            max: question.max.map(|n| n.to_string()).unwrap_or_default(),
            min_error: self.error(&at("min")),
            max_error: self.error(&at("max")),
            show_if: self.condition(&at("show_if"), question.show_if.as_ref(), position, false),
            end_survey_if: self.condition(
                &at("end_survey_if"),
                question.end_survey_if.as_ref(),
                position,
                true,
            ),
            end_text: self.texts(
                &at("end_text"),
                t.t("editor-end-text"),
                question.end_text.as_ref(),
                true,
            ),
            first: position == 0,
            last,
            path,
        }
    }
}

/// The first words of a text, for a list of questions.
fn short(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The editor's page for `def` (as saved, or as posted when it could not
/// be saved) with its problems.
pub(super) fn editor_page(page: Page, def: &Definition, input: Input<'_>) -> EditorPage {
    let t = page.t;
    let anchors = anchors(def);
    let mut messages: HashMap<String, Vec<String>> = HashMap::new();
    let mut summary_at = Vec::new();
    for (path, code) in input.errors {
        let anchor = anchor_of(path, &anchors);
        let text = message(&t, code);
        let list = messages.entry(anchor.clone()).or_default();
        if !list.contains(&text) {
            list.push(text.clone());
        }
        summary_at.push((path.clone(), anchor, text));
    }
    let cols = def
        .languages
        .iter()
        .map(|l| {
            let primary = l.tag().split('-').next().unwrap_or_default();
            let name = Words::new(l.tag()).t("survey-language-name");
            LangCol {
                tag: l.tag().to_string(),
                // Words fall back to English for a language samverka has none in.
                name: (primary == "en" || name != "English").then_some(name),
                dir: l.dir(),
                removable: l.tag() != "sv",
            }
        })
        .collect();
    let b = Builder {
        t,
        def,
        cols,
        messages,
        typed: input.typed,
    };
    let summary_more = summary_at.len().saturating_sub(SUMMARY_MAX);
    let summary = summary_at
        .iter()
        .take(SUMMARY_MAX)
        .map(|(path, anchor, message)| SummaryLine {
            href: format!("#{}", id_of(anchor)),
            place: place(&t, def, path),
            message: message.clone(),
        })
        .collect();
    let total: usize = def.blocks.iter().map(|x| x.questions.len()).sum();
    let mut position = 0;
    let mut blocks = Vec::new();
    for (i, block) in def.blocks.iter().enumerate() {
        let path = Place::Block(i).path();
        let first_position = position;
        let mut questions = Vec::new();
        for (q, question) in block.questions.iter().enumerate() {
            questions.push(b.question(i, q, question, position, position + 1 == total));
            position += 1;
        }
        blocks.push(BlockEdit {
            id: id_of(&path),
            number: i + 1,
            key: block.key.clone(),
            key_error: b.error(&format!("{path}.key")),
            error: b.error(&path),
            title: b.texts(
                &format!("{path}.title"),
                t.t("editor-block-title"),
                block.title.as_ref(),
                false,
            ),
            show_if: b.condition(
                &format!("{path}.show_if"),
                block.show_if.as_ref(),
                first_position,
                false,
            ),
            questions,
            questions_error: b.error(&format!("{path}.questions")),
            first: i == 0,
            last: i + 1 == def.blocks.len(),
            path,
        });
    }
    let title = b.texts("title", t.t("editor-field-survey-title"), Some(&def.title), false);
    let intro = b.texts("intro", t.t("editor-field-intro"), def.intro.as_ref(), true);
    let closing = b.texts("closing", t.t("editor-field-closing"), def.closing.as_ref(), true);
    EditorPage {
        action: input.action,
        doc: serde_json::to_string(def).unwrap_or_default(),
        key: def.key.clone(),
        key_error: b.error("key"),
        survey_error: b.error("survey"),
        languages_error: b.error("languages"),
        new_language: input.new_language,
        new_language_error: b.error("new_language"),
        title,
        intro,
        closing,
        blocks,
        blocks_error: b.error("blocks"),
        types: QuestionType::ALL
            .iter()
            .map(|k| (k.code(), t.t(&format!("question-type-{}", k.code()))))
            .collect(),
        operators: OPERATORS
            .iter()
            .map(|op| (*op, t.t(&format!("editor-op-{op}"))))
            .collect(),
        summary,
        summary_more,
        links: input.links,
        languages: b.cols,
        page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_of_paths() {
        assert_eq!(id_of("blocks[1].questions[0].text"), "blocks-1-questions-0-text");
        assert_eq!(id_of("blocks[0].show_if.rows[2]"), "blocks-0-show_if-rows-2");
        assert_eq!(id_of("title"), "title");
    }
}
