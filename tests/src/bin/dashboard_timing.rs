//! Times the site owners' dashboard in headless Chromium against a seeded
//! collector, for `cargo xtask bench --dashboard`: how long each section
//! takes to show its numbers, and the longest main-thread task while it
//! does (what a person would feel as a freeze).
//!
//! `dashboard_timing <collector url> <webdriver url> <chromium> <site.json> <runs>`

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use e2e::browser::Browser;
use e2e::{Args, figure, percentile};
use serde_json::{Value, json};

/// Records every long task (> 50 ms) the page runs, from its first script.
const LONG_TASKS: &str = "window.__longTasks = [];
  if (PerformanceObserver.supportedEntryTypes.includes('longtask'))
    new PerformanceObserver(list => list.getEntries().forEach(e => window.__longTasks.push(e.duration)))
      .observe({ type: 'longtask', buffered: true });
  else window.__longTasks = null;";

/// Navigates to `url` and waits until `ready` (a JS expression) is true;
/// the milliseconds it took and the longest task meanwhile.
async fn time(browser: &Browser, url: &str, ready: &str) -> Result<(f64, f64)> {
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
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    // NaN when the browser cannot observe long tasks (never seen in Chromium).
    let longest = browser
        .js(
            "return window.__longTasks ? Math.max(0, ...window.__longTasks) : null;",
            vec![],
        )
        .await?
        .as_f64()
        .unwrap_or(f64::NAN);
    Ok((elapsed, longest))
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::from_env();
    let arg = |i: usize| args.get(i);
    let (url, webdriver, chromium) = (args.loopback_url(0)?, arg(1)?, arg(2)?);
    let sites: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(arg(3)?)?)?;
    let site = sites.first().context("no site")?;
    let runs: usize = arg(4)?.parse::<usize>()?.clamp(1, 50);

    let browser = Browser::start_with(webdriver, chromium).await?;
    browser.before_each_page(LONG_TASKS).await?;
    let dashboard = format!("{url}/dashboard/?locale=en-US");
    browser.client.goto(&dashboard).await?;
    browser
        .js(
            "sessionStorage.setItem('feedback-dashboard:site-key', arguments[0]);
             sessionStorage.setItem('feedback-dashboard:secret', arguments[1]);",
            vec![site["key"].clone(), site["secret"].clone()],
        )
        .await?;
    let sections = [
        (
            "Overview (30 days)",
            "#/overview",
            "document.querySelector('[data-figure=\"csat-offered\"]')",
        ),
        (
            "Conversations, first 50",
            "#/conversations",
            "document.querySelectorAll('table.inbox tbody tr').length >= 50",
        ),
        (
            "Recommendations (gaps)",
            "#/recommendations",
            "document.querySelector('li.gap')",
        ),
    ];
    for (name, hash, ready) in sections {
        let mut took = Vec::new();
        let mut longest = Vec::new();
        for _ in 0..runs {
            // A full load each time (warm HTTP cache), as when a person opens the page.
            browser.client.goto("about:blank").await?;
            let (ms, task) = time(&browser, &format!("{dashboard}{hash}"), ready).await?;
            took.push(ms);
            longest.push(task);
        }
        took.sort_by(f64::total_cmp);
        longest.sort_by(f64::total_cmp);
        println!(
            "{name:<26} shown after p50 {:>6.0} ms, p90 {:>6.0} ms; longest main-thread task p50 {:>4.0} ms, max {:>4.0} ms ({runs} loads)",
            percentile(&took, 0.5),
            percentile(&took, 0.9),
            percentile(&longest, 0.5),
            longest.last().copied().unwrap_or(f64::NAN),
        );
        figure(&format!("{name} shown p50"), percentile(&took, 0.5), "ms");
        figure(&format!("{name} shown p90"), percentile(&took, 0.9), "ms");
        figure(
            &format!("{name} longest task p90"),
            percentile(&longest, 0.9),
            "ms",
        );
    }
    // Paging through the inbox: each "Load more" adds 50 rows.
    browser.client.goto("about:blank").await?;
    time(
        &browser,
        &format!("{dashboard}#/conversations"),
        sections[1].2,
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
