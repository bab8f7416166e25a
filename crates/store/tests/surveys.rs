//! Surveys: instruments and their versions, rounds with their links,
//! invitations and anonymous responses with their counts, on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use common::{
    answers, audit_all, bare_centre, choice, choices, cli, count, date, gavleborg, new_centre, new_round,
    published_survey, rd, respond, round_input, survey_definition, uppsala, yes_no,
};
use samverka_core::governance::PersonInput;
use samverka_core::surveys::definition::Definition;
use samverka_core::surveys::response::{Answer, Answers};
use samverka_core::surveys::round::Channel;
use samverka_store::audit::{AuditAction, AuditEntity};
use samverka_store::backup;
use samverka_store::governance::people;
use samverka_store::surveys::instruments;
use samverka_store::surveys::invitations::{self, NewInvitation, Reminder};
use samverka_store::surveys::responses::{self, CountFilter, OptionCount};
use samverka_store::surveys::rounds::{self, Round};
use samverka_store::testing::TestDb;
use samverka_store::{Db, StoreError, commit};
use serde_json::Value;
use sqlx::Row;
use tokio::sync::Barrier;

/// A region with two centres in a round, and another region with a centre.
struct Setup {
    region: i64,
    other_region: i64,
    centres: [i64; 2],
    other_centre: i64,
    version: i64,
    round: Round,
}

async fn setup(db: &Db) -> Setup {
    let (region, m) = uppsala(db).await;
    let (other_region, g) = gavleborg(db).await;
    let a = new_centre(db, &cli(), region, &bare_centre(m[0], "Heby"))
        .await
        .expect("centre");
    let b = new_centre(db, &cli(), region, &bare_centre(m[1], "Tierp"))
        .await
        .expect("centre");
    let other_centre = new_centre(db, &cli(), other_region, &bare_centre(g[0], "Gävle"))
        .await
        .expect("centre");
    let (_, version) = published_survey(db, None, "brukarenkat").await;
    let round = new_round(
        db,
        &round_input(region, version, &[(a, "heby-2025-x7k"), (b, "tierp-2025-q2m")]),
    )
    .await
    .expect("round");
    Setup {
        region,
        other_region,
        centres: [a, b],
        other_centre,
        version,
        round,
    }
}

/// A person of a region.
async fn person(db: &Db, region: i64, name: &str) -> i64 {
    let mut tx = db.write().await.expect("begin");
    let id = people::create(
        &mut tx,
        &cli(),
        region,
        &PersonInput {
            name: name.into(),
            email: Some(format!("{}@example.se", name.to_lowercase())),
            ..Default::default()
        },
    )
    .await
    .expect("person");
    commit(tx).await.expect("commit");
    id
}

/// Invites people in one write transaction.
async fn invite(
    db: &Db,
    round: &Round,
    list: &[(i64, Option<i64>, &str)],
) -> samverka_store::Result<Vec<i64>> {
    let invites: Vec<NewInvitation> = list
        .iter()
        .map(|(p, c, h)| NewInvitation {
            person_id: *p,
            centre_id: *c,
            token_hash: (*h).to_string(),
        })
        .collect();
    let mut tx = db.write().await?;
    let ids = invitations::create(&mut tx, &cli(), round, &invites, date(2025, 9, 1)).await?;
    commit(tx).await?;
    Ok(ids)
}

/// Spends a token and stores the response it allows, in one write
/// transaction, as the answer page does.
async fn answer_with_token(
    db: Db,
    barrier: Option<Arc<Barrier>>,
    token: String,
) -> samverka_store::Result<()> {
    if let Some(b) = barrier {
        b.wait().await;
    }
    let mut tx = db.write().await?;
    let (round, centre) = invitations::use_token(&mut tx, &token).await?;
    let given = answers(&[("welcome", yes_no(true, None))]);
    responses::insert(
        &mut tx,
        round.id,
        centre,
        "sv",
        Channel::Invitation,
        date(2025, 9, 20),
        &given,
    )
    .await?;
    commit(tx).await
}

