//! `cargo xtask bench [--ingest] [--floor] [--profile] [--reads] [--dashboard]
//! [--widget] [--lighthouse] [--size] [--against REV] [--rounds N]`: the project's
//! speed and size, measured on this machine against the Worker on local
//! workerd with a fresh local D1.
//!
//! - `--ingest` (the default when nothing else is selected): ingest
//!   throughput and p99 at batch sizes 1, 20 and 100.
//! - `--floor` (with ingest): also drives, at batch 100, a Worker that
//!   writes each event as one plain row (`tests/profile/floor-worker`), in
//!   the same rounds: what wrangler's proxy, workerd and local D1 allow any
//!   ingest on this machine.
//! - `--profile` (with ingest): after the rounds, samples this checkout's
//!   Worker with V8's CPU profiler (wrangler dev's inspector) while ingest
//!   at batch 100 runs into one database, and prints where the time went
//!   by function and by crate (`tests/profile/worker_cpu.mjs`); the profile
//!   itself is kept as `target/bench/ingest.cpuprofile`, for DevTools.
//!   Not working yet under this load: with any DevTools client attached
//!   through wrangler's inspector proxy, workerd runs out of file
//!   descriptors and requests stall (BENCHMARKS.md, "The ingest profile,
//!   not yet"); the sampler works on a light load.
//! - `--reads`: seeds 1,000,000 events (with provenance: models, prompt
//!   versions, variants, pages) through ingest and times the Overview, the
//!   conversation list, the knowledge gaps and Compare. With
//!   `--events N` it seeds N instead; over 1,000,000 they go straight into
//!   the local D1 database before the Worker starts (see `bulk_seed`),
//!   since ingest would take too long. With `--archive` (and `--events
//!   N`, seeded straight into D1) they are spread over 180 days, and this
//!   checkout's side moves those past the 90 hot days to R2 before the
//!   reads (see `archive_bench`).
//! - `--dashboard`: seeds (600,000 events, about 100,000 conversations,
//!   unless `--reads` seeded more, or `--events N`) and times the dashboard itself in
//!   headless Chromium, with its longest main-thread task.
//! - `--widget`: the bubble's paint and the panel after a click on the demo
//!   page, from the loader's performance marks.
//! - `--lighthouse`: Lighthouse's performance score of the demo page with
//!   and without the widget.
//! - `--size`: the widget's download, brotli 11 (with `--dashboard`, the
//!   dashboard's before its first section and each section's of its own).
//!
//! Every selected benchmark runs in rounds (`--rounds`, 3 by default) and
//! the summary gives each figure's median and range. With `--against REV`
//! the same benchmarks also run against REV, built in a scratch checkout
//! (see `against`) with its own Worker, database and page, interleaved
//! round by round (old, new; then new, old; ...), and the summary gives
//! both medians and the ratio new/old with the range of the per-round
//! ratios: a claim of faster or slower rests on that ratio. A benchmark
//! that meets an error fails the whole run; no figure is printed over data
//! that was not all there.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use protocol::SiteConfig;

use crate::against;
use crate::alerts_bench;
use crate::archive_bench;
use crate::builds;
use crate::figures::{self, Figures};
use crate::operations::bulk_seed;
use crate::operations::sites;
use crate::processes::{Background, free_port, run};
use crate::repo::Repo;
use crate::size;
use crate::static_site::{PageConfig, StaticSite};
use crate::tools;
use crate::worker_dev::{self, D1, Log};

