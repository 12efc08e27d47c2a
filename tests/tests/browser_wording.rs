//! The dashboard's Wording section in headless Chromium, as a locale
//! editor with a wording key uses it: they see only Wording; each message
//! shows its reference, shipped and own texts; the checker's findings show
//! beside a message as it is typed; the preview (the widget's own
//! components) follows the draft, the prompt's modes and steps, any plural
//! count, and right to left for Arabic; a refused save keeps the stored
//! copy; a message goes back to the shipped text; saved versions list who
//! saved them, show what changed, and restore; unsaved wording is not
//! dropped for another language unasked; a shopper's prompt reports
//! the version it was worded with, and the editor sees how the prompts of
//! each version fared. axe-core finds nothing.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::{SiteAccess, Stack, eventually};
use fantoccini::Locator;
use reqwest::Method;
use serde_json::{Value, json};

/// A wording key for `site`, made by its owner.
async fn wording_key(stack: &Stack, site: &SiteAccess) -> SiteAccess {
    let made = stack
        .collector()
        .site_request(
            Method::POST,
            &site.key,
            "keys",
            Some(&site.secret),
            &[],
            Some(&json!({"name": "Marie, German wording", "scope": "wording"})),
        )
        .await
        .unwrap();
    assert_eq!(made.status, 201, "{}", made.body);
    SiteAccess {
        key: site.key.clone(),
        secret: made.body["secret"].as_str().unwrap().to_string(),
    }
}

/// The text of `selector` inside the preview's shadow root, once it is
/// `expected` (what it was last, if it never becomes that).
async fn preview_text_becomes(browser: &Browser, selector: &str, expected: &str) {
    let found = eventually(
        &format!("{selector} in the preview to read {expected:?}"),
        Duration::from_secs(15),
        || async {
            let Ok(host) = browser.client.find(Locator::Css(".preview-widget")).await else {
                return Ok(None);
            };
            // The preview draws once its sample conversation is there.
            let Ok(root) = host.shadow_root().await else {
                return Ok(None);
            };
            let Ok(element) = root.find(Locator::Css(selector)).await else {
                return Ok(None);
            };
            let text = element.text().await?;
            Ok((text == expected).then_some(text))
        },
    )
    .await;
    assert!(found.is_ok(), "{found:?}");
}

/// Whether the preview shows `selector`.
async fn preview_shows(browser: &Browser, selector: &str) -> bool {
    browser
        .js(
            "const host = document.querySelector('.preview-widget');
             return !!(host && host.shadowRoot && host.shadowRoot.querySelector(arguments[0]));",
            vec![json!(selector)],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap()
}

/// The direction the preview's widget is drawn in (`dir` of its root).
async fn preview_direction(browser: &Browser) -> String {
    let direction = browser
        .js(
            "return document.querySelector('.preview-widget').shadowRoot.querySelector('.fb-root').getAttribute('dir');",
            vec![],
        )
        .await
        .unwrap();
    direction.as_str().unwrap_or_default().to_string()
}

/// Sets a control's value and tells the page, as typing does.
async fn set_value(browser: &Browser, selector: &str, value: &str) {
    browser.page_element(selector).await.unwrap();
    browser
        .js(
            "const e = document.querySelector(arguments[0]);
             e.value = arguments[1];
             e.dispatchEvent(new Event('input', { bubbles: true }));
             e.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(selector), json!(value)],
        )
        .await
        .unwrap();
}

/// A control's value now.
async fn value_of(browser: &Browser, selector: &str) -> String {
    let value = browser.control_value(selector).await.unwrap();
    value.as_str().unwrap().to_string()
}

/// `text` without Fluent's isolation marks around placeables.
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// The save's status line (without isolation marks), once it contains
/// `part`.
async fn status_says(browser: &Browser, part: &str) -> String {
    eventually(
        &format!("the status to say {part:?}"),
        Duration::from_secs(15),
        || async {
            let text = plain(&browser.page_text(".wording .actions .status").await?);
            Ok(text.contains(part).then_some(text))
        },
    )
    .await
    .unwrap()
}

