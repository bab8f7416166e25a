# samverka – svenska texter. Varje nyckel finns också i en/main.ftl.

skip-to-content = Hoppa till innehållet
nav-tools = Språk och konto
nav-logout = Logga ut
nav-region = Regionens sidor
nav-overview = Länsöversikt
nav-access = Tillgång
nav-settings = Regler
nav-accounts = Konton
nav-audit = Ändringslogg
footer-text = samverka – styrning och uppföljning av familjecentraler. Inga uppgifter om enskilda familjer eller barn lagras här.

value-yes = Ja
value-no = Nej
value-unknown = Vet ej
value-missing = uppgift saknas

service-mhv = Mödrahälsovård (BMM)
service-bhv = Barnhälsovård (BVC)
service-of = Öppen förskola
service-soc = Förebyggande socialtjänst
service-other = Annan part

principal-region = Region
principal-municipality = Kommun
principal-private_provider = Privat vårdgivare
principal-non_profit = Idéburen organisation

class-familjecentral = Familjecentral
class-familjecentralsliknande = Familjecentralsliknande verksamhet
class-familjecentrerat_arbete = Familjecentrerat arbete
class-undetermined = Kan inte bedömas

colocation-inte_alls = Inte alls
colocation-till_viss_del = Till viss del
colocation-till_stor_del = Till stor del
colocation-helt_och_hallet = Helt och hållet

rules-national = Nationell definition (Socialstyrelsen)
rules-skane = Region Skånes riktlinje
rules-custom = Egna regler

role-admin = Systemadministratör
role-county-coordinator = Länssamordnare
role-local-coordinator = Lokal samordnare
role-reader = Läsare

finding-shared-building = { $services } har hela sin verksamhet i samma hus ({ $building }).
finding-alone = { $service } finns ensam i sitt hus ({ $building }).
finding-branch = { $service } har bara en filial här – inte hela sin ordinarie verksamhet.
finding-absent = { $service } ingår inte i familjecentralen.
finding-location-unknown = Det är inte registrerat var { $service } finns.
finding-full-operation-unknown = Det är inte registrerat om hela { $service } finns på plats.
finding-entrance-not-shared = Reglerna kräver gemensam entré, men { $services } använder den inte.
finding-entrance-unknown = Reglerna kräver gemensam entré; för { $services } är det inte registrerat.
finding-hours-below = Reglerna kräver { $required } timmar gemensam öppettid i veckan; här är det { $hours }.
finding-hours-unknown = Reglerna kräver { $required } timmar gemensam öppettid i veckan; den gemensamma öppettiden är inte registrerad.
finding-no-units = Inga verksamheter är registrerade för familjecentralen.

login-title = Logga in
login-email = E-postadress
login-password = Lösenord
login-submit = Logga in
login-failed = E-postadressen eller lösenordet stämmer inte. Försök igen.

home-title = Regioner
home-no-regions = Ditt konto har ännu inte behörighet i någon region. Kontakta länssamordnaren.

overview-title = Länsöversikt – { $region }
overview-rules = Klassningen räknas fram enligt: { $rules }.
overview-summary = Antal per klass
overview-new-centre = Ny familjecentral
overview-show-closed = Visa även nedlagda
overview-hide-closed = Dölj nedlagda
overview-caption = Familjecentraler, deras verksamheter och klassning
overview-col-centre = Familjecentral
overview-col-municipality = Kommun
overview-col-others = Övriga parter
overview-col-principals = Huvudmän
overview-col-colocation = Samlokalisering
overview-col-classification = Klassning
overview-total = Totalt
overview-closed-on = nedlagd { $date }
overview-unknown-note = För { $count } familjecentral(er) saknas uppgifter om verksamheterna.

access-title = Tillgång till familjecentral { $year }
access-lead = Antal barn 0–6 år per familjecentral i varje kommun. Familjecentraler räknas om de var öppna någon gång under året.
access-year = År
access-show = Visa
access-import = Importera befolkningssiffror
access-caption = Barn 0–6 år per familjecentral, { $year }
access-col-municipality = Kommun
access-col-population = Folkmängd
access-col-children = Barn 0–6 år
access-col-share = Andel 0–6 år
access-col-centres = Familjecentraler
access-col-per-centre = Barn per familjecentral
access-total = Hela regionen
access-no-centre = ingen familjecentral
access-incomplete = Befolkningssiffror saknas för någon kommun det här året; summan gäller bara kommuner med siffror.

