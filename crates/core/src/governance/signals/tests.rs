use super::*;
use crate::governance::assignment::AssignmentKind;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn meeting(
    date: NaiveDate,
    status: MeetingStatus,
    published: Option<NaiveDate>,
    present: Option<i64>,
) -> MeetingFact {
    MeetingFact {
        date,
        status,
        minutes_published_on: published,
        present,
        absent: Vec::new(),
    }
}

fn held(y: i32, m: u32, published: Option<NaiveDate>) -> MeetingFact {
    meeting(d(y, m, 10), MeetingStatus::Held, published, Some(3))
}

fn planned(y: i32, m: u32) -> MeetingFact {
    meeting(d(y, m, 10), MeetingStatus::Planned, None, None)
}

fn group(meetings: Vec<MeetingFact>) -> GroupFacts {
    GroupFacts {
        starts_on: None,
        ends_on: None,
        meetings,
        first_meeting: None,
    }
}

fn assignment(kind: AssignmentKind, start: NaiveDate, share: Option<i64>) -> Assignment {
    Assignment {
        id: 1,
        person_id: 1,
        kind,
        region_id: 1,
        centre_id: Some(1),
        group_id: None,
        share_percent: share,
        paid_by: None,
        minutes_per_week: None,
        starts_on: start,
        ends_on: None,
    }
}

fn level(signals: &[Signal], kind: SignalKind) -> (Level, Reason) {
    let s = signals.iter().find(|s| s.kind == kind).expect("signal");
    (s.level, s.reason.clone())
}

fn s() -> GovernanceSettings {
    GovernanceSettings::uppsala()
}

fn mgmt(held: i64, planned: i64, required: i64) -> Reason {
    Reason::Meetings {
        held,
        planned,
        required,
        per_year: 4,
        without_members: 0,
        attendance_unknown: 0,
    }
}

const MM: SignalKind = SignalKind::ManagementMeetings;

#[test]
fn four_management_meetings_are_green_three_are_red_after_the_year() {
    let four = group(vec![
        held(2024, 2, None),
        held(2024, 5, None),
        held(2024, 9, None),
        held(2024, 11, None),
    ]);
    let s = meetings(MM, Some(&four), 4, 1, 2024, d(2025, 3, 1));
    assert_eq!(s.level, Level::Green);
    // The first recorded meeting is in February: the year is judged from then,
    // and four a year is still four for ten and a half months.
    let three = group(four.meetings[..3].to_vec());
    let s = meetings(MM, Some(&three), 4, 1, 2024, d(2025, 3, 1));
    assert_eq!((s.level, s.reason), (Level::Red, mgmt(3, 0, 4)));
}

#[test]
fn while_the_year_runs_planned_meetings_make_it_yellow() {
    let ms = group(vec![
        held(2025, 1, None),
        held(2025, 5, None),
        planned(2025, 9),
        planned(2025, 11),
    ]);
    let s = meetings(MM, Some(&ms), 4, 1, 2025, d(2025, 6, 1));
    assert_eq!((s.level, s.reason), (Level::Yellow, mgmt(2, 2, 4)));
    let fewer = group(ms.meetings[..3].to_vec());
    let s = meetings(MM, Some(&fewer), 4, 1, 2025, d(2025, 6, 1));
    assert_eq!(
        s.level,
        Level::Red,
        "two held and one planned can no longer reach four"
    );
}

