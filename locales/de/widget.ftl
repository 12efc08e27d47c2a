# Deutsch. Referenz: locales/en-US/widget.ftl (dort stehen die Hinweise für Übersetzer).

bubble-open = Chat öffnen
bubble-close = Chat schließen
bubble-open-waiting = Chat öffnen: Eine Frage wartet auf dich
panel-title = Schreib uns
panel-title-shop = Chat mit { $shop }
panel-close = Chat schließen
panel-empty = Frag uns alles zu Produkten, Bestellungen oder Lieferung.
panel-messages = Unterhaltung
message-feedback-group = Diese Antwort bewerten
message-feedback-up = Hilfreich
message-feedback-down = Nicht hilfreich
csat-title = Wie war dieses Gespräch?
csat-thumb-up = Gut
csat-thumb-down = Schlecht
csat-negative-reason = Was hätten wir besser machen können?
csat-negative-placeholder = Sag uns, was schiefgelaufen ist (optional)
csat-negative-button = Feedback senden
csat-after-submission = Danke für dein Feedback!
csat-lead-in = Bevor du gehst: eine kurze Frage zu diesem Chat.
csat-question = Wie gut wurde deine Frage heute beantwortet, auf einer Skala von 1 bis 5?
csat-score-1 = 1, sehr unzufrieden
csat-score-2 = 2, unzufrieden
csat-score-3 = 3, neutral
csat-score-4 = 4, zufrieden
csat-score-5 = 5, sehr zufrieden
csat-scale-ends = 1 bedeutet sehr unzufrieden, 5 bedeutet sehr zufrieden.
csat-comment-label = Möchtest du uns noch etwas sagen? (optional)
csat-comment-placeholder = Dein Kommentar
csat-submit = Senden
csat-close = Umfrage schließen
composer-label = Deine Nachricht
composer-placeholder = Stell deine Frage…
composer-send = Nachricht senden
reason-title = Was war an dieser Antwort falsch?
reason-comment-label = Dein Kommentar
reason-comment-placeholder = Erzähl uns mehr (optional)
reason-send = Senden
reason-skip = Überspringen
reason-tag = { $tag ->
    [wrong_answer] Falsche Antwort
    [too_long] Zu lang
    [not_relevant] Nicht relevant
    [outdated] Veraltet
    [rude] Unhöflich
   *[other] { $tag }
}

characters-left = { $count ->
    [one] Noch { $count } Zeichen
   *[other] Noch { $count } Zeichen
}
