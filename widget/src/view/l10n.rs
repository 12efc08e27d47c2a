//! Localized elements, the way Fluent's DOM bindings do it: each element
//! names its message in a `data-l10n-*` attribute (and its argument in
//! `data-l10n-arg`), so a locale switch re-reads every string in place.

use l10n::format::{Arg, Args};
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

/// Fills `slot` of `element` with `msg`, remembering it for a locale switch.
pub fn localize(element: &Element, i18n: &I18n, slot: Slot, msg: Msg) {
    let _ = element.set_attribute(slot.marker(), msg.id());
    apply(element, i18n, slot);
}

/// Like [`localize`], with the argument `name` set to `value` (kept as
/// `data-l10n-arg`, `data-l10n-number` or `data-l10n-text`).
pub fn localize_with(
    element: &Element,
    i18n: &I18n,
    slot: Slot,
    msg: Msg,
    (name, value): (&str, Arg),
) {
    let _ = element.set_attribute("data-l10n-arg", name);
    let (kind, text) = match value {
        Arg::Number(number) => ("data-l10n-number", number.to_string()),
        Arg::Text(text) => ("data-l10n-text-arg", text),
    };
    let _ = element.set_attribute(kind, &text);
    localize(element, i18n, slot, msg);
}

/// The argument [`localize_with`] kept on `element`.
fn kept_args(element: &Element) -> Args {
    let mut args = Args::new();
    if let Some(name) = element.get_attribute("data-l10n-arg") {
        if let Some(number) = element
            .get_attribute("data-l10n-number")
            .and_then(|n| n.parse().ok())
        {
            args.set(name, Arg::Number(number));
        } else if let Some(text) = element.get_attribute("data-l10n-text-arg") {
            args.set(name, Arg::Text(text));
        }
    }
    args
}

fn apply(element: &Element, i18n: &I18n, slot: Slot) {
    let Some(id) = element.get_attribute(slot.marker()) else {
        return;
    };
    slot.fill(element, &i18n.format_id(&id, &kept_args(element)));
}

/// Re-reads every localized string under `root` (after a locale switch).
pub fn relocalize(root: &Element, i18n: &I18n) {
    for slot in Slot::ALL {
        for element in find_all(root, &format!("[{}]", slot.marker())) {
            apply(&element, i18n, slot);
        }
    }
}
