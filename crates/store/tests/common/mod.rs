//! Fixtures shared by the store's integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use samverka_core::centre::{CentreInput, UnitInput};
use samverka_core::premises::PremisesInput;
use samverka_core::surveys::definition::Definition;
use samverka_core::surveys::response::{Answer, Answers};
use samverka_core::surveys::round::{Channel, RespondentGroup};
use samverka_core::{BaseService, Centre, Grant, PrincipalKind, Role, RuleSet, ServiceType, Unit};
use samverka_store::accounts::users;
use samverka_store::audit::{self, AuditEntry};
use samverka_store::registry::{centres, municipalities, premises, regions};
use samverka_store::surveys::instruments::{self, Instrument};
use samverka_store::surveys::responses;
use samverka_store::surveys::rounds::{self, Round, RoundCentre, RoundInput};
use samverka_store::{Db, Who};

/// Changes made from the command line.
pub fn cli() -> Who {
    Who::cli()
}

/// A date that exists.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A grant.
pub fn grant(role: Role, region_id: Option<i64>, centre_id: Option<i64>) -> Grant {
    Grant {
        role,
        region_id,
        centre_id,
    }
}

/// Creates a region with the national rules and the given municipalities
/// (code, name); returns the region's id and the municipalities' ids in order.
pub async fn region_with(db: &Db, name: &str, munis: &[(&str, &str)]) -> (i64, Vec<i64>) {
    let mut tx = db.write().await.expect("begin");
    let region = regions::create(&mut tx, &cli(), name, None, &RuleSet::national())
        .await
        .expect("create region");
    let mut ids = Vec::new();
    for (code, mname) in munis {
        ids.push(
            municipalities::create(&mut tx, region, code, mname)
                .await
                .expect("create municipality"),
        );
    }
    samverka_store::commit(tx).await.expect("commit");
    (region, ids)
}

/// Region Uppsala with Heby, Tierp and Enköping.
pub async fn uppsala(db: &Db) -> (i64, Vec<i64>) {
    region_with(
        db,
        "Region Uppsala",
        &[("0331", "Heby"), ("0360", "Tierp"), ("0381", "Enköping")],
    )
    .await
}

/// Region Gävleborg with Gävle.
pub async fn gavleborg(db: &Db) -> (i64, Vec<i64>) {
    region_with(db, "Region Gävleborg", &[("2180", "Gävle")]).await
}

/// A centre with only its required fields.
pub fn bare_centre(municipality_id: i64, name: &str) -> CentreInput {
    CentreInput {
        name: name.to_string(),
        municipality_id,
        address: None,
        opened_on: None,
        shared_opening_minutes: None,
    }
}

/// A centre with every field filled in.
pub fn full_centre(municipality_id: i64, name: &str) -> CentreInput {
    CentreInput {
        name: name.to_string(),
        municipality_id,
        address: Some("Sävja centrum 1, 757 57 Uppsala".into()),
        opened_on: Some(date(2010, 8, 1)),
        shared_opening_minutes: Some(930),
    }
}

/// Premises with every field filled in.
pub fn full_premises() -> PremisesInput {
    PremisesInput {
        name: "Sävjahuset \"A\" – åäö".into(),
        address: Some("Sävja centrum 1".into()),
        shared_entrance: Some(true),
    }
}

/// A unit with every field but its premises filled in (premises belong to
/// a centre: see [`full_premises`]).
pub fn full_unit() -> UnitInput {
    UnitInput {
        service: ServiceType::Base(BaseService::ChildHealth),
        name: Some("BVC Sävja".into()),
        principal_kind: Some(PrincipalKind::PrivateProvider),
        principal_name: Some("Vårdcentralen Sävja AB".into()),
        premises_id: None,
        full_operation: Some(false),
        minutes_per_week: Some(2400),
    }
}

/// A unit about which nothing but the service is known.
pub fn bare_unit(service: ServiceType) -> UnitInput {
    UnitInput {
        service,
        name: None,
        principal_kind: None,
        principal_name: None,
        premises_id: None,
        full_operation: None,
        minutes_per_week: None,
    }
}

/// Creates a centre in its own write transaction.
pub async fn new_centre(
    db: &Db,
    who: &Who,
    region_id: i64,
    input: &CentreInput,
) -> samverka_store::Result<i64> {
    let mut tx = db.write().await?;
    let id = centres::create(&mut tx, who, region_id, input).await?;
    samverka_store::commit(tx).await?;
    Ok(id)
}

