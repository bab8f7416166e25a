//! Damaged stored data is an error that names the column, never a default:
//! values are written straight into the tables with SQL, as another program
//! or a bad restore might, and read back through the store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Debug;

use common::{
    bare_centre, cli, date, exec, full_premises, full_unit, grant, new_centre, new_premises, new_unit,
    new_user, rd, uppsala,
};
use samverka_core::centre::UnitInput;
use samverka_core::governance::{
    Assignment, AssignmentKind, AttendanceStatus, GroupInput, GroupKind, MeetingStatus, PersonInput,
};
use samverka_core::{PrincipalKind, Role};
use samverka_store::accounts::{tokens, users};
use samverka_store::governance::meetings::MeetingFields;
use samverka_store::governance::{assignments, groups, matters, meetings, people};
use samverka_store::registry::{centres, premises, regions};
use samverka_store::testing::TestDb;
use samverka_store::{Backend, StoreError, audit, commit};

/// Asserts a read failed as corrupt data, naming the column and the bad value.
fn corrupt<T: Debug>(res: samverka_store::Result<T>, column: &str, bad: &str, n: &str) {
    match res {
        Err(StoreError::Corrupt(message)) => assert!(
            message.contains(column) && message.contains(bad),
            "{n}: the message names {column} and {bad:?}: {message}"
        ),
        other => panic!("{n}: a damaged {column} ({bad:?}) gave {other:?} instead of Corrupt"),
    }
}

struct Ids {
    region: i64,
    centre: i64,
    unit: i64,
    user: i64,
    token: i64,
    person: i64,
    group: i64,
    assignment: i64,
    meeting: i64,
    matter: i64,
}

async fn setup(db: &samverka_store::Db) -> Ids {
    let (region, m) = uppsala(db).await;
    let centre = new_centre(db, &cli(), region, &bare_centre(m[0], "Heby familjecentral"))
        .await
        .expect("centre");
    let house = new_premises(db, &cli(), centre, &full_premises())
        .await
        .expect("premises");
    let unit = new_unit(
        db,
        &cli(),
        centre,
        &UnitInput {
            premises_id: Some(house),
            ..full_unit()
        },
    )
    .await
    .expect("unit");
    let user = new_user(
        db,
        &cli(),
        "kim@example.se",
        "Kim",
        None,
        &[grant(Role::Reader, Some(region), None)],
    )
    .await
    .expect("user");
    let mut tx = db.write().await.expect("begin");
    let token = tokens::create(&mut tx, &cli(), user, "hash", "rapport", Some(date(2030, 1, 1)))
        .await
        .expect("token");
    let person = people::create(
        &mut tx,
        &cli(),
        region,
        &PersonInput {
            name: "Kim".into(),
            employer_kind: Some(PrincipalKind::Region),
            ..Default::default()
        },
    )
    .await
    .expect("person");
    let group = groups::create(
        &mut tx,
        &cli(),
        region,
        &GroupInput {
            kind: GroupKind::Management,
            name: "Ledningsgrupp".into(),
            municipality_id: None,
            reports_to: None,
            health_forum: false,
            starts_on: None,
            centre_ids: vec![centre],
        },
    )
    .await
    .expect("group");
    let assignment = assignments::create(
        &mut tx,
        &cli(),
        &Assignment {
            id: 0,
            person_id: person,
            kind: AssignmentKind::ManagementMember,
            region_id: region,
            centre_id: None,
            group_id: Some(group),
            share_percent: None,
            paid_by: None,
            minutes_per_week: None,
            starts_on: date(2025, 2, 1),
            ends_on: None,
        },
    )
    .await
    .expect("assignment");
    let meeting = meetings::create(
        &mut tx,
        &cli(),
        region,
        group,
        &MeetingFields {
            held_on: date(2025, 3, 1),
            status: MeetingStatus::Held,
            agenda: None,
            minutes: None,
        },
        &[],
    )
    .await
    .expect("meeting");
    meetings::set_attendance(&mut tx, meeting, &[(person, AttendanceStatus::Present)])
        .await
        .expect("attendance");
    let matter = matters::create(
        &mut tx,
        &cli(),
        &matters::NewMatter {
            region_id: region,
            from_group_id: Some(group),
            to_group_id: group,
            title: "Lokaler",
            body: None,
            on: date(2025, 3, 2),
            person_id: None,
        },
    )
    .await
    .expect("matter");
    commit(tx).await.expect("commit");
    Ids {
        region,
        centre,
        unit,
        user,
        token,
        person,
        group,
        assignment,
        meeting,
        matter,
    }
}

