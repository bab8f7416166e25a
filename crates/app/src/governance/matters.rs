//! Matters (*ärenden*) to steering groups: the region's list, one matter's
//! path, raising a matter from a management or preparation group, and moving
//! a matter one step forward. Every step records the day and the person
//! linked to the acting account.

use std::collections::HashMap;

use samverka_core::governance::drafts::{AdvanceDraft, MatterDraft, NOTE_MAX, matter_targets};
use samverka_core::governance::{Decision, Group, Matter, MatterStatus, MatterStep};
use samverka_core::validation::optional_text;
use samverka_core::{FieldErrors, Region};
use samverka_store::Conn;
use samverka_store::governance::matters::{self, NewMatter};
use samverka_store::governance::{decisions, groups, people};
use samverka_store::registry::regions;

use super::groups::editable_in;
use super::{acting_person, viewable_region};
use crate::{Ctx, Error, Result};

/// The region's matters.
#[derive(Debug, Clone)]
pub struct MatterList {
    /// The region.
    pub region: Region,
    /// Its matters, newest first.
    pub matters: Vec<Matter>,
    /// Group id → name.
    pub groups: HashMap<i64, String>,
    /// The groups the actor may raise matters from.
    pub raise_from: Vec<Group>,
}

/// The matters of a region the actor may read.
pub async fn list(ctx: &Ctx, region_id: i64) -> Result<MatterList> {
    let mut c = ctx.read().await?;
    let region = viewable_region(ctx, &mut c, region_id).await?;
    let all = matters::list(&mut c, Some(region.id)).await?;
    let gs = groups::list(&mut c, Some(region.id)).await?;
    Ok(MatterList {
        region,
        matters: all,
        groups: gs.iter().map(|g| (g.id, g.name.clone())).collect(),
        raise_from: gs
            .into_iter()
            .filter(|g| ctx.actor.may_raise_matter_from(g))
            .collect(),
    })
}

/// One matter as its page shows it.
#[derive(Debug, Clone)]
pub struct MatterPage {
    /// The matter.
    pub matter: Matter,
    /// The raising group.
    pub from: Option<Group>,
    /// The steering group.
    pub to: Group,
    /// The region.
    pub region: Region,
    /// Person id → name (erased people as "f.d. medlem").
    pub people: HashMap<i64, String>,
    /// The steering group's decisions (to link when deciding).
    pub decisions: Vec<Decision>,
    /// The next step, when the actor may take it.
    pub next: Option<MatterStatus>,
}

async fn load(ctx: &Ctx, c: &mut Conn, id: i64) -> Result<(Matter, Option<Group>, Group)> {
    let matter = matters::get(c, id).await?;
    let to = groups::get(c, matter.to_group_id).await?;
    let from = match matter.from_group_id {
        Some(g) => Some(groups::get(c, g).await?),
        None => None,
    };
    Error::require(ctx.actor.may_read_matter(&matter, from.as_ref(), &to))?;
    Ok((matter, from, to))
}

async fn steering_decisions(c: &mut Conn, to: &Group) -> Result<Vec<Decision>> {
    Ok(decisions::list(c, Some(to.region_id))
        .await?
        .into_iter()
        .filter(|d| d.group_id == to.id)
        .collect())
}

