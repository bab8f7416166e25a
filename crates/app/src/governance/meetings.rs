//! Meetings (*sammanträden*) of governing groups: a group's meetings, one
//! meeting with attendance, minutes and decisions, recording and changing a
//! meeting, publishing the minutes with e-mail notices, recording decisions.
//!
//! Minutes are rendered to safe HTML once, when they are saved (off the
//! async workers, with limits on size and nesting), so showing them costs
//! nothing whatever they contain.

use std::collections::HashMap;

use chrono::NaiveDate;
use samverka_core::governance::drafts::{DecisionDraft, MeetingDraft};
use samverka_core::governance::minutes;
use samverka_core::governance::{
    Assignment, AssignmentKind, AttendanceStatus, Decision, Group, Meeting, MeetingStatus, MinutesAudience,
    Person,
};
use samverka_core::{Region, Role, Unit};
use samverka_store::Conn;
use samverka_store::accounts::users;
use samverka_store::governance::meetings::{self, MeetingFields};
use samverka_store::governance::{assignments, decisions, groups, people};
use samverka_store::platform::mail::Mail;
use samverka_store::registry::centres;

use super::groups::{editable_in, viewable_in};
use crate::{App, Ctx, Error, Result};

/// The registry a group's attendance is read against: its seats (every one
/// ever held), and the region's people and units.
#[derive(Debug, Clone, Default)]
pub struct Members {
    /// People by id.
    pub people: HashMap<i64, Person>,
    /// Units by id.
    pub units: HashMap<i64, Unit>,
    /// The group's seats.
    pub seats: Vec<Assignment>,
}

impl Members {
    async fn load(c: &mut Conn, group: &Group) -> Result<Members> {
        let people = people::list(c, group.region_id).await?;
        let units = centres::units_in_region(c, Some(group.region_id)).await?;
        let seats = assignments::of_group(c, group.id)
            .await?
            .into_iter()
            .filter(|a| a.kind.group_kind().is_some())
            .collect();
        Ok(Members {
            people: people.into_iter().map(|p| (p.id, p)).collect(),
            units: units.into_iter().map(|u| (u.id, u)).collect(),
            seats,
        })
    }

    /// Who holds a seat on a day, with whether they chair; one entry per person.
    pub fn seated_on(&self, day: NaiveDate) -> Vec<(i64, bool)> {
        let mut out: Vec<(i64, bool)> = Vec::new();
        for a in self.seats.iter().filter(|a| a.active_on(day)) {
            let chair = a.kind == AssignmentKind::ManagementChair;
            match out.iter_mut().find(|(p, _)| *p == a.person_id) {
                Some((_, c)) => *c |= chair,
                None => out.push((a.person_id, chair)),
            }
        }
        out
    }
}

/// A group's meetings.
#[derive(Debug, Clone)]
pub struct GroupMeetings {
    /// The group.
    pub group: Group,
    /// Its region.
    pub region: Region,
    /// Its meetings, by date.
    pub meetings: Vec<Meeting>,
    /// Attendance per meeting: meeting id → person id → status.
    pub attendance: HashMap<i64, HashMap<i64, AttendanceStatus>>,
    /// Who sat in the group when.
    pub members: Members,
    /// The actor may edit the group.
    pub can_edit: bool,
}

/// The meetings of a group the actor may read.
pub async fn of_group(ctx: &Ctx, group_id: i64) -> Result<GroupMeetings> {
    let mut c = ctx.read().await?;
    let (group, region) = viewable_in(ctx, &mut c, group_id).await?;
    let list = meetings::of_group(&mut c, group.id).await?;
    let attendance = meetings::attendance_of_group(&mut c, group.id).await?;
    let members = Members::load(&mut c, &group).await?;
    Ok(GroupMeetings {
        can_edit: ctx.actor.can_edit(&group),
        group,
        region,
        meetings: list,
        attendance,
        members,
    })
}

/// A meeting as its page shows it.
#[derive(Debug, Clone)]
pub struct MeetingPage {
    /// The meeting.
    pub meeting: Meeting,
    /// Its group.
    pub group: Group,
    /// The region.
    pub region: Region,
    /// Whom its minutes concern.
    pub audience: MinutesAudience,
    /// The actor may edit the group's meetings.
    pub can_edit: bool,
    /// The actor may read the minutes (published, or theirs to edit).
    pub may_read_minutes: bool,
    /// The actor may read the whole region (for the page's tabs).
    pub in_region: bool,
    /// Recorded attendance.
    pub recorded: HashMap<i64, AttendanceStatus>,
    /// Who sat in the group when.
    pub members: Members,
    /// Its decisions.
    pub decisions: Vec<Decision>,
    /// Centre id → name, for the region.
    pub centres: HashMap<i64, String>,
}