centre-classification = Klassning
centre-why = Varför?
centre-possible = Med de uppgifter som saknas kan det bli allt från { $low } till { $high }. Fyll i uppgifterna nedan.
centre-rules-applied = Regler som används: { $rules }.
centre-facts = Uppgifter
centre-name = Namn
centre-municipality = Kommun
centre-address = Adress
centre-opened = Startade
centre-shared-hours = Gemensam öppettid (timmar per vecka)
centre-colocation = Samlokalisering
centre-edit = Ändra uppgifter
centre-close = Lägg ned familjecentralen
centre-units = Verksamheter
centre-no-units = Inga verksamheter är registrerade.
centre-closed-notice = Familjecentralen lades ned { $date }. Den finns kvar i registret och i historiken.
centre-new-title = Ny familjecentral
centre-edit-title = Ändra { $name }
centre-close-title = Lägg ned { $name }
centre-close-explanation = Familjecentralen tas inte bort. Den markeras som nedlagd från datumet nedan och finns kvar i historik och statistik.

unit-service = Verksamhet
unit-name = Verksamhetens namn
unit-principal = Huvudman
unit-principal-kind = Typ av huvudman
unit-principal-name = Huvudmannens namn
unit-building = Hus eller adress
unit-shared-entrance = Gemensam entré
unit-full-operation = Hela verksamheten på plats
unit-full-operation-question = Finns hela den ordinarie verksamheten på familjecentralen?
unit-shared-entrance-question = Når besökarna verksamheten genom familjecentralens gemensamma entré?
unit-hours = Timmar per vecka på familjecentralen
unit-actions = Åtgärder
unit-add = Lägg till verksamhet
unit-edit = Ändra
unit-close = Avsluta
unit-closed-on = avslutad { $date }
unit-new-title = Ny verksamhet vid { $centre }
unit-edit-title = Ändra verksamhet vid { $centre }
unit-close-title = Avsluta { $service }
unit-close-explanation = Verksamheten tas inte bort. Den räknas inte längre till familjecentralen från datumet nedan.

close-date = Från och med datum
close-submit = Bekräfta

form-has-errors = Något behöver rättas
form-choose = Välj …
form-save = Spara
form-cancel = Avbryt
hint-date = Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-08-19.
hint-shared-hours = Timmar i veckan då alla verksamheter har öppet samtidigt, till exempel 15 eller 15,5. Lämna tomt om du inte vet.
hint-hours = Till exempel 20 eller 7,5. Lämna tomt om du inte vet.
hint-unit-name = Till exempel ”BVC Sävja”. För en annan part: partens namn.
hint-building = Verksamheter med samma hus räknas som samlokaliserade. Lämna tomt om du inte vet.
hint-password = Minst 10 tecken. Behövs bara för nya konton.
hint-centres = Bara för lokala samordnare: välj en eller flera familjecentraler.

field-error-required = Fyll i fältet.
field-error-too-long = Texten är för lång.
field-error-invalid-date = Skriv ett giltigt datum som ÅÅÅÅ-MM-DD.
field-error-invalid-choice = Välj ett av alternativen.
field-error-invalid-hours = Skriv antal timmar per vecka mellan 0 och 168, till exempel 15,5.
field-error-other-needs-name = Skriv vilken part det är.
field-error-before-opening = Datumet kan inte vara före starten.
field-error-choose-one = Välj minst ett alternativ.
field-error-invalid-email = Skriv en giltig e-postadress.
field-error-password-too-short = Lösenordet måste ha minst 10 tecken.

flash-saved = Sparat.
flash-closed = Markerad som nedlagd.
flash-rules-saved = Reglerna är sparade och alla familjecentraler i regionen har klassats om.
flash-population-imported = { $count } rader med befolkningssiffror importerades.
flash-account-created = Kontot är skapat.
flash-grant-added = Kontot fanns redan; den nya behörigheten är tillagd.
flash-account-disabled = Kontot är spärrat.
flash-account-enabled = Kontot är aktiverat igen.
flash-access-revoked = Kontots behörighet i regionen är borttagen.

settings-title = Regler för klassning
settings-lead = Reglerna bestämmer hur familjecentralerna i regionen klassas. När du sparar räknas klassningen om direkt för alla.
settings-rule-set = Regeluppsättning
settings-national-hint = Familjecentral: alla fyra basverksamheter samlokaliserade. Familjecentralsliknande: barnhälsovård samlokaliserad med öppen förskola eller socialtjänst.
settings-skane-hint = Som den nationella, men familjecentralsliknande kräver barnhälsovård och öppen förskola. Båda klasserna kräver gemensam entré och minst 15 timmars gemensam öppettid i veckan.
settings-custom = Egna regler (används när ”Egna regler” är valt)
settings-partners-hint = Barnhälsovård tillsammans med minst en av dessa ger familjecentralsliknande verksamhet:
settings-entrance = Kräv gemensam entré
settings-hours = Minsta gemensamma öppettid, timmar per vecka (tomt = inget krav)

