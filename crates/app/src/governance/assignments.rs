//! Assignments (*uppdrag*): adding them to a person and ending them.

use samverka_core::governance::drafts::{AssignmentDraft, group_kind_for, validate_end};
use samverka_core::governance::{Assignment, AssignmentKind, Group, Person};
use samverka_core::{Centre, Region};
use samverka_store::Conn;
use samverka_store::governance::{assignments, groups, people};
use samverka_store::registry::{centres, regions};

use super::open_centres;
use super::people::{is_local_coordinator, may_end};
use crate::{Ctx, Error, Result};

/// Who may add assignments to a person, and which kinds.
#[derive(Debug, Clone)]
pub struct Rights {
    /// The person.
    pub person: Person,
    /// Their region.
    pub region: Region,
    /// The actor manages the region (every kind); otherwise staff only.
    pub manage: bool,
    /// Centres the actor may add staff to.
    pub staff_centres: Vec<Centre>,
}

impl Rights {
    /// The kinds the actor may add.
    pub fn kinds(&self) -> Vec<AssignmentKind> {
        if self.manage {
            AssignmentKind::ALL.to_vec()
        } else {
            vec![AssignmentKind::StaffMember]
        }
    }
}

async fn rights_in(ctx: &Ctx, c: &mut Conn, person_id: i64) -> Result<Rights> {
    let person = people::get(c, person_id).await?;
    let region = regions::get(c, person.region_id).await?;
    Error::require(ctx.actor.can_view_region(region.id))?;
    let manage = ctx.actor.can_manage_region(region.id);
    let staff_centres: Vec<Centre> = open_centres(centres::list(c, Some(region.id)).await?)
        .into_iter()
        .filter(|c| ctx.actor.can_edit_centre(region.id, c.id))
        .collect();
    Error::require(manage || (is_local_coordinator(ctx, region.id) && !staff_centres.is_empty()))?;
    if person.erased {
        return Err(Error::Conflict("erased"));
    }
    Ok(Rights {
        person,
        region,
        manage,
        staff_centres,
    })
}

/// What the actor may add to a person.
pub async fn rights(ctx: &Ctx, person_id: i64) -> Result<Rights> {
    let mut c = ctx.read().await?;
    rights_in(ctx, &mut c, person_id).await
}

/// The centres and groups an assignment of a kind may name.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// Centres.
    pub centres: Vec<Centre>,
    /// Open groups of the right kind.
    pub groups: Vec<Group>,
}

async fn choices_in(c: &mut Conn, rights: &Rights, kind: AssignmentKind) -> Result<Choices> {
    let centres = if kind.is_centre_role() {
        if kind == AssignmentKind::StaffMember {
            rights.staff_centres.clone()
        } else {
            open_centres(centres::list(c, Some(rights.region.id)).await?)
        }
    } else {
        Vec::new()
    };
    let groups = match group_kind_for(kind) {
        Some(gk) => groups::list(c, Some(rights.region.id))
            .await?
            .into_iter()
            .filter(|g| g.kind == gk && g.closed_on.is_none())
            .collect(),
        None => Vec::new(),
    };
    Ok(Choices { centres, groups })
}

/// The choices of the assignment form for a kind.
pub async fn choices(ctx: &Ctx, rights: &Rights, kind: AssignmentKind) -> Result<Choices> {
    let mut c = ctx.read().await?;
    choices_in(&mut c, rights, kind).await
}

/// Adds an assignment to a person: any kind for those who manage the region,
/// staff at their own centres for a local coordinator.
pub async fn create(ctx: &Ctx, person_id: i64, draft: &AssignmentDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let rights = rights_in(ctx, &mut tx, person_id).await?;
    let Some(kind) = AssignmentKind::parse(&draft.kind).filter(|k| rights.kinds().contains(k)) else {
        if !rights.manage && !draft.kind.trim().is_empty() {
            return Err(Error::Forbidden);
        }
        return Err(Error::field("kind", "required"));
    };
    if !rights.manage
        && let Ok(c) = draft.centre_id.trim().parse::<i64>()
    {
        Error::require(rights.staff_centres.iter().any(|x| x.id == c))?;
    }
    let ch = choices_in(&mut tx, &rights, kind).await?;
    let centre_ids: Vec<i64> = ch.centres.iter().map(|c| c.id).collect();
    let group_ids: Vec<i64> = ch.groups.iter().map(|g| g.id).collect();
    let a = draft.validate(&rights.person, kind, &centre_ids, &group_ids)?;
    let id = assignments::create(&mut tx, &ctx.who, &a).await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// Ends an assignment on a day (those who manage the region; a local
/// coordinator for staff at their own centres). Returns the assignment as it was.
pub async fn end(ctx: &Ctx, id: i64, ends_on: &str) -> Result<Assignment> {
    let mut tx = ctx.write().await?;
    let a = assignments::get(&mut tx, id).await?;
    Error::require(ctx.actor.can_view_region(a.region_id))?;
    Error::require(may_end(ctx, &a))?;
    if a.ends_on.is_some_and(|e| e < ctx.today) {
        return Err(Error::Conflict("ended"));
    }
    let on = validate_end(a.starts_on, ends_on)?;
    assignments::end(&mut tx, &ctx.who, &a, on).await?;
    ctx.commit(tx).await?;
    Ok(a)
}

/// Assignments the actor may read across regions: the whole region's, or
/// the seats of the groups they sit in.
pub async fn list_reachable(ctx: &Ctx, region: Option<i64>) -> Result<Vec<Assignment>> {
    let reach = super::reach::regions(ctx, region).await?;
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for r in reach {
        let all = assignments::list(&mut c, Some(r.region.id)).await?;
        out.extend(
            all.into_iter()
                .filter(|x| r.whole || x.group_id.is_some_and(|g| r.groups.contains(&g))),
        );
    }
    Ok(out)
}

/// One assignment the actor may read (those who may read its region).
pub async fn get(ctx: &Ctx, id: i64) -> Result<Assignment> {
    let mut c = ctx.read().await?;
    let a = assignments::get(&mut c, id).await?;
    Error::require(ctx.actor.can_view_region(a.region_id))?;
    Ok(a)
}