#[test]
fn a_year_before_the_group_existed_or_not_yet_begun_cannot_be_assessed() {
    let g = GroupFacts {
        starts_on: Some(d(2024, 1, 1)),
        ..group(vec![held(2024, 3, None)])
    };
    let before = meetings(MM, Some(&g), 4, 1, 2023, d(2025, 3, 1));
    assert_eq!(
        (before.level, before.reason),
        (Level::Unknown, Reason::GroupNotInYear)
    );
    let future = meetings(MM, Some(&g), 4, 1, 2026, d(2025, 3, 1));
    assert_eq!(
        (future.level, future.reason),
        (Level::Unknown, Reason::YearNotBegun)
    );
    // Existed, but nothing was recorded for it before 2024.
    let old = GroupFacts {
        starts_on: Some(d(2015, 1, 1)),
        ..g.clone()
    };
    let s = meetings(MM, Some(&old), 4, 1, 2022, d(2025, 3, 1));
    assert_eq!((s.level, s.reason), (Level::Unknown, Reason::BeforeRecords));
    // A group with nothing recorded at all is never red.
    let s = meetings(MM, Some(&group(vec![])), 4, 1, 2024, d(2025, 3, 1));
    assert_eq!(s.level, Level::Unknown);
    // Every signal of a centre in a future year is unknown.
    let f = CentreFacts {
        management: Some(g.clone()),
        steering: Some(g),
        services: vec![BaseService::ChildHealth],
        coordinators: vec![assignment(
            AssignmentKind::LocalCoordinator,
            d(2024, 1, 1),
            Some(20),
        )],
        ..CentreFacts::default()
    };
    let all = centre_signals(&f, &s_ok(), 2026, d(2025, 3, 1));
    assert!(all.iter().all(|x| x.level == Level::Unknown), "{all:?}");
}

#[test]
fn a_first_meeting_in_an_earlier_year_opens_the_record_when_only_the_years_meetings_are_read() {
    // The signals read only the judged year's meetings, and the day of the
    // group's first meeting: a group recording since 2023 is judged on the
    // whole of 2024, even with no meeting of 2023 at hand.
    let this_year = group(vec![
        held(2024, 3, None),
        held(2024, 6, None),
        held(2024, 9, None),
    ]);
    let s = meetings(MM, Some(&this_year), 4, 1, 2024, d(2025, 3, 1));
    assert_eq!(
        s.level,
        Level::Green,
        "from 10 March on, three of four-a-year are due: {s:?}"
    );
    let since_2023 = GroupFacts {
        first_meeting: Some(d(2023, 5, 1)),
        ..this_year
    };
    let s = meetings(MM, Some(&since_2023), 4, 1, 2024, d(2025, 3, 1));
    assert_eq!(s.level, Level::Red, "the whole year counts: {s:?}");
    // Nothing recorded before 2024 at all: 2023 cannot be assessed.
    let s = meetings(MM, Some(&group(vec![])), 4, 1, 2023, d(2025, 3, 1));
    assert_eq!((s.level, s.reason), (Level::Unknown, Reason::BeforeRecords));
}

fn s_ok() -> GovernanceSettings {
    s()
}

#[test]
fn a_group_started_mid_year_is_judged_pro_rata() {
    let g = GroupFacts {
        starts_on: Some(d(2024, 7, 1)),
        ..group(vec![held(2024, 8, None), held(2024, 11, None)])
    };
    // From 1 July the first meeting (10 August) opens the record: 144 of 366
    // days, and four a year make two.
    let s = meetings(MM, Some(&g), 4, 1, 2024, d(2025, 3, 1));
    assert_eq!(
        (s.level, s.reason),
        (
            Level::Green,
            Reason::Meetings {
                held: 2,
                planned: 0,
                required: 2,
                per_year: 4,
                without_members: 0,
                attendance_unknown: 0
            }
        )
    );
    // Started in late December: too short for any meeting to be due.
    let late = GroupFacts {
        starts_on: Some(d(2024, 12, 20)),
        ..group(vec![held(2024, 12, None)])
    };
    let s = meetings(MM, Some(&late), 4, 1, 2024, d(2025, 3, 1));
    assert_eq!((s.level, s.reason), (Level::Unknown, Reason::PeriodTooShort));
}

