# samverka – people, assignments, groups, "Who decides?" and the contact list. Every key is also in sv/people.ftl.

## Assignments and group kinds

people-kind-local_coordinator = Local coordinator
people-kind-management_member = Management group member
people-kind-management_chair = Management group chair
people-kind-steering_member = Steering group member
people-kind-preparation_member = Preparation group member
people-kind-county_steering_member = County steering group member
people-kind-county_coordinator = County coordinator
people-kind-collaboration_strategist = Collaboration strategist
people-kind-staff_member = Team staff member

groups-kind-management = Management group
groups-kind-preparation = Preparation group
groups-kind-steering = Steering group
groups-kind-county_steering = County steering group
groups-kind-coordinator_network = Coordinators' network

## The registry of people

people-title = People
people-lead = Everyone who holds or has held an assignment for the region's family centres: coordinators, group members and staff. The list shows each person's assignments today.
people-filter-kind = Show people with the assignment
people-filter-all = All assignments
people-filter-show = Show
people-add = Add a person
people-none = There are no people to show.
people-caption = { $count ->
    [one] One person
   *[other] { $count } people
    }
people-name = Name
people-current-assignments = Assignments today
people-email = E-mail
people-phone = Phone
people-employer = Employer
people-employer-kind = Kind of employer
people-employer-name = Employer's name
people-profession = Profession
people-unit = Service
people-account = Login account
people-no-account = No account linked
people-no-unit = No service chosen
people-no-current = No current assignments.
people-since = since { $date }
people-erased-name = former member
people-erased-details = The details have been erased.
people-erased-notice = This person's details were erased on request. The assignments remain without a name, so counts and history stay true.
people-where-county = County level

## A person's page

people-details = Details
people-edit = Edit details
people-export = Download all data (JSON)
people-erase = Erase personal data
people-current-heading = Current assignments
people-current-caption = Assignments in force now or starting later
people-ended-heading = Ended assignments
people-ended-caption = Assignments that have ended
people-no-ended = No ended assignments.
people-assignment = Assignment
people-where = Where
people-scope = Extent
people-from = From
people-to = To
people-status = Status
people-introduction = Introduction
people-until-further = until further notice
people-status-current = Current
people-status-ended = Ended
people-status-planned = Starts { $date }
people-share = { $percent } % of full time
people-paid-by = paid by { $payer }
people-hours-week = { $hours } h/week
people-intro-done = Introduced on { $date }.
people-intro-late = Introduced on { $date }, after the deadline { $due }.
people-intro-pending = Not yet introduced – due by { $due }.
people-intro-overdue = Not introduced – the deadline { $due } has passed.
people-intro-by-county_coordination = The county coordination is responsible.
people-intro-by-local_coordinator = The local coordinator is responsible.
people-intro-none = No introduction needed
people-end-date = End date
people-end = End …
people-end-submit = End the assignment

## Person form

people-new-title = Add a person
people-edit-title = Edit details of { $name }
people-form-lead = Contact details are shown only to logged-in users with access to the region. Fill in only what the assignment needs.
people-hint-phone = For example 018-611 00 00 or +46 70 123 45 67.
people-hint-profession = For example midwife, preschool teacher or social worker.
people-hint-employer = For example Region Uppsala or Heby municipality.
people-hint-account = Only if the person logs in to samverka. Most people have no account.

## Assignment form

people-assignment-new-title = New assignment for { $name }
people-assignment-kind-chosen = Assignment: { $kind }.
people-assignment-other-kind = Choose another assignment
people-assignment-add = Add an assignment
people-hint-kind = First choose the kind of assignment; then the details that belong to it are shown.
people-continue = Continue
people-centre = Family centre
people-group = Group
people-network = Coordinators' network (optional)
people-no-network = No network
people-no-groups = The region has no group of this kind yet. Add the group first under Groups.
people-share-label = Share of full time (percent)
people-hint-share = A whole number from 1 to 100, for example 50.
people-paid-by-label = Who pays for the post
people-hint-paid-by = For example Region Uppsala or the municipality.
people-hours-label = Hours per week at the family centre
people-starts-on = First day
people-ends-on = Last day (optional)
people-hint-ends-on = Leave empty if the assignment runs until further notice.
people-hint-chair-year = The chair rotates: usually enter the last day of the year.

