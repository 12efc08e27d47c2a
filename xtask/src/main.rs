//! `cargo xtask <command>`: the project's automation, in Rust so it runs the
//! same on every machine. See the README for what each command does.

mod against;
mod alerts_bench;
mod archive_bench;
mod bench;
mod builds;
mod collector_assets;
mod dashboard_assets;
mod demo;
mod deploy_check;
mod figures;
#[cfg(test)]
mod layout_table;
mod locales;
mod operations;
mod processes;
mod repo;
mod size;
mod static_site;
mod test;
mod tools;
mod widget_assets;
mod worker_dev;

use anyhow::{Result, bail};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  demo           build everything, start the Worker on local workerd with local D1,
                 serve the demo shop page and print its URL (Ctrl-C stops it all)
  test           install what is missing, then run every check and test
                 (--e2e-only [FILTER]: just the end-to-end tests matching FILTER;
                 \"A B\" runs those matching either)
  bench          speed and size on this machine, in rounds, against local workerd:
                 --ingest (the default) ingest throughput (--floor: beside a Worker
                 that writes plain rows; --profile: then the Worker's CPU profile
                 under ingest); --reads 1M-event reads (--events N: N instead; over
                 1M seeded straight into local D1; with --dashboard, its seeding;
                 --archive: over 180 days, and past 90 moved to local R2 first);
                 --alerts one scheduled run of the alert rules over 1,000 sites;
                 --dashboard the dashboard in Chromium; --widget bubble and panel timings;
                 --lighthouse the demo page's score; --size the widget's download;
                 --against REV the same for git revision REV, interleaved, with ratios;
                 --rounds N (default 3)
  locales check  every locale's Fluent file against en-US (compiler-style diagnostics)
  size           the widget's files, raw and brotli, against the budgets, and the
                 dashboard's download before its first section draws
  site           manage sites (add, list, rotate-secret, set, copy, move); `cargo xtask site` for help
  build-widget   build the widget into dist/widget (hashed app files, .br and .gz)
  build-dashboard build the dashboard into dist/collector/dashboard
  build-worker   build the Worker into edge-worker/build (wrangler runs this)";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let repo = repo::Repo::locate()?;
    match args.first().map(String::as_str) {
        Some("demo") => demo::run(&repo),
        Some("test") => test::run(&repo, args.get(1..).unwrap_or(&[])),
        Some("build-widget") => builds::widget(&repo),
        Some("build-dashboard") => builds::dashboard(&repo),
        Some("build-worker") => builds::worker(&repo),
        Some("bench") => bench::run_bench(&repo, args.get(1..).unwrap_or(&[])),
        Some("locales") => locales::run(&repo, args.get(1..).unwrap_or(&[])),
        Some("size") => size::run(&repo),
        Some("site") => operations::run(&repo, args.get(1..).unwrap_or(&[])),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_help_names_every_flag_of_bench() {
        for flag in crate::bench::FLAGS
            .split(' ')
            .filter(|word| word.starts_with("--"))
        {
            assert!(super::USAGE.contains(flag), "{flag} is not in the help");
        }
    }
}