#[tokio::test]
async fn surveys_are_listed_per_region_with_the_built_in_ones_and_keys_are_unique() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (uppsala, _) = uppsala(db).await;
        let (gavle, _) = gavleborg(db).await;
        let (built_in, _) = published_survey(db, None, "brukarenkat").await;
        let (own, _) = published_survey(db, Some(uppsala), "personalenkat").await;
        let (theirs, _) = published_survey(db, Some(gavle), "personalenkat").await;
        assert_eq!(built_in.region_id, None, "{n}");

        let mut c = rd(db).await;
        let keys = |list: Vec<instruments::Instrument>| list.into_iter().map(|i| i.id).collect::<Vec<_>>();
        assert_eq!(
            keys(instruments::list(&mut c, Some(uppsala)).await.expect("list")),
            [built_in.id, own.id],
            "{n}: the built-in ones first, then the region's own"
        );
        assert_eq!(
            keys(instruments::list(&mut c, Some(gavle)).await.expect("list")),
            [built_in.id, theirs.id],
            "{n}"
        );
        assert_eq!(
            keys(instruments::list(&mut c, None).await.expect("list")),
            [built_in.id],
            "{n}: the built-in ones alone"
        );
        drop(c);

        for (region, key) in [(None, "brukarenkat"), (Some(uppsala), "personalenkat")] {
            let mut tx = db.write().await.expect("begin");
            let again = instruments::create(&mut tx, &cli(), region, key).await;
            assert!(
                matches!(&again, Err(StoreError::Conflict { constraint }) if constraint == "instruments.key"),
                "{n}: {key} twice in {region:?}: {again:?}"
            );
            samverka_store::rollback(tx).await.expect("rollback");
        }

        // Versions are numbered in order and read back as written.
        let mut tx = db.write().await.expect("begin");
        let mut second = survey_definition();
        second.key = "besok_2026".into();
        let v2 = instruments::add_version(&mut tx, &cli(), &own, &second, None)
            .await
            .expect("draft");
        commit(tx).await.expect("commit");
        let mut c = rd(db).await;
        let versions = instruments::versions(&mut c, own.id).await.expect("versions");
        let numbers: Vec<(i64, bool)> = versions.iter().map(|v| (v.version, v.is_published())).collect();
        assert_eq!(numbers, [(1, true), (2, false)], "{n}");
        let read = instruments::get_version(&mut c, v2).await.expect("version");
        assert_eq!(read.definition, second, "{n}: the document comes back whole");
        assert_eq!(versions[0].published_on, Some(date(2025, 1, 10)), "{n}");
        drop(c);

        let trail = audit_all(db).await;
        let made = trail
            .iter()
            .filter(|e| e.entity == AuditEntity::InstrumentVersion && e.action == AuditAction::Create)
            .count();
        assert_eq!(made, 4, "{n}: one entry per version");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_published_version_cannot_be_updated() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let (region, _) = uppsala(db).await;
        let mut tx = db.write().await.expect("begin");
        let id = instruments::create(&mut tx, &cli(), Some(region), "uppfoljning")
            .await
            .expect("instrument");
        let instrument = instruments::get(&mut tx, id).await.expect("get");
        let draft = instruments::add_version(&mut tx, &cli(), &instrument, &survey_definition(), None)
            .await
            .expect("draft");
        let mut edited = survey_definition();
        edited.key = "besok_2025_b".into();
        instruments::update_draft(&mut tx, &cli(), &instrument, draft, &edited)
            .await
            .expect("a draft changes");
        instruments::publish(&mut tx, &cli(), &instrument, draft, date(2025, 2, 1))
            .await
            .expect("publish");
        commit(tx).await.expect("commit");

        let mut tx = db.write().await.expect("begin");
        let mut later = survey_definition();
        later.key = "changed_after_publishing".into();
        let res = instruments::update_draft(&mut tx, &cli(), &instrument, draft, &later).await;
        assert!(
            matches!(&res, Err(StoreError::Conflict { constraint }) if constraint == "instrument_versions.published_on"),
            "{n}: {res:?}"
        );
        let res = instruments::publish(&mut tx, &cli(), &instrument, draft, date(2025, 3, 1)).await;
        assert!(
            matches!(&res, Err(StoreError::Conflict { constraint }) if constraint == "instrument_versions.published_on"),
            "{n}: published twice: {res:?}"
        );
        commit(tx).await.expect("commit");
        let v = instruments::get_version(&mut *rd(db).await, draft)
            .await
            .expect("version");
        assert_eq!(
            (v.definition.key.as_str(), v.published_on),
            ("besok_2025_b", Some(date(2025, 2, 1))),
            "{n}: unchanged"
        );

        // Even a straight UPDATE through the store's condition changes nothing.
        let mut tx = db.write().await.expect("begin");
        let done = sqlx::query(
            "UPDATE instrument_versions SET definition = '{}' WHERE id = $1 AND published_on IS NULL",
        )
        .bind(draft)
        .execute(&mut *tx)
        .await
        .expect("update");
        assert_eq!(done.rows_affected(), 0, "{n}");
        samverka_store::rollback(tx).await.expect("rollback");

        // Only a complete document can be published.
        let mut broken: Definition = survey_definition();
        broken.blocks.clear();
        let mut tx = db.write().await.expect("begin");
        let res =
            instruments::add_version(&mut tx, &cli(), &instrument, &broken, Some(date(2025, 3, 1))).await;
        assert!(
            matches!(
                res,
                Err(StoreError::Invalid {
                    field: "definition",
                    ..
                })
            ),
            "{n}: {res:?}"
        );
        let unfinished = instruments::add_version(&mut tx, &cli(), &instrument, &broken, None)
            .await
            .expect("an unfinished draft is kept");
        let res = instruments::publish(&mut tx, &cli(), &instrument, unfinished, date(2025, 3, 1)).await;
        assert!(
            matches!(
                res,
                Err(StoreError::Invalid {
                    field: "definition",
                    ..
                })
            ),
            "{n}: {res:?}"
        );
        commit(tx).await.expect("commit");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_round_cannot_include_another_regions_centre_and_nothing_is_written() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let s = setup(db).await;
        let (_, theirs) = published_survey(db, Some(s.other_region), "deras").await;
        let mut tx = db.write().await.expect("begin");
        let instrument = instruments::create(&mut tx, &cli(), Some(s.region), "utkast")
            .await
            .expect("instrument");
        let instrument = instruments::get(&mut tx, instrument).await.expect("get");
        let draft = instruments::add_version(&mut tx, &cli(), &instrument, &survey_definition(), None)
            .await
            .expect("draft");
        commit(tx).await.expect("commit");

        let [a, b] = s.centres;
        let mut closes_early = round_input(s.region, s.version, &[(a, "x1")]);
        closes_early.closes_on = date(2025, 8, 1);
        let cases = [
            (
                "another region's centre",
                round_input(s.region, s.version, &[(a, "x1"), (s.other_centre, "x2")]),
                "centre_ids",
            ),
            (
                "a centre that is not there",
                round_input(s.region, s.version, &[(a + 1000, "x1")]),
                "centre_ids",
            ),
            (
                "a centre twice",
                round_input(s.region, s.version, &[(a, "x1"), (a, "x2")]),
                "centre_ids",
            ),
            (
                "a link code twice",
                round_input(s.region, s.version, &[(a, "x1"), (b, "x1")]),
                "link_code",
            ),
            (
                "a draft version",
                round_input(s.region, draft, &[(a, "x1")]),
                "version_id",
            ),
            (
                "another region's survey",
                round_input(s.region, theirs, &[(a, "x1")]),
                "version_id",
            ),
            ("closing before it opens", closes_early, "closes_on"),
        ];
        let rounds_before = count(db, "rounds").await;
        let audit_before = count(db, "audit_log").await;
        for (what, input, field) in &cases {
            let mut tx = db.write().await.expect("begin");
            let res = rounds::create(&mut tx, &cli(), input).await;
            assert!(
                matches!(&res, Err(StoreError::Invalid { field: f, .. }) if f == field),
                "{n}: {what}: {res:?}"
            );
            // Committed anyway: the refusal itself wrote nothing.
            commit(tx).await.expect("commit");
            assert_eq!(count(db, "rounds").await, rounds_before, "{n}: {what}");
            assert_eq!(count(db, "round_centres").await, 2, "{n}: {what}");
            assert_eq!(count(db, "audit_log").await, audit_before, "{n}: {what}");
        }

        // A code another round has is a conflict, and the round is not kept.
        let mut tx = db.write().await.expect("begin");
        let res = rounds::create(
            &mut tx,
            &cli(),
            &round_input(s.region, s.version, &[(a, "heby-2025-x7k")]),
        )
        .await;
        assert!(
            matches!(&res, Err(StoreError::Conflict { constraint }) if constraint == "round_centres.link_code"),
            "{n}: {res:?}"
        );
        samverka_store::rollback(tx).await.expect("rollback");
        assert_eq!(count(db, "rounds").await, rounds_before, "{n}");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_link_finds_its_round_and_centre() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let s = setup(db).await;
        let [a, b] = s.centres;
        let mut c = rd(db).await;
        let target = rounds::link_target(&mut c, "tierp-2025-q2m")
            .await
            .expect("by link");
        assert_eq!(
            target,
            rounds::Target {
                round_id: s.round.id,
                centre_id: Some(b),
                version_id: s.round.version_id,
                opens_on: s.round.opens_on,
                closes_on: s.round.closes_on,
            },
            "{n}"
        );
        let round = rounds::get(&mut c, target.round_id).await.expect("the round");
        assert_eq!(round, s.round, "{n}: the whole round, with its links");
        let links: Vec<(i64, &str)> = round
            .centres
            .iter()
            .map(|c| (c.centre_id, c.link_code.as_str()))
            .collect();
        assert_eq!(links, [(a, "heby-2025-x7k"), (b, "tierp-2025-q2m")], "{n}");
        assert!(
            round.is_open_on(date(2025, 10, 31)) && !round.is_open_on(date(2025, 11, 1)),
            "{n}"
        );
        assert!(
            matches!(
                rounds::link_target(&mut c, "nope").await,
                Err(StoreError::NotFound)
            ),
            "{n}"
        );
        assert!(
            matches!(
                rounds::link_target(&mut c, "TIERP-2025-Q2M").await,
                Err(StoreError::NotFound)
            ),
            "{n}: codes are exact"
        );
        assert_eq!(
            rounds::list(&mut c, Some(s.region)).await.expect("list"),
            std::slice::from_ref(&s.round),
            "{n}"
        );
        assert!(
            rounds::list(&mut c, Some(s.other_region))
                .await
                .expect("list")
                .is_empty(),
            "{n}"
        );
        assert_eq!(rounds::list(&mut c, None).await.expect("list").len(), 1, "{n}");
        drop(c);
        let entries: Vec<_> = audit_all(db)
            .await
            .into_iter()
            .filter(|e| e.entity == AuditEntity::Round)
            .collect();
        assert_eq!(entries.len(), 1, "{n}");
        assert_eq!(entries[0].region_id, Some(s.region), "{n}");
        t.cleanup().await;
    }
}

