# Signals, matters, introductions and the region's governance rules (English).
# Every key also exists in sv/signals.ftl.

## Signal names: short heading and full name

sig-short-management_meetings = MG meetings
sig-name-management_meetings = The management group held its meetings
sig-short-steering_meetings = SG meetings
sig-name-steering_meetings = The steering group held its meetings
sig-short-coordinator_appointed = Coordinator
sig-name-coordinator_appointed = A local coordinator is appointed with a share of a post
sig-short-chair_appointed = Chair
sig-name-chair_appointed = The management group has a chair for the year
sig-short-minutes_published = Minutes
sig-name-minutes_published = Minutes were published in time
sig-short-introductions_in_time = Introductions
sig-name-introductions_in_time = New people were introduced in time
sig-short-matters_answered = Matters
sig-name-matters_answered = Matters to the steering group were answered in time

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
sig-reason-meetings = Meetings held in the year: { $held }. The guideline asks for at least { $required }.
sig-reason-meetings-planned = Meetings held in the year: { $held }, with { $planned } more planned. The guideline asks for at least { $required }.
sig-reason-coordinator_share = A local coordinator is appointed, { $percent } percent of a full-time post in all.
sig-reason-coordinator_without_share = A local coordinator is appointed, but no share of a post is recorded.
sig-reason-no_coordinator = No local coordinator is appointed during the year.
sig-reason-chair = The management group has an appointed chair during the year.
sig-reason-no_chair = No chair of the management group is appointed for the year.
sig-reason-no_held_meetings = No meetings were held in the year, so there are no minutes to assess.
sig-reason-minutes = Minutes of held meetings ({ $held }): published in time { $in_time }, published late { $late }, missing after the deadline { $missing }.
sig-reason-nothing_to_introduce = Nobody new needed an introduction during the year.
sig-reason-introductions = New assignments needing an introduction: { $due }. In time: { $in_time }, late: { $late }, not yet done after the deadline: { $overdue }.
sig-reason-no_matters = No matters were raised to the steering group.
sig-reason-matters = Matters to the steering group: { $raised }. Answered after the deadline: { $late }. Still waiting past the deadline: { $overdue }.

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
sig-col-meetings = Meetings
sig-col-minutes = Minutes
sig-no-centres = The region has no open family centres.
sig-no-groups = No management or steering groups are recorded.
sig-rules = Rules: at least { $management } meetings a year for management groups and { $steering } for steering groups, minutes within { $minutes } days, introductions within { $intro } days, answers to matters within { $matters } days.
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
matter-list-lead = Matters that management and preparation groups raise to their steering group. A matter that has waited longer than { $days } days for the steering group is flagged.
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
matter-waiting-days = Has waited { $days } days for the steering group.
matter-waited-days = Waited { $days } days for the steering group.
matter-flash-created = The matter is saved as a draft.
matter-flash-advanced = The matter moved on: { $status }.
field-error-matter-no-decision = Choose the steering group's decision.

## Introductions

intro-title = Introducing new people – { $region }
intro-lead = New assignments that should be followed by an introduction within { $days } days, grouped by who is responsible. Assignments starting on or after { $since } are shown.
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
govset-lead = These numbers drive the signals: how many meetings the groups must hold a year and how many days may pass.
govset-min-management = Fewest meetings a year for a management group
govset-min-steering = Fewest meetings a year for a steering group
govset-minutes-days = Minutes are published within (days after the meeting)
govset-intro-days = New people are introduced within (days after they start)
govset-matter-days = Matters are answered within (days after they are sent)
govset-hint = A whole number from 0 to 365.
govset-save = Save the governance rules
govset-flash-saved = The governance rules are saved. The signals follow them from now on.
field-error-gov-number = Write a whole number from 0 to 365.