## Errors

people-error-invalid-phone = Enter a phone number with digits, for example 018-611 00 00.
people-error-invalid-percent = Enter a share between 1 and 100 percent.
people-error-end-before-start = The last day cannot be before the first day.
people-error-steering-needs-municipality = A steering group belongs to a municipality – choose which.

## Messages

people-flash-created = The person has been added.
people-flash-assignment-added = The assignment has been saved.
people-flash-assignment-ended = The assignment has ended. It stays in the history.
people-flash-erased = The personal data has been erased. The assignments remain as "former member".

## Erasure

people-erase-title = Erase the personal data of { $name }
people-erase-what = This is what erasure does:
people-erase-point-details = Name, e-mail, phone, profession and the employer's name are removed, and any link to a login account is removed.
people-erase-point-history = { $count ->
    [one] The person's only assignment remains under the name "former member", so member counts and attendance stay true.
   *[other] The person's { $count } assignments remain under the name "former member", so member counts and attendance stay true.
    }
people-erase-point-audit = Earlier copies of the details in the change log are emptied too.
people-erase-point-final = Erasure cannot be undone.
people-erase-export-first = If the person has asked for their data, download it before erasing:
people-erase-submit = Erase the data

## Groups

groups-title = Groups
groups-lead = The groups that govern the family centres: a steering group per municipality, a management group per centre, preparation groups, the county steering group and the coordinators' network. Each group shows which centres it governs.
groups-add = Add a group
groups-section-steering = Steering groups
groups-section-management = Management groups
groups-section-preparation = Preparation groups
groups-section-county_steering = County steering group
groups-section-coordinator_network = Coordinators' network
groups-lead-steering = One steering group per municipality. Sometimes the municipality's health and care forum acts as the steering group.
groups-lead-management = The nearest managers of the centre's services. The chair rotates every year.
groups-lead-preparation = Prepares matters for a steering group.
groups-lead-county_steering = Governs collaboration at county level.
groups-lead-coordinator_network = The county coordinators' network for the local coordinators.
groups-none-of-kind = No group of this kind is registered.
groups-name = Name
groups-kind = Kind of group
groups-municipality = Municipality
groups-governs = Governs the family centres
groups-governs-none = No family centre given
groups-reports-to = Reports to
groups-reports-to-none = No group given
groups-reported-by = Groups reporting here
groups-members-now = Members today
groups-health-forum-mark = Health and care forum acting as steering group
groups-closed-on = Disbanded { $date }
groups-about = About the group
groups-chair-of-year = Chair { $year }
groups-no-chair = No chair has been appointed for { $year } – information missing.
groups-meetings = Meetings
groups-decisions = Decision log
groups-edit = Edit the group
groups-members-heading = Members today
groups-members-caption = { $count ->
    [one] One member today
   *[other] { $count } members today
    }
groups-no-members = No members are registered at the moment.
groups-past-heading = Former members
groups-past-caption = Former members, most recent leavers first
groups-no-past = No former members.
groups-role = Role
groups-new-title = Add a group
groups-edit-title = Edit { $name }
groups-hint-name = For example "Steering group family centres Heby".
groups-hint-municipality = Required for a steering group.
groups-no-municipality = No municipality
groups-health-forum-label = The municipality's health and care forum acts as the steering group
groups-hint-health-forum = Applies to steering groups only.
groups-hint-reports-to = A management group usually reports to its municipality's steering group.
groups-starts-on = Start date
groups-hint-starts-on = The day the group started working. The signals judge only the part of a year in which the group existed; leave empty if not known.
groups-hint-centres = Tick the family centres the group governs.
groups-flash-created = The group has been added.

## Who decides?

