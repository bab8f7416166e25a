//! The backup format: the whole database as one JSON document (the command
//! line's `export` and `import`). Import goes only into an empty database,
//! checks the whole document before writing anything, and writes it in one
//! transaction.

use samverka_store::backup::{self as store_backup, ImportError};
pub use samverka_store::backup::{FORMAT, ImportRefused, VERSION};
use serde_json::Value;

use crate::{Ctx, Error, Result};

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailed {
    /// The document was refused; nothing was written.
    #[error(transparent)]
    Refused(#[from] ImportRefused),
    /// Anything else; nothing was written.
    #[error(transparent)]
    Other(#[from] Error),
}

/// Exports the whole database (administrators and the command line).
pub async fn export(ctx: &Ctx, progress: impl FnMut(&str, usize)) -> Result<Value> {
    Error::require(ctx.actor.is_admin())?;
    Ok(store_backup::export(ctx.app.db(), progress).await?)
}

/// Imports a document into an empty database (the command line only).
pub async fn import(ctx: &Ctx, doc: &Value, progress: impl FnMut(&str, usize)) -> Result<(), ImportFailed> {
    Error::require(ctx.account.is_none() && ctx.actor.is_admin())?;
    match store_backup::import(ctx.app.db(), doc, progress).await {
        Ok(()) => Ok(()),
        Err(ImportError::Refused(r)) => Err(ImportFailed::Refused(r)),
        Err(ImportError::Store(e)) => Err(ImportFailed::Other(e.into())),
    }
}
