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