who-link = Who decides?
who-title = Who decides for { $centre }?
who-lead = The chain from the family centre to the county: the local coordinator, the management group, the steering group and the county level, with contact details. Where something is missing, the page says so.
who-centre-closed = The family centre closed on { $date }.
who-step-centre = The family centre and its local coordinator
who-step-management = Management group
who-step-steering = Steering group
who-step-county = County level
who-local-coordinators = Local coordinator
who-coordinators-caption = Local coordinators of { $centre }
who-no-coordinator = No local coordinator is registered for the family centre – information missing.
who-no-management = No management group is registered for the family centre – information missing. The county coordinator can add it under Groups.
who-no-steering = No steering group is linked to the family centre or its management group – information missing.
who-no-members = No members are registered – information missing.
who-no-chair = no chair has been appointed for { $year } – information missing
who-chair-ended = { $name } (until { $date })
who-members-of = Members of { $group }
who-no-county-group = No county-level steering group is registered – information missing.
who-county-coordinators = County coordinators
who-no-county-coordinator = No county coordinator is registered – information missing.
who-strategists = Collaboration strategists
who-share = Share of full time
who-paid-by = Paid by

## The contact list

contacts-heading = Download the contact list
contacts-kind = Contact list for
contacts-all-kinds = All groups and coordinators
contacts-download-csv = Download CSV
contacts-download-xlsx = Download Excel
contacts-file-name = contacts
contacts-sheet-name = Contacts
contacts-column-region = Region
contacts-column-municipality = Municipality
contacts-column-centres = Family centre
contacts-column-group = Group
contacts-column-group-kind = Kind of group
contacts-column-role = Role
contacts-column-name = Name
contacts-column-email = E-mail
contacts-column-phone = Phone
contacts-column-employer = Employer
contacts-column-since = Since

# samverka – meetings, minutes and decisions (English). Every key also exists in sv/meetings.ftl.

meetings-title = Meetings – { $group }
meetings-back-to-group = Back to the group
meetings-decision-log = The group's decision log
meetings-new = Add a meeting
meetings-none = No meetings have been recorded for this group yet.
meetings-caption = The group's meetings, latest first

meeting-title = { $group }, meeting on { $date }
meeting-new-title = New meeting – { $group }
meeting-edit-title = Edit the meeting on { $date } – { $group }
meeting-back = All meetings of { $group }
meeting-group = Group
meeting-date = Date
meeting-status = Status
meeting-status-planned = Planned
meeting-status-held = Held
meeting-status-cancelled = Cancelled
meeting-agenda = Agenda
meeting-agenda-hint = One item per line.
meeting-agenda-none = No agenda has been entered.
meeting-attendance = Attendance
meeting-attendance-hint = For each member, mark whether they attended, sent apologies, or stayed away without notice.
meeting-attendance-caption = Members on { $date } and their attendance
meeting-attendance-present = Present
meeting-attendance-absent = Absent
meeting-attendance-excused = Apologies sent
meeting-attendance-unknown = Not recorded
meeting-attendance-summary = { $present } present, { $excused } with apologies, { $absent } absent and { $unknown } not recorded – of { $members } members.
meeting-no-members = Nobody held a seat in the group on that date.
meeting-col-name = Name
meeting-col-role = Role
meeting-col-employer = Employer and service
meeting-col-attendance = Attendance
meeting-role-member = Member
meeting-role-chair = Chair
meeting-role-not-seated = Held no seat in the group on that date
meeting-minutes = Minutes
meeting-minutes-hint = Write the minutes in Markdown: # for a heading, - for a list, **bold**. The centres' coordinators and management groups see them only once you publish them.
meeting-minutes-none = No minutes have been written.
meeting-minutes-draft = Written, not published
meeting-minutes-published-on = Published { $date }
meeting-minutes-not-published = The minutes have not been published yet.
meeting-edit = Edit the meeting
meeting-publish = Publish the minutes
meeting-publish-hint = Publishing sends an e-mail notice to the local coordinators and management groups of the centres this group governs.
meeting-publish-refused = The minutes were not published
meeting-publish-not-held = Only minutes of held meetings can be published. Change the meeting's status first.
meeting-publish-no-minutes = There are no minutes to publish. Write them first.
meeting-decisions = Decisions
meeting-decisions-none = No decisions have been recorded for this meeting.
meeting-flash-created = The meeting has been added.
meeting-flash-published = The minutes are published. { $count } { $count ->
        [one] person
       *[other] people
    } get an e-mail notice.
