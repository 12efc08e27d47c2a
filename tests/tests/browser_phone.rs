//! The bubble on a phone, in Chromium's mobile emulation (375 × 667 CSS
//! px, DPR 2, touch): the open panel fills the screen and holds the page
//! still, every control is big enough for a thumb, and the composer stays
//! above the on-screen keyboard, in English and in Arabic (right to left).
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::{Stack, eventually};
use serde_json::{Value, json};

/// The assistant's answer the demo page starts with.
const ANSWER: &str = "[data-message-id=\"m3\"]";

/// The phone's width and height, CSS px.
const PHONE: (u32, u32) = (375, 667);

/// Makes the page's viewport `height` CSS px tall (the phone's width, DPR
/// 2, a mobile browser).
async fn phone_height(browser: &Browser, height: u32) {
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": PHONE.0, "height": height, "deviceScaleFactor": 2, "mobile": true }),
        )
        .await
        .unwrap();
}

/// A fresh browser emulating a phone with a touch screen, on the demo page
/// with `query` (`?locale=ar`, `?site=…`, or empty).
async fn phone(stack: &Stack, query: &str) -> Browser {
    let browser = Browser::start(stack).await.unwrap();
    phone_height(&browser, PHONE.1).await;
    browser
        .cdp(
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": true, "maxTouchPoints": 5 }),
        )
        .await
        .unwrap();
    browser.open_demo_fresh(stack, query).await.unwrap();
    browser.widget_element(".fb-bubble").await.unwrap();
    let coarse = browser
        .js("return matchMedia('(pointer: coarse)').matches;", vec![])
        .await
        .unwrap();
    assert_eq!(
        coarse,
        json!(true),
        "the emulated phone has a coarse pointer"
    );
    browser
}

/// `selector`'s box inside the widget: `{x, y, width, height}` in CSS px
/// of the layout viewport, or null when it is not drawn.
async fn widget_box(browser: &Browser, selector: &str) -> Value {
    browser
        .js(
            "const root = document.querySelector('[data-feedback-bubble]').shadowRoot;
             const found = root.querySelector(arguments[0]);
             if (!found || found.getClientRects().length === 0) return null;
             const r = found.getBoundingClientRect();
             return { x: r.x, y: r.y, width: r.width, height: r.height };",
            vec![json!(selector)],
        )
        .await
        .unwrap()
}

/// The visual viewport: `{x, y, width, height}` in the layout viewport.
async fn visual_viewport(browser: &Browser) -> Value {
    browser
        .js(
            "const v = window.visualViewport;
             return { x: v.offsetLeft, y: v.offsetTop, width: v.width, height: v.height };",
            vec![],
        )
        .await
        .unwrap()
}

/// Whether box `inner` lies within box `outer` (to half a pixel).
fn within(inner: &Value, outer: &Value) -> bool {
    let edge = |b: &Value, key: &str| b[key].as_f64().unwrap();
    edge(inner, "x") >= edge(outer, "x") - 0.5
        && edge(inner, "y") >= edge(outer, "y") - 0.5
        && edge(inner, "x") + edge(inner, "width") <= edge(outer, "x") + edge(outer, "width") + 0.5
        && edge(inner, "y") + edge(inner, "height")
            <= edge(outer, "y") + edge(outer, "height") + 0.5
}

/// Every control drawn in the open panel that is smaller than 44 × 44 CSS
/// px, by class (or tag) and size; and how many were measured.
async fn small_controls(browser: &Browser) -> (Vec<Value>, u64) {
    let found = browser
        .js(
            "const root = document.querySelector('[data-feedback-bubble]').shadowRoot;
             const controls = [...root.querySelectorAll('.fb-panel button, .fb-panel input, .fb-panel textarea')]
               .filter((c) => c.getClientRects().length > 0);
             const small = controls.map((c) => {
               const r = c.getBoundingClientRect();
               return { control: c.className || c.tagName, width: r.width, height: r.height };
             }).filter((c) => c.width < 44 || c.height < 44);
             return { small, measured: controls.length };",
            vec![],
        )
        .await
        .unwrap();
    (
        found["small"].as_array().unwrap().clone(),
        found["measured"].as_u64().unwrap(),
    )
}

