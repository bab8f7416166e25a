//! The built-in instruments (*inbyggda enkäter*): the surveys that the
//! guidelines ask for, as definition documents that a region can use as
//! they are or copy and adapt. Each is one JSON file in `builtin/`, read
//! and checked by [`Definition::from_json`].
//!
//! | key | who answers | languages |
//! |---|---|---|
//! | `visitor_adult` | adult visitors, yearly | sv, en, ar, fa |
//! | `visitor_child` | children visiting, with an adult reading aloud | sv, en, ar, fa |
//! | `staff_environment` | the centre's staff (work environment) | sv, en |
//! | `centre_checklist` | the local coordinator (yearly follow-up) | sv, en |
//! | `collaboration_spider` | the centre's staff (collaboration factors) | sv, en |
//! | `governance_coordinators` | local coordinators (at most 24 questions) | sv, en |
//! | `governance_management` | management, preparation and steering groups (at most 28) | sv, en |
//!
//! The visitor surveys are also in Arabic and Persian (`fa`; Dari speakers
//! read it too), two of the languages most often spoken by parents who
//! visit Swedish family centres; their wording is kept simple.
//!
//! The collaboration spider uses `scale4` (*Stämmer inte alls* ..
//! *Stämmer helt*): every answer is a step from 1 to 4, so each factor has
//! a mean to draw on its own axis of a radar chart and to compare year by
//! year. The five-level scale's *Vet ej* has no place on an axis, and a
//! four-step scale has no neutral middle to hide in.
//!
//! A question key means the same in every instrument that has it
//! (`finance_clarity`, `goals_work`, `guideline_known`, `local_agreement`,
//! `management_meetings_last_year`, `management_group_functioning`,
//! `steering_group_functioning`, `steering_contact_clarity`), so results
//! can set the coordinators' view beside the managers'.

use super::definition::Definition;

/// Each built-in document: its instrument key and its JSON.
const DOCUMENTS: [(&str, &str); 7] = [
    ("visitor_adult", include_str!("builtin/visitor_adult.json")),
    ("visitor_child", include_str!("builtin/visitor_child.json")),
    (
        "staff_environment",
        include_str!("builtin/staff_environment.json"),
    ),
    ("centre_checklist", include_str!("builtin/centre_checklist.json")),
    (
        "collaboration_spider",
        include_str!("builtin/collaboration_spider.json"),
    ),
    (
        "governance_coordinators",
        include_str!("builtin/governance_coordinators.json"),
    ),
    (
        "governance_management",
        include_str!("builtin/governance_management.json"),
    ),
];

/// The keys of the visitor surveys, which are offered in more languages.
pub const VISITOR_SURVEYS: [&str; 2] = ["visitor_adult", "visitor_child"];

/// The languages every visitor survey is offered in.
pub const VISITOR_LANGUAGES: [&str; 4] = ["sv", "en", "ar", "fa"];

/// Every built-in instrument, by key, read and checked, in the order of
/// the table above.
///
/// # Panics
///
/// Never for the documents shipped: the tests read and check each one.
pub fn all() -> Vec<(&'static str, Definition)> {
    DOCUMENTS
        .iter()
        .map(|&(key, json)| {
            let def = Definition::from_json(json)
                .unwrap_or_else(|errors| panic!("the built-in instrument {key} is invalid: {errors:?}"));
            (key, def)
        })
        .collect()
}

