use super::*;

/// A screening yes/no everyone answers, a scale only those who said yes
/// see, a multiple choice and a free text (the export's tests ask it too).
pub(crate) fn definition() -> Definition {
    let json = r#"{
      "key": "test", "title": {"sv": "Test"}, "languages": ["sv"],
      "blocks": [{"key": "b", "questions": [
        {"key": "member", "type": "yes_no", "required": true, "text": {"sv": "Med?"}},
        {"key": "clear", "type": "scale5", "required": false, "text": {"sv": "Tydligt?"},
         "show_if": {"question": "member", "equals": "yes"}},
        {"key": "groups", "type": "multiple_choice", "required": false, "text": {"sv": "Grupper?"},
         "options": [{"key": "a", "text": {"sv": "A"}}, {"key": "b", "text": {"sv": "B"}}]},
        {"key": "note", "type": "long_text", "required": false, "text": {"sv": "Annat?"}}
      ]}]}"#;
    Definition::from_json(json).expect("a valid definition")
}

/// Centres 1 and 2 in municipality 10, centre 3 in municipality 20.
fn places() -> Vec<Place> {
    vec![
        Place {
            centre_id: 1,
            municipality_id: 10,
        },
        Place {
            centre_id: 2,
            municipality_id: 10,
        },
        Place {
            centre_id: 3,
            municipality_id: 20,
        },
    ]
}

fn tally(centre: i64, question: &str, option: &str, count: u32) -> Tally {
    Tally {
        centre_id: Some(centre),
        question: question.into(),
        option: option.into(),
        count,
    }
}

/// `yes`/`no` answers per centre, and the scale answered by those who said yes.
fn tallies(per_centre: &[(i64, u32, u32)]) -> Vec<Tally> {
    let mut out = Vec::new();
    for &(c, yes, no) in per_centre {
        out.push(tally(c, "member", ANSWERED, yes + no));
        out.push(tally(c, "member", "yes", yes));
        out.push(tally(c, "member", "no", no));
        out.push(tally(c, "clear", ANSWERED, yes));
        out.push(tally(c, "clear", "completely", yes));
    }
    out
}

fn result<'a>(all: &'a [QuestionResult], key: &str) -> &'a QuestionResult {
    all.iter().find(|r| r.key == key).expect("the question")
}

#[test]
fn a_centre_with_four_answers_and_its_sibling_are_hidden_but_their_municipality_shows() {
    let def = definition();
    let t = tallies(&[(1, 3, 1), (2, 10, 2), (3, 6, 0)]);
    let k = Threshold::new(5);
    let small = results(&def, &t, &places(), Selection::Centre(1), k).expect("results");
    assert!(result(&small, "member").answered.is_suppressed());
    assert!(
        result(&small, "member")
            .shares
            .as_ref()
            .is_some_and(Shown::is_suppressed)
    );
    let sibling = results(&def, &t, &places(), Selection::Centre(2), k).expect("results");
    assert!(
        result(&sibling, "member").answered.is_suppressed(),
        "12 answers, but shown they would give away centre 1 from the municipality's 16"
    );
    let municipality = results(&def, &t, &places(), Selection::Municipality(10), k).expect("results");
    assert_eq!(result(&municipality, "member").answered, Shown::Value(16));
    let region = results(&def, &t, &places(), Selection::Region, k).expect("results");
    assert_eq!(result(&region, "member").answered, Shown::Value(22));
}

#[test]
fn each_question_is_suppressed_on_its_own_answers() {
    let def = definition();
    // Centre 3: six answered the screening, only four saw the scale.
    let t = tallies(&[(1, 8, 0), (2, 9, 0), (3, 4, 2)]);
    let k = Threshold::new(5);
    let centre = results(&def, &t, &places(), Selection::Centre(3), k).expect("results");
    assert_eq!(result(&centre, "member").answered, Shown::Value(6));
    assert!(result(&centre, "clear").answered.is_suppressed());
    // Municipality 20 is centre 3 alone: hidden with it for the scale.
    let m = results(&def, &t, &places(), Selection::Municipality(20), k).expect("results");
    assert!(result(&m, "clear").answered.is_suppressed());
    assert_eq!(result(&m, "member").answered, Shown::Value(6));
    // The region less municipality 10 would be municipality 20's four.
    let region = results(&def, &t, &places(), Selection::Region, k).expect("results");
    let ten = results(&def, &t, &places(), Selection::Municipality(10), k).expect("results");
    assert!(
        result(&region, "clear").answered.is_suppressed() || result(&ten, "clear").answered.is_suppressed(),
        "the region and municipality 10 are not both shown"
    );
}

