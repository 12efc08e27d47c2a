//! Review (#31) in the dashboard, in headless Chromium: the owner filters
//! the inbox to open items, opens one, picks a label with its key, notes
//! what was done and marks it reviewed with `R`; a key typed in the note
//! stays text. `J` goes on to the next open conversation; the inbox and the
//! Overview follow. axe-core finds nothing.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::{Stack, eventually, now_ms, thumb_event, unique};
use fantoccini::Locator;
use serde_json::json;

#[tokio::test]
async fn an_owner_triages_thumbs_down_with_the_keyboard() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("review_dashboard").unwrap();
    let collector = stack.collector();
    let at = now_ms() - 30 * 60 * 1000;
    let (older, newer) = (unique("c"), unique("c"));
    collector
        .send_all(
            &site,
            vec![
                thumb_event(&unique("ev"), &older, "m1", "down", at),
                thumb_event(&unique("ev"), &newer, "m1", "down", at + 60_000),
            ],
        )
        .await
        .unwrap();

    let browser = Browser::start(&stack).await.unwrap();
    let dashboard = format!("{}/dashboard/?locale=en-US", stack.worker_url);
    browser
        .sign_in_to_dashboard(&dashboard, &site)
        .await
        .unwrap();
    browser
        .client
        .goto(&format!("{dashboard}#/conversations?review=open"))
        .await
        .unwrap();
    let row = format!("table.inbox tr[data-conversation=\"{newer}\"] [data-review=\"open\"]");
    browser.page_element(&row).await.unwrap();
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // The newest open conversation: its item, the keys shown in the page.
    browser
        .client
        .goto(&format!("{dashboard}#/conversations/{newer}"))
        .await
        .unwrap();
    let item = "article.review-item[data-state=\"open\"]";
    browser.page_element(item).await.unwrap();
    browser.page_element("#review-shortcuts").await.unwrap();
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // A key typed in the note is text, not a shortcut.
    let note = browser
        .page_element("article.review-item textarea")
        .await
        .unwrap();
    note.send_keys("r1 Added the Austria rates").await.unwrap();
    let state = browser
        .js(
            "return document.querySelector('article.review-item').dataset.state;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(state, json!("open"), "R typed in the note marks nothing");
    let checked = browser
        .js(
            "return [...document.querySelectorAll('article.review-item input[type=checkbox]')]
                 .filter(box => box.checked).length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(checked, json!(0), "1 typed in the note picks no label");

    // Out of the field: 1 picks the first label, R marks it reviewed.
    browser
        .js("document.activeElement.blur();", vec![])
        .await
        .unwrap();
    let body = browser.client.find(Locator::Css("body")).await.unwrap();
    body.send_keys("1").await.unwrap();
    body.send_keys("r").await.unwrap();
    browser
        .page_element("article.review-item[data-state=\"reviewed\"]")
        .await
        .unwrap();
    // (Fluent isolates the name with bidi marks.)
    let by = browser
        .page_text("article.review-item .reviewed-by")
        .await
        .unwrap();
    assert!(
        by.starts_with("Reviewed by") && by.contains("owner"),
        "{by}"
    );
    let stored = eventually("the review stored", Duration::from_secs(10), || {
        let collector = &collector;
        let site = &site;
        async move {
            let (status, body) = collector.owner_get(site, "review?state=reviewed").await?;
            let page: serde_json::Value = serde_json::from_str(&body)?;
            Ok((status == 200
                && page["items"]
                    .as_array()
                    .is_some_and(|items| !items.is_empty()))
            .then_some(page))
        }
    })
    .await
    .unwrap();
    let reviewed = &stored["items"][0];
    assert_eq!(reviewed["conversation_id"], json!(newer));
    assert_eq!(reviewed["labels"], json!(["knowledge missing"]));
    assert_eq!(reviewed["note"], "r1 Added the Austria rates");
    assert_eq!(reviewed["reviewed_by"], "owner");

    // J: on to the next conversation with an open item.
    let body = browser.client.find(Locator::Css("body")).await.unwrap();
    body.send_keys("j").await.unwrap();
    eventually(
        "the next open conversation",
        Duration::from_secs(10),
        || {
            let browser = &browser;
            let older = older.clone();
            async move {
                let hash = browser.js("return location.hash;", vec![]).await?;
                Ok((hash == json!(format!("#/conversations/{older}"))).then_some(()))
            }
        },
    )
    .await
    .unwrap();
    browser.page_element(item).await.unwrap();

    // The inbox's label filter lists the site's labels; with the reviewed
    // ones shown (the tab still holds "open" from the start), the label
    // picked shows the reviewed conversation alone.
    browser
        .client
        .goto(&format!("{dashboard}#/conversations?review=reviewed"))
        .await
        .unwrap();
    browser
        .page_element("#label-filter option[value=\"knowledge missing\"]")
        .await
        .unwrap();
    browser
        .js(
            "const select = document.getElementById('label-filter');
             select.value = 'knowledge missing';
             select.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await
        .unwrap();
    eventually(
        "the inbox narrowed to the label",
        Duration::from_secs(10),
        || {
            let browser = &browser;
            let newer = newer.clone();
            async move {
                let ids = browser
                    .js(
                        "return [...document.querySelectorAll('table.inbox tr[data-conversation]')]
                         .map(row => row.dataset.conversation);",
                        vec![],
                    )
                    .await?;
                Ok((ids == json!([newer])).then_some(()))
            }
        },
    )
    .await
    .unwrap();

    // The reviewed answers with that label, as a dataset: this site keeps
    // no text, so the line has no question or answer, and the page says why.
    browser.capture_downloads().await.unwrap();
    browser
        .page_element("button.export-dataset")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let (name, jsonl) = browser.download(0).await.unwrap();
    assert!(name.ends_with(".jsonl"), "{name}");
    let lines = e2e::ndjson_records(&jsonl).unwrap();
    assert_eq!(lines.len(), 1, "{jsonl}");
    assert_eq!(lines[0]["metadata"]["conversation_id"], newer.as_str());
    assert_eq!(lines[0]["metadata"]["review_state"], "reviewed");
    assert_eq!(
        lines[0]["metadata"]["review_labels"],
        json!(["knowledge missing"])
    );
    assert_eq!(
        (lines[0]["score"].clone(), lines[0]["input"].clone()),
        (json!(0), json!(null))
    );
    let note = eventually("the note on missing text", Duration::from_secs(10), || {
        let browser = &browser;
        async move {
            let text = browser.page_text(".export-status").await?;
            Ok((!text.is_empty()).then_some(text))
        }
    })
    .await
    .unwrap();
    assert!(
        note.contains("does not keep the question and the answer"),
        "{note}"
    );
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // The Overview: one open, one reviewed in the period.
    browser
        .client
        .goto(&format!("{dashboard}#/overview"))
        .await
        .unwrap();
    assert_eq!(
        browser
            .page_text("dd[data-figure=\"review-open\"]")
            .await
            .unwrap(),
        "1"
    );
    assert_eq!(
        browser
            .page_text("dd[data-figure=\"review-reviewed\"]")
            .await
            .unwrap(),
        "1"
    );
    assert_ne!(
        browser
            .page_text("dd[data-figure=\"review-wait\"]")
            .await
            .unwrap(),
        "–"
    );
    browser
        .screenshot(&stack, "dashboard-review")
        .await
        .unwrap();
    browser.close().await.unwrap();
}
