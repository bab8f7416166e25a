//! Governing groups (*grupper*): the region's groups, one group with its
//! members now and before, and creating and changing groups.

use std::collections::{HashMap, HashSet};

use samverka_core::governance::drafts::GroupDraft;
use samverka_core::governance::{Assignment, Group, Person};
use samverka_core::{Centre, Municipality, Region};
use samverka_store::Conn;
use samverka_store::governance::{assignments, groups, people};
use samverka_store::registry::{centres, municipalities, regions};

use super::{managed_region, viewable_region};
use crate::{Ctx, Error, Result};

/// The region's groups.
#[derive(Debug, Clone)]
pub struct GroupList {
    /// The region.
    pub region: Region,
    /// Its groups, by name.
    pub groups: Vec<Group>,
    /// Centre id → name.
    pub centres: HashMap<i64, String>,
    /// Municipality id → name.
    pub municipalities: HashMap<i64, String>,
    /// Group id → people seated today.
    pub members: HashMap<i64, usize>,
    /// The actor manages the region.
    pub can_manage: bool,
}

/// The region's groups with their centres and member counts today.
pub async fn list(ctx: &Ctx, region_id: i64) -> Result<GroupList> {
    let mut c = ctx.read().await?;
    let region = viewable_region(ctx, &mut c, region_id).await?;
    let group_list = groups::list(&mut c, Some(region.id)).await?;
    let centres = centres::list(&mut c, Some(region.id))
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let municipalities = municipalities::list(&mut c, Some(region.id))
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    let mut seated: HashMap<i64, HashSet<i64>> = HashMap::new();
    for a in assignments::list(&mut c, Some(region.id))
        .await?
        .iter()
        .filter(|a| a.active_on(ctx.today))
    {
        if let Some(g) = a.group_id {
            seated.entry(g).or_default().insert(a.person_id);
        }
    }
    Ok(GroupList {
        can_manage: ctx.actor.can_manage_region(region.id),
        region,
        groups: group_list,
        centres,
        municipalities,
        members: seated.into_iter().map(|(g, s)| (g, s.len())).collect(),
    })
}

/// A group the actor may read (a grant in the region, or a seat in it), with its region.
pub async fn viewable(ctx: &Ctx, id: i64) -> Result<(Group, Region)> {
    let mut c = ctx.read().await?;
    viewable_in(ctx, &mut c, id).await
}

pub(crate) async fn viewable_in(ctx: &Ctx, c: &mut Conn, id: i64) -> Result<(Group, Region)> {
    let group = groups::get(c, id).await?;
    Error::require(ctx.actor.can_view(&group))?;
    let region = regions::get(c, group.region_id).await?;
    Ok((group, region))
}

/// A group whose meetings, minutes, decisions and matters the actor may edit.
pub(crate) async fn editable_in(ctx: &Ctx, c: &mut Conn, id: i64) -> Result<(Group, Region)> {
    let group = groups::get(c, id).await?;
    Error::require(ctx.actor.can_edit(&group))?;
    let region = regions::get(c, group.region_id).await?;
    Ok((group, region))
}

/// A group as its page shows it.
#[derive(Debug, Clone)]
pub struct GroupPage {
    /// The group.
    pub group: Group,
    /// Its region.
    pub region: Region,
    /// The region's other groups (for "reports to" and "reported to by").
    pub region_groups: Vec<Group>,
    /// Centre id → name.
    pub centres: HashMap<i64, String>,
    /// Its municipality's name.
    pub municipality: Option<String>,
    /// Every seat the group has had.
    pub seats: Vec<Assignment>,
    /// The people who held them.
    pub people: HashMap<i64, Person>,
    /// The actor manages the region.
    pub can_manage: bool,
    /// The actor may read the whole region (for the page's tabs).
    pub in_region: bool,
}

