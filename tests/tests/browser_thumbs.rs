//! A shopper on the demo page, in headless Chromium: opens the bubble,
//! rates the assistant's answer, and the site owner reads the rating back
//! from the Worker.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::{Stack, eventually};
use fantoccini::Locator;
use serde_json::json;

const ANSWER: &str = "[data-message-id=\"m3\"]";

#[tokio::test]
async fn a_thumb_clicked_in_the_bubble_lands_in_d1() {
    let stack = Stack::from_env().unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    browser.client.goto(&stack.page_url).await.unwrap();

    // The bubble is a real button with a localized name, closed at first.
    let bubble = browser.widget_element(".fb-bubble").await.unwrap();
    assert_eq!(
        bubble.attr("aria-label").await.unwrap().as_deref(),
        Some("Open chat")
    );
    assert_eq!(
        bubble.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    let panel = browser.widget_element(".fb-panel").await.unwrap();
    assert!(!panel.is_displayed().await.unwrap());

    bubble.click().await.unwrap();
    assert!(panel.is_displayed().await.unwrap());
    assert_eq!(
        bubble.attr("aria-expanded").await.unwrap().as_deref(),
        Some("true")
    );
    assert_eq!(
        bubble.attr("aria-label").await.unwrap().as_deref(),
        Some("Close chat")
    );

    // The demo assistant has spoken; thumbs sit under its messages only.
    let answer = browser.widget_element(ANSWER).await.unwrap();
    assert!(answer.text().await.unwrap().contains("half a size up"));
    let up = answer
        .find(Locator::Css(".fb-thumb[data-rating=\"up\"]"))
        .await
        .unwrap();
    let down = answer
        .find(Locator::Css(".fb-thumb[data-rating=\"down\"]"))
        .await
        .unwrap();
    assert_eq!(up.tag_name().await.unwrap(), "button");
    assert_eq!(
        up.attr("aria-label").await.unwrap().as_deref(),
        Some("Helpful")
    );
    assert_eq!(
        down.attr("aria-label").await.unwrap().as_deref(),
        Some("Not helpful")
    );
    assert_eq!(
        up.attr("aria-pressed").await.unwrap().as_deref(),
        Some("false")
    );
    let user_message = browser
        .widget_element("[data-message-id=\"m2\"]")
        .await
        .unwrap();
    assert!(user_message.find(Locator::Css(".fb-thumb")).await.is_err());

    let conversation = browser.demo_conversation_id().await.unwrap();

    up.click().await.unwrap();
    assert_eq!(
        up.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    assert_eq!(
        down.attr("aria-pressed").await.unwrap().as_deref(),
        Some("false")
    );
    browser
        .screenshot(&stack, "thumb-up-clicked")
        .await
        .unwrap();

    let collector = stack.collector();
    let stored = eventually("the 👍 to reach D1", Duration::from_secs(15), || async {
        let ratings = collector.ratings(&stack.site, &conversation).await?;
        Ok((ratings == [("m3".to_string(), "up".to_string())]).then_some(ratings))
    })
    .await;
    assert!(stored.is_ok(), "{stored:?}");

    // Clicking the pressed thumb again clears it, and the clearing is stored too.
    up.click().await.unwrap();
    assert_eq!(
        up.attr("aria-pressed").await.unwrap().as_deref(),
        Some("false")
    );
    let cleared = eventually(
        "the cleared thumb to reach D1",
        Duration::from_secs(15),
        || async {
            let ratings = collector.ratings(&stack.site, &conversation).await?;
            Ok((ratings == [("m3".to_string(), "none".to_string())]).then_some(()))
        },
    )
    .await;
    assert!(cleared.is_ok(), "{cleared:?}");

    browser.close().await.unwrap();
}

#[tokio::test]
async fn message_text_is_rendered_as_text_never_as_html() {
    let stack = Stack::from_env().unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    browser.client.goto(&stack.page_url).await.unwrap();
    browser.widget_element(ANSWER).await.unwrap();

    let payload = "<img src=x onerror=\"window.__pwned=1\"><b>bold</b>";
    browser
        .js(
            "window.FeedbackBubble.addMessage({id: 'xss', role: 'assistant', text: arguments[0]}); window.FeedbackBubble.open();",
            vec![json!(payload)],
        )
        .await
        .unwrap();
    let message = browser
        .widget_element("[data-message-id=\"xss\"] .fb-text")
        .await
        .unwrap();
    assert_eq!(message.text().await.unwrap(), payload);
    assert!(message.find(Locator::Css("img")).await.is_err());
    assert!(message.find(Locator::Css("b")).await.is_err());
    let pwned = browser
        .js("return window.__pwned === 1;", vec![])
        .await
        .unwrap();
    assert_eq!(pwned, json!(false));
    browser.close().await.unwrap();
}

#[tokio::test]
async fn bad_api_calls_are_refused_with_a_clear_console_error_and_change_nothing() {
    let stack = Stack::from_env().unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    browser.client.goto(&stack.page_url).await.unwrap();
    browser.widget_element(ANSWER).await.unwrap();
    let logged = browser
        .js(
            "const errors = []; const original = console.error;
             console.error = (...args) => errors.push(args.join(' '));
             window.FeedbackBubble.addMessage({id: 'm3', role: 'assistant', text: 'again'});
             window.FeedbackBubble.addMessage({id: 'm9', role: 'robot', text: 'hi'});
             console.error = original;
             return errors;",
            vec![],
        )
        .await
        .unwrap();
    let logged: Vec<String> = serde_json::from_value(logged).unwrap();
    assert_eq!(logged.len(), 2, "{logged:?}");
    assert!(logged[0].contains("already"), "{logged:?}");
    assert!(logged[1].contains("role"), "{logged:?}");
    let shadow_count = browser
        .js(
            "return document.querySelector('[data-feedback-bubble]').shadowRoot.querySelectorAll('.fb-message').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(shadow_count, json!(3));
    browser.close().await.unwrap();
}
