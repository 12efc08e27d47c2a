# Deutsch. Referenz: locales/en-US/dashboard.ftl (dort stehen die Hinweise für Übersetzer).

dashboard-title = Feedback-Dashboard
signin-intro = Fügen Sie Schlüssel und Geheimnis Ihrer Website ein. Sie bleiben in diesem Browser-Tab und werden beim Schließen vergessen.
signin-site-key = Website-Schlüssel
signin-secret = Website-Geheimnis oder Zugangsschlüssel
signin-submit = Dashboard öffnen
signin-wrong = Website-Schlüssel oder Geheimnis sind falsch.
signout = Abmelden
signed-in-as = Website { $site }

nav-label = Bereiche des Dashboards
nav-overview = Übersicht
nav-conversations = Unterhaltungen
nav-recommendations = Empfehlungen

period-label = Zeitraum
period-7 = Letzte 7 Tage
period-30 = Letzte 30 Tage
period-90 = Letzte 90 Tage
period-custom = Eigener Zeitraum
period-from = Von
period-to = Bis
period-apply = Anwenden
period-time-zone = Tage in { $tz }
period-range = { $from } – { $to }

overview-title = Übersicht
csat-chart-title = Kundenzufriedenheit im Zeitverlauf
csat-chart-caption = Durchschnittliche Kundenzufriedenheit (1–5) pro Tag über alle bewerteten Unterhaltungen.
csat-chart-empty = In diesem Zeitraum wurde noch keine Unterhaltung bewertet.
csat-chart-point = { $date }: { $average } aus { $rated ->
    [one] einer Bewertung
   *[other] { $rated } Bewertungen
}
csat-chart-table = Tagesdurchschnitte
column-day = Tag
column-average = Durchschnitt
column-rated = Bewertete Unterhaltungen
thumbs-title = Feedback zu Nachrichten
thumbs-up = Daumen hoch
thumbs-down = Daumen runter
thumbs-share = { $share } der bewerteten Nachrichten
vs-previous = { $delta } ggü. Vorperiode
csat-figures-title = Zufriedenheitsumfrage
csat-average = Durchschnittliche Bewertung
csat-response-rate = Antwortquote
csat-response-rate-hint = abgeschlossen ÷ angeboten
csat-net-score = Netto-Wert
csat-net-score-hint = positiv minus negativ, als Anteil der Bewertungen
csat-offered = Angeboten
csat-accepted = Angenommen
csat-denied = Abgelehnt
csat-completed = Abgeschlossen
hand-over-title = KI und Menschen
hand-over-answers = { $count ->
    [one] aus einer Antwort
   *[other] aus { $count } Antworten
}
hand-over-share = An einen Menschen übergeben
hand-over-share-hint = der Unterhaltungen mit Umfrage
distribution-title = Verteilung der Bewertungen
distribution-bar = { $score }: { $count ->
    [one] eine Unterhaltung
   *[other] { $count } Unterhaltungen
}
no-value = –

