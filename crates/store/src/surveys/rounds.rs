//! Survey rounds (*enkätomgångar*): one published version of a survey
//! asked of one respondent group of a region's centres over a period, each
//! centre with its own anonymous link.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use samverka_core::surveys::round::RespondentGroup;
use serde::Serialize;

use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, now, rows};

/// A centre taking part in a round, with the code of its anonymous link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundCentre {
    /// The centre.
    pub centre_id: i64,
    /// The code in the centre's link (and QR code); unique over all rounds.
    pub link_code: String,
}

/// A survey round (*enkätomgång*) with its centres.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Round {
    /// Id.
    pub id: i64,
    /// The region that runs it.
    pub region_id: i64,
    /// The published survey version it asks.
    pub version_id: i64,
    /// Its name, e.g. "Besökarenkät hösten 2025".
    pub title: String,
    /// Who it asks.
    pub respondent_group: RespondentGroup,
    /// The first day answers are taken.
    pub opens_on: NaiveDate,
    /// The last day answers are taken.
    pub closes_on: NaiveDate,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    /// The centres taking part, by centre id.
    pub centres: Vec<RoundCentre>,
}

impl Round {
    /// Whether answers are taken on `day`.
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.opens_on <= day && day <= self.closes_on
    }

    /// Whether a centre takes part.
    pub fn has_centre(&self, centre_id: i64) -> bool {
        self.centres.iter().any(|c| c.centre_id == centre_id)
    }
}

/// A round to make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundInput {
    /// The region that runs it.
    pub region_id: i64,
    /// A published version of a survey of the region, or of a built-in one.
    pub version_id: i64,
    /// Its name.
    pub title: String,
    /// Who it asks.
    pub respondent_group: RespondentGroup,
    /// The first day answers are taken.
    pub opens_on: NaiveDate,
    /// The last day answers are taken (not before `opens_on`).
    pub closes_on: NaiveDate,
    /// The region's centres taking part, each with its link's code (made by
    /// the caller, unguessable).
    pub centres: Vec<RoundCentre>,
}

const COLUMNS: &str = "id, region_id, version_id, title, respondent_group, opens_on, closes_on, created_at";

#[derive(sqlx::FromRow, serde::Deserialize)]
struct RoundRow {
    id: i64,
    region_id: i64,
    version_id: i64,
    title: String,
    respondent_group: String,
    opens_on: String,
    closes_on: String,
    created_at: String,
}

impl TryFrom<RoundRow> for Round {
    type Error = StoreError;
    fn try_from(r: RoundRow) -> Result<Round> {
        Ok(Round {
            id: r.id,
            region_id: r.region_id,
            version_id: r.version_id,
            title: r.title,
            respondent_group: codec::code("rounds.respondent_group", &r.respondent_group)?,
            opens_on: codec::date("rounds.opens_on", &r.opens_on)?,
            closes_on: codec::date("rounds.closes_on", &r.closes_on)?,
            created_at: r.created_at,
            centres: Vec::new(),
        })
    }
}

#[derive(sqlx::FromRow, serde::Deserialize)]
struct CentreRow {
    round_id: i64,
    centre_id: i64,
    link_code: String,
}

