//! Localized elements, the way Fluent's DOM bindings do it: each element
//! names its message in a `data-l10n-*` attribute (and its arguments in
//! `data-l10n-args`), so a locale switch re-reads every string in place.

use l10n::format::{Arg, Args};
use serde_json::Value;
use web_sys::Element;

use crate::i18n::{I18n, Msg};
use crate::view::dom::find_all;

/// Which part of an element a message fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The element's text.
    Text,
    /// Its accessible name.
    AriaLabel,
    /// Its placeholder.
    Placeholder,
}

impl Slot {
    const ALL: [Slot; 3] = [Slot::Text, Slot::AriaLabel, Slot::Placeholder];

    /// The attribute naming the message for this slot.
    fn marker(self) -> &'static str {
        match self {
            Slot::Text => "data-l10n-text",
            Slot::AriaLabel => "data-l10n-aria-label",
            Slot::Placeholder => "data-l10n-placeholder",
        }
    }

    fn fill(self, element: &Element, text: &str) {
        match self {
            Slot::Text => element.set_text_content(Some(text)),
            Slot::AriaLabel => {
                let _ = element.set_attribute("aria-label", text);
            }
            Slot::Placeholder => {
                let _ = element.set_attribute("placeholder", text);
            }
        }
    }
}

/// Fluent arguments from a JSON object (numbers select plural forms).
fn fluent_args(args: &Value) -> Args {
    let mut fluent = Args::new();
    if let Value::Object(map) = args {
        for (name, value) in map {
            let value = match value {
                Value::Number(number) => Arg::Number(number.as_i64().unwrap_or_default()),
                Value::String(text) => Arg::Text(text.clone()),
                other => Arg::Text(other.to_string()),
            };
            fluent.set(name.clone(), value);
        }
    }
    fluent
}

/// Fills `slot` of `element` with `msg`, remembering it for a locale switch.
pub fn localize(element: &Element, i18n: &I18n, slot: Slot, msg: Msg) {
    let _ = element.set_attribute(slot.marker(), msg.id());
    apply(element, i18n, slot);
}

/// Like [`localize`], with `args` (a JSON object) filled in.
pub fn localize_with(element: &Element, i18n: &I18n, slot: Slot, msg: Msg, args: &Value) {
    let _ = element.set_attribute("data-l10n-args", &args.to_string());
    localize(element, i18n, slot, msg);
}

fn apply(element: &Element, i18n: &I18n, slot: Slot) {
    let Some(id) = element.get_attribute(slot.marker()) else {
        return;
    };
    let args = element
        .get_attribute("data-l10n-args")
        .and_then(|json| serde_json::from_str::<Value>(&json).ok())
        .map(|args| fluent_args(&args))
        .unwrap_or_default();
    slot.fill(element, &i18n.format_id(&id, &args));
}

/// Re-reads every localized string under `root` (after a locale switch).
pub fn relocalize(root: &Element, i18n: &I18n) {
    for slot in Slot::ALL {
        for element in find_all(root, &format!("[{}]", slot.marker())) {
            apply(&element, i18n, slot);
        }
    }
}
