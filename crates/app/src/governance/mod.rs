//! Governance: people and their assignments, groups, who decides for a
//! centre and the contact list, meetings with attendance and minutes,
//! decisions, matters to steering groups, introductions, and the signals.

pub mod assignments;
pub mod decisions;
pub mod gdpr;
pub mod groups;
pub mod introductions;
pub mod matters;
pub mod meetings;
pub mod people;
pub mod reach;
pub mod signals;
pub mod who_decides;

use std::collections::HashMap;

use samverka_core::governance::{Assignment, Group};
use samverka_core::{Centre, Region};
use samverka_store::Conn;
use samverka_store::governance::{groups as group_store, people as people_store};
use samverka_store::registry::{centres, regions};

use crate::{Ctx, Error, Result};

/// Where an assignment is held: the region's centres and groups by id.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Centre id → name.
    pub centres: HashMap<i64, String>,
    /// The region's groups by id.
    pub groups: HashMap<i64, Group>,
}

impl Places {
    pub(crate) async fn load(c: &mut Conn, region_id: i64) -> Result<Places> {
        let centre_list = centres::list(c, Some(region_id)).await?;
        let group_list = group_store::list(c, Some(region_id)).await?;
        Ok(Places {
            centres: centre_list.into_iter().map(|c| (c.id, c.name)).collect(),
            groups: group_list.into_iter().map(|g| (g.id, g)).collect(),
        })
    }

    /// The name of the centre or group an assignment is held at, if any.
    pub fn name_of(&self, a: &Assignment) -> Option<String> {
        a.group_id
            .and_then(|g| self.groups.get(&g).map(|g| g.name.clone()))
            .or_else(|| a.centre_id.and_then(|c| self.centres.get(&c).cloned()))
    }
}

/// A region the actor may read, inside any connection.
pub(crate) async fn viewable_region(ctx: &Ctx, c: &mut Conn, id: i64) -> Result<Region> {
    let region = regions::get(c, id).await?;
    Error::require(ctx.actor.can_view_region(region.id))?;
    Ok(region)
}

/// A region the actor manages, inside any connection.
pub(crate) async fn managed_region(ctx: &Ctx, c: &mut Conn, id: i64) -> Result<Region> {
    let region = regions::get(c, id).await?;
    Error::require(ctx.actor.can_manage_region(region.id))?;
    Ok(region)
}

/// The person in a region's registry linked to the acting account, if any:
/// steps and sessions are signed with them.
pub(crate) async fn acting_person(ctx: &Ctx, c: &mut Conn, region_id: i64) -> Result<Option<i64>> {
    match ctx.user_id() {
        Some(u) => Ok(people_store::of_user(c, region_id, u).await?.map(|p| p.id)),
        None => Ok(None),
    }
}

/// An open centre of a region.
pub(crate) fn open_centres(list: Vec<Centre>) -> Vec<Centre> {
    list.into_iter().filter(|c| c.closed_on.is_none()).collect()
}
