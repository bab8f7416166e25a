use super::*;
use crate::surveys::breakdown::tests::definition;

/// Centres 1 and 2 in municipality 10, centres 3 and 4 in municipality 20.
fn places() -> Vec<Place> {
    [(1, 10), (2, 10), (3, 20), (4, 20)]
        .into_iter()
        .map(|(centre_id, municipality_id)| Place {
            centre_id,
            municipality_id,
        })
        .collect()
}

fn tally(centre: Option<i64>, question: &str, count: u32) -> Tally {
    Tally {
        centre_id: centre,
        question: question.into(),
        option: ANSWERED.into(),
        count,
    }
}

/// Per centre: responses (all answer `member` and `note`) and how many of
/// them said yes (and so answered `clear`).
fn tallies(per_centre: &[(Option<i64>, u32, u32)]) -> Vec<Tally> {
    let mut out = Vec::new();
    for &(c, responses, yes) in per_centre {
        out.push(tally(c, ANSWERED, responses));
        out.push(tally(c, "member", responses));
        out.push(tally(c, "note", responses));
        out.push(tally(c, "clear", yes));
    }
    out
}

fn k() -> Threshold {
    Threshold::new(5)
}

#[test]
fn a_selection_with_too_few_responses_gets_no_file() {
    let def = definition();
    let t = tallies(&[(Some(1), 3, 3), (Some(3), 1, 1)]);
    assert_eq!(
        disclosure(&def, &t, &places(), Selection::Region, k()).expect("rules"),
        None
    );
    let t = tallies(&[(Some(1), 30, 30), (Some(2), 20, 20), (Some(3), 4, 4)]);
    assert_eq!(
        disclosure(&def, &t, &places(), Selection::Centre(3), k()).expect("rules"),
        None,
        "four responses at the centre"
    );
    assert!(
        disclosure(&def, &t, &places(), Selection::Centre(1), k())
            .expect("rules")
            .is_some()
    );
}

#[test]
fn a_small_centre_and_its_complement_are_not_named_and_their_rows_stay_together() {
    let def = definition();
    // Centre 2 has three responses: hidden, and so is centre 1 (the only
    // other centre of its municipality), or the municipality would give it away.
    let t = tallies(&[
        (Some(1), 12, 12),
        (Some(2), 3, 3),
        (Some(3), 9, 9),
        (Some(4), 8, 8),
    ]);
    let d = disclosure(&def, &t, &places(), Selection::Region, k())
        .expect("rules")
        .expect("a file");
    assert_eq!(d.responses(), 32);
    assert!(!d.names(Some(2)), "too few");
    assert!(!d.names(Some(1)), "its complement");
    assert!(d.names(Some(3)) && d.names(Some(4)));
    assert!(!d.names(None));
    // Every answer shows: each question's results show centres 3 and 4.
    for q in ["member", "clear", "note"] {
        assert!(
            d.shows(q, Some(2)) && d.shows(q, Some(1)) && d.shows(q, Some(3)),
            "{q}"
        );
    }
}

#[test]
fn a_question_few_answered_at_a_named_centre_is_hidden_there_and_in_the_unnamed_rows() {
    let def = definition();
    // Centre 3: nine responses, only three said yes and saw the scale.
    let t = tallies(&[
        (Some(1), 12, 12),
        (Some(2), 3, 3),
        (Some(3), 9, 3),
        (Some(4), 8, 8),
    ]);
    let d = disclosure(&def, &t, &places(), Selection::Region, k())
        .expect("rules")
        .expect("a file");
    assert!(d.names(Some(3)));
    assert!(d.shows("member", Some(3)));
    assert!(!d.shows("clear", Some(3)), "three answers");
    assert!(
        !d.shows("clear", Some(4)),
        "centre 4 is the complement of centre 3 for the scale"
    );
    assert!(
        !d.shows("clear", Some(1)),
        "the unnamed rows less the region's total would give centre 3 away"
    );
    assert!(d.shows("member", Some(1)));
}

#[test]
fn responses_through_no_centre_join_the_unnamed_rows_of_the_region() {
    let def = definition();
    let t = tallies(&[(Some(1), 12, 12), (Some(2), 8, 8), (Some(3), 9, 9), (None, 2, 2)]);
    let d = disclosure(&def, &t, &places(), Selection::Region, k())
        .expect("rules")
        .expect("a file");
    assert_eq!(d.responses(), 31);
    // Two responses through no centre are shown nowhere, so that the region
    // less its municipalities does not give them away two municipalities
    // are hidden, and one centre in each.
    assert!(d.names(Some(1)));
    assert!(!d.names(Some(2)) && !d.names(Some(3)) && !d.names(None));
    assert_eq!(
        disclosure(&def, &t, &places(), Selection::Municipality(10), k()).expect("rules"),
        None,
        "the municipality is hidden"
    );
    let c = disclosure(&def, &t, &places(), Selection::Centre(1), k())
        .expect("rules")
        .expect("a file");
    assert_eq!(c.responses(), 12, "a centre's file holds its own responses only");
    assert!(c.names(Some(1)) && c.shows("clear", Some(1)));
}

#[test]
fn a_row_shows_codes_numbers_texts_and_marks_what_is_hidden() {
    let def = definition();
    let mut t = tallies(&[(Some(1), 12, 3), (Some(3), 9, 9)]);
    t.extend([tally(Some(1), "groups", 6), tally(Some(3), "groups", 5)]);
    let d = disclosure(&def, &t, &places(), Selection::Region, k())
        .expect("rules")
        .expect("a file");
    let cols = columns(&def);
    let keys: Vec<String> = cols.iter().map(Column::key).collect();
    assert_eq!(keys, ["member", "member__comment", "clear", "groups", "note"]);
    let mut answers = Answers::new();
    answers.insert(
        "member",
        Answer::YesNo {
            value: true,
            comment: Some("=bra".into()),
        },
    );
    answers.insert("clear", Answer::Choice("completely".into()));
    answers.insert("groups", Answer::Choices(vec!["b".into(), "a".into()]));
    let cells = row(&cols, &d, Some(1), &answers);
    assert_eq!(
        cells,
        [
            Value::Code("yes".into()),
            Value::Text("=bra"),
            Value::Hidden,
            Value::Code("a;b".into()),
            Value::Empty
        ],
        "the scale has three answers at centre 1"
    );
}

#[test]
fn formats_are_known_by_their_extension() {
    assert_eq!(ExportFormat::of_file_name("runda.CSV"), Some(ExportFormat::Csv));
    assert_eq!(ExportFormat::of_file_name("a.b.xlsx"), Some(ExportFormat::Xlsx));
    assert_eq!(ExportFormat::of_file_name("runda.xls"), None);
    assert_eq!(ExportFormat::of_file_name("runda"), None);
    assert!(ExportStatus::Done.is_finished() && !ExportStatus::Running.is_finished());
}
