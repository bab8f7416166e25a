//! Responses (*svar*): sent through a centre's anonymous link, with a
//! personal invitation's token, or keyed in from a paper form. Each is
//! checked against its version and its own routing, then stored with the
//! day it came in and nothing about who sent it.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

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
    pub definition: Arc<Definition>,
    /// The centre the answers are for.
    pub centre_id: Option<i64>,
}

/// The published definitions rounds ask, each read and parsed once per
/// process: a published version never changes, so a response need not
/// read its survey's document again. Drafts are never kept.
#[derive(Debug, Default)]
pub(crate) struct Definitions(RwLock<HashMap<i64, Arc<Definition>>>);

/// Above this many versions kept, the list starts over.
const DEFINITIONS_KEPT: usize = 1000;

impl Definitions {
    /// The definition of a version: kept, or read (and kept if published).
    async fn get(&self, c: &mut samverka_store::Conn, version_id: i64) -> Result<Arc<Definition>> {
        if let Some(d) = self.0.read().ok().and_then(|m| m.get(&version_id).cloned()) {
            return Ok(d);
        }
        let version = instruments::get_version(c, version_id).await?;
        let published = version.is_published();
        let definition = Arc::new(version.definition);
        if published && let Ok(mut kept) = self.0.write() {
            if kept.len() >= DEFINITIONS_KEPT {
                kept.clear();
            }
            kept.insert(version_id, definition.clone());
        }
        Ok(definition)
    }
}

/// 409 `round-not-open` before the first day, `round-closed` after the last.
fn open_between(
    opens_on: chrono::NaiveDate,
    closes_on: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> Result<()> {
    if today < opens_on {
        return Err(Error::Conflict("round-not-open"));
    }
    if today > closes_on {
        return Err(Error::Conflict("round-closed"));
    }
    Ok(())
}

/// 409 unless the round takes answers today.
fn open_on(round: &Round, today: chrono::NaiveDate) -> Result<()> {
    open_between(round.opens_on, round.closes_on, today)
}

async fn definition_of(app: &App, c: &mut samverka_store::Conn, round: &Round) -> Result<Arc<Definition>> {
    app.definitions().get(c, round.version_id).await
}

/// The survey behind an anonymous link, while its round is open.
pub async fn by_link(app: &App, code: &str) -> Result<Survey> {
    let mut c = app.db().read().await?;
    let (round, centre_id) = rounds::by_link(&mut c, code).await?;
    open_on(&round, app.today())?;
    let definition = definition_of(app, &mut c, &round).await?;
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
    let definition = definition_of(app, &mut c, &round).await?;
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
/// server's; nothing else about the sender is kept. Lean, as the busiest
/// path of all: one query finds the link's round (its survey's definition
/// is read once per process), the answers are checked outside the write
/// transaction, and the responses sent at the same moment are stored in
/// one write transaction ([`super::intake`]); it returns once that is
/// committed.
pub async fn submit_by_link(app: &App, code: &str, language: &str, raw: &Map<String, Value>) -> Result<()> {
    let today = app.today();
    let mut c = app.db().read().await?;
    let target = rounds::link_target(&mut c, code).await?;
    open_between(target.opens_on, target.closes_on, today)?;
    let definition = app.definitions().get(&mut c, target.version_id).await?;
    drop(c);
    let answers = validate(&definition, language, raw).map_err(answers_refused)?;
    super::intake::store(app, target.round_id, target.centre_id, language, today, answers).await
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
    let definition = ctx.app.definitions().get(&mut tx, round.version_id).await?;
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
