# Registret – meddelanden på svenska.

service-mhv = Mödrahälsovård (BMM)
service-bhv = Barnhälsovård (BVC)
service-of = Öppen förskola
service-soc = Förebyggande socialtjänst
service-other = Annan part
principal-region = Region
principal-municipality = Kommun
class-familjecentral = Familjecentral
class-familjecentralsliknande = Familjecentralsliknande verksamhet
class-count-familjecentral = { $count ->
    [one] familjecentral
   *[other] familjecentraler
}
class-count-familjecentralsliknande = { $count ->
    [one] familjecentralsliknande verksamhet
   *[other] familjecentralsliknande verksamheter
}
class-count-familjecentrerat_arbete = med familjecentrerat arbete
class-count-undetermined = kan inte bedömas
class-undetermined = Kan inte bedömas
rules-national = Nationell definition (Socialstyrelsen)
rules-skane = Region Skånes riktlinje
rules-custom = Egna regler
service-text-mhv = mödrahälsovården (MHV)
service-text-bhv = barnhälsovården (BHV)
service-text-of = öppen förskola (ÖF)
service-text-soc = förebyggande socialtjänst (SOC)
list-and = och
list-or = eller
rules-text-national = den nationella definitionen
rules-text-skane = Region Skånes regler
rules-text-custom = regionens egna regler
reason-line = { $class }: { $reason }.
reason-all-four = alla fyra basverksamheterna har hela sin ordinarie verksamhet i samma hus ({ $premises }), så som { $rules } kräver för en familjecentral
reason-like = barnhälsovården (BHV) delar hus med { $partners } ({ $premises }), vilket räcker för familjecentralsliknande verksamhet enligt { $rules }; för en familjecentral behöver även { $missing } finnas där
reason-like-entrance = barnhälsovården (BHV) delar hus och entré med { $partners } ({ $premises }), vilket räcker för familjecentralsliknande verksamhet enligt { $rules }; för en familjecentral behöver även { $missing } finnas där, bakom samma entré
reason-no-child-health = barnhälsovården (BHV) ingår inte, och utan den blir det varken familjecentral eller familjecentralsliknande verksamhet
reason-child-health-not-whole = barnhälsovården (BHV) har bara en filial här, men { $rules } kräver hela dess ordinarie verksamhet på plats för familjecentralsliknande verksamhet
reason-child-health-without-partner = barnhälsovården (BHV) delar inte hus med { $partners }, vilket { $rules } kräver för familjecentralsliknande verksamhet
reason-entrance-not-shared = barnhälsovården (BHV) delar hus med { $partners } men inte entré, och { $rules } kräver en gemensam entré för familjecentralsliknande verksamhet
reason-hours-below = verksamheterna har { $hours } { $hours ->
        [one] timme
       *[other] timmar
    } gemensam öppettid i veckan, men { $rules } kräver minst { $required } { $required ->
        [one] timme
       *[other] timmar
    } för både familjecentral och familjecentralsliknande verksamhet
reason-missing-data = det saknas uppgifter som avgör klassningen (se nedan)
reason-no-base-service = ingen av basverksamheterna (mödrahälsovård, barnhälsovård, öppen förskola, förebyggande socialtjänst) är registrerad, och klassningen bygger på just dem
reason-no-units = inga verksamheter är registrerade för familjecentralen
finding-shared-building = { $services } har hela sin ordinarie verksamhet i samma hus ({ $premises }).
finding-alone = { $service } finns ensam i sitt hus ({ $premises }).
finding-branch = { $service } har bara en filial här, inte hela sin ordinarie verksamhet.
finding-absent = { $service } ingår inte i familjecentralen.
finding-location-unknown = Det är inte registrerat var { $service } finns.
finding-full-operation-unknown = För { $service } är det inte registrerat om hela den ordinarie verksamheten finns på plats.
finding-entrance-not-shared = { $services } finns i lokaler utan den gemensamma entré som reglerna kräver.
finding-entrance-unknown = För { $services } är det inte registrerat om lokalerna har en gemensam entré.
finding-hours-below = Reglerna kräver { $required } { $required ->
        [one] timme
       *[other] timmar
    } gemensam öppettid i veckan; här är det { $hours }.
