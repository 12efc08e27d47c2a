//! The chat panel that opens from the bubble.

use leptos::prelude::*;

use crate::components::csat_prompt::CsatPrompt;
use crate::components::icons::{Icon, SvgIcon};
use crate::components::message_list::MessageList;
use crate::conversation::Conversation;
use crate::csat::CsatFlow;
use crate::i18n::{I18n, Msg};

/// Header, conversation, and (later) the input; hidden while closed.
#[component]
pub fn Panel(
    /// Whether the panel is open.
    open: RwSignal<bool>,
    /// The conversation it shows.
    conversation: RwSignal<Conversation>,
    /// The satisfaction prompt, while it shows.
    csat: RwSignal<Option<CsatFlow>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <section
            class="fb-panel"
            role="dialog"
            aria-labelledby="fb-title"
            hidden=move || !open.get()
        >
            <header class="fb-header">
                <h2 id="fb-title" class="fb-title">{i18n.text(Msg::PanelTitle)}</h2>
                <button
                    type="button"
                    class="fb-close"
                    aria-label=i18n.text(Msg::PanelClose)
                    on:click=move |_| open.set(false)
                >
                    <SvgIcon icon=Icon::Close/>
                </button>
            </header>
            <MessageList conversation/>
            <CsatPrompt flow=csat/>
        </section>
    }
}
