//! The round button in the page corner: opens and closes the panel.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::i18n::{I18n, Msg};
use crate::view::dom::{append, flag, h, set_attrs};
use crate::view::icons::Icon;
use crate::view::l10n::{Slot, localize};

/// The bubble, closed.
pub fn render(i18n: &I18n) -> Result<Element, JsValue> {
    let bubble = h("button", &[("type", "button"), ("class", "fb-bubble")])?;
    append(&bubble, &[&Icon::Chat.render()?]);
    show_open(&bubble, i18n, false);
    Ok(bubble)
}

/// Names the bubble for what a click does next.
pub fn show_open(bubble: &Element, i18n: &I18n, open: bool) {
    set_attrs(bubble, &[("aria-expanded", flag(open))]);
    let name = if open {
        Msg::BubbleClose
    } else {
        Msg::BubbleOpen
    };
    localize(bubble, i18n, Slot::AriaLabel, name);
}