population-title = Importera befolkningssiffror
population-lead = Ladda upp en CSV-fil med en rad per kommun och år. Första raden ska namnge kolumnerna: kommun (kod eller namn), år, folkmängd och antal barn 0–6 år. Om någon rad är fel importeras ingenting.
population-file = CSV-fil
population-submit = Importera
population-nothing-imported = Ingenting importerades
population-column-municipality = kommun
population-column-year = år
population-column-total = folkmängd
population-column-children_0_6 = barn 0–6 år
population-error-unreadable = Rad { $line }: raden går inte att läsa.
population-error-missing-column = Kolumnen för { $column } saknas i första raden.
population-error-not-a-number = Rad { $line }: { $column } ska vara ett heltal, men är ”{ $value }”.
population-error-required = Rad { $line }: { $column } saknas.
population-error-year-out-of-range = Rad { $line }: året { $value } är inte rimligt.
population-error-more-children-than-people = Rad { $line }: fler barn ({ $value }) än invånare.
population-error-duplicate = Rad { $line }: { $value } finns redan tidigare i filen för samma år.
population-error-empty = Filen innehåller inga rader med siffror.
population-error-unknown-municipality = Rad { $line }: kommunen ”{ $value }” finns inte i regionen.
population-error-ambiguous-municipality = Rad { $line }: ”{ $value }” passar flera kommuner; använd kommunkoden.

accounts-title = Konton
accounts-caption = Konton med behörighet i regionen
accounts-name = Namn
accounts-email = E-postadress
accounts-roles = Roller
accounts-status = Status
accounts-active = Aktivt
accounts-disabled = Spärrat
accounts-disable = Spärra
accounts-enable = Aktivera
accounts-revoke = Ta bort behörighet
accounts-new = Nytt konto eller ny behörighet
accounts-password = Lösenord
accounts-role = Roll
accounts-centres = Familjecentraler
accounts-create = Spara konto

audit-title = Ändringslogg
audit-lead = Varje ändring i regionen: vem, när, vad och hur det såg ut före och efter.
audit-caption = Ändringar, de senaste först
audit-when = När (UTC)
audit-who = Vem
audit-what = Vad
audit-record = Post
audit-change = Ändring
audit-before = Före
audit-after = Efter
audit-older = Äldre ändringar
audit-action-create = Skapade
audit-action-update = Ändrade
audit-action-close = Lade ned
audit-action-import = Importerade
audit-action-grant = Gav behörighet
audit-action-revoke = Tog bort behörighet
audit-action-disable = Spärrade
audit-action-enable = Aktiverade
audit-action-password = Bytte lösenord
audit-action-token = Skapade API-nyckel
audit-entity-centre = Familjecentral
audit-entity-unit = Verksamhet
audit-entity-region = Region
audit-entity-user = Konto
audit-entity-population = Befolkning

error-status = Felkod
error-back-home = Till startsidan
error-not-found = Sidan finns inte
error-not-found-detail = Adressen kan vara fel, eller så har sidan flyttats.
error-forbidden = Du har inte behörighet
error-forbidden-detail = Ditt konto får inte se eller ändra det här. Kontakta länssamordnaren om du behöver behörighet.
error-unauthorized = Du behöver logga in
error-unauthorized-detail = Logga in och försök igen.
error-csrf = Formuläret kunde inte skickas
error-csrf-detail = Formuläret var för gammalt eller kom inte från samverka. Gå tillbaka, ladda om sidan och försök igen.
error-bad-request = Förfrågan gick inte att förstå
error-bad-request-detail = Kontrollera det du skrev och försök igen.
error-conflict = Det går inte att göra just nu
error-conflict-detail = Uppgifterna har ändrats, eller så är posten nedlagd. Ladda om sidan.
error-internal = Något gick fel hos oss
error-internal-detail = Felet är loggat. Försök igen om en stund.

api-error-unauthorized = Ange en giltig API-nyckel i huvudet Authorization: Bearer … (skapa en med samverka user token).
api-error-forbidden = Din nyckel ger inte behörighet till det här.
api-error-not-found = Det finns ingen sådan post.
api-error-conflict = Det finns redan en sådan post.
api-error-internal = Något gick fel hos oss. Felet är loggat.
api-error-bad-json = Förfrågans JSON gick inte att läsa
api-error-closed = Posten är nedlagd och kan inte ändras.
