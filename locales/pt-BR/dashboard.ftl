# Português (Brasil). Referência: locales/en-US/dashboard.ftl (lá estão as notas para tradutores).

dashboard-title = Painel de avaliações
signin-intro = Cole a chave e o segredo do seu site. Eles ficam nesta aba e são esquecidos quando você a fecha.
signin-site-key = Chave do site
signin-secret = Segredo do site ou chave de acesso
signin-submit = Abrir o painel
signin-wrong = A chave ou o segredo do site está errado.
signout = Sair
signed-in-as = Site { $site }

nav-label = Seções do painel
nav-overview = Visão geral
nav-conversations = Conversas
nav-recommendations = Recomendações

period-label = Período
period-7 = Últimos 7 dias
period-30 = Últimos 30 dias
period-90 = Últimos 90 dias
period-custom = Período personalizado
period-from = De
period-to = Até
period-apply = Aplicar
period-time-zone = Dias em { $tz }
period-range = { $from } – { $to }

overview-title = Visão geral
csat-chart-title = Satisfação do cliente ao longo do tempo
csat-chart-caption = Nota média de satisfação (1–5) por dia nas conversas avaliadas.
csat-chart-empty = Ainda não há conversas avaliadas neste período.
csat-chart-point = { $date }: { $average } de { $rated ->
    [one] uma avaliação
    [many] { $rated } de avaliações
   *[other] { $rated } avaliações
}
csat-chart-table = Médias diárias
column-day = Dia
column-average = Média
column-rated = Conversas avaliadas
thumbs-title = Avaliações de mensagens
thumbs-up = Polegar para cima
thumbs-down = Polegar para baixo
thumbs-share = { $share } das mensagens avaliadas
vs-previous = { $delta } em relação ao período anterior
csat-figures-title = Pesquisa de satisfação
csat-average = Nota média
csat-response-rate = Taxa de resposta
csat-response-rate-hint = concluídas ÷ oferecidas
csat-net-score = Pontuação líquida
csat-net-score-hint = positivas menos negativas, como parte das avaliadas
csat-offered = Oferecidas
csat-accepted = Aceitas
csat-denied = Recusadas
csat-completed = Concluídas
hand-over-title = IA e pessoas
hand-over-answers = { $count ->
    [one] de uma resposta
    [many] de { $count } de respostas
   *[other] de { $count } respostas
}
hand-over-share = Passadas para uma pessoa
hand-over-share-hint = das conversas em que a pesquisa foi oferecida
distribution-title = Distribuição das notas
distribution-bar = { $score }: { $count ->
    [one] uma conversa
    [many] { $count } de conversas
   *[other] { $count } conversas
}
no-value = –

