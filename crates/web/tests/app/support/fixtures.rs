//! Governance built for one test through the application's loader, so that
//! whatever governance the demo county holds does not get in the way:
//!
//! - [`SteeringOfTwo`]: a steering group governing Sävja and Gimo, their
//!   management groups with members (some with login accounts), a local
//!   coordinator at Gimo, and outsiders at a third centre — for meetings,
//!   minutes, notices and decisions;
//! - [`Chain`]: a test centre of its own with its whole chain (management
//!   group, steering group, county steering group, coordinators) — for the
//!   people registry, groups, "Vem beslutar?", the contact list and GDPR;
//! - [`SignalCentre`]: "Signalcentralen" with a steering and a management
//!   group, "Tomma centralen" with nothing, and a county coordinator whose
//!   account is linked to a person — for signals, matters and introductions.

use chrono::{Datelike, Duration, NaiveDate};
use samverka_app::governance::{assignments as app_assignments, gdpr, groups as app_groups};
use samverka_core::governance::drafts::GroupDraft;
use samverka_core::governance::{AssignmentKind, GroupKind, MeetingStatus};
use samverka_core::{PrincipalKind, Role};
use samverka_store::accounts::users;
use samverka_store::governance::{assignments, groups};
use samverka_store::registry::centres;

use super::builders::{
    AssignmentBuilder, GroupBuilder, PersonBuilder, at_centre, centre, day, group, in_region, person,
    role_in, seat,
};
use super::{COUNTY, LOCAL_HEBY, LOCAL_SAVJA, TestApp};

// ---------------------------------------------------------------------------
// A steering group governing Sävja and Gimo

/// The password of every account [`SteeringOfTwo`] makes.
pub const BOARD_PASSWORD: &str = "ledningsgrupp-123";
/// A member of Sävja's management group with an account.
pub const MANAGER_SAVJA: (&str, &str) = ("anna.savja@g2.test", BOARD_PASSWORD);
/// A member of Gimo's management group with an account.
pub const MANAGER_GIMO: (&str, &str) = ("frida.gimo@g2.test", BOARD_PASSWORD);
/// A member of a third centre's management group with an account.
pub const MANAGER_OTHER: (&str, &str) = ("hanna.annan@g2.test", BOARD_PASSWORD);
/// A member of the steering group with an account.
pub const STEERING_MEMBER: (&str, &str) = ("stina.styr@g2.test", BOARD_PASSWORD);

/// A steering group governing Sävja and Gimo and who sits where.
pub struct SteeringOfTwo {
    /// Region Uppsala.
    pub region: i64,
    /// Sävja familjecentral.
    pub savja: i64,
    /// Familjecentralen i Gimo.
    pub gimo: i64,
    /// A third open centre of the region, governed by neither.
    pub other_centre: i64,
    /// "Styrgrupp G2 Sävja–Gimo".
    pub steering: i64,
    /// Sävja's management group.
    pub mg_savja: i64,
    /// Who must get the notice when the steering group's minutes are published.
    pub expected: Vec<String>,
    /// Addresses in the registry that must not get it.
    pub outsiders: Vec<String>,
}

/// Takes the centres out of every existing group and ends every local
/// coordinator assignment there (yesterday), through the application.
async fn detach_existing_governance(app: &TestApp, region: i64, detach: &[i64]) {
    let ctx = app.cli();
    let existing = groups::list(&mut *app.conn().await, Some(region)).await.unwrap();
    for g in existing {
        if g.centre_ids.iter().any(|c| detach.contains(c)) {
            let mut draft = GroupDraft::of(&g);
            draft
                .centres
                .retain(|c| !detach.iter().any(|d| d.to_string() == *c));
            app_groups::update(&ctx, g.id, &draft).await.unwrap();
        }
    }
    let yesterday = app.today() - Duration::days(1);
    let seats = assignments::list(&mut *app.conn().await, Some(region))
        .await
        .unwrap();
    for a in seats {
        if a.kind == AssignmentKind::LocalCoordinator
            && a.centre_id.is_some_and(|c| detach.contains(&c))
            && a.ends_on.is_none_or(|e| e >= yesterday)
            && a.starts_on <= yesterday
        {
            app_assignments::end(&ctx, a.id, &yesterday.to_string())
                .await
                .unwrap();
        }
    }
}