conversations-title = Unterhaltungen
filter-feedback = Kundenfeedback
filter-all = Alle
filter-upvote = Positiv bewertet
filter-downvote = Negativ bewertet
filter-neutral = Neutral
filter-unknown = Unbekannt
export-csv = Als CSV exportieren
export-rated-answers = Bewertete Antworten herunterladen (JSONL)
export-no-text = Diese Website speichert Frage und Antwort nicht, daher haben die Zeilen der Datei weder Eingabe noch Ausgabe. Um sie zu speichern, aktivieren Sie in den Einstellungen „Frage und Antwort zu jeder Bewertung aufbewahren“.
kept-all = Fragen, Antworten, Gründe und Kommentare werden { $days ->
    [one] einen Tag
   *[other] { $days } Tage
} lang aufbewahrt.
kept-reasons = Fragen und Antworten werden nicht aufbewahrt. Gründe und Kommentare werden { $days ->
    [one] einen Tag
   *[other] { $days } Tage
} lang aufbewahrt.
kept-redacted = E-Mail-Adressen sowie Telefon-, Karten- und IBAN-Nummern werden entfernt, bevor etwas gespeichert wird.
kept-as-written = Text wird so gespeichert, wie er geschrieben wurde: Das Entfernen personenbezogener Daten ist in den Einstellungen ausgeschaltet.
kept-ratings = Bewertungen und Zahlen werden { $days ->
    [one] einen Tag
   *[other] { $days } Tage
} lang aufbewahrt.
inbox-archived = Unterhaltungen, deren letzte Aktivität mehr als { $days ->
    [one] einen Tag
   *[other] { $days } Tage
} zurückliegt, sind archiviert. Sie stehen nicht in dieser Liste; der CSV-Export und der Datensatz enthalten sie.
inbox-narrowed = Nur Unterhaltungen mit:
inbox-show-all = Alle Unterhaltungen zeigen
inbox-handed-over = An einen Menschen übergeben
inbox-not-handed-over = Nicht übergeben
column-conversation = Unterhaltung
column-last-activity = Letzte Aktivität
column-satisfaction = Zufriedenheit
column-thumbs = Daumen je Nachricht
column-reasons = Genannte Gründe
satisfaction-positive = Positiv
satisfaction-negative = Negativ
satisfaction-neutral = Neutral
satisfaction-unknown = Unbekannt
negative-reason = Negativer Grund: { $reason }
thumbs-counts = 👍 { $up } · 👎 { $down }
load-more = Mehr laden
conversations-empty = Keine Unterhaltung in diesem Zeitraum passt zu diesem Filter.
conversation-back = Zurück zur Liste
user-data = Nutzerdaten
csat-score = Bewertung
csat-free-feedback = Freitext-Feedback
answer-yes = Ja
answer-no = Nein
messages-title = Bewertete Nachrichten
messages-empty = In dieser Unterhaltung wurde keine Nachricht bewertet.
message-positive = Positives Feedback des Nutzers
message-negative = Negatives Feedback des Nutzers
message-question = Frage des Kunden
message-answer = Antwort des Assistenten
message-reason = Grund
message-tags = Schlagwörter
conversation-handed-over = An eine Person übergeben
conversation-page = Seite
conversation-context = Kontext
message-agent = Von einer Person beantwortet
message-meta = Herkunft

gaps-title = Wissenslücken
gaps-intro = Kundenfragen, deren Antworten immer wieder negativ bewertet wurden. Jede steht für Wissen, das dem Assistenten fehlt.
gaps-count = { $count ->
    [one] einmal Daumen runter
   *[other] { $count }-mal Daumen runter
}
gaps-latest = zuletzt am { $date }
gaps-examples = Auch gefragt als
gaps-conversations = Unterhaltungen
gaps-empty = In diesem Zeitraum wurde keine Frage mehr als einmal negativ bewertet. Fragen werden nur gespeichert, wenn die Website Auszüge aufbewahrt.