conversations-title = Conversas
filter-feedback = Avaliação do cliente
filter-all = Todas
filter-upvote = Positivas
filter-downvote = Negativas
filter-neutral = Neutras
filter-unknown = Desconhecidas
export-csv = Exportar CSV
export-rated-answers = Baixar respostas avaliadas (JSONL)
export-no-text = Este site não guarda a pergunta e a resposta, então as linhas do arquivo não têm entrada nem saída. Para guardá-las, ative “Guardar a pergunta e a resposta com cada polegar” em Configurações.
kept-all = Perguntas, respostas, motivos e comentários são guardados por { $days ->
    [one] um dia
    [many] { $days } de dias
   *[other] { $days } dias
}.
kept-reasons = Perguntas e respostas não são guardadas. Motivos e comentários são guardados por { $days ->
    [one] um dia
    [many] { $days } de dias
   *[other] { $days } dias
}.
kept-redacted = Endereços de e-mail e números de telefone, cartão e IBAN são removidos antes de qualquer armazenamento.
kept-as-written = O texto é guardado como foi escrito: a remoção de dados pessoais está desligada nas Configurações.
kept-ratings = Avaliações e números são guardados por { $days ->
    [one] um dia
    [many] { $days } de dias
   *[other] { $days } dias
}.
inbox-archived = Conversas sem atividade há mais de { $days ->
    [one] um dia
    [many] { $days } de dias
   *[other] { $days } dias
} estão arquivadas. Elas não aparecem nesta lista; a exportação CSV e o conjunto de dados as incluem.
inbox-narrowed = Somente conversas com:
inbox-show-all = Mostrar todas as conversas
inbox-handed-over = Passada para uma pessoa
inbox-not-handed-over = Não passada para uma pessoa
column-conversation = Conversa
column-last-activity = Última atividade
column-satisfaction = Satisfação
column-thumbs = Polegares por mensagem
column-reasons = Motivos indicados
satisfaction-positive = Positiva
satisfaction-negative = Negativa
satisfaction-neutral = Neutra
satisfaction-unknown = Desconhecida
negative-reason = Motivo negativo: { $reason }
thumbs-counts = 👍 { $up } · 👎 { $down }
load-more = Carregar mais
conversations-empty = Nenhuma conversa deste período corresponde a este filtro.
conversation-back = Voltar para a lista
user-data = Dados do usuário
csat-score = Nota
csat-free-feedback = Comentário livre
answer-yes = Sim
answer-no = Não
messages-title = Mensagens avaliadas
messages-empty = Nenhuma mensagem avaliada nesta conversa.
message-positive = Avaliação positiva do usuário
message-negative = Avaliação negativa do usuário
message-question = Pergunta do cliente
message-answer = Resposta do assistente
message-reason = Motivo
message-tags = Etiquetas
conversation-handed-over = Transferida para uma pessoa
conversation-page = Página
conversation-context = Contexto
message-agent = Respondida por uma pessoa
message-meta = Origem

gaps-title = Lacunas de conhecimento
gaps-intro = Perguntas cujas respostas receberam polegar para baixo várias vezes. Cada uma é um conhecimento que falta ao assistente.
gaps-count = { $count ->
    [one] um polegar para baixo
    [many] { $count } de polegares para baixo
   *[other] { $count } polegares para baixo
}
gaps-latest = o último em { $date }
gaps-examples = Também perguntada como
gaps-conversations = Conversas
gaps-empty = Nenhuma pergunta recebeu mais de um polegar para baixo neste período. As perguntas só são guardadas em sites que mantêm trechos.

