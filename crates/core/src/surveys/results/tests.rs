use proptest::prelude::*;

use super::*;

const CLARITY: [&str; 5] = [
    "dont_know",
    "not_at_all",
    "some_extent",
    "large_extent",
    "completely",
];

/// "How clear is finance/invoicing", among 27 management members.
fn finance() -> Distribution {
    Distribution::from_counts("finance_clear", CLARITY.into_iter().zip([1, 4, 9, 7, 6])).expect("valid")
}

fn shown<T: std::fmt::Debug>(s: Shown<T>) -> T {
    s.into_value().expect("shown")
}

fn percents(s: &Shares) -> Vec<u32> {
    s.rows.iter().map(|r| r.percent).collect()
}

fn five() -> Gate {
    Gate::from(Threshold::new(5))
}

#[test]
fn the_27_managers_on_finance_give_4_15_33_26_22() {
    let s = shown(finance().shares(Threshold::new(5)));
    assert_eq!(s.n, 27);
    assert_eq!(percents(&s), [4, 15, 33, 26, 22]);
    assert_eq!(s.rounding, None);
    assert_eq!(s.highest, ["some_extent"]);
    assert_eq!(s.lowest, ["dont_know"]);
}

#[test]
fn percentages_round_half_up_with_whole_numbers() {
    assert_eq!(percent(67, 200), 34); // 33.5
    assert_eq!(percent(1249, 10_000), 12); // 12.49
    assert_eq!(percent(1250, 10_000), 13); // 12.5
    assert_eq!(percent(1, 8), 13); // 12.5
    assert_eq!(percent(1, 200), 1); // 0.5
    assert_eq!(percent(1, 201), 0); // 0.498
    assert_eq!(percent(2, 3), 67);
    assert_eq!(percent(5, 5), 100);
    assert_eq!(percent(0, 0), 0);
    assert_eq!(percent(u32::MAX, u32::MAX), 100);
}

#[test]
fn three_equal_thirds_add_up_to_99_and_get_a_note() {
    let d = Distribution::from_counts("q", [("a", 2), ("b", 2), ("c", 2)]).expect("valid");
    let s = shown(d.shares(five()));
    assert_eq!(percents(&s), [33, 33, 33]);
    assert_eq!(s.rounding, Some(RoundingNote { total: 99 }));
    let six = Distribution::from_counts("q", (0..6).map(|i| (i.to_string(), 1))).expect("valid");
    assert_eq!(
        shown(six.shares(five())).rounding,
        Some(RoundingNote { total: 102 })
    );
}

#[test]
fn multiple_choice_shares_are_per_response_and_need_not_add_up() {
    let options = ["open_preschool", "child_health", "maternal", "social_services"];
    let responses: Vec<Vec<&str>> = vec![
        vec!["open_preschool", "child_health"],
        vec!["open_preschool"],
        vec!["open_preschool", "child_health", "open_preschool"],
        vec!["maternal"],
        vec![],
        vec!["open_preschool", "social_services"],
        vec!["child_health"],
    ];
    let d = Distribution::from_multiple_answers("services", &options, responses).expect("valid");
    let s = shown(d.shares(five()));
    assert_eq!(s.choice, Choice::Multiple);
    assert_eq!(s.n, 6, "the response that picked nothing did not answer");
    let counts: Vec<u32> = s.rows.iter().map(|r| r.count).collect();
    assert_eq!(
        counts,
        [4, 3, 1, 1],
        "a key picked twice in one response counts once"
    );
    assert_eq!(percents(&s), [67, 50, 17, 17]);
    assert_eq!(s.rounding, None);
    assert_eq!(s.lowest, ["maternal", "social_services"]);
}

#[test]
fn multiple_choice_counts_cannot_exceed_the_responses() {
    let err = Distribution::from_multiple_counts("q", [("a", 7), ("b", 2)], 6);
    assert!(matches!(
        err,
        Err(ResultsError::MoreThanResponses { count: 7, .. })
    ));
    let d = Distribution::from_multiple_counts("q", [("a", 6), ("b", 6)], 6).expect("valid");
    assert_eq!(percents(&shown(d.shares(five()))), [100, 100]);
}

