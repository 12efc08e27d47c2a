//! Building the wasm artifacts: the widget (served to shops' pages), the
//! dashboard and its Wording editor (served by the collector), and the
//! Worker (run by workerd).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use anyhow::{Context, Result};

use crate::collector_assets;
use crate::dashboard_assets;
use crate::processes::run;
use crate::repo::{Repo, cargo_bin};
use crate::tools;
use crate::widget_assets;

/// wasm features rustc enables by default for wasm32-unknown-unknown,
/// which wasm-opt must be told about.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// Leptos' views as erased types (`AnyView`) rather than one nested
/// generic type per view, in the apps shipped to browsers: measured alone,
/// the widget app 128,563 → 126,003 B brotli and the dashboard's wasm
/// 406,672 → 374,000 (BENCHMARKS.md, "Widget size"). Set here rather than
/// in `.cargo/config.toml`, so that `bench --against` builds an older
/// revision (in a folder under this one) as that revision built itself.
const SHIPPED_RUSTFLAGS: (&str, &str) = (
    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
    "--cfg erase_components",
);

/// Builds the Leptos crate `package` for the browser into `out`:
/// `{name}.js` and a `wasm-opt`'d `{name}_bg.wasm`.
fn browser_app(repo: &Repo, package: &str, name: &str, out: &Path) -> Result<()> {
    tools::ensure_build_tools(repo)?;
    let (flags_var, flags) = SHIPPED_RUSTFLAGS;
    run(Command::new("cargo")
        .args(["build", "--package", package, "--lib", "--release"])
        .args(["--target", "wasm32-unknown-unknown"])
        .env(flags_var, flags)
        .current_dir(repo.root()))?;
    std::fs::create_dir_all(out)?;
    let wasm = repo.path(&format!(
        "target/wasm32-unknown-unknown/release/{}.wasm",
        package.replace('-', "_")
    ));
    // Every browser supported has `TextEncoder.encodeInto`, and every
    // loader names the wasm it starts: glue without the fallback and the
    // default path (BENCHMARKS.md, "Widget size").
    run(Command::new(cargo_bin("wasm-bindgen"))
        .args(["--target", "web", "--no-typescript", "--out-name", name])
        .args(["--encode-into", "always", "--omit-default-module-path"])
        .arg("--out-dir")
        .arg(out)
        .arg(&wasm))?;
    let app_wasm = out.join(format!("{name}_bg.wasm"));
    // GUFA (whole-program flow analysis) between two -Oz rounds finds
    // more dead code and constants than -Oz alone (BENCHMARKS.md, "Widget
    // size": −350 B brotli on the widget).
    run(Command::new(repo.node_bin("wasm-opt"))
        .args(["-Oz", "--gufa", "-Oz"])
        .args(WASM_FEATURES)
        // Sections no browser reads.
        .args(["--strip-producers", "--strip-target-features"])
        .args(names_kept())
        .arg(&app_wasm)
        .arg("-o")
        .arg(&app_wasm))
}

/// `-g` (the function names kept, for a CPU profile that names the
/// Rust functions) when `XTASK_WASM_NAMES` is set; nothing otherwise.
fn names_kept() -> &'static [&'static str] {
    match std::env::var_os("XTASK_WASM_NAMES") {
        Some(_) => &["-g"],
        None => &[],
    }
}

/// Builds the widget into `dist/widget`: the loader `widget.js` plus the
/// app it loads on demand (`app.<hash>.js`, `app_bg.<hash>.wasm`), each
/// beside its precompressed `.br` and `.gz` (see `widget_assets`).
pub fn widget(repo: &Repo) -> Result<()> {
    let dist = repo.widget_dist();
    browser_app(repo, "widget-app", "app", &dist)?;
    let app = widget_assets::fingerprint(&dist)?;
    let loader = repo.path("widget/loader/widget.js");
    let source = std::fs::read_to_string(&loader)
        .with_context(|| format!("reading {}", loader.display()))?;
    let source = fill_slot(&source, "{/* app-files */}", &app.to_json())?;
    std::fs::write(dist.join("widget.js"), loader_with_labels(repo, &source)?)?;
    for name in ["widget.js", &app.js, &app.wasm] {
        widget_assets::precompress(&dist, name)?;
    }
    Ok(())
}

/// `source` with its `slot` (which it must have) replaced by `value`.
fn fill_slot(source: &str, slot: &str, value: &str) -> Result<String> {
    if !source.contains(slot) {
        anyhow::bail!("widget/loader/widget.js lost its {slot} slot");
    }
    Ok(source.replace(slot, value))
}