/// Sites the ingest load is spread over, so the per-site rate limit (1000
/// requests per 10 s) does not cap what is measured: the collector itself.
const INGEST_SITES: usize = 20;
/// Seconds each batch size is driven for, per round.
const INGEST_SECONDS: &str = "10";
/// Requests in flight at once.
const CONCURRENCY: &str = "8";
/// Events seeded for the read benchmarks (six per conversation).
const SEEDED_EVENTS: u64 = 1_000_000;
/// At most this many events seeded (about 6 GB of local D1).
const MAX_EVENTS: u64 = 20_000_000;
/// The time the read site's events are spread over.
const SEED_SPREAD_MS: i64 = 6 * 86_400_000;
/// Events seeded for the dashboard alone: about 100,000 conversations.
const DASHBOARD_EVENTS: u64 = 600_000;
/// Requests per read route, per round.
const READ_REQUESTS: &str = "20";
/// The read routes timed.
const READ_PATHS: [&str; 7] = [
    "overview?tz=Europe/Berlin",
    "conversations?limit=50",
    "conversations?limit=50&feedback=downvote",
    "gaps",
    // Compare (#30): 50 prompt versions; 10 models with two day by day;
    // the inbox narrowed to one model ("Open in inbox").
    "compare?dimension=key:prompt_version&tz=Europe/Berlin",
    "compare?dimension=key:model&series=model-0,model-1&tz=Europe/Berlin",
    "conversations?limit=50&meta.model=model-3",
];
/// Page loads for the widget's timings, per round.
const WIDGET_LOADS: &str = "10";
/// Page loads per dashboard section, per round.
const DASHBOARD_LOADS: &str = "10";
/// Rounds when `--rounds` is not given.
const DEFAULT_ROUNDS: usize = 3;
/// At most this many rounds.
const MAX_ROUNDS: usize = 20;

/// Every flag, for the help text and for refusing typos.
pub const FLAGS: &str = "--ingest --floor --profile --reads --events N --archive --alerts --dashboard --widget --lighthouse --size --against REV --rounds N";

/// What to measure, and how.
struct Options {
    ingest: bool,
    /// The floor's Worker driven beside ingest at batch 100.
    floor: bool,
    /// Profile this checkout's Worker under ingest after the rounds.
    profile: bool,
    reads: bool,
    /// The read site's events over 180 days, archived on this checkout's side.
    archive: bool,
    /// One scheduled run of the alert rules over 1,000 sites.
    alerts: bool,
    dashboard: bool,
    widget: bool,
    lighthouse: bool,
    size: bool,
    against: Option<String>,
    rounds: usize,
    /// Events seeded for the reads, when `--events` says.
    events: Option<u64>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Self> {
        let mut options = Self {
            ingest: false,
            floor: false,
            profile: false,
            reads: false,
            archive: false,
            alerts: false,
            dashboard: false,
            widget: false,
            lighthouse: false,
            size: false,
            against: None,
            rounds: DEFAULT_ROUNDS,
            events: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--ingest" => options.ingest = true,
                "--floor" => {
                    options.floor = true;
                    options.ingest = true;
                }
                "--profile" => options.profile = true,
                "--reads" => options.reads = true,
                "--archive" => options.archive = true,
                "--alerts" => options.alerts = true,
                "--dashboard" => options.dashboard = true,
                "--widget" => options.widget = true,
                "--lighthouse" => options.lighthouse = true,
                "--size" => options.size = true,
                "--against" => {
                    options.against = Some(
                        args.next()
                            .context("--against needs a git revision (HEAD~1, a commit, a tag)")?
                            .clone(),
                    );
                }
                "--events" => {
                    let events = args.next().context("--events needs a number")?;
                    options.events = Some(
                        events
                            .parse::<u64>()
                            .ok()
                            .filter(|n| (1..=MAX_EVENTS).contains(n))
                            .with_context(|| {
                                format!("--events takes 1 to {MAX_EVENTS}, not {events:?}")
                            })?,
                    );
                }
                "--rounds" => {
                    let rounds = args.next().context("--rounds needs a number")?;
                    options.rounds = rounds
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=MAX_ROUNDS).contains(n))
                        .with_context(|| {
                            format!("--rounds takes 1 to {MAX_ROUNDS}, not {rounds:?}")
                        })?;
                }
                other => bail!("unknown flag {other:?}; bench takes {FLAGS}"),
            }
        }
        if options.events.is_some() && !(options.reads || options.dashboard) {
            bail!("--events sets how many events --reads or --dashboard seeds; add one");
        }
        if options.archive && !(options.reads && options.events.is_some()) {
            bail!(
                "--archive spreads the events --reads seeds over 180 days; add --reads --events N"
            );
        }
        if options.profile && (options.reads || options.browser() || options.size) {
            bail!("--profile samples the Worker under ingest; run it with --ingest only");
        }
        if !(options.reads
            || options.alerts
            || options.dashboard
            || options.widget
            || options.lighthouse
            || options.size)
        {
            options.ingest = true;
        }
        Ok(options)
    }

    /// Events seeded straight into D1, past ingest, when there are that
    /// many.
    fn direct_events(&self) -> Option<u64> {
        // Ingest refuses events more than 7 days old: an archive's are
        // always written straight in.
        self.events
            .filter(|events| *events > SEEDED_EVENTS || self.archive)
    }

    /// The time the read site's events are spread over.
    fn spread_ms(&self) -> i64 {
        if self.archive {
            archive_bench::SPREAD_MS
        } else {
            SEED_SPREAD_MS
        }
    }

    fn browser(&self) -> bool {
        self.dashboard || self.widget || self.lighthouse
    }

    fn page(&self) -> bool {
        self.widget || self.lighthouse
    }

    fn needs_worker(&self) -> bool {
        self.ingest || self.reads || self.alerts || self.browser()
    }

    /// The builds a revision needs, by their `cargo xtask` names.
    fn builds(&self) -> Vec<&'static str> {
        let mut builds = Vec::new();
        if self.page() || self.size {
            builds.push("build-widget");
        }
        if self.dashboard {
            builds.push("build-dashboard");
        }
        if self.needs_worker() || self.size {
            builds.push("build-worker");
        }
        builds
    }
}

