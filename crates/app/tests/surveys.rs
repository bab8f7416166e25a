//! Surveys through the use cases, on SQLite and PostgreSQL: importing and
//! publishing a survey, rounds, anonymous and paper responses, and results
//! that hide small groups and keep local coordinators to their centres.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use samverka_app::accounts::context::for_user;
use samverka_app::surveys::results::{ResultsFilter, of_round, texts};
use samverka_app::surveys::rounds::RoundDraft;
use samverka_app::surveys::{instruments, responses, rounds};
use samverka_app::testing::{TestDb, app_on};
use samverka_app::{App, AppConfig, Ctx, Error};
use samverka_core::centre::CentreInput;
use samverka_core::surveys::breakdown::Selection;
use samverka_core::surveys::results::Shown;
use samverka_core::{Grant, Role, RuleSet};
use serde_json::{Map, Value, json};

const TODAY: (i32, u32, u32) = (2026, 11, 23);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("a date")
}

/// A visitor survey: did you feel welcome (yes/no), and if yes how much
/// (a scale shown only then), and a free text.
const DOCUMENT: &str = r#"{
  "key": "besok", "title": {"sv": "Besöksenkät", "ar": "استبيان الزوار"},
  "languages": ["sv", "ar"],
  "blocks": [{"key": "start", "questions": [
    {"key": "welcome", "type": "yes_no", "required": true,
     "text": {"sv": "Kände du dig välkommen?", "ar": "هل شعرت بالترحيب؟"},
     "options": [{"key": "yes", "text": {"sv": "Ja", "ar": "نعم"}}, {"key": "no", "text": {"sv": "Nej", "ar": "لا"}}]},
    {"key": "how_much", "type": "scale5", "required": true,
     "show_if": {"question": "welcome", "equals": "yes"},
     "text": {"sv": "Hur mycket?", "ar": "إلى أي حد؟"},
     "options": [
       {"key": "dont_know", "text": {"sv": "Vet ej", "ar": "لا أعرف"}},
       {"key": "not_at_all", "text": {"sv": "Inte alls", "ar": "إطلاقاً"}},
       {"key": "some_extent", "text": {"sv": "Delvis", "ar": "إلى حد ما"}},
       {"key": "large_extent", "text": {"sv": "Mycket", "ar": "كثيراً"}},
       {"key": "completely", "text": {"sv": "Helt", "ar": "تماماً"}}]},
    {"key": "words", "type": "long_text", "required": false,
     "text": {"sv": "Något mer?", "ar": "هل من شيء آخر؟"}}]}]}"#;

struct World {
    app: App,
    admin: Ctx,
    county: Ctx,
    local: Ctx,
    region: i64,
    centres: [i64; 3],
}

/// A region with centres 0 and 1 in one municipality and centre 2 in
/// another, a county coordinator and a local coordinator of centre 0.
async fn world(t: &TestDb) -> World {
    let app = app_on(t, AppConfig::default(), today());
    let admin = app.cli();
    let mut s = samverka_app::seed::Seeder::begin(&admin).await.expect("seeder");
    let region = s
        .region("Region Test", Some("99"), &RuleSet::default())
        .await
        .expect("region");
    let m1 = s
        .municipality(region, "9901", "Ettby")
        .await
        .expect("municipality");
    let m2 = s
        .municipality(region, "9902", "Tvåby")
        .await
        .expect("municipality");
    let mut centres = [0; 3];
    for (i, (m, name)) in [(m1, "Ettby östra"), (m1, "Ettby västra"), (m2, "Tvåby")]
        .into_iter()
        .enumerate()
    {
        centres[i] = s
            .centre(
                region,
                &CentreInput {
                    name: name.into(),
                    municipality_id: m,
                    address: None,
                    opened_on: None,
                    shared_opening_minutes: None,
                },
            )
            .await
            .expect("centre");
    }
    let hash = samverka_app::seed::hash_password("långt lösenord 1").expect("hash");
    let county = s
        .account(
            "lan@test.se",
            "Länet",
            &hash,
            &[Grant {
                role: Role::CountyCoordinator,
                region_id: Some(region),
                centre_id: None,
            }],
        )
        .await
        .expect("account");
    let local = s
        .account(
            "lokal@test.se",
            "Lokal",
            &hash,
            &[Grant {
                role: Role::LocalCoordinator,
                region_id: Some(region),
                centre_id: Some(centres[0]),
            }],
        )
        .await
        .expect("account");
    s.commit().await.expect("seeded");
    World {
        county: for_user(&app, county).await.expect("ctx").expect("an account"),
        local: for_user(&app, local).await.expect("ctx").expect("an account"),
        app,
        admin,
        region,
        centres,
    }
}

