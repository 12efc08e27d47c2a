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
}

/// The messages of one conversation, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversation {
    /// Random id minted by the widget, sent with every event.
    pub id: String,
    /// The messages so far.
    pub messages: Vec<ChatMessage>,
}

impl Conversation {
    /// An empty conversation.
    pub fn new(id: String) -> Self {
        Self {
            id,
            messages: Vec::new(),
        }
    }

    /// The message `id`, to change its rating.
    pub fn message_mut(&mut self, id: &str) -> Option<&mut ChatMessage> {
        self.messages.iter_mut().find(|message| message.id == id)
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
        let mut conversation = Conversation::new("c_1".into());
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
        let mut conversation = Conversation::new("c_1".into());
        conversation.add("m1", Role::Assistant, "a").unwrap();
        let duplicate = conversation.add("m1", Role::Assistant, "b").unwrap_err();
        assert!(duplicate.contains("already"), "{duplicate}");
        let malformed = conversation.add("m 2", Role::Assistant, "c").unwrap_err();
        assert!(malformed.contains("id"), "{malformed}");
        assert_eq!(conversation.messages.len(), 1);
    }

    #[test]
    fn roles_round_trip() {
        for role in [Role::Assistant, Role::User] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("system"), None);
    }
}
