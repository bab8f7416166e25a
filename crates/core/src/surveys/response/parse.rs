//! Reading one answer in the API's shape.

use serde_json::Value;

use super::{Answer, AnswerErrorCode};
use crate::surveys::definition::{COMMENT_MAX, Question, QuestionType};

/// Reads one answer to `q`; `Ok(None)` is no answer.
pub(super) fn parse(q: &Question, value: &Value) -> Result<Option<Answer>, AnswerErrorCode> {
    use AnswerErrorCode as E;
    if value.is_null() {
        return Ok(None);
    }
    match q.kind {
        QuestionType::SingleChoice | QuestionType::Scale5 | QuestionType::Scale4 => {
            Ok(option_key(q, value)?.map(Answer::Choice))
        }
        QuestionType::MultipleChoice => {
            let Value::Array(items) = value else {
                return Err(E::WrongType);
            };
            let mut chosen = Vec::with_capacity(items.len());
            for item in items {
                let key = option_key(q, item)?.ok_or(E::WrongType)?;
                if chosen.contains(&key) {
                    return Err(E::DuplicateOption);
                }
                chosen.push(key);
            }
            if chosen.is_empty() {
                return Ok(None);
            }
            let order = q.option_keys();
            chosen.sort_by_key(|k| order.iter().position(|o| o == k));
            Ok(Some(Answer::Choices(chosen)))
        }
        QuestionType::YesNo => {
            let (choice, comment) = match value {
                Value::Object(map) => {
                    if map.keys().any(|k| k != "value" && k != "comment") {
                        return Err(E::WrongType);
                    }
                    let comment = match map.get("comment") {
                        None | Some(Value::Null) => None,
                        Some(Value::String(c)) => clean_text(c, COMMENT_MAX).map_err(|e| match e {
                            E::TooLong => E::CommentTooLong,
                            _ => E::CommentControlCharacter,
                        })?,
                        Some(_) => return Err(E::WrongType),
                    };
                    (map.get("value").unwrap_or(&Value::Null), comment)
                }
                other => (other, None),
            };
            let yes = match choice {
                Value::Bool(b) => Some(*b),
                Value::String(s) if s == "yes" => Some(true),
                Value::String(s) if s == "no" => Some(false),
                Value::String(s) if s.is_empty() => None,
                Value::String(_) => return Err(E::UnknownOption),
                Value::Null => None,
                _ => return Err(E::WrongType),
            };
            match (yes, comment) {
                (Some(value), comment) => Ok(Some(Answer::YesNo { value, comment })),
                (None, Some(_)) => Err(E::CommentWithoutAnswer),
                (None, None) => Ok(None),
            }
        }
        QuestionType::Number => {
            let n = match value {
                Value::Number(n) => match n.as_i64() {
                    Some(n) => n,
                    None if n.is_u64() => return Err(E::OutOfRange),
                    None => return Err(E::NotInteger),
                },
                Value::String(s) => {
                    let s = s.trim();
                    if s.is_empty() {
                        return Ok(None);
                    }
                    match s.parse::<i64>() {
                        Ok(n) => n,
                        Err(_) if is_whole_number_text(s) => return Err(E::OutOfRange),
                        Err(_) => return Err(E::NotInteger),
                    }
                }
                _ => return Err(E::WrongType),
            };
            if q.min.is_some_and(|min| n < min) || q.max.is_some_and(|max| n > max) {
                return Err(E::OutOfRange);
            }
            Ok(Some(Answer::Number(n)))
        }
        QuestionType::ShortText | QuestionType::LongText => {
            let Value::String(s) = value else {
                return Err(E::WrongType);
            };
            let max = q.kind.max_chars().unwrap_or(0);
            Ok(clean_text(s, max)?.map(Answer::Text))
        }
    }
}

/// Reads an option key of `q`: a string, or a whole number as its decimal
/// text (for `1`..`4`). An empty string is no answer.
fn option_key(q: &Question, value: &Value) -> Result<Option<String>, AnswerErrorCode> {
    let key = match value {
        Value::String(s) if s.is_empty() => return Ok(None),
        Value::String(s) => s.clone(),
        Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
        _ => return Err(AnswerErrorCode::WrongType),
    };
    if q.has_option(&key) {
        Ok(Some(key))
    } else {
        Err(AnswerErrorCode::UnknownOption)
    }
}

