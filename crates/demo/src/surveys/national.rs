//! The synthetic country's surveys: a yearly visitor survey in every region
//! for ten years, at every centre, about a million responses in all at full
//! size — written in bulk, one transaction per round, with the kept counts
//! rebuilt once per round.

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use samverka_app::Ctx;
use samverka_app::seed::{NewResponse, RoundCentre, RoundInput, Seeder};
use samverka_core::surveys::round::{Channel, RespondentGroup};

use super::{Mood, respond};

/// Responses per centre and year at full size: 500 centres × 10 years ×
/// 200 = a million.
pub const RESPONSES_PER_CENTRE_YEAR: usize = 200;

/// Years of yearly visitor surveys.
pub const YEARS: i32 = 10;

/// Responses generated before they are written in one go.
const BATCH: usize = 2_000;

/// A region of the country as the survey loader needs it.
pub struct RegionCentres {
    /// The region.
    pub region_id: i64,
    /// Its centres.
    pub centres: Vec<i64>,
}

fn code() -> String {
    use rand::RngCore;
    let mut b = [0u8; 10];
    rand::rng().fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Loads ten autumns of the adult visitor survey into every region,
/// `per_centre` responses per centre and year; `step` is called after
/// every thousand responses.
pub async fn load(
    ctx: &Ctx,
    regions: &[RegionCentres],
    per_centre: usize,
    seed_value: u64,
    step: &mut dyn FnMut(u64),
) -> anyhow::Result<()> {
    samverka_app::surveys::instruments::install_builtin(ctx)
        .await
        .context("installing the built-in surveys")?;
    let today = ctx.today;
    let mut rng = StdRng::seed_from_u64(seed_value);
    let mut pending = 0u64;
    for r in regions {
        for year in (today.year() - YEARS + 1)..=today.year() {
            let (Some(opens), Some(closes)) = (
                NaiveDate::from_ymd_opt(year, 9, 15),
                NaiveDate::from_ymd_opt(year, 10, 26),
            ) else {
                continue;
            };
            if opens > today {
                continue;
            }
            let mut seed = Seeder::begin(ctx).await?;
            let versions = seed.builtin_versions().await?;
            let (_, version_id, def) = versions
                .into_iter()
                .find(|(k, _, _)| k == "visitor_adult")
                .context("the adult visitor survey is not installed")?;
            let round_id = seed
                .round(&RoundInput {
                    region_id: r.region_id,
                    version_id,
                    title: format!("Besöksenkät {year}"),
                    respondent_group: RespondentGroup::Visitors,
                    opens_on: opens,
                    closes_on: closes,
                    centres: r
                        .centres
                        .iter()
                        .map(|c| RoundCentre {
                            centre_id: *c,
                            link_code: code(),
                        })
                        .collect(),
                })
                .await?;
            // Each year a little better than the one before.
            let base = 0.2 + 0.04 * f64::from(year - (today.year() - YEARS + 1));
            let span = u64::try_from((closes - opens).num_days()).unwrap_or(0);
            let mut batch = Vec::with_capacity(BATCH);
            for (i, centre) in r.centres.iter().enumerate() {
                let mood = Mood(base + 0.25 * ((i % 7) as f64 / 6.0 - 0.5));
                for _ in 0..per_centre {
                    let lang = match rng.random_range(0..100) {
                        0..80 => "sv",
                        80..88 => "en",
                        88..96 => "ar",
                        _ => "fa",
                    };
                    let answers = respond(&def, lang, &mut rng, mood, &|_| None)?;
                    let on = opens + chrono::Days::new(rng.random_range(0..=span));
                    let channel = if rng.random_range(0..100) < 12 {
                        Channel::Paper
                    } else {
                        Channel::Link
                    };
                    batch.push((Some(*centre), lang, channel, on, answers));
                    if batch.len() == BATCH {
                        write(&mut seed, round_id, &batch).await?;
                        pending += batch.len() as u64;
                        batch.clear();
                        step(pending / 1000);
                        pending %= 1000;
                    }
                }
            }
            write(&mut seed, round_id, &batch).await?;
            pending += batch.len() as u64;
            step(pending / 1000);
            pending %= 1000;
            seed.rebuild_counts(round_id).await?;
            seed.commit().await?;
        }
    }
    Ok(())
}

type Pending = (
    Option<i64>,
    &'static str,
    Channel,
    NaiveDate,
    samverka_core::surveys::response::Answers,
);

async fn write(seed: &mut Seeder, round_id: i64, batch: &[Pending]) -> anyhow::Result<()> {
    let list: Vec<NewResponse<'_>> = batch
        .iter()
        .map(|(centre_id, language, channel, on, answers)| NewResponse {
            centre_id: *centre_id,
            language,
            channel: *channel,
            submitted_on: *on,
            answers,
        })
        .collect();
    Ok(seed.responses_bulk(round_id, &list).await?)
}
