//! `cargo xtask bench [--reads]`: ingest throughput and latency against the
//! Worker on local workerd with a fresh local D1, at batch sizes 1, 20 and
//! 100; with `--reads`, also seeds 1,000,000 events and times the Overview
//! and the conversation list. Prints the numbers BENCHMARKS.md records.

use std::process::Command;

use anyhow::Result;
use protocol::SiteConfig;

use crate::builds;
use crate::processes::{free_port, run};
use crate::repo::Repo;
use crate::sites;
use crate::tools;
use crate::worker_dev::{self, D1, Log};

/// Sites the ingest load is spread over, so the per-site rate limit (1000
/// requests per 10 s) does not cap what is measured: the collector itself.
const INGEST_SITES: usize = 20;
/// Seconds each batch size is driven for.
const SECONDS: &str = "15";
/// Requests in flight at once.
const CONCURRENCY: &str = "8";
/// Events seeded for the read benchmarks.
const SEEDED_EVENTS: &str = "1000000";

fn loadgen(repo: &Repo) -> Command {
    let mut cmd = Command::new(repo.path("target/release/loadgen"));
    cmd.current_dir(repo.root());
    cmd
}

/// Runs the benchmarks and prints their numbers.
pub fn run_bench(repo: &Repo, args: &[String]) -> Result<()> {
    tools::ensure_build_tools(repo)?;
    builds::worker(repo)?;
    run(Command::new("cargo")
        .args(["build", "--release", "-p", "e2e", "--bin", "loadgen"])
        .current_dir(repo.root()))?;

    let run_dir = repo.path("target/bench");
    let _ = std::fs::remove_dir_all(&run_dir);
    std::fs::create_dir_all(&run_dir)?;
    let d1 = D1::new(repo, run_dir.join("state"));
    d1.migrate()?;
    let origins = ["https://bench.shop.example".to_string()];
    let ingest_sites = sites::upsert_many(&d1, INGEST_SITES, &origins, &SiteConfig::default())?;
    let read_site = sites::upsert_many(&d1, 1, &origins, &SiteConfig::default())?;
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

    if args.iter().any(|arg| arg == "--reads") {
        println!("\nseeding {SEEDED_EVENTS} events into one site (spread over 6 days):");
        run(loadgen(repo)
            .args(["seed", &url])
            .arg(&read_file)
            .args([SEEDED_EVENTS, CONCURRENCY]))?;
        for path in [
            "overview?tz=Europe/Berlin",
            "conversations?limit=50",
            "conversations?limit=50&feedback=downvote",
        ] {
            run(loadgen(repo)
                .args(["read", &url])
                .arg(&read_file)
                .args([path, "20"]))?;
        }
    }
    Ok(())
}
