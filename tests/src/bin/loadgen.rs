//! Bounded load generator for the collector on loopback, used by
//! `cargo xtask bench`. It only ever talks to the URL it is given (the
//! local Worker), stops after its duration or request cap, and prints what
//! it measured, its error count included. It exits non-zero when any
//! request failed for good, so no figure is ever taken over data that is
//! not all there: seeding retries a failed request (with backoff) and
//! reports the retries; ingest measures without retrying and fails.
//!
//! `loadgen ingest <url> <sites.json> <batch> <seconds> <concurrency> [<label>]`
//! `loadgen seed <url> <sites.json> <events> <concurrency>`
//! `loadgen read <url> <sites.json> <path> <requests>` (after one untimed request)

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use e2e::load::events;
use e2e::{Args, SiteAccess, envelope, figure, percentile};
use serde_json::Value;

/// Hard caps, whatever the arguments say.
const MAX_SECONDS: u64 = 120;
const MAX_REQUESTS: u64 = 2_000_000;
const MAX_CONCURRENCY: usize = 64;
/// Attempts at one seeding request before the seeding fails.
const SEED_ATTEMPTS: u32 = 6;

fn sites(path: &str) -> Result<Vec<SiteAccess>> {
    let list: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    list.iter()
        .map(|site| {
            Ok(SiteAccess {
                key: site["key"].as_str().context("site key")?.to_string(),
                secret: site["secret"].as_str().context("site secret")?.to_string(),
            })
        })
        .collect()
}

struct Totals {
    latencies_ms: Vec<f64>,
    events: u64,
    /// Requests that failed on every attempt.
    errors: u64,
    /// Attempts beyond the first.
    retries: u64,
    /// What the first failed attempt got back, to say why.
    first_failure: Option<String>,
    elapsed: Duration,
}

impl Totals {
    /// An error when any request failed for good.
    fn complete(&self) -> Result<()> {
        if self.errors > 0 {
            bail!(
                "{} requests failed (the first failed attempt: {}); no figure is taken over data that is not all there",
                self.errors,
                self.first_failure.as_deref().unwrap_or("unknown")
            );
        }
        Ok(())
    }
}

/// How one run drives the collector.
struct Load {
    /// Events per request.
    batch: usize,
    /// Stop sending after this long.
    deadline: Duration,
    /// Stop after this many requests.
    request_cap: u64,
    /// Requests in flight at once.
    concurrency: usize,
    /// Event times spread over this many milliseconds before now.
    spread_ms: i64,
    /// Attempts per request (1: no retries).
    attempts: u32,
}

