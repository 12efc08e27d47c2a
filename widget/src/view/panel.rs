//! The chat panel that opens from the bubble: header, conversation, the
//! satisfaction prompt while it shows, and the message box.

use l10n::format::Arg;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent, Node};

use crate::i18n::{I18n, Msg};
use crate::view::dom::{append, find_all, focus, h};
use crate::view::icons::Icon;
use crate::view::l10n::{Slot, localize, localize_with};

/// The panel's parts the widget updates later.
pub struct PanelParts {
    /// The `<section role="dialog">`, hidden while closed.
    pub panel: Element,
    /// The heading.
    pub title: Element,
    /// The message log.
    pub log: Element,
    /// The message box's form (the prompt goes right before it).
    pub composer: Element,
}

/// The panel, closed, around `log` and `composer`.
pub fn render(i18n: &I18n, log: Element, composer: Element) -> Result<PanelParts, JsValue> {
    let panel = h(
        "section",
        &[
            ("class", "fb-panel"),
            ("role", "dialog"),
            ("aria-labelledby", "fb-title"),
            ("hidden", ""),
        ],
    )?;
    let header = h("header", &[("class", "fb-header")])?;
    let title = h("h2", &[("id", "fb-title"), ("class", "fb-title")])?;
    show_title(&title, i18n, None);
    let close = h("button", &[("type", "button"), ("class", "fb-close")])?;
    localize(&close, i18n, Slot::AriaLabel, Msg::PanelClose);
    append(&close, &[&Icon::Close.render()?]);
    append(&header, &[&title, &close]);
    append(&panel, &[&header, &log, &composer]);
    Ok(PanelParts {
        panel,
        title,
        log,
        composer,
    })
}

/// "Chat with {shop}" when the site has named its shop, else the plain title.
pub fn show_title(title: &Element, i18n: &I18n, shop: Option<&str>) {
    match shop {
        Some(shop) => localize_with(
            title,
            i18n,
            Slot::Text,
            Msg::PanelTitleShop,
            ("shop", Arg::Text(shop.to_string())),
        ),
        None => localize(title, i18n, Slot::Text, Msg::PanelTitle),
    }
}

/// Wraps Tab at the ends of the panel's focusable controls, so focus stays
/// inside the open panel.
pub fn keep_focus_inside(panel: &Element, event: &KeyboardEvent) {
    let controls = find_all(
        panel,
        "button:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])",
    );
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    // Inside a shadow root the document's activeElement is the host.
    let active: Option<Node> = panel
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|root| root.active_element())
        .map(Into::into);
    let is = |element: &Element| active.as_ref() == Some(element.as_ref());
    let wrap_to = if event.shift_key() && is(first) {
        Some(last)
    } else if !event.shift_key() && is(last) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = wrap_to {
        event.prevent_default();
        focus(target);
    }
}
