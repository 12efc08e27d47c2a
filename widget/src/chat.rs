//! The conversation the bubble shows: who said what, and the shopper's
//! thumbs on each assistant message.

use protocol::ids::check_id;
use protocol::text::{MAX_EXCERPT_UTF16, truncate_utf16};
use protocol::{ConversationContext, Meta, MetaInput, RatedRole};
use protocol::{MessageFeedback, Rating};

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The shop's assistant; its messages get thumbs.
    Assistant,
    /// A human agent who took over; their messages get thumbs too.
    Agent,
    /// The shopper.
    User,
}

impl Role {
    /// The role as the JS API spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Assistant => "assistant",
            Role::Agent => "agent",
            Role::User => "user",
        }
    }

    /// Who a thumb on this role's message rates; `None` for the shopper's
    /// own messages, which get no thumbs.
    pub fn rated(self) -> Option<RatedRole> {
        match self {
            Role::Assistant => Some(RatedRole::Assistant),
            Role::Agent => Some(RatedRole::Agent),
            Role::User => None,
        }
    }

    /// Parses the JS API's spelling.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "assistant" => Some(Role::Assistant),
            "agent" => Some(Role::Agent),
            "user" => Some(Role::User),
            _ => None,
        }
    }
}

/// One field of an object the host page passed to the JS API, as the
/// widget reads it (`embed` from a JS object; the tests from JSON).
#[derive(Debug, Clone, PartialEq)]
pub enum HostField {
    /// Not there, or `undefined`.
    Absent,
    /// A string.
    Text(String),
    /// A plain object: its first entries, at most one past the limit the
    /// field keeps, so a huge object costs nothing to refuse.
    Object(Vec<(String, MetaInput)>),
    /// Anything else, named as a developer would say it ("a number").
    Other(&'static str),
}

impl HostField {
    /// The string, if the field is one.
    pub fn text(self) -> Option<String> {
        match self {
            HostField::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// A message as the host page adds it (`addMessage`) or the shopper types
/// it: the one value that carries a message's data through the widget
/// (`embed` → `actions` → `app` → [`Chat::add`]), and from which the
/// feedback on it is made ([`Chat::feedback`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The host's id for the message (sent with feedback).
    pub id: String,
    /// Who wrote it.
    pub role: Role,
    /// Its text, always rendered as text.
    pub text: String,
    /// Where it came from (`addMessage`'s `meta`), sent with a thumb on it.
    pub meta: Meta,
}

impl Message {
    /// The message the host page passed to `addMessage`, read field by
    /// field through `field`; a refusal naming the field otherwise. A
    /// field a message gains is read here, and nowhere else in the widget.
    pub fn from_host(field: impl Fn(&str) -> HostField) -> Result<Self, String> {
        let id = field("id")
            .text()
            .filter(|id| !id.trim().is_empty())
            .ok_or("addMessage: `id` is required (a unique string)")?;
        let role = field("role")
            .text()
            .as_deref()
            .and_then(Role::parse)
            .ok_or("addMessage: `role` must be \"assistant\", \"agent\" or \"user\"")?;
        let text = field("text")
            .text()
            .ok_or("addMessage: `text` must be a string")?;
        let meta = match field("meta") {
            HostField::Absent => Meta::default(),
            HostField::Object(entries) => Meta::from_entries("meta", entries)
                .map_err(|refused| format!("addMessage: {}", refused.message))?,
            HostField::Text(_) | HostField::Other(_) => {
                return Err("addMessage: `meta` must be a flat object".into());
            }
        };
        Ok(Self {
            id,
            role,
            text,
            meta,
        })
    }

    /// Message `id`, written by `role`, saying `text`.
    pub fn new(id: impl Into<String>, role: Role, text: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            role,
            text: text.into(),
            meta: Meta::default(),
        }
    }
}

/// One message in the panel, with what the shopper did with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatMessage {
    /// The message.
    pub message: Message,
    /// The shopper's thumbs on it (assistant and agent messages only).
    pub rating: Rating,
    /// Whether the reason form shows under it (after a 👎, when the site
    /// offers reason tags).
    pub asking_reason: bool,
}

/// The messages of one conversation, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chat {
    /// Random id minted by the widget, sent with every event.
    pub id: String,
    /// The messages so far.
    pub messages: Vec<ChatMessage>,
    /// The host page's `setContext`, sent with the satisfaction events.
    pub context: Meta,
}

