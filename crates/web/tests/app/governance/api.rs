//! Governance through the JSON API: a county coordinator records people,
//! seats, meetings with attendance, minutes (published once, with one set of
//! notices), decisions and matters with a bearer token, each write in the
//! audit trail; readers and other regions are refused and change nothing;
//! bad bodies are refused in the API's error shape and write nothing.

use std::collections::HashMap;

use chrono::Duration;
use reqwest::Method;
use samverka_app::{AuditAction, AuditEntity};
use samverka_core::governance::{Assignment, AttendanceStatus, Decision, Group, Matter, Meeting, Person};
use samverka_store::governance::{assignments, decisions, groups, matters, meetings, people};
use samverka_store::platform::mail;
use serde_json::{Value, json};

use crate::support::fixtures::{COUNTY_PERSON, LENA, SignalCentre, SteeringOfTwo};
use crate::support::{COUNTY, OTHER_COUNTY, READER, TestApp, assert_error_shape};

/// Sends a JSON body to the API with a token; status and answer.
async fn send(app: &TestApp, method: Method, token: &str, path: &str, body: &Value) -> (u16, Value) {
    app.api(method, path, Some(token), Some(&body.to_string())).await
}

/// `POST` with a JSON body.
async fn post(app: &TestApp, token: &str, path: &str, body: &Value) -> (u16, Value) {
    send(app, Method::POST, token, path, body).await
}

/// How many mails were ever queued (sent or not).
async fn mail_count(app: &TestApp) -> usize {
    mail::all(&mut *app.conn().await).await.unwrap().len()
}

