//! The conversation in the panel: messages as text, thumbs under the
//! assistant's.

use leptos::prelude::*;
use protocol::Rating;

use crate::components::reason_form::ReasonForm;
use crate::components::thumbs::Thumbs;
use crate::conversation::{ChatMessage, Conversation, Role};
use crate::feedback::FeedbackReporter;
use crate::i18n::{I18n, Msg};

/// The reason tags the site offers after a 👎 (from its settings).
#[derive(Clone, Copy)]
pub struct ReasonTags(pub Signal<Vec<String>>);

/// The message log, announced politely to screen readers as it grows.
#[component]
pub fn MessageList(
    /// The conversation to show.
    conversation: RwSignal<Conversation>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <div class="fb-log" role="log" aria-live="polite" aria-label=i18n.text(Msg::PanelMessages)>
            <Show when=move || conversation.with(|c| c.messages.is_empty())>
                <p class="fb-empty">{i18n.text(Msg::PanelEmpty)}</p>
            </Show>
            <For
                each=move || conversation.with(|c| c.messages.clone())
                key=|message| message.id.clone()
                let:message
            >
                <MessageItem message/>
            </For>
        </div>
    }
}

/// One message; assistant messages carry thumbs.
#[component]
pub fn MessageItem(
    /// The message to show.
    message: ChatMessage,
) -> impl IntoView {
    let reporter = expect_context::<FeedbackReporter>();
    let reason_tags = expect_context::<ReasonTags>().0;
    let asking_why = RwSignal::new(false);
    let message_id = message.id.clone();
    let on_change = {
        let reporter = reporter.clone();
        let message_id = message_id.clone();
        Callback::new(move |rating| {
            reporter.thumb(&message_id, rating, None, Vec::new());
            asking_why.set(rating == Rating::Down && !reason_tags.get_untracked().is_empty());
        })
    };
    let on_reason = Callback::new(move |(tags, reason): (Vec<String>, Option<String>)| {
        reporter.thumb(&message_id, Rating::Down, reason, tags);
        asking_why.set(false);
    });
    let is_assistant = message.role == Role::Assistant;
    view! {
        <div
            class="fb-message"
            class:fb-from-assistant=is_assistant
            class:fb-from-user=!is_assistant
            data-role=message.role.as_str()
            data-message-id=message.id.clone()
        >
            // Text from the host or the shopper is always a text node, never HTML.
            // dir="auto": each message reads in its own script's direction,
            // whatever the widget's locale.
            <p class="fb-text" dir="auto">{message.text.clone()}</p>
            {is_assistant.then(|| view! { <Thumbs rating=message.rating on_change/> })}
            <Show when=move || asking_why.get()>
                <ReasonForm tags=reason_tags on_send=on_reason on_skip=Callback::new(move |()| asking_why.set(false))/>
            </Show>
        </div>
    }
}