/// The built-in instrument with this key, read and checked.
pub fn get(key: &str) -> Option<Definition> {
    all().into_iter().find(|(k, _)| *k == key).map(|(_, def)| def)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use serde_json::{Map, Value, json};

    use super::super::definition::{Question, QuestionType, Texts};
    use super::super::response::{Answer, Answers, validate};
    use super::super::routing::route;
    use super::*;

    fn instrument(key: &str) -> Definition {
        get(key).expect("a built-in instrument")
    }

    /// Every text of a document, each with where it is.
    fn texts(def: &Definition) -> Vec<(String, Texts)> {
        let mut all = vec![("title".to_string(), def.title.clone())];
        all.extend(def.intro.clone().map(|t| ("intro".to_string(), t)));
        all.extend(def.closing.clone().map(|t| ("closing".to_string(), t)));
        for block in &def.blocks {
            all.extend(block.title.clone().map(|t| (format!("{}.title", block.key), t)));
            for q in &block.questions {
                all.push((q.key.clone(), q.text.clone()));
                all.extend(q.help.clone().map(|t| (format!("{}.help", q.key), t)));
                all.extend(q.end_text.clone().map(|t| (format!("{}.end_text", q.key), t)));
                for option in q.options().iter() {
                    all.push((format!("{}.{}", q.key, option.key), option.text.clone()));
                }
            }
        }
        all
    }

    fn choices(keys: &[&str]) -> Answer {
        Answer::Choices(keys.iter().map(|k| k.to_string()).collect())
    }

    fn answers<const N: usize>(pairs: [(&str, Answer); N]) -> Answers {
        pairs.into_iter().map(|(k, a)| (k.to_string(), a)).collect()
    }

    fn blocks_shown(def: &Definition, given: &Answers) -> Vec<String> {
        route(def, given)
            .pages()
            .iter()
            .map(|p| p.block.key.clone())
            .collect()
    }

    #[test]
    fn every_document_reads_and_passes_every_check() {
        for (key, json) in DOCUMENTS {
            let def = Definition::from_json(json).unwrap_or_else(|e| panic!("{key}: {e:?}"));
            assert_eq!(def.check(), Vec::new(), "{key}");
            assert_eq!(def.key, key, "the document's key is the instrument's");
        }
        let keys: Vec<&str> = all().iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "visitor_adult",
                "visitor_child",
                "staff_environment",
                "centre_checklist",
                "collaboration_spider",
                "governance_coordinators",
                "governance_management",
            ]
        );
        assert!(get("no_such_survey").is_none());
    }

    #[test]
    fn every_text_is_in_swedish_and_english() {
        for (key, def) in all() {
            let tags: Vec<&str> = def.languages.iter().map(|l| l.tag()).collect();
            assert_eq!(&tags[..2], ["sv", "en"], "{key}");
            for (place, text) in texts(&def) {
                for language in ["sv", "en"] {
                    assert!(text.given(language).is_some(), "{key} {place}: no {language}");
                }
            }
        }
    }

    #[test]
    fn the_visitor_surveys_are_also_in_arabic_and_persian_written_right_to_left() {
        for key in VISITOR_SURVEYS {
            let def = instrument(key);
            let tags: Vec<&str> = def.languages.iter().map(|l| l.tag()).collect();
            assert_eq!(tags, VISITOR_LANGUAGES, "{key}");
            for tag in ["ar", "fa"] {
                assert_eq!(def.language(tag).expect("offered").dir(), "rtl");
            }
            for (place, text) in texts(&def) {
                for language in VISITOR_LANGUAGES {
                    assert!(text.given(language).is_some(), "{key} {place}: no {language}");
                }
                // The translations are written in their own script.
                let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
                assert!(text.get("ar").chars().any(arabic), "{key} {place}: ar");
                assert!(text.get("fa").chars().any(arabic), "{key} {place}: fa");
            }
        }
        for (key, def) in all() {
            if !VISITOR_SURVEYS.contains(&key) {
                assert_eq!(def.languages.len(), 2, "{key} is in Swedish and English");
            }
        }
    }

    #[test]
    fn a_key_means_the_same_in_every_instrument_that_has_it() {
        let mut seen: HashMap<String, (&str, QuestionType, Vec<String>)> = HashMap::new();
        let mut shared = Vec::new();
        let defs = all();
        for (key, def) in &defs {
            for q in def.questions() {
                let options: Vec<String> = q.option_keys().iter().map(|k| k.to_string()).collect();
                match seen.get(&q.key) {
                    Some((first, kind, keys)) => {
                        assert_eq!(
                            (*kind, keys),
                            (q.kind, &options),
                            "{} in {first} and {key}",
                            q.key
                        );
                        shared.push(q.key.clone());
                    }
                    None => {
                        seen.insert(q.key.clone(), (key, q.kind, options));
                    }
                }
            }
        }
        for key in [
            "finance_clarity",
            "goals_work",
            "guideline_known",
            "local_agreement",
            "management_meetings_last_year",
            "management_group_functioning",
            "steering_group_functioning",
            "steering_contact_clarity",
        ] {
            assert!(shared.iter().any(|k| k == key), "{key} is shared");
        }
        let finance = |def: &str| {
            instrument(def)
                .question("finance_clarity")
                .cloned()
                .expect("asked")
        };
        assert_eq!(
            finance("governance_coordinators").text,
            finance("governance_management").text
        );
    }

    #[test]
    fn the_adult_visitor_survey_fits_a_phone_and_asks_the_guidelines_topics() {
        let def = instrument("visitor_adult");
        assert!((4..=6).contains(&def.blocks.len()));
        for key in [
            "gender",
            "services_visited",
            "visit_frequency",
            "overall_satisfaction",
            "felt_welcome",
            "would_recommend",
            "discrimination",
            "discrimination_grounds",
            "opening_hours",
            "find_information",
            "get_appointment",
            "reach_right_person",
            "new_contacts",
            "kept_contacts",
            "child_meets_children",
            "staff_knowledgeable",
            "parenting_support",
            "grown_as_parent",
            "social_services_contact",
            "social_services_satisfaction",
            "centre_meaning",
        ] {
            assert!(def.question(key).is_some(), "{key}");
        }
        let kind = |key: &str| def.question(key).map(|q| q.kind);
        assert_eq!(kind("discrimination_grounds"), Some(QuestionType::MultipleChoice));
        assert_eq!(kind("overall_satisfaction"), Some(QuestionType::Scale5));
        assert_eq!(kind("centre_meaning"), Some(QuestionType::LongText));
    }

    #[test]
    fn the_social_services_questions_follow_only_a_contact() {
        let def = instrument("visitor_adult");
        let none = blocks_shown(&def, &Answers::new());
        assert!(!none.contains(&"social_services".to_string()));
        assert_eq!(none.last().map(String::as_str), Some("meaning"));
        let no = answers([(
            "social_services_contact",
            Answer::YesNo {
                value: false,
                comment: None,
            },
        )]);
        assert!(!blocks_shown(&def, &no).contains(&"social_services".to_string()));
        let yes = answers([(
            "social_services_contact",
            Answer::YesNo {
                value: true,
                comment: None,
            },
        )]);
        let shown = blocks_shown(&def, &yes);
        assert_eq!(shown.len(), 6);
        assert_eq!(shown[4], "social_services");
        let grounds = answers([(
            "discrimination",
            Answer::YesNo {
                value: true,
                comment: None,
            },
        )]);
        assert!(route(&def, &grounds).is_visible("discrimination_grounds"));
        assert!(!route(&def, &Answers::new()).is_visible("discrimination_grounds"));
    }

    #[test]
    fn a_parent_can_answer_in_persian() {
        let def = instrument("visitor_adult");
        let raw: Map<String, Value> = json!({
            "gender": "woman",
            "services_visited": ["child_health", "open_preschool"],
            "overall_satisfaction": "large_extent",
            "would_recommend": "yes",
            "social_services_contact": "yes",
            "social_services_satisfaction": "completely",
            "centre_meaning": "جایی برای دیدن مادرهای دیگر",
        })
        .as_object()
        .cloned()
        .expect("an object");
        let given = validate(&def, "fa", &raw).expect("valid");
        assert_eq!(given.len(), 7);
        let hidden: Map<String, Value> = json!({"social_services_coping": "some_extent"})
            .as_object()
            .cloned()
            .expect("an object");
        assert!(validate(&def, "fa", &hidden).is_err(), "no contact, no follow-up");
    }

    #[test]
    fn the_child_survey_is_short_with_few_simple_options() {
        let def = instrument("visitor_child");
        let questions: Vec<&Question> = def.questions().collect();
        assert!((6..=8).contains(&questions.len()));
        for q in questions {
            if q.kind == QuestionType::SingleChoice {
                assert!((3..=4).contains(&q.options.len()), "{}", q.key);
            }
            assert!(q.text.get("sv").split_whitespace().count() <= 10, "{}", q.key);
        }
    }

    #[test]
    fn the_staff_survey_has_four_statements_on_the_four_level_scale_and_two_free_texts() {
        let def = instrument("staff_environment");
        let kinds: Vec<QuestionType> = def.questions().map(|q| q.kind).collect();
        assert_eq!(kinds[..4], [QuestionType::Scale4; 4]);
        assert_eq!(kinds[4..], [QuestionType::LongText; 2]);
        let labels: Vec<String> = def
            .questions()
            .next()
            .expect("a statement")
            .options()
            .iter()
            .map(|o| o.text.get("sv").to_string())
            .collect();
        assert_eq!(labels.len(), 4);
        assert_eq!(labels.first().map(String::as_str), Some("Inte alls"));
        assert_eq!(labels.last().map(String::as_str), Some("I hög grad"));
    }

    #[test]
    fn the_checklist_is_answered_yes_or_no() {
        let def = instrument("centre_checklist");
        let yes_no = def.questions().filter(|q| q.kind == QuestionType::YesNo).count();
        assert_eq!(yes_no, 11);
        assert!(def.questions().all(|q| !q.required));
    }

    #[test]
    fn the_spider_rates_its_factors_on_one_scale_for_a_radar_chart() {
        let def = instrument("collaboration_spider");
        let factors = def.block("factors").expect("factors");
        assert!((6..=10).contains(&factors.questions.len()));
        assert!(factors.questions.iter().all(|q| q.kind == QuestionType::Scale4));
        let labels = |q: &Question| q.options.clone();
        assert!(
            factors
                .questions
                .iter()
                .all(|q| labels(q) == labels(&factors.questions[0]))
        );
    }

    #[test]
    fn the_governance_surveys_keep_within_their_question_limits() {
        assert!(instrument("governance_coordinators").questions().count() <= 24);
        assert!(instrument("governance_management").questions().count() <= 28);
        let def = instrument("governance_coordinators");
        let scale5 = def.questions().filter(|q| q.kind == QuestionType::Scale5).count();
        assert!(
            scale5 * 2 > def.questions().count(),
            "mostly the five-level scale"
        );
    }

    #[test]
    fn the_screening_question_ends_the_survey_for_those_in_no_group() {
        let def = instrument("governance_management");
        let first = def.questions().next().expect("a first question");
        assert_eq!(first.key, "member_groups");
        assert!(first.required);

        let none = route(&def, &answers([("member_groups", choices(&["none"]))]));
        let end = none.end().expect("ends early");
        assert_eq!(end.question.key, "member_groups");
        assert_eq!(none.pages().len(), 1);
        assert!(
            end.text
                .is_some_and(|t| t.get("sv").starts_with("Enkäten vänder sig bara"))
        );

        let blocks = |groups: &[&str]| blocks_shown(&def, &answers([("member_groups", choices(groups))]));
        assert_eq!(
            blocks(&["management"]),
            ["screening", "background", "management_group", "last"]
        );
        assert_eq!(
            blocks(&["preparation"]),
            ["screening", "background", "preparation_group", "last"]
        );
        assert_eq!(
            blocks(&["steering", "management"]),
            [
                "screening",
                "background",
                "management_group",
                "steering_group",
                "last"
            ]
        );
        // Someone who ticks a group as well as "none" is in a group.
        assert_eq!(
            blocks(&["steering", "none"]),
            ["screening", "background", "steering_group", "last"]
        );
        let all = route(
            &def,
            &answers([(
                "member_groups",
                choices(&["management", "preparation", "steering"]),
            )]),
        );
        assert!(all.end().is_none());
        assert!(all.is_visible("finance_clarity"));

        let finance = def.question("finance_clarity").expect("asked");
        assert_eq!(finance.kind, QuestionType::Scale5);
        assert_eq!(
            def.block_of("finance_clarity").map(|b| b.key.as_str()),
            Some("management_group")
        );
    }
}
