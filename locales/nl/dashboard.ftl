# Nederlands. Referentie: locales/en-US/dashboard.ftl (daar staan de aanwijzingen voor vertalers).

dashboard-title = Feedbackdashboard
signin-intro = Plak de sleutel en het geheim van je site. Ze blijven in dit tabblad en worden vergeten als je het sluit.
signin-site-key = Sitesleutel
signin-secret = Sitegeheim of toegangssleutel
signin-submit = Dashboard openen
signin-wrong = De sitesleutel of het geheim klopt niet.
signout = Afmelden
signed-in-as = Site { $site }

nav-label = Onderdelen van het dashboard
nav-overview = Overzicht
nav-conversations = Gesprekken
nav-recommendations = Aanbevelingen

period-label = Periode
period-7 = Laatste 7 dagen
period-30 = Laatste 30 dagen
period-90 = Laatste 90 dagen
period-custom = Eigen periode
period-from = Van
period-to = Tot en met
period-apply = Toepassen
period-time-zone = Dagen in { $tz }
period-range = { $from } – { $to }

overview-title = Overzicht
csat-chart-title = Klanttevredenheid door de tijd
csat-chart-caption = Gemiddelde klanttevredenheid (1–5) per dag over beoordeelde gesprekken.
csat-chart-empty = Nog geen beoordeelde gesprekken in deze periode.
csat-chart-point = { $date }: { $average } uit { $rated ->
    [one] één beoordeling
   *[other] { $rated } beoordelingen
}
csat-chart-table = Daggemiddelden
column-day = Dag
column-average = Gemiddelde
column-rated = Beoordeelde gesprekken
thumbs-title = Feedback op berichten
thumbs-up = Duim omhoog
thumbs-down = Duim omlaag
thumbs-share = { $share } van de beoordeelde berichten
vs-previous = { $delta } t.o.v. vorige periode
csat-figures-title = Tevredenheidsenquête
csat-average = Gemiddelde score
csat-response-rate = Responspercentage
csat-response-rate-hint = afgerond ÷ aangeboden
csat-net-score = Nettoscore
csat-net-score-hint = positief min negatief, als deel van de beoordelingen
csat-offered = Aangeboden
csat-accepted = Geaccepteerd
csat-denied = Geweigerd
csat-completed = Afgerond
hand-over-title = AI en mensen
hand-over-answers = { $count ->
    [one] uit één antwoord
   *[other] uit { $count } antwoorden
}
hand-over-share = Overgedragen aan een medewerker
hand-over-share-hint = van de gesprekken met een enquête
distribution-title = Verdeling van de scores
distribution-bar = { $score }: { $count ->
    [one] één gesprek
   *[other] { $count } gesprekken
}
no-value = –