#[test]
fn shown_shares_count_only_the_selection_and_keep_the_option_order() {
    let def = definition();
    let t = tallies(&[(1, 6, 2), (2, 7, 1), (3, 9, 3)]);
    let k = Threshold::new(5);
    let m = results(&def, &t, &places(), Selection::Municipality(10), k).expect("results");
    let shares = result(&m, "member")
        .shares
        .clone()
        .and_then(Shown::into_value)
        .expect("shown");
    let rows: Vec<(&str, u32, u32)> = shares
        .rows
        .iter()
        .map(|r| (r.key.as_str(), r.count, r.percent))
        .collect();
    assert_eq!(rows, [("yes", 13, 81), ("no", 3, 19)]);
    let scale = result(&m, "clear")
        .shares
        .clone()
        .and_then(Shown::into_value)
        .expect("shown");
    let keys: Vec<&str> = scale.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "dont_know",
            "not_at_all",
            "some_extent",
            "large_extent",
            "completely"
        ]
    );
}

#[test]
fn multiple_choice_shares_are_of_the_responses_and_free_texts_have_only_a_count() {
    let def = definition();
    let mut t = tallies(&[(1, 6, 0), (2, 6, 0), (3, 6, 0)]);
    for c in 1..=3 {
        t.push(tally(c, "groups", ANSWERED, 6));
        t.push(tally(c, "groups", "a", 6));
        t.push(tally(c, "groups", "b", 3));
        t.push(tally(c, "note", ANSWERED, 5));
    }
    let region = results(&def, &t, &places(), Selection::Region, Threshold::new(5)).expect("results");
    let groups = result(&region, "groups")
        .shares
        .clone()
        .and_then(Shown::into_value)
        .expect("shown");
    let percents: Vec<u32> = groups.rows.iter().map(|r| r.percent).collect();
    assert_eq!(percents, [100, 50]);
    let note = result(&region, "note");
    assert_eq!(
        (note.answered.clone(), note.shares.clone()),
        (Shown::Value(15), None)
    );
}

#[test]
fn a_centre_outside_the_round_and_a_round_without_answers_show_nothing() {
    let def = definition();
    let t = tallies(&[(1, 6, 0), (2, 6, 0), (3, 6, 0)]);
    let k = Threshold::new(5);
    let elsewhere = results(&def, &t, &places(), Selection::Centre(99), k).expect("results");
    assert!(elsewhere.iter().all(|r| r.answered.is_suppressed()));
    let empty = results(&def, &[], &places(), Selection::Region, k).expect("results");
    assert!(empty.iter().all(|r| r.answered.is_suppressed()));
}

#[test]
fn answers_without_a_centre_count_for_the_region_only() {
    let def = definition();
    let mut t = tallies(&[(1, 6, 0), (2, 6, 0), (3, 6, 0)]);
    t.push(Tally {
        centre_id: None,
        question: "member".into(),
        option: ANSWERED.into(),
        count: 7,
    });
    t.push(Tally {
        centre_id: None,
        question: "member".into(),
        option: "no".into(),
        count: 7,
    });
    let k = Threshold::new(5);
    let region = results(&def, &t, &places(), Selection::Region, k).expect("results");
    assert_eq!(result(&region, "member").answered, Shown::Value(25));
    let m = results(&def, &t, &places(), Selection::Municipality(10), k).expect("results");
    assert_eq!(result(&m, "member").answered, Shown::Value(12));
}

