# samverka – personer, uppdrag, grupper, "Vem beslutar?" och kontaktlistan. Varje nyckel finns också i en/people.ftl.

## Uppdrag och grupptyper

people-kind-local_coordinator = Lokal samordnare
people-kind-management_member = Ledamot i ledningsgrupp
people-kind-management_chair = Ordförande i ledningsgrupp
people-kind-steering_member = Ledamot i styrgrupp
people-kind-preparation_member = Ledamot i beredningsgrupp
people-kind-county_steering_member = Ledamot i länsövergripande styrgrupp
people-kind-county_coordinator = Länssamordnare
people-kind-collaboration_strategist = Samverkansstrateg
people-kind-staff_member = Medarbetare i arbetsteamet

groups-kind-management = Ledningsgrupp
groups-kind-preparation = Beredningsgrupp
groups-kind-steering = Styrgrupp
groups-kind-county_steering = Länsövergripande styrgrupp
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
groups-lead = Grupperna som styr familjecentralerna: styrgrupp per kommun, ledningsgrupp per familjecentral, beredningsgrupper, den länsövergripande styrgruppen och samordnarnätverket. För varje grupp syns vilka familjecentraler den styr.
groups-add = Lägg till grupp
groups-section-steering = Styrgrupper
groups-section-management = Ledningsgrupper
groups-section-preparation = Beredningsgrupper
groups-section-county_steering = Länsövergripande styrgrupp
groups-section-coordinator_network = Samordnarnätverk
groups-lead-steering = En styrgrupp per kommun. Ibland fungerar kommunens forum för hälsa och vård som styrgrupp.
groups-lead-management = Närmaste chefer för familjecentralens verksamheter. Ordförandeskapet roterar årsvis.
groups-lead-preparation = Bereder ärenden till en styrgrupp.
groups-lead-county_steering = Styr samverkan på länsnivå.
groups-lead-coordinator_network = Samordnarnätverket, som länssamordnaren håller för de lokala samordnarna.
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
groups-starts-on = Startdatum
groups-hint-starts-on = Den dag gruppen började arbeta. Signalerna bedömer bara den del av ett år då gruppen fanns; lämna tomt om det inte är känt.
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

# samverka – möten, protokoll och beslut (svenska). Varje nyckel finns också i en/meetings.ftl.

meetings-title = Möten – { $group }
meetings-back-to-group = Till gruppen
meetings-decision-log = Gruppens beslutslogg
meetings-new = Lägg in ett möte
meetings-none = Inga möten är registrerade för gruppen ännu.
meetings-caption = Gruppens möten, det senaste först

meeting-title = { $group }, möte { $date }
meeting-new-title = Nytt möte – { $group }
meeting-edit-title = Ändra mötet { $date } – { $group }
meeting-back = Alla möten i { $group }
meeting-group = Grupp
meeting-date = Datum
meeting-status = Status
meeting-status-planned = Planerat
meeting-status-held = Genomfört
meeting-status-cancelled = Inställt
meeting-agenda = Dagordning
meeting-agenda-hint = En punkt per rad.
meeting-agenda-none = Ingen dagordning är inlagd.
meeting-attendance = Närvaro
meeting-attendance-hint = Markera för varje ledamot om hen var där, hade anmält förhinder eller uteblev utan att höra av sig.
meeting-attendance-caption = Ledamöter { $date } och deras närvaro
meeting-attendance-present = Närvarande
meeting-attendance-absent = Frånvarande
meeting-attendance-excused = Anmält förhinder
meeting-attendance-unknown = Inte registrerat
meeting-attendance-summary = { $present } närvarande, { $excused } med anmält förhinder, { $absent } frånvarande och { $unknown } utan registrering – av { $members } ledamöter.
meeting-no-members = Ingen hade plats i gruppen det datumet.
meeting-col-name = Namn
meeting-col-role = Uppdrag
meeting-col-employer = Arbetsgivare och verksamhet
meeting-col-attendance = Närvaro
meeting-role-member = Ledamot
meeting-role-chair = Ordförande
meeting-role-not-seated = Hade ingen plats i gruppen det datumet
meeting-minutes = Protokoll
meeting-minutes-hint = Skriv protokollet i Markdown: # för rubrik, - för punktlista, **fet stil**. Det syns för familjecentralernas samordnare och ledningsgrupper först när du publicerar det.
meeting-minutes-none = Inget protokoll är skrivet.
meeting-minutes-draft = Skrivet, inte publicerat
meeting-minutes-published-on = Publicerat { $date }
meeting-minutes-not-published = Protokollet är inte publicerat ännu.
meeting-edit = Ändra mötet
meeting-publish = Publicera protokollet
meeting-publish-hint = När protokollet publiceras får de lokala samordnarna och ledningsgrupperna för de familjecentraler gruppen styr ett meddelande via e-post.
meeting-publish-refused = Protokollet publicerades inte
meeting-publish-not-held = Bara protokoll från genomförda möten kan publiceras. Ändra mötets status först.
meeting-publish-no-minutes = Det finns inget protokoll att publicera. Skriv protokollet först.
meeting-decisions = Beslut
meeting-decisions-none = Inga beslut är registrerade för mötet.
meeting-flash-created = Mötet är inlagt.
meeting-flash-published = Protokollet är publicerat. { $count } { $count ->
        [one] person
       *[other] personer
    } får ett meddelande via e-post.
