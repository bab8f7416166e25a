//! Scheduled jobs: every instance runs them, each round takes a lease in
//! the database so one instance works at a time.

pub mod exports;
pub mod mail;

use std::time::Duration;

use samverka_store::accounts::{sessions, throttle};
use samverka_store::platform::leases;

use crate::App;

/// The running jobs; dropping this does not stop them, [`Jobs::stop`] does.
#[derive(Debug)]
pub struct Jobs {
    handles: Vec<tokio::task::JoinHandle<()>>,
}

impl Jobs {
    /// Stops every job.
    pub fn stop(self) {
        for h in self.handles {
            h.abort();
        }
    }
}

/// The lease the sweeper holds while it works.
pub const SWEEP_LEASE: &str = "sweeper";

/// Removes expired sessions, old failed-login counts and expired exports.
pub async fn sweep(app: &App) -> crate::Result<()> {
    let now = app.now().timestamp();
    let mut c = app.db().read().await?;
    sessions::delete_expired(&mut c, now).await?;
    // Failure windows are minutes long; a day is ample.
    throttle::delete_old(&mut c, now - 24 * 3600).await?;
    exports::sweep(app).await?;
    Ok(())
}

/// Runs `work` every `every`, on whichever instance holds the lease `name`
/// (taken or renewed for `ttl_seconds` at each tick): the shape of every
/// scheduled job that one instance at a time should do.
pub(crate) async fn leased(
    app: App,
    name: &'static str,
    every: Duration,
    ttl_seconds: i64,
    work: impl AsyncFn(&App),
) {
    let holder = mail::instance_id();
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let now = app.now().timestamp();
        let taken = match app.db().read().await {
            Ok(mut c) => leases::acquire(&mut c, name, &holder, now, ttl_seconds).await,
            Err(e) => Err(e),
        };
        match taken {
            Ok(true) => work(&app).await,
            Ok(false) => {}
            Err(e) => tracing::warn!("the job {name} could not take its lease: {e}"),
        }
    }
}

/// Starts the mail sender (every 15 s), the survey reminders (every hour),
/// the export maker (every 2 s) and the sweeper (every 10 min).
pub fn spawn(app: &App) -> Jobs {
    let mail = tokio::spawn(mail::run(app.clone()));
    let reminders = tokio::spawn(crate::surveys::invitations::run(app.clone()));
    let exporter = tokio::spawn(exports::run(app.clone()));
    let sweeper = tokio::spawn(leased(
        app.clone(),
        SWEEP_LEASE,
        Duration::from_secs(600),
        300,
        async |app: &App| {
            if let Err(e) = sweep(app).await {
                tracing::warn!("sweeper: {e}");
            }
        },
    ));
    Jobs {
        handles: vec![mail, reminders, exporter, sweeper],
    }
}