/// One revision's collector (and demo page) running for the benchmarks.
struct Stack {
    label: String,
    url: String,
    ingest_file: PathBuf,
    /// The same number of ingest sites, all in the first database.
    ingest_one_file: PathBuf,
    read_file: PathBuf,
    page_origin: String,
    /// The ingest floor's Worker, when `--floor` runs it.
    floor_url: Option<String>,
    /// The DevTools inspector's port, where the Worker is profiled.
    inspector: Option<u16>,
    /// The Worker's log, which the alerts' run writes its figures to.
    log: PathBuf,
    /// How many databases the revision spreads sites over.
    databases: usize,
    // Held for their lifetime: dropping them stops the page and the Worker.
    _page: Option<StaticSite>,
    _worker: Background,
}

fn as_json(list: &[sites::SiteCredentials]) -> String {
    serde_json::Value::from(
        list.iter()
            .map(|site| serde_json::json!({"key": site.key, "secret": site.secret}))
            .collect::<Vec<_>>(),
    )
    .to_string()
}

/// Starts `repo`'s Worker on a fresh local D1 in `dir`, with the sites the
/// benchmarks use and, when `page`, the demo page on an origin of its own.
fn start_stack(
    repo: &Repo,
    label: &str,
    dir: &Path,
    page: bool,
    (direct_events, spread_ms): (Option<u64>, i64),
    (profiled, alerts, archived): (bool, bool, bool),
) -> Result<Stack> {
    std::fs::create_dir_all(dir)?;
    let d1 = D1::new(repo, dir.join("state"));
    d1.migrate()?;
    let origins = ["https://bench.shop.example".to_string()];
    // Spread over the revision's databases by their keys' hash; and as many
    // again all in the first one, to compare.
    let ingest_sites = sites::upsert_many(&d1, INGEST_SITES, &origins, &SiteConfig::default())?;
    let ingest_one_sites =
        sites::upsert_many_in(&d1, "DB", INGEST_SITES, &origins, &SiteConfig::default())?;
    // The read site keeps excerpts, so knowledge gaps have questions to group.
    let read_config = SiteConfig {
        store_text: true,
        ..SiteConfig::default()
    };
    let read_site = sites::upsert_many(&d1, 1, &origins, &read_config)?;
    let ingest_file = dir.join("ingest-sites.json");
    let ingest_one_file = dir.join("ingest-sites-one-database.json");
    std::fs::write(&ingest_one_file, as_json(&ingest_one_sites))?;
    let read_file = dir.join("read-site.json");
    std::fs::write(&ingest_file, as_json(&ingest_sites))?;
    std::fs::write(&read_file, as_json(&read_site))?;
    if let (Some(events), Some(site)) = (direct_events, read_site.first()) {
        println!(
            "\nseeding {events} events straight into D1 (spread over {} days), {label}:",
            spread_ms / 86_400_000
        );
        let started = std::time::Instant::now();
        let now = i64::try_from(sites::now_ms()?)?;
        let stored = bulk_seed::seed(
            &d1.for_site(&site.key)?,
            &site.key,
            events,
            now,
            bulk_seed::Spread {
                ms: spread_ms,
                by_conversation: spread_ms == archive_bench::SPREAD_MS,
            },
        )?;
        println!(
            "seeded {stored} events in {:.0} s, past ingest",
            started.elapsed().as_secs_f64()
        );
    }

    let port = free_port()?;
    let url = format!("http://127.0.0.1:{port}");
    let inspector = if profiled { Some(free_port()?) } else { None };
    let inspector_arg = inspector.map(|port| port.to_string());
    let mut extra: Vec<&str> = match &inspector_arg {
        Some(port) => vec!["--inspector-port", port],
        None => Vec::new(),
    };
    if alerts {
        println!(
            "\nmaking {} sites with three alert rules each, {label}:",
            alerts_bench::SITES
        );
        alerts_bench::seed(&d1, &origins, i64::try_from(sites::now_ms()?)?)?;
        // `/__scheduled` runs the cron handler on request.
        extra.push("--test-scheduled");
    }
    let state = dir.join("state");
    let seeded = direct_events.unwrap_or(0);
    let before = if archived {
        // `POST /__local/archive` answers only a Worker that allows faults.
        extra.extend(["--var", "LOCAL_FAULTS:allowed"]);
        let before = archive_bench::sizes(&state)?;
        archive_bench::print_sizes(label, "seeded", before, seeded);
        Some(before)
    } else {
        None
    };
    let log = dir.join("wrangler.log");
    let databases = d1.each()?.len();
    let worker = worker_dev::start(repo, &d1, port, Log::File(log.clone()), &extra)?;
    if let Some(before) = before {
        archive_bench::archive_all(label, &url, before.events, &state)?;
        archive_bench::print_sizes(label, "archived", archive_bench::sizes(&state)?, seeded);
    }
    let page_port = free_port()?;
    let page_origin = format!("http://127.0.0.1:{page_port}");
    let page = if page {
        let shop = sites::upsert_many(
            &d1,
            1,
            std::slice::from_ref(&page_origin),
            &SiteConfig::default(),
        )?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no demo site was made"))?;
        Some(StaticSite::start(
            repo,
            page_port,
            PageConfig {
                site_key: shop.key,
                endpoint: url.clone(),
            },
        )?)
    } else {
        None
    };
    Ok(Stack {
        label: label.to_string(),
        url,
        ingest_file,
        ingest_one_file,
        read_file,
        page_origin,
        floor_url: None,
        inspector,
        log,
        databases,
        _page: page,
        _worker: worker,
    })
}