/// Every value of every row of a table, by column name, as text.
async fn every_value(db: &Db, table: &str) -> (Vec<String>, Vec<Vec<Option<String>>>) {
    let mut c = rd(db).await;
    let found = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT * FROM {table}")))
        .fetch_all(&mut *c)
        .await
        .expect("read");
    let names: Vec<String> = found
        .first()
        .map(|r| {
            r.columns()
                .iter()
                .map(|c| sqlx::Column::name(c).to_string())
                .collect()
        })
        .unwrap_or_default();
    let rows = found
        .iter()
        .map(|r| {
            (0..r.len())
                .map(|i| match r.try_get::<Option<String>, _>(i) {
                    Ok(v) => v,
                    Err(_) => r
                        .try_get::<Option<i64>, _>(i)
                        .expect("text or number")
                        .map(|n| n.to_string()),
                })
                .collect()
        })
        .collect();
    (names, rows)
}

#[tokio::test]
async fn a_response_stores_nothing_identifying() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let s = setup(db).await;
        let [a, _] = s.centres;
        let anna = person(db, s.region, "Annaberit").await;
        invite(db, &s.round, &[(anna, Some(a), "tokenhash-anna-123456")])
            .await
            .expect("invite");
        let before = backup::export(db, |_, _| {}).await.expect("export")["tables"].clone();
        let audit_before = count(db, "audit_log").await;

        answer_with_token(db.clone(), None, "tokenhash-anna-123456".into())
            .await
            .expect("answered by invitation");
        let given = answers(&[
            (
                "welcome",
                yes_no(false, Some("Personalen var trevlig men lokalen trång")),
            ),
            ("services", choices(&["bvc", "of"])),
            ("visits", Answer::Number(12)),
            ("overall", choice("mid")),
            ("means", Answer::Text("En trygg plats\nför hela familjen".into())),
        ]);
        respond(db, s.round.id, Some(a), "en", Channel::Link, &given)
            .await
            .expect("answered by link");

        // Exactly these columns, so that nothing else can creep in.
        let (names, rows) = every_value(db, "responses").await;
        assert_eq!(
            names,
            [
                "id",
                "round_id",
                "centre_id",
                "language",
                "channel",
                "submitted_on"
            ],
            "{n}"
        );
        assert_eq!(rows.len(), 2, "{n}");
        for row in &rows {
            assert_eq!(
                row[5].as_deref().map(str::len),
                Some(10),
                "{n}: a day, no time: {row:?}"
            );
        }
        let (names, answer_rows) = every_value(db, "answers").await;
        assert_eq!(
            names,
            [
                "response_id",
                "question_key",
                "position",
                "kind",
                "option_key",
                "number",
                "text",
                "comment"
            ],
            "{n}"
        );
        assert_eq!(answer_rows.len(), 7, "{n}: one yes/no, then 1 + 2 + 1 + 1 + 1");
        for row in rows.iter().chain(&answer_rows).flatten().flatten() {
            assert!(
                !row.contains("tokenhash") && !row.contains("Annaberit") && !row.contains("@"),
                "{n}: {row:?}"
            );
            assert!(!row.contains(':'), "{n}: no time of day: {row:?}");
        }

        // Nothing else changed but the invitation's used flag: no audit entry,
        // no mail, no trace of who or when.
        assert_eq!(count(db, "audit_log").await, audit_before, "{n}: no audit entry");
        let after = backup::export(db, |_, _| {}).await.expect("export")["tables"].clone();
        for (table, rows) in after.as_object().expect("tables") {
            match table.as_str() {
                "responses" | "answers" => {}
                "invitations" => {
                    let mut was = before[table].clone();
                    was[0]["used"] = Value::from(1);
                    assert_eq!(rows, &was, "{n}: only the used flag changes");
                }
                _ => assert_eq!(rows, &before[table], "{n}: {table} unchanged"),
            }
        }
        t.cleanup().await;
    }
}

