//! Thumbs under a message in the mounted widget: pressed, switched,
//! cleared and reported; a message's text is never markup.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::support;
use crate::chat::{Message, Role};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

fn pressed(button: &HtmlElement) -> String {
    button.get_attribute("aria-pressed").unwrap_or_default()
}

#[wasm_bindgen_test]
async fn thumbs_press_switch_and_clear_and_report_every_change() {
    let (app, container, told) = support::mounted();
    app.add_message(Message::new("m1", Role::Assistant, "We ship to Norway."))
        .unwrap();
    app.add_message(Message::new("m2", Role::User, "Thanks"))
        .unwrap();
    support::settle().await;
    assert!(
        container
            .query_selector("[data-message-id=\"m2\"] .fb-thumb")
            .unwrap()
            .is_none(),
        "no thumbs under the shopper's own message"
    );
    let up = support::element(
        &container,
        "[data-message-id=\"m1\"] .fb-thumb[data-rating=\"up\"]",
    );
    let down = support::element(
        &container,
        "[data-message-id=\"m1\"] .fb-thumb[data-rating=\"down\"]",
    );
    assert_eq!(up.get_attribute("aria-label").as_deref(), Some("Helpful"));
    assert_eq!(
        down.get_attribute("aria-label").as_deref(),
        Some("Not helpful")
    );
    let group = support::element(&container, "[role=group]");
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Rate this answer")
    );
    assert_eq!(
        (pressed(&up), pressed(&down)),
        ("false".into(), "false".into())
    );

    up.click();
    support::settle().await;
    assert_eq!(
        (pressed(&up), pressed(&down)),
        ("true".into(), "false".into())
    );
    down.click();
    support::settle().await;
    assert_eq!(
        (pressed(&up), pressed(&down)),
        ("false".into(), "true".into())
    );
    down.click();
    support::settle().await;
    assert_eq!(
        (pressed(&up), pressed(&down)),
        ("false".into(), "false".into())
    );

    let ratings: Vec<String> = told
        .borrow()
        .iter()
        .filter(|(name, _)| name == "feedback")
        .map(|(_, detail)| {
            let detail: serde_json::Value = serde_json::from_str(detail).unwrap();
            assert_eq!(detail["messageId"], "m1");
            detail["rating"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ratings, ["up", "down", "none"]);
}

#[wasm_bindgen_test]
async fn the_text_of_a_message_is_never_markup() {
    let (app, container, _) = support::mounted();
    app.add_message(Message::new(
        "m1",
        Role::Assistant,
        "<img src=x onerror=alert(1)><b>bold</b>",
    ))
    .unwrap();
    support::settle().await;
    let text = support::element(&container, "[data-message-id=\"m1\"] .fb-text");
    assert_eq!(
        text.text_content().as_deref(),
        Some("<img src=x onerror=alert(1)><b>bold</b>")
    );
    assert_eq!(text.child_element_count(), 0);
    assert!(
        app.add_message(Message::new("m1", Role::Assistant, "again"))
            .is_err(),
        "ids are unique"
    );
}