/// Makes a round with its centres and their links; returns its id.
///
/// Refused, with nothing written, as [`StoreError::invalid`] on: `title`
/// when blank; `closes_on` when before `opens_on`; `version_id` when the
/// version is not there, is a draft, or belongs to another region's
/// survey; `centre_ids` when a centre is of another region (or not there)
/// or given twice; `link_code` when a code is blank or given twice. A code
/// another round has is a [`StoreError::Conflict`] on
/// `round_centres.link_code`.
pub async fn create(tx: &mut Tx, who: &Who, input: &RoundInput) -> Result<i64> {
    if input.title.trim().is_empty() {
        return Err(StoreError::invalid("title"));
    }
    if input.closes_on < input.opens_on {
        return Err(StoreError::invalid("closes_on"));
    }
    let version: Option<(Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT v.published_on, i.region_id FROM instrument_versions v
         JOIN instruments i ON i.id = v.instrument_id WHERE v.id = $1",
    )
    .bind(input.version_id)
    .fetch_optional(&mut **tx)
    .await?;
    match version {
        Some((Some(_), owner)) if owner.is_none_or(|r| r == input.region_id) => {}
        _ => return Err(StoreError::invalid("version_id")),
    }
    let mut centres = BTreeSet::new();
    let mut codes = BTreeSet::new();
    for c in &input.centres {
        if !centres.insert(c.centre_id) {
            return Err(StoreError::invalid("centre_ids"));
        }
        if c.link_code.trim().is_empty() || !codes.insert(c.link_code.as_str()) {
            return Err(StoreError::invalid("link_code"));
        }
        rows::in_region(
            tx,
            "SELECT region_id FROM centres WHERE id = $1",
            c.centre_id,
            input.region_id,
            "centre_ids",
        )
        .await?;
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO rounds (region_id, version_id, title, respondent_group, opens_on, closes_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(input.region_id)
    .bind(input.version_id)
    .bind(input.title.trim())
    .bind(input.respondent_group.code())
    .bind(codec::date_text(input.opens_on))
    .bind(codec::date_text(input.closes_on))
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    for c in &input.centres {
        sqlx::query("INSERT INTO round_centres (round_id, centre_id, link_code) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(c.centre_id)
            .bind(&c.link_code)
            .execute(&mut **tx)
            .await
            .map_err(|e| match StoreError::from(e) {
                StoreError::Conflict { .. } => StoreError::conflict("round_centres.link_code"),
                other => other,
            })?;
    }
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Create,
            AuditEntity::Round,
            Some(id),
            Some(input.region_id),
        )
        .after(input),
    )
    .await?;
    Ok(id)
}

/// The centres of the rounds `sql` selects (by `key`), by round.
async fn centres_of(c: &mut Conn, sql: &str, key: Option<i64>) -> Result<BTreeMap<i64, Vec<RoundCentre>>> {
    let found: Vec<CentreRow> = rows::json_for(
        c,
        "round_centres",
        sql,
        "round_id, centre_id, link_code",
        "round_id, centre_id",
        key,
    )
    .await?;
    let mut by_round: BTreeMap<i64, Vec<RoundCentre>> = BTreeMap::new();
    for r in found {
        by_round.entry(r.round_id).or_default().push(RoundCentre {
            centre_id: r.centre_id,
            link_code: r.link_code,
        });
    }
    for list in by_round.values_mut() {
        list.sort_by_key(|c| c.centre_id);
    }
    Ok(by_round)
}

/// One round, with its centres.
pub async fn get(c: &mut Conn, id: i64) -> Result<Round> {
    let sql = format!("SELECT {COLUMNS} FROM rounds WHERE id = $1");
    let mut round: Round = rows::one::<RoundRow, Round>(c, crate::trusted(sql), id).await?;
    round.centres = centres_of(
        c,
        "SELECT round_id, centre_id, link_code FROM round_centres WHERE round_id = $1",
        Some(id),
    )
    .await?
    .remove(&id)
    .unwrap_or_default();
    Ok(round)
}

/// The rounds of a region (every region, for `None`), newest first, each
/// with its centres.
pub async fn list(c: &mut Conn, region_id: Option<i64>) -> Result<Vec<Round>> {
    let region = rows::for_region(region_id, "region_id = $1");
    let sql = format!("SELECT {COLUMNS} FROM rounds WHERE {region}");
    let mut list: Vec<Round> =
        rows::all_json::<RoundRow, Round>(c, "rounds", &sql, COLUMNS, "id", region_id).await?;
    let region = rows::for_region(
        region_id,
        "round_id IN (SELECT id FROM rounds WHERE region_id = $1)",
    );
    let mut centres = centres_of(
        c,
        &format!("SELECT round_id, centre_id, link_code FROM round_centres WHERE {region}"),
        region_id,
    )
    .await?;
    for r in &mut list {
        r.centres = centres.remove(&r.id).unwrap_or_default();
    }
    list.sort_by_key(|r| std::cmp::Reverse((r.opens_on, r.id)));
    Ok(list)
}

/// Where an anonymous link or an invitation leads, read in one query: what
/// showing its survey and taking a response through it need, without the
/// round's other centres.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The round.
    pub round_id: i64,
    /// The centre the answers are for (always one for a link; an
    /// invitation may have none).
    pub centre_id: Option<i64>,
    /// The published version the round asks.
    pub version_id: i64,
    /// The round's first day.
    pub opens_on: NaiveDate,
    /// The round's last day.
    pub closes_on: NaiveDate,
}

/// The round, centre, version and dates of an anonymous link's code, in one
/// query; [`StoreError::NotFound`] for a code no round has.
pub async fn link_target(c: &mut Conn, code: &str) -> Result<Target> {
    let found: Option<(i64, i64, i64, String, String)> = sqlx::query_as(
        "SELECT rc.round_id, rc.centre_id, r.version_id, r.opens_on, r.closes_on
           FROM round_centres rc JOIN rounds r ON r.id = rc.round_id
          WHERE rc.link_code = $1",
    )
    .bind(code)
    .fetch_optional(&mut *c)
    .await?;
    let (round_id, centre_id, version_id, opens_on, closes_on) = found.ok_or(StoreError::NotFound)?;
    target(round_id, Some(centre_id), version_id, &opens_on, &closes_on)
}

/// A [`Target`] from its columns.
pub(crate) fn target(
    round_id: i64,
    centre_id: Option<i64>,
    version_id: i64,
    opens_on: &str,
    closes_on: &str,
) -> Result<Target> {
    Ok(Target {
        round_id,
        centre_id,
        version_id,
        opens_on: codec::date("rounds.opens_on", opens_on)?,
        closes_on: codec::date("rounds.closes_on", closes_on)?,
    })
}
