//! Responses (*svar*): sent through a centre's anonymous link, with a
//! personal invitation's token, or keyed in from a paper form. Each is
//! checked against its version and its own routing, then stored with the
//! day it came in and nothing about who sent it.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use samverka_core::surveys::definition::Definition;
use samverka_core::surveys::response::{Answers, validate};
use samverka_core::surveys::round::Channel;
use samverka_store::surveys::instruments;
use samverka_store::surveys::invitations;
use samverka_store::surveys::responses;
use samverka_store::surveys::rounds::{self, Target};
use serde_json::{Map, Value};

use super::answers_refused;
use crate::accounts::passwords::hash_secret;
use crate::ctx::commit_anonymous;
use crate::{App, Ctx, Error, Result};

/// A round as a respondent meets it: the round, its version's definition
/// and the centre the link or invitation is for.
#[derive(Debug, Clone)]
pub struct Survey {
    /// The round's id.
    pub round_id: i64,
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

/// Where anonymous links lead, each kept for [`LINK_FRESH`] after it was
/// read: a visitor's walk through a survey asks for its link on every page,
/// and a busy round's link is asked for many times a second. A round's
/// centres, links, version and dates never change once it is created, so
/// what is kept stays true; it is read again after a while all the same,
/// so that a database restored under a running server is soon followed. A
/// code that leads nowhere is never kept, and the write transaction checks
/// again that the round is there and the centre takes part in it.
#[derive(Debug, Default)]
pub(crate) struct Links(RwLock<HashMap<String, (Instant, Target)>>);

/// How long a link's target is kept.
const LINK_FRESH: Duration = Duration::from_secs(30);

/// Above this many links kept, the list starts over.
const LINKS_KEPT: usize = 20_000;

impl Links {
    /// The target of an anonymous link's code: kept, or read and kept.
    async fn get(&self, c: &mut samverka_store::Conn, code: &str) -> Result<Target> {
        let kept = self.0.read().ok().and_then(|m| m.get(code).cloned());
        if let Some((read_at, target)) = kept
            && read_at.elapsed() < LINK_FRESH
        {
            return Ok(target);
        }
        let target = rounds::link_target(c, code).await?;
        if let Ok(mut kept) = self.0.write() {
            if kept.len() >= LINKS_KEPT {
                kept.clear();
            }
            kept.insert(code.to_string(), (Instant::now(), target.clone()));
        }
        Ok(target)
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

/// The survey `target` leads to, while its round is open.
async fn survey_of(app: &App, c: &mut samverka_store::Conn, target: Target) -> Result<Survey> {
    open_between(target.opens_on, target.closes_on, app.today())?;
    let definition = app.definitions().get(c, target.version_id).await?;
    Ok(Survey {
        round_id: target.round_id,
        definition,
        centre_id: target.centre_id,
    })
}

/// The survey behind an anonymous link, while its round is open.
pub async fn by_link(app: &App, code: &str) -> Result<Survey> {
    let mut c = app.db().read().await?;
    let target = app.links().get(&mut c, code).await?;
    survey_of(app, &mut c, target).await
}

/// The survey behind an invitation's token, while it is unused and its
/// round open (409 `token-used` once answered).
pub async fn by_token(app: &App, token: &str) -> Result<Survey> {
    let mut c = app.db().read().await?;
    let target = invitations::peek_token(&mut c, &hash_secret(token)).await?;
    survey_of(app, &mut c, target).await
}

/// Checks a whole response against the survey: its language, every answer,
/// and the routing its answers give.
fn checked(survey: &Survey, language: &str, raw: &Map<String, Value>) -> Result<Answers> {
    validate(&survey.definition, language, raw).map_err(answers_refused)
}

/// Takes a response sent through an anonymous link. The day is the
/// server's; nothing else about the sender is kept. Lean, as the busiest
/// path of all: the link's target and its survey's definition are kept in
/// memory ([`Links`], [`Definitions`]), the answers are checked outside the
/// write transaction, and the responses sent at the same moment are stored
/// in one write transaction ([`super::intake`]); it returns once that is
/// committed.
pub async fn submit_by_link(app: &App, code: &str, language: &str, raw: &Map<String, Value>) -> Result<()> {
    let survey = by_link(app, code).await?;
    let answers = checked(&survey, language, raw)?;
    super::intake::store(
        app,
        survey.round_id,
        survey.centre_id,
        language,
        app.today(),
        answers,
    )
    .await
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
