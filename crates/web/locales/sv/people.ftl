# samverka – personer, uppdrag, grupper, "Vem beslutar?" och kontaktlistan. Varje nyckel finns också i en/people.ftl.

## Uppdrag och grupptyper

people-kind-local_coordinator = Lokal samordnare
people-kind-management_member = Ledamot i ledningsgrupp
people-kind-management_chair = Ordförande i ledningsgrupp
people-kind-steering_member = Ledamot i styrgrupp
people-kind-preparation_member = Ledamot i beredningsgrupp
people-kind-county_steering_member = Ledamot i länets styrgrupp
people-kind-county_coordinator = Länssamordnare
people-kind-collaboration_strategist = Samverkansstrateg
people-kind-staff_member = Medarbetare i arbetsteamet

groups-kind-management = Ledningsgrupp
groups-kind-preparation = Beredningsgrupp
groups-kind-steering = Styrgrupp
groups-kind-county_steering = Länets styrgrupp
groups-kind-coordinator_network = Samordnarnätverk

## Personregistret

people-title = Personer
people-lead = Alla som har eller har haft ett uppdrag för familjecentralerna i regionen: samordnare, ledamöter i grupperna och medarbetare. Här syns vilka uppdrag var och en har i dag.
people-filter-kind = Visa personer med uppdraget
people-filter-all = Alla uppdrag
people-filter-show = Visa
people-add = Lägg till person
people-none = Det finns inga personer att visa.
people-caption = { $count ->
    [one] En person
   *[other] { $count } personer
}
people-name = Namn
people-current-assignments = Uppdrag i dag
people-email = E-post
people-phone = Telefon
people-employer = Arbetsgivare
people-employer-kind = Typ av arbetsgivare
people-employer-name = Arbetsgivarens namn
people-profession = Yrke
people-unit = Verksamhet
people-account = Inloggningskonto
people-no-account = Inget konto kopplat
people-no-unit = Ingen verksamhet vald
people-no-current = Inga pågående uppdrag.
people-since = sedan { $date }
people-erased-name = f.d. medlem
people-erased-details = Uppgifterna är raderade.
people-erased-notice = Personens uppgifter är raderade på begäran. Uppdragen finns kvar utan namn, så att antal och historik fortfarande stämmer.
people-where-county = Länsnivå

## En persons sida

people-details = Uppgifter
people-edit = Ändra uppgifter
people-export = Hämta alla uppgifter (JSON)
people-erase = Radera personuppgifter
people-current-heading = Pågående uppdrag
people-current-caption = Uppdrag som pågår nu eller börjar senare
people-ended-heading = Avslutade uppdrag
people-ended-caption = Uppdrag som har avslutats
people-no-ended = Inga avslutade uppdrag.
people-assignment = Uppdrag
people-where = Var
people-scope = Omfattning
people-from = Från
people-to = Till
people-status = Läge
people-introduction = Introduktion
people-until-further = tills vidare
people-status-current = Pågår
people-status-ended = Avslutat
people-status-planned = Börjar { $date }
people-share = { $percent } % av heltid
people-paid-by = betalas av { $payer }
people-hours-week = { $hours } tim/vecka
people-intro-done = Introducerad { $date }.
people-intro-late = Introducerad { $date }, efter sista dag { $due }.
people-intro-pending = Inte introducerad än – senast { $due }.
people-intro-overdue = Inte introducerad – sista dag { $due } har passerat.
people-intro-by-county_coordination = Länssamordningen ansvarar.
people-intro-by-local_coordinator = Lokal samordnare ansvarar.
people-intro-none = Ingen introduktion behövs
people-end-date = Slutdatum
people-end = Avsluta …
people-end-submit = Avsluta uppdraget

## Formulär för person

people-new-title = Lägg till person
people-edit-title = Ändra uppgifter för { $name }
people-form-lead = Kontaktuppgifterna visas bara för inloggade med behörighet i regionen. Fyll bara i det som behövs för uppdraget.
people-hint-phone = Till exempel 018-611 00 00 eller +46 70 123 45 67.
people-hint-profession = Till exempel barnmorska, förskollärare eller socionom.
people-hint-employer = Till exempel Region Uppsala eller Heby kommun.
people-hint-account = Bara om personen själv loggar in i samverka. De flesta har inget konto.