finding-hours-unknown = Reglerna kräver { $required } { $required ->
        [one] timme
       *[other] timmar
    } gemensam öppettid i veckan; den gemensamma öppettiden är inte registrerad.
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
access-title = Tillgång till familjecentral { $year }
access-lead = Antal barn 0–6 år per familjecentral i varje kommun. Familjecentraler räknas om de var öppna någon gång under året.
access-year = År
access-show = Visa
access-import = Importera befolkningssiffror
access-caption = Barn 0–6 år per familjecentral, { $year }
access-caption-invented = Barn 0–6 år per familjecentral, { $year } (påhittade demosiffror)
access-invented-all = Befolkningssiffrorna för { $year } är påhittade demosiffror, inte officiell statistik.
access-invented-some = Befolkningssiffrorna för { $year } är påhittade demosiffror för { $names }, inte officiell statistik.
access-col-municipality = Kommun
access-col-population = Folkmängd
access-col-children = Barn 0–6 år
access-col-share = Andel 0–6 år
access-col-centres = Familjecentraler
access-col-per-centre = Barn per familjecentral
access-total = Hela regionen
access-no-centre = ingen familjecentral
access-no-numbers = Det finns inga befolkningssiffror för det här året, så summan kan inte räknas fram.
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
centre-decisions-link = Beslut om familjecentralen
centre-close = Lägg ned familjecentralen
centre-units = Verksamheter
centre-no-units = Inga verksamheter är registrerade.
centre-closed-notice = Familjecentralen lades ned { $date }. Den finns kvar i registret och i historiken.
centre-new-title = Ny familjecentral
centre-edit-title = Ändra { $name }
centre-close-title = Lägg ned { $name }
unit-service = Verksamhet
unit-name = Verksamhetens namn
unit-principal = Huvudman
unit-principal-kind = Typ av huvudman
unit-principal-name = Huvudmannens namn
unit-premises = Lokaler
unit-full-operation = Hela verksamheten på plats
unit-full-operation-question = Finns hela den ordinarie verksamheten på familjecentralen?
unit-premises-question = I vilka lokaler arbetar verksamheten?
unit-premises-hint = Verksamheter i samma lokaler räknas som samlokaliserade, oavsett hur lokalerna stavas. Välj bland familjecentralens lokaler eller lägg till nya.
unit-premises-new = Nya lokaler (fyll i nedan)
unit-premises-new-legend = Nya lokaler
unit-hours = Timmar per vecka på familjecentralen
unit-actions = Åtgärder
unit-add = Lägg till verksamhet
unit-edit = Ändra
unit-close = Avsluta
unit-closed-on = avslutad { $date }
unit-new-title = Ny verksamhet vid { $centre }
unit-edit-title = Ändra verksamhet vid { $centre }
unit-close-title = Avsluta { $service }
flash-saved = Sparat.
flash-closed = Markerad som nedlagd.
flash-rules-saved = Reglerna är sparade och alla familjecentraler i regionen har klassats om.
flash-population-imported = { $count ->
        [one] 1 rad
       *[other] { $count } rader
    } med befolkningssiffror importerades.
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
population-error-number-too-large = Rad { $line }: { $column } är ”{ $value }”, vilket är orimligt stort (högst 10 000 000).
principal-private_provider = Privat vårdgivare
principal-non_profit = Idéburen organisation
class-familjecentrerat_arbete = Familjecentrerat arbete
colocation-inte_alls = Inte alls
colocation-till_viss_del = Till viss del
colocation-till_stor_del = Till stor del
colocation-helt_och_hallet = Helt och hållet
centre-reopen = Öppna familjecentralen igen
centre-reopen-title = Öppna { $name } igen
centre-reopen-counts = Familjecentralen räknas som öppen igen, som om den aldrig hade lagts ned: i länsöversikten, klassningen och tillgången.
centre-reopen-units = Verksamheter som avslutades var för sig förblir avslutade; de kan öppnas igen en i taget.
centre-close-kept = Familjecentralen tas inte bort. Den finns kvar i registret, i historiken och i statistiken för tiden den var öppen.
centre-close-counts = Från datumet räknas den inte längre i länsöversikten eller i tillgången för kommande år.
centre-close-frozen = Medan den är nedlagd kan varken familjecentralen eller dess verksamheter ändras.
centre-close-undo = Blev det fel kan länssamordnaren öppna den igen.
centre-close-confirm = Ja, lägg ned { $name }.
unit-reopen = Öppna igen
unit-reopen-title = Öppna { $service } vid { $centre } igen
unit-reopen-counts = Verksamheten räknas till familjecentralen igen, och klassningen räknas om med den.
unit-close-kept = Verksamheten tas inte bort; den finns kvar i historiken.
unit-close-counts = Från datumet räknas den inte längre till familjecentralen, och klassningen räknas om utan den.
unit-close-undo = Blev det fel kan länssamordnaren öppna den igen.
unit-close-confirm = Ja, avsluta { $service } vid { $centre }.
reopen-audit = Ändringen skrivs in i ändringsloggen med ditt namn.
reopen-submit = Öppna igen
flash-reopened = Öppnad igen.

