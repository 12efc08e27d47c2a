//! The widget's strings in the view: each text or attribute reads the
//! shared [`I18n`] handle, so a locale switch rewords everything in place.

use l10n::format::{Arg, Args};
use leptos::prelude::*;
use web_sys::HtmlElement;

use crate::i18n::{I18n, Msg};

/// The copy, from context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The text of `msg` with the one argument `name` set to `value`.
pub fn with_arg(i18n: I18n, msg: Msg, name: &'static str, value: Arg) -> String {
    let mut args = Args::new();
    args.set(name, value);
    i18n.format(msg, &args)
}

/// Keeps the widget root's `lang` and `dir` (never the host page's) on the
/// current locale.
pub fn mark_language(root: HtmlElement, i18n: I18n) {
    Effect::new(move |_| {
        let _ = root.set_attribute("lang", &i18n.locale());
        let _ = root.set_attribute("dir", if i18n.is_rtl() { "rtl" } else { "ltr" });
    });
}