fn raw(v: Value) -> Map<String, Value> {
    v.as_object().expect("an object").clone()
}

/// A published survey and an open round at every centre; the round's id
/// and each centre's link code.
async fn open_round(w: &World) -> (i64, Vec<(i64, String)>) {
    let (_, version) = instruments::import(&w.county, w.region, DOCUMENT, true)
        .await
        .expect("imported");
    let id = rounds::create(
        &w.county,
        w.region,
        &RoundDraft {
            version_id: version,
            title: "Besök hösten 2026".into(),
            respondent_group: "visitors".into(),
            opens_on: "2026-11-01".into(),
            closes_on: "2026-12-15".into(),
            centre_ids: w.centres.to_vec(),
        },
    )
    .await
    .expect("a round");
    let round = rounds::get(&w.county, id).await.expect("the round");
    (
        id,
        round
            .centres
            .iter()
            .map(|c| (c.centre_id, c.link_code.clone()))
            .collect(),
    )
}

/// The municipality of the world's centre `i`.
async fn municipality_of(w: &World, i: usize) -> i64 {
    samverka_app::registry::centres::get(&w.county, w.centres[i])
        .await
        .expect("the centre")
        .view
        .centre
        .municipality_id
}

fn link(links: &[(i64, String)], centre: i64) -> &str {
    &links.iter().find(|(c, _)| *c == centre).expect("a link").1
}

