//! Turning a shopper's action into a feedback event: queued for the
//! collector (see `outbox`) and announced to the host page.

use std::rc::Rc;

use leptos::prelude::*;
use protocol::{
    CsatDismissed, CsatMode, CsatOffered, CsatResponse, Event, EventHeader, EventKind,
    MessageFeedback, Rating,
};
use send_wrapper::SendWrapper;
use serde_json::json;

use crate::conversation::Conversation;
use crate::csat::CsatOutcome;
use crate::host_events::HostEvents;
use crate::i18n::I18n;
use crate::ids::random_id;
use crate::outbox::Outbox;

/// Reports the feedback of the current conversation, in the current locale.
#[derive(Clone)]
pub struct FeedbackReporter {
    outbox: SendWrapper<Rc<Outbox>>,
    conversation: RwSignal<Conversation>,
    i18n: I18n,
    host: HostEvents,
}

impl FeedbackReporter {
    /// A reporter for whatever `conversation` and `i18n` hold when it reports.
    pub fn new(
        outbox: Rc<Outbox>,
        conversation: RwSignal<Conversation>,
        i18n: I18n,
        host: HostEvents,
    ) -> Self {
        Self {
            outbox: SendWrapper::new(outbox),
            conversation,
            i18n,
            host,
        }
    }

    /// The conversation reported on.
    pub fn conversation_id(&self) -> String {
        self.conversation
            .with_untracked(|conversation| conversation.id.clone())
    }

    fn send(&self, kind: EventKind, urgent: bool) {
        let event = Event {
            header: EventHeader {
                id: random_id("ev_"),
                conversation_id: self.conversation_id(),
                at: js_sys::Date::now() as i64,
                locale: self.i18n.locale(),
            },
            kind,
        };
        self.outbox.push(&event, urgent);
    }

    /// The thumbs of `message_id` are now `rating` (`None` when cleared),
    /// with the shopper's `reason` and `tags` when they gave them.
    pub fn thumb(
        &self,
        message_id: &str,
        rating: Rating,
        reason: Option<String>,
        tags: Vec<String>,
    ) {
        let kind = EventKind::MessageFeedback(MessageFeedback {
            message_id: message_id.to_string(),
            rating,
            reason,
            tags,
            question: None,
            answer: None,
        });
        self.send(kind, true);
        self.host.emit(
            "feedback",
            &json!({
                "conversationId": self.conversation_id(),
                "messageId": message_id,
                "rating": rating.as_str(),
            }),
        );
    }

    /// The satisfaction prompt was shown.
    pub fn csat_offered(&self, mode: CsatMode) {
        self.send(EventKind::CsatOffered(CsatOffered { mode }), false);
    }

    /// The shopper acted on the prompt.
    pub fn csat(&self, mode: CsatMode, outcome: CsatOutcome) {
        match outcome {
            CsatOutcome::Answer {
                score,
                comment,
                completed,
            } => {
                self.host.emit(
                    "csat",
                    &json!({
                        "conversationId": self.conversation_id(),
                        "mode": mode.as_str(),
                        "score": score,
                        "comment": comment,
                        "completed": completed,
                    }),
                );
                let answer = CsatResponse {
                    mode,
                    score,
                    comment,
                    completed,
                };
                self.send(EventKind::CsatResponse(answer), true);
            }
            CsatOutcome::Dismissed => {
                self.host.emit(
                    "csat",
                    &json!({ "conversationId": self.conversation_id(), "mode": mode.as_str(), "dismissed": true }),
                );
                self.send(EventKind::CsatDismissed(CsatDismissed { mode }), true);
            }
        }
    }
}
