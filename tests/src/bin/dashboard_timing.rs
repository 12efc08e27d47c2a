//! Times the site owners' dashboard in headless Chromium against a seeded
//! collector, for `cargo xtask bench --dashboard`: how long each section
//! takes to show its numbers, and the longest main-thread task while it
//! does (what a person would feel as a freeze), from Chromium's trace;
//! and how long the sections that are wasms of their own (Wording,
//! Settings, Compare, a conversation) take to be usable on a cold HTTP
//! cache, and their own fetch.
//!
//! `dashboard_timing <collector url> <webdriver url> <chromium> <site.json> <runs>`

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use e2e::browser::Browser;
use e2e::{Args, figure, percentile};
use serde_json::{Value, json};

/// The longest task the page's main thread ran while `url` loaded until
/// `ready` (a JS expression) was true and the next frame was drawn, from
/// Chromium's trace (tasks under 50 ms count too, unlike the `longtask`
/// observer).
async fn longest_task(traced: &Browser, url: &str, ready: &str) -> Result<Longest> {
    // Hands over (and drops) what the trace holds from before.
    traced.client.goto("about:blank").await?;
    traced.trace_events().await?;
    open(traced, url, ready).await?;
    traced
        .js(
            "return new Promise(done => requestAnimationFrame(() => setTimeout(done)));",
            vec![],
        )
        .await?;
    traced.client.goto("about:blank").await?;
    let events = traced.trace_events().await?;
    let tasks = e2e::trace::busiest_main_thread(&events);
    if tasks.is_empty() {
        bail!("{url}: the trace holds no task of the page");
    }
    Ok(Longest {
        ms: tasks.iter().copied().fold(0.0, f64::max),
        inside: e2e::trace::inside_longest_task(&events, 6),
    })
}

/// A load's longest main-thread task, and what it spent its time in.
struct Longest {
    ms: f64,
    inside: Vec<(String, f64)>,
}

/// When Wording is usable: the editor's first message can be typed into.
const WORDING_READY: &str = "document.querySelector('#wording-csat-title')";

/// When Settings is usable: its form is drawn with the stored settings.
const SETTINGS_READY: &str = "document.querySelector('form.settings')";

/// When Compare has shown its figures: the first value's row.
const COMPARE_READY: &str = "document.querySelector('table.compare tbody tr')";

/// When a conversation is shown: its User data card.
const CONVERSATION_READY: &str = "document.querySelector('section.user-data')";

/// When the inbox has shown its first page.
const INBOX_READY: &str = "document.querySelectorAll('table.inbox tbody tr').length >= 50";

/// Signs `browser` in to the dashboard at `dashboard` as `site`.
async fn sign_in(browser: &Browser, dashboard: &str, site: &Value) -> Result<()> {
    browser.client.goto(dashboard).await?;
    browser
        .js(
            "sessionStorage.setItem('feedback-dashboard:site-key', arguments[0]);
             sessionStorage.setItem('feedback-dashboard:secret', arguments[1]);",
            vec![site["key"].clone(), site["secret"].clone()],
        )
        .await?;
    Ok(())
}

