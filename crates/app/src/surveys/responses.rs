//! Responses (*svar*): sent through a centre's anonymous link, with a
//! personal invitation's token, or keyed in from a paper form. Each is
//! checked against its version and its own routing, then stored with the
//! day it came in and nothing about who sent it.

use samverka_core::surveys::definition::Definition;
use samverka_core::surveys::response::{Answers, validate};
use samverka_core::surveys::round::Channel;
use samverka_store::surveys::instruments;
use samverka_store::surveys::invitations;
use samverka_store::surveys::responses;
use samverka_store::surveys::rounds::{self, Round};
use serde_json::{Map, Value};

use super::answers_refused;
use crate::accounts::passwords::hash_secret;
use crate::ctx::commit_anonymous;
use crate::{App, Ctx, Error, Result};

/// A round as a respondent meets it: the round, its version's definition
/// and the centre the link or invitation is for.
#[derive(Debug, Clone)]
pub struct Survey {
    /// The round.
    pub round: Round,
    /// What it asks.
    pub definition: Definition,
    /// The centre the answers are for.
    pub centre_id: Option<i64>,
}

/// 409 `round-not-open` before the first day, `round-closed` after the last.
fn open_on(round: &Round, today: chrono::NaiveDate) -> Result<()> {
    if today < round.opens_on {
        return Err(Error::Conflict("round-not-open"));
    }
    if today > round.closes_on {
        return Err(Error::Conflict("round-closed"));
    }
    Ok(())
}

async fn definition_of(c: &mut samverka_store::Conn, round: &Round) -> Result<Definition> {
    Ok(instruments::get_version(c, round.version_id).await?.definition)
}

/// The survey behind an anonymous link, while its round is open.
pub async fn by_link(app: &App, code: &str) -> Result<Survey> {
    let mut c = app.db().read().await?;
    let (round, centre_id) = rounds::by_link(&mut c, code).await?;
    open_on(&round, app.today())?;
    let definition = definition_of(&mut c, &round).await?;
    Ok(Survey {
        round,
        definition,
        centre_id: Some(centre_id),
    })
}

/// The survey behind an invitation's token, while it is unused and its
/// round open (409 `token-used` once answered).
pub async fn by_token(app: &App, token: &str) -> Result<Survey> {
    let mut c = app.db().read().await?;
    let (round, centre_id) = invitations::peek_token(&mut c, &hash_secret(token)).await?;
    open_on(&round, app.today())?;
    let definition = definition_of(&mut c, &round).await?;
    Ok(Survey {
        round,
        definition,
        centre_id,
    })
}

/// Checks a whole response against the survey: its language, every answer,
/// and the routing its answers give.
fn checked(survey: &Survey, language: &str, raw: &Map<String, Value>) -> Result<Answers> {
    validate(&survey.definition, language, raw).map_err(answers_refused)
}

/// Takes a response sent through an anonymous link. The day is the
/// server's; nothing else about the sender is kept.
pub async fn submit_by_link(app: &App, code: &str, language: &str, raw: &Map<String, Value>) -> Result<()> {
    let survey = by_link(app, code).await?;
    let answers = checked(&survey, language, raw)?;
    let mut tx = app.db().write().await?;
    responses::insert(
        &mut tx,
        survey.round.id,
        survey.centre_id,
        language,
        Channel::Link,
        app.today(),
        &answers,
    )
    .await?;
    commit_anonymous(tx).await
}

/// Takes a response sent with an invitation's token. The token is spent in
/// the same transaction (of two sent at once, one is taken and the other
/// gets 409 `token-used`); the response keeps no trace of it.
pub async fn submit_by_token(app: &App, token: &str, language: &str, raw: &Map<String, Value>) -> Result<()> {
    let survey = by_token(app, token).await?;
    let answers = checked(&survey, language, raw)?;
    let mut tx = app.db().write().await?;
    let (round, centre_id) = invitations::use_token(&mut tx, &hash_secret(token)).await?;
    responses::insert(
        &mut tx,
        round.id,
        centre_id,
        language,
        Channel::Invitation,
        app.today(),
        &answers,
    )
    .await?;
    commit_anonymous(tx).await
}

/// Keys in a paper form's answers for a centre of a round (those who edit
/// the centre), from the round's first day on, marked as paper.
pub async fn submit_paper(
    ctx: &Ctx,
    round_id: i64,
    centre_id: i64,
    language: &str,
    raw: &Map<String, Value>,
) -> Result<()> {
    let mut tx = ctx.write().await?;
    let round = rounds::get(&mut tx, round_id).await?;
    Error::require(ctx.actor.can_edit_centre(round.region_id, centre_id))?;
    if !round.has_centre(centre_id) {
        return Err(Error::field("centre_id", "invalid-choice"));
    }
    if ctx.today < round.opens_on {
        return Err(Error::Conflict("round-not-open"));
    }
    let definition = definition_of(&mut tx, &round).await?;
    let answers = validate(&definition, language, raw).map_err(answers_refused)?;
    responses::insert(
        &mut tx,
        round.id,
        Some(centre_id),
        language,
        Channel::Paper,
        ctx.today,
        &answers,
    )
    .await?;
    ctx.commit(tx).await
}