conversations-title = Gesprekken
filter-feedback = Klantfeedback
filter-all = Alle
filter-upvote = Positief
filter-downvote = Negatief
filter-neutral = Neutraal
filter-unknown = Onbekend
export-csv = CSV exporteren
export-rated-answers = Beoordeelde antwoorden downloaden (JSONL)
export-no-text = Deze site bewaart de vraag en het antwoord niet, dus de regels van het bestand hebben geen invoer of uitvoer. Zet „De vraag en het antwoord bij elke duim bewaren” aan in Instellingen om ze te bewaren.
kept-all = Vragen, antwoorden, redenen en opmerkingen worden { $days ->
    [one] één dag
   *[other] { $days } dagen
} bewaard.
kept-reasons = Vragen en antwoorden worden niet bewaard. Redenen en opmerkingen worden { $days ->
    [one] één dag
   *[other] { $days } dagen
} bewaard.
kept-redacted = E-mailadressen en telefoon-, kaart- en IBAN-nummers worden verwijderd voordat er iets wordt opgeslagen.
kept-as-written = Tekst wordt opgeslagen zoals hij is geschreven: het verwijderen van persoonsgegevens staat uit in Instellingen.
kept-ratings = Beoordelingen en cijfers worden { $days ->
    [one] één dag
   *[other] { $days } dagen
} bewaard.
inbox-archived = Gesprekken zonder activiteit in de laatste { $days ->
    [one] dag
   *[other] { $days } dagen
} zijn gearchiveerd. Ze staan niet in deze lijst; de CSV-export en de dataset bevatten ze wel.
inbox-narrowed = Alleen gesprekken met:
inbox-show-all = Alle gesprekken tonen
inbox-handed-over = Overgedragen aan een medewerker
inbox-not-handed-over = Niet overgedragen
column-conversation = Gesprek
column-last-activity = Laatste activiteit
column-satisfaction = Tevredenheid
column-thumbs = Duimen per bericht
column-reasons = Opgegeven redenen
satisfaction-positive = Positief
satisfaction-negative = Negatief
satisfaction-neutral = Neutraal
satisfaction-unknown = Onbekend
negative-reason = Negatieve reden: { $reason }
thumbs-counts = 👍 { $up } · 👎 { $down }
load-more = Meer laden
conversations-empty = Geen gesprek in deze periode past bij dit filter.
conversation-back = Terug naar de lijst
user-data = Gebruikersgegevens
csat-score = Score
csat-free-feedback = Vrije feedback
answer-yes = Ja
answer-no = Nee
messages-title = Beoordeelde berichten
messages-empty = Geen beoordeelde berichten in dit gesprek.
message-positive = Positieve feedback van gebruiker
message-negative = Negatieve feedback van gebruiker
message-question = Vraag van de klant
message-answer = Antwoord van de assistent
message-reason = Reden
message-tags = Labels
conversation-handed-over = Overgedragen aan een medewerker
conversation-page = Pagina
conversation-context = Context
message-agent = Beantwoord door een medewerker
message-meta = Herkomst

gaps-title = Kennishiaten
gaps-intro = Vragen waarvan de antwoorden keer op keer een duim omlaag kregen. Elk is kennis die de assistent mist.
gaps-count = { $count ->
    [one] één duim omlaag
   *[other] { $count } duimen omlaag
}
gaps-latest = laatst op { $date }
gaps-examples = Ook gevraagd als
gaps-conversations = Gesprekken
gaps-empty = Geen vraag kreeg in deze periode meer dan één duim omlaag. Vragen worden alleen bewaard voor sites die fragmenten bewaren.

