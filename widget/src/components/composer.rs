//! Where the shopper types: the message goes into the conversation and to
//! the host's chat engine (the `send` event), which answers with
//! `addMessage`.

use leptos::prelude::*;
use serde_json::json;

use crate::components::icons::{Icon, SvgIcon};
use crate::conversation::{Conversation, Role};
use crate::host_events::HostEvents;
use crate::i18n::{I18n, Msg};
use crate::ids::random_id;

/// The message box and its send button.
#[component]
pub fn Composer(
    /// The conversation the shopper's messages join.
    conversation: RwSignal<Conversation>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let host = expect_context::<HostEvents>();
    let draft = RwSignal::new(String::new());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let id = random_id("m_");
        let mut conversation_id = String::new();
        conversation.update(|conversation| {
            conversation_id = conversation.id.clone();
            // A fresh random id cannot collide or be malformed.
            let _ = conversation.add(&id, Role::User, text);
        });
        host.emit(
            "send",
            &json!({ "conversationId": conversation_id, "messageId": id, "text": text }),
        );
        draft.set(String::new());
    };
    view! {
        <form class="fb-composer" on:submit=send>
            <label for="fb-input" class="fb-visually-hidden">{i18n.text(Msg::ComposerLabel)}</label>
            <input id="fb-input" type="text" autocomplete="off" maxlength="2000"
                placeholder=i18n.text(Msg::ComposerPlaceholder)
                prop:value=move || draft.get()
                on:input:target=move |ev| draft.set(ev.target().value())/>
            <button type="submit" class="fb-send" aria-label=i18n.text(Msg::ComposerSend)>
                <SvgIcon icon=Icon::Send/>
            </button>
        </form>
    }
}
