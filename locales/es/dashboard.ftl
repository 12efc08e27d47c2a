# Español. Referencia: locales/en-US/dashboard.ftl (allí están las notas para traductores).

dashboard-title = Panel de opiniones
signin-intro = Pega la clave y el secreto de tu sitio. Se quedan en esta pestaña y se olvidan al cerrarla.
signin-site-key = Clave del sitio
signin-secret = Secreto del sitio o clave de acceso
signin-submit = Abrir el panel
signin-wrong = La clave o el secreto del sitio no son correctos.
signout = Cerrar sesión
signed-in-as = Sitio { $site }

nav-label = Secciones del panel
nav-overview = Resumen
nav-conversations = Conversaciones
nav-recommendations = Recomendaciones

period-label = Periodo
period-7 = Últimos 7 días
period-30 = Últimos 30 días
period-90 = Últimos 90 días
period-custom = Periodo personalizado
period-from = Desde
period-to = Hasta
period-apply = Aplicar
period-time-zone = Días en { $tz }
period-range = { $from } – { $to }

overview-title = Resumen
csat-chart-title = Satisfacción del cliente a lo largo del tiempo
csat-chart-caption = Valoración media de satisfacción (1–5) por día en las conversaciones valoradas.
csat-chart-empty = Aún no hay conversaciones valoradas en este periodo.
csat-chart-point = { $date }: { $average } de { $rated ->
    [one] una valoración
    [many] { $rated } de valoraciones
   *[other] { $rated } valoraciones
}
csat-chart-table = Medias diarias
column-day = Día
column-average = Media
column-rated = Conversaciones valoradas
thumbs-title = Opiniones sobre mensajes
thumbs-up = Pulgar arriba
thumbs-down = Pulgar abajo
thumbs-share = { $share } de los mensajes valorados
vs-previous = { $delta } frente al periodo anterior
csat-figures-title = Encuesta de satisfacción
csat-average = Valoración media
csat-response-rate = Tasa de respuesta
csat-response-rate-hint = completadas ÷ ofrecidas
csat-net-score = Puntuación neta
csat-net-score-hint = positivas menos negativas, como parte de las valoradas
csat-offered = Ofrecidas
csat-accepted = Aceptadas
csat-denied = Rechazadas
csat-completed = Completadas
hand-over-title = IA y personas
hand-over-answers = { $count ->
    [one] de una respuesta
    [many] de { $count } de respuestas
   *[other] de { $count } respuestas
}
hand-over-share = Pasadas a una persona
hand-over-share-hint = de las conversaciones a las que se ofreció la encuesta
distribution-title = Distribución de puntuaciones
distribution-bar = { $score }: { $count ->
    [one] una conversación
    [many] { $count } de conversaciones
   *[other] { $count } conversaciones
}
no-value = –

