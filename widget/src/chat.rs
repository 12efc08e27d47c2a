//! The conversation the bubble shows: who said what, and the shopper's
//! thumbs on each assistant message.

use protocol::Rating;
use protocol::ids::check_id;

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The shop's assistant; its messages get thumbs.
    Assistant,
    /// The shopper.
    User,
}

impl Role {
    /// The role as the JS API spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Assistant => "assistant",
            Role::User => "user",
        }
    }

    /// Parses the JS API's spelling.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "assistant" => Some(Role::Assistant),
            "user" => Some(Role::User),
            _ => None,
        }
    }
}

/// One message in the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatMessage {
    /// The host's id for the message (sent with feedback).
    pub id: String,
    /// Who wrote it.
    pub role: Role,
    /// Its text, always rendered as text.
    pub text: String,
    /// The shopper's thumbs on it (assistant messages only).
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
}

impl Chat {
    /// An empty conversation.
    pub fn new(id: String) -> Self {
        Self {
            id,
            messages: Vec::new(),
        }
    }

    /// The message `id`.
    pub fn message(&self, id: &str) -> Option<&ChatMessage> {
        self.messages.iter().find(|message| message.id == id)
    }

    /// A 👍/👎 (`clicked`) on the assistant message `id`: clicking one
    /// presses it, the pressed one again clears it, the other switches
    /// (`Rating::after_click`). A 👎 asks why when `reasons_offered`;
    /// anything else stops asking. The new rating, or `None` when there is
    /// no such assistant message.
    pub fn rate(&mut self, id: &str, clicked: Rating, reasons_offered: bool) -> Option<Rating> {
        let message = self
            .messages
            .iter_mut()
            .find(|message| message.id == id && message.role == Role::Assistant)?;
        message.rating = message.rating.after_click(clicked);
        message.asking_reason = message.rating == Rating::Down && reasons_offered;
        Some(message.rating)
    }

    /// Closes the reason form under message `id` (sent or skipped); whether
    /// it was open.
    pub fn close_reason(&mut self, id: &str) -> bool {
        self.messages
            .iter_mut()
            .find(|message| message.id == id)
            .is_some_and(|message| std::mem::take(&mut message.asking_reason))
    }

    /// Appends a message, refusing ids that are malformed or already used
    /// (feedback is keyed by message id, so ids must be unique).
    pub fn add(&mut self, id: &str, role: Role, text: &str) -> Result<&ChatMessage, String> {
        check_id("id", id).map_err(|err| format!("addMessage: {}", err.message))?;
        if self.messages.iter().any(|message| message.id == id) {
            return Err(format!(
                "addMessage: a message with id {id:?} is already in this conversation"
            ));
        }
        self.messages.push(ChatMessage {
            id: id.to_string(),
            role,
            text: text.to_string(),
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
        conversation.add("m1", Role::User, "Hi").unwrap();
        conversation.add("m2", Role::Assistant, "Hello!").unwrap();
        let ids: Vec<_> = conversation
            .messages
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["m1", "m2"]);
        assert_eq!(conversation.messages[1].rating, Rating::None);
    }

    #[test]
    fn duplicate_and_malformed_ids_are_refused_with_a_reason() {
        let mut conversation = Chat::new("c_1".into());
        conversation.add("m1", Role::Assistant, "a").unwrap();
        let duplicate = conversation.add("m1", Role::Assistant, "b").unwrap_err();
        assert!(duplicate.contains("already"), "{duplicate}");
        let malformed = conversation.add("m 2", Role::Assistant, "c").unwrap_err();
        assert!(malformed.contains("id"), "{malformed}");
        assert_eq!(conversation.messages.len(), 1);
    }

    #[test]
    fn thumbs_press_switch_and_clear_and_a_down_asks_why_if_reasons_are_offered() {
        let mut conversation = Chat::new("c_1".into());
        conversation.add("m1", Role::Assistant, "a").unwrap();
        conversation.add("m2", Role::User, "b").unwrap();
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
        conversation.add("m1", Role::Assistant, "a").unwrap();
        assert!(!conversation.close_reason("m1"), "never opened");
        conversation.rate("m1", Rating::Down, true);
        assert!(conversation.close_reason("m1"));
        assert!(!conversation.close_reason("m1"));
        assert_eq!(conversation.message("m1").unwrap().rating, Rating::Down);
    }

    #[test]
    fn roles_round_trip() {
        for role in [Role::Assistant, Role::User] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("system"), None);
    }
}
