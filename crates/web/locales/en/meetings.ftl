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
meeting-publish-already = The minutes are already published.
meeting-publish-not-held = Only minutes of a held meeting can be published. Change the meeting's status first.
meeting-publish-no-minutes = There are no minutes to publish. Write the minutes first.
meeting-decisions = Decisions
meeting-decisions-none = No decisions have been recorded for this meeting.
meeting-flash-created = The meeting has been added.
meeting-flash-published = The minutes are published. { $count } people get an e-mail notice.
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
decisions-caption = { $count } decision(s)
decisions-col-date = Meeting date
decisions-col-group = Group
decisions-col-text = Decision
decisions-col-centres = Concerns
