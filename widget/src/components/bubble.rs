//! The round button in the page corner.

use leptos::prelude::*;

use crate::components::icons::{Icon, SvgIcon};
use crate::i18n::{I18n, Msg};

/// Opens and closes the panel.
#[component]
pub fn Bubble(
    /// Whether the panel is open.
    open: RwSignal<bool>,
    /// The button itself, so closing the panel can hand focus back to it.
    node_ref: NodeRef<leptos::html::Button>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let label = move || {
        if open.get() {
            i18n.text(Msg::BubbleClose)()
        } else {
            i18n.text(Msg::BubbleOpen)()
        }
    };
    view! {
        <button
            type="button"
            class="fb-bubble"
            node_ref=node_ref
            aria-expanded=move || open.get().to_string()
            aria-label=label
            on:click=move |_| open.update(|open| *open = !*open)
        >
            <SvgIcon icon=Icon::Chat/>
        </button>
    }
}
