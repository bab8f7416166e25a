//! People (*personer*): the region's registry, one person's page, adding and
//! changing people. Names and contact details are shown only to those who
//! may read the region (or, through the API, the person's fellow members).

use std::collections::HashMap;

use chrono::NaiveDate;
use samverka_core::governance::drafts::PersonDraft;
use samverka_core::governance::{Assignment, AssignmentKind, Person};
use samverka_core::{Account, Region, Role, Unit};
use samverka_store::Conn;
use samverka_store::accounts::users;
use samverka_store::governance::{assignments, introductions, people};
use samverka_store::registry::{centres, regions};

use super::{Places, managed_region, viewable_region};
use crate::{Ctx, Error, Result};

/// The region's registry of people.
#[derive(Debug, Clone)]
pub struct Registry {
    /// The region.
    pub region: Region,
    /// Everyone, by name (filtered by kind when asked).
    pub people: Vec<Person>,
    /// Each person's assignments in force today.
    pub current: HashMap<i64, Vec<Assignment>>,
    /// Where assignments are held.
    pub places: Places,
    /// The actor manages the region.
    pub can_manage: bool,
}

/// The region's people, optionally only those holding a kind of assignment today.
pub async fn registry(ctx: &Ctx, region_id: i64, kind: Option<AssignmentKind>) -> Result<Registry> {
    let mut c = ctx.read().await?;
    let region = viewable_region(ctx, &mut c, region_id).await?;
    let all = assignments::list(&mut c, Some(region.id)).await?;
    let mut current: HashMap<i64, Vec<Assignment>> = HashMap::new();
    for a in all.into_iter().filter(|a| a.active_on(ctx.today)) {
        current.entry(a.person_id).or_default().push(a);
    }
    let list = people::list(&mut c, region.id)
        .await?
        .into_iter()
        .filter(|p| kind.is_none_or(|k| current.get(&p.id).is_some_and(|v| v.iter().any(|a| a.kind == k))))
        .collect();
    let places = Places::load(&mut c, region.id).await?;
    Ok(Registry {
        can_manage: ctx.actor.can_manage_region(region.id),
        region,
        people: list,
        current,
        places,
    })
}

/// One person's page.
#[derive(Debug, Clone)]
pub struct PersonPage {
    /// The person.
    pub person: Person,
    /// Their region.
    pub region: Region,
    /// Every assignment, oldest first.
    pub history: Vec<Assignment>,
    /// When each of the region's assignments was introduced.
    pub introduced: HashMap<i64, NaiveDate>,
    /// Where assignments are held.
    pub places: Places,
    /// The unit the person works in, with its centre's name.
    pub unit: Option<(Unit, String)>,
    /// The linked account (shown to those who manage the region).
    pub account: Option<Account>,
    /// The actor manages the region.
    pub can_manage: bool,
    /// The actor may add assignments.
    pub can_add: bool,
    /// The assignments the actor may end.
    pub endable: Vec<i64>,
}

/// Whether an actor may end an assignment: those who manage the region, and
/// a local coordinator for staff at their own centres.
pub(crate) fn may_end(ctx: &Ctx, a: &Assignment) -> bool {
    ctx.actor.can_manage_region(a.region_id)
        || (a.kind == AssignmentKind::StaffMember
            && a.centre_id
                .is_some_and(|c| ctx.actor.can_edit_centre(a.region_id, c)))
}

/// Whether the actor is a local coordinator in the region (and so may add staff).
pub(crate) fn is_local_coordinator(ctx: &Ctx, region_id: i64) -> bool {
    ctx.actor
        .grants
        .iter()
        .any(|g| g.role == Role::LocalCoordinator && g.region_id == Some(region_id))
}

pub(crate) async fn unit_with_centre(
    c: &mut Conn,
    unit_id: Option<i64>,
    places: &Places,
) -> Result<Option<(Unit, String)>> {
    Ok(match unit_id {
        Some(u) => {
            let unit = centres::get_unit(c, u).await?;
            let centre = places.centres.get(&unit.centre_id).cloned().unwrap_or_default();
            Some((unit, centre))
        }
        None => None,
    })
}

/// A person the actor may read.
pub async fn get(ctx: &Ctx, id: i64) -> Result<PersonPage> {
    let mut c = ctx.read().await?;
    let person = people::get(&mut c, id).await?;
    let region = viewable_region(ctx, &mut c, person.region_id).await?;
    let history = assignments::of_person(&mut c, person.id).await?;
    let introduced = introductions::introduced_on(&mut c, Some(region.id)).await?;
    let places = Places::load(&mut c, region.id).await?;
    let unit = unit_with_centre(&mut c, person.unit_id, &places).await?;
    let can_manage = ctx.actor.can_manage_region(region.id);
    let account = match person.user_id {
        Some(u) if can_manage => Some(users::get(&mut c, u).await?),
        _ => None,
    }
    .map(|mut a| {
        a.password_hash = None;
        a
    });
    let endable = history
        .iter()
        .filter(|a| !person.erased && a.ends_on.is_none_or(|e| e >= ctx.today) && may_end(ctx, a))
        .map(|a| a.id)
        .collect();
    let can_add = !person.erased && (can_manage || is_local_coordinator(ctx, region.id));
    Ok(PersonPage {
        person,
        region,
        history,
        introduced,
        places,
        unit,
        account,
        can_manage,
        can_add,
        endable,
    })
}

