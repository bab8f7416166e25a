//! Publishing minutes: the application publishes "where not yet published"
//! and queues the notices in the same transaction, so a double click sends
//! one set of notices.

use axum::extract::Path;
use axum::response::Response;
use samverka_app::Error;
use samverka_app::governance::meetings;
use tower_sessions::Session;

use super::show::{Extra, meeting_page};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::ui::render::{invalid, see_other};
use crate::ui::{Page, flash};

pub(super) async fn publish_minutes(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    match meetings::publish(&user, id).await {
        Ok(n) => {
            flash(&session, page.t.t1("meeting-flash-published", "count", n)).await;
            Ok(see_other(&format!("/meetings/{id}")))
        }
        Err(Error::Conflict(code)) => {
            let d = meetings::get(&user, id).await?;
            let extra = Extra {
                publish_error: Some(page.t.t(&format!("meeting-publish-{code}"))),
                ..Extra::default()
            };
            // Nothing was typed: the language switch opens the page anew.
            let mut res = invalid(meeting_page(&user, page.not_again(), &d, extra))?;
            *res.status_mut() = axum::http::StatusCode::CONFLICT;
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}
