//! axe-core (npm, run inside the real Chromium) finds no accessibility
//! violations of any impact on the demo page with the open panel, the
//! reason form and both CSAT prompts (the thumbs one to its reason step): not in the widget, and none the
//! widget causes on the host page (a second `banner` landmark, say).
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use e2e::browser::Browser;
use serde_json::{Value, json};

/// Every axe violation on the page, the widget's and the host page's.
async fn page_violations(browser: &Browser) -> Vec<Value> {
    browser
        .axe_violations()
        .await
        .unwrap()
        .iter()
        .map(|violation| {
            json!({"id": violation["id"], "help": violation["help"], "targets": violation["targets"]})
        })
        .collect()
}

#[tokio::test]
async fn the_open_panel_and_the_prompts_have_no_axe_violations() {
    let (stack, browser) = Browser::shopper().await.unwrap();
    browser.click(".fb-bubble").await.unwrap();
    browser
        .widget_element("[data-message-id=\"m3\"]")
        .await
        .unwrap();
    assert_eq!(
        page_violations(&browser).await,
        Vec::<Value>::new(),
        "open panel"
    );

    browser
        .click("[data-message-id=\"m3\"] .fb-thumb[data-rating=\"down\"]")
        .await
        .unwrap();
    browser.widget_element(".fb-reason").await.unwrap();
    assert_eq!(
        page_violations(&browser).await,
        Vec::<Value>::new(),
        "reason form"
    );

    browser.click_page("demo-resolve").await.unwrap();
    browser.widget_element(".fb-csat-choice").await.unwrap();
    assert_eq!(
        page_violations(&browser).await,
        Vec::<Value>::new(),
        "thumbs prompt"
    );

    // Each step of the prompt is named by its own heading or label.
    let prompt_name = || async {
        browser
            .js(
                "const root = document.querySelector('[data-feedback-bubble]').shadowRoot;
                 const named = root.getElementById(root.querySelector('.fb-csat').getAttribute('aria-labelledby'));
                 return named ? named.textContent.trim() : null;",
                vec![],
            )
            .await
            .unwrap()
    };
    assert_eq!(prompt_name().await, json!("How was this conversation?"));
    browser
        .click(".fb-csat-choice[data-score=\"1\"]")
        .await
        .unwrap();
    browser.widget_element("#fb-csat-comment").await.unwrap();
    assert_eq!(
        prompt_name().await,
        json!("What could we have done better?")
    );
    assert_eq!(
        page_violations(&browser).await,
        Vec::<Value>::new(),
        "thumbs prompt, the reason step"
    );
    browser.close().await.unwrap();

    let site = stack.named_site("scale5").unwrap();
    let browser = Browser::on_site_page(&stack, &site.key).await.unwrap();
    browser.widget_element(".fb-bubble").await.unwrap();
    browser.click_page("demo-resolve").await.unwrap();
    browser.widget_element(".fb-csat-scale").await.unwrap();
    assert_eq!(
        page_violations(&browser).await,
        Vec::<Value>::new(),
        "1-5 prompt"
    );

    // The check can fail: an image without alt text inside the widget is reported.
    browser
        .js(
            "const img = document.createElement('img');
             img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
             document.querySelector('[data-feedback-bubble]').shadowRoot.querySelector('.fb-log').appendChild(img);",
            vec![],
        )
        .await
        .unwrap();
    let planted = page_violations(&browser).await;
    assert!(
        planted.iter().any(|v| v["id"] == "image-alt"),
        "{planted:?}"
    );
    browser.close().await.unwrap();
}
