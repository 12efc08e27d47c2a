//! 👍/👎 under an assistant message.

use leptos::prelude::*;
use protocol::Rating;

use crate::components::icons::{Icon, SvgIcon};
use crate::i18n::{I18n, Msg};

/// A pair of toggle buttons: clicking one presses it, clicking the pressed
/// one again clears it, clicking the other switches.
#[component]
pub fn Thumbs(
    /// The message's current rating; updated on click.
    rating: RwSignal<Rating>,
    /// Called with the new rating after every click.
    on_change: Callback<Rating>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let click = move |clicked: Rating| {
        let next = rating.get_untracked().after_click(clicked);
        rating.set(next);
        on_change.run(next);
    };
    let pressed = move |which: Rating| move || (rating.get() == which).to_string();
    view! {
        <div class="fb-thumbs" role="group" aria-label=i18n.text(Msg::FeedbackGroup)>
            <button
                type="button"
                class="fb-thumb"
                data-rating="up"
                aria-pressed=pressed(Rating::Up)
                aria-label=i18n.text(Msg::FeedbackUp)
                on:click=move |_| click(Rating::Up)
            >
                <SvgIcon icon=Icon::ThumbUp/>
            </button>
            <button
                type="button"
                class="fb-thumb"
                data-rating="down"
                aria-pressed=pressed(Rating::Down)
                aria-label=i18n.text(Msg::FeedbackDown)
                on:click=move |_| click(Rating::Down)
            >
                <SvgIcon icon=Icon::ThumbDown/>
            </button>
        </div>
    }
}
