# samverka – English texts. Every key also exists in sv/main.ftl.

skip-to-content = Skip to content
nav-tools = Language and account
nav-logout = Log out
nav-region = Region pages
nav-overview = County overview
nav-access = Access
nav-settings = Rules
nav-accounts = Accounts
nav-audit = Change log
footer-text = samverka – governance and follow-up of family centres. No data about individual families or children is stored here.

value-yes = Yes
value-no = No
value-unknown = Don't know
value-missing = no data

service-mhv = Maternal health care (midwife clinic)
service-bhv = Child health care (child health centre)
service-of = Open preschool
service-soc = Preventive social services
service-other = Other party

principal-region = Region
principal-municipality = Municipality
principal-private_provider = Private provider
principal-non_profit = Non-profit organisation

class-familjecentral = Family centre
class-familjecentralsliknande = Family-centre-like unit
class-familjecentrerat_arbete = Family-centred work
class-undetermined = Cannot be assessed

colocation-inte_alls = Not at all
colocation-till_viss_del = Partly
colocation-till_stor_del = Largely
colocation-helt_och_hallet = Fully

rules-national = National definition (Socialstyrelsen)
rules-skane = Region Skåne's guideline
rules-custom = Custom rules

role-admin = System administrator
role-county-coordinator = County coordinator
role-local-coordinator = Local coordinator
role-reader = Reader

finding-shared-building = { $services } have their whole operation in the same building ({ $building }).
finding-alone = { $service } is alone in its building ({ $building }).
finding-branch = Only a branch of { $service } is here, not its whole ordinary operation.
finding-absent = { $service } is not part of the centre.
finding-location-unknown = Where { $service } works is not recorded.
finding-full-operation-unknown = Whether all of { $service } is on site is not recorded.
finding-entrance-not-shared = The rules require a shared entrance, but { $services } do not use it.
finding-entrance-unknown = The rules require a shared entrance; for { $services } it is not recorded.
finding-hours-below = The rules require { $required } hours of shared opening time a week; here it is { $hours }.
finding-hours-unknown = The rules require { $required } hours of shared opening time a week; the shared opening time is not recorded.
finding-no-units = No services are recorded for the centre.

login-title = Log in
login-email = E-mail address
login-password = Password
login-submit = Log in
login-failed = The e-mail address or the password is wrong. Try again.

home-title = Regions
home-no-regions = Your account has no access to any region yet. Contact the county coordinator.

overview-title = County overview – { $region }
overview-rules = Classification is computed by: { $rules }.
overview-summary = Count per class
overview-new-centre = New family centre
overview-show-closed = Show closed ones too
overview-hide-closed = Hide closed ones
overview-caption = Family centres, their services and classification
overview-col-centre = Family centre
overview-col-municipality = Municipality
overview-col-others = Other parties
overview-col-principals = Principals
overview-col-colocation = Co-location
overview-col-classification = Classification
overview-total = Total
overview-closed-on = closed { $date }
overview-unknown-note = For { $count } centre(s) the services are not recorded.

access-title = Access to family centres { $year }
access-lead = Children aged 0–6 per family centre in each municipality. A centre counts if it was open at some point during the year.
access-year = Year
access-show = Show
access-import = Import population numbers
access-caption = Children aged 0–6 per family centre, { $year }
access-col-municipality = Municipality
access-col-population = Population
access-col-children = Children 0–6
access-col-share = Share 0–6
access-col-centres = Family centres
access-col-per-centre = Children per centre
access-total = Whole region
access-no-centre = no family centre
access-incomplete = Population numbers are missing for some municipality this year; the total covers only municipalities with numbers.

centre-classification = Classification
centre-why = Why?
centre-possible = With the missing data it could be anything from { $low } to { $high }. Fill in the data below.
centre-rules-applied = Rules applied: { $rules }.
centre-facts = Details
centre-name = Name
centre-municipality = Municipality
centre-address = Address
centre-opened = Opened
centre-shared-hours = Shared opening time (hours a week)
centre-colocation = Co-location
centre-edit = Edit details
centre-close = Close the family centre
centre-units = Services
centre-no-units = No services are recorded.
centre-closed-notice = The centre closed on { $date }. It stays in the registry and its history.
centre-new-title = New family centre
centre-edit-title = Edit { $name }
centre-close-title = Close { $name }
centre-close-explanation = The centre is not deleted. It is marked as closed from the date below and stays in history and statistics.

unit-service = Service
unit-name = Name of the service
unit-principal = Principal
unit-principal-kind = Kind of principal
unit-principal-name = Principal's name
unit-building = Building or address
unit-shared-entrance = Shared entrance
unit-full-operation = Whole operation on site
unit-full-operation-question = Is the whole ordinary operation at the family centre?
unit-shared-entrance-question = Do visitors reach it through the centre's shared entrance?
unit-hours = Hours a week at the centre
unit-actions = Actions
unit-add = Add a service
unit-edit = Edit
unit-close = End
unit-closed-on = ended { $date }
unit-new-title = New service at { $centre }
unit-edit-title = Edit a service at { $centre }
unit-close-title = End { $service }
unit-close-explanation = The service is not deleted. From the date below it no longer counts as part of the centre.

close-date = From date
close-submit = Confirm

