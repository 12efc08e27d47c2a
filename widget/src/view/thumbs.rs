//! 👍/👎 under an assistant message: a pair of toggle buttons. Clicking one
//! presses it, clicking the pressed one again clears it, clicking the other
//! switches (`Conversation::rate`).

use leptos::html::Button;
use leptos::prelude::*;
use protocol::Rating;

use crate::actions::Actions;
use crate::i18n::Msg;
use crate::view::icons::Icon;
use crate::view::strings::use_i18n;
use crate::view::{flag, message_memo};

/// The pair under one message.
#[component]
pub fn Thumbs(
    /// The message they rate.
    message_id: String,
    /// Set to the 👎.
    thumb_down: NodeRef<Button>,
) -> impl IntoView {
    let actions = expect_context::<Actions>();
    let i18n = use_i18n();
    let rating = message_memo(
        actions,
        message_id.clone(),
        |message| message.rating,
        Rating::None,
    );
    let thumb =
        move |value: Rating, name: Msg, icon: Icon, id: String, node_ref: NodeRef<Button>| {
            view! {
                <button
                    type="button"
                    class="fb-thumb"
                    node_ref=node_ref
                    data-rating=value.as_str()
                    aria-pressed=move || flag(rating.get() == value)
                    aria-label=i18n.t(name)
                    on:click=move |_| actions.thumb(&id, value)
                >
                    {icon.view()}
                </button>
            }
        };
    view! {
        <div class="fb-thumbs" role="group" aria-label=i18n.t(Msg::FeedbackGroup)>
            {thumb(Rating::Up, Msg::FeedbackUp, Icon::ThumbUp, message_id.clone(), NodeRef::new())}
            {thumb(Rating::Down, Msg::FeedbackDown, Icon::ThumbDown, message_id, thumb_down)}
        </div>
    }
    .into_any()
}
