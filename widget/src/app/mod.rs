//! What the widget shows ([`State`]) and what each action of the shopper,
//! the host page or the collector changes in it: plain Rust, tested
//! natively. `crate::actions` applies these changes to the live widget and
//! reports them; `crate::view` draws the state.
//!
//! - here: open/close, messages, resolving, settings, reset;
//! - `prompt`: when the satisfaction prompt shows, its steps, its keys;
//! - `ratings`: the reason asked after a 👎.

mod prompt;
mod ratings;

pub use prompt::{
    Offer, Offered, RatingKey, SCALE_SCORES, ShopperHistory, THUMB_SCORES, next_score, rating_key,
};
pub use ratings::{Reason, ReasonDraft};

use protocol::WidgetConfig;

use crate::chat::{Chat, Message};
use crate::csat::CsatFlow;

/// What the widget shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Whether the panel is open.
    pub open: bool,
    /// The messages and their thumbs.
    pub chat: Chat,
    /// The site's settings, once the collector has answered.
    pub settings: Option<WidgetConfig>,
    /// The host said the conversation is over (`resolve()`), or it idled out.
    pub resolved: bool,
    /// The satisfaction prompt, while it shows.
    pub csat: Option<CsatFlow>,
    /// The prompt waits behind the closed panel (offered when the
    /// conversation idled out): the bubble shows a dot and says so.
    pub csat_waiting: bool,
}

impl State {
    /// Closed, with an empty conversation `conversation_id`.
    pub fn new(conversation_id: String) -> Self {
        Self {
            open: false,
            chat: Chat::new(conversation_id),
            settings: None,
            resolved: false,
            csat: None,
            csat_waiting: false,
        }
    }

    /// Opens or closes the panel; whether that changed it.
    pub fn set_open(&mut self, open: bool) -> bool {
        std::mem::replace(&mut self.open, open) != open
    }

    /// Appends a message (refusing malformed or reused ids, with the reason).
    pub fn add_message(&mut self, message: Message) -> Result<(), String> {
        self.chat.add(message).map(|_| ())
    }

    /// Whether the site keeps the text of rated messages (feedback then
    /// carries the question and answer; none until its settings arrive).
    pub fn stores_text(&self) -> bool {
        self.settings
            .as_ref()
            .is_some_and(|settings| settings.store_text)
    }

    /// The conversation is over.
    pub fn resolve(&mut self) {
        self.resolved = true;
    }

    /// Starts conversation `id` afresh: no messages, not resolved, no
    /// prompt. The host page's context stays until it sets another.
    pub fn reset(&mut self, id: String) {
        let context = std::mem::take(&mut self.chat.context);
        self.chat = Chat::new(id);
        self.chat.context = context;
        self.resolved = false;
        self.csat = None;
        self.csat_waiting = false;
    }

    /// The reason tags the site offers after a 👎 (none until its settings
    /// arrive).
    pub fn reason_tags(&self) -> &[String] {
        self.settings
            .as_ref()
            .map_or(&[], |settings| settings.reason_tags.as_slice())
    }

    /// The shop's name for the panel's heading, when the site set one.
    pub fn shop_name(&self) -> Option<&str> {
        self.settings.as_ref()?.shop_name.as_deref()
    }

    /// After how many quiet seconds the conversation ends by itself: the
    /// site's idle auto-end, once something was said and until it resolved.
    pub fn idle_end_seconds(&self) -> Option<u32> {
        let seconds = self.settings.as_ref()?.idle_end_seconds?;
        (!self.chat.messages.is_empty() && !self.resolved).then_some(seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::Role;

    fn settings(idle_end_seconds: Option<u32>, tags: &[&str], shop: Option<&str>) -> WidgetConfig {
        WidgetConfig {
            csat_enabled: true,
            csat_mode: protocol::CsatMode::Thumbs,
            csat_sample_percent: 100,
            csat_cooldown_days: 0,
            csat_min_assistant_messages: 1,
            reason_tags: tags.iter().map(|tag| tag.to_string()).collect(),
            idle_end_seconds,
            store_text: false,
            shop_name: shop.map(str::to_string),
        }
    }

    #[test]
    fn opening_twice_changes_it_once() {
        let mut state = State::new("c_1".into());
        assert!(state.set_open(true));
        assert!(!state.set_open(true));
        assert!(state.set_open(false));
    }

    #[test]
    fn the_idle_clock_runs_only_with_messages_until_resolved() {
        let mut state = State::new("c_1".into());
        assert_eq!(state.idle_end_seconds(), None, "no settings yet");
        state.settings = Some(settings(Some(30), &[], None));
        assert_eq!(state.idle_end_seconds(), None, "nothing said yet");
        state
            .add_message(Message::new("m1", Role::User, "Hi"))
            .unwrap();
        assert_eq!(state.idle_end_seconds(), Some(30));
        state.resolve();
        assert_eq!(state.idle_end_seconds(), None);
    }

    #[test]
    fn a_reset_starts_a_new_conversation_and_forgets_the_prompt() {
        let mut state = State::new("c_1".into());
        state
            .add_message(Message::new("m1", Role::Assistant, "Hello"))
            .unwrap();
        state.resolve();
        state.csat = Some(CsatFlow::offered(protocol::CsatMode::Thumbs));
        state.reset("c_2".into());
        assert_eq!(state, State::new("c_2".into()));
    }

    #[test]
    fn tags_and_the_shop_name_come_from_the_settings() {
        let mut state = State::new("c_1".into());
        assert!(state.reason_tags().is_empty());
        assert_eq!(state.shop_name(), None);
        state.settings = Some(settings(None, &["too_long"], Some("Zoë")));
        assert_eq!(state.reason_tags(), ["too_long"]);
        assert_eq!(state.shop_name(), Some("Zoë"));
    }

    #[test]
    fn a_new_conversation_keeps_the_host_pages_context_but_not_its_hand_over() {
        let mut state = State::new("c_1".into());
        state.chat.context = protocol::Meta::from_entries(
            "context",
            [("variant".into(), protocol::MetaInput::Text("b".into()))],
        )
        .unwrap();
        state
            .add_message(Message::new("h1", Role::Agent, "Sam here"))
            .unwrap();
        assert!(state.chat.about().handed_over);
        state.reset("c_2".into());
        let about = state.chat.about();
        assert!(!about.handed_over);
        assert_eq!(about.context.get("variant").unwrap().to_text(), "b");
    }
}
