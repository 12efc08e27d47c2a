# Copy for the site owners' dashboard (Analyze → Overview, Conversations,
# Recommendations). en-US is the reference; other locales translate these
# ids, and a missing one shows in English. Placeables like { $tz } are
# filled in by the dashboard; keep them in translations.

## Signing in

# Page and window title, and the heading of the sign-in form. Under 30 characters.
dashboard-title = Feedback dashboard
# One or two sentences above the sign-in form.
signin-intro = Paste your site key and its secret, or an access key the owner made you. They stay in this browser tab and are forgotten when you close it.
# Label of the site key field.
signin-site-key = Site key
# Label of the secret field.
signin-secret = Site secret or access key
# Button that signs in.
signin-submit = Open dashboard
# Shown under the form when the key or the secret is wrong.
signin-wrong = The site key or secret is wrong.
# Button in the header that forgets the secret.
signout = Sign out
# Shown in the header: which site this is. { $site } is its key.
signed-in-as = Site { $site }

## Navigation

# Accessible name of the row of sections (screen readers).
nav-label = Dashboard sections
# Section link: the figures and the chart. One or two words.
nav-overview = Overview
# Section link: the inbox. One or two words.
nav-conversations = Conversations
# Section link: knowledge gaps. One or two words.
nav-recommendations = Recommendations

## The period every section shows

# Label of the period choice.
period-label = Period
# Period choice: the last 7 days, today included.
period-7 = Last 7 days
# Period choice: the last 30 days.
period-30 = Last 30 days
# Period choice: the last 90 days.
period-90 = Last 90 days
# Period choice: two dates the owner picks.
period-custom = Custom range
# Label of the custom range's first date.
period-from = From
# Label of the custom range's last date.
period-to = To
# Applies the custom range.
period-apply = Apply
# Under the period: the time zone days are counted in. { $tz } is e.g. Europe/Berlin.
period-time-zone = Days in { $tz }
# Under the Overview's heading: the period. { $from } and { $to } are dates.
period-range = { $from } – { $to }

## Overview

# Heading of the Overview section.
overview-title = Overview
# Heading of the line chart.
csat-chart-title = Customer satisfaction over time
# Under the chart's heading: what it shows. One sentence.
csat-chart-caption = Average customer satisfaction rating (1–5) per day across rated conversations.
# Shown instead of the line when nothing was rated in the period.
csat-chart-empty = No rated conversations in this period yet.
# Hover text of one day. { $date }, { $average } (e.g. 4.25), { $rated } (a count).
csat-chart-point = { $date }: { $average } from { $rated ->
    [one] one rating
   *[other] { $rated } ratings
}
# Caption of the table that repeats the chart's numbers for screen readers.
csat-chart-table = Daily averages
# Column of that table: the day.
column-day = Day
# Column of that table: the day's average rating.
column-average = Average
# Column of that table: how many conversations were rated that day.
column-rated = Rated conversations
# Heading of the thumbs card.
thumbs-title = Message feedback
# The card's 👍 count label.
thumbs-up = Thumbs up
# The card's 👎 count label.
thumbs-down = Thumbs down
# Under a count: its share. { $share } is a percentage such as 62.5%.
thumbs-share = { $share } of rated messages
# The badge on each count. { $delta } is a signed change such as +3 or −12.
vs-previous = { $delta } vs previous period
# Heading of the survey card.
csat-figures-title = Satisfaction survey
# Figure label: the mean rating, 1 to 5.
csat-average = Average rating
# Figure label: completed surveys as a share of those shown.
csat-response-rate = Response rate
# Under the response rate: how it is computed.
csat-response-rate-hint = completed ÷ offered
# Figure label: positive minus negative ratings.
csat-net-score = Net score
# Under the net score: how it is computed.
csat-net-score-hint = positive minus negative, as a share of rated
# Figure label (also in a conversation): how often the survey was shown.
csat-offered = Offered
# Figure label: surveys answered.
csat-accepted = Accepted
# Figure label: surveys closed without an answer.
csat-denied = Denied
# Figure label: surveys submitted.
csat-completed = Completed
# Heading of the card that compares satisfaction with and without a person.
hand-over-title = AI and people
# Under an average: how many answers it is from.
hand-over-answers = { $count ->
    [one] from one answer
   *[other] from { $count } answers
}
# Label: the share of surveyed conversations a person took over.
hand-over-share = Handed over to a person
# Under that share: what it is a share of.
hand-over-share-hint = of the conversations offered the survey
# Heading above the 1–5 bars.
distribution-title = Score distribution
# One bar. { $score } is 1 to 5, { $count } how many conversations.
distribution-bar = { $score }: { $count ->
    [one] one conversation
   *[other] { $count } conversations
}
# Shown where a figure has no value (nothing to divide by).
no-value = –

## Conversations inbox

# Heading of the inbox.
conversations-title = Conversations
# Label of the filter (the seed's "Customer feedback").
filter-feedback = Customer feedback
# Filter choice: every conversation.
filter-all = All
# Filter choice: rated positively (the seed's "Upvote").
filter-upvote = Upvote
# Filter choice: rated negatively (the seed's "Downvote").
filter-downvote = Downvote
# Filter choice: rated 3 of 5.
filter-neutral = Neutral
# Filter choice: not rated (the seed's "Unknown").
filter-unknown = Unknown
# Button that downloads the listed conversations as a spreadsheet.
export-csv = Export CSV
# Button that downloads every rated answer in the period (question, answer, 👍 or 👎, the reason, the review) as a JSON-lines file, for an evaluation dataset (Langfuse, OpenAI evals).
export-rated-answers = Download rated answers (JSONL)
# Shown after that download when the site does not keep the question and the answer.
export-no-text = This site does not keep the question and the answer, so the file's lines have no input or output. To keep them, turn on “Keep the question and the answer with each thumb” in Settings.

