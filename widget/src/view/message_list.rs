//! The conversation in the panel: messages as text, thumbs (and the
//! reason form after a 👎) under the assistant's.

use leptos::prelude::*;

use crate::actions::Actions;
use crate::chat::{Message, Role};
use crate::i18n::Msg;
use crate::view::message_memo;
use crate::view::reason_form::ReasonForm;
use crate::view::strings::use_i18n;
use crate::view::thumbs::Thumbs;

/// One row of the list: the conversation and the message. Keyed by
/// conversation and message id, so a new conversation that reuses an id
/// gets a new row.
type Row = (String, Message);

/// The message log, announced politely to screen readers as it grows.
#[component]
pub fn MessageList() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let i18n = use_i18n();
    let empty = Memo::new(move |_| actions.with(|state| state.chat.messages.is_empty()));
    let rows = move || {
        actions.with(|state| {
            let conversation = &state.chat;
            conversation
                .messages
                .iter()
                .map(|entry| (conversation.id.clone(), entry.message.clone()))
                .collect::<Vec<Row>>()
        })
    };
    view! {
        <div class="fb-log" role="log" aria-live="polite" aria-label=i18n.t(Msg::PanelMessages)>
            {move || empty.get().then(|| view! { <p class="fb-empty">{i18n.t(Msg::PanelEmpty)}</p> })}
            <For
                each=rows
                key=|(conversation, message)| (conversation.clone(), message.id.clone())
                children=move |(_, shown)| message(actions, shown)
            />
        </div>
    }
    .into_any()
}

/// A message. Its text, from the host or the shopper, is always a text
/// node, never HTML; `dir="auto"` reads it in its own script's direction,
/// whatever the widget's locale.
fn message(actions: Actions, message: Message) -> AnyView {
    // The fields it shows; what a message carries for its feedback (its
    // `meta`) is not drawn.
    let Message { id, role, text, .. } = message;
    let class = match role {
        Role::Assistant => "fb-message fb-from-assistant",
        Role::Agent => "fb-message fb-from-assistant fb-from-agent",
        Role::User => "fb-message fb-from-user",
    };
    let under = role.rated().is_some().then(|| {
        let asking = message_memo(actions, id.clone(), |message| message.asking_reason, false);
        let reason_id = id.clone();
        // The 👎, where focus returns when its reason form closes.
        let thumb_down = NodeRef::new();
        view! {
            <Thumbs message_id=id.clone() thumb_down=thumb_down/>
            {move || asking.get().then(|| view! {
                <ReasonForm message_id=reason_id.clone() thumb_down=thumb_down/>
            })}
        }
    });
    view! {
        <div class=class data-role=role.as_str() data-message-id=id>
            <p class="fb-text" dir="auto">{text}</p>
            {under}
        </div>
    }
    .into_any()
}
