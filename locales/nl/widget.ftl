# Nederlands. Referentie: locales/en-US/widget.ftl (daar staan de aanwijzingen voor vertalers).

bubble-open = Chat openen
bubble-close = Chat sluiten
bubble-open-waiting = Chat openen: er wacht een vraag op je
panel-title = Stel je vraag
panel-title-shop = Chat met { $shop }
panel-close = Chat sluiten
panel-empty = Vraag ons alles over producten, bestellingen of bezorging.
panel-messages = Gesprek
message-feedback-group = Beoordeel dit antwoord
message-feedback-up = Nuttig
message-feedback-down = Niet nuttig
csat-title = Hoe was dit gesprek?
csat-thumb-up = Goed
csat-thumb-down = Slecht
csat-negative-reason = Wat hadden we beter kunnen doen?
csat-negative-placeholder = Vertel ons wat er misging (optioneel)
csat-negative-button = Feedback versturen
csat-after-submission = Bedankt voor je feedback!
csat-lead-in = Voor je gaat: één korte vraag over deze chat.
csat-question = Hoe goed is je vraag vandaag beantwoord, op een schaal van 1 tot 5?
csat-score-1 = 1, zeer ontevreden
csat-score-2 = 2, ontevreden
csat-score-3 = 3, neutraal
csat-score-4 = 4, tevreden
csat-score-5 = 5, zeer tevreden
csat-scale-ends = 1 betekent zeer ontevreden, 5 betekent zeer tevreden.
csat-comment-label = Wil je ons nog iets vertellen? (optioneel)
csat-comment-placeholder = Je opmerking
csat-submit = Versturen
csat-close = Enquête sluiten
composer-label = Je bericht
composer-placeholder = Typ je vraag…
composer-send = Bericht versturen
reason-title = Wat klopte er niet aan dit antwoord?
reason-comment-label = Je opmerking
reason-comment-placeholder = Vertel ons meer (optioneel)
reason-send = Versturen
reason-skip = Overslaan
reason-tag = { $tag ->
    [wrong_answer] Verkeerd antwoord
    [too_long] Te lang
    [not_relevant] Niet relevant
    [outdated] Verouderd
    [rude] Onbeleefd
   *[other] { $tag }
}

characters-left = { $count ->
    [one] Nog { $count } teken
   *[other] Nog { $count } tekens
}
