# Français. Référence : locales/en-US/dashboard.ftl (les notes pour les traducteurs y figurent).

dashboard-title = Tableau de bord des avis
signin-intro = Collez la clé et le secret de votre site. Ils restent dans cet onglet et sont oubliés à sa fermeture.
signin-site-key = Clé du site
signin-secret = Secret du site ou clé d’accès
signin-submit = Ouvrir le tableau de bord
signin-wrong = La clé ou le secret du site est incorrect.
signout = Se déconnecter
signed-in-as = Site { $site }

nav-label = Sections du tableau de bord
nav-overview = Vue d’ensemble
nav-conversations = Conversations
nav-recommendations = Recommandations

period-label = Période
period-7 = 7 derniers jours
period-30 = 30 derniers jours
period-90 = 90 derniers jours
period-custom = Période personnalisée
period-from = Du
period-to = Au
period-apply = Appliquer
period-time-zone = Jours en { $tz }
period-range = { $from } – { $to }

overview-title = Vue d’ensemble
csat-chart-title = Satisfaction client dans le temps
csat-chart-caption = Note moyenne de satisfaction (1–5) par jour sur les conversations notées.
csat-chart-empty = Aucune conversation notée sur cette période pour l’instant.
csat-chart-point = { $date } : { $average } sur { $rated ->
    [one] une note
    [many] { $rated } de notes
   *[other] { $rated } notes
}
csat-chart-table = Moyennes quotidiennes
column-day = Jour
column-average = Moyenne
column-rated = Conversations notées
thumbs-title = Avis sur les messages
thumbs-up = Pouce levé
thumbs-down = Pouce baissé
thumbs-share = { $share } des messages notés
vs-previous = { $delta } par rapport à la période précédente
csat-figures-title = Enquête de satisfaction
csat-average = Note moyenne
csat-response-rate = Taux de réponse
csat-response-rate-hint = terminées ÷ proposées
csat-net-score = Score net
csat-net-score-hint = positives moins négatives, en part des notes
csat-offered = Proposées
csat-accepted = Acceptées
csat-denied = Refusées
csat-completed = Terminées
hand-over-title = IA et humains
hand-over-answers = { $count ->
    [one] sur une réponse
    [many] sur { $count } de réponses
   *[other] sur { $count } réponses
}
hand-over-share = Transmises à une personne
hand-over-share-hint = des conversations où l’enquête a été proposée
distribution-title = Répartition des notes
distribution-bar = { $score } : { $count ->
    [one] une conversation
    [many] { $count } de conversations
   *[other] { $count } conversations
}
no-value = –

conversations-title = Conversations
filter-feedback = Avis client
filter-all = Toutes
filter-upvote = Positives
filter-downvote = Négatives
filter-neutral = Neutres
filter-unknown = Inconnues
export-csv = Exporter en CSV
export-rated-answers = Télécharger les réponses notées (JSONL)
export-no-text = Ce site ne conserve pas la question et la réponse : les lignes du fichier n’ont donc ni entrée ni sortie. Pour les conserver, activez « Conserver la question et la réponse avec chaque pouce » dans les Réglages.
kept-all = Les questions, réponses, raisons et commentaires sont conservés { $days ->
    [one] un jour
    [many] { $days } de jours
   *[other] { $days } jours
}.
kept-reasons = Les questions et réponses ne sont pas conservées. Les raisons et commentaires sont conservés { $days ->
    [one] un jour
    [many] { $days } de jours
   *[other] { $days } jours
}.
kept-redacted = Les adresses e-mail et les numéros de téléphone, de carte et IBAN sont retirés avant tout stockage.
kept-as-written = Le texte est stocké tel qu’il a été écrit : le retrait des données personnelles est désactivé dans les Paramètres.
kept-ratings = Les notes et les chiffres sont conservés { $days ->
    [one] un jour
    [many] { $days } de jours
   *[other] { $days } jours
}.
inbox-archived = Les conversations sans activité depuis plus de { $days ->
    [one] un jour
    [many] { $days } de jours
   *[other] { $days } jours
} sont archivées. Elles ne figurent pas dans cette liste ; l’export CSV et le jeu de données les contiennent.
inbox-narrowed = Seulement les conversations avec :
inbox-show-all = Afficher toutes les conversations
inbox-handed-over = Transmise à une personne
inbox-not-handed-over = Non transmise
column-conversation = Conversation
column-last-activity = Dernière activité
column-satisfaction = Satisfaction
column-thumbs = Pouces par message
column-reasons = Raisons données
satisfaction-positive = Positive
satisfaction-negative = Négative
satisfaction-neutral = Neutre
satisfaction-unknown = Inconnue
negative-reason = Raison négative : { $reason }
thumbs-counts = 👍 { $up } · 👎 { $down }
load-more = Afficher plus
conversations-empty = Aucune conversation de cette période ne correspond à ce filtre.
conversation-back = Retour à la liste
user-data = Données utilisateur
csat-score = Note
csat-free-feedback = Commentaire libre
answer-yes = Oui
answer-no = Non
messages-title = Messages notés
messages-empty = Aucun message noté dans cette conversation.
message-positive = Avis positif de l’utilisateur
message-negative = Avis négatif de l’utilisateur
message-question = Question du client
message-answer = Réponse de l’assistant
message-reason = Raison
message-tags = Étiquettes
conversation-handed-over = Transmise à une personne
conversation-page = Page
conversation-context = Contexte
message-agent = Réponse d’une personne
message-meta = Provenance