loading = Laden…
load-failed = Dit kon niet worden geladen: { $reason }
error-wrong-secret = de sitesleutel of het geheim klopt niet
error-unreachable = de collector antwoordde niet; controleer de verbinding en probeer het opnieuw
error-site-moving = de site verhuist naar een andere database; over een paar minuten kunt u weer wijzigingen maken
error-rate-limited = te veel verzoeken; probeer het over een minuut opnieuw
error-collector-failed = de collector had een probleem; probeer het zo opnieuw
refusal-invalid-json = het verzoek was geen JSON
refusal-invalid-envelope = het verzoek was geen bundel gebeurtenissen
refusal-payload-too-large = het verzoek was te groot
refusal-too-many-events = het verzoek bevatte te veel gebeurtenissen
refusal-unknown-site = geen enkele site heeft deze sleutel
refusal-origin-not-allowed = het adres van deze pagina hoort niet bij de toegestane origins van de site
refusal-unauthorized = de sitesleutel of het geheim klopt niet
refusal-missing-field = een waarde die het verzoek nodig heeft, ontbrak
refusal-invalid-field = een waarde in het verzoek was er geen die de collector accepteert
refusal-too-long = een tekst was langer dan toegestaan
refusal-unknown-event-type = de collector kent dit soort gebeurtenis niet
refusal-timestamp-out-of-range = een tijdstip lag te ver in de toekomst of te ver in het verleden
refusal-not-found = het is er niet: het is gewist of heeft nooit bestaan
refusal-method-not-allowed = de collector neemt hier zo'n verzoek niet aan
refusal-csat-locked = het tevredenheidsantwoord kan niet meer worden gewijzigd
refusal-unknown-locale = er is geen meegeleverde tekst voor deze taal
refusal-invalid-copy = de teksten bevatten problemen; er is niets opgeslagen
refusal-rate-limited = te veel verzoeken; probeer het over een minuut opnieuw
refusal-internal = de collector had een probleem; probeer het zo opnieuw
refusal-out-of-scope = je sleutel mag dit niet
refusal-invalid-settings = de instellingen bevatten problemen; er is niets opgeslagen
refusal-stale-settings = iemand heeft de instellingen gewijzigd sinds je ze opende; laad opnieuw om die wijziging te zien en breng de jouwe daarna opnieuw aan
refusal-precondition-required = de instellingen zijn verstuurd zonder de versie die ze wijzigen; laad opnieuw en probeer het nog eens
refusal-site-moving = de site verhuist naar een andere database; over een paar minuten kun je weer wijzigingen maken
refusal-meta-too-many-keys = de gegevens bij een bericht hadden te veel sleutels
refusal-meta-key-invalid = een sleutel in de gegevens bij een bericht bestond niet uit 1 tot 40 tekens uit a–z, 0–9 en _
refusal-meta-value-too-long = een waarde in de gegevens bij een bericht was te lang
refusal-meta-value-type = een waarde in de gegevens bij een bericht was geen tekst en geen getal
refusal-invalid-review = de beoordeling bevat problemen; er is niets opgeslagen
refusal-stale-review = iemand heeft dit beoordeeld sinds je het opende; laad opnieuw om die beoordeling te zien
checker-at = Regel { $line }, kolom { $col }: { $finding }
checker-missing-message = { $id } ontbreekt.
checker-missing-attribute = { $id } mist het attribuut .{ $attribute }, dat de referentie wel heeft.
checker-obsolete-attribute = { $id } heeft het attribuut .{ $attribute }, dat de referentie niet heeft.
checker-unknown-variable = { $id } gebruikt de variabele { $variable }, die de referentie er niet voor levert.
checker-unused-variable = { $id } gebruikt de variabele { $variable } niet, de referentie wel.
checker-obsolete-message = { $id } is geen bericht van de referentie; verwijder het.
checker-unknown-reference = { $kind ->
    [term] { $id } verwijst naar de term { $target }, die niet bestaat.
   *[message] { $id } verwijst naar het bericht { $target }, dat niet bestaat.
}
checker-term-variable = { $id } gebruikt { $term } zonder { $variable } door te geven, dus klanten zouden de naam van de variabele zien: een term leest alleen wat de aanroep doorgeeft.
checker-plural-categories = { $id } kiest op een getal, maar mist de vormen { $missing }; { $locale } gebruikt { $categories }.
checker-plural-category-unused = { $id } heeft de vormen { $unused }, die { $locale } nooit gebruikt ({ $categories }); gebruik voor een exact getal een sleutel zoals [0].
checker-bad-locale = { $locale } is geen taalcode.
checker-undocumented = Boven { $id } staat geen aanwijzing die vertalers vertelt waar het verschijnt.
checker-number-too-long = In { $id } heeft het getal { $value } meer dan { $significant } significante cijfers of { $fraction } decimalen, dus klanten zouden de meegeleverde tekst zien. Maak het korter.
checker-too-deep = Elementen tussen accolades zijn hier dieper dan { $depth } niveaus genest, dus dit bericht wordt niet gelezen.
checker-unclosed = Een accolade of haakje hierboven staat nog open waar deze regel een nieuw bericht begint. Sluit het, of laat deze regel inspringen als hij de vorige voortzet.
checker-control-character = { $character } is een stuurteken, en dat mag niet in teksten staan. Verwijder het.
checker-syntax = Fluent kan dit niet lezen ({ $detail }).
checker-duplicate-id = { $id } wordt opnieuw gedefinieerd; de eerste definitie staat op regel { $first }.
checker-empty-value = { $id } is leeg.
checker-unsupported-function = In { $id } is { $function }() geen functie die de chatbubbel kent; alleen NUMBER() is dat.
checker-number-argument = In { $id } neemt NUMBER() één getal, zoals NUMBER($count).
checker-number-option = { $problem ->
    [unknown] In { $id } heeft NUMBER() geen optie { $option }; mogelijke opties zijn { $options }.
    [grouping] In { $id } neemt { $option } "true" of "false", tussen aanhalingstekens.
    [range] In { $id } neemt { $option } een geheel getal van { $low } tot en met { $high }.
    [conflict] In { $id } is { $option } groter dan { $other }; maak het hoogstens { $other }.
   *[precision] In { $id } toont het getal { $digits } decimalen, meer dan maximumFractionDigits: { $high }.
} Klanten zouden de meegeleverde tekst zien.

