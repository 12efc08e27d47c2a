# Português (Brasil). Referência: locales/en-US/widget.ftl (com as notas para tradutores).

bubble-open = Abrir chat
bubble-close = Fechar chat
bubble-open-waiting = Abrir chat: há uma pergunta esperando por você
panel-title = Fale com a gente
panel-title-shop = Converse com { $shop }
panel-close = Fechar chat
panel-empty = Pergunte o que quiser sobre produtos, pedidos ou entrega.
panel-messages = Conversa
message-feedback-group = Avaliar esta resposta
message-feedback-up = Útil
message-feedback-down = Não foi útil
csat-title = Como foi esta conversa?
csat-thumb-up = Boa
csat-thumb-down = Ruim
csat-negative-reason = O que poderíamos ter feito melhor?
csat-negative-placeholder = Conte o que deu errado (opcional)
csat-negative-button = Enviar avaliação
csat-after-submission = Obrigado pela sua avaliação!
csat-lead-in = Antes de sair: uma pergunta rápida sobre este chat.
csat-question = Em uma escala de 1 a 5, quão bem sua pergunta foi respondida hoje?
csat-score-1 = 1, muito insatisfeito
csat-score-2 = 2, insatisfeito
csat-score-3 = 3, neutro
csat-score-4 = 4, satisfeito
csat-score-5 = 5, muito satisfeito
csat-scale-ends = 1 significa muito insatisfeito, 5 significa muito satisfeito.
csat-comment-label = Quer nos contar mais alguma coisa? (opcional)
csat-comment-placeholder = Seu comentário
csat-submit = Enviar
csat-close = Fechar pesquisa
composer-label = Sua mensagem
composer-placeholder = Digite sua pergunta…
composer-send = Enviar mensagem
reason-title = O que havia de errado nesta resposta?
reason-comment-label = Seu comentário
reason-comment-placeholder = Conte mais (opcional)
reason-send = Enviar
reason-skip = Pular
reason-tag = { $tag ->
    [wrong_answer] Resposta errada
    [too_long] Longa demais
    [not_relevant] Fora do assunto
    [outdated] Desatualizada
    [rude] Grosseira
   *[other] { $tag }
}

characters-left = { $count ->
    [one] Resta { $count } caractere
    [many] Restam { $count } de caracteres
   *[other] Restam { $count } caracteres
}
