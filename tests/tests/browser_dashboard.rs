//! The site owners' dashboard in real Chromium, served by the Worker: known
//! feedback is seeded, and the figures, chart, inbox filters, one
//! conversation and the knowledge gaps on screen are compared with numbers
//! worked out by hand. Keyboard-only sign-in and navigation, axe-core on
//! every section, the CSV export, and a screenshot of the Overview.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::{SiteAccess, Stack, csat_event, eventually, now_ms, thumb_event, unique};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::key::Key;
use serde_json::{Value, json};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

fn thumb(conversation: &str, rating: &str, question: &str, at: i64) -> Value {
    let mut event = thumb_event(&unique("ev"), conversation, "m1", rating, at);
    event["question"] = json!(question);
    event["answer"] = json!("They run true to size.");
    if rating == "down" {
        event["reason"] = json!("It said true to size");
        event["tags"] = json!(["wrong_answer"]);
    }
    event
}

/// The five conversations of the test, ids A..E.
struct Seeded {
    a: String,
    b: String,
    c: String,
    d: String,
    e: String,
    /// Yesterday and today, UTC (the site has no time zone of its own).
    days: (String, String),
}

async fn seed(stack: &Stack, site: &SiteAccess) -> Seeded {
    let now = now_ms();
    let today_start = now - now.rem_euclid(DAY_MS);
    let yesterday = today_start - DAY_MS / 2;
    let today = (now - 60_000).max(today_start + 1_000);
    let ids = [
        unique("cA"),
        unique("cB"),
        unique("cC"),
        unique("cD"),
        unique("cE"),
    ];
    let [a, b, c, d, e] = ids.clone();
    stack
        .collector()
        .send_all(
            site,
            vec![
                e2e::scale5_offered(&a, yesterday),
                e2e::scale5_answered(&a, yesterday + 1_000, 5, None, true),
                thumb(&a, "up", "What is the <b>return</b> window?", yesterday),
                e2e::scale5_offered(&b, yesterday + 60_000),
                e2e::scale5_answered(&b, yesterday + 61_000, 1, Some("Sizes were wrong"), true),
                thumb(
                    &b,
                    "down",
                    "Do the Trail Runner shoes run small?",
                    yesterday + 60_000,
                ),
                e2e::scale5_offered(&c, today),
                csat_event(
                    "csat_dismissed",
                    &unique("ev"),
                    &c,
                    today + 1,
                    json!({"mode": "scale5"}),
                ),
                thumb(
                    &d,
                    "down",
                    "Do trail runner shoes run small or large?",
                    today,
                ),
                e2e::scale5_offered(&e, today),
                e2e::scale5_answered(&e, today + 1_000, 4, None, true),
            ],
        )
        .await
        .unwrap();
    let date = |ms: i64| {
        let days = ms.div_euclid(DAY_MS);
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        format!("{year:04}-{month:02}-{day:02}")
    };
    Seeded {
        a,
        b,
        c,
        d,
        e,
        days: (date(yesterday), date(today)),
    }
}

/// Text without Fluent's bidi isolation marks around placeables.
fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

async fn figure(browser: &Browser, name: &str) -> String {
    plain(
        &browser
            .page_text(&format!("[data-figure=\"{name}\"]"))
            .await
            .unwrap(),
    )
}