/// One matter the actor may read.
pub async fn get(ctx: &Ctx, id: i64) -> Result<MatterPage> {
    let mut c = ctx.read().await?;
    let (matter, from, to) = load(ctx, &mut c, id).await?;
    let region = regions::get(&mut c, matter.region_id).await?;
    let people = people::list(&mut c, region.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let decisions = steering_decisions(&mut c, &to).await?;
    let next = matter
        .status
        .next()
        .filter(|n| ctx.actor.may_take_step(&matter, from.as_ref(), &to, *n));
    Ok(MatterPage {
        matter,
        from,
        to,
        region,
        people,
        decisions,
        next,
    })
}

/// Moves a matter one step forward: the step must be the next one and the
/// actor's to take (see [`samverka_core::role::Actor::may_take_step`]);
/// deciding links one of the steering group's decisions. If someone else
/// took the step first, 409 `step-taken`. Returns the status reached.
pub async fn advance(ctx: &Ctx, id: i64, draft: &AdvanceDraft) -> Result<MatterStatus> {
    let mut tx = ctx.write().await?;
    let (matter, from, to) = load(ctx, &mut tx, id).await?;
    let either = from.as_ref().is_some_and(|g| ctx.actor.can_edit(g))
        || ctx.actor.can_edit(&to)
        || ctx.actor.can_manage_region(matter.region_id);
    Error::require(either)?;
    let Some(next) = matter.status.next().filter(|n| n.code() == draft.to.trim()) else {
        return Err(Error::Conflict("step-taken"));
    };
    Error::require(ctx.actor.may_take_step(&matter, from.as_ref(), &to, next))?;
    let mut errors = FieldErrors::default();
    let note = optional_text(&mut errors, "note", &draft.note, NOTE_MAX);
    let mut decision_id = None;
    if next == MatterStatus::Decided {
        let ds = steering_decisions(&mut tx, &to).await?;
        decision_id = draft
            .decision_id
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|d| ds.iter().any(|x| x.id == *d));
        if decision_id.is_none() {
            errors.add("decision_id", "matter-no-decision");
        }
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let person = acting_person(ctx, &mut tx, matter.region_id).await?;
    let step = MatterStep {
        status: next,
        on: ctx.today,
        person_id: person,
        note,
    };
    matters::advance(&mut tx, &ctx.who, &matter, &step, decision_id).await?;
    ctx.commit(tx).await?;
    Ok(next)
}

/// The form that raises a matter from a group: the group, the region, the
/// steering groups it may go to, and the one to preselect.
pub async fn raise_form(ctx: &Ctx, group_id: i64) -> Result<(Group, Region, Vec<Group>, Option<i64>)> {
    let mut c = ctx.read().await?;
    let (group, region) = raising(ctx, &mut c, group_id).await?;
    let all = groups::list(&mut c, Some(region.id)).await?;
    let targets: Vec<Group> = matter_targets(&group, &all).into_iter().cloned().collect();
    let preselected = group
        .reports_to
        .filter(|r| targets.iter().any(|g| g.id == *r))
        .or_else(|| (targets.len() == 1).then(|| targets[0].id));
    Ok((group, region, targets, preselected))
}

async fn raising(ctx: &Ctx, c: &mut Conn, group_id: i64) -> Result<(Group, Region)> {
    let (group, region) = editable_in(ctx, c, group_id).await?;
    if !matches!(
        group.kind,
        samverka_core::governance::GroupKind::Management | samverka_core::governance::GroupKind::Preparation
    ) {
        return Err(Error::Conflict("group-kind"));
    }
    if group.closed_on.is_some() {
        return Err(Error::Conflict("closed"));
    }
    Ok((group, region))
}

/// Raises a matter, as a draft, from a management or preparation group the
/// actor may edit to a steering group it may go to.
pub async fn create(ctx: &Ctx, group_id: i64, draft: &MatterDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let (group, region) = raising(ctx, &mut tx, group_id).await?;
    let all = groups::list(&mut tx, Some(region.id)).await?;
    let targets: Vec<i64> = matter_targets(&group, &all).into_iter().map(|g| g.id).collect();
    let v = draft.validate(&targets)?;
    let person = acting_person(ctx, &mut tx, region.id).await?;
    let id = matters::create(
        &mut tx,
        &ctx.who,
        &NewMatter {
            region_id: region.id,
            from_group_id: Some(group.id),
            to_group_id: v.to_group_id,
            title: &v.title,
            body: v.body.as_deref(),
            on: ctx.today,
            person_id: person,
        },
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// Matters in the regions the actor may read whole, each with its region's deadline.
pub async fn list_all(ctx: &Ctx, region: Option<i64>) -> Result<Vec<(Matter, i64)>> {
    let regions = super::reach::whole_regions(ctx, region).await?;
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for r in regions {
        let limit = r.governance.matter_within_days;
        out.extend(
            matters::list(&mut c, Some(r.id))
                .await?
                .into_iter()
                .map(|m| (m, limit)),
        );
    }
    Ok(out)
}
