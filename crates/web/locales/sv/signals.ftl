# Signaler, ärenden, introduktion och regionens styrningsregler (svenska).
# Varje nyckel finns också i en/signals.ftl.

## Signalernas namn: kort rubrik och fullt namn

sig-short-management_meetings = LG-möten
sig-name-management_meetings = Ledningsgruppen har hållit sina möten
sig-short-steering_meetings = SG-möten
sig-name-steering_meetings = Styrgruppen har hållit sina möten
sig-short-coordinator_appointed = Samordnare
sig-name-coordinator_appointed = Lokal samordnare utsedd med tjänsteandel
sig-short-chair_appointed = Ordförande
sig-name-chair_appointed = Ledningsgruppen har en ordförande för året
sig-short-minutes_published = Protokoll
sig-name-minutes_published = Protokollen publicerades i tid
sig-short-introductions_in_time = Introduktion
sig-name-introductions_in_time = Nya personer introducerades i tid
sig-short-matters_answered = Ärenden
sig-name-matters_answered = Ärenden till styrgruppen besvarades i tid

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
sig-reason-meetings = Hållna möten under året: { $held }. Riktlinjen kräver minst { $required }.
sig-reason-meetings-planned = Hållna möten under året: { $held }, och { $planned } till är planerade. Riktlinjen kräver minst { $required }.
sig-reason-coordinator_share = En lokal samordnare är utsedd, sammanlagt { $percent } procent av en heltid.
sig-reason-coordinator_without_share = En lokal samordnare är utsedd, men ingen tjänsteandel är registrerad.
sig-reason-no_coordinator = Ingen lokal samordnare är utsedd under året.
sig-reason-chair = Ledningsgruppen har en utsedd ordförande under året.
sig-reason-no_chair = Ingen ordförande är utsedd för ledningsgruppen under året.
sig-reason-no_held_meetings = Inga möten hölls under året, så det finns inga protokoll att bedöma.
sig-reason-minutes = Protokoll från hållna möten ({ $held }): publicerade i tid { $in_time }, publicerade sent { $late }, saknas fast tiden gått ut { $missing }.
sig-reason-nothing_to_introduce = Ingen ny person behövde introduceras under året.
sig-reason-introductions = Nya uppdrag som skulle få introduktion: { $due }. I tid: { $in_time }, sent: { $late }, ännu inte gjorda fast tiden gått ut: { $overdue }.
sig-reason-no_matters = Inga ärenden har lyfts till styrgruppen.
sig-reason-matters = Ärenden till styrgruppen: { $raised }. Besvarade efter tidsgränsen: { $late }. Väntar fortfarande efter tidsgränsen: { $overdue }.

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
sig-col-meetings = Möten
sig-col-minutes = Protokoll
sig-no-centres = Regionen har inga öppna familjecentraler.
sig-no-groups = Inga ledningsgrupper eller styrgrupper är registrerade.
sig-rules = Regler: minst { $management } möten för ledningsgrupper och { $steering } för styrgrupper per år, protokoll inom { $minutes } dagar, introduktion inom { $intro } dagar, svar på ärenden inom { $matters } dagar.
sig-centre-heading = Signaler för styrningen { $year }
sig-centre-more = Alla familjecentralers signaler
sig-overview-heading = Signaler för styrningen { $year }
sig-overview-caption = Familjecentraler, deras verksamheter, klassning och signaler för styrningen { $year }
sig-overview-more = Signalerna med förklaringar
sig-group-kind-management = Ledningsgrupp
sig-group-kind-preparation = Beredningsgrupp
sig-group-kind-steering = Styrgrupp
sig-group-kind-county_steering = Länsövergripande styrgrupp
sig-group-kind-coordinator_network = Nätverk för samordnare

## Ärenden

matter-status-draft = Utkast
matter-status-submitted = Inskickat till styrgruppen
matter-status-on_agenda = På dagordningen
matter-status-decided = Beslutat
matter-status-reported_back = Återrapporterat
matter-list-title = Ärenden till styrgrupperna – { $region }
matter-list-lead = Ärenden som ledningsgrupper och beredningsgrupper lyfter till sin styrgrupp. Ett ärende som väntat längre än { $days } dagar på styrgruppen markeras.
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
matter-waiting-days = Har väntat { $days } dagar hos styrgruppen.
matter-waited-days = Väntade { $days } dagar hos styrgruppen.
matter-flash-created = Ärendet är sparat som utkast.
matter-flash-advanced = Ärendet har gått vidare: { $status }.
field-error-matter-no-decision = Välj styrgruppens beslut.

## Introduktion

intro-title = Introduktion av nya personer – { $region }
intro-lead = Nya uppdrag som ska följas av en introduktion inom { $days } dagar, grupperade efter vem som ansvarar. Uppdrag som började från och med { $since } visas.
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
govset-lead = Talen styr signalerna: hur många möten grupperna ska hålla per år och hur många dagar som får gå.
govset-min-management = Minsta antal möten per år för en ledningsgrupp
govset-min-steering = Minsta antal möten per år för en styrgrupp
govset-minutes-days = Protokoll ska publiceras inom (dagar efter mötet)
govset-intro-days = Nya personer ska introduceras inom (dagar efter start)
govset-matter-days = Ärenden ska besvaras inom (dagar efter att de skickats in)
govset-hint = Ett heltal från 0 till 365.
govset-save = Spara reglerna för styrningen
govset-flash-saved = Reglerna för styrningen är sparade. Signalerna räknas om efter dem.
field-error-gov-number = Skriv ett heltal från 0 till 365.
