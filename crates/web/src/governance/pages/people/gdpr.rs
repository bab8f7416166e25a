//! GDPR: a person's data exported on request, or erased (kept as "f.d. medlem").

use askama::Template;
use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use samverka_app::governance::gdpr;
use tower_sessions::Session;

use crate::http::error::PageError;
use crate::http::extract::CurrentUser;
use crate::ui::render::{html, see_other};
use crate::ui::{Page, flash};

#[derive(Template)]
#[template(path = "governance/person_erase.html")]
pub(crate) struct EraseForm {
    pub(crate) page: Page,
    pub(crate) id: i64,
    pub(crate) assignment_count: usize,
}

pub(crate) async fn erase_form(
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (p, region, count) = gdpr::erase_preview(&user, id).await?;
    let t = page.t;
    html(EraseForm {
        page: page
            .titled(t.t1("people-erase-title", "name", &p.name))
            .in_region(region.id, &region.name, true, "people"),
        id,
        assignment_count: count,
    })
}

pub(crate) async fn erase_person(
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    gdpr::erase(&user, id).await?;
    flash(&session, page.t.t("people-flash-erased")).await;
    Ok(see_other(&format!("/people/{id}")))
}

pub(crate) async fn export_person(user: CurrentUser, Path(id): Path<i64>) -> Result<Response, PageError> {
    let body = gdpr::export(&user, id).await?;
    let text =
        serde_json::to_string_pretty(&body).map_err(|_| PageError::App(samverka_app::Error::Internal))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"person-{id}.json\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        text,
    )
        .into_response())
}