## Settings

nav-settings = Instellingen
settings-title = Instellingen
settings-intro = Hoe de chatballon op je site om feedback vraagt en wat de collector bewaart.
settings-csat-legend = Tevredenheidsvraag
settings-csat-enabled = Naar tevredenheid vragen als een gesprek eindigt
settings-csat-mode = Soort vraag
settings-mode-thumbs = Duim omhoog of omlaag
settings-mode-scale5 = Een cijfer van 1 tot 5
settings-sample = Deel van de gesprekken dat de vraag krijgt (procent)
settings-sample-hint = Hetzelfde gesprek valt altijd binnen of buiten, ook na herladen. 0 vraagt niemand; het responspercentage telt alleen gesprekken die de vraag kregen.
settings-min-answers = Pas vragen na minstens zoveel antwoorden
settings-min-answers-hint = Antwoorden van je assistent, of van een collega die het overnam. 0 vraagt ook na gesprekken zonder antwoord.
settings-cooldown = Dezelfde klant niet opnieuw vragen gedurende (dagen)
settings-cooldown-hint = Geteld vanaf het laatste antwoord of wegklikken en onthouden in de eigen browser van de klant. 0: in elk gesprek vragen.
settings-reason-tags = Redenen om te kiezen na een duim omlaag
settings-reason-tags-hint = Scheid ze met komma's, bijvoorbeeld wrong_answer, too_long.
settings-idle = Een stil gesprek beëindigen na (seconden)
settings-idle-hint = Laat leeg om gesprekken alleen te beëindigen als je site dat aangeeft. Is de chat dan gesloten, dan wacht de vraag erin, aangegeven met een stip op de bubbel.
settings-data-legend = Gegevens
settings-store-text = De vraag en het antwoord bij elke duim bewaren
settings-retention = Feedback bewaren gedurende (dagen)
settings-text-retention = Vragen, antwoorden en opmerkingen bewaren (dagen)
settings-text-retention-hint = Leeg: zo lang als de feedback. Na deze dagen wordt de tekst gewist; beoordelingen, scores en cijfers blijven de dagen hierboven.
settings-hot-days = Gesprekken in de database bewaren gedurende (dagen)
settings-hot-days-hint = Daarna gaat een gesprek naar het archief. Het Overzicht en Vergelijken tellen het nog mee; de inbox toont alleen de gesprekken van deze laatste dagen.
settings-redaction-legend = Persoonsgegevens
settings-redaction-enabled = E-mailadressen, telefoonnummers, kaartnummers en IBAN's uit tekst halen
settings-redaction-hint = Ze worden [email], [phone], [card] en [iban] voordat iets wordt opgeslagen of naar uw webhook gaat, in vragen, antwoorden, redenen en opmerkingen. Wat is opgeslagen terwijl dit aan stond, blijft afgeschermd als u het uitzet.
settings-redaction-patterns-intro = Eigen patronen: een vast begin gevolgd door cijfers, zoals uw bestelnummers. Haal de cijfers weg, of houd ze zoals geschreven, ook als ze op een telefoonnummer lijken.
settings-redaction-pattern = Patroon { $number }
settings-redaction-prefix = Begin (de tekst vóór de cijfers)
settings-redaction-action = Wat er gebeurt
settings-redaction-remove = Cijfers weghalen
settings-redaction-keep = Houden zoals geschreven
settings-redaction-remove-pattern = Patroon { $number } verwijderen
settings-redaction-add = Patroon toevoegen
settings-shop-legend = Winkel
settings-shop-name = Naam van de winkel
settings-time-zone = Tijdzone
settings-time-zone-hint = Een IANA-tijdzone zoals Europe/Berlin; de dagen in het dashboard volgen die.
settings-origins = Pagina's die feedback mogen sturen
settings-origins-hint = Eén origin per regel, bijvoorbeeld https://shop.example.
settings-review-labels = Labels voor beoordeling
settings-review-labels-hint = Eén label per regel, hoogstens 20, elk tot 40 tekens, zoals verkeerd antwoord.
settings-webhook-legend = Webhook
settings-webhook-url = Webhook-URL
settings-webhook-test = Test-webhook sturen
settings-webhook-delivered = De test is aangekomen (antwoord { $status }).
settings-webhook-failed = De test is niet aangekomen: { $reason }
settings-alerts-legend = Meldingen
settings-alerts-intro = Regels worden elke 15 minuten gecontroleerd. Je team hoort het één keer wanneer een regel begint te gelden, en nog een keer wanneer die stopt.
settings-alerts-rule = Regel { $number }
settings-alerts-kind = Melden wanneer
settings-alerts-kind-share = het aandeel duimen omlaag boven een grens komt
settings-alerts-kind-csat = de gemiddelde tevredenheid onder een grens zakt
settings-alerts-kind-items = open beoordelingsitems zich opstapelen
settings-alerts-hours = Over de laatste (uren)
settings-alerts-percent = Aandeel duimen omlaag boven (%)
settings-alerts-average = Gemiddelde onder (1–5)
settings-alerts-min-ratings = Met minstens (beoordelingen)
settings-alerts-min-answers = Met minstens (antwoorden)
settings-alerts-count = Open beoordelingsitems van het laatste uur, minstens
settings-alerts-remove = Regel { $number } verwijderen
settings-alerts-add = Regel toevoegen
settings-alerts-to-webhook = Meldingen ook naar de webhook sturen
settings-alerts-chat-url = Chat-URL (een inkomende Slack-webhook; Mattermost en Rocket.Chat nemen hetzelfde, Discord op …/slack)
settings-alerts-digest = Elke dag om 09:00 in de tijdzone van de site een overzicht naar de chat-URL sturen
settings-save = Instellingen opslaan
settings-saved = Instellingen opgeslagen.
settings-invalid = Sommige instellingen moeten worden aangepast; zie de opmerkingen ernaast.
settings-stale = Deze instellingen zijn elders gewijzigd sinds je ze opende. Laad de pagina opnieuw om ze te zien.
settings-problem-csat-enabled = Zet het aan of uit.
settings-problem-csat-mode = Kies duim omhoog of omlaag, of de schaal 1–5.
settings-problem-csat-sample-percent = Geef een percentage als geheel getal van { $low } tot en met { $high }.
settings-problem-csat-cooldown-days = Geef een geheel aantal dagen van { $low } tot en met { $high }.
settings-problem-csat-min-assistant-messages = Geef een geheel aantal antwoorden van { $low } tot en met { $high }.
settings-problem-reason-tags = Geef hoogstens { $most } redenen, gescheiden door komma's, elk één keer en elk alleen met letters, cijfers en - _ . : ~ (bijvoorbeeld wrong_answer).
settings-problem-idle-end-seconds = Geef een geheel aantal seconden van { $low } tot en met { $high }, of laat het leeg zodat stille gesprekken nooit eindigen.
settings-problem-store-text = Zet het aan of uit.
settings-problem-retention-days = Geef een geheel aantal dagen van { $low } tot en met { $high }.
settings-problem-text-retention-days = Geef een geheel aantal dagen van { $low } tot en met { $high }, of laat het leeg om de tekst zo lang als de feedback te bewaren.
settings-problem-hot-days = Geef een geheel aantal dagen van { $low } tot { $high }.
settings-problem-webhook-url = Geef een openbare https://-URL zonder gebruikersnaam of wachtwoord, of laat het leeg.
settings-problem-shop-name = Geef een naam van 1 tot en met { $most } tekens zonder spaties aan het begin of eind, of laat het leeg.
settings-problem-time-zone = Geef een tijdzone zoals Europe/Berlin, of laat het leeg voor UTC.
settings-problem-review-labels = Geef hoogstens { $most } labels, één per regel, elk één keer en elk van 1 tot en met { $chars } tekens.
settings-problem-alerts = De meldingen konden niet worden gelezen. Laad de pagina opnieuw en stel ze opnieuw in.
settings-problem-alerts-rules = Geef hoogstens { $most } regels, elk één keer, over 1 tot en met { $hours } uur en met getallen binnen de grenzen, en zeg waar meldingen heen gaan: een chat-URL, of de webhook met een webhook-URL.
settings-problem-alerts-chat-url = Geef een openbare https://-URL van een chatwebhook (het dagelijkse overzicht heeft er een nodig), of laat het leeg.
settings-problem-redaction = De instellingen voor persoonsgegevens konden niet worden gelezen. Laad de pagina opnieuw en stel ze opnieuw in.
settings-problem-redaction-patterns = Geef hoogstens { $most } patronen, elk met een ander begin van 1 tot en met { $chars } tekens (zoals ORD-), en wat er gebeurt met wat erna komt.
settings-problem-allowed-origins = Geef hoogstens { $most } adressen, elk één keer, zoals een browser ze stuurt: http:// of https://, de host in kleine letters, en een poort alleen als het niet de gebruikelijke is (bijvoorbeeld https://shop.example).
settings-problem-name = Geef de sleutel een naam van 1 tot en met { $most } tekens.
settings-problem-scope = Kies wat de sleutel mag.
settings-audit-title = Wijzigingen
settings-audit-empty = Nog geen wijzigingen.
settings-audit-when = Wanneer
settings-audit-who = Wie
settings-audit-what = Wat er veranderde