async fn drive(url: &str, sites: &[SiteAccess], load: Load) -> Result<Totals> {
    let Load {
        batch,
        deadline,
        request_cap,
        concurrency,
        spread_ms,
        attempts,
    } = load;
    let http = e2e::http_client();
    let counter = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency.clamp(1, MAX_CONCURRENCY) {
        let http = http.clone();
        let counter = Arc::clone(&counter);
        let sites = sites.to_vec();
        let url = format!("{url}/v1/events");
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let (mut sent_events, mut errors, mut retries) = (0u64, 0u64, 0u64);
            let mut first_failure: Option<String> = None;
            loop {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                if n >= request_cap || started.elapsed() >= deadline {
                    break;
                }
                let Some(site) = sites.get((n as usize) % sites.len().max(1)) else {
                    break;
                };
                let body =
                    envelope(&site.key, events(n * batch as u64, batch, spread_ms)).to_string();
                let mut delivered = false;
                for attempt in 0..attempts.max(1) {
                    if attempt > 0 {
                        retries += 1;
                        tokio::time::sleep(Duration::from_millis(250 << attempt.min(5))).await;
                    }
                    let sent = Instant::now();
                    let outcome = http
                        .post(&url)
                        .header("Content-Type", "text/plain")
                        .bearer_auth(&site.secret)
                        .body(body.clone())
                        .send()
                        .await;
                    latencies.push(sent.elapsed().as_secs_f64() * 1000.0);
                    match outcome {
                        Ok(response) if response.status().is_success() => {
                            delivered = true;
                            break;
                        }
                        Ok(response) if first_failure.is_none() => {
                            let status = response.status();
                            let body = response.text().await.unwrap_or_default();
                            first_failure = Some(format!(
                                "{status}: {}",
                                body.chars().take(200).collect::<String>()
                            ));
                        }
                        Err(err) if first_failure.is_none() => {
                            first_failure = Some(err.to_string());
                        }
                        _ => {}
                    }
                }
                if delivered {
                    sent_events += batch as u64;
                } else {
                    errors += 1;
                }
            }
            (latencies, sent_events, errors, retries, first_failure)
        }));
    }
    let mut totals = Totals {
        latencies_ms: Vec::new(),
        events: 0,
        errors: 0,
        retries: 0,
        first_failure: None,
        elapsed: Duration::ZERO,
    };
    for worker in workers {
        let (latencies, sent, errors, retries, first_failure) = worker.await?;
        totals.first_failure = totals.first_failure.or(first_failure);
        totals.latencies_ms.extend(latencies);
        totals.events += sent;
        totals.errors += errors;
        totals.retries += retries;
    }
    totals.elapsed = started.elapsed();
    totals.latencies_ms.sort_by(f64::total_cmp);
    Ok(totals)
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::from_env();
    let arg = |i: usize| args.get(i);
    let url = args.loopback_url(1)?;
    let sites = sites(arg(2)?)?;
    match arg(0)? {
        "ingest" => {
            let batch: usize = arg(3)?.parse()?;
            let seconds: u64 = arg(4)?.parse::<u64>()?.min(MAX_SECONDS);
            let concurrency: usize = arg(5)?.parse()?;
            let totals = drive(
                url,
                &sites,
                Load {
                    batch,
                    deadline: Duration::from_secs(seconds),
                    request_cap: MAX_REQUESTS,
                    concurrency,
                    spread_ms: 3_600_000,
                    // A rare 503 from the local proxy is retried (and
                    // counted) rather than voiding the comparison.
                    attempts: 3,
                },
            )
            .await?;
            let events_per_second = totals.events as f64 / totals.elapsed.as_secs_f64();
            let (p50, p99) = (
                percentile(&totals.latencies_ms, 0.5),
                percentile(&totals.latencies_ms, 0.99),
            );
            println!(
                "batch {batch:>3}: {events_per_second:>7.0} events/s, {:>6.0} requests/s, p50 {p50:>6.1} ms, p99 {p99:>6.1} ms, {} requests, {} retries, {} errors",
                totals.latencies_ms.len() as f64 / totals.elapsed.as_secs_f64(),
                totals.latencies_ms.len(),
                totals.retries,
                totals.errors
            );
            totals.complete()?;
            // An optional sixth argument names the figures apart (the same
            // load on another placement of its sites).
            let name = match args.get(6).ok() {
                Some(label) => format!("ingest batch {batch}, {label}"),
                None => format!("ingest batch {batch}"),
            };
            figure(&name, events_per_second, "events/s");
            figure(&format!("{name} p99"), p99, "ms");
        }
        "seed" => {
            let total: u64 = arg(3)?.parse()?;
            let concurrency: usize = arg(4)?.parse()?;
            let batch = 100;
            let requests = total.div_ceil(batch as u64).min(MAX_REQUESTS);
            let totals = drive(
                url,
                &sites,
                Load {
                    batch,
                    deadline: Duration::from_secs(3_600),
                    request_cap: requests,
                    concurrency,
                    spread_ms: 6 * 86_400_000,
                    attempts: SEED_ATTEMPTS,
                },
            )
            .await?;
            println!(
                "seeded {} events in {:.0} s ({:.0} events/s), {} retries, {} errors",
                totals.events,
                totals.elapsed.as_secs_f64(),
                totals.events as f64 / totals.elapsed.as_secs_f64(),
                totals.retries,
                totals.errors
            );
            totals.complete()?;
        }
        "read" => {
            let path = arg(3)?;
            let count: usize = arg(4)?.parse::<usize>()?.min(1_000);
            let http = e2e::http_client();
            let site = sites.first().context("no site")?;
            let mut latencies = Vec::new();
            // One request first, not timed: the Worker's first request after
            // it starts compiles its wasm and opens the database, which is
            // the cold start, not the read.
            for timed in std::iter::once(false).chain(std::iter::repeat_n(true, count)) {
                let started = Instant::now();
                let response = http
                    .get(format!("{url}/v1/sites/{}/{path}", site.key))
                    .bearer_auth(&site.secret)
                    .send()
                    .await?;
                let status = response.status();
                let _ = response.bytes().await?;
                if timed {
                    latencies.push(started.elapsed().as_secs_f64() * 1000.0);
                }
                if !status.is_success() {
                    bail!("{path} answered {status}");
                }
            }
            latencies.sort_by(f64::total_cmp);
            let (p50, p99) = (percentile(&latencies, 0.5), percentile(&latencies, 0.99));
            println!("{path}: p50 {p50:.1} ms, p99 {p99:.1} ms over {count} requests, 0 errors");
            figure(&format!("{path} p50"), p50, "ms");
            figure(&format!("{path} p99"), p99, "ms");
        }
        other => bail!("unknown mode {other:?}"),
    }
    Ok(())
}