/// One measurement, run once per side per round.
#[derive(Clone, Copy)]
enum Measure {
    Ingest(&'static str),
    /// Ingest with every site in the first database (batch size).
    IngestOneDatabase(&'static str),
    /// The floor's Worker at the same load (batch size).
    IngestFloor(&'static str),
    Read(&'static str),
    Alerts,
    Widget,
    Dashboard,
    Lighthouse,
}

/// A measuring binary of the e2e crate (the same binaries measure every
/// revision, so only the code under test differs).
fn measuring(repo: &Repo, name: &str) -> Command {
    let mut cmd = Command::new(repo.path(&format!("target/release/{name}")));
    cmd.current_dir(repo.root());
    cmd
}

/// Runs `cmd`, shows its prose prefixed with `label`, and returns its
/// figures; fails when it fails.
fn collect(label: &str, cmd: &mut Command) -> Result<Vec<(String, f64, String)>> {
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("could not start {:?}", cmd.get_program()))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let (figures, prose) = figures::parse(&stdout);
    for line in prose {
        println!("  [{label}] {line}");
    }
    if !out.status.success() {
        bail!(
            "[{label}] {:?} failed ({}); no figures are kept from it",
            cmd.get_program(),
            out.status
        );
    }
    Ok(figures)
}

fn measure(
    repo: &Repo,
    what: Measure,
    stack: &Stack,
    webdriver: &str,
) -> Result<Vec<(String, f64, String)>> {
    let label = &stack.label;
    match what {
        Measure::Ingest(batch) => collect(
            label,
            measuring(repo, "loadgen")
                .args(["ingest", &stack.url])
                .arg(&stack.ingest_file)
                .args([batch, INGEST_SECONDS, CONCURRENCY]),
        ),
        Measure::IngestOneDatabase(batch) => collect(
            label,
            measuring(repo, "loadgen")
                .args(["ingest", &stack.url])
                .arg(&stack.ingest_one_file)
                .args([batch, INGEST_SECONDS, CONCURRENCY, "sites in one database"]),
        ),
        Measure::IngestFloor(batch) => collect(
            label,
            measuring(repo, "loadgen")
                .args(["ingest"])
                .arg(
                    stack
                        .floor_url
                        .as_deref()
                        .context("the floor's Worker is not running")?,
                )
                .arg(&stack.ingest_one_file)
                .args([batch, INGEST_SECONDS, CONCURRENCY, "the floor (plain rows)"]),
        ),
        Measure::Read(path) => collect(
            label,
            measuring(repo, "loadgen")
                .args(["read", &stack.url])
                .arg(&stack.read_file)
                .args([path, READ_REQUESTS]),
        ),
        Measure::Alerts => alerts_bench::measure(label, &stack.url, &stack.log, stack.databases),
        Measure::Widget => collect(
            label,
            measuring(repo, "widget_timing")
                .arg(format!("{}/", stack.page_origin))
                .arg(webdriver)
                .arg(tools::CHROMIUM)
                .arg(WIDGET_LOADS),
        ),
        Measure::Dashboard => collect(
            label,
            measuring(repo, "dashboard_timing")
                .arg(&stack.url)
                .arg(webdriver)
                .arg(tools::CHROMIUM)
                .arg(&stack.read_file)
                .arg(DASHBOARD_LOADS),
        ),
        Measure::Lighthouse => {
            let dir = repo.path("target/bench");
            let (without, without_tbt) =
                lighthouse_score(repo, &dir, &format!("{}/?widget=off", stack.page_origin))?;
            let (with, with_tbt) =
                lighthouse_score(repo, &dir, &format!("{}/", stack.page_origin))?;
            println!(
                "  [{label}] Lighthouse performance: without the widget {without} (TBT {without_tbt:.0} ms), with it {with} (TBT {with_tbt:.0} ms) (budget: at most 1 point lower, TBT 0)"
            );
            Ok(vec![
                (
                    "Lighthouse TBT without the widget".into(),
                    without_tbt,
                    "ms".into(),
                ),
                (
                    "Lighthouse TBT with the widget".into(),
                    with_tbt,
                    "ms".into(),
                ),
                (
                    "Lighthouse without the widget".into(),
                    f64::from(without),
                    "points".into(),
                ),
                (
                    "Lighthouse with the widget".into(),
                    f64::from(with),
                    "points".into(),
                ),
                (
                    "Lighthouse points the widget costs".into(),
                    f64::from(without) - f64::from(with),
                    "points lost".into(),
                ),
            ])
        }
    }
}

/// Runs the benchmarks and prints their numbers.
pub fn run_bench(repo: &Repo, args: &[String]) -> Result<()> {
    let options = Options::parse(args)?;
    tools::ensure_build_tools(repo)?;
    if options.browser() {
        tools::ensure_test_tools(repo)?;
    }
    if options.page() || options.size {
        builds::widget(repo)?;
    }
    if options.dashboard {
        builds::dashboard(repo)?;
    }
    if options.size && !options.needs_worker() {
        builds::worker(repo)?;
    }
    if options.needs_worker() {
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
    }
    // Side 0 is the old revision when there is one; the last is this checkout.
    let mut sides: Vec<(String, Repo)> = Vec::new();
    if let Some(rev) = &options.against {
        let old = against::prepare(repo, rev, &options.builds())?;
        sides.push((format!("old {}", old.short), old.repo));
    }
    sides.push((format!("new {}", against::head(repo)), repo.clone()));
    let mut figures = Figures::default();

    if options.size {
        for (side, (label, side_repo)) in sides.iter().enumerate() {
            println!("\nthe widget's download, {label}:");
            for (name, value) in size::measure(side_repo)? {
                figures.add(side, 0, &format!("size {name}"), value as f64, "bytes");
            }
            println!("\nthe Worker's upload, {label}:");
            for (name, value) in size::measure_worker(side_repo)? {
                figures.add(side, 0, &format!("size {name}"), value as f64, "bytes");
            }
            if options.dashboard {
                println!("\nthe dashboard's download, {label}:");
                let (first, sections) = size::measure_dashboard(side_repo)?;
                let name = "size dashboard before its first section, brotli";
                figures.add(side, 0, name, first as f64, "bytes");
                for (section, value) in sections {
                    let name = match section {
                        // As the figure was first named, to compare with.
                        "wording" => "size Wording editor on opening, brotli".to_string(),
                        other => format!("size {other} on opening, brotli"),
                    };
                    figures.add(side, 0, &name, value as f64, "bytes");
                }
            }
        }
    }

    if options.needs_worker() {
        let run_dir = repo.path("target/bench");
        let _ = std::fs::remove_dir_all(&run_dir);
        let mut stacks = Vec::new();
        let last = sides.len().saturating_sub(1);
        for (side, (label, side_repo)) in sides.iter().enumerate() {
            let dir = run_dir.join(label.split(' ').next().unwrap_or("side"));
            stacks.push(start_stack(
                side_repo,
                label,
                &dir,
                options.page(),
                (options.direct_events(), options.spread_ms()),
                (
                    options.profile && side == last,
                    options.alerts,
                    options.archive && side == last,
                ),
            )?);
        }
        // One floor for every side: it runs nothing of a revision's.
        let _floor = if options.floor {
            let port = free_port()?;
            let floor = worker_dev::start_floor(
                repo,
                &run_dir.join("floor/state"),
                port,
                Log::File(run_dir.join("floor/wrangler.log")),
            )?;
            for stack in &mut stacks {
                stack.floor_url = Some(format!("http://127.0.0.1:{port}"));
            }
            Some(floor)
        } else {
            None
        };
        measure_rounds(repo, &options, &stacks, &mut figures)?;
        if let Some(stack) = stacks.last().filter(|_| options.profile) {
            profile_ingest(repo, stack, &run_dir.join("ingest.cpuprofile"))?;
        }
    }

    let rounds = options.rounds;
    match sides.as_slice() {
        [(old, _), (new, _)] => figures.print_against(old, new, rounds),
        [(label, _)] => figures.print_single(label, rounds),
        _ => {}
    }
    Ok(())
}

/// Seeds what the reads need, then runs every selected measurement round
/// by round, alternating which revision goes first.
fn measure_rounds(
    repo: &Repo,
    options: &Options,
    stacks: &[Stack],
    figures: &mut Figures,
) -> Result<()> {
    if (options.reads || options.dashboard) && options.direct_events().is_none() {
        let events = options
            .events
            .unwrap_or(if options.reads {
                SEEDED_EVENTS
            } else {
                DASHBOARD_EVENTS
            })
            .to_string();
        for stack in stacks {
            println!(
                "\nseeding {events} events into one site (spread over 6 days), {}:",
                stack.label
            );
            collect(
                &stack.label,
                measuring(repo, "loadgen")
                    .args(["seed", &stack.url])
                    .arg(&stack.read_file)
                    .args([events.as_str(), CONCURRENCY]),
            )?;
        }
    }
    let mut plan = Vec::new();
    if options.ingest {
        plan.extend(["1", "20", "100"].map(Measure::Ingest));
        plan.push(Measure::IngestOneDatabase("100"));
        if options.floor {
            plan.push(Measure::IngestFloor("100"));
        }
    }
    if options.reads {
        plan.extend(READ_PATHS.map(Measure::Read));
    }
    if options.alerts {
        plan.push(Measure::Alerts);
    }
    if options.widget {
        plan.push(Measure::Widget);
    }
    if options.dashboard {
        plan.push(Measure::Dashboard);
    }
    if options.lighthouse {
        plan.push(Measure::Lighthouse);
    }
    let (webdriver, _driver) = if options.browser() {
        let (url, driver) = tools::start_chromedriver(None)?;
        (url, Some(driver))
    } else {
        (String::new(), None)
    };
    for round in 0..options.rounds {
        println!("\nround {} of {}:", round + 1, options.rounds);
        let mut order: Vec<usize> = (0..stacks.len()).collect();
        if round % 2 == 1 {
            order.reverse();
        }
        for what in &plan {
            for side in &order {
                let Some(stack) = stacks.get(*side) else {
                    continue;
                };
                for (name, value, unit) in measure(repo, *what, stack, &webdriver)? {
                    figures.add(*side, round, &name, value, &unit);
                }
            }
        }
    }
    Ok(())
}

/// Samples `stack`'s Worker with V8's CPU profiler while ingest runs at
/// batch 100 with every site in one database, prints the profile's top
/// items and the throughput with the profiler on, and keeps the profile in
/// `out`.
fn profile_ingest(repo: &Repo, stack: &Stack, out: &Path) -> Result<()> {
    let inspector = stack
        .inspector
        .context("the Worker was started without an inspector")?;
    println!(
        "\nprofiling {} under ingest at batch 100, one database:",
        stack.label
    );
    // The sampler runs a second longer than the load, so the whole load is in it.
    let seconds = INGEST_SECONDS.parse::<u64>()? + 1;
    let mut sampler = Command::new("node")
        .arg(repo.path("tests/profile/worker_cpu.mjs"))
        .args([inspector.to_string(), seconds.to_string(), "30".to_string()])
        .arg(out)
        .spawn()
        .context("could not start node for the CPU profiler")?;
    let loaded = collect(
        &format!("{}, profiled", stack.label),
        measuring(repo, "loadgen")
            .args(["ingest", &stack.url])
            .arg(&stack.ingest_one_file)
            .args(["100", INGEST_SECONDS, CONCURRENCY, "sites in one database"]),
    )?;
    let sampled = sampler.wait()?;
    if !sampled.success() {
        bail!("the CPU profiler failed ({sampled})");
    }
    for (name, value, unit) in loaded {
        println!("with the profiler on: {name} {value:.0} {unit}");
    }
    println!("the profile: {}", out.display());
    Ok(())
}

/// Lighthouse's performance score (0–100) of `url` in one run and its
/// Total Blocking Time (ms), with Debian's Chromium (Lighthouse's default
/// mobile profile and throttling).
fn lighthouse_score(repo: &Repo, dir: &Path, url: &str) -> Result<(u32, f64)> {
    let report = dir.join("lighthouse.json");
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
        .ok_or_else(|| anyhow::anyhow!("no performance score in Lighthouse's report for {url}"))?;
    let blocking = json
        .pointer("/audits/total-blocking-time/numericValue")
        .and_then(serde_json::Value::as_f64)
        .ok_or_else(|| {
            anyhow::anyhow!("no Total Blocking Time in Lighthouse's report for {url}")
        })?;
    Ok(((score * 100.0).round() as u32, blocking))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options> {
        Options::parse(&args.iter().map(|arg| arg.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn ingest_is_the_default_and_flags_select() {
        let plain = parse(&[]).unwrap_or_else(|err| unreachable!("{err}"));
        assert!(plain.ingest && !plain.reads && plain.against.is_none());
        assert_eq!(plain.rounds, DEFAULT_ROUNDS);
        let reads = parse(&["--reads", "--against", "HEAD~1", "--rounds", "5"])
            .unwrap_or_else(|err| unreachable!("{err}"));
        assert!(reads.reads && !reads.ingest);
        assert_eq!(reads.against.as_deref(), Some("HEAD~1"));
        assert_eq!(reads.rounds, 5);
        assert_eq!(reads.builds(), ["build-worker"]);
        let seeded =
            parse(&["--dashboard", "--events", "6000"]).unwrap_or_else(|err| unreachable!("{err}"));
        assert!(seeded.dashboard && seeded.events == Some(6000) && !seeded.ingest);
        let floor = parse(&["--floor"]).unwrap_or_else(|err| unreachable!("{err}"));
        assert!(floor.floor && floor.ingest);
        let profiled = parse(&["--profile"]).unwrap_or_else(|err| unreachable!("{err}"));
        assert!(profiled.ingest && profiled.profile);
    }

    #[test]
    fn typos_and_missing_values_are_refused_clearly() {
        for (args, says) in [
            (&["--read"][..], "unknown flag \"--read\""),
            (&["--against"][..], "--against needs a git revision"),
            (&["--rounds", "0"][..], "--rounds takes 1 to 20"),
            (&["--rounds", "many"][..], "--rounds takes 1 to 20"),
            (&["--events", "10"][..], "add one"),
            (
                &["--profile", "--dashboard"][..],
                "run it with --ingest only",
            ),
        ] {
            let err = parse(args)
                .err()
                .map(|err| err.to_string())
                .unwrap_or_default();
            assert!(err.contains(says), "{args:?}: {err}");
        }
    }
}