loading = Wird geladen …
load-failed = Das konnte nicht geladen werden: { $reason }
error-wrong-secret = Website-Schlüssel oder Geheimnis sind falsch
error-unreachable = der Collector hat nicht geantwortet; prüfen Sie die Verbindung und versuchen Sie es erneut
error-site-moving = die Website zieht in eine andere Datenbank um; Änderungen sind in einigen Minuten wieder möglich
error-rate-limited = zu viele Anfragen; versuchen Sie es in einer Minute erneut
error-collector-failed = beim Collector ist ein Fehler aufgetreten; versuchen Sie es gleich noch einmal
refusal-invalid-json = die Anfrage war kein JSON
refusal-invalid-envelope = die Anfrage war kein Stapel von Ereignissen
refusal-payload-too-large = die Anfrage war zu groß
refusal-too-many-events = die Anfrage enthielt zu viele Ereignisse
refusal-unknown-site = keine Website hat diesen Schlüssel
refusal-origin-not-allowed = die Adresse dieser Seite gehört nicht zu den erlaubten Origins der Website
refusal-unauthorized = Website-Schlüssel oder Geheimnis sind falsch
refusal-missing-field = ein Wert, den die Anfrage braucht, fehlte
refusal-invalid-field = ein Wert der Anfrage war keiner, den der Collector annimmt
refusal-too-long = ein Text war länger als erlaubt
refusal-unknown-event-type = der Collector kennt diese Art von Ereignis nicht
refusal-timestamp-out-of-range = eine Zeitangabe lag zu weit in der Zukunft oder zu weit zurück
refusal-not-found = das ist nicht vorhanden – es wurde gelöscht oder hat nie existiert
refusal-method-not-allowed = der Collector nimmt hier keine solche Anfrage an
refusal-csat-locked = die Zufriedenheitsantwort kann nicht mehr geändert werden
refusal-unknown-locale = für diese Sprache gibt es keine mitgelieferten Texte
refusal-invalid-copy = die Texte enthalten Probleme; es wurde nichts gespeichert
refusal-rate-limited = zu viele Anfragen; versuchen Sie es in einer Minute erneut
refusal-internal = beim Collector ist ein Fehler aufgetreten; versuchen Sie es gleich noch einmal
refusal-out-of-scope = Ihr Schlüssel darf das nicht
refusal-invalid-settings = die Einstellungen enthalten Probleme; es wurde nichts gespeichert
refusal-stale-settings = jemand hat die Einstellungen geändert, seit Sie sie geöffnet haben; laden Sie neu, um die Änderung zu sehen, und nehmen Sie Ihre dann erneut vor
refusal-precondition-required = die Einstellungen wurden ohne die Version gesendet, die sie ändern; laden Sie neu und versuchen Sie es erneut
refusal-site-moving = die Website zieht in eine andere Datenbank um; Änderungen sind in einigen Minuten wieder möglich
refusal-meta-too-many-keys = die Angaben zu einer Nachricht hatten zu viele Schlüssel
refusal-meta-key-invalid = ein Schlüssel in den Angaben zu einer Nachricht bestand nicht aus 1 bis 40 Zeichen aus a–z, 0–9 und _
refusal-meta-value-too-long = ein Wert in den Angaben zu einer Nachricht war zu lang
refusal-meta-value-type = ein Wert in den Angaben zu einer Nachricht war weder Text noch Zahl
refusal-invalid-review = die Prüfung enthält Probleme; es wurde nichts gespeichert
refusal-stale-review = jemand hat das geprüft, seit Sie es geöffnet haben; laden Sie neu, um die Prüfung zu sehen
checker-at = Zeile { $line }, Spalte { $col }: { $finding }
checker-missing-message = { $id } fehlt.
checker-missing-attribute = Bei { $id } fehlt das Attribut .{ $attribute }, das die Referenz hat.
checker-obsolete-attribute = { $id } hat das Attribut .{ $attribute }, das die Referenz nicht hat.
checker-unknown-variable = { $id } verwendet die Variable { $variable }, die die Referenz dafür nicht bereitstellt.
checker-unused-variable = { $id } verwendet die Variable { $variable } nicht, die Referenz aber schon.
checker-obsolete-message = { $id } ist keine Meldung der Referenz; entfernen Sie sie.
checker-unknown-reference = { $kind ->
    [term] { $id } verweist auf den Term { $target }, den es nicht gibt.
   *[message] { $id } verweist auf die Meldung { $target }, die es nicht gibt.
}
checker-term-variable = { $id } verwendet { $term }, ohne { $variable } zu übergeben, daher würden Kunden den Namen der Variable sehen: Ein Term liest nur, was sein Aufruf übergibt.
checker-plural-categories = { $id } wählt nach einer Zahl, aber es fehlen die Formen { $missing }; { $locale } verwendet { $categories }.
checker-plural-category-unused = { $id } hat die Formen { $unused }, die { $locale } nie verwendet ({ $categories }); für eine genaue Zahl verwenden Sie einen Schlüssel wie [0].
checker-bad-locale = { $locale } ist kein Sprachcode.
checker-undocumented = Über { $id } steht kein Hinweis, der Übersetzern sagt, wo die Meldung erscheint.
checker-number-too-long = In { $id } hat die Zahl { $value } mehr als { $significant } signifikante Stellen oder { $fraction } Nachkommastellen, daher würden Kunden den mitgelieferten Text sehen. Kürzen Sie sie.
checker-too-deep = Platzhalter sind hier tiefer als { $depth } Ebenen verschachtelt, daher wird diese Meldung nicht gelesen.
checker-unclosed = Eine geschweifte oder runde Klammer weiter oben ist noch offen, wo diese Zeile eine neue Meldung beginnt. Schließen Sie sie, oder rücken Sie diese Zeile ein, wenn sie die vorige fortsetzt.
checker-control-character = { $character } ist ein Steuerzeichen, das Texte nicht enthalten dürfen. Löschen Sie es.
checker-syntax = Fluent kann das nicht lesen ({ $detail }).
checker-duplicate-id = { $id } wird erneut definiert; zuerst wurde es in Zeile { $first } definiert.
checker-empty-value = { $id } ist leer.
checker-unsupported-function = In { $id } ist { $function }() keine Funktion, die die Sprechblase kennt; sie kennt nur NUMBER().
checker-number-argument = In { $id } erwartet NUMBER() genau eine Zahl, etwa NUMBER($count).
checker-number-option = { $problem ->
    [unknown] In { $id } hat NUMBER() keine Option { $option }; möglich sind { $options }.
    [grouping] In { $id } erwartet { $option } "true" oder "false", in Anführungszeichen.
    [range] In { $id } erwartet { $option } eine ganze Zahl von { $low } bis { $high }.
    [conflict] In { $id } ist { $option } größer als { $other }; setzen Sie es auf höchstens { $other }.
   *[precision] In { $id } zeigt die Zahl { $digits } Nachkommastellen, mehr als maximumFractionDigits: { $high }.
} Kunden würden den mitgelieferten Text sehen.

