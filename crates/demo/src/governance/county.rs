//! Governance in the demo county, Region Uppsala: the people, groups,
//! meetings, decisions, matters and introductions of two years and the
//! running one, invented so that the signals show what the 2025 follow-up
//! found — about half of the management groups meet fewer than four times a
//! year, steering groups rarely meet (two not at all last year), new managers
//! wait for their introduction, and matters wait for steering groups that do
//! not meet.
//!
//! Every name, e-mail address and phone number is invented. Phone numbers
//! lie in the series 070-123 45 00–99. Älvkarleby's centre, for which the
//! report has no answer, gets no governance data at all: all its signals
//! show "kan inte bedömas".
//!
//! Dates are relative to today: "last year" is the calendar year before the
//! running one. Everything that decides last year's signals happens within
//! last year, so they are the same whatever day the demo is loaded.

use chrono::{Datelike, Duration, NaiveDate};
use samverka_core::governance::{AssignmentKind, DecisionCategory, GroupKind, MatterStatus};
use samverka_core::{BaseService, PrincipalKind, ServiceType};

use crate::governance::{
    AssignmentPlan, Builder, Fate, GroupPlan, MatterPlan, PersonPlan, Plan, StepPlan, YearSpec, day, email,
};

/// The demo account of the county coordinator.
pub(crate) const COUNTY_ACCOUNT: &str = "lan@uppsala.demo.samverka.se";
/// The demo account of Sävja's local coordinator.
pub(crate) const SAVJA_ACCOUNT: &str = "lokal.savja@uppsala.demo.samverka.se";
/// The demo account of Heby's local coordinator.
pub(crate) const HEBY_ACCOUNT: &str = "lokal.heby@uppsala.demo.samverka.se";

const BHV: ServiceType = ServiceType::Base(BaseService::ChildHealth);
const MHV: ServiceType = ServiceType::Base(BaseService::Maternal);
const OF: ServiceType = ServiceType::Base(BaseService::OpenPreschool);
const SOC: ServiceType = ServiceType::Base(BaseService::SocialServices);
const OTHER: ServiceType = ServiceType::Other;

const ENKOPING: &str = "Enköpings familjecentral";
const HEBY: &str = "Familjecentralen i Heby";
const HARBO: &str = "Familjecentralen i Harbo";
const MORGONGAVA: &str = "Familjecentralen i Morgongåva/Vittinge";
const TARNSJO: &str = "Familjecentralen i Tärnsjö";
const OSTERVALA: &str = "Familjecentralen i Östervåla";
const HABO: &str = "Familjecentralen i Håbo";
const KNIVSTA: &str = "Knivsta familjecentral";
const TIERP: &str = "Familjecentralen i Tierp";
const EKEBY: &str = "Ekeby/Flogsta familjecentral";
const GOTTSUNDA: &str = "Gottsunda familjecentral";
const LILJEFORSTORG: &str = "Liljeforstorg familjecentral";
const NYBY: &str = "Nyby/Heidenstam familjecentral";
const STENHAGEN: &str = "Stenhagen familjecentral";
const SAVJA: &str = "Sävja familjecentral";
const GIMO: &str = "Familjecentralen i Gimo";

/// The centres with governance data: all but Älvkarleby's.
pub(crate) const GOVERNED: [&str; 16] = [
    ENKOPING,
    HEBY,
    HARBO,
    MORGONGAVA,
    TARNSJO,
    OSTERVALA,
    HABO,
    KNIVSTA,
    TIERP,
    EKEBY,
    GOTTSUNDA,
    LILJEFORSTORG,
    NYBY,
    STENHAGEN,
    SAVJA,
    GIMO,
];

/// Who employs a person.
#[derive(Clone, Copy)]
enum Employer {
    Region,
    /// A municipality, by its SCB code.
    Municipality(&'static str),
    Church,
}

/// The municipalities: code, name as principal, e-mail domain.
const MUNICIPALITIES: [(&str, &str, &str); 7] = [
    ("0381", "Enköpings kommun", "enkoping"),
    ("0331", "Heby kommun", "heby"),
    ("0305", "Håbo kommun", "habo"),
    ("0330", "Knivsta kommun", "knivsta"),
    ("0360", "Tierps kommun", "tierp"),
    ("0380", "Uppsala kommun", "uppsala"),
    ("0382", "Östhammars kommun", "osthammar"),
];

/// How an assignment's holder is introduced.
#[derive(Clone, Copy)]
enum Intro {
    /// At the county coordination's (or the local coordinator's) next session, in time.
    Next,
    /// On this day.
    On(NaiveDate),
    /// Not at all.
    Never,
}

/// The plan under construction, with the years it speaks of.
struct County {
    b: Builder,
    /// The running year, last year, and the year before.
    y0: i32,
    y1: i32,
    y2: i32,
    /// Phone numbers handed out so far.
    phones: u32,
    /// The county coordinator, who holds the introduction sessions.
    coordinator: usize,
}

impl County {
    /// A day `years` before the running year.
    fn ago(&self, years: i32, month: u32, d: u32) -> NaiveDate {
        day(self.y0 - years, month, d)
    }

    fn add_person(
        &mut self,
        name: &str,
        profession: &str,
        employer: Employer,
        unit: Option<(&str, ServiceType)>,
        absence: f64,
        phone: bool,
    ) -> usize {
        let (kind, employer_name, domain) = match employer {
            Employer::Region => (PrincipalKind::Region, "Region Uppsala", "regionuppsala"),
            Employer::Municipality(code) => {
                let (_, principal, domain) = MUNICIPALITIES
                    .iter()
                    .find(|m| m.0 == code)
                    .copied()
                    .unwrap_or(("", "kommunen", "kommun"));
                (PrincipalKind::Municipality, principal, domain)
            }
            Employer::Church => (PrincipalKind::NonProfit, "Svenska kyrkan", "svenskakyrkan"),
        };
        let phone = phone.then(|| {
            self.phones += 1;
            format!("070-123 45 {:02}", self.phones - 1)
        });
        self.b.person(PersonPlan {
            name: name.to_string(),
            email: Some(email(name, domain)),
            phone,
            profession: Some(profession.to_string()),
            employer: Some((kind, employer_name.to_string())),
            unit: unit.map(|(c, s)| (c.to_string(), s)),
            account: None,
            absence,
        })
    }

    /// A manager or other leader, with a phone number.
    fn person(
        &mut self,
        name: &str,
        profession: &str,
        employer: Employer,
        unit: Option<(&str, ServiceType)>,
        absence: f64,
    ) -> usize {
        self.add_person(name, profession, employer, unit, absence, true)
    }

    /// A member of a centre's team: the contact list does not need their phone.
    fn worker(
        &mut self,
        name: &str,
        profession: &str,
        employer: Employer,
        unit: (&str, ServiceType),
    ) -> usize {
        self.add_person(name, profession, employer, Some(unit), 0.0, false)
    }

    fn group(
        &mut self,
        kind: GroupKind,
        name: &str,
        municipality: Option<&str>,
        reports_to: Option<usize>,
        centres: &[&str],
    ) -> usize {
        self.b.group(GroupPlan {
            kind,
            name: name.to_string(),
            municipality: municipality.map(str::to_string),
            reports_to,
            health_forum: false,
            centres: centres.iter().map(|c| c.to_string()).collect(),
        })
    }

    /// Introduces the holder of an assignment as `intro` says; `by` holds the session.
    fn intro(&mut self, a: usize, intro: Intro, by: usize) {
        match intro {
            Intro::Next => self.b.introduce_at_next_session(a, by),
            Intro::On(on) => self.b.introduce(a, on, by),
            Intro::Never => {}
        }
    }

    /// A seat in a group from `from` to `to`, introduced by the county coordination.
    fn seat(
        &mut self,
        person: usize,
        group: usize,
        from: NaiveDate,
        to: Option<NaiveDate>,
        intro: Intro,
    ) -> usize {
        let kind = match self.b.plan.groups.get(group).map(|g| g.kind) {
            Some(GroupKind::Steering) => AssignmentKind::SteeringMember,
            Some(GroupKind::Preparation) => AssignmentKind::PreparationMember,
            Some(GroupKind::CountySteering) => AssignmentKind::CountySteeringMember,
            _ => AssignmentKind::ManagementMember,
        };
        let a = self.b.assign(AssignmentPlan {
            group: Some(group),
            ..AssignmentPlan::new(person, kind, from, to)
        });
        let by = self.coordinator;
        self.intro(a, intro, by);
        a
    }

