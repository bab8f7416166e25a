//! Where the editor shows each problem of a draft: at the element of its
//! path, or the nearest one the page has (a condition's inner parts at the
//! condition), and in the summary with its place in words.

use std::collections::HashSet;

use samverka_core::surveys::definition::{Definition, Place, QuestionType};

use crate::http::i18n::Tr;

/// Every path the page has an element for, that a problem can be shown at.
pub(super) fn anchors(def: &Definition) -> HashSet<String> {
    let mut out: HashSet<String> = [
        "survey",
        "key",
        "languages",
        "new_language",
        "title",
        "intro",
        "closing",
        "blocks",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for (b, block) in def.blocks.iter().enumerate() {
        let p = Place::Block(b).path();
        for f in ["", ".key", ".title", ".show_if", ".questions"] {
            out.insert(format!("{p}{f}"));
        }
        for (q, question) in block.questions.iter().enumerate() {
            let p = Place::Question(b, q).path();
            for f in [
                "",
                ".key",
                ".type",
                ".text",
                ".help",
                ".options",
                ".show_if",
                ".end_survey_if",
                ".end_text",
            ] {
                out.insert(format!("{p}{f}"));
            }
            if question.kind == QuestionType::Number {
                out.extend([format!("{p}.min"), format!("{p}.max")]);
            }
            for o in 0..question.options.len() {
                let p = Place::Option(b, q, o).path();
                out.extend([format!("{p}.key"), format!("{p}.text")]);
            }
        }
    }
    out
}

/// The element a problem at `path` is shown at: a condition's inner parts
/// at the condition, anything else at the nearest element the page has.
pub(super) fn anchor_of(path: &str, anchors: &HashSet<String>) -> String {
    let mut p = path.to_string();
    for name in [".show_if", ".end_survey_if"] {
        if let Some(i) = p.find(name) {
            p.truncate(i + name.len());
        }
    }
    loop {
        if anchors.contains(&p) {
            return p;
        }
        match p.rfind(['.', '[']) {
            Some(i) => p.truncate(i),
            None => return "survey".into(),
        }
    }
}

/// Where a problem is, in words: "Block 2 › Question 3 › Text".
pub(super) fn place(t: &Tr, def: &Definition, path: &str) -> String {
    let mut words = Vec::new();
    let mut block = None;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        match (name, index, block) {
            ("blocks", Some(b), _) => {
                block = Some(b);
                words.push(t.t1("editor-block", "n", b + 1));
            }
            ("questions", Some(q), Some(b)) => {
                let before: usize = def.blocks.iter().take(b).map(|x| x.questions.len()).sum();
                words.push(t.t1("editor-question", "n", before + q + 1));
            }
            ("options", Some(o), _) => words.push(t.t1("editor-option", "n", o + 1)),
            ("title", None, None) => words.push(t.t("editor-field-survey-title")),
            ("languages", _, _) => words.push(t.t("editor-field-languages")),
            (name, _, _) => {
                let key = format!("editor-field-{name}");
                if t.has(&key) {
                    words.push(t.t(&key));
                }
            }
        }
        if name == "show_if" || name == "end_survey_if" {
            break;
        }
    }
    if words.is_empty() {
        words.push(t.t("editor-field-survey"));
    }
    words.join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_is_shown_at_the_nearest_element() {
        let def: Definition = serde_json::from_str(
            r#"{"key": "t", "title": {"sv": "T"}, "languages": ["sv"], "blocks": [{"key": "b", "questions": [
                {"key": "q", "type": "short_text", "required": false, "text": {"sv": "Q"}}]}]}"#,
        )
        .expect("doc");
        let a = anchors(&def);
        for (path, anchor) in [
            (
                "blocks[0].questions[0].show_if.all[1].question",
                "blocks[0].questions[0].show_if",
            ),
            ("blocks[0].questions[0].min", "blocks[0].questions[0]"),
            ("blocks[0].questions[0].text", "blocks[0].questions[0].text"),
            ("languages[2]", "languages"),
            ("blocks[3].key", "blocks"),
            (".", "survey"),
        ] {
            assert_eq!(anchor_of(path, &a), anchor, "{path}");
        }
    }
}