#[test]
fn answers_are_counted_per_option_and_unknown_keys_refused() {
    let d =
        Distribution::from_answers("q", &["yes", "no"], ["yes", "no", "yes", "yes", "no"]).expect("valid");
    let s = shown(d.shares(five()));
    assert_eq!((s.rows[0].count, s.rows[1].count, s.n), (3, 2, 5));
    assert_eq!(
        Distribution::from_answers("q", &["yes", "no"], ["yes", "maybe"]),
        Err(ResultsError::UnknownOption("maybe".into()))
    );
    assert_eq!(
        Distribution::from_counts("q", [("a", 1), ("a", 2)]),
        Err(ResultsError::DuplicateOption("a".into()))
    );
}

#[test]
fn highest_and_lowest_list_ties_in_option_order() {
    let d =
        Distribution::from_counts("q", [("a", 3), ("b", 1), ("c", 3), ("d", 1), ("e", 2)]).expect("valid");
    let s = shown(d.shares(five()));
    assert_eq!(s.highest, ["a", "c"]);
    assert_eq!(s.lowest, ["b", "d"]);
    let even = Distribution::from_counts("q", [("a", 3), ("b", 3)]).expect("valid");
    let s = shown(even.shares(five()));
    assert_eq!((s.highest.len(), s.lowest.len()), (2, 2));
}

#[test]
fn adjacent_options_merge_into_one_row() {
    let merged = finance()
        .merge(&["completely", "large_extent"])
        .expect("adjacent");
    let keys: Vec<&str> = merged.keys().collect();
    assert_eq!(
        keys,
        [
            "dont_know",
            "not_at_all",
            "some_extent",
            "large_extent+completely"
        ]
    );
    let s = shown(merged.shares(five()));
    assert_eq!(s.rows[3].count, 13);
    assert_eq!(percents(&s), [4, 15, 33, 48]);
    let twice = merged
        .merge(&["some_extent", "large_extent+completely"])
        .expect("adjacent");
    assert_eq!(twice.keys().last(), Some("some_extent+large_extent+completely"));
}

#[test]
fn merging_refuses_options_that_are_not_next_to_each_other() {
    assert!(matches!(
        finance().merge(&["not_at_all", "large_extent"]),
        Err(ResultsError::NotAdjacent(_))
    ));
    assert_eq!(
        finance().merge(&["large_extent", "fully"]),
        Err(ResultsError::UnknownOption("fully".into()))
    );
    assert_eq!(
        finance().merge(&["large_extent"]),
        Err(ResultsError::TooFewToMerge)
    );
    assert_eq!(
        finance().merge(&["large_extent", "large_extent"]),
        Err(ResultsError::DuplicateOption("large_extent".into()))
    );
    let multiple = Distribution::from_multiple_counts("q", [("a", 3), ("b", 3)], 5).expect("valid");
    assert!(matches!(
        multiple.merge(&["a", "b"]),
        Err(ResultsError::MultipleChoice(_))
    ));
}

#[test]
fn the_mean_leaves_out_dont_know() {
    let scale = Scale::new(["1", "2", "3", "4"], ["dont_know"]).expect("valid");
    let d = Distribution::from_counts(
        "thriving",
        [("1", 2), ("2", 3), ("3", 4), ("4", 1), ("dont_know", 5)],
    )
    .expect("valid");
    let m = shown(d.mean(&scale, five()).expect("on the scale"));
    assert_eq!(
        m,
        Mean {
            count: 10,
            hundredths: Some(240)
        }
    );
    assert_eq!(m.text(',').as_deref(), Some("2,40"));
    let thirds = Distribution::from_counts("q", [("1", 1), ("2", 1), ("3", 1), ("4", 0), ("dont_know", 3)])
        .expect("valid");
    let m = shown(thirds.mean(&scale, five()).expect("on the scale"));
    assert_eq!(m.hundredths, Some(200));
    let only_dont_know = Distribution::from_counts("q", [("1", 0), ("dont_know", 6)]).expect("valid");
    let m = shown(only_dont_know.mean(&scale, five()).expect("on the scale"));
    assert_eq!((m.count, m.hundredths, m.text(',')), (0, None, None));
}

