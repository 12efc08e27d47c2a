# Copy for the chat bubble shoppers see. en-US is the reference locale:
# every other locale translates these ids. Placeables like { $shop } are
# filled in by the widget; keep them in translations.

## The round button in the page corner

# Accessible name of the bubble while the chat is closed (screen readers).
bubble-open = Open chat
# Accessible name of the bubble while the chat is open.
bubble-close = Close chat
# Accessible name of the bubble while the chat is closed and the
# satisfaction question waits inside (the conversation ended while the
# shopper was elsewhere on the page; a dot shows on the bubble).
bubble-open-waiting = Open chat: a question is waiting for you

## The chat panel

# Heading at the top of the open panel. Keep it under 30 characters.
panel-title = Chat with us
# Heading at the top of the open panel when the site has set its shop's
# name (`cargo xtask site set ... shop_name=...`); { $shop } is that name.
# Keep the words around it under 20 characters.
panel-title-shop = Chat with { $shop }
# Accessible name of the ✕ button in the panel header.
panel-close = Close chat
# Shown in the panel before anyone has said anything.
panel-empty = Ask us anything about our products, orders or delivery.
# Accessible name of the message list (screen readers announce new messages).
panel-messages = Conversation

## Thumbs under each assistant message

# Accessible name of the pair of thumbs under an assistant answer.
message-feedback-group = Rate this answer
# Accessible name of 👍 under an assistant answer.
message-feedback-up = Helpful
# Accessible name of 👎 under an assistant answer.
message-feedback-down = Not helpful

## The satisfaction prompt after a conversation resolves: the help
## centre's "Auto-end conversation" copy (Title, Negative reason, Negative
## placeholder, Negative button, After submission), edited per locale in
## the dashboard's Wording section.

# Title: the heading of the 👍/👎 prompt. Keep it under 40 characters.
csat-title = How was this conversation?
# Accessible name of the prompt's 👍.
csat-thumb-up = Good
# Accessible name of the prompt's 👎.
csat-thumb-down = Bad
# Negative reason: the label above the text box shown after 👎.
csat-negative-reason = What could we have done better?
# Negative placeholder: the grey hint inside that text box.
csat-negative-placeholder = Tell us what went wrong (optional)
# Negative button: submits the reason.
csat-negative-button = Send feedback
# After submission: shown once the shopper has answered.
csat-after-submission = Thank you for your feedback!

## The 1–5 variant of the prompt

# Lead-in message: one short sentence before the question.
csat-lead-in = Before you go: one quick question about this chat.
# Survey question: must mention the 1 to 5 scale.
csat-question = On a scale of 1 to 5, how well was your question answered today?
# Accessible name of choice 1 of the five (read by screen readers, not shown).
csat-score-1 = 1, very dissatisfied
# Accessible name of choice 2.
csat-score-2 = 2, dissatisfied
# Accessible name of choice 3.
csat-score-3 = 3, neutral
# Accessible name of choice 4.
csat-score-4 = 4, satisfied
# Accessible name of choice 5.
csat-score-5 = 5, very satisfied
# Shown under the five choices: what 1 and 5 mean.
csat-scale-ends = 1 means very dissatisfied, 5 means very satisfied.
# Label of the optional comment after a score is picked.
csat-comment-label = Anything else you would like to tell us? (optional)
# Placeholder of that comment box.
csat-comment-placeholder = Your comment
# Submits the score and comment.
csat-submit = Send

# Accessible name of the ✕ that closes the prompt without answering.
csat-close = Close survey

## The message box at the bottom of the panel

# Accessible name of the message box (not shown on screen).
composer-label = Your message
# Grey hint inside the message box.
composer-placeholder = Type your question…
# Accessible name of the send button.
composer-send = Send message

## Why a 👎 (only when the site offers reason tags)

# Heading above the reason tags after a 👎 on an answer.
reason-title = What was wrong with this answer?
# Accessible name of the optional comment box.
reason-comment-label = Your comment
# Grey hint in the comment box.
reason-comment-placeholder = Tell us more (optional)
# Sends the reasons.
reason-send = Send
# Leaves the 👎 without reasons.
reason-skip = Skip
# A reason tag's label. Sites choose their tag ids; add a line for each id
# they use. Unknown ids show as they are.
reason-tag = { $tag ->
    [wrong_answer] Wrong answer
    [too_long] Too long
    [not_relevant] Not relevant
    [outdated] Out of date
    [rude] Rude
   *[other] { $tag }
}

## Comment boxes

# Shown under a comment box once fewer than 100 characters remain;
# { $count } is how many. Use every plural form your language has.
characters-left = { $count ->
    [one] { $count } character left
   *[other] { $count } characters left
}
