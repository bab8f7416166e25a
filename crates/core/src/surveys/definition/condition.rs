//! Conditions on earlier answers, and their JSON forms.

use serde::{Deserialize, Serialize};

/// A condition (*villkor*) on earlier answers that shows a block or a
/// question, or ends the survey.
///
/// In JSON: `{"question": "q1", "equals": "yes"}`, `{"question": "q1",
/// "not_equals": "yes"}`, `{"question": "q2", "any_of": ["a", "b"]}`,
/// `{"question": "q3", "answered": true}`, `{"all": [...]}` or
/// `{"any": [...]}`. A value is compared with an answer's key: the option's
/// key, `yes` or `no`, or a number in decimal (`"3"`, `"-1"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawCondition", into = "RawCondition")]
pub enum Condition {
    /// The question's answer is `value` (for multiple choice: includes it).
    Equals {
        /// The question's key.
        question: String,
        /// The key compared with.
        value: String,
    },
    /// The question is answered, and not with `value` (for multiple
    /// choice: the answer does not include it).
    NotEquals {
        /// The question's key.
        question: String,
        /// The key compared with.
        value: String,
    },
    /// The question's answer is one of `values` (for multiple choice:
    /// includes one of them).
    AnyOf {
        /// The question's key.
        question: String,
        /// The keys compared with.
        values: Vec<String>,
    },
    /// The question is answered (`true`) or not (`false`); a hidden
    /// question is not answered.
    Answered {
        /// The question's key.
        question: String,
        /// Which of the two.
        answered: bool,
    },
    /// Every condition holds (and an empty list holds).
    All(Vec<Condition>),
    /// At least one condition holds (and an empty list does not).
    Any(Vec<Condition>),
}

impl Condition {
    /// The question a plain comparison looks at; `None` for `all` and `any`.
    pub fn question(&self) -> Option<&str> {
        match self {
            Condition::Equals { question, .. }
            | Condition::NotEquals { question, .. }
            | Condition::AnyOf { question, .. }
            | Condition::Answered { question, .. } => Some(question),
            Condition::All(_) | Condition::Any(_) => None,
        }
    }

    /// Every question the condition looks at, nested ones included.
    pub fn questions(&self) -> Vec<&str> {
        let mut keys = Vec::new();
        let mut stack = vec![self];
        while let Some(c) = stack.pop() {
            match c {
                Condition::All(cs) | Condition::Any(cs) => stack.extend(cs.iter().rev()),
                leaf => keys.extend(leaf.question()),
            }
        }
        keys
    }

    /// How deeply it nests: 1 for a plain comparison, one more for each
    /// `all` or `any` around it (an empty `all` or `any` is 1).
    pub fn depth(&self) -> usize {
        let mut deepest = 0;
        let mut stack = vec![(self, 1)];
        while let Some((c, d)) = stack.pop() {
            deepest = deepest.max(d);
            if let Condition::All(cs) | Condition::Any(cs) = c {
                stack.extend(cs.iter().map(|c| (c, d + 1)));
            }
        }
        deepest
    }
}

/// A condition as written in JSON, before it is known to be one of the
/// allowed forms.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    equals: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    not_equals: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    any_of: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answered: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    any: Option<Vec<Condition>>,
}

impl TryFrom<RawCondition> for Condition {
    type Error = String;

    fn try_from(raw: RawCondition) -> Result<Condition, String> {
        const FORMS: &str = "a condition is {\"question\", and one of \"equals\", \"not_equals\", \
                             \"any_of\", \"answered\"}, or {\"all\": [...]}, or {\"any\": [...]}";
        match raw {
            RawCondition {
                question: None,
                equals: None,
                not_equals: None,
                any_of: None,
                answered: None,
                all: Some(all),
                any: None,
            } => Ok(Condition::All(all)),
            RawCondition {
                question: None,
                equals: None,
                not_equals: None,
                any_of: None,
                answered: None,
                all: None,
                any: Some(any),
            } => Ok(Condition::Any(any)),
            RawCondition {
                question: Some(question),
                equals,
                not_equals,
                any_of,
                answered,
                all: None,
                any: None,
            } => match (equals, not_equals, any_of, answered) {
                (Some(value), None, None, None) => Ok(Condition::Equals { question, value }),
                (None, Some(value), None, None) => Ok(Condition::NotEquals { question, value }),
                (None, None, Some(values), None) => Ok(Condition::AnyOf { question, values }),
                (None, None, None, Some(answered)) => Ok(Condition::Answered { question, answered }),
                _ => Err(FORMS.to_string()),
            },
            _ => Err(FORMS.to_string()),
        }
    }
}