/// The `field`s of an error answer, in order.
fn fields(json: &Value) -> Vec<String> {
    json["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e["field"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// A person's id in a region's registry by name.
async fn person_named(app: &TestApp, region: i64, name: &str) -> i64 {
    people::list(&mut *app.conn().await, region)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no person {name}"))
        .id
}

/// Everything the governance writes of a region can change, read from the
/// store, with the mail queue and the newest audit entry.
#[derive(Debug, PartialEq)]
struct Governance {
    people: Vec<Person>,
    assignments: Vec<Assignment>,
    groups: Vec<Group>,
    meetings: Vec<Meeting>,
    attendance: HashMap<i64, HashMap<i64, AttendanceStatus>>,
    decisions: Vec<Decision>,
    matters: Vec<Matter>,
    mails: usize,
    last_audit: Option<i64>,
}

impl Governance {
    async fn of(app: &TestApp, region: i64) -> Governance {
        let mut c = app.conn().await;
        Governance {
            people: people::list(&mut c, region).await.unwrap(),
            assignments: assignments::list(&mut c, Some(region)).await.unwrap(),
            groups: groups::list(&mut c, Some(region)).await.unwrap(),
            meetings: meetings::list(&mut c, Some(region)).await.unwrap(),
            attendance: meetings::attendance_of_region(&mut c, region).await.unwrap(),
            decisions: decisions::list(&mut c, Some(region)).await.unwrap(),
            matters: matters::list(&mut c, Some(region)).await.unwrap(),
            mails: mail::all(&mut c).await.unwrap().len(),
            last_audit: app.last_audit_id(None).await,
        }
    }
}

/// Whether the region's trail holds an entry by `actor` for this action on this record.
async fn audited(
    app: &TestApp,
    region: i64,
    actor: &str,
    action: AuditAction,
    entity: AuditEntity,
    id: i64,
) -> bool {
    app.audit(Some(region), 500)
        .await
        .iter()
        .any(|e| e.actor == actor && e.action == action && e.entity == entity && e.entity_id == Some(id))
}

#[tokio::test]
async fn a_county_coordinator_records_a_person_a_seat_a_meeting_with_attendance_and_publishes_once() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let token = app.token(COUNTY.0).await;
        let today = app.today();
        let stina = person_named(&app, f.region, "Stina Styr").await;

        // A new person in the registry, then corrected.
        let (status, person) = post(
            &app,
            &token,
            "/api/v1/people",
            &json!({"region_id": f.region, "name": "Petra Ny", "email": "petra.ny@example.se",
                    "employer_kind": "municipality", "employer_name": "Uppsala kommun"}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {person}");
        let petra = person["id"].as_i64().unwrap();
        assert_eq!(
            (&person["name"], &person["region_id"], &person["erased"]),
            (&json!("Petra Ny"), &json!(f.region), &json!(false)),
            "{b}: {person}"
        );
        let (status, person) = send(
            &app,
            Method::PUT,
            &token,
            &format!("/api/v1/people/{petra}"),
            &json!({"name": "Petra Ny", "email": "petra.ny@example.se", "phone": "018-10 20 30",
                    "employer_kind": "municipality", "employer_name": "Uppsala kommun"}),
        )
        .await;
        assert_eq!(status, 200, "{b}: {person}");
        assert_eq!(person["phone"], "018-10 20 30", "{b}: {person}");

        // A seat in the steering group from two months ago.
        let since = (today - Duration::days(60)).to_string();
        let (status, seat) = post(
            &app,
            &token,
            &format!("/api/v1/people/{petra}/assignments"),
            &json!({"kind": "steering_member", "group_id": f.steering, "starts_on": since}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {seat}");
        let seat_id = seat["id"].as_i64().unwrap();
        assert_eq!(
            (
                &seat["person_id"],
                &seat["group_id"],
                &seat["kind"],
                &seat["ends_on"]
            ),
            (
                &json!(petra),
                &json!(f.steering),
                &json!("steering_member"),
                &Value::Null
            ),
            "{b}: {seat}"
        );

        // A held meeting with minutes and attendance, in one call.
        let held_on = (today - Duration::days(14)).to_string();
        let (status, meeting) = post(
            &app,
            &token,
            &format!("/api/v1/groups/{}/meetings", f.steering),
            &json!({"held_on": held_on, "status": "held", "agenda": "Budget\nÖvrigt",
                    "minutes_md": "## Protokoll\n\nStyrgruppen gick igenom budgeten.",
                    "attendance": [{"person_id": petra, "status": "present"},
                                   {"person_id": stina, "status": "excused"}]}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {meeting}");
        let mid = meeting["id"].as_i64().unwrap();
        let mut expected = vec![
            json!({"person_id": petra, "status": "present"}),
            json!({"person_id": stina, "status": "excused"}),
        ];
        expected.sort_by_key(|a| a["person_id"].as_i64());
        assert_eq!(meeting["attendance"], json!(expected), "{b}: {meeting}");
        let (status, read) = app.api_get(&token, &format!("/api/v1/meetings/{mid}")).await;
        assert_eq!(status, 200, "{b}: {read}");
        assert_eq!(read["attendance"], json!(expected), "{b}: read back: {read}");
        assert_eq!(
            (&read["held_on"], &read["status"], &read["minutes_published_on"]),
            (&json!(held_on), &json!("held"), &Value::Null),
            "{b}: {read}"
        );

        // Publishing queues one notice per recipient and says how many.
        let mails_before = mail_count(&app).await;
        let (status, published) = post(
            &app,
            &token,
            &format!("/api/v1/meetings/{mid}/publish"),
            &json!({}),
        )
        .await;
        assert_eq!(status, 200, "{b}: {published}");
        let notices = published["notices"].as_u64().unwrap() as usize;
        assert_eq!(notices, f.expected.len(), "{b}: {published}");
        assert_eq!(mail_count(&app).await, mails_before + notices, "{b}");
        assert_eq!(
            published["meeting"]["minutes_published_on"],
            json!(today.to_string()),
            "{b}: {published}"
        );

        // A second publish is a conflict, in the error shape, and queues nothing.
        let (status, again) = post(
            &app,
            &token,
            &format!("/api/v1/meetings/{mid}/publish"),
            &json!({}),
        )
        .await;
        assert_eq!(status, 409, "{b}: {again}");
        assert_error_shape(&again, b);
        assert_eq!(
            mail_count(&app).await,
            mails_before + notices,
            "{b}: no second set of notices"
        );

        // A decision of the meeting, concerning Gimo.
        let (status, created) = post(
            &app,
            &token,
            &format!("/api/v1/meetings/{mid}/decisions"),
            &json!({"category": "budget_change", "text": "Budgeten för Gimo höjs.", "centre_ids": [f.gimo]}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {created}");
        let did = created["id"].as_i64().unwrap();
        let (_, list) = app
            .api_get(&token, &format!("/api/v1/decisions?region={}", f.region))
            .await;
        let decision = list["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == did)
            .unwrap_or_else(|| panic!("{b}: decision {did} not listed: {list}"));
        assert_eq!(
            (
                &decision["meeting_id"],
                &decision["category"],
                &decision["centre_ids"]
            ),
            (&json!(mid), &json!("budget_change"), &json!([f.gimo])),
            "{b}: {decision}"
        );

        // Every write is in the region's trail, signed by the token's account.
        use AuditAction::{Create, Publish, Update};
        for (action, entity, id) in [
            (Create, AuditEntity::Person, petra),
            (Update, AuditEntity::Person, petra),
            (Create, AuditEntity::Assignment, seat_id),
            (Create, AuditEntity::Meeting, mid),
            (Publish, AuditEntity::Meeting, mid),
            (Create, AuditEntity::Decision, did),
        ] {
            assert!(
                audited(&app, f.region, COUNTY.0, action, entity, id).await,
                "{b}: no audit entry {action:?} {entity:?} {id}"
            );
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn attendance_recorded_with_a_new_meeting_is_in_the_audit_trail() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let token = app.token(COUNTY.0).await;
        let stina = person_named(&app, f.region, "Stina Styr").await;
        let held_on = (app.today() - Duration::days(7)).to_string();
        let (status, meeting) = post(
            &app,
            &token,
            &format!("/api/v1/groups/{}/meetings", f.steering),
            &json!({"held_on": held_on, "status": "held",
                    "attendance": [{"person_id": stina, "status": "present"}]}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {meeting}");
        let mid = meeting["id"].as_i64().unwrap();
        assert_eq!(
            meeting["attendance"],
            json!([{"person_id": stina, "status": "present"}]),
            "{b}"
        );
        let entries: Vec<_> = app
            .audit(Some(f.region), 500)
            .await
            .into_iter()
            .filter(|e| e.entity == AuditEntity::Meeting && e.entity_id == Some(mid))
            .collect();
        assert!(!entries.is_empty(), "{b}: the meeting is in the trail");
        // The attendance sent with it is in the creation's copy.
        let recorded = entries.iter().any(|e| {
            e.after.as_ref().is_some_and(|a| {
                a["attendance"]
                    .as_array()
                    .is_some_and(|att| att.iter().any(|x| x["person_id"] == stina))
            })
        });
        assert!(
            recorded,
            "{b}: the trail of meeting {mid} holds its attendance: {:?}",
            entries.iter().map(|e| &e.after).collect::<Vec<_>>()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn readers_and_other_regions_are_refused_every_governance_write_and_nothing_changes() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let county = app.token(COUNTY.0).await;
        let held_on = (app.today() - Duration::days(7)).to_string();

        // A meeting with unpublished minutes and a matter in draft, made by the county coordinator.
        let (status, meeting) = post(
            &app,
            &county,
            &format!("/api/v1/groups/{}/meetings", f.steering),
            &json!({"held_on": held_on, "status": "held", "minutes_md": "Protokoll."}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {meeting}");
        let mid = meeting["id"].as_i64().unwrap();
        let (status, matter) = post(
            &app,
            &county,
            &format!("/api/v1/groups/{}/matters", f.mg_savja),
            &json!({"title": "Gemensam lokal", "to_group_id": f.steering}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {matter}");
        let matter_id = matter["id"].as_i64().unwrap();
        let bo = person_named(&app, f.region, "Bo Ordförande").await;
        let stina = person_named(&app, f.region, "Stina Styr").await;
        let stina_seat = assignments::of_person(&mut *app.conn().await, stina)
            .await
            .unwrap()[0]
            .id;

        let since = (app.today() - Duration::days(30)).to_string();
        #[rustfmt::skip]
        let calls: Vec<(Method, String, Value)> = vec![
            (Method::POST, "/api/v1/people".into(), json!({"region_id": f.region, "name": "Obehörig"})),
            (Method::PUT, format!("/api/v1/people/{bo}"), json!({"name": "Bo Ändrad"})),
            (Method::POST, format!("/api/v1/people/{bo}/erase"), json!({})),
            (Method::POST, format!("/api/v1/people/{bo}/assignments"),
                json!({"kind": "steering_member", "group_id": f.steering, "starts_on": since})),
            (Method::POST, format!("/api/v1/assignments/{stina_seat}/end"), json!({"ends_on": since})),
            (Method::POST, "/api/v1/groups".into(),
                json!({"region_id": f.region, "kind": "management", "name": "Obehörig grupp"})),
            (Method::PUT, format!("/api/v1/groups/{}", f.mg_savja),
                json!({"kind": "management", "name": "Omdöpt", "centre_ids": [f.savja]})),
            (Method::POST, format!("/api/v1/groups/{}/meetings", f.steering),
                json!({"held_on": held_on, "status": "held", "attendance": [{"person_id": stina, "status": "present"}]})),
            (Method::PUT, format!("/api/v1/meetings/{mid}"),
                json!({"held_on": held_on, "status": "cancelled"})),
            (Method::POST, format!("/api/v1/meetings/{mid}/publish"), json!({})),
            (Method::POST, format!("/api/v1/meetings/{mid}/decisions"),
                json!({"category": "other", "text": "Obehörigt beslut."})),
            (Method::POST, format!("/api/v1/groups/{}/matters", f.mg_savja),
                json!({"title": "Obehörigt ärende", "to_group_id": f.steering})),
            (Method::POST, format!("/api/v1/matters/{matter_id}/advance"), json!({"to": "submitted"})),
            (Method::POST, format!("/api/v1/regions/{}/introduction-sessions", f.region),
                json!({"held_on": held_on, "title": "Introduktion", "assignment_ids": []})),
        ];

        let before = Governance::of(&app, f.region).await;
        let mut failures = Vec::new();
        for (who, email) in [("reader", READER.0), ("other county", OTHER_COUNTY.0)] {
            let token = app.token(email).await;
            // Making the tokens is in the trail; the refused writes must add nothing after it.
            let baseline = Governance {
                last_audit: app.last_audit_id(None).await,
                ..Governance::of(&app, f.region).await
            };
            for (method, path, body) in &calls {
                let (status, json) = send(&app, method.clone(), &token, path, body).await;
                if status != 403 {
                    failures.push(format!(
                        "{who} {method} {path}: expected 403, got {status}: {json}"
                    ));
                } else {
                    assert_error_shape(&json, &format!("{b}: {who} {method} {path}"));
                }
            }
            assert_eq!(
                Governance::of(&app, f.region).await,
                baseline,
                "{b}: {who}'s refused writes changed nothing"
            );
        }
        assert!(failures.is_empty(), "{b}:\n{}", failures.join("\n"));

        // Read back through the API: the minutes are still unpublished, the matter still a draft.
        let (_, meeting) = app.api_get(&county, &format!("/api/v1/meetings/{mid}")).await;
        assert_eq!(
            (
                &meeting["status"],
                &meeting["minutes_published_on"],
                &meeting["attendance"]
            ),
            (&json!("held"), &Value::Null, &json!([])),
            "{b}: {meeting}"
        );
        let (_, list) = app
            .api_get(&county, &format!("/api/v1/matters?region={}", f.region))
            .await;
        let matter = list["matters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == matter_id)
            .unwrap();
        assert_eq!(matter["status"], "draft", "{b}: {matter}");
        assert_eq!(before.people, Governance::of(&app, f.region).await.people, "{b}");
        app.stop().await;
    }
}

#[tokio::test]
async fn bad_bodies_get_400_or_422_naming_the_field_in_the_error_shape_and_write_nothing() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let token = app.token(COUNTY.0).await;
        let stina = person_named(&app, f.region, "Stina Styr").await;
        let bo = person_named(&app, f.region, "Bo Ordförande").await;
        let past = (app.today() - Duration::days(7)).to_string();
        let future = (app.today() + Duration::days(7)).to_string();
        let before = Governance::of(&app, f.region).await;
        let meetings_path = format!("/api/v1/groups/{}/meetings", f.steering);

        // Malformed JSON, or JSON of the wrong shape: 400.
        for (path, body) in [
            (meetings_path.as_str(), "{\"held_on\": "),
            (meetings_path.as_str(), "[]"),
            (meetings_path.as_str(), "{\"held_on\": 5, \"status\": \"held\"}"),
            (
                meetings_path.as_str(),
                "{\"held_on\": \"2025-01-01\", \"status\": \"held\", \"attendance\": {\"1\": \"present\"}}",
            ),
            ("/api/v1/people", "inte json"),
            ("/api/v1/people", "{\"region_id\": \"ett\", \"name\": \"X\"}"),
        ] {
            let (status, json) = app.api(Method::POST, path, Some(&token), Some(body)).await;
            assert_eq!(status, 400, "{b}: {path} {body}: {json}");
            assert_error_shape(&json, &format!("{b}: {path} {body}"));
        }

        // Wrong values: 422, each naming its field.
        #[rustfmt::skip]
        let cases: Vec<(String, Value, Vec<&str>)> = vec![
            (meetings_path.clone(), json!({"held_on": "2025-02-30", "status": "kanske"}), vec!["held_on", "status"]),
            (meetings_path.clone(), json!({"held_on": future, "status": "held"}), vec!["held_on"]),
            // A member's attendance with a status that does not exist: no meeting either.
            (meetings_path.clone(),
                json!({"held_on": past, "status": "held", "attendance": [{"person_id": stina, "status": "kanske"}]}),
                vec!["attendance"]),
            ("/api/v1/people".into(), json!({"name": "Utan region"}), vec!["region_id"]),
            ("/api/v1/people".into(),
                json!({"region_id": f.region, "name": " ", "email": "inte-en-adress", "employer_kind": "kungahuset"}),
                vec!["name", "email", "employer_kind"]),
            (format!("/api/v1/people/{bo}/assignments"),
                json!({"kind": "steering_member", "starts_on": "igår"}), vec!["group_id", "starts_on"]),
            (format!("/api/v1/people/{bo}/assignments"),
                json!({"kind": "kung", "starts_on": past}), vec!["kind"]),
        ];
        for (path, body, expected) in &cases {
            let (status, json) = post(&app, &token, path, body).await;
            assert_eq!(status, 422, "{b}: {path} {body}: {json}");
            assert_error_shape(&json, &format!("{b}: {path} {body}"));
            assert_eq!(fields(&json), *expected, "{b}: {path} {body}: {json}");
        }

        // Swedish by default.
        let (_, json) = post(
            &app,
            &token,
            "/api/v1/people",
            &json!({"region_id": f.region, "name": ""}),
        )
        .await;
        assert_eq!(
            json,
            json!({"errors": [{"field": "name", "detail": "Fyll i fältet.", "code": "required"}]}),
            "{b}"
        );

        assert_eq!(
            Governance::of(&app, f.region).await,
            before,
            "{b}: nothing written, nothing queued, nothing in the trail"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_refused_decision_minutes_or_group_names_the_fields_of_the_api_body() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let token = app.token(COUNTY.0).await;
        let held_on = (app.today() - Duration::days(7)).to_string();
        let (status, meeting) = post(
            &app,
            &token,
            &format!("/api/v1/groups/{}/meetings", f.steering),
            &json!({"held_on": held_on, "status": "held"}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {meeting}");
        let mid = meeting["id"].as_i64().unwrap();
        let before = Governance::of(&app, f.region).await;

        // Each refusal should name the fields of the body that was sent.
        let mut failures = Vec::new();

        let (status, json) = post(
            &app,
            &token,
            &format!("/api/v1/meetings/{mid}/decisions"),
            &json!({"category": "ingen", "text": " ", "centre_ids": [f.other_centre]}),
        )
        .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_error_shape(&json, b);
        let mut named = fields(&json);
        named.sort();
        if named != ["category", "centre_ids", "text"] {
            failures.push(format!("decision: expected category, centre_ids, text: {json}"));
        }

        let (status, json) = post(
            &app,
            &token,
            &format!("/api/v1/groups/{}/meetings", f.steering),
            &json!({"held_on": held_on, "status": "held", "minutes_md": "a".repeat(100_001)}),
        )
        .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_error_shape(&json, b);
        if fields(&json) != ["minutes_md"] {
            failures.push(format!("meeting: expected minutes_md: {json}"));
        }

        let (status, json) = send(
            &app,
            Method::PUT,
            &token,
            &format!("/api/v1/groups/{}", f.mg_savja),
            &json!({"kind": "management", "name": "Ledningsgrupp G2 Sävja", "reports_to": f.steering,
                    "centre_ids": [f.savja, 999_999]}),
        )
        .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_error_shape(&json, b);
        if fields(&json) != ["centre_ids"] {
            failures.push(format!("group: expected centre_ids: {json}"));
        }

        assert_eq!(
            Governance::of(&app, f.region).await,
            before,
            "{b}: nothing written"
        );
        assert!(
            failures.is_empty(),
            "{b}: fields not named as sent:\n{}",
            failures.join("\n")
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn matters_are_raised_and_advanced_one_step_at_a_time_through_the_api() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SignalCentre::build(&app).await;
        let token = app.token(LENA.0).await;
        let reader = app.token(READER.0).await;
        let raise = format!("/api/v1/groups/{}/matters", f.management);

        // Only to a steering group, and only from a management or preparation group.
        let (status, json) = post(
            &app,
            &token,
            &raise,
            &json!({"title": "Gemensam lokal", "to_group_id": f.management}),
        )
        .await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_eq!(fields(&json), ["to_group_id"], "{b}: {json}");
        let (status, json) = post(
            &app,
            &token,
            &format!("/api/v1/groups/{}/matters", f.steering),
            &json!({"title": "Gemensam lokal", "to_group_id": f.steering}),
        )
        .await;
        assert_eq!(status, 409, "{b}: a steering group raises no matter: {json}");
        assert_error_shape(&json, b);

        let (status, matter) = post(
            &app,
            &token,
            &raise,
            &json!({"title": "Gemensam lokal för öppna förskolan",
                    "body": "Ledningsgruppen ber styrgruppen ta ställning.", "to_group_id": f.steering}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {matter}");
        let id = matter["id"].as_i64().unwrap();
        assert_eq!(
            (
                &matter["status"],
                &matter["from_group_id"],
                &matter["to_group_id"]
            ),
            (&json!("draft"), &json!(f.management), &json!(f.steering)),
            "{b}: {matter}"
        );
        assert_eq!(
            matter["steps"][0]["person_id"],
            json!(f.county_person),
            "{b}: signed by {COUNTY_PERSON}: {matter}"
        );
        let advance = format!("/api/v1/matters/{id}/advance");

        let (status, json) = post(&app, &token, &advance, &json!({"to": "submitted"})).await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(json["status"], "submitted", "{b}: {json}");
        assert_eq!(json["steps"].as_array().unwrap().len(), 2, "{b}: {json}");

        // The same step again, a step skipped, a step back: refused, nothing moves.
        for to in ["submitted", "decided", "draft"] {
            let (status, json) = post(&app, &token, &advance, &json!({"to": to})).await;
            assert_eq!(status, 409, "{b}: to {to}: {json}");
            assert_error_shape(&json, b);
        }
        // A reader may not take a step at all.
        let (status, json) = post(&app, &reader, &advance, &json!({"to": "on_agenda"})).await;
        assert_eq!(status, 403, "{b}: {json}");
        assert_error_shape(&json, b);
        assert_eq!(
            matters::get(&mut *app.conn().await, id)
                .await
                .unwrap()
                .steps
                .len(),
            2,
            "{b}: still two steps"
        );

        let (status, json) = post(
            &app,
            &token,
            &advance,
            &json!({"to": "on_agenda", "note": "Tas upp i mars."}),
        )
        .await;
        assert_eq!(status, 200, "{b}: {json}");
        assert_eq!(json["status"], "on_agenda", "{b}: {json}");
        // Deciding needs one of the steering group's decisions.
        let (status, json) = post(&app, &token, &advance, &json!({"to": "decided"})).await;
        assert_eq!(status, 422, "{b}: {json}");
        assert_eq!(fields(&json), ["decision_id"], "{b}: {json}");

        let (_, list) = app
            .api_get(&token, &format!("/api/v1/matters?region={}", f.region))
            .await;
        let listed = list["matters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == id)
            .unwrap();
        assert_eq!(listed["status"], "on_agenda", "{b}: {listed}");
        let steps: Vec<&Value> = listed["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| &s["status"])
            .collect();
        assert_eq!(steps, ["draft", "submitted", "on_agenda"], "{b}: {listed}");

        assert!(
            audited(
                &app,
                f.region,
                LENA.0,
                AuditAction::Create,
                AuditEntity::Matter,
                id
            )
            .await,
            "{b}"
        );
        let advances = app
            .audit(Some(f.region), 500)
            .await
            .into_iter()
            .filter(|e| e.action == AuditAction::Advance && e.entity_id == Some(id))
            .count();
        assert_eq!(
            advances, 2,
            "{b}: one entry per step taken, none for the refused ones"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn attendance_of_someone_who_did_not_sit_in_the_group_that_day_is_refused() {
    for app in TestApp::all().await {
        let b = app.backend();
        let f = SteeringOfTwo::build(&app).await;
        let token = app.token(COUNTY.0).await;
        let anna = person_named(&app, f.region, "Anna Bvc").await;
        // Her seat in Sävja's management group ended in 2021.
        let eva = person_named(&app, f.region, "Eva Förr").await;
        // She sits in another centre's management group.
        let hanna = person_named(&app, f.region, "Hanna Annan").await;
        let held_on = (app.today() - Duration::days(7)).to_string();
        let before = meetings::of_group(&mut *app.conn().await, f.mg_savja)
            .await
            .unwrap();

        let (status, json) = post(
            &app,
            &token,
            &format!("/api/v1/groups/{}/meetings", f.mg_savja),
            &json!({"held_on": held_on, "status": "held",
                    "attendance": [{"person_id": anna, "status": "present"},
                                   {"person_id": eva, "status": "present"},
                                   {"person_id": hanna, "status": "absent"}]}),
        )
        .await;
        let after = meetings::of_group(&mut *app.conn().await, f.mg_savja)
            .await
            .unwrap();
        // Naming people who did not sit in the group that day is refused
        // with the field named, and no meeting is created.
        assert_eq!(status, 422, "{b}: {json}");
        assert_error_shape(&json, b);
        assert_eq!(fields(&json), ["attendance"], "{b}: {json}");
        assert_eq!(after, before, "{b}: no meeting is created");

        // With only the member it is recorded.
        let (status, json) = post(
            &app,
            &token,
            &format!("/api/v1/groups/{}/meetings", f.mg_savja),
            &json!({"held_on": held_on, "status": "held",
                    "attendance": [{"person_id": anna, "status": "present"}]}),
        )
        .await;
        assert_eq!(status, 201, "{b}: {json}");
        let mid = json["id"].as_i64().unwrap();
        let stored = meetings::attendance(&mut *app.conn().await, mid).await.unwrap();
        assert_eq!(stored, HashMap::from([(anna, AttendanceStatus::Present)]), "{b}");
        app.stop().await;
    }
}