meeting-flash-decision = The decision has been recorded.
field-error-meeting-held-in-future = A held meeting cannot be dated in the future. Choose the status Planned or change the date.

meeting-notice-subject = New minutes from { $group } ({ $date })
meeting-notice-body =
    Hello,

    The minutes of the meeting of { $group } on { $date } can now be read in samverka:
    { $link }

    You receive this notice because you are a local coordinator or a management-group member of a family centre governed by { $group }.

    This is an automatic message from samverka; replies are not read.

decision-add = Record a decision
decision-category = Category
decision-text = What was decided?
decision-centres = Family centres the decision concerns
decision-centres-hint = Tick the family centres the decision affects. Leave empty if it concerns all of them or none in particular.
decision-save = Save the decision
decision-concerns = Concerns: { $centres }
decision-category-agreement_change = Collaboration agreement changed
decision-category-budget_change = Budget changed
decision-category-new_centre = New family centre
decision-category-matter_from_group = Matter from a management or preparation group
decision-category-activity_plan_adopted = Activity plan adopted
decision-category-annual_report_received = Annual report received
decision-category-other = Other

decisions-region-title = Decisions – { $region }
decisions-region-lead = Every decision taken by the region's groups, latest first.
decisions-group-title = Decisions – { $group }
decisions-group-lead = The group's decisions, latest first.
decisions-centre-title = Decisions about { $centre }
decisions-centre-lead = Decisions that concern this family centre, whichever group took them.
decisions-year = Year
decisions-all-years = All years
decisions-all-categories = All categories
decisions-filter = Show
decisions-none = No decisions match the selection.
decisions-caption = { $count ->
    [one] 1 decision
   *[other] { $count } decisions
}
decisions-col-date = Meeting date
decisions-col-group = Group
decisions-col-text = Decision
decisions-col-centres = Concerns

# Signals, matters, introductions and the region's governance rules (English).
# Every key also exists in sv/signals.ftl.

## Signal names: short heading and full name

sig-short-management_meetings = MG meetings
sig-name-management_meetings = The management group held its meetings
sig-short-steering_meetings = SG meetings
sig-name-steering_meetings = The municipality's steering group exists and held its meetings
sig-short-coordinator_appointed = Coordinator
sig-name-coordinator_appointed = Local coordinator with the region's share of a post every day
sig-short-chair_appointed = Chair
sig-name-chair_appointed = The management group has a chair for the year
sig-short-minutes_published = Minutes
sig-name-minutes_published = Minutes were published within the region's time limit
sig-short-introductions_in_time = Introductions
sig-name-introductions_in_time = People new to a role were introduced within the region's time limit
sig-short-matters_answered = Matters
sig-name-matters_answered = Matters to the steering group were answered within the region's time limit

## Levels: always a word and a symbol, never colour alone

sig-level-green = Met
sig-level-yellow = Partly
sig-level-red = Not met
sig-level-unknown = cannot be assessed
sig-legend = Key
sig-legend-green = the guideline is followed.
sig-legend-yellow = the guideline is only partly followed, or can still be met this year.
sig-legend-red = the guideline is not followed.
sig-legend-unknown = data is missing, so no verdict is guessed.

## Reasons in words

sig-reason-no_group = No group responsible for this is recorded.
sig-reason-no_governance_data = Nothing about how this centre is governed has been recorded yet.
sig-reason-meetings = Meetings held with the members: { $held } of the { $required } required.
sig-reason-meetings-planned = { $planned ->
    [one] One more meeting is planned.
   *[other] { $planned } more meetings are planned.
    }
