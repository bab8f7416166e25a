//! Governance demo data, shared by the county and the national data sets.
//!
//! A [`Plan`] holds people, groups, dated assignments, meetings with
//! attendance, decisions, matters and introductions as plain values. A
//! [`Builder`] makes one without a database (from hand-written facts or a
//! seeded random generator), and [`write`] stores it through the store's own
//! functions inside the caller's transaction, so that every row gets its
//! audit entry exactly as if a person had typed it.

pub(crate) mod county;
pub(crate) mod national;

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::Context as _;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use samverka_app::seed::Seeder;
use samverka_core::governance::{
    Assignment, AssignmentKind, AttendanceStatus, DecisionCategory, GroupKind, MatterStatus, MeetingStatus,
    Responsible,
};
use samverka_core::governance::{GovernanceSettings, GroupInput, MatterStep, PersonInput};
use samverka_core::{PrincipalKind, ServiceType};

/// A day. A day past the end of the month falls back to the month's last day.
pub(crate) fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    (1..=day.max(1))
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
        .unwrap_or(NaiveDate::MIN)
}

/// The same day, or the Monday after when it falls on a weekend: groups meet on weekdays.
fn weekday(on: NaiveDate) -> NaiveDate {
    match on.weekday() {
        Weekday::Sat => on + Duration::days(2),
        Weekday::Sun => on + Duration::days(1),
        _ => on,
    }
}

/// Lower-case ASCII for e-mail addresses: "Per-Erik Söderholm" → "per-erik.soderholm".
pub(crate) fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.to_lowercase().chars() {
        match c {
            'å' | 'ä' | 'á' | 'à' | 'â' => out.push('a'),
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => out.push('o'),
            'é' | 'è' | 'ë' | 'ê' => out.push('e'),
            'ü' | 'ú' | 'ù' => out.push('u'),
            'í' | 'ì' | 'ï' => out.push('i'),
            'ç' | 'č' | 'ć' => out.push('c'),
            'š' => out.push('s'),
            'ž' => out.push('z'),
            'a'..='z' | '0'..='9' | '-' => out.push(c),
            ' ' | '.' => out.push('.'),
            _ => {}
        }
    }
    out
}

/// A demo e-mail address: "fornamn.efternamn@<domain>.demo.samverka.se".
pub(crate) fn email(name: &str, domain: &str) -> String {
    format!("{}@{domain}.demo.samverka.se", ascii(name))
}

/// Swedish month names, for minutes.
const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date as Swedish minutes write it: "12 mars 2025".
fn long_date(on: NaiveDate) -> String {
    let month = MONTHS.get(on.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", on.day(), on.year())
}

/// A person in the plan.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PersonPlan {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub profession: Option<String>,
    pub employer: Option<(PrincipalKind, String)>,
    /// The unit the person works in: the centre's name and the unit's service.
    pub unit: Option<(String, ServiceType)>,
    /// The e-mail of the demo account linked to the person.
    pub account: Option<String>,
    /// How likely the person is to stay away from a meeting (0 to 1).
    pub absence: f64,
}

/// A group in the plan; `reports_to` indexes an earlier group.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupPlan {
    pub kind: GroupKind,
    pub name: String,
    /// The code of a steering group's municipality.
    pub municipality: Option<String>,
    pub reports_to: Option<usize>,
    pub health_forum: bool,
    /// The names of the centres it governs.
    pub centres: Vec<String>,
}

/// When and by whom a person was introduced to an assignment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Introduced {
    pub on: NaiveDate,
    /// The person who held the session.
    pub by: usize,
    pub title: String,
}

/// An assignment in the plan.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AssignmentPlan {
    pub person: usize,
    pub kind: AssignmentKind,
    /// The centre's name, for centre roles.
    pub centre: Option<String>,
    pub group: Option<usize>,
    pub share_percent: Option<i64>,
    pub paid_by: Option<String>,
    pub minutes_per_week: Option<i64>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub introduced: Option<Introduced>,
}