## Settings

nav-settings = Einstellungen
settings-title = Einstellungen
settings-intro = Wie die Sprechblase auf Ihrer Website um Feedback bittet und was der Collector aufbewahrt.
settings-csat-legend = Zufriedenheitsabfrage
settings-csat-enabled = Am Ende eines Gesprächs nach der Zufriedenheit fragen
settings-csat-mode = Art der Abfrage
settings-mode-thumbs = Daumen hoch oder runter
settings-mode-scale5 = Eine Note von 1 bis 5
settings-sample = Anteil der befragten Gespräche (Prozent)
settings-sample-hint = Dasselbe Gespräch ist immer dabei oder nicht, auch nach dem Neuladen. 0 fragt niemanden; die Antwortquote zählt nur befragte Gespräche.
settings-min-answers = Erst fragen nach mindestens so vielen Antworten
settings-min-answers-hint = Antworten Ihres Assistenten oder einer Person aus Ihrem Team, die übernommen hat. 0 fragt auch nach Gesprächen ohne Antwort.
settings-cooldown = Dieselbe Person nicht erneut fragen für (Tage)
settings-cooldown-hint = Gezählt ab ihrer letzten Antwort oder Ablehnung und in ihrem eigenen Browser gespeichert. 0: in jedem Gespräch fragen.
settings-reason-tags = Gründe zur Auswahl nach „Daumen runter“
settings-reason-tags-hint = Mit Kommas trennen, etwa wrong_answer, too_long.
settings-idle = Ein ruhendes Gespräch beenden nach (Sekunden)
settings-idle-hint = Leer lassen, um Gespräche nur auf Zeichen Ihrer Website zu beenden. Ist der Chat dann geschlossen, wartet die Frage darin, angezeigt durch einen Punkt an der Blase.
settings-data-legend = Daten
settings-store-text = Frage und Antwort zu jeder Bewertung aufbewahren
settings-retention = Feedback aufbewahren für (Tage)
settings-text-retention = Fragen, Antworten und Kommentare behalten für (Tage)
settings-text-retention-hint = Leer: so lange wie das Feedback. Nach diesen Tagen wird der Text gelöscht; Bewertungen, Punkte und Zahlen bleiben für die Tage oben.
settings-hot-days = Gespräche in der Datenbank behalten für (Tage)
settings-hot-days-hint = Danach wandert ein Gespräch ins Archiv. Übersicht und Vergleich zählen es weiter; der Posteingang zeigt nur die Gespräche dieser letzten Tage.
settings-redaction-legend = Personenbezogene Daten
settings-redaction-enabled = E-Mail-Adressen, Telefonnummern, Kartennummern und IBANs aus Texten entfernen
settings-redaction-hint = Sie werden zu [email], [phone], [card] und [iban], bevor etwas gespeichert oder an Ihren Webhook gesendet wird – in Fragen, Antworten, Gründen und Kommentaren. Was gespeichert wurde, während dies an war, bleibt geschwärzt, wenn Sie es ausschalten.
settings-redaction-patterns-intro = Eigene Muster: ein fester Anfang, gefolgt von Ziffern, etwa Ihre Bestellnummern. Entfernen Sie die Ziffern, oder behalten Sie sie wie geschrieben, auch wo sie wie eine Telefonnummer aussehen.
settings-redaction-pattern = Muster { $number }
settings-redaction-prefix = Anfang (der Text vor den Ziffern)
settings-redaction-action = Was geschieht
settings-redaction-remove = Ziffern entfernen
settings-redaction-keep = Wie geschrieben behalten
settings-redaction-remove-pattern = Muster { $number } entfernen
settings-redaction-add = Muster hinzufügen
settings-shop-legend = Shop
settings-shop-name = Name des Shops
settings-time-zone = Zeitzone
settings-time-zone-hint = Eine IANA-Zeitzone wie Europe/Berlin; die Tage im Dashboard richten sich danach.
settings-origins = Seiten, die Feedback senden dürfen
settings-origins-hint = Ein Origin pro Zeile, etwa https://shop.example.
settings-review-labels = Labels für die Prüfung
settings-review-labels-hint = Ein Label pro Zeile, höchstens 20, je bis zu 40 Zeichen, etwa „falsche Antwort“.
settings-webhook-legend = Webhook
settings-webhook-url = Webhook-URL
settings-webhook-test = Test-Webhook senden
settings-webhook-delivered = Der Test ist angekommen (Antwort { $status }).
settings-webhook-failed = Der Test ist nicht angekommen: { $reason }
settings-alerts-legend = Benachrichtigungen
settings-alerts-intro = Die Regeln werden alle 15 Minuten geprüft. Ihr Team erfährt es einmal, wenn eine Regel zu greifen beginnt, und noch einmal, wenn sie endet.
settings-alerts-rule = Regel { $number }
settings-alerts-kind = Benachrichtigen, wenn
settings-alerts-kind-share = der Anteil der Daumen nach unten eine Grenze übersteigt
settings-alerts-kind-csat = die durchschnittliche Zufriedenheit unter eine Grenze fällt
settings-alerts-kind-items = sich offene Prüfeinträge häufen
settings-alerts-hours = In den letzten (Stunden)
settings-alerts-percent = Anteil Daumen nach unten über (%)
settings-alerts-average = Durchschnitt unter (1–5)
settings-alerts-min-ratings = Mit mindestens (Bewertungen)
settings-alerts-min-answers = Mit mindestens (Antworten)
settings-alerts-count = Offene Prüfeinträge der letzten Stunde, mindestens
settings-alerts-remove = Regel { $number } entfernen
settings-alerts-add = Regel hinzufügen
settings-alerts-to-webhook = Benachrichtigungen auch an den Webhook senden
settings-alerts-chat-url = Chat-URL (ein eingehender Slack-Webhook; Mattermost und Rocket.Chat nehmen dasselbe, Discord unter …/slack)
settings-alerts-digest = Täglich um 09:00 in der Zeitzone der Website eine Zusammenfassung an die Chat-URL senden
settings-save = Einstellungen speichern
settings-saved = Einstellungen gespeichert.
settings-invalid = Einige Einstellungen müssen geändert werden; siehe die Hinweise daneben.
settings-stale = Diese Einstellungen wurden inzwischen anderswo geändert. Laden Sie die Seite neu, um sie zu sehen.
settings-problem-csat-enabled = Schalten Sie es ein oder aus.
settings-problem-csat-mode = Wählen Sie Daumen hoch oder runter – oder die Skala 1–5.
settings-problem-csat-sample-percent = Geben Sie den Anteil als ganze Prozentzahl von { $low } bis { $high } an.
settings-problem-csat-cooldown-days = Geben Sie die Tage als ganze Zahl von { $low } bis { $high } an.
settings-problem-csat-min-assistant-messages = Geben Sie die Anzahl der Antworten als ganze Zahl von { $low } bis { $high } an.
settings-problem-reason-tags = Geben Sie höchstens { $most } Gründe an, durch Kommas getrennt, jeden nur einmal und jeden nur aus Buchstaben, Ziffern und - _ . : ~ (etwa wrong_answer).
settings-problem-idle-end-seconds = Geben Sie die Sekunden als ganze Zahl von { $low } bis { $high } an, oder lassen Sie das Feld leer, damit ruhende Gespräche nie enden.
settings-problem-store-text = Schalten Sie es ein oder aus.
settings-problem-retention-days = Geben Sie die Tage als ganze Zahl von { $low } bis { $high } an.
settings-problem-text-retention-days = Geben Sie die Tage als ganze Zahl von { $low } bis { $high } an, oder lassen Sie das Feld leer, um den Text so lange wie das Feedback aufzubewahren.
settings-problem-hot-days = Geben Sie eine ganze Zahl von Tagen zwischen { $low } und { $high } an.
settings-problem-webhook-url = Geben Sie eine öffentliche https://-URL ohne Benutzername und Passwort an, oder lassen Sie das Feld leer.
settings-problem-shop-name = Geben Sie einen Namen mit 1 bis { $most } Zeichen ohne Leerzeichen am Anfang oder Ende an, oder lassen Sie das Feld leer.
settings-problem-time-zone = Geben Sie eine Zeitzone wie Europe/Berlin an, oder lassen Sie das Feld leer, dann gilt UTC.
settings-problem-review-labels = Geben Sie höchstens { $most } Labels an, eines pro Zeile, jedes nur einmal und jedes mit 1 bis { $chars } Zeichen.
settings-problem-alerts = Die Benachrichtigungen konnten nicht gelesen werden. Laden Sie die Seite neu und legen Sie sie erneut fest.
settings-problem-alerts-rules = Legen Sie höchstens { $most } Regeln an, jede nur einmal, über 1 bis { $hours } Stunden und mit Zahlen im zulässigen Bereich, und geben Sie an, wohin die Benachrichtigungen gehen: an eine Chat-URL oder an den Webhook mit einer Webhook-URL.
settings-problem-alerts-chat-url = Geben Sie eine öffentliche https://-URL eines Chat-Webhooks an (die tägliche Zusammenfassung braucht eine), oder lassen Sie das Feld leer.
settings-problem-redaction = Die Einstellungen zu personenbezogenen Daten konnten nicht gelesen werden. Laden Sie die Seite neu und legen Sie sie erneut fest.
settings-problem-redaction-patterns = Geben Sie höchstens { $most } Muster an, jedes mit einem anderen Anfang aus 1 bis { $chars } Zeichen (etwa ORD-) und der Angabe, was mit dem Folgenden geschieht.
settings-problem-allowed-origins = Geben Sie höchstens { $most } Adressen an, jede nur einmal, so wie ein Browser sie sendet: http:// oder https://, der Host in Kleinbuchstaben und ein Port nur, wenn es nicht der übliche ist (etwa https://shop.example).
settings-problem-name = Geben Sie dem Schlüssel einen Namen mit 1 bis { $most } Zeichen.
settings-problem-scope = Wählen Sie, was der Schlüssel darf.
settings-audit-title = Änderungen
settings-audit-empty = Noch keine Änderungen.
settings-audit-when = Wann
settings-audit-who = Wer
settings-audit-what = Was sich geändert hat