## What the site keeps, said beside the text it is about: under the inbox's heading and beside the wording preview

# The site keeps questions and answers. $days is a number of days.
kept-all = Questions, answers, reasons and comments are kept for { $days ->
    [one] one day
   *[other] { $days } days
}.
# The site keeps no questions or answers (Settings). $days is a number of days.
kept-reasons = Questions and answers are not kept. Reasons and comments are kept for { $days ->
    [one] one day
   *[other] { $days } days
}.
# Personal data is taken out of text before it is stored.
kept-redacted = E-mail addresses and phone, card and IBAN numbers are taken out before anything is stored.
# Personal data is not taken out (turned off in Settings).
kept-as-written = Text is stored as written: taking personal data out is turned off in Settings.
# How long ratings and figures stay. $days is a number of days.
kept-ratings = Ratings and figures are kept for { $days ->
    [one] one day
   *[other] { $days } days
}.
# Under the inbox, when the period reaches back past the site's hot window: those conversations are archived, and only the export reads them. $days is the site's hot_days (7 or more).
inbox-archived = Conversations last active more than { $days ->
    [one] one day
   *[other] { $days } days
} ago are archived. They are not listed here; the CSV export and the dataset include them.
# Before what narrows the inbox beyond the feedback filter (a model, a page, a language…), for example after "Open in inbox" in Compare.
inbox-narrowed = Only conversations with:
# Button that removes that narrowing.
inbox-show-all = Show all conversations
# A narrowing: conversations handed over to a person.
inbox-handed-over = Handed over to a person
# A narrowing: conversations the assistant handled alone.
inbox-not-handed-over = Not handed over
# Column: the conversation's id (a link).
column-conversation = Conversation
# Column: when it was last active.
column-last-activity = Last activity
# Column (and field in a conversation): the shopper's overall verdict.
column-satisfaction = User's satisfaction
# Column: how many answers got 👍 and 👎.
column-thumbs = Message thumbs
# Column: the reason tags shoppers picked with their 👎 (the site's own tag names).
column-reasons = Reasons given
# Satisfaction value: rated 4–5 or 👍.
satisfaction-positive = Positive
# Satisfaction value: rated 1–2 or 👎.
satisfaction-negative = Negative
# Satisfaction value: rated 3.
satisfaction-neutral = Neutral
# Satisfaction value: not rated.
satisfaction-unknown = Unknown
# Tooltip of the info icon next to a negative satisfaction. { $reason } is the shopper's text.
negative-reason = Negative reason: { $reason }
# Thumbs of a conversation. { $up } and { $down } are counts.
thumbs-counts = 👍 { $up } · 👎 { $down }
# Button under the list that shows 50 more.
load-more = Load more
# Shown instead of the list when nothing matches.
conversations-empty = No conversations match this filter in this period.
# Link from one conversation back to the list.
conversation-back = Back to the list
# Heading of a conversation's card of CSAT fields (the seed's "User data").
user-data = User data
# Field: the rating given, 1 to 5.
csat-score = Score
# Field: what the shopper wrote in the survey.
csat-free-feedback = Free feedback
# Field value: yes.
answer-yes = Yes
# Field value: no.
answer-no = No
# Heading above the rated answers of a conversation.
messages-title = Rated messages
# Shown when no answer of the conversation was rated.
messages-empty = No rated messages in this conversation.
# Green badge under an answer the shopper gave 👍 (the seed's wording).
message-positive = Positive feedback by user
# Amber badge under an answer the shopper gave 👎 (the seed's wording).
message-negative = Negative feedback by user
# Label before the shopper's question (an excerpt).
message-question = Shopper asked
# Label before the assistant's answer (an excerpt).
message-answer = Assistant answered
# Label before the shopper's reason for 👎.
message-reason = Reason
# Label before the reason tags the shopper picked.
message-tags = Tags
# Field: whether a person (a human agent) took over the conversation from the assistant; its satisfaction answer then counts as one "with a human".
conversation-handed-over = Handed over to a person
# Field: the path of the shop page the satisfaction prompt showed on.
conversation-page = Page
# Field: the keys the shop's page set for the conversation (setContext), such as an A/B variant.
conversation-context = Context
# Label on a rated message a person (a human agent) wrote, not the assistant.
message-agent = Answered by a person
# Label of the keys that say where a rated answer came from (its meta: model, prompt version, …).
message-meta = Where it came from

## Compare

