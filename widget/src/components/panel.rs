//! The chat panel that opens from the bubble.

use fluent_bundle::FluentArgs;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::composer::Composer;
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
    /// The bubble, which gets focus back when Esc closes the panel.
    bubble: NodeRef<leptos::html::Button>,
    /// The shop's name, when the site has set one (the title says it).
    shop: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let title = move || match shop.get() {
        Some(name) => {
            let mut args = FluentArgs::new();
            args.set("shop", name);
            i18n.format(Msg::PanelTitleShop, &args)
        }
        None => i18n.text(Msg::PanelTitle)(),
    };
    let panel = NodeRef::<leptos::html::Section>::new();
    let close = move || {
        open.set(false);
        if let Some(bubble) = bubble.get_untracked() {
            let _ = bubble.focus();
        }
    };
    // Keyboard: Esc closes; Tab and Shift+Tab stay inside the open panel.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        } else if ev.key() == "Tab" {
            keep_focus_inside(&panel, &ev);
        }
    };
    // Opening moves focus into the panel, onto the message box.
    Effect::new(move |_| {
        if open.get()
            && let Some(panel) = panel.get_untracked()
            && let Ok(Some(input)) = panel.query_selector("#fb-input")
            && let Ok(input) = input.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = input.focus();
        }
    });
    view! {
        <section
            class="fb-panel"
            role="dialog"
            aria-labelledby="fb-title"
            hidden=move || !open.get()
            node_ref=panel
            on:keydown=on_keydown
        >
            <header class="fb-header">
                <h2 id="fb-title" class="fb-title">{title}</h2>
                <button
                    type="button"
                    class="fb-close"
                    aria-label=i18n.text(Msg::PanelClose)
                    on:click=move |_| close()
                >
                    <SvgIcon icon=Icon::Close/>
                </button>
            </header>
            <MessageList conversation/>
            <CsatPrompt flow=csat/>
            <Composer conversation/>
        </section>
    }
}

/// Wraps Tab at the ends of the panel's focusable controls.
fn keep_focus_inside(panel: &NodeRef<leptos::html::Section>, ev: &web_sys::KeyboardEvent) {
    let Some(panel) = panel.get_untracked() else {
        return;
    };
    let Ok(controls) = panel.query_selector_all(
        "button:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let (Some(first), Some(last)) = (
        controls.item(0),
        controls.item(controls.length().saturating_sub(1)),
    ) else {
        return;
    };
    // Inside a shadow root the document's activeElement is the host.
    let active = panel
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|root| root.active_element());
    let active: Option<web_sys::Node> = active.map(Into::into);
    let wrap_to = if ev.shift_key() && active.as_ref() == Some(&first) {
        Some(last)
    } else if !ev.shift_key() && active.as_ref() == Some(&last) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = wrap_to.and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = target.focus();
    }
}
