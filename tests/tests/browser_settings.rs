//! The dashboard's Settings section in headless Chromium: an owner changes
//! the prompt and the retention from the form, sees a problem beside its
//! field, saves, finds the settings after a reload and in the list of
//! changes, and the bubble on the shop's page follows (the 1–5 prompt);
//! sets redaction patterns and turns redaction off; makes a wording key,
//! sees it work and revokes it; makes a new secret;
//! and is told in their language why a save was refused during a move.
//! axe-core finds nothing, left to right and right to left.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::{SiteAccess, Stack, eventually};
use serde_json::json;

/// The dashboard's Settings for `site`, signed in for this tab.
async fn open_settings(browser: &Browser, stack: &Stack, site: &SiteAccess, locale: &str) {
    let dashboard = format!("{}/dashboard/?locale={locale}", stack.worker_url);
    browser
        .sign_in_to_dashboard(&dashboard, site)
        .await
        .unwrap();
    browser
        .client
        .goto(&format!("{dashboard}#/settings"))
        .await
        .unwrap();
    browser.page_element("form.settings").await.unwrap();
}

/// Types `value` into the control `selector` as a person would.
async fn type_into(browser: &Browser, selector: &str, value: &str) {
    let control = browser.page_element(selector).await.unwrap();
    control.clear().await.unwrap();
    control.send_keys(value).await.unwrap();
}

