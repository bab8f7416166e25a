//! "Vem beslutar för familjecentralen?": the chain of people and groups that
//! govern one centre, and the county's compiled contact list.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use samverka_core::governance::{Assignment, AssignmentKind, Chain, Group, GroupKind, Person, chains};
use samverka_core::{Centre, Region};
use samverka_store::governance::{assignments, groups, people};
use samverka_store::registry::{centres, municipalities};

use super::viewable_region;
use crate::{Ctx, Error, Result};

/// Who decides for one centre.
#[derive(Debug, Clone)]
pub struct WhoDecides {
    /// The centre.
    pub centre: Centre,
    /// Its region.
    pub region: Region,
    /// Its municipality's name.
    pub municipality: Option<String>,
    /// The groups that govern it.
    pub chain: Chain,
    /// The region's open county steering groups.
    pub county_groups: Vec<Group>,
    /// Every assignment of the region in force today.
    pub current: Vec<Assignment>,
    /// This year's chair of its management group, and when they left if they have.
    pub chair: Option<(Assignment, Option<NaiveDate>)>,
    /// The region's people by id.
    pub people: HashMap<i64, Person>,
    /// The actor manages the region.
    pub manage: bool,
}

/// Who decides for a centre the actor may read.
pub async fn for_centre(ctx: &Ctx, centre_id: i64) -> Result<WhoDecides> {
    let mut c = ctx.read().await?;
    let centre = centres::get(&mut c, centre_id).await?;
    Error::require(ctx.actor.can_view_region(centre.region_id))?;
    let region = viewable_region(ctx, &mut c, centre.region_id).await?;
    let group_list = groups::list(&mut c, Some(region.id)).await?;
    let all = assignments::list(&mut c, Some(region.id)).await?;
    let people = people::list(&mut c, region.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let municipality = municipalities::list(&mut c, Some(region.id))
        .await?
        .into_iter()
        .find(|m| m.id == centre.municipality_id)
        .map(|m| m.name);
    let day = ctx.today;
    let year = day.year();
    let chain = chains(&group_list).remove(&centre.id).unwrap_or_default();
    // This year's chair: in office today, else the one who held the chair earlier this year.
    let chair = chain.management.as_ref().and_then(|g| {
        let chairs: Vec<&Assignment> = all
            .iter()
            .filter(|a| {
                a.group_id == Some(g.id) && a.kind == AssignmentKind::ManagementChair && a.active_during(year)
            })
            .collect();
        chairs
            .iter()
            .find(|a| a.active_on(day))
            .or_else(|| {
                chairs
                    .iter()
                    .filter(|a| a.starts_on <= day)
                    .max_by_key(|a| a.starts_on)
            })
            .map(|a| ((*a).clone(), a.ends_on.filter(|e| *e < day)))
    });
    let county_groups = group_list
        .iter()
        .filter(|g| g.kind == GroupKind::CountySteering && g.closed_on.is_none())
        .cloned()
        .collect();
    Ok(WhoDecides {
        manage: ctx.actor.can_manage_region(region.id),
        current: all.into_iter().filter(|a| a.active_on(day)).collect(),
        centre,
        region,
        municipality,
        chain,
        county_groups,
        chair,
        people,
    })
}

/// One line of the compiled contact list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRow {
    /// Sorting level: coordinators, management, preparation, steering, county, network, other.
    pub level: u8,
    /// Municipalities, "; " separated.
    pub municipality: String,
    /// Centres, "; " separated.
    pub centres: String,
    /// The group's name.
    pub group: String,
    /// The group's kind.
    pub group_kind: Option<GroupKind>,
    /// The assignment's kind.
    pub role: AssignmentKind,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Employer's kind and name.
    pub employer: (Option<samverka_core::PrincipalKind>, Option<String>),
    /// Since when.
    pub since: NaiveDate,
}