impl MeetingPage {
    /// Whether the minutes can be published now (by this actor).
    pub fn can_publish(&self) -> bool {
        self.can_edit && self.meeting.publish_refusal().is_none()
    }
}

async fn load_meeting(c: &mut Conn, id: i64) -> Result<(Meeting, Group, Vec<Group>)> {
    let meeting = meetings::get(c, id).await?;
    let group = groups::get(c, meeting.group_id).await?;
    let all = groups::list(c, Some(group.region_id)).await?;
    Ok((meeting, group, all))
}

/// One meeting: open to those who may read the group, and, once the minutes
/// are published, to the whole audience of the minutes.
pub async fn get(ctx: &Ctx, id: i64) -> Result<MeetingPage> {
    let mut c = ctx.read().await?;
    let (meeting, group, all) = load_meeting(&mut c, id).await?;
    let audience = MinutesAudience::of(&group, &all);
    let published = meeting.minutes_published_on.is_some();
    Error::require(ctx.actor.may_open_meeting(&group, published, &audience))?;
    let region = samverka_store::registry::regions::get(&mut c, group.region_id).await?;
    let recorded = meetings::attendance(&mut c, meeting.id).await?;
    let members = Members::load(&mut c, &group).await?;
    let decisions = decisions::list(&mut c, Some(group.region_id))
        .await?
        .into_iter()
        .filter(|d| d.meeting_id == meeting.id)
        .collect();
    let centres = centres::list(&mut c, Some(group.region_id))
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    Ok(MeetingPage {
        can_edit: ctx.actor.can_edit(&group),
        may_read_minutes: ctx.actor.may_read_minutes(&group, published, &audience),
        in_region: ctx.actor.can_view_region(region.id),
        meeting,
        group,
        region,
        audience,
        recorded,
        members,
        decisions,
        centres,
    })
}

/// The form for a new meeting of a group the actor may edit.
pub async fn new_form(ctx: &Ctx, group_id: i64) -> Result<(Group, Region)> {
    let mut c = ctx.read().await?;
    editable_in(ctx, &mut c, group_id).await
}

/// Renders minutes off the async workers; the form's error when they are too long or too deep.
async fn render(md: Option<&str>) -> Result<Option<String>> {
    let Some(md) = md else { return Ok(None) };
    let text = md.to_string();
    let html = tokio::task::spawn_blocking(move || minutes::render(&text))
        .await
        .map_err(|_| Error::Internal)?;
    match html {
        Ok(h) => Ok(Some(h)),
        Err(minutes::MinutesError::TooLong { .. }) => Err(Error::field("minutes", "minutes-too-long")),
        Err(minutes::MinutesError::TooDeep { .. }) => Err(Error::field("minutes", "minutes-too-deep")),
    }
}