## Access keys and the site secret

keys-title = Toegangssleutels
keys-intro = Sleutels voor mensen die minder nodig hebben dan je geheim: een tekstsleutel bewerkt alleen de teksten; een leessleutel ziet alleen de cijfers en gesprekken.
keys-name = Naam
keys-scope = Wat hij mag
keys-scope-wording = Teksten bewerken
keys-scope-read = Feedback lezen
keys-scope-review = Gesprekken beoordelen
keys-create = Sleutel maken
keys-created = Het geheim van de sleutel, alleen nu te zien:
keys-empty = Nog geen sleutels.
keys-created-at = Gemaakt
keys-status = Status
keys-revoked = Ingetrokken op { $date }
keys-revoke = Intrekken
keys-revoke-label = De sleutel { $name } intrekken
keys-show-revoked = Ingetrokken tonen ({ $count })
keys-hide-revoked = Ingetrokken verbergen
keys-more-revoked = Nog { $count } tonen
secret-title = Sitegeheim
secret-intro = Een nieuw geheim vervangt het jouwe meteen; dit tabblad gebruikt het vanaf nu.
secret-rotate = Nieuw geheim maken
secret-rotated = Je nieuwe geheim, alleen nu te zien:

nav-wording = Teksten
wording-title = Teksten
wording-intro = De teksten die de chatbubbel klanten laat zien, in elke taal. Wat je hier schrijft vervangt de meegeleverde tekst van dat bericht; een leeg veld houdt de meegeleverde tekst.
wording-locale = Taal
wording-locale-name = { $name } ({ $tag })
wording-find = Bericht zoeken
wording-filter = Tonen
wording-filter-all = Alle
wording-filter-changed = Gewijzigd door deze site
wording-filter-differs = Wijkt af van de meegeleverde tekst
wording-filter-findings = Met problemen
wording-filter-missing = Ontbreekt in deze taal
wording-filter-prompt = In de tevredenheidsvraag
wording-filter-messages = Onder antwoorden
wording-filter-bubble = In de chatbubbel en het chatvenster
wording-found = { $total ->
    [one] { $shown } van { $total } bericht getoond
   *[other] { $shown } van { $total } berichten getoond
}
wording-found-none = Geen bericht komt overeen. Probeer andere woorden, of toon alles.
wording-mode = Bewerken
wording-mode-messages = Bericht voor bericht
wording-mode-file = Het hele bestand (Fluent)
wording-file = Je teksten als Fluent-bestand
wording-reference = Referentie (en-US)
wording-shipped = Meegeleverde tekst
wording-own = Jouw tekst
wording-revert = Meegeleverde tekst gebruiken
wording-revert-label = Meegeleverde tekst gebruiken voor { $id }
wording-save = Teksten opslaan
wording-saved = Opgeslagen als versie { $version }.
wording-unchanged = Opgeslagen; er was niets veranderd.
wording-refused = Niet opgeslagen: de collector vond deze problemen. De eerder opgeslagen teksten blijven ongewijzigd.
wording-set-aside = Klanten zien bij deze berichten de meegeleverde tekst: een controle die na het opslaan is toegevoegd, vindt er problemen in. Verbeter ze om uw teksten weer te tonen.
wording-sample-question = Waar is mijn bestelling?
wording-sample-answer = Je bestelling heeft gisteren ons magazijn verlaten en komt binnen drie dagen aan.
preview-title = Voorbeeld
preview-mode = Tevredenheidsvraag
preview-step = Stap
preview-step-question = De vraag
preview-step-comment = De opmerking
preview-step-thanks = Het bedankje
preview-count = Tekens over (elk getal, voor de meervoudsvormen)
preview-failed = Het voorbeeld kan in deze browser niet worden getoond.
history-title = Opgeslagen versies
history-empty = Nog geen opgeslagen versies.
history-version = Versie { $version }, { $when }, door { $who }
history-show = Wijzigingen
history-show-label = Wijzigingen in versie { $version }
history-restore = Herstellen
history-restore-label = Versie { $version } herstellen
history-no-changes = In deze versie is geen bericht veranderd.
history-prompts = { $offered ->
    [one] Eén tevredenheidsvraag gebruikte deze teksten
   *[other] { $offered } tevredenheidsvragen gebruikten deze teksten
}: { $answered } beantwoord, { $completed } afgerond.
history-no-prompts = Nog geen tevredenheidsvraag gebruikte deze teksten.
wording-discard = Je wijzigingen in de teksten van deze taal zijn niet opgeslagen. Weggooien?