#[test]
fn a_meeting_nobody_attended_does_not_count() {
    let mut ms = vec![
        held(2024, 1, None),
        held(2024, 4, None),
        held(2024, 8, None),
        meeting(d(2024, 11, 10), MeetingStatus::Held, None, Some(0)),
    ];
    let s = meetings(MM, Some(&group(ms.clone())), 4, 1, 2024, d(2025, 3, 1));
    assert_eq!(
        (s.level, s.reason),
        (
            Level::Red,
            Reason::Meetings {
                held: 3,
                planned: 0,
                required: 4,
                per_year: 4,
                without_members: 1,
                attendance_unknown: 0
            }
        )
    );
    // Below the region's quorum of two.
    ms[3].present = Some(1);
    let s = meetings(MM, Some(&group(ms.clone())), 4, 2, 2024, d(2025, 3, 1));
    assert_eq!(s.level, Level::Red);
    // Attendance not recorded: counted, and said.
    ms[3].present = None;
    let s = meetings(MM, Some(&group(ms)), 4, 2, 2024, d(2025, 3, 1));
    assert_eq!(s.level, Level::Green);
    assert!(matches!(
        s.reason,
        Reason::Meetings {
            attendance_unknown: 1,
            ..
        }
    ));
}

#[test]
fn a_missing_group_cannot_be_assessed_but_a_missing_steering_group_is_red() {
    let s = meetings(SignalKind::SteeringMeetings, None, 1, 1, 2024, d(2025, 1, 1));
    assert_eq!((s.level, s.reason), (Level::Unknown, Reason::NoGroup));
    let all = centre_signals(&CentreFacts::default(), &s_ok(), 2024, d(2025, 1, 1));
    assert!(all.iter().all(|s| s.level == Level::Unknown), "{all:?}");
    assert_eq!(all.len(), SignalKind::CENTRE.len());
    let f = CentreFacts {
        management: Some(group(vec![held(2024, 3, None)])),
        ..CentreFacts::default()
    };
    assert_eq!(
        level(
            &centre_signals(&f, &s_ok(), 2024, d(2025, 1, 1)),
            SignalKind::SteeringMeetings
        ),
        (Level::Red, Reason::NoSteeringGroup)
    );
}

#[test]
fn minutes_are_green_in_time_yellow_late_red_missing() {
    let g = |m: Vec<MeetingFact>| group(m);
    let ok = g(vec![held(2024, 3, Some(d(2024, 3, 20)))]);
    assert_eq!(minutes(Some(&ok), 14, 2024, d(2024, 12, 1)).level, Level::Green);
    let late = g(vec![held(2024, 3, Some(d(2024, 4, 30)))]);
    assert_eq!(
        minutes(Some(&late), 14, 2024, d(2024, 12, 1)).level,
        Level::Yellow
    );
    let missing = g(vec![held(2024, 3, None)]);
    let s = minutes(Some(&missing), 14, 2024, d(2024, 12, 1));
    assert_eq!(
        (s.level, s.reason),
        (
            Level::Red,
            Reason::Minutes {
                held: 1,
                in_time: 0,
                late: 0,
                missing: 1
            }
        )
    );
    let fresh = g(vec![held(2024, 11, None)]);
    assert_eq!(
        minutes(Some(&fresh), 14, 2024, d(2024, 11, 15)).level,
        Level::Green,
        "not yet due"
    );
    let only_planned = g(vec![planned(2024, 12)]);
    assert_eq!(
        minutes(Some(&only_planned), 14, 2024, d(2024, 11, 15)).reason,
        Reason::NoHeldMeetings
    );
}

#[test]
fn a_rule_the_region_turned_off_is_left_out() {
    let off = GovernanceSettings {
        minutes_within_days: 0,
        matter_within_days: 0,
        ..s()
    };
    let all = centre_signals(&CentreFacts::default(), &off, 2024, d(2025, 1, 1));
    assert_eq!(all.len(), SignalKind::CENTRE.len() - 2);
    assert!(!all.iter().any(|s| s.kind == SignalKind::MinutesPublished));
}

fn coordinator_from(start: NaiveDate, end: Option<NaiveDate>, share: i64, id: i64) -> Assignment {
    Assignment {
        id,
        person_id: id,
        ends_on: end,
        ..assignment(AssignmentKind::LocalCoordinator, start, Some(share))
    }
}

