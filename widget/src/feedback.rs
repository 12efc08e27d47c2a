//! Turning a shopper's action into a feedback event: queued for the
//! collector (see `outbox`) and announced to the host page.

use std::rc::Rc;

use protocol::event::MAX_PAGE_UTF16;
use protocol::text::truncate_utf16;
use protocol::{
    ConversationContext, CsatDismissed, CsatMode, CsatOffered, CsatResponse, Event, EventHeader,
    EventKind, MessageFeedback,
};
use wasm_bindgen::JsValue;

use crate::csat::CsatOutcome;
use crate::host_events::HostEvents;
use crate::i18n::I18n;
use crate::ids::random_id;
use crate::outbox::Outbox;

/// The path of the page the shopper is on, without query or fragment,
/// cut to the collector's limit.
fn page() -> Option<String> {
    let path = web_sys::window()?.location().pathname().ok()?;
    Some(truncate_utf16(&path, MAX_PAGE_UTF16).to_string())
}

/// Reports feedback on a conversation, in the current locale.
#[derive(Clone)]
pub struct FeedbackReporter {
    outbox: Rc<Outbox>,
    i18n: I18n,
    host: HostEvents,
}

impl FeedbackReporter {
    /// A reporter filing into `outbox`, in whatever locale `i18n` holds
    /// when it reports, telling the host through `host`.
    pub fn new(outbox: Rc<Outbox>, i18n: I18n, host: HostEvents) -> Self {
        Self { outbox, i18n, host }
    }

    fn send(&self, conversation_id: &str, kind: EventKind, urgent: bool) {
        let event = Event {
            header: EventHeader {
                id: random_id("ev_"),
                conversation_id: conversation_id.to_string(),
                at: js_sys::Date::now() as i64,
                locale: self.i18n.locale_now(),
                page: page(),
            },
            kind,
        };
        self.outbox.push(&event, urgent);
    }

    /// A message's thumbs changed (`feedback`, made by `Chat::feedback`):
    /// sent, and told to the host.
    pub fn thumb(&self, conversation_id: &str, feedback: MessageFeedback) {
        let fields = [
            ("conversationId", conversation_id.into()),
            ("messageId", feedback.message_id.as_str().into()),
            ("rating", feedback.rating.as_str().into()),
        ];
        self.send(conversation_id, EventKind::MessageFeedback(feedback), true);
        self.host.emit("feedback", &fields);
    }

    /// The satisfaction prompt was shown, in a conversation that `about`
    /// says what it is.
    pub fn csat_offered(&self, conversation_id: &str, mode: CsatMode, about: ConversationContext) {
        self.send(
            conversation_id,
            EventKind::CsatOffered(CsatOffered {
                mode,
                copy_version: self.i18n.copy_version_now(),
                about,
            }),
            false,
        );
    }

    /// The shopper acted on the prompt; an answer carries `about`.
    pub fn csat(
        &self,
        conversation_id: &str,
        mode: CsatMode,
        outcome: CsatOutcome,
        about: ConversationContext,
    ) {
        match outcome {
            CsatOutcome::Answer {
                score,
                comment,
                completed,
            } => {
                self.host.emit(
                    "csat",
                    &[
                        ("conversationId", conversation_id.into()),
                        ("mode", mode.as_str().into()),
                        ("score", score.into()),
                        (
                            "comment",
                            comment.as_deref().map_or(JsValue::NULL, JsValue::from),
                        ),
                        ("completed", completed.into()),
                    ],
                );
                let answer = CsatResponse {
                    mode,
                    score,
                    comment,
                    completed,
                    copy_version: self.i18n.copy_version_now(),
                    about,
                };
                self.send(conversation_id, EventKind::CsatResponse(answer), true);
            }
            CsatOutcome::Dismissed => {
                self.host.emit(
                    "csat",
                    &[
                        ("conversationId", conversation_id.into()),
                        ("mode", mode.as_str().into()),
                        ("dismissed", true.into()),
                    ],
                );
                self.send(
                    conversation_id,
                    EventKind::CsatDismissed(CsatDismissed { mode }),
                    true,
                );
            }
        }
    }
}
