//! `cargo xtask size`: what the widget costs a shopper's browser, file by
//! file, raw and brotli-compressed (quality 11, as a CDN serves it), against
//! the budgets (loader ≤ 3 KB; app goal ≤ 100 KB, ceiling 130 KB, brotli);
//! and what a site owner's browser fetches before the dashboard's first
//! section draws (goal ≤ 250 KB brotli).
//! `cargo xtask bench --size` prints the same for two revisions side by
//! side, and the Worker's upload beside it.

use std::io::Write;

use anyhow::{Context, Result};

use crate::builds;
use crate::dashboard_assets::DashboardFiles;
use crate::repo::Repo;
use crate::widget_assets;

/// Loader budget, brotli bytes.
const LOADER_BUDGET: usize = 3 * 1024;
/// What the app (wasm + js + css, Fluent included) aims for, brotli bytes.
const APP_GOAL: usize = 100 * 1024;
/// What the app must not exceed, brotli bytes.
const APP_CEILING: usize = 130 * 1024;
/// What the dashboard's first section should cost at most, brotli bytes.
const DASHBOARD_GOAL: usize = 250 * 1024;
/// The dashboard's files fetched before its first section draws in a
/// build from before content-hashed names (an older revision measured by
/// `bench --against`).
const DASHBOARD_FIRST_UNHASHED: [&str; 5] = [
    "index.html",
    "start.js",
    "dashboard.css",
    "dashboard.js",
    "dashboard_bg.wasm",
];

fn brotli_size(bytes: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out.len())
}

/// Builds the widget and the dashboard and prints their sizes.
pub fn run(repo: &Repo) -> Result<()> {
    builds::widget(repo)?;
    builds::dashboard(repo)?;
    measure(repo)?;
    measure_dashboard(repo)?;
    Ok(())
}

/// Prints the sizes of `repo`'s built dashboard (`dist/collector/dashboard`)
/// and returns the brotli bytes fetched before its first section draws
/// (en-US is compiled in; another language's copy is one more small
/// request), and for each section fetched as a wasm of its own, by its
/// name, those opening it fetches on top (none in a build from before).
pub fn measure_dashboard(repo: &Repo) -> Result<(usize, Vec<(&'static str, usize)>)> {
    let dist = crate::collector_assets::dir(repo).join("dashboard");
    let (first_paths, sections) = match DashboardFiles::of(&dist) {
        Ok(files) => (files.first_section(), files.sections()),
        Err(_) => (
            DASHBOARD_FIRST_UNHASHED.map(String::from).to_vec(),
            Vec::new(),
        ),
    };
    println!("\n{:<40} {:>10} {:>10}", "dashboard file", "raw", "brotli");
    let sizes = |paths: &[String]| -> Result<usize> {
        let mut total = 0;
        for path in paths {
            let bytes = std::fs::read(dist.join(path))
                .with_context(|| format!("reading {}", dist.join(path).display()))?;
            let compressed = brotli_size(&bytes)?;
            println!("{path:<40} {:>10} {:>10}", bytes.len(), compressed);
            total += compressed;
        }
        Ok(total)
    };
    let first = sizes(&first_paths)?;
    let goal = if first <= DASHBOARD_GOAL {
        "within".to_string()
    } else {
        format!("{} over", first - DASHBOARD_GOAL)
    };
    println!(
        "{:<40} {:>10} {:>10}   goal {DASHBOARD_GOAL}: {goal}",
        "before the first section", "", first
    );
    let mut on_opening = Vec::new();
    for (section, paths) in sections {
        let bytes = sizes(&paths)?;
        let said = format!("{section}, when the section opens");
        println!("{said:<40} {:>10} {:>10}", "", bytes);
        on_opening.push((section, bytes));
    }
    Ok((first, on_opening))
}

/// Prints the sizes of `repo`'s built widget (`dist/widget`) and returns
/// the brotli bytes of the loader and of the app.
pub fn measure(repo: &Repo) -> Result<Vec<(&'static str, usize)>> {
    let dist = repo.widget_dist();
    let mut app_total = 0;
    let mut loader = 0;
    println!("\n{:<24} {:>10} {:>10}", "file", "raw", "brotli");
    let app = widget_assets::AppFiles::of(&dist)?;
    for name in ["widget.js", app.js.as_str(), app.wasm.as_str()] {
        let bytes = std::fs::read(dist.join(name))
            .with_context(|| format!("reading {}", dist.join(name).display()))?;
        let compressed = brotli_size(&bytes)?;
        println!("{name:<24} {:>10} {:>10}", bytes.len(), compressed);
        if name == "widget.js" {
            loader = compressed;
            println!(
                "{:<24} {:>21}",
                "",
                format!(
                    "loader budget {LOADER_BUDGET}: {}",
                    verdict(compressed, LOADER_BUDGET)
                )
            );
        } else {
            app_total += compressed;
        }
    }
    let goal = if app_total <= APP_GOAL {
        "within the goal".to_string()
    } else {
        format!("{} over the goal of {APP_GOAL}", app_total - APP_GOAL)
    };
    println!(
        "{:<24} {:>10} {:>10}   app ceiling {APP_CEILING}: {} ({goal})",
        "app total",
        "",
        app_total,
        verdict(app_total, APP_CEILING)
    );
    println!(
        "(the CSS and the en-US copy are compiled into the wasm; other locales come from the collector)"
    );
    Ok(vec![("loader, brotli", loader), ("app, brotli", app_total)])
}

fn gzip_size(bytes: &[u8]) -> Result<usize> {
    let mut writer = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    writer.write_all(bytes)?;
    Ok(writer.finish()?.len())
}

/// Prints the size of `repo`'s built Worker (`edge-worker/build`), raw and
/// gzip-compressed (what Cloudflare's size limit counts: 3 MB on the free
/// plan, 10 MB on paid ones), and returns the gzip bytes of its wasm and
/// of the whole upload.
pub fn measure_worker(repo: &Repo) -> Result<Vec<(&'static str, usize)>> {
    let build = repo.path("edge-worker/build");
    let mut total = 0;
    let mut wasm = 0;
    println!("\n{:<14} {:>10} {:>10}", "file", "raw", "gzip");
    for name in ["index.js", "index_bg.wasm"] {
        let bytes = std::fs::read(build.join(name))
            .with_context(|| format!("reading {}", build.join(name).display()))?;
        let compressed = gzip_size(&bytes)?;
        println!("{name:<14} {:>10} {:>10}", bytes.len(), compressed);
        total += compressed;
        if name == "index_bg.wasm" {
            wasm = compressed;
        }
    }
    println!("{:<14} {:>10} {:>10}", "Worker total", "", total);
    Ok(vec![("Worker wasm, gzip", wasm), ("Worker, gzip", total)])
}

fn verdict(size: usize, budget: usize) -> String {
    if size <= budget {
        "within".to_string()
    } else {
        format!("OVER by {}", size - budget)
    }
}
