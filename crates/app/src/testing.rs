//! For other crates' tests: fresh databases on SQLite and PostgreSQL, and
//! an application on a fixed clock.

use std::sync::Arc;

use chrono::NaiveDate;
pub use samverka_store::testing::{TestDb, postgres_admin_url};
pub use samverka_store::{Db, DbOptions};

use crate::{App, AppConfig, FixedClock};

/// An application on a test database, with a clock fixed on `today`.
pub fn app_on(t: &TestDb, config: AppConfig, today: NaiveDate) -> App {
    App::new(t.db.clone(), config, Arc::new(FixedClock::on(today)))
}