/// Whether `s` is an optional sign and digits only (a whole number, maybe
/// too large).
fn is_whole_number_text(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A text answer made tidy: line ends as `\n`, trimmed; blank is no
/// answer. Refuses control characters other than `\n` and `\t`, and texts
/// longer than `max` characters.
fn clean_text(text: &str, max: usize) -> Result<Option<String>, AnswerErrorCode> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // Before trimming, which would drop some of them (U+000B, U+0085) at
    // the ends only.
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(AnswerErrorCode::ControlCharacter);
    }
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > max {
        return Err(AnswerErrorCode::TooLong);
    }
    Ok(Some(text.to_string()))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::surveys::definition::tests::question;

    /// Reads `value` as an answer to a question of `kind` with `extra`
    /// fields; the error as its code.
    fn read(kind: &str, extra: Value, value: Value) -> Result<Option<Answer>, &'static str> {
        let q: Question = serde_json::from_value(question("q", kind, extra)).expect("a question");
        parse(&q, &value).map_err(AnswerErrorCode::code)
    }

    fn abc() -> Value {
        json!({"options": [
            {"key": "a", "text": {"sv": "A"}}, {"key": "b", "text": {"sv": "B"}}, {"key": "c", "text": {"sv": "C"}}
        ]})
    }

    fn some(answer: Answer) -> Result<Option<Answer>, &'static str> {
        Ok(Some(answer))
    }

    #[test]
    fn single_choice_takes_one_option_key() {
        let single = |v| read("single_choice", abc(), v);
        assert_eq!(single(json!("b")), some(Answer::Choice("b".into())));
        assert_eq!(single(json!("B")), Err("unknown-option"));
        assert_eq!(single(json!(["b"])), Err("wrong-type"));
        assert_eq!(single(json!({"value": "b"})), Err("wrong-type"));
        assert_eq!(single(json!(true)), Err("wrong-type"));
        assert_eq!(single(json!(1)), Err("unknown-option"));
    }

    #[test]
    fn multiple_choice_takes_distinct_option_keys_in_the_questions_order() {
        let multiple = |v| read("multiple_choice", abc(), v);
        assert_eq!(
            multiple(json!(["c", "a"])),
            some(Answer::Choices(vec!["a".into(), "c".into()]))
        );
        assert_eq!(multiple(json!(["a", "a"])), Err("duplicate-option"));
        assert_eq!(multiple(json!(["a", "d"])), Err("unknown-option"));
        assert_eq!(multiple(json!("a")), Err("wrong-type"));
        assert_eq!(multiple(json!(["a", ["b"]])), Err("wrong-type"));
        assert_eq!(multiple(json!(["a", ""])), Err("wrong-type"));
        assert_eq!(multiple(json!([])), Ok(None));
    }

    #[test]
    fn scale5_takes_its_fixed_keys_dont_know_included() {
        let scale = |v| read("scale5", json!({}), v);
        assert_eq!(
            scale(json!("dont_know")),
            some(Answer::Choice("dont_know".into()))
        );
        assert_eq!(
            scale(json!("large_extent")),
            some(Answer::Choice("large_extent".into()))
        );
        assert_eq!(scale(json!("Till stor del")), Err("unknown-option"));
        assert_eq!(scale(json!(3)), Err("unknown-option"));
    }

    #[test]
    fn scale4_takes_1_to_4_as_text_or_number() {
        let options: Vec<Value> = ["1", "2", "3", "4"]
            .iter()
            .map(|k| json!({"key": k, "text": {"sv": k}}))
            .collect();
        let scale = |v| read("scale4", json!({ "options": options }), v);
        assert_eq!(scale(json!("4")), some(Answer::Choice("4".into())));
        assert_eq!(scale(json!(1)), some(Answer::Choice("1".into())));
        assert_eq!(scale(json!(5)), Err("unknown-option"));
        assert_eq!(scale(json!(0)), Err("unknown-option"));
        assert_eq!(scale(json!(2.0)), Err("wrong-type"));
        assert_eq!(scale(json!("04")), Err("unknown-option"));
    }

    #[test]
    fn yes_no_takes_words_booleans_and_an_optional_comment() {
        let yes_no = |v| read("yes_no", json!({}), v);
        let yes = |comment: Option<&str>| {
            some(Answer::YesNo {
                value: true,
                comment: comment.map(str::to_string),
            })
        };
        assert_eq!(yes_no(json!("yes")), yes(None));
        assert_eq!(yes_no(json!(true)), yes(None));
        assert_eq!(yes_no(json!({"value": "yes"})), yes(None));
        assert_eq!(
            yes_no(json!({"value": true, "comment": " Varje vecka \r\n"})),
            yes(Some("Varje vecka"))
        );
        assert_eq!(yes_no(json!({"value": "yes", "comment": "  "})), yes(None));
        assert_eq!(
            yes_no(json!({"value": false, "comment": null})),
            some(Answer::YesNo {
                value: false,
                comment: None
            })
        );
        assert_eq!(
            yes_no(json!("no")),
            some(Answer::YesNo {
                value: false,
                comment: None
            })
        );
        assert_eq!(yes_no(json!("ja")), Err("unknown-option"));
        assert_eq!(yes_no(json!(1)), Err("wrong-type"));
        assert_eq!(yes_no(json!({"value": "yes", "note": "x"})), Err("wrong-type"));
        assert_eq!(yes_no(json!({"value": "yes", "comment": 3})), Err("wrong-type"));
        assert_eq!(
            yes_no(json!({"comment": "Vet inte"})),
            Err("comment-without-answer")
        );
        assert_eq!(yes_no(json!({"value": null})), Ok(None));
        assert_eq!(
            yes_no(json!({"value": "no", "comment": "x".repeat(COMMENT_MAX + 1)})),
            Err("comment-too-long")
        );
        assert_eq!(
            yes_no(json!({"value": "no", "comment": "a\u{7}b"})),
            Err("comment-control-character")
        );
    }

    #[test]
    fn number_must_be_whole_and_in_range() {
        let number = |v| read("number", json!({"min": -2, "max": 40}), v);
        assert_eq!(number(json!(40)), some(Answer::Number(40)));
        assert_eq!(number(json!(-2)), some(Answer::Number(-2)));
        assert_eq!(number(json!(" 7 ")), some(Answer::Number(7)));
        assert_eq!(number(json!(41)), Err("out-of-range"));
        assert_eq!(number(json!(-3)), Err("out-of-range"));
        assert_eq!(number(json!(2.5)), Err("not-integer"));
        assert_eq!(number(json!(2.0)), Err("not-integer"));
        assert_eq!(number(json!("2,5")), Err("not-integer"));
        assert_eq!(number(json!("tio")), Err("not-integer"));
        assert_eq!(number(json!(u64::MAX)), Err("out-of-range"));
        assert_eq!(number(json!("99999999999999999999")), Err("out-of-range"));
        assert_eq!(number(json!([1])), Err("wrong-type"));
        assert_eq!(number(json!("")), Ok(None));
        let unbounded = |v| read("number", json!({}), v);
        assert_eq!(unbounded(json!(i64::MIN)), some(Answer::Number(i64::MIN)));
    }

    #[test]
    fn short_text_is_at_most_500_characters() {
        let short = |v| read("short_text", json!({}), v);
        let at_most = "å".repeat(crate::surveys::definition::SHORT_TEXT_MAX);
        assert_eq!(short(json!(at_most)), some(Answer::Text(at_most.clone())));
        assert_eq!(short(json!(format!("{at_most}å"))), Err("too-long"));
        assert_eq!(
            short(json!(format!("  {at_most}\n"))),
            some(Answer::Text(at_most))
        );
        assert_eq!(short(json!(5)), Err("wrong-type"));
    }

    #[test]
    fn long_text_is_at_most_5000_characters() {
        let long = |v| read("long_text", json!({}), v);
        let at_most = "ب".repeat(crate::surveys::definition::LONG_TEXT_MAX);
        assert_eq!(long(json!(at_most)), some(Answer::Text(at_most.clone())));
        assert_eq!(long(json!(format!("{at_most}x"))), Err("too-long"));
    }

    #[test]
    fn texts_refuse_control_characters_but_keep_line_breaks_and_tabs() {
        let long = |v| read("long_text", json!({}), v);
        assert_eq!(
            long(json!("Rad ett\r\nRad två\rRad\ttre")),
            some(Answer::Text("Rad ett\nRad två\nRad\ttre".into()))
        );
        for bad in [
            "nul\u{0}",
            "bell\u{7}",
            "esc\u{1b}[31m",
            "del\u{7f}",
            "c1\u{85}",
            "\u{b} vt",
        ] {
            assert_eq!(long(json!(bad)), Err("control-character"), "{bad:?}");
        }
    }

    #[test]
    fn blank_answers_are_no_answers() {
        assert_eq!(read("long_text", json!({}), json!(" \n\t ")), Ok(None));
        assert_eq!(read("single_choice", abc(), json!("")), Ok(None));
        assert_eq!(read("yes_no", json!({}), json!("")), Ok(None));
        for kind in [
            "single_choice",
            "multiple_choice",
            "yes_no",
            "number",
            "short_text",
        ] {
            assert_eq!(read(kind, abc(), Value::Null), Ok(None), "{kind}");
        }
    }
}
