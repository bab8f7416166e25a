//! A group's meetings.

use super::*;

pub(super) struct MeetingRow {
    pub(super) id: i64,
    pub(super) held_on: String,
    pub(super) status: String,
    pub(super) attendance: String,
    pub(super) minutes: String,
}

#[derive(Template)]
#[template(path = "meetings.html")]
pub(super) struct MeetingsPage {
    pub(super) page: Page,
    pub(super) group_id: i64,
    pub(super) rows: Vec<MeetingRow>,
    pub(super) can_edit: bool,
}

pub(super) async fn list_meetings(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (group, region) = viewable_group(&state, &user, id).await?;
    let (list, attendance) = tokio::try_join!(
        meetings::of_group(&state.db, group.id),
        meetings::attendance_of_group(&state.db, group.id),
    )?;
    let members = Members::load(&state, &group).await?;
    let t = page.t;
    let empty = HashMap::new();
    let rows = list
        .iter()
        .rev()
        .map(|m| {
            let recorded = attendance.get(&m.id).unwrap_or(&empty);
            MeetingRow {
                id: m.id,
                held_on: m.held_on.to_string(),
                status: status_name(&t, m.status),
                attendance: match m.status {
                    MeetingStatus::Held => attendance_summary(&t, &members.seated_on(m.held_on), recorded),
                    _ => "–".into(),
                },
                minutes: minutes_state(&t, m),
            }
        })
        .collect();
    let can_edit = user
        .actor
        .can_edit_group(group.region_id, group.id, group.kind, &group.centre_ids);
    html(MeetingsPage {
        page: decisions::framed(
            page.titled(t.t1("meetings-title", "group", &group.name)),
            &user,
            region.id,
            &region.name,
            "groups",
        ),
        group_id: group.id,
        rows,
        can_edit,
    })
}