loading = Carregando…
load-failed = Não foi possível carregar: { $reason }
error-wrong-secret = a chave ou o segredo do site está incorreto
error-unreachable = o coletor não respondeu; verifique a conexão e tente novamente
error-site-moving = o site está sendo movido para outro banco de dados; as alterações voltam a funcionar em alguns minutos
error-rate-limited = solicitações demais; tente novamente em um minuto
error-collector-failed = o coletor teve um problema; tente novamente em instantes
refusal-invalid-json = a solicitação não era JSON
refusal-invalid-envelope = a solicitação não era um lote de eventos
refusal-payload-too-large = a solicitação era grande demais
refusal-too-many-events = a solicitação tinha eventos demais
refusal-unknown-site = nenhum site tem esta chave
refusal-origin-not-allowed = o endereço desta página não é uma das origens permitidas do site
refusal-unauthorized = a chave ou o segredo do site está incorreto
refusal-missing-field = faltou um valor de que a solicitação precisa
refusal-invalid-field = um valor da solicitação não era um dos que o coletor aceita
refusal-too-long = um texto passou do limite de tamanho
refusal-unknown-event-type = o coletor não conhece este tipo de evento
refusal-timestamp-out-of-range = um horário estava longe demais no futuro ou no passado
refusal-not-found = isto não está lá: foi apagado ou nunca existiu
refusal-method-not-allowed = o coletor não aceita esse tipo de solicitação aqui
refusal-csat-locked = a resposta de satisfação não pode mais ser alterada
refusal-unknown-locale = não há texto incluído para este idioma
refusal-invalid-copy = os textos têm problemas; nada foi salvo
refusal-rate-limited = solicitações demais; tente novamente em um minuto
refusal-internal = o coletor teve um problema; tente novamente em instantes
refusal-out-of-scope = sua chave não pode fazer isto
refusal-invalid-settings = as configurações têm problemas; nada foi salvo
refusal-stale-settings = alguém alterou as configurações desde que você as abriu; recarregue para ver a alteração e depois faça a sua de novo
refusal-precondition-required = as configurações foram enviadas sem a versão que alteram; recarregue e tente novamente
refusal-site-moving = o site está sendo movido para outro banco de dados; as alterações voltam a funcionar em alguns minutos
refusal-meta-too-many-keys = os detalhes de uma mensagem tinham chaves demais
refusal-meta-key-invalid = uma chave dos detalhes de uma mensagem não tinha de 1 a 40 caracteres entre a–z, 0–9 e _
refusal-meta-value-too-long = um valor dos detalhes de uma mensagem era longo demais
refusal-meta-value-type = um valor dos detalhes de uma mensagem não era nem texto nem número
refusal-invalid-review = a revisão tem problemas; nada foi salvo
refusal-stale-review = alguém revisou isto desde que você o abriu; recarregue para ver a revisão
checker-at = Linha { $line }, coluna { $col }: { $finding }
checker-missing-message = { $id } está faltando.
checker-missing-attribute = Falta em { $id } o atributo .{ $attribute }, que a referência tem.
checker-obsolete-attribute = { $id } tem o atributo .{ $attribute }, que a referência não tem.
checker-unknown-variable = { $id } usa a variável { $variable }, que a referência não fornece para ele.
checker-unused-variable = { $id } não usa a variável { $variable }, que a referência usa.
checker-obsolete-message = { $id } não é uma mensagem da referência; remova-a.
checker-unknown-reference = { $kind ->
    [term] { $id } se refere ao termo { $target }, que não existe.
   *[message] { $id } se refere à mensagem { $target }, que não existe.
}
checker-term-variable = { $id } usa { $term } sem passar { $variable }, então os clientes veriam o nome da variável: um termo só lê o que a chamada dele passa.
checker-plural-categories = { $id } escolhe por número, mas não tem as formas { $missing }; { $locale } usa { $categories }.
checker-plural-category-unused = { $id } tem as formas { $unused }, que { $locale } nunca usa ({ $categories }); para um número exato, use uma chave como [0].
checker-bad-locale = { $locale } não é um código de idioma.
checker-undocumented = { $id } não tem acima uma nota que diga aos tradutores onde ele aparece.
checker-number-too-long = Em { $id }, o número { $value } tem mais de { $significant } dígitos significativos ou { $fraction } casas decimais, então os clientes veriam o texto incluído. Encurte-o.
checker-too-deep = Aqui os elementos entre chaves se aninham em mais de { $depth } níveis, então esta mensagem não é lida.
checker-unclosed = Uma chave ou um parêntese mais acima ainda está aberto onde esta linha começa uma nova mensagem. Feche-o, ou recue esta linha se ela continua a anterior.
checker-control-character = { $character } é um caractere de controle, que os textos não podem conter. Apague-o.
checker-syntax = O Fluent não consegue ler isto ({ $detail }).
checker-duplicate-id = { $id } é definido de novo; foi definido pela primeira vez na linha { $first }.
checker-empty-value = { $id } está vazio.
checker-unsupported-function = Em { $id }, { $function }() não é uma função que a bolha conhece; só NUMBER() é.
checker-number-argument = Em { $id }, NUMBER() recebe um único número, como NUMBER($count).
checker-number-option = { $problem ->
    [unknown] Em { $id }, NUMBER() não tem a opção { $option }; as opções aceitas são { $options }.
    [grouping] Em { $id }, { $option } aceita "true" ou "false", entre aspas.
    [range] Em { $id }, { $option } aceita um número inteiro de { $low } a { $high }.
    [conflict] Em { $id }, { $option } é maior que { $other }; deixe-o em no máximo { $other }.
   *[precision] Em { $id }, o número mostra { $digits } casas decimais, mais que maximumFractionDigits: { $high }.
} Os clientes veriam o texto incluído.

