//! Export jobs (*exportjobb*): a request for a file of a round's responses
//! or results, made in the background by whichever instance claims it, and
//! the file itself, kept in chunks so that any instance serves it.
//!
//! A job is claimed with one conditional update, so of two instances that
//! try at once exactly one gets it; the winner holds a lease (holder and
//! expiry, seconds since 1970) that it renews while it works. A job whose
//! lease ran out (its instance died) is claimed again and started over: each
//! start counts as an attempt, and its chunks are kept under that attempt,
//! so a late chunk from an instance that lost the job never mixes with the
//! new ones. Every write of a worker is conditional on still holding the
//! lease. Jobs and chunks are not in the backup.

use samverka_core::surveys::export::{ExportFormat, ExportKind, ExportStatus};

use crate::{Conn, Result, StoreError, codec, rows};

/// A job as requested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJob {
    /// Responses or results.
    pub kind: ExportKind,
    /// The round.
    pub round_id: i64,
    /// CSV or XLSX.
    pub format: ExportFormat,
    /// Which responses, as the application writes it (JSON).
    pub filter: String,
    /// The language of the file's texts.
    pub language: String,
    /// The account that asks.
    pub requested_by: i64,
}

/// A stored job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Id.
    pub id: i64,
    /// What was asked for.
    pub request: NewJob,
    /// Where it is.
    pub status: ExportStatus,
    /// Rows written so far.
    pub done: i64,
    /// Rows it will write (0 until known).
    pub total: i64,
    /// How many times it was started.
    pub attempts: i64,
    /// Why it failed (a code).
    pub error: Option<String>,
    /// The file's name, once made.
    pub file_name: Option<String>,
    /// The file's size in bytes, once made.
    pub size: Option<i64>,
    /// When it was asked for (RFC 3339).
    pub created_at: String,
    /// When it was made or failed (RFC 3339).
    pub finished_at: Option<String>,
    /// When the job and its file are removed (seconds since 1970).
    pub expires_at: i64,
}

/// Which attempt of which job a worker holds, and under what name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The job.
    pub job_id: i64,
    /// The attempt (its chunks are kept under it).
    pub attempt: i64,
    /// The worker's name.
    pub holder: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    round_id: i64,
    format: String,
    filter: String,
    language: String,
    requested_by: i64,
    status: String,
    done: i64,
    total: i64,
    attempts: i64,
    error: Option<String>,
    file_name: Option<String>,
    size: Option<i64>,
    created_at: String,
    finished_at: Option<String>,
    expires_at: Option<i64>,
}

const COLUMNS: &str = "id, kind, round_id, format, filter, language, requested_by, status, done, total, \
                       attempts, error, file_name, size, created_at, finished_at, expires_at";

impl TryFrom<Row> for Job {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Job> {
        Ok(Job {
            id: r.id,
            request: NewJob {
                kind: codec::code("export_jobs.kind", &r.kind)?,
                round_id: r.round_id,
                format: codec::code("export_jobs.format", &r.format)?,
                filter: r.filter,
                language: r.language,
                requested_by: r.requested_by,
            },
            status: codec::code("export_jobs.status", &r.status)?,
            done: r.done,
            total: r.total,
            attempts: r.attempts,
            error: r.error,
            file_name: r.file_name,
            size: r.size,
            created_at: r.created_at,
            finished_at: r.finished_at,
            expires_at: r
                .expires_at
                .ok_or_else(|| StoreError::Corrupt(format!("export_jobs {}: no expiry", r.id)))?,
        })
    }
}

/// Queues a job at `created_at` (RFC 3339), to be removed at `expires_at`
/// unless a finished file moves that later. Returns its id.
pub async fn create(c: &mut Conn, job: &NewJob, created_at: &str, expires_at: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO export_jobs (kind, round_id, format, filter, language, requested_by, status, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(job.kind.code())
    .bind(job.round_id)
    .bind(job.format.code())
    .bind(&job.filter)
    .bind(&job.language)
    .bind(job.requested_by)
    .bind(ExportStatus::Queued.code())
    .bind(created_at)
    .bind(expires_at)
    .fetch_one(c)
    .await?)
}

