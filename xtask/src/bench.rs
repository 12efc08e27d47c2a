//! `cargo xtask bench [--reads] [--dashboard]`: ingest throughput and
//! latency against the Worker on local workerd with a fresh local D1, at
//! batch sizes 1, 20 and 100; with `--reads`, also seeds 1,000,000 events
//! and times the Overview, the conversation list and the knowledge gaps;
//! with `--dashboard`, seeds (600,000 events, about 100,000 conversations,
//! unless `--reads` seeded more) and times the dashboard itself in headless
//! Chromium; with `--widget`, times the bubble's paint and the panel
//! after a click on the demo page from the loader's performance marks;
//! with `--lighthouse`, Lighthouse's performance score of the demo page
//! with and without the widget.
//! Prints the numbers BENCHMARKS.md records.

use std::process::Command;

use anyhow::Result;
use protocol::SiteConfig;

use crate::builds;

use crate::processes::{free_port, run};
use crate::repo::Repo;
use crate::sites;
use crate::static_site::{PageConfig, StaticSite};
use crate::tools;
use crate::worker_dev::{self, D1, Log};

/// Sites the ingest load is spread over, so the per-site rate limit (1000
/// requests per 10 s) does not cap what is measured: the collector itself.
const INGEST_SITES: usize = 20;
/// Seconds each batch size is driven for.
const SECONDS: &str = "15";
/// Requests in flight at once.
const CONCURRENCY: &str = "8";
/// Events seeded for the read benchmarks (six per conversation).
const SEEDED_EVENTS: &str = "1000000";
/// Events seeded for the dashboard alone: about 100,000 conversations.
const DASHBOARD_EVENTS: &str = "600000";
/// Lighthouse runs per variant of the demo page.
const LIGHTHOUSE_RUNS: usize = 5;
/// Page loads for the widget's timings.
const WIDGET_RUNS: &str = "20";
/// Page loads per dashboard section.
const DASHBOARD_RUNS: &str = "10";

fn loadgen(repo: &Repo) -> Command {
    let mut cmd = Command::new(repo.path("target/release/loadgen"));
    cmd.current_dir(repo.root());
    cmd
}