# Navigation tab: thumbs and satisfaction side by side per model, prompt version, page, variant or AI vs a person.
nav-compare = Compare
# Heading of the Compare section.
compare-title = Compare
# Under the heading: what the section shows and how to read the ranges.
compare-intro = Which model, prompt, page or variant gets the thumbs down? Each share comes with the range its true value likely lies in (95%): few ratings give a wide range.
# Label of the picker of what to compare by.
compare-by = Compare by
# Picker option: the assistant's answers against a person's (a human agent who took over).
compare-dimension-role = AI or a person
# Picker option: the shopper's language.
compare-dimension-locale = Language
# Picker option: the shop page the feedback was given on.
compare-dimension-page = Page
# Shown when there is nothing to compare in the period.
compare-empty = No feedback to compare in this period.
# Column heading: the value compared (a model's name, a page, …).
compare-column-value = Value
# Column heading: thumbs given (👍 and 👎).
compare-column-ratings = Ratings
# Column heading: the share of 👍.
compare-column-up = Thumbs-up share
# Column heading: the share of 👎.
compare-column-down = Thumbs-down share
# Column heading: the average satisfaction score (1–5).
compare-column-csat = Satisfaction
# Column heading: how many offered the satisfaction prompt answered it.
compare-column-response = Response rate
# A share with its counts and its 95% range, e.g. "30% (30 of 100; 22%–40%)".
compare-share = { $share } ({ $count } of { $of }; { $low }–{ $high })
# Badge on a value with fewer than 30 ratings: its shares say little yet.
compare-few = Few ratings
# The value "assistant" of "AI or a person".
compare-role-assistant = AI only
# The value "agent" of "AI or a person".
compare-role-agent = With a person
# Checkbox label: show this value's daily line in the chart (two at most).
compare-show = Show in the chart
# Link from a value to the inbox filtered to it.
compare-open-inbox = Open in inbox
# Column heading over the links to the inbox.
compare-column-inbox = Conversations
# Heading of the chart of the chosen values' daily 👎 share.
compare-chart-title = Thumbs-down share per day
# Shown under the chart's heading when no value is chosen.
compare-chart-empty = Tick up to two values to see them day by day.
# Screen-reader table of the chart: its caption.
compare-chart-table = Thumbs-down share per day, by value

## Recommendations

# Heading of the knowledge gaps.
gaps-title = Knowledge gaps
# One or two sentences under the heading.
gaps-intro = Shopper questions whose answers were thumbed down again and again. Each one is knowledge the assistant is missing.
# How many thumbs-down a question got. { $count } is the number.
gaps-count = { $count ->
    [one] one thumbs-down
   *[other] { $count } thumbs-down
}
# After the count: when the latest was. { $date } is a date and time.
gaps-latest = latest on { $date }
# Label before other ways shoppers asked the same thing.
gaps-examples = Also asked as
# Label before the links to the conversations.
gaps-conversations = Conversations
# Shown when there is no gap in the period.
gaps-empty = No question was thumbed down more than once in this period. Questions are only kept for sites that store excerpts.

## Status

# Shown while a section loads.
loading = Loading…
# Shown when a section cannot load. { $reason } says what went wrong.
load-failed = This could not be loaded: { $reason }
# The reason in load-failed when the site key or secret is wrong (lower case, no full stop).
error-wrong-secret = the site key or secret is wrong
# The reason when the collector did not answer at all.
error-unreachable = the collector did not answer; check the connection and try again
# The reason when the site is being moved to another database (its owner cannot change settings meanwhile).
error-site-moving = the site is moving to another database; changes work again in a few minutes
# The reason when the collector limits requests for a while.
error-rate-limited = too many requests; try again in a minute
# The reason when the collector itself failed.
error-collector-failed = the collector had a problem; try again in a moment

## The collector's refusals, in the owner's language. Each is a reason in
## load-failed and beside a save: lower case, no full stop. The collector
## names each with a code (the message id after "refusal-").

# The request's body was not JSON.
refusal-invalid-json = the request was not JSON
# The request was not a batch of events.
refusal-invalid-envelope = the request was not a batch of events
# The request was larger than the collector takes.
refusal-payload-too-large = the request was too large
# The request held more events than the collector takes at once.
refusal-too-many-events = the request held too many events
# No site has the key used.
refusal-unknown-site = no site has this key
# The page's address is not among the site's allowed origins.
refusal-origin-not-allowed = this page's address is not one of the site's allowed origins
# The key or secret is wrong.
refusal-unauthorized = the site key or secret is wrong
# A value the request must hold was missing.
refusal-missing-field = a value the request needs was missing
# A value of the request was not one the collector takes.
refusal-invalid-field = a value of the request was not one the collector takes
# A text was longer than its limit.
refusal-too-long = a text was longer than its limit
# The collector does not know this kind of event.
refusal-unknown-event-type = the collector does not know this kind of event
# A time was too far in the future or too long ago.
refusal-timestamp-out-of-range = a time was too far in the future or too long ago
# What was asked for is not there (erased, or never there).
refusal-not-found = it is not there: it was erased, or never existed
# The collector takes no such request at this address.
refusal-method-not-allowed = the collector takes no such request here
# A satisfaction answer can no longer be changed (after 30 minutes).
refusal-csat-locked = the satisfaction answer can no longer be changed
# The collector ships no copy for this language.
refusal-unknown-locale = there is no shipped copy for this language
# The wording has problems (listed beside it); nothing was saved.
refusal-invalid-copy = the wording has problems; nothing was saved
# Too many requests for a while.
refusal-rate-limited = too many requests; try again in a minute
# The collector itself failed.
refusal-internal = the collector had a problem; try again in a moment
# The key used may not do this (a wording key reading feedback, for example).
refusal-out-of-scope = your key may not do this
# The settings have problems (shown beside each field); nothing was saved.
refusal-invalid-settings = the settings have problems; nothing was saved
# Someone else changed the settings since this page read them.
refusal-stale-settings = someone changed the settings since you opened them; reload to see their change, then make yours again
# The settings were sent without saying which version they change.
refusal-precondition-required = the settings were sent without the version they change; reload and try again
# The site is moving to another database for a minute or two.
refusal-site-moving = the site is moving to another database; changes work again in a few minutes
# A message's details (model, prompt, …) had too many keys.
refusal-meta-too-many-keys = a message's details had too many keys
# A key of a message's details was not 1 to 40 of a–z, 0–9 and _.
refusal-meta-key-invalid = a key of a message's details was not 1 to 40 of a–z, 0–9 and _
# A value of a message's details was too long.
refusal-meta-value-too-long = a value of a message's details was too long
# A value of a message's details was neither text nor a number.
refusal-meta-value-type = a value of a message's details was neither text nor a number
# The review has problems (shown beside each field); nothing was saved.
refusal-invalid-review = the review has problems; nothing was saved
# Someone reviewed this item since this page read it.
refusal-stale-review = someone reviewed this since you opened it; reload to see their review