meeting-flash-decision = Beslutet är registrerat.
field-error-meeting-held-in-future = Ett genomfört möte kan inte ha ett datum framåt i tiden. Välj status Planerat eller ändra datumet.

meeting-notice-subject = Nytt protokoll från { $group } ({ $date })
meeting-notice-body =
    Hej!

    Protokollet från mötet i { $group } den { $date } finns nu att läsa i samverka:
    { $link }

    Du får det här meddelandet för att du är lokal samordnare eller sitter i ledningsgruppen för en familjecentral som { $group } styr.

    Det här är ett automatiskt meddelande från samverka och går inte att svara på.

decision-add = Registrera ett beslut
decision-category = Kategori
decision-text = Vad beslutades?
decision-centres = Familjecentraler som beslutet gäller
decision-centres-hint = Markera de familjecentraler beslutet berör. Lämna tomt om det gäller alla eller ingen särskild.
decision-save = Spara beslutet
decision-concerns = Gäller: { $centres }
decision-category-agreement_change = Ändrad samverkansöverenskommelse
decision-category-budget_change = Ändrad budget
decision-category-new_centre = Ny familjecentral
decision-category-matter_from_group = Ärende från ledningsgrupp eller beredningsgrupp
decision-category-activity_plan_adopted = Verksamhetsplan fastställd
decision-category-annual_report_received = Verksamhetsberättelse mottagen
decision-category-other = Övrigt

decisions-region-title = Beslut – { $region }
decisions-region-lead = Alla beslut som grupperna i regionen har fattat, det senaste först.
decisions-group-title = Beslut – { $group }
decisions-group-lead = Gruppens beslut, det senaste först.
decisions-centre-title = Beslut om { $centre }
decisions-centre-lead = Beslut som gäller familjecentralen, oavsett vilken grupp som fattade dem.
decisions-year = År
decisions-all-years = Alla år
decisions-all-categories = Alla kategorier
decisions-filter = Visa
decisions-none = Inga beslut passar urvalet.
decisions-caption = { $count } beslut
decisions-col-date = Mötesdatum
decisions-col-group = Grupp
decisions-col-text = Beslut
decisions-col-centres = Gäller

# Signaler, ärenden, introduktion och regionens styrningsregler (svenska).
# Varje nyckel finns också i en/signals.ftl.

## Signalernas namn: kort rubrik och fullt namn

