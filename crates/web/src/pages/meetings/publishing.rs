//! Publishing minutes, with the e-mail notices queued in the same transaction.

use super::*;

/// The notice one recipient gets when minutes are published (always in Swedish).
pub(super) fn notice(public_url: &str, group: &Group, meeting: &Meeting, to: &str) -> Mail {
    let t = Tr::new(Lang::Sv);
    let link = format!("{}/meetings/{}", public_url.trim_end_matches('/'), meeting.id);
    let date = meeting.held_on.to_string();
    Mail {
        to: to.to_string(),
        subject: t.t2("meeting-notice-subject", ("group", &group.name), ("date", &date)),
        body: t.args(
            "meeting-notice-body",
            &[
                ("group", group.name.clone()),
                ("date", date.clone()),
                ("link", link),
            ],
        ),
    }
}

pub(super) async fn publish_minutes(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let l = editable(&state, &user, id).await?;
    let m = &l.meeting;
    let refusal = if m.minutes_published_on.is_some() {
        Some("meeting-publish-already")
    } else if m.status != MeetingStatus::Held {
        Some("meeting-publish-not-held")
    } else if !has_minutes(m) {
        Some("meeting-publish-no-minutes")
    } else {
        None
    };
    if let Some(key) = refusal {
        let extra = Extra {
            publish_error: Some(page.t.t(key)),
            ..Extra::default()
        };
        return invalid(meeting_page(&state, &user, page, l, extra).await?);
    }
    let on = today();
    let recipients = meetings::notice_recipients(&state.db, l.group.id, on).await?;
    let notices: Vec<Mail> = recipients
        .iter()
        .map(|to| notice(&state.config.public_url, &l.group, m, to))
        .collect();
    meetings::publish(&state.db, &user.who(), id, on, &notices).await?;
    view::flash(
        &session,
        page.t.t1("meeting-flash-published", "count", notices.len()),
    )
    .await;
    Ok(Redirect::to(&format!("/meetings/{id}")).into_response())
}

// ---------------------------------------------------------------------------