## The checker's findings in wording, in the owner's language: shown
## beside a message as it is typed, and when the collector refuses a save.
## Ids, attribute names, variables, functions and options (NUMBER,
## maximumFractionDigits, …) are Fluent's words and stay as they are.

# Where a finding is, before what it says. { $line } and { $col } are the
# line and column in the wording as a Fluent file; { $finding } is the
# finding.
checker-at = Line { $line }, column { $col }: { $finding }
# { $id } is a message id.
checker-missing-message = { $id } is missing.
# { $attribute } is an attribute's name.
checker-missing-attribute = { $id } lacks the attribute .{ $attribute } that the reference has.
# An attribute the reference's message does not have.
checker-obsolete-attribute = { $id } has the attribute .{ $attribute }, which the reference does not have.
# { $variable } is a variable's name, without its $.
checker-unknown-variable = { $id } uses the variable { $variable }, which the reference does not provide for it.
# A variable the reference uses that the translation leaves out.
checker-unused-variable = { $id } does not use the variable { $variable }, which the reference does.
# A message the reference does not have.
checker-obsolete-message = { $id } is not a message of the reference; remove it.
# { $target } is what { $id } refers to; { $kind } says whether it is a term or a message.
checker-unknown-reference = { $kind ->
    [term] { $id } refers to the term { $target }, which does not exist.
   *[message] { $id } refers to the message { $target }, which does not exist.
}
# A term writes out a variable that its call does not pass. { $term } is the term, { $variable } the variable.
checker-term-variable = { $id } uses { $term } without passing { $variable }, so shoppers would see the variable's name: a term reads only what its call passes.
# { $missing } and { $categories } are plural categories (one, few, many, …), as Fluent writes them; { $locale } is the language's code.
checker-plural-categories = { $id } chooses by number but lacks the forms { $missing }; { $locale } uses { $categories }.
# { $unused } are variant keys such as [zero].
checker-plural-category-unused = { $id } has the forms { $unused }, which { $locale } never uses ({ $categories }); for an exact number, use a key such as [0].
# { $locale } is what was given as a language code.
checker-bad-locale = { $locale } is not a language code.
# A message of the reference without a note for translators.
checker-undocumented = { $id } has no note above it telling translators where it shows.
# { $value } is a number written in the message; { $significant } and { $fraction } are the most digits it may have.
checker-number-too-long = In { $id }, the number { $value } has more than { $significant } significant or { $fraction } fraction digits, so shoppers would see the shipped text. Shorten it.
# { $depth } is how deep placeables may nest.
checker-too-deep = Placeables nest deeper than { $depth } here, so this message is not read.
# A brace or bracket left open.
checker-unclosed = A brace or bracket above is still open where this line starts a new message. Close it, or indent this line if it continues.
# { $character } is the character's code, such as U+0007.
checker-control-character = { $character } is a control character, which wording may not hold. Delete it.
# { $detail } is what Fluent's parser says, in English.
checker-syntax = Fluent cannot read this ({ $detail }).
# { $first } is the line where the id was first defined.
checker-duplicate-id = { $id } is defined again; it was first defined on line { $first }.
# A message or attribute with no text.
checker-empty-value = { $id } is empty.
# { $function } is the name of the function called.
checker-unsupported-function = In { $id }, { $function }() is not a function the bubble knows; only NUMBER() is.
# NUMBER() given something other than one number.
checker-number-argument = In { $id }, NUMBER() takes one number, such as NUMBER($count).
# An option of NUMBER() it cannot take; { $problem } says which problem. { $option } is the option's name; { $options } the options it takes; { $low } and { $high } the smallest and largest values; { $other } the option it must not exceed; { $digits } how many fraction digits the number shows.
checker-number-option = { $problem ->
    [unknown] In { $id }, NUMBER() has no option { $option }; it takes { $options }.
    [grouping] In { $id }, { $option } takes "true" or "false", in quotes.
    [range] In { $id }, { $option } takes a whole number from { $low } to { $high }.
    [conflict] In { $id }, { $option } is larger than { $other }; make it at most { $other }.
   *[precision] In { $id }, the number shows { $digits } fraction digits, more than maximumFractionDigits: { $high }.
} Shoppers would see the shipped text.

## Settings