sig-short-management_meetings = LG-möten
sig-name-management_meetings = Ledningsgruppen har hållit sina möten
sig-short-steering_meetings = SG-möten
sig-name-steering_meetings = Kommunens styrgrupp finns och har hållit sina möten
sig-short-coordinator_appointed = Samordnare
sig-name-coordinator_appointed = Lokal samordnare med regionens tjänsteandel varje dag
sig-short-chair_appointed = Ordförande
sig-name-chair_appointed = Ledningsgruppen har en ordförande för året
sig-short-minutes_published = Protokoll
sig-name-minutes_published = Protokollen publicerades inom regionens tidsgräns
sig-short-introductions_in_time = Introduktion
sig-name-introductions_in_time = Nya personer introducerades inom regionens tidsgräns
sig-short-matters_answered = Ärenden
sig-name-matters_answered = Ärenden till styrgruppen besvarades inom regionens tidsgräns

## Nivåer: alltid text och symbol, aldrig bara färg

sig-level-green = Uppfyllt
sig-level-yellow = Delvis
sig-level-red = Inte uppfyllt
sig-level-unknown = kan inte bedömas
sig-legend = Teckenförklaring
sig-legend-green = riktlinjen följs.
sig-legend-yellow = riktlinjen följs bara delvis, eller kan fortfarande hinnas med i år.
sig-legend-red = riktlinjen följs inte.
sig-legend-unknown = uppgifter saknas, så signalen gissas inte fram.

## Skälen i ord

sig-reason-no_group = Ingen grupp som ansvarar för detta är registrerad.
sig-reason-no_governance_data = Inget om styrningen av familjecentralen är registrerat ännu.
sig-reason-meetings = Möten hållna med ledamöterna: { $held } av { $required } som krävs.
sig-reason-meetings-planned = { $planned ->
    [one] Ett möte till är planerat.
   *[other] { $planned } möten till är planerade.
    }
sig-reason-coordinator_share = Den lokala samordnaren har { $percent } procent av en heltid.
sig-reason-coordinator_without_share = En lokal samordnare är utsedd, men ingen tjänsteandel är registrerad.
sig-reason-no_coordinator = Ingen lokal samordnare är utsedd under året.
sig-reason-chair = Ledningsgruppen har en utsedd ordförande under året.
sig-reason-no_chair = Ingen ordförande är utsedd för ledningsgruppen under året.
sig-reason-no_held_meetings = Inga möten hölls under året, så det finns inga protokoll att bedöma.
sig-reason-minutes = Protokoll från hållna möten ({ $held }): publicerade i tid { $in_time }, publicerade sent { $late }, saknas fast tiden gått ut { $missing }.
sig-reason-nothing_to_introduce = Ingen ny i sin roll behövde introduceras under året.
sig-reason-introductions = Personer nya i sin roll som skulle introduceras: { $due }. I tid: { $in_time }, sent: { $late }, ännu inte gjorda fast tiden gått ut: { $overdue }.
sig-reason-no_matters = Inga ärenden har lyfts till styrgruppen.
sig-reason-matters = Ärenden till styrgruppen: { $raised }. Besvarade efter tidsgränsen: { $late }. Väntar fortfarande efter tidsgränsen: { $overdue }.
sig-short-management_composition = LG-sammansättning
sig-name-management_composition = Ledningsgruppen har en chef från varje basverksamhet
sig-reason-no_steering_group = Kommunen har ingen styrgrupp som styr familjecentralen.
sig-reason-year_not_begun = Året har inte börjat.
sig-reason-group_not_in_year = Gruppen fanns inte under året.
sig-reason-before_records = Inget är registrerat för gruppen under året eller tidigare, så året kan inte bedömas.
sig-reason-period_too_short = Gruppen fanns för kort del av året för att något möte skulle krävas.
sig-reason-meetings-part = Riktlinjen kräver { $per_year } per år; bara den del av året som gruppen fanns och det finns uppgifter för räknas.
sig-reason-meetings-without-members = { $count ->
    [one] Ett möte räknas inte, eftersom för få ledamöter var med.
   *[other] { $count } möten räknas inte, eftersom för få ledamöter var med.
    }
sig-reason-meetings-attendance-unknown = { $count ->
    [one] Närvaron är inte registrerad för ett av mötena.
   *[other] Närvaron är inte registrerad för { $count } av mötena.
    }