impl AssignmentPlan {
    /// An assignment with nothing but its holder, kind and dates.
    pub fn new(
        person: usize,
        kind: AssignmentKind,
        starts_on: NaiveDate,
        ends_on: Option<NaiveDate>,
    ) -> Self {
        AssignmentPlan {
            person,
            kind,
            centre: None,
            group: None,
            share_percent: None,
            paid_by: None,
            minutes_per_week: None,
            starts_on,
            ends_on,
            introduced: None,
        }
    }

    pub(crate) fn active_on(&self, on: NaiveDate) -> bool {
        self.starts_on <= on && self.ends_on.is_none_or(|e| e >= on)
    }
}

/// What became of a meeting's minutes (or of the meeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fate {
    /// Minutes published within two weeks.
    InTime,
    /// Minutes published three to seven weeks after the meeting.
    Late,
    /// Minutes written but never published.
    Unpublished,
    /// No minutes at all.
    NoMinutes,
    /// The meeting was called off.
    Cancelled,
}

/// A meeting's minutes in the plan; the text is written from the meeting when stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Minutes {
    None,
    Written,
    Published(NaiveDate),
}

/// A decision in the plan.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DecisionPlan {
    pub category: DecisionCategory,
    pub text: String,
    /// The names of the centres it concerns.
    pub centres: Vec<String>,
}

/// A meeting in the plan.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MeetingPlan {
    pub group: usize,
    pub on: NaiveDate,
    pub status: MeetingStatus,
    pub agenda: Vec<String>,
    pub attendance: Vec<(usize, AttendanceStatus)>,
    pub minutes: Minutes,
    pub decisions: Vec<DecisionPlan>,
}

/// One step of a matter; `decision` names (meeting, decision) for the step to decided.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StepPlan {
    pub status: MatterStatus,
    pub on: NaiveDate,
    pub person: Option<usize>,
    pub note: Option<String>,
    pub decision: Option<(usize, usize)>,
}

/// A matter in the plan; its first step is the draft.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MatterPlan {
    pub from: usize,
    pub to: usize,
    pub title: String,
    pub body: String,
    pub steps: Vec<StepPlan>,
}

/// Everything about one region's governance.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Plan {
    pub people: Vec<PersonPlan>,
    pub groups: Vec<GroupPlan>,
    pub assignments: Vec<AssignmentPlan>,
    pub meetings: Vec<MeetingPlan>,
    pub matters: Vec<MatterPlan>,
}

/// How one group's meetings went in a past year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct YearSpec {
    /// Meetings held.
    pub held: usize,
    /// Meetings called off.
    pub cancelled: usize,
    /// Held meetings whose minutes came late.
    pub late: usize,
    /// Held meetings whose minutes were written but never published.
    pub unpublished: usize,
    /// Held meetings without minutes.
    pub missing: usize,
}

impl YearSpec {
    /// `held` meetings, every one with minutes published in time.
    pub const fn held(held: usize) -> YearSpec {
        YearSpec {
            held,
            cancelled: 0,
            late: 0,
            unpublished: 0,
            missing: 0,
        }
    }
}

/// The days the county coordination holds its introduction sessions, each year.
const SESSION_DAYS: [(u32, u32); 7] = [(1, 22), (3, 12), (5, 7), (6, 11), (9, 3), (10, 15), (11, 19)];

/// The title of the county coordination's introduction sessions.
pub(crate) const COUNTY_SESSION: &str = "Introduktion till familjecentralernas ledning och styrning";

/// Topics that come up in management groups, one per meeting.
const TOPICS: [&str; 10] = [
    "Gemensamma föräldragrupper",
    "Hembesöksprogrammet för förstagångsföräldrar",
    "Lokaler och tillgänglighet",
    "Språkstöd och tolk i verksamheten",
    "Samverkan med förskolan",
    "Kompetensutveckling för arbetsteamet",
    "Besöksstatistik för öppna förskolan",
    "Familjer som inte hittar till familjecentralen",
    "Gemensam information på flera språk",
    "Sommaröppet och bemanning",
];

/// Makes a [`Plan`] step by step.
pub(crate) struct Builder {
    pub plan: Plan,
    pub rng: StdRng,
    pub today: NaiveDate,
    /// (group, year, spring) that already have their yearly decision.
    yearly: HashSet<(usize, i32, bool)>,
}

