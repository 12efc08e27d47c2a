//! Component tests in headless Chromium for what the copy does on screen:
//! the comment counter's plural forms (and when it shows), and a locale
//! switch rewording the mounted widget in place.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]
#![cfg(target_arch = "wasm32")]

mod support;

use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use widget::conversation::Role;
use widget::i18n::{I18n, Localizer};
use widget::view::characters_left;
use widget::view::dom::h;

wasm_bindgen_test_configure!(run_in_browser);

/// The counter's text without Fluent's isolation marks, `None` when hidden.
fn counter(container: &HtmlElement) -> Option<String> {
    container
        .query_selector(".fb-chars-left")
        .unwrap()
        .map(|element| {
            element
                .text_content()
                .unwrap_or_default()
                .replace(['\u{2068}', '\u{2069}'], "")
        })
}

#[wasm_bindgen_test]
fn the_counter_appears_near_the_limit_and_picks_the_plural_form() {
    let container = support::container();
    let textarea = h("textarea", &[]).unwrap();
    container.append_child(&textarea).unwrap();
    let i18n = I18n::new(Localizer::reference());
    let show = |text: &str| characters_left::update(&textarea, text, &i18n);
    show("");
    assert_eq!(counter(&container), None, "hidden while the box has room");
    show(&"x".repeat(901));
    assert_eq!(counter(&container).as_deref(), Some("99 characters left"));
    show(&"x".repeat(999));
    assert_eq!(counter(&container).as_deref(), Some("1 character left"));
    show(&"👍".repeat(500));
    assert_eq!(
        counter(&container).as_deref(),
        Some("0 characters left"),
        "UTF-16, like maxlength"
    );
    show("");
    assert_eq!(counter(&container), None);
}

#[wasm_bindgen_test]
fn a_locale_switch_rewords_the_mounted_widget_in_place() {
    let (app, container, _) = support::mounted();
    app.add_message("m1", Role::Assistant, "Hello").unwrap();
    let up = || {
        support::element(&container, ".fb-thumb[data-rating=\"up\"]").get_attribute("aria-label")
    };
    let root = || container.get_attribute("dir");
    assert_eq!(up().as_deref(), Some("Helpful"));
    app.set_locale(Localizer::new(
        "de",
        Some("message-feedback-up = Hilfreich\n"),
    ));
    assert_eq!(up().as_deref(), Some("Hilfreich"));
    assert_eq!(container.get_attribute("lang").as_deref(), Some("de"));
    app.set_locale(Localizer::new(widget::pseudo::ACCENTED, None));
    assert_eq!(up().as_deref(), Some("Ħḗḗŀƥƒŭŭŀ"));
    app.set_locale(Localizer::new(widget::pseudo::BIDI, None));
    assert_eq!(root().as_deref(), Some("rtl"));
    let bubble = support::element(&container, ".fb-bubble");
    assert!(
        bubble
            .get_attribute("aria-label")
            .unwrap()
            .starts_with('\u{202E}')
    );
}