## Formulär för uppdrag

people-assignment-new-title = Nytt uppdrag för { $name }
people-assignment-kind-chosen = Uppdrag: { $kind }.
people-assignment-other-kind = Välj ett annat uppdrag
people-assignment-add = Lägg till uppdrag
people-hint-kind = Välj först vilket slags uppdrag det är; sedan visas de uppgifter som hör till det.
people-continue = Fortsätt
people-centre = Familjecentral
people-group = Grupp
people-network = Samordnarnätverk (valfritt)
people-no-network = Inget nätverk
people-no-groups = Det finns ingen grupp av det här slaget i regionen än. Lägg till gruppen först under Grupper.
people-share-label = Andel av heltid (procent)
people-hint-share = Ett heltal mellan 1 och 100, till exempel 50.
people-paid-by-label = Vem betalar tjänsten
people-hint-paid-by = Till exempel Region Uppsala eller kommunen.
people-hours-label = Timmar per vecka på familjecentralen
people-starts-on = Första dag
people-ends-on = Sista dag (valfritt)
people-hint-ends-on = Lämna tomt om uppdraget gäller tills vidare.
people-hint-chair-year = Ordförandeskapet roterar: ange normalt årets sista dag.

## Fel

people-error-invalid-phone = Skriv ett telefonnummer med siffror, till exempel 018-611 00 00.
people-error-invalid-percent = Skriv en andel mellan 1 och 100 procent.
people-error-end-before-start = Sista dagen kan inte vara före första dagen.
people-error-steering-needs-municipality = En styrgrupp hör till en kommun – välj vilken.

## Meddelanden

people-flash-created = Personen är tillagd.
people-flash-assignment-added = Uppdraget är sparat.
people-flash-assignment-ended = Uppdraget är avslutat. Det finns kvar i historiken.
people-flash-erased = Personuppgifterna är raderade. Uppdragen finns kvar som "f.d. medlem".

## Radering

people-erase-title = Radera personuppgifter för { $name }
people-erase-what = Så här går raderingen till:
people-erase-point-details = Namn, e-post, telefon, yrke och arbetsgivarens namn tas bort, och kopplingen till ett inloggningskonto tas bort.
people-erase-point-history = { $count ->
    [one] Personens enda uppdrag finns kvar under namnet "f.d. medlem", så att antalet ledamöter och närvaron stämmer.
   *[other] Personens { $count } uppdrag finns kvar under namnet "f.d. medlem", så att antalet ledamöter och närvaron stämmer.
}
people-erase-point-audit = Tidigare kopior av uppgifterna i ändringsloggen töms också.
people-erase-point-final = Raderingen går inte att ångra.
people-erase-export-first = Om personen har begärt ut sina uppgifter, hämta dem innan du raderar:
people-erase-submit = Radera uppgifterna

## Grupper