/// The loader with `LABELS` filled in: every locale's `bubble-open`, so
/// the bubble it paints before the app loads has a name in the shopper's
/// language.
fn loader_with_labels(repo: &Repo, source: &str) -> Result<String> {
    let mut labels = serde_json::Map::new();
    for entry in std::fs::read_dir(repo.path("locales"))?.flatten() {
        let tag = entry.file_name().to_string_lossy().into_owned();
        let Ok(ftl) = std::fs::read_to_string(entry.path().join("widget.ftl")) else {
            continue;
        };
        if let Some(label) = l10n::plain_text(&ftl, "bubble-open") {
            labels.insert(tag, label.into());
        }
    }
    fill_slot(
        source,
        "{/* bubble-open */}",
        &serde_json::Value::Object(labels).to_string(),
    )
}

/// Builds the site owners' dashboard into the collector's assets
/// (`dist/collector/dashboard`): `index.html`, and under `files/`, named by
/// their content (see `dashboard_assets`), `start.js`, the CSS, the Leptos
/// app and the apps of the sections it fetches when they open (Wording,
/// Settings, Compare, a conversation).
pub fn dashboard(repo: &Repo) -> Result<()> {
    let built = repo.path("target/dashboard-apps");
    for app in dashboard_assets::APPS {
        browser_app(repo, app.package, app.stem, &built)?;
    }
    let out = collector_assets::dir(repo).join("dashboard");
    dashboard_assets::publish(&built, &repo.path("dashboard"), &out)?;
    Ok(())
}

/// Builds the dashboard unless its build is whole (every app's files, named
/// by its page, are there) and newer than everything it is built from.
pub fn dashboard_if_stale(repo: &Repo) -> Result<()> {
    let output = collector_assets::dir(repo).join("dashboard/index.html");
    let inputs = [
        "dashboard",
        "wording-editor",
        "settings-section",
        "compare-section",
        "conversation-section",
        "xtask/src/builds.rs",
        "xtask/src/dashboard_assets.rs",
        "widget/src",
        "widget/Cargo.toml",
        "protocol/src",
        "protocol/Cargo.toml",
        "analytics/src",
        "analytics/Cargo.toml",
        "l10n/src",
        "l10n/Cargo.toml",
        "locales/en-US",
        "Cargo.toml",
        "Cargo.lock",
    ]
    .map(|path| repo.path(path));
    let whole = output
        .parent()
        .and_then(|out| dashboard_assets::DashboardFiles::of(out).ok())
        .is_some_and(|files| files.has_every_app());
    if let (true, Some(built), Some(newest_input)) = (whole, modified(&output), newest(&inputs))
        && built > newest_input
    {
        println!("dist/collector/dashboard is up to date");
        return Ok(());
    }
    dashboard(repo)
}

/// Builds the Worker into `edge-worker/build` with worker-build, and
/// everything else a deploy uploads (the static assets in
/// `dist/collector`: the shipped copy and the dashboard), pointing it at
/// locally installed tools so it downloads nothing. Skips the work when
/// the output is newer than every input. `wrangler.toml`'s build command.
pub fn worker(repo: &Repo) -> Result<()> {
    tools::ensure_build_tools(repo)?;
    collector_assets::sync_locales(repo)?;
    dashboard_if_stale(repo)?;
    let output = repo.path("edge-worker/build/index.js");
    let inputs = [
        repo.path("edge-worker/src"),
        repo.path("edge-worker/Cargo.toml"),
        repo.path("protocol/src"),
        repo.path("protocol/Cargo.toml"),
        repo.path("analytics/src"),
        repo.path("analytics/Cargo.toml"),
        repo.path("l10n/src"),
        repo.path("l10n/Cargo.toml"),
        repo.path("Cargo.toml"),
        repo.path("Cargo.lock"),
    ];
    if let (Some(built), Some(newest_input)) = (modified(&output), newest(&inputs))
        && built > newest_input
    {
        println!("edge-worker/build is up to date");
        return Ok(());
    }
    run(Command::new(cargo_bin("worker-build"))
        .arg("--release")
        .current_dir(repo.worker_dir())
        .env("WASM_BINDGEN_BIN", cargo_bin("wasm-bindgen"))
        .env("ESBUILD_BIN", repo.esbuild())
        .env("WASM_OPT_BIN", repo.node_bin("wasm-opt")))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
}

/// The newest modification time of the files under `paths`.
fn newest(paths: &[PathBuf]) -> Option<SystemTime> {
    let mut newest = None;
    let mut pending: Vec<PathBuf> = paths.to_vec();
    while let Some(path) = pending.pop() {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                pending.extend(entries.flatten().map(|entry| entry.path()));
            }
        } else if let Ok(time) = meta.modified() {
            newest = newest.max(Some(time));
        }
    }
    newest
}