impl Builder {
    /// An empty plan with its own random generator; `today` splits held from planned meetings.
    pub fn new(seed: u64, today: NaiveDate) -> Builder {
        Builder {
            plan: Plan::default(),
            rng: StdRng::seed_from_u64(seed),
            today,
            yearly: HashSet::new(),
        }
    }

    /// Adds a person.
    pub fn person(&mut self, p: PersonPlan) -> usize {
        self.plan.people.push(p);
        self.plan.people.len() - 1
    }

    /// Adds a group.
    pub fn group(&mut self, g: GroupPlan) -> usize {
        self.plan.groups.push(g);
        self.plan.groups.len() - 1
    }

    /// Adds an assignment.
    pub fn assign(&mut self, a: AssignmentPlan) -> usize {
        self.plan.assignments.push(a);
        self.plan.assignments.len() - 1
    }

    /// Records that `by` introduced the holder of assignment `a` on a day
    /// (nothing when the day is still to come or nobody introduces the kind).
    pub fn introduce(&mut self, a: usize, on: NaiveDate, by: usize) {
        let Some(assignment) = self.plan.assignments.get_mut(a) else {
            return;
        };
        let Some(responsible) = GovernanceSettings::uppsala()
            .introducers
            .for_kind(assignment.kind)
        else {
            return;
        };
        if on > self.today {
            return;
        }
        let title = match responsible {
            Responsible::CountyCoordination => COUNTY_SESSION.to_string(),
            Responsible::SteeringGroup => "Introduktion i styrgruppen".to_string(),
            Responsible::LocalCoordinator => format!(
                "Introduktion för nya medarbetare, {}",
                assignment.centre.as_deref().unwrap_or("familjecentralen")
            ),
        };
        assignment.introduced = Some(Introduced { on, by, title });
    }

    /// Introduces the holder of assignment `a` at the first county session a
    /// week or more after the start (always within 90 days).
    pub fn introduce_at_next_session(&mut self, a: usize, by: usize) {
        let Some(start) = self.plan.assignments.get(a).map(|x| x.starts_on) else {
            return;
        };
        let earliest = start + Duration::days(7);
        let on = (earliest.year()..=earliest.year() + 1)
            .flat_map(|y| SESSION_DAYS.iter().map(move |&(m, d)| day(y, m, d)))
            .find(|d| *d >= earliest);
        if let Some(on) = on {
            self.introduce(a, on, by);
        }
    }

    /// The people sitting in a group on a day: its members, and for a
    /// coordinators' network the local coordinators of its centres.
    pub fn members_on(&self, group: usize, on: NaiveDate) -> Vec<usize> {
        let Some(g) = self.plan.groups.get(group) else {
            return Vec::new();
        };
        let network = g.kind == GroupKind::CoordinatorNetwork;
        let mut out = Vec::new();
        for a in self.plan.assignments.iter().filter(|a| a.active_on(on)) {
            let sits = a.group == Some(group)
                || (network
                    && a.kind == AssignmentKind::LocalCoordinator
                    && a.centre.as_ref().is_some_and(|c| g.centres.contains(c)));
            if sits && !out.contains(&a.person) {
                out.push(a.person);
            }
        }
        out
    }