/// Navigates to `url` and waits until `ready` (a JS expression) is true;
/// the milliseconds it took.
async fn open(browser: &Browser, url: &str, ready: &str) -> Result<f64> {
    let started = Instant::now();
    browser.client.goto(url).await?;
    loop {
        let done = browser.js(&format!("return !!({ready});"), vec![]).await?;
        if done == json!(true) {
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            bail!("{url}: not ready after 60 s ({ready})");
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Ok(started.elapsed().as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::from_env();
    let arg = |i: usize| args.get(i);
    let (url, webdriver, chromium) = (args.loopback_url(0)?, arg(1)?, arg(2)?);
    let sites: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(arg(3)?)?)?;
    let site = sites.first().context("no site")?;
    let runs: usize = arg(4)?.parse::<usize>()?.clamp(1, 50);

    let dashboard = format!("{url}/dashboard/?locale=en-US");
    // Times are taken untraced (tracing slows the page); the tasks in a
    // second browser, traced.
    let browser = Browser::start_with(webdriver, chromium).await?;
    sign_in(&browser, &dashboard, site).await?;
    let traced = Browser::start_traced(webdriver, chromium).await?;
    sign_in(&traced, &dashboard, site).await?;
    // The conversation to open: the inbox's first.
    open(
        &browser,
        &format!("{dashboard}#/conversations"),
        INBOX_READY,
    )
    .await?;
    let first = browser
        .js(
            "return document.querySelector('table.inbox tbody tr').dataset.conversation;",
            vec![],
        )
        .await?;
    let conversation = format!(
        "#/conversations/{}",
        first.as_str().context("the inbox has no conversation")?
    );
    let sections = [
        (
            "Overview (30 days)",
            "#/overview",
            "document.querySelector('[data-figure=\"csat-offered\"]')",
        ),
        ("Conversations, first 50", "#/conversations", INBOX_READY),
        ("A conversation", &conversation, CONVERSATION_READY),
        ("Compare (by role)", "#/compare", COMPARE_READY),
        (
            "Recommendations (gaps)",
            "#/recommendations",
            "document.querySelector('li.gap')",
        ),
        ("Settings", "#/settings", SETTINGS_READY),
        ("Wording", "#/wording", WORDING_READY),
        // A filter active: the satisfaction prompt's messages only.
        (
            "Wording, one part",
            "#/wording?locale=de&filter=prompt",
            WORDING_READY,
        ),
    ];
    for (name, hash, ready) in sections {
        let mut took = Vec::new();
        let mut longest = Vec::new();
        let mut worst: Option<Longest> = None;
        for _ in 0..runs {
            // A full load each time (warm HTTP cache), as when a person opens the page.
            let page = format!("{dashboard}{hash}");
            browser.client.goto("about:blank").await?;
            took.push(open(&browser, &page, ready).await?);
            let task = longest_task(&traced, &page, ready).await?;
            longest.push(task.ms);
            if worst.as_ref().is_none_or(|worst| task.ms > worst.ms) {
                worst = Some(task);
            }
        }
        took.sort_by(f64::total_cmp);
        longest.sort_by(f64::total_cmp);
        println!(
            "{name:<26} shown after p50 {:>6.0} ms, p90 {:>6.0} ms; longest main-thread task p50 {:>4.0} ms, p90 {:>4.0} ms, max {:>4.0} ms ({runs} loads)",
            percentile(&took, 0.5),
            percentile(&took, 0.9),
            percentile(&longest, 0.5),
            percentile(&longest, 0.9),
            longest.last().copied().unwrap_or(f64::NAN),
        );
        // Where the slowest load's longest task went (nested events
        // overlap), so a section over the budget says what to look at.
        if let Some(worst) = worst {
            let inside: Vec<String> = worst
                .inside
                .iter()
                .map(|(name, ms)| format!("{name} {ms:.1}"))
                .collect();
            println!("{:<26}   its {:.0} ms: {}", "", worst.ms, inside.join(", "));
        }
        figure(&format!("{name} shown p50"), percentile(&took, 0.5), "ms");
        figure(&format!("{name} shown p90"), percentile(&took, 0.9), "ms");
        figure(
            &format!("{name} longest task p90"),
            percentile(&longest, 0.9),
            "ms",
        );
    }
    traced.close().await?;
    // The sections that are wasms of their own on a cold HTTP cache (and
    // so no compiled wasm kept either), as for an owner who opens one first
    // after a deploy; where the section is a file of its own, how long its
    // fetch took (its module's request to its wasm's last byte).
    let fetched_alone = [
        (
            "Wording",
            "#/wording",
            WORDING_READY,
            "the editor's fetch",
            "wording_editor",
        ),
        (
            "Settings",
            "#/settings",
            SETTINGS_READY,
            "its own fetch",
            "settings_section",
        ),
        (
            "Compare",
            "#/compare",
            COMPARE_READY,
            "its own fetch",
            "compare_section",
        ),
        (
            "A conversation",
            &conversation,
            CONVERSATION_READY,
            "its own fetch",
            "conversation_section",
        ),
    ];
    for (name, hash, ready, fetch_name, stem) in fetched_alone {
        let mut cold = Vec::new();
        let mut own_fetch = Vec::new();
        for _ in 0..runs {
            browser.client.goto("about:blank").await?;
            browser.cdp("Network.clearBrowserCache", json!({})).await?;
            cold.push(open(&browser, &format!("{dashboard}{hash}"), ready).await?);
            let span = browser
                .js(
                    "const all = performance.getEntriesByType('resource');
                     const first = (part) => all.find((entry) => entry.name.includes(part));
                     const files = [`/${arguments[0]}.`, `/${arguments[0]}_bg.`].map(first)
                       .filter((entry) => entry !== undefined);
                     if (files.length === 0) return null;
                     return Math.max(...files.map((f) => f.responseEnd))
                       - Math.min(...files.map((f) => f.startTime));",
                    vec![json!(stem)],
                )
                .await?;
            if let Some(span) = span.as_f64() {
                own_fetch.push(span);
            }
        }
        cold.sort_by(f64::total_cmp);
        own_fetch.sort_by(f64::total_cmp);
        println!(
            "{:<26} usable after p50 {:>6.0} ms, p90 {:>6.0} ms; {fetch_name} p50 {:>4.0} ms ({runs} loads)",
            format!("{name}, cold cache"),
            percentile(&cold, 0.5),
            percentile(&cold, 0.9),
            percentile(&own_fetch, 0.5),
        );
        for (quantile, label) in [(0.5, "p50"), (0.9, "p90")] {
            figure(
                &format!("{name}, cold cache, usable {label}"),
                percentile(&cold, quantile),
                "ms",
            );
        }
        if !own_fetch.is_empty() {
            figure(
                &format!("{name}, cold cache, {fetch_name} p50"),
                percentile(&own_fetch, 0.5),
                "ms",
            );
        }
    }
    // Paging through the inbox: each "Load more" adds 50 rows.
    browser.client.goto("about:blank").await?;
    open(
        &browser,
        &format!("{dashboard}#/conversations"),
        INBOX_READY,
    )
    .await?;
    let mut pages = Vec::new();
    for page in 2..=6 {
        let started = Instant::now();
        browser
            .js("document.querySelector('button.more').click();", vec![])
            .await?;
        loop {
            let rows = browser
                .js(
                    "return document.querySelectorAll('table.inbox tbody tr').length;",
                    vec![],
                )
                .await?;
            if rows.as_u64().unwrap_or(0) >= page * 50 {
                break;
            }
            if started.elapsed() > Duration::from_secs(30) {
                bail!("page {page} of the inbox did not arrive");
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        pages.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    pages.sort_by(f64::total_cmp);
    println!(
        "{:<26} p50 {:>6.0} ms, max {:>6.0} ms per 50 more rows (pages 2-6)",
        "Conversations, load more",
        percentile(&pages, 0.5),
        pages.last().copied().unwrap_or(f64::NAN)
    );
    figure(
        "Conversations, 50 more rows p50",
        percentile(&pages, 0.5),
        "ms",
    );
    browser.close().await?;
    Ok(())
}
