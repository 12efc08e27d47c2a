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
        browser
            .open_demo_fresh(&stack, &format!("?locale={locale}"))
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
        let title = browser.widget_text(".fb-title").await.unwrap();
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
        let csat = browser.widget_text(".fb-csat-title").await.unwrap();
        assert_eq!(csat, message(locale, "csat-title"));
        if locale == "ar" {
            browser.screenshot(&stack, "locale-ar-rtl").await.unwrap();
        }

        // The 1–5 prompt, on the scale5 site.
        browser
            .open_demo_fresh(&stack, &format!("?site={}&locale={locale}", scale5.key))
            .await
            .unwrap();
        browser.widget_element(".fb-bubble").await.unwrap();
        browser.click_page("demo-resolve").await.unwrap();
        let question = browser.widget_text(".fb-csat-title").await.unwrap();
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

/// The left edges of the message box and the send button.
async fn composer_lefts(browser: &Browser) -> (f64, f64) {
    let input = browser.widget_element("#fb-input").await.unwrap();
    let send = browser.widget_element(".fb-send").await.unwrap();
    let (input_x, ..) = input.rectangle().await.unwrap();
    let (send_x, ..) = send.rectangle().await.unwrap();
    (input_x, send_x)
}

#[tokio::test]
async fn pseudo_locales_are_generated_and_right_to_left_mirrors_the_controls() {
    let stack = Stack::from_env().unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    let english = message("en-US", "bubble-open");

    browser
        .client
        .goto(&format!("{}?locale=en-XA", stack.page_url))
        .await
        .unwrap();
    let accented = attr(&browser, ".fb-bubble", "aria-label").await;
    assert_ne!(accented, english);
    assert!(
        accented.chars().count() > english.chars().count(),
        "{accented:?} is elongated"
    );
    assert!(!accented.is_ascii(), "{accented:?} is accented");
    assert_eq!(attr(&browser, ".fb-root", "dir").await, "ltr");
    browser.click(".fb-bubble").await.unwrap();
    let (input_x, send_x) = composer_lefts(&browser).await;
    assert!(send_x > input_x, "left to right: send after the box");

    for (locale, title) in [("ar-XB", None), ("ar", Some(message("ar", "panel-title")))] {
        browser
            .client
            .goto(&format!("{}?locale={locale}", stack.page_url))
            .await
            .unwrap();
        assert_eq!(attr(&browser, ".fb-root", "dir").await, "rtl", "{locale}");
        assert_eq!(attr(&browser, ".fb-root", "lang").await, locale);
        let label = attr(&browser, ".fb-bubble", "aria-label").await;
        if title.is_none() {
            assert!(
                label.starts_with('\u{202E}') && label.ends_with('\u{202C}'),
                "{label:?} is forced right to left"
            );
        }
        browser.click(".fb-bubble").await.unwrap();
        let shown = browser.widget_text(".fb-title").await.unwrap();
        if let Some(title) = title {
            assert_eq!(shown, title);
        }
        let (input_x, send_x) = composer_lefts(&browser).await;
        assert!(
            send_x < input_x,
            "{locale}: right to left puts send before the box"
        );
        browser
            .screenshot(&stack, &format!("locale-{locale}-panel"))
            .await
            .unwrap();
    }
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_locale_edited_on_disk_shows_on_the_next_page_load() {
    let stack = Stack::from_env().unwrap();
    // A new language is a new folder: Swedish, made from en-US here.
    let folder = stack.locales_dir.join("sv");
    std::fs::create_dir_all(&folder).unwrap();
    let reference = std::fs::read_to_string(stack.locales_dir.join("en-US/widget.ftl")).unwrap();
    let first = message("en-US", "panel-title");
    assert!(reference.contains(&format!("\npanel-title = {first}\n")));
    let write = |title: &str| {
        let text = reference.replace(
            &format!("\npanel-title = {first}\n"),
            &format!("\npanel-title = {title}\n"),
        );
        std::fs::write(folder.join("widget.ftl"), text).unwrap();
    };

    let browser = Browser::start(&stack).await.unwrap();
    for title in ["Skriv till oss", "Fråga oss vad du vill"] {
        write(title);
        e2e::eventually(
            "the collector to serve the edited copy",
            std::time::Duration::from_secs(60),
            || async {
                let url = format!("{}/v1/locales/sv", stack.worker_url);
                let Ok(response) = e2e::http_client().get(url).send().await else {
                    return Ok(None);
                };
                let text = response.text().await.unwrap_or_default();
                Ok(text.contains(title).then_some(()))
            },
        )
        .await
        .unwrap();
        browser
            .client
            .goto(&format!("{}?locale=sv", stack.page_url))
            .await
            .unwrap();
        browser.click(".fb-bubble").await.unwrap();
        let shown = browser.widget_text(".fb-title").await.unwrap();
        assert_eq!(shown, title);
        assert_eq!(attr(&browser, ".fb-root", "lang").await, "sv");
    }
    browser.close().await.unwrap();
    std::fs::remove_dir_all(folder).unwrap();
}

/// Fills the satisfaction prompt's comment box with `count` characters.
async fn fill_comment(browser: &Browser, count: usize) {
    browser
        .js(
            "const box = document.querySelector('[data-feedback-bubble]').shadowRoot
                 .querySelector('#fb-csat-comment');
             box.value = 'x'.repeat(arguments[0]);
             box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));",
            vec![json!(count)],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn the_shops_name_and_plural_counts_come_out_right_in_each_language() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("shop_name").unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    // Fluent isolates each placeable (U+2068 … U+2069) for right-to-left text.
    let placed = |value: &str| format!("\u{2068}{value}\u{2069}");
    let cases = [
        (
            "en-US",
            format!("Chat with {}", placed("Café Zoë & Co.")),
            [
                (999, format!("{} character left", placed("1"))),
                (950, format!("{} characters left", placed("50"))),
            ],
        ),
        (
            "ar",
            format!("تحدث مع {}", placed("Café Zoë & Co.")),
            [
                (998, "تبقّى حرفان".to_string()),
                (995, format!("تبقّت {} أحرف", placed("5"))),
            ],
        ),
    ];
    for (locale, title, counts) in cases {
        browser
            .open_demo_fresh(&stack, &format!("?site={}&locale={locale}", site.key))
            .await
            .unwrap();
        browser.click(".fb-bubble").await.unwrap();
        e2e::eventually(
            "the title to name the shop",
            std::time::Duration::from_secs(10),
            || async {
                Ok((browser.widget_text(".fb-title").await.unwrap() == title).then_some(()))
            },
        )
        .await
        .unwrap();

        browser.click_page("demo-resolve").await.unwrap();
        browser
            .click(".fb-csat-choice[data-score=\"1\"]")
            .await
            .unwrap();
        browser.widget_element("#fb-csat-comment").await.unwrap();
        fill_comment(&browser, 10).await;
        let shown = browser
            .js(
                "return !!document.querySelector('[data-feedback-bubble]').shadowRoot
                     .querySelector('.fb-chars-left');",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(shown, json!(false), "no counter while the box has room");
        for (count, expected) in counts {
            fill_comment(&browser, count).await;
            assert_eq!(
                browser.widget_text(".fb-chars-left").await.unwrap(),
                expected,
                "{locale} {count}"
            );
        }
    }
    browser.close().await.unwrap();
}
