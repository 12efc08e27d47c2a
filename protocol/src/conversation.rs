//! What the site owner's read API returns about one conversation.

use serde::{Deserialize, Serialize};

use crate::event::Rating;

/// The current thumbs state of one assistant message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRating {
    /// The rated assistant message.
    pub message_id: String,
    /// Its current rating (the latest by event time).
    pub rating: Rating,
    /// When that rating was given, unix milliseconds on the server clock.
    pub at: i64,
    /// The locale the shopper saw.
    pub locale: String,
}

/// `GET /v1/sites/{site_key}/conversations/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationFeedback {
    /// The conversation.
    pub conversation_id: String,
    /// Every message that has (or had) a thumb, oldest first.
    pub messages: Vec<MessageRating>,
}
