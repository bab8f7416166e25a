//! Recording decisions in a meeting.

use super::*;

// Decisions

pub(super) async fn add_decision(
    State(state): State<AppState>,
    user: CurrentUser,
    session: Session,
    page: Page,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let l = editable(&state, &user, id).await?;
    if l.meeting.status == MeetingStatus::Cancelled {
        return Err(AppError::Conflict("cancelled".into()));
    }
    let mut draft = DecisionDraft::default();
    let mut errors = FieldErrors::default();
    for (k, v) in pairs {
        match k.as_str() {
            "category" => draft.category = v,
            "text" => draft.text = v,
            "centre_ids" => match v.trim().parse::<i64>() {
                Ok(c) if l.audience.centre_ids.contains(&c) => draft.centre_ids.push(c),
                _ => errors.add("decision-centres", "invalid-choice"),
            },
            _ => {}
        }
    }
    let category = DecisionCategory::parse(&draft.category);
    if category.is_none() {
        errors.add(
            "decision-category",
            if draft.category.trim().is_empty() {
                "required"
            } else {
                "invalid-choice"
            },
        );
    }
    let text = required_text(&mut errors, "decision-text", &draft.text, DECISION_MAX);
    match category {
        Some(category) if errors.is_empty() => {
            draft.centre_ids.sort_unstable();
            draft.centre_ids.dedup();
            meetings::add_decision(&state.db, &user.who(), id, category, &text, &draft.centre_ids).await?;
            view::flash(&session, page.t.t("meeting-flash-decision")).await;
            Ok(Redirect::to(&format!("/meetings/{id}#decisions")).into_response())
        }
        _ => {
            let extra = Extra {
                draft,
                errors,
                publish_error: None,
            };
            invalid(meeting_page(&state, &user, page, l, extra).await?)
        }
    }
}

#[cfg(test)]
mod tests {
    use samverka_core::governance::GroupKind;
    use samverka_core::{Grant, Seat};

    use super::*;

    const REGION: i64 = 1;
    const STEERING: i64 = 10;
    const MGMT_SAVJA: i64 = 20;
    const MGMT_OTHER: i64 = 30;
    const SAVJA: i64 = 100;
    const GIMO: i64 = 101;
    const HEBY: i64 = 102;

    fn steering() -> Group {
        Group {
            id: STEERING,
            region_id: REGION,
            kind: GroupKind::Steering,
            name: "Styrgrupp".into(),
            municipality_id: None,
            reports_to: None,
            health_forum: false,
            closed_on: None,
            centre_ids: vec![SAVJA, GIMO],
        }
    }

    fn audience() -> MinutesAudience {
        MinutesAudience {
            centre_ids: vec![SAVJA, GIMO],
            management_group_ids: vec![MGMT_SAVJA],
        }
    }

    fn seat(group_id: i64, kind: GroupKind, centres: Vec<i64>) -> Seat {
        Seat {
            group_id,
            group_kind: kind,
            region_id: REGION,
            centre_ids: centres,
        }
    }

    fn actor(grants: Vec<Grant>, seats: Vec<Seat>) -> Actor {
        Actor {
            user_id: 1,
            grants,
            seats,
        }
    }

    fn grant(role: Role, centre: Option<i64>) -> Grant {
        Grant {
            role,
            region_id: Some(REGION),
            centre_id: centre,
        }
    }

    #[test]
    fn unpublished_minutes_are_for_those_who_edit_the_group_only() {
        let g = steering();
        let a = audience();
        let county = actor(vec![grant(Role::CountyCoordinator, None)], vec![]);
        let member = actor(
            vec![],
            vec![seat(STEERING, GroupKind::Steering, vec![SAVJA, GIMO])],
        );
        let reader = actor(vec![grant(Role::Reader, None)], vec![]);
        let local_savja = actor(vec![grant(Role::LocalCoordinator, Some(SAVJA))], vec![]);
        let manager = actor(vec![], vec![seat(MGMT_SAVJA, GroupKind::Management, vec![SAVJA])]);
        assert!(may_read_minutes(&county, &g, false, &a));
        assert!(may_read_minutes(&member, &g, false, &a));
        assert!(
            !may_read_minutes(&reader, &g, false, &a),
            "a reader may see the meeting, not draft minutes"
        );
        assert!(
            !may_read_minutes(&local_savja, &g, false, &a),
            "coordinators do not prepare the steering group"
        );
        assert!(!may_read_minutes(&manager, &g, false, &a));
    }