conversations-title = Conversaciones
filter-feedback = Opinión del cliente
filter-all = Todas
filter-upvote = Positivas
filter-downvote = Negativas
filter-neutral = Neutras
filter-unknown = Desconocidas
export-csv = Exportar CSV
export-rated-answers = Descargar respuestas valoradas (JSONL)
export-no-text = Este sitio no guarda la pregunta ni la respuesta, así que las líneas del archivo no tienen entrada ni salida. Para guardarlas, activa «Guardar la pregunta y la respuesta con cada pulgar» en Ajustes.
kept-all = Las preguntas, respuestas, motivos y comentarios se conservan { $days ->
    [one] un día
    [many] { $days } de días
   *[other] { $days } días
}.
kept-reasons = Las preguntas y respuestas no se conservan. Los motivos y comentarios se conservan { $days ->
    [one] un día
    [many] { $days } de días
   *[other] { $days } días
}.
kept-redacted = Las direcciones de correo y los números de teléfono, tarjeta e IBAN se eliminan antes de guardar nada.
kept-as-written = El texto se guarda tal como se escribió: la eliminación de datos personales está desactivada en Configuración.
kept-ratings = Las valoraciones y cifras se conservan { $days ->
    [one] un día
    [many] { $days } de días
   *[other] { $days } días
}.
inbox-archived = Las conversaciones sin actividad desde hace más de { $days ->
    [one] un día
    [many] { $days } de días
   *[other] { $days } días
} están archivadas. No aparecen en esta lista; la exportación CSV y el conjunto de datos las incluyen.
inbox-narrowed = Solo conversaciones con:
inbox-show-all = Mostrar todas las conversaciones
inbox-handed-over = Pasada a una persona
inbox-not-handed-over = No pasada a una persona
column-conversation = Conversación
column-last-activity = Última actividad
column-satisfaction = Satisfacción
column-thumbs = Pulgares por mensaje
column-reasons = Motivos indicados
satisfaction-positive = Positiva
satisfaction-negative = Negativa
satisfaction-neutral = Neutra
satisfaction-unknown = Desconocida
negative-reason = Motivo negativo: { $reason }
thumbs-counts = 👍 { $up } · 👎 { $down }
load-more = Cargar más
conversations-empty = Ninguna conversación de este periodo coincide con este filtro.
conversation-back = Volver a la lista
user-data = Datos del usuario
csat-score = Puntuación
csat-free-feedback = Comentario libre
answer-yes = Sí
answer-no = No
messages-title = Mensajes valorados
messages-empty = No hay mensajes valorados en esta conversación.
message-positive = Opinión positiva del usuario
message-negative = Opinión negativa del usuario
message-question = Pregunta del cliente
message-answer = Respuesta del asistente
message-reason = Motivo
message-tags = Etiquetas
conversation-handed-over = Transferida a una persona
conversation-page = Página
conversation-context = Contexto
message-agent = Respondido por una persona
message-meta = Procedencia

gaps-title = Lagunas de conocimiento
gaps-intro = Preguntas cuyas respuestas recibieron pulgares abajo una y otra vez. Cada una es conocimiento que le falta al asistente.
gaps-count = { $count ->
    [one] un pulgar abajo
    [many] { $count } de pulgares abajo
   *[other] { $count } pulgares abajo
}
gaps-latest = el último el { $date }
gaps-examples = También preguntada como
gaps-conversations = Conversaciones
gaps-empty = En este periodo ninguna pregunta recibió más de un pulgar abajo. Las preguntas solo se guardan en sitios que conservan extractos.

