//! `cargo xtask test`: every check and every test, as CI runs them.

use std::process::Command;
use std::time::Duration;

use anyhow::Result;
use protocol::SiteConfig;

use crate::builds;
use crate::collector_assets;
use crate::operations::sites;
use crate::processes::{free_ports_for_later, run as run_cmd, run_within};
use crate::repo::Repo;
use crate::static_site::{PageConfig, StaticSite};
use crate::tools::{self, CHROMEDRIVER};
use crate::worker_dev::{self, D1, Log};

fn step(title: &str) {
    println!("\n==> {title}");
}

fn cargo(repo: &Repo) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(repo.root());
    cmd
}

/// Runs fmt, clippy, unit tests, component tests in Chromium, then the
/// Worker and browser tests against a fresh local stack. With
/// `--e2e-only [FILTER]` (while working on one of them): builds, then only
/// the end-to-end tests whose names contain FILTER.
pub fn run(repo: &Repo, args: &[String]) -> Result<()> {
    let started = std::time::Instant::now();
    step("tools");
    tools::ensure_test_tools(repo)?;
    if args.first().map(String::as_str) == Some("--e2e-only") {
        step("build the widget, the dashboard and the Worker");
        builds::widget(repo)?;
        builds::dashboard(repo)?;
        builds::worker(repo)?;
        step("end-to-end only");
        return end_to_end(repo, args.get(1).map(String::as_str));
    }

    step("format");
    run_cmd(cargo(repo).args(["fmt", "--all", "--check"]))?;

    step("clippy (native and wasm32)");
    run_cmd(cargo(repo).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run_cmd(
        cargo(repo)
            .args([
                "clippy",
                "-p",
                "widget",
                "-p",
                "widget-app",
                "-p",
                "edge-worker",
                "-p",
                "dashboard",
                "-p",
                "wording-editor",
                "-p",
                "settings-section",
                "-p",
                "compare-section",
                "-p",
                "conversation-section",
                "--all-targets",
            ])
            .args(["--target", "wasm32-unknown-unknown", "--", "-D", "warnings"]),
    )?;

    step("locales");
    crate::locales::check_all(repo)?;

    step("unit tests (native)");
    run_cmd(cargo(repo).args(["test", "--workspace", "--exclude", "e2e"]))?;

    step("widget and dashboard component tests (wasm32 in headless Chromium)");
    run_cmd(
        cargo(repo)
            .args(["test", "-p", "widget", "-p", "dashboard"])
            .args(["--target", "wasm32-unknown-unknown"])
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;

    step("build the widget, the dashboard and the Worker");
    builds::widget(repo)?;
    builds::dashboard(repo)?;
    builds::worker(repo)?;

    step("deploy: a dry run of both environments (no Cloudflare account)");
    crate::deploy_check::check(repo)?;

    step("end-to-end: Worker on workerd with a fresh local D1, Chromium");
    end_to_end(repo, None)?;

    println!("\nall checks passed in {}s", started.elapsed().as_secs());
    Ok(())
}

fn end_to_end(repo: &Repo, filter: Option<&str>) -> Result<()> {
    let run_dir = repo.path(&format!("target/e2e/run-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&run_dir);
    std::fs::create_dir_all(&run_dir)?;
    let d1 = D1::new(repo, run_dir.join("state"));
    d1.migrate()?;

    // Every port this run serves on, chosen below Linux's ephemeral range
    // (32768 and up): a port from there can meanwhile become the local end
    // of some outgoing connection ("Address already in use" once).
    let (page_port, worker_port, queue_port, receivers) = match free_ports_for_later(8)?[..] {
        [page, worker, queue, hook, slow, down, retry, neighbour] => (
            page,
            worker,
            queue,
            // The webhook tests bind these minutes from now: one receiver
            // that answers, one that hangs first, one that always fails,
            // one for deliveries owed after a lost answer, one beside a
            // site whose webhook's host does not resolve.
            [
                ("webhook", hook),
                ("webhook_slow", slow),
                ("webhook_down", down),
                ("webhook_retry", retry),
                ("webhook_neighbour", neighbour),
            ],
        ),
        _ => anyhow::bail!("eight ports were asked for"),
    };
    let page_origin = format!("http://127.0.0.1:{page_port}");
    // The demo page's site offers reason tags and keeps excerpts; the other
    // site offers no tags and keeps no text.
    let shop_config = SiteConfig {
        reason_tags: vec![
            "wrong_answer".into(),
            "too_long".into(),
            "not_relevant".into(),
        ],
        store_text: true,
        ..SiteConfig::default()
    };
    let shop = sites::upsert(&d1, None, std::slice::from_ref(&page_origin), &shop_config)?;
    let other = sites::upsert(
        &d1,
        None,
        &["https://other-shop.example".to_string()],
        &SiteConfig {
            store_text: false,
            ..SiteConfig::default()
        },
    )?;

    // Sites of their own for tests whose figures or limits must see only
    // their own traffic, some with settings to test.
    let receiver_port = |site: &str| {
        receivers
            .iter()
            .find(|(name, _)| *name == site)
            .map(|(_, port)| *port)
    };
    let webhook_url =
        |site: &str| receiver_port(site).map(|port| format!("http://127.0.0.1:{port}/hook"));
    let named = [
        ("overview", SiteConfig::default()),
        ("inbox", SiteConfig::default()),
        ("inbox_etag", SiteConfig::default()),
        ("inbox_live", SiteConfig::default()),
        ("overview_live", SiteConfig::default()),
        ("copy_versions", SiteConfig::default()),
        ("copy_prompts", SiteConfig::default()),
        (
            "inbox_plain",
            SiteConfig {
                store_text: false,
                reason_tags: vec!["wrong_answer".into(), "too_long".into()],
                ..SiteConfig::default()
            },
        ),
        (
            "inbox_excerpts",
            SiteConfig {
                store_text: true,
                reason_tags: vec!["wrong_answer".into(), "too_long".into()],
                ..SiteConfig::default()
            },
        ),
        ("export", SiteConfig::default()),
        ("compare", SiteConfig::default()),
        ("review", SiteConfig::default()),
        // Its test expects the rated-answers export to say text is not kept.
        (
            "review_dashboard",
            SiteConfig {
                store_text: false,
                ..SiteConfig::default()
            },
        ),
        (
            "dataset",
            SiteConfig {
                store_text: true,
                ..SiteConfig::default()
            },
        ),
        (
            "dataset_plain",
            SiteConfig {
                store_text: false,
                ..SiteConfig::default()
            },
        ),
        ("alerts", SiteConfig::default()),
        ("alerts_digest", SiteConfig::default()),
        ("settings_alerts", SiteConfig::default()),
        ("settings_redaction", SiteConfig::default()),
        // #32: text kept and redacted (the default), and a site whose
        // test turns redaction off and sets its own patterns.
        (
            "redaction",
            SiteConfig {
                store_text: true,
                ..SiteConfig::default()
            },
        ),
        (
            "redaction_settings",
            SiteConfig {
                store_text: true,
                ..SiteConfig::default()
            },
        ),
        ("dataset_pages", SiteConfig::default()),
        ("export_live", SiteConfig::default()),
        ("export_fault", SiteConfig::default()),
        ("upload_limit", SiteConfig::default()),
        ("origin_flood", SiteConfig::default()),
        ("hostile", SiteConfig::default()),
        ("burst", SiteConfig::default()),
        (
            "gaps",
            SiteConfig {
                store_text: true,
                ..SiteConfig::default()
            },
        ),
        (
            "gaps_limit",
            SiteConfig {
                store_text: true,
                ..SiteConfig::default()
            },
        ),
        (
            "dashboard",
            SiteConfig {
                store_text: true,
                reason_tags: vec!["wrong_answer".into(), "too_long".into()],
                ..SiteConfig::default()
            },
        ),
        ("client_burst", SiteConfig::default()),
        ("flood", SiteConfig::default()),
        ("client_v6", SiteConfig::default()),
        (
            "webhook",
            SiteConfig {
                webhook_url: webhook_url("webhook"),
                ..SiteConfig::default()
            },
        ),
        (
            "webhook_slow",
            SiteConfig {
                webhook_url: webhook_url("webhook_slow"),
                ..SiteConfig::default()
            },
        ),
        (
            "webhook_down",
            SiteConfig {
                webhook_url: webhook_url("webhook_down"),
                ..SiteConfig::default()
            },
        ),
        (
            "webhook_retry",
            SiteConfig {
                webhook_url: webhook_url("webhook_retry"),
                ..SiteConfig::default()
            },
        ),
        // A public name that never resolves (`.invalid`, RFC 2606), and a
        // site whose deliveries share the queue with it.
        (
            "webhook_unresolvable",
            SiteConfig {
                webhook_url: Some("https://nowhere.invalid/hook".to_string()),
                ..SiteConfig::default()
            },
        ),
        (
            "webhook_neighbour",
            SiteConfig {
                webhook_url: webhook_url("webhook_neighbour"),
                ..SiteConfig::default()
            },
        ),
        (
            "retention",
            SiteConfig {
                retention_days: 1,
                ..SiteConfig::default()
            },
        ),
        // #32: text goes after a day, the ratings stay.
        (
            "text_retention",
            SiteConfig {
                store_text: true,
                text_retention_days: Some(1),
                ..SiteConfig::default()
            },
        ),
        (
            "in_DB",
            SiteConfig {
                retention_days: 1,
                store_text: true,
                ..SiteConfig::default()
            },
        ),
        (
            "in_DB_1",
            SiteConfig {
                retention_days: 1,
                store_text: true,
                ..SiteConfig::default()
            },
        ),
        (
            "moving",
            SiteConfig {
                csat_mode: protocol::CsatMode::Scale5,
                store_text: true,
                ..SiteConfig::default()
            },
        ),
        // #35: 120 days planted, the last 90 (the default) kept in D1.
        ("archive", SiteConfig::default()),
        ("settings", SiteConfig::default()),
        ("settings_race", SiteConfig::default()),
        ("settings_bad", SiteConfig::default()),
        ("settings_moving", SiteConfig::default()),
        ("settings_hook", SiteConfig::default()),
        ("dashboard_keys", SiteConfig::default()),
        // #33: finding a message, and the preview in the edited language.
        ("wording_find", SiteConfig::default()),
        ("wording_languages", SiteConfig::default()),
        ("wording_refusals", SiteConfig::default()),
        ("settings_in_german", SiteConfig::default()),
        // #33: two live keys behind 300 revoked ones.
        ("many_revoked_keys", SiteConfig::default()),
        ("scopes", SiteConfig::default()),
        ("old_keys", SiteConfig::default()),
        ("secret_rotation", SiteConfig::default()),
    ];
    let mut named_sites = serde_json::Map::new();
    for (name, config) in named {
        let host = format!("{}.shop.example", name.replace('_', "-").to_lowercase());
        let origins = [format!("https://{host}"), format!("https://www.{host}")];
        // `in_DB`, `in_DB_1`: one site in each database, for the test of
        // every path on each; `moving` starts in DB, for the move test; the
        // others where the stable hash puts them.
        let placed = match name {
            "moving" => Some("DB"),
            _ => name.strip_prefix("in_"),
        };
        let site = match placed {
            Some(binding) => sites::upsert_in(&d1, binding, &origins, &config)?,
            None => sites::upsert(&d1, None, &origins, &config)?,
        };
        named_sites.insert(
            name.to_string(),
            serde_json::json!({
                "key": site.key,
                "secret": site.secret,
                "webhook_secret": site.webhook_secret,
                "webhook_port": receiver_port(name),
            }),
        );
    }

    // Sites on the demo page's origin with other settings (`/?site=KEY`).
    let page_sites = [
        (
            "scale5",
            SiteConfig {
                csat_mode: protocol::CsatMode::Scale5,
                ..SiteConfig::default()
            },
        ),
        (
            "idle",
            SiteConfig {
                idle_end_seconds: Some(10),
                ..SiteConfig::default()
            },
        ),
        (
            "idle_open",
            SiteConfig {
                idle_end_seconds: Some(10),
                ..SiteConfig::default()
            },
        ),
        // #32 §1: survey rules (the demo conversation has two answers, and
        // a third when it resolves with a closing line).
        // #32: a new site's defaults, as `site add` makes it.
        ("defaults", SiteConfig::default()),
        // #32: what is kept, said in the inbox and the wording editor.
        (
            "kept",
            SiteConfig {
                store_text: false,
                retention_days: 30,
                text_retention_days: Some(60),
                redaction: protocol::redact::RedactionSettings {
                    enabled: false,
                    ..Default::default()
                },
                ..SiteConfig::default()
            },
        ),
        (
            "survey_sample",
            SiteConfig {
                csat_sample_percent: 0,
                ..SiteConfig::default()
            },
        ),
        (
            "survey_cooldown",
            SiteConfig {
                csat_cooldown_days: 7,
                ..SiteConfig::default()
            },
        ),
        (
            "survey_minimum",
            SiteConfig {
                csat_min_assistant_messages: 4,
                ..SiteConfig::default()
            },
        ),
        ("copy", SiteConfig::default()),
        ("stored_copy", SiteConfig::default()),
        ("stale_copy", SiteConfig::default()),
        ("dashboard_settings", SiteConfig::default()),
        ("wording_editor", SiteConfig::default()),
        (
            "shop_name",
            SiteConfig {
                shop_name: Some("Café Zoë & Co.".into()),
                ..SiteConfig::default()
            },
        ),
    ];
    for (name, config) in page_sites {
        let site = sites::upsert(&d1, None, std::slice::from_ref(&page_origin), &config)?;
        named_sites.insert(
            name.to_string(),
            serde_json::json!({ "key": site.key, "secret": site.secret }),
        );
    }

    // The Worker serves assets of its own, from a copy of `locales/` kept
    // in sync the way `cargo xtask demo` does, so a test can edit the copy
    // (live preview) without touching the repository.
    let locales = run_dir.join("locales");
    let assets = run_dir.join("assets");
    collector_assets::copy_tree(&collector_assets::dir(repo), &assets)?;
    collector_assets::copy_tree(&repo.path("locales"), &locales)?;
    let locales_mirror = collector_assets::watch(locales.clone(), assets.join("locales"));
    let endpoint = format!("http://127.0.0.1:{worker_port}");
    let assets_arg = assets.to_string_lossy().into_owned();
    let _worker = worker_dev::start(
        repo,
        &d1,
        worker_port,
        Log::File(run_dir.join("wrangler.log")),
        &[
            "--test-scheduled",
            "--assets",
            &assets_arg,
            // Webhook retries a second apart, and a POST abandoned after
            // 1.5 s, so the tests see retries and the dead-letter queue.
            "--var",
            "WEBHOOK_BACKOFF_SECONDS:1,1",
            "--var",
            "WEBHOOK_TIMEOUT_MS:1500",
            // A request may ask for a fault (edge-worker/src/faults.rs).
            "--var",
            "LOCAL_FAULTS:allowed",
        ],
    )?;
    // The same Worker with ingest behind a Queue, on a database of its own.
    let queue_d1 = D1::new(repo, run_dir.join("state-queue"));
    queue_d1.migrate()?;
    // One site in each of its databases.
    let queue_origins = ["https://queue.shop.example".to_string()];
    let queue_site = sites::upsert_in(&queue_d1, "DB", &queue_origins, &SiteConfig::default())?;
    let queue_site_1 = sites::upsert_in(&queue_d1, "DB_1", &queue_origins, &SiteConfig::default())?;
    let _queue_worker = worker_dev::start(
        repo,
        &queue_d1,
        queue_port,
        Log::File(run_dir.join("wrangler-queue.log")),
        &["--env", "queue"],
    )?;

    let _page = StaticSite::start(
        repo,
        page_port,
        PageConfig {
            site_key: shop.key.clone(),
            endpoint: endpoint.clone(),
        },
    )?;
    let (webdriver, driver) = tools::start_chromedriver(Some(&run_dir.join("chromedriver.log")))?;

    let artifacts = repo.path("target/e2e/artifacts");
    std::fs::create_dir_all(&artifacts)?;
    // Every test, two at a time.
    let sites = serde_json::Value::Object(named_sites).to_string();
    let e2e = |args: &[&str]| {
        let mut command = cargo(repo);
        command
            .args(["test", "-p", "e2e", "--no-fail-fast"])
            .args(args)
            .env("E2E_WORKER_URL", &endpoint)
            .env("E2E_PAGE_URL", format!("{page_origin}/"))
            .env("E2E_PAGE_ORIGIN", &page_origin)
            .env("E2E_WEBDRIVER_URL", &webdriver)
            .env("E2E_CHROMIUM", tools::CHROMIUM)
            .env("E2E_SITE_KEY", &shop.key)
            .env("E2E_SITE_SECRET", &shop.secret)
            .env("E2E_OTHER_SITE_KEY", &other.key)
            .env("E2E_OTHER_SITE_SECRET", &other.secret)
            .env("E2E_SITES", &sites)
            .env("E2E_STATE_DIR", run_dir.join("state"))
            .env("E2E_LOCALES_DIR", &locales)
            .env(
                "E2E_QUEUE_WORKER_URL",
                format!("http://127.0.0.1:{queue_port}"),
            )
            .env("E2E_QUEUE_SITE_KEY", &queue_site.key)
            .env("E2E_QUEUE_SITE_SECRET", &queue_site.secret)
            .env("E2E_QUEUE_SITE_1_KEY", &queue_site_1.key)
            .env("E2E_QUEUE_SITE_1_SECRET", &queue_site_1.secret)
            .env("E2E_ARTIFACTS", &artifacts);
        command
    };
    // A full run takes about 7 minutes here; a hang ends at this limit,
    // and the logs are kept as for any failure.
    let mut all = e2e(&["--", "--test-threads=2"]);
    if filter.is_some() {
        // Working on a few tests: what they print (figures some record
        // for BENCHMARKS.md) is shown even when they pass.
        all.arg("--show-output");
    }
    // Several filters, separated by spaces, run the tests matching any.
    let filters = filter.into_iter().flat_map(str::split_whitespace);
    let result = run_within(all.args(filters), Duration::from_secs(30 * 60));
    drop((_page, driver, _worker, _queue_worker, locales_mirror));
    match &result {
        // Housekeeping: a folder left in target/ harms nothing, so failing
        // to remove it (a process that has not quite exited) is reported,
        // not a failed run.
        Ok(()) => {
            // Working on a few tests: their Workers' logs are worth reading
            // even when they pass.
            if filter.is_some() {
                let kept = copy_logs(&run_dir, &artifacts)?;
                eprintln!(
                    "the Workers' and the browser's logs are in {}",
                    kept.display()
                );
            }
            if let Err(err) = std::fs::remove_dir_all(&run_dir) {
                eprintln!("left {} in place: {err}", run_dir.display());
            }
        }
        Err(_) => keep_logs(&run_dir, &artifacts)?,
    }
    result
}

/// After a failure: the Worker's and the browser's logs, copied where the
/// screenshots are (`target/e2e/artifacts/logs-<run>`), and their path.
fn keep_logs(run_dir: &std::path::Path, artifacts: &std::path::Path) -> Result<()> {
    let kept = copy_logs(run_dir, artifacts)?;
    // Where only the end of the output is kept (CI), the Workers' last
    // complaints say why without the files.
    for log in ["wrangler.log", "wrangler-queue.log"] {
        let text = std::fs::read_to_string(run_dir.join(log)).unwrap_or_default();
        let worth = complaints(&text, LOG_LINES_SHOWN);
        if !worth.is_empty() {
            eprintln!("the last of {log} that is not a request answered below 500:");
            for line in worth {
                eprintln!("  {line}");
            }
        }
    }
    eprintln!(
        "the end-to-end tests failed; the Worker's and the browser's logs are in {}",
        kept.display()
    );
    Ok(())
}

/// Copies the run's logs to `artifacts/logs-<run>`; that folder.
fn copy_logs(run_dir: &std::path::Path, artifacts: &std::path::Path) -> Result<std::path::PathBuf> {
    let run = run_dir
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept = artifacts.join(format!("logs-{run}"));
    std::fs::create_dir_all(&kept)?;
    for log in ["wrangler.log", "wrangler-queue.log", "chromedriver.log"] {
        let from = run_dir.join(log);
        if from.is_file() {
            std::fs::copy(&from, kept.join(log))?;
        }
    }
    Ok(kept)
}

/// How many of a Worker log's lines a failed run prints.
const LOG_LINES_SHOWN: usize = 40;

/// The last `most` lines of a Worker's log worth reading after a failure:
/// everything but blank lines, the banner's bindings and the requests
/// answered below 500, each cut to 300 characters.
fn complaints(log: &str, most: usize) -> Vec<String> {
    let answered_well = |line: &str| {
        line.strip_prefix("[wrangler:info] ").is_some_and(|rest| {
            rest.split_whitespace()
                .nth(2)
                .and_then(|status| status.parse::<u16>().ok())
                .is_some_and(|status| status < 500)
        })
    };
    let worth: Vec<&str> = log
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty() && !answered_well(line))
        .filter(|line| !line.starts_with("env.") && !line.contains("(hidden)"))
        .collect();
    worth
        .iter()
        .skip(worth.len().saturating_sub(most))
        .map(|line| line.chars().take(300).collect())
        .collect()
}

#[cfg(test)]
mod log_tests {
    use super::complaints;

    #[test]
    fn a_failed_runs_log_excerpt_keeps_errors_and_server_errors_last() {
        let log = "env.DB (feedback)   D1 Database   local\n\
                   [wrangler:info] POST /v1/events 200 OK (3ms)\n\
                   \n\
                   [wrangler:info] GET /v1/x 503 Service Unavailable (9ms)\n\
                   site pk_1: webhook failed (no answer within 1500 ms); retrying in 1 s\n\
                   [wrangler:info] OPTIONS /v1/events 429 Too Many Requests (2ms)\n\
                   ✘ [ERROR] kj::getCaughtExceptionAsKj() = disconnected\n";
        assert_eq!(
            complaints(log, 10),
            [
                "[wrangler:info] GET /v1/x 503 Service Unavailable (9ms)",
                "site pk_1: webhook failed (no answer within 1500 ms); retrying in 1 s",
                "✘ [ERROR] kj::getCaughtExceptionAsKj() = disconnected",
            ]
        );
        assert_eq!(complaints(log, 1).len(), 1);
        assert_eq!(complaints(&"x\n".repeat(1_000), 40).len(), 40);
    }
}