/// Conversation ids in the inbox table, as listed.
async fn listed(browser: &Browser) -> Vec<String> {
    let rows = browser
        .js(
            "return [...document.querySelectorAll('table.inbox tbody tr')].map(r => r.dataset.conversation);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(rows).unwrap()
}

async fn choose_filter(browser: &Browser, value: &str, expected: &[&String]) {
    set_value(browser, "#feedback-filter", value, "change").await;
    let mut want: Vec<String> = expected.iter().map(|id| id.to_string()).collect();
    want.sort();
    eventually(
        &format!("the {value} filter"),
        Duration::from_secs(15),
        || async {
            let mut shown = listed(browser).await;
            shown.sort();
            Ok((shown == want).then_some(()))
        },
    )
    .await
    .unwrap();
}

/// Sets a form control's value and fires `event`, as a person's choice would.
async fn set_value(browser: &Browser, selector: &str, value: &str, event: &str) {
    browser.page_element(selector).await.unwrap();
    browser
        .js(
            "const control = document.querySelector(arguments[0]); control.value = arguments[1];
             control.dispatchEvent(new Event(arguments[2], { bubbles: true }));",
            vec![json!(selector), json!(value), json!(event)],
        )
        .await
        .unwrap();
}

/// Waits until the figure `name` reads `expected` (a new window has loaded).
async fn figure_becomes(browser: &Browser, name: &str, expected: &str) {
    eventually(&format!("{name} to read {expected}"), Duration::from_secs(15), || async {
        let text = browser
            .js(
                "const e = document.querySelector(`[data-figure=\"${arguments[0]}\"]`); return e && e.textContent;",
                vec![json!(name)],
            )
            .await?;
        Ok((text == json!(expected)).then_some(()))
    })
    .await
    .unwrap();
}

async fn no_violations(browser: &Browser, what: &str) {
    let violations = browser.axe_violations().await.unwrap();
    assert!(violations.is_empty(), "{what}: {violations:#?}");
}

/// A browser signed in to the dashboard (at `/dashboard/{query}`) as
/// `site`, and that address.
async fn signed_in(stack: &Stack, site: &SiteAccess, query: &str) -> (Browser, String) {
    let browser = Browser::start(stack).await.unwrap();
    let dashboard = format!("{}/dashboard/{query}", stack.worker_url);
    browser
        .sign_in_to_dashboard(&dashboard, site)
        .await
        .unwrap();
    (browser, dashboard)
}

#[tokio::test]
async fn the_dashboard_shows_exactly_the_seeded_figures_inbox_and_gaps() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("dashboard").unwrap();
    let seeded = seed(&stack, &site).await;
    let browser = Browser::start(&stack).await.unwrap();
    // Whatever the dashboard's Content-Security-Policy blocks is recorded.
    browser
        .before_each_page(
            "window.__blocked = [];
             document.addEventListener('securitypolicyviolation',
               e => window.__blocked.push(e.violatedDirective + ' ' + e.blockedURI));",
        )
        .await
        .unwrap();

    // Sign in with the keyboard only.
    browser
        .client
        .goto(&format!("{}/dashboard/?locale=en-US", stack.worker_url))
        .await
        .unwrap();
    let key_field = browser.page_element("#site-key").await.unwrap();
    no_violations(&browser, "sign-in").await;
    key_field.click().await.unwrap();
    key_field
        .send_keys(&format!("{}\u{E004}", site.key))
        .await
        .unwrap(); // Tab
    let active = browser.client.active_element().await.unwrap();
    assert_eq!(
        active.attr("id").await.unwrap().as_deref(),
        Some("site-secret")
    );
    active
        .send_keys(&format!("{}{}", site.secret, char::from(Key::Enter)))
        .await
        .unwrap();

    // Overview, last 7 days.
    browser.page_element(".cards").await.unwrap();
    set_value(&browser, "#period", "7", "change").await;
    figure_becomes(&browser, "csat-offered", "4").await;
    // Hand-computed: scores 5, 1, 4 of 4 offers (C dismissed); thumbs 1 up, 2 down.
    assert_eq!(figure(&browser, "csat-average").await, "3.33");
    assert_eq!(figure(&browser, "csat-response-rate").await, "75%");
    assert_eq!(figure(&browser, "csat-net-score").await, "33.3%");
    assert_eq!(figure(&browser, "csat-accepted").await, "3");
    assert_eq!(figure(&browser, "csat-denied").await, "1");
    assert_eq!(figure(&browser, "csat-completed").await, "3");
    assert_eq!(figure(&browser, "thumbs-up").await, "1");
    assert_eq!(figure(&browser, "thumbs-down").await, "2");
    assert_eq!(
        figure(&browser, "thumbs-up-share").await,
        "33.3% of rated messages"
    );
    assert_eq!(
        figure(&browser, "thumbs-down-share").await,
        "66.7% of rated messages"
    );
    assert_eq!(
        figure(&browser, "thumbs-up-delta").await,
        "+1 vs previous period"
    );
    assert_eq!(
        figure(&browser, "thumbs-down-delta").await,
        "+2 vs previous period"
    );
    let bars = browser
        .js("return [...document.querySelectorAll('.distribution li')].map(li => li.textContent.trim().replace(/[\\u2068\\u2069]/g, ''));", vec![])
        .await
        .unwrap();
    assert_eq!(
        bars,
        json!([
            "1: one conversation",
            "2: 0 conversations",
            "3: 0 conversations",
            "4: one conversation",
            "5: one conversation"
        ])
    );
    // The bars are drawn through CSSOM, which the policy allows (a `style`
    // attribute would be blocked and draw nothing).
    let widths = browser
        .js("return [...document.querySelectorAll('.distribution .bar')].map(bar => bar.style.width);", vec![])
        .await
        .unwrap();
    assert_eq!(widths, json!(["100%", "0%", "0%", "100%", "100%"]));
    // The chart: yesterday (5 and 1) and today (4).
    let dots = browser
        .js("return [...document.querySelectorAll('circle.dot')].map(c => [c.dataset.date, c.dataset.average]);", vec![])
        .await
        .unwrap();
    assert_eq!(
        dots,
        json!([[seeded.days.0, "3"], [seeded.days.1, "4"]]),
        "one dot per rated day"
    );
    let dot = browser.page_element("circle.dot").await.unwrap();
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: dot,
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    browser.client.perform_actions(hover).await.unwrap();
    let readout = figure(&browser, "chart-readout").await;
    assert!(readout.ends_with(": 3.00 from 2 ratings"), "{readout:?}");
    no_violations(&browser, "overview").await;
    browser
        .screenshot(&stack, "dashboard-overview")
        .await
        .unwrap();

    // A custom range of yesterday alone: only A and B were offered then.
    set_value(&browser, "#period", "custom", "change").await;
    for field in ["#period-from", "#period-to"] {
        set_value(&browser, field, &seeded.days.0, "input").await;
    }
    browser
        .page_element(".period button[type=submit]")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    figure_becomes(&browser, "csat-offered", "2").await;
    assert_eq!(figure(&browser, "csat-average").await, "3.00");
    assert_eq!(figure(&browser, "thumbs-down").await, "1");
    // Back to the last 7 days for the rest.
    set_value(&browser, "#period", "7", "change").await;
    figure_becomes(&browser, "csat-offered", "4").await;

    // The inbox, reached with the keyboard: Tab to the Conversations link, Enter.
    let mut reached = false;
    for _ in 0..12 {
        let active = browser.client.active_element().await.unwrap();
        if active.attr("href").await.unwrap().as_deref() == Some("#/conversations") {
            active
                .send_keys(&char::from(Key::Enter).to_string())
                .await
                .unwrap();
            reached = true;
            break;
        }
        active
            .send_keys(&char::from(Key::Tab).to_string())
            .await
            .unwrap();
    }
    assert!(reached, "the Conversations link is reachable with Tab");
    browser.page_element("table.inbox").await.unwrap();
    choose_filter(
        &browser,
        "all",
        &[&seeded.a, &seeded.b, &seeded.c, &seeded.d, &seeded.e],
    )
    .await;
    choose_filter(&browser, "upvote", &[&seeded.a, &seeded.e]).await;
    // A's excerpt: the shopper's words as text, markup and all.
    let row_a = format!("tr[data-conversation=\"{}\"]", seeded.a);
    assert_eq!(
        browser
            .page_text(&format!("{row_a} .excerpt"))
            .await
            .unwrap(),
        "What is the <b>return</b> window?"
    );
    let markup = browser
        .js(
            "return document.querySelectorAll(arguments[0]).length;",
            vec![json!(format!("{row_a} .excerpt b"))],
        )
        .await
        .unwrap();
    assert_eq!(markup, json!(0), "shopper text is never markup");
    choose_filter(&browser, "unknown", &[&seeded.c, &seeded.d]).await;
    choose_filter(&browser, "downvote", &[&seeded.b]).await;
    let row = format!("tr[data-conversation=\"{}\"]", seeded.b);
    assert_eq!(
        browser
            .page_text(&format!("{row} [data-satisfaction]"))
            .await
            .unwrap(),
        "Negative"
    );
    let tip = browser
        .page_element(&format!("{row} .info"))
        .await
        .unwrap()
        .attr("data-tip")
        .await
        .unwrap();
    assert_eq!(plain(&tip.unwrap()), "Negative reason: Sizes were wrong");
    // B's excerpt is the question its 👎 answered; its reason tag beside.
    assert_eq!(
        browser.page_text(&format!("{row} .excerpt")).await.unwrap(),
        "Do the Trail Runner shoes run small?"
    );
    assert_eq!(
        browser.page_text(&format!("{row} .tags li")).await.unwrap(),
        "wrong_answer"
    );
    no_violations(&browser, "inbox").await;

    // Export the current filter: the file holds B only.
    browser.capture_downloads().await.unwrap();
    browser
        .page_element("button.export")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let (name, csv) = browser.download(0).await.unwrap();
    assert!(name.ends_with(".csv"), "{name}");
    assert_eq!(csv.lines().count(), 2, "header and B: {csv}");
    assert!(csv.contains(&seeded.b) && csv.contains("Sizes were wrong"));
    // The same filter's rated answers, as a dataset: B's 👎 with the
    // question and the answer this site keeps.
    browser
        .page_element("button.export-dataset")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let (name, jsonl) = browser.download(1).await.unwrap();
    assert!(
        name.starts_with("rated-answers-") && name.ends_with(".jsonl"),
        "{name}"
    );
    let lines = e2e::ndjson_records(&jsonl).unwrap();
    let down = lines
        .iter()
        .find(|line| line["score"] == 0)
        .unwrap_or_else(|| panic!("{jsonl}"));
    assert_eq!(down["metadata"]["conversation_id"], seeded.b.as_str());
    assert_eq!(down["input"], "Do the Trail Runner shoes run small?");
    assert_eq!(down["comment"], "It said true to size");
    assert_eq!(down["output"], "They run true to size.");
    assert!(
        lines
            .iter()
            .all(|line| line["metadata"]["conversation_id"] == seeded.b.as_str()),
        "{jsonl}"
    );
    assert_eq!(browser.page_text(".export-status").await.unwrap(), "");

    // One conversation.
    browser
        .page_element(&format!("{row} a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let badge = browser.page_text(".rated .badge").await.unwrap();
    assert!(badge.ends_with("Negative feedback by user"), "{badge:?}");
    assert_eq!(browser.page_text(".rated .badge").await.unwrap(), badge);
    let rated = browser.page_text(".rated").await.unwrap();
    for expected in [
        "Do the Trail Runner shoes run small?",
        "It said true to size",
        "wrong_answer",
    ] {
        assert!(rated.contains(expected), "{expected} in {rated:?}");
    }
    assert_eq!(figure(&browser, "CSAT_SCORE").await, "1");
    assert_eq!(figure(&browser, "CSAT_OFFERED").await, "Yes");
    assert_eq!(figure(&browser, "CSAT_COMPLETED").await, "Yes");
    assert_eq!(
        figure(&browser, "CSAT_FREE_FEEDBACK").await,
        "Sizes were wrong"
    );
    no_violations(&browser, "conversation").await;

    // Recommendations: B and D asked the same thing and both got 👎.
    browser
        .page_element("a[href=\"#/recommendations\"]")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let gap = browser.page_element("li.gap").await.unwrap();
    assert_eq!(gap.attr("data-count").await.unwrap().as_deref(), Some("2"));
    let text = plain(&gap.text().await.unwrap());
    assert!(text.contains("2 thumbs-down"), "{text}");
    let links = browser
        .js(
            "return [...document.querySelectorAll('li.gap .links a')].map(a => a.textContent);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(links, json!([seeded.d, seeded.b]), "latest first");
    no_violations(&browser, "recommendations").await;

    // A wrong secret is refused on sign-in.
    browser
        .page_element("button.signout")
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .page_element("#site-key")
        .await
        .unwrap()
        .send_keys(&site.key)
        .await
        .unwrap();
    browser
        .page_element("#site-secret")
        .await
        .unwrap()
        .send_keys(&format!("{}x{}", site.secret, char::from(Key::Enter)))
        .await
        .unwrap();
    eventually("the refusal", Duration::from_secs(10), || async {
        let text = browser.page_text(".problem").await?;
        Ok((text == "The site key or secret is wrong.").then_some(()))
    })
    .await
    .unwrap();
    // Every section was shown under the policy without it blocking anything
    // (the recorder itself is in place: it is an empty list, not missing).
    let blocked = browser
        .js("return window.__blocked;", vec![])
        .await
        .unwrap();
    assert_eq!(
        blocked,
        json!([]),
        "the Content-Security-Policy blocked these"
    );
    // Positive control: an inline style is blocked, and the recorder sees it.
    browser
        .js("document.body.setAttribute('style', 'color: red');", vec![])
        .await
        .unwrap();
    eventually(
        "the blocked inline style",
        Duration::from_secs(10),
        || async {
            let blocked = browser.js("return window.__blocked;", vec![]).await?;
            let seen = blocked.as_array().is_some_and(|list| {
                list.len() == 1
                    && list[0]
                        .as_str()
                        .unwrap_or_default()
                        .starts_with("style-src")
            });
            Ok(seen.then_some(()))
        },
    )
    .await
    .unwrap();
    browser.close().await.unwrap();
}

#[tokio::test]
async fn the_dashboard_speaks_the_owners_language_and_arabic_reads_right_to_left() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("dashboard").unwrap();
    let (browser, dashboard) = signed_in(&stack, &site, "").await;
    for (locale, overview, dir) in [("de", "Übersicht", "ltr"), ("ar", "نظرة عامة", "rtl")]
    {
        browser
            .client
            .goto(&format!("{dashboard}?locale={locale}"))
            .await
            .unwrap();
        eventually(
            &format!("the dashboard in {locale}"),
            Duration::from_secs(15),
            || async {
                let link = browser.page_text("a[href=\"#/overview\"]").await?;
                Ok((link == overview).then_some(()))
            },
        )
        .await
        .unwrap();
        let html = browser
            .js("return [document.documentElement.lang, document.documentElement.dir, document.title];", vec![])
            .await
            .unwrap();
        assert_eq!(html[0], locale);
        assert_eq!(html[1], dir);
        assert_ne!(html[2], "Feedback dashboard", "the title is translated too");
        browser.page_element(".cards").await.unwrap();
        no_violations(&browser, locale).await;
    }
    browser
        .screenshot(&stack, "dashboard-ar-rtl")
        .await
        .unwrap();
    browser.close().await.unwrap();
}

#[tokio::test]
async fn the_open_inbox_refreshes_itself_keeping_the_scroll_and_the_rows_that_did_not_change() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("inbox_live").unwrap();
    let at = now_ms() - 60_000;
    let (kept, changed, arrived) = (unique("ck"), unique("cc"), unique("cn"));
    stack
        .collector()
        .send_all(
            &site,
            vec![
                thumb_event(&unique("ev"), &kept, "m1", "up", at),
                thumb_event(&unique("ev"), &changed, "m1", "up", at + 1_000),
            ],
        )
        .await
        .unwrap();
    let (browser, dashboard) = signed_in(&stack, &site, "?locale=en-US").await;
    browser
        .client
        .goto(&format!("{dashboard}#/conversations"))
        .await
        .unwrap();
    let row = |id: &str| format!("tr[data-conversation=\"{id}\"]");
    browser.page_element(&row(&changed)).await.unwrap();
    // A page long enough to scroll, scrolled; the unchanged row marked.
    browser
        .js(
            "document.body.style.paddingBottom = '3000px';
             window.scrollTo(0, 120);
             document.querySelector(arguments[0]).dataset.seen = 'yes';",
            vec![json!(row(&kept))],
        )
        .await
        .unwrap();

    // While the inbox is open: a new conversation, and a 👎 in another.
    stack
        .collector()
        .send_all(
            &site,
            vec![
                thumb_event(&unique("ev"), &arrived, "m1", "up", at + 2_000),
                thumb_event(&unique("ev"), &changed, "m2", "down", at + 3_000),
            ],
        )
        .await
        .unwrap();
    let listed = eventually(
        "the new conversation in the open inbox",
        Duration::from_secs(40),
        || async {
            let ids = listed(&browser).await;
            Ok(ids.contains(&arrived).then_some(ids))
        },
    )
    .await
    .unwrap();
    // The 👎 came last, so its conversation leads.
    assert_eq!(
        listed,
        [changed.clone(), arrived.clone(), kept.clone()],
        "most recent first"
    );
    let thumbs = browser
        .page_text(&format!("{} td[data-figure=\"thumbs\"]", row(&changed)))
        .await
        .unwrap();
    assert_eq!(plain(&thumbs), "👍 1 · 👎 1", "the changed row is redrawn");
    let state = browser
        .js(
            "return [window.scrollY, document.querySelector(arguments[0]).dataset.seen || null];",
            vec![json!(row(&kept))],
        )
        .await
        .unwrap();
    assert_eq!(
        state,
        json!([120, "yes"]),
        "the scroll stays, and an unchanged row is the same element"
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn the_open_overview_shows_new_feedback_without_a_reload() {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("overview_live").unwrap();
    let at = now_ms() - 60_000;
    stack
        .collector()
        .send_all(
            &site,
            vec![thumb_event(&unique("ev"), &unique("c"), "m1", "up", at)],
        )
        .await
        .unwrap();
    let (browser, dashboard) = signed_in(&stack, &site, "?locale=en-US").await;
    browser.client.goto(&dashboard).await.unwrap();
    figure_becomes(&browser, "thumbs-up", "1").await;
    browser
        .js("window.sameDocument = true;", vec![])
        .await
        .unwrap();

    // While it is open: a 👎 in a new conversation.
    stack
        .collector()
        .send_all(
            &site,
            vec![thumb_event(
                &unique("ev"),
                &unique("c"),
                "m1",
                "down",
                at + 1_000,
            )],
        )
        .await
        .unwrap();
    eventually("the 👎 on the open Overview", Duration::from_secs(40), || async {
        let text = browser
            .js(
                "const e = document.querySelector('[data-figure=\"thumbs-down\"]'); return e && e.textContent;",
                vec![],
            )
            .await?;
        Ok((text == json!("1")).then_some(()))
    })
    .await
    .unwrap();
    assert_eq!(figure(&browser, "thumbs-up").await, "1");
    let same = browser
        .js("return window.sameDocument === true;", vec![])
        .await
        .unwrap();
    assert_eq!(same, Value::Bool(true), "the page itself was not reloaded");
    browser.close().await.unwrap();
}

/// The sections that are wasms of their own, as their files are named.
const SECTIONS: [&str; 4] = ["wording", "settings", "compare", "conversation"];

#[tokio::test]
async fn the_sections_of_their_own_are_fetched_after_the_first_section_shows_and_open_from_the_cache()
 {
    let stack = Stack::from_env().unwrap();
    let site = stack.named_site("dashboard").unwrap();
    let (browser, dashboard) = signed_in(&stack, &site, "").await;
    browser.client.goto(&dashboard).await.unwrap();
    browser.page_element(".cards").await.unwrap();
    // Each fetch of a file (its start, and the bytes that crossed the
    // network: none when the HTTP cache answered) and when the Overview's
    // figures arrived, by the page's own clock.
    let timings = || async {
        browser
            .js(
                "const all = performance.getEntriesByType('resource');
                 const named = (part) => all.filter((entry) => entry.name.includes(part))
                   .map((entry) => ({ start: entry.startTime, end: entry.responseEnd, bytes: entry.transferSize }));
                 return {
                   overview: named('/overview'),
                   app: named('/files/dashboard_bg.'),
                   wording: named('/files/wording_editor_bg.'),
                   settings: named('/files/settings_section_bg.'),
                   compare: named('/files/compare_section_bg.'),
                   conversation: named('/files/conversation_section_bg.'),
                 };",
                vec![],
            )
            .await
            .unwrap()
    };
    let fetched_once = |found: &Value, section: &str| {
        found[section]
            .as_array()
            .is_some_and(|list| list.len() == 1 && list[0]["end"].as_f64() > Some(0.0))
    };
    let fetched = eventually(
        "the sections' code fetched while the owner looks at the Overview",
        Duration::from_secs(20),
        || async {
            let found = timings().await;
            Ok(SECTIONS
                .iter()
                .all(|section| fetched_once(&found, section))
                .then_some(found))
        },
    )
    .await
    .unwrap();
    let overview_end = fetched["overview"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|entry| entry["end"].as_f64())
        .fold(f64::INFINITY, f64::min);
    assert_eq!(fetched["app"].as_array().unwrap().len(), 1, "{fetched}");
    for section in SECTIONS {
        let prefetch = &fetched[section][0];
        assert!(
            prefetch["start"].as_f64().unwrap() >= overview_end,
            "{section}'s fetch waits for the first section's figures: {fetched}"
        );
        assert!(prefetch["bytes"].as_f64().unwrap() > 0.0, "{fetched}");
    }
    for (section, links, drawn) in [
        (
            "wording",
            &["a[href=\"#/wording\"]"][..],
            ".wording-message[data-id=\"csat-title\"]",
        ),
        ("settings", &["a[href=\"#/settings\"]"], "form.settings"),
        (
            "compare",
            &["a[href=\"#/compare\"]"],
            "select#compare-dimension",
        ),
        (
            "conversation",
            &[
                "a[href=\"#/conversations\"]",
                "table.inbox tbody tr a[href^=\"#/conversations/\"]",
            ],
            "section.user-data",
        ),
    ] {
        for link in links {
            browser
                .page_element(link)
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
        }
        browser.page_element(drawn).await.unwrap();
        let after = timings().await;
        let opened = after[section].as_array().unwrap();
        assert_eq!(opened.len(), 2, "{after}");
        assert_eq!(
            opened[1]["bytes"].as_f64(),
            Some(0.0),
            "opening {section} took its code from the HTTP cache: {after}"
        );
    }
    browser.close().await.unwrap();
}