gaps-title = Lacunes de connaissances
gaps-intro = Questions dont les réponses ont été notées négativement à plusieurs reprises. Chacune est une connaissance qui manque à l’assistant.
gaps-count = { $count ->
    [one] un pouce baissé
    [many] { $count } de pouces baissés
   *[other] { $count } pouces baissés
}
gaps-latest = dernier le { $date }
gaps-examples = Aussi posée ainsi
gaps-conversations = Conversations
gaps-empty = Aucune question n’a été notée négativement plus d’une fois sur cette période. Les questions ne sont conservées que pour les sites qui gardent des extraits.

loading = Chargement…
load-failed = Impossible de charger ceci : { $reason }
error-wrong-secret = la clé ou le secret du site est incorrect
error-unreachable = le collecteur n’a pas répondu ; vérifiez la connexion et réessayez
error-site-moving = le site est en cours de transfert vers une autre base de données ; les modifications seront de nouveau possibles dans quelques minutes
error-rate-limited = trop de requêtes ; réessayez dans une minute
error-collector-failed = le collecteur a rencontré un problème ; réessayez dans un instant
refusal-invalid-json = la requête n’était pas du JSON
refusal-invalid-envelope = la requête n’était pas un lot d’événements
refusal-payload-too-large = la requête était trop volumineuse
refusal-too-many-events = la requête contenait trop d’événements
refusal-unknown-site = aucun site n’a cette clé
refusal-origin-not-allowed = l’adresse de cette page ne fait pas partie des origines autorisées du site
refusal-unauthorized = la clé ou le secret du site est incorrect
refusal-missing-field = il manquait une valeur nécessaire à la requête
refusal-invalid-field = une valeur de la requête n’était pas de celles que le collecteur accepte
refusal-too-long = un texte dépassait sa longueur maximale
refusal-unknown-event-type = le collecteur ne connaît pas ce type d’événement
refusal-timestamp-out-of-range = un horodatage était trop loin dans le futur ou trop ancien
refusal-not-found = ce qui est demandé n’est pas là : cela a été effacé ou n’a jamais existé
refusal-method-not-allowed = le collecteur n’accepte pas ce type de requête ici
refusal-csat-locked = la réponse de satisfaction ne peut plus être modifiée
refusal-unknown-locale = il n’y a pas de texte livré pour cette langue
refusal-invalid-copy = les textes comportent des problèmes ; rien n’a été enregistré
refusal-rate-limited = trop de requêtes ; réessayez dans une minute
refusal-internal = le collecteur a rencontré un problème ; réessayez dans un instant
refusal-out-of-scope = votre clé ne permet pas de faire cela
refusal-invalid-settings = les paramètres comportent des problèmes ; rien n’a été enregistré
refusal-stale-settings = quelqu’un a modifié les paramètres depuis que vous les avez ouverts ; rechargez pour voir sa modification, puis refaites la vôtre
refusal-precondition-required = les paramètres ont été envoyés sans la version qu’ils modifient ; rechargez et réessayez
refusal-site-moving = le site est en cours de transfert vers une autre base de données ; les modifications seront de nouveau possibles dans quelques minutes
refusal-meta-too-many-keys = les détails d’un message avaient trop de clés
refusal-meta-key-invalid = une clé des détails d’un message ne comptait pas de 1 à 40 caractères parmi a–z, 0–9 et _
refusal-meta-value-too-long = une valeur des détails d’un message était trop longue
refusal-meta-value-type = une valeur des détails d’un message n’était ni un texte ni un nombre
refusal-invalid-review = la revue comporte des problèmes ; rien n’a été enregistré
refusal-stale-review = quelqu’un l’a revu depuis que vous l’avez ouvert ; rechargez pour voir sa revue
checker-at = Ligne { $line }, colonne { $col } : { $finding }
checker-missing-message = { $id } est absent.
checker-missing-attribute = Il manque à { $id } l’attribut .{ $attribute }, que la référence possède.
checker-obsolete-attribute = { $id } a l’attribut .{ $attribute }, absent de la référence.
checker-unknown-variable = { $id } utilise la variable { $variable }, que la référence ne lui fournit pas.
checker-unused-variable = { $id } n’utilise pas la variable { $variable }, contrairement à la référence.
checker-obsolete-message = { $id } n’est pas un message de la référence ; supprimez-le.
checker-unknown-reference = { $kind ->
    [term] { $id } renvoie au terme { $target }, qui n’existe pas.
   *[message] { $id } renvoie au message { $target }, qui n’existe pas.
}
checker-term-variable = { $id } utilise { $term } sans lui passer { $variable }, donc les clients verraient le nom de la variable : un terme ne lit que ce que son appel lui passe.
checker-plural-categories = { $id } choisit selon un nombre mais n’a pas les formes { $missing } ; { $locale } utilise { $categories }.
checker-plural-category-unused = { $id } a les formes { $unused }, que { $locale } n’utilise jamais ({ $categories }) ; pour un nombre exact, utilisez une clé comme [0].
checker-bad-locale = { $locale } n’est pas un code de langue.
checker-undocumented = Aucune note au-dessus de { $id } n’indique aux traducteurs où il s’affiche.
checker-number-too-long = Dans { $id }, le nombre { $value } a plus de { $significant } chiffres significatifs ou de { $fraction } décimales, donc les clients verraient le texte livré. Raccourcissez-le.
checker-too-deep = Les éléments entre accolades sont imbriqués sur plus de { $depth } niveaux ici, donc ce message n’est pas lu.
checker-unclosed = Une accolade ou une parenthèse plus haut est encore ouverte là où cette ligne commence un nouveau message. Fermez-la, ou indentez cette ligne si elle prolonge la précédente.
checker-control-character = { $character } est un caractère de contrôle, interdit dans les textes. Supprimez-le.
checker-syntax = Fluent ne peut pas lire ceci ({ $detail }).
checker-duplicate-id = { $id } est défini une nouvelle fois ; sa première définition est à la ligne { $first }.
checker-empty-value = { $id } est vide.
checker-unsupported-function = Dans { $id }, { $function }() n’est pas une fonction que la bulle connaît ; seule NUMBER() l’est.
checker-number-argument = Dans { $id }, NUMBER() prend un seul nombre, par exemple NUMBER($count).
checker-number-option = { $problem ->
    [unknown] Dans { $id }, NUMBER() n’a pas d’option { $option } ; les options possibles sont { $options }.
    [grouping] Dans { $id }, { $option } accepte "true" ou "false", entre guillemets.
    [range] Dans { $id }, { $option } accepte un nombre entier de { $low } à { $high }.
    [conflict] Dans { $id }, { $option } est supérieur à { $other } ; ramenez-le à { $other } au plus.
   *[precision] Dans { $id }, le nombre affiche { $digits } décimales, plus que maximumFractionDigits : { $high }.
} Les clients verraient le texte livré.