#[tokio::test]
async fn damaged_codes_dates_and_flags_are_errors_naming_the_column() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let ids = setup(db).await;

        // Meetings: an unknown status.
        exec(db, "UPDATE meetings SET status = 'maybe'").await;
        corrupt(
            meetings::get(&mut *rd(db).await, ids.meeting).await,
            "meetings.status",
            "maybe",
            n,
        );
        corrupt(
            meetings::list(&mut *rd(db).await, None).await,
            "meetings.status",
            "maybe",
            n,
        );
        corrupt(
            meetings::of_group(&mut *rd(db).await, ids.group).await,
            "meetings.status",
            "maybe",
            n,
        );
        exec(db, "UPDATE meetings SET status = 'held'").await;
        assert_eq!(
            meetings::get(&mut *rd(db).await, ids.meeting)
                .await
                .expect("readable again")
                .status,
            MeetingStatus::Held,
            "{n}"
        );
        exec(db, "UPDATE meetings SET held_on = '2025-3-1'").await;
        corrupt(
            meetings::get(&mut *rd(db).await, ids.meeting).await,
            "meetings.held_on",
            "2025-3-1",
            n,
        );
        exec(db, "UPDATE meetings SET held_on = '2025-03-01'").await;
        exec(db, "UPDATE attendance SET status = 'asleep'").await;
        corrupt(
            meetings::attendance(&mut *rd(db).await, ids.meeting).await,
            "attendance.status",
            "asleep",
            n,
        );
        exec(db, "UPDATE attendance SET status = 'present'").await;

        // Assignments: a day that does not exist.
        exec(db, "UPDATE assignments SET starts_on = '2025-02-30'").await;
        corrupt(
            assignments::get(&mut *rd(db).await, ids.assignment).await,
            "assignments.starts_on",
            "2025-02-30",
            n,
        );
        corrupt(
            assignments::list(&mut *rd(db).await, Some(ids.region)).await,
            "assignments.starts_on",
            "2025-02-30",
            n,
        );
        corrupt(
            assignments::of_person(&mut *rd(db).await, ids.person).await,
            "assignments.starts_on",
            "2025-02-30",
            n,
        );
        exec(
            db,
            "UPDATE assignments SET starts_on = '2025-02-01', kind = 'boss'",
        )
        .await;
        corrupt(
            assignments::get(&mut *rd(db).await, ids.assignment).await,
            "assignments.kind",
            "boss",
            n,
        );
        exec(db, "UPDATE assignments SET kind = 'management_member'").await;
        assignments::get(&mut *rd(db).await, ids.assignment)
            .await
            .expect("readable again");

        // Accounts: a yes/no that is neither, an unknown role.
        exec(db, "UPDATE users SET disabled = 7").await;
        corrupt(
            users::get(&mut *rd(db).await, ids.user).await,
            "users.disabled",
            "7",
            n,
        );
        corrupt(users::list(&mut *rd(db).await).await, "users.disabled", "7", n);
        corrupt(
            users::find_by_email(&mut *rd(db).await, "kim@example.se").await,
            "users.disabled",
            "7",
            n,
        );
        corrupt(
            tokens::find(&mut *rd(db).await, "hash").await,
            "users.disabled",
            "7",
            n,
        );
        corrupt(
            users::list_in_region(&mut *rd(db).await, ids.region).await,
            "users.disabled",
            "7",
            n,
        );
        exec(db, "UPDATE users SET disabled = 0").await;
        assert!(
            !users::get(&mut *rd(db).await, ids.user)
                .await
                .expect("readable again")
                .disabled,
            "{n}"
        );
        exec(db, "UPDATE grants SET role = 'boss'").await;
        corrupt(
            users::grants(&mut *rd(db).await, ids.user).await,
            "grants.role",
            "boss",
            n,
        );
        corrupt(
            users::active_grants(&mut *rd(db).await, ids.user).await,
            "grants.role",
            "boss",
            n,
        );
        exec(db, "UPDATE grants SET role = 'reader'").await;
        exec(db, "UPDATE api_tokens SET expires_on = '2030-13-01'").await;
        corrupt(
            tokens::get(&mut *rd(db).await, ids.token).await,
            "api_tokens.expires_on",
            "2030-13-01",
            n,
        );
        corrupt(
            tokens::find(&mut *rd(db).await, "hash").await,
            "api_tokens.expires_on",
            "2030-13-01",
            n,
        );
        exec(db, "UPDATE api_tokens SET expires_on = NULL").await;
        tokens::get(&mut *rd(db).await, ids.token)
            .await
            .expect("readable again");

        // The registry.
        exec(db, "UPDATE centres SET opened_on = '1 maj 2010'").await;
        corrupt(
            centres::get(&mut *rd(db).await, ids.centre).await,
            "centres.opened_on",
            "1 maj 2010",
            n,
        );
        corrupt(
            centres::list(&mut *rd(db).await, None).await,
            "centres.opened_on",
            "1 maj 2010",
            n,
        );
        exec(db, "UPDATE centres SET opened_on = NULL").await;
        exec(db, "UPDATE units SET full_operation = 2").await;
        corrupt(
            centres::get_unit(&mut *rd(db).await, ids.unit).await,
            "units.full_operation",
            "2",
            n,
        );
        exec(db, "UPDATE premises SET shared_entrance = 2").await;
        corrupt(
            premises::of_centre(&mut *rd(db).await, ids.centre).await,
            "premises.shared_entrance",
            "2",
            n,
        );
        exec(db, "UPDATE premises SET shared_entrance = 1").await;
        exec(db, "UPDATE units SET full_operation = 1, service = 'spa'").await;
        corrupt(
            centres::units(&mut *rd(db).await, ids.centre).await,
            "units.service",
            "spa",
            n,
        );
        exec(db, "UPDATE units SET service = 'bhv', principal_kind = 'church'").await;
        corrupt(
            centres::get_unit(&mut *rd(db).await, ids.unit).await,
            "units.principal_kind",
            "church",
            n,
        );
        exec(db, "UPDATE units SET principal_kind = NULL").await;
        centres::get_unit(&mut *rd(db).await, ids.unit)
            .await
            .expect("readable again");
        exec(db, "UPDATE regions SET require_shared_entrance = 3").await;
        corrupt(
            regions::get(&mut *rd(db).await, ids.region).await,
            "regions.require_shared_entrance",
            "3",
            n,
        );
        exec(
            db,
            "UPDATE regions SET require_shared_entrance = 0, like_partners = 'of,spa'",
        )
        .await;
        corrupt(
            regions::get(&mut *rd(db).await, ids.region).await,
            "regions.like_partners",
            "spa",
            n,
        );
        corrupt(
            regions::list(&mut *rd(db).await).await,
            "regions.like_partners",
            "spa",
            n,
        );
        exec(db, "UPDATE regions SET like_partners = ''").await;
        assert!(
            regions::get(&mut *rd(db).await, ids.region)
                .await
                .expect("no partners is fine")
                .rules
                .like_partners
                .is_empty(),
            "{n}"
        );

        // Governance.
        exec(db, "UPDATE people SET employer_kind = 'church'").await;
        corrupt(
            people::get(&mut *rd(db).await, ids.person).await,
            "people.employer_kind",
            "church",
            n,
        );
        exec(db, "UPDATE people SET employer_kind = NULL").await;
        exec(db, "UPDATE groups SET health_forum = 5").await;
        corrupt(
            groups::get(&mut *rd(db).await, ids.group).await,
            "groups.health_forum",
            "5",
            n,
        );
        corrupt(
            groups::list(&mut *rd(db).await, None).await,
            "groups.health_forum",
            "5",
            n,
        );
        exec(db, "UPDATE groups SET health_forum = 0").await;
        exec(db, "UPDATE matters SET status = 'lost'").await;
        corrupt(
            matters::get(&mut *rd(db).await, ids.matter).await,
            "matters.status",
            "lost",
            n,
        );
        exec(db, "UPDATE matters SET status = 'draft'").await;
        exec(db, "UPDATE matter_events SET on_date = 'igår'").await;
        corrupt(
            matters::list(&mut *rd(db).await, None).await,
            "matter_events.on_date",
            "igår",
            n,
        );
        exec(db, "UPDATE matter_events SET on_date = '2025-03-02'").await;
        matters::get(&mut *rd(db).await, ids.matter)
            .await
            .expect("readable again");

        // The audit trail.
        exec(
            db,
            "UPDATE audit_log SET action = 'delete' WHERE entity = 'meeting'",
        )
        .await;
        corrupt(
            audit::list(&mut *rd(db).await, None, None, 100).await,
            "audit_log.action",
            "delete",
            n,
        );
        exec(
            db,
            "UPDATE audit_log SET action = 'create', after_json = '{broken' WHERE entity = 'meeting'",
        )
        .await;
        corrupt(
            audit::list(&mut *rd(db).await, None, None, 100).await,
            "audit_log.after_json",
            "not JSON",
            n,
        );
        exec(
            db,
            "UPDATE audit_log SET after_json = NULL WHERE entity = 'meeting'",
        )
        .await;
        audit::list(&mut *rd(db).await, None, None, 100)
            .await
            .expect("readable again");

        // SQLite keeps whatever type it is given: a text where a number
        // belongs is an error too, not a zero.
        if db.backend() == Backend::Sqlite {
            exec(db, "UPDATE users SET disabled = 'yes'").await;
            let res = users::get(&mut *rd(db).await, ids.user).await;
            assert!(
                matches!(&res, Err(StoreError::Corrupt(m)) if m.contains("disabled")),
                "{n}: got {res:?}"
            );
            exec(db, "UPDATE users SET disabled = 0").await;
        }
        t.cleanup().await;
    }
}
