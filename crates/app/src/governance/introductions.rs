//! Introductions (*introduktion*) of new people: the region's pending and
//! overdue introductions by who is responsible, the recent sessions, and
//! recording a session with its participants. County coordinators record
//! any session; a local coordinator records sessions for the staff of their
//! own centres only.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use samverka_core::governance::drafts::SessionDraft;
use samverka_core::governance::{Due, IntroductionSession, Responsible, due_introductions};
use samverka_core::{Region, Role};
use samverka_store::Conn;
use samverka_store::governance::{assignments, groups, introductions, people};
use samverka_store::registry::centres;

use super::{acting_person, viewable_region};
use crate::{Ctx, Error, Result};

/// The first day of last year: introductions listed start then or later.
pub fn listed_since(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year() - 1, 1, 1).unwrap_or(today)
}

/// Whose introductions the actor may record.
enum Scope {
    All,
    Centres(Vec<i64>),
}

fn scope(ctx: &Ctx, region_id: i64) -> Option<Scope> {
    if ctx.actor.can_manage_region(region_id) {
        return Some(Scope::All);
    }
    let own: Vec<i64> = ctx
        .actor
        .grants
        .iter()
        .filter(|g| g.role == Role::LocalCoordinator && g.region_id == Some(region_id))
        .filter_map(|g| g.centre_id)
        .collect();
    (!own.is_empty()).then_some(Scope::Centres(own))
}

impl Scope {
    fn covers(&self, d: &Due) -> bool {
        match self {
            Scope::All => true,
            Scope::Centres(ids) => {
                d.responsible == Responsible::LocalCoordinator
                    && d.assignment.centre_id.is_some_and(|c| ids.contains(&c))
            }
        }
    }
}

/// Names of a region's people, centres and groups.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Person id → name.
    pub people: HashMap<i64, String>,
    /// Centre id → name.
    pub centres: HashMap<i64, String>,
    /// Group id → name.
    pub groups: HashMap<i64, String>,
}

impl Names {
    async fn load(c: &mut Conn, region_id: i64) -> Result<Names> {
        Ok(Names {
            people: people::list(c, region_id)
                .await?
                .into_iter()
                .map(|x| (x.id, x.name))
                .collect(),
            centres: centres::list(c, Some(region_id))
                .await?
                .into_iter()
                .map(|x| (x.id, x.name))
                .collect(),
            groups: groups::list(c, Some(region_id))
                .await?
                .into_iter()
                .map(|x| (x.id, x.name))
                .collect(),
        })
    }
}

async fn waiting_now(c: &mut Conn, region: &Region, today: NaiveDate) -> Result<Vec<Due>> {
    let all = assignments::list(c, Some(region.id)).await?;
    let introduced = introductions::introduced_on(c, Some(region.id)).await?;
    let since = listed_since(today);
    let mut due: Vec<Due> = due_introductions(&all, &introduced, &region.governance, today)
        .into_iter()
        .filter(|d| d.waiting() && d.assignment.starts_on >= since)
        .collect();
    due.sort_by_key(|d| (d.assignment.starts_on, d.assignment.id));
    Ok(due)
}

/// A region's introductions page.
#[derive(Debug, Clone)]
pub struct IntroductionsPage {
    /// The region.
    pub region: Region,
    /// Introductions still waiting, oldest first.
    pub waiting: Vec<Due>,
    /// Names.
    pub names: Names,
    /// Sessions, newest first.
    pub sessions: Vec<IntroductionSession>,
    /// Session id → participants.
    pub participants: HashMap<i64, i64>,
    /// The actor may record sessions.
    pub can_record: bool,
}

/// The introductions of a region the actor may read.
pub async fn list(ctx: &Ctx, region_id: i64) -> Result<IntroductionsPage> {
    let mut c = ctx.read().await?;
    let region = viewable_region(ctx, &mut c, region_id).await?;
    let waiting = waiting_now(&mut c, &region, ctx.today).await?;
    let names = Names::load(&mut c, region.id).await?;
    let sessions = introductions::sessions(&mut c, region.id).await?;
    let participants = introductions::participant_counts(&mut c, region.id).await?;
    Ok(IntroductionsPage {
        can_record: scope(ctx, region.id).is_some(),
        region,
        waiting,
        names,
        sessions,
        participants,
    })
}

/// What the session form offers.
#[derive(Debug, Clone)]
pub struct SessionForm {
    /// The region.
    pub region: Region,
    /// The introductions the actor may record.
    pub candidates: Vec<Due>,
    /// Names.
    pub names: Names,
    /// The person linked to the acting account (the session's holder by default).
    pub me: Option<i64>,
}

async fn recordable(ctx: &Ctx, c: &mut Conn, region_id: i64) -> Result<SessionForm> {
    let region = viewable_region(ctx, c, region_id).await?;
    let scope = scope(ctx, region.id).ok_or(Error::Forbidden)?;
    let waiting = waiting_now(c, &region, ctx.today).await?;
    let names = Names::load(c, region.id).await?;
    let me = acting_person(ctx, c, region.id).await?;
    Ok(SessionForm {
        candidates: waiting.into_iter().filter(|d| scope.covers(d)).collect(),
        region,
        names,
        me,
    })
}

/// The form that records a session.
pub async fn session_form(ctx: &Ctx, region_id: i64) -> Result<SessionForm> {
    let mut c = ctx.read().await?;
    recordable(ctx, &mut c, region_id).await
}

/// Records a session and the introductions it gave.
pub async fn record_session(ctx: &Ctx, region_id: i64, draft: &SessionDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let form = recordable(ctx, &mut tx, region_id).await?;
    let people: Vec<i64> = form.names.people.keys().copied().collect();
    let candidates: Vec<i64> = form.candidates.iter().map(|d| d.assignment.id).collect();
    let v = draft.validate(&people, &candidates, ctx.today)?;
    let id = introductions::create_session(
        &mut tx,
        &ctx.who,
        form.region.id,
        v.held_on,
        v.held_by,
        &v.title,
        &v.assignment_ids,
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// Every assignment that needs an introduction, in the regions the actor may
/// read whole, with each region's deadline.
pub async fn list_all(ctx: &Ctx, region: Option<i64>) -> Result<Vec<(Due, i64)>> {
    let regions = super::reach::whole_regions(ctx, region).await?;
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for r in regions {
        let all = assignments::list(&mut c, Some(r.id)).await?;
        let introduced = introductions::introduced_on(&mut c, Some(r.id)).await?;
        let within = r.governance.introduction_within_days;
        out.extend(
            due_introductions(&all, &introduced, &r.governance, ctx.today)
                .into_iter()
                .map(|d| (d, within)),
        );
    }
    Ok(out)
}