## Settings

nav-settings = Configurações
settings-title = Configurações
settings-intro = Como a bolha pede opiniões no seu site e o que o coletor guarda.
settings-csat-legend = Pesquisa de satisfação
settings-csat-enabled = Perguntar sobre a satisfação ao fim de uma conversa
settings-csat-mode = Tipo de pesquisa
settings-mode-thumbs = Polegar para cima ou para baixo
settings-mode-scale5 = Uma nota de 1 a 5
settings-sample = Parte das conversas que recebem a pergunta (porcentagem)
settings-sample-hint = A mesma conversa fica sempre dentro ou fora, mesmo ao recarregar. 0 não pergunta a ninguém; a taxa de resposta conta só as conversas que receberam a pergunta.
settings-min-answers = Perguntar só depois de pelo menos estas respostas
settings-min-answers-hint = Respostas do seu assistente, ou de um colega que assumiu. 0 também pergunta após conversas sem resposta.
settings-cooldown = Não perguntar de novo à mesma pessoa por (dias)
settings-cooldown-hint = Contado a partir da última resposta ou dispensa e guardado no próprio navegador da pessoa. 0: perguntar em toda conversa.
settings-reason-tags = Motivos oferecidos após um polegar para baixo
settings-reason-tags-hint = Separe-os com vírgulas, por exemplo wrong_answer, too_long.
settings-idle = Encerrar uma conversa parada após (segundos)
settings-idle-hint = Deixe vazio para encerrar conversas só quando o seu site indicar. Se o chat estiver fechado nesse momento, a pergunta espera lá dentro, indicada por um ponto no balão.
settings-data-legend = Dados
settings-store-text = Guardar a pergunta e a resposta com cada polegar
settings-retention = Guardar as opiniões por (dias)
settings-text-retention = Guardar perguntas, respostas e comentários por (dias)
settings-text-retention-hint = Vazio: tanto quanto o feedback. Depois desses dias o texto é apagado; avaliações, notas e números ficam pelos dias acima.
settings-hot-days = Manter as conversas no banco de dados por (dias)
settings-hot-days-hint = Depois disso, a conversa vai para o arquivo. A Visão geral e Comparar continuam a contá-la; a caixa de entrada mostra só as conversas destes últimos dias.
settings-redaction-legend = Dados pessoais
settings-redaction-enabled = Tirar dos textos endereços de e-mail, telefones, números de cartão e IBANs
settings-redaction-hint = Eles viram [email], [phone], [card] e [iban] antes de qualquer coisa ser guardada ou enviada ao seu webhook, em perguntas, respostas, motivos e comentários. O que foi guardado enquanto isto estava ligado continua oculto se você desligar.
settings-redaction-patterns-intro = Seus próprios padrões: um início fixo seguido de dígitos, como seus números de pedido. Tire os dígitos, ou mantenha como escrito mesmo quando parecer um telefone.
settings-redaction-pattern = Padrão { $number }
settings-redaction-prefix = Início (o texto antes dos dígitos)
settings-redaction-action = O que acontece
settings-redaction-remove = Tirar os dígitos
settings-redaction-keep = Manter como escrito
settings-redaction-remove-pattern = Remover o padrão { $number }
settings-redaction-add = Adicionar um padrão
settings-shop-legend = Loja
settings-shop-name = Nome da loja
settings-time-zone = Fuso horário
settings-time-zone-hint = Um fuso horário IANA como Europe/Berlin; os dias do painel o seguem.
settings-origins = Páginas que podem enviar opiniões
settings-origins-hint = Uma origem por linha, por exemplo https://shop.example.
settings-review-labels = Rótulos de revisão
settings-review-labels-hint = Um rótulo por linha, no máximo 20, cada um com até 40 caracteres, como resposta errada.
settings-webhook-legend = Webhook
settings-webhook-url = URL do webhook
settings-webhook-test = Enviar um webhook de teste
settings-webhook-delivered = O teste chegou (resposta { $status }).
settings-webhook-failed = O teste não chegou: { $reason }
settings-alerts-legend = Alertas
settings-alerts-intro = As regras são verificadas a cada 15 minutos. Sua equipe é avisada uma vez quando uma regra passa a valer e mais uma vez quando deixa de valer.
settings-alerts-rule = Regra { $number }
settings-alerts-kind = Alertar quando
settings-alerts-kind-share = a proporção de polegares para baixo passa de um limite
settings-alerts-kind-csat = a satisfação média fica abaixo de um limite
settings-alerts-kind-items = itens abertos para revisão se acumulam
settings-alerts-hours = Nas últimas (horas)
settings-alerts-percent = Proporção de polegares para baixo acima de (%)
settings-alerts-average = Média abaixo de (1–5)
settings-alerts-min-ratings = Com pelo menos (avaliações)
settings-alerts-min-answers = Com pelo menos (respostas)
settings-alerts-count = Itens para revisão abertos na última hora, pelo menos
settings-alerts-remove = Remover a regra { $number }
settings-alerts-add = Adicionar uma regra
settings-alerts-to-webhook = Enviar os alertas também ao webhook
settings-alerts-chat-url = URL de chat (um webhook de entrada do Slack; Mattermost e Rocket.Chat aceitam o mesmo, Discord em …/slack)
settings-alerts-digest = Publicar um resumo diário na URL de chat às 09:00, no fuso horário do site
settings-save = Salvar configurações
settings-saved = Configurações salvas.
settings-invalid = Algumas configurações precisam de ajuste; veja as notas ao lado.
settings-stale = Estas configurações foram alteradas em outro lugar desde que você as abriu. Recarregue a página para vê-las.
settings-problem-csat-enabled = Ligue ou desligue.
settings-problem-csat-mode = Escolha polegar para cima ou para baixo, ou a escala 1–5.
settings-problem-csat-sample-percent = Informe uma porcentagem inteira de { $low } a { $high }.
settings-problem-csat-cooldown-days = Informe um número inteiro de dias de { $low } a { $high }.
settings-problem-csat-min-assistant-messages = Informe um número inteiro de respostas de { $low } a { $high }.
settings-problem-reason-tags = Informe no máximo { $most } motivos, separados por vírgulas, cada um uma só vez e só com letras, dígitos e - _ . : ~ (por exemplo wrong_answer).
settings-problem-idle-end-seconds = Informe um número inteiro de segundos de { $low } a { $high }, ou deixe vazio para que as conversas paradas nunca sejam encerradas.
settings-problem-store-text = Ligue ou desligue.
settings-problem-retention-days = Informe um número inteiro de dias de { $low } a { $high }.
settings-problem-text-retention-days = Informe um número inteiro de dias de { $low } a { $high }, ou deixe vazio para guardar o texto tanto quanto as opiniões.
settings-problem-hot-days = Informe um número inteiro de dias de { $low } a { $high }.
settings-problem-webhook-url = Informe uma URL pública https:// sem nome de usuário nem senha, ou deixe vazio.
settings-problem-shop-name = Informe um nome de 1 a { $most } caracteres, sem espaços no início nem no fim, ou deixe vazio.
settings-problem-time-zone = Informe um fuso horário como Europe/Berlin, ou deixe vazio para usar UTC.
settings-problem-review-labels = Informe no máximo { $most } rótulos, um por linha, cada um uma só vez e com 1 a { $chars } caracteres.
settings-problem-alerts = Não foi possível ler os alertas. Recarregue a página e configure-os de novo.
settings-problem-alerts-rules = Informe no máximo { $most } regras, cada uma uma só vez, de 1 a { $hours } horas e com os números dentro dos limites, e diga para onde vão os alertas: uma URL de chat, ou o webhook com uma URL do webhook.
settings-problem-alerts-chat-url = Informe uma URL pública https:// de um webhook de chat (o resumo diário precisa de uma), ou deixe vazio.
settings-problem-redaction = Não foi possível ler as configurações de dados pessoais. Recarregue a página e defina-as de novo.
settings-problem-redaction-patterns = Informe no máximo { $most } padrões, cada um com um início diferente de 1 a { $chars } caracteres (por exemplo ORD-), e o que acontece com o que vem depois dele.
settings-problem-allowed-origins = Informe no máximo { $most } endereços, cada um uma só vez, como um navegador os envia: http:// ou https://, o host em minúsculas e uma porta só se não for a padrão (por exemplo https://shop.example).
settings-problem-name = Dê à chave um nome de 1 a { $most } caracteres.
settings-problem-scope = Escolha o que a chave permite.
settings-audit-title = Alterações
settings-audit-empty = Nenhuma alteração ainda.
settings-audit-when = Quando
settings-audit-who = Quem
settings-audit-what = O que mudou