#[test]
fn the_mean_rounds_half_up_and_refuses_options_off_the_scale() {
    let scale = Scale::new(["low", "high"], Vec::<String>::new()).expect("valid");
    // 7 × 1 + 1 × 2 over 8 = 1.125
    let d = Distribution::from_counts("q", [("low", 7), ("high", 1)]).expect("valid");
    assert_eq!(
        shown(d.mean(&scale, five()).expect("valid")).hundredths,
        Some(113)
    );
    let off = Distribution::from_counts("q", [("low", 7), ("other", 1)]).expect("valid");
    assert_eq!(
        off.mean(&scale, five()),
        Err(ResultsError::OffScale("other".into()))
    );
    assert!(Scale::new(["a", "b"], ["a"]).is_err());
}

#[test]
fn the_threshold_is_never_below_five() {
    assert_eq!(Threshold::new(0).get(), 5);
    assert_eq!(Threshold::new(3).get(), 5);
    assert_eq!(Threshold::new(5).get(), 5);
    assert_eq!(Threshold::new(8).get(), 8);
    assert_eq!(Threshold::default().get(), 5);
}

#[test]
fn a_centre_with_four_answers_is_suppressed() {
    let d = Distribution::from_counts("q", [("yes", 3), ("no", 1)]).expect("valid");
    assert_eq!(d.shares(Threshold::new(3)), Shown::Suppressed);
    assert_eq!(
        d.mean(
            &Scale::new(["no", "yes"], Vec::<String>::new()).expect("valid"),
            five()
        ),
        Ok(Shown::Suppressed)
    );
    let s = suppress(&[Cell::root("centre", 4)], Threshold::new(5)).expect("a tree");
    assert_eq!(s.reason("centre"), Some(Reason::TooFew));
    assert_eq!(d.shares(s.gate("centre")), Shown::Suppressed);
    let json = serde_json::to_value(d.shares(five())).expect("json");
    assert_eq!(json, serde_json::json!({ "status": "suppressed" }));
}

/// A municipality of 30 answers and its three centres.
fn municipality(a: u32, b: u32, c: u32) -> Vec<Cell> {
    vec![
        Cell::root("m", a + b + c),
        Cell::child("a", "m", a),
        Cell::child("b", "m", b),
        Cell::child("c", "m", c),
    ]
}

#[test]
fn a_small_centre_takes_its_smallest_sibling_with_it() {
    let s = suppress(&municipality(4, 12, 14), Threshold::new(5)).expect("a tree");
    assert_eq!(s.reason("a"), Some(Reason::TooFew));
    assert_eq!(s.reason("b"), Some(Reason::Complementary));
    assert!(!s.is_suppressed("c"));
    assert!(!s.is_suppressed("m"));
    // The municipality minus the shown centre leaves a and b together: 16.
    let d = Distribution::from_counts("q", [("yes", 10), ("no", 4)]).expect("valid");
    assert!(d.shares(s.gate("c")).value().is_some());
    assert!(d.shares(s.gate("b")).is_suppressed());
    assert!(d.shares(s.gate("not-in-the-tree")).is_suppressed());
}

#[test]
fn two_small_centres_together_below_the_threshold_take_a_third() {
    let s = suppress(&municipality(2, 2, 20), Threshold::new(5)).expect("a tree");
    assert_eq!(s.reason("a"), Some(Reason::TooFew));
    assert_eq!(s.reason("b"), Some(Reason::TooFew));
    assert_eq!(s.reason("c"), Some(Reason::Complementary));
    assert!(!s.is_suppressed("m"));
    let enough = suppress(&municipality(3, 3, 20), Threshold::new(5)).expect("a tree");
    assert!(
        !enough.is_suppressed("c"),
        "3 + 3 hidden already protect each other"
    );
}

#[test]
fn the_only_centre_of_a_municipality_takes_the_municipality_with_it() {
    // m1's only centre is small; the other nine named no centre.
    let cells = [
        Cell::root("region", 62),
        Cell::child("m1", "region", 12),
        Cell::child("m1-a", "m1", 3),
        Cell::child("m2", "region", 20),
        Cell::child("m3", "region", 30),
    ];
    let s = suppress(&cells, Threshold::new(5)).expect("a tree");
    assert_eq!(s.reason("m1-a"), Some(Reason::TooFew));
    assert_eq!(s.reason("m1"), Some(Reason::Complementary));
    assert_eq!(
        s.reason("m2"),
        Some(Reason::Complementary),
        "so m1 is not region minus the rest"
    );
    assert!(!s.is_suppressed("m3"));
    assert!(!s.is_suppressed("region"));
}