# Section link: the site's settings. One or two words.
nav-settings = Settings
# Heading of the Settings section.
settings-title = Settings
# One sentence under the Settings heading.
settings-intro = How the bubble asks for feedback on your site, and what the collector keeps.
# Heading of the group about the satisfaction prompt.
settings-csat-legend = Satisfaction prompt
# Checkbox: show the satisfaction prompt when a conversation ends.
settings-csat-enabled = Ask for satisfaction when a conversation ends
# Heading of the choice between the two kinds of prompt.
settings-csat-mode = Kind of prompt
# Choice: the prompt asks for thumbs up or down.
settings-mode-thumbs = Thumbs up or down
# Choice: the prompt asks for a score from 1 to 5.
settings-mode-scale5 = A score from 1 to 5
# Label of the field: the share of conversations offered the satisfaction prompt.
settings-sample = Share of conversations asked (percent)
# Hint under the sample field: a conversation stays in or out; what 0 means; what the response rate counts.
settings-sample-hint = The same conversation is always in or out, even after a reload. 0 asks no one; the response rate counts only the conversations asked.
# Label of the field: how many answers a conversation needs before the prompt.
settings-min-answers = Ask only after at least this many answers
# Hint under that field: which messages count, and what 0 means.
settings-min-answers-hint = Answers from your assistant, or from a colleague who took over. 0 also asks after conversations without an answer.
# Label of the field: for how many days a shopper who answered or closed the prompt is not asked again.
settings-cooldown = Don't ask the same shopper again for (days)
# Hint under that field: where the days count from, where that is remembered, and what 0 means.
settings-cooldown-hint = Counted from their last answer or dismissal and remembered in their own browser. 0: ask in every conversation.
# Label of the field listing the reasons shoppers may pick after a thumbs-down.
settings-reason-tags = Reasons offered after a thumbs-down
# Hint under the reason tags field. Keep the example tags as they are.
settings-reason-tags-hint = Separate them with commas, such as wrong_answer, too_long.
# Label of the field: after how many idle seconds a conversation ends.
settings-idle = End an idle conversation after (seconds)
# Hint under the idle field.
settings-idle-hint = Leave empty to end conversations only when your site says so. If the chat is closed when it ends, the question waits inside, behind a dot on the bubble.
# Heading of the group about what is kept.
settings-data-legend = Data
# Checkbox: keep the shopper's question and the answer with each thumb.
settings-store-text = Keep the question and the answer with each thumb
# Label of the field: how many days feedback is kept.
settings-retention = Keep feedback for (days)
# Label of the field: how many days questions, answers, reasons and comments are kept.
settings-text-retention = Keep questions, answers and comments for (days)
# Under that field: what an empty box means, and what stays after the text goes.
settings-text-retention-hint = Empty: as long as the feedback. After these days the text is blanked; ratings, scores and figures stay for the days above.
# Label of the field: how many days a conversation stays in the database before it moves to the archive.
settings-hot-days = Keep conversations in the database for (days)
# Under that field: what the archive changes for each part of the dashboard.
settings-hot-days-hint = After these days a conversation moves to the archive. The Overview and Compare still count it; the inbox shows only the conversations of these last days.
# Settings: the legend over whether personal data is taken out of text.
settings-redaction-legend = Personal data
# Checkbox: redact text before it is stored.
settings-redaction-enabled = Take e-mail addresses, phone numbers, card numbers and IBANs out of text
# Under the checkbox: what redaction does, and that turning it off does not bring back text redacted before.
settings-redaction-hint = They become [email], [phone], [card] and [iban] before anything is stored or sent to your webhook, in questions, answers, reasons and comments. Text stored while this was on stays redacted if you turn it off.
# Above the site's own patterns.
settings-redaction-patterns-intro = Your own patterns: a fixed prefix followed by digits, such as your order numbers. Remove their digits, or keep them as written even where they look like a phone number.
# Legend of one pattern's row; $number counts from 1.
settings-redaction-pattern = Pattern { $number }
# Label of the box with the text before the digits.
settings-redaction-prefix = Prefix (the text before the digits)
# Label of the choice of what happens to a match.
settings-redaction-action = What happens
# Choice: the digits after the prefix are removed.
settings-redaction-remove = Remove the digits
# Choice: the match stays as written.
settings-redaction-keep = Keep it as written
# Button that removes one pattern; $number counts from 1.
settings-redaction-remove-pattern = Remove pattern { $number }
# Button that adds a pattern.
settings-redaction-add = Add a pattern
# Heading of the group about the shop.
settings-shop-legend = Shop
# Label of the shop name field.
settings-shop-name = Shop name
# Label of the time zone field.
settings-time-zone = Time zone
# Hint under the time zone field. Keep Europe/Berlin as it is.
settings-time-zone-hint = An IANA time zone such as Europe/Berlin; the dashboard's days follow it.
# Label of the field listing the web addresses allowed to send feedback.
settings-origins = Pages allowed to send feedback
# Hint under the origins field. Keep the example address as it is.
settings-origins-hint = One origin per line, such as https://shop.example.
# Label of the field listing the labels a reviewer may give a thumbs-down or a low answer.
settings-review-labels = Review labels
# Hint under the review labels field.
settings-review-labels-hint = One label per line, at most 20, each up to 40 characters, such as wrong answer.
# Heading of the group about the webhook.
settings-webhook-legend = Webhook
# Label of the webhook address field.
settings-webhook-url = Webhook URL
# Button that sends the webhook a test delivery.
settings-webhook-test = Send a test webhook
# Shown after a test delivery arrived. { $status } is the receiver's HTTP answer, such as 204.
settings-webhook-delivered = The test arrived (answer { $status }).
# Shown after a test delivery did not arrive. { $reason } says why (in English).
settings-webhook-failed = The test did not arrive: { $reason }
# Settings: the legend over the alert rules and where alerts go.
settings-alerts-legend = Alerts
# Settings: how alert rules work.
settings-alerts-intro = Rules are checked every 15 minutes. Your team hears once when a rule starts to hold, and once more when it stops.
# Settings: the legend of one alert rule; $number is its place in the list.
settings-alerts-rule = Rule { $number }
# Settings: the label of the picker of what a rule watches.
settings-alerts-kind = Alert when
# Settings: a rule kind (the thumbs-down share, in words: emoji show as boxes without an emoji font).
settings-alerts-kind-share = the thumbs-down share is above a limit
# Settings: a rule kind.
settings-alerts-kind-csat = the satisfaction average is below a limit
# Settings: a rule kind.
settings-alerts-kind-items = open review items pile up
# Settings: a rule's window, in hours.
settings-alerts-hours = Over the last (hours)
# Settings: the thumbs-down share a rule fires above, in percent.
settings-alerts-percent = Thumbs-down share above (%)
# Settings: the satisfaction average (1 to 5) a rule fires below.
settings-alerts-average = Average below (1–5)
# Settings: the fewest ratings a rule judges.
settings-alerts-min-ratings = With at least (ratings)
# Settings: the fewest answers a rule judges.
settings-alerts-min-answers = With at least (answers)
# Settings: how many review items opened in the last hour make a rule fire.
settings-alerts-count = Open review items from the last hour, at least
# Settings: the button that removes one rule; $number is its place.
settings-alerts-remove = Remove rule { $number }
# Settings: the button that adds a rule.
settings-alerts-add = Add a rule
# Settings: send alerts to the site's webhook as well.
settings-alerts-to-webhook = Send alerts to the webhook too
# Settings: the chat-ops URL alerts and the digest go to.
settings-alerts-chat-url = Chat URL (a Slack incoming webhook; Mattermost and Rocket.Chat take the same, Discord at …/slack)
# Settings: the daily digest.
settings-alerts-digest = Post a daily digest to the chat URL at 09:00 in the site’s time zone
# Button that saves the settings.
settings-save = Save settings
# Shown after the settings were saved.
settings-saved = Settings saved.
# Shown when some fields need a change before saving.
settings-invalid = Some settings need a change; see the notes beside them.
# Shown when someone else changed the settings since they were opened.
settings-stale = These settings were changed elsewhere since you opened them. Reload the page to see them.

