//! Export jobs and the reads behind them, on both backends: a job is claimed
//! by exactly one instance, a job whose lease ran out is taken over and
//! started again (and the instance that lost it can no longer write), a
//! file's chunks come back as written, and a round's responses are read in
//! stretches that cover each once, whatever the filter.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use common::{
    answers, bare_centre, choice, cli, count, date, new_centre, new_round, new_user, published_survey, rd,
    respond, round_input, uppsala, yes_no,
};
use samverka_core::surveys::export::{ExportFormat, ExportKind, ExportStatus};
use samverka_core::surveys::response::{Answer, Answers};
use samverka_core::surveys::round::Channel;
use samverka_store::surveys::exports::{self, Claim, Made, NewJob};
use samverka_store::surveys::responses::{self, CountFilter, NewResponse};
use samverka_store::testing::TestDb;
use samverka_store::{Db, commit};
use tokio::sync::Barrier;

/// A round at two centres and an account; the round's id, its centres and the account.
async fn world(db: &Db) -> (i64, [i64; 2], i64) {
    let (region, m) = uppsala(db).await;
    let a = new_centre(db, &cli(), region, &bare_centre(m[0], "Heby"))
        .await
        .expect("centre");
    let b = new_centre(db, &cli(), region, &bare_centre(m[1], "Tierp"))
        .await
        .expect("centre");
    let (_, version) = published_survey(db, None, "brukarenkat").await;
    let round = new_round(
        db,
        &round_input(region, version, &[(a, "heby-x"), (b, "tierp-y")]),
    )
    .await
    .expect("round");
    let user = new_user(db, &cli(), "analys@test.se", "Analys", None, &[])
        .await
        .expect("user");
    (round.id, [a, b], user)
}

fn job(round_id: i64, user: i64) -> NewJob {
    NewJob {
        kind: ExportKind::Responses,
        round_id,
        format: ExportFormat::Csv,
        filter: "{}".into(),
        language: "sv".into(),
        requested_by: user,
    }
}

async fn queue(db: &Db, round_id: i64, user: i64) -> i64 {
    let mut c = rd(db).await;
    exports::create(&mut c, &job(round_id, user), "2026-11-23T10:00:00Z", 2_000_000)
        .await
        .expect("queued")
}