#[test]
fn empty_cells_are_hidden_but_protect_nothing() {
    let cells = [
        Cell::root("m", 30),
        Cell::child("a", "m", 4),
        Cell::child("b", "m", 0),
        Cell::child("c", "m", 26),
    ];
    let s = suppress(&cells, Threshold::new(5)).expect("a tree");
    assert_eq!(s.reason("b"), Some(Reason::NoAnswers));
    assert_eq!(s.reason("c"), Some(Reason::Complementary));
    let all_empty = suppress(
        &[
            Cell::root("m", 9),
            Cell::child("a", "m", 9),
            Cell::child("b", "m", 0),
        ],
        Threshold::new(5),
    )
    .expect("a tree");
    assert!(!all_empty.is_suppressed("m"));
    assert!(
        !all_empty.is_suppressed("a"),
        "an empty sibling needs no protection"
    );
}

#[test]
fn a_small_uncovered_part_of_a_parent_is_protected() {
    // 3 answers in m named no centre: m minus a and b would show them.
    let cells = [
        Cell::root("m", 23),
        Cell::child("a", "m", 8),
        Cell::child("b", "m", 12),
    ];
    let s = suppress(&cells, Threshold::new(5)).expect("a tree");
    assert_eq!(s.reason("a"), Some(Reason::Complementary));
    assert_eq!(s.reason("b"), Some(Reason::Complementary));
    assert!(!s.is_suppressed("m"));
}

#[test]
fn a_deep_tree_settles_from_the_bottom_up() {
    // region → municipalities → centres → respondent groups
    let cells = [
        Cell::root("region", 150),
        Cell::child("m1", "region", 60),
        Cell::child("m2", "region", 50),
        Cell::child("m3", "region", 40),
        Cell::child("m1-c1", "m1", 30),
        Cell::child("m1-c2", "m1", 30),
        Cell::child("m1-c1-staff", "m1-c1", 27),
        Cell::child("m1-c1-managers", "m1-c1", 3),
        Cell::child("m2-c1", "m2", 50),
        Cell::child("m3-c1", "m3", 36),
        Cell::child("m3-c2", "m3", 4),
    ];
    let s = suppress(&cells, Threshold::new(5)).expect("a tree");
    let hidden: Vec<(&str, Reason)> = s.iter().collect();
    assert_eq!(
        hidden,
        [
            ("m1-c1-managers", Reason::TooFew),
            ("m1-c1-staff", Reason::Complementary),
            ("m3-c1", Reason::Complementary),
            ("m3-c2", Reason::TooFew),
        ]
    );
    check_rules(&cells, &s, 5);
}

#[test]
fn a_complement_is_not_rebuilt_from_its_own_children() {
    // c is the smallest sibling of the small a, but its children are shown
    // and add up to it: one of them is hidden too.
    let cells = [
        Cell::root("m", 44),
        Cell::child("a", "m", 4),
        Cell::child("c", "m", 10),
        Cell::child("d", "m", 30),
        Cell::child("c-x", "c", 5),
        Cell::child("c-y", "c", 5),
    ];
    let s = suppress(&cells, Threshold::new(5)).expect("a tree");
    assert_eq!(s.reason("c"), Some(Reason::Complementary));
    assert_eq!(s.reason("c-x"), Some(Reason::Complementary));
    assert!(!s.is_suppressed("c-y"));
    assert!(!s.is_suppressed("d"));
    check_rules(&cells, &s, 5);
}

#[test]
fn a_tree_with_a_duplicate_an_unknown_parent_or_a_cycle_is_refused() {
    let t = Threshold::new(5);
    assert_eq!(
        suppress(&[Cell::root("a", 5), Cell::root("a", 6)], t),
        Err(ResultsError::DuplicateCell("a".into()))
    );
    assert!(matches!(
        suppress(&[Cell::child("a", "nowhere", 5)], t),
        Err(ResultsError::UnknownParent { .. })
    ));
    assert!(matches!(
        suppress(&[Cell::child("a", "b", 5), Cell::child("b", "a", 5)], t),
        Err(ResultsError::Cycle(_))
    ));
}