## A problem with a setting, shown beside it in place of the collector's
## English: what the setting takes. Numbers in { $low }, { $high },
## { $most }, { $chars } and { $hours } come from the collector's rules.

# The satisfaction prompt on or off, and keeping questions and answers.
settings-problem-csat-enabled = Choose on or off.
# The kind of satisfaction prompt.
settings-problem-csat-mode = Choose thumbs or the 1–5 scale.
# The share of conversations asked.
settings-problem-csat-sample-percent = Give a whole percentage from { $low } to { $high }.
# The days before the same shopper is asked again.
settings-problem-csat-cooldown-days = Give a whole number of days from { $low } to { $high }.
# The answers a conversation needs before it is asked.
settings-problem-csat-min-assistant-messages = Give a whole number of answers from { $low } to { $high }.
# The reason tags.
settings-problem-reason-tags = Give at most { $most } tags, separated by commas, each once, each of letters, digits and - _ . : ~ only (such as wrong_answer).
# The seconds after which an idle conversation ends.
settings-problem-idle-end-seconds = Give a whole number of seconds from { $low } to { $high }, or leave it empty so that idle conversations never end.
# Keeping questions and answers.
settings-problem-store-text = Choose on or off.
# The days feedback is kept.
settings-problem-retention-days = Give a whole number of days from { $low } to { $high }.
# The days text is kept.
settings-problem-text-retention-days = Give a whole number of days from { $low } to { $high }, or leave it empty to keep text as long as the feedback.
# The days a conversation stays in the database.
settings-problem-hot-days = Give a whole number of days from { $low } to { $high }.
# The webhook's address.
settings-problem-webhook-url = Give a public https:// address without a user name or password, or leave it empty.
# The shop's name.
settings-problem-shop-name = Give a name of 1 to { $most } characters without spaces at either end, or leave it empty.
# The time zone.
settings-problem-time-zone = Give a time zone such as Europe/Berlin, or leave it empty for UTC.
# The review labels.
settings-problem-review-labels = Give at most { $most } labels, one per line, each once and each of 1 to { $chars } characters.
# The alerts as a whole (only a page from another version sends them wrongly).
settings-problem-alerts = The alerts could not be read. Reload the page and set them again.
# The alert rules.
settings-problem-alerts-rules = Give at most { $most } rules, each once, over 1 to { $hours } hours, with their numbers in range, and say where alerts go: a chat-ops address, or the webhook with a webhook address.
# The chat-ops address of the alerts.
settings-problem-alerts-chat-url = Give a public https:// address of a chat webhook (the daily digest needs one), or leave it empty.
# Personal data as a whole (only a page from another version sends it wrongly).
settings-problem-redaction = The personal data settings could not be read. Reload the page and set them again.
# The site's own patterns of personal data.
settings-problem-redaction-patterns = Give at most { $most } patterns, each a different prefix of 1 to { $chars } characters (such as ORD-), with what to do with what follows it.
# The pages allowed to send feedback.
settings-problem-allowed-origins = Give at most { $most } addresses, one per line, each once, as a browser sends them: http:// or https://, a lower-case host, and a port only if it is not the usual one (such as https://shop.example).
# A new access key's name.
settings-problem-name = Give the key a name of 1 to { $most } characters.
# What a new access key may do.
settings-problem-scope = Choose what the key may do.
# Heading of the list of changes to the settings.
settings-audit-title = Changes
# Shown when the list of changes is empty.
settings-audit-empty = No changes yet.
# Column heading: when a change was made.
settings-audit-when = When
# Column heading: who made a change.
settings-audit-who = Who
# Column heading: what changed.
settings-audit-what = What changed