sig-reason-coordinator_share = The local coordinator has { $percent } percent of a full-time post.
sig-reason-coordinator_without_share = A local coordinator is appointed, but no share of a post is recorded.
sig-reason-no_coordinator = No local coordinator is appointed during the year.
sig-reason-chair = The management group has an appointed chair during the year.
sig-reason-no_chair = No chair of the management group is appointed for the year.
sig-reason-no_held_meetings = No meetings were held in the year, so there are no minutes to assess.
sig-reason-minutes = Minutes of held meetings ({ $held }): published in time { $in_time }, published late { $late }, missing after the deadline { $missing }.
sig-reason-nothing_to_introduce = Nobody new to a role needed an introduction during the year.
sig-reason-introductions = People new to their role who were to be introduced: { $due }. In time: { $in_time }, late: { $late }, not yet done after the deadline: { $overdue }.
sig-reason-no_matters = No matters were raised to the steering group.
sig-reason-matters = Matters to the steering group: { $raised }. Answered after the deadline: { $late }. Still waiting past the deadline: { $overdue }.
sig-short-management_composition = MG make-up
sig-name-management_composition = The management group has a manager from each base service
sig-reason-no_steering_group = The municipality has no steering group governing this centre.
sig-reason-year_not_begun = The year has not begun.
sig-reason-group_not_in_year = The group did not exist during the year.
sig-reason-before_records = Nothing is recorded for the group in or before the year, so the year cannot be assessed.
sig-reason-period_too_short = The group existed for too short a part of the year for any meeting to be due.
sig-reason-meetings-part = The guideline asks for { $per_year } a year; only the part of the year in which the group existed and has records counts.
sig-reason-meetings-without-members = { $count ->
    [one] One meeting does not count, as too few members took part.
   *[other] { $count } meetings do not count, as too few members took part.
    }
sig-reason-meetings-attendance-unknown = { $count ->
    [one] Attendance is not recorded for one of the meetings.
   *[other] Attendance is not recorded for { $count } of the meetings.
    }
sig-reason-no_base_service = The centre has no open base service, so the management group's make-up cannot be assessed.
sig-reason-managers-complete = Each base service at the centre has a manager in the management group.
sig-reason-managers-missing = No manager in the management group from { $services }.
sig-reason-managers-unplaced = { $count ->
    [one] One manager in the group has no service recorded.
   *[other] { $count } managers in the group have no service recorded.
    }
sig-reason-managers-absent = { $times ->
    [one] Managers from { $service } were absent most often, once in the year.
   *[other] Managers from { $service } were absent most often, { $times } times in the year.
    }
sig-reason-coordinator-minimum = The region asks for at least { $minimum } percent on every day.
sig-reason-coordinator-any = The region asks for no particular share.
sig-reason-coordinator-below = { $days ->
    [one] On one day of the year the share was lower (at least { $lowest } percent).
   *[other] On { $days } days of the year the share was lower (at least { $lowest } percent).
    }
sig-reason-coordinator_funding = The parties do not fund the coordinator equally, as the region asks: { $payers }.
sig-reason-chair-flagged = The management group has a chair, but { $flags }.
sig-chair-flag-open_ended = the appointment has no end date or runs longer than a year
sig-chair-flag-same_as_last_year = the same person chaired the year before as well
sig-chair-flag-is_coordinator = the chair is the centre's local coordinator
sig-source-guideline = The guideline sets this requirement.
sig-source-region = The time limit of { $days } { $days ->
        [one] day
       *[other] days
    } is the region's own choice, not the guideline's.
sig-service-mhv = maternal health care (MHV)
sig-service-bhv = child health care (BHV)
sig-service-of = the open preschool (ÖF)
sig-service-soc = preventive social services (SOC)

## The signals page