impl Chat {
    /// An empty conversation.
    pub fn new(id: String) -> Self {
        Self {
            id,
            messages: Vec::new(),
            context: Meta::default(),
        }
    }

    /// Whether a human agent's message appeared: the conversation was
    /// handed over, and its CSAT is one "with a human".
    pub fn handed_over(&self) -> bool {
        self.messages
            .iter()
            .any(|entry| entry.message.role == Role::Agent)
    }

    /// How many answers the shopper got: the assistant's messages and a
    /// human agent's (what the survey rules' minimum counts).
    pub fn answers(&self) -> usize {
        self.messages
            .iter()
            .filter(|entry| entry.message.role != Role::User)
            .count()
    }

    /// What the satisfaction events say of this conversation.
    pub fn about(&self) -> ConversationContext {
        ConversationContext {
            context: self.context.clone(),
            handed_over: self.handed_over(),
        }
    }

    /// The message `id`.
    pub fn message(&self, id: &str) -> Option<&ChatMessage> {
        self.messages.iter().find(|entry| entry.message.id == id)
    }

    /// The feedback a thumb on message `id` sends now: its rating and, when
    /// the site keeps text (`store_text`), the rated answer and the
    /// shopper's question before it as excerpts, cut to the collector's
    /// limit. `None` when there is no such message.
    pub fn feedback(&self, id: &str, store_text: bool) -> Option<MessageFeedback> {
        let at = self
            .messages
            .iter()
            .position(|entry| entry.message.id == id)?;
        let rated = self.messages.get(at)?;
        let mut feedback = MessageFeedback::new(id.to_string(), rated.rating);
        feedback.role = rated.message.role.rated().unwrap_or_default();
        feedback.meta = rated.message.meta.clone();
        if store_text {
            let excerpt = |text: &str| {
                let text = truncate_utf16(text.trim(), MAX_EXCERPT_UTF16);
                (!text.is_empty()).then(|| text.to_string())
            };
            feedback.answer = excerpt(&rated.message.text);
            feedback.question = self
                .messages
                .get(..at)
                .unwrap_or_default()
                .iter()
                .rev()
                .find(|entry| entry.message.role == Role::User)
                .and_then(|entry| excerpt(&entry.message.text));
        }
        Some(feedback)
    }

    /// A 👍/👎 (`clicked`) on the assistant's or agent's message `id`: clicking one
    /// presses it, the pressed one again clears it, the other switches
    /// (`Rating::after_click`). A 👎 asks why when `reasons_offered`;
    /// anything else stops asking. The new rating, or `None` when there is
    /// no such message with thumbs.
    pub fn rate(&mut self, id: &str, clicked: Rating, reasons_offered: bool) -> Option<Rating> {
        let message = self
            .messages
            .iter_mut()
            .find(|entry| entry.message.id == id && entry.message.role.rated().is_some())?;
        message.rating = message.rating.after_click(clicked);
        message.asking_reason = message.rating == Rating::Down && reasons_offered;
        Some(message.rating)
    }

    /// Closes the reason form under message `id` (sent or skipped); whether
    /// it was open.
    pub fn close_reason(&mut self, id: &str) -> bool {
        self.messages
            .iter_mut()
            .find(|entry| entry.message.id == id)
            .is_some_and(|entry| std::mem::take(&mut entry.asking_reason))
    }

