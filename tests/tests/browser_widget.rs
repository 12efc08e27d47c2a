//! The bubble as a keyboard user and a flaky network see it, in headless
//! Chromium against the Worker on workerd.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::{Stack, eventually, now_ms, thumb_event, unique};
use fantoccini::Locator;
use fantoccini::key::Key;
use protocol::text::{MAX_COMMENT_UTF16, MAX_EXCERPT_UTF16};
use serde_json::{Value, json};

/// The number of events waiting in the page's outbox.
const WAITING: &str =
    "return Object.keys(localStorage).filter(k => k.startsWith('feedback-bubble:outbox:')).length;";

/// Waits until the page's outbox holds `count` events.
async fn outbox_holds(browser: &Browser, count: u64) {
    eventually(
        &format!("the outbox to hold {count}"),
        Duration::from_secs(10),
        || async { Ok((browser.js(WAITING, vec![]).await? == json!(count)).then_some(())) },
    )
    .await
    .unwrap();
}

/// The id of the element focused inside the widget's shadow root.
async fn focused(browser: &Browser) -> Value {
    browser
        .js(
            "const a = document.querySelector('[data-feedback-bubble]').shadowRoot.activeElement;
             return a ? (a.id || a.className) : null;",
            vec![],
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn keyboard_only_open_type_send_and_escape_back_to_the_bubble() {
    let (_stack, browser) = Browser::shopper().await.unwrap();
    let bubble = browser.widget_element(".fb-bubble").await.unwrap();

    bubble.send_keys(&Key::Enter.to_string()).await.unwrap();
    let panel = browser.widget_element(".fb-panel").await.unwrap();
    eventually("the panel to open", Duration::from_secs(5), || async {
        Ok(panel.is_displayed().await?.then_some(()))
    })
    .await
    .unwrap();
    assert_eq!(
        focused(&browser).await,
        json!("fb-input"),
        "focus moves into the panel"
    );

    let input = browser.widget_element("#fb-input").await.unwrap();
    assert_eq!(
        input.attr("placeholder").await.unwrap().as_deref(),
        Some("Type your question…")
    );
    input
        .send_keys(&format!("Do you ship to Norway?{}", Key::Enter))
        .await
        .unwrap();
    let mine = browser
        .widget_element(".fb-from-user:last-of-type .fb-text")
        .await
        .unwrap();
    let _ = mine;
    let reply = browser
        .widget_element("[data-message-id=\"demo-reply-1\"]")
        .await
        .unwrap();
    assert!(
        reply
            .text()
            .await
            .unwrap()
            .contains("Do you ship to Norway?"),
        "the host's engine answered"
    );
    assert!(
        reply.find(Locator::Css(".fb-thumb")).await.is_ok(),
        "the answer has thumbs"
    );
    let texts = browser
        .js(
            "return [...document.querySelector('[data-feedback-bubble]').shadowRoot.querySelectorAll('.fb-from-user .fb-text')].map(e => e.textContent);",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        texts
            .as_array()
            .unwrap()
            .contains(&json!("Do you ship to Norway?"))
    );

    // Tab from the last control wraps to the first, inside the panel.
    browser
        .widget_element(".fb-send")
        .await
        .unwrap()
        .send_keys(&Key::Tab.to_string())
        .await
        .unwrap();
    assert_eq!(focused(&browser).await, json!("fb-close"));

    browser
        .widget_element(".fb-close")
        .await
        .unwrap()
        .send_keys(&Key::Escape.to_string())
        .await
        .unwrap();
    eventually("the panel to close", Duration::from_secs(5), || async {
        Ok((!panel.is_displayed().await?).then_some(()))
    })
    .await
    .unwrap();
    assert_eq!(
        focused(&browser).await,
        json!("fb-bubble"),
        "focus returns to the bubble"
    );

    // The host page closing the panel while the shopper types in it gives
    // focus back to the bubble too, rather than to nowhere.
    bubble.send_keys(&Key::Enter.to_string()).await.unwrap();
    assert_eq!(browser.focus().await.unwrap(), "widget:fb-input");
    browser
        .js("window.FeedbackBubble.close();", vec![])
        .await
        .unwrap();
    assert_eq!(browser.focus().await.unwrap(), "widget:fb-bubble");
    browser.close().await.unwrap();
}

/// Takes the collector "offline" for this page and every page loaded after
/// it in this browser: requests to it fail the way they fail without a
/// network (a rejected `fetch`, a refused `sendBeacon`), while the shop's
/// page itself still loads. Installed through Chrome DevTools, so it is in
/// place before the page's own scripts run, reloads included.
async fn take_collector_offline(browser: &Browser, stack: &Stack) {
    let port = stack.worker_url.rsplit(':').next().unwrap();
    let script = format!(
        "window.__collectorOffline = true;
         const hits = (url) => window.__collectorOffline && String(url).includes(':{port}/');
         const realFetch = window.fetch.bind(window);
         window.fetch = (input, init) =>
           hits(input && input.url ? input.url : input)
             ? Promise.reject(new TypeError('Failed to fetch'))
             : realFetch(input, init);
         const realBeacon = navigator.sendBeacon.bind(navigator);
         navigator.sendBeacon = (url, data) => hits(url) ? false : realBeacon(url, data);"
    );
    browser.before_each_page(&script).await.unwrap();
}

/// Brings the collector back for the current page (later loads would be
/// offline again, but the test loads none).
async fn bring_collector_back(browser: &Browser) {
    browser
        .js(
            "window.__collectorOffline = false; window.dispatchEvent(new Event('online'));",
            vec![],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn feedback_given_offline_survives_a_reload_and_arrives_once_back_online() {
    let (stack, browser) = Browser::shopper().await.unwrap();
    let conversation = browser.demo_conversation_id().await.unwrap();
    take_collector_offline(&browser, &stack).await;
    // The script applies from the next load on.
    browser.client.refresh().await.unwrap();

    browser.click(".fb-bubble").await.unwrap();
    browser
        .click("[data-message-id=\"m1\"] .fb-thumb[data-rating=\"up\"]")
        .await
        .unwrap();
    outbox_holds(&browser, 1).await; // while offline

    // Reload while still offline, and rate another answer.
    browser.client.refresh().await.unwrap();
    browser.click(".fb-bubble").await.unwrap();
    browser
        .click("[data-message-id=\"m3\"] .fb-thumb[data-rating=\"down\"]")
        .await
        .unwrap();
    outbox_holds(&browser, 2).await; // nothing lost across the reload
    let collector = stack.collector();
    assert!(
        collector
            .ratings(&stack.site, &conversation)
            .await
            .unwrap()
            .is_empty()
    );

    bring_collector_back(&browser).await;
    let stored = eventually("both thumbs to arrive", Duration::from_secs(90), || async {
        let mut ratings = collector.ratings(&stack.site, &conversation).await?;
        ratings.sort();
        Ok((ratings.len() == 2).then_some(ratings))
    })
    .await
    .unwrap();
    assert_eq!(
        stored,
        vec![
            ("m1".to_string(), "up".to_string()),
            ("m3".to_string(), "down".to_string())
        ]
    );
    outbox_holds(&browser, 0).await;
    browser.close().await.unwrap();
}

#[tokio::test]
async fn set_locale_switches_every_string_and_reset_starts_a_new_conversation() {
    let (_stack, browser) = Browser::shopper().await.unwrap();
    let bubble = browser.widget_element(".fb-bubble").await.unwrap();
    assert_eq!(
        bubble.attr("aria-label").await.unwrap().as_deref(),
        Some("Open chat")
    );
    browser
        .js("window.FeedbackBubble.setLocale('de-CH');", vec![])
        .await
        .unwrap();
    eventually("German strings", Duration::from_secs(5), || async {
        Ok((bubble.attr("aria-label").await?.as_deref() == Some("Chat öffnen")).then_some(()))
    })
    .await
    .unwrap();
    let lang = browser
        .js(
            "return document.querySelector('[data-feedback-bubble]').shadowRoot.querySelector('.fb-root').lang;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(lang, json!("de"));

    // A resolved conversation had its prompt; after reset() a new one may
    // too, once the assistant has said something in it.
    browser.click_page("demo-resolve").await.unwrap();
    browser.click(".fb-csat-close").await.unwrap();
    let messages = browser
        .js(
            "window.FeedbackBubble.reset();
             return new Promise(done => requestAnimationFrame(() => done(
               document.querySelector('[data-feedback-bubble]').shadowRoot.querySelectorAll('.fb-message').length)));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(messages, json!(0), "reset() empties the conversation");
    browser
        .js(
            "window.FeedbackBubble.resolve({utterance: 'Bis bald!'});",
            vec![],
        )
        .await
        .unwrap();
    let title = browser.widget_element(".fb-csat-title").await.unwrap();
    assert_eq!(title.text().await.unwrap(), "Wie war dieses Gespräch?");
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_429_is_retried_after_the_retry_after_it_names() {
    let (stack, browser) = Browser::shopper().await.unwrap();
    let conversation = browser.demo_conversation_id().await.unwrap();
    let port = stack.worker_url.rsplit(':').next().unwrap();
    // The collector's first answer to an ingest is a 429 asking for 3 s.
    let script = format!(
        "window.__posts = [];
         const realFetch = window.fetch.bind(window);
         window.fetch = (input, init) => {{
           const url = String(input && input.url ? input.url : input);
           if (url.includes(':{port}/v1/events')) {{
             window.__posts.push(Date.now());
             if (window.__posts.length === 1) {{
               return Promise.resolve(new Response(
                 JSON.stringify({{ code: 'rate_limited', message: 'slow down' }}),
                 {{ status: 429, headers: {{ 'Retry-After': '3', 'Content-Type': 'application/json' }} }}));
             }}
           }}
           return realFetch(input, init);
         }};"
    );
    browser.before_each_page(&script).await.unwrap();
    browser.client.refresh().await.unwrap();
    browser.click(".fb-bubble").await.unwrap();
    browser
        .click("[data-message-id=\"m3\"] .fb-thumb[data-rating=\"up\"]")
        .await
        .unwrap();
    let collector = stack.collector();
    eventually(
        "the retried thumb to arrive",
        Duration::from_secs(20),
        || async {
            let ratings = collector.ratings(&stack.site, &conversation).await?;
            Ok((!ratings.is_empty()).then_some(()))
        },
    )
    .await
    .unwrap();
    let posts = browser.js("return window.__posts;", vec![]).await.unwrap();
    let posts: Vec<f64> = serde_json::from_value(posts).unwrap();
    assert!(posts.len() >= 2, "{posts:?}");
    let waited = posts[1] - posts[0];
    assert!(
        waited >= 2_900.0,
        "retried after {waited} ms, before the 3 s Retry-After"
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn the_snippet_can_put_the_bubble_on_the_left_in_the_shops_colour() {
    let (_stack, browser) = Browser::shopper().await.unwrap();
    browser.widget_element(".fb-bubble").await.unwrap();
    // Load the snippet again with the options, as a shop would write it.
    let placed = browser
        .js(
            "return new Promise((done) => {
               const original = document.querySelector('script[data-site]');
               document.querySelector('[data-feedback-bubble]').remove();
               delete window.FeedbackBubble;
               const script = document.createElement('script');
               script.src = original.src + '?options';
               for (const name of ['data-site', 'data-endpoint']) script.setAttribute(name, original.getAttribute(name));
               script.setAttribute('data-position', 'left');
               script.setAttribute('data-color', '#b3261e');
               script.onload = () => window.FeedbackBubble.on('ready', () => {
                 const bubble = document.querySelector('[data-feedback-bubble]').shadowRoot.querySelector('.fb-bubble');
                 const box = bubble.getBoundingClientRect();
                 done([Math.round(box.left), getComputedStyle(bubble).backgroundColor]);
               });
               document.body.appendChild(script);
             });",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(placed, json!([20, "rgb(179, 38, 30)"]));
    browser.close().await.unwrap();
}

#[tokio::test]
async fn events_too_large_for_one_request_go_in_several_and_none_is_dropped() {
    let stack = Stack::from_env().unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    // Twenty 👎 whose reason and excerpts are at their limits in four-byte
    // characters (500 and 1,000 emoji: 1,000 and 2,000 UTF-16 units, about
    // 10 KB an event, 200 KB together) wait from an earlier visit: more
    // than one request may carry (64 KB), fewer than one batch counts (20).
    let conversation = unique("c_big");
    let now = now_ms();
    let planted: Vec<(String, String)> = (0..20)
        .map(|n| {
            let id = unique("ev");
            let mut event = thumb_event(&id, &conversation, &format!("m{n}"), "down", now + n);
            event["reason"] = json!("👎".repeat(MAX_COMMENT_UTF16 / 2));
            event["question"] = json!("🤔".repeat(MAX_EXCERPT_UTF16 / 2));
            event["answer"] = json!("📦".repeat(MAX_EXCERPT_UTF16 / 2));
            (
                format!(
                    "feedback-bubble:outbox:{}:{:015}:{id}",
                    stack.site.key,
                    now + n
                ),
                event.to_string(),
            )
        })
        .collect();
    assert!(planted.iter().map(|(_, json)| json.len()).sum::<usize>() > 64 * 1024);
    browser
        .client
        .goto(&format!("{}?widget=off", stack.page_url))
        .await
        .unwrap();
    browser
        .js(
            "for (const [key, json] of arguments[0]) localStorage.setItem(key, json);",
            vec![json!(planted)],
        )
        .await
        .unwrap();

    // The widget's first flush sends them all.
    browser.client.goto(&stack.page_url).await.unwrap();
    browser.widget_element(".fb-bubble").await.unwrap();
    let collector = stack.collector();
    let stored = eventually(
        "twenty thumbs to arrive",
        Duration::from_secs(30),
        || async {
            let ratings = collector.ratings(&stack.site, &conversation).await?;
            Ok((ratings.len() == 20).then_some(ratings))
        },
    )
    .await;
    assert!(
        stored.is_ok(),
        "{stored:?}; still waiting: {}",
        browser.js(WAITING, vec![]).await.unwrap()
    );
    // Kept whole: the limits are counted as the browser counts them.
    let detail = collector
        .conversation(&stack.site.key, Some(&stack.site.secret), &conversation)
        .await
        .unwrap();
    let first = &detail.body["messages"][0];
    assert_eq!(first["reason"], json!("👎".repeat(MAX_COMMENT_UTF16 / 2)));
    assert_eq!(first["answer"], json!("📦".repeat(MAX_EXCERPT_UTF16 / 2)));
    outbox_holds(&browser, 0).await;
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_beaconed_event_stays_queued_until_a_later_page_has_resent_it() {
    let (stack, browser) = Browser::shopper().await.unwrap();
    let conversation = browser.demo_conversation_id().await.unwrap();
    // `fetch` to the collector fails from the next load on; `sendBeacon`
    // still reaches it.
    let port = stack.worker_url.rsplit(':').next().unwrap();
    browser
        .before_each_page(&format!(
            "if (!location.search.includes('fetch=on')) {{
               const realFetch = window.fetch.bind(window);
               window.fetch = (input, init) =>
                 String(input && input.url ? input.url : input).includes(':{port}/')
                   ? Promise.reject(new TypeError('Failed to fetch'))
                   : realFetch(input, init);
             }}"
        ))
        .await
        .unwrap();
    browser.client.refresh().await.unwrap();
    browser.click(".fb-bubble").await.unwrap();
    browser
        .click("[data-message-id=\"m1\"] .fb-thumb[data-rating=\"up\"]")
        .await
        .unwrap();
    outbox_holds(&browser, 1).await;

    // Leaving the page hands it to sendBeacon, which delivers it...
    browser
        .client
        .goto(&format!("{}?widget=off", stack.page_url))
        .await
        .unwrap();
    let collector = stack.collector();
    let up = e2e::thumbs(&[("m1", "up")]);
    eventually("the beacon to arrive", Duration::from_secs(20), || async {
        let ratings = collector.ratings(&stack.site, &conversation).await?;
        Ok((ratings == up).then_some(()))
    })
    .await
    .unwrap();
    // ...but nobody told the page so: the event is still queued.
    assert_eq!(browser.js(WAITING, vec![]).await.unwrap(), json!(1));

    // The next page with the widget (and a working fetch) sends it again;
    // the collector keeps it once, and the queue empties.
    browser
        .client
        .goto(&format!("{}?fetch=on", stack.page_url))
        .await
        .unwrap();
    outbox_holds(&browser, 0).await;
    assert_eq!(
        collector.ratings(&stack.site, &conversation).await.unwrap(),
        up
    );
    browser.close().await.unwrap();
}
