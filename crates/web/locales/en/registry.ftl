# The registry – messages in English.

service-mhv = Maternal health care (midwife clinic)
service-bhv = Child health care (child health centre)
service-of = Open preschool
service-soc = Preventive social services
service-other = Other party
principal-region = Region
principal-municipality = Municipality
class-familjecentral = Family centre
class-familjecentralsliknande = Family-centre-like unit
class-undetermined = Cannot be assessed
rules-national = National definition (Socialstyrelsen)
rules-skane = Region Skåne's guideline
rules-custom = Custom rules
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
centre-decisions-link = Decisions about the centre
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
flash-saved = Saved.
flash-closed = Marked as closed.
flash-rules-saved = The rules are saved and every centre of the region has been classified again.
flash-population-imported = { $count ->
        [one] 1 line
       *[other] { $count } lines
    } of population numbers imported.
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
population-error-number-too-large = Line { $line }: { $column } is "{ $value }", which is impossibly large (at most 10,000,000).
principal-private_provider = Private provider
principal-non_profit = Non-profit organisation
class-familjecentrerat_arbete = Family-centred work
colocation-inte_alls = Not at all
colocation-till_viss_del = Partly
colocation-till_stor_del = Largely
colocation-helt_och_hallet = Fully

overview-unknown-note = { $count ->
    [one] The services of 1 centre are not recorded.
   *[other] The services of { $count } centres are not recorded.
}
overview-count = { $count ->
    [0] No centre is shown.
    [one] 1 centre is shown.
   *[other] { $count } centres are shown.
}
overview-filtered = { $count ->
    [one] The filter shows { $shown } of 1 centre.
   *[other] The filter shows { $shown } of { $count } centres.
}
overview-printed-on = Printed { $date }
overview-filters = Choose which centres are shown
overview-filter-all-classes = All classes
overview-filter-all-municipalities = All municipalities
overview-filter-signal = Signals
overview-filter-signal-any = All, whatever the signals
overview-filter-signal-red = Only those with a red signal
overview-filter-signal-unknown = Only those where something cannot be assessed
overview-filter-apply = Show
overview-filter-clear = Show all again
overview-signals-met = Signals met
overview-services-caption = Services and principals (counted as in the county's follow-up)
overview-run-by-other = No, run by { $party }
overview-counting-note = A base service counts only when the region or the municipality runs it, as the county's follow-up counts. When someone else runs it, for example the Church of Sweden, it is listed among the other parties with who runs it.
overview-signals-caption = Classification and governance signals { $year }
