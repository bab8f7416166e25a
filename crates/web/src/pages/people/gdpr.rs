//! GDPR: a person's data exported on request, or erased (kept as "f.d. medlem").

use super::*;

#[derive(Template)]
#[template(path = "person_erase.html")]
pub(super) struct EraseForm {
    pub(super) page: Page,
    pub(super) id: i64,
    pub(super) assignment_count: usize,
}

pub(super) async fn erase_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let p = managed_person(&state, &user, id).await?;
    if p.erased {
        return Err(AppError::Conflict("erased".into()));
    }
    let region = regions::get(&state.db, p.region_id).await?;
    let count = assignments::of_person(&state.db, id).await?.len();
    let t = page.t;
    html(EraseForm {
        page: page
            .titled(t.t1("people-erase-title", "name", &p.name))
            .in_region(region.id, &region.name, true, "people"),
        id,
        assignment_count: count,
    })
}

pub(super) async fn erase_person(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let p = managed_person(&state, &user, id).await?;
    if !p.erased {
        people::erase(&state.db, &user.who(), id).await?;
    }
    view::flash(&session, page.t.t("people-flash-erased")).await;
    Ok(Redirect::to(&format!("/people/{id}")).into_response())
}

pub(super) async fn export_person(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let p = managed_person(&state, &user, id).await?;
    let (region, history, records) = tokio::try_join!(
        async { Ok::<_, AppError>(regions::get(&state.db, p.region_id).await?) },
        async { Ok::<_, AppError>(assignments::of_person(&state.db, id).await?) },
        async { Ok::<_, AppError>(people::records(&state.db, id).await?) },
    )?;
    let places = Places::load(&state, region.id).await?;
    let t = Tr::default();
    let unit = match p.unit_id {
        Some(u) => Some(unit_label(&t, &centres::get_unit(&state.db, u).await?, &places)),
        None => None,
    };
    let account = match p.user_id {
        Some(u) => users::get(&state.db, u)
            .await
            .ok()
            .map(|u| serde_json::json!({ "id": u.id, "email": u.email, "name": u.name })),
        None => None,
    };
    let assignments_json: Vec<serde_json::Value> = history
        .iter()
        .map(|a| {
            let (place, _) = places.of(&t, a);
            let mut v = serde_json::to_value(a).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("place".into(), place.into());
            }
            v
        })
        .collect();
    let group_name = |g: i64| places.groups.get(&g).map(|g| g.name.clone());
    let attendance: Vec<serde_json::Value> = records
        .attendance
        .iter()
        .map(|r| {
            serde_json::json!({
                "meeting_id": r.meeting_id, "group_id": r.group_id, "group": group_name(r.group_id),
                "held_on": r.held_on, "status": r.status,
            })
        })
        .collect();
    let body = serde_json::json!({
        "exported_on": today(),
        "region": region.name,
        "person": {
            "id": p.id,
            "name": p.name,
            "email": p.email,
            "phone": p.phone,
            "profession": p.profession,
            "employer_kind": p.employer_kind.map(PrincipalKind::code),
            "employer_name": p.employer_name,
            "unit": unit,
            "account": account,
            "erased": p.erased,
        },
        "assignments": assignments_json,
        "attendance": attendance,
        "introductions": records.introductions,
        "introduction_sessions_held": records.sessions_held,
        "matter_steps": records.matter_steps,
    });
    people::record_export(&state.db, &user.who(), id).await?;
    let text = serde_json::to_string_pretty(&body).map_err(|_| AppError::Internal)?;
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