## Access keys and the site secret

# Heading of the access keys part of Settings.
keys-title = Access keys
# One or two sentences under the access keys heading.
keys-intro = Keys for people who need less than your secret: a wording key edits the copy only; a read key sees the figures and conversations only.
# Label of the new key's name field, and the column heading of the keys' names.
keys-name = Name
# Label of the choice of what a key may do, and its column heading.
keys-scope = What it may do
# Choice and list entry: the key may edit the wording only.
keys-scope-wording = Edit the wording
# Choice and list entry: the key may read feedback only.
keys-scope-read = Read feedback
# Scope choice: read conversations and review thumbs-downs, nothing else.
keys-scope-review = Review conversations
# Button that makes a key.
keys-create = Make a key
# Shown after a key was made, before the key's secret (shown only this once, on its own so it copies cleanly).
keys-created = The key's secret, shown only now:
# Shown when the site has no keys.
keys-empty = No keys yet.
# Column heading: when a key was made.
keys-created-at = Made
# Column heading: whether a key works or was revoked.
keys-status = Status
# A revoked key's status. { $date } is when it was revoked.
keys-revoked = Revoked { $date }
# Button that revokes a key. One word.
keys-revoke = Revoke
# Accessible name of the revoke button (screen readers). { $name } is the key's name.
keys-revoke-label = Revoke the key { $name }
# Button that shows the revoked keys under the live ones. { $count } is how many were revoked.
keys-show-revoked = Show revoked ({ $count })
# Button that hides the revoked keys again.
keys-hide-revoked = Hide revoked
# Button under the revoked keys that shows the next ones. { $count } is how many it adds.
keys-more-revoked = Show { $count } more
# Heading of the part about the site secret.
secret-title = Site secret
# One sentence under the site secret heading.
secret-intro = A new secret replaces yours at once; this tab switches to it.
# Button that replaces the site secret.
secret-rotate = Make a new secret
# Shown after the secret was replaced, before the new secret (shown only this once, on its own).
secret-rotated = Your new secret, shown only now:

## Wording (the widget's copy, per locale)

