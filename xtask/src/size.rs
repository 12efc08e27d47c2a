//! `cargo xtask size`: what the widget costs a shopper's browser, file by
//! file, raw and brotli-compressed (quality 11, as a CDN serves it), against
//! the budgets (loader ≤ 3 KB, app ≤ 80 KB brotli).

use std::io::Write;

use anyhow::{Context, Result};

use crate::builds;
use crate::repo::Repo;

/// Loader budget, brotli bytes.
const LOADER_BUDGET: usize = 3 * 1024;
/// App budget (wasm + js + css, Fluent included), brotli bytes.
const APP_BUDGET: usize = 80 * 1024;

fn brotli_size(bytes: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out.len())
}

/// Builds the widget and prints its sizes.
pub fn run(repo: &Repo) -> Result<()> {
    builds::widget(repo)?;
    let dist = repo.widget_dist();
    let mut app_total = 0;
    println!("\n{:<14} {:>10} {:>10}", "file", "raw", "brotli");
    for name in ["widget.js", "app.js", "app_bg.wasm"] {
        let bytes = std::fs::read(dist.join(name)).with_context(|| format!("reading {name}"))?;
        let compressed = brotli_size(&bytes)?;
        if name != "widget.js" {
            app_total += compressed;
        }
        println!("{name:<14} {:>10} {:>10}", bytes.len(), compressed);
        if name == "widget.js" {
            println!(
                "{:<14} {:>21}",
                "",
                format!(
                    "loader budget {LOADER_BUDGET}: {}",
                    verdict(compressed, LOADER_BUDGET)
                )
            );
        }
    }
    println!(
        "{:<14} {:>10} {:>10}   app budget {APP_BUDGET}: {}",
        "app total",
        "",
        app_total,
        verdict(app_total, APP_BUDGET)
    );
    println!(
        "(the CSS and the en-US copy are compiled into app_bg.wasm; other locales come from the collector)"
    );
    Ok(())
}

fn verdict(size: usize, budget: usize) -> String {
    if size <= budget {
        "within".to_string()
    } else {
        format!("OVER by {}", size - budget)
    }
}