#[test]
fn successive_coordinators_do_not_add_up() {
    // 20 % until March, a new 20 % from April: 20 %, never 40 %.
    let all = vec![
        coordinator_from(d(2023, 1, 1), Some(d(2025, 3, 31)), 20, 1),
        coordinator_from(d(2025, 4, 1), None, 20, 2),
    ];
    let sig = coordinator(&all, &s(), 2025, d(2025, 11, 1));
    assert_eq!(
        (sig.level, sig.reason),
        (
            Level::Green,
            Reason::CoordinatorShare {
                percent: 20,
                lowest: 20,
                days_below: 0,
                minimum: 20
            }
        )
    );
    // Two at once do add up.
    let both = vec![
        coordinator_from(d(2023, 1, 1), None, 10, 1),
        coordinator_from(d(2023, 1, 1), None, 10, 2),
    ];
    assert_eq!(coordinator(&both, &s(), 2025, d(2025, 11, 1)).level, Level::Green);
    // A gap of a month between them: yellow, with the days.
    let gap = vec![
        coordinator_from(d(2023, 1, 1), Some(d(2025, 2, 28)), 20, 1),
        coordinator_from(d(2025, 4, 1), None, 20, 2),
    ];
    let sig = coordinator(&gap, &s(), 2025, d(2025, 11, 1));
    assert_eq!(sig.level, Level::Yellow);
    assert!(matches!(
        sig.reason,
        Reason::CoordinatorShare {
            days_below: 31,
            lowest: 0,
            ..
        }
    ));
}

#[test]
fn a_coordinator_below_the_regions_minimum_is_red_with_the_number() {
    let all = vec![coordinator_from(d(2023, 1, 1), None, 10, 1)];
    let sig = coordinator(&all, &s(), 2025, d(2025, 11, 1));
    assert_eq!(sig.level, Level::Red);
    assert!(matches!(
        sig.reason,
        Reason::CoordinatorShare {
            percent: 10,
            minimum: 20,
            ..
        }
    ));
    // A region without a minimum takes any share.
    let any = GovernanceSettings {
        min_coordinator_percent: 0,
        ..s()
    };
    assert_eq!(coordinator(&all, &any, 2025, d(2025, 11, 1)).level, Level::Green);
    // No share recorded: yellow; no coordinator: red.
    let without = vec![assignment(AssignmentKind::LocalCoordinator, d(2023, 1, 1), None)];
    assert_eq!(
        coordinator(&without, &s(), 2025, d(2025, 11, 1)).reason,
        Reason::CoordinatorWithoutShare
    );
    let f = CentreFacts {
        management: Some(group(vec![held(2025, 3, None)])),
        ..CentreFacts::default()
    };
    assert_eq!(
        level(
            &centre_signals(&f, &s(), 2025, d(2025, 6, 1)),
            SignalKind::CoordinatorAppointed
        ),
        (Level::Red, Reason::NoCoordinator)
    );
}

#[test]
fn skanes_equal_funding_is_checked_where_the_data_says_who_pays() {
    let paid = |id, by: &str, share| Assignment {
        paid_by: Some(by.to_string()),
        ..coordinator_from(d(2023, 1, 1), None, share, id)
    };
    let skane = GovernanceSettings::skane();
    let equal = vec![paid(1, "Region Skåne", 25), paid(2, "Lunds kommun", 25)];
    assert_eq!(
        coordinator(&equal, &skane, 2025, d(2025, 6, 1)).level,
        Level::Green
    );
    let one = vec![paid(1, "Lunds kommun", 50)];
    let sig = coordinator(&one, &skane, 2025, d(2025, 6, 1));
    assert_eq!(
        (sig.level, sig.reason),
        (
            Level::Yellow,
            Reason::CoordinatorFunding {
                payers: vec![("Lunds kommun".into(), 50)]
            }
        )
    );
    // Unknown payer: nothing to check.
    let unknown = vec![coordinator_from(d(2023, 1, 1), None, 50, 1)];
    assert_eq!(
        coordinator(&unknown, &skane, 2025, d(2025, 6, 1)).level,
        Level::Green
    );
    // Uppsala does not ask for it.
    assert_eq!(coordinator(&one, &s(), 2025, d(2025, 6, 1)).level, Level::Green);
}

fn chair_seat(person: i64, start: NaiveDate, end: Option<NaiveDate>) -> Assignment {
    Assignment {
        person_id: person,
        centre_id: None,
        group_id: Some(1),
        ends_on: end,
        ..assignment(AssignmentKind::ManagementChair, start, None)
    }
}