/// One group the actor may read.
pub async fn get(ctx: &Ctx, id: i64) -> Result<GroupPage> {
    let mut c = ctx.read().await?;
    let (group, region) = viewable_in(ctx, &mut c, id).await?;
    let region_groups = groups::list(&mut c, Some(region.id)).await?;
    let centres = centres::list(&mut c, Some(region.id))
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let municipality = match group.municipality_id {
        Some(m) => municipalities::list(&mut c, Some(region.id))
            .await?
            .into_iter()
            .find(|x| x.id == m)
            .map(|x| x.name),
        None => None,
    };
    let seats = assignments::of_group(&mut c, group.id).await?;
    let people = people::list(&mut c, region.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(GroupPage {
        can_manage: ctx.actor.can_manage_region(region.id),
        in_region: ctx.actor.can_view_region(region.id),
        group,
        region,
        region_groups,
        centres,
        municipality,
        seats,
        people,
    })
}

/// What the group form offers.
#[derive(Debug, Clone)]
pub struct GroupChoices {
    /// The region's municipalities.
    pub municipalities: Vec<Municipality>,
    /// Groups it may report to.
    pub groups: Vec<Group>,
    /// Centres it may govern.
    pub centres: Vec<Centre>,
}

impl GroupChoices {
    fn ids(&self) -> (Vec<i64>, Vec<i64>, Vec<i64>) {
        (
            self.municipalities.iter().map(|m| m.id).collect(),
            self.groups.iter().map(|g| g.id).collect(),
            self.centres.iter().map(|c| c.id).collect(),
        )
    }
}

/// A group reports to an open group (or keeps the one it has), never to
/// itself; it governs open centres (or keeps those it has).
async fn choices(c: &mut Conn, region_id: i64, own: Option<&Group>) -> Result<GroupChoices> {
    let own_id = own.map(|g| g.id);
    let current_up = own.and_then(|g| g.reports_to);
    let governed: Vec<i64> = own.map(|g| g.centre_ids.clone()).unwrap_or_default();
    Ok(GroupChoices {
        municipalities: municipalities::list(c, Some(region_id)).await?,
        groups: groups::list(c, Some(region_id))
            .await?
            .into_iter()
            .filter(|g| Some(g.id) != own_id && (g.closed_on.is_none() || Some(g.id) == current_up))
            .collect(),
        centres: centres::list(c, Some(region_id))
            .await?
            .into_iter()
            .filter(|c| c.closed_on.is_none() || governed.contains(&c.id))
            .collect(),
    })
}

/// The form for a new group (those who manage the region).
pub async fn new_form(ctx: &Ctx, region_id: i64) -> Result<(Region, GroupChoices)> {
    let mut c = ctx.read().await?;
    let region = managed_region(ctx, &mut c, region_id).await?;
    let ch = choices(&mut c, region.id, None).await?;
    Ok((region, ch))
}

/// Creates a group (those who manage the region).
pub async fn create(ctx: &Ctx, region_id: i64, draft: &GroupDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let region = managed_region(ctx, &mut tx, region_id).await?;
    let ch = choices(&mut tx, region.id, None).await?;
    let (m, g, cs) = ch.ids();
    let input = draft.validate(&m, &g, &cs)?;
    let id = groups::create(&mut tx, &ctx.who, region.id, &input).await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// A group the actor may change, with the form's choices.
pub async fn edit_form(ctx: &Ctx, id: i64) -> Result<(Group, Region, GroupChoices)> {
    let mut c = ctx.read().await?;
    let group = groups::get(&mut c, id).await?;
    let region = managed_region(ctx, &mut c, group.region_id).await?;
    let ch = choices(&mut c, region.id, Some(&group)).await?;
    Ok((group, region, ch))
}

/// Changes a group and the centres it governs (those who manage the region).
pub async fn update(ctx: &Ctx, id: i64, draft: &GroupDraft) -> Result<()> {
    let mut tx = ctx.write().await?;
    let before = groups::get(&mut tx, id).await?;
    managed_region(ctx, &mut tx, before.region_id).await?;
    let ch = choices(&mut tx, before.region_id, Some(&before)).await?;
    let (m, g, cs) = ch.ids();
    let input = draft.validate(&m, &g, &cs)?;
    groups::update(&mut tx, &ctx.who, &before, &input).await?;
    ctx.commit(tx).await
}

/// Groups the actor may read across regions (whole regions, or their own groups).
pub async fn list_reachable(ctx: &Ctx, region: Option<i64>) -> Result<Vec<Group>> {
    let reach = super::reach::regions(ctx, region).await?;
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for r in reach {
        out.extend(
            groups::list(&mut c, Some(r.region.id))
                .await?
                .into_iter()
                .filter(|g| r.group(g.id)),
        );
    }
    Ok(out)
}