#[tokio::test]
async fn on_a_phone_the_panel_fills_the_screen_and_the_page_waits_where_it_was() {
    let stack = Stack::from_env().unwrap();
    for (query, dir) in [("", "ltr"), ("?locale=ar", "rtl")] {
        let browser = phone(&stack, query).await;
        // A page long enough to scroll, scrolled down.
        let scrolled = browser
            .js(
                "document.body.style.minHeight = '4000px';
                 window.scrollTo(0, 900);
                 return window.scrollY;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(scrolled, json!(900), "{dir}");
        browser.click(".fb-bubble").await.unwrap();
        let screen = json!({ "x": 0, "y": 0, "width": PHONE.0, "height": PHONE.1 });
        let panel = eventually(
            "the panel open over the whole screen",
            Duration::from_secs(10),
            || async {
                let panel = widget_box(&browser, ".fb-panel").await;
                Ok((!panel.is_null() && within(&screen, &panel)).then_some(panel))
            },
        )
        .await
        .unwrap();
        assert!(within(&panel, &screen), "{dir}: {panel}");
        let root_dir = browser
            .js(
                "return document.querySelector('[data-feedback-bubble]').shadowRoot
                   .querySelector('.fb-root').getAttribute('dir');",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(root_dir, json!(dir));
        // Nothing of the page shows: every point of the screen is the widget's,
        // and the panel is opaque.
        let covered = browser
            .js(
                "const host = document.querySelector('[data-feedback-bubble]');
                 const points = [];
                 for (const x of [2, 187, 372]) for (const y of [2, 333, 664]) points.push([x, y]);
                 const panel = host.shadowRoot.querySelector('.fb-panel');
                 return {
                   all: points.every(([x, y]) => document.elementFromPoint(x, y) === host),
                   background: getComputedStyle(panel).backgroundColor,
                 };",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(covered["all"], json!(true), "{dir}: {covered}");
        assert_eq!(covered["background"], json!("rgb(255, 255, 255)"));
        assert!(
            widget_box(&browser, ".fb-bubble").await.is_null(),
            "{dir}: the bubble hides while the panel fills the screen"
        );
        let violations = browser.axe_violations().await.unwrap();
        assert!(violations.is_empty(), "{dir}: {violations:#?}");
        // A swipe over the panel does not scroll the page behind it.
        browser
            .cdp(
                "Input.synthesizeScrollGesture",
                json!({ "x": 187, "y": 300, "yDistance": -600, "gestureSourceType": "touch" }),
            )
            .await
            .unwrap();
        let page = browser
            .js(
                "return { y: window.scrollY, overflow: getComputedStyle(document.documentElement).overflow };",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(page, json!({ "y": 900, "overflow": "hidden" }), "{dir}");
        // Closed: the page as it was, and focus back on the bubble.
        browser.click(".fb-close").await.unwrap();
        let page = eventually(
            "the page given back on close",
            Duration::from_secs(10),
            || async {
                let page = browser
                    .js(
                        "return { y: window.scrollY, overflow: getComputedStyle(document.documentElement).overflow,
                                  inline: document.documentElement.style.overflow };",
                        vec![],
                    )
                    .await?;
                Ok((page["overflow"] != json!("hidden")).then_some(page))
            },
        )
        .await
        .unwrap();
        assert_eq!(
            page,
            json!({ "y": 900, "overflow": "visible", "inline": "" }),
            "{dir}"
        );
        assert_eq!(browser.focus().await.unwrap(), "widget:fb-bubble", "{dir}");
        browser.close().await.unwrap();
    }
}

#[tokio::test]
async fn on_a_phone_every_control_is_big_enough_for_a_thumb() {
    let stack = Stack::from_env().unwrap();
    let scale5 = stack.named_site("scale5").unwrap();
    for (query, dir) in [
        (String::new(), "ltr"),
        ("?locale=ar".to_string(), "rtl"),
        (format!("?site={}", scale5.key), "ltr, 1–5"),
    ] {
        let browser = phone(&stack, &query).await;
        browser.click(".fb-bubble").await.unwrap();
        // The thumbs, the composer and the close button.
        browser
            .widget_element(&format!("{ANSWER} .fb-thumb"))
            .await
            .unwrap();
        let (small, measured) = small_controls(&browser).await;
        assert!(small.is_empty() && measured >= 5, "{dir}: {small:?}");
        // The reason form after a 👎, when the site has reasons.
        browser
            .click(&format!("{ANSWER} .fb-thumb[data-rating=\"down\"]"))
            .await
            .unwrap();
        let (small, _) = small_controls(&browser).await;
        assert!(small.is_empty(), "{dir}, the reason form: {small:?}");
        // The satisfaction prompt (thumbs, or 1–5), asked for by the shop's
        // chat engine (the demo page's button is under the panel).
        browser
            .js("window.FeedbackBubble.resolve({});", vec![])
            .await
            .unwrap();
        browser.widget_element(".fb-csat input").await.unwrap();
        let (small, measured) = small_controls(&browser).await;
        assert!(
            small.is_empty() && measured >= 7,
            "{dir}, the prompt: {small:?}"
        );
        let violations = browser.axe_violations().await.unwrap();
        assert!(violations.is_empty(), "{dir}: {violations:#?}");
        browser.close().await.unwrap();
    }
}

#[tokio::test]
async fn on_a_phone_the_composer_stays_above_the_keyboard_and_nothing_moves_under_a_finger() {
    let stack = Stack::from_env().unwrap();
    for query in ["", "?locale=ar"] {
        keyboard_then_a_tap(&stack, query).await;
    }
}

/// The keyboard opens (two ways) over the panel of the demo page with
/// `query`, then closes while a finger is on 👍.
async fn keyboard_then_a_tap(stack: &Stack, query: &str) {
    let browser = phone(stack, query).await;
    browser.click(".fb-bubble").await.unwrap();
    browser.widget_element(".fb-composer input").await.unwrap();
    assert_eq!(browser.focus().await.unwrap(), "widget:fb-input");

    // A keyboard that covers the lower part of the screen and leaves the
    // page's layout as it was (Chrome on Android): only the visual viewport
    // shrinks, here by zooming into the top of the page.
    browser
        .cdp(
            "Emulation.setPageScaleFactor",
            json!({ "pageScaleFactor": 2 }),
        )
        .await
        .unwrap();
    let (composer, seen) = eventually(
        "the composer within the shrunk visual viewport",
        Duration::from_secs(10),
        || async {
            let seen = visual_viewport(&browser).await;
            let composer = widget_box(&browser, ".fb-composer").await;
            let shrunk = seen["height"].as_f64() < Some(f64::from(PHONE.1) * 0.6);
            Ok((shrunk && within(&composer, &seen)).then_some((composer, seen)))
        },
    )
    .await
    .unwrap();
    assert!(within(&composer, &seen), "{composer} in {seen}");
    browser
        .cdp(
            "Emulation.setPageScaleFactor",
            json!({ "pageScaleFactor": 1 }),
        )
        .await
        .unwrap();

    // A keyboard that resizes the page (Safari, Firefox): 300 px less.
    phone_height(&browser, PHONE.1 - 300).await;
    let short = json!({ "x": 0, "y": 0, "width": PHONE.0, "height": PHONE.1 - 300 });
    eventually(
        "the panel and the composer within the shorter screen",
        Duration::from_secs(10),
        || async {
            let panel = widget_box(&browser, ".fb-panel").await;
            let composer = widget_box(&browser, ".fb-composer").await;
            Ok(
                (within(&panel, &short) && within(&short, &panel) && within(&composer, &short))
                    .then_some(()),
            )
        },
    )
    .await
    .unwrap();

    // A finger comes down on 👍 while the keyboard is open; the keyboard
    // closes before the finger lifts. The button stays under the finger,
    // the tap lands on it, and then the panel takes the whole screen again.
    let thumb = format!("{ANSWER} .fb-thumb[data-rating=\"up\"]");
    browser
        .js(
            "document.querySelector('[data-feedback-bubble]').shadowRoot
               .querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
            vec![json!(thumb)],
        )
        .await
        .unwrap();
    let before = widget_box(&browser, &thumb).await;
    assert!(within(&before, &short), "{before}");
    let (x, y) = (
        before["x"].as_f64().unwrap() + before["width"].as_f64().unwrap() / 2.0,
        before["y"].as_f64().unwrap() + before["height"].as_f64().unwrap() / 2.0,
    );
    let point = json!([{ "x": x, "y": y }]);
    browser
        .cdp(
            "Input.dispatchTouchEvent",
            json!({ "type": "touchStart", "touchPoints": point }),
        )
        .await
        .unwrap();
    phone_height(&browser, PHONE.1).await;
    eventually(
        "the visual viewport back to the whole screen",
        Duration::from_secs(10),
        || async {
            let seen = visual_viewport(&browser).await;
            Ok((seen["height"].as_f64() == Some(f64::from(PHONE.1))).then_some(()))
        },
    )
    .await
    .unwrap();
    // The viewport's resize event has been handled once the page has drawn
    // a frame after it.
    browser
        .js(
            "return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        widget_box(&browser, &thumb).await,
        before,
        "the button stays under the finger"
    );
    browser
        .cdp(
            "Input.dispatchTouchEvent",
            json!({ "type": "touchEnd", "touchPoints": [] }),
        )
        .await
        .unwrap();
    let full = json!({ "x": 0, "y": 0, "width": PHONE.0, "height": PHONE.1 });
    eventually(
        "the tap on 👍, then the panel over the whole screen",
        Duration::from_secs(10),
        || async {
            let pressed = browser
                .js(
                    "return document.querySelector('[data-feedback-bubble]').shadowRoot
                       .querySelector(arguments[0]).getAttribute('aria-pressed');",
                    vec![json!(thumb)],
                )
                .await?;
            let panel = widget_box(&browser, ".fb-panel").await;
            Ok((pressed == json!("true") && within(&full, &panel)).then_some(()))
        },
    )
    .await
    .unwrap();
    browser.close().await.unwrap();
}

#[tokio::test]
async fn on_a_phone_nothing_sits_under_the_notch_or_the_home_indicator() {
    let stack = Stack::from_env().unwrap();
    let browser = phone(&stack, "").await;
    // A phone with a notch (47 px) and a home indicator (34 px); the demo
    // page asks for the whole screen (`viewport-fit=cover`).
    let (notch, indicator) = (47.0, 34.0);
    browser
        .cdp(
            "Emulation.setSafeAreaInsetsOverride",
            json!({ "insets": { "top": notch, "bottom": indicator } }),
        )
        .await
        .unwrap();
    let bubble = widget_box(&browser, ".fb-bubble").await;
    assert!(
        bubble["y"].as_f64().unwrap() + bubble["height"].as_f64().unwrap()
            <= f64::from(PHONE.1) - indicator,
        "the bubble clears the home indicator: {bubble}"
    );
    browser.click(".fb-bubble").await.unwrap();
    let clear = json!({
        "x": 0, "y": notch, "width": PHONE.0, "height": f64::from(PHONE.1) - notch - indicator
    });
    for control in [".fb-title", ".fb-close", ".fb-composer input", ".fb-send"] {
        let found = eventually(control, Duration::from_secs(10), || async {
            let found = widget_box(&browser, control).await;
            Ok((!found.is_null()).then_some(found))
        })
        .await
        .unwrap();
        assert!(within(&found, &clear), "{control}: {found} in {clear}");
    }
    browser.close().await.unwrap();
}
