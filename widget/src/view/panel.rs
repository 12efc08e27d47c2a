//! The chat panel that opens from the bubble: heading, conversation, the
//! satisfaction prompt while it shows, and the message box.

use l10n::format::Arg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, Node};

use crate::actions::Actions;
use crate::i18n::Msg;
use crate::view::close_button;
use crate::view::composer::Composer;
use crate::view::csat_prompt::CsatPrompt;
use crate::view::message_list::MessageList;
use crate::view::strings::{use_i18n, with_arg};

/// The panel: a dialog, hidden while closed. Esc closes it, and Tab stays
/// inside it. Its heading is a plain `div`, not a `<header>`, which would
/// add a second banner landmark to the host page.
#[component]
pub fn Panel() -> impl IntoView {
    let actions = expect_context::<Actions>();
    let i18n = use_i18n();
    // "Chat with {shop}" when the site has named its shop.
    let title = move || match actions.with(|state| state.shop_name().map(str::to_string)) {
        Some(shop) => with_arg(i18n, Msg::PanelTitleShop, "shop", Arg::Text(shop)),
        None => i18n.text(Msg::PanelTitle),
    };
    let csat = Memo::new(move |_| actions.with(|state| state.csat.clone()));
    view! {
        <section
            class="fb-panel"
            role="dialog"
            aria-labelledby="fb-title"
            hidden=move || !actions.with(|state| state.open)
            on:keydown=move |event: KeyboardEvent| on_key(actions, &event)
        >
            <div class="fb-header">
                <h2 id="fb-title" class="fb-title">{title}</h2>
                {close_button(actions, "fb-close", Msg::PanelClose, Actions::close_to_bubble, NodeRef::new())}
            </div>
            <MessageList/>
            {move || csat.get().map(|flow| view! { <CsatPrompt flow=flow/> })}
            <Composer/>
        </section>
    }
    .into_any()
}

/// Esc closes the panel; Tab and Shift+Tab wrap at its ends.
fn on_key(actions: Actions, event: &KeyboardEvent) {
    match event.key().as_str() {
        "Escape" => {
            event.prevent_default();
            actions.close_to_bubble();
        }
        "Tab" => {
            if let Some(panel) = event
                .current_target()
                .and_then(|target| target.dyn_into::<Element>().ok())
            {
                keep_focus_inside(&panel, event);
            }
        }
        _ => {}
    }
}

/// Wraps Tab at the ends of the panel's focusable controls, so focus stays
/// inside the open panel.
pub fn keep_focus_inside(panel: &Element, event: &KeyboardEvent) {
    let Ok(list) = panel.query_selector_all(
        "button:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let (Some(first), Some(last)) = (
        list.item(0),
        list.length().checked_sub(1).and_then(|at| list.item(at)),
    ) else {
        return;
    };
    // Inside a shadow root the document's activeElement is the host.
    let active: Option<Node> = panel
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|root| root.active_element())
        .map(Into::into);
    let is = |node: &Node| active.as_ref() == Some(node);
    let wrap_to = if event.shift_key() && is(&first) {
        Some(last)
    } else if !event.shift_key() && is(&last) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = wrap_to.and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok()) {
        event.prevent_default();
        let _ = target.focus();
    }
}