/// One job.
pub async fn get(c: &mut Conn, id: i64) -> Result<Job> {
    rows::one::<Row, Job>(
        c,
        crate::trusted(format!("SELECT {COLUMNS} FROM export_jobs WHERE id = $1")),
        id,
    )
    .await
}

/// An account's newest jobs of a round, newest first.
pub async fn of_round(c: &mut Conn, round_id: i64, requested_by: i64, limit: i64) -> Result<Vec<Job>> {
    let found: Vec<Row> = sqlx::query_as(crate::trusted(format!(
        "SELECT {COLUMNS} FROM export_jobs WHERE round_id = $1 AND requested_by = $2 ORDER BY id DESC LIMIT $3"
    )))
    .bind(round_id)
    .bind(requested_by)
    .bind(limit)
    .fetch_all(c)
    .await?;
    found.into_iter().map(Job::try_from).collect()
}

/// Claims the oldest job that waits, or whose lease ran out before `now`,
/// for `holder` until `now + ttl`: one conditional update, so of several
/// instances claiming at once exactly one gets each job. A job taken over
/// starts again as a new attempt. Jobs already started `max_attempts` times
/// whose lease ran out fail (`gave-up`) instead.
pub async fn claim(
    c: &mut Conn,
    holder: &str,
    now: i64,
    ttl: i64,
    max_attempts: i64,
) -> Result<Option<Claim>> {
    sqlx::query(
        "UPDATE export_jobs SET status = $1, error = 'gave-up', lease_holder = NULL, lease_expires_at = NULL
         WHERE status = $2 AND lease_expires_at < $3 AND attempts >= $4",
    )
    .bind(ExportStatus::Failed.code())
    .bind(ExportStatus::Running.code())
    .bind(now)
    .bind(max_attempts)
    .execute(&mut *c)
    .await?;
    let waiting = "(status = $1 OR (status = $2 AND lease_expires_at < $3))";
    let claimed: Option<(i64, i64)> = sqlx::query_as(crate::trusted(format!(
        "UPDATE export_jobs
            SET status = $2, lease_holder = $4, lease_expires_at = $5, attempts = attempts + 1, done = 0, error = NULL
          WHERE id = (SELECT id FROM export_jobs WHERE {waiting} ORDER BY id LIMIT 1) AND {waiting}
         RETURNING id, attempts"
    )))
    .bind(ExportStatus::Queued.code())
    .bind(ExportStatus::Running.code())
    .bind(now)
    .bind(holder)
    .bind(now + ttl)
    .fetch_optional(&mut *c)
    .await?;
    Ok(claimed.map(|(job_id, attempt)| Claim {
        job_id,
        attempt,
        holder: holder.to_string(),
    }))
}

/// The condition that a worker still holds its attempt (`$1` job, `$2`
/// attempt, `$3` holder).
const HELD: &str = "id = $1 AND attempts = $2 AND lease_holder = $3 AND status = 'running'";