fn level(kind: AssignmentKind, group: Option<GroupKind>) -> u8 {
    match (group, kind) {
        (_, AssignmentKind::LocalCoordinator) => 0,
        (Some(GroupKind::Management), _) => 1,
        (Some(GroupKind::Preparation), _) => 2,
        (Some(GroupKind::Steering), _) => 3,
        (Some(GroupKind::CountySteering), _) => 4,
        (Some(GroupKind::CoordinatorNetwork), _) => 5,
        (None, _) => 6,
    }
}

/// The compiled contact list of a region the actor may read: everyone in
/// an assignment today except staff, never erased people, optionally only
/// one kind of group. Sorted by municipality, level, group, centre, chair first, name.
pub async fn contacts(
    ctx: &Ctx,
    region_id: i64,
    kind: Option<GroupKind>,
) -> Result<(Region, Vec<ContactRow>)> {
    let mut c = ctx.read().await?;
    let region = viewable_region(ctx, &mut c, region_id).await?;
    let group_list = groups::list(&mut c, Some(region.id)).await?;
    let all = assignments::list(&mut c, Some(region.id)).await?;
    let people_list = people::list(&mut c, region.id).await?;
    let munis = municipalities::list(&mut c, Some(region.id)).await?;
    let centre_list = centres::list(&mut c, Some(region.id)).await?;
    let persons: HashMap<i64, &Person> = people_list.iter().map(|p| (p.id, p)).collect();
    let groups_by_id: HashMap<i64, &Group> = group_list.iter().map(|g| (g.id, g)).collect();
    let muni_names: HashMap<i64, &str> = munis.iter().map(|m| (m.id, m.name.as_str())).collect();
    let centre_info: HashMap<i64, (&str, i64)> = centre_list
        .iter()
        .map(|c| (c.id, (c.name.as_str(), c.municipality_id)))
        .collect();
    let mut rows = Vec::new();
    for a in all
        .iter()
        .filter(|a| a.active_on(ctx.today) && a.kind != AssignmentKind::StaffMember)
    {
        let Some(p) = persons.get(&a.person_id).filter(|p| !p.erased) else {
            continue;
        };
        let group = a.group_id.and_then(|g| groups_by_id.get(&g).copied());
        if let Some(k) = kind
            && group.is_none_or(|g| g.kind != k)
        {
            continue;
        }
        let centre_ids: Vec<i64> = match (group, a.centre_id) {
            (_, Some(c)) => vec![c],
            (Some(g), None) => g.centre_ids.clone(),
            (None, None) => Vec::new(),
        };
        let mut muni_ids: Vec<i64> = match group.and_then(|g| g.municipality_id) {
            Some(m) if a.centre_id.is_none() => vec![m],
            _ => centre_ids
                .iter()
                .filter_map(|c| centre_info.get(c).map(|x| x.1))
                .collect(),
        };
        muni_ids.sort_unstable();
        muni_ids.dedup();
        let mut muni_list: Vec<&str> = muni_ids
            .iter()
            .filter_map(|m| muni_names.get(m).copied())
            .collect();
        muni_list.sort_by_cached_key(|m| samverka_core::text::sort_key(m));
        let centre_names: Vec<&str> = centre_ids
            .iter()
            .filter_map(|c| centre_info.get(c).map(|x| x.0))
            .collect();
        rows.push(ContactRow {
            level: level(a.kind, group.map(|g| g.kind)),
            municipality: muni_list.join("; "),
            centres: centre_names.join("; "),
            group: group.map(|g| g.name.clone()).unwrap_or_default(),
            group_kind: group.map(|g| g.kind),
            role: a.kind,
            name: p.name.clone(),
            email: p.email.clone().unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            employer: (p.employer_kind, p.employer_name.clone()),
            since: a.starts_on,
        });
    }
    rows.sort_by_cached_key(|r| {
        (
            r.municipality.is_empty(),
            samverka_core::text::sort_key(&r.municipality),
            r.level,
            samverka_core::text::sort_key(&r.group),
            samverka_core::text::sort_key(&r.centres),
            usize::from(r.role != AssignmentKind::ManagementChair),
            samverka_core::text::sort_key(&r.name),
        )
    });
    Ok((region, rows))
}