loading = Cargando…
load-failed = No se pudo cargar: { $reason }
error-wrong-secret = la clave o el secreto del sitio no son correctos
error-unreachable = el recolector no respondió; comprueba la conexión y vuelve a intentarlo
error-site-moving = el sitio se está trasladando a otra base de datos; podrás hacer cambios de nuevo en unos minutos
error-rate-limited = demasiadas solicitudes; vuelve a intentarlo en un minuto
error-collector-failed = el recolector tuvo un problema; vuelve a intentarlo en un momento
refusal-invalid-json = la solicitud no era JSON
refusal-invalid-envelope = la solicitud no era un lote de eventos
refusal-payload-too-large = la solicitud era demasiado grande
refusal-too-many-events = la solicitud contenía demasiados eventos
refusal-unknown-site = ningún sitio tiene esta clave
refusal-origin-not-allowed = la dirección de esta página no es uno de los orígenes permitidos del sitio
refusal-unauthorized = la clave o el secreto del sitio no son correctos
refusal-missing-field = faltaba un valor que la solicitud necesita
refusal-invalid-field = un valor de la solicitud no era uno de los que acepta el recolector
refusal-too-long = un texto superaba su longitud máxima
refusal-unknown-event-type = el recolector no conoce este tipo de evento
refusal-timestamp-out-of-range = una fecha y hora estaba demasiado lejos en el futuro o en el pasado
refusal-not-found = no está: se borró o nunca existió
refusal-method-not-allowed = el recolector no acepta este tipo de solicitud aquí
refusal-csat-locked = la respuesta de satisfacción ya no se puede cambiar
refusal-unknown-locale = no hay texto incluido para este idioma
refusal-invalid-copy = los textos tienen problemas; no se guardó nada
refusal-rate-limited = demasiadas solicitudes; vuelve a intentarlo en un minuto
refusal-internal = el recolector tuvo un problema; vuelve a intentarlo en un momento
refusal-out-of-scope = tu clave no permite hacer esto
refusal-invalid-settings = la configuración tiene problemas; no se guardó nada
refusal-stale-settings = alguien cambió la configuración desde que la abriste; recarga para ver su cambio y luego vuelve a hacer el tuyo
refusal-precondition-required = la configuración se envió sin la versión que cambia; recarga y vuelve a intentarlo
refusal-site-moving = el sitio se está trasladando a otra base de datos; podrás hacer cambios de nuevo en unos minutos
refusal-meta-too-many-keys = los detalles de un mensaje tenían demasiadas claves
refusal-meta-key-invalid = una clave de los detalles de un mensaje no tenía de 1 a 40 caracteres de a–z, 0–9 y _
refusal-meta-value-too-long = un valor de los detalles de un mensaje era demasiado largo
refusal-meta-value-type = un valor de los detalles de un mensaje no era ni texto ni número
refusal-invalid-review = la revisión tiene problemas; no se guardó nada
refusal-stale-review = alguien revisó esto desde que lo abriste; recarga para ver su revisión
checker-at = Línea { $line }, columna { $col }: { $finding }
checker-missing-message = Falta { $id }.
checker-missing-attribute = A { $id } le falta el atributo .{ $attribute }, que la referencia tiene.
checker-obsolete-attribute = { $id } tiene el atributo .{ $attribute }, que la referencia no tiene.
checker-unknown-variable = { $id } usa la variable { $variable }, que la referencia no le proporciona.
checker-unused-variable = { $id } no usa la variable { $variable }, que la referencia sí usa.
checker-obsolete-message = { $id } no es un mensaje de la referencia; elimínalo.
checker-unknown-reference = { $kind ->
    [term] { $id } hace referencia al término { $target }, que no existe.
   *[message] { $id } hace referencia al mensaje { $target }, que no existe.
}
checker-term-variable = { $id } usa { $term } sin pasarle { $variable }, así que los clientes verían el nombre de la variable: un término solo lee lo que le pasa su llamada.
checker-plural-categories = { $id } elige según un número, pero le faltan las formas { $missing }; { $locale } usa { $categories }.
checker-plural-category-unused = { $id } tiene las formas { $unused }, que { $locale } nunca usa ({ $categories }); para un número exacto, usa una clave como [0].
checker-bad-locale = { $locale } no es un código de idioma.
checker-undocumented = { $id } no tiene encima ninguna nota que indique a los traductores dónde se muestra.
checker-number-too-long = En { $id }, el número { $value } tiene más de { $significant } cifras significativas o { $fraction } decimales, así que los clientes verían el texto incluido. Acórtalo.
checker-too-deep = Aquí los elementos entre llaves se anidan en más de { $depth } niveles, así que este mensaje no se lee.
checker-unclosed = Una llave o un paréntesis de más arriba sigue abierto donde esta línea empieza un mensaje nuevo. Ciérralo, o sangra esta línea si continúa la anterior.
checker-control-character = { $character } es un carácter de control, y los textos no pueden contenerlo. Bórralo.
checker-syntax = Fluent no puede leer esto ({ $detail }).
checker-duplicate-id = { $id } se define de nuevo; se definió por primera vez en la línea { $first }.
checker-empty-value = { $id } está vacío.
checker-unsupported-function = En { $id }, { $function }() no es una función que la burbuja conozca; solo conoce NUMBER().
checker-number-argument = En { $id }, NUMBER() recibe un solo número, como NUMBER($count).
checker-number-option = { $problem ->
    [unknown] En { $id }, NUMBER() no tiene la opción { $option }; acepta { $options }.
    [grouping] En { $id }, { $option } acepta "true" o "false", entre comillas.
    [range] En { $id }, { $option } acepta un número entero de { $low } a { $high }.
    [conflict] En { $id }, { $option } es mayor que { $other }; ponlo como máximo en { $other }.
   *[precision] En { $id }, el número muestra { $digits } decimales, más que maximumFractionDigits: { $high }.
} Los clientes verían el texto incluido.