    /// Adds a meeting on a day (moved to Monday if it falls on a weekend):
    /// held with attendance and minutes when the day has passed, planned when
    /// it has not, unless it was called off. Returns its index.
    pub fn meeting(&mut self, group: usize, on: NaiveDate, fate: Fate) -> usize {
        let on = weekday(on);
        let status = if fate == Fate::Cancelled {
            MeetingStatus::Cancelled
        } else if on < self.today {
            MeetingStatus::Held
        } else {
            MeetingStatus::Planned
        };
        let kind = self
            .plan
            .groups
            .get(group)
            .map_or(GroupKind::Management, |g| g.kind);
        let agenda = self.agenda(kind, on);
        let mut attendance = Vec::new();
        let mut minutes = Minutes::None;
        if status == MeetingStatus::Held {
            for p in self.members_on(group, on) {
                let absence = self.plan.people.get(p).map_or(0.0, |x| x.absence);
                let status = if self.rng.random_bool(absence.clamp(0.0, 1.0)) {
                    if self.rng.random_bool(0.7) {
                        AttendanceStatus::Excused
                    } else {
                        AttendanceStatus::Absent
                    }
                } else {
                    AttendanceStatus::Present
                };
                attendance.push((p, status));
            }
            minutes = match fate {
                Fate::InTime => self.published(on, 2, 13),
                Fate::Late => self.published(on, 20, 50),
                Fate::Unpublished => Minutes::Written,
                Fate::NoMinutes | Fate::Cancelled => Minutes::None,
            };
        }
        self.plan.meetings.push(MeetingPlan {
            group,
            on,
            status,
            agenda,
            attendance,
            minutes,
            decisions: Vec::new(),
        });
        let index = self.plan.meetings.len() - 1;
        if status == MeetingStatus::Held {
            self.yearly_decision(index);
        }
        index
    }

    /// Minutes published some days after the meeting, or only written if that day is still to come.
    fn published(&mut self, on: NaiveDate, from: i64, to: i64) -> Minutes {
        let published = on + Duration::days(self.rng.random_range(from..=to));
        if published <= self.today {
            Minutes::Published(published)
        } else {
            Minutes::Written
        }
    }

    /// The standing agenda of a group's meeting, with one topic of the day.
    fn agenda(&mut self, kind: GroupKind, on: NaiveDate) -> Vec<String> {
        let y = on.year();
        let spring = on.month() <= 4;
        let autumn = on.month() >= 9;
        let topic = TOPICS[self.rng.random_range(0..TOPICS.len())];
        let mut items = vec!["Mötets öppnande och föregående protokoll".to_string()];
        let plans = |items: &mut Vec<String>, one: &str, many: &str| {
            if spring {
                items.push(format!("{one} för {}", y - 1));
            } else if autumn {
                items.push(format!("{many} för {}", y + 1));
            }
        };
        match kind {
            GroupKind::Management => {
                items.push("Rapport från den lokala samordnaren".into());
                plans(&mut items, "Verksamhetsberättelse", "Verksamhetsplan");
                if !spring && !autumn {
                    items.push("Uppföljning av verksamhetsplanen".into());
                }
                items.push(topic.into());
            }
            GroupKind::Steering => {
                items.push("Rapport från familjecentralerna".into());
                plans(&mut items, "Verksamhetsberättelser", "Verksamhetsplaner");
                items.push("Ärenden från ledningsgrupperna".into());
            }
            GroupKind::Preparation => {
                items.push("Ärenden till styrgruppen".into());
                items.push("Underlag till uppföljningen".into());
                items.push(topic.into());
            }
            GroupKind::CountySteering => {
                items.push("Läget i länet".into());
                items.push("Uppföljning av den länsgemensamma riktlinjen".into());
                plans(&mut items, "Verksamhetsberättelser", "Verksamhetsplaner");
            }
            GroupKind::CoordinatorNetwork => {
                items.push("Nytt från länssamordningen".into());
                items.push(format!("Erfarenhetsutbyte: {}", topic.to_lowercase()));
                items.push("Utbildning och kompetensutveckling".into());
            }
        }
        items.push("Övriga frågor".into());
        items
    }

    /// The decision a group takes once a year: the spring meeting takes the
    /// annual report, the autumn meeting the activity plan.
    fn yearly_decision(&mut self, meeting: usize) {
        let Some(m) = self.plan.meetings.get(meeting) else {
            return;
        };
        let Some(g) = self.plan.groups.get(m.group) else {
            return;
        };
        let (y, month) = (m.on.year(), m.on.month());
        let spring = month <= 4;
        if !spring && month < 9 {
            return;
        }
        let (category, text) = match (g.kind, spring) {
            (GroupKind::Steering | GroupKind::CountySteering, true) => (
                DecisionCategory::AnnualReportReceived,
                format!(
                    "Verksamhetsberättelserna för {} togs emot och lades till handlingarna.",
                    y - 1
                ),
            ),
            (GroupKind::Steering | GroupKind::CountySteering, false) => (
                DecisionCategory::ActivityPlanAdopted,
                format!("Verksamhetsplanerna för {} fastställdes.", y + 1),
            ),
            (GroupKind::Management, true) => (
                DecisionCategory::Other,
                format!(
                    "Verksamhetsberättelsen för {} godkändes och lämnas till styrgruppen.",
                    y - 1
                ),
            ),
            (GroupKind::Management, false) => (
                DecisionCategory::Other,
                format!(
                    "Förslaget till verksamhetsplan för {} godkändes och lämnas till styrgruppen.",
                    y + 1
                ),
            ),
            _ => return,
        };
        let centres = g.centres.clone();
        if self.yearly.insert((m.group, y, spring)) {
            self.decide(meeting, category, &text, centres);
        }
    }