/// Records a meeting of a group, with its attendance, in one transaction
/// (those who may edit the group). Attendance may name those who sat in the
/// group on the meeting's day.
pub async fn create(ctx: &Ctx, group_id: i64, draft: &MeetingDraft) -> Result<i64> {
    let html = render(Some(draft.minutes.trim()).filter(|m| !m.is_empty())).await?;
    let mut tx = ctx.write().await?;
    let (group, region) = editable_in(ctx, &mut tx, group_id).await?;
    let seated: Vec<i64> = match draft.date() {
        Some(day) => Members::load(&mut tx, &group)
            .await?
            .seated_on(day)
            .into_iter()
            .map(|(p, _)| p)
            .collect(),
        None => Vec::new(),
    };
    let v = draft.validate(&seated, ctx.today)?;
    let fields = MeetingFields {
        held_on: v.held_on,
        status: v.status,
        agenda: v.agenda.as_deref(),
        minutes: v.minutes.as_deref().zip(html.as_deref()),
    };
    let id = meetings::create(&mut tx, &ctx.who, region.id, group.id, &fields, &v.attendance).await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// A meeting to edit, with what the form needs.
#[derive(Debug, Clone)]
pub struct MeetingEdit {
    /// The meeting.
    pub meeting: Meeting,
    /// Its group.
    pub group: Group,
    /// The region.
    pub region: Region,
    /// Recorded attendance.
    pub recorded: HashMap<i64, AttendanceStatus>,
    /// Who sat in the group when.
    pub members: Members,
}

/// A meeting of a group the actor may edit.
pub async fn edit_form(ctx: &Ctx, id: i64) -> Result<MeetingEdit> {
    let mut c = ctx.read().await?;
    let meeting = meetings::get(&mut c, id).await?;
    let (group, region) = editable_in(ctx, &mut c, meeting.group_id).await?;
    let recorded = meetings::attendance(&mut c, id).await?;
    let members = Members::load(&mut c, &group).await?;
    Ok(MeetingEdit {
        meeting,
        group,
        region,
        recorded,
        members,
    })
}

/// Who may have attendance recorded at a meeting: those seated on its old or
/// new date, and anyone already recorded.
fn allowed(
    members: &Members,
    old: NaiveDate,
    new: Option<NaiveDate>,
    recorded: &HashMap<i64, AttendanceStatus>,
) -> Vec<i64> {
    let mut allowed: Vec<i64> = members
        .seated_on(new.unwrap_or(old))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    allowed.extend(members.seated_on(old).into_iter().map(|(p, _)| p));
    allowed.extend(recorded.keys().copied());
    allowed
}

/// Changes a meeting's date, status, agenda, minutes and attendance (those
/// who may edit the group). Published minutes can still be corrected; the
/// notices are not sent again.
pub async fn update(ctx: &Ctx, id: i64, draft: &MeetingDraft) -> Result<()> {
    // Render first (it may take a moment), then write in one transaction.
    let html = render(Some(draft.minutes.trim()).filter(|m| !m.is_empty())).await?;
    let mut tx = ctx.write().await?;
    let before = meetings::get(&mut tx, id).await?;
    let (group, region) = editable_in(ctx, &mut tx, before.group_id).await?;
    let recorded = meetings::attendance(&mut tx, id).await?;
    let members = Members::load(&mut tx, &group).await?;
    let ok = allowed(&members, before.held_on, draft.date(), &recorded);
    let v = draft.validate(&ok, ctx.today)?;
    let fields = MeetingFields {
        held_on: v.held_on,
        status: v.status,
        agenda: v.agenda.as_deref(),
        minutes: v.minutes.as_deref().zip(html.as_deref()),
    };
    meetings::update(&mut tx, &ctx.who, region.id, &before, &fields, &v.attendance).await?;
    ctx.commit(tx).await
}

/// The notice one recipient gets when minutes are published (in Swedish).
pub fn notice(public_url: &str, group: &Group, meeting: &Meeting, to: &str) -> Mail {
    let link = format!("{}/meetings/{}", public_url.trim_end_matches('/'), meeting.id);
    let date = meeting.held_on;
    Mail {
        to: to.to_string(),
        subject: format!("Nytt protokoll från {} ({date})", group.name),
        body: format!(
            "Hej!\n\nProtokollet från mötet i {} den {date} finns nu att läsa i samverka:\n{link}\n\n\
             Du får det här meddelandet för att du är lokal samordnare eller sitter i ledningsgruppen för en \
             familjecentral som {} styr.\n\n\
             Det här är ett automatiskt meddelande från samverka och går inte att svara på.\n",
            group.name, group.name
        ),
    }
}

/// The e-mail addresses that get a notice when a group's minutes are
/// published on `on`: the local coordinators of the centres it governs (people
/// with an assignment as local coordinator in force that day, and accounts
/// with a local coordinator grant for the centre) and the members of those
/// centres' management groups. Deduplicated (case does not matter) and
/// sorted; erased people, people without an address and blocked accounts are left out.
async fn recipients(
    c: &mut Conn,
    group: &Group,
    audience: &MinutesAudience,
    on: NaiveDate,
) -> Result<Vec<String>> {
    use samverka_core::account::email_key;
    let region = group.region_id;
    let people_list = people::list(c, region).await?;
    let all = assignments::list(c, Some(region)).await?;
    let accounts = users::list_in_region(c, region).await?;
    let by_id: HashMap<i64, &Person> = people_list.iter().map(|p| (p.id, p)).collect();
    let mut out: Vec<String> = Vec::new();
    for a in all.iter().filter(|a| a.active_on(on)) {
        let concerned = match a.kind {
            AssignmentKind::LocalCoordinator => a.centre_id.is_some_and(|c| audience.centre_ids.contains(&c)),
            AssignmentKind::ManagementMember | AssignmentKind::ManagementChair => a
                .group_id
                .is_some_and(|g| audience.management_group_ids.contains(&g)),
            _ => false,
        };
        if !concerned {
            continue;
        }
        if let Some(p) = by_id.get(&a.person_id)
            && !p.erased
            && let Some(email) = p.email.as_deref().map(email_key)
            && !email.is_empty()
        {
            out.push(email);
        }
    }
    for (account, grants) in accounts.iter().filter(|(a, _)| !a.disabled) {
        let coordinates = grants.iter().any(|g| {
            g.disabled_at.is_none()
                && g.grant.role == Role::LocalCoordinator
                && g.grant.region_id == Some(region)
                && g.grant
                    .centre_id
                    .is_some_and(|c| audience.centre_ids.contains(&c))
        });
        if coordinates {
            out.push(email_key(&account.email));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Publishes a meeting's minutes (those who may edit the group) and queues
/// one notice per recipient, all in one transaction: "publish where not yet
/// published", so a double click publishes once and sends one set of
/// notices. Returns how many notices were queued.
pub async fn publish(ctx: &Ctx, id: i64) -> Result<usize> {
    let mut tx = ctx.write().await?;
    let (meeting, group, all) = load_meeting(&mut tx, id).await?;
    Error::require(ctx.actor.can_edit(&group))?;
    if let Some(code) = meeting.publish_refusal() {
        return Err(Error::Conflict(code));
    }
    let audience = MinutesAudience::of(&group, &all);
    let on = ctx.today;
    let to = recipients(&mut tx, &group, &audience, on).await?;
    let notices: Vec<Mail> = to
        .iter()
        .map(|addr| notice(&ctx.app.config().public_url, &group, &meeting, addr))
        .collect();
    meetings::publish(&mut tx, &ctx.who, group.region_id, id, on, &notices).await?;
    ctx.commit(tx).await?;
    Ok(notices.len())
}

/// Records a decision of a meeting (those who may edit the group; not for a
/// cancelled meeting). It may name the centres the group governs.
pub async fn add_decision(ctx: &Ctx, meeting_id: i64, draft: &DecisionDraft) -> Result<i64> {
    let mut tx = ctx.write().await?;
    let (meeting, group, all) = load_meeting(&mut tx, meeting_id).await?;
    Error::require(ctx.actor.can_edit(&group))?;
    if meeting.status == MeetingStatus::Cancelled {
        return Err(Error::Conflict("cancelled"));
    }
    let audience = MinutesAudience::of(&group, &all);
    let v = draft.validate(&audience.centre_ids)?;
    let id = decisions::create(
        &mut tx,
        &ctx.who,
        group.region_id,
        meeting.id,
        v.category,
        &v.text,
        &v.centre_ids,
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// Meetings the actor may read across regions, with the minutes as written
/// only where the actor may read them.
pub async fn list_reachable(ctx: &Ctx, region: Option<i64>, group: Option<i64>) -> Result<Vec<Meeting>> {
    let mut region_filter = region;
    if let Some(gid) = group {
        let (g, _) = super::groups::viewable(ctx, gid).await?;
        region_filter = Some(g.region_id);
    }
    let reach = super::reach::regions(ctx, region_filter).await?;
    let mut c = ctx.read().await?;
    let mut out = Vec::new();
    for r in reach {
        let all = meetings::list_with_minutes(&mut c, r.region.id).await?;
        let gs = groups::list(&mut c, Some(r.region.id)).await?;
        let by_id: HashMap<i64, &Group> = gs.iter().map(|g| (g.id, g)).collect();
        for mut m in all
            .into_iter()
            .filter(|m| group.is_none_or(|g| g == m.group_id) && r.group(m.group_id))
        {
            let readable = by_id.get(&m.group_id).is_some_and(|g| {
                let audience = MinutesAudience::of(g, &gs);
                ctx.actor
                    .may_read_minutes(g, m.minutes_published_on.is_some(), &audience)
            });
            if !readable {
                m.minutes_md = None;
                m.minutes_html = None;
            }
            out.push(m);
        }
    }
    Ok(out)
}

/// Renders minutes stored before renderings were kept (run at start, so
/// that showing minutes never renders them).
pub(crate) async fn render_old_minutes(app: &App) -> Result<usize> {
    let mut done = 0;
    loop {
        let batch = {
            let mut c = app.db().read().await?;
            meetings::unrendered(&mut c, 100).await?
        };
        if batch.is_empty() {
            return Ok(done);
        }
        for (id, md) in batch {
            let html = tokio::task::spawn_blocking(move || {
                // Old minutes were accepted under no limits: render within the
                // limits, or keep them as plain escaped text.
                minutes::render(&md).unwrap_or_else(|_| minutes::plain(&md))
            })
            .await
            .map_err(|_| Error::Internal)?;
            let mut c = app.db().read().await?;
            meetings::store_rendering(&mut c, id, &html).await?;
            done += 1;
        }
    }
}
