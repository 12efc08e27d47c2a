//! Turning a shopper's click into a feedback event: sent to the collector
//! and announced to the host page.

use protocol::{Event, EventHeader, Rating};
use serde_json::json;

use crate::collector::Collector;
use crate::host_events::HostEvents;
use crate::ids::random_id;

/// Reports the feedback of one conversation.
#[derive(Clone)]
pub struct FeedbackReporter {
    collector: Collector,
    conversation_id: String,
    locale: String,
    host: HostEvents,
}

impl FeedbackReporter {
    /// A reporter for `conversation_id`, shown in `locale`.
    pub fn new(
        collector: Collector,
        conversation_id: String,
        locale: String,
        host: HostEvents,
    ) -> Self {
        Self {
            collector,
            conversation_id,
            locale,
            host,
        }
    }

    /// The thumbs of `message_id` are now `rating` (`None` when cleared).
    pub fn thumb(&self, message_id: &str, rating: Rating) {
        let header = EventHeader {
            id: random_id("ev_"),
            conversation_id: self.conversation_id.clone(),
            at: js_sys::Date::now() as i64,
            locale: self.locale.clone(),
        };
        let event = Event::message_feedback(header, message_id.to_string(), rating);
        self.host.emit(
            "feedback",
            &json!({
                "conversationId": self.conversation_id,
                "messageId": message_id,
                "rating": rating.as_str(),
            }),
        );
        let collector = self.collector.clone();
        leptos::task::spawn_local(async move {
            if let Err(problem) = collector.send(vec![event]).await {
                leptos::logging::warn!("FeedbackBubble: {problem}");
            }
        });
    }
}