/// Presses Save settings.
async fn save(browser: &Browser) {
    browser
        .page_element("form.settings button[type=submit]")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Presses Save settings and waits until the form says they were saved.
async fn save_and_confirm(browser: &Browser, what: &str) {
    save(browser).await;
    eventually(what, Duration::from_secs(15), || async {
        let text = browser.page_text("form.settings > .status").await?;
        Ok((text == "Settings saved.").then_some(()))
    })
    .await
    .unwrap();
}

/// The form's status line, once it says something.
async fn status(browser: &Browser) -> String {
    eventually(
        "the form to say how the save went",
        Duration::from_secs(15),
        || async {
            let text = browser.page_text("form.settings > .status").await?;
            Ok((!text.is_empty()).then_some(text))
        },
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn an_owner_changes_settings_from_the_dashboard_and_the_bubble_follows() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("dashboard_settings").unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    open_settings(&browser, &stack, &site, "en-US").await;
    assert_eq!(
        browser.control_value("#setting-mode-thumbs").await.unwrap(),
        json!(true)
    );
    assert_eq!(
        browser
            .control_value("#setting-retention_days")
            .await
            .unwrap(),
        json!("365")
    );
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // From the keyboard's controls: the 1–5 prompt, 30 days, and a time
    // zone that does not exist.
    browser
        .page_element("#setting-mode-scale5")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    type_into(&browser, "#setting-retention_days", "30").await;
    type_into(&browser, "#setting-time_zone", "Mars/Olympus").await;
    save(&browser).await;
    assert_eq!(
        status(&browser).await,
        "Some settings need a change; see the notes beside them."
    );
    let zone_problem = browser.page_text("#setting-time_zone-error").await.unwrap();
    assert!(
        zone_problem.contains("not an IANA time zone"),
        "{zone_problem}"
    );
    assert_eq!(
        browser
            .page_element("#setting-time_zone")
            .await
            .unwrap()
            .attr("aria-invalid")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    let described = browser
        .page_element("#setting-time_zone")
        .await
        .unwrap()
        .attr("aria-describedby")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(described.contains("setting-time_zone-error"), "{described}");
    let violations = browser.axe_violations().await.unwrap();
    assert!(
        violations.is_empty(),
        "with a problem shown: {violations:#?}"
    );
    // Nothing was stored.
    let unchanged = stack
        .collector()
        .site_config(&site.key, None)
        .await
        .unwrap();
    assert_eq!(unchanged.body["csat_mode"], "thumbs");

    type_into(&browser, "#setting-time_zone", "Europe/Berlin").await;
    save(&browser).await;
    eventually(
        "the save to be confirmed",
        Duration::from_secs(15),
        || async {
            let text = browser.page_text("form.settings > .status").await?;
            Ok((text == "Settings saved.").then_some(()))
        },
    )
    .await
    .unwrap();
    assert_eq!(
        browser.page_text("#setting-time_zone-error").await.unwrap(),
        ""
    );

    // After a reload the form shows what was saved, and the list of
    // changes says what changed.
    browser.client.refresh().await.unwrap();
    browser.page_element("form.settings").await.unwrap();
    assert_eq!(
        browser.control_value("#setting-mode-scale5").await.unwrap(),
        json!(true)
    );
    assert_eq!(
        browser
            .control_value("#setting-retention_days")
            .await
            .unwrap(),
        json!("30")
    );
    assert_eq!(
        browser.control_value("#setting-time_zone").await.unwrap(),
        json!("Europe/Berlin")
    );
    let audit = eventually("the list of changes", Duration::from_secs(15), || async {
        let text = browser.page_text("table.audit tbody").await?;
        Ok((!text.is_empty()).then_some(text))
    })
    .await
    .unwrap();
    assert!(audit.contains("retention_days: 365 → 30"), "{audit}");
    assert!(audit.contains("owner"), "{audit}");

    // The bubble on the shop's page now offers the 1–5 prompt.
    browser
        .client
        .goto(&format!("{}?site={}", stack.page_url, site.key))
        .await
        .unwrap();
    browser.widget_element(".fb-bubble").await.unwrap();
    browser.click_page("demo-resolve").await.unwrap();
    let radios = browser
        .widget_element("[role=\"radiogroup\"]")
        .await
        .unwrap()
        .find_all(fantoccini::Locator::Css("input[type=\"radio\"]"))
        .await
        .unwrap();
    assert_eq!(radios.len(), 5);
    browser.close().await.unwrap();
}

#[tokio::test]
async fn an_owner_sets_an_alert_rule_and_a_private_chat_url_is_refused_beside_it() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("settings_alerts").unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    open_settings(&browser, &stack, &site, "en-US").await;

    // A rule: the satisfaction average over 12 hours below 3,5 (a decimal
    // comma is a point), with at least 5 answers.
    browser
        .page_element("#alerts-add-rule")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Fluent isolates the number with bidi marks.
    assert_eq!(
        browser
            .page_text("fieldset.alert-rule legend")
            .await
            .unwrap()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "Rule 1"
    );
    browser
        .js(
            "const select = document.getElementById('alert-0-kind');
             select.value = 'csat_below';
             select.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await
        .unwrap();
    // Words in a number box: the problem names the rule and the box.
    type_into(&browser, "#alert-0-hours", "a day").await;
    save(&browser).await;
    let named = eventually("the rule's problem", Duration::from_secs(10), || async {
        let text = browser.page_text("#setting-alerts-rules-error").await?;
        Ok((!text.is_empty()).then_some(text))
    })
    .await
    .unwrap();
    assert!(named.starts_with("rule 1: `hours`"), "{named}");
    assert_eq!(
        browser
            .js(
                "return document.getElementById('alert-0-hours').getAttribute('aria-invalid');",
                vec![]
            )
            .await
            .unwrap(),
        json!("true")
    );
    type_into(&browser, "#alert-0-hours", "12").await;
    type_into(&browser, "#alert-0-average", "3,5").await;
    type_into(&browser, "#alert-0-min_answers", "5").await;
    // A chat URL on a private network is refused beside its box.
    type_into(&browser, "#setting-alerts-chat-url", "http://10.0.0.1/hook").await;
    save(&browser).await;
    assert_eq!(
        status(&browser).await,
        "Some settings need a change; see the notes beside them."
    );
    let refused = browser
        .page_text("#setting-alerts-chat-url-error")
        .await
        .unwrap();
    assert!(refused.contains("private"), "{refused}");
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    type_into(
        &browser,
        "#setting-alerts-chat-url",
        "https://chat.example/hooks/T0",
    )
    .await;
    browser
        .page_element("#setting-alerts-digest")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    save_and_confirm(&browser, "the alerts saved").await;

    // After a reload the rule reads back as saved.
    browser.client.refresh().await.unwrap();
    browser.page_element("#alert-0-kind").await.unwrap();
    for (control, value) in [
        ("#alert-0-kind", json!("csat_below")),
        ("#alert-0-hours", json!("12")),
        ("#alert-0-average", json!("3.5")),
        ("#alert-0-min_answers", json!("5")),
        ("#setting-alerts-digest", json!(true)),
    ] {
        assert_eq!(
            browser.control_value(control).await.unwrap(),
            value,
            "{control}"
        );
    }
    // Removing it puts focus back on "Add a rule"; saved, no rule is left.
    browser
        .page_element("fieldset.alert-rule button.remove-rule")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert_eq!(browser.focus().await.unwrap(), "page:alerts-add-rule");
    save_and_confirm(&browser, "the removal saved").await;
    let rules = stack.collector().settings(&site).await.unwrap();
    assert_eq!(rules.body["settings"]["alerts"]["rules"], json!([]));
    assert_eq!(
        rules.body["settings"]["alerts"]["daily_digest"],
        json!(true)
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn an_owner_adds_redaction_patterns_and_turns_redaction_off() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("settings_redaction").unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    open_settings(&browser, &stack, &site, "en-US").await;
    // On for a new site.
    assert_eq!(
        browser
            .control_value("#setting-redaction-enabled")
            .await
            .unwrap(),
        json!(true)
    );
    for _ in 0..2 {
        browser
            .page_element("#redaction-add-pattern")
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    // A prefix that ends in a digit: the problem names the pattern.
    type_into(&browser, "#redaction-0-prefix", "ORD-").await;
    type_into(&browser, "#redaction-1-prefix", "Kunde1").await;
    browser
        .js(
            "const select = document.getElementById('redaction-1-action');
             select.value = 'keep';
             select.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await
        .unwrap();
    save(&browser).await;
    let named = eventually("the pattern's problem", Duration::from_secs(10), || async {
        let text = browser
            .page_text("#setting-redaction-patterns-error")
            .await?;
        Ok((!text.is_empty()).then_some(text))
    })
    .await
    .unwrap();
    assert!(named.starts_with("pattern 2: "), "{named}");
    assert_eq!(
        browser
            .js(
                "return document.getElementById('redaction-1-prefix').getAttribute('aria-invalid');",
                vec![]
            )
            .await
            .unwrap(),
        json!("true")
    );
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    type_into(&browser, "#redaction-1-prefix", "Kunde").await;
    browser
        .page_element("#setting-redaction-enabled")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    save_and_confirm(&browser, "the redaction saved").await;
    // After a reload the patterns read back as saved.
    browser.client.refresh().await.unwrap();
    browser.page_element("#redaction-1-action").await.unwrap();
    for (control, value) in [
        ("#setting-redaction-enabled", json!(false)),
        ("#redaction-0-prefix", json!("ORD-")),
        ("#redaction-0-action", json!("remove")),
        ("#redaction-1-prefix", json!("Kunde")),
        ("#redaction-1-action", json!("keep")),
    ] {
        assert_eq!(
            browser.control_value(control).await.unwrap(),
            value,
            "{control}"
        );
    }
    // Removing the first puts focus back on "Add a pattern".
    browser
        .page_element("fieldset.redaction-pattern button.remove-pattern")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert_eq!(browser.focus().await.unwrap(), "page:redaction-add-pattern");
    let stored = stack.collector().settings(&site).await.unwrap();
    assert_eq!(
        stored.body["settings"]["redaction"],
        json!({"enabled": false, "patterns": [
            {"prefix": "ORD-", "action": "remove"},
            {"prefix": "Kunde", "action": "keep"},
        ]})
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn settings_read_right_to_left_in_arabic_with_no_axe_violations() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("dashboard").unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    open_settings(&browser, &stack, &site, "ar").await;
    eventually("the Arabic settings", Duration::from_secs(15), || async {
        let heading = browser.page_text("main h2").await?;
        Ok((heading == "الإعدادات").then_some(()))
    })
    .await
    .unwrap();
    let dir = browser
        .js("return document.documentElement.dir;", vec![])
        .await
        .unwrap();
    assert_eq!(dir, json!("rtl"));
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await.unwrap();
}

/// The text of the status line `selector` once it says something.
/// `text` without Fluent's isolation marks around placeables.
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
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

/// How many rows `table` has, once it has `count`.
async fn rows_become(browser: &Browser, table: &str, count: usize) {
    let found = eventually(
        &format!("{table} to have {count} rows"),
        Duration::from_secs(15),
        || async {
            let rows = browser
                .js(
                    "return document.querySelectorAll(arguments[0] + ' tbody tr').length;",
                    vec![json!(table)],
                )
                .await?;
            Ok((rows == json!(count)).then_some(()))
        },
    )
    .await;
    assert!(found.is_ok(), "{found:?}");
}

async fn said(browser: &Browser, selector: &str) -> String {
    eventually(
        &format!("{selector} to say something"),
        Duration::from_secs(15),
        || async {
            let text = browser.page_text(selector).await?;
            Ok((!text.is_empty()).then_some(text))
        },
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn an_owner_makes_and_revokes_a_wording_key_and_makes_a_new_secret() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("dashboard_keys").unwrap();
    let collector = stack.collector();
    let browser = Browser::start(&stack).await.unwrap();
    open_settings(&browser, &stack, &site, "en-US").await;
    browser.page_element("section.keys .empty").await.unwrap();

    type_into(&browser, "#key-name", "Marie, French wording").await;
    browser
        .page_element("form.new-key button[type=submit]")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let shown = said(&browser, "form.new-key .status").await;
    let secret = said(&browser, "form.new-key .status code").await;
    assert!(secret.starts_with("ak_"), "{shown}");
    let copy = "csat-title = Comment était-ce ?\n";
    let as_editor = collector
        .put_copy(&site.key, &secret, "fr", copy)
        .await
        .unwrap();
    assert_eq!(as_editor.status, 200, "{}", as_editor.body);
    let reading = collector
        .site_request(
            reqwest::Method::GET,
            &site.key,
            "overview",
            Some(&secret),
            &[],
            None,
        )
        .await
        .unwrap();
    assert_eq!(reading.status, 403, "a wording key reads no feedback");

    let revoke = browser
        .page_element("table.keys-list button")
        .await
        .unwrap();
    // Fluent isolates the name (U+2068 … U+2069), for names written
    // right to left.
    let label = revoke.attr("aria-label").await.unwrap().unwrap_or_default();
    assert_eq!(
        label.replace(['\u{2068}', '\u{2069}'], ""),
        "Revoke the key Marie, French wording"
    );
    revoke.click().await.unwrap();
    // It leaves the live keys, and is listed behind "Show revoked".
    let toggle = said(&browser, "button.show-revoked").await;
    assert_eq!(plain(&toggle), "Show revoked (1)");
    browser.page_element("section.keys .empty").await.unwrap();
    click(&browser, "button.show-revoked").await;
    eventually(
        "the key to show as revoked",
        Duration::from_secs(15),
        || async {
            let text = browser.page_text("table.keys-revoked tbody").await?;
            Ok(text.contains("Revoked").then_some(()))
        },
    )
    .await
    .unwrap();
    let after = collector
        .put_copy(&site.key, &secret, "fr", copy)
        .await
        .unwrap();
    assert_eq!(after.status, 401, "revoked at once");
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // A new secret: shown once; the old one stops; this tab goes on with
    // the new one (the Overview still loads).
    browser
        .page_element("button.rotate")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let rotated = said(&browser, "section.keys > .status.secret").await;
    let new_secret = said(&browser, "section.keys > .status.secret code").await;
    assert!(
        new_secret.starts_with("sk_") && new_secret != site.secret,
        "{rotated}"
    );
    let old = collector.owner_get(&site, "overview").await.unwrap();
    assert_eq!(old.0, 401);
    browser
        .page_element("a[href=\"#/overview\"]")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.page_element(".cards").await.unwrap();
    let stored = browser
        .js(
            "return sessionStorage.getItem('feedback-dashboard:secret');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        stored,
        json!(new_secret),
        "the tab remembers the new secret"
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_save_refused_while_the_site_moves_says_why_in_the_owners_language() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("settings_moving").unwrap();
    // Marked as moving, as `cargo xtask site move` marks a site, before the
    // Worker first looks the site up (so no cached placement hides it).
    let home = stack.database_of(&site.key).unwrap();
    let next = if home == "DB" { "DB_1" } else { "DB" };
    stack
        .d1_execute(&format!(
            "INSERT INTO site_placements (site_key, database, placed_at, moving_to) \
             VALUES ('{key}', '{home}', 0, '{next}') \
             ON CONFLICT (site_key) DO UPDATE SET moving_to = excluded.moving_to",
            key = site.key
        ))
        .unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    open_settings(&browser, &stack, &site, "de").await;
    type_into(&browser, "#setting-retention_days", "30").await;
    save(&browser).await;
    // (Without the Unicode isolation marks around the placed reason.)
    assert_eq!(
        status(&browser).await.replace(['\u{2068}', '\u{2069}'], ""),
        "Das konnte nicht geladen werden: die Website zieht in eine andere Datenbank um; \
         Änderungen sind in einigen Minuten wieder möglich"
    );
    browser.close().await.unwrap();
    stack
        .d1_execute(&format!(
            "UPDATE site_placements SET moving_to = NULL WHERE site_key = '{}'",
            site.key
        ))
        .unwrap();
}

#[tokio::test]
async fn with_300_revoked_keys_the_live_ones_are_the_only_rows_and_the_revoked_come_50_at_a_time() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("many_revoked_keys").unwrap();
    let collector = stack.collector();
    for name in ["Marie, German wording", "Agency reader"] {
        let made = collector
            .site_request(
                reqwest::Method::POST,
                &site.key,
                "keys",
                Some(&site.secret),
                &[],
                Some(&json!({"name": name, "scope": "read"})),
            )
            .await
            .unwrap();
        assert_eq!(made.status, 201, "{}", made.body);
    }
    // 300 keys made and revoked after them, the newest revoked last.
    stack
        .d1_execute_for(
            &site.key,
            &format!(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) \
                 INSERT INTO site_keys (site_key, key_id, name, scope, secret_hash, created_at, revoked_at) \
                 SELECT '{key}', 'key_gone_' || i, 'Gone ' || i, 'wording', hex(randomblob(32)), \
                        1700000000000 + i, 1700000000000 + 1000 + i \
                 FROM n",
                key = site.key
            ),
        )
        .unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    open_settings(&browser, &stack, &site, "en-US").await;
    rows_become(&browser, "table.keys-list", 2).await;
    let live = browser.page_text("table.keys-list tbody").await.unwrap();
    assert!(
        live.contains("Marie, German wording") && live.contains("Agency reader"),
        "{live}"
    );
    assert!(!live.contains("Gone"), "{live}");
    let toggle = said(&browser, "button.show-revoked").await;
    assert_eq!(plain(&toggle), "Show revoked (300)");
    let hidden = browser
        .js(
            "return document.getElementById('keys-revoked').hidden;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        hidden,
        json!(true),
        "the revoked keys are behind the button"
    );
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // Opened: the 50 most recently revoked, then 50 more.
    click(&browser, "button.show-revoked").await;
    rows_become(&browser, "table.keys-revoked", 50).await;
    let first = browser
        .page_text("table.keys-revoked tbody tr:first-child td:first-child")
        .await
        .unwrap();
    assert_eq!(first, "Gone 300", "the most recently revoked first");
    assert_eq!(
        plain(&said(&browser, "button.more-revoked").await),
        "Show 50 more"
    );
    let expanded = browser
        .js(
            "return document.querySelector('button.show-revoked').getAttribute('aria-expanded');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(expanded, json!("true"));
    click(&browser, "button.more-revoked").await;
    rows_become(&browser, "table.keys-revoked", 100).await;
    let last = browser
        .page_text("table.keys-revoked tbody tr:last-child td:first-child")
        .await
        .unwrap();
    assert_eq!(last, "Gone 201");
    rows_become(&browser, "table.keys-list", 2).await;
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_problem_beside_a_setting_and_a_refusal_of_the_collector_are_said_in_german() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("settings_in_german").unwrap();
    let browser = Browser::start(&stack).await.unwrap();
    open_settings(&browser, &stack, &site, "de").await;
    type_into(&browser, "#setting-csat_cooldown_days", "eine Woche").await;
    save(&browser).await;
    // What the cooldown takes, worded from German `dashboard.ftl` with the
    // numbers of the collector's rule.
    let german =
        l10n::format::Catalog::new("de", &e2e::shipped_ftl("de", "dashboard.ftl").unwrap());
    let mut args = l10n::format::Args::new();
    for (name, value) in protocol::settings::rule_values("csat_cooldown_days") {
        args.set(
            name,
            l10n::format::Arg::Number(i64::try_from(value).unwrap()),
        );
    }
    let expected = plain(
        &german
            .format("settings-problem-csat-cooldown-days", &args)
            .unwrap(),
    );
    assert!(expected.contains("365"), "{expected}");
    let shown = eventually("the problem in German", Duration::from_secs(15), || async {
        let text = plain(
            &browser
                .page_text("#setting-csat_cooldown_days-error")
                .await?,
        );
        Ok((!text.is_empty()).then_some(text))
    })
    .await
    .unwrap();
    assert_eq!(shown, expected);
    assert_eq!(
        status(&browser).await,
        e2e::shipped_message("de", "dashboard.ftl", "settings-invalid").unwrap()
    );
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{violations:#?}");

    // A refusal of the collector, by its code: a conversation that is not
    // there is `not_found`, said in German.
    let dashboard = format!("{}/dashboard/?locale=de", stack.worker_url);
    browser
        .client
        .goto(&format!("{dashboard}#/conversations/c_never_there"))
        .await
        .unwrap();
    let not_found = e2e::shipped_message("de", "dashboard.ftl", "refusal-not-found").unwrap();
    let said = eventually("the refusal in German", Duration::from_secs(15), || async {
        let text = plain(&browser.page_text("body").await?);
        Ok(text.contains(&not_found).then_some(text))
    })
    .await;
    assert!(said.is_ok(), "{said:?}");
    assert!(
        !said
            .unwrap_or_default()
            .contains("no feedback for conversation"),
        "not the collector's English"
    );
    browser.close().await.unwrap();
}