/// Adds premises to a centre in their own write transaction (reading the centre in it).
pub async fn new_premises(
    db: &Db,
    who: &Who,
    centre_id: i64,
    input: &PremisesInput,
) -> samverka_store::Result<i64> {
    let mut tx = db.write().await?;
    let centre = centres::get(&mut tx, centre_id).await?;
    let id = premises::create(&mut tx, who, &centre, input).await?;
    samverka_store::commit(tx).await?;
    Ok(id)
}

/// Adds a unit to a centre in its own write transaction (reading the centre in it).
pub async fn new_unit(db: &Db, who: &Who, centre_id: i64, input: &UnitInput) -> samverka_store::Result<i64> {
    let mut tx = db.write().await?;
    let centre = centres::get(&mut tx, centre_id).await?;
    let id = centres::create_unit(&mut tx, who, &centre, input).await?;
    samverka_store::commit(tx).await?;
    Ok(id)
}

/// Closes a centre in its own write transaction (reading it in it).
pub async fn close_centre(db: &Db, who: &Who, id: i64, on: NaiveDate) -> samverka_store::Result<()> {
    let mut tx = db.write().await?;
    let before = centres::get(&mut tx, id).await?;
    centres::close(&mut tx, who, &before, on).await?;
    samverka_store::commit(tx).await
}

/// Closes a unit in its own write transaction (reading it in it).
pub async fn close_unit(db: &Db, who: &Who, id: i64, on: NaiveDate) -> samverka_store::Result<()> {
    let mut tx = db.write().await?;
    let before = centres::get_unit(&mut tx, id).await?;
    let region = centres::get(&mut tx, before.centre_id).await?.region_id;
    centres::close_unit(&mut tx, who, region, &before, on).await?;
    samverka_store::commit(tx).await
}

/// Creates an account with grants, all in one write transaction.
pub async fn new_user(
    db: &Db,
    who: &Who,
    email: &str,
    name: &str,
    password_hash: Option<&str>,
    grants: &[Grant],
) -> samverka_store::Result<i64> {
    let mut tx = db.write().await?;
    let id = users::create(&mut tx, who, email, name, password_hash).await?;
    for g in grants {
        users::add_grant(&mut tx, who, id, g).await?;
    }
    samverka_store::commit(tx).await?;
    Ok(id)
}

/// One centre, read from the pool.
pub async fn centre(db: &Db, id: i64) -> samverka_store::Result<Centre> {
    centres::get(&mut *db.read().await?, id).await
}

/// One unit, read from the pool.
pub async fn unit(db: &Db, id: i64) -> samverka_store::Result<Unit> {
    centres::get_unit(&mut *db.read().await?, id).await
}

/// Every audit entry, newest first.
pub async fn audit_all(db: &Db) -> Vec<AuditEntry> {
    let mut c = db.read().await.expect("read");
    audit::list(&mut c, None, None, 10_000).await.expect("audit list")
}

/// The newest audit entries of a region (or all), newest first.
pub async fn audit_of(db: &Db, region_id: Option<i64>, limit: i64) -> Vec<AuditEntry> {
    let mut c = db.read().await.expect("read");
    audit::list(&mut c, region_id, None, limit)
        .await
        .expect("audit list")
}

/// Rows in a table.
pub async fn count(db: &Db, table: &str) -> i64 {
    let mut c = db.read().await.expect("read");
    sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(&mut *c)
        .await
        .expect("count")
}