## Access keys and the site secret

keys-title = Zugangsschlüssel
keys-intro = Schlüssel für Personen, die weniger als Ihr Secret brauchen: Ein Text-Schlüssel bearbeitet nur die Texte, ein Lese-Schlüssel sieht nur Zahlen und Gespräche.
keys-name = Name
keys-scope = Was er darf
keys-scope-wording = Texte bearbeiten
keys-scope-read = Feedback lesen
keys-scope-review = Unterhaltungen prüfen
keys-create = Schlüssel erstellen
keys-created = Das Secret des Schlüssels, nur jetzt sichtbar:
keys-empty = Noch keine Schlüssel.
keys-created-at = Erstellt
keys-status = Status
keys-revoked = Widerrufen am { $date }
keys-revoke = Widerrufen
keys-revoke-label = Den Schlüssel { $name } widerrufen
keys-show-revoked = Widerrufene anzeigen ({ $count })
keys-hide-revoked = Widerrufene ausblenden
keys-more-revoked = { $count } weitere anzeigen
secret-title = Site-Secret
secret-intro = Ein neues Secret ersetzt Ihres sofort; dieser Tab verwendet es ab jetzt.
secret-rotate = Neues Secret erstellen
secret-rotated = Ihr neues Secret, nur jetzt sichtbar:

nav-wording = Texte
wording-title = Texte
wording-intro = Die Texte, die die Sprechblase Kunden zeigt, in jeder Sprache. Was Sie hier schreiben, ersetzt den mitgelieferten Text dieser Meldung; ein leeres Feld behält den mitgelieferten Text.
wording-locale = Sprache
wording-locale-name = { $name } ({ $tag })
wording-find = Meldung suchen
wording-filter = Anzeigen
wording-filter-all = Alle
wording-filter-changed = Von dieser Website geändert
wording-filter-differs = Weicht vom mitgelieferten Text ab
wording-filter-findings = Mit Problemen
wording-filter-missing = Fehlt in dieser Sprache
wording-filter-prompt = In der Zufriedenheitsumfrage
wording-filter-messages = Unter Antworten
wording-filter-bubble = In Sprechblase und Chatfenster
wording-found = { $total ->
    [one] { $shown } von { $total } Meldung angezeigt
   *[other] { $shown } von { $total } Meldungen angezeigt
}
wording-found-none = Keine Meldung passt. Versuchen Sie andere Wörter, oder zeigen Sie alle an.
wording-mode = Bearbeiten
wording-mode-messages = Meldung für Meldung
wording-mode-file = Die ganze Datei (Fluent)
wording-file = Ihre Texte als Fluent-Datei
wording-reference = Referenz (en-US)
wording-shipped = Mitgelieferter Text
wording-own = Ihr Text
wording-revert = Mitgelieferten Text verwenden
wording-revert-label = Mitgelieferten Text verwenden: { $id }
wording-save = Texte speichern
wording-saved = Als Version { $version } gespeichert.
wording-unchanged = Gespeichert; es hatte sich nichts geändert.
wording-refused = Nicht gespeichert: Der Collector hat diese Probleme gefunden. Die zuvor gespeicherten Texte bleiben unverändert.
wording-set-aside = Kunden sehen bei diesen Texten den mitgelieferten Text: Eine seit dem Speichern hinzugekommene Prüfung findet darin Probleme. Korrigieren Sie sie, damit wieder Ihre Texte erscheinen.
wording-sample-question = Wo ist meine Bestellung?
wording-sample-answer = Ihre Bestellung hat gestern unser Lager verlassen und sollte innerhalb von drei Tagen ankommen.
preview-title = Vorschau
preview-mode = Zufriedenheitsumfrage
preview-step = Schritt
preview-step-question = Die Frage
preview-step-comment = Der Kommentar
preview-step-thanks = Der Dank
preview-count = Verbleibende Zeichen (beliebige Zahl, für die Pluralformen)
preview-failed = Die Vorschau kann in diesem Browser nicht angezeigt werden.
history-title = Gespeicherte Versionen
history-empty = Noch keine gespeicherten Versionen.
history-version = Version { $version }, { $when }, von { $who }
history-show = Änderungen
history-show-label = Änderungen in Version { $version }
history-restore = Wiederherstellen
history-restore-label = Version { $version } wiederherstellen
history-no-changes = In dieser Version wurde keine Meldung geändert.
history-prompts = { $offered ->
    [one] Eine Zufriedenheitsumfrage wurde damit formuliert
   *[other] { $offered } Zufriedenheitsumfragen wurden damit formuliert
}: { $answered } beantwortet, { $completed } abgeschlossen.
history-no-prompts = Noch keine Zufriedenheitsumfrage wurde damit formuliert.
wording-discard = Ihre Änderungen an den Texten dieser Sprache sind nicht gespeichert. Verwerfen?

