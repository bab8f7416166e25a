//! The demo county's surveys: two autumns (2025 and 2026) of each built-in
//! survey at Uppsala's centres, a visitor round open now, and the 2025
//! governance follow-up whose results resemble the county's 2025 report
//! (coordinators: 15 of 18 answered; management and steering: 73 of 110,
//! 51 of them past the screening question; finance clear to the 27
//! management members as 4 / 15 / 33 / 26 / 22 %).

use anyhow::Context;
use chrono::NaiveDate;
use rand::rngs::StdRng;
use rand::{Rng, RngCore, SeedableRng};
use samverka_app::seed::{NewInvitation, RoundCentre, RoundInput, Seeder};
use samverka_core::surveys::definition::Definition;
use samverka_core::surveys::response::Answer;
use samverka_core::surveys::round::{Channel, RespondentGroup};

use super::{Mood, respond};

const SEED: u64 = 20_251_015;

fn day(y: i32, m: u32, d: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).context("a demo date")
}

/// A random code or hash: the demo's links must be as unguessable as real ones.
fn secret(bytes: usize) -> String {
    let mut b = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A round to load.
struct Plan<'a> {
    survey: &'a str,
    title: &'a str,
    group: RespondentGroup,
    opens: NaiveDate,
    closes: NaiveDate,
    centres: &'a [i64],
}

async fn round(seed: &mut Seeder, region_id: i64, version_id: i64, p: &Plan<'_>) -> anyhow::Result<i64> {
    let input = RoundInput {
        region_id,
        version_id,
        title: p.title.to_string(),
        respondent_group: p.group,
        opens_on: p.opens,
        closes_on: p.closes,
        centres: p
            .centres
            .iter()
            .map(|c| RoundCentre {
                centre_id: *c,
                link_code: secret(10),
            })
            .collect(),
    };
    Ok(seed.round(&input).await?)
}

/// A day in a round's period, not after `today`.
fn some_day(rng: &mut StdRng, p: &Plan<'_>, today: NaiveDate) -> NaiveDate {
    let last = p.closes.min(today);
    let span = (last - p.opens).num_days().max(0);
    p.opens + chrono::Days::new(u64::try_from(rng.random_range(0..=span)).unwrap_or(0))
}

/// The language of one visitor's response.
fn visitor_language(rng: &mut StdRng, def: &Definition) -> String {
    let x = rng.random::<f64>();
    let tag = if x < 0.8 {
        "sv"
    } else if x < 0.88 {
        "en"
    } else if x < 0.96 {
        "ar"
    } else {
        "fa"
    };
    if def.language(tag).is_some() { tag } else { "sv" }.to_string()
}

/// Loads responses at each centre of a round: `per_centre` gives how many
/// at the i:th centre.
#[allow(clippy::too_many_arguments)]
async fn responses(
    seed: &mut Seeder,
    rng: &mut StdRng,
    round_id: i64,
    def: &Definition,
    p: &Plan<'_>,
    per_centre: &dyn Fn(usize, &mut StdRng) -> usize,
    mood: f64,
    visitors: bool,
) -> anyhow::Result<()> {
    let today = seed.today();
    for (i, centre) in p.centres.iter().enumerate() {
        let tilt = mood + 0.3 * ((i % 5) as f64 / 4.0 - 0.5);
        for _ in 0..per_centre(i, rng) {
            let lang = if visitors {
                visitor_language(rng, def)
            } else {
                "sv".to_string()
            };
            let channel = if visitors && rng.random::<f64>() < 0.15 {
                Channel::Paper
            } else {
                Channel::Link
            };
            let answers = respond(def, &lang, rng, Mood(tilt), &|_| None)?;
            let on = some_day(rng, p, today);
            seed.response(round_id, Some(*centre), &lang, channel, on, &answers)
                .await?;
        }
    }
    Ok(())
}