#[test]
fn merging_joins_the_two_top_steps_of_a_scale_and_leaves_other_questions_alone() {
    let def = definition();
    let mut t = tallies(&[(1, 6, 0), (2, 6, 0), (3, 6, 0)]);
    for c in 1..=3 {
        t.push(tally(c, "clear", "large_extent", 2));
        t.push(tally(c, "clear", ANSWERED, 2));
    }
    let k = Threshold::new(5);
    let counted = count(&def, &t, &places(), Selection::Region, k, Merge::Top).expect("counted");
    let clear = counted
        .iter()
        .find(|c| c.key() == "clear")
        .expect("clear")
        .result();
    let shares = clear.shares.and_then(Shown::into_value).expect("shown");
    let rows: Vec<(&str, u32, u32)> = shares
        .rows
        .iter()
        .map(|r| (r.key.as_str(), r.count, r.percent))
        .collect();
    assert_eq!(
        rows,
        [
            ("dont_know", 0, 0),
            ("not_at_all", 0, 0),
            ("some_extent", 0, 0),
            ("large_extent+completely", 24, 100)
        ]
    );
    // The mean is of the steps as asked: 18 at 4, 6 at 3.
    let mean = clear.mean.and_then(Shown::into_value).expect("a mean");
    assert_eq!((mean.count, mean.hundredths), (24, Some(375)));
    let member = counted
        .iter()
        .find(|c| c.key() == "member")
        .expect("member")
        .result();
    assert_eq!(member.mean, None, "yes/no has no mean");
    assert_eq!(
        member
            .shares
            .and_then(Shown::into_value)
            .expect("shown")
            .rows
            .len(),
        2,
        "yes/no is not merged"
    );
    assert_eq!(Merge::from_code("both"), Some(Merge::Both));
    assert_eq!(Merge::from_code("all"), None);
}

#[test]
fn the_number_of_responses_and_one_question_are_suppressed_on_the_same_tree() {
    let def = definition();
    let mut t = tallies(&[(1, 3, 1), (2, 10, 2), (3, 6, 0)]);
    for (c, n) in [(1, 4), (2, 12), (3, 6)] {
        t.push(Tally {
            centre_id: Some(c),
            question: String::new(),
            option: ANSWERED.into(),
            count: n,
        });
    }
    let k = Threshold::new(5);
    assert_eq!(
        responses(&t, &places(), Selection::Region, k).expect("counted"),
        Shown::Value(22)
    );
    assert!(
        responses(&t, &places(), Selection::Centre(2), k)
            .expect("counted")
            .is_suppressed(),
        "centre 2 would give away centre 1"
    );
    let member = def.question("member").expect("member");
    let one = count_one(member, &t, &places(), Selection::Centre(3), k).expect("counted");
    assert!(one.is_shown());
    let one = count_one(member, &t, &places(), Selection::Centre(1), k).expect("counted");
    assert!(!one.is_shown());
}

#[test]
fn counts_summed_by_the_store_give_what_counts_per_centre_give() {
    let def = definition();
    let t = tallies(&[(1, 3, 1), (2, 10, 2), (3, 6, 0)]);
    let k = Threshold::new(5);
    for selection in [
        Selection::Region,
        Selection::Municipality(10),
        Selection::Centre(3),
    ] {
        let per_centre = count(&def, &t, &places(), selection, k, Merge::Both).expect("counted");
        let answered: Vec<Tally> = t.iter().filter(|x| x.option == ANSWERED).cloned().collect();
        let mut sums: BTreeMap<(String, String), u32> = BTreeMap::new();
        let frame = Frame::new(&[], selection, k);
        let places = places();
        let frame = Frame {
            municipality_of: places.iter().map(|p| (p.centre_id, p.municipality_id)).collect(),
            ..frame
        };
        for x in t
            .iter()
            .filter(|x| x.option != ANSWERED && frame.selected(x.centre_id))
        {
            *sums.entry((x.question.clone(), x.option.clone())).or_default() += x.count;
        }
        let chosen: Vec<Tally> = sums
            .into_iter()
            .map(|((question, option), count)| Tally {
                centre_id: None,
                question,
                option,
                count,
            })
            .collect();
        let summed =
            count_summed(&def, &answered, &chosen, &places, selection, k, Merge::Both).expect("counted");
        assert_eq!(per_centre, summed, "{selection:?}");
    }
}
