//! Recording decisions in a meeting.

use axum::Form;
use axum::extract::Path;
use axum::response::Response;
use samverka_app::governance::meetings;
use samverka_core::governance::drafts::DecisionDraft;
use tower_sessions::Session;

use super::show::{Extra, meeting_page};
use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::ui::Page;
use crate::ui::render::after_post;

pub(super) async fn add_decision(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let draft = DecisionDraft::from_pairs(pairs);
    let t = page.t;
    let result = meetings::add_decision(&user, id, &draft).await;
    let saved = |_| (t.t("meeting-flash-decision"), format!("/meetings/{id}#decisions"));
    after_post(&session, result, saved, async |errors| {
        let d = meetings::get(&user, id).await?;
        let extra = Extra {
            draft,
            errors,
            publish_error: None,
        };
        Ok(meeting_page(&user, page, &d, extra))
    })
    .await
}
