//! The conversation in the panel: messages as text, thumbs under the
//! assistant's.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::conversation::{ChatMessage, Role};
use crate::i18n::{I18n, Msg};
use crate::view::dom::{append, find, find_all, h, h_text};
use crate::view::l10n::{Slot, localize};
use crate::view::thumbs;

/// The message log, announced politely to screen readers as it grows.
pub fn render(i18n: &I18n) -> Result<Element, JsValue> {
    let log = h(
        "div",
        &[
            ("class", "fb-log"),
            ("role", "log"),
            ("aria-live", "polite"),
        ],
    )?;
    localize(&log, i18n, Slot::AriaLabel, Msg::PanelMessages);
    show_empty(&log, i18n)?;
    Ok(log)
}

/// Empties the log and says so.
pub fn clear(log: &Element, i18n: &I18n) -> Result<(), JsValue> {
    for message in find_all(log, ".fb-message") {
        message.remove();
    }
    show_empty(log, i18n)
}

fn show_empty(log: &Element, i18n: &I18n) -> Result<(), JsValue> {
    if find(log, ".fb-empty").is_none() {
        let empty = h("p", &[("class", "fb-empty")])?;
        localize(&empty, i18n, Slot::Text, Msg::PanelEmpty);
        append(log, &[&empty]);
    }
    Ok(())
}

/// Adds `message` at the end of the log.
pub fn push(log: &Element, i18n: &I18n, message: &ChatMessage) -> Result<(), JsValue> {
    if let Some(empty) = find(log, ".fb-empty") {
        empty.remove();
    }
    let is_assistant = message.role == Role::Assistant;
    let from = if is_assistant {
        "fb-message fb-from-assistant"
    } else {
        "fb-message fb-from-user"
    };
    let node = h(
        "div",
        &[
            ("class", from),
            ("data-role", message.role.as_str()),
            ("data-message-id", &message.id),
        ],
    )?;
    // Text from the host or the shopper is always a text node, never HTML.
    // dir="auto": each message reads in its own script's direction,
    // whatever the widget's locale.
    append(
        &node,
        &[&h_text(
            "p",
            &[("class", "fb-text"), ("dir", "auto")],
            &message.text,
        )?],
    );
    if is_assistant {
        append(&node, &[&thumbs::render(i18n, message.rating)?]);
    }
    append(log, &[&node]);
    Ok(())
}