impl From<Condition> for RawCondition {
    fn from(c: Condition) -> RawCondition {
        match c {
            Condition::Equals { question, value } => RawCondition {
                question: Some(question),
                equals: Some(value),
                ..RawCondition::default()
            },
            Condition::NotEquals { question, value } => RawCondition {
                question: Some(question),
                not_equals: Some(value),
                ..RawCondition::default()
            },
            Condition::AnyOf { question, values } => RawCondition {
                question: Some(question),
                any_of: Some(values),
                ..RawCondition::default()
            },
            Condition::Answered { question, answered } => RawCondition {
                question: Some(question),
                answered: Some(answered),
                ..RawCondition::default()
            },
            Condition::All(all) => RawCondition {
                all: Some(all),
                ..RawCondition::default()
            },
            Condition::Any(any) => RawCondition {
                any: Some(any),
                ..RawCondition::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_condition_form_reads_and_writes_its_json() {
        let eq = |q: &str, v: &str| Condition::Equals {
            question: q.into(),
            value: v.into(),
        };
        for (json, condition) in [
            (json!({"question": "q1", "equals": "yes"}), eq("q1", "yes")),
            (
                json!({"question": "q1", "not_equals": "yes"}),
                Condition::NotEquals {
                    question: "q1".into(),
                    value: "yes".into(),
                },
            ),
            (
                json!({"question": "q2", "any_of": ["a", "b"]}),
                Condition::AnyOf {
                    question: "q2".into(),
                    values: vec!["a".into(), "b".into()],
                },
            ),
            (
                json!({"question": "q3", "answered": false}),
                Condition::Answered {
                    question: "q3".into(),
                    answered: false,
                },
            ),
            (
                json!({"all": [{"question": "q1", "equals": "yes"}, {"any": []}]}),
                Condition::All(vec![eq("q1", "yes"), Condition::Any(vec![])]),
            ),
            (
                json!({"any": [{"question": "q1", "equals": "no"}]}),
                Condition::Any(vec![eq("q1", "no")]),
            ),
        ] {
            let read: Condition = serde_json::from_value(json.clone()).expect("reads");
            assert_eq!(read, condition);
            assert_eq!(serde_json::to_value(&condition).expect("writes"), json);
        }
    }

    #[test]
    fn a_condition_must_be_exactly_one_form() {
        for json in [
            json!({}),
            json!({"question": "q1"}),
            json!({"equals": "yes"}),
            json!({"question": "q1", "equals": "yes", "not_equals": "no"}),
            json!({"question": "q1", "equals": "yes", "all": []}),
            json!({"all": [], "any": []}),
            json!({"question": "q1", "equal": "yes"}),
            json!({"question": "q1", "equals": 1}),
            json!({"question": "q1", "answered": "yes"}),
        ] {
            assert!(
                serde_json::from_value::<Condition>(json.clone()).is_err(),
                "{json}"
            );
        }
    }

    #[test]
    fn questions_and_depth_look_inside_all_and_any() {
        let c: Condition = serde_json::from_value(json!({"all": [
            {"question": "a", "answered": true},
            {"any": [{"question": "b", "equals": "x"}, {"all": [{"question": "c", "any_of": ["y"]}]}]},
        ]}))
        .expect("reads");
        assert_eq!(c.questions(), ["a", "b", "c"]);
        assert_eq!(c.depth(), 4);
        assert_eq!(c.question(), None);
        assert_eq!(Condition::Any(vec![]).depth(), 1);
    }
}