# Navigation tab of the Wording section. One word.
nav-wording = Wording
# Heading of the Wording section.
wording-title = Wording
# One or two sentences under the Wording heading.
wording-intro = The words the bubble shows shoppers, in each language. What you write here replaces the shipped text of that message; an empty box keeps the shipped text.
# Label of the list of languages whose wording is edited.
wording-locale = Language
# A language in the list of languages: { $name } is the language's name in
# that language (such as "Deutsch"), { $tag } its code (such as "de").
wording-locale-name = { $name } ({ $tag })
# Label of the search box over the messages (their ids, the reference, the
# shipped text and the site's own).
wording-find = Find a message
# Label of the group of buttons that narrow the list of messages.
wording-filter = Show
# Filter button: every message.
wording-filter-all = All
# Filter button: the messages the site has its own text for.
wording-filter-changed = Changed by this site
# Filter button: the messages whose site text is not the shipped text.
wording-filter-differs = Differs from the shipped text
# Filter button: the messages the checker finds a problem in.
wording-filter-findings = Has findings
# Filter button: the messages this language has no shipped text for
# (shoppers get the English reference).
wording-filter-missing = Missing in this language
# Filter button: the messages of the satisfaction prompt.
wording-filter-prompt = In the satisfaction prompt
# Filter button: the messages under the assistant's answers (thumbs, the
# reason after a thumbs-down).
wording-filter-messages = Under answers
# Filter button: the messages of the round button, the chat panel and the
# message box.
wording-filter-bubble = In the bubble and panel
# Under the filters: how many messages the list shows. { $shown } of { $total }.
wording-found = { $total ->
    [one] { $shown } of { $total } message shown
   *[other] { $shown } of { $total } messages shown
}
# Shown instead of the list when no message matches the search and filter.
wording-found-none = No message matches. Try other words, or show all.
# Legend of the choice between editing message by message or the whole file.
wording-mode = Edit
# Choice: one box per message.
wording-mode-messages = Message by message
# Choice: the whole Fluent file in one box.
wording-mode-file = The whole file (Fluent)
# Label of the box holding the whole Fluent file.
wording-file = Your wording as a Fluent file
# Above a message's English text, which every language translates.
wording-reference = Reference (en-US)
# Above a message's text as shipped in the chosen language.
wording-shipped = Shipped text
# Label of the box with the site's own text of a message.
wording-own = Your wording
# Button that drops the site's own text of a message.
wording-revert = Use the shipped text
# Accessible name of that button. { $id } is the message's id.
wording-revert-label = Use the shipped text for { $id }
# Button that saves the wording.
wording-save = Save wording
# Shown after a save. { $version } is the version number it became.
wording-saved = Saved as version { $version }.
# Shown after a save that changed nothing.
wording-unchanged = Saved; nothing had changed.
# Shown above the problems when the collector refused a save.
wording-refused = Not saved: the collector found these problems. The wording stored before is unchanged.
# Shown above the editor, with the list of message ids below it, when
# messages of the saved wording break a check added since they were saved.
wording-set-aside = Shoppers see the shipped text of these messages: a check added since they were saved finds problems in them. Fix them to show your wording again.
# A shopper's question in the preview's sample conversation.
wording-sample-question = Where is my order?
# The assistant's answer in the preview's sample conversation.
wording-sample-answer = Your order left our warehouse yesterday and should arrive within three days.
# Heading of the live preview of the bubble.
preview-title = Preview
# Legend of the choice of the satisfaction prompt's kind in the preview.
preview-mode = Satisfaction prompt
# Label of the list of the prompt's steps in the preview.
preview-step = Step
# Step: the prompt's question.
preview-step-question = The question
# Step: the comment box after an answer.
preview-step-comment = The comment
# Step: the message after the shopper answered.
preview-step-thanks = The thank-you
# Label of the number the preview's "characters left" note is shown with.
preview-count = Characters left (any number, for the plural forms)
# Shown when the preview cannot be drawn.
preview-failed = The preview cannot be shown in this browser.
# Heading of the list of saved versions.
history-title = Saved versions
# Shown when no version was saved yet.
history-empty = No saved versions yet.
# One saved version. { $when } is its date and time; { $who } is who saved it.
history-version = Version { $version }, { $when }, by { $who }
# Button that shows what a version changed. One word.
history-show = Changes
# Accessible name of that button.
history-show-label = Changes in version { $version }
# Button that makes a version the live wording again. One word.
history-restore = Restore
# Accessible name of that button.
history-restore-label = Restore version { $version }
# Shown when a version changed no message.
history-no-changes = No message changed in this version.
# Under a saved version: the satisfaction prompts shown with this wording. { $offered } is how many; { $answered } and { $completed } are shares of them, already formatted as percentages.
history-prompts = { $offered ->
    [one] One satisfaction prompt was worded with it
   *[other] { $offered } satisfaction prompts were worded with it
}: { $answered } answered, { $completed } completed.
# Under a saved version when no satisfaction prompt was shown with it.
history-no-prompts = No satisfaction prompt was worded with it yet.
# Asked before another language or a saved version replaces unsaved wording.
wording-discard = Your changes to this language's wording are not saved. Drop them?

## Review

# Heading of the review card (Overview) and of a conversation's review.
review-title = Review
# Overview figure: review items open now.
review-open = Open items
# Overview figure: items reviewed in the chosen period.
review-reviewed = Reviewed in this period
# Overview figure: the median time from a thumbs-down or low answer to its review.
review-median-wait = Median time to review
# Badge: nobody has reviewed the item yet.
review-state-open = Open
# Badge: the item has been reviewed.
review-state-reviewed = Reviewed
# What opened a review item: a thumbs-down. { $message } is the message's id.
review-item-thumb = Thumbs-down on message { $message }
# What opened a review item: a satisfaction answer of 1 or 2.
review-item-answer = Low satisfaction answer
# { $who } is the reviewer ("owner" or a key's name); { $when } a date and time.
review-by = Reviewed by { $who } on { $when }
# Label of the reviewer's note.
review-note = Note
# Legend of the reviewer's labels.
review-labels = Labels
# Button: mark the item reviewed.
review-mark = Mark reviewed
# Button: save changes to a reviewed item.
review-save = Save review
# Button: make a reviewed item open again.
review-reopen = Open again
# Said after a review was saved.
review-saved = Saved.
# Said when someone else reviewed the item first.
review-stale = Someone else reviewed this meanwhile. Their review is shown now; look and try again.
# The keyboard shortcuts of a conversation's review. Keep J, K and R as they are.
review-shortcuts = Keys: J next open conversation, K previous, R mark reviewed, 1–9 pick a label. They are off while you type.
# Said when J or K finds no further open conversation.
review-queue-end = No more open conversations that way.
# Label of the inbox's review filter.
filter-review = Review
# Review filter choice: every conversation.
filter-review-all = All
# Review filter choice: with an open item.
filter-review-open = Open
# Review filter choice: every item reviewed.
filter-review-reviewed = Reviewed
# Label of the inbox's label filter.
filter-label = Label
# Label filter choice: any label.
filter-label-all = Any label
# Column: a conversation's review state.
column-review = Review
# A median wait in minutes. { $count } is the number.
review-wait-minutes = { $count ->
    [one] one minute
   *[other] { $count } minutes
}
# A median wait in hours. { $count } is the number.
review-wait-hours = { $count ->
    [one] one hour
   *[other] { $count } hours
}
# A median wait in days. { $count } is the number.
review-wait-days = { $count ->
    [one] one day
   *[other] { $count } days
}