#[tokio::test]
async fn a_definition_with_errors_is_refused_at_its_paths_and_a_published_version_never_changes() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        let broken = DOCUMENT.replace(r#""question": "welcome""#, r#""question": "words""#);
        match instruments::import(&w.county, w.region, &broken, false).await {
            Err(Error::InvalidAt(errors)) => assert!(
                errors
                    .iter()
                    .any(|(at, code)| at == "blocks[0].questions[1].show_if.question"
                        && *code == "refers-forward"),
                "{n}: {errors:?}"
            ),
            other => panic!("{n}: {other:?}"),
        }
        assert!(
            instruments::list(&w.county, w.region)
                .await
                .expect("list")
                .iter()
                .all(|i| i.instrument.region_id.is_none()),
            "{n}: nothing stored"
        );

        let (_, draft) = instruments::import(&w.county, w.region, DOCUMENT, false)
            .await
            .expect("a draft");
        instruments::update_draft(&w.county, draft, DOCUMENT)
            .await
            .expect("a draft can change");
        assert_eq!(
            instruments::publish(&w.local, draft).await,
            Err(Error::Forbidden),
            "{n}: a local coordinator does not publish"
        );
        instruments::publish(&w.county, draft).await.expect("published");
        assert_eq!(
            instruments::publish(&w.county, draft).await,
            Err(Error::Conflict("already-published")),
            "{n}"
        );
        assert_eq!(
            instruments::update_draft(&w.county, draft, DOCUMENT).await,
            Err(Error::Conflict("already-published")),
            "{n}: a published version never changes"
        );
        let exported = instruments::export(&w.county, draft).await.expect("exported");
        let (_, again) = instruments::import(&w.county, w.region, &exported, false)
            .await
            .expect("imported back");
        assert_ne!(again, draft, "{n}: the same key gets a new version");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn an_anonymous_response_is_checked_against_its_routing_and_the_rounds_dates() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        let (round, links) = open_round(&w).await;
        let code = link(&links, w.centres[0]);

        let hidden = raw(json!({"welcome": "no", "how_much": "completely"}));
        match responses::submit_by_link(&w.app, code, "sv", &hidden).await {
            Err(Error::InvalidAt(errors)) => assert_eq!(errors, [("how_much".to_string(), "hidden")], "{n}"),
            other => panic!("{n}: {other:?}"),
        }
        let missing = raw(json!({"welcome": "yes"}));
        match responses::submit_by_link(&w.app, code, "ar", &missing).await {
            Err(Error::InvalidAt(errors)) => {
                assert_eq!(errors, [("how_much".to_string(), "required")], "{n}")
            }
            other => panic!("{n}: {other:?}"),
        }
        responses::submit_by_link(
            &w.app,
            code,
            "ar",
            &raw(json!({"welcome": "yes", "how_much": "completely"})),
        )
        .await
        .expect("taken");
        assert_eq!(
            responses::submit_by_link(&w.app, "no-such-code", "sv", &missing).await,
            Err(Error::NotFound),
            "{n}"
        );

        let before = samverka_app::App::new(
            t.db.clone(),
            AppConfig::default(),
            std::sync::Arc::new(samverka_app::FixedClock::on(
                NaiveDate::from_ymd_opt(2026, 10, 31).expect("a date"),
            )),
        );
        assert_eq!(
            responses::submit_by_link(&before, code, "sv", &raw(json!({"welcome": "no"}))).await,
            Err(Error::Conflict("round-not-open")),
            "{n}"
        );
        let after = samverka_app::App::new(
            t.db.clone(),
            AppConfig::default(),
            std::sync::Arc::new(samverka_app::FixedClock::on(
                NaiveDate::from_ymd_opt(2026, 12, 16).expect("a date"),
            )),
        );
        assert_eq!(
            responses::submit_by_link(&after, code, "sv", &raw(json!({"welcome": "no"}))).await,
            Err(Error::Conflict("round-closed")),
            "{n}"
        );
        let results = of_round(&w.county, round, &ResultsFilter::default())
            .await
            .expect("results");
        assert!(
            results.questions.iter().all(|q| q.answered.is_suppressed()),
            "{n}: one answer shows nothing"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn results_hide_small_centres_and_their_complements_and_local_coordinators_see_only_their_own() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        let (round, links) = open_round(&w).await;
        // Centre 0: 7 answers, centre 1: 3, centre 2: 6.
        for (centre, count) in [(w.centres[0], 7), (w.centres[1], 3), (w.centres[2], 6)] {
            for i in 0..count {
                let answer = if i % 2 == 0 {
                    json!({"welcome": "yes", "how_much": "large_extent", "words": format!("Bra ställe {i}")})
                } else {
                    json!({"welcome": "no"})
                };
                responses::submit_by_link(&w.app, link(&links, centre), "sv", &raw(answer))
                    .await
                    .expect("taken");
            }
        }
        let at = |selection| ResultsFilter {
            selection: Some(selection),
            ..ResultsFilter::default()
        };
        let welcome = |r: &samverka_app::surveys::results::RoundResults| {
            r.questions
                .iter()
                .find(|q| q.key == "welcome")
                .expect("welcome")
                .answered
                .clone()
        };
        let region = of_round(&w.county, round, &at(Selection::Region))
            .await
            .expect("results");
        assert_eq!(welcome(&region), Shown::Value(16), "{n}");
        let small = of_round(&w.county, round, &at(Selection::Centre(w.centres[1])))
            .await
            .expect("results");
        assert!(welcome(&small).is_suppressed(), "{n}: three answers");
        let sibling = of_round(&w.county, round, &at(Selection::Centre(w.centres[0])))
            .await
            .expect("results");
        assert!(
            welcome(&sibling).is_suppressed(),
            "{n}: centre 0 (7 answers) shown beside its municipality's 10 would give away centre 1's 3"
        );
        let municipality = of_round(
            &w.county,
            round,
            &at(Selection::Municipality(municipality_of(&w, 0).await)),
        )
        .await
        .expect("results");
        assert_eq!(welcome(&municipality), Shown::Value(10), "{n}");

        assert_eq!(
            of_round(&w.local, round, &at(Selection::Region))
                .await
                .map(|_| ()),
            Err(Error::Forbidden),
            "{n}: a local coordinator does not read the region"
        );
        assert_eq!(
            of_round(&w.local, round, &at(Selection::Centre(w.centres[2])))
                .await
                .map(|_| ()),
            Err(Error::Forbidden),
            "{n}: nor another centre"
        );
        of_round(&w.local, round, &at(Selection::Centre(w.centres[0])))
            .await
            .expect("their own centre");

        assert_eq!(
            texts(&w.local, round, "words", w.centres[2]).await.map(|_| ()),
            Err(Error::Forbidden),
            "{n}: free texts of another centre never reach a local coordinator"
        );
        assert!(
            texts(&w.county, round, "words", w.centres[1])
                .await
                .expect("texts")
                .is_suppressed(),
            "{n}: a small centre's free texts stay hidden"
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn paper_answers_are_keyed_in_by_those_who_edit_the_centre() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        let (round, _) = open_round(&w).await;
        let answer = raw(json!({"welcome": "no"}));
        responses::submit_paper(&w.local, round, w.centres[0], "sv", &answer)
            .await
            .expect("keyed in");
        assert_eq!(
            responses::submit_paper(&w.local, round, w.centres[1], "sv", &answer).await,
            Err(Error::Forbidden),
            "{n}: not for another centre"
        );
        assert!(
            matches!(
                responses::submit_paper(&w.county, round, w.centres[1], "sv", &raw(json!({}))).await,
                Err(Error::InvalidAt(_))
            ),
            "{n}: the same validation as online"
        );
        let _ = &w.admin;
        t.cleanup().await;
    }
}

#[tokio::test]
async fn the_built_in_surveys_are_installed_once_and_offered_to_every_region() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        assert_eq!(
            instruments::install_builtin(&w.county).await,
            Err(Error::Forbidden),
            "{n}"
        );
        let added = instruments::install_builtin(&w.admin).await.expect("installed");
        assert_eq!(added, samverka_core::surveys::builtin::all().len(), "{n}");
        assert_eq!(
            instruments::install_builtin(&w.admin).await,
            Ok(0),
            "{n}: nothing new the second time"
        );
        let offered = instruments::list(&w.local, w.region).await.expect("offered");
        assert!(
            offered.iter().any(|i| i.instrument.key == "governance_management"
                && i.versions.iter().all(|v| v.is_published())),
            "{n}"
        );
        t.cleanup().await;
    }
}