impl SteeringOfTwo {
    /// Builds it.
    pub async fn build(app: &TestApp) -> SteeringOfTwo {
        let region = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let gimo = app.centre("Familjecentralen i Gimo").await;
        let other_centre = centres::list(&mut *app.conn().await, Some(region))
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.id != savja && c.id != gimo && c.closed_on.is_none())
            .expect("a third centre")
            .id;
        detach_existing_governance(app, region, &[savja, gimo]).await;
        let since = day(2024, 1, 1);
        let hash = samverka_app::seed::hash_password(BOARD_PASSWORD).unwrap();

        let mut seed = app.seed().await;
        let steering = seed
            .group(
                region,
                &group(GroupKind::Steering, "Styrgrupp G2 Sävja–Gimo").governing(&[savja, gimo]),
            )
            .await
            .unwrap();
        let management = |name: &str, centre: i64| group(GroupKind::Management, name).governing(&[centre]);
        let mg_savja = seed
            .group(
                region,
                &management("Ledningsgrupp G2 Sävja", savja).reporting_to(steering),
            )
            .await
            .unwrap();
        let mg_gimo = seed
            .group(
                region,
                &management("Ledningsgrupp G2 Gimo", gimo).reporting_to(steering),
            )
            .await
            .unwrap();
        let mg_other = seed
            .group(region, &management("Ledningsgrupp G2 annan", other_centre))
            .await
            .unwrap();

        let mut accounts = Vec::new();
        for email in [
            MANAGER_SAVJA.0,
            MANAGER_GIMO.0,
            MANAGER_OTHER.0,
            STEERING_MEMBER.0,
        ] {
            accounts.push(seed.account(email, "Testkonto", &hash, &[]).await.unwrap());
        }
        let [acc_savja, acc_gimo, acc_other, acc_steer] = accounts[..] else {
            unreachable!()
        };
        let municipal = |name: &str, email: &str| {
            person(name)
                .email(email)
                .employer(PrincipalKind::Municipality, "Uppsala kommun")
        };
        let regional = |name: &str, email: &str| {
            person(name)
                .email(email)
                .employer(PrincipalKind::Region, "Region Uppsala")
        };

        // The steering group's own members get no notice.
        let stina = seed
            .person(
                region,
                &municipal("Stina Styr", STEERING_MEMBER.0).account(acc_steer),
            )
            .await
            .unwrap();
        let sven = seed
            .person(region, &regional("Sven Styrsson", "sven.styr@g2.test"))
            .await
            .unwrap();
        // Sävja's management group: an account holder (address stored in mixed case), a chair, one
        // without an address, one erased, and one whose seat ended long ago.
        let anna = seed
            .person(
                region,
                &regional("Anna Bvc", "Anna.Savja@G2.test").account(acc_savja),
            )
            .await
            .unwrap();
        let bo = seed
            .person(region, &municipal("Bo Ordförande", "bo.savja@g2.test"))
            .await
            .unwrap();
        let cilla = seed
            .person(
                region,
                &person("Cilla Utanadress").employer(PrincipalKind::Municipality, "Uppsala kommun"),
            )
            .await
            .unwrap();
        let dan = seed
            .person(region, &municipal("Dan Raderad", "dan.raderad@g2.test"))
            .await
            .unwrap();
        let eva = seed
            .person(region, &municipal("Eva Förr", "eva.forr@g2.test"))
            .await
            .unwrap();
        // Gimo: a management member with an account, and the coordinator, who also sits in the group.
        let frida = seed
            .person(region, &regional("Frida Gimo", MANAGER_GIMO.0).account(acc_gimo))
            .await
            .unwrap();
        let gustav = seed
            .person(
                region,
                &person("Gustav Samordnare")
                    .email("gustav.gimo@g2.test")
                    .employer(PrincipalKind::Municipality, "Östhammars kommun"),
            )
            .await
            .unwrap();
        // Outsiders at a third centre.
        let heby = |name: &str, email: &str| {
            person(name)
                .email(email)
                .employer(PrincipalKind::Municipality, "Heby kommun")
        };
        let hanna = seed
            .person(region, &heby("Hanna Annan", MANAGER_OTHER.0).account(acc_other))
            .await
            .unwrap();
        let ivar = seed
            .person(region, &heby("Ivar Annan", "ivar.annan@g2.test"))
            .await
            .unwrap();

