//! Login sessions stored in the database (through the application), so
//! that any number of server instances can serve the same users. Each row
//! records its account, so a password change or a block can end them.

use samverka_app::{App, accounts::sessions};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result};
use tower_sessions::{SessionStore, cookie::time::OffsetDateTime};

/// A [`SessionStore`] on the samverka database.
#[derive(Debug, Clone)]
pub struct DbSessionStore {
    app: App,
}

impl DbSessionStore {
    /// A store on this application's database.
    pub fn new(app: App) -> Self {
        DbSessionStore { app }
    }
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

fn user_of(record: &Record) -> Option<i64> {
    record
        .data
        .get(super::auth::USER_KEY)
        .and_then(serde_json::Value::as_i64)
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        let data = serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
        while !sessions::create(
            &self.app,
            &record.id.to_string(),
            user_of(record),
            &data,
            record.expiry_date.unix_timestamp(),
        )
        .await
        .map_err(backend)?
        {
            record.id = Id::default();
        }
        Ok(())
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
        sessions::save(
            &self.app,
            &record.id.to_string(),
            user_of(record),
            &data,
            record.expiry_date.unix_timestamp(),
        )
        .await
        .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let Some((data, expires)) = sessions::load(&self.app, &id.to_string())
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let expiry_date =
            OffsetDateTime::from_unix_timestamp(expires).map_err(|e| Error::Decode(e.to_string()))?;
        if expiry_date.unix_timestamp() < self.app.now().timestamp() {
            return Ok(None);
        }
        let data = serde_json::from_str(&data).map_err(|e| Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        sessions::delete(&self.app, &id.to_string())
            .await
            .map_err(backend)
    }
}