    /// Appends a message, refusing ids that are malformed or already used
    /// (feedback is keyed by message id, so ids must be unique).
    pub fn add(&mut self, message: Message) -> Result<&ChatMessage, String> {
        let id = &message.id;
        check_id("id", id).map_err(|err| format!("addMessage: {}", err.message))?;
        if self.messages.iter().any(|entry| entry.message.id == *id) {
            return Err(format!(
                "addMessage: a message with id {id:?} is already in this conversation"
            ));
        }
        self.messages.push(ChatMessage {
            message,
            rating: Rating::None,
            asking_reason: false,
        });
        self.messages
            .last()
            .ok_or_else(|| "addMessage: the message was not kept".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_keep_their_order_and_start_unrated() {
        let mut conversation = Chat::new("c_1".into());
        conversation
            .add(Message::new("m1", Role::User, "Hi"))
            .unwrap();
        conversation
            .add(Message::new("m2", Role::Assistant, "Hello!"))
            .unwrap();
        let ids: Vec<_> = conversation
            .messages
            .iter()
            .map(|m| m.message.id.as_str())
            .collect();
        assert_eq!(ids, ["m1", "m2"]);
        assert_eq!(conversation.messages[1].rating, Rating::None);
    }

    #[test]
    fn duplicate_and_malformed_ids_are_refused_with_a_reason() {
        let mut conversation = Chat::new("c_1".into());
        conversation
            .add(Message::new("m1", Role::Assistant, "a"))
            .unwrap();
        let duplicate = conversation
            .add(Message::new("m1", Role::Assistant, "b"))
            .unwrap_err();
        assert!(duplicate.contains("already"), "{duplicate}");
        let malformed = conversation
            .add(Message::new("m 2", Role::Assistant, "c"))
            .unwrap_err();
        assert!(malformed.contains("id"), "{malformed}");
        assert_eq!(conversation.messages.len(), 1);
    }

    #[test]
    fn thumbs_press_switch_and_clear_and_a_down_asks_why_if_reasons_are_offered() {
        let mut conversation = Chat::new("c_1".into());
        conversation
            .add(Message::new("m1", Role::Assistant, "a"))
            .unwrap();
        conversation
            .add(Message::new("m2", Role::User, "b"))
            .unwrap();
        let asking = |c: &Chat| c.message("m1").unwrap().asking_reason;
        assert_eq!(conversation.rate("m1", Rating::Up, true), Some(Rating::Up));
        assert!(!asking(&conversation));
        assert_eq!(
            conversation.rate("m1", Rating::Down, true),
            Some(Rating::Down)
        );
        assert!(asking(&conversation), "a 👎 asks why");
        assert_eq!(
            conversation.rate("m1", Rating::Down, true),
            Some(Rating::None)
        );
        assert!(!asking(&conversation), "clearing it stops asking");
        assert_eq!(
            conversation.rate("m1", Rating::Down, false),
            Some(Rating::Down)
        );
        assert!(!asking(&conversation), "no reasons offered, none asked");
        assert_eq!(
            conversation.rate("m2", Rating::Up, true),
            None,
            "the shopper's own"
        );
        assert_eq!(conversation.rate("m9", Rating::Up, true), None);
    }

    #[test]
    fn a_reason_form_closes_once() {
        let mut conversation = Chat::new("c_1".into());
        conversation
            .add(Message::new("m1", Role::Assistant, "a"))
            .unwrap();
        assert!(!conversation.close_reason("m1"), "never opened");
        conversation.rate("m1", Rating::Down, true);
        assert!(conversation.close_reason("m1"));
        assert!(!conversation.close_reason("m1"));
        assert_eq!(conversation.message("m1").unwrap().rating, Rating::Down);
    }

    #[test]
    fn feedback_carries_the_excerpts_only_when_the_site_keeps_text() {
        let mut conversation = Chat::new("c_1".into());
        conversation
            .add(Message::new("q1", Role::User, "Where is my order?"))
            .unwrap();
        conversation
            .add(Message::new("a0", Role::Assistant, "Let me look."))
            .unwrap();
        conversation
            .add(Message::new("q2", Role::User, "  Order 42  "))
            .unwrap();
        let long = "é".repeat(MAX_EXCERPT_UTF16 + 3);
        conversation
            .add(Message::new("a1", Role::Assistant, long))
            .unwrap();
        conversation.rate("a1", Rating::Down, false);
        let kept = conversation.feedback("a1", true).unwrap();
        assert_eq!(kept.rating, Rating::Down);
        assert_eq!(
            kept.question.as_deref(),
            Some("Order 42"),
            "the latest question before it"
        );
        assert_eq!(kept.answer, Some("é".repeat(MAX_EXCERPT_UTF16)));
        let first = conversation.feedback("a0", true).unwrap();
        assert_eq!(first.question.as_deref(), Some("Where is my order?"));
        assert_eq!(first.rating, Rating::None);
        let bare = conversation.feedback("a1", false).unwrap();
        assert_eq!((bare.question, bare.answer), (None, None));
        assert!(conversation.feedback("a9", true).is_none());
        let mut opening = Chat::new("c_2".into());
        opening
            .add(Message::new("a1", Role::Assistant, "Hi! How can I help?"))
            .unwrap();
        assert_eq!(
            opening.feedback("a1", true).unwrap().question,
            None,
            "nothing asked yet"
        );
    }

    #[test]
    fn a_host_message_is_read_field_by_field_with_a_refusal_naming_the_field() {
        let host = |fields: &'static [(&'static str, &'static str)]| {
            Message::from_host(move |name| {
                fields
                    .iter()
                    .find(|(field, _)| *field == name)
                    .map_or(HostField::Absent, |(_, value)| {
                        HostField::Text(value.to_string())
                    })
            })
        };
        assert_eq!(
            host(&[("id", "m1"), ("role", "assistant"), ("text", "")]),
            Ok(Message::new("m1", Role::Assistant, ""))
        );
        let refused = |fields| host(fields).unwrap_err();
        assert!(refused(&[("role", "user"), ("text", "a")]).contains("`id`"));
        assert!(refused(&[("id", "  "), ("role", "user"), ("text", "a")]).contains("`id`"));
        assert!(refused(&[("id", "m1"), ("role", "system"), ("text", "a")]).contains("`role`"));
        assert!(refused(&[("id", "m1"), ("role", "user")]).contains("`text`"));
    }

    #[test]
    fn a_host_messages_meta_is_checked_kept_and_sent_with_a_thumb_on_it() {
        let with_meta = |meta: HostField| {
            Message::from_host(move |name| match name {
                "id" => HostField::Text("a1".into()),
                "role" => HostField::Text("assistant".into()),
                "text" => HostField::Text("It ships Monday.".into()),
                "meta" => meta.clone(),
                _ => HostField::Absent,
            })
        };
        let message = with_meta(HostField::Object(vec![
            ("model".into(), MetaInput::Text("gpt-4o".into())),
            ("prompt_version".into(), MetaInput::Number(12.0)),
        ]))
        .unwrap();
        let mut chat = Chat::new("c_1".into());
        chat.add(message).unwrap();
        let sent = chat.feedback("a1", false).unwrap().meta;
        assert_eq!(sent.get("model").unwrap().to_text(), "gpt-4o");
        assert_eq!(sent.get("prompt_version").unwrap().to_text(), "12");
        assert!(with_meta(HostField::Absent).unwrap().meta.is_empty());
        let refused = |meta| with_meta(meta).unwrap_err();
        assert!(
            refused(HostField::Object(vec![(
                "Model".into(),
                MetaInput::Text("x".into())
            )]))
            .contains("\"Model\""),
            "the key is named"
        );
        assert!(
            refused(HostField::Object(vec![(
                "score".into(),
                MetaInput::Number(f64::NAN)
            )]))
            .contains("meta.score")
        );
        assert!(
            refused(HostField::Object(vec![(
                "tools".into(),
                MetaInput::Other("an array")
            )]))
            .contains("an array")
        );
        assert!(refused(HostField::Other("an array")).contains("`meta`"));
    }

    #[test]
    fn an_agents_message_gets_thumbs_that_say_so_and_hands_the_conversation_over() {
        let mut chat = Chat::new("c_1".into());
        chat.add(Message::new("a1", Role::Assistant, "Let me check."))
            .unwrap();
        chat.add(Message::new("u1", Role::User, "A human, please."))
            .unwrap();
        assert!(!chat.handed_over());
        chat.add(Message::new("h1", Role::Agent, "Hi, Sam here."))
            .unwrap();
        assert!(chat.about().handed_over);
        assert_eq!(chat.rate("h1", Rating::Down, false), Some(Rating::Down));
        let feedback = chat.feedback("h1", true).unwrap();
        assert_eq!(feedback.role, RatedRole::Agent);
        assert_eq!(feedback.question.as_deref(), Some("A human, please."));
        assert_eq!(
            chat.feedback("a1", false).unwrap().role,
            RatedRole::Assistant
        );
        assert_eq!(
            chat.rate("u1", Rating::Up, false),
            None,
            "no thumbs on the shopper's own"
        );
    }

    #[test]
    fn roles_round_trip() {
        for role in [Role::Assistant, Role::Agent, Role::User] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("system"), None);
    }
}
