//! What the shopper sees: Leptos components over `crate::actions`, one per
//! file. They read the state through `Actions`, and their handlers call it
//! with what they act on.

pub mod bubble;
pub mod comment_box;
pub mod composer;
pub mod csat_prompt;
pub mod icons;
pub mod message_list;
pub mod panel;
pub mod reason_form;
pub mod strings;
pub mod thumbs;

use leptos::html::Button;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

use crate::actions::Actions;
use crate::chat::ChatMessage;
use crate::i18n::{I18n, Msg};
use crate::small_screen;
use bubble::Bubble;
use icons::Icon;
use panel::Panel;

/// `"true"` or `"false"`, as ARIA state attributes spell them.
pub fn flag(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// A button with the ✕ icon, named `label`, that runs `close`; `node_ref`
/// is set to it.
pub fn close_button(
    actions: Actions,
    class: &'static str,
    label: Msg,
    close: fn(Actions),
    node_ref: NodeRef<Button>,
) -> AnyView {
    let i18n = strings::use_i18n();
    view! {
        <button type="button" class=class aria-label=i18n.t(label) node_ref=node_ref
            on:click=move |_| close(actions)>
            {Icon::Close.view()}
        </button>
    }
    .into_any()
}

/// What `read` says of message `id` (`missing` once it is gone), as a memo:
/// a view that shows it is redrawn only when that changes.
pub fn message_memo<T>(
    actions: Actions,
    id: String,
    read: fn(&ChatMessage) -> T,
    missing: T,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        actions.with(|state| {
            state
                .chat
                .message(&id)
                .map_or_else(|| missing.clone(), read)
        })
    })
}

/// Draws the widget into `root` for as long as the page lives, with
/// `actions` and `i18n` shared by context: the panel (hidden until opened)
/// at once, the bubble once the returned switch is set. The caller sets it
/// in a later task, and last: the loader's stub bubble is taken away in
/// that same task, so no frame ever shows two bubbles.
pub fn mount(root: HtmlElement, actions: Actions, i18n: I18n) -> RwSignal<bool> {
    let marked = root.clone();
    let bubble = RwSignal::new(false);
    leptos::mount::mount_to(root, move || {
        provide_context(actions);
        provide_context(i18n);
        strings::mark_language(marked.clone(), i18n);
        if let Ok(shadow) = marked.get_root_node().dyn_into::<ShadowRoot>() {
            small_screen::follow(marked, shadow, actions);
        }
        view! {
            <Panel/>
            {move || bubble.get().then(|| view! { <Bubble/> })}
        }
    })
    .forget();
    bubble
}
