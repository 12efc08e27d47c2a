//! The widget's reactive state, shared by the components and the JS API.

use leptos::prelude::*;
use protocol::WidgetConfig;

use crate::conversation::Conversation;
use crate::csat::CsatFlow;

/// Everything the host page and the collector can change.
#[derive(Debug, Clone, Copy)]
pub struct WidgetState {
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// The current conversation.
    pub conversation: RwSignal<Conversation>,
    /// The site's settings, once the collector has answered.
    pub settings: RwSignal<Option<WidgetConfig>>,
    /// The host said the conversation is over (`resolve()`).
    pub resolved: RwSignal<bool>,
    /// The satisfaction prompt, while it shows.
    pub csat: RwSignal<Option<CsatFlow>>,
}

impl WidgetState {
    /// A closed widget with an empty conversation `conversation_id`.
    pub fn new(conversation_id: String) -> Self {
        Self {
            open: RwSignal::new(false),
            conversation: RwSignal::new(Conversation::new(conversation_id)),
            settings: RwSignal::new(None),
            resolved: RwSignal::new(false),
            csat: RwSignal::new(None),
        }
    }
}