## Settings

nav-settings = Paramètres
settings-title = Paramètres
settings-intro = Comment la bulle demande un avis sur votre site, et ce que le collecteur conserve.
settings-csat-legend = Enquête de satisfaction
settings-csat-enabled = Demander la satisfaction à la fin d'une conversation
settings-csat-mode = Type d'enquête
settings-mode-thumbs = Pouce levé ou baissé
settings-mode-scale5 = Une note de 1 à 5
settings-sample = Part des conversations interrogées (pourcentage)
settings-sample-hint = Une même conversation est toujours incluse ou non, même après un rechargement. 0 n’interroge personne ; le taux de réponse ne compte que les conversations interrogées.
settings-min-answers = Ne demander qu’après au moins ce nombre de réponses
settings-min-answers-hint = Réponses de votre assistant, ou d’un collègue qui a pris le relais. 0 demande aussi après les conversations sans réponse.
settings-cooldown = Ne pas redemander au même client pendant (jours)
settings-cooldown-hint = Compté depuis sa dernière réponse ou son dernier refus, et mémorisé dans son propre navigateur. 0 : demander à chaque conversation.
settings-reason-tags = Raisons proposées après un pouce baissé
settings-reason-tags-hint = Séparez-les par des virgules, par exemple wrong_answer, too_long.
settings-idle = Terminer une conversation inactive après (secondes)
settings-idle-hint = Laissez vide pour ne terminer les conversations que lorsque votre site le demande. Si le chat est fermé à ce moment-là, la question attend à l’intérieur, signalée par un point sur la bulle.
settings-data-legend = Données
settings-store-text = Conserver la question et la réponse avec chaque pouce
settings-retention = Conserver les avis pendant (jours)
settings-text-retention = Conserver questions, réponses et commentaires pendant (jours)
settings-text-retention-hint = Vide : aussi longtemps que les avis. Passé ce délai, le texte est effacé ; les notes, scores et chiffres restent pendant les jours ci-dessus.
settings-hot-days = Garder les conversations dans la base pendant (jours)
settings-hot-days-hint = Ensuite, la conversation passe aux archives. La Vue d’ensemble et Comparer la comptent toujours ; la boîte de réception ne montre que les conversations de ces derniers jours.
settings-redaction-legend = Données personnelles
settings-redaction-enabled = Retirer des textes les adresses e-mail, numéros de téléphone, numéros de carte et IBAN
settings-redaction-hint = Ils deviennent [email], [phone], [card] et [iban] avant tout enregistrement ou envoi à votre webhook, dans les questions, réponses, raisons et commentaires. Ce qui a été enregistré pendant que cette option était active reste masqué si vous la désactivez.
settings-redaction-patterns-intro = Vos propres motifs : un début fixe suivi de chiffres, comme vos numéros de commande. Retirez leurs chiffres, ou gardez-les tels quels, même s’ils ressemblent à un numéro de téléphone.
settings-redaction-pattern = Motif { $number }
settings-redaction-prefix = Début (le texte avant les chiffres)
settings-redaction-action = Ce qui se passe
settings-redaction-remove = Retirer les chiffres
settings-redaction-keep = Garder tel quel
settings-redaction-remove-pattern = Supprimer le motif { $number }
settings-redaction-add = Ajouter un motif
settings-shop-legend = Boutique
settings-shop-name = Nom de la boutique
settings-time-zone = Fuseau horaire
settings-time-zone-hint = Un fuseau IANA comme Europe/Berlin ; les jours du tableau de bord le suivent.
settings-origins = Pages autorisées à envoyer des avis
settings-origins-hint = Une origine par ligne, par exemple https://shop.example.
settings-review-labels = Libellés de revue
settings-review-labels-hint = Un libellé par ligne, 20 au plus, de 40 caractères au plus chacun, par exemple réponse fausse.
settings-webhook-legend = Webhook
settings-webhook-url = URL du webhook
settings-webhook-test = Envoyer un webhook de test
settings-webhook-delivered = Le test est arrivé (réponse { $status }).
settings-webhook-failed = Le test n'est pas arrivé : { $reason }
settings-alerts-legend = Alertes
settings-alerts-intro = Les règles sont vérifiées toutes les 15 minutes. Votre équipe est prévenue une fois quand une règle commence à s’appliquer, et une fois encore quand elle cesse.
settings-alerts-rule = Règle { $number }
settings-alerts-kind = Alerter quand
settings-alerts-kind-share = la part de pouces vers le bas dépasse une limite
settings-alerts-kind-csat = la satisfaction moyenne passe sous une limite
settings-alerts-kind-items = les éléments à examiner s’accumulent
settings-alerts-hours = Sur les dernières (heures)
settings-alerts-percent = Part de pouces vers le bas au-dessus de (%)
settings-alerts-average = Moyenne en dessous de (1–5)
settings-alerts-min-ratings = Avec au moins (avis)
settings-alerts-min-answers = Avec au moins (réponses)
settings-alerts-count = Éléments à examiner ouverts dans la dernière heure, au moins
settings-alerts-remove = Supprimer la règle { $number }
settings-alerts-add = Ajouter une règle
settings-alerts-to-webhook = Envoyer aussi les alertes au webhook
settings-alerts-chat-url = URL de chat (un webhook entrant Slack ; Mattermost et Rocket.Chat acceptent le même, Discord à …/slack)
settings-alerts-digest = Publier un résumé quotidien sur l’URL de chat à 09:00, dans le fuseau horaire du site
settings-save = Enregistrer les paramètres
settings-saved = Paramètres enregistrés.
settings-invalid = Certains paramètres doivent être modifiés ; voir les remarques à côté.
settings-stale = Ces paramètres ont été modifiés ailleurs depuis leur ouverture. Rechargez la page pour les voir.
settings-problem-csat-enabled = Choisissez activé ou désactivé.
settings-problem-csat-mode = Choisissez pouce levé ou baissé, ou l’échelle 1–5.
settings-problem-csat-sample-percent = Indiquez un pourcentage entier de { $low } à { $high }.
settings-problem-csat-cooldown-days = Indiquez un nombre entier de jours, de { $low } à { $high }.
settings-problem-csat-min-assistant-messages = Indiquez un nombre entier de réponses, de { $low } à { $high }.
settings-problem-reason-tags = Indiquez au plus { $most } raisons, séparées par des virgules, chacune une seule fois et composée uniquement de lettres, de chiffres et de - _ . : ~ (par exemple wrong_answer).
settings-problem-idle-end-seconds = Indiquez un nombre entier de secondes, de { $low } à { $high }, ou laissez vide pour que les conversations inactives ne se terminent jamais.
settings-problem-store-text = Choisissez activé ou désactivé.
settings-problem-retention-days = Indiquez un nombre entier de jours, de { $low } à { $high }.
settings-problem-text-retention-days = Indiquez un nombre entier de jours, de { $low } à { $high }, ou laissez vide pour conserver le texte aussi longtemps que les avis.
settings-problem-hot-days = Indiquez un nombre entier de jours entre { $low } et { $high }.
settings-problem-webhook-url = Indiquez une URL publique en https:// sans nom d’utilisateur ni mot de passe, ou laissez vide.
settings-problem-shop-name = Indiquez un nom de 1 à { $most } caractères, sans espace au début ni à la fin, ou laissez vide.
settings-problem-time-zone = Indiquez un fuseau horaire comme Europe/Berlin, ou laissez vide pour UTC.
settings-problem-review-labels = Indiquez au plus { $most } libellés, un par ligne, chacun une seule fois et de 1 à { $chars } caractères.
settings-problem-alerts = Les alertes n’ont pas pu être lues. Rechargez la page et configurez-les à nouveau.
settings-problem-alerts-rules = Indiquez au plus { $most } règles, chacune une seule fois, sur 1 à { $hours } heures et avec des valeurs dans les limites, et dites où vont les alertes : une URL de chat, ou le webhook avec une URL du webhook.
settings-problem-alerts-chat-url = Indiquez une URL publique en https:// d’un webhook de chat (le résumé quotidien en a besoin), ou laissez vide.
settings-problem-redaction = Les paramètres des données personnelles n’ont pas pu être lus. Rechargez la page et configurez-les à nouveau.
settings-problem-redaction-patterns = Indiquez au plus { $most } motifs, chacun avec un début différent de 1 à { $chars } caractères (par exemple ORD-), et ce qui se passe pour ce qui le suit.
settings-problem-allowed-origins = Indiquez au plus { $most } adresses, chacune une seule fois, telles qu’un navigateur les envoie : http:// ou https://, un hôte en minuscules, et un port seulement s’il n’est pas celui par défaut (par exemple https://shop.example).
settings-problem-name = Donnez à la clé un nom de 1 à { $most } caractères.
settings-problem-scope = Choisissez ce que la clé permet.
settings-audit-title = Modifications
settings-audit-empty = Aucune modification pour l'instant.
settings-audit-when = Quand
settings-audit-who = Qui
settings-audit-what = Ce qui a changé

