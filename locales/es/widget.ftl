# Español. Referencia: locales/en-US/widget.ftl (allí están las notas para traductores).

bubble-open = Abrir chat
bubble-close = Cerrar chat
bubble-open-waiting = Abrir chat: hay una pregunta esperándote
panel-title = Escríbenos
panel-title-shop = Chatea con { $shop }
panel-close = Cerrar chat
panel-empty = Pregúntanos lo que quieras sobre productos, pedidos o envíos.
panel-messages = Conversación
message-feedback-group = Valorar esta respuesta
message-feedback-up = Útil
message-feedback-down = No es útil
csat-title = ¿Qué tal ha ido esta conversación?
csat-thumb-up = Bien
csat-thumb-down = Mal
csat-negative-reason = ¿Qué podríamos haber hecho mejor?
csat-negative-placeholder = Cuéntanos qué falló (opcional)
csat-negative-button = Enviar comentario
csat-after-submission = ¡Gracias por tu opinión!
csat-lead-in = Antes de irte: una pregunta rápida sobre este chat.
csat-question = En una escala del 1 al 5, ¿en qué medida hemos respondido hoy a tu pregunta?
csat-score-1 = 1, muy insatisfecho
csat-score-2 = 2, insatisfecho
csat-score-3 = 3, neutral
csat-score-4 = 4, satisfecho
csat-score-5 = 5, muy satisfecho
csat-scale-ends = 1 significa muy insatisfecho, 5 significa muy satisfecho.
csat-comment-label = ¿Algo más que quieras contarnos? (opcional)
csat-comment-placeholder = Tu comentario
csat-submit = Enviar
csat-close = Cerrar encuesta
composer-label = Tu mensaje
composer-placeholder = Escribe tu pregunta…
composer-send = Enviar mensaje
reason-title = ¿Qué fallaba en esta respuesta?
reason-comment-label = Tu comentario
reason-comment-placeholder = Cuéntanos más (opcional)
reason-send = Enviar
reason-skip = Omitir
reason-tag = { $tag ->
    [wrong_answer] Respuesta incorrecta
    [too_long] Demasiado larga
    [not_relevant] No viene al caso
    [outdated] Desactualizada
    [rude] Descortés
   *[other] { $tag }
}

characters-left = { $count ->
    [one] Queda { $count } carácter
    [many] Quedan { $count } de caracteres
   *[other] Quedan { $count } caracteres
}
