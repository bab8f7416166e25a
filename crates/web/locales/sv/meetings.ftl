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
meeting-publish-already = Protokollet är redan publicerat.
meeting-publish-not-held = Bara protokoll från genomförda möten kan publiceras. Ändra mötets status först.
meeting-publish-no-minutes = Det finns inget protokoll att publicera. Skriv protokollet först.
meeting-decisions = Beslut
meeting-decisions-none = Inga beslut är registrerade för mötet.
meeting-flash-created = Mötet är inlagt.
meeting-flash-published = Protokollet är publicerat. { $count } personer får ett meddelande via e-post.
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