## Access keys and the site secret

keys-title = Clés d'accès
keys-intro = Des clés pour les personnes qui ont besoin de moins que votre secret : une clé de textes ne modifie que les textes ; une clé de lecture ne voit que les chiffres et les conversations.
keys-name = Nom
keys-scope = Ce qu'elle permet
keys-scope-wording = Modifier les textes
keys-scope-read = Lire les avis
keys-scope-review = Revoir les conversations
keys-create = Créer une clé
keys-created = Le secret de la clé, affiché seulement maintenant :
keys-empty = Aucune clé pour l'instant.
keys-created-at = Créée
keys-status = État
keys-revoked = Révoquée le { $date }
keys-revoke = Révoquer
keys-revoke-label = Révoquer la clé { $name }
keys-show-revoked = Afficher les révoquées ({ $count })
keys-hide-revoked = Masquer les révoquées
keys-more-revoked = Afficher { $count } de plus
secret-title = Secret du site
secret-intro = Un nouveau secret remplace le vôtre immédiatement ; cet onglet l'utilise dès maintenant.
secret-rotate = Créer un nouveau secret
secret-rotated = Votre nouveau secret, affiché seulement maintenant :

nav-wording = Textes
wording-title = Textes
wording-intro = Les textes que la bulle montre aux clients, dans chaque langue. Ce que vous écrivez ici remplace le texte livré de ce message ; une case vide garde le texte livré.
wording-locale = Langue
wording-locale-name = { $name } ({ $tag })
wording-find = Rechercher un message
wording-filter = Afficher
wording-filter-all = Tous
wording-filter-changed = Modifiés par ce site
wording-filter-differs = Différents du texte livré
wording-filter-findings = Avec des problèmes
wording-filter-missing = Manquants dans cette langue
wording-filter-prompt = Dans le questionnaire de satisfaction
wording-filter-messages = Sous les réponses
wording-filter-bubble = Dans la bulle et le panneau
wording-found = { $total ->
    [one] { $shown } sur { $total } message affiché
    [many] { $shown } sur { $total } de messages affichés
   *[other] { $shown } sur { $total } messages affichés
}
wording-found-none = Aucun message ne correspond. Essayez d’autres mots, ou affichez tout.
wording-mode = Modifier
wording-mode-messages = Message par message
wording-mode-file = Le fichier entier (Fluent)
wording-file = Vos textes en fichier Fluent
wording-reference = Référence (en-US)
wording-shipped = Texte livré
wording-own = Votre texte
wording-revert = Utiliser le texte livré
wording-revert-label = Utiliser le texte livré pour { $id }
wording-save = Enregistrer les textes
wording-saved = Enregistré comme version { $version }.
wording-unchanged = Enregistré ; rien n’avait changé.
wording-refused = Non enregistré : le collecteur a trouvé ces problèmes. Les textes enregistrés avant restent inchangés.
wording-set-aside = Les clients voient le texte fourni pour ces messages : une vérification ajoutée depuis leur enregistrement y trouve des problèmes. Corrigez-les pour que vos textes s’affichent à nouveau.
wording-sample-question = Où est ma commande ?
wording-sample-answer = Votre commande a quitté notre entrepôt hier et devrait arriver sous trois jours.
preview-title = Aperçu
preview-mode = Questionnaire de satisfaction
preview-step = Étape
preview-step-question = La question
preview-step-comment = Le commentaire
preview-step-thanks = Le remerciement
preview-count = Caractères restants (n’importe quel nombre, pour les formes du pluriel)
preview-failed = L’aperçu ne peut pas s’afficher dans ce navigateur.
history-title = Versions enregistrées
history-empty = Aucune version enregistrée pour l’instant.
history-version = Version { $version }, { $when }, par { $who }
history-show = Modifications
history-show-label = Modifications de la version { $version }
history-restore = Restaurer
history-restore-label = Restaurer la version { $version }
history-no-changes = Aucun message n’a changé dans cette version.
history-prompts = { $offered ->
    [one] Un questionnaire de satisfaction a utilisé ces textes
    [many] { $offered } questionnaires de satisfaction ont utilisé ces textes
   *[other] { $offered } questionnaires de satisfaction ont utilisé ces textes
} : { $answered } répondus, { $completed } terminés.
history-no-prompts = Aucun questionnaire de satisfaction n’a encore utilisé ces textes.
wording-discard = Vos modifications des textes de cette langue ne sont pas enregistrées. Les abandonner ?