/// Runs one statement straight against the database (for damaging data on purpose).
pub async fn exec(db: &Db, sql: &str) {
    let mut c = db.read().await.expect("read");
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(&mut *c)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A pooled connection to read with.
pub async fn rd(db: &Db) -> samverka_store::ReadConn {
    db.read().await.expect("read connection")
}

/// A small visitor survey: a yes/no with comments, a multiple choice, a
/// number, a single choice and a free text.
pub const SURVEY: &str = r#"{
  "key": "besok_2025",
  "title": {"sv": "Besökarenkät"},
  "languages": ["sv"],
  "blocks": [
    {
      "key": "main",
      "questions": [
        {"key": "welcome", "type": "yes_no", "required": true,
         "text": {"sv": "Kände du dig välkommen?"}},
        {"key": "services", "type": "multiple_choice", "required": false,
         "text": {"sv": "Vilka verksamheter besökte du?"},
         "options": [
           {"key": "bvc", "text": {"sv": "BVC"}},
           {"key": "of", "text": {"sv": "Öppna förskolan"}},
           {"key": "soc", "text": {"sv": "Socialtjänsten"}}
         ]},
        {"key": "visits", "type": "number", "required": false,
         "text": {"sv": "Hur många gånger har du varit här?"}, "min": 0, "max": 100},
        {"key": "overall", "type": "single_choice", "required": false,
         "text": {"sv": "Hur nöjd är du?"},
         "options": [
           {"key": "low", "text": {"sv": "Inte nöjd"}},
           {"key": "mid", "text": {"sv": "Ganska nöjd"}},
           {"key": "high", "text": {"sv": "Mycket nöjd"}}
         ]},
        {"key": "means", "type": "long_text", "required": false,
         "text": {"sv": "Vad betyder familjecentralen för dig?"}}
      ]
    }
  ]
}"#;

/// [`SURVEY`], read and checked.
pub fn survey_definition() -> Definition {
    Definition::from_json(SURVEY).unwrap_or_else(|e| panic!("the test survey is valid: {e:?}"))
}

/// Makes a survey (built in for `region` `None`) with one version
/// published on 2025-01-10; returns the survey and the version's id.
pub async fn published_survey(db: &Db, region: Option<i64>, key: &str) -> (Instrument, i64) {
    let mut tx = db.write().await.expect("begin");
    let id = instruments::create(&mut tx, &cli(), region, key)
        .await
        .expect("instrument");
    let instrument = instruments::get(&mut tx, id).await.expect("instrument");
    let version = instruments::add_version(
        &mut tx,
        &cli(),
        &instrument,
        &survey_definition(),
        Some(date(2025, 1, 10)),
    )
    .await
    .expect("version");
    samverka_store::commit(tx).await.expect("commit");
    (instrument, version)
}

/// A round of `version` in `region` for visitors over autumn 2025, with
/// the given centres and link codes.
pub fn round_input(region: i64, version: i64, centres: &[(i64, &str)]) -> RoundInput {
    RoundInput {
        region_id: region,
        version_id: version,
        title: "Besökarenkät hösten 2025".into(),
        respondent_group: RespondentGroup::Visitors,
        opens_on: date(2025, 9, 1),
        closes_on: date(2025, 10, 31),
        centres: centres
            .iter()
            .map(|(c, code)| RoundCentre {
                centre_id: *c,
                link_code: (*code).to_string(),
            })
            .collect(),
    }
}

/// Makes a round in its own write transaction; returns it as read back.
pub async fn new_round(db: &Db, input: &RoundInput) -> samverka_store::Result<Round> {
    let mut tx = db.write().await?;
    let id = rounds::create(&mut tx, &cli(), input).await?;
    let round = rounds::get(&mut tx, id).await?;
    samverka_store::commit(tx).await?;
    Ok(round)
}

/// Stores one response in its own write transaction.
pub async fn respond(
    db: &Db,
    round: i64,
    centre: Option<i64>,
    language: &str,
    channel: Channel,
    answers: &Answers,
) -> samverka_store::Result<()> {
    let mut tx = db.write().await?;
    responses::insert(
        &mut tx,
        round,
        centre,
        language,
        channel,
        date(2025, 9, 15),
        answers,
    )
    .await?;
    samverka_store::commit(tx).await
}

/// Answers built from (question, answer) pairs.
pub fn answers(list: &[(&str, Answer)]) -> Answers {
    list.iter().map(|(q, a)| ((*q).to_string(), a.clone())).collect()
}

/// A choice of one option.
pub fn choice(key: &str) -> Answer {
    Answer::Choice(key.into())
}

/// A choice of several options.
pub fn choices(keys: &[&str]) -> Answer {
    Answer::Choices(keys.iter().map(|k| (*k).to_string()).collect())
}

/// Yes or no, perhaps with a comment.
pub fn yes_no(value: bool, comment: Option<&str>) -> Answer {
    Answer::YesNo {
        value,
        comment: comment.map(str::to_string),
    }
}
