//! 👍/👎 under an assistant message, and the reason asked after a 👎 when
//! the site offers reason tags.

use protocol::Rating;
use web_sys::Element;

use super::App;
use crate::view::dom::{append, find};
use crate::view::{reason_form, thumbs};

impl App {
    /// A 👍/👎 was clicked under a message.
    pub(super) fn thumb(&self, button: &Element) {
        let Some(node) = button.closest(".fb-message").ok().flatten() else {
            return;
        };
        let (Some(message_id), Some(clicked)) = (
            node.get_attribute("data-message-id"),
            button
                .get_attribute("data-rating")
                .as_deref()
                .and_then(Rating::parse),
        ) else {
            return;
        };
        let (conversation_id, rating, tags) = {
            let mut state = self.state.borrow_mut();
            let tags = state
                .settings
                .as_ref()
                .map(|settings| settings.reason_tags.clone())
                .unwrap_or_default();
            let Some(message) = state.conversation.message_mut(&message_id) else {
                return;
            };
            message.rating = message.rating.after_click(clicked);
            let rating = message.rating;
            (state.conversation.id.clone(), rating, tags)
        };
        if let Some(group) = find(&node, ".fb-thumbs") {
            thumbs::show(&group, rating);
        }
        // A 👎 asks why when the site offers reasons; anything else stops asking.
        let form = find(&node, ".fb-reason");
        match (rating == Rating::Down && !tags.is_empty(), form) {
            (true, None) => {
                if let Ok(form) = reason_form::render(&self.i18n, &tags) {
                    append(&node, &[&form]);
                }
            }
            (false, Some(form)) => form.remove(),
            _ => {}
        }
        self.reporter
            .thumb(&conversation_id, &message_id, rating, None, Vec::new());
    }

    /// The shopper said why (or skipped, with `send` false).
    pub(super) fn reason(&self, form: &Element, send: bool) {
        let message_id = form
            .closest(".fb-message")
            .ok()
            .flatten()
            .and_then(|node| node.get_attribute("data-message-id"));
        if let (true, Some(message_id)) = (send, message_id) {
            let (tags, reason) = reason_form::answer(form);
            let conversation_id = self.conversation_id();
            self.reporter
                .thumb(&conversation_id, &message_id, Rating::Down, reason, tags);
        }
        form.remove();
    }
}