## Settings

nav-settings = Configuración
settings-title = Configuración
settings-intro = Cómo pide la burbuja opiniones en tu sitio y qué guarda el recopilador.
settings-csat-legend = Encuesta de satisfacción
settings-csat-enabled = Preguntar por la satisfacción al terminar una conversación
settings-csat-mode = Tipo de encuesta
settings-mode-thumbs = Pulgar arriba o abajo
settings-mode-scale5 = Una nota del 1 al 5
settings-sample = Parte de las conversaciones a las que se pregunta (porcentaje)
settings-sample-hint = Una misma conversación siempre queda dentro o fuera, incluso al recargar. 0 no pregunta a nadie; la tasa de respuesta solo cuenta las conversaciones preguntadas.
settings-min-answers = Preguntar solo tras al menos estas respuestas
settings-min-answers-hint = Respuestas de tu asistente, o de un compañero que tomó el relevo. 0 también pregunta tras conversaciones sin respuesta.
settings-cooldown = No volver a preguntar a la misma persona durante (días)
settings-cooldown-hint = Se cuenta desde su última respuesta o descarte y se guarda en su propio navegador. 0: preguntar en cada conversación.
settings-reason-tags = Motivos ofrecidos tras un pulgar abajo
settings-reason-tags-hint = Sepáralos con comas, por ejemplo wrong_answer, too_long.
settings-idle = Terminar una conversación inactiva tras (segundos)
settings-idle-hint = Déjalo vacío para terminar las conversaciones solo cuando tu sitio lo indique. Si el chat está cerrado en ese momento, la pregunta espera dentro, señalada con un punto en la burbuja.
settings-data-legend = Datos
settings-store-text = Guardar la pregunta y la respuesta con cada pulgar
settings-retention = Guardar las opiniones durante (días)
settings-text-retention = Conservar preguntas, respuestas y comentarios durante (días)
settings-text-retention-hint = Vacío: tanto como las valoraciones. Pasados estos días, el texto se borra; las valoraciones, puntuaciones y cifras se quedan los días de arriba.
settings-hot-days = Mantener las conversaciones en la base de datos durante (días)
settings-hot-days-hint = Después, la conversación pasa al archivo. El Resumen y Comparar la siguen contando; la bandeja de entrada solo muestra las conversaciones de estos últimos días.
settings-redaction-legend = Datos personales
settings-redaction-enabled = Quitar de los textos las direcciones de correo, los teléfonos, los números de tarjeta y los IBAN
settings-redaction-hint = Se convierten en [email], [phone], [card] e [iban] antes de guardar nada o enviarlo a su webhook, en preguntas, respuestas, motivos y comentarios. Lo que se guardó mientras esto estaba activo sigue oculto si lo desactiva.
settings-redaction-patterns-intro = Sus propios patrones: un comienzo fijo seguido de dígitos, como sus números de pedido. Quite sus dígitos, o manténgalos tal como están aunque parezcan un teléfono.
settings-redaction-pattern = Patrón { $number }
settings-redaction-prefix = Comienzo (el texto antes de los dígitos)
settings-redaction-action = Qué ocurre
settings-redaction-remove = Quitar los dígitos
settings-redaction-keep = Mantener tal como está
settings-redaction-remove-pattern = Eliminar el patrón { $number }
settings-redaction-add = Añadir un patrón
settings-shop-legend = Tienda
settings-shop-name = Nombre de la tienda
settings-time-zone = Zona horaria
settings-time-zone-hint = Una zona horaria IANA como Europe/Berlin; los días del panel la siguen.
settings-origins = Páginas que pueden enviar opiniones
settings-origins-hint = Un origen por línea, por ejemplo https://shop.example.
settings-review-labels = Etiquetas de revisión
settings-review-labels-hint = Una etiqueta por línea, 20 como máximo, de hasta 40 caracteres cada una, como respuesta incorrecta.
settings-webhook-legend = Webhook
settings-webhook-url = URL del webhook
settings-webhook-test = Enviar un webhook de prueba
settings-webhook-delivered = La prueba llegó (respuesta { $status }).
settings-webhook-failed = La prueba no llegó: { $reason }
settings-alerts-legend = Alertas
settings-alerts-intro = Las reglas se comprueban cada 15 minutos. Tu equipo recibe un aviso cuando una regla empieza a cumplirse y otro cuando deja de cumplirse.
settings-alerts-rule = Regla { $number }
settings-alerts-kind = Avisar cuando
settings-alerts-kind-share = la proporción de pulgares abajo supera un límite
settings-alerts-kind-csat = la satisfacción media baja de un límite
settings-alerts-kind-items = se acumulan elementos abiertos por revisar
settings-alerts-hours = En las últimas (horas)
settings-alerts-percent = Proporción de pulgares abajo por encima de (%)
settings-alerts-average = Media por debajo de (1–5)
settings-alerts-min-ratings = Con al menos (valoraciones)
settings-alerts-min-answers = Con al menos (respuestas)
settings-alerts-count = Elementos por revisar abiertos en la última hora, al menos
settings-alerts-remove = Quitar la regla { $number }
settings-alerts-add = Añadir una regla
settings-alerts-to-webhook = Enviar también las alertas al webhook
settings-alerts-chat-url = URL de chat (un webhook entrante de Slack; Mattermost y Rocket.Chat aceptan lo mismo, Discord en …/slack)
settings-alerts-digest = Publicar un resumen diario en la URL de chat a las 09:00, en la zona horaria del sitio
settings-save = Guardar la configuración
settings-saved = Configuración guardada.
settings-invalid = Algunos ajustes necesitan un cambio; mira las notas junto a ellos.
settings-stale = Esta configuración se cambió en otro lugar desde que la abriste. Recarga la página para verla.
settings-problem-csat-enabled = Actívalo o desactívalo.
settings-problem-csat-mode = Elige pulgar arriba o abajo, o la escala 1–5.
settings-problem-csat-sample-percent = Indica un porcentaje entero de { $low } a { $high }.
settings-problem-csat-cooldown-days = Indica un número entero de días de { $low } a { $high }.
settings-problem-csat-min-assistant-messages = Indica un número entero de respuestas de { $low } a { $high }.
settings-problem-reason-tags = Indica como máximo { $most } motivos, separados por comas, cada uno una sola vez y solo con letras, dígitos y - _ . : ~ (por ejemplo wrong_answer).
settings-problem-idle-end-seconds = Indica un número entero de segundos de { $low } a { $high }, o déjalo vacío para que las conversaciones inactivas no terminen nunca.
settings-problem-store-text = Actívalo o desactívalo.
settings-problem-retention-days = Indica un número entero de días de { $low } a { $high }.
settings-problem-text-retention-days = Indica un número entero de días de { $low } a { $high }, o déjalo vacío para conservar el texto tanto como las opiniones.
settings-problem-hot-days = Indica un número entero de días entre { $low } y { $high }.
settings-problem-webhook-url = Indica una URL pública https:// sin nombre de usuario ni contraseña, o déjalo vacío.
settings-problem-shop-name = Indica un nombre de 1 a { $most } caracteres sin espacios al principio ni al final, o déjalo vacío.
settings-problem-time-zone = Indica una zona horaria como Europe/Berlin, o déjalo vacío para usar UTC.
settings-problem-review-labels = Indica como máximo { $most } etiquetas, una por línea, cada una una sola vez y de 1 a { $chars } caracteres.
settings-problem-alerts = No se pudieron leer las alertas. Recarga la página y vuelve a configurarlas.
settings-problem-alerts-rules = Indica como máximo { $most } reglas, cada una una sola vez, de 1 a { $hours } horas y con sus cifras dentro de los límites, y di adónde van las alertas: a una URL de chat, o al webhook con una URL del webhook.
settings-problem-alerts-chat-url = Indica una URL pública https:// de un webhook de chat (el resumen diario necesita una), o déjalo vacío.
settings-problem-redaction = No se pudieron leer los ajustes de datos personales. Recarga la página y vuelve a definirlos.
settings-problem-redaction-patterns = Indica como máximo { $most } patrones, cada uno con un comienzo distinto de 1 a { $chars } caracteres (por ejemplo ORD-) y lo que ocurre con lo que le sigue.
settings-problem-allowed-origins = Indica como máximo { $most } direcciones, cada una una sola vez, tal como las envía un navegador: http:// o https://, el host en minúsculas y un puerto solo si no es el habitual (por ejemplo https://shop.example).
settings-problem-name = Ponle a la clave un nombre de 1 a { $most } caracteres.
settings-problem-scope = Elige qué permite la clave.
settings-audit-title = Cambios
settings-audit-empty = Aún no hay cambios.
settings-audit-when = Cuándo
settings-audit-who = Quién
settings-audit-what = Qué cambió