#[tokio::test]
async fn of_two_instances_claiming_at_once_exactly_one_gets_the_job() {
    for t in TestDb::all().await {
        let n = t.name();
        let (round, _, user) = world(&t.db).await;
        let id = queue(&t.db, round, user).await;
        for _ in 0..5 {
            // The same job, queued again for each try.
            let mut c = rd(&t.db).await;
            sqlx::query("UPDATE export_jobs SET status = 'queued', lease_holder = NULL WHERE id = $1")
                .bind(id)
                .execute(&mut *c)
                .await
                .expect("queued again");
            drop(c);
            let barrier = Arc::new(Barrier::new(2));
            let tries: Vec<_> = ["one", "two"]
                .into_iter()
                .map(|holder| {
                    let (db, barrier) = (t.db.clone(), barrier.clone());
                    tokio::spawn(async move {
                        let mut c = db.read().await.expect("connection");
                        barrier.wait().await;
                        exports::claim(&mut c, holder, 1_000, 60, 3).await.expect("claim")
                    })
                })
                .collect();
            let mut won = Vec::new();
            for h in tries {
                won.extend(h.await.expect("joined"));
            }
            assert_eq!(won.len(), 1, "{n}: exactly one claim wins");
            assert_eq!(won[0].job_id, id, "{n}");
        }
        let mut c = rd(&t.db).await;
        assert_eq!(
            exports::claim(&mut c, "three", 1_010, 60, 10)
                .await
                .expect("claim"),
            None,
            "{n}: a job held by a live lease is not claimed"
        );
        drop(c);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_job_whose_lease_ran_out_is_taken_over_and_the_old_worker_can_no_longer_write() {
    for t in TestDb::all().await {
        let n = t.name();
        let (round, _, user) = world(&t.db).await;
        let id = queue(&t.db, round, user).await;
        let mut c = rd(&t.db).await;
        let first = exports::claim(&mut c, "dies", 1_000, 60, 3)
            .await
            .expect("claim")
            .expect("claimed");
        assert_eq!(first.attempt, 1, "{n}");
        assert!(
            exports::put_chunk(&mut c, &first, 0, b"old")
                .await
                .expect("chunk"),
            "{n}"
        );
        assert!(
            exports::progress(&mut c, &first, 10, 100, 1_070)
                .await
                .expect("progress"),
            "{n}: renewed"
        );
        assert_eq!(
            exports::claim(&mut c, "takes-over", 1_065, 60, 3)
                .await
                .expect("claim"),
            None,
            "{n}: the renewed lease still holds"
        );
        let second = exports::claim(&mut c, "takes-over", 1_071, 60, 3)
            .await
            .expect("claim")
            .expect("taken over");
        assert_eq!((second.job_id, second.attempt), (id, 2), "{n}: started again");
        assert_eq!(exports::get(&mut c, id).await.expect("job").done, 0, "{n}");
        // The instance that lost the job writes nothing more.
        assert!(
            !exports::put_chunk(&mut c, &first, 1, b"late")
                .await
                .expect("chunk"),
            "{n}"
        );
        assert!(
            !exports::progress(&mut c, &first, 20, 100, 1_200)
                .await
                .expect("progress"),
            "{n}"
        );
        let made = Made {
            file_name: "svar.csv".into(),
            content_type: "text/csv".into(),
            size: 6,
            rows: 1,
        };
        assert!(
            !exports::finish(&mut c, &first, &made, "2026-11-23T10:01:00Z", 5_000)
                .await
                .expect("finish"),
            "{n}"
        );
        for (seq, data) in [b"new".as_slice(), b"est"].iter().enumerate() {
            assert!(
                exports::put_chunk(&mut c, &second, seq as i64, data)
                    .await
                    .expect("chunk"),
                "{n}"
            );
        }
        assert!(
            exports::finish(&mut c, &second, &made, "2026-11-23T10:01:00Z", 5_000)
                .await
                .expect("finish"),
            "{n}"
        );
        let done = exports::get(&mut c, id).await.expect("job");
        assert_eq!(done.status, ExportStatus::Done, "{n}");
        assert_eq!((done.size, done.expires_at), (Some(6), 5_000), "{n}");
        let mut file = Vec::new();
        for seq in 0.. {
            match exports::chunk(&mut c, &done, seq).await.expect("chunk") {
                Some(bytes) => file.extend(bytes),
                None => break,
            }
        }
        assert_eq!(file, b"newest", "{n}: the second attempt's chunks, in order");
        assert_eq!(
            count(&t.db, "export_chunks").await,
            2,
            "{n}: the first attempt's chunk is gone"
        );

        // A job that keeps dying is given up.
        let id2 = queue(&t.db, round, user).await;
        for attempt in 1..=2 {
            let claim = exports::claim(&mut c, "dies", 10_000 * attempt, 60, 2)
                .await
                .expect("claim")
                .expect("claimed");
            assert_eq!((claim.job_id, claim.attempt), (id2, attempt), "{n}");
        }
        assert_eq!(
            exports::claim(&mut c, "dies", 30_000, 60, 2)
                .await
                .expect("claim"),
            None,
            "{n}"
        );
        let gave_up = exports::get(&mut c, id2).await.expect("job");
        assert_eq!(
            (gave_up.status, gave_up.error.as_deref()),
            (ExportStatus::Failed, Some("gave-up")),
            "{n}"
        );

        // Sweeping removes what expired, with its file.
        assert_eq!(exports::sweep(&mut c, 4_000).await.expect("sweep"), 0, "{n}");
        assert_eq!(exports::sweep(&mut c, 3_000_000).await.expect("sweep"), 2, "{n}");
        assert_eq!(count(&t.db, "export_chunks").await, 0, "{n}");
        drop(c);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_failed_job_keeps_no_file_and_only_its_worker_fails_it() {
    for t in TestDb::all().await {
        let n = t.name();
        let (round, _, user) = world(&t.db).await;
        let id = queue(&t.db, round, user).await;
        let mut c = rd(&t.db).await;
        let claim = exports::claim(&mut c, "w", 1_000, 60, 3)
            .await
            .expect("claim")
            .expect("claimed");
        assert!(
            exports::put_chunk(&mut c, &claim, 0, b"half")
                .await
                .expect("chunk"),
            "{n}"
        );
        let stranger = Claim {
            holder: "someone-else".into(),
            ..claim.clone()
        };
        assert!(
            !exports::fail(&mut c, &stranger, "internal", "2026-11-23T10:00:00Z")
                .await
                .expect("fail"),
            "{n}"
        );
        assert!(
            exports::fail(&mut c, &claim, "too-few-responses", "2026-11-23T10:00:00Z")
                .await
                .expect("fail"),
            "{n}"
        );
        let failed = exports::get(&mut c, id).await.expect("job");
        assert_eq!(
            (failed.status, failed.error.as_deref()),
            (ExportStatus::Failed, Some("too-few-responses")),
            "{n}"
        );
        assert_eq!(count(&t.db, "export_chunks").await, 0, "{n}");
        assert_eq!(
            exports::of_round(&mut c, round, user, 10)
                .await
                .expect("list")
                .len(),
            1,
            "{n}"
        );
        assert!(
            exports::of_round(&mut c, round, user + 1, 10)
                .await
                .expect("list")
                .is_empty(),
            "{n}"
        );
        drop(c);
        t.cleanup().await;
    }
}

/// A response whose answers say which it is.
fn numbered(i: i64) -> Answers {
    answers(&[
        ("visits", Answer::Number(i)),
        ("welcome", yes_no(i % 2 == 0, None)),
        ("overall", choice(if i % 3 == 0 { "high" } else { "low" })),
    ])
}

#[tokio::test]
async fn stretches_of_a_round_cover_each_selected_response_once() {
    for t in TestDb::all().await {
        let n = t.name();
        let (round, [a, b], _) = world(&t.db).await;
        for i in 0..23_i64 {
            let (centre, language) = if i % 3 == 0 {
                (Some(a), "ar")
            } else {
                (Some(b), "sv")
            };
            respond(&t.db, round, centre, language, Channel::Link, &numbered(i))
                .await
                .expect("respond");
        }
        let mut c = rd(&t.db).await;
        for (filter, expected) in [
            (CountFilter::default(), 23),
            (
                CountFilter {
                    centre_ids: Some(vec![a]),
                    ..CountFilter::default()
                },
                8,
            ),
            (
                CountFilter {
                    languages: Some(vec!["sv".into()]),
                    ..CountFilter::default()
                },
                15,
            ),
        ] {
            let ends = responses::page_ends(&mut c, round, &filter, 5)
                .await
                .expect("ends");
            assert_eq!(ends.len(), usize::try_from(expected).unwrap().div_ceil(5), "{n}");
            let mut seen = BTreeMap::new();
            // Read backwards: the stretches do not depend on their order.
            let starts: Vec<Option<i64>> = std::iter::once(None)
                .chain(ends.iter().copied().map(Some))
                .collect();
            for (after, through) in starts.iter().zip(&ends).rev() {
                for r in responses::between(&mut c, round, &filter, *after, *through)
                    .await
                    .expect("stretch")
                {
                    assert!(seen.insert(r.id, r).is_none(), "{n}: each once");
                }
            }
            assert_eq!(seen.len() as i64, expected, "{n}: {filter:?}");
            for r in seen.values() {
                let Some(Answer::Number(i)) = r.answers.get("visits") else {
                    panic!("{n}: the number comes back");
                };
                assert_eq!(r.answers, numbered(*i), "{n}");
                assert!(
                    filter
                        .centre_ids
                        .as_ref()
                        .is_none_or(|ids| ids.contains(&r.centre_id.unwrap()))
                );
                assert!(filter.languages.as_ref().is_none_or(|l| l.contains(&r.language)));
            }
        }
        assert!(
            responses::page_ends(&mut c, round + 1000, &CountFilter::default(), 5)
                .await
                .expect("ends")
                .is_empty(),
            "{n}: no responses, no stretches"
        );
        drop(c);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn responses_stored_in_bulk_count_as_those_stored_one_by_one_once_recounted() {
    for t in TestDb::all().await {
        let n = t.name();
        let (round, [a, b], _) = world(&t.db).await;
        let given: Vec<(Option<i64>, Answers)> = (0..300_i64)
            .map(|i| {
                (
                    if i % 4 == 0 {
                        None
                    } else if i % 2 == 0 {
                        Some(a)
                    } else {
                        Some(b)
                    },
                    numbered(i),
                )
            })
            .collect();
        let list: Vec<NewResponse<'_>> = given
            .iter()
            .map(|(centre, answers)| NewResponse {
                centre_id: *centre,
                language: "sv",
                channel: Channel::Paper,
                submitted_on: date(2025, 9, 15),
                answers,
            })
            .collect();
        let mut tx = t.db.write().await.expect("begin");
        responses::insert_many(&mut tx, round, &list)
            .await
            .expect("stored");
        responses::rebuild_counts(&mut tx, Some(round))
            .await
            .expect("counted");
        commit(tx).await.expect("commit");
        let mut c = rd(&t.db).await;
        let bulk = responses::counts_by_centre(&mut c, round, &CountFilter::default())
            .await
            .expect("counts");
        drop(c);
        // The same responses one by one, in another round.
        let other = {
            let mut c = rd(&t.db).await;
            let r = samverka_store::surveys::rounds::get(&mut c, round)
                .await
                .expect("round");
            drop(c);
            let input = samverka_store::surveys::rounds::RoundInput {
                centres: r
                    .centres
                    .iter()
                    .map(|rc| samverka_store::surveys::rounds::RoundCentre {
                        centre_id: rc.centre_id,
                        link_code: format!("{}-2", rc.link_code),
                    })
                    .collect(),
                ..round_input(r.region_id, r.version_id, &[])
            };
            new_round(&t.db, &input).await.expect("round").id
        };
        for (centre, answers) in &given {
            respond(&t.db, other, *centre, "sv", Channel::Paper, answers)
                .await
                .expect("respond");
        }
        let mut c = rd(&t.db).await;
        let single = responses::counts_by_centre(&mut c, other, &CountFilter::default())
            .await
            .expect("counts");
        assert_eq!(bulk, single, "{n}");
        assert_eq!(responses::count(&mut c, round).await.expect("count"), 300, "{n}");
        drop(c);
        t.cleanup().await;
    }
}