/// What the person form offers: the region's open units (with their
/// centres' names) and its accounts.
#[derive(Debug, Clone)]
pub struct PersonChoices {
    /// Open units and their centre's name.
    pub units: Vec<(Unit, String)>,
    /// Accounts with a grant in the region.
    pub accounts: Vec<Account>,
}

impl PersonChoices {
    fn unit_ids(&self) -> Vec<i64> {
        self.units.iter().map(|(u, _)| u.id).collect()
    }

    fn account_ids(&self) -> Vec<i64> {
        self.accounts.iter().map(|a| a.id).collect()
    }
}

async fn choices(c: &mut Conn, region_id: i64) -> Result<PersonChoices> {
    let places = Places::load(c, region_id).await?;
    let units = centres::units_in_region(c, Some(region_id))
        .await?
        .into_iter()
        .filter(|u| u.closed_on.is_none())
        .map(|u| {
            let centre = places.centres.get(&u.centre_id).cloned().unwrap_or_default();
            (u, centre)
        })
        .collect();
    let accounts = users::list_in_region(c, region_id)
        .await?
        .into_iter()
        .map(|(mut a, _)| {
            a.password_hash = None;
            a
        })
        .collect();
    Ok(PersonChoices { units, accounts })
}

/// The form for a new person (those who manage the region).
pub async fn new_form(ctx: &Ctx, region_id: i64) -> Result<(Region, PersonChoices)> {
    let mut c = ctx.read().await?;
    let region = managed_region(ctx, &mut c, region_id).await?;
    let choices = choices(&mut c, region.id).await?;
    Ok((region, choices))
}

/// Adds a person to a region's registry (those who manage the region).
pub async fn create(ctx: &Ctx, region_id: i64, draft: &PersonDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let region = managed_region(ctx, &mut tx, region_id).await?;
    let ch = choices(&mut tx, region.id).await?;
    let input = draft.validate(&ch.unit_ids(), &ch.account_ids())?;
    let id = people::create(&mut tx, &ctx.who, region.id, &input).await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// A person the actor may change, with the form's choices (409 `erased` once erased).
pub async fn edit_form(ctx: &Ctx, id: i64) -> Result<(Person, Region, PersonChoices)> {
    let mut c = ctx.read().await?;
    let person = people::get(&mut c, id).await?;
    let region = managed_region(ctx, &mut c, person.region_id).await?;
    if person.erased {
        return Err(Error::Conflict("erased"));
    }
    let choices = choices(&mut c, region.id).await?;
    Ok((person, region, choices))
}

/// Changes a person's details (those who manage the region).
pub async fn update(ctx: &Ctx, id: i64, draft: &PersonDraft) -> Result<()> {
    let mut tx = ctx.write().await?;
    let before = people::get(&mut tx, id).await?;
    managed_region(ctx, &mut tx, before.region_id).await?;
    if before.erased {
        return Err(Error::Conflict("erased"));
    }
    let ch = choices(&mut tx, before.region_id).await?;
    let input = draft.validate(&ch.unit_ids(), &ch.account_ids())?;
    people::update(&mut tx, &ctx.who, &before, &input).await?;
    ctx.commit(tx).await
}

/// People the actor may read, across regions: the whole registry of a
/// region they may read, and the fellow members of the groups they sit in.
pub async fn list_reachable(ctx: &Ctx, region: Option<i64>) -> Result<Vec<Person>> {
    let reach = super::reach::regions(ctx, region).await?;
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for r in reach {
        let list = people::list(&mut c, r.region.id).await?;
        if r.whole {
            out.extend(list);
            continue;
        }
        let all = assignments::list(&mut c, Some(r.region.id)).await?;
        let shown: std::collections::HashSet<i64> = all
            .iter()
            .filter(|x| x.group_id.is_some_and(|g| r.groups.contains(&g)))
            .map(|x| x.person_id)
            .collect();
        out.extend(list.into_iter().filter(|p| shown.contains(&p.id)));
    }
    Ok(out)
}

/// A person's region (for pages that frame a person's forms).
pub async fn region_of(ctx: &Ctx, person_id: i64) -> Result<Region> {
    let mut c = ctx.read().await?;
    let p = people::get(&mut c, person_id).await?;
    let region = regions::get(&mut c, p.region_id).await?;
    Error::require(ctx.actor.can_view_region(region.id))?;
    Ok(region)
}