## Access keys and the site secret

keys-title = Claves de acceso
keys-intro = Claves para quienes necesitan menos que tu secreto: una clave de textos solo edita los textos; una clave de lectura solo ve las cifras y las conversaciones.
keys-name = Nombre
keys-scope = Qué permite
keys-scope-wording = Editar los textos
keys-scope-read = Leer opiniones
keys-scope-review = Revisar conversaciones
keys-create = Crear una clave
keys-created = El secreto de la clave, visible solo ahora:
keys-empty = Aún no hay claves.
keys-created-at = Creada
keys-status = Estado
keys-revoked = Revocada el { $date }
keys-revoke = Revocar
keys-revoke-label = Revocar la clave { $name }
keys-show-revoked = Mostrar revocadas ({ $count })
keys-hide-revoked = Ocultar revocadas
keys-more-revoked = Mostrar { $count } más
secret-title = Secreto del sitio
secret-intro = Un secreto nuevo reemplaza el tuyo al instante; esta pestaña pasa a usarlo.
secret-rotate = Crear un secreto nuevo
secret-rotated = Tu secreto nuevo, visible solo ahora:

nav-wording = Textos
wording-title = Textos
wording-intro = Los textos que la burbuja muestra a los clientes, en cada idioma. Lo que escribas aquí sustituye el texto incluido de ese mensaje; un campo vacío conserva el texto incluido.
wording-locale = Idioma
wording-locale-name = { $name } ({ $tag })
wording-find = Buscar un mensaje
wording-filter = Mostrar
wording-filter-all = Todos
wording-filter-changed = Cambiados por este sitio
wording-filter-differs = Distintos del texto incluido
wording-filter-findings = Con problemas
wording-filter-missing = Faltan en este idioma
wording-filter-prompt = En la encuesta de satisfacción
wording-filter-messages = Bajo las respuestas
wording-filter-bubble = En la burbuja y el panel
wording-found = { $total ->
    [one] { $shown } de { $total } mensaje mostrado
    [many] { $shown } de { $total } de mensajes mostrados
   *[other] { $shown } de { $total } mensajes mostrados
}
wording-found-none = Ningún mensaje coincide. Prueba con otras palabras o muéstralos todos.
wording-mode = Editar
wording-mode-messages = Mensaje a mensaje
wording-mode-file = El archivo completo (Fluent)
wording-file = Tus textos como archivo Fluent
wording-reference = Referencia (en-US)
wording-shipped = Texto incluido
wording-own = Tu texto
wording-revert = Usar el texto incluido
wording-revert-label = Usar el texto incluido para { $id }
wording-save = Guardar textos
wording-saved = Guardado como versión { $version }.
wording-unchanged = Guardado; no había cambiado nada.
wording-refused = No se guardó: el recolector encontró estos problemas. Los textos guardados antes no cambian.
wording-set-aside = Los clientes ven el texto incluido en estos mensajes: una comprobación añadida después de guardarlos encuentra problemas en ellos. Corríjalos para que vuelvan a mostrarse sus textos.
wording-sample-question = ¿Dónde está mi pedido?
wording-sample-answer = Tu pedido salió ayer de nuestro almacén y debería llegar en tres días.
preview-title = Vista previa
preview-mode = Encuesta de satisfacción
preview-step = Paso
preview-step-question = La pregunta
preview-step-comment = El comentario
preview-step-thanks = El agradecimiento
preview-count = Caracteres restantes (cualquier número, para las formas del plural)
preview-failed = La vista previa no se puede mostrar en este navegador.
history-title = Versiones guardadas
history-empty = Aún no hay versiones guardadas.
history-version = Versión { $version }, { $when }, por { $who }
history-show = Cambios
history-show-label = Cambios en la versión { $version }
history-restore = Restaurar
history-restore-label = Restaurar la versión { $version }
history-no-changes = Ningún mensaje cambió en esta versión.
history-prompts = { $offered ->
    [one] Una encuesta de satisfacción usó estos textos
    [many] { $offered } encuestas de satisfacción usaron estos textos
   *[other] { $offered } encuestas de satisfacción usaron estos textos
}: { $answered } respondidas, { $completed } completadas.
history-no-prompts = Ninguna encuesta de satisfacción ha usado aún estos textos.
wording-discard = Tus cambios en los textos de este idioma no están guardados. ¿Descartarlos?

