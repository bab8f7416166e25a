//! Random definitions (valid by `check`) and random answers: nothing
//! panics, and accepted answers are visible under themselves.

use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::surveys::definition::{SCALE4_KEYS, SCALE5_KEYS, YES_NO_KEYS};

const KINDS: [&str; 8] = [
    "single_choice",
    "multiple_choice",
    "scale5",
    "scale4",
    "yes_no",
    "number",
    "short_text",
    "long_text",
];

/// The shape of a condition, before its keys are chosen.
#[derive(Debug, Clone)]
enum Shape {
    Leaf { target: usize, op: u8, value: usize },
    All(Vec<Shape>),
    Any(Vec<Shape>),
}

#[derive(Debug, Clone)]
struct QuestionShape {
    kind: usize,
    required: bool,
    show_if: Option<Shape>,
    end_if: Option<Shape>,
    new_block: bool,
    block_if: Option<Shape>,
}

fn shape() -> impl Strategy<Value = Shape> {
    let leaf = (any::<usize>(), 0u8..4, any::<usize>()).prop_map(|(target, op, value)| Shape::Leaf {
        target,
        op,
        value,
    });
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..3).prop_map(Shape::All),
            prop::collection::vec(inner, 1..3).prop_map(Shape::Any),
        ]
    })
}

fn question_shape() -> impl Strategy<Value = QuestionShape> {
    (
        0..KINDS.len(),
        any::<bool>(),
        prop::option::weighted(0.4, shape()),
        prop::option::weighted(0.15, shape()),
        prop::bool::weighted(0.3),
        prop::option::weighted(0.3, shape()),
    )
        .prop_map(
            |(kind, required, show_if, end_if, new_block, block_if)| QuestionShape {
                kind,
                required,
                show_if,
                end_if,
                new_block,
                block_if,
            },
        )
}

/// The keys a condition may compare a question of `kind` with.
fn values(kind: &str) -> &'static [&'static str] {
    match kind {
        "single_choice" | "multiple_choice" => &["a", "b", "c"],
        "scale5" => &SCALE5_KEYS,
        "scale4" => &SCALE4_KEYS,
        "yes_no" => &YES_NO_KEYS,
        "number" => &["-1", "0", "3", "10"],
        _ => &[],
    }
}

/// A condition of `shape` on the questions `earlier` (key, kind).
fn condition(shape: &Shape, earlier: &[(String, &str)]) -> Option<Value> {
    if earlier.is_empty() {
        return None;
    }
    Some(match shape {
        Shape::Leaf { target, op, value } => {
            let (key, kind) = &earlier[target % earlier.len()];
            let values = values(kind);
            if values.is_empty() || *op == 3 {
                json!({"question": key, "answered": value.is_multiple_of(2)})
            } else {
                let v = values[value % values.len()];
                match op {
                    0 => json!({"question": key, "equals": v}),
                    1 => json!({"question": key, "not_equals": v}),
                    _ => json!({"question": key, "any_of": [v, values[0]]}),
                }
            }
        }
        Shape::All(shapes) => {
            json!({"all": shapes.iter().filter_map(|s| condition(s, earlier)).collect::<Vec<_>>()})
        }
        Shape::Any(shapes) => {
            json!({"any": shapes.iter().filter_map(|s| condition(s, earlier)).collect::<Vec<_>>()})
        }
    })
}

fn definition(shapes: &[QuestionShape]) -> Definition {
    let mut blocks: Vec<Value> = Vec::new();
    let mut earlier: Vec<(String, &str)> = Vec::new();
    for (i, s) in shapes.iter().enumerate() {
        let kind = KINDS[s.kind];
        let key = format!("q{i}");
        if i == 0 || s.new_block {
            let mut block = json!({"key": format!("b{}", blocks.len()), "questions": []});
            if let Some(c) = s.block_if.as_ref().and_then(|c| condition(c, &earlier)) {
                block["show_if"] = c;
            }
            blocks.push(block);
        }
        let mut q = json!({"key": key, "type": kind, "required": s.required, "text": {"sv": "Fråga"}});
        let options: Vec<Value> = match kind {
            "single_choice" | "multiple_choice" | "scale4" => values(kind)
                .iter()
                .map(|k| json!({"key": k, "text": {"sv": k}}))
                .collect(),
            _ => Vec::new(),
        };
        if !options.is_empty() {
            q["options"] = Value::from(options);
        }
        if kind == "number" {
            q["min"] = json!(-5);
            q["max"] = json!(10);
        }
        if let Some(c) = s.show_if.as_ref().and_then(|c| condition(c, &earlier)) {
            q["show_if"] = c;
        }
        earlier.push((key, kind));
        if let Some(c) = s.end_if.as_ref().and_then(|c| condition(c, &earlier)) {
            q["end_survey_if"] = c;
        }
        if let Some(Value::Array(questions)) = blocks.last_mut().map(|b| &mut b["questions"]) {
            questions.push(q);
        }
    }
    serde_json::from_value(
        json!({"key": "random", "title": {"sv": "Slump"}, "languages": ["sv"], "blocks": blocks}),
    )
    .expect("of the document's shape")
}