sig-reason-no_base_service = Familjecentralen har ingen öppen basverksamhet, så ledningsgruppens sammansättning kan inte bedömas.
sig-reason-managers-complete = Varje basverksamhet på familjecentralen har en chef i ledningsgruppen.
sig-reason-managers-missing = Ingen chef i ledningsgruppen från { $services }.
sig-reason-managers-unplaced = { $count ->
    [one] En chef i gruppen saknar registrerad verksamhet.
   *[other] { $count } chefer i gruppen saknar registrerad verksamhet.
    }
sig-reason-managers-absent = { $times ->
    [one] Chefer från { $service } var borta oftast, en gång under året.
   *[other] Chefer från { $service } var borta oftast, { $times } gånger under året.
    }
sig-reason-coordinator-minimum = Regionen kräver minst { $minimum } procent varje dag.
sig-reason-coordinator-any = Regionen kräver ingen viss andel.
sig-reason-coordinator-below = { $days ->
    [one] Under en dag av året var andelen lägre (som lägst { $lowest } procent).
   *[other] Under { $days } dagar av året var andelen lägre (som lägst { $lowest } procent).
    }
sig-reason-coordinator_funding = Parterna finansierar inte samordnaren lika, vilket regionen kräver: { $payers }.
sig-reason-chair-flagged = Ledningsgruppen har en ordförande, men { $flags }.
sig-chair-flag-open_ended = uppdraget har inget slutdatum eller gäller längre än ett år
sig-chair-flag-same_as_last_year = samma person var ordförande även året innan
sig-chair-flag-is_coordinator = ordföranden är familjecentralens lokala samordnare
sig-source-guideline = Kravet står i riktlinjen.
sig-source-region = Tidsgränsen { $days } { $days ->
        [one] dag
       *[other] dagar
    } är regionens eget val, inte riktlinjens.
sig-service-mhv = mödrahälsovården (MHV)
sig-service-bhv = barnhälsovården (BHV)
sig-service-of = öppna förskolan (ÖF)
sig-service-soc = den förebyggande socialtjänsten (SOC)

## Sidan med signaler

sig-title = Signaler för styrningen – { $region }
sig-lead = Signalerna räknas fram ur det som är registrerat om grupper, möten, uppdrag, introduktioner och ärenden, mot regionens regler. Där uppgifter saknas visas ingen bedömning.
sig-year = År
sig-show = Visa
sig-centres-caption = Familjecentralernas signaler { $year }
sig-groups-caption = Gruppernas signaler { $year }
sig-summary-caption = Sammanställning per signal { $year }
sig-col-centre = Familjecentral
sig-col-group = Grupp
sig-col-kind = Slag
sig-col-signal = Signal
sig-col-source = Kravet kommer från
sig-without-steering = Kommuner med familjecentraler men utan styrgrupp:
sig-col-meetings = Möten
sig-col-minutes = Protokoll
sig-no-centres = Regionen har inga öppna familjecentraler.
sig-no-groups = Inga ledningsgrupper eller styrgrupper är registrerade.
sig-rules = Enligt riktlinjen: minst { $management } { $management ->
        [one] möte
       *[other] möten
    } om året för ledningsgrupper och { $steering } för styrgrupper. Regionens egna val: protokoll inom { $minutes } { $minutes ->
        [one] dag
       *[other] dagar
    }, introduktion inom { $intro } { $intro ->
        [one] dag
       *[other] dagar
    }, svar på ärenden inom { $matters } { $matters ->
        [one] dag
       *[other] dagar
    } (0 betyder att regeln är avstängd).
sig-centre-heading = Signaler för styrningen { $year }
sig-centre-more = Alla familjecentralers signaler
sig-overview-heading = Signaler för styrningen { $year }
sig-overview-caption = Familjecentraler, deras verksamheter, klassning och signaler för styrningen { $year }
sig-overview-more = Signalerna med förklaringar
sig-group-kind-management = Ledningsgrupp
sig-group-kind-preparation = Beredningsgrupp
sig-group-kind-steering = Styrgrupp
sig-group-kind-county_steering = Länsövergripande styrgrupp
sig-group-kind-coordinator_network = Samordnarnätverk

## Ärenden