    /// Records a decision in a meeting; returns (meeting, decision) for linking a matter.
    pub fn decide(
        &mut self,
        meeting: usize,
        category: DecisionCategory,
        text: &str,
        centres: Vec<String>,
    ) -> (usize, usize) {
        let Some(m) = self.plan.meetings.get_mut(meeting) else {
            return (meeting, 0);
        };
        m.decisions.push(DecisionPlan {
            category,
            text: text.to_string(),
            centres,
        });
        (meeting, m.decisions.len() - 1)
    }

    /// Adds an item to a meeting's agenda, before "Övriga frågor".
    pub fn agenda_item(&mut self, meeting: usize, item: &str) {
        if let Some(m) = self.plan.meetings.get_mut(meeting) {
            let at = m.agenda.len().saturating_sub(1);
            m.agenda.insert(at, item.to_string());
        }
    }

    /// The day of a meeting.
    pub fn date_of(&self, meeting: usize) -> NaiveDate {
        self.plan.meetings.get(meeting).map_or(NaiveDate::MIN, |m| m.on)
    }

    /// `count` meeting days spread over a year, on weekdays in the first three weeks of a month.
    fn spread(&mut self, year: i32, count: usize) -> Vec<NaiveDate> {
        const MONTHS: [&[u32]; 7] = [
            &[],
            &[10],
            &[3, 10],
            &[2, 5, 10],
            &[2, 4, 9, 11],
            &[2, 3, 5, 9, 11],
            &[1, 3, 5, 8, 10, 12],
        ];
        let months: Vec<u32> = match MONTHS.get(count) {
            Some(m) => m.to_vec(),
            None => (0..count).map(|i| 1 + (i * 12 / count) as u32).collect(),
        };
        months
            .into_iter()
            .map(|m| day(year, m, self.rng.random_range(4..=20)))
            .collect()
    }

    /// A group's meetings of a past year as `spec` says: the called-off ones
    /// fall in the middle, the trouble with minutes early in the year.
    pub fn year(&mut self, group: usize, year: i32, spec: YearSpec) -> Vec<usize> {
        let total = spec.held + spec.cancelled;
        let dates = self.spread(year, total);
        let mut fates = vec![Fate::InTime; total];
        for k in 0..spec.cancelled {
            if let Some(f) = fates.iter_mut().skip(1 + 2 * k).find(|f| **f != Fate::Cancelled) {
                *f = Fate::Cancelled;
            }
        }
        // Trouble with minutes falls on the year's first meetings, so that
        // even late minutes are published within the year.
        let mut held = fates
            .iter_mut()
            .filter(|f| **f != Fate::Cancelled)
            .collect::<Vec<_>>()
            .into_iter();
        for (n, fate) in [
            (spec.missing, Fate::NoMinutes),
            (spec.unpublished, Fate::Unpublished),
            (spec.late, Fate::Late),
        ] {
            for _ in 0..n {
                if let Some(f) = held.next() {
                    *f = fate;
                }
            }
        }
        dates
            .into_iter()
            .zip(fates)
            .map(|(on, fate)| self.meeting(group, on, fate))
            .collect()
    }

    /// A group's `count` meetings of the running year: held with minutes
    /// until today, planned after. The year's last meeting falls in December.
    pub fn current(&mut self, group: usize, year: i32, count: usize) -> Vec<usize> {
        let mut dates = self.spread(year, count);
        if let Some(last) = dates.last_mut() {
            *last = day(year, 12, self.rng.random_range(2..=12));
        }
        dates
            .into_iter()
            .map(|on| self.meeting(group, on, Fate::InTime))
            .collect()
    }
}

