//! Component tests in headless Chromium for what the copy does on screen:
//! the comment counter's plural forms (and when it shows), and a locale
//! switch re-rendering a component's words in place.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used)]
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use widget::components::characters_left::CharactersLeft;
use widget::components::thumbs::Thumbs;
use widget::i18n::{I18n, Localizer};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    container
}

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
async fn the_counter_appears_near_the_limit_and_picks_the_plural_form() {
    let container = container();
    let text = RwSignal::new(String::new());
    let _mounted = leptos::mount::mount_to(container.clone(), move || {
        provide_context(I18n::new(Localizer::reference()));
        view! { <CharactersLeft text limit=1000/> }
    });
    assert_eq!(counter(&container), None, "hidden while the box has room");
    text.set("x".repeat(901));
    leptos::task::tick().await;
    assert_eq!(counter(&container).as_deref(), Some("99 characters left"));
    text.set("x".repeat(999));
    leptos::task::tick().await;
    assert_eq!(counter(&container).as_deref(), Some("1 character left"));
    text.set("👍".repeat(500));
    leptos::task::tick().await;
    assert_eq!(
        counter(&container).as_deref(),
        Some("0 characters left"),
        "UTF-16, like maxlength"
    );
    text.set(String::new());
    leptos::task::tick().await;
    assert_eq!(counter(&container), None);
}

#[wasm_bindgen_test]
async fn a_locale_switch_rewords_a_mounted_component_in_place() {
    let container = container();
    let i18n = I18n::new(Localizer::reference());
    let _mounted = leptos::mount::mount_to(container.clone(), move || {
        provide_context(i18n);
        let rating = RwSignal::new(protocol::Rating::None);
        view! { <Thumbs rating on_change=Callback::new(|_| ())/> }
    });
    let up = || {
        container
            .query_selector(".fb-thumb[data-rating=\"up\"]")
            .unwrap()
            .unwrap()
            .get_attribute("aria-label")
    };
    assert_eq!(up().as_deref(), Some("Helpful"));
    i18n.set(Localizer::new(
        "de",
        Some("message-feedback-up = Hilfreich\n"),
    ));
    leptos::task::tick().await;
    assert_eq!(up().as_deref(), Some("Hilfreich"));
    i18n.set(Localizer::new(widget::pseudo::ACCENTED, None));
    leptos::task::tick().await;
    assert_eq!(up().as_deref(), Some("Ħḗḗŀƥƒŭŭŀ"));
}