#[test]
fn groups_side_by_side_are_aligned_by_option_and_hidden_on_their_own() {
    let coordinators = Distribution::from_counts(
        "finance_clear",
        [("not_at_all", 3), ("large_extent", 9), ("completely", 3)],
    )
    .expect("valid");
    let small = Distribution::from_counts("finance_clear", [("some_extent", 4)]).expect("valid");
    let c = side_by_side([
        ("managers", &finance(), five()),
        ("coordinators", &coordinators, five()),
        ("steering", &small, five()),
    ])
    .expect("same question");
    assert_eq!(c.keys, CLARITY);
    let coord = shown(c.columns[1].shares.clone());
    let cells: Vec<Option<u32>> = coord.rows.iter().map(|r| r.as_ref().map(|r| r.percent)).collect();
    assert_eq!(cells, [None, Some(20), None, Some(60), Some(20)]);
    assert!(c.columns[2].shares.is_suppressed());
    let other = Distribution::from_counts("other", [("a", 9)]).expect("valid");
    assert!(matches!(
        side_by_side([("a", &finance(), five()), ("b", &other, five())]),
        Err(ResultsError::DifferentQuestions(..))
    ));
    assert_eq!(
        side_by_side(Vec::<(&str, &Distribution, Gate)>::new()),
        Err(ResultsError::NothingToCompare)
    );
}

#[test]
fn a_trend_hides_each_round_on_its_own() {
    let y2024 =
        Distribution::from_counts("finance_clear", [("not_at_all", 2), ("completely", 2)]).expect("valid");
    let y2025 = finance();
    let t = trend([("2024", &y2024, five()), ("2025", &y2025, five())]).expect("same question");
    assert_eq!(t.columns[0].label, "2024");
    assert!(t.columns[0].shares.is_suppressed());
    assert_eq!(shown(t.columns[1].shares.clone()).n, 27);
}

/// The rules every suppression must keep, checked from the outside.
fn check_rules(cells: &[Cell], s: &Suppression, k: u64) {
    for cell in cells {
        if (1..k).contains(&u64::from(cell.n)) {
            assert!(
                s.is_suppressed(&cell.id),
                "{} has {} answers but is shown",
                cell.id,
                cell.n
            );
        }
        let children: Vec<&Cell> = cells
            .iter()
            .filter(|c| c.parent.as_deref() == Some(cell.id.as_str()))
            .collect();
        if children.is_empty() {
            continue;
        }
        let shown: u64 = children
            .iter()
            .filter(|c| !s.is_suppressed(&c.id))
            .map(|c| u64::from(c.n))
            .sum();
        let left = u64::from(cell.n).saturating_sub(shown);
        if s.is_suppressed(&cell.id) {
            assert!(
                cell.n == 0 || left > 0,
                "hidden {} is the sum of its shown children",
                cell.id
            );
            continue;
        }
        assert!(
            left == 0 || left >= k,
            "{} minus its shown children leaves {left}",
            cell.id
        );
        let hidden = children
            .iter()
            .filter(|c| c.n > 0 && s.is_suppressed(&c.id))
            .count();
        assert!(hidden != 1, "{} has exactly one hidden child", cell.id);
    }
}

/// A random tree: each cell's answers are its children's plus a few that
/// named none of them; ids are indices, parents come first.
fn tree() -> impl Strategy<Value = Vec<Cell>> {
    proptest::collection::vec((any::<prop::sample::Index>(), 0u32..12, 0u32..3), 1..40).prop_map(|specs| {
        let mut parent: Vec<Option<usize>> = vec![None];
        let mut own: Vec<u32> = vec![0];
        for (p, leaf, extra) in specs {
            parent.push(Some(p.index(parent.len())));
            own.push(if leaf % 4 == 0 { extra } else { leaf });
        }
        let mut n = own.clone();
        for i in (1..n.len()).rev() {
            if let Some(p) = parent[i] {
                n[p] += n[i];
            }
        }
        (0..n.len())
            .map(|i| Cell {
                id: i.to_string(),
                parent: parent[i].map(|p| p.to_string()),
                n: n[i],
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn no_small_cell_and_no_single_hidden_child_is_ever_shown(cells in tree(), k in 0u32..9) {
        let threshold = Threshold::new(k);
        let s = suppress(&cells, threshold).expect("a tree");
        check_rules(&cells, &s, u64::from(threshold.get()));
    }
}
