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
class-count-familjecentral = { $count ->
    [one] family centre
   *[other] family centres
}
class-count-familjecentralsliknande = { $count ->
    [one] family-centre-like unit
   *[other] family-centre-like units
}
class-count-familjecentrerat_arbete = with family-centred work
class-count-undetermined = cannot be assessed
class-undetermined = Cannot be assessed
rules-national = National definition (Socialstyrelsen)
rules-skane = Region Skåne's guideline
rules-custom = Custom rules
service-text-mhv = maternal health care (MHV)
service-text-bhv = child health care (BHV)
service-text-of = open preschool (ÖF)
service-text-soc = preventive social services (SOC)
list-and = and
list-or = or
rules-text-national = the national definition
rules-text-skane = Region Skåne's rules
rules-text-custom = the region's own rules
reason-line = { $class }: { $reason }.
reason-all-four = all four base services have their whole ordinary operation in the same building ({ $premises }), as a family centre needs under { $rules }
reason-like = child health care (BHV) shares a building with { $partners } ({ $premises }), which is enough for a family-centre-like unit under { $rules }; a family centre would also need { $missing } there
reason-like-entrance = child health care (BHV) shares a building and an entrance with { $partners } ({ $premises }), which is enough for a family-centre-like unit under { $rules }; a family centre would also need { $missing } there, behind the same entrance
reason-no-child-health = child health care (BHV) is not part of the centre, and without it there is neither a family centre nor a family-centre-like unit
reason-child-health-not-whole = only a branch of child health care (BHV) is here, but under { $rules } a family-centre-like unit needs its whole ordinary operation on site
reason-child-health-without-partner = child health care (BHV) does not share a building with { $partners }, which a family-centre-like unit needs under { $rules }
reason-entrance-not-shared = child health care (BHV) shares a building with { $partners } but not an entrance, and under { $rules } a family-centre-like unit needs one shared entrance
reason-hours-below = the services are open together { $hours } { $hours ->
        [one] hour
       *[other] hours
    } a week, but under { $rules } both classes need at least { $required } { $required ->
        [one] hour
       *[other] hours
    }
reason-missing-data = data that decides the class is missing (see below)
reason-no-base-service = none of the base services (maternal health care, child health care, open preschool, preventive social services) is recorded, and the class rests on exactly those
reason-no-units = no services are recorded for the centre
finding-shared-building = { $services } have their whole ordinary operation in the same building ({ $premises }).
finding-alone = { $service } is alone in its building ({ $premises }).
finding-branch = Only a branch of { $service } is here, not its whole ordinary operation.
finding-absent = { $service } is not part of the centre.
finding-location-unknown = Where { $service } works is not recorded.
finding-full-operation-unknown = For { $service } it is not recorded whether the whole ordinary operation is on site.
finding-entrance-not-shared = { $services } are in premises without the one shared entrance the rules require.
finding-entrance-unknown = For { $services } it is not recorded whether their premises have one shared entrance.
finding-hours-below = The rules require { $required } { $required ->
        [one] hour
       *[other] hours
    } of shared opening time a week; here it is { $hours }.
finding-hours-unknown = The rules require { $required } { $required ->
        [one] hour
       *[other] hours
    } of shared opening time a week; the shared opening time is not recorded.
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
access-caption-invented = Children aged 0–6 per family centre, { $year } (invented demo figures)
access-invented-all = The population figures for { $year } are invented demo figures, not official statistics.
access-invented-some = The population figures for { $year } are invented demo figures for { $names }, not official statistics.
access-col-municipality = Municipality
access-col-population = Population
access-col-children = Children 0–6
access-col-share = Share 0–6
access-col-centres = Family centres
access-col-per-centre = Children per centre
access-total = Whole region
access-no-centre = no family centre
access-no-numbers = There are no population numbers for this year, so no total can be computed.
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
unit-service = Service
unit-name = Name of the service
unit-principal = Principal
unit-principal-kind = Kind of principal
unit-principal-name = Principal's name
unit-premises = Premises
unit-full-operation = Whole operation on site
unit-full-operation-question = Is the whole ordinary operation at the family centre?
unit-premises-question = Which premises does the service work in?
unit-premises-hint = Services in the same premises count as co-located, however the premises are spelled. Pick one of the centre's premises or add new ones.
unit-premises-new = New premises (fill in below)
unit-premises-new-legend = New premises
unit-hours = Hours a week at the centre
unit-actions = Actions
unit-add = Add a service
unit-edit = Edit
unit-close = End
unit-closed-on = ended { $date }
unit-new-title = New service at { $centre }
unit-edit-title = Edit a service at { $centre }
unit-close-title = End { $service }
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
centre-reopen = Reopen the centre
centre-reopen-title = Reopen { $name }
centre-reopen-counts = The centre counts as open again, as if it had never closed: in the county overview, the classification and access.
centre-reopen-units = Units that were ended one by one stay ended; they can be reopened one at a time.
centre-close-kept = The centre is not deleted. It stays in the registry, the history and the statistics for the time it was open.
centre-close-counts = From the date on it no longer counts in the county overview or in access for later years.
centre-close-frozen = While it is closed, neither the centre nor its units can be changed.
centre-close-undo = If this was a mistake, the county coordinator can reopen it.
centre-close-confirm = Yes, close { $name }.
unit-reopen = Reopen
unit-reopen-title = Reopen { $service } at { $centre }
unit-reopen-counts = The unit counts as part of the centre again, and the classification is computed with it.
unit-close-kept = The unit is not deleted; it stays in the history.
unit-close-counts = From the date on it no longer counts as part of the centre, and the classification is computed without it.
unit-close-undo = If this was a mistake, the county coordinator can reopen it.
unit-close-confirm = Yes, end { $service } at { $centre }.
reopen-audit = The change is written to the audit trail under your name.
reopen-submit = Reopen
flash-reopened = Reopened.

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
premises-heading = Premises
premises-none = No premises are recorded.
premises-name = Name of the premises
premises-name-hint = For example "Sävjahuset". Each name only once per centre.
premises-address = Address
premises-address-hint = Street address, if you like. Leave empty if it is not needed.
premises-shared-entrance = One shared entrance
premises-shared-entrance-question = Do the premises have one shared entrance that visitors use for every service here?
premises-units = Services here
premises-no-units = none
premises-add = Add premises
premises-edit = Change
premises-new-title = New premises for { $centre }
premises-edit-title = Change the premises { $name }
premises-edit-note = The change applies to every service in these premises, and the classification is computed again.
