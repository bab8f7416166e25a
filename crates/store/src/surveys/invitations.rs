//! Personal invitations (*inbjudningar*) to a round: a person gets a link
//! with a one-time token (only its hash is kept). An invitation records
//! whether it was used, never when, and nothing ties it to the response it
//! allowed: using one leaves no audit entry, so the trail cannot tell the
//! order in which people answered.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::rounds::{self, Round};
use crate::audit::{self, AuditAction, AuditEntity, Change, Who};
use crate::{Conn, Result, StoreError, Tx, codec, rows};

/// An invitation to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvitation {
    /// The person invited (of the round's region).
    pub person_id: i64,
    /// The centre the person answers for, when the round asks per centre
    /// (one of the round's centres).
    pub centre_id: Option<i64>,
    /// The hash of the token in the person's link.
    pub token_hash: String,
}

/// An invitation (*inbjudan*) to answer a round. Its token stays hidden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invitation {
    /// Id.
    pub id: i64,
    /// The round.
    pub round_id: i64,
    /// The person invited.
    pub person_id: i64,
    /// The centre the person answers for, if any.
    pub centre_id: Option<i64>,
    /// The day it was sent.
    pub sent_on: NaiveDate,
    /// The day of the latest reminder, if any.
    pub reminded_on: Option<NaiveDate>,
    /// Whether the token was used to answer.
    pub used: bool,
}

/// A reminder to send: the invitation, and perhaps a new token for it (the
/// old link then stops working).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// The invitation.
    pub invitation_id: i64,
    /// The hash of a new token, or `None` to keep the old one.
    pub token_hash: Option<String>,
}

/// How many were invited to a round at one centre (or without a centre),
/// and how many of them answered (*svarsfrekvens*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rate {
    /// The centre; `None` for invitations without one.
    pub centre_id: Option<i64>,
    /// Invitations sent.
    pub invited: i64,
    /// Invitations used to answer.
    pub used: i64,
}

const COLUMNS: &str = "id, round_id, person_id, centre_id, sent_on, reminded_on, used";

#[derive(sqlx::FromRow, serde::Deserialize)]
struct InvitationRow {
    id: i64,
    round_id: i64,
    person_id: i64,
    centre_id: Option<i64>,
    sent_on: String,
    reminded_on: Option<String>,
    used: i64,
}

impl TryFrom<InvitationRow> for Invitation {
    type Error = StoreError;
    fn try_from(r: InvitationRow) -> Result<Invitation> {
        Ok(Invitation {
            id: r.id,
            round_id: r.round_id,
            person_id: r.person_id,
            centre_id: r.centre_id,
            sent_on: codec::date("invitations.sent_on", &r.sent_on)?,
            reminded_on: codec::opt_date("invitations.reminded_on", r.reminded_on.as_deref())?,
            used: codec::flag("invitations.used", r.used)?,
        })
    }
}

fn token_conflict(e: sqlx::Error) -> StoreError {
    match StoreError::from(e) {
        StoreError::Conflict { .. } => StoreError::conflict("invitations.token_hash"),
        other => other,
    }
}

/// Invites people to a round, sent on `sent_on`; returns the invitations'
/// ids in the order given. Refused, with nothing written, as
/// [`StoreError::invalid`] on `person_id` for a person of another region
/// (or not there) and on `centre_id` for a centre not in the round; a token
/// hash given twice or already used by an invitation is a
/// [`StoreError::Conflict`] on `invitations.token_hash`. One audit entry
/// names the people invited.
pub async fn create(
    tx: &mut Tx,
    who: &Who,
    round: &Round,
    invites: &[NewInvitation],
    sent_on: NaiveDate,
) -> Result<Vec<i64>> {
    let mut hashes = BTreeSet::new();
    for i in invites {
        rows::in_region(
            tx,
            "SELECT region_id FROM people WHERE id = $1",
            i.person_id,
            round.region_id,
            "person_id",
        )
        .await?;
        if i.centre_id.is_some_and(|c| !round.has_centre(c)) {
            return Err(StoreError::invalid("centre_id"));
        }
        if i.token_hash.is_empty() {
            return Err(StoreError::invalid("token_hash"));
        }
        if !hashes.insert(i.token_hash.as_str()) {
            return Err(StoreError::conflict("invitations.token_hash"));
        }
    }
    let sent = codec::date_text(sent_on);
    let mut ids = Vec::with_capacity(invites.len());
    for i in invites {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO invitations (round_id, person_id, centre_id, token_hash, sent_on, used)
             VALUES ($1, $2, $3, $4, $5, 0) RETURNING id",
        )
        .bind(round.id)
        .bind(i.person_id)
        .bind(i.centre_id)
        .bind(&i.token_hash)
        .bind(&sent)
        .fetch_one(&mut **tx)
        .await
        .map_err(token_conflict)?;
        ids.push(id);
    }
    let people: Vec<serde_json::Value> = invites
        .iter()
        .map(|i| serde_json::json!({ "person_id": i.person_id, "centre_id": i.centre_id }))
        .collect();
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Invite,
            AuditEntity::Round,
            Some(round.id),
            Some(round.region_id),
        )
        .after(serde_json::json!({ "sent_on": sent, "invited": people })),
    )
    .await?;
    Ok(ids)
}