/// Any JSON value an API client might send as one answer.
fn raw_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-8i64..14).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec![
            "a",
            "b",
            "c",
            "yes",
            "no",
            "1",
            "4",
            "5",
            "dont_know",
            "completely",
            "",
            " ",
            "x\u{0}y",
            "rad\r\nrad",
            "99999999999999999999",
            "-3",
            "value",
            "comment",
        ])
        .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        (0usize..5200).prop_map(|n| Value::from("x".repeat(n))),
    ];
    leaf.prop_recursive(2, 10, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            (inner.clone(), inner).prop_map(|(value, comment)| json!({"value": value, "comment": comment})),
        ]
    })
}

/// Any answer, of any type, to any key.
fn answer() -> impl Strategy<Value = Answer> {
    let key =
        prop::sample::select(vec!["a", "b", "yes", "no", "3", "dont_know", "x"]).prop_map(str::to_string);
    prop_oneof![
        key.clone().prop_map(Answer::Choice),
        prop::collection::vec(key, 0..3).prop_map(Answer::Choices),
        (-8i64..14).prop_map(Answer::Number),
        "\\PC{0,8}".prop_map(Answer::Text),
        (any::<bool>(), prop::option::of("\\PC{0,8}"))
            .prop_map(|(value, comment)| Answer::YesNo { value, comment }),
    ]
}

/// A value that a question of `kind` accepts, chosen by `pick`.
fn valid_value(kind: &str, pick: usize) -> Value {
    let keys = values(kind);
    match kind {
        "multiple_choice" => Value::from(
            keys.iter()
                .enumerate()
                .filter(|(i, _)| pick >> i & 1 == 1)
                .map(|(_, k)| *k)
                .collect::<Vec<_>>(),
        ),
        "yes_no" if pick.is_multiple_of(3) => {
            json!({"value": pick.is_multiple_of(2), "comment": "En kommentar"})
        }
        "number" => Value::from((pick % 16) as i64 - 5),
        "short_text" | "long_text" => Value::from(format!("Svar {pick}")),
        _ => Value::from(keys[pick % keys.len()]),
    }
}

/// The key number `i` of a document with `n` questions, or a key it lacks.
fn key(i: usize, n: usize) -> String {
    match i % (n + 2) {
        k if k < n => format!("q{k}"),
        k if k == n => "q0__comment".to_string(),
        _ => "zz".to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_definitions_and_answers_never_panic_and_keep_only_visible_answers(
        shapes in prop::collection::vec(question_shape(), 1..9),
        sent in prop::collection::vec((0u8..6, any::<usize>(), raw_value()), 9),
        extra in prop::option::weighted(0.2, (any::<usize>(), raw_value())),
        stored in prop::collection::vec((any::<usize>(), answer()), 0..10),
        language in prop::sample::select(vec!["sv", "sv", "sv", "en"]),
    ) {
        let def = definition(&shapes);
        prop_assert_eq!(def.check(), Vec::new());
        let n = shapes.len();
        let mut raw = Map::new();
        for (i, (mode, pick, random)) in sent.iter().enumerate().take(n) {
            match mode {
                0 | 1 => {}
                2 => {
                    raw.insert(format!("q{i}"), random.clone());
                }
                _ => {
                    raw.insert(format!("q{i}"), valid_value(KINDS[shapes[i].kind], *pick));
                }
            }
        }
        if let Some((i, value)) = extra {
            raw.insert(key(i, n), value);
        }

        // Validate, then mend what was refused and try again, so that
        // most cases end with answers that are accepted.
        let mut language = language;
        for round in 0..6 {
            match validate(&def, language, &raw) {
                Ok(answers) => {
                    let route = route(&def, &answers);
                    for (key, _) in answers.iter() {
                        prop_assert!(route.is_visible(key), "{key} is answered but hidden");
                    }
                    for q in route.questions() {
                        prop_assert!(!q.required || answers.contains(&q.key), "{} is required", q.key);
                    }
                    prop_assert_eq!(validate(&def, language, &answers.to_raw()), Ok(answers.clone()));
                    break;
                }
                Err(errors) => {
                    prop_assert!(!errors.is_empty());
                    for e in errors {
                        match (e.question, e.code) {
                            (None, _) => language = "sv",
                            (Some(key), AnswerErrorCode::Required) => {
                                let kind = def.question(&key).map_or("short_text", |q| q.kind.code());
                                raw.insert(key, valid_value(kind, round));
                            }
                            (Some(key), _) => {
                                raw.remove(&key);
                            }
                        }
                    }
                }
            }
        }

        // Routing under answers of any type, to any key.
        let arbitrary: Answers = stored.iter().map(|(i, a)| (key(*i, n), a.clone())).collect();
        let route = route(&def, &arbitrary);
        for (i, page) in route.pages().iter().enumerate() {
            prop_assert_eq!(route.progress(&page.block.key).map(|p| p.page), Some(i + 1));
            let _ = route.page_after(&page.block.key);
            let _ = route.page_before(&page.block.key);
        }
        for (key, _) in route.keep_visible(&arbitrary).iter() {
            prop_assert!(route.is_visible(key));
        }

        // The form post and each page of a response in progress.
        let fields: Vec<(String, String)> = raw
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_string)))
            .collect();
        if let Ok(answers) = validate(&def, "sv", &from_form(&def, &fields)) {
            let route = super::route(&def, &answers);
            prop_assert!(answers.iter().all(|(k, _)| route.is_visible(k)));
        }
        for block in &def.blocks {
            if let Ok(answers) = validate_page(&def, "sv", &arbitrary, &block.key, &raw) {
                let route = super::route(&def, &answers);
                prop_assert!(answers.iter().all(|(k, _)| route.is_visible(k)));
            }
        }
    }
}
