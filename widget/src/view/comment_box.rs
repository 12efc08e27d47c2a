//! The comment boxes (after a 👎, in the satisfaction prompt): at most
//! [`COMMENT_MAX_CHARS`], and how many more they take once nearly full.

use l10n::format::Arg;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlTextAreaElement};

use crate::i18n::{I18n, Msg};
use crate::view::dom::{find, h, set_attrs};
use crate::view::l10n::{Slot, localize_with};

/// The `maxlength` of the widget's comment boxes.
pub const COMMENT_MAX_CHARS: usize = 1000;

/// The counter shows once fewer than this many characters are left.
const SHOW_BELOW: usize = 100;

/// Characters left in a box, counted as `maxlength` counts them (UTF-16).
pub fn characters_left(text: &str, limit: usize) -> usize {
    limit.saturating_sub(text.encode_utf16().count())
}

/// A comment box with `attrs`, taking at most [`COMMENT_MAX_CHARS`].
pub fn render(attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let textarea = h("textarea", attrs)?;
    set_attrs(&textarea, &[("maxlength", &COMMENT_MAX_CHARS.to_string())]);
    Ok(textarea)
}

/// What was typed into the comment box under `root` matching `selector`.
pub fn typed(root: &Element, selector: &str) -> String {
    find(root, selector)
        .and_then(|comment| comment.dyn_into::<HtmlTextAreaElement>().ok())
        .map(|comment| comment.value())
        .unwrap_or_default()
}

/// Shows "12 characters left" (in the locale's plural form) right after
/// `textarea` holding `text`, or removes it while the box has room.
pub fn update(textarea: &Element, text: &str, i18n: &I18n) {
    let left = characters_left(text, COMMENT_MAX_CHARS);
    let counter = textarea
        .next_element_sibling()
        .filter(|next| next.class_name() == "fb-chars-left");
    match counter {
        Some(counter) if left >= SHOW_BELOW => counter.remove(),
        Some(counter) => localize_with(
            &counter,
            i18n,
            Slot::Text,
            Msg::CharactersLeft,
            ("count", Arg::Number(left as i64)),
        ),
        None if left < SHOW_BELOW => {
            if let Ok(counter) = h("p", &[("class", "fb-chars-left")]) {
                localize_with(
                    &counter,
                    i18n,
                    Slot::Text,
                    Msg::CharactersLeft,
                    ("count", Arg::Number(left as i64)),
                );
                let _ = textarea.after_with_node_1(&counter);
            }
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_like_maxlength_does() {
        assert_eq!(characters_left("", 10), 10);
        assert_eq!(characters_left("héllo", 10), 5);
        assert_eq!(characters_left("👍", 10), 8, "an emoji is two UTF-16 units");
        assert_eq!(characters_left("too long for it", 5), 0);
    }
}
