//! Concurrent writers: on SQLite a write transaction takes the write lock at
//! once, so writers wait for each other instead of failing with "database is
//! locked"; conditional updates let exactly one of two racing changes win.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;

use common::{audit_all, bare_centre, centre, cli, count, date, new_centre, rd, uppsala};
use samverka_core::centre::CentreInput;
use samverka_core::governance::{GroupInput, GroupKind, MeetingStatus};
use samverka_store::audit::{self, AuditAction, AuditEntity};
use samverka_store::governance::groups;
use samverka_store::governance::meetings::{self, MeetingFields};
use samverka_store::platform::mail::Mail;
use samverka_store::registry::centres;
use samverka_store::testing::TestDb;
use samverka_store::{Db, StoreError, Who, commit};
use tokio::sync::Barrier;

/// Tasks per centre.
const TASKS: i64 = 50;

/// Reads a centre in a write transaction, counts one more minute of shared
/// opening time and renames it: a read-modify-write.
async fn bump(db: Db, id: i64, task: i64) -> samverka_store::Result<()> {
    let mut tx = db.write().await?;
    let before = centres::get(&mut tx, id).await?;
    let input = CentreInput {
        name: format!("Centre {id}, task {task}"),
        municipality_id: before.municipality_id,
        address: before.address.clone(),
        opened_on: before.opened_on,
        shared_opening_minutes: Some(before.shared_opening_minutes.unwrap_or(0) + 1),
    };
    centres::update(&mut tx, &Who::cli(), &before, &input).await?;
    commit(tx).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_all_succeed() {
    for t in TestDb::all().await {
        let n = t.name();
        let (region, m) = uppsala(&t.db).await;
        let a = new_centre(&t.db, &cli(), region, &bare_centre(m[0], "A"))
            .await
            .expect("a");
        let b = new_centre(&t.db, &cli(), region, &bare_centre(m[1], "B"))
            .await
            .expect("b");

        let mut tasks = Vec::new();
        for task in 0..TASKS {
            for id in [a, b] {
                tasks.push(tokio::spawn(bump(t.db.clone(), id, task)));
            }
        }
        let mut failures = Vec::new();
        for task in tasks {
            if let Err(e) = task.await.expect("the task ran") {
                failures.push(e.to_string());
            }
        }
        assert!(
            failures.is_empty(),
            "{n}: {} writers failed: {failures:?}",
            failures.len()
        );

        for id in [a, b] {
            let updates = audit::about(&mut *rd(&t.db).await, AuditEntity::Centre, id)
                .await
                .expect("about")
                .into_iter()
                .filter(|e| e.action == AuditAction::Update)
                .count();
            assert_eq!(
                updates,
                usize::try_from(TASKS).expect("few"),
                "{n}: one audit entry per write"
            );
            let c = centre(&t.db, id).await.expect("centre");
            assert!(
                c.name.starts_with(&format!("Centre {id}, task ")),
                "{n}: {}",
                c.name
            );
            // Writers run one after another on both backends, so no
            // read-modify-write is lost.
            assert_eq!(
                c.shared_opening_minutes,
                Some(TASKS),
                "{n}: every read-modify-write counted"
            );
        }
        t.cleanup().await;
    }
}

/// A held meeting with minutes, not yet published.
async fn meeting_with_minutes(db: &Db, region: i64, group: i64, day: u32) -> i64 {
    let mut tx = db.write().await.expect("begin");
    let id = meetings::create(
        &mut tx,
        &cli(),
        region,
        group,
        &MeetingFields {
            held_on: date(2025, 3, day),
            status: MeetingStatus::Held,
            agenda: Some("Budget"),
            minutes: Some(("Budget antagen.", "<p>Budget antagen.</p>")),
        },
        &[],
    )
    .await
    .expect("meeting");
    commit(tx).await.expect("commit");
    id
}

/// Publishes in a write transaction of its own. Both start together; the
/// second waits for the write lock (SQLite's `BEGIN IMMEDIATE`, an advisory
/// lock on PostgreSQL), then finds the minutes published.
async fn publish(
    db: Db,
    barrier: Arc<Barrier>,
    region: i64,
    id: i64,
    notices: Vec<Mail>,
) -> samverka_store::Result<()> {
    barrier.wait().await;
    let mut tx = db.write().await?;
    meetings::publish(&mut tx, &Who::cli(), region, id, date(2025, 3, 20), &notices).await?;
    commit(tx).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_publishers_of_the_same_minutes_one_wins_and_one_set_of_mails_is_queued() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (region, m) = uppsala(db).await;
        let c = new_centre(db, &cli(), region, &bare_centre(m[0], "Heby"))
            .await
            .expect("centre");
        let mut tx = db.write().await.expect("begin");
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
                centre_ids: vec![c],
            },
        )
        .await
        .expect("group");
        commit(tx).await.expect("commit");
        let notices = vec![
            Mail {
                to: "anna@example.se".into(),
                subject: "Protokoll".into(),
                body: "Nu finns protokollet.".into(),
            },
            Mail {
                to: "bertil@example.se".into(),
                subject: "Protokoll".into(),
                body: "Nu finns protokollet.".into(),
            },
        ];

        // A few rounds, each with its own meeting.
        for (round, day) in [3, 10, 17].into_iter().enumerate() {
            let id = meeting_with_minutes(db, region, group, day).await;
            let mails_before = count(db, "mail_outbox").await;
            let barrier = Arc::new(Barrier::new(2));
            let first = tokio::spawn(publish(db.clone(), barrier.clone(), region, id, notices.clone()));
            let second = tokio::spawn(publish(db.clone(), barrier, region, id, notices.clone()));
            let results = [first.await.expect("ran"), second.await.expect("ran")];
            let won = results.iter().filter(|r| r.is_ok()).count();
            assert_eq!(
                won, 1,
                "{n} round {round}: exactly one publisher wins: {results:?}"
            );
            let lost: Vec<&StoreError> = results.iter().filter_map(|r| r.as_ref().err()).collect();
            assert!(
                matches!(lost[..], [StoreError::Conflict { constraint }] if constraint == "meetings.minutes_published_on"),
                "{n} round {round}: the other gets a conflict: {lost:?}"
            );

            assert_eq!(
                count(db, "mail_outbox").await - mails_before,
                2,
                "{n} round {round}: one set of notices is queued"
            );
            let publishes = audit::about(&mut *rd(db).await, AuditEntity::Meeting, id)
                .await
                .expect("about")
                .into_iter()
                .filter(|e| e.action == AuditAction::Publish)
                .count();
            assert_eq!(publishes, 1, "{n} round {round}: one publish entry");
            assert_eq!(
                meetings::get(&mut *rd(db).await, id)
                    .await
                    .expect("meeting")
                    .minutes_published_on,
                Some(date(2025, 3, 20)),
                "{n} round {round}"
            );
        }
        assert_eq!(
            count(db, "mail_outbox").await,
            6,
            "{n}: two notices per meeting, no more"
        );
        assert_eq!(
            audit_all(db)
                .await
                .iter()
                .filter(|e| e.action == AuditAction::Publish)
                .count(),
            3,
            "{n}"
        );
        t.cleanup().await;
    }
}