/// Invitations to a round without centres, `used` of `invited` answered,
/// sent to the region's people in turn (the demo has fewer people than
/// the county's real groups).
async fn invitations(
    seed: &mut Seeder,
    round_id: i64,
    people: &[i64],
    invited: usize,
    used: usize,
    on: NaiveDate,
) -> anyhow::Result<()> {
    anyhow::ensure!(!people.is_empty(), "the demo region has no people to invite");
    let invites: Vec<NewInvitation> = (0..invited)
        .map(|i| NewInvitation {
            person_id: people[i % people.len()],
            centre_id: None,
            token_hash: secret(32),
        })
        .collect();
    let answered: Vec<usize> = (0..used).collect();
    Ok(seed.invitations(round_id, &invites, &answered, on).await?)
}

/// Installs the built-in surveys and loads the demo county's survey rounds
/// into the region named `region` (loaded already), in one transaction.
pub async fn load(ctx: &samverka_app::Ctx, region: &str) -> anyhow::Result<()> {
    samverka_app::surveys::instruments::install_builtin(ctx)
        .await
        .context("installing the built-in surveys")?;
    let mut seed = Seeder::begin(ctx).await?;
    let (region_id, centres) = seed.region_named(region).await?;
    let people = seed.people_of(region_id).await?;
    write(&mut seed, region_id, &centres, &people)
        .await
        .context("writing the county's survey rounds")?;
    Ok(seed.commit().await?)
}

/// Loads the demo county's survey rounds into a region (`centres` are its
/// centres' ids; `people` its people's ids). The built-in surveys must be
/// installed.
async fn write(seed: &mut Seeder, region_id: i64, centres: &[i64], people: &[i64]) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(SEED);
    let versions = seed.builtin_versions().await?;
    let version = |key: &str| {
        versions
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, id, def)| (*id, def.clone()))
            .with_context(|| format!("the built-in survey {key} is not installed"))
    };
    let today = seed.today();

    // Two autumns of each yearly survey, 2026 a little better than 2025.
    for (year, mood) in [(2025, 0.35), (2026, 0.5)] {
        let opens = day(year, 9, 15)?;
        let closes = day(year, 10, 26)?;
        if opens > today {
            continue;
        }
        let yearly: [(&str, String, RespondentGroup, bool); 4] = [
            (
                "visitor_adult",
                format!("Besöksenkät hösten {year}"),
                RespondentGroup::Visitors,
                true,
            ),
            (
                "staff_environment",
                format!("Arbetsmiljö hösten {year}"),
                RespondentGroup::Staff,
                false,
            ),
            (
                "collaboration_spider",
                format!("Spindelmätning {year}"),
                RespondentGroup::Staff,
                false,
            ),
            (
                "centre_checklist",
                format!("Årlig uppföljning {year}"),
                RespondentGroup::LocalCoordinators,
                false,
            ),
        ];
        for (key, title, group, visitors) in yearly {
            let (version_id, def) = version(key)?;
            let plan = Plan {
                survey: key,
                title: &title,
                group,
                opens,
                closes,
                centres,
            };
            let id = round(seed, region_id, version_id, &plan).await?;
            let per_centre: &dyn Fn(usize, &mut StdRng) -> usize = match plan.survey {
                // One centre with very few visitors shows suppression.
                "visitor_adult" => &|i, rng| if i == 3 { 3 } else { rng.random_range(12..48) },
                "centre_checklist" => &|_, _| 1,
                _ => &|_, rng| rng.random_range(5..11),
            };
            responses(seed, &mut rng, id, &def, &plan, per_centre, mood, visitors)
                .await
                .with_context(|| format!("the round {title}"))?;
        }
    }

    // The children's survey in the autumn of 2026 at some centres.
    let (child_version, child_def) = version("visitor_child")?;
    let child = Plan {
        survey: "visitor_child",
        title: "Barnens enkät 2026",
        group: RespondentGroup::Visitors,
        opens: day(2026, 9, 15)?,
        closes: day(2026, 10, 26)?,
        centres: &centres[..centres.len().min(8)],
    };
    if child.opens <= today {
        let id = round(seed, region_id, child_version, &child).await?;
        responses(
            seed,
            &mut rng,
            id,
            &child_def,
            &child,
            &|_, rng| rng.random_range(6..20),
            0.6,
            true,
        )
        .await?;
    }

    // A visitor round open now, with its first responses.
    let (adult_version, adult_def) = version("visitor_adult")?;
    let now = Plan {
        survey: "visitor_adult",
        title: "Besöksenkät vintern 2026",
        group: RespondentGroup::Visitors,
        opens: day(2026, 11, 16)?,
        closes: day(2026, 12, 20)?,
        centres,
    };
    if now.opens <= today {
        let id = round(seed, region_id, adult_version, &now).await?;
        responses(
            seed,
            &mut rng,
            id,
            &adult_def,
            &now,
            &|i, rng| if i < 6 { rng.random_range(2..9) } else { 0 },
            0.5,
            true,
        )
        .await?;
    }

    governance(seed, &mut rng, region_id, centres, people, &version).await
}