matter-status-draft = Utkast
matter-status-submitted = Inskickat till styrgruppen
matter-status-on_agenda = På dagordningen
matter-status-decided = Beslutat
matter-status-reported_back = Återrapporterat
matter-list-title = Ärenden till styrgrupperna – { $region }
matter-list-lead = Ärenden som ledningsgrupper och beredningsgrupper lyfter till sin styrgrupp. Ett ärende som väntat längre än { $days } { $days ->
        [one] dag
       *[other] dagar
    } på styrgruppen markeras.
matter-list-caption = Ärenden
matter-col-title = Ärende
matter-col-status = Läge
matter-col-from = Lyft av
matter-col-to = Till
matter-col-submitted = Inskickat
matter-col-waiting = Dagar hos styrgruppen
matter-col-flag = Tidsgräns
matter-flag-late = ⚠ Har väntat för länge
matter-flag-ok = Inom tidsgränsen
matter-none = Inga ärenden är registrerade.
matter-raise-from = Lyft ett ärende från { $group }
matter-raise-heading = Lyft ett nytt ärende
matter-no-group = ingen grupp
matter-new-title = Nytt ärende från { $group }
matter-field-title = Rubrik
matter-field-body = Vad ska styrgruppen ta ställning till?
matter-field-to = Styrgrupp
matter-hint-to = Styrgruppen som gruppen rapporterar till, eller en som styr samma familjecentral.
matter-no-targets = Ingen styrgrupp är kopplad till gruppen, så ärenden kan inte lyftas härifrån ännu.
matter-path = Ärendets väg
matter-path-caption = Steg, datum och vem som tog steget
matter-col-step = Steg
matter-col-date = Datum
matter-col-person = Av
matter-col-note = Anteckning
matter-not-yet = ännu inte
matter-no-person = ingen person kopplad till kontot
matter-decision = Beslut
matter-body = Beskrivning
matter-next = Nästa steg
matter-advance-submitted = Skicka till styrgruppen
matter-advance-on_agenda = Sätt upp på dagordningen
matter-advance-decided = Registrera beslutet
matter-advance-reported_back = Markera som återrapporterat
matter-field-decision = Styrgruppens beslut
matter-hint-decision = Välj beslutet som besvarar ärendet. Besluten registreras på styrgruppens möten.
matter-no-decisions = Styrgruppen har inga registrerade beslut ännu. Registrera beslutet på mötet först.
matter-field-note = Anteckning (valfri)
matter-done = Ärendet är återrapporterat och avslutat.
matter-waiting-days = Har väntat { $days } { $days ->
        [one] dag
       *[other] dagar
    } hos styrgruppen.
matter-waited-days = Väntade { $days } { $days ->
        [one] dag
       *[other] dagar
    } hos styrgruppen.
matter-flash-created = Ärendet är sparat som utkast.
matter-flash-advanced = Ärendet har gått vidare: { $status }.
field-error-matter-no-decision = Välj styrgruppens beslut.

## Introduktion

intro-title = Introduktion av nya personer – { $region }
intro-lead = Nya uppdrag som ska följas av en introduktion inom { $days } { $days ->
        [one] dag
       *[other] dagar
    }, grupperade efter vem som ansvarar. Uppdrag som började från och med { $since } visas.
