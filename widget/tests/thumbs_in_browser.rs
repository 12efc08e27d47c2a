//! Component tests in headless Chromium (`cargo xtask test` runs them with
//! wasm-bindgen-test-runner and chromedriver).
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use protocol::Rating;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use widget::components::thumbs::Thumbs;
use widget::i18n::{I18n, Localizer};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    container
}

fn button(container: &HtmlElement, rating: &str) -> HtmlElement {
    container
        .query_selector(&format!(".fb-thumb[data-rating=\"{rating}\"]"))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn pressed(button: &HtmlElement) -> String {
    button.get_attribute("aria-pressed").unwrap_or_default()
}

#[wasm_bindgen_test]
async fn thumbs_press_switch_and_clear_and_report_every_change() {
    let container = container();
    let rating = RwSignal::new(Rating::None);
    let reported = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&reported);
    let _mounted = leptos::mount::mount_to(container.clone(), move || {
        provide_context(I18n::new(Localizer::reference()));
        let on_change = Callback::new(move |rating: Rating| sink.lock().unwrap().push(rating));
        view! { <Thumbs rating on_change/> }
    });
    let up = button(&container, "up");
    let down = button(&container, "down");
    assert_eq!(up.get_attribute("aria-label").as_deref(), Some("Helpful"));
    assert_eq!(
        down.get_attribute("aria-label").as_deref(),
        Some("Not helpful")
    );
    let group = container.query_selector("[role=group]").unwrap().unwrap();
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Rate this answer")
    );
    assert_eq!(
        (pressed(&up), pressed(&down)),
        ("false".into(), "false".into())
    );

    up.click();
    leptos::task::tick().await;
    assert_eq!(
        (pressed(&up), pressed(&down)),
        ("true".into(), "false".into())
    );

    down.click();
    leptos::task::tick().await;
    assert_eq!(
        (pressed(&up), pressed(&down)),
        ("false".into(), "true".into())
    );

    down.click();
    leptos::task::tick().await;
    assert_eq!(
        (pressed(&up), pressed(&down)),
        ("false".into(), "false".into())
    );

    assert_eq!(rating.get_untracked(), Rating::None);
    assert_eq!(
        *reported.lock().unwrap(),
        vec![Rating::Up, Rating::Down, Rating::None]
    );
}