/// Spends an invitation's token: marks it used and gives its round and
/// centre. An unknown token is [`StoreError::NotFound`]; a used one a
/// [`StoreError::Conflict`] on `invitations.used`, so that of two answers
/// sent at once with the same token exactly one is taken. No audit entry
/// and no time: when a person answered is never recorded.
pub async fn use_token(tx: &mut Tx, token_hash: &str) -> Result<(Round, Option<i64>)> {
    let spent: Option<(i64, Option<i64>)> = sqlx::query_as(
        "UPDATE invitations SET used = 1 WHERE token_hash = $1 AND used = 0 RETURNING round_id, centre_id",
    )
    .bind(token_hash)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((round_id, centre_id)) = spent else {
        let known: Option<i64> = sqlx::query_scalar("SELECT id FROM invitations WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&mut **tx)
            .await?;
        return Err(match known {
            Some(_) => StoreError::conflict("invitations.used"),
            None => StoreError::NotFound,
        });
    };
    Ok((rounds::get(tx, round_id).await?, centre_id))
}

/// Where an unused token leads, without spending it (to show the survey
/// before it is answered); [`StoreError::NotFound`] for an
/// unknown token, [`StoreError::Conflict`] on `invitations.used` for a used
/// one.
pub async fn peek_token(c: &mut Conn, token_hash: &str) -> Result<rounds::Target> {
    let found: Option<(i64, Option<i64>, i64, i64, String, String)> = sqlx::query_as(
        "SELECT i.round_id, i.centre_id, i.used, r.version_id, r.opens_on, r.closes_on
           FROM invitations i JOIN rounds r ON r.id = i.round_id
          WHERE i.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&mut *c)
    .await?;
    let (round_id, centre_id, used, version_id, opens_on, closes_on) = found.ok_or(StoreError::NotFound)?;
    if codec::flag("invitations.used", used)? {
        return Err(StoreError::conflict("invitations.used"));
    }
    rounds::target(round_id, centre_id, version_id, &opens_on, &closes_on)
}

/// Every invitation of a round, by id.
pub async fn list(c: &mut Conn, round_id: i64) -> Result<Vec<Invitation>> {
    let sql = format!("SELECT {COLUMNS} FROM invitations WHERE round_id = $1");
    rows::all_json::<InvitationRow, Invitation>(c, "invitations", &sql, COLUMNS, "id", round_id).await
}

/// The invitations of a round not yet used: whom to remind. By id.
pub async fn not_answered(c: &mut Conn, round_id: i64) -> Result<Vec<Invitation>> {
    let sql = format!("SELECT {COLUMNS} FROM invitations WHERE round_id = $1 AND used = 0");
    rows::all_json::<InvitationRow, Invitation>(c, "invitations", &sql, COLUMNS, "id", round_id).await
}

/// Records reminders sent on `on` for invitations of `round` that are
/// still unused, each perhaps with a new token; returns the ids reminded
/// (one used in the meantime, or of another round, is left alone). The
/// audit entry holds only how many were reminded, not who: a series of
/// reminder lists would tell when each person answered.
pub async fn mark_reminded(
    tx: &mut Tx,
    who: &Who,
    round: &Round,
    reminders: &[Reminder],
    on: NaiveDate,
) -> Result<Vec<i64>> {
    let day = codec::date_text(on);
    let mut done = Vec::new();
    for r in reminders {
        let changed = sqlx::query(
            "UPDATE invitations SET reminded_on = $1, token_hash = COALESCE($2, token_hash)
             WHERE id = $3 AND round_id = $4 AND used = 0",
        )
        .bind(&day)
        .bind(r.token_hash.as_deref())
        .bind(r.invitation_id)
        .bind(round.id)
        .execute(&mut **tx)
        .await
        .map_err(token_conflict)?;
        if changed.rows_affected() == 1 {
            done.push(r.invitation_id);
        }
    }
    audit::record(
        tx,
        who,
        Change::new(
            AuditAction::Remind,
            AuditEntity::Round,
            Some(round.id),
            Some(round.region_id),
        )
        .after(serde_json::json!({ "reminded_on": day, "reminded": done.len() })),
    )
    .await?;
    Ok(done)
}

/// How many were invited and how many answered, per centre of a round
/// (invitations without a centre first), by centre id.
pub async fn rates(c: &mut Conn, round_id: i64) -> Result<Vec<Rate>> {
    let found: Vec<(Option<i64>, i64, i64)> = sqlx::query_as(
        "SELECT centre_id, COUNT(*), CAST(COALESCE(SUM(used), 0) AS BIGINT) FROM invitations
         WHERE round_id = $1 GROUP BY centre_id",
    )
    .bind(round_id)
    .fetch_all(c)
    .await?;
    let mut rates: Vec<Rate> = found
        .into_iter()
        .map(|(centre_id, invited, used)| Rate {
            centre_id,
            invited,
            used,
        })
        .collect();
    rates.sort_by_key(|r| r.centre_id);
    Ok(rates)
}
