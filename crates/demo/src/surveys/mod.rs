//! Survey demo data: rounds of the built-in surveys with plausible answers,
//! made by one generator that answers a survey the way a respondent would —
//! page by page, under the survey's own routing — so that every response
//! passes the same validation a real one does.

pub mod county;
pub mod national;

use rand::Rng;
use rand::rngs::StdRng;
use samverka_core::surveys::definition::{Definition, Question, QuestionType};
use samverka_core::surveys::response::{Answer, Answers, validate};
use samverka_core::surveys::routing::route;

/// How a respondent leans: `0.0` neutral, up to `1.0` very content.
#[derive(Debug, Clone, Copy)]
pub struct Mood(pub f64);

/// A few comments in the respondents' own words, for free-text questions.
const COMMENTS: &[&str] = &[
    "Personalen är alltid vänlig och tar sig tid.",
    "Önskar att öppna förskolan var öppen fler eftermiddagar.",
    "Bra att allt finns på samma ställe.",
    "Svårt att hitta parkering vid besök.",
    "Vi har fått många nya vänner här.",
    "Mer information på andra språk skulle hjälpa.",
];

/// Picks an index by weights.
fn weighted(rng: &mut StdRng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut x = rng.random::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len().saturating_sub(1)
}

/// A plausible answer to one question, or `None` (skipped).
fn answer(q: &Question, rng: &mut StdRng, mood: Mood) -> Option<Answer> {
    let m = mood.0.clamp(0.0, 1.0);
    if !q.required && rng.random::<f64>() < 0.04 {
        return None;
    }
    let options = q.options();
    match q.kind {
        QuestionType::Scale5 => {
            // The five steps of the scale, "don't know" first.
            let w = [0.05, 0.08 - 0.05 * m, 0.3 - 0.1 * m, 0.33, 0.24 + 0.2 * m];
            Some(Answer::Choice(options.get(weighted(rng, &w))?.key.clone()))
        }
        QuestionType::Scale4 => {
            let w = [0.07 - 0.04 * m, 0.23 - 0.08 * m, 0.42, 0.28 + 0.12 * m];
            Some(Answer::Choice(options.get(weighted(rng, &w))?.key.clone()))
        }
        QuestionType::SingleChoice => {
            let w: Vec<f64> = (0..options.len()).map(|i| 1.0 / (1.0 + i as f64)).collect();
            Some(Answer::Choice(options.get(weighted(rng, &w))?.key.clone()))
        }
        QuestionType::MultipleChoice => {
            // One or two of the first options (the last ones are often
            // "none of these" or "don't know").
            let usable = options.len().saturating_sub(2).max(1);
            let first = rng.random_range(0..usable);
            let mut keys = vec![options.get(first)?.key.clone()];
            if usable > 1 && rng.random::<f64>() < 0.4 {
                let second = (first + 1 + rng.random_range(0..usable - 1)) % usable;
                keys.push(options.get(second)?.key.clone());
            }
            Some(Answer::Choices(keys))
        }
        QuestionType::YesNo => Some(Answer::YesNo {
            value: rng.random::<f64>() < 0.7 + 0.25 * m,
            comment: None,
        }),
        QuestionType::Number => {
            let (lo, hi) = (
                q.min.unwrap_or(0),
                q.max.unwrap_or(12).min(q.min.unwrap_or(0) + 12),
            );
            Some(Answer::Number(rng.random_range(lo..=hi.max(lo))))
        }
        QuestionType::ShortText | QuestionType::LongText => (rng.random::<f64>() < 0.15)
            .then(|| Answer::Text(COMMENTS[rng.random_range(0..COMMENTS.len())].to_string())),
    }
}

/// Answers a survey page by page under its routing, taking `fixed` answers
/// where given (by question key) and plausible ones elsewhere; stops where
/// the survey ends early. The result passes [`validate`] (checked).
pub fn respond(
    def: &Definition,
    language: &str,
    rng: &mut StdRng,
    mood: Mood,
    fixed: &dyn Fn(&str) -> Option<Answer>,
) -> anyhow::Result<Answers> {
    let mut answers = Answers::new();
    for block in &def.blocks {
        let r = route(def, &answers);
        if r.end().is_some() {
            break;
        }
        if r.page(&block.key).is_none() {
            continue;
        }
        for q in &block.questions {
            if !route(def, &answers).is_visible(&q.key) {
                continue;
            }
            if let Some(a) = fixed(&q.key).or_else(|| answer(q, rng, mood)) {
                answers.insert(q.key.clone(), a);
            }
        }
    }
    validate(def, language, &answers.to_raw())
        .map_err(|e| anyhow::anyhow!("a generated response to {} is not valid: {e:?}", def.key))
}
