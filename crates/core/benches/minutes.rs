//! Rendering minutes: the slowest documents that `check` accepts, and the
//! hostile documents it refuses (which used to take seconds to render).
//!
//! `cargo bench -p samverka-core --bench minutes`

#![expect(missing_docs, reason = "criterion's macros generate undocumented items")]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use samverka_core::governance::minutes::{MAX_BYTES, MAX_DEPTH, check, render};

/// `unit` repeated to fill the size limit.
fn fill(unit: &str) -> String {
    let mut text = unit.repeat(MAX_BYTES / unit.len());
    text.truncate(text.floor_char_boundary(MAX_BYTES));
    text
}

fn accepted() -> Vec<(&'static str, String)> {
    let deep_list: String = (0..MAX_DEPTH).map(|i| "  ".repeat(i) + "- x\n").collect();
    let mut table = String::from("| a | b | c |\n|---|:-:|--:|\n");
    while table.len() < MAX_BYTES - 30 {
        table.push_str("| 1 | **2** | [3](x) |\n");
    }
    let bold_paragraphs: String = (0..)
        .map(|i| format!("x<b id={i}>y\n\n"))
        .scan(0, |len, line| {
            *len += line.len();
            (*len <= MAX_BYTES).then_some(line)
        })
        .collect();
    vec![
        ("lists MAX_DEPTH deep", fill(&(deep_list + "\n"))),
        (
            "emphasis MAX_DEPTH deep",
            fill(&("*a ".repeat(MAX_DEPTH) + "b" + &" c*".repeat(MAX_DEPTH) + "\n\n")),
        ),
        ("star bracket", fill("*[")),
        ("star a", fill("*a")),
        ("brackets", fill("[")),
        ("table", table),
        ("flat list", fill("- x\n")),
        ("misnested html", fill("<span><div></span>")),
        ("unclosed bold per paragraph", bold_paragraphs),
        (
            "plain paragraphs",
            fill("Mötet beslutade att godkänna dagordningen.\n\n"),
        ),
    ]
}

fn refused() -> Vec<(&'static str, String)> {
    vec![
        (
            "nested list 40 kB",
            (0..200).map(|i| "  ".repeat(i) + "- x\n").collect(),
        ),
        ("one-line lists 40 kB", "- ".repeat(20_000) + "x\n"),
        ("quotes 100 kB", ">".repeat(MAX_BYTES - 3) + " x\n"),
        ("divs 100 kB", fill("<div>")),
    ]
}

fn minutes(c: &mut Criterion) {
    let mut group = c.benchmark_group("render accepted");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (name, md) in accepted() {
        assert!(check(&md).is_ok(), "{name} should be accepted");
        group.bench_function(name, |b| b.iter(|| render(black_box(&md))));
    }
    group.finish();

    let mut group = c.benchmark_group("check refused");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    for (name, md) in refused() {
        assert!(check(&md).is_err(), "{name} should be refused");
        group.bench_function(name, |b| b.iter(|| check(black_box(&md))));
    }
    group.finish();
}

criterion_group!(benches, minutes);
criterion_main!(benches);
