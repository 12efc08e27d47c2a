//! The comment boxes (after a 👎, in the satisfaction prompt): at most
//! [`MAX_COMMENT_UTF16`] (the collector's limit, in the unit `maxlength`
//! counts), and how many more they take once nearly full.

use l10n::format::Arg;
use leptos::html::Textarea;
use leptos::prelude::*;
use protocol::text::{MAX_COMMENT_UTF16, utf16_len};

use crate::i18n::{I18n, Msg};
use crate::view::strings::{use_i18n, with_arg};

/// The counter shows once fewer than this many characters are left.
const SHOW_BELOW: usize = 100;

/// Characters left in a box, counted as `maxlength` counts them (UTF-16).
pub fn characters_left(text: &str, limit: usize) -> usize {
    limit.saturating_sub(utf16_len(text))
}

/// A comment box, and "12 characters left" (in the locale's plural form)
/// right after it while it is nearly full.
#[component]
pub fn CommentBox(
    /// What is typed, kept for whoever submits it.
    text: RwSignal<String>,
    /// The box's id, when a `<label for>` names it.
    id: Option<&'static str>,
    /// Its class.
    class: &'static str,
    /// Its height in lines.
    rows: &'static str,
    /// Its accessible name, when no `<label>` gives one.
    label: Option<Msg>,
    /// Its placeholder.
    placeholder: Msg,
    /// Set to the box, for a step that moves focus into it.
    #[prop(optional)]
    node_ref: NodeRef<Textarea>,
) -> impl IntoView {
    let i18n = use_i18n();
    let left = Memo::new(move |_| text.with(|text| characters_left(text, MAX_COMMENT_UTF16)));
    let nearly_full = Memo::new(move |_| left.get() < SHOW_BELOW);
    view! {
        <textarea
            id=id
            class=class
            rows=rows
            maxlength=MAX_COMMENT_UTF16
            aria-label=move || label.map(|label| i18n.text(label))
            placeholder=i18n.t(placeholder)
            node_ref=node_ref
            on:input=move |event| text.set(event_target_value(&event))
        ></textarea>
        {move || nearly_full.get().then(|| characters_left_note(i18n, left))}
    }
    .into_any()
}

/// "12 characters left", in the locale's plural form for `left`.
pub fn characters_left_note(i18n: I18n, left: Memo<usize>) -> AnyView {
    let text = move || {
        let count = i64::try_from(left.get()).unwrap_or(i64::MAX);
        with_arg(i18n, Msg::CharactersLeft, "count", Arg::Number(count))
    };
    view! { <p class="fb-chars-left">{text}</p> }.into_any()
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
