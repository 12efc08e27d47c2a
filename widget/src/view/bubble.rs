//! The round button in the page corner: opens and closes the panel.

use leptos::prelude::*;

use crate::actions::Actions;
use crate::i18n::Msg;
use crate::view::flag;
use crate::view::icons::Icon;
use crate::view::strings::use_i18n;

/// The bubble, named for what a click does next. While a satisfaction
/// prompt waits behind the closed panel it shows a dot, and its name says
/// a question is waiting.
#[component]
pub fn Bubble() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let i18n = use_i18n();
    let open = move || actions.with(|state| state.open);
    let waiting = move || actions.with(|state| state.csat_waiting);
    let name = move || match (open(), waiting()) {
        (true, _) => Msg::BubbleClose,
        (false, true) => Msg::BubbleOpenWaiting,
        (false, false) => Msg::BubbleOpen,
    };
    view! {
        <button
            type="button"
            class=move || if waiting() { "fb-bubble fb-waiting" } else { "fb-bubble" }
            node_ref=actions.targets().bubble
            aria-expanded=move || flag(open())
            aria-label=move || i18n.text(name())
            on:click=move |_| actions.toggle()
        >
            {Icon::Chat.view()}
        </button>
    }
    .into_any()
}