nav-compare = Vergleich
compare-title = Vergleich
compare-intro = Welches Modell, welcher Prompt, welche Seite oder Variante bekommt „Daumen runter“? Zu jedem Anteil steht der Bereich, in dem der wahre Wert wahrscheinlich liegt (95 %): Wenige Bewertungen ergeben einen weiten Bereich.
compare-by = Vergleichen nach
compare-dimension-role = KI oder Mensch
compare-dimension-locale = Sprache
compare-dimension-page = Seite
compare-empty = In diesem Zeitraum gibt es nichts zu vergleichen.
compare-column-value = Wert
compare-column-ratings = Bewertungen
compare-column-up = Anteil „Daumen hoch“
compare-column-down = Anteil „Daumen runter“
compare-column-csat = Zufriedenheit
compare-column-response = Antwortquote
compare-share = { $share } ({ $count } von { $of }; { $low }–{ $high })
compare-few = Wenige Bewertungen
compare-role-assistant = Nur KI
compare-role-agent = Mit Mensch
compare-show = Im Diagramm zeigen
compare-open-inbox = Im Posteingang öffnen
compare-column-inbox = Unterhaltungen
compare-chart-title = Anteil „Daumen runter“ pro Tag
compare-chart-empty = Wählen Sie bis zu zwei Werte, um sie Tag für Tag zu sehen.
compare-chart-table = Anteil „Daumen runter“ pro Tag, nach Wert
review-title = Prüfung
review-open = Offene Einträge
review-reviewed = In diesem Zeitraum geprüft
review-median-wait = Median der Zeit bis zur Prüfung
review-state-open = Offen
review-state-reviewed = Geprüft
review-item-thumb = Daumen runter bei Nachricht { $message }
review-item-answer = Niedrige Zufriedenheitsantwort
review-by = Geprüft von { $who } am { $when }
review-note = Notiz
review-labels = Labels
review-mark = Als geprüft markieren
review-save = Prüfung speichern
review-reopen = Wieder öffnen
review-saved = Gespeichert.
review-stale = Jemand anders hat das inzwischen geprüft. Seine Prüfung wird jetzt gezeigt; sieh sie dir an und versuche es erneut.
review-shortcuts = Tasten: J nächste offene Unterhaltung, K vorige, R als geprüft markieren, 1–9 Label wählen. Beim Tippen sind sie aus.
review-queue-end = In dieser Richtung gibt es keine offenen Unterhaltungen mehr.
filter-review = Prüfung
filter-review-all = Alle
filter-review-open = Offen
filter-review-reviewed = Geprüft
filter-label = Label
filter-label-all = Jedes Label
column-review = Prüfung
review-wait-minutes = { $count ->
    [one] eine Minute
   *[other] { $count } Minuten
}
review-wait-hours = { $count ->
    [one] eine Stunde
   *[other] { $count } Stunden
}
review-wait-days = { $count ->
    [one] ein Tag
   *[other] { $count } Tage
}
