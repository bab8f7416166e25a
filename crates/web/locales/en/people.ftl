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