form-has-errors = Something needs fixing
form-choose = Choose …
form-save = Save
form-cancel = Cancel
hint-date = Write the date as YYYY-MM-DD, for example 2024-08-19.
hint-shared-hours = Hours a week when all services are open at the same time, for example 15 or 15.5. Leave empty if you don't know.
hint-hours = For example 20 or 7.5. Leave empty if you don't know.
hint-unit-name = For example "BVC Sävja". For another party: the party's name.
hint-building = Services in the same building count as co-located. Leave empty if you don't know.
hint-password = At least 10 characters. Needed only for new accounts.
hint-centres = Local coordinators only: choose one or more centres.

field-error-required = Fill in this field.
field-error-too-long = The text is too long.
field-error-invalid-date = Write a valid date as YYYY-MM-DD.
field-error-invalid-choice = Choose one of the options.
field-error-invalid-hours = Write hours a week between 0 and 168, for example 15.5.
field-error-other-needs-name = Write which party it is.
field-error-before-opening = The date cannot be before the start.
field-error-choose-one = Choose at least one option.
field-error-invalid-email = Write a valid e-mail address.
field-error-password-too-short = The password must have at least 10 characters.

flash-saved = Saved.
flash-closed = Marked as closed.
flash-rules-saved = The rules are saved and every centre of the region has been classified again.
flash-population-imported = { $count } lines of population numbers were imported.
flash-account-created = The account has been created.
flash-grant-added = The account already existed; the new access has been added.
flash-account-disabled = The account is blocked.
flash-account-enabled = The account is active again.
flash-access-revoked = The account's access to the region has been removed.

settings-title = Classification rules
settings-lead = The rules decide how the region's centres are classified. When you save, every centre is classified again at once.
settings-rule-set = Rule set
settings-national-hint = Family centre: all four base services co-located. Family-centre-like: child health care co-located with open preschool or social services.
settings-skane-hint = Like the national one, but family-centre-like needs child health care with open preschool. Both classes need a shared entrance and at least 15 hours of shared opening time a week.
settings-custom = Custom rules (used when "Custom rules" is chosen)
settings-partners-hint = Child health care together with at least one of these makes a family-centre-like unit:
settings-entrance = Require a shared entrance
settings-hours = Minimum shared opening time, hours a week (empty = no requirement)

population-title = Import population numbers
population-lead = Upload a CSV file with one line per municipality and year. The first line names the columns: municipality (code or name), year, population and children aged 0–6. If any line is wrong, nothing is imported.
population-file = CSV file
population-submit = Import
population-nothing-imported = Nothing was imported
population-column-municipality = municipality
population-column-year = year
population-column-total = population
population-column-children_0_6 = children 0–6
population-error-unreadable = Line { $line }: the line cannot be read.
population-error-missing-column = The column for { $column } is missing from the first line.
population-error-not-a-number = Line { $line }: { $column } must be a whole number, but is "{ $value }".
population-error-required = Line { $line }: { $column } is missing.
population-error-year-out-of-range = Line { $line }: the year { $value } is not plausible.
population-error-more-children-than-people = Line { $line }: more children ({ $value }) than inhabitants.
population-error-duplicate = Line { $line }: { $value } already appears earlier in the file for the same year.
population-error-empty = The file has no lines with numbers.
population-error-unknown-municipality = Line { $line }: the municipality "{ $value }" is not in the region.
population-error-ambiguous-municipality = Line { $line }: "{ $value }" matches several municipalities; use the code.

accounts-title = Accounts
accounts-caption = Accounts with access to the region
accounts-name = Name
accounts-email = E-mail address
accounts-roles = Roles
accounts-status = Status
accounts-active = Active
accounts-disabled = Blocked
accounts-disable = Block
accounts-enable = Activate
accounts-revoke = Remove access
accounts-new = New account or new access
accounts-password = Password
accounts-role = Role
accounts-centres = Family centres
accounts-create = Save account

audit-title = Change log
audit-lead = Every change in the region: who, when, what, and how it looked before and after.
audit-caption = Changes, newest first
audit-when = When (UTC)
audit-who = Who
audit-what = What
audit-record = Record
audit-change = Change
audit-before = Before
audit-after = After
audit-older = Older changes
audit-action-create = Created
audit-action-update = Changed
audit-action-close = Closed
audit-action-import = Imported
audit-action-grant = Granted access
audit-action-revoke = Removed access
audit-action-disable = Blocked
audit-action-enable = Activated
audit-action-password = Changed password
audit-action-token = Created API key
audit-entity-centre = Family centre
audit-entity-unit = Service
audit-entity-region = Region
audit-entity-user = Account
audit-entity-population = Population

error-status = Error code
error-back-home = To the start page
error-not-found = The page does not exist
error-not-found-detail = The address may be wrong, or the page has moved.
error-forbidden = You do not have access
error-forbidden-detail = Your account may not see or change this. Contact the county coordinator if you need access.
error-unauthorized = You need to log in
error-unauthorized-detail = Log in and try again.
error-csrf = The form could not be sent
error-csrf-detail = The form was too old or did not come from samverka. Go back, reload the page and try again.
error-bad-request = The request could not be understood
error-bad-request-detail = Check what you wrote and try again.
error-conflict = This cannot be done right now
error-conflict-detail = The data has changed, or the record is closed. Reload the page.
error-internal = Something went wrong on our side
error-internal-detail = The error has been logged. Try again in a while.

api-error-unauthorized = Give a valid API key in the header Authorization: Bearer … (create one with samverka user token).
api-error-forbidden = Your key gives no access to this.
api-error-not-found = There is no such record.
api-error-conflict = Such a record already exists.
api-error-internal = Something went wrong on our side. The error has been logged.
api-error-bad-json = The request's JSON could not be read
api-error-closed = The record is closed and cannot be changed.
