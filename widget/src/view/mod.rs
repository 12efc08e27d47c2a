//! What the shopper sees: Leptos components over `crate::actions`, one per
//! file. They read the state through `Actions`, and their handlers call it
//! with what they act on.

pub mod bubble;
pub mod comment_box;
pub mod composer;
pub mod csat_prompt;
pub mod icons;
pub mod l10n;
pub mod message_list;
pub mod panel;
pub mod reason_form;
pub mod thumbs;

use leptos::prelude::*;
use web_sys::HtmlElement;

use crate::actions::Actions;
use crate::i18n::I18n;
use bubble::Bubble;
use panel::Panel;

/// `"true"` or `"false"`, as ARIA state attributes spell them.
pub fn flag(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// Draws the widget into `root` for as long as the page lives, with
/// `actions` and `i18n` shared by context: the bubble at once, the panel
/// (hidden until opened) once the returned switch is set, so the caller
/// can draw it in a task of its own.
pub fn mount(root: HtmlElement, actions: Actions, i18n: I18n) -> RwSignal<bool> {
    let marked = root.clone();
    let panel = RwSignal::new(false);
    leptos::mount::mount_to(root, move || {
        provide_context(actions);
        provide_context(i18n);
        l10n::mark_language(marked, i18n);
        view! {
            {move || panel.get().then(|| view! { <Panel/> })}
            <Bubble/>
        }
    })
    .forget();
    panel
}
