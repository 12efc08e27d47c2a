//! How the widget arrives on a shop's page: the loader paints the bubble at
//! once (named in the shopper's language), and the app loads on intent or
//! when the page is idle, never on idle for a shopper saving data. Also:
//! the widget works on a page with a strict Content Security Policy.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::{Stack, eventually};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use serde_json::{Value, json};

/// Makes the page see `navigator.connection.saveData = true`.
const SAVE_DATA: &str = "Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });";

/// Whether the loader has asked for the app (it marks that the moment it
/// does, before the download).
async fn app_requested(browser: &Browser) -> bool {
    browser
        .js(
            "return performance.getEntriesByName('feedback-bubble:app-requested').length > 0;",
            vec![],
        )
        .await
        .unwrap()
        == json!(true)
}

/// Waits until the page has loaded and the browser has been idle twice
/// since: the loader's own idle callback, asked for at `load`, has run.
async fn page_idle(browser: &Browser) {
    browser
        .js(
            "return new Promise(done => {
               const idle = () => requestIdleCallback(() => requestIdleCallback(() => done(true)));
               if (document.readyState === 'complete') idle();
               else addEventListener('load', idle, { once: true });
             });",
            vec![],
        )
        .await
        .unwrap();
}

async fn in_widget(browser: &Browser, script: &str) -> Value {
    browser
        .js(
            &format!(
                "const root = document.querySelector('[data-feedback-bubble]').shadowRoot; {script}"
            ),
            vec![],
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn a_shopper_saving_data_gets_the_app_only_when_reaching_for_the_bubble() {
    let stack = Stack::from_env().unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    browser.before_each_page(SAVE_DATA).await.unwrap();
    browser
        .client
        .goto(&format!("{}?locale=de", stack.page_url))
        .await
        .unwrap();
    // The loader's bubble, named from locales/de/widget.ftl.
    let stub = browser.widget_element(".fb-stub").await.unwrap();
    assert_eq!(
        stub.attr("aria-label").await.unwrap().as_deref(),
        Some("Chat öffnen")
    );
    let painted = browser
        .js(
            "return performance.getEntriesByName('feedback-bubble:bubble').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(painted, json!(1), "the bubble's paint is measured");
    // The page is idle, yet the app is not asked for (the next test is the
    // control: the same wait sees it asked for without saveData).
    page_idle(&browser).await;
    assert!(
        !app_requested(&browser).await,
        "no app on idle with saveData"
    );

    // Reaching for it (hover) loads the app, which takes the stub's place.
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: stub,
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    browser.client.perform_actions(hover).await.unwrap();
    let bubble = browser.widget_element(".fb-bubble").await.unwrap();
    assert!(app_requested(&browser).await);
    assert_eq!(
        bubble.attr("aria-label").await.unwrap().as_deref(),
        Some("Chat öffnen")
    );
    assert_eq!(
        in_widget(&browser, "return root.querySelectorAll('.fb-stub').length;").await,
        json!(0)
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn clicking_the_painted_bubble_opens_the_panel_once_the_app_is_there() {
    let stack = Stack::from_env().unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    browser.before_each_page(SAVE_DATA).await.unwrap();
    browser.client.goto(&stack.page_url).await.unwrap();
    // A click goes straight through: no hover first (as with a keyboard or touch).
    in_widget(&browser, "root.querySelector('.fb-stub').click();").await;
    let panel = browser.widget_element(".fb-panel").await.unwrap();
    eventually("the panel to open", Duration::from_secs(15), || async {
        Ok(panel.is_displayed().await?.then_some(()))
    })
    .await
    .unwrap();
    let focused = in_widget(
        &browser,
        "return root.activeElement && root.activeElement.id;",
    )
    .await;
    assert_eq!(focused, json!("fb-input"), "focus lands in the message box");
    let measured = eventually("the panel measure", Duration::from_secs(10), || async {
        let entries = browser
            .js("return performance.getEntriesByName('feedback-bubble:panel').map(e => e.duration);", vec![])
            .await?;
        Ok(entries.as_array().filter(|list| !list.is_empty()).cloned())
    })
    .await
    .unwrap();
    assert!(measured[0].as_f64().unwrap() > 0.0);
    // The app came by its content-named files, compressed on the wire.
    let files = browser
        .js(
            "return performance.getEntriesByType('resource')
               .filter(e => /\\/widget\\/app(_bg)?\\.[0-9a-f]{16}\\.(js|wasm)$/.test(e.name))
               .map(e => [e.name.split('/').pop(), e.encodedBodySize, e.decodedBodySize]);",
            vec![],
        )
        .await
        .unwrap();
    let files = files.as_array().unwrap();
    assert_eq!(files.len(), 2, "the app's two files: {files:?}");
    for file in files {
        let (encoded, decoded) = (file[1].as_f64().unwrap(), file[2].as_f64().unwrap());
        assert!(encoded > 0.0 && encoded < decoded, "{file:?} is compressed");
    }
    browser.close().await.unwrap();
}

#[tokio::test]
async fn without_save_data_the_app_loads_by_itself_once_the_page_is_idle() {
    let (_stack, browser) = Browser::shopper().await.unwrap();
    // Nobody touches the page: once it is idle, the app has been asked for.
    page_idle(&browser).await;
    assert!(app_requested(&browser).await, "asked for on idle");
    browser.widget_element(".fb-bubble").await.unwrap();
    browser.close().await.unwrap();
}

#[tokio::test]
async fn the_widget_works_under_a_strict_content_security_policy() {
    let stack = Stack::from_env().unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    browser
        .before_each_page("window.__violations = [];
                document.addEventListener('securitypolicyviolation', e =>
                  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '')));")
        .await
        .unwrap();
    browser
        .client
        .goto(&format!("{}?csp=strict", stack.page_url))
        .await
        .unwrap();
    let policy = browser
        .js(
            "return fetch(location.href).then(r => r.headers.get('content-security-policy'));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        policy.as_str().unwrap().contains("style-src 'self';"),
        "{policy}"
    );
    browser.click(".fb-bubble").await.unwrap();
    // Styled (the stylesheet applied) and working.
    let looks = in_widget(
        &browser,
        "const b = getComputedStyle(root.querySelector('.fb-bubble'));
         const p = getComputedStyle(root.querySelector('.fb-panel'));
         return [b.width, b.borderRadius, p.display, p.flexDirection];",
    )
    .await;
    assert_eq!(looks, json!(["56px", "50%", "flex", "column"]));
    browser
        .click("[data-message-id=\"m3\"] .fb-thumb[data-rating=\"up\"]")
        .await
        .unwrap();
    let pressed = browser
        .widget_element("[data-message-id=\"m3\"] .fb-thumb[data-rating=\"up\"]")
        .await
        .unwrap()
        .attr("aria-pressed")
        .await
        .unwrap();
    assert_eq!(pressed.as_deref(), Some("true"));
    let violations = browser
        .js("return window.__violations;", vec![])
        .await
        .unwrap();
    let ours: Vec<&Value> = violations
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| {
            v.as_str()
                // The demo page's own inline <style> is blocked too; that is the host's business.
                .is_some_and(|v| v.contains("/widget/"))
        })
        .collect();
    assert!(ours.is_empty(), "{violations}");
    browser.close().await.unwrap();
}