nav-compare = Comparer
compare-title = Comparer
compare-intro = Quel modèle, quel prompt, quelle page ou variante reçoit le pouce baissé ? Chaque part est donnée avec l’intervalle où sa vraie valeur se trouve probablement (95 %) : peu d’évaluations donnent un intervalle large.
compare-by = Comparer par
compare-dimension-role = IA ou personne
compare-dimension-locale = Langue
compare-dimension-page = Page
compare-empty = Rien à comparer sur cette période.
compare-column-value = Valeur
compare-column-ratings = Évaluations
compare-column-up = Part de pouce levé
compare-column-down = Part de pouce baissé
compare-column-csat = Satisfaction
compare-column-response = Taux de réponse
compare-share = { $share } ({ $count } sur { $of } ; { $low }–{ $high })
compare-few = Peu d’évaluations
compare-role-assistant = IA seule
compare-role-agent = Avec une personne
compare-show = Afficher dans le graphique
compare-open-inbox = Ouvrir dans la boîte de réception
compare-column-inbox = Conversations
compare-chart-title = Part de pouce baissé par jour
compare-chart-empty = Cochez jusqu’à deux valeurs pour les suivre jour après jour.
compare-chart-table = Part de pouce baissé par jour, par valeur
review-title = Revue
review-open = Éléments ouverts
review-reviewed = Revus sur la période
review-median-wait = Délai médian avant revue
review-state-open = Ouvert
review-state-reviewed = Revu
review-item-thumb = Pouce en bas sur le message { $message }
review-item-answer = Réponse de satisfaction basse
review-by = Revu par { $who } le { $when }
review-note = Note
review-labels = Libellés
review-mark = Marquer comme revu
review-save = Enregistrer la revue
review-reopen = Rouvrir
review-saved = Enregistré.
review-stale = Quelqu’un d’autre l’a revu entre-temps. Sa revue est affichée ; regardez-la et réessayez.
review-shortcuts = Touches : J conversation ouverte suivante, K précédente, R marquer comme revu, 1–9 choisir un libellé. Inactives pendant la saisie.
review-queue-end = Plus de conversation ouverte dans ce sens.
filter-review = Revue
filter-review-all = Toutes
filter-review-open = Ouvertes
filter-review-reviewed = Revues
filter-label = Libellé
filter-label-all = Tout libellé
column-review = Revue
review-wait-minutes = { $count ->
    [one] une minute
    [many] { $count } de minutes
   *[other] { $count } minutes
}
review-wait-hours = { $count ->
    [one] une heure
    [many] { $count } d’heures
   *[other] { $count } heures
}
review-wait-days = { $count ->
    [one] un jour
    [many] { $count } de jours
   *[other] { $count } jours
}