intro-county = Länssamordningen
intro-local = Lokal samordnare för { $centre }
intro-local-unknown = Lokal samordnare (familjecentral saknas)
intro-caption = Nya uppdrag som väntar på introduktion – { $responsible }
intro-none = Alla nya personer är introducerade.
intro-col-person = Person
intro-col-assignment = Uppdrag
intro-col-where = Var
intro-col-starts = Började
intro-col-due = Senast
intro-col-state = Läge
intro-state-overdue = ⚠ Försenad
intro-state-pending = Väntar
intro-overdue-count = Försenade: { $count }
intro-sessions = Senaste introduktionstillfällen
intro-sessions-caption = Introduktionstillfällen
intro-col-held-on = Datum
intro-col-title = Rubrik
intro-col-held-by = Hölls av
intro-col-participants = Deltagare
intro-no-sessions = Inga introduktionstillfällen är registrerade.
intro-record = Registrera ett introduktionstillfälle
intro-new-title = Registrera introduktionstillfälle
intro-field-held-on = Datum
intro-hint-held-on = ÅÅÅÅ-MM-DD
intro-field-held-by = Hölls av
intro-field-title = Rubrik
intro-field-participants = Deltagare
intro-hint-participants = Kryssa för de nya uppdrag vars personer deltog.
intro-no-candidates = Det finns ingen som väntar på introduktion som du kan registrera.
intro-candidate = { $person } – { $assignment }, { $where } (senast { $due })
intro-nobody = inte angivet
intro-flash-saved = Introduktionstillfället är registrerat.
intro-kind-local_coordinator = Lokal samordnare
intro-kind-management_member = Ledamot i ledningsgrupp
intro-kind-management_chair = Ordförande i ledningsgrupp
intro-kind-steering_member = Ledamot i styrgrupp
intro-kind-preparation_member = Ledamot i beredningsgrupp
intro-kind-county_steering_member = Ledamot i länsövergripande styrgrupp
intro-kind-county_coordinator = Länssamordnare
intro-kind-collaboration_strategist = Samverkansstrateg
intro-kind-staff_member = Medarbetare i arbetsteamet
field-error-intro-date-future = Datumet kan inte ligga i framtiden.

## Regionens styrningsregler

govset-heading = Regler för styrningen
govset-min-management = Minsta antal möten per år för en ledningsgrupp
govset-min-steering = Minsta antal möten per år för en styrgrupp
govset-minutes-days = Protokoll ska publiceras inom (dagar efter mötet)
govset-intro-days = Nya personer ska introduceras inom (dagar efter start)
govset-matter-days = Ärenden ska besvaras inom (dagar efter att de skickats in)
govset-hint = Ett heltal från 0 till 365.
govset-lead = Reglerna styr signalerna. En del står i regionens riktlinje, andra är regionens egna val för uppföljningen; formuläret säger vilka.
govset-quorum = Minsta antal chefer som ska delta för att ett ledningsgruppsmöte ska räknas
govset-coordinator-percent = Lokal samordnares minsta tjänsteandel (procent av heltid)
govset-hint-guideline = Står i riktlinjen. Ett heltal från 0 till 365.
govset-hint-region = Regionens eget val, inte riktlinjens. Ett heltal från 0 till 365; 0 stänger av regeln.
govset-hint-quorum = Ett heltal från 1 till 20. Ett möte som färre chefer deltog i räknas inte som hållet.
govset-hint-percent = Står i riktlinjen (Uppsala: 20). Ett heltal från 0 till 100; 0 betyder att ingen viss andel krävs.
govset-flags-legend = Det här ska flaggas
govset-equal-funding = Parterna ska finansiera samordnaren lika (som i Skåne)
govset-chair-one-year = En ordförande utses för ett år i taget
govset-chair-rotates = Samma person ska inte vara ordförande två år i rad
govset-chair-not-coordinator = Den lokala samordnaren ska inte vara ordförande
govset-introducers-legend = Vem introducerar den som är ny i sin roll?
govset-introducer-coordinator = Nya lokala samordnare
govset-introducer-manager = Nya chefer i en ledningsgrupp
govset-introducer-steering = Nya ledamöter i en styrgrupp eller beredningsgrupp
govset-introducer-staff = Ny personal på en familjecentral
govset-responsible-county_coordination = Länssamordningen
govset-responsible-steering_group = Styrgruppen
govset-responsible-local_coordinator = Den lokala samordnaren
people-intro-by-steering_group = Styrgruppen ansvarar.
govset-save = Spara reglerna för styrningen
govset-flash-saved = Reglerna för styrningen är sparade. Signalerna räknas om efter dem.
field-error-gov-number = Skriv ett heltal från 0 till 365.
field-error-gov-quorum = Skriv ett heltal från 1 till 20.
field-error-gov-percent = Skriv ett heltal från 0 till 100.
people-erase-point-minutes = Protokoll står kvar som de skrevs: står personens namn i ett protokoll finns det kvar där.
meeting-publish-already-published = Protokollet är redan publicerat.