sig-title = Governance signals – { $region }
sig-lead = The signals are worked out from what is recorded about groups, meetings, assignments, introductions and matters, against the region's rules. Where data is missing, no verdict is shown.
sig-year = Year
sig-show = Show
sig-centres-caption = Signals of the family centres { $year }
sig-groups-caption = Signals of the groups { $year }
sig-summary-caption = Summary per signal { $year }
sig-col-centre = Family centre
sig-col-group = Group
sig-col-kind = Kind
sig-col-signal = Signal
sig-col-source = Requirement from
sig-without-steering = Municipalities with family centres but no steering group:
sig-col-meetings = Meetings
sig-col-minutes = Minutes
sig-no-centres = The region has no open family centres.
sig-no-groups = No management or steering groups are recorded.
sig-rules = In the guideline: at least { $management } { $management ->
        [one] meeting
       *[other] meetings
    } a year for management groups and { $steering } for steering groups. The region's own choices: minutes within { $minutes } { $minutes ->
        [one] day
       *[other] days
    }, introductions within { $intro } { $intro ->
        [one] day
       *[other] days
    }, answers to matters within { $matters } { $matters ->
        [one] day
       *[other] days
    } (0 means the rule is off).
sig-centre-heading = Governance signals { $year }
sig-centre-more = Signals of every family centre
sig-overview-heading = Governance signals { $year }
sig-overview-caption = Family centres, their services, classification and governance signals { $year }
sig-overview-more = The signals with explanations
sig-group-kind-management = Management group
sig-group-kind-preparation = Preparation group
sig-group-kind-steering = Steering group
sig-group-kind-county_steering = County steering group
sig-group-kind-coordinator_network = Coordinators' network

## Matters

matter-status-draft = Draft
matter-status-submitted = Sent to the steering group
matter-status-on_agenda = On the agenda
matter-status-decided = Decided
matter-status-reported_back = Reported back
matter-list-title = Matters to the steering groups – { $region }
matter-list-lead = Matters that management and preparation groups raise to their steering group. A matter that has waited longer than { $days } { $days ->
        [one] day
       *[other] days
    } for the steering group is flagged.
matter-list-caption = Matters
matter-col-title = Matter
matter-col-status = Status
matter-col-from = Raised by
matter-col-to = To
matter-col-submitted = Sent
matter-col-waiting = Days with the steering group
matter-col-flag = Deadline
matter-flag-late = ⚠ Waited too long
matter-flag-ok = Within the deadline
matter-none = No matters are recorded.
matter-raise-from = Raise a matter from { $group }
matter-raise-heading = Raise a new matter
matter-no-group = no group
matter-new-title = New matter from { $group }
matter-field-title = Title
matter-field-body = What should the steering group decide on?
matter-field-to = Steering group
matter-hint-to = The steering group the group reports to, or one that governs the same family centre.
matter-no-targets = No steering group is linked to this group, so matters cannot be raised from here yet.
matter-path = The matter's path
matter-path-caption = Steps, dates and who took each step
matter-col-step = Step
matter-col-date = Date
matter-col-person = By
matter-col-note = Note
matter-not-yet = not yet
matter-no-person = no person linked to the account
matter-decision = Decision
matter-body = Description
matter-next = Next step
matter-advance-submitted = Send to the steering group
matter-advance-on_agenda = Put on the agenda
matter-advance-decided = Record the decision
matter-advance-reported_back = Mark as reported back
matter-field-decision = The steering group's decision
matter-hint-decision = Choose the decision that answers the matter. Decisions are recorded at the steering group's meetings.
matter-no-decisions = The steering group has no recorded decisions yet. Record the decision at the meeting first.
matter-field-note = Note (optional)
matter-done = The matter has been reported back and is closed.
matter-waiting-days = Has waited { $days } { $days ->
        [one] day
       *[other] days
    } for the steering group.
matter-waited-days = Waited { $days } { $days ->
        [one] day
       *[other] days
    } for the steering group.
matter-flash-created = The matter is saved as a draft.
matter-flash-advanced = The matter moved on: { $status }.
field-error-matter-no-decision = Choose the steering group's decision.

## Introductions

intro-title = Introducing new people – { $region }
intro-lead = New assignments that should be followed by an introduction within { $days } { $days ->
        [one] day
       *[other] days
    }, grouped by who is responsible. Assignments starting on or after { $since } are shown.
