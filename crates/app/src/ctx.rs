//! The request context every use case takes.

use chrono::NaiveDate;
use samverka_core::{Account, Actor, Grant, Role};
use samverka_store::{Tx, Who};

use crate::{App, Error, Result};

/// Who acts, in what name the trail records it, and what day it is.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub(crate) app: App,
    /// The actor: their grants and their seats in governing groups today.
    pub actor: Actor,
    /// The identity written to the audit trail.
    pub(crate) who: Who,
    /// Today's date in Sweden, from the application's clock.
    pub today: NaiveDate,
    /// The logged-in account, when there is one (not for the command line).
    pub account: Option<Account>,
    /// A trial run: every use case checks as usual but saves nothing.
    trial: bool,
}

impl Ctx {
    /// The command line: every right, audited as `kommandorad`.
    pub(crate) fn cli(app: App) -> Ctx {
        let today = app.today();
        Ctx {
            app,
            actor: Actor {
                user_id: 0,
                grants: vec![Grant {
                    role: Role::Admin,
                    region_id: None,
                    centre_id: None,
                }],
                seats: Vec::new(),
            },
            who: Who::cli(),
            today,
            account: None,
            trial: false,
        }
    }

    /// A logged-in account.
    pub(crate) fn account(app: App, account: Account, actor: Actor) -> Ctx {
        let today = app.today();
        Ctx {
            who: Who::user(account.id, &account.email),
            app,
            actor,
            today,
            account: Some(account),
            trial: false,
        }
    }

    /// The application.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// The account's id, when a person acts.
    pub fn user_id(&self) -> Option<i64> {
        self.account.as_ref().map(|a| a.id)
    }

    /// A connection to read with.
    pub(crate) async fn read(&self) -> Result<samverka_store::ReadConn> {
        Ok(self.app.db().read().await?)
    }

    /// Starts a write transaction.
    pub(crate) async fn write(&self) -> Result<Tx> {
        Ok(self.app.db().write().await?)
    }

    /// The same context for a trial run (*provkörning*): each use case reads,
    /// checks and reports problems as usual, but its write transaction is
    /// rolled back instead of committed and it answers [`Error::NotSaved`].
    /// A page shown again in another language uses it, so that switching
    /// language never saves a form.
    pub fn trial(&self) -> Ctx {
        Ctx {
            trial: true,
            ..self.clone()
        }
    }

    /// Whether this is a trial run that saves nothing.
    pub fn is_trial(&self) -> bool {
        self.trial
    }

    /// Commits a write transaction of this context's use case; a trial
    /// run rolls it back and answers [`Error::NotSaved`].
    pub(crate) async fn commit(&self, tx: Tx) -> Result<()> {
        if self.trial {
            samverka_store::rollback(tx).await?;
            return Err(Error::NotSaved);
        }
        Ok(samverka_store::commit(tx).await?)
    }

    /// A context like this one for another day (tests, and jobs that look ahead).
    pub fn on(&self, today: NaiveDate) -> Ctx {
        Ctx {
            today,
            ..self.clone()
        }
    }
}

/// Commits a write transaction that no account's use case opened (a
/// password link used by someone not logged in).
pub(crate) async fn commit_anonymous(tx: Tx) -> Result<()> {
    Ok(samverka_store::commit(tx).await?)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use samverka_core::RuleSet;
    use samverka_core::centre::CentreDraft;
    use samverka_store::testing::TestDb;

    use crate::registry::centres::{self, Filter};
    use crate::seed::Seeder;
    use crate::{App, AppConfig, Error, FixedClock, accounts};

    #[tokio::test]
    async fn a_trial_run_checks_everything_and_saves_nothing() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        for t in TestDb::all().await {
            let name = t.name();
            let app = App::new(
                t.db.clone(),
                AppConfig::default(),
                Arc::new(FixedClock::on(today)),
            );
            let ctx = app.cli();
            let mut seed = Seeder::begin(&ctx).await.expect("seed");
            let region = seed
                .region("Region Prov", Some("98"), &RuleSet::national())
                .await
                .expect("region");
            let muni = seed
                .municipality(region, "9801", "Provköping")
                .await
                .expect("municipality");
            seed.commit().await.expect("commit");
            let trail = accounts::audit::trail(&ctx, None, None, 500)
                .await
                .expect("trail")
                .len();

            let trial = ctx.trial();
            assert!(trial.is_trial() && !ctx.is_trial());
            // Problems are found as usual...
            let wrong = CentreDraft {
                municipality_id: muni.to_string(),
                ..CentreDraft::default()
            };
            assert!(
                matches!(
                    centres::create(&trial, region, &wrong).await,
                    Err(Error::Invalid(_))
                ),
                "{name}"
            );
            // ...and what would do is not saved.
            let right = CentreDraft {
                name: "Provets familjecentral".into(),
                ..wrong
            };
            assert_eq!(
                centres::create(&trial, region, &right).await,
                Err(Error::NotSaved),
                "{name}"
            );
            let all = Filter {
                region: Some(region),
                include_closed: true,
            };
            assert!(centres::list(&ctx, all).await.expect("list").is_empty(), "{name}");
            assert_eq!(
                accounts::audit::trail(&ctx, None, None, 500)
                    .await
                    .expect("trail")
                    .len(),
                trail,
                "{name}: nothing in the trail"
            );
            // The same call outside a trial saves.
            centres::create(&ctx, region, &right).await.expect("saved");
            assert_eq!(centres::list(&ctx, all).await.expect("list").len(), 1, "{name}");
            app.close().await;
            t.cleanup().await;
        }
    }
}