/// The counts the given responses should make, as results read them
/// (centre, language, channel, question, option) -> count.
type Key = (i64, String, String, String, String);

fn expected_counts(given: &[(Option<i64>, &str, Channel, Answers)]) -> BTreeMap<Key, i64> {
    let mut out: BTreeMap<Key, i64> = BTreeMap::new();
    for (centre, language, channel, answers) in given {
        let mut add = |q: &str, o: &str| {
            *out.entry((
                centre.unwrap_or(0),
                (*language).to_string(),
                channel.code().to_string(),
                q.to_string(),
                o.to_string(),
            ))
            .or_default() += 1;
        };
        add("", "");
        for (q, a) in answers.iter() {
            add(q, "");
            match a {
                Answer::Choice(k) => add(q, k),
                Answer::Choices(ks) => ks.iter().for_each(|k| add(q, k)),
                Answer::Number(x) => add(q, &x.to_string()),
                Answer::Text(_) => {}
                Answer::YesNo { value, .. } => add(q, if *value { "yes" } else { "no" }),
            }
        }
    }
    out
}

/// The whole `answer_totals` table, by centre, question and option.
async fn stored_totals(db: &Db) -> BTreeMap<(i64, String, String), i64> {
    let found: Vec<(i64, String, String, i64)> =
        sqlx::query_as("SELECT centre_id, question_key, option_key, count FROM answer_totals")
            .fetch_all(&mut *rd(db).await)
            .await
            .expect("totals");
    found.into_iter().map(|(c, q, o, n)| ((c, q, o), n)).collect()
}