/// Responses sent through links at the same moment are stored together
/// (one transaction for those waiting), and each one is acknowledged only
/// once stored: every one acknowledged is counted, once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_responses_sent_at_once_are_each_stored_once() {
    for t in TestDb::all().await {
        let n = t.name();
        let w = world(&t).await;
        let (round, links) = open_round(&w).await;
        let mut sent = Vec::new();
        for i in 0..90usize {
            let app = w.app.clone();
            let code = links[i % 3].1.clone();
            let answer = if i % 3 == 0 {
                json!({"welcome": "yes", "how_much": "completely"})
            } else {
                json!({"welcome": "no", "words": format!("svar {i}")})
            };
            sent.push(tokio::spawn(async move {
                responses::submit_by_link(&app, &code, "sv", &raw(answer)).await
            }));
        }
        // One of them in the same moment is refused alone.
        let refused = responses::submit_by_link(
            &w.app,
            &links[0].1,
            "sv",
            &raw(json!({"welcome": "no", "how_much": "completely"})),
        )
        .await;
        assert!(matches!(refused, Err(Error::InvalidAt(_))), "{n}: {refused:?}");
        for s in sent {
            s.await.expect("a sender").expect("taken");
        }
        let results = of_round(&w.county, round, &ResultsFilter::default())
            .await
            .expect("results");
        let welcome = results
            .questions
            .iter()
            .find(|q| q.key == "welcome")
            .expect("welcome");
        assert_eq!(welcome.answered, Shown::Value(90), "{n}");
        let how_much = results
            .questions
            .iter()
            .find(|q| q.key == "how_much")
            .expect("how much");
        assert_eq!(how_much.answered, Shown::Value(30), "{n}");
        t.cleanup().await;
    }
}