intro-county = The county coordination
intro-local = Local coordinator of { $centre }
intro-local-unknown = Local coordinator (family centre missing)
intro-caption = New assignments waiting for an introduction – { $responsible }
intro-none = Everybody new has been introduced.
intro-col-person = Person
intro-col-assignment = Assignment
intro-col-where = Where
intro-col-starts = Started
intro-col-due = Due
intro-col-state = Status
intro-state-overdue = ⚠ Overdue
intro-state-pending = Pending
intro-overdue-count = Overdue: { $count }
intro-sessions = Recent introduction sessions
intro-sessions-caption = Introduction sessions
intro-col-held-on = Date
intro-col-title = Title
intro-col-held-by = Held by
intro-col-participants = Participants
intro-no-sessions = No introduction sessions are recorded.
intro-record = Record an introduction session
intro-new-title = Record an introduction session
intro-field-held-on = Date
intro-hint-held-on = YYYY-MM-DD
intro-field-held-by = Held by
intro-field-title = Title
intro-field-participants = Participants
intro-hint-participants = Tick the new assignments whose holders took part.
intro-no-candidates = Nobody you can record is waiting for an introduction.
intro-candidate = { $person } – { $assignment }, { $where } (due { $due })
intro-nobody = not given
intro-flash-saved = The introduction session is recorded.
intro-kind-local_coordinator = Local coordinator
intro-kind-management_member = Management group member
intro-kind-management_chair = Management group chair
intro-kind-steering_member = Steering group member
intro-kind-preparation_member = Preparation group member
intro-kind-county_steering_member = County steering group member
intro-kind-county_coordinator = County coordinator
intro-kind-collaboration_strategist = Collaboration strategist
intro-kind-staff_member = Staff member of the team
field-error-intro-date-future = The date cannot be in the future.

## The region's governance rules

govset-heading = Governance rules
govset-min-management = Fewest meetings a year for a management group
govset-min-steering = Fewest meetings a year for a steering group
govset-minutes-days = Minutes are published within (days after the meeting)
govset-intro-days = New people are introduced within (days after they start)
govset-matter-days = Matters are answered within (days after they are sent)
govset-hint = A whole number from 0 to 365.
govset-lead = The rules drive the signals. Some are in the region's guideline, others are the region's own choices for its follow-up; the form says which.
govset-quorum = Fewest managers taking part for a management-group meeting to count
govset-coordinator-percent = The local coordinator's smallest share of a post (percent of full time)
govset-hint-guideline = In the guideline. A whole number from 0 to 365.
govset-hint-region = The region's own choice, not the guideline's. A whole number from 0 to 365; 0 turns the rule off.
govset-hint-quorum = A whole number from 1 to 20. A meeting attended by fewer managers does not count as held.
govset-hint-percent = In the guideline (Uppsala: 20). A whole number from 0 to 100; 0 means no particular share is required.
govset-flags-legend = Flag these
govset-equal-funding = The parties fund the coordinator equally (as in Skåne)
govset-chair-one-year = A chair is appointed for one year at a time
govset-chair-rotates = The same person should not chair two years in a row
govset-chair-not-coordinator = The local coordinator should not chair
govset-introducers-legend = Who introduces someone new to their role?
govset-introducer-coordinator = New local coordinators
govset-introducer-manager = New managers in a management group
govset-introducer-steering = New members of a steering or preparation group
govset-introducer-staff = New staff at a family centre
govset-responsible-county_coordination = The county coordination
govset-responsible-steering_group = The steering group
govset-responsible-local_coordinator = The local coordinator
people-intro-by-steering_group = The steering group is responsible.
govset-save = Save the governance rules
govset-flash-saved = The governance rules are saved. The signals follow them from now on.
field-error-gov-number = Write a whole number from 0 to 365.
field-error-gov-quorum = Write a whole number from 1 to 20.
field-error-gov-percent = Write a whole number from 0 to 100.
people-erase-point-minutes = Minutes stay as they were written: if the person's name is in minutes, it stays there.
meeting-publish-already-published = The minutes are published already.
