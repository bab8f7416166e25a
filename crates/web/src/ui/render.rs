//! Turning a template into an answer.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use samverka_app::Error;
use samverka_core::FieldErrors;
use tower_sessions::Session;

use super::page::flash;
use crate::http::error::PageError;

/// Renders a template as an HTML response.
pub fn html(t: impl askama::Template) -> Result<Response, PageError> {
    Ok(Html(t.render()?).into_response())
}

/// Renders a form again with its problems, as 422.
pub fn invalid(t: impl askama::Template) -> Result<Response, PageError> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(t.render()?)).into_response())
}

/// A redirect after a successful post (303, so the browser GETs the next page).
pub fn see_other(to: &str) -> Response {
    axum::response::Redirect::to(to).into_response()
}

/// What a form post ends in: on success the flash message and the address
/// `saved` makes of the result, and a redirect (303) there; on invalid input
/// the form `again` renders with the problems (422); after a trial run (the
/// form switched to another language) the form `again` as typed, with no
/// problems and nothing saved; anything else the error page.
pub async fn after_post<T, F: askama::Template>(
    session: &Session,
    result: Result<T, Error>,
    saved: impl FnOnce(T) -> (String, String),
    again: impl AsyncFnOnce(FieldErrors) -> Result<F, PageError>,
) -> Result<Response, PageError> {
    match result {
        Ok(value) => {
            let (message, to) = saved(value);
            flash(session, message).await;
            Ok(see_other(&to))
        }
        Err(Error::Invalid(errors)) => invalid(again(errors).await?),
        Err(Error::NotSaved) => html(again(FieldErrors::default()).await?),
        Err(e) => Err(e.into()),
    }
}

/// What a post without fields (a confirmed action) ends in: on success the
/// flash message and a redirect (303) to the address `saved` makes of the
/// result; anything else the error page.
pub async fn after_action<T>(
    session: &Session,
    result: Result<T, Error>,
    saved: impl FnOnce(T) -> (String, String),
) -> Result<Response, PageError> {
    let (message, to) = saved(result?);
    flash(session, message).await;
    Ok(see_other(&to))
}