/// Notes how far a worker is and renews its lease until `until`; false when
/// it no longer holds the job (it was taken over): the worker stops.
pub async fn progress(c: &mut Conn, claim: &Claim, done: i64, total: i64, until: i64) -> Result<bool> {
    let n = sqlx::query(crate::trusted(format!(
        "UPDATE export_jobs SET done = $4, total = $5, lease_expires_at = $6 WHERE {HELD}"
    )))
    .bind(claim.job_id)
    .bind(claim.attempt)
    .bind(&claim.holder)
    .bind(done)
    .bind(total)
    .bind(until)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Stores the file's next chunk (`seq` from 0) while the worker holds the
/// job; false when it no longer does.
pub async fn put_chunk(c: &mut Conn, claim: &Claim, seq: i64, data: &[u8]) -> Result<bool> {
    let n = sqlx::query(crate::trusted(format!(
        "INSERT INTO export_chunks (job_id, attempt, seq, data)
         SELECT $1, $2, $4, $5 WHERE EXISTS (SELECT 1 FROM export_jobs WHERE {HELD})"
    )))
    .bind(claim.job_id)
    .bind(claim.attempt)
    .bind(&claim.holder)
    .bind(seq)
    .bind(data)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// The file a worker made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// Its name.
    pub file_name: String,
    /// Its media type.
    pub content_type: String,
    /// Its size in bytes.
    pub size: i64,
    /// The rows written.
    pub rows: i64,
}

/// Marks the job done with its file (its chunks are those of the worker's
/// attempt; older attempts' chunks are removed), to be removed at
/// `expires_at`; false when the worker no longer holds the job.
pub async fn finish(
    c: &mut Conn,
    claim: &Claim,
    made: &Made,
    finished_at: &str,
    expires_at: i64,
) -> Result<bool> {
    let n = sqlx::query(crate::trusted(format!(
        "UPDATE export_jobs
            SET status = $4, done = $5, total = $5, file_name = $6, content_type = $7, size = $8,
                finished_at = $9, expires_at = $10, lease_holder = NULL, lease_expires_at = NULL
          WHERE {HELD}"
    )))
    .bind(claim.job_id)
    .bind(claim.attempt)
    .bind(&claim.holder)
    .bind(ExportStatus::Done.code())
    .bind(made.rows)
    .bind(&made.file_name)
    .bind(&made.content_type)
    .bind(made.size)
    .bind(finished_at)
    .bind(expires_at)
    .execute(&mut *c)
    .await?
    .rows_affected();
    if n == 1 {
        drop_chunks(c, claim.job_id, Some(claim.attempt)).await?;
    }
    Ok(n == 1)
}

/// Marks the job failed with a code, removing what was made of it; false
/// when the worker no longer holds the job.
pub async fn fail(c: &mut Conn, claim: &Claim, code: &str, finished_at: &str) -> Result<bool> {
    let n = sqlx::query(crate::trusted(format!(
        "UPDATE export_jobs
            SET status = $4, error = $5, finished_at = $6, lease_holder = NULL, lease_expires_at = NULL
          WHERE {HELD}"
    )))
    .bind(claim.job_id)
    .bind(claim.attempt)
    .bind(&claim.holder)
    .bind(ExportStatus::Failed.code())
    .bind(code)
    .bind(finished_at)
    .execute(&mut *c)
    .await?
    .rows_affected();
    if n == 1 {
        drop_chunks(c, claim.job_id, None).await?;
    }
    Ok(n == 1)
}

/// Removes a job's chunks: all, or all but those of one attempt.
async fn drop_chunks(c: &mut Conn, job_id: i64, keep: Option<i64>) -> Result<()> {
    sqlx::query("DELETE FROM export_chunks WHERE job_id = $1 AND ($2 IS NULL OR attempt <> $2)")
        .bind(job_id)
        .bind(keep)
        .execute(c)
        .await?;
    Ok(())
}

/// The `seq`-th chunk of a finished job's file; `None` past the last.
pub async fn chunk(c: &mut Conn, job: &Job, seq: i64) -> Result<Option<Vec<u8>>> {
    Ok(
        sqlx::query_scalar("SELECT data FROM export_chunks WHERE job_id = $1 AND attempt = $2 AND seq = $3")
            .bind(job.id)
            .bind(job.attempts)
            .bind(seq)
            .fetch_optional(c)
            .await?,
    )
}

/// Removes the jobs that expired before `now`, with their files. Returns
/// how many.
pub async fn sweep(c: &mut Conn, now: i64) -> Result<u64> {
    sqlx::query(
        "DELETE FROM export_chunks WHERE job_id IN (SELECT id FROM export_jobs WHERE expires_at < $1)",
    )
    .bind(now)
    .execute(&mut *c)
    .await?;
    Ok(sqlx::query("DELETE FROM export_jobs WHERE expires_at < $1")
        .bind(now)
        .execute(c)
        .await?
        .rows_affected())
}
