//! Where the shopper types: the message goes into the conversation and to
//! the host's chat engine (the `send` event), which answers with
//! `addMessage`.

use leptos::prelude::*;
// A message may become a question excerpt: no longer than one is kept.
use protocol::text::MAX_EXCERPT_UTF16;
use web_sys::SubmitEvent;

use crate::actions::Actions;
use crate::i18n::Msg;
use crate::view::icons::Icon;
use crate::view::strings::use_i18n;

/// The message box and its send button.
#[component]
pub fn Composer() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let i18n = use_i18n();
    // Also where focus goes when the panel opens (`Actions::set_open`).
    let input = actions.targets().input;
    let send = move |event: SubmitEvent| {
        event.prevent_default();
        if let Some(input) = input.get_untracked()
            && actions.send_typed(&input.value())
        {
            input.set_value("");
        }
    };
    view! {
        <form class="fb-composer" on:submit=send>
            <label for="fb-input" class="fb-visually-hidden">{i18n.t(Msg::ComposerLabel)}</label>
            <input
                id="fb-input"
                type="text"
                autocomplete="off"
                maxlength=MAX_EXCERPT_UTF16
                placeholder=i18n.t(Msg::ComposerPlaceholder)
                node_ref=input
            />
            <button type="submit" class="fb-send" aria-label=i18n.t(Msg::ComposerSend)>
                {Icon::Send.view()}
            </button>
        </form>
    }
    .into_any()
}