/// The 2025 governance follow-up, for local coordinators and for the
/// management and steering groups, answered by invitation.
async fn governance(
    seed: &mut Seeder,
    rng: &mut StdRng,
    region_id: i64,
    centres: &[i64],
    people: &[i64],
    version: &dyn Fn(&str) -> anyhow::Result<(i64, Definition)>,
) -> anyhow::Result<()> {
    let opens = day(2025, 1, 13)?;
    let closes = day(2025, 2, 9)?;
    if opens > seed.today() {
        return Ok(());
    }
    let (coordinator_version, coordinator_def) = version("governance_coordinators")?;
    let plan = Plan {
        survey: "governance_coordinators",
        title: "Styrning och ledning 2025: lokala samordnare",
        group: RespondentGroup::LocalCoordinators,
        opens,
        closes,
        centres,
    };
    let id = round(seed, region_id, coordinator_version, &plan).await?;
    invitations(seed, id, people, 18, 15, opens).await?;
    for _ in 0..15 {
        let answers = respond(&coordinator_def, "sv", rng, Mood(0.4), &|_| None)?;
        let on = some_day(rng, &plan, seed.today());
        seed.response(id, None, "sv", Channel::Invitation, on, &answers)
            .await?;
    }

    let (management_version, management_def) = version("governance_management")?;
    let plan = Plan {
        survey: "governance_management",
        title: "Styrning och ledning 2025: lednings- och styrgrupper",
        group: RespondentGroup::Management,
        opens,
        closes,
        centres,
    };
    let id = round(seed, region_id, management_version, &plan).await?;
    invitations(seed, id, people, 110, 73, opens).await?;
    // The five steps of the scale, from "don't know" to the top:
    // 1 + 4 + 9 + 7 + 6 = 27 management members.
    let finance: Vec<&str> = [
        ("dont_know", 1),
        ("not_at_all", 4),
        ("some_extent", 9),
        ("large_extent", 7),
        ("completely", 6),
    ]
    .iter()
    .flat_map(|(k, n)| std::iter::repeat_n(*k, *n))
    .collect();
    for i in 0..73 {
        // 22 sit in none of the groups and end at the screening question;
        // 27 are in a management group; 24 in steering or preparation groups.
        let groups: Vec<String> = match i {
            0..22 => vec!["none".into()],
            22..49 => vec!["management".into()],
            _ if i % 3 == 0 => vec!["preparation".into()],
            _ => vec!["steering".into()],
        };
        let finance_answer = (22..49).contains(&i).then(|| finance[i - 22]);
        let fixed = move |key: &str| match key {
            "member_groups" => Some(Answer::Choices(groups.clone())),
            "finance_clarity" => finance_answer.map(|k| Answer::Choice(k.to_string())),
            _ => None,
        };
        let answers = respond(&management_def, "sv", rng, Mood(0.3), &fixed)?;
        let on = some_day(rng, &plan, seed.today());
        seed.response(id, None, "sv", Channel::Invitation, on, &answers)
            .await?;
    }
    Ok(())
}