    /// Seats in a group since long ago, all introduced in time.
    fn seats(&mut self, group: usize, people: &[(usize, NaiveDate)]) {
        for &(p, from) in people {
            self.seat(p, group, from, None, Intro::Next);
        }
    }

    /// The chair of a management group for one year.
    fn chair(&mut self, person: usize, group: usize, year: i32, intro: Intro) {
        let a = self.b.assign(AssignmentPlan {
            group: Some(group),
            ..AssignmentPlan::new(
                person,
                AssignmentKind::ManagementChair,
                day(year, 1, 1),
                Some(day(year, 12, 31)),
            )
        });
        let by = self.coordinator;
        self.intro(a, intro, by);
    }

    /// A local coordinator with a share of a post (or none recorded).
    #[expect(clippy::too_many_arguments, reason = "each is a field of the assignment")]
    fn local_coordinator(
        &mut self,
        person: usize,
        centre: &str,
        share: Option<i64>,
        paid_by: Option<&str>,
        from: NaiveDate,
        to: Option<NaiveDate>,
        intro: Intro,
    ) {
        let a = self.b.assign(AssignmentPlan {
            centre: Some(centre.to_string()),
            share_percent: share,
            paid_by: paid_by.map(str::to_string),
            ..AssignmentPlan::new(person, AssignmentKind::LocalCoordinator, from, to)
        });
        let by = self.coordinator;
        self.intro(a, intro, by);
    }

    /// A member of a centre's team with hours a week there, introduced by the local coordinator.
    fn staff(&mut self, person: usize, centre: &str, hours: i64, from: NaiveDate, intro: Intro, by: usize) {
        let a = self.b.assign(AssignmentPlan {
            centre: Some(centre.to_string()),
            minutes_per_week: Some(hours * 60),
            ..AssignmentPlan::new(person, AssignmentKind::StaffMember, from, None)
        });
        match intro {
            Intro::Next => {
                let on = from + Duration::days(16);
                self.b.introduce(a, on, by);
            }
            other => self.intro(a, other, by),
        }
    }

    /// A management group's meetings: the two past years as given, and four this year.
    fn management_meetings(&mut self, group: usize, before_last: YearSpec, last: YearSpec) {
        let (y0, y1, y2) = (self.y0, self.y1, self.y2);
        self.b.year(group, y2, before_last);
        self.b.year(group, y1, last);
        self.b.current(group, y0, 4);
    }

    /// Meetings on the given days (month, day) of a year, minutes in time.
    fn meetings_on(&mut self, group: usize, year: i32, days: &[(u32, u32)]) -> Vec<usize> {
        days.iter()
            .map(|&(m, d)| self.b.meeting(group, day(year, m, d), Fate::InTime))
            .collect()
    }

