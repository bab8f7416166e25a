//! Form posts from pages without JavaScript, in the API's shape.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::surveys::definition::{Definition, QuestionType};
use crate::surveys::response::{Answer, Answers};

/// A form post (`application/x-www-form-urlencoded`) from a page without
/// JavaScript in the API's shape, for [`validate`](super::validate) or
/// [`validate_page`](super::validate_page).
///
/// A field is named by its question's key; a multiple choice question's
/// checked boxes repeat the field; a yes/no question's comment is the field
/// `{key}__comment`. Empty fields are no answer. Fields whose name starts
/// with `_` are the page's own (`_csrf`, `_page`) and are skipped; any
/// other field is passed on, so that the validator names it.
pub fn from_form(def: &Definition, fields: &[(String, String)]) -> Map<String, Value> {
    let mut values: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (name, value) in fields {
        if !name.starts_with('_') && !value.is_empty() {
            values.entry(name.as_str()).or_default().push(value.as_str());
        }
    }
    let mut raw = Map::new();
    let one_or_all = |vs: &[&str]| match vs {
        [one] => Value::from(*one),
        all => Value::from(all.to_vec()),
    };
    for (name, vs) in &values {
        let question = def.question(name);
        let value = match question.map(|q| q.kind) {
            Some(QuestionType::MultipleChoice) => Value::from(vs.clone()),
            Some(QuestionType::YesNo) => {
                let comment = values.get(format!("{name}__comment").as_str());
                match comment {
                    Some(c) => Value::Object(Map::from_iter([
                        ("value".to_string(), one_or_all(vs)),
                        ("comment".to_string(), one_or_all(c)),
                    ])),
                    None => one_or_all(vs),
                }
            }
            _ => {
                // A comment without its yes or no.
                if let Some(key) = name.strip_suffix("__comment")
                    && def.question(key).is_some_and(|q| q.kind == QuestionType::YesNo)
                {
                    if !values.contains_key(key) {
                        raw.insert(
                            key.to_string(),
                            Value::Object(Map::from_iter([("comment".to_string(), one_or_all(vs))])),
                        );
                    }
                    continue;
                }
                one_or_all(vs)
            }
        };
        raw.insert(name.to_string(), value);
    }
    raw
}

/// The form fields that post `answers` again, the way [`from_form`] reads
/// them: the hidden fields a page without JavaScript carries from page to
/// page, so that going back and forth keeps every answer without a cookie.
pub fn to_form(answers: &Answers) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for (key, answer) in answers.iter() {
        match answer {
            Answer::Choice(option) => fields.push((key.to_string(), option.clone())),
            Answer::Choices(options) => {
                fields.extend(options.iter().map(|o| (key.to_string(), o.clone())));
            }
            Answer::Number(n) => fields.push((key.to_string(), n.to_string())),
            Answer::Text(text) => fields.push((key.to_string(), text.clone())),
            Answer::YesNo { value, comment } => {
                fields.push((key.to_string(), if *value { "yes" } else { "no" }.to_string()));
                if let Some(c) = comment {
                    fields.push((format!("{key}__comment"), c.clone()));
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::surveys::definition::tests::sample;
    use crate::surveys::response::{Answer, AnswerErrorCode, validate};

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn codes(def: &Definition, pairs: &[(&str, &str)]) -> Vec<(String, &'static str)> {
        match validate(def, "sv", &from_form(def, &fields(pairs))) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|e| (e.question.unwrap_or_default(), e.code.code()))
                .collect(),
        }
    }

    #[test]
    fn a_form_post_gives_the_same_answers_as_json() {
        let def = sample();
        let form = from_form(
            &def,
            &fields(&[
                ("_csrf", "token"),
                ("member", "yes"),
                ("group", "steering"),
                ("group", "management"),
                ("years", " 12"),
                ("finance_clear", "some_extent"),
                ("finance_why", "Ingen vet\r\nvem som betalar"),
                ("voice", "3"),
                ("minutes_sent", ""),
                ("centre", "Gottsunda"),
            ]),
        );
        let json = json!({
            "member": "yes", "group": ["management", "steering"], "years": 12,
            "finance_clear": "some_extent", "finance_why": "Ingen vet\nvem som betalar",
            "voice": 3, "centre": "Gottsunda"
        });
        let from_json = validate(&def, "sv", json.as_object().expect("object")).expect("valid");
        assert_eq!(validate(&def, "sv", &form).expect("valid"), from_json);
        assert_eq!(
            from_json.get("group"),
            Some(&Answer::Choices(vec!["management".into(), "steering".into()]))
        );
        assert!(!form.contains_key("minutes_sent") && !form.contains_key("_csrf"));

        // Carried to the next page as hidden fields, they read back the same.
        let again = from_form(&def, &to_form(&from_json));
        assert_eq!(validate(&def, "sv", &again).expect("valid"), from_json);
    }

    #[test]
    fn a_yes_no_answer_and_its_comment_are_carried_to_the_next_page() {
        let def = sample();
        let json = json!({"member": {"value": "yes", "comment": "Sedan i våras"}, "group": ["steering"], "voice": 2});
        let answers = validate(&def, "sv", json.as_object().expect("object")).expect("valid");
        let fields = to_form(&answers);
        assert!(fields.contains(&("member__comment".to_string(), "Sedan i våras".to_string())));
        assert_eq!(
            validate(&def, "sv", &from_form(&def, &fields)).expect("valid"),
            answers
        );
    }

    #[test]
    fn a_yes_no_comment_travels_in_its_own_field() {
        let def = sample();
        let raw = from_form(
            &def,
            &fields(&[("member", "no"), ("member__comment", "Jag slutade i maj.")]),
        );
        assert_eq!(
            raw.get("member"),
            Some(&json!({"value": "no", "comment": "Jag slutade i maj."}))
        );
        let answers = validate(&def, "ar", &raw).expect("valid");
        assert_eq!(
            answers.get("member"),
            Some(&Answer::YesNo {
                value: false,
                comment: Some("Jag slutade i maj.".into())
            })
        );
        assert_eq!(
            codes(&def, &[("member__comment", "Vet inte")]),
            // Without a yes or no the screening has not ended the survey.
            [
                ("member".to_string(), "comment-without-answer"),
                ("group".to_string(), "required")
            ]
        );
    }

    #[test]
    fn a_repeated_field_of_a_single_answer_question_is_the_wrong_type() {
        let def = sample();
        assert_eq!(
            codes(&def, &[("member", "yes"), ("member", "no")]),
            [
                ("member".to_string(), AnswerErrorCode::WrongType.code()),
                ("group".to_string(), "required")
            ]
        );
        assert_eq!(
            codes(
                &def,
                &[
                    ("member", "yes"),
                    ("group", "steering"),
                    ("voice", "1"),
                    ("voice", "2")
                ]
            ),
            [("voice".to_string(), "wrong-type")]
        );
    }

    #[test]
    fn fields_of_no_question_reach_the_validator_and_the_pages_own_are_skipped() {
        let def = sample();
        assert_eq!(
            codes(
                &def,
                &[
                    ("_page", "groups"),
                    ("member", "yes"),
                    ("group", "preparation"),
                    ("voice", "2"),
                    ("colour", "blue"),
                    ("years__comment", "x"),
                ]
            ),
            [
                ("colour".to_string(), "unknown-question"),
                ("years__comment".to_string(), "unknown-question")
            ]
        );
    }
}
