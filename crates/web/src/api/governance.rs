//! `/api/v1/people`, `/assignments`, `/groups`, `/meetings`, `/decisions`,
//! `/matters`, `/introductions` and `/signals`: the governance records under
//! the same permission rules as the pages. Those who may read a region see
//! all of its records; a group's members see their own groups, their
//! meetings and their fellow members. Regions the caller may not read are
//! left out of lists, never shown.

use std::collections::{HashMap, HashSet};

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use chrono::Datelike;
use samverka_core::governance::{DecisionCategory, IntroductionState};
use samverka_core::hours::format_hours;
use samverka_store::regions::{self, Region};
use samverka_store::{StoreError, assignments, centres, groups, introductions, matters, meetings, people};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::ApiError;
use super::centres::ListMeta;
use crate::auth::CurrentUser;
use crate::i18n::Tr;
use crate::pages::signals as sig;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/people", get(list_people))
        .route("/assignments", get(list_assignments))
        .route("/groups", get(list_groups))
        .route("/meetings", get(list_meetings))
        .route("/decisions", get(list_decisions))
        .route("/matters", get(list_matters))
        .route("/introductions", get(list_introductions))
        .route("/signals", get(list_signals))
}

/// Only one region.
#[derive(Debug, Deserialize, IntoParams)]
pub struct RegionFilter {
    /// Only this region (default: every region the caller may read).
    pub region: Option<i64>,
}

/// What the caller may read in one region.
struct Access {
    region: Region,
    /// The whole region (a grant in it).
    whole: bool,
    /// Otherwise: the groups the caller sits in.
    groups: HashSet<i64>,
}

impl Access {
    fn group(&self, id: i64) -> bool {
        self.whole || self.groups.contains(&id)
    }
}

/// The regions the caller may read at all, whole or through group seats.
async fn access(
    state: &AppState,
    user: &CurrentUser,
    t: &Tr,
    only: Option<i64>,
) -> Result<Vec<Access>, ApiError> {
    let all = regions::list(&state.db)
        .await
        .map_err(|e| ApiError::store(t, e))?;
    Ok(all
        .into_iter()
        .filter(|r| only.is_none_or(|id| id == r.id))
        .filter_map(|region| {
            let whole = user.actor.can_view_region(region.id);
            let groups: HashSet<i64> = user
                .actor
                .seats
                .iter()
                .filter(|s| s.region_id == region.id)
                .map(|s| s.group_id)
                .collect();
            (whole || !groups.is_empty()).then_some(Access {
                region,
                whole,
                groups,
            })
        })
        .collect())
}

/// The regions the caller may read whole.
async fn whole_regions(
    state: &AppState,
    user: &CurrentUser,
    t: &Tr,
    only: Option<i64>,
) -> Result<Vec<Region>, ApiError> {
    Ok(access(state, user, t, only)
        .await?
        .into_iter()
        .filter(|a| a.whole)
        .map(|a| a.region)
        .collect())
}

fn store(t: &Tr) -> impl Fn(StoreError) -> ApiError + '_ {
    move |e| ApiError::store(t, e)
}

/// A person. Contact details are given to those who may read the person's
/// region or one of the person's groups — the only people the caller sees.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonJson {
    /// Id.
    pub id: i64,
    /// Region id.
    pub region_id: i64,
    /// Name ("f.d. medlem" once erased).
    pub name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Profession.
    pub profession: Option<String>,
    /// `region`, `municipality`, `private_provider` or `non_profit`.
    pub employer_kind: Option<String>,
    /// Employer's name.
    pub employer_name: Option<String>,
    /// The unit the person works in.
    pub unit_id: Option<i64>,
    /// Whether the person's data was erased on request.
    pub erased: bool,
}