nav-compare = Vergelijken
compare-title = Vergelijken
compare-intro = Welk model, welke prompt, pagina of variant krijgt de duim omlaag? Bij elk aandeel staat het bereik waarin de echte waarde waarschijnlijk ligt (95%): weinig beoordelingen geven een breed bereik.
compare-by = Vergelijken op
compare-dimension-role = AI of medewerker
compare-dimension-locale = Taal
compare-dimension-page = Pagina
compare-empty = Niets te vergelijken in deze periode.
compare-column-value = Waarde
compare-column-ratings = Beoordelingen
compare-column-up = Aandeel duim omhoog
compare-column-down = Aandeel duim omlaag
compare-column-csat = Tevredenheid
compare-column-response = Responspercentage
compare-share = { $share } ({ $count } van { $of }; { $low }–{ $high })
compare-few = Weinig beoordelingen
compare-role-assistant = Alleen AI
compare-role-agent = Met medewerker
compare-show = In de grafiek tonen
compare-open-inbox = Openen in inbox
compare-column-inbox = Gesprekken
compare-chart-title = Aandeel duim omlaag per dag
compare-chart-empty = Vink maximaal twee waarden aan om ze per dag te zien.
compare-chart-table = Aandeel duim omlaag per dag, per waarde
review-title = Beoordeling
review-open = Open items
review-reviewed = Beoordeeld in deze periode
review-median-wait = Mediane tijd tot beoordeling
review-state-open = Open
review-state-reviewed = Beoordeeld
review-item-thumb = Duim omlaag bij bericht { $message }
review-item-answer = Laag tevredenheidsantwoord
review-by = Beoordeeld door { $who } op { $when }
review-note = Notitie
review-labels = Labels
review-mark = Markeren als beoordeeld
review-save = Beoordeling opslaan
review-reopen = Opnieuw openen
review-saved = Opgeslagen.
review-stale = Iemand anders heeft dit intussen beoordeeld. Die beoordeling staat er nu; bekijk haar en probeer het opnieuw.
review-shortcuts = Toetsen: J volgend open gesprek, K vorige, R markeren als beoordeeld, 1–9 label kiezen. Ze werken niet terwijl je typt.
review-queue-end = Geen open gesprekken meer in die richting.
filter-review = Beoordeling
filter-review-all = Alle
filter-review-open = Open
filter-review-reviewed = Beoordeeld
filter-label = Label
filter-label-all = Elk label
column-review = Beoordeling
review-wait-minutes = { $count ->
    [one] één minuut
   *[other] { $count } minuten
}
review-wait-hours = { $count ->
    [one] één uur
   *[other] { $count } uur
}
review-wait-days = { $count ->
    [one] één dag
   *[other] { $count } dagen
}
