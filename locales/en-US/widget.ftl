# Copy for the chat bubble shoppers see. en-US is the reference locale:
# every other locale translates these ids. Placeables like { $shop } are
# filled in by the widget; keep them in translations.

## The round button in the page corner

# Accessible name of the bubble while the chat is closed (screen readers).
bubble-open = Open chat
# Accessible name of the bubble while the chat is open.
bubble-close = Close chat

## The chat panel

# Heading at the top of the open panel. Keep it under 30 characters.
panel-title = Chat with us
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