/// A list of people.
#[derive(Debug, Serialize, ToSchema)]
pub struct PeopleList {
    /// The people, by name.
    pub people: Vec<PersonJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// People in the registries the caller may read.
#[utoipa::path(get, path = "/api/v1/people", tag = "governance", params(RegionFilter),
    responses((status = 200, body = PeopleList), (status = 401, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_people(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<RegionFilter>,
) -> Result<Json<PeopleList>, ApiError> {
    let mut out = Vec::new();
    for a in access(&state, &user, &t, f.region).await? {
        let list = people::list(&state.db, a.region.id).await.map_err(store(&t))?;
        let shown: Option<HashSet<i64>> = if a.whole {
            None
        } else {
            let all = assignments::list(&state.db, Some(a.region.id))
                .await
                .map_err(store(&t))?;
            Some(
                all.iter()
                    .filter(|x| x.group_id.is_some_and(|g| a.groups.contains(&g)))
                    .map(|x| x.person_id)
                    .collect(),
            )
        };
        out.extend(
            list.into_iter()
                .filter(|p| shown.as_ref().is_none_or(|s| s.contains(&p.id)))
                .map(|p| PersonJson {
                    id: p.id,
                    region_id: p.region_id,
                    name: p.name,
                    email: p.email,
                    phone: p.phone,
                    profession: p.profession,
                    employer_kind: p.employer_kind.map(|k| k.code().to_string()),
                    employer_name: p.employer_name,
                    unit_id: p.unit_id,
                    erased: p.erased,
                }),
        );
    }
    let total = out.len();
    Ok(Json(PeopleList {
        people: out,
        meta: ListMeta { total },
    }))
}

/// A dated assignment (*uppdrag*).
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentJson {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// `local_coordinator`, `management_member`, `management_chair`, `steering_member`,
    /// `preparation_member`, `county_steering_member`, `county_coordinator`,
    /// `collaboration_strategist` or `staff_member`.
    pub kind: String,
    /// Region id.
    pub region_id: i64,
    /// The centre (centre roles).
    pub centre_id: Option<i64>,
    /// The group (group seats).
    pub group_id: Option<i64>,
    /// Share of a full-time post in percent (coordinators).
    pub share_percent: Option<i64>,
    /// Who pays for the post.
    pub paid_by: Option<String>,
    /// Hours a week at the centre ("15,5"), for staff.
    pub hours_per_week: Option<String>,
    /// First day (ISO).
    pub starts_on: String,
    /// Last day (ISO); null while it lasts.
    pub ends_on: Option<String>,
}

/// A list of assignments.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentList {
    /// The assignments, oldest first.
    pub assignments: Vec<AssignmentJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// Assignments, history included, in the regions and groups the caller may read.
#[utoipa::path(get, path = "/api/v1/assignments", tag = "governance", params(RegionFilter),
    responses((status = 200, body = AssignmentList), (status = 401, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_assignments(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<RegionFilter>,
) -> Result<Json<AssignmentList>, ApiError> {
    let mut out = Vec::new();
    for a in access(&state, &user, &t, f.region).await? {
        let all = assignments::list(&state.db, Some(a.region.id))
            .await
            .map_err(store(&t))?;
        out.extend(
            all.into_iter()
                .filter(|x| a.whole || x.group_id.is_some_and(|g| a.groups.contains(&g)))
                .map(|x| AssignmentJson {
                    id: x.id,
                    person_id: x.person_id,
                    kind: x.kind.code().to_string(),
                    region_id: x.region_id,
                    centre_id: x.centre_id,
                    group_id: x.group_id,
                    share_percent: x.share_percent,
                    paid_by: x.paid_by,
                    hours_per_week: x.minutes_per_week.map(format_hours),
                    starts_on: x.starts_on.to_string(),
                    ends_on: x.ends_on.map(|d| d.to_string()),
                }),
        );
    }
    let total = out.len();
    Ok(Json(AssignmentList {
        assignments: out,
        meta: ListMeta { total },
    }))
}

/// A governing group.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupJson {
    /// Id.
    pub id: i64,
    /// Region id.
    pub region_id: i64,
    /// `management`, `preparation`, `steering`, `county_steering` or `coordinator_network`.
    pub kind: String,
    /// Name.
    pub name: String,
    /// The municipality of a municipal steering group.
    pub municipality_id: Option<i64>,
    /// The group it reports to.
    pub reports_to: Option<i64>,
    /// Whether a steering group is the local health-and-care forum acting as one.
    pub health_forum: bool,
    /// When it was disbanded (ISO).
    pub closed_on: Option<String>,
    /// The centres it governs.
    pub centre_ids: Vec<i64>,
}

/// A list of groups.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupList {
    /// The groups, by name.
    pub groups: Vec<GroupJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// Groups the caller may read.
#[utoipa::path(get, path = "/api/v1/groups", tag = "governance", params(RegionFilter),
    responses((status = 200, body = GroupList), (status = 401, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_groups(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<RegionFilter>,
) -> Result<Json<GroupList>, ApiError> {
    let mut out = Vec::new();
    for a in access(&state, &user, &t, f.region).await? {
        let all = groups::list(&state.db, Some(a.region.id))
            .await
            .map_err(store(&t))?;
        out.extend(all.into_iter().filter(|g| a.group(g.id)).map(|g| GroupJson {
            id: g.id,
            region_id: g.region_id,
            kind: g.kind.code().to_string(),
            name: g.name,
            municipality_id: g.municipality_id,
            reports_to: g.reports_to,
            health_forum: g.health_forum,
            closed_on: g.closed_on,
            centre_ids: g.centre_ids,
        }));
    }
    let total = out.len();
    Ok(Json(GroupList {
        groups: out,
        meta: ListMeta { total },
    }))
}

/// Which group's or region's meetings.
#[derive(Debug, Deserialize, IntoParams)]
pub struct MeetingFilter {
    /// Only this group.
    pub group: Option<i64>,
    /// Only this region.
    pub region: Option<i64>,
}

/// A meeting of a group.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingJson {
    /// Id.
    pub id: i64,
    /// The group.
    pub group_id: i64,
    /// Date (ISO).
    pub held_on: String,
    /// `planned`, `held` or `cancelled`.
    pub status: String,
    /// Agenda items, one per line.
    pub agenda: Option<String>,
    /// Minutes in Markdown: once published, or to those who may edit the group.
    pub minutes_md: Option<String>,
    /// When the minutes were published (ISO).
    pub minutes_published_on: Option<String>,
}

/// A list of meetings.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingList {
    /// The meetings, by date.
    pub meetings: Vec<MeetingJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// Meetings of the groups the caller may read.
#[utoipa::path(get, path = "/api/v1/meetings", tag = "governance", params(MeetingFilter),
    responses((status = 200, body = MeetingList), (status = 401, body = super::error::ErrorBody),
        (status = 403, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_meetings(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<MeetingFilter>,
) -> Result<Json<MeetingList>, ApiError> {
    let mut region_filter = f.region;
    if let Some(gid) = f.group {
        let g = groups::get(&state.db, gid).await.map_err(store(&t))?;
        if !user.actor.can_view_group(g.region_id, g.id) {
            return Err(ApiError::forbidden(&t));
        }
        region_filter = Some(g.region_id);
    }
    let mut out = Vec::new();
    for a in access(&state, &user, &t, region_filter).await? {
        let (all, gs) = tokio::try_join!(
            meetings::list(&state.db, Some(a.region.id)),
            groups::list(&state.db, Some(a.region.id)),
        )
        .map_err(store(&t))?;
        let by_id: HashMap<i64, &groups::Group> = gs.iter().map(|g| (g.id, g)).collect();
        out.extend(
            all.into_iter()
                .filter(|m| f.group.is_none_or(|g| g == m.group_id) && a.group(m.group_id))
                .map(|m| {
                    let editor = by_id.get(&m.group_id).is_some_and(|g| {
                        user.actor
                            .can_edit_group(g.region_id, g.id, g.kind, &g.centre_ids)
                    });
                    MeetingJson {
                        id: m.id,
                        group_id: m.group_id,
                        held_on: m.held_on.to_string(),
                        status: m.status.code().to_string(),
                        agenda: m.agenda,
                        minutes_md: m
                            .minutes_md
                            .filter(|_| m.minutes_published_on.is_some() || editor),
                        minutes_published_on: m.minutes_published_on.map(|d| d.to_string()),
                    }
                }),
        );
    }
    let total = out.len();
    Ok(Json(MeetingList {
        meetings: out,
        meta: ListMeta { total },
    }))
}

/// Which decisions.
#[derive(Debug, Deserialize, IntoParams)]
pub struct DecisionFilter {
    /// Only this region.
    pub region: Option<i64>,
    /// Only decisions of meetings in this year.
    pub year: Option<i32>,
    /// Only this category: `agreement_change`, `budget_change`, `new_centre`, `matter_from_group`,
    /// `activity_plan_adopted`, `annual_report_received` or `other`.
    pub category: Option<String>,
}

/// A decision recorded in a meeting.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionJson {
    /// Id.
    pub id: i64,
    /// The meeting.
    pub meeting_id: i64,
    /// The group that decided.
    pub group_id: i64,
    /// The meeting's date (ISO).
    pub decided_on: String,
    /// The category code.
    pub category: String,
    /// What was decided.
    pub text: String,
    /// The centres it concerns.
    pub centre_ids: Vec<i64>,
}

/// A list of decisions.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionList {
    /// The decisions, newest first.
    pub decisions: Vec<DecisionJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// Decisions in the regions the caller may read, filterable by year and category.
#[utoipa::path(get, path = "/api/v1/decisions", tag = "governance", params(DecisionFilter),
    responses((status = 200, body = DecisionList), (status = 401, body = super::error::ErrorBody),
        (status = 422, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_decisions(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<DecisionFilter>,
) -> Result<Json<DecisionList>, ApiError> {
    let category = match f.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => match DecisionCategory::parse(c) {
            Some(c) => Some(c),
            None => {
                let mut e = samverka_core::FieldErrors::default();
                e.add("category", "invalid-choice");
                return Err(ApiError::fields(&t, &e));
            }
        },
    };
    let mut out = Vec::new();
    for region in whole_regions(&state, &user, &t, f.region).await? {
        let all = meetings::decisions(&state.db, Some(region.id))
            .await
            .map_err(store(&t))?;
        out.extend(
            all.into_iter()
                .filter(|d| f.year.is_none_or(|y| d.decided_on.year() == y))
                .filter(|d| category.is_none_or(|c| d.category == c))
                .map(|d| DecisionJson {
                    id: d.id,
                    meeting_id: d.meeting_id,
                    group_id: d.group_id,
                    decided_on: d.decided_on.to_string(),
                    category: d.category.code().to_string(),
                    text: d.text,
                    centre_ids: d.centre_ids,
                }),
        );
    }
    let total = out.len();
    Ok(Json(DecisionList {
        decisions: out,
        meta: ListMeta { total },
    }))
}

/// One step of a matter.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatterStepJson {
    /// The status reached: `draft`, `submitted`, `on_agenda`, `decided` or `reported_back`.
    pub status: String,
    /// When (ISO).
    pub on: String,
    /// Who took the step (a person), when the account had one linked.
    pub person_id: Option<i64>,
    /// A note.
    pub note: Option<String>,
}

/// A matter raised to a steering group.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatterJson {
    /// Id.
    pub id: i64,
    /// Region id.
    pub region_id: i64,
    /// The group that raised it.
    pub from_group_id: Option<i64>,
    /// The steering group it is raised to.
    pub to_group_id: i64,
    /// Title.
    pub title: String,
    /// What is asked.
    pub body: Option<String>,
    /// Where it stands (a step status code).
    pub status: String,
    /// The decision that answered it.
    pub decision_id: Option<i64>,
    /// Days it waited (or has waited so far) for the steering group; null before it was sent.
    pub waiting_days: Option<i64>,
    /// Whether it still waits past the region's deadline.
    pub overdue: bool,
    /// Every step so far, oldest first.
    pub steps: Vec<MatterStepJson>,
}

/// A list of matters.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatterList {
    /// The matters, newest first.
    pub matters: Vec<MatterJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// Matters to steering groups in the regions the caller may read.
#[utoipa::path(get, path = "/api/v1/matters", tag = "governance", params(RegionFilter),
    responses((status = 200, body = MatterList), (status = 401, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_matters(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<RegionFilter>,
) -> Result<Json<MatterList>, ApiError> {
    let today = sig::today();
    let mut out = Vec::new();
    for region in whole_regions(&state, &user, &t, f.region).await? {
        let all = matters::list(&state.db, Some(region.id))
            .await
            .map_err(store(&t))?;
        let limit = region.governance.matter_within_days;
        out.extend(all.into_iter().map(|m| {
            MatterJson {
                id: m.id,
                region_id: m.region_id,
                from_group_id: m.from_group_id,
                to_group_id: m.to_group_id,
                title: m.title.clone(),
                body: m.body.clone(),
                status: m.status.code().to_string(),
                decision_id: m.decision_id,
                waiting_days: sig::matter_waited(&m, today),
                overdue: sig::matter_late(&m, limit, today),
                steps: m
                    .steps
                    .into_iter()
                    .map(|s| MatterStepJson {
                        status: s.status.code().to_string(),
                        on: s.on.to_string(),
                        person_id: s.person_id,
                        note: s.note,
                    })
                    .collect(),
            }
        }));
    }
    let total = out.len();
    Ok(Json(MatterList {
        matters: out,
        meta: ListMeta { total },
    }))
}

/// One assignment that needs an introduction, and where it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct IntroductionJson {
    /// The assignment.
    pub assignment_id: i64,
    /// The person.
    pub person_id: i64,
    /// The assignment's kind.
    pub kind: String,
    /// Who introduces: `county_coordination` or `local_coordinator`.
    pub responsible: String,
    /// The centre (staff, local coordinators).
    pub centre_id: Option<i64>,
    /// The group (group seats).
    pub group_id: Option<i64>,
    /// When the assignment started (ISO).
    pub starts_on: String,
    /// The deadline (ISO).
    pub due_on: String,
    /// `done`, `done_late`, `pending` or `overdue`.
    pub state: String,
    /// When the person was introduced (ISO).
    pub introduced_on: Option<String>,
}

/// A list of introductions.
#[derive(Debug, Serialize, ToSchema)]
pub struct IntroductionList {
    /// Every assignment that needs an introduction, oldest first.
    pub introductions: Vec<IntroductionJson>,
    /// Totals.
    pub meta: ListMeta,
}

/// Assignments that need an introduction, with state and due date, in the regions the caller may read.
#[utoipa::path(get, path = "/api/v1/introductions", tag = "governance", params(RegionFilter),
    responses((status = 200, body = IntroductionList), (status = 401, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_introductions(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<RegionFilter>,
) -> Result<Json<IntroductionList>, ApiError> {
    let today = sig::today();
    let mut out = Vec::new();
    for region in whole_regions(&state, &user, &t, f.region).await? {
        let (all, introduced) = tokio::try_join!(
            assignments::list(&state.db, Some(region.id)),
            introductions::introduced_on(&state.db, Some(region.id)),
        )
        .map_err(store(&t))?;
        let within = region.governance.introduction_within_days;
        out.extend(
            sig::due_introductions(&all, &introduced, within, today)
                .into_iter()
                .map(|d| {
                    let (state, introduced_on) = match d.state {
                        IntroductionState::Done { on } => ("done", Some(on)),
                        IntroductionState::DoneLate { on, .. } => ("done_late", Some(on)),
                        IntroductionState::Pending { .. } => ("pending", None),
                        IntroductionState::Overdue { .. } => ("overdue", None),
                    };
                    IntroductionJson {
                        assignment_id: d.assignment.id,
                        person_id: d.assignment.person_id,
                        kind: d.assignment.kind.code().to_string(),
                        responsible: d.responsible.code().to_string(),
                        centre_id: d.assignment.centre_id,
                        group_id: d.assignment.group_id,
                        starts_on: d.assignment.starts_on.to_string(),
                        due_on: d.due_on(within).to_string(),
                        state: state.to_string(),
                        introduced_on: introduced_on.map(|d| d.to_string()),
                    }
                }),
        );
    }
    let total = out.len();
    Ok(Json(IntroductionList {
        introductions: out,
        meta: ListMeta { total },
    }))
}

/// Which signals.
#[derive(Debug, Deserialize, IntoParams)]
pub struct SignalFilter {
    /// Only this region.
    pub region: Option<i64>,
    /// The year (default: the current year).
    pub year: Option<i32>,
}

/// One signal.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignalJson {
    /// `management_meetings`, `steering_meetings`, `coordinator_appointed`, `chair_appointed`,
    /// `minutes_published`, `introductions_in_time` or `matters_answered`.
    pub kind: String,
    /// `green`, `yellow`, `red`, or `unknown` when the data needed is missing.
    pub level: String,
    /// Why, as a code: `meetings`, `no_group`, `no_governance_data`, `coordinator_share`, ...
    pub reason_code: String,
    /// Why, in words, in the caller's language (Accept-Language: sv or en).
    pub reason: String,
}

/// The signals of one centre.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentreSignalsJson {
    /// The centre.
    pub centre_id: i64,
    /// Its name.
    pub centre: String,
    /// Its region.
    pub region_id: i64,
    /// The signals, in the order the overview shows them.
    pub signals: Vec<SignalJson>,
}

/// The signals of every open centre the caller may read, for a year.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignalList {
    /// The year.
    pub year: i32,
    /// Per centre.
    pub signals: Vec<CentreSignalsJson>,
    /// Totals (centres).
    pub meta: ListMeta,
}

/// Governance signals per centre for a year.
#[utoipa::path(get, path = "/api/v1/signals", tag = "governance", params(SignalFilter),
    responses((status = 200, body = SignalList), (status = 401, body = super::error::ErrorBody),
        (status = 422, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_signals(
    State(state): State<AppState>,
    user: CurrentUser,
    t: Tr,
    Query(f): Query<SignalFilter>,
) -> Result<Json<SignalList>, ApiError> {
    let today = sig::today();
    let year = f.year.unwrap_or_else(|| today.year());
    if !(2000..=2100).contains(&year) {
        let mut e = samverka_core::FieldErrors::default();
        e.add("year", "invalid-choice");
        return Err(ApiError::fields(&t, &e));
    }
    let mut out = Vec::new();
    for region in whole_regions(&state, &user, &t, f.region).await? {
        let open: Vec<_> = centres::list(&state.db, Some(region.id))
            .await
            .map_err(store(&t))?
            .into_iter()
            .filter(|c| c.closed_on.is_none())
            .collect();
        let ids: Vec<i64> = open.iter().map(|c| c.id).collect();
        let mut by_centre = sig::centres_signals(&state.db, &region, &ids, year, today)
            .await
            .map_err(store(&t))?;
        out.extend(open.into_iter().map(|c| {
            CentreSignalsJson {
                centre_id: c.id,
                centre: c.name,
                region_id: region.id,
                signals: by_centre
                    .remove(&c.id)
                    .unwrap_or_default()
                    .iter()
                    .map(|s| SignalJson {
                        kind: s.kind.code().to_string(),
                        level: s.level.code().to_string(),
                        reason_code: sig::reason_code(&s.reason).to_string(),
                        reason: sig::reason_text(&t, &s.reason),
                    })
                    .collect(),
            }
        }));
    }
    let total = out.len();
    Ok(Json(SignalList {
        year,
        signals: out,
        meta: ListMeta { total },
    }))
}