#[test]
fn a_chair_is_needed_each_year_and_rotates() {
    let base = CentreFacts {
        management: Some(group(vec![held(2023, 3, None)])),
        ..CentreFacts::default()
    };
    let f = CentreFacts {
        chairs: vec![chair_seat(1, d(2023, 1, 1), Some(d(2023, 12, 31)))],
        ..base.clone()
    };
    assert_eq!(
        chair(&f, &s(), 2024, d(2024, 6, 1)),
        Signal::new(SignalKind::ChairAppointed, Level::Red, Reason::NoChair)
    );
    assert_eq!(chair(&f, &s(), 2023, d(2024, 6, 1)).level, Level::Green);
    // The same person again the next year.
    let again = CentreFacts {
        chairs: vec![
            chair_seat(1, d(2023, 1, 1), Some(d(2023, 12, 31))),
            chair_seat(1, d(2024, 1, 1), Some(d(2024, 12, 31))),
        ],
        ..base.clone()
    };
    assert_eq!(
        chair(&again, &s(), 2024, d(2024, 6, 1)).reason,
        Reason::Chair {
            flags: vec![ChairFlag::SameAsLastYear]
        }
    );
    // Open-ended.
    let open = CentreFacts {
        chairs: vec![chair_seat(2, d(2024, 1, 1), None)],
        ..base.clone()
    };
    assert_eq!(
        chair(&open, &s(), 2024, d(2024, 6, 1)).reason,
        Reason::Chair {
            flags: vec![ChairFlag::OpenEnded]
        }
    );
    // The local coordinator as chair, flagged where the region asks (Skåne).
    let coordinator_chair = CentreFacts {
        chairs: vec![chair_seat(3, d(2024, 1, 1), Some(d(2024, 12, 31)))],
        coordinators: vec![coordinator_from(d(2022, 1, 1), None, 20, 3)],
        ..base
    };
    assert_eq!(
        chair(&coordinator_chair, &s(), 2024, d(2024, 6, 1)).level,
        Level::Green
    );
    assert_eq!(
        chair(
            &coordinator_chair,
            &GovernanceSettings::skane(),
            2024,
            d(2024, 6, 1)
        )
        .reason,
        Reason::Chair {
            flags: vec![ChairFlag::IsCoordinator]
        }
    );
}

fn manager(service: Option<BaseService>, start: NaiveDate, person: i64) -> ManagerFact {
    ManagerFact {
        service,
        seat: Assignment {
            person_id: person,
            centre_id: None,
            group_id: Some(1),
            ..assignment(AssignmentKind::ManagementMember, start, None)
        },
    }
}

#[test]
fn the_management_group_needs_a_manager_from_each_base_service() {
    let mut absent_bhv = held(2025, 3, None);
    absent_bhv.absent = vec![BaseService::ChildHealth, BaseService::Maternal];
    let mut absent_bhv2 = held(2025, 6, None);
    absent_bhv2.absent = vec![BaseService::ChildHealth];
    let f = CentreFacts {
        management: Some(group(vec![absent_bhv, absent_bhv2])),
        services: vec![
            BaseService::Maternal,
            BaseService::ChildHealth,
            BaseService::OpenPreschool,
        ],
        managers: vec![
            manager(Some(BaseService::Maternal), d(2024, 1, 1), 1),
            manager(Some(BaseService::ChildHealth), d(2024, 1, 1), 2),
        ],
        ..CentreFacts::default()
    };
    let sig = composition(&f, 2025, d(2025, 10, 1));
    assert_eq!(
        (sig.level, sig.reason),
        (
            Level::Red,
            Reason::Managers {
                missing: vec![BaseService::OpenPreschool],
                unplaced: 0,
                most_absent: Some((BaseService::ChildHealth, 2)),
            }
        )
    );
    let complete = CentreFacts {
        managers: [
            f.managers.clone(),
            vec![manager(Some(BaseService::OpenPreschool), d(2024, 1, 1), 3)],
        ]
        .concat(),
        ..f.clone()
    };
    assert_eq!(composition(&complete, 2025, d(2025, 10, 1)).level, Level::Green);
    // A manager whose service is unknown may be the missing one.
    let unplaced = CentreFacts {
        managers: [f.managers.clone(), vec![manager(None, d(2024, 1, 1), 3)]].concat(),
        ..f.clone()
    };
    assert_eq!(composition(&unplaced, 2025, d(2025, 10, 1)).level, Level::Yellow);
    // A centre without base services cannot be assessed.
    let none = CentreFacts {
        services: vec![],
        ..f
    };
    assert_eq!(
        composition(&none, 2025, d(2025, 10, 1)).reason,
        Reason::NoBaseService
    );
}