nav-compare = Comparar
compare-title = Comparar
compare-intro = ¿Qué modelo, prompt, página o variante recibe el pulgar abajo? Cada proporción va con el intervalo en que probablemente está su valor real (95 %): pocas valoraciones dan un intervalo amplio.
compare-by = Comparar por
compare-dimension-role = IA o persona
compare-dimension-locale = Idioma
compare-dimension-page = Página
compare-empty = No hay nada que comparar en este período.
compare-column-value = Valor
compare-column-ratings = Valoraciones
compare-column-up = Proporción de pulgar arriba
compare-column-down = Proporción de pulgar abajo
compare-column-csat = Satisfacción
compare-column-response = Tasa de respuesta
compare-share = { $share } ({ $count } de { $of }; { $low }–{ $high })
compare-few = Pocas valoraciones
compare-role-assistant = Solo IA
compare-role-agent = Con una persona
compare-show = Mostrar en el gráfico
compare-open-inbox = Abrir en la bandeja
compare-column-inbox = Conversaciones
compare-chart-title = Proporción de pulgar abajo por día
compare-chart-empty = Marque hasta dos valores para verlos día a día.
compare-chart-table = Proporción de pulgar abajo por día, por valor
review-title = Revisión
review-open = Elementos abiertos
review-reviewed = Revisados en este periodo
review-median-wait = Tiempo mediano hasta la revisión
review-state-open = Abierto
review-state-reviewed = Revisado
review-item-thumb = Pulgar abajo en el mensaje { $message }
review-item-answer = Respuesta de satisfacción baja
review-by = Revisado por { $who } el { $when }
review-note = Nota
review-labels = Etiquetas
review-mark = Marcar como revisado
review-save = Guardar revisión
review-reopen = Volver a abrir
review-saved = Guardado.
review-stale = Otra persona lo revisó mientras tanto. Ahora se muestra su revisión; revísala e inténtalo de nuevo.
review-shortcuts = Teclas: J siguiente conversación abierta, K anterior, R marcar como revisado, 1–9 elegir etiqueta. No funcionan mientras escribes.
review-queue-end = No hay más conversaciones abiertas en esa dirección.
filter-review = Revisión
filter-review-all = Todas
filter-review-open = Abiertas
filter-review-reviewed = Revisadas
filter-label = Etiqueta
filter-label-all = Cualquier etiqueta
column-review = Revisión
review-wait-minutes = { $count ->
    [one] un minuto
    [many] { $count } de minutos
   *[other] { $count } minutos
}
review-wait-hours = { $count ->
    [one] una hora
    [many] { $count } de horas
   *[other] { $count } horas
}
review-wait-days = { $count ->
    [one] un día
    [many] { $count } de días
   *[other] { $count } días
}