    #[test]
    fn published_minutes_reach_the_coordinators_and_managers_of_governed_centres() {
        let g = steering();
        let a = audience();
        let reader = actor(vec![grant(Role::Reader, None)], vec![]);
        let local_gimo = actor(vec![grant(Role::LocalCoordinator, Some(GIMO))], vec![]);
        let manager = actor(vec![], vec![seat(MGMT_SAVJA, GroupKind::Management, vec![SAVJA])]);
        assert!(may_read_minutes(&reader, &g, true, &a));
        assert!(may_read_minutes(&local_gimo, &g, true, &a));
        assert!(may_read_minutes(&manager, &g, true, &a));
        assert!(may_open_meeting(&manager, &g, true, &a));
        assert!(
            !may_open_meeting(&manager, &g, false, &a),
            "before publishing the page is closed to them"
        );
    }

    #[test]
    fn published_minutes_stay_closed_to_everyone_else() {
        let g = steering();
        let a = audience();
        let nobody = actor(vec![], vec![]);
        let other_manager = actor(vec![], vec![seat(MGMT_OTHER, GroupKind::Management, vec![HEBY])]);
        let local_heby_elsewhere = Actor {
            user_id: 3,
            grants: vec![Grant {
                role: Role::LocalCoordinator,
                region_id: Some(2),
                centre_id: Some(SAVJA),
            }],
            seats: vec![],
        };
        assert!(!may_read_minutes(&nobody, &g, true, &a));
        assert!(!may_read_minutes(&other_manager, &g, true, &a));
        assert!(
            !may_read_minutes(&local_heby_elsewhere, &g, true, &a),
            "a grant in another region does not count, even for the same centre id"
        );
        assert!(!may_open_meeting(&other_manager, &g, true, &a));
    }

    #[test]
    fn scripts_in_minutes_come_out_inert() {
        let html = render_markdown(
            "# Protokoll\n\n<script>alert('x')</script>\n\n[länk](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n**Beslut:** budget",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("<strong>Beslut:</strong>"), "{html}");
        assert!(
            html.contains("<h3>Protokoll</h3>"),
            "headings sit under the page's own: {html}"
        );
    }

    #[test]
    fn the_notice_names_the_group_and_the_date_and_links_to_the_meeting() {
        let meeting = Meeting {
            id: 42,
            group_id: STEERING,
            held_on: NaiveDate::from_ymd_opt(2025, 3, 10).expect("date"),
            status: MeetingStatus::Held,
            agenda: None,
            minutes_md: Some("Protokoll".into()),
            minutes_published_on: None,
        };
        let m = notice("https://samverka.region.se/", &steering(), &meeting, "a@b.se");
        assert_eq!(m.to, "a@b.se");
        assert!(
            m.subject.contains("Styrgrupp") && m.subject.contains("2025-03-10"),
            "{}",
            m.subject
        );
        assert!(
            m.body.contains("https://samverka.region.se/meetings/42\n"),
            "{}",
            m.body
        );
        assert!(
            m.body.contains("Hej!\n\nProtokollet"),
            "paragraphs are kept: {}",
            m.body
        );
    }

    #[test]
    fn a_held_meeting_cannot_be_in_the_future_and_attendance_is_checked() {
        let future = (today() + chrono::Days::new(3)).to_string();
        let d = MeetingDraft {
            held_on: future.clone(),
            status: "held".into(),
            ..MeetingDraft::default()
        };
        let e = validate(&d, &[]).err().expect("refused");
        assert_eq!(e.get("held_on"), Some("meeting-held-in-future"));
        let planned = MeetingDraft {
            held_on: future,
            status: "planned".into(),
            attendance: HashMap::from([(1, "present".into()), (2, "absent".into()), (3, "maybe".into())]),
            ..MeetingDraft::default()
        };
        let e = validate(&planned, &[1, 3]).err().expect("bad attendance refused");
        assert_eq!(e.get("attendance"), Some("invalid-choice"));
        let fine = MeetingDraft {
            attendance: HashMap::from([(1, "present".into()), (2, "absent".into()), (4, String::new())]),
            ..planned
        };
        let v = validate(&fine, &[1, 4]).expect("valid");
        assert_eq!(
            v.attendance,
            vec![(1, AttendanceStatus::Present)],
            "only members, only recorded answers"
        );
    }
}
