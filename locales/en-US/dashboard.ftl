# Copy for the site owners' dashboard (Analyze → Overview, Conversations,
# Recommendations). en-US is the reference; other locales translate these
# ids, and a missing one shows in English. Placeables like { $tz } are
# filled in by the dashboard; keep them in translations.

## Signing in

# Page and window title.
dashboard-title = Feedback dashboard
# One or two sentences above the sign-in form.
signin-intro = Paste your site key and secret. They stay in this browser tab and are forgotten when you close it.
# Label of the site key field.
signin-site-key = Site key
# Label of the secret field.
signin-secret = Site secret
# Button that signs in.
signin-submit = Open dashboard
# Shown when the key or the secret is wrong.
signin-wrong = The site key or secret is wrong.
# Button in the header that forgets the secret.
signout = Sign out
# Shown in the header: which site this is. { $site } is its key.
signed-in-as = Site { $site }

## Navigation

# Accessible name of the row of sections.
nav-label = Dashboard sections
nav-overview = Overview
nav-conversations = Conversations
nav-recommendations = Recommendations

## The period every section shows

# Label of the period choice.
period-label = Period
period-7 = Last 7 days
period-30 = Last 30 days
period-90 = Last 90 days
period-custom = Custom range
# Labels of the custom range's dates.
period-from = From
period-to = To
# Applies the custom range.
period-apply = Apply
# Under the period: the time zone days are counted in. { $tz } is e.g. Europe/Berlin.
period-time-zone = Days in { $tz }
# { $from } and { $to } are dates.
period-range = { $from } – { $to }

## Overview

overview-title = Overview
# Heading and caption of the line chart (keep the caption one sentence).
csat-chart-title = Customer satisfaction over time
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
column-day = Day
column-average = Average
column-rated = Rated conversations
# The thumbs card.
thumbs-title = Message feedback
thumbs-up = Thumbs up
thumbs-down = Thumbs down
# { $share } is a percentage such as 62.5%.
thumbs-share = { $share } of rated messages
# The badge on each count. { $delta } is a signed change such as +3 or −12.
vs-previous = { $delta } vs previous period
# The survey card.
csat-figures-title = Satisfaction survey
csat-average = Average rating
csat-response-rate = Response rate
# Under the response rate: how it is computed.
csat-response-rate-hint = completed ÷ offered
csat-net-score = Net score
# Under the net score: how it is computed.
csat-net-score-hint = positive minus negative, as a share of rated
csat-offered = Offered
csat-accepted = Accepted
csat-denied = Denied
csat-completed = Completed
distribution-title = Score distribution
# One bar. { $score } is 1 to 5, { $count } how many conversations.
distribution-bar = { $score }: { $count ->
    [one] one conversation
   *[other] { $count } conversations
}
# Shown where a figure has no value (nothing to divide by).
no-value = –

## Conversations inbox

conversations-title = Conversations
# The filter: its label and choices.
filter-feedback = Customer feedback
filter-all = All
filter-upvote = Upvote
filter-downvote = Downvote
filter-neutral = Neutral
filter-unknown = Unknown
# Downloads the listed conversations as a spreadsheet.
export-csv = Export CSV
column-conversation = Conversation
column-last-activity = Last activity
column-satisfaction = User's satisfaction
column-thumbs = Message thumbs
satisfaction-positive = Positive
satisfaction-negative = Negative
satisfaction-neutral = Neutral
satisfaction-unknown = Unknown
# Tooltip of the info icon next to a negative satisfaction. { $reason } is the shopper's text.
negative-reason = Negative reason: { $reason }
# Thumbs of a conversation. { $up } and { $down } are counts.
thumbs-counts = 👍 { $up } · 👎 { $down }
load-more = Load more
conversations-empty = No conversations match this filter in this period.
# One conversation.
conversation-back = Back to the list
user-data = User data
csat-score = Score
csat-free-feedback = Free feedback
answer-yes = Yes
answer-no = No
messages-title = Rated messages
messages-empty = No rated messages in this conversation.
# Badges under a rated assistant message (the seed's wording).
message-positive = Positive feedback by user
message-negative = Negative feedback by user
message-question = Shopper asked
message-answer = Assistant answered
message-reason = Reason
message-tags = Tags

## Recommendations

gaps-title = Knowledge gaps
gaps-intro = Shopper questions whose answers were thumbed down again and again. Each one is knowledge the assistant is missing.
# { $count } thumbs-down on this question.
gaps-count = { $count ->
    [one] one thumbs-down
   *[other] { $count } thumbs-down
}
# { $date } of the latest one.
gaps-latest = latest on { $date }
gaps-examples = Also asked as
gaps-conversations = Conversations
gaps-empty = No question was thumbed down more than once in this period. Questions are only kept for sites that store excerpts.

## Status

loading = Loading…
# { $reason } says what went wrong.
load-failed = This could not be loaded: { $reason }
