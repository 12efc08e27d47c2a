//! A site's own wording: checked like the shipped copy, refused with the
//! checker's diagnostics when wrong (the old copy stays), and shown to the
//! shopper over the shipped copy, message by message.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use e2e::browser::Browser;
use e2e::{SiteAccess, Stack};
use serde_json::Value;

async fn put_copy(
    stack: &Stack,
    site: &SiteAccess,
    secret: &str,
    locale: &str,
    ftl: &str,
) -> (u16, Value) {
    let answer = stack
        .collector()
        .put_copy(&site.key, secret, locale, ftl)
        .await
        .unwrap();
    (answer.status, answer.body)
}

/// Ends the demo conversation on the open page and reads the satisfaction
/// prompt's title and the name of its 👍.
async fn prompt_title_and_up_label(browser: &Browser) -> (String, Option<String>) {
    browser.widget_element(".fb-bubble").await.unwrap();
    browser.click_page("demo-resolve").await.unwrap();
    let title = browser.widget_element(".fb-csat-title").await.unwrap();
    let up = browser
        .widget_element(".fb-csat-choice[data-score=\"5\"] input[type=radio]")
        .await
        .unwrap();
    (
        title.text().await.unwrap(),
        up.attr("aria-label").await.unwrap(),
    )
}

#[tokio::test]
async fn a_sites_copy_is_checked_stored_and_shown_over_the_shipped_one() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("copy").unwrap();

    let (status, body) = put_copy(
        &stack,
        &site,
        &site.secret,
        "en-US",
        "csat-title = How was it, { $shopper }?\n",
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["code"], "invalid_copy");
    let diagnostics: Vec<String> = serde_json::from_value(body["diagnostics"].clone()).unwrap();
    assert!(
        diagnostics
            .iter()
            .any(|d| d.starts_with("copy/en-US.ftl:1:1: error[unknown-variable]")),
        "{diagnostics:?}"
    );

    let good = "csat-title = How did we do today?\n";
    let (status, body) = put_copy(&stack, &site, &site.secret, "en-US", good).await;
    assert_eq!(status, 200, "{body}");

    let (status, body) = put_copy(
        &stack,
        &site,
        &site.secret,
        "en-US",
        "csat-title = { oops\nnot-a-message = x\n",
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let diagnostics: Vec<String> = serde_json::from_value(body["diagnostics"].clone()).unwrap();
    assert!(
        diagnostics.iter().any(|d| d.contains("error[syntax]")),
        "{diagnostics:?}"
    );
    assert!(
        diagnostics
            .iter()
            .any(|d| d.contains("error[obsolete-message]")),
        "{diagnostics:?}"
    );
    assert_eq!(
        stack
            .collector()
            .site_copy(&site.key, "en-US")
            .await
            .unwrap(),
        good,
        "a refused copy changes nothing"
    );

    let (status, _) = put_copy(&stack, &site, &stack.site.secret, "en-US", good).await;
    assert_eq!(
        status, 401,
        "another site's secret cannot change this site's copy"
    );

    let browser = Browser::on_site_page(&stack, &site.key).await.unwrap();
    let (title, up) = prompt_title_and_up_label(&browser).await;
    assert_eq!(title, "How did we do today?");
    assert_eq!(up.as_deref(), Some("Good"), "the rest stays shipped");
    browser.close().await.unwrap();
}

#[tokio::test]
async fn the_bubble_works_whatever_wording_is_stored() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("stored_copy").unwrap();
    // What a collector without the nesting check stored: from then on every
    // shopper's widget trapped and the panel stayed empty.
    let deep = format!(
        "csat-title = {}\"Deep\"{}\ncsat-thumb-up = Yes!\n",
        "{ ".repeat(2_000),
        " }".repeat(2_000)
    );
    stack
        .store_copy_unchecked(&site.key, "en-US", &deep)
        .unwrap();

    let browser = Browser::start(&stack).await.unwrap();
    browser
        .open_demo_fresh(&stack, &format!("?site={}&locale=en-US", site.key))
        .await
        .unwrap();
    let (title, up) = prompt_title_and_up_label(&browser).await;
    assert_eq!(
        title, "How was this conversation?",
        "the shipped title stands in for the broken one"
    );
    assert_eq!(
        up.as_deref(),
        Some("Yes!"),
        "the site's other wording stays"
    );
    browser.close().await.unwrap();
}