## Access keys and the site secret

keys-title = Chaves de acesso
keys-intro = Chaves para quem precisa de menos que o seu segredo: uma chave de textos só edita os textos; uma chave de leitura só vê os números e as conversas.
keys-name = Nome
keys-scope = O que permite
keys-scope-wording = Editar os textos
keys-scope-read = Ler opiniões
keys-scope-review = Revisar conversas
keys-create = Criar uma chave
keys-created = O segredo da chave, visível só agora:
keys-empty = Nenhuma chave ainda.
keys-created-at = Criada
keys-status = Situação
keys-revoked = Revogada em { $date }
keys-revoke = Revogar
keys-revoke-label = Revogar a chave { $name }
keys-show-revoked = Mostrar revogadas ({ $count })
keys-hide-revoked = Ocultar revogadas
keys-more-revoked = Mostrar mais { $count }
secret-title = Segredo do site
secret-intro = Um novo segredo substitui o seu na hora; esta aba passa a usá-lo.
secret-rotate = Criar um novo segredo
secret-rotated = Seu novo segredo, visível só agora:

nav-wording = Textos
wording-title = Textos
wording-intro = Os textos que a bolha mostra aos clientes, em cada idioma. O que você escreve aqui substitui o texto incluído daquela mensagem; um campo vazio mantém o texto incluído.
wording-locale = Idioma
wording-locale-name = { $name } ({ $tag })
wording-find = Buscar uma mensagem
wording-filter = Mostrar
wording-filter-all = Todas
wording-filter-changed = Alteradas por este site
wording-filter-differs = Diferentes do texto incluído
wording-filter-findings = Com problemas
wording-filter-missing = Faltando neste idioma
wording-filter-prompt = Na pesquisa de satisfação
wording-filter-messages = Abaixo das respostas
wording-filter-bubble = Na bolha e no painel
wording-found = { $total ->
    [one] { $shown } de { $total } mensagem mostrada
    [many] { $shown } de { $total } de mensagens mostradas
   *[other] { $shown } de { $total } mensagens mostradas
}
wording-found-none = Nenhuma mensagem corresponde. Tente outras palavras ou mostre todas.
wording-mode = Editar
wording-mode-messages = Mensagem por mensagem
wording-mode-file = O arquivo inteiro (Fluent)
wording-file = Seus textos como arquivo Fluent
wording-reference = Referência (en-US)
wording-shipped = Texto incluído
wording-own = Seu texto
wording-revert = Usar o texto incluído
wording-revert-label = Usar o texto incluído para { $id }
wording-save = Salvar textos
wording-saved = Salvo como versão { $version }.
wording-unchanged = Salvo; nada tinha mudado.
wording-refused = Não salvo: o coletor encontrou estes problemas. Os textos salvos antes não mudaram.
wording-set-aside = Os clientes veem o texto original nestas mensagens: uma verificação adicionada depois que foram salvas encontra problemas nelas. Corrija-as para que seus textos voltem a aparecer.
wording-sample-question = Onde está meu pedido?
wording-sample-answer = Seu pedido saiu do nosso depósito ontem e deve chegar em até três dias.
preview-title = Prévia
preview-mode = Pesquisa de satisfação
preview-step = Etapa
preview-step-question = A pergunta
preview-step-comment = O comentário
preview-step-thanks = O agradecimento
preview-count = Caracteres restantes (qualquer número, para as formas de plural)
preview-failed = A prévia não pode ser mostrada neste navegador.
history-title = Versões salvas
history-empty = Ainda não há versões salvas.
history-version = Versão { $version }, { $when }, por { $who }
history-show = Alterações
history-show-label = Alterações na versão { $version }
history-restore = Restaurar
history-restore-label = Restaurar a versão { $version }
history-no-changes = Nenhuma mensagem mudou nesta versão.
history-prompts = { $offered ->
    [one] Uma pesquisa de satisfação usou estes textos
    [many] { $offered } pesquisas de satisfação usaram estes textos
   *[other] { $offered } pesquisas de satisfação usaram estes textos
}: { $answered } respondidas, { $completed } concluídas.
history-no-prompts = Nenhuma pesquisa de satisfação usou estes textos ainda.
wording-discard = Suas alterações nos textos deste idioma não foram salvas. Descartá-las?