#[test]
fn introductions_overdue_are_red_late_yellow_none_green() {
    let mut f = CentreFacts {
        management: Some(group(vec![])),
        ..CentreFacts::default()
    };
    let sig = centre_signals(&f, &s(), 2024, d(2024, 12, 1));
    assert_eq!(
        level(&sig, SignalKind::IntroductionsInTime),
        (Level::Green, Reason::NothingToIntroduce)
    );
    f.introductions = vec![
        IntroductionFact {
            starts_on: d(2024, 1, 1),
            introduced_on: Some(d(2024, 2, 1)),
        },
        IntroductionFact {
            starts_on: d(2024, 2, 1),
            introduced_on: Some(d(2024, 8, 1)),
        },
    ];
    let sig = centre_signals(&f, &s(), 2024, d(2024, 12, 1));
    assert_eq!(level(&sig, SignalKind::IntroductionsInTime).0, Level::Yellow);
    f.introductions.push(IntroductionFact {
        starts_on: d(2024, 3, 1),
        introduced_on: None,
    });
    let sig = centre_signals(&f, &s(), 2024, d(2024, 12, 1));
    assert_eq!(
        level(&sig, SignalKind::IntroductionsInTime),
        (
            Level::Red,
            Reason::Introductions {
                due: 3,
                in_time: 1,
                late: 1,
                overdue: 1
            }
        )
    );
}

#[test]
fn matters_waiting_too_long_are_flagged() {
    let mut f = vec![MatterFact {
        status: MatterStatus::Submitted,
        submitted_on: Some(d(2024, 1, 10)),
        decided_on: None,
    }];
    assert_eq!(
        matters(&f, 90, 2024, d(2024, 3, 1)).level,
        Level::Green,
        "50 days is within 90"
    );
    let sig = matters(&f, 90, 2024, d(2024, 6, 1));
    assert_eq!(
        (sig.level, sig.reason),
        (
            Level::Red,
            Reason::Matters {
                raised: 1,
                late: 0,
                overdue: 1
            }
        )
    );
    f[0] = MatterFact {
        status: MatterStatus::Decided,
        submitted_on: Some(d(2024, 1, 10)),
        decided_on: Some(d(2024, 6, 1)),
    };
    assert_eq!(matters(&f, 90, 2024, d(2024, 12, 1)).level, Level::Yellow);
    assert_eq!(matters(&[], 90, 2024, d(2024, 12, 1)).reason, Reason::NoMatters);
}

#[test]
fn the_matters_list_and_the_signal_judge_a_matter_alike() {
    use crate::governance::matter::MatterTiming;
    // Waited 225 days against 90, then answered: late in the list and in the signal.
    let answered_late = MatterFact {
        status: MatterStatus::Decided,
        submitted_on: Some(d(2024, 1, 10)),
        decided_on: Some(d(2024, 8, 22)),
    };
    let waited = crate::governance::matter::waiting_days(
        answered_late.submitted_on,
        answered_late.decided_on,
        d(2024, 12, 1),
    );
    assert_eq!(waited, Some(225));
    let timing = MatterTiming::of(answered_late.status, waited, 90);
    assert_eq!(timing, MatterTiming::AnsweredLate);
    assert!(timing.is_late());
    assert_eq!(
        matters(&[answered_late], 90, 2024, d(2024, 12, 1)).level,
        Level::Yellow
    );
}