        use AssignmentKind::{LocalCoordinator, ManagementChair, ManagementMember, SteeringMember};
        for a in [
            seat(region, stina, SteeringMember, steering, since),
            seat(region, sven, SteeringMember, steering, since),
            seat(region, anna, ManagementMember, mg_savja, since),
            seat(region, bo, ManagementMember, mg_savja, since),
            seat(region, bo, ManagementChair, mg_savja, since),
            seat(region, cilla, ManagementMember, mg_savja, since),
            seat(region, dan, ManagementMember, mg_savja, since),
            seat(region, eva, ManagementMember, mg_savja, day(2020, 1, 1)).until(day(2021, 12, 31)),
            seat(region, frida, ManagementMember, mg_gimo, since),
            seat(region, gustav, ManagementMember, mg_gimo, since),
            seat(region, hanna, ManagementMember, mg_other, since),
            at_centre(region, gustav, LocalCoordinator, gimo, since).share(50, "Östhammars kommun"),
            at_centre(region, ivar, LocalCoordinator, other_centre, since).share(50, "Östhammars kommun"),
        ] {
            seed.assignment(&a).await.unwrap();
        }
        seed.commit().await.unwrap();
        gdpr::erase(&app.cli(), dan).await.unwrap();

        // Accounts with a local coordinator grant for Sävja or Gimo (the demo's Sävja coordinator at least).
        let mut expected: Vec<String> = users::list_in_region(&mut *app.conn().await, region)
            .await
            .unwrap()
            .into_iter()
            .filter(|(u, grants)| {
                !u.disabled
                    && grants.iter().any(|g| {
                        g.disabled_at.is_none()
                            && g.grant.role == Role::LocalCoordinator
                            && g.grant.centre_id.is_some_and(|c| c == savja || c == gimo)
                    })
            })
            .map(|(u, _)| u.email.to_lowercase())
            .collect();
        assert!(
            expected.contains(&LOCAL_SAVJA.0.to_string()),
            "the demo has a Sävja coordinator account"
        );
        expected.extend(
            [
                "anna.savja@g2.test",
                "bo.savja@g2.test",
                "frida.gimo@g2.test",
                "gustav.gimo@g2.test",
            ]
            .map(String::from),
        );
        expected.sort();
        expected.dedup();
        let outsiders = [
            STEERING_MEMBER.0,
            "sven.styr@g2.test",
            "dan.raderad@g2.test",
            "eva.forr@g2.test",
            MANAGER_OTHER.0,
            "ivar.annan@g2.test",
            LOCAL_HEBY.0,
            COUNTY.0,
        ]
        .map(String::from)
        .to_vec();
        SteeringOfTwo {
            region,
            savja,
            gimo,
            other_centre,
            steering,
            mg_savja,
            expected,
            outsiders,
        }
    }
}