overview-unknown-note = { $count ->
    [one] För 1 familjecentral saknas uppgifter om verksamheterna.
   *[other] För { $count } familjecentraler saknas uppgifter om verksamheterna.
}
overview-count = { $count ->
    [0] Ingen familjecentral visas.
    [one] 1 familjecentral visas.
   *[other] { $count } familjecentraler visas.
}
overview-filtered = { $count ->
    [one] Filtret visar { $shown } av 1 familjecentral.
   *[other] Filtret visar { $shown } av { $count } familjecentraler.
}
overview-printed-on = Utskriven { $date }
overview-filters = Välj vilka familjecentraler som visas
overview-filter-all-classes = Alla klasser
overview-filter-all-municipalities = Alla kommuner
overview-filter-signal = Signaler
overview-filter-signal-any = Alla, oavsett signal
overview-filter-signal-red = Bara de med någon röd signal
overview-filter-signal-unknown = Bara de där något inte kan bedömas
overview-filter-apply = Visa
overview-filter-clear = Visa alla igen
overview-signals-met = Uppfyllda signaler
overview-services-caption = Verksamheter och huvudmän (räknade som i länets uppföljning)
overview-run-by-other = Nej, drivs av { $party }
overview-counting-note = En basverksamhet räknas bara när regionen eller kommunen driver den, så som länets uppföljning räknar. Drivs den av någon annan, till exempel Svenska kyrkan, står den bland övriga parter med vem som driver den.
overview-signals-caption = Klassning och signaler för styrningen { $year }
premises-heading = Lokaler
premises-none = Inga lokaler är registrerade.
premises-name = Lokalernas namn
premises-name-hint = Till exempel ”Sävjahuset”. Varje namn finns bara en gång per familjecentral.
premises-address = Adress
premises-address-hint = Gatuadress, om ni vill. Lämna tomt om den inte behövs.
premises-shared-entrance = En gemensam entré
premises-shared-entrance-question = Har lokalerna en gemensam entré som besökarna använder till alla verksamheter här?
premises-units = Verksamheter här
premises-no-units = inga
premises-add = Lägg till lokaler
premises-edit = Ändra
premises-new-title = Nya lokaler för { $centre }
premises-edit-title = Ändra lokalerna { $name }
premises-edit-note = Ändringen gäller alla verksamheter i lokalerna, och klassningen räknas om med den.