/// A person's name with their employer, as minutes list those present.
fn with_employer(plan: &Plan, person: usize) -> String {
    match plan.people.get(person) {
        Some(p) => match &p.employer {
            Some((_, employer)) => format!("{} ({employer})", p.name),
            None => p.name.clone(),
        },
        None => String::new(),
    }
}

/// What the minutes say under an agenda item.
fn note(item: &str) -> &'static str {
    let starts = |s: &str| item.starts_with(s);
    if starts("Mötets öppnande") {
        "Ordföranden öppnade mötet. Föregående protokoll godkändes och lades till handlingarna."
    } else if starts("Rapport från den lokala samordnaren") {
        "Samordnaren berättade om verksamheten sedan förra mötet: öppna förskolans besök, föräldragrupperna och arbetet i teamet."
    } else if starts("Verksamhetsberättelse") {
        "Underlaget gicks igenom. Synpunkter lämnas till samordnaren inom två veckor."
    } else if starts("Verksamhetsplan") {
        "Förslaget diskuterades, särskilt målen för gemensamma aktiviteter och hembesök."
    } else if starts("Uppföljning") {
        "Arbetet följer i stort sett planen. Avvikelserna noterades och följs upp till nästa möte."
    } else if starts("Rapport från familjecentralerna") {
        "Samordnarnas skriftliga lägesrapporter gicks igenom."
    } else if starts("Ärende") {
        "Ärendet föredrogs och diskuterades."
    } else if starts("Läget i länet") {
        "Länssamordnaren redogjorde för läget vid familjecentralerna i länet."
    } else if starts("Nytt från länssamordningen") {
        "Länssamordnaren informerade om kommande utbildningar och den länsgemensamma uppföljningen."
    } else if starts("Övriga frågor") {
        "Inga övriga frågor."
    } else {
        "Frågan diskuterades. Gruppen återkommer till den vid nästa möte."
    }
}

/// The minutes of a held meeting, in Markdown.
fn minutes_text(plan: &Plan, m: &MeetingPlan) -> String {
    let group = plan.groups.get(m.group).map_or("", |g| g.name.as_str());
    let mut s = format!("# Protokoll: {group}\n\n**Datum:** {}\n\n", long_date(m.on));
    for (status, label) in [
        (AttendanceStatus::Present, "Närvarande"),
        (AttendanceStatus::Excused, "Anmält förhinder"),
        (AttendanceStatus::Absent, "Frånvarande"),
    ] {
        let names: Vec<String> = m
            .attendance
            .iter()
            .filter(|a| a.1 == status)
            .map(|a| with_employer(plan, a.0))
            .collect();
        if !names.is_empty() {
            s.push_str(&format!("**{label}:** {}\n\n", names.join(", ")));
        }
    }
    for (i, item) in m.agenda.iter().enumerate() {
        s.push_str(&format!("## § {} {item}\n\n{}\n\n", i + 1, note(item)));
    }
    if !m.decisions.is_empty() {
        s.push_str("## Beslut\n\n");
        for d in &m.decisions {
            s.push_str(&format!("- {}\n", d.text));
        }
    }
    s.trim_end().to_string()
}

/// Where a plan is written: the region and the ids of what it names.
pub(crate) struct Target<'a> {
    pub region_id: i64,
    /// Centre name → id.
    pub centres: &'a HashMap<String, i64>,
    /// Municipality code → id.
    pub municipalities: &'a HashMap<String, i64>,
    /// (centre id, service, unit id) of every unit.
    pub units: &'a [(i64, ServiceType, i64)],
    /// Account e-mail → user id.
    pub accounts: &'a HashMap<String, i64>,
}

