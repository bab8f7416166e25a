//! The export maker: a background job that makes the files asked for with
//! `surveys::exports::request`. Every instance runs it; each claims one
//! job at a time in the database (exactly one instance gets a job), renews
//! its lease while it works and stores the file in chunks as it is written.
//! A job whose instance died is claimed again when its lease runs out and
//! made from the start; one that failed three times that way is given up.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use samverka_store::surveys::exports::{self as store, Claim, Made};
use tokio::sync::mpsc;

use crate::accounts::context::for_user;
use crate::surveys::exports::{self, ExportFilter, ExportRequest, Progress, expiry, rfc3339};
use crate::{App, Error};

/// Seconds between looks for waiting jobs.
const INTERVAL_SECONDS: u64 = 2;
/// How long a claim lasts unless renewed, in seconds.
const LEASE_SECONDS: i64 = 60;
/// How often a worker renews its claim and notes its progress.
const RENEW: Duration = Duration::from_secs(5);
/// Starts of one job before it is given up.
const MAX_ATTEMPTS: i64 = 3;
/// Bytes per stored chunk of a file.
const CHUNK: usize = 1 << 20;

/// A file's bytes on their way to the database: full chunks are handed to
/// the worker, which stores them. Written from the writer's own thread.
struct ChunkSink {
    to: mpsc::Sender<Vec<u8>>,
    buf: Vec<u8>,
}

impl ChunkSink {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let full = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        self.to
            .blocking_send(full)
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the export job stopped"))
    }
}

impl Write for ChunkSink {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let room = CHUNK - self.buf.len();
        let n = data.len().min(room);
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(n)
    }

    /// Hands over what is buffered: the writers flush once, at the end.
    fn flush(&mut self) -> std::io::Result<()> {
        self.send()
    }
}

/// Why a job stopped without a file: a code for the job's page.
fn failure(e: &Error) -> &'static str {
    match e {
        Error::Conflict(code) => code,
        Error::Forbidden => "forbidden",
        Error::NotFound => "not-found",
        Error::Invalid(_) | Error::InvalidAt(_) => "invalid",
        _ => "internal",
    }
}

/// Claims one waiting job (or one whose lease ran out) for `holder` and
/// makes its file. Returns the job's id, or `None` when nothing waits. The
/// background job calls this; tests call it directly.
pub async fn run_once(app: &App, holder: &str) -> crate::Result<Option<i64>> {
    let mut c = app.db().read().await?;
    let claim = store::claim(&mut c, holder, app.now().timestamp(), LEASE_SECONDS, MAX_ATTEMPTS).await?;
    drop(c);
    let Some(claim) = claim else {
        return Ok(None);
    };
    make(app, &claim).await?;
    Ok(Some(claim.job_id))
}

/// Makes the file of a claimed job, as the account that asked for it.
async fn make(app: &App, claim: &Claim) -> crate::Result<()> {
    let job = {
        let mut c = app.db().read().await?;
        store::get(&mut c, claim.job_id).await?
    };
    let finished = |app: &App| rfc3339(app.now().timestamp());
    let request = match serde_json::from_str::<ExportFilter>(&job.request.filter) {
        Ok(filter) => ExportRequest {
            kind: job.request.kind,
            format: job.request.format,
            filter,
            language: job.request.language.clone(),
        },
        Err(e) => {
            tracing::error!("export job {}: its filter cannot be read: {e}", job.id);
            let mut c = app.db().read().await?;
            store::fail(&mut c, claim, "internal", &finished(app)).await?;
            return Ok(());
        }
    };
    let Some(ctx) = for_user(app, job.request.requested_by).await? else {
        let mut c = app.db().read().await?;
        store::fail(&mut c, claim, "forbidden", &finished(app)).await?;
        return Ok(());
    };
    let (to, mut chunks) = mpsc::channel::<Vec<u8>>(2);
    let sink = ChunkSink {
        to,
        buf: Vec::with_capacity(CHUNK),
    };
    let progress = Arc::new(Progress::default());
    let round_id = job.request.round_id;
    let writing = exports::write(&ctx, round_id, &request, sink, progress.clone());
    tokio::pin!(writing);
    let mut renew = tokio::time::interval(RENEW);
    renew.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let (mut seq, mut size) = (0i64, 0i64);
    let held = |ok: bool| {
        if !ok {
            tracing::warn!(
                "export job {}: taken over by another instance; stopping",
                claim.job_id
            );
        }
        ok
    };
    let outcome = loop {
        tokio::select! {
            result = &mut writing => break result,
            Some(chunk) = chunks.recv() => {
                size += i64::try_from(chunk.len()).unwrap_or(i64::MAX);
                let mut c = app.db().read().await?;
                if !held(store::put_chunk(&mut c, claim, seq, &chunk).await?) {
                    return Ok(());
                }
                seq += 1;
            }
            _ = renew.tick() => {
                let mut c = app.db().read().await?;
                let (done, total) = (progress.done(), progress.total());
                let until = app.now().timestamp() + LEASE_SECONDS;
                let ok = store::progress(
                    &mut c,
                    claim,
                    i64::try_from(done).unwrap_or(i64::MAX),
                    i64::try_from(total).unwrap_or(i64::MAX),
                    until,
                )
                .await?;
                if !held(ok) {
                    return Ok(());
                }
            }
        }
    };
    match outcome {
        Ok(sink) => {
            // The writer flushed its last chunk before it gave the sink back.
            drop(sink);
            while let Some(chunk) = chunks.recv().await {
                size += i64::try_from(chunk.len()).unwrap_or(i64::MAX);
                let mut c = app.db().read().await?;
                if !held(store::put_chunk(&mut c, claim, seq, &chunk).await?) {
                    return Ok(());
                }
                seq += 1;
            }
            let made = Made {
                file_name: exports::file_name(round_id, &request),
                content_type: request.format.content_type().to_string(),
                size,
                rows: i64::try_from(progress.done()).unwrap_or(i64::MAX),
            };
            let now = app.now().timestamp();
            let mut c = app.db().read().await?;
            held(store::finish(&mut c, claim, &made, &rfc3339(now), expiry(now)).await?);
        }
        Err(e) => {
            if matches!(e, Error::Internal | Error::Unavailable) {
                tracing::error!("export job {}: {e}", claim.job_id);
            }
            let mut c = app.db().read().await?;
            held(store::fail(&mut c, claim, failure(&e), &finished(app)).await?);
        }
    }
    Ok(())
}

/// Removes the jobs and files that expired.
pub(crate) async fn sweep(app: &App) -> crate::Result<()> {
    let mut c = app.db().read().await?;
    let n = store::sweep(&mut c, app.now().timestamp()).await?;
    if n > 0 {
        tracing::info!("removed {n} expired export(s)");
    }
    Ok(())
}

/// Runs forever: every two seconds, makes the files that wait, one after
/// another. Started by [`super::spawn`].
pub async fn run(app: App) {
    let holder = super::mail::instance_id();
    let mut tick = tokio::time::interval(Duration::from_secs(INTERVAL_SECONDS));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        loop {
            match run_once(&app, &holder).await {
                Ok(Some(id)) => tracing::info!("export job {id} handled"),
                Ok(None) => break,
                Err(e) => {
                    tracing::warn!("export maker: {e}");
                    break;
                }
            }
        }
    }
}