/// The id at the end of a `Location` like `/meetings/12`.
pub fn meeting_id_in(location: &Option<String>) -> i64 {
    let l = location.as_deref().expect("a redirect");
    l.trim_start_matches("/meetings/")
        .split(['#', '?'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

impl TestApp {
    /// Records a meeting of a group through the form; returns its id.
    pub async fn new_meeting(&self, client: &reqwest::Client, group: i64, date: &str, status: &str) -> i64 {
        let r = self
            .submit(
                client,
                &format!("/groups/{group}/meetings/new"),
                &[
                    ("held_on", date),
                    ("status", status),
                    ("agenda", "Föregående protokoll\nBudget 2025\nÖvrigt"),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            303,
            "create meeting on {}: {}",
            self.backend(),
            super::page_text(&r.body)
        );
        meeting_id_in(&r.location)
    }

    /// A held meeting of a group with minutes, not yet published, made
    /// through the forms; its id.
    pub async fn held_with_minutes(
        &self,
        client: &reqwest::Client,
        group: i64,
        date: &str,
        minutes: &str,
    ) -> i64 {
        let id = self.new_meeting(client, group, date, "held").await;
        let r = self
            .submit(
                client,
                &format!("/meetings/{id}/edit"),
                &[("held_on", date), ("status", "held"), ("minutes", minutes)],
            )
            .await;
        assert_eq!(
            r.status,
            303,
            "minutes on {}: {}",
            self.backend(),
            super::page_text(&r.body)
        );
        id
    }
}

// ---------------------------------------------------------------------------
// A test centre with its whole chain

/// The governance of a test centre of its own.
pub struct Chain {
    /// Region Uppsala.
    pub region: i64,
    /// Sävja familjecentral (the demo local coordinator's centre).
    pub savja: i64,
    /// A Heby centre (not theirs).
    pub heby: i64,
    /// The test centre with the whole chain.
    pub home: i64,
    /// A test centre with no governance at all.
    pub empty: i64,
    /// "Ledningsgrupp Testgården".
    pub management: i64,
    /// "Styrgrupp Testgården" (a health forum).
    pub steering: i64,
    /// Management group member (Region Uppsala).
    pub anna: i64,
    /// Her seat in the management group.
    pub anna_seat: i64,
    /// This year's chair of the management group.
    pub bo: i64,
    /// Steering group member.
    pub cecilia: i64,
    /// Local coordinator of the test centre, 50 %.
    pub dora: i64,
    /// County coordinator.
    pub eva: i64,
}

/// A person in the chain: with an e-mail, the phone of the switchboard, a profession and an employer.
fn staff(
    name: &str,
    email: &str,
    employer: &str,
    kind: PrincipalKind,
) -> samverka_core::governance::PersonInput {
    person(name)
        .email(email)
        .phone("018-611 00 00")
        .profession("chef")
        .employer(kind, employer)
}

impl Chain {
    /// Builds it.
    pub async fn build(app: &TestApp) -> Chain {
        let region = app.uppsala().await;
        let savja = app.centre("Sävja familjecentral").await;
        let heby = app.centre("Familjecentralen i Heby").await;
        let uppsala_kommun = app.stored_centre(savja).await.municipality_id;
        let today = app.today();
        let since = today - Duration::days(200);
        let mut seed = app.seed().await;
        let home = seed
            .centre(region, &centre("Testgårdens familjecentral", uppsala_kommun))
            .await
            .unwrap();
        let empty = seed
            .centre(region, &centre("Tomtebo testcentral", uppsala_kommun))
            .await
            .unwrap();
        let steering = seed
            .group(
                region,
                &group(GroupKind::Steering, "Styrgrupp Testgården")
                    .of_municipality(uppsala_kommun)
                    .health_forum()
                    .governing(&[home]),
            )
            .await
            .unwrap();
        let management = seed
            .group(
                region,
                &group(GroupKind::Management, "Ledningsgrupp Testgården")
                    .reporting_to(steering)
                    .governing(&[home]),
            )
            .await
            .unwrap();
        let county_group = seed
            .group(
                region,
                &group(GroupKind::CountySteering, "Länets styrgrupp Testgården"),
            )
            .await
            .unwrap();
        use PrincipalKind::{Municipality, Region};
        let anna = seed
            .person(
                region,
                &staff("Anna Ledare", "anna.ledare@example.se", "Region Uppsala", Region),
            )
            .await
            .unwrap();
        let bo = seed
            .person(
                region,
                &staff(
                    "Bo Ordförande",
                    "bo.ordforande@example.se",
                    "Uppsala kommun",
                    Municipality,
                ),
            )
            .await
            .unwrap();
        let cecilia = seed
            .person(
                region,
                &staff(
                    "Cecilia Styr",
                    "cecilia.styr@example.se",
                    "Uppsala kommun",
                    Municipality,
                ),
            )
            .await
            .unwrap();
        let dora = seed
            .person(
                region,
                &staff(
                    "Dora Samordnare",
                    "dora.s@example.se",
                    "Uppsala kommun",
                    Municipality,
                ),
            )
            .await
            .unwrap();
        let eva = seed
            .person(
                region,
                &staff("Eva Länsson", "eva.lan@example.se", "Region Uppsala", Region),
            )
            .await
            .unwrap();
        let county_member = seed
            .person(
                region,
                &staff("Gunnar Länsstyr", "gunnar@example.se", "Region Uppsala", Region),
            )
            .await
            .unwrap();

        use AssignmentKind::{
            CountyCoordinator, CountySteeringMember, LocalCoordinator, ManagementChair, ManagementMember,
            SteeringMember,
        };
        let anna_seat = seed
            .assignment(&seat(region, anna, ManagementMember, management, since))
            .await
            .unwrap();
        let year = today.year();
        for a in [
            seat(region, bo, ManagementChair, management, day(year, 1, 1)).until(day(year, 12, 31)),
            seat(region, bo, ManagementMember, management, since),
            seat(region, cecilia, SteeringMember, steering, since),
            at_centre(region, dora, LocalCoordinator, home, since).share(50, "Uppsala kommun"),
            in_region(region, eva, CountyCoordinator, since).share(100, "Region Uppsala"),
            seat(region, county_member, CountySteeringMember, county_group, since),
        ] {
            seed.assignment(&a).await.unwrap();
        }
        seed.commit().await.unwrap();
        Chain {
            region,
            savja,
            heby,
            home,
            empty,
            management,
            steering,
            anna,
            anna_seat,
            bo,
            cecilia,
            dora,
            eva,
        }
    }
}

/// Another person in the registry like those of the [`Chain`] (a municipal employee).
pub fn municipal_staff(name: &str, email: &str) -> samverka_core::governance::PersonInput {
    staff(name, email, "Uppsala kommun", PrincipalKind::Municipality)
}

// ---------------------------------------------------------------------------
// Signalcentralen

/// The centre with governance to assess.
pub const SIGNAL_CENTRE: &str = "Signalcentralen";
/// The centre with nothing recorded.
pub const EMPTY_CENTRE: &str = "Tomma centralen";
/// The county coordinator in the registry, linked to [`LENA`]'s account.
pub const COUNTY_PERSON: &str = "Lena Länssamordnare";
/// A county coordinator's account of the tests' own, linked to [`COUNTY_PERSON`].
pub const LENA: (&str, &str) = ("lena.lans@g3.test", "lansamordnare-g3");

/// "Signalcentralen", "Tomma centralen" and Lena.
pub struct SignalCentre {
    /// Region Uppsala.
    pub region: i64,
    /// Signalcentralen.
    pub centre: i64,
    /// Tomma centralen.
    pub empty_centre: i64,
    /// "Styrgrupp för Signalcentralen".
    pub steering: i64,
    /// "Ledningsgrupp Signalcentralen", reporting to the steering group.
    pub management: i64,
    /// The person linked to [`LENA`]'s account.
    pub county_person: i64,
}

impl SignalCentre {
    /// Builds it.
    pub async fn build(app: &TestApp) -> SignalCentre {
        let region = app.uppsala().await;
        let municipality = app.municipality("Uppsala").await;
        let hash = samverka_app::seed::hash_password(LENA.1).unwrap();
        let mut seed = app.seed().await;
        let signal_centre = seed
            .centre(region, &centre(SIGNAL_CENTRE, municipality))
            .await
            .unwrap();
        let empty_centre = seed
            .centre(region, &centre(EMPTY_CENTRE, municipality))
            .await
            .unwrap();
        let steering = seed
            .group(
                region,
                &group(GroupKind::Steering, "Styrgrupp för Signalcentralen")
                    .of_municipality(municipality)
                    .governing(&[signal_centre]),
            )
            .await
            .unwrap();
        let management = seed
            .group(
                region,
                &group(GroupKind::Management, "Ledningsgrupp Signalcentralen")
                    .reporting_to(steering)
                    .governing(&[signal_centre]),
            )
            .await
            .unwrap();
        let account = seed
            .account(
                LENA.0,
                "Lena Länssamordnare",
                &hash,
                &[role_in(Role::CountyCoordinator, region)],
            )
            .await
            .unwrap();
        let county_person = seed
            .person(region, &person(COUNTY_PERSON).email(LENA.0).account(account))
            .await
            .unwrap();
        seed.commit().await.unwrap();
        SignalCentre {
            region,
            centre: signal_centre,
            empty_centre,
            steering,
            management,
            county_person,
        }
    }
}

impl TestApp {
    /// Records held meetings of a group on the given dates.
    pub async fn held(&self, group: i64, dates: &[NaiveDate]) {
        let mut seed = self.seed().await;
        for d in dates {
            seed.meeting(group, *d, MeetingStatus::Held, None).await.unwrap();
        }
        seed.commit().await.unwrap();
    }
}

/// The year before today's.
pub fn last_year(app: &TestApp) -> i32 {
    app.today().year() - 1
}

/// Three meetings held in the previous year.
pub fn three_last_year(app: &TestApp) -> Vec<NaiveDate> {
    let y = last_year(app);
    vec![day(y, 2, 10), day(y, 5, 12), day(y, 9, 15)]
}
