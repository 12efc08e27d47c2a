//! Where the shopper types: the message goes into the conversation and to
//! the host's chat engine (the `send` event), which answers with
//! `addMessage`.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::i18n::{I18n, Msg};
use crate::view::dom::{append, h};
use crate::view::icons::Icon;
use crate::view::l10n::{Slot, localize};

/// The message box and its send button.
pub fn render(i18n: &I18n) -> Result<Element, JsValue> {
    let form = h("form", &[("class", "fb-composer")])?;
    let label = h(
        "label",
        &[("for", "fb-input"), ("class", "fb-visually-hidden")],
    )?;
    localize(&label, i18n, Slot::Text, Msg::ComposerLabel);
    let input = h(
        "input",
        &[
            ("id", "fb-input"),
            ("type", "text"),
            ("autocomplete", "off"),
            ("maxlength", "2000"),
        ],
    )?;
    localize(&input, i18n, Slot::Placeholder, Msg::ComposerPlaceholder);
    let send = h("button", &[("type", "submit"), ("class", "fb-send")])?;
    localize(&send, i18n, Slot::AriaLabel, Msg::ComposerSend);
    append(&send, &[&Icon::Send.render()?]);
    append(&form, &[&label, &input, &send]);
    Ok(form)
}