async fn click(browser: &Browser, selector: &str) {
    browser
        .page_element(selector)
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// A fresh browser on the dashboard in `locale`, signed in as `who`, at
/// `hash`.
async fn open_dashboard(stack: &Stack, who: &SiteAccess, locale: &str, hash: &str) -> Browser {
    let browser = Browser::start(stack).await.unwrap();
    let dashboard = format!("{}/dashboard/?locale={locale}", stack.worker_url);
    browser.sign_in_to_dashboard(&dashboard, who).await.unwrap();
    browser
        .client
        .goto(&format!("{dashboard}{hash}"))
        .await
        .unwrap();
    browser
}

/// The site's stored copy for `locale`, as the widget's collector has it.
async fn stored(stack: &Stack, site: &SiteAccess, locale: &str) -> String {
    stack
        .collector()
        .site_copy(&site.key, locale)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_locale_editor_checks_previews_saves_reverts_and_restores_the_wording() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("wording_editor").unwrap();
    let editor = wording_key(&stack, &site).await;
    // Asked for the Overview, a wording key gets the Wording section, and
    // the navigation offers nothing else.
    let browser = open_dashboard(&stack, &editor, "en-US", "#/overview").await;
    let title = browser
        .page_element(".wording-message[data-id=\"csat-title\"]")
        .await
        .unwrap();
    let tabs = browser.page_text("nav.sections").await.unwrap();
    assert_eq!(tabs.trim(), "Wording");
    let texts = title.text().await.unwrap();
    assert!(texts.contains("How was this conversation?"), "{texts}");
    assert!(texts.contains("Wie war dieses Gespräch?"), "{texts}");
    // The reference's note says what the message is, in the help centre's
    // words, and its limit.
    assert_eq!(
        title
            .find(fantoccini::Locator::Css(".note"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "Title: the heading of the 👍/👎 prompt. Keep it under 40 characters."
    );
    preview_text_becomes(&browser, ".fb-csat-title", "Wie war dieses Gespräch?").await;
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // Typed: the preview follows the draft.
    set_value(&browser, "#wording-csat-title", "Wie war's heute?").await;
    preview_text_becomes(&browser, ".fb-csat-title", "Wie war's heute?").await;

    // A broken message: the checker's finding shows beside it as typed,
    // and the collector refuses the save with the same words.
    set_value(
        &browser,
        "#wording-characters-left",
        "{ $count ->\n    [one] nur eins\n}",
    )
    .await;
    let inline = eventually(
        "the finding beside the message",
        Duration::from_secs(10),
        || async {
            let text = browser
                .page_text("#wording-characters-left-problems")
                .await?;
            Ok((!text.is_empty()).then_some(text))
        },
    )
    .await
    .unwrap();
    // The checker's finding, worded, at its line and column.
    let inline = plain(&inline);
    assert!(inline.starts_with("Line "), "{inline}");
    assert!(inline.contains("Fluent cannot read this"), "{inline}");
    assert_eq!(
        browser
            .page_element("#wording-characters-left")
            .await
            .unwrap()
            .attr("aria-invalid")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    click(&browser, ".wording .actions button").await;
    let refused = status_says(&browser, "Not saved").await;
    assert!(refused.contains(&inline), "{refused}\nvs\n{inline}");
    assert_eq!(stored(&stack, &site, "de").await, "", "nothing stored");

    // Back to the shipped text: the finding goes with the message.
    click(
        &browser,
        ".wording-message[data-id=\"characters-left\"] .revert",
    )
    .await;
    eventually("the finding to go", Duration::from_secs(10), || async {
        let text = browser
            .page_text("#wording-characters-left-problems")
            .await?;
        Ok(text.is_empty().then_some(()))
    })
    .await
    .unwrap();
    assert_eq!(value_of(&browser, "#wording-characters-left").await, "");

    // Any plural count, with the edited plural forms.
    set_value(
        &browser,
        "#wording-characters-left",
        "{ $count ->\n    [one] Nur noch ein Zeichen\n   *[other] Noch { $count } Zeichen frei\n}",
    )
    .await;
    set_value(&browser, "#preview-count", "1").await;
    preview_text_becomes(&browser, ".fb-chars-left", "Nur noch ein Zeichen").await;
    set_value(&browser, "#preview-count", "7").await;
    // Placeables are isolated (U+2068 … U+2069), as fluent-bundle does.
    preview_text_becomes(
        &browser,
        ".fb-chars-left",
        "Noch \u{2068}7\u{2069} Zeichen frei",
    )
    .await;

    // Both prompt modes and their steps, in the widget's own markup.
    click(&browser, "#preview-mode-scale5").await;
    preview_text_becomes(
        &browser,
        ".fb-csat-title",
        "Wie gut wurde deine Frage heute beantwortet, auf einer Skala von 1 bis 5?",
    )
    .await;
    assert!(
        preview_shows(
            &browser,
            ".fb-csat-scale[role=radiogroup] input[type=radio]"
        )
        .await
    );
    set_value(&browser, "#preview-step", "thanks").await;
    preview_text_becomes(&browser, ".fb-csat-thanks", "Danke für dein Feedback!").await;
    click(&browser, "#preview-mode-thumbs").await;
    set_value(&browser, "#preview-step", "comment").await;
    assert!(preview_shows(&browser, ".fb-csat-comment textarea").await);
    // The reason form under the thumbed-down answer.
    assert!(preview_shows(&browser, ".fb-reason .fb-reason-tag[data-tag=too_long]").await);

    // Saved: version 1, by the key.
    click(&browser, ".wording .actions button").await;
    status_says(&browser, "Saved as version 1.").await;
    let first = stored(&stack, &site, "de").await;
    assert!(first.contains("csat-title = Wie war's heute?"), "{first}");
    let listed = eventually(
        "version 1 in the history",
        Duration::from_secs(10),
        || async {
            let text = plain(&browser.page_text(".copy-history").await?);
            Ok(text.contains("Version 1").then_some(text))
        },
    )
    .await
    .unwrap();
    assert!(listed.contains("Marie, German wording"), "{listed}");

    // A second version, and what it changed.
    set_value(&browser, "#wording-csat-title", "Zweite Fassung").await;
    click(&browser, ".wording .actions button").await;
    status_says(&browser, "Saved as version 2.").await;
    click(
        &browser,
        ".version[data-version=\"2\"] button[aria-expanded]",
    )
    .await;
    let changes = eventually("version 2's changes", Duration::from_secs(10), || async {
        let text = browser
            .page_text(".version[data-version=\"2\"] dl.changes")
            .await?;
        Ok((!text.is_empty()).then_some(text))
    })
    .await
    .unwrap();
    assert!(changes.contains("csat-title"), "{changes}");
    assert!(
        changes.contains("Wie war's heute?") && changes.contains("Zweite Fassung"),
        "{changes}"
    );
    assert!(
        !changes.contains("characters-left"),
        "only what changed: {changes}"
    );

    // Version 1 restored: the live copy and the editor both hold it again.
    click(&browser, ".version[data-version=\"1\"] .restore").await;
    status_says(&browser, "Saved as version 3.").await;
    assert_eq!(stored(&stack, &site, "de").await, first);
    eventually(
        "the restored text in its box",
        Duration::from_secs(10),
        || async {
            let value = value_of(&browser, "#wording-csat-title").await;
            Ok((value == "Wie war's heute?").then_some(()))
        },
    )
    .await
    .unwrap();

    // The whole file, as one Fluent text.
    click(&browser, "#wording-mode-file").await;
    browser.page_element("#wording-file").await.unwrap();
    assert_eq!(value_of(&browser, "#wording-file").await, first);

    // A shopper's prompt is worded with version 3, and says so: the
    // editor then sees how the prompts worded with it fared.
    let shopper = Browser::start(&stack).await.unwrap();
    shopper
        .client
        .goto(&format!("{}?site={}&locale=de", stack.page_url, site.key))
        .await
        .unwrap();
    let conversation = shopper.demo_conversation_id().await.unwrap();
    shopper.widget_element(".fb-bubble").await.unwrap();
    shopper.click_page("demo-resolve").await.unwrap();
    assert_eq!(
        shopper.widget_text(".fb-csat-title").await.unwrap(),
        "Wie war's heute?"
    );
    shopper
        .click(".fb-csat-choice[data-score=\"5\"]")
        .await
        .unwrap();
    let sql = format!(
        "SELECT csat_copy_version AS version, csat_copy_locale AS locale, csat_completed AS completed \
         FROM conversations WHERE site_key = '{}' AND conversation_id = '{conversation}'",
        site.key
    );
    let row = eventually(
        "the answer with its copy version",
        Duration::from_secs(20),
        || async {
            let rows = stack.d1_execute_for(&site.key, &sql)?;
            Ok(rows
                .into_iter()
                .next()
                .filter(|row| row["completed"] == json!(1)))
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (row["version"].clone(), row["locale"].clone()),
        (json!(3), json!("de"))
    );
    shopper.close().await.unwrap();
    browser.client.refresh().await.unwrap();
    let fared = eventually("version 3's prompts", Duration::from_secs(15), || async {
        let text = plain(
            &browser
                .page_text(".version[data-version=\"3\"] .prompts")
                .await?,
        );
        Ok(text.starts_with("One").then_some(text))
    })
    .await
    .unwrap();
    assert_eq!(
        fared,
        "One satisfaction prompt was worded with it: 100% answered, 100% completed."
    );
    let none = plain(
        &browser
            .page_text(".version[data-version=\"2\"] .prompts")
            .await
            .unwrap(),
    );
    assert_eq!(none, "No satisfaction prompt was worded with it yet.");

    // Unsaved wording is not dropped unasked: another language asks first,
    // and "Cancel" keeps both the language and the draft.
    set_value(&browser, "#wording-csat-close", "Schließen").await;
    let pick_arabic = || async {
        browser
            .page_element("#wording-locale option[value=\"ar\"]")
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    };
    pick_arabic().await;
    let asked = eventually(
        "the question before dropping",
        Duration::from_secs(10),
        || async { Ok(browser.client.get_alert_text().await.ok()) },
    )
    .await
    .unwrap();
    assert_eq!(
        asked,
        "Your changes to this language's wording are not saved. Drop them?"
    );
    browser.client.dismiss_alert().await.unwrap();
    assert_eq!(value_of(&browser, "#wording-locale").await, "de");
    assert_eq!(value_of(&browser, "#wording-csat-close").await, "Schließen");
    pick_arabic().await;
    eventually("the question again", Duration::from_secs(10), || async {
        Ok(browser.client.get_alert_text().await.ok())
    })
    .await
    .unwrap();
    browser.client.accept_alert().await.unwrap();

    // Arabic: the preview is right to left, in Arabic's plural forms.
    preview_text_becomes(&browser, ".fb-csat-title", "كيف كانت هذه المحادثة؟").await;
    set_value(&browser, "#preview-count", "2").await;
    preview_text_becomes(&browser, ".fb-chars-left", "تبقّى حرفان").await;
    assert_eq!(preview_direction(&browser).await, "rtl");
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await.unwrap();
}

#[tokio::test]
async fn the_owner_finds_wording_beside_every_other_section_right_to_left_in_arabic() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("wording_editor").unwrap();
    let browser = open_dashboard(&stack, &site, "ar", "#/wording").await;
    browser
        .page_element(".wording-message[data-id=\"csat-title\"]")
        .await
        .unwrap();
    // Arabic: the page turns right to left, the Wording section too.
    eventually("the Arabic copy", Duration::from_secs(15), || async {
        let tabs = browser.page_text("nav.sections").await?;
        Ok(tabs.contains("النصوص").then_some(()))
    })
    .await
    .unwrap();
    let direction = browser
        .js(
            "return document.documentElement.getAttribute('dir');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(direction, json!("rtl"));
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    let tabs = browser
        .client
        .find_all(Locator::Css("nav.sections a"))
        .await
        .unwrap();
    assert_eq!(tabs.len(), 6, "the owner sees every section");
    // The preview follows the draft in an Arabic page too.
    set_value(&browser, "#wording-csat-title", "Alles gut?").await;
    preview_text_becomes(&browser, ".fb-csat-title", "Alles gut?").await;
    browser.close().await.unwrap();
}

#[tokio::test]
async fn wording_saved_before_a_check_existed_is_named_as_set_aside_with_its_finding() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("stale_copy").unwrap();
    // A term that writes out `$shop`, stored before `term-variable` refused
    // it: shoppers get the shipped heading (worker_locales.rs), and the
    // editor says so, with the finding beside the message.
    stack
        .store_copy_unchecked(
            &site.key,
            "de",
            "-laden = { $shop }\npanel-title-shop = Chat mit { -laden }\ncsat-thumb-up = Jawohl\n",
        )
        .unwrap();
    let browser = open_dashboard(&stack, &site, "en-US", "#/wording").await;
    let notice = browser.page_text(".wording .set-aside").await.unwrap();
    assert!(notice.contains("Shoppers see the shipped text"), "{notice}");
    assert!(notice.contains("panel-title-shop"), "{notice}");
    assert!(!notice.contains("csat-thumb-up"), "{notice}");
    let finding = browser
        .page_text("#wording-panel-title-shop-problems")
        .await
        .unwrap();
    let finding = plain(&finding);
    assert!(
        finding.contains("panel-title-shop uses -laden without passing shop"),
        "{finding}"
    );
    browser.close().await.unwrap();
}

/// The note on what is kept, without the isolation marks the formatter
/// puts around numbers.
async fn kept_note(browser: &Browser) -> String {
    browser
        .page_text("p.kept")
        .await
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn the_inbox_and_the_wording_editor_say_what_is_kept_of_the_text_beside_them() {
    let stack = Stack::from_env().unwrap();
    // No questions or answers kept, text as written, 30 days for all.
    let site = stack.named_site("kept").unwrap();
    let note = "Questions and answers are not kept. Reasons and comments are kept for 30 days. \
                Text is stored as written: taking personal data out is turned off in Settings. \
                Ratings and figures are kept for 30 days.";
    let browser = open_dashboard(&stack, &site, "en-US", "#/conversations").await;
    assert_eq!(kept_note(&browser).await, note);
    browser.close().await.unwrap();

    // In German, beside the wording preview.
    let browser = open_dashboard(&stack, &site, "de", "#/wording").await;
    assert_eq!(
        kept_note(&browser).await,
        "Fragen und Antworten werden nicht aufbewahrt. Gründe und Kommentare werden 30 Tage lang \
         aufbewahrt. Text wird so gespeichert, wie er geschrieben wurde: Das Entfernen \
         personenbezogener Daten ist in den Einstellungen ausgeschaltet. Bewertungen und Zahlen \
         werden 30 Tage lang aufbewahrt."
    );
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await.unwrap();
}

/// The ids of the messages `ftl` defines (not its terms).
fn message_ids(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

/// Each filter's count, by its name in the address.
async fn filter_counts(browser: &Browser) -> serde_json::Map<String, serde_json::Value> {
    let counts = browser
        .js(
            "const counts = {};
             for (const b of document.querySelectorAll('.wording-find button.filter')) {
               counts[b.dataset.filter] = Number(b.querySelector('.count').textContent);
             }
             return counts;",
            vec![],
        )
        .await
        .unwrap();
    counts.as_object().unwrap().clone()
}

/// The ids of the messages listed, once the list is `expected` (what it
/// was last, if it never becomes that).
async fn listed_becomes(browser: &Browser, expected: &[&str]) {
    let found = eventually(
        &format!("the list to be {expected:?}"),
        Duration::from_secs(15),
        || async {
            let ids = browser
                .js(
                    "return [...document.querySelectorAll('.wording-messages .wording-message')]
                       .map(m => m.dataset.id);",
                    vec![],
                )
                .await?;
            Ok((ids == json!(expected)).then_some(()))
        },
    )
    .await;
    assert!(found.is_ok(), "{found:?}");
}

/// The id of the element with focus, once it is `expected`.
async fn focus_becomes(browser: &Browser, expected: &str) {
    let found = eventually(
        &format!("focus on #{expected}"),
        Duration::from_secs(10),
        || async {
            let id = browser
                .js(
                    "return document.activeElement && document.activeElement.id;",
                    vec![],
                )
                .await?;
            Ok((id == json!(expected)).then_some(()))
        },
    )
    .await;
    assert!(found.is_ok(), "{found:?}");
}

#[tokio::test]
async fn a_locale_editor_finds_messages_by_search_and_filter_with_counts_and_the_address_keeps_them()
 {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("wording_find").unwrap();
    let (reference, german) = (
        e2e::shipped_ftl("en-US", "widget.ftl").unwrap(),
        e2e::shipped_ftl("de", "widget.ftl").unwrap(),
    );
    let ids = message_ids(&reference);
    let shipped_ids = message_ids(&german);
    let missing: Vec<&String> = ids.iter().filter(|id| !shipped_ids.contains(id)).collect();
    // The site's German: one text of its own, one the same as shipped.
    let same = e2e::shipped_message("de", "widget.ftl", "message-feedback-up").unwrap();
    stack
        .collector()
        .store_copy(
            &site,
            "de",
            &format!("csat-title = Alles gut?\nmessage-feedback-up = {same}\n"),
        )
        .await
        .unwrap();
    let browser = open_dashboard(&stack, &site, "en-US", "#/wording?locale=de").await;
    browser
        .page_element(".wording-message[data-id=\"csat-title\"]")
        .await
        .unwrap();
    let counts = filter_counts(&browser).await;
    assert_eq!(counts["all"], json!(ids.len()), "{counts:?}");
    assert_eq!(counts["changed"], json!(2), "{counts:?}");
    assert_eq!(counts["differs"], json!(1), "{counts:?}");
    assert_eq!(counts["findings"], json!(0), "{counts:?}");
    assert_eq!(counts["missing"], json!(missing.len()), "{missing:?}");
    let parts = ["prompt", "answers", "bubble"].map(|part| counts[part].as_u64().unwrap());
    assert!(
        parts.iter().all(|count| *count > 0) && parts.iter().sum::<u64>() >= ids.len() as u64,
        "every message is in a part: {counts:?}"
    );

    // A finding typed into a message counts at once.
    set_value(
        &browser,
        "#wording-characters-left",
        "{ $count ->\n    [one] eins\n}",
    )
    .await;
    let findings = eventually("a finding counted", Duration::from_secs(10), || async {
        let counts = filter_counts(&browser).await;
        Ok((counts["findings"] == json!(1)).then_some(counts))
    })
    .await;
    assert!(findings.is_ok(), "{findings:?}");

    // The search narrows the list and every count; Enter goes to the first.
    set_value(&browser, "#wording-search", "CSAT-SCORE").await;
    let scores = [
        "csat-score-1",
        "csat-score-2",
        "csat-score-3",
        "csat-score-4",
        "csat-score-5",
    ];
    listed_becomes(&browser, &scores).await;
    let counts = filter_counts(&browser).await;
    assert_eq!(
        (&counts["all"], &counts["changed"], &counts["bubble"]),
        (&json!(5), &json!(0), &json!(0))
    );
    let found = plain(&browser.page_text(".wording-find .found").await.unwrap());
    assert_eq!(found, format!("5 of {} messages shown", ids.len()));
    browser
        .page_element("#wording-search")
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    focus_becomes(&browser, "wording-csat-score-1").await;
    // A filter nothing passes says so.
    click(&browser, ".wording-find button[data-filter=\"changed\"]").await;
    listed_becomes(&browser, &[]).await;
    assert_eq!(
        browser.page_text(".wording-find .found").await.unwrap(),
        "No message matches. Try other words, or show all."
    );
    // No search, one filter: focus lands on its first message.
    set_value(&browser, "#wording-search", "").await;
    click(&browser, ".wording-find button[data-filter=\"differs\"]").await;
    listed_becomes(&browser, &["csat-title", "characters-left"]).await;
    focus_becomes(&browser, "wording-csat-title").await;
    let pressed = browser
        .js(
            "return [...document.querySelectorAll('.wording-find button[aria-pressed=\"true\"]')]
               .map(b => b.dataset.filter);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(pressed, json!(["differs"]));
    let hash = browser.js("return location.hash;", vec![]).await.unwrap();
    assert_eq!(hash, json!("#/wording?locale=de&filter=differs"));
    click(&browser, ".wording-find button[data-filter=\"prompt\"]").await;
    let shown = browser
        .js(
            "return [...document.querySelectorAll('.wording-messages .wording-message')].map(m => m.dataset.id);",
            vec![],
        )
        .await
        .unwrap();
    let shown: Vec<&str> = shown
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap())
        .collect();
    let prompt: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| id.starts_with("csat-"))
        .collect();
    assert!(prompt.iter().all(|id| shown.contains(id)), "{shown:?}");
    assert!(
        !shown.contains(&"bubble-open") && !shown.contains(&"composer-send"),
        "{shown:?}"
    );
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await.unwrap();

    // A shared address opens on its language, search and filter.
    let browser = open_dashboard(
        &stack,
        &site,
        "en-US",
        "#/wording?locale=de&q=csat-score&filter=prompt",
    )
    .await;
    listed_becomes(&browser, &scores).await;
    assert_eq!(value_of(&browser, "#wording-search").await, "csat-score");
    assert_eq!(value_of(&browser, "#wording-locale").await, "de");
    let pressed = browser
        .js(
            "return document.querySelector('.wording-find button[data-filter=\"prompt\"]').getAttribute('aria-pressed');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(pressed, json!("true"));
    browser.close().await.unwrap();
}

#[tokio::test]
async fn the_preview_speaks_the_edited_language_and_each_language_goes_by_its_own_name() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("wording_languages").unwrap();
    // An English page, editing German: the sample conversation is German.
    let browser = open_dashboard(&stack, &site, "en-US", "#/wording").await;
    let german = e2e::shipped_message("de", "dashboard.ftl", "wording-sample-question").unwrap();
    preview_text_becomes(&browser, ".fb-from-user .fb-text", &german).await;

    // Each language by its own name with its tag, sorted by the names in
    // the page's language (as the browser's Intl names them).
    // Named one a task after the list shows: once the last is named.
    let options = eventually("every language named", Duration::from_secs(10), || async {
        let options = browser
            .js(
                "return [...document.querySelectorAll('#wording-locale option')]
                   .map(o => [o.value, o.textContent, o.lang]);",
                vec![],
            )
            .await?;
        let all = options.as_array().cloned().unwrap_or_default();
        let named = all.iter().all(|option| option[0] != option[1]);
        // Sorted once all are named, by the names in the page's language
        // as the browser's Intl gives them.
        let tags: Vec<Value> = all.iter().map(|option| option[0].clone()).collect();
        let sorted = browser
            .js(
                "const names = new Intl.DisplayNames(['en-US'], { type: 'language' });
                 return [...arguments[0]].sort((a, b) => names.of(a).localeCompare(names.of(b), 'en-US'));",
                vec![json!(tags)],
            )
            .await?;
        Ok((named && json!(tags) == sorted).then_some(options))
    })
    .await
    .unwrap();
    let options = options.as_array().unwrap();
    let text_of = |tag: &str| {
        options
            .iter()
            .find(|option| option[0] == tag)
            .map(|option| option[1].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(plain(&text_of("de")), "Deutsch (de)");
    assert_eq!(plain(&text_of("ja")), "日本語 (ja)");
    // Right to left, isolated: the tag stays after the name.
    assert_eq!(
        text_of("ar"),
        "\u{2068}العربية\u{2069} (\u{2068}ar\u{2069})"
    );
    assert!(
        options.iter().all(|option| option[0] == option[2]),
        "each option's lang: {options:?}"
    );
    assert!(options.len() >= 8, "{options:?}");

    // Arabic: the sample follows, right to left.
    set_value(&browser, "#wording-locale", "ar").await;
    let arabic = e2e::shipped_message("ar", "dashboard.ftl", "wording-sample-question").unwrap();
    preview_text_becomes(&browser, ".fb-from-user .fb-text", &arabic).await;
    let answer = e2e::shipped_message("ar", "dashboard.ftl", "wording-sample-answer").unwrap();
    preview_text_becomes(&browser, ".fb-from-assistant .fb-text", &answer).await;
    assert_eq!(preview_direction(&browser).await, "rtl");
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_bad_number_option_is_explained_in_german_at_its_line_and_column_and_so_is_the_refusal() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("wording_refusals").unwrap();
    let browser = open_dashboard(&stack, &site, "de", "#/wording?locale=de").await;
    browser
        .page_element(".wording-message[data-id=\"characters-left\"]")
        .await
        .unwrap();
    let text = "{ NUMBER($count, style: \"percent\") } Zeichen übrig";
    set_value(&browser, "#wording-characters-left", text).await;
    // What the checker finds in that draft, worded from German
    // `dashboard.ftl` by the formatter the dashboard uses.
    let draft = l10n::entries::set_entry("", "characters-left", text);
    let found = l10n::check_site_copy(
        &e2e::shipped_ftl("en-US", "widget.ftl").unwrap(),
        "de",
        &draft,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let finding = &found[0];
    assert_eq!(finding.code, "number-option");
    let german =
        l10n::format::Catalog::new("de", &e2e::shipped_ftl("de", "dashboard.ftl").unwrap());
    let mut args = l10n::format::Args::new();
    for (name, value) in &finding.args {
        args.set(*name, l10n::format::Arg::Text(value.clone()));
    }
    let said = german.format("checker-number-option", &args).unwrap();
    let mut at = l10n::format::Args::new();
    at.set("line", l10n::format::Arg::Text(finding.line.to_string()));
    at.set("col", l10n::format::Arg::Text(finding.col.to_string()));
    at.set("finding", l10n::format::Arg::Text(said));
    let expected = plain(&german.format("checker-at", &at).unwrap());
    let inline = eventually(
        "the finding beside the message",
        Duration::from_secs(10),
        || async {
            let text = browser
                .page_text("#wording-characters-left-problems")
                .await?;
            Ok((!text.is_empty()).then_some(plain(&text)))
        },
    )
    .await
    .unwrap();
    assert_eq!(inline, expected);
    assert!(
        inline.contains(&format!("{}", finding.line))
            && inline.contains(&format!("{}", finding.col)),
        "{inline}"
    );
    assert!(
        inline.contains("style") && !inline.contains("has no option"),
        "{inline}"
    );

    // Saved anyway (the whole file, past the editor's check): the
    // collector refuses it, and its refusal is worded the same.
    click(&browser, ".wording .actions button").await;
    let refused = status_says(&browser, "Nicht gespeichert").await;
    assert!(refused.contains(&expected), "{refused}\nvs\n{expected}");
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await.unwrap();
}
