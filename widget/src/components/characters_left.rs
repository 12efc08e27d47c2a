//! How many more characters a comment box takes, once it is nearly full.

use fluent_bundle::FluentArgs;
use leptos::prelude::*;

use crate::i18n::{I18n, Msg};

/// The `maxlength` of the widget's comment boxes.
pub const COMMENT_MAX_CHARS: usize = 1000;

/// The counter shows once fewer than this many characters are left.
const SHOW_BELOW: usize = 100;

/// Characters left in a box, counted as `maxlength` counts them (UTF-16).
pub fn characters_left(text: &str, limit: usize) -> usize {
    limit.saturating_sub(text.encode_utf16().count())
}

/// "12 characters left" under a comment box, in the locale's plural form;
/// nothing until the box is nearly full.
#[component]
pub fn CharactersLeft(
    /// The box's text.
    text: RwSignal<String>,
    /// The box's `maxlength`.
    limit: usize,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let left = move || text.with(|text| characters_left(text, limit));
    view! {
        <Show when=move || { left() < SHOW_BELOW }>
            <p class="fb-chars-left">
                {move || {
                    let mut args = FluentArgs::new();
                    args.set("count", left());
                    i18n.format(Msg::CharactersLeft, &args)
                }}
            </p>
        </Show>
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