/// Runs the benchmarks and prints their numbers.
pub fn run_bench(repo: &Repo, args: &[String]) -> Result<()> {
    let reads = args.iter().any(|arg| arg == "--reads");
    let dashboard = args.iter().any(|arg| arg == "--dashboard");
    let widget = args.iter().any(|arg| arg == "--widget");
    let lighthouse = args.iter().any(|arg| arg == "--lighthouse");
    tools::ensure_build_tools(repo)?;
    if dashboard || widget || lighthouse {
        tools::ensure_test_tools(repo)?;
    }
    if dashboard {
        builds::dashboard(repo)?;
    }
    if widget || lighthouse {
        builds::widget(repo)?;
    }
    builds::worker(repo)?;
    run(Command::new("cargo")
        .args(["build", "--release", "-p", "e2e"])
        .args([
            "--bin",
            "loadgen",
            "--bin",
            "dashboard_timing",
            "--bin",
            "widget_timing",
        ])
        .current_dir(repo.root()))?;

    let run_dir = repo.path("target/bench");
    let _ = std::fs::remove_dir_all(&run_dir);
    std::fs::create_dir_all(&run_dir)?;
    let d1 = D1::new(repo, run_dir.join("state"));
    d1.migrate()?;
    let origins = ["https://bench.shop.example".to_string()];
    let ingest_sites = sites::upsert_many(&d1, INGEST_SITES, &origins, &SiteConfig::default())?;
    // The read site keeps excerpts, so knowledge gaps have questions to group.
    let read_config = SiteConfig {
        store_text: true,
        ..SiteConfig::default()
    };
    let read_site = sites::upsert_many(&d1, 1, &origins, &read_config)?;
    let as_json = |list: &[sites::SiteCredentials]| {
        serde_json::Value::from(
            list.iter()
                .map(|site| serde_json::json!({"key": site.key, "secret": site.secret}))
                .collect::<Vec<_>>(),
        )
        .to_string()
    };
    let ingest_file = run_dir.join("ingest-sites.json");
    let read_file = run_dir.join("read-site.json");
    std::fs::write(&ingest_file, as_json(&ingest_sites))?;
    std::fs::write(&read_file, as_json(&read_site))?;

    let port = free_port()?;
    let url = format!("http://127.0.0.1:{port}");
    let _worker = worker_dev::start(
        repo,
        &d1,
        port,
        Log::File(run_dir.join("wrangler.log")),
        &[],
    )?;

    println!("\ningest, {CONCURRENCY} requests in flight, {SECONDS} s per batch size:");
    for batch in ["1", "20", "100"] {
        run(loadgen(repo)
            .args(["ingest", &url])
            .arg(&ingest_file)
            .args([batch, SECONDS, CONCURRENCY]))?;
    }

    if reads || dashboard {
        let events = if reads {
            SEEDED_EVENTS
        } else {
            DASHBOARD_EVENTS
        };
        println!("\nseeding {events} events into one site (spread over 6 days):");
        run(loadgen(repo)
            .args(["seed", &url])
            .arg(&read_file)
            .args([events, CONCURRENCY]))?;
        for path in [
            "overview?tz=Europe/Berlin",
            "conversations?limit=50",
            "conversations?limit=50&feedback=downvote",
            "gaps",
        ] {
            run(loadgen(repo)
                .args(["read", &url])
                .arg(&read_file)
                .args([path, "20"]))?;
        }
    }
    if !(dashboard || widget || lighthouse) {
        return Ok(());
    }
    let (webdriver, _driver) = tools::start_chromedriver()?;
    let page_port = free_port()?;
    let page_origin = format!("http://127.0.0.1:{page_port}");
    let shop = sites::upsert(
        &d1,
        None,
        std::slice::from_ref(&page_origin),
        &SiteConfig::default(),
    )?;
    let _page = StaticSite::start(
        repo,
        page_port,
        PageConfig {
            site_key: shop.key,
            endpoint: url.clone(),
        },
    )?;
    if lighthouse {
        println!(
            "\nLighthouse performance score of the demo page ({LIGHTHOUSE_RUNS} runs each, median):"
        );
        let without = lighthouse_score(repo, &run_dir, &format!("{page_origin}/?widget=off"))?;
        let with = lighthouse_score(repo, &run_dir, &format!("{page_origin}/"))?;
        println!(
            "without the widget {without}, with it {with}: {} points (budget: at most 1 point lower)",
            i64::from(with) - i64::from(without)
        );
    }
    if widget {
        println!("\nthe widget on the demo page in headless Chromium ({WIDGET_RUNS} loads):");
        run(Command::new(repo.path("target/release/widget_timing"))
            .arg(format!("{page_origin}/"))
            .arg(&webdriver)
            .arg(tools::CHROMIUM)
            .arg(WIDGET_RUNS))?;
    }
    if dashboard {
        println!("\nthe dashboard in headless Chromium ({DASHBOARD_RUNS} loads each):");
        run(Command::new(repo.path("target/release/dashboard_timing"))
            .arg(&url)
            .arg(&webdriver)
            .arg(tools::CHROMIUM)
            .arg(&read_file)
            .arg(DASHBOARD_RUNS))?;
    }
    Ok(())
}

/// The median Lighthouse performance score (0–100) of `url`, run with
/// Debian's Chromium (Lighthouse's default mobile profile and throttling).
fn lighthouse_score(repo: &Repo, run_dir: &std::path::Path, url: &str) -> Result<u32> {
    let report = run_dir.join("lighthouse.json");
    let mut scores = Vec::new();
    for _ in 0..LIGHTHOUSE_RUNS {
        run(Command::new(repo.node_bin("lighthouse"))
            .arg(url)
            .args(["--quiet", "--only-categories=performance", "--output=json"])
            .arg(format!("--output-path={}", report.display()))
            .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage")
            .env("CHROME_PATH", tools::CHROMIUM))?;
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report)?)?;
        let score = json
            .pointer("/categories/performance/score")
            .and_then(serde_json::Value::as_f64)
            .ok_or_else(|| {
                anyhow::anyhow!("no performance score in Lighthouse's report for {url}")
            })?;
        scores.push((score * 100.0).round() as u32);
    }
    scores.sort_unstable();
    println!("  {url}: {scores:?}");
    Ok(scores.get(scores.len() / 2).copied().unwrap_or(0))
}
