//! Every shipped locale in real Chromium: the open panel and both CSAT
//! prompts show that locale's words (no fallback to English), on a widget
//! root that carries the locale's `lang` and `dir` (Arabic right to left),
//! while the host page's `<html>` is left alone.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::path::Path;

use e2e::Stack;
use e2e::browser::Browser;
use serde_json::json;

const LOCALES: [&str; 7] = ["de", "fr", "es", "pt-BR", "nl", "ja", "ar"];

/// The value of a single-line message in a shipped FTL file.
fn message(locale: &str, id: &str) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../locales/{locale}/widget.ftl"));
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{locale} has no one-line {id}"))
        .to_string()
}

async fn attr(browser: &Browser, selector: &str, name: &str) -> String {
    browser
        .widget_element(selector)
        .await
        .unwrap()
        .attr(name)
        .await
        .unwrap()
        .unwrap_or_default()
}

#[tokio::test]
async fn every_locale_shows_its_own_words_in_the_panel_and_both_prompts() {
    let stack = Stack::from_env().unwrap();
    let scale5 = stack.named_site("scale5").unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    for locale in LOCALES {
        assert_ne!(
            message(locale, "csat-title"),
            message("en-US", "csat-title"),
            "{locale}"
        );

        // Thumbs prompt, on the demo site.
        browser.client.goto(&stack.page_url).await.unwrap();
        browser.js("localStorage.clear();", vec![]).await.unwrap();
        browser
            .client
            .goto(&format!("{}?locale={locale}", stack.page_url))
            .await
            .unwrap();
        assert_eq!(
            attr(&browser, ".fb-bubble", "aria-label").await,
            message(locale, "bubble-open")
        );
        assert_eq!(attr(&browser, ".fb-root", "lang").await, locale);
        let dir = if locale == "ar" { "rtl" } else { "ltr" };
        assert_eq!(attr(&browser, ".fb-root", "dir").await, dir, "{locale}");
        browser.click(".fb-bubble").await.unwrap();
        let title = browser
            .widget_element(".fb-title")
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(title, message(locale, "panel-title"));
        assert_eq!(
            attr(
                &browser,
                "[data-message-id=\"m3\"] .fb-thumb[data-rating=\"up\"]",
                "aria-label"
            )
            .await,
            message(locale, "message-feedback-up")
        );
        assert_eq!(
            attr(&browser, "#fb-input", "placeholder").await,
            message(locale, "composer-placeholder")
        );
        browser.click_page("demo-resolve").await.unwrap();
        let csat = browser
            .widget_element(".fb-csat-title")
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(csat, message(locale, "csat-title"));
        if locale == "ar" {
            browser.screenshot(&stack, "locale-ar-rtl").await.unwrap();
        }

        // The 1–5 prompt, on the scale5 site.
        browser.js("localStorage.clear();", vec![]).await.unwrap();
        browser
            .client
            .goto(&format!(
                "{}?site={}&locale={locale}",
                stack.page_url, scale5.key
            ))
            .await
            .unwrap();
        browser.widget_element(".fb-bubble").await.unwrap();
        browser.click_page("demo-resolve").await.unwrap();
        let question = browser
            .widget_element(".fb-csat-title")
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(question, message(locale, "csat-question"));
        assert_eq!(
            attr(&browser, ".fb-csat-scale input[value=\"5\"]", "aria-label").await,
            message(locale, "csat-score-5")
        );

        let host = browser
            .js(
                "return [document.documentElement.lang, document.documentElement.dir];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(
            host,
            json!(["en", ""]),
            "the host page's <html> keeps its lang and dir"
        );
    }
    browser.close().await.unwrap();
}