    /// A matter from a management group to its steering group.
    fn matter(&mut self, from: usize, to: usize, title: &str, body: &str, steps: Vec<StepPlan>) {
        self.b.plan.matters.push(MatterPlan {
            from,
            to,
            title: title.to_string(),
            body: body.to_string(),
            steps,
        });
    }
}

/// One step of a matter.
fn step(status: MatterStatus, on: NaiveDate, person: usize) -> StepPlan {
    StepPlan {
        status,
        on,
        person: Some(person),
        note: None,
        decision: None,
    }
}

/// The names of a list of centres.
fn names(centres: &[&str]) -> Vec<String> {
    centres.iter().map(|c| c.to_string()).collect()
}

/// The plan of Region Uppsala's governance, as of `today`.
pub(crate) fn plan(today: NaiveDate) -> Plan {
    use Employer::{Church, Municipality as Kommun, Region};
    use Intro::{Never, Next, On};
    use MatterStatus::{Decided, Draft, OnAgenda, ReportedBack, Submitted};

    let y0 = today.year();
    let mut c = County {
        b: Builder::new(0x0003_2025, today),
        y0,
        y1: y0 - 1,
        y2: y0 - 2,
        phones: 0,
        coordinator: 0,
    };
    let (y1, y2) = (c.y1, c.y2);
    let d = day;
    // When the long-standing members started.
    let long_ago = [
        c.ago(8, 3, 1),
        c.ago(6, 9, 1),
        c.ago(5, 1, 15),
        c.ago(4, 8, 19),
        c.ago(3, 2, 1),
    ];
    let [a8, a6, a5, a4, a3] = long_ago;

    // ---- The county level.
    let karin = c.person("Karin Söderholm", "länssamordnare", Region, None, 0.05);
    c.b.plan.people[karin].account = Some(COUNTY_ACCOUNT.to_string());
    c.coordinator = karin;
    let omar = c.person("Omar Lindahl", "samverkansstrateg", Region, None, 0.1);
    let county = c.group(
        GroupKind::CountySteering,
        "Länsövergripande styrgrupp för familjecentraler",
        None,
        None,
        &GOVERNED,
    );
    let network = c.group(
        GroupKind::CoordinatorNetwork,
        "Nätverket för lokala samordnare i Uppsala län",
        None,
        None,
        &GOVERNED,
    );
    c.b.assign(AssignmentPlan {
        group: Some(network),
        share_percent: Some(30),
        paid_by: Some("Region Uppsala och länets kommuner".into()),
        ..AssignmentPlan::new(karin, AssignmentKind::CountyCoordinator, a5, None)
    });
    c.b.assign(AssignmentPlan::new(
        omar,
        AssignmentKind::CollaborationStrategist,
        a3,
        None,
    ));
    let birgitta = c.person("Birgitta Holmén", "verksamhetschef primärvård", Region, None, 0.2);
    let jonas = c.person(
        "Jonas Falk",
        "verksamhetschef kvinnohälsovård",
        Region,
        None,
        0.25,
    );
    let elin_a = c.person("Elin Åkesson", "stiftsadjunkt", Church, None, 0.2);
    let per_erik = c.person("Per-Erik Sundin", "socialdirektör", Kommun("0380"), None, 0.3);
    let sofia = c.person("Sofia Wikström", "socialchef", Kommun("0381"), None, 0.25);
    let tobias = c.person("Tobias Hägg", "socialchef", Kommun("0331"), None, 0.2);
    c.seats(
        county,
        &[(birgitta, a6), (jonas, a6), (elin_a, a4), (per_erik, a5)],
    );
    c.seat(sofia, county, a6, Some(d(y1, 6, 30)), Next);
    c.seat(tobias, county, d(y1, 9, 1), None, Next);

    // ---- Enköping.
    let lars = c.person("Lars Nordqvist", "områdeschef primärvård", Region, None, 0.3);
    let mats = c.person(
        "Mats Engdahl",
        "förvaltningschef utbildning",
        Kommun("0381"),
        None,
        0.2,
    );
    let enk_s = c.group(
        GroupKind::Steering,
        "Styrgrupp för familjecentralen i Enköping",
        Some("0381"),
        None,
        &[ENKOPING],
    );
    c.seats(enk_s, &[(lars, a6), (sofia, a6), (mats, a4)]);
    let enk = c.group(
        GroupKind::Management,
        "Ledningsgrupp Enköpings familjecentral",
        None,
        Some(enk_s),
        &[ENKOPING],
    );
    let annika = c.person(
        "Annika Sjöberg",
        "vårdenhetschef",
        Region,
        Some((ENKOPING, BHV)),
        0.1,
    );
    let fatima = c.person(
        "Fatima El-Amin",
        "barnmorska, enhetschef",
        Region,
        Some((ENKOPING, MHV)),
        0.2,
    );
    let henrik = c.person(
        "Henrik Dahlgren",
        "rektor",
        Kommun("0381"),
        Some((ENKOPING, OF)),
        0.1,
    );
    let lena = c.person(
        "Lena Forsberg",
        "enhetschef",
        Kommun("0381"),
        Some((ENKOPING, SOC)),
        0.4,
    );
    let jasmina = c.person(
        "Jasmina Kovač",
        "enhetschef",
        Kommun("0381"),
        Some((ENKOPING, SOC)),
        0.35,
    );
    c.seats(enk, &[(annika, a6), (fatima, a4), (henrik, a5)]);
    c.seat(lena, enk, a6, Some(d(y1, 2, 28)), Next);
    // The new social-services manager was never introduced.
    c.seat(jasmina, enk, d(y1, 3, 1), None, Never);
    c.chair(annika, enk, y2, Next);
    c.chair(henrik, enk, y1, Next);
    let maria = c.person(
        "Maria Grahn",
        "lokal samordnare",
        Kommun("0381"),
        Some((ENKOPING, OF)),
        0.0,
    );
    c.local_coordinator(
        maria,
        ENKOPING,
        Some(20),
        Some("Region Uppsala och Enköpings kommun"),
        a5,
        None,
        Next,
    );
    // Enköping shares the task among three, one from each of three services.
    let ylva = c.person(
        "Ylva Ek",
        "BVC-sjuksköterska, samordnare",
        Region,
        Some((ENKOPING, BHV)),
        0.05,
    );
    let karolina = c.person(
        "Karolina Viklund",
        "barnmorska, samordnare",
        Region,
        Some((ENKOPING, MHV)),
        0.05,
    );
    for p in [ylva, karolina] {
        c.local_coordinator(p, ENKOPING, Some(10), Some("Region Uppsala"), a4, None, Next);
    }
    let ulrika = c.worker("Ulrika Sandberg", "BVC-sjuksköterska", Region, (ENKOPING, BHV));
    c.staff(ulrika, ENKOPING, 8, a3, Next, maria);
    c.management_meetings(
        enk,
        YearSpec::held(4),
        YearSpec {
            cancelled: 1,
            ..YearSpec::held(3)
        },
    );
    c.meetings_on(enk_s, y2, &[(10, 14)]);
    let enk_y1 = c.meetings_on(enk_s, y1, &[(10, 15)]);
    c.meetings_on(enk_s, y0, &[(4, 21), (12, 8)]);
    let title = "Gemensamma lokaler för öppna förskolan och BVC";
    c.b.agenda_item(enk_y1[0], &format!("Ärende från ledningsgruppen: {title}"));
    let decision = c.b.decide(
        enk_y1[0],
        DecisionCategory::MatterFromGroup,
        "Förvaltningarna får i uppdrag att utreda gemensamma lokaler för öppna förskolan och BVC i Enköping och återkomma hösten nästa år.",
        names(&[ENKOPING]),
    );
    let decided = c.b.date_of(enk_y1[0]);
    c.matter(
        enk,
        enk_s,
        title,
        "Öppna förskolan och BVC ligger i olika delar av staden. Ledningsgruppen vill att styrgruppen tar ställning till gemensamma lokaler.",
        vec![
            step(Draft, d(y1, 8, 20), henrik),
            step(Submitted, d(y1, 9, 1), henrik),
            step(OnAgenda, d(y1, 10, 1), lars),
            StepPlan {
                decision: Some(decision),
                ..step(Decided, decided, lars)
            },
            step(ReportedBack, decided + Duration::days(13), maria),
        ],
    );

    // ---- Heby: five centres, open preschool run by the Church of Sweden.
    let gunilla = c.person("Gunilla Strand", "områdeschef primärvård", Region, None, 0.3);
    let anders = c.person("Anders Lövgren", "socialchef", Kommun("0331"), None, 0.3);
    let kristina = c.person("Kristina Norén", "kyrkoherde", Church, None, 0.2);
    let heby_all = [HEBY, HARBO, MORGONGAVA, TARNSJO, OSTERVALA];
    let heby_s = c.group(
        GroupKind::Steering,
        "Styrgrupp för familjecentralerna i Heby kommun",
        Some("0331"),
        None,
        &heby_all,
    );
    c.seats(heby_s, &[(gunilla, a6), (kristina, a5)]);
    c.seat(anders, heby_s, a8, Some(d(y1, 1, 14)), Next);
    c.seat(tobias, heby_s, d(y1, 1, 15), None, On(d(y1, 3, 12)));
    let eva = c.person("Eva Brandt", "vårdenhetschef", Region, Some((HEBY, BHV)), 0.1);
    let johan = c.person(
        "Johan Ekström",
        "vårdenhetschef",
        Region,
        Some((MORGONGAVA, BHV)),
        0.15,
    );
    let nadia = c.person(
        "Nadia Haddad",
        "vårdenhetschef",
        Region,
        Some((TARNSJO, BHV)),
        0.1,
    );
    let cecilia = c.person(
        "Cecilia Rydén",
        "barnmorska, enhetschef",
        Region,
        Some((HEBY, MHV)),
        0.25,
    );
    let patrik = c.person(
        "Patrik Holm",
        "enhetschef",
        Kommun("0331"),
        Some((HEBY, SOC)),
        0.45,
    );
    let maja_w = c.person(
        "Maja Westerlund",
        "församlingspedagog",
        Church,
        Some((HEBY, OF)),
        0.15,
    );
    let britt = c.person("Britt Lundmark", "diakon", Church, Some((HARBO, OF)), 0.2);
    let stefan = c.person("Stefan Alm", "präst", Church, Some((MORGONGAVA, OF)), 0.2);
    let hanna = c.person(
        "Hanna Berglöf",
        "församlingspedagog",
        Church,
        Some((TARNSJO, OF)),
        0.15,
    );
    let rolf = c.person("Rolf Sandin", "komminister", Church, Some((OSTERVALA, OF)), 0.25);
    let amanda = c.person(
        "Amanda Hedlund",
        "församlingspedagog",
        Church,
        Some((OSTERVALA, OF)),
        0.2,
    );
    let mg = |c: &mut County, centre: &str| {
        let short = centre.trim_start_matches("Familjecentralen i ");
        c.group(
            GroupKind::Management,
            &format!("Ledningsgrupp familjecentralen i {short}"),
            None,
            Some(heby_s),
            &[centre],
        )
    };
    let heby = mg(&mut c, HEBY);
    let harbo = mg(&mut c, HARBO);
    let morgongava = mg(&mut c, MORGONGAVA);
    let tarnsjo = mg(&mut c, TARNSJO);
    let ostervala = mg(&mut c, OSTERVALA);
    c.seats(heby, &[(eva, a6), (cecilia, a5), (patrik, a8), (maja_w, a4)]);
    c.seats(harbo, &[(eva, a6), (patrik, a8), (britt, a6)]);
    c.seats(
        morgongava,
        &[(johan, a5), (cecilia, a5), (patrik, a8), (stefan, a3)],
    );
    c.seats(tarnsjo, &[(patrik, a8), (hanna, a4)]);
    c.seat(johan, tarnsjo, a5, Some(d(y1, 2, 28)), Next);
    // Introduced, but a month after the deadline.
    c.seat(nadia, tarnsjo, d(y1, 3, 1), None, On(d(y1, 7, 1)));
    c.seats(ostervala, &[(eva, a6), (patrik, a8)]);
    c.seat(rolf, ostervala, a6, Some(d(y1, 4, 30)), Next);
    // The new church representative was never introduced.
    c.seat(amanda, ostervala, d(y1, 5, 1), None, Never);
    for (g, chairs) in [
        (heby, [Some(eva), Some(eva), Some(cecilia)]),
        (harbo, [Some(britt), None, Some(eva)]),
        (morgongava, [Some(johan), Some(stefan), None]),
        (tarnsjo, [Some(hanna), Some(hanna), Some(nadia)]),
        (ostervala, [None, Some(patrik), None]),
    ] {
        for (year, chair) in [y2, y1, y0].into_iter().zip(chairs) {
            if let Some(p) = chair {
                c.chair(p, g, year, Next);
            }
        }
    }
    // Employed in social services at Heby; coordinates all five centres.
    let linnea = c.person(
        "Linnea Bergkvist",
        "socionom, lokal samordnare",
        Kommun("0331"),
        Some((HEBY, SOC)),
        0.0,
    );
    c.b.plan.people[linnea].account = Some(HEBY_ACCOUNT.to_string());
    for centre in heby_all {
        c.local_coordinator(
            linnea,
            centre,
            Some(10),
            Some("Region Uppsala och Heby kommun"),
            a5,
            None,
            Next,
        );
    }
    let sara = c.worker("Sara Öhman", "förskollärare", Church, (HEBY, OF));
    c.staff(sara, HEBY, 16, a4, Next, linnea);
    let elsa = c.worker("Elsa Nygren", "socionom", Kommun("0331"), (TARNSJO, SOC));
    c.staff(elsa, TARNSJO, 4, d(y2, 9, 1), Next, linnea);
    c.management_meetings(heby, YearSpec::held(4), YearSpec::held(4));
    c.management_meetings(
        harbo,
        YearSpec::held(3),
        YearSpec {
            late: 1,
            ..YearSpec::held(2)
        },
    );
    c.management_meetings(morgongava, YearSpec::held(4), YearSpec::held(3));
    c.management_meetings(tarnsjo, YearSpec::held(3), YearSpec::held(4));
    c.management_meetings(
        ostervala,
        YearSpec {
            late: 1,
            ..YearSpec::held(2)
        },
        YearSpec {
            missing: 1,
            ..YearSpec::held(1)
        },
    );
    let heby_y2 = c.meetings_on(heby_s, y2, &[(11, 12)]);
    c.b.decide(
        heby_y2[0],
        DecisionCategory::AgreementChange,
        &format!(
            "Överenskommelsen med Svenska kyrkan om öppna förskolan vid de fem familjecentralerna förlängs till och med {}.",
            y0 + 1
        ),
        names(&heby_all),
    );
    let heby_y1 = c.meetings_on(heby_s, y1, &[(4, 22), (9, 16)]);
    c.meetings_on(heby_s, y0, &[(4, 14), (12, 1)]);
    let title = "Gemensam föräldrautbildning vid alla fem familjecentraler";
    for m in &heby_y1 {
        c.b.agenda_item(*m, &format!("Ärende från ledningsgruppen i Heby: {title}"));
    }
    let decision = c.b.decide(
        heby_y1[1],
        DecisionCategory::MatterFromGroup,
        &format!("Föräldrautbildningen erbjuds vid alla fem familjecentraler i kommunen från och med {y0}."),
        names(&heby_all),
    );
    let (on_agenda, decided) = (c.b.date_of(heby_y1[0]), c.b.date_of(heby_y1[1]));
    c.matter(
        heby,
        heby_s,
        title,
        "Ledningsgruppen föreslår att föräldrautbildningen som prövats i Heby erbjuds vid alla fem familjecentraler.",
        vec![
            step(Draft, d(y1, 1, 25), eva),
            step(Submitted, d(y1, 2, 3), eva),
            StepPlan {
                note: Some("Bordlades i väntan på en kostnadsberäkning.".into()),
                ..step(OnAgenda, on_agenda, gunilla)
            },
            StepPlan {
                decision: Some(decision),
                ..step(Decided, decided, gunilla)
            },
            step(ReportedBack, decided + Duration::days(16), linnea),
        ],
    );

    // ---- Håbo: the steering group did not meet at all last year.
    let karin_l = c.person("Karin Ljung", "socialchef", Kommun("0305"), None, 0.3);
    let niklas = c.person("Niklas Berg", "förvaltningschef", Kommun("0305"), None, 0.2);
    let habo_s = c.group(
        GroupKind::Steering,
        "Styrgrupp för familjecentralen i Håbo",
        Some("0305"),
        None,
        &[HABO],
    );
    c.seats(habo_s, &[(lars, a5), (karin_l, a4), (niklas, a5)]);
    let habo = c.group(
        GroupKind::Management,
        "Ledningsgrupp familjecentralen i Håbo",
        None,
        Some(habo_s),
        &[HABO],
    );
    let ida = c.person("Ida Markström", "vårdenhetschef", Region, Some((HABO, BHV)), 0.1);
    let robert = c.person("Robert Nyberg", "rektor", Kommun("0305"), Some((HABO, OF)), 0.1);
    let susanne = c.person(
        "Susanne Blom",
        "enhetschef",
        Kommun("0305"),
        Some((HABO, SOC)),
        0.35,
    );
    let ahmed = c.person(
        "Ahmed Osman",
        "enhetschef",
        Kommun("0305"),
        Some((HABO, SOC)),
        0.3,
    );
    let pia = c.person("Pia Enqvist", "diakon", Church, Some((HABO, OTHER)), 0.25);
    c.seats(habo, &[(ida, a5), (robert, a4), (pia, a3)]);
    c.seat(susanne, habo, a6, Some(d(y2, 5, 31)), Next);
    c.seat(ahmed, habo, d(y2, 6, 1), None, On(d(y2, 8, 20)));
    c.chair(ida, habo, y2, Next);
    c.chair(robert, habo, y1, Next);
    c.chair(ida, habo, y0, Next);
    let jenny = c.person(
        "Jenny Åström",
        "lokal samordnare",
        Kommun("0305"),
        Some((HABO, OF)),
        0.0,
    );
    c.local_coordinator(
        jenny,
        HABO,
        Some(20),
        Some("Region Uppsala och Håbo kommun"),
        a4,
        None,
        Next,
    );
    c.management_meetings(
        habo,
        YearSpec::held(4),
        YearSpec {
            cancelled: 1,
            ..YearSpec::held(3)
        },
    );
    c.meetings_on(habo_s, y2, &[(5, 20)]);
    c.meetings_on(habo_s, y0, &[(3, 17), (12, 10)]);

    // ---- Knivsta.
    let camilla = c.person("Camilla Roos", "socialchef", Kommun("0330"), None, 0.25);
    let mikael = c.person("Mikael Granath", "förskolechef", Kommun("0330"), None, 0.2);
    let kni_s = c.group(
        GroupKind::Steering,
        "Styrgrupp för familjecentralen i Knivsta",
        Some("0330"),
        None,
        &[KNIVSTA],
    );
    c.seats(kni_s, &[(lars, a5), (camilla, a4), (mikael, a3)]);
    let kni = c.group(
        GroupKind::Management,
        "Ledningsgrupp Knivsta familjecentral",
        None,
        Some(kni_s),
        &[KNIVSTA],
    );
    let therese = c.person(
        "Therese Wahlberg",
        "vårdenhetschef",
        Region,
        Some((KNIVSTA, BHV)),
        0.1,
    );
    let lovisa = c.person(
        "Lovisa Ahl",
        "barnmorska, enhetschef",
        Region,
        Some((KNIVSTA, MHV)),
        0.2,
    );
    let erik = c.person(
        "Erik Söderlund",
        "rektor",
        Kommun("0330"),
        Some((KNIVSTA, OF)),
        0.1,
    );
    let malin = c.person(
        "Malin Kjellberg",
        "rektor",
        Kommun("0330"),
        Some((KNIVSTA, OF)),
        0.1,
    );
    let dragan = c.person(
        "Dragan Petrović",
        "enhetschef",
        Kommun("0330"),
        Some((KNIVSTA, SOC)),
        0.45,
    );
    c.seats(kni, &[(lovisa, a4), (dragan, a5)]);
    c.seat(erik, kni, a6, Some(d(y1, 8, 14)), Next);
    c.seat(malin, kni, d(y1, 8, 15), None, On(d(y1, 10, 1)));
    let oliver_from = d(y0, 3, 1);
    if oliver_from <= today {
        // This year's change: the new child-health manager is still waiting for an introduction.
        c.seat(therese, kni, a5, Some(oliver_from - Duration::days(1)), Next);
        let oliver = c.person(
            "Oliver Sandström",
            "vårdenhetschef",
            Region,
            Some((KNIVSTA, BHV)),
            0.1,
        );
        c.seat(oliver, kni, oliver_from, None, Never);
    } else {
        c.seat(therese, kni, a5, None, Next);
    }
    c.chair(dragan, kni, y2, Next);
    c.chair(therese, kni, y1, Next);
    c.chair(lovisa, kni, y0, Next);
    let sanna = c.person(
        "Sanna Rehn",
        "lokal samordnare",
        Kommun("0330"),
        Some((KNIVSTA, OF)),
        0.0,
    );
    c.local_coordinator(
        sanna,
        KNIVSTA,
        Some(20),
        Some("Region Uppsala och Knivsta kommun"),
        a4,
        None,
        Next,
    );
    let hedda = c.worker("Hedda Lindblom", "förskollärare", Kommun("0330"), (KNIVSTA, OF));
    c.staff(hedda, KNIVSTA, 20, a4, Next, sanna);
    let yasmin = c.worker("Yasmin Karimi", "socionom", Kommun("0330"), (KNIVSTA, SOC));
    c.staff(yasmin, KNIVSTA, 6, a3, Next, sanna);
    c.management_meetings(kni, YearSpec::held(4), YearSpec::held(5));
    let kni_y2 = c.meetings_on(kni_s, y2, &[(4, 9), (11, 5)]);
    let kni_y1 = c.meetings_on(kni_s, y1, &[(5, 13)]);
    c.meetings_on(kni_s, y0, &[(5, 12), (11, 17)]);
    c.b.decide(
        kni_y1[0],
        DecisionCategory::Other,
        "Familjecentralens lokaler ses över tillsammans med fastighetsförvaltningen.",
        names(&[KNIVSTA]),
    );
    let title = "Tolkstöd i öppna förskolans föräldragrupper";
    c.b.agenda_item(kni_y2[1], &format!("Ärende från ledningsgruppen: {title}"));
    let decision = c.b.decide(
        kni_y2[1],
        DecisionCategory::MatterFromGroup,
        "Öppna förskolan får boka tolk till föräldragrupperna inom socialtjänstens ram för tolkkostnader.",
        names(&[KNIVSTA]),
    );
    let decided = c.b.date_of(kni_y2[1]);
    c.matter(
        kni,
        kni_s,
        title,
        "Flera föräldrar i grupperna behöver tolk. Ledningsgruppen ber styrgruppen besluta om vem som bekostar den.",
        vec![
            step(Draft, d(y2, 9, 22), dragan),
            step(Submitted, d(y2, 10, 1), dragan),
            step(OnAgenda, d(y2, 10, 20), lars),
            StepPlan {
                decision: Some(decision),
                ..step(Decided, decided, lars)
            },
            step(ReportedBack, decided + Duration::days(10), sanna),
        ],
    );

    // ---- Tierp: no meeting of the steering group last year; a matter still waits.
    let bengt = c.person("Bengt Sjödin", "socialchef", Kommun("0360"), None, 0.35);
    let annelie = c.person(
        "Annelie Frost",
        "förvaltningschef barn och utbildning",
        Kommun("0360"),
        None,
        0.2,
    );
    let viktor = c.person(
        "Viktor Ahlgren",
        "förvaltningschef barn och utbildning",
        Kommun("0360"),
        None,
        0.2,
    );
    let tie_s = c.group(
        GroupKind::Steering,
        "Styrgrupp för familjecentralen i Tierp",
        Some("0360"),
        None,
        &[TIERP],
    );
    c.seats(tie_s, &[(gunilla, a6), (bengt, a5)]);
    c.seat(annelie, tie_s, a6, Some(d(y1, 1, 31)), Next);
    // Introduced a month late.
    c.seat(viktor, tie_s, d(y1, 2, 1), None, On(d(y1, 6, 2)));
    let tie = c.group(
        GroupKind::Management,
        "Ledningsgrupp familjecentralen i Tierp",
        None,
        Some(tie_s),
        &[TIERP],
    );
    let kerstin = c.person(
        "Kerstin Hallberg",
        "vårdenhetschef",
        Region,
        Some((TIERP, BHV)),
        0.15,
    );
    let oskar = c.person("Oskar Lund", "rektor", Kommun("0360"), Some((TIERP, OF)), 0.1);
    let ebba = c.person("Ebba Nordin", "rektor", Kommun("0360"), Some((TIERP, OF)), 0.15);
    let leila = c.person(
        "Leila Rahimi",
        "enhetschef",
        Kommun("0360"),
        Some((TIERP, SOC)),
        0.5,
    );
    c.seats(tie, &[(kerstin, a5), (leila, a4)]);
    c.seat(oskar, tie, a6, Some(d(y2, 8, 31)), Next);
    c.seat(ebba, tie, d(y2, 9, 1), None, Never);
    c.chair(kerstin, tie, y2, Next);
    let anneli = c.person(
        "Anneli Backman",
        "lokal samordnare",
        Kommun("0360"),
        Some((TIERP, OF)),
        0.0,
    );
    // Appointed, but no share of a post is recorded.
    c.local_coordinator(anneli, TIERP, None, None, a4, None, Next);
    let moa = c.worker("Moa Engström", "förskollärare", Kommun("0360"), (TIERP, OF));
    c.staff(moa, TIERP, 10, a3, Next, anneli);
    c.management_meetings(
        tie,
        YearSpec::held(3),
        YearSpec {
            missing: 1,
            ..YearSpec::held(2)
        },
    );
    c.meetings_on(tie_s, y2, &[(3, 18)]);
    c.meetings_on(tie_s, y0, &[(12, 9)]);
    c.matter(
        tie,
        tie_s,
        "Fastställd tjänsteandel för den lokala samordnaren",
        "Samordnaren arbetar med familjecentralen utan fastställd tjänsteandel. Ledningsgruppen ber styrgruppen besluta om andel och finansiering.",
        vec![step(Draft, d(y1, 4, 10), kerstin), step(Submitted, d(y1, 4, 22), kerstin)],
    );

    // ---- Uppsala: six centres; the local health-and-care forum is the steering group.
    let uppsala_all = [EKEBY, GOTTSUNDA, LILJEFORSTORG, NYBY, STENHAGEN, SAVJA];
    let forum = c.b.group(GroupPlan {
        kind: GroupKind::Steering,
        name: "Lokalt hälso- och vårdforum Uppsala (styrgrupp för familjecentralerna)".into(),
        municipality: Some("0380".into()),
        reports_to: None,
        health_forum: true,
        centres: names(&uppsala_all),
    });
    let ulf = c.person("Ulf Hedberg", "områdeschef primärvård", Region, None, 0.2);
    let asa = c.person(
        "Åsa Lindroth",
        "verksamhetschef barnhälsovård",
        Region,
        None,
        0.15,
    );
    let marie = c.person(
        "Marie Tornberg",
        "förvaltningschef förskola",
        Kommun("0380"),
        None,
        0.25,
    );
    let johanna = c.person(
        "Johanna Ek",
        "avdelningschef förebyggande socialtjänst",
        Kommun("0380"),
        None,
        0.2,
    );
    c.seats(forum, &[(ulf, a6), (asa, a5), (per_erik, a5), (marie, a4)]);
    c.seat(johanna, forum, d(y1, 9, 1), None, On(d(y1, 10, 20)));
    let prep = c.group(
        GroupKind::Preparation,
        "Beredningsgrupp för familjecentralerna i Uppsala kommun",
        None,
        Some(forum),
        &uppsala_all,
    );
    let nora = c.person("Nora Sahlin", "utvecklingsledare", Kommun("0380"), None, 0.1);
    let jakob = c.person("Jakob Rosén", "utvecklare barnhälsovård", Region, None, 0.15);
    let maja = c.person(
        "Maja Lindqvist",
        "lokal samordnare",
        Kommun("0380"),
        Some((SAVJA, OF)),
        0.0,
    );
    c.b.plan.people[maja].account = Some(SAVJA_ACCOUNT.to_string());
    c.seats(prep, &[(nora, a4), (maja, d(y2, 2, 1))]);
    c.seat(jakob, prep, d(y1, 9, 15), None, Next);

    let helena = c.person(
        "Helena Friberg",
        "barnmorska, enhetschef",
        Region,
        Some((SAVJA, MHV)),
        0.2,
    );
    let ronja = c.person(
        "Ronja Palm",
        "barnmorska, enhetschef",
        Region,
        Some((NYBY, MHV)),
        0.2,
    );
    let marcus = c.person(
        "Marcus Widell",
        "rektor",
        Kommun("0380"),
        Some((GOTTSUNDA, OF)),
        0.1,
    );
    let caroline = c.person("Caroline Borg", "rektor", Kommun("0380"), Some((SAVJA, OF)), 0.1);
    let daniel = c.person(
        "Daniel Kaya",
        "enhetschef",
        Kommun("0380"),
        Some((GOTTSUNDA, SOC)),
        0.45,
    );
    let kent = c.person(
        "Kent Mattsson",
        "enhetschef",
        Kommun("0380"),
        Some((NYBY, SOC)),
        0.4,
    );
    let zeynep = c.person(
        "Zeynep Arslan",
        "enhetschef",
        Kommun("0380"),
        Some((NYBY, SOC)),
        0.35,
    );
    let irene = c.person(
        "Irene Wallin",
        "enhetschef",
        Kommun("0380"),
        Some((SAVJA, SOC)),
        0.4,
    );
    let petra = c.person(
        "Petra Holmqvist",
        "vårdenhetschef",
        Region,
        Some((EKEBY, BHV)),
        0.1,
    );
    let magnus = c.person(
        "Magnus Berglund",
        "vårdenhetschef",
        Region,
        Some((GOTTSUNDA, BHV)),
        0.15,
    );
    let amina = c.person(
        "Amina Yusuf",
        "vårdenhetschef",
        Region,
        Some((GOTTSUNDA, BHV)),
        0.1,
    );
    let sofie = c.person(
        "Sofie Lindgren",
        "vårdenhetschef",
        Region,
        Some((LILJEFORSTORG, BHV)),
        0.1,
    );
    let tove = c.person(
        "Tove Martinsson",
        "vårdenhetschef",
        Region,
        Some((NYBY, BHV)),
        0.15,
    );
    let gustav = c.person(
        "Gustav Ekman",
        "vårdenhetschef",
        Region,
        Some((STENHAGEN, BHV)),
        0.2,
    );
    let eva_lena = c.person(
        "Eva-Lena Björk",
        "vårdenhetschef",
        Region,
        Some((SAVJA, BHV)),
        0.1,
    );
    let lina = c.person("Lina Nguyen", "vårdenhetschef", Region, Some((SAVJA, BHV)), 0.1);
    let um = |c: &mut County, centre: &str| {
        let short = centre.trim_end_matches(" familjecentral");
        c.group(
            GroupKind::Management,
            &format!("Ledningsgrupp {short} familjecentral"),
            None,
            Some(forum),
            &[centre],
        )
    };
    let ekeby = um(&mut c, EKEBY);
    let gottsunda = um(&mut c, GOTTSUNDA);
    let liljeforstorg = um(&mut c, LILJEFORSTORG);
    let nyby = um(&mut c, NYBY);
    let stenhagen = um(&mut c, STENHAGEN);
    let savja = um(&mut c, SAVJA);
    c.seats(ekeby, &[(petra, a5), (helena, a6), (marcus, a5), (daniel, a4)]);
    c.seats(gottsunda, &[(helena, a6), (marcus, a5), (daniel, a4)]);
    c.seat(magnus, gottsunda, a8, Some(d(y1, 1, 31)), Next);
    // Introduced six weeks after the deadline.
    c.seat(amina, gottsunda, d(y1, 2, 1), None, On(d(y1, 6, 16)));
    c.seats(liljeforstorg, &[(sofie, a4), (ronja, a5), (caroline, a6)]);
    c.seats(nyby, &[(tove, a6), (ronja, a5), (caroline, a6)]);
    for g in [liljeforstorg, nyby] {
        c.seat(kent, g, a8, Some(d(y1, 1, 14)), Next);
        // Introduced late, in both groups.
        c.seat(zeynep, g, d(y1, 1, 15), None, On(d(y1, 5, 12)));
    }
    c.seats(stenhagen, &[(gustav, a3), (marcus, a5), (daniel, a4)]);
    c.seats(savja, &[(helena, a6), (caroline, a6), (irene, a5)]);
    c.seat(eva_lena, savja, a8, Some(d(y1, 3, 31)), Next);
    c.seat(lina, savja, d(y1, 4, 1), None, On(d(y1, 5, 20)));
    for (g, chairs) in [
        (ekeby, [Some(marcus), Some(petra), Some(daniel)]),
        (gottsunda, [Some(magnus), Some(marcus), Some(amina)]),
        (liljeforstorg, [Some(ronja), Some(sofie), Some(zeynep)]),
        (nyby, [Some(tove), Some(caroline), None]),
        (stenhagen, [Some(gustav), None, None]),
        (savja, [Some(eva_lena), Some(helena), Some(lina)]),
    ] {
        for (year, chair) in [y2, y1, y0].into_iter().zip(chairs) {
            if let Some(p) = chair {
                c.chair(p, g, year, Next);
            }
        }
    }
    let paid = Some("Region Uppsala och Uppsala kommun");
    let rebecka = c.person(
        "Rebecka Stål",
        "lokal samordnare",
        Kommun("0380"),
        Some((EKEBY, OF)),
        0.0,
    );
    let isak = c.person(
        "Isak Lindberg",
        "lokal samordnare",
        Kommun("0380"),
        Some((EKEBY, OF)),
        0.0,
    );
    let frida = c.person(
        "Frida Hellström",
        "lokal samordnare",
        Kommun("0380"),
        Some((GOTTSUNDA, OF)),
        0.0,
    );
    let emma = c.person(
        "Emma Sundqvist",
        "lokal samordnare",
        Kommun("0380"),
        Some((LILJEFORSTORG, OF)),
        0.0,
    );
    let alexandra = c.person(
        "Alexandra Nilsson",
        "lokal samordnare",
        Kommun("0380"),
        Some((NYBY, OF)),
        0.0,
    );
    let josefin = c.person(
        "Josefin Carlsson",
        "lokal samordnare",
        Kommun("0380"),
        Some((STENHAGEN, OF)),
        0.0,
    );
    c.local_coordinator(rebecka, EKEBY, Some(20), paid, a6, Some(d(y1, 3, 31)), Next);
    c.local_coordinator(isak, EKEBY, Some(20), paid, d(y1, 4, 1), None, Next);
    // Gottsunda's coordinator left the year before last; nobody took over until this year.
    c.local_coordinator(frida, GOTTSUNDA, Some(20), paid, a5, Some(d(y2, 6, 30)), Next);
    // A midwife took the task over at the turn of this year.
    let hilda = c.person(
        "Hilda Forsman",
        "barnmorska, lokal samordnare",
        Region,
        Some((GOTTSUNDA, MHV)),
        0.05,
    );
    c.local_coordinator(hilda, GOTTSUNDA, Some(20), paid, d(y0, 1, 1), None, Next);
    c.local_coordinator(emma, LILJEFORSTORG, Some(20), paid, a4, None, Next);
    c.local_coordinator(alexandra, NYBY, Some(20), paid, a5, None, Next);
    // Nyby/Heidenstam shares the task between open preschool and child health care.
    let elias = c.person(
        "Elias Lindh",
        "BVC-sjuksköterska, samordnare",
        Region,
        Some((NYBY, BHV)),
        0.05,
    );
    c.local_coordinator(elias, NYBY, Some(10), paid, a3, None, Next);
    c.local_coordinator(josefin, STENHAGEN, None, None, a3, None, Next);
    c.local_coordinator(maja, SAVJA, Some(20), paid, a6, None, Next);

    let agnes = c.worker("Agnes Holmberg", "barnmorska", Region, (SAVJA, MHV));
    let pontus = c.worker("Pontus Vik", "förskollärare", Kommun("0380"), (SAVJA, OF));
    let nasrin = c.worker("Nasrin Ahmadi", "socionom", Kommun("0380"), (SAVJA, SOC));
    let elin_s = c.worker("Elin Strömberg", "BVC-sjuksköterska", Region, (SAVJA, BHV));
    c.staff(agnes, SAVJA, 8, a5, Next, maja);
    c.staff(pontus, SAVJA, 30, a6, Next, maja);
    c.staff(nasrin, SAVJA, 12, a3, Next, maja);
    c.staff(elin_s, SAVJA, 10, d(y1, 9, 1), On(d(y1, 9, 22)), maja);
    let sebastian = c.worker("Sebastian Dahl", "förskollärare", Kommun("0380"), (NYBY, OF));
    let leyla = c.worker("Leyla Demir", "familjebehandlare", Kommun("0380"), (NYBY, SOC));
    c.staff(sebastian, NYBY, 24, a4, Next, alexandra);
    // Introduced by the local coordinator, but after the deadline.
    c.staff(leyla, NYBY, 6, d(y1, 3, 1), On(d(y1, 7, 3)), alexandra);
    let hugo = c.worker("Hugo Almqvist", "förskollärare", Kommun("0380"), (GOTTSUNDA, OF));
    c.staff(hugo, GOTTSUNDA, 20, a5, Next, frida);
    let wilma = c.worker("Wilma Sjögren", "BVC-sjuksköterska", Region, (LILJEFORSTORG, BHV));
    c.staff(wilma, LILJEFORSTORG, 16, a4, Next, emma);

    c.management_meetings(ekeby, YearSpec::held(4), YearSpec::held(4));
    c.management_meetings(
        gottsunda,
        YearSpec::held(4),
        YearSpec {
            cancelled: 1,
            late: 1,
            ..YearSpec::held(3)
        },
    );
    c.management_meetings(liljeforstorg, YearSpec::held(3), YearSpec::held(4));
    c.management_meetings(
        nyby,
        YearSpec::held(4),
        YearSpec {
            late: 1,
            ..YearSpec::held(4)
        },
    );
    c.management_meetings(
        stenhagen,
        YearSpec {
            unpublished: 1,
            ..YearSpec::held(3)
        },
        YearSpec {
            unpublished: 1,
            ..YearSpec::held(2)
        },
    );
    c.management_meetings(savja, YearSpec::held(5), YearSpec::held(6));
    c.b.year(prep, y2, YearSpec::held(3));
    c.b.year(prep, y1, YearSpec::held(3));
    c.b.current(prep, y0, 4);

    c.meetings_on(forum, y2, &[(3, 13), (6, 12), (11, 20)]);
    let forum_y1 = c.meetings_on(forum, y1, &[(3, 12), (6, 10), (11, 18)]);
    c.meetings_on(forum, y0, &[(3, 11), (6, 9), (9, 22), (12, 8)]);
    c.b.decide(
        forum_y1[1],
        DecisionCategory::NewCentre,
        &format!(
            "En förstudie om en familjecentral i Storvreta påbörjas. Förslag läggs fram för forumet under {y0}."
        ),
        Vec::new(),
    );
    c.b.decide(
        forum_y1[2],
        DecisionCategory::BudgetChange,
        &format!("Uppsala kommun tillför medel för språkstöd vid Gottsunda och Stenhagens familjecentraler under {y0}."),
        names(&[GOTTSUNDA, STENHAGEN]),
    );
    let title = "Förlängda öppettider i Sävjahuset";
    c.b.agenda_item(
        forum_y1[0],
        &format!("Ärende från ledningsgruppen i Sävja: {title}"),
    );
    let decision = c.b.decide(
        forum_y1[0],
        DecisionCategory::MatterFromGroup,
        "Öppna förskolan och BVC i Sävjahuset håller öppet till kl. 18 på torsdagar från och med april.",
        names(&[SAVJA]),
    );
    let decided = c.b.date_of(forum_y1[0]);
    c.matter(
        savja,
        forum,
        title,
        "Många föräldrar arbetar dagtid. Ledningsgruppen föreslår en kvällsöppen eftermiddag i veckan.",
        vec![
            step(Draft, d(y1, 1, 12), maja),
            step(Submitted, d(y1, 1, 20), helena),
            step(OnAgenda, d(y1, 2, 26), ulf),
            StepPlan {
                decision: Some(decision),
                ..step(Decided, decided, ulf)
            },
            step(ReportedBack, decided + Duration::days(13), maja),
        ],
    );
    let title = "Gemensam entré för BVC och öppna förskolan i Gottsunda centrum";
    for m in &forum_y1[1..] {
        c.b.agenda_item(*m, &format!("Ärende från ledningsgruppen i Gottsunda: {title}"));
    }
    let on_agenda = c.b.date_of(forum_y1[1]);
    c.matter(
        gottsunda,
        forum,
        title,
        "BVC och öppna förskolan har var sin entré på var sin sida av centrumet. Ledningsgruppen ber forumet verka för en gemensam entré.",
        vec![
            step(Draft, d(y1, 5, 2), marcus),
            step(Submitted, d(y1, 5, 12), marcus),
            StepPlan {
                note: Some("Bordlades i väntan på besked från fastighetsägaren.".into()),
                ..step(OnAgenda, on_agenda, ulf)
            },
        ],
    );
    c.matter(
        liljeforstorg,
        forum,
        "Fler grupper i svenska för föräldrar",
        "Efterfrågan på grupperna är större än vad öppna förskolan hinner med.",
        vec![step(Draft, today - Duration::days(12), emma)],
    );

    // ---- Östhammar: the steering group did not meet the year before last.
    let lars_goran = c.person("Lars-Göran Eklöf", "socialchef", Kommun("0382"), None, 0.3);
    let katarina = c.person(
        "Katarina Blomqvist",
        "förvaltningschef bildning",
        Kommun("0382"),
        None,
        0.2,
    );
    let ost_s = c.group(
        GroupKind::Steering,
        "Styrgrupp för familjecentralen i Gimo",
        Some("0382"),
        None,
        &[GIMO],
    );
    c.seats(ost_s, &[(gunilla, a5), (lars_goran, a5), (katarina, a4)]);
    let gimo = c.group(
        GroupKind::Management,
        "Ledningsgrupp familjecentralen i Gimo",
        None,
        Some(ost_s),
        &[GIMO],
    );
    let anton = c.person("Anton Wiklund", "vårdenhetschef", Region, Some((GIMO, BHV)), 0.1);
    let maria_s = c.person("Maria Ståhl", "rektor", Kommun("0382"), Some((GIMO, OF)), 0.1);
    let roger = c.person(
        "Roger Hedin",
        "enhetschef",
        Kommun("0382"),
        Some((GIMO, SOC)),
        0.45,
    );
    let ingela = c.person("Ingela Sparre", "diakon", Church, Some((GIMO, OTHER)), 0.25);
    c.seats(gimo, &[(anton, a6), (maria_s, a5), (roger, a4), (ingela, a3)]);
    c.chair(anton, gimo, y2, Next);
    // The chair of last year was never introduced to the task.
    c.chair(maria_s, gimo, y1, Never);
    c.chair(anton, gimo, y0, Next);
    let tilda = c.person(
        "Tilda Norberg",
        "BVC-sjuksköterska, lokal samordnare",
        Region,
        Some((GIMO, BHV)),
        0.0,
    );
    c.local_coordinator(
        tilda,
        GIMO,
        Some(20),
        Some("Region Uppsala och Östhammars kommun"),
        a5,
        None,
        Next,
    );
    let alva = c.worker("Alva Eriksson", "förskollärare", Kommun("0382"), (GIMO, OF));
    let jon = c.worker("Jon Selin", "BVC-sjuksköterska", Region, (GIMO, BHV));
    c.staff(alva, GIMO, 25, a4, Next, tilda);
    c.staff(jon, GIMO, 12, a3, Next, tilda);
    c.management_meetings(gimo, YearSpec::held(4), YearSpec::held(4));
    c.meetings_on(ost_s, y1, &[(10, 7)]);
    c.meetings_on(ost_s, y0, &[(10, 6)]);

    // ---- The county steering group and the coordinators' network.
    let county_y2 = c.meetings_on(county, y2, &[(4, 25), (11, 28)]);
    let county_y1 = c.meetings_on(county, y1, &[(4, 24), (11, 27)]);
    c.meetings_on(county, y0, &[(4, 23), (11, 26)]);
    c.b.decide(
        county_y2[1],
        DecisionCategory::AgreementChange,
        &format!("Den reviderade länsgemensamma riktlinjen för familjecentraler antogs och gäller från 1 januari {y1}."),
        names(&GOVERNED),
    );
    c.b.decide(
        county_y1[0],
        DecisionCategory::Other,
        "En länsgemensam enkät till familjecentralernas ledningsgrupper genomförs under hösten.",
        names(&GOVERNED),
    );
    c.b.decide(
        county_y1[1],
        DecisionCategory::BudgetChange,
        &format!("Länsmedlen till de lokala samordnarna räknas upp med två procent för {y0}."),
        names(&GOVERNED),
    );
    for year in [y2, y1] {
        c.b.year(network, year, YearSpec::held(4));
    }
    c.b.current(network, y0, 4);
    let mut plan = c.b.plan;
    // The follow-up found 59 % of management-group members and 27 % of
    // steering-group members introduced: leave that many, taking away the
    // introductions of the longest-standing seats first (they lie years back,
    // so this year's and last year's signals are as written above).
    let mid_last_year = day(y1, 6, 30);
    calibrate_introductions(
        &mut plan,
        &[AssignmentKind::ManagementMember, AssignmentKind::ManagementChair],
        mid_last_year,
        59,
    );
    calibrate_introductions(&mut plan, &[AssignmentKind::SteeringMember], mid_last_year, 27);
    plan
}

/// Leaves introduced (rounded half up) `percent` of the people sitting in
/// seats of `kinds` on a day, by taking away the introductions of those
/// whose seats of that kind began earliest.
fn calibrate_introductions(plan: &mut Plan, kinds: &[AssignmentKind], on: NaiveDate, percent: usize) {
    let sitting: std::collections::BTreeSet<usize> = plan
        .assignments
        .iter()
        .filter(|a| kinds.contains(&a.kind) && a.starts_on <= on && a.ends_on.is_none_or(|e| e >= on))
        .map(|a| a.person)
        .collect();
    let target = (2 * percent * sitting.len() + 100) / 200;
    let first_start = |p: usize| {
        plan.assignments
            .iter()
            .filter(|a| a.person == p && kinds.contains(&a.kind))
            .map(|a| a.starts_on)
            .min()
    };
    let mut introduced: Vec<(Option<NaiveDate>, usize)> = sitting
        .iter()
        .filter(|p| {
            plan.assignments.iter().any(|a| {
                a.person == **p && kinds.contains(&a.kind) && a.starts_on <= on && a.introduced.is_some()
            })
        })
        .map(|p| (first_start(*p), *p))
        .collect();
    introduced.sort();
    let surplus = introduced.len().saturating_sub(target);
    for (_, p) in introduced.into_iter().take(surplus) {
        for a in plan
            .assignments
            .iter_mut()
            .filter(|a| a.person == p && kinds.contains(&a.kind) && a.starts_on <= on)
        {
            a.introduced = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn names_addresses_and_numbers_are_unique_and_fictional() {
        let plan = plan(day(2026, 11, 23));
        let mut names = HashSet::new();
        let mut emails = HashSet::new();
        let mut phones = HashSet::new();
        for p in &plan.people {
            assert!(names.insert(p.name.clone()), "{}", p.name);
            let e = p.email.clone().expect("e-mail");
            assert!(e.ends_with(".demo.samverka.se") && e.is_ascii(), "{e}");
            assert!(emails.insert(e));
            if let Some(phone) = &p.phone {
                assert!(phone.starts_with("070-123 45 ") && phone.len() == 13, "{phone}");
                assert!(phones.insert(phone.clone()), "{phone}");
            }
        }
        assert!(phones.len() <= 100);
        let linked: Vec<&str> = plan.people.iter().filter_map(|p| p.account.as_deref()).collect();
        assert_eq!(linked.len(), 3);
        assert!(linked.contains(&COUNTY_ACCOUNT) && linked.contains(&SAVJA_ACCOUNT));
    }

    #[test]
    fn every_management_group_has_three_or_four_members_and_nobody_introduces_before_the_start() {
        let today = day(2026, 11, 23);
        let plan = plan(today);
        let y1 = day(2025, 6, 30);
        for (i, g) in plan.groups.iter().enumerate() {
            if g.kind == GroupKind::Management {
                let members: HashSet<usize> = plan
                    .assignments
                    .iter()
                    .filter(|a| {
                        a.group == Some(i)
                            && a.kind == AssignmentKind::ManagementMember
                            && a.starts_on <= y1
                            && a.ends_on.is_none_or(|e| e >= y1)
                    })
                    .map(|a| a.person)
                    .collect();
                assert!((3..=4).contains(&members.len()), "{}: {}", g.name, members.len());
            }
        }
        for a in &plan.assignments {
            if let Some(i) = &a.introduced {
                assert!(i.on >= a.starts_on && i.on <= today, "{a:?}");
            }
        }
    }

    #[test]
    fn fifteen_local_coordinators_employed_in_the_services_the_report_names() {
        // The follow-up: of the 15 coordinators who answered, nine worked in
        // open preschool, three in child health care, two in maternal care and
        // one in social services; Enköping shares the task among three and
        // Nyby/Heidenstam between two, Heby has one for its five centres.
        let today = day(2026, 11, 23);
        let plan = plan(today);
        let in_post: HashSet<usize> = plan
            .assignments
            .iter()
            .filter(|a| a.kind == AssignmentKind::LocalCoordinator && a.active_on(today))
            .map(|a| a.person)
            .collect();
        assert_eq!(in_post.len(), 15);
        let mut by_service = std::collections::BTreeMap::new();
        for p in &in_post {
            let service = plan.people[*p].unit.as_ref().map(|u| u.1).expect("a unit");
            *by_service.entry(service.code()).or_insert(0) += 1;
        }
        assert_eq!(
            by_service,
            [("bhv", 3), ("mhv", 2), ("of", 9), ("soc", 1)]
                .into_iter()
                .collect(),
        );
        let at = |centre: &str| {
            plan.assignments
                .iter()
                .filter(|a| {
                    a.kind == AssignmentKind::LocalCoordinator
                        && a.active_on(today)
                        && a.centre.as_deref() == Some(centre)
                })
                .count()
        };
        assert_eq!(at(ENKOPING), 3);
        assert_eq!(at(NYBY), 2);
        for centre in GOVERNED {
            assert!(at(centre) >= 1, "{centre} has a coordinator");
        }
    }

    /// The share of the people sitting in groups of a kind on a day who were
    /// introduced to that role (in any of their seats of that kind).
    fn introduced_share(plan: &Plan, kinds: &[AssignmentKind], on: NaiveDate) -> (usize, usize) {
        let sitting: HashSet<usize> = plan
            .assignments
            .iter()
            .filter(|a| kinds.contains(&a.kind) && a.starts_on <= on && a.ends_on.is_none_or(|e| e >= on))
            .map(|a| a.person)
            .collect();
        let introduced = sitting
            .iter()
            .filter(|p| {
                plan.assignments.iter().any(|a| {
                    a.person == **p && kinds.contains(&a.kind) && a.starts_on <= on && a.introduced.is_some()
                })
            })
            .count();
        (introduced, sitting.len())
    }

    #[test]
    fn about_59_percent_of_managers_and_27_percent_of_steering_members_are_introduced() {
        let today = day(2026, 11, 23);
        let plan = plan(today);
        let on = day(2025, 6, 30);
        let (m_in, m_all) = introduced_share(
            &plan,
            &[AssignmentKind::ManagementMember, AssignmentKind::ManagementChair],
            on,
        );
        let (s_in, s_all) = introduced_share(&plan, &[AssignmentKind::SteeringMember], on);
        let pct = |a: usize, b: usize| (200 * a + b) / (2 * b.max(1));
        println!(
            "management {m_in}/{m_all} = {} %, steering {s_in}/{s_all} = {} %",
            pct(m_in, m_all),
            pct(s_in, s_all)
        );
        assert_eq!(
            pct(m_in, m_all),
            60,
            "about 59 % of management members introduced"
        );
        assert_eq!(pct(s_in, s_all), 28, "about 27 % of steering members introduced");
    }
}