/// Writes a plan inside the caller's transaction.
pub(crate) async fn write(seed: &mut Seeder, target: &Target<'_>, plan: &Plan) -> anyhow::Result<()> {
    let centre = |name: &str| {
        target
            .centres
            .get(name)
            .copied()
            .with_context(|| format!("the governance plan names an unknown centre {name}"))
    };
    let centre_ids = |names: &[String]| {
        names
            .iter()
            .map(|n| centre(n))
            .collect::<anyhow::Result<Vec<i64>>>()
    };

    let mut person_ids = Vec::with_capacity(plan.people.len());
    for p in &plan.people {
        let unit_id = match &p.unit {
            Some((c, service)) => {
                let c = centre(c)?;
                target
                    .units
                    .iter()
                    .find(|u| u.0 == c && u.1 == *service)
                    .map(|u| u.2)
            }
            None => None,
        };
        let user_id = match &p.account {
            Some(e) => Some(
                *target
                    .accounts
                    .get(e)
                    .with_context(|| format!("no demo account {e}"))?,
            ),
            None => None,
        };
        let input = PersonInput {
            name: p.name.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            profession: p.profession.clone(),
            employer_kind: p.employer.as_ref().map(|e| e.0),
            employer_name: p.employer.as_ref().map(|e| e.1.clone()),
            unit_id,
            user_id,
        };
        let id = seed
            .person(target.region_id, &input)
            .await
            .with_context(|| format!("creating the person {}", p.name))?;
        person_ids.push(id);
    }
    let person = |i: usize| {
        person_ids
            .get(i)
            .copied()
            .with_context(|| format!("the governance plan names an unknown person {i}"))
    };

    let mut group_ids: Vec<i64> = Vec::with_capacity(plan.groups.len());
    for g in &plan.groups {
        let reports_to = match g.reports_to {
            Some(i) => Some(
                *group_ids
                    .get(i)
                    .with_context(|| format!("{} reports to a later group", g.name))?,
            ),
            None => None,
        };
        let municipality_id = match &g.municipality {
            Some(code) => Some(
                *target
                    .municipalities
                    .get(code)
                    .with_context(|| format!("{} names an unknown municipality", g.name))?,
            ),
            None => None,
        };
        let input = GroupInput {
            kind: g.kind,
            name: g.name.clone(),
            municipality_id,
            reports_to,
            health_forum: g.health_forum,
            starts_on: None,
            centre_ids: centre_ids(&g.centres)?,
        };
        let id = seed
            .group(target.region_id, &input)
            .await
            .with_context(|| format!("creating the group {}", g.name))?;
        group_ids.push(id);
    }
    let group = |i: usize| {
        group_ids
            .get(i)
            .copied()
            .with_context(|| format!("the governance plan names an unknown group {i}"))
    };

    // Sessions gather everyone introduced on the same day by the same person.
    let mut sessions: BTreeMap<(NaiveDate, usize, &str), Vec<i64>> = BTreeMap::new();
    for a in &plan.assignments {
        let record = Assignment {
            id: 0,
            person_id: person(a.person)?,
            kind: a.kind,
            region_id: target.region_id,
            centre_id: a.centre.as_deref().map(centre).transpose()?,
            group_id: a.group.map(group).transpose()?,
            share_percent: a.share_percent,
            paid_by: a.paid_by.clone(),
            minutes_per_week: a.minutes_per_week,
            starts_on: a.starts_on,
            ends_on: a.ends_on,
        };
        let id = seed
            .assignment(&record)
            .await
            .context("recording an assignment")?;
        if let Some(i) = &a.introduced {
            sessions
                .entry((i.on, i.by, i.title.as_str()))
                .or_default()
                .push(id);
        }
    }
    for ((on, by, title), ids) in &sessions {
        seed.session(target.region_id, *on, Some(person(*by)?), title, ids)
            .await
            .context("recording an introduction session")?;
    }

    let mut decision_ids: HashMap<(usize, usize), i64> = HashMap::new();
    for (index, m) in plan.meetings.iter().enumerate() {
        let agenda = m.agenda.join("\n");
        let id = seed
            .meeting(group(m.group)?, m.on, m.status, Some(&agenda))
            .await
            .context("recording a meeting")?;
        if !m.attendance.is_empty() {
            let attendance = m
                .attendance
                .iter()
                .map(|(p, s)| Ok((person(*p)?, *s)))
                .collect::<anyhow::Result<Vec<_>>>()?;
            seed.attendance(id, &attendance).await?;
        }
        let published = match m.minutes {
            Minutes::None => None,
            Minutes::Written => Some(None),
            Minutes::Published(on) => Some(Some(on)),
        };
        if let Some(published) = published {
            let text = minutes_text(plan, m);
            seed.minutes(id, &text, published)
                .await
                .context("recording minutes")?;
        }
        for (k, d) in m.decisions.iter().enumerate() {
            let decision = seed
                .decision(id, d.category, &d.text, &centre_ids(&d.centres)?)
                .await
                .context("recording a decision")?;
            decision_ids.insert((index, k), decision);
        }
    }

    for m in &plan.matters {
        let Some((draft, rest)) = m.steps.split_first() else {
            continue;
        };
        let id = seed
            .matter(
                target.region_id,
                Some(group(m.from)?),
                group(m.to)?,
                &m.title,
                Some(&m.body),
                draft.on,
                draft.person.map(person).transpose()?,
            )
            .await
            .with_context(|| format!("raising the matter {}", m.title))?;
        for s in rest {
            let decision = match s.decision {
                Some(key) => Some(
                    *decision_ids
                        .get(&key)
                        .with_context(|| format!("{} names an unknown decision", m.title))?,
                ),
                None => None,
            };
            let step = MatterStep {
                status: s.status,
                on: s.on,
                person_id: s.person.map(person).transpose()?,
                note: s.note.clone(),
            };
            seed.advance(id, &step, decision)
                .await
                .with_context(|| format!("moving the matter {} on", m.title))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses_are_plain_ascii() {
        assert_eq!(
            email("Per-Erik Söderholm", "osthammar"),
            "per-erik.soderholm@osthammar.demo.samverka.se"
        );
        assert_eq!(ascii("Åsa El-Amin Kovač"), "asa.el-amin.kovac");
    }

    #[test]
    fn dates_fall_back_to_the_end_of_the_month_and_meetings_to_weekdays() {
        assert_eq!(
            day(2025, 2, 31),
            NaiveDate::from_ymd_opt(2025, 2, 28).expect("date")
        );
        let saturday = NaiveDate::from_ymd_opt(2025, 3, 15).expect("date");
        assert_eq!(weekday(saturday).weekday(), Weekday::Mon);
        assert_eq!(long_date(saturday), "15 mars 2025");
    }

    #[test]
    fn a_year_spec_gives_the_promised_meetings() {
        let today = day(2026, 6, 1);
        let mut b = Builder::new(1, today);
        let g = b.group(GroupPlan {
            kind: GroupKind::Management,
            name: "Ledningsgrupp".into(),
            municipality: None,
            reports_to: None,
            health_forum: false,
            centres: vec!["A".into()],
        });
        let spec = YearSpec {
            held: 4,
            cancelled: 1,
            late: 1,
            unpublished: 1,
            missing: 1,
        };
        let ms = b.year(g, 2025, spec);
        let of = |s: MeetingStatus| ms.iter().filter(|m| b.plan.meetings[**m].status == s).count();
        assert_eq!((of(MeetingStatus::Held), of(MeetingStatus::Cancelled)), (4, 1));
        let minutes: Vec<Minutes> = ms.iter().map(|m| b.plan.meetings[*m].minutes).collect();
        assert_eq!(minutes.iter().filter(|m| **m == Minutes::None).count(), 2);
        assert_eq!(minutes.iter().filter(|m| **m == Minutes::Written).count(), 1);
        let late = ms
            .iter()
            .filter(|m| {
                let m = &b.plan.meetings[**m];
                matches!(m.minutes, Minutes::Published(p) if (p - m.on).num_days() > 14)
            })
            .count();
        assert_eq!(late, 1);
        let now = b.current(g, 2026, 4);
        assert!(
            now.iter()
                .any(|m| b.plan.meetings[*m].status == MeetingStatus::Planned)
        );
        assert!(now.iter().all(|m| {
            let m = &b.plan.meetings[*m];
            (m.status == MeetingStatus::Held) == (m.on < today)
        }));
    }
}
