//! Where an answer came from, end to end in headless Chromium against the
//! Worker on workerd: the host page gives a message's `meta`, an agent's
//! message and the conversation's context through the JS API; the widget
//! refuses what breaks the rules; the thumbs and the satisfaction answer
//! carry it into D1, and the dashboard's conversation view shows it.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::eventually;
use fantoccini::Locator;
use serde_json::{Value, json};

/// Picks `dimension` in the Compare section's picker, as a change of the
/// select.
async fn compare_by(browser: &Browser, dimension: &str) {
    browser
        .js(
            "const select = document.getElementById('compare-dimension');
             select.value = arguments[0];
             select.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!(dimension)],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn provenance_from_the_js_api_reaches_d1_and_the_conversation_view() {
    let (stack, browser) = Browser::shopper().await.unwrap();
    browser
        .widget_element("[data-message-id=\"m3\"]")
        .await
        .unwrap();
    let conversation = browser.demo_conversation_id().await.unwrap();

    // What breaks the rules is refused, naming the field or key, and
    // changes nothing.
    let logged = browser
        .console_errors(
            "const api = window.FeedbackBubble;
             const nine = {}; for (let n = 0; n < 9; n++) nine['k' + n] = n;
             api.addMessage({id: 'bad1', role: 'assistant', text: 'x', meta: nine});
             api.addMessage({id: 'bad2', role: 'assistant', text: 'x', meta: {'Model.Name': 'x'}});
             api.addMessage({id: 'bad3', role: 'assistant', text: 'x', meta: {score: NaN}});
             api.addMessage({id: 'bad4', role: 'assistant', text: 'x', meta: {trace_id: 'x'.repeat(201)}});
             api.addMessage({id: 'bad5', role: 'system', text: 'x'});
             api.setContext({variant: {arm: 'b'}});
             api.setContext(['b']);",
        )
        .await
        .unwrap();
    let expected = [
        "at most 8 keys",
        "\"Model.Name\"",
        "meta.score",
        "meta.trace_id",
        "`role`",
        "context.variant",
        "flat object",
    ];
    assert_eq!(logged.len(), expected.len(), "{logged:?}");
    for (line, wanted) in logged.iter().zip(expected) {
        assert!(line.contains(wanted), "{wanted} in {line}");
        assert!(
            line.contains("TypeError") || line.contains("FeedbackBubble"),
            "{line}"
        );
    }
    let added = browser
        .js(
            "return document.querySelector('[data-feedback-bubble]').shadowRoot
                 .querySelectorAll('[data-message-id^=\"bad\"]').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(added, json!(0));

    // An assistant's answer with its meta, then a person takes over.
    browser
        .js(
            "const api = window.FeedbackBubble;
             api.setContext({variant: 'b', channel: 'web'});
             api.addMessage({id: 'p1', role: 'assistant', text: 'Try the Trail Runner 3.',
                             meta: {model: 'gpt-4o', prompt_version: 12, temperature: 0.2}});
             api.addMessage({id: 'h1', role: 'agent', text: 'Hi, Sam from the shop here.',
                             meta: {agent: 'sam'}});
             api.open();",
            vec![],
        )
        .await
        .unwrap();
    for (message, rating) in [("p1", "down"), ("h1", "up")] {
        browser
            .widget_element(&format!(
                "[data-message-id=\"{message}\"] .fb-thumb[data-rating=\"{rating}\"]"
            ))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    browser.click_page("demo-resolve").await.unwrap();
    browser
        .widget_element(".fb-csat-thumbs input[type=radio][value=\"5\"]")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let page = browser
        .js("return location.pathname;", vec![])
        .await
        .unwrap();

    let collector = stack.collector();
    let stored = eventually(
        "the thumbs and the answer in D1",
        Duration::from_secs(20),
        || {
            let collector = &collector;
            let conversation = &conversation;
            let stack = &stack;
            async move {
                let read = collector
                    .conversation(&stack.site.key, Some(&stack.site.secret), conversation)
                    .await?;
                let body = read.body;
                let rated = body["messages"]
                    .as_array()
                    .map(|messages| {
                        messages
                            .iter()
                            .filter(|message| {
                                ["p1", "h1"].contains(&message["message_id"].as_str().unwrap_or(""))
                            })
                            .count()
                    })
                    .unwrap_or(0);
                Ok(
                    (read.status == 200 && rated == 2 && body["csat"]["CSAT_SCORE"] == 5)
                        .then_some(body),
                )
            }
        },
    )
    .await
    .unwrap();
    let message = |id: &str| -> Value {
        stored["messages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|message| message["message_id"] == id)
            .cloned()
            .unwrap()
    };
    let answer = message("p1");
    assert_eq!(answer["rating"], "down");
    assert_eq!(answer["role"], "assistant");
    assert_eq!(
        answer["meta"],
        json!({"model": "gpt-4o", "prompt_version": 12, "temperature": 0.2})
    );
    assert_eq!(answer["page"], page);
    let agent = message("h1");
    assert_eq!(
        (agent["role"].clone(), agent["rating"].clone()),
        (json!("agent"), json!("up"))
    );
    assert_eq!(agent["meta"], json!({"agent": "sam"}));
    assert_eq!(stored["handed_over"], true);
    assert_eq!(stored["context"], json!({"channel": "web", "variant": "b"}));
    assert_eq!(stored["page"], page);

    // The export, narrowed to the answer's model, carries the conversation
    // with its context and hand-over.
    let (status, export) = collector
        .owner_get(&stack.site, "export?format=ndjson&meta.model=gpt-4o")
        .await
        .unwrap();
    assert_eq!(status, 200, "{export}");
    let record: serde_json::Value = export
        .lines()
        .find(|line| line.contains(conversation.as_str()))
        .map(|line| serde_json::from_str(line).unwrap())
        .unwrap();
    assert_eq!(record["context"], json!({"channel": "web", "variant": "b"}));
    assert_eq!(record["handed_over"], true);
    assert_eq!(record["page"], page);

    // The owner sees it in the conversation view.
    let dashboard = format!("{}/dashboard/", stack.worker_url);
    browser
        .sign_in_to_dashboard(&dashboard, &stack.site)
        .await
        .unwrap();
    browser
        .client
        .goto(&format!("{dashboard}#/conversations/{conversation}"))
        .await
        .unwrap();
    let shown = |selector: &'static str| {
        let browser = &browser;
        async move { browser.page_text(selector).await.unwrap() }
    };
    assert_eq!(
        shown("[data-message=\"p1\"] dd[data-meta=\"model\"]").await,
        "gpt-4o"
    );
    assert_eq!(
        shown("[data-message=\"p1\"] dd[data-meta=\"prompt_version\"]").await,
        "12"
    );
    assert_eq!(
        shown("[data-message=\"h1\"] dd[data-meta=\"agent\"]").await,
        "sam"
    );
    assert_eq!(
        shown("[data-message=\"h1\"] [data-role=\"agent\"]").await,
        "Answered by a person"
    );
    assert!(
        browser
            .client
            .find(Locator::Css("[data-message=\"p1\"] [data-role=\"agent\"]"))
            .await
            .is_err(),
        "the assistant's answer is not marked a person's"
    );
    assert_eq!(shown("dd[data-figure=\"handed_over\"]").await, "Yes");
    assert_eq!(shown(".user-data dd[data-meta=\"variant\"]").await, "b");
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // Compare: by model, the answer's model is a row; by role, the
    // assistant and the person each are; in Arabic it reads right to left.
    for (locale, dir) in [("en-US", "ltr"), ("ar", "rtl")] {
        browser
            .client
            .goto(&format!("{dashboard}?locale={locale}#/compare"))
            .await
            .unwrap();
        browser
            .page_element("table.compare tr[data-value=\"assistant\"]")
            .await
            .unwrap();
        browser
            .page_element("table.compare tr[data-value=\"agent\"]")
            .await
            .unwrap();
        compare_by(&browser, "key:model").await;
        let row = browser
            .page_element("table.compare tr[data-value=\"gpt-4o\"]")
            .await
            .unwrap();
        let ratings = row
            .find(Locator::Css("td[data-figure=\"ratings\"]"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!ratings.is_empty(), "{ratings}");
        // Fewer than 30 ratings: marked.
        row.find(Locator::Css("[data-few]")).await.unwrap();
        // Chosen for the chart, its line and its table appear.
        row.find(Locator::Css("input[type=checkbox]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        browser
            .page_element(".compare-plot polyline.series-0")
            .await
            .unwrap();
        let html_dir = browser
            .js("return document.documentElement.dir;", vec![])
            .await
            .unwrap();
        assert_eq!(html_dir, json!(dir));
        let violations = browser.axe_violations().await.unwrap();
        assert!(violations.is_empty(), "{locale}: {violations:#?}");
    }
    browser
        .screenshot(&stack, "dashboard-compare")
        .await
        .unwrap();

    // "Open in inbox" on the model's row: the inbox narrowed to it, the
    // address carrying the filter through a reload, and "Show all" undoing it.
    browser
        .client
        .goto(&format!("{dashboard}?locale=en-US#/compare"))
        .await
        .unwrap();
    browser
        .page_element("table.compare tr[data-value=\"assistant\"]")
        .await
        .unwrap();
    compare_by(&browser, "key:model").await;
    browser
        .page_element("table.compare tr[data-value=\"gpt-4o\"] a.open-inbox")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let ours = format!("table.inbox tr[data-conversation=\"{conversation}\"]");
    for reload in [false, true] {
        if reload {
            browser.client.refresh().await.unwrap();
        }
        browser.page_element(&ours).await.unwrap();
        assert_eq!(
            shown("[data-narrowed] .narrow").await,
            "model: gpt-4o",
            "reloaded: {reload}"
        );
        let hash = browser.js("return location.hash;", vec![]).await.unwrap();
        assert_eq!(hash, json!("#/conversations?meta.model=gpt-4o"));
    }
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    browser
        .page_element(".show-all")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    eventually("the inbox shown whole", Duration::from_secs(10), || {
        let browser = &browser;
        async move {
            let hash = browser.js("return location.hash;", vec![]).await?;
            let narrowed = browser
                .js(
                    "return document.querySelector('[data-narrowed]') !== null;",
                    vec![],
                )
                .await?;
            Ok((hash == json!("#/conversations") && narrowed == json!(false)).then_some(()))
        }
    })
    .await
    .unwrap();

    // The Overview's "AI and people" card: this handed-over conversation
    // answered, so the person's side has an average.
    browser
        .client
        .goto(&format!("{dashboard}?locale=en-US#/overview"))
        .await
        .unwrap();
    browser
        .page_element(".card.hand-over dd[data-figure=\"csat-person\"]")
        .await
        .unwrap();
    assert_ne!(shown("dd[data-figure=\"csat-person\"]").await, "–");
    assert!(
        shown("dd[data-figure=\"handed-over\"]")
            .await
            .contains(" of ")
    );
    browser.close().await.unwrap();
}
