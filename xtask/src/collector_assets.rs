//! The Worker's static assets (`dist/collector`, `[assets]` in
//! `wrangler.toml`): the shipped Fluent files with their list, served by
//! `GET /v1/locales...`, and the dashboard. `wrangler dev` reloads when they
//! change, which is how `cargo xtask demo` shows a locale edit on the next
//! page load without recompiling Rust.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use protocol::ShippedCopy;

use crate::repo::Repo;

/// Where the assets go.
pub fn dir(repo: &Repo) -> PathBuf {
    repo.path("dist/collector")
}

/// Writes `contents` to `path` unless it already holds exactly that (so
/// wrangler only reloads for real changes). Whether it wrote. The file is
/// replaced whole (written beside it, then renamed over it), so the running
/// Worker never reads half of it.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(false);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut partial = path.as_os_str().to_owned();
    partial.push(format!(".{}.partial", std::process::id()));
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, contents).with_context(|| format!("writing {}", partial.display()))?;
    std::fs::rename(&partial, path).with_context(|| format!("replacing {}", path.display()))?;
    Ok(true)
}

/// Puts `locales/<tag>/*.ftl` into the assets (`locales/copy.json`), with
/// the security headers the assets are served with (`edge-worker/_headers`).
/// Whether anything changed. (A revision from before the headers file, as
/// `bench --against` may serve, has none to copy.)
pub fn sync_locales(repo: &Repo) -> Result<bool> {
    let source = repo.path("edge-worker/_headers");
    let headers = source.is_file()
        && write_if_changed(
            &dir(repo).join("_headers"),
            &std::fs::read(&source).context("reading edge-worker/_headers")?,
        )?;
    Ok(copy_locales(&repo.path("locales"), &dir(repo).join("locales"))? || headers)
}

/// Reads the locale folders of `source` (those with a `widget.ftl`) into
/// `target/copy.json`, written only when it changes. Whether it changed.
fn copy_locales(source: &Path, target: &Path) -> Result<bool> {
    let mut copy = ShippedCopy::default();
    for entry in
        std::fs::read_dir(source).with_context(|| format!("reading {}", source.display()))?
    {
        let entry = entry?;
        let Ok(tag) = entry.file_name().into_string() else {
            continue;
        };
        let folder = entry.path();
        let widget = folder.join("widget.ftl");
        if !widget.is_file() {
            continue;
        }
        copy.widget.insert(tag.clone(), read(&widget)?);
        let dashboard = folder.join("dashboard.ftl");
        if dashboard.is_file() {
            copy.dashboard.insert(tag, read(&dashboard)?);
        }
    }
    let json = serde_json::to_vec(&copy)?;
    write_if_changed(&target.join("copy.json"), &json)
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Keeps the assets in step with `locales/` from a background thread, for
/// as long as the answer is kept.
pub fn watch_locales(repo: &Repo) -> Watching {
    watch(repo.path("locales"), dir(repo).join("locales"))
}

/// A mirroring thread from [`watch`]; dropping this stops it and waits
/// until it has (so it writes nothing afterwards).
#[must_use = "the mirroring stops when this is dropped"]
pub struct Watching {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Mirrors the locale folders of `source` into `target` now and then
/// twice a second from a background thread (see [`watch_locales`]), until
/// the answer is dropped (then its folders may be removed: it writes no
/// more).
pub fn watch(source: PathBuf, target: PathBuf) -> Watching {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopped = stop.clone();
    let thread = std::thread::spawn(move || {
        while !stopped.load(std::sync::atomic::Ordering::Relaxed) {
            match copy_locales(&source, &target) {
                Ok(true) => println!(
                    "{}: changed; the collector serves the new copy after its reload",
                    source.display()
                ),
                Ok(false) => {}
                Err(err) => eprintln!("cannot copy {}: {err:#}", source.display()),
            }
            std::thread::sleep(Duration::from_millis(500));
        }
    });
    Watching {
        stop,
        thread: Some(thread),
    }
}

/// Copies the folder `from` into `to`, recursively (`to` is replaced).
pub fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> Result<PathBuf> {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(dir)
    }

    fn shipped(target: &Path) -> Result<ShippedCopy> {
        Ok(serde_json::from_slice(&std::fs::read(
            target.join("copy.json"),
        )?)?)
    }

    #[test]
    fn edits_new_and_removed_locales_reach_the_assets_and_nothing_else_is_rewritten() -> Result<()>
    {
        let root = scratch("locales")?;
        let (source, target) = (root.join("locales"), root.join("assets/locales"));
        for (tag, text) in [("en-US", "a = A\n"), ("de", "a = Ä\n")] {
            std::fs::create_dir_all(source.join(tag))?;
            std::fs::write(source.join(tag).join("widget.ftl"), text)?;
        }
        std::fs::create_dir_all(source.join("notes"))?; // no widget.ftl: not a locale

        assert!(copy_locales(&source, &target)?);
        let copy = shipped(&target)?;
        assert_eq!(copy.list().locales, ["de", "en-US"]);
        assert_eq!(copy.widget["de"], "a = Ä\n");
        assert!(copy.dashboard.is_empty());
        assert!(
            !copy_locales(&source, &target)?,
            "nothing changed, nothing written"
        );

        std::fs::write(source.join("de/widget.ftl"), "a = Öh\n")?;
        std::fs::write(source.join("de/dashboard.ftl"), "d = D\n")?;
        std::fs::create_dir_all(source.join("sv"))?;
        std::fs::write(source.join("sv/widget.ftl"), "a = Å\n")?;
        assert!(copy_locales(&source, &target)?);
        let copy = shipped(&target)?;
        assert_eq!(copy.widget["de"], "a = Öh\n");
        assert_eq!(copy.dashboard["de"], "d = D\n");
        assert_eq!(copy.list().locales, ["de", "en-US", "sv"]);

        std::fs::remove_dir_all(source.join("de"))?;
        assert!(copy_locales(&source, &target)?);
        assert_eq!(shipped(&target)?.list().locales, ["en-US", "sv"]);
        std::fs::remove_dir_all(root)?;
        Ok(())
    }
}
