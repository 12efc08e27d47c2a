//! A shopper on the demo page, in headless Chromium: opens the bubble,
//! rates the assistant's answer, and the site owner reads the rating back
//! from the Worker.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::eventually;
use fantoccini::Locator;
use serde_json::json;

const ANSWER: &str = "[data-message-id=\"m3\"]";

/// The message and rating of the thumb focused in the widget, once two
/// more frames have rendered (`null` if focus is elsewhere).
async fn focused_thumb(browser: &Browser) -> serde_json::Value {
    browser
        .js(
            "return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
               const a = document.querySelector('[data-feedback-bubble]').shadowRoot.activeElement;
               const message = a && a.closest('[data-message-id]');
               done(a && message && a.classList.contains('fb-thumb')
                 ? [message.dataset.messageId, a.dataset.rating] : null);
             })));",
            vec![],
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn a_thumb_clicked_in_the_bubble_lands_in_d1() {
    let (stack, browser) = Browser::shopper().await.unwrap();

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
    // The demo page's site keeps text: the thumb came with the rated
    // answer and the shopper's question before it, as the widget showed them.
    let detail = collector
        .conversation(&stack.site.key, Some(&stack.site.secret), &conversation)
        .await
        .unwrap();
    let rated = &detail.body["messages"][0];
    assert_eq!(
        rated["question"],
        "Do the Trail Runner 3 shoes run true to size?"
    );
    assert!(
        rated["answer"]
            .as_str()
            .is_some_and(|answer| answer.starts_with("They do: most customers")),
        "{rated}"
    );

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
    let (_stack, browser) = Browser::shopper().await.unwrap();
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
    let (_stack, browser) = Browser::shopper().await.unwrap();
    browser.widget_element(ANSWER).await.unwrap();
    let logged = browser
        .console_errors(
            "window.FeedbackBubble.addMessage({id: 'm3', role: 'assistant', text: 'again'});
             window.FeedbackBubble.addMessage({id: 'm9', role: 'robot', text: 'hi'});",
        )
        .await
        .unwrap();
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

#[tokio::test]
async fn a_thumbs_down_offers_the_sites_reasons_and_can_be_skipped() {
    let (stack, browser) = Browser::shopper().await.unwrap();
    let conversation = browser.demo_conversation_id().await.unwrap();
    browser.click(".fb-bubble").await.unwrap();

    // m3: 👎, pick a reason, add a comment, send.
    let answer = browser.widget_element(ANSWER).await.unwrap();
    answer
        .find(Locator::Css(".fb-thumb[data-rating=\"down\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let form = browser
        .widget_element(&format!("{ANSWER} .fb-reason"))
        .await
        .unwrap();
    assert_eq!(
        form.find(Locator::Css(".fb-reason-title"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "What was wrong with this answer?"
    );
    let tags = form.find_all(Locator::Css(".fb-reason-tag")).await.unwrap();
    let mut labels = Vec::new();
    for tag in &tags {
        labels.push(tag.text().await.unwrap());
    }
    assert_eq!(labels, ["Wrong answer", "Too long", "Not relevant"]);
    tags[1].click().await.unwrap();
    assert_eq!(
        tags[1].attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    form.find(Locator::Css("textarea"))
        .await
        .unwrap()
        .send_keys("Half of it was about tents")
        .await
        .unwrap();
    form.find(Locator::Css(".fb-reason-send"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The form is gone, and focus is back on the 👎 that opened it.
    assert_eq!(focused_thumb(&browser).await, json!(["m3", "down"]));

    // m1: 👎, then skip.
    let first = browser
        .widget_element("[data-message-id=\"m1\"]")
        .await
        .unwrap();
    first
        .find(Locator::Css(".fb-thumb[data-rating=\"down\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let skip = browser
        .widget_element("[data-message-id=\"m1\"] .fb-reason-skip")
        .await
        .unwrap();
    assert_eq!(skip.text().await.unwrap(), "Skip");
    skip.click().await.unwrap();
    assert_eq!(focused_thumb(&browser).await, json!(["m1", "down"]));
    let host = browser
        .client
        .find(Locator::Css("[data-feedback-bubble]"))
        .await
        .unwrap();
    let root = host.shadow_root().await.unwrap();
    assert!(
        root.find(Locator::Css(".fb-reason")).await.is_err(),
        "both forms are gone"
    );

    let collector = stack.collector();
    let detail = eventually(
        "the reasons to reach D1",
        Duration::from_secs(15),
        || async {
            let read = collector
                .conversation(&stack.site.key, Some(&stack.site.secret), &conversation)
                .await?;
            let done = read.status == 200
                && read.body["messages"].as_array().is_some_and(|messages| {
                    messages
                        .iter()
                        .any(|m| m["message_id"] == "m3" && m["reason"].is_string())
                        && messages.iter().any(|m| m["message_id"] == "m1")
                });
            Ok(done.then_some(read.body))
        },
    )
    .await
    .unwrap();
    let messages = detail["messages"].as_array().unwrap();
    let m3 = messages.iter().find(|m| m["message_id"] == "m3").unwrap();
    assert_eq!(m3["rating"], "down");
    assert_eq!(m3["tags"], json!(["too_long"]));
    assert_eq!(m3["reason"], "Half of it was about tents");
    let m1 = messages.iter().find(|m| m["message_id"] == "m1").unwrap();
    assert_eq!(
        (m1["rating"].as_str(), m1["reason"].as_str()),
        (Some("down"), None)
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn hostile_host_css_changes_nothing_inside_and_the_widget_nothing_outside() {
    let (_stack, browser) = Browser::shopper().await.unwrap();
    let bubble = browser.widget_element(".fb-bubble").await.unwrap();
    let before = bubble.rectangle().await.unwrap();
    let html_lang = browser.js("return [document.documentElement.lang, document.documentElement.dir, document.cookie];", vec![]).await.unwrap();
    browser
        .js(
            "const style = document.createElement('style');
             style.textContent = '* { all: revert } button { display: none !important; font-size: 80px !important } div { font-size: 60px !important; color: red !important }';
             document.head.appendChild(style);",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        bubble.is_displayed().await.unwrap(),
        "the host's `button {{display:none}}` does not reach the bubble"
    );
    // Same size, same 20 px from the viewport's bottom-right corner (the
    // viewport itself may shrink when the host's page grows a scrollbar).
    let corner = "const r = document.querySelector('[data-feedback-bubble]').shadowRoot
                      .querySelector('.fb-bubble').getBoundingClientRect();
                  return [r.width, r.height,
                          document.documentElement.clientWidth - r.right,
                          document.documentElement.clientHeight - r.bottom];";
    assert_eq!(
        browser.js(corner, vec![]).await.unwrap(),
        json!([56, 56, 20, 20]),
        "nor moves or resizes it"
    );
    assert_eq!((before.2, before.3), (56.0, 56.0));
    bubble.click().await.unwrap();
    let up = browser
        .widget_element(&format!("{ANSWER} .fb-thumb[data-rating=\"up\"]"))
        .await
        .unwrap();
    assert!(up.is_displayed().await.unwrap());
    assert_eq!(up.css_value("font-size").await.unwrap(), "15px");
    assert_eq!(
        browser.js("return [document.documentElement.lang, document.documentElement.dir, document.cookie];", vec![]).await.unwrap(),
        html_lang,
        "the widget leaves <html lang/dir> and cookies alone"
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn calls_made_before_the_app_loads_are_queued_and_replayed() {
    let (_stack, browser) = Browser::shopper().await.unwrap();
    browser.widget_element(ANSWER).await.unwrap();
    // A second loader on the same page is ignored; call the API on a fresh
    // page instead, right after the loader ran and before the app is ready.
    let order = browser
        .js(
            "return new Promise((done) => {
               const seen = [];
               document.querySelector('[data-feedback-bubble]').remove();
               delete window.FeedbackBubble;
               const script = document.createElement('script');
               script.src = document.querySelector('script[data-site]').src + '?again';
               for (const name of ['data-site', 'data-endpoint']) {
                 script.setAttribute(name, document.querySelector('script[data-site]').getAttribute(name));
               }
               script.onload = () => {
                 window.FeedbackBubble.on('ready', () => { seen.push('ready'); done(seen); });
                 window.FeedbackBubble.addMessage({id: 'early', role: 'assistant', text: 'Queued before the app loaded'});
                 window.FeedbackBubble.open();
                 seen.push('called');
               };
               document.body.appendChild(script);
             });",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        order,
        json!(["called", "ready"]),
        "the calls came before the app was ready"
    );
    let early = browser
        .widget_element("[data-message-id=\"early\"] .fb-text")
        .await
        .unwrap();
    assert_eq!(early.text().await.unwrap(), "Queued before the app loaded");
    assert!(
        browser
            .widget_element(".fb-panel")
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap()
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_new_site_keeps_the_rated_exchange_with_personal_data_taken_out() {
    let stack = e2e::Stack::from_env().unwrap();
    // SiteConfig::default(), as `cargo xtask site add` makes a site.
    let site = stack.named_site("defaults").unwrap();
    let browser = Browser::on_site_page(&stack, &site.key).await.unwrap();
    let conversation = browser.demo_conversation_id().await.unwrap();
    browser.click(".fb-bubble").await.unwrap();
    let input = browser.widget_element("#fb-input").await.unwrap();
    input
        .send_keys("Please mail the invoice to jane.doe@example.com\n")
        .await
        .unwrap();
    // The demo assistant answers, quoting the question.
    let reply = "[data-message-id=\"demo-reply-1\"]";
    browser
        .click(&format!("{reply} .fb-thumb[data-rating=\"down\"]"))
        .await
        .unwrap();
    let collector = stack.collector();
    let rated = eventually("the 👎 to reach D1", Duration::from_secs(15), || async {
        let detail = collector
            .conversation(&site.key, Some(&site.secret), &conversation)
            .await?;
        Ok((detail.status == 200)
            .then(|| detail.body["messages"][0].clone())
            .filter(|rated| rated["message_id"] == "demo-reply-1"))
    })
    .await
    .unwrap();
    // Text is kept by default, and the address never reached D1.
    assert_eq!(
        rated["question"], "Please mail the invoice to [email]",
        "{rated}"
    );
    let answer = rated["answer"].as_str().unwrap();
    assert!(
        answer.starts_with("I'm a demo assistant") && answer.contains("[email]"),
        "{answer}"
    );
    assert!(!answer.contains("jane.doe"), "{answer}");
    browser.close().await.unwrap();
}
