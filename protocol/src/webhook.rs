//! What a site's webhook receives, and what the owner reads about the
//! deliveries that failed. Signing is in [`crate::secret`]; where a webhook
//! may point is in [`crate::webhook_url`].

use serde::{Deserialize, Serialize};

/// The body POSTed to a webhook: the site and its new negative events (👎,
/// CSAT 1–2) as the collector stored them. `E` is [`crate::Event`] when
/// sent; a reader that needs only ids reads [`EventId`]s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebhookBody<E> {
    /// The site's public key.
    pub site_key: String,
    /// The events, in the order they were stored.
    pub events: Vec<E>,
}

/// An event read for its id alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventId {
    /// The event's id.
    pub id: String,
}

/// A delivery that failed every retry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookFailure {
    /// When the delivery was queued (unix ms).
    pub queued_at: i64,
    /// When the last retry gave up (unix ms).
    pub failed_at: i64,
    /// The events the webhook never got; they are stored, and readable
    /// in their conversations.
    pub event_ids: Vec<String>,
}

/// `GET /v1/sites/{key}/webhook/failures`: the latest failures, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookFailures {
    /// At most 100.
    pub failures: Vec<WebhookFailure>,
}
