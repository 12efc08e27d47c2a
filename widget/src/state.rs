//! The widget's reactive state, shared by the components and the JS API.

use leptos::prelude::*;

use crate::conversation::Conversation;

/// Everything the host page can change through the JS API.
#[derive(Debug, Clone, Copy)]
pub struct WidgetState {
    /// Whether the panel is open.
    pub open: RwSignal<bool>,
    /// The current conversation.
    pub conversation: RwSignal<Conversation>,
}

impl WidgetState {
    /// A closed widget with an empty conversation `conversation_id`.
    pub fn new(conversation_id: String) -> Self {
        Self {
            open: RwSignal::new(false),
            conversation: RwSignal::new(Conversation::new(conversation_id)),
        }
    }
}