/// Counts summed over languages and channels, as `answer_totals` keeps them.
fn summed(counts: &BTreeMap<Key, i64>) -> BTreeMap<(i64, String, String), i64> {
    let mut out = BTreeMap::new();
    for ((c, _, _, q, o), n) in counts {
        *out.entry((*c, q.clone(), o.clone())).or_default() += n;
    }
    out
}

/// The whole `answer_counts` table.
async fn stored_counts(db: &Db) -> BTreeMap<Key, i64> {
    let found: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT centre_id, language, channel, question_key, option_key, count FROM answer_counts",
    )
    .fetch_all(&mut *rd(db).await)
    .await
    .expect("counts");
    found
        .into_iter()
        .map(|(c, l, ch, q, o, n)| ((c, l, ch, q, o), n))
        .collect()
}

#[tokio::test]
async fn answer_counts_agree_with_the_raw_answers_after_several_inserts() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let s = setup(db).await;
        let [a, b] = s.centres;
        let given: Vec<(Option<i64>, &str, Channel, Answers)> = vec![
            (
                Some(a),
                "sv",
                Channel::Link,
                answers(&[
                    ("welcome", yes_no(true, None)),
                    ("services", choices(&["bvc", "of", "soc"])),
                    ("visits", Answer::Number(3)),
                    ("overall", choice("high")),
                ]),
            ),
            (
                Some(a),
                "sv",
                Channel::Link,
                answers(&[
                    ("welcome", yes_no(true, Some("Bra bemötande"))),
                    ("services", choices(&["of"])),
                    ("visits", Answer::Number(3)),
                    ("overall", choice("high")),
                    ("means", Answer::Text("Allt".into())),
                ]),
            ),
            (
                Some(a),
                "ar",
                Channel::Paper,
                answers(&[("welcome", yes_no(false, None)), ("overall", choice("low"))]),
            ),
            (
                Some(b),
                "sv",
                Channel::Link,
                answers(&[
                    ("welcome", yes_no(true, None)),
                    ("services", choices(&["soc", "bvc"])),
                    ("visits", Answer::Number(-1)),
                    ("means", Answer::Text("Gemenskap".into())),
                ]),
            ),
            (
                None,
                "en",
                Channel::Invitation,
                answers(&[
                    ("welcome", yes_no(false, Some("Svårt att hitta"))),
                    ("overall", choice("mid")),
                ]),
            ),
            (Some(b), "sv", Channel::Link, Answers::new()),
        ];
        for (centre, language, channel, answers) in &given {
            respond(db, s.round.id, *centre, language, *channel, answers)
                .await
                .expect("respond");
        }
        let expected = expected_counts(&given);
        assert_eq!(
            stored_counts(db).await,
            expected,
            "{n}: kept up to date insert by insert"
        );
        assert_eq!(
            stored_totals(db).await,
            summed(&expected),
            "{n}: the totals over languages and channels too"
        );

        // Rebuilt from the raw answers, the table is the same.
        let mut tx = db.write().await.expect("begin");
        responses::rebuild_counts(&mut tx, Some(s.round.id))
            .await
            .expect("rebuild");
        commit(tx).await.expect("commit");
        assert_eq!(stored_counts(db).await, expected, "{n}: rebuilt from the answers");
        assert_eq!(stored_totals(db).await, summed(&expected), "{n}: and the totals");

        // What results read: sums over a filter.
        let mut c = rd(db).await;
        let sum = |filter: &dyn Fn(&Key) -> bool| {
            let mut out: BTreeMap<(String, String), i64> = BTreeMap::new();
            for (k, v) in expected.iter().filter(|(k, _)| filter(k)) {
                *out.entry((k.3.clone(), k.4.clone())).or_default() += v;
            }
            out.into_iter()
                .map(|((question_key, option_key), count)| OptionCount {
                    question_key,
                    option_key,
                    count,
                })
                .collect::<Vec<_>>()
        };
        let all = responses::counts(&mut c, s.round.id, &CountFilter::default())
            .await
            .expect("counts");
        assert_eq!(all, sum(&|_| true), "{n}");
        let find = |list: &[OptionCount], q: &str, o: &str| {
            list.iter()
                .find(|c| c.question_key == q && c.option_key == o)
                .map(|c| c.count)
        };
        assert_eq!(find(&all, "", ""), Some(6), "{n}: six responses");
        assert_eq!(find(&all, "services", ""), Some(3), "{n}: three answered it");
        assert_eq!(find(&all, "services", "bvc"), Some(2), "{n}");
        assert_eq!(find(&all, "visits", "3"), Some(2), "{n}");
        assert_eq!(find(&all, "visits", "-1"), Some(1), "{n}");
        assert_eq!(find(&all, "means", ""), Some(2), "{n}");

        let at_a = CountFilter {
            centre_ids: Some(vec![a]),
            ..Default::default()
        };
        assert_eq!(
            responses::counts(&mut c, s.round.id, &at_a)
                .await
                .expect("counts"),
            sum(&|k| k.0 == a),
            "{n}: one centre"
        );
        let swedish_links = CountFilter {
            centre_ids: None,
            languages: Some(vec!["sv".into()]),
            channels: Some(vec![Channel::Link]),
        };
        assert_eq!(
            responses::counts(&mut c, s.round.id, &swedish_links)
                .await
                .expect("counts"),
            sum(&|k| k.1 == "sv" && k.2 == "link"),
            "{n}: language and channel"
        );
        let several = CountFilter {
            centre_ids: Some(vec![a, b]),
            languages: Some(vec!["sv".into(), "ar".into()]),
            channels: Some(vec![Channel::Link, Channel::Paper]),
        };
        assert_eq!(
            responses::counts(&mut c, s.round.id, &several)
                .await
                .expect("counts"),
            sum(&|k| k.0 != 0 && k.1 != "en" && k.2 != "invitation"),
            "{n}: lists"
        );
        let nothing = CountFilter {
            channels: Some(vec![]),
            ..Default::default()
        };
        assert!(
            responses::counts(&mut c, s.round.id, &nothing)
                .await
                .expect("counts")
                .is_empty(),
            "{n}"
        );
        let by_centre = responses::counts_by_centre(&mut c, s.round.id, &CountFilter::default())
            .await
            .expect("by centre");
        let responses_per_centre: Vec<(Option<i64>, i64)> = by_centre
            .iter()
            .filter(|c| c.question_key.is_empty())
            .map(|c| (c.centre_id, c.count))
            .collect();
        assert_eq!(
            responses_per_centre,
            [(None, 1), (Some(a), 3), (Some(b), 2)],
            "{n}"
        );
        assert_eq!(
            responses::count(&mut c, s.round.id).await.expect("count"),
            6,
            "{n}"
        );

        // Free texts, in text order (never the order they came in).
        let texts = responses::texts(&mut c, s.round.id, "means", None)
            .await
            .expect("texts");
        let got: Vec<(&str, Option<i64>)> = texts.iter().map(|t| (t.text.as_str(), t.centre_id)).collect();
        assert_eq!(got, [("Allt", Some(a)), ("Gemenskap", Some(b))], "{n}");
        let comments = responses::texts(&mut c, s.round.id, "welcome", Some(&[a]))
            .await
            .expect("comments");
        let got: Vec<(&str, Option<&str>)> = comments
            .iter()
            .map(|t| (t.text.as_str(), t.option_key.as_deref()))
            .collect();
        assert_eq!(got, [("Bra bemötande", Some("yes"))], "{n}: at one centre");
        assert!(
            responses::texts(&mut c, s.round.id, "means", Some(&[]))
                .await
                .expect("texts")
                .is_empty(),
            "{n}"
        );
        drop(c);

        // Refused, with nothing written.
        let before = stored_counts(db).await;
        for (what, centre, given, field) in [
            (
                "a centre outside the round",
                Some(s.other_centre),
                answers(&[]),
                "centre_id",
            ),
            (
                "an empty multiple choice",
                Some(a),
                answers(&[("services", choices(&[]))]),
                "answers",
            ),
            (
                "an option twice",
                Some(a),
                answers(&[("services", choices(&["of", "of"]))]),
                "answers",
            ),
        ] {
            let res = respond(db, s.round.id, centre, "sv", Channel::Link, &given).await;
            assert!(
                matches!(res, Err(StoreError::Invalid { field: f, .. }) if f == field),
                "{n}: {what}: {res:?}"
            );
        }
        let res = respond(db, s.round.id + 100, None, "sv", Channel::Link, &Answers::new()).await;
        assert!(matches!(res, Err(StoreError::NotFound)), "{n}: {res:?}");
        assert_eq!(stored_counts(db).await, before, "{n}");
        assert_eq!(count(db, "responses").await, 6, "{n}");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_used_token_cannot_be_used_again() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let s = setup(db).await;
        let [a, b] = s.centres;
        let anna = person(db, s.region, "Anna").await;
        let bo = person(db, s.region, "Bo").await;
        let cia = person(db, s.region, "Cia").await;
        let stranger = person(db, s.other_region, "Dan").await;
        let ids = invite(
            db,
            &s.round,
            &[
                (anna, Some(a), "hash-a"),
                (bo, Some(a), "hash-b"),
                (cia, None, "hash-c"),
            ],
        )
        .await
        .expect("invite");
        assert_eq!(ids.len(), 3, "{n}");

        let mut c = rd(db).await;
        let target = invitations::peek_token(&mut c, "hash-a").await.expect("peek");
        assert_eq!(
            (target.round_id, target.centre_id),
            (s.round.id, Some(a)),
            "{n}: peeking spends nothing"
        );
        drop(c);
        answer_with_token(db.clone(), None, "hash-a".into())
            .await
            .expect("first use");
        let again = answer_with_token(db.clone(), None, "hash-a".into()).await;
        assert!(
            matches!(&again, Err(StoreError::Conflict { constraint }) if constraint == "invitations.used"),
            "{n}: {again:?}"
        );
        let unknown = answer_with_token(db.clone(), None, "hash-zzz".into()).await;
        assert!(matches!(unknown, Err(StoreError::NotFound)), "{n}: {unknown:?}");
        assert_eq!(count(db, "responses").await, 1, "{n}: one response");
        let mut c = rd(db).await;
        assert!(
            matches!(
                invitations::peek_token(&mut c, "hash-a").await,
                Err(StoreError::Conflict { .. })
            ),
            "{n}"
        );

        let open: Vec<i64> = invitations::not_answered(&mut c, s.round.id)
            .await
            .expect("not answered")
            .iter()
            .map(|i| i.person_id)
            .collect();
        assert_eq!(open, [bo, cia], "{n}");
        let rates: Vec<(Option<i64>, i64, i64)> = invitations::rates(&mut c, s.round.id)
            .await
            .expect("rates")
            .iter()
            .map(|r| (r.centre_id, r.invited, r.used))
            .collect();
        assert_eq!(rates, [(None, 1, 0), (Some(a), 2, 1)], "{n}");
        drop(c);

        // Reminders: only the unused are touched; a new token replaces the old.
        let mut tx = db.write().await.expect("begin");
        let reminded = invitations::mark_reminded(
            &mut tx,
            &cli(),
            &s.round,
            &[
                Reminder {
                    invitation_id: ids[0],
                    token_hash: Some("hash-a2".into()),
                },
                Reminder {
                    invitation_id: ids[1],
                    token_hash: Some("hash-b2".into()),
                },
                Reminder {
                    invitation_id: ids[2],
                    token_hash: None,
                },
            ],
            date(2025, 9, 25),
        )
        .await
        .expect("remind");
        commit(tx).await.expect("commit");
        assert_eq!(reminded, [ids[1], ids[2]], "{n}: the used one is left alone");
        let unknown = answer_with_token(db.clone(), None, "hash-b".into()).await;
        assert!(
            matches!(unknown, Err(StoreError::NotFound)),
            "{n}: the old link is dead"
        );
        answer_with_token(db.clone(), None, "hash-b2".into())
            .await
            .expect("the new link works");
        answer_with_token(db.clone(), None, "hash-c".into())
            .await
            .expect("a kept link works");
        let list = invitations::list(&mut *rd(db).await, s.round.id)
            .await
            .expect("list");
        let seen: Vec<(bool, Option<chrono::NaiveDate>)> =
            list.iter().map(|i| (i.used, i.reminded_on)).collect();
        assert_eq!(
            seen,
            [
                (true, None),
                (true, Some(date(2025, 9, 25))),
                (true, Some(date(2025, 9, 25)))
            ],
            "{n}"
        );
        let remind = audit_all(db)
            .await
            .into_iter()
            .find(|e| e.action == AuditAction::Remind)
            .expect("a remind entry");
        assert_eq!(
            remind.after,
            Some(serde_json::json!({ "reminded_on": "2025-09-25", "reminded": 2 })),
            "{n}: the trail counts reminders, it does not list people"
        );

        // Invitations are refused for a stranger, a centre outside the round,
        // and a token already taken; nothing is written.
        let invited = count(db, "invitations").await;
        for (what, list, expected) in [
            (
                "another region's person",
                vec![(stranger, None, "h1")],
                "person_id",
            ),
            (
                "a centre outside the round",
                vec![(bo, Some(s.other_centre), "h1")],
                "centre_id",
            ),
        ] {
            let res = invite(db, &s.round, &list).await;
            assert!(
                matches!(res, Err(StoreError::Invalid { field, .. }) if field == expected),
                "{n}: {what}: {res:?}"
            );
        }
        for list in [
            vec![(bo, Some(b), "h1"), (cia, Some(b), "h1")],
            vec![(bo, Some(b), "h9"), (cia, Some(b), "hash-c")],
        ] {
            let res = invite(db, &s.round, &list).await;
            assert!(
                matches!(&res, Err(StoreError::Conflict { constraint }) if constraint == "invitations.token_hash"),
                "{n}: {res:?}"
            );
        }
        assert_eq!(count(db, "invitations").await, invited, "{n}");
        t.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_concurrent_uses_of_one_token_exactly_one_wins() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let s = setup(db).await;
        let anna = person(db, s.region, "Anna").await;
        let tokens = ["race-1", "race-2", "race-3", "race-4"];
        let list: Vec<(i64, Option<i64>, &str)> =
            tokens.iter().map(|t| (anna, Some(s.centres[0]), *t)).collect();
        invite(db, &s.round, &list).await.expect("invite");
        for (round, token) in tokens.iter().enumerate() {
            let barrier = Arc::new(Barrier::new(2));
            let first = tokio::spawn(answer_with_token(
                db.clone(),
                Some(barrier.clone()),
                (*token).into(),
            ));
            let second = tokio::spawn(answer_with_token(db.clone(), Some(barrier), (*token).into()));
            let results = [first.await.expect("ran"), second.await.expect("ran")];
            assert_eq!(
                results.iter().filter(|r| r.is_ok()).count(),
                1,
                "{n} round {round}: exactly one wins: {results:?}"
            );
            let lost: Vec<&StoreError> = results.iter().filter_map(|r| r.as_ref().err()).collect();
            assert!(
                matches!(lost[..], [StoreError::Conflict { constraint }] if constraint == "invitations.used"),
                "{n} round {round}: the other gets a conflict: {lost:?}"
            );
            assert_eq!(
                count(db, "responses").await,
                i64::try_from(round).expect("few") + 1,
                "{n} round {round}: one response per token"
            );
        }
        assert_eq!(
            responses::count(&mut *rd(db).await, s.round.id)
                .await
                .expect("count"),
            4,
            "{n}"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn an_export_reads_a_rounds_responses_page_by_page() {
    for t in TestDb::all().await {
        let n = t.name();
        let db = &t.db;
        let s = setup(db).await;
        let [a, b] = s.centres;
        let other = new_round(db, &round_input(s.region, s.version, &[(a, "andra-omgangen")]))
            .await
            .expect("round");
        let mut given = Vec::new();
        for i in 0..25_i64 {
            let mine = answers(&[
                ("welcome", yes_no(i % 2 == 0, (i % 5 == 0).then_some("Kommentar"))),
                (
                    "services",
                    choices(if i % 3 == 0 {
                        &["soc", "bvc"][..]
                    } else {
                        &["of"][..]
                    }),
                ),
                ("visits", Answer::Number(i)),
                ("means", Answer::Text(format!("Svar nummer {i}"))),
            ]);
            let centre = if i % 4 == 0 {
                None
            } else {
                Some(if i % 2 == 0 { a } else { b })
            };
            respond(db, s.round.id, centre, "sv", Channel::Link, &mine)
                .await
                .expect("respond");
            given.push((centre, mine));
            // Another round's responses in between.
            respond(
                db,
                other.id,
                Some(a),
                "sv",
                Channel::Paper,
                &answers(&[("visits", Answer::Number(99))]),
            )
            .await
            .expect("respond");
        }
        let mut c = rd(db).await;
        let mut read = Vec::new();
        let mut after = None;
        let mut pages = Vec::new();
        loop {
            let page = responses::page(&mut c, s.round.id, after, 10)
                .await
                .expect("page");
            pages.push(page.len());
            let Some(last) = page.last() else { break };
            after = Some(last.id);
            let short = page.len() < 10;
            read.extend(page);
            if short {
                break;
            }
        }
        assert_eq!(pages, [10, 10, 5], "{n}");
        let got: Vec<(Option<i64>, Answers)> =
            read.iter().map(|r| (r.centre_id, r.answers.clone())).collect();
        assert_eq!(got, given, "{n}: every answer comes back as given, in order");
        assert!(
            read.iter().all(|r| r.channel == Channel::Link
                && r.submitted_on == date(2025, 9, 15)
                && r.language == "sv"),
            "{n}"
        );
        assert!(read.windows(2).all(|w| w[0].id < w[1].id), "{n}");
        let theirs = responses::page(&mut c, other.id, None, 1000).await.expect("page");
        assert_eq!(theirs.len(), 25, "{n}");
        assert!(
            theirs
                .iter()
                .all(|r| r.answers == answers(&[("visits", Answer::Number(99))])),
            "{n}"
        );
        drop(c);
        t.cleanup().await;
    }
}