groups-title = Grupper
groups-lead = Grupperna som styr familjecentralerna: styrgrupp per kommun, ledningsgrupp per familjecentral, beredningsgrupper, länets styrgrupp och samordnarnätverket. För varje grupp syns vilka familjecentraler den styr.
groups-add = Lägg till grupp
groups-section-steering = Styrgrupper
groups-section-management = Ledningsgrupper
groups-section-preparation = Beredningsgrupper
groups-section-county_steering = Länets styrgrupp
groups-section-coordinator_network = Samordnarnätverk
groups-lead-steering = En styrgrupp per kommun. Ibland fungerar kommunens forum för hälsa och vård som styrgrupp.
groups-lead-management = Närmaste chefer för familjecentralens verksamheter. Ordförandeskapet roterar årsvis.
groups-lead-preparation = Bereder ärenden till en styrgrupp.
groups-lead-county_steering = Styr samverkan på länsnivå.
groups-lead-coordinator_network = Länssamordnarnas nätverk för de lokala samordnarna.
groups-none-of-kind = Ingen grupp av det här slaget är registrerad.
groups-name = Namn
groups-kind = Typ av grupp
groups-municipality = Kommun
groups-governs = Styr familjecentralerna
groups-governs-none = Ingen familjecentral angiven
groups-reports-to = Rapporterar till
groups-reports-to-none = Ingen grupp angiven
groups-reported-by = Grupper som rapporterar hit
groups-members-now = Ledamöter i dag
groups-health-forum-mark = Forum för hälsa och vård som styrgrupp
groups-closed-on = Upplöst { $date }
groups-about = Om gruppen
groups-chair-of-year = Ordförande { $year }
groups-no-chair = Ingen ordförande är utsedd för { $year } – uppgift saknas.
groups-meetings = Möten
groups-decisions = Beslutslogg
groups-edit = Ändra gruppen
groups-members-heading = Ledamöter i dag
groups-members-caption = { $count ->
    [one] En ledamot i dag
   *[other] { $count } ledamöter i dag
}
groups-no-members = Inga ledamöter är registrerade just nu.
groups-past-heading = Tidigare ledamöter
groups-past-caption = Tidigare ledamöter, senast avgångna först
groups-no-past = Inga tidigare ledamöter.
groups-role = Roll
groups-new-title = Lägg till grupp
groups-edit-title = Ändra { $name }
groups-hint-name = Till exempel "Styrgrupp familjecentraler Heby".
groups-hint-municipality = Krävs för en styrgrupp.
groups-no-municipality = Ingen kommun
groups-health-forum-label = Kommunens forum för hälsa och vård fungerar som styrgrupp
groups-hint-health-forum = Gäller bara styrgrupper.
groups-hint-reports-to = En ledningsgrupp rapporterar normalt till kommunens styrgrupp.
groups-hint-centres = Kryssa för de familjecentraler som gruppen styr.
groups-flash-created = Gruppen är tillagd.

## Vem beslutar?

who-link = Vem beslutar?
who-title = Vem beslutar för { $centre }?
who-lead = Kedjan från familjecentralen till länet: den lokala samordnaren, ledningsgruppen, styrgruppen och länsnivån, med kontaktuppgifter. Där något saknas står det uttryckligen.
who-centre-closed = Familjecentralen är nedlagd sedan { $date }.
who-step-centre = Familjecentralen och lokal samordnare
who-step-management = Ledningsgrupp
who-step-steering = Styrgrupp
who-step-county = Länsnivå
who-local-coordinators = Lokal samordnare
who-coordinators-caption = Lokala samordnare för { $centre }
who-no-coordinator = Ingen lokal samordnare är registrerad för familjecentralen – uppgift saknas.
who-no-management = Ingen ledningsgrupp är registrerad för familjecentralen – uppgift saknas. Länssamordnaren kan lägga till den under Grupper.
who-no-steering = Ingen styrgrupp är kopplad till familjecentralen eller dess ledningsgrupp – uppgift saknas.
who-no-members = Inga ledamöter är registrerade – uppgift saknas.
who-no-chair = ingen ordförande är utsedd för { $year } – uppgift saknas
who-chair-ended = { $name } (till { $date })
who-members-of = Ledamöter i { $group }
who-no-county-group = Ingen styrgrupp på länsnivå är registrerad – uppgift saknas.
who-county-coordinators = Länssamordnare
who-no-county-coordinator = Ingen länssamordnare är registrerad – uppgift saknas.
who-strategists = Samverkansstrateger
who-share = Andel av heltid
who-paid-by = Betalas av

## Kontaktlistan

contacts-heading = Hämta kontaktlistan
contacts-kind = Kontaktlista för
contacts-all-kinds = Alla grupper och samordnare
contacts-download-csv = Hämta CSV
contacts-download-xlsx = Hämta Excel
contacts-file-name = kontaktlista
contacts-sheet-name = Kontakter
contacts-column-region = Region
contacts-column-municipality = Kommun
contacts-column-centres = Familjecentral
contacts-column-group = Grupp
contacts-column-group-kind = Typ av grupp
contacts-column-role = Roll
contacts-column-name = Namn
contacts-column-email = E-post
contacts-column-phone = Telefon
contacts-column-employer = Arbetsgivare
contacts-column-since = Sedan
