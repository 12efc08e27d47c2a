# Français. Référence : locales/en-US/widget.ftl (les consignes pour les traducteurs y figurent).

bubble-open = Ouvrir le chat
bubble-close = Fermer le chat
bubble-open-waiting = Ouvrir le chat : une question vous attend
panel-title = Discutons
panel-title-shop = Discuter avec { $shop }
panel-close = Fermer le chat
panel-empty = Posez-nous vos questions sur nos produits, vos commandes ou la livraison.
panel-messages = Conversation
message-feedback-group = Évaluer cette réponse
message-feedback-up = Utile
message-feedback-down = Pas utile
csat-title = Comment s’est passée cette conversation ?
csat-thumb-up = Bien
csat-thumb-down = Mal
csat-negative-reason = Qu’aurions-nous pu mieux faire ?
csat-negative-placeholder = Dites-nous ce qui n’a pas fonctionné (facultatif)
csat-negative-button = Envoyer l’avis
csat-after-submission = Merci pour votre avis !
csat-lead-in = Avant de partir : une petite question sur ce chat.
csat-question = Sur une échelle de 1 à 5, dans quelle mesure votre question a-t-elle trouvé réponse aujourd’hui ?
csat-score-1 = 1, très insatisfait
csat-score-2 = 2, insatisfait
csat-score-3 = 3, neutre
csat-score-4 = 4, satisfait
csat-score-5 = 5, très satisfait
csat-scale-ends = 1 signifie très insatisfait, 5 signifie très satisfait.
csat-comment-label = Autre chose à nous dire ? (facultatif)
csat-comment-placeholder = Votre commentaire
csat-submit = Envoyer
csat-close = Fermer l’enquête
composer-label = Votre message
composer-placeholder = Posez votre question…
composer-send = Envoyer le message
reason-title = Qu’est-ce qui n’allait pas dans cette réponse ?
reason-comment-label = Votre commentaire
reason-comment-placeholder = Dites-nous-en plus (facultatif)
reason-send = Envoyer
reason-skip = Passer
reason-tag = { $tag ->
    [wrong_answer] Mauvaise réponse
    [too_long] Trop long
    [not_relevant] Hors sujet
    [outdated] Obsolète
    [rude] Impoli
   *[other] { $tag }
}

characters-left = { $count ->
    [one] { $count } caractère restant
    [many] { $count } de caractères restants
   *[other] { $count } caractères restants
}
