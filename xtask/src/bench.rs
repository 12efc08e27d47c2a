//! `cargo xtask bench [--reads] [--dashboard]`: ingest throughput and
//! latency against the Worker on local workerd with a fresh local D1, at
//! batch sizes 1, 20 and 100; with `--reads`, also seeds 1,000,000 events
//! and times the Overview, the conversation list and the knowledge gaps;
//! with `--dashboard`, seeds (600,000 events, about 100,000 conversations,
//! unless `--reads` seeded more) and times the dashboard itself in headless
//! Chromium; with `--widget`, times the bubble's paint and the panel
//! after a click on the demo page from the loader's performance marks.
//! Prints the numbers BENCHMARKS.md records.

use std::process::Command;

use anyhow::Result;
use protocol::SiteConfig;

use crate::builds;
use std::time::Duration;

use crate::processes::{Background, free_port, http_answers, run, wait_until};
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
    tools::ensure_build_tools(repo)?;
    if dashboard || widget {
        tools::ensure_test_tools(repo)?;
    }
    if dashboard {
        builds::dashboard(repo)?;
    }
    if widget {
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
    if !(dashboard || widget) {
        return Ok(());
    }
    let driver_port = free_port()?;
    let mut driver = Background::spawn(
        "chromedriver",
        Command::new(tools::CHROMEDRIVER)
            .arg(format!("--port={driver_port}"))
            .stdout(std::process::Stdio::null()),
    )?;
    wait_until(&mut driver, "chromedriver", Duration::from_secs(30), || {
        http_answers(driver_port, "/status")
    })?;
    let webdriver = format!("http://127.0.0.1:{driver_port}");
    if widget {
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