nav-compare = Comparar
compare-title = Comparar
compare-intro = Qual modelo, prompt, página ou variante recebe o polegar para baixo? Cada proporção vem com o intervalo em que o valor real provavelmente está (95%): poucas avaliações dão um intervalo largo.
compare-by = Comparar por
compare-dimension-role = IA ou pessoa
compare-dimension-locale = Idioma
compare-dimension-page = Página
compare-empty = Nada para comparar neste período.
compare-column-value = Valor
compare-column-ratings = Avaliações
compare-column-up = Proporção de polegar para cima
compare-column-down = Proporção de polegar para baixo
compare-column-csat = Satisfação
compare-column-response = Taxa de resposta
compare-share = { $share } ({ $count } de { $of }; { $low }–{ $high })
compare-few = Poucas avaliações
compare-role-assistant = Só IA
compare-role-agent = Com uma pessoa
compare-show = Mostrar no gráfico
compare-open-inbox = Abrir na caixa de entrada
compare-column-inbox = Conversas
compare-chart-title = Proporção de polegar para baixo por dia
compare-chart-empty = Marque até dois valores para vê-los dia a dia.
compare-chart-table = Proporção de polegar para baixo por dia, por valor
review-title = Revisão
review-open = Itens abertos
review-reviewed = Revisados no período
review-median-wait = Tempo mediano até a revisão
review-state-open = Aberto
review-state-reviewed = Revisado
review-item-thumb = Polegar para baixo na mensagem { $message }
review-item-answer = Resposta de satisfação baixa
review-by = Revisado por { $who } em { $when }
review-note = Nota
review-labels = Rótulos
review-mark = Marcar como revisado
review-save = Salvar revisão
review-reopen = Reabrir
review-saved = Salvo.
review-stale = Outra pessoa revisou isto nesse meio-tempo. A revisão dela aparece agora; confira e tente de novo.
review-shortcuts = Teclas: J próxima conversa aberta, K anterior, R marcar como revisado, 1–9 escolher rótulo. Ficam desligadas enquanto você digita.
review-queue-end = Não há mais conversas abertas nessa direção.
filter-review = Revisão
filter-review-all = Todas
filter-review-open = Abertas
filter-review-reviewed = Revisadas
filter-label = Rótulo
filter-label-all = Qualquer rótulo
column-review = Revisão
review-wait-minutes = { $count ->
    [one] um minuto
    [many] { $count } de minutos
   *[other] { $count } minutos
}
review-wait-hours = { $count ->
    [one] uma hora
    [many] { $count } de horas
   *[other] { $count } horas
}
review-wait-days = { $count ->
    [one] um dia
    [many] { $count } de dias
   *[other] { $count } dias
}
